//! The element's public interface, as data: its one list of attributes, properties, methods,
//! events, CSS custom properties and parts. The element reads its attributes from here; `cargo
//! xtask dist` writes the package's TypeScript declarations and Custom Elements Manifest from here;
//! tests fail when js/element.js, js/style.js, the views or the panel's events say otherwise.
//!
//! Plain data with no dependencies, so that xtask can include this file as it is.

pub const TAG: &str = "people-panel";
pub const CLASS: &str = "PeoplePanelElement";

pub struct Attribute {
    pub name: &'static str,
    /// Its TypeScript type.
    pub ty: &'static str,
    /// As the manifest shows it (JSON text), or "" for none.
    pub default: &'static str,
    pub about: &'static str,
}

pub struct Member {
    pub name: &'static str,
    /// A property's type, or a method's parameters in TypeScript (`credential: PeoplePanelCredential`).
    pub ty: &'static str,
    pub method: bool,
    /// A method's return type in TypeScript ("" for a property).
    pub returns: &'static str,
    pub about: &'static str,
}

pub struct Event {
    pub name: &'static str,
    /// The TypeScript type of `detail`.
    pub detail: &'static str,
    pub about: &'static str,
}

pub struct CssName {
    pub name: &'static str,
    pub about: &'static str,
}

pub const ATTRIBUTES: [Attribute; 12] = [
    Attribute {
        name: "token-url",
        ty: "string",
        default: "",
        about: "Your backend's route that returns a short-lived token (JSON `{ token }` or the bare JWT). Required.",
    },
    Attribute {
        name: "provider",
        ty: "\"rollout\" | \"rally\"",
        default: "\"rollout\"",
        about: "Which CRM API to call.",
    },
    Attribute {
        name: "api-base",
        ty: "string",
        default: "\"https://crm.universal.rollout.com/api\"",
        about: "The CRM data API's base URL; required for Rally.",
    },
    Attribute {
        name: "credentials-url",
        ty: "string",
        default: "\"https://universal.rollout.com/api/credentials\"",
        about: "Rollout's credentials list, read when no credential id is known.",
    },
    Attribute {
        name: "credential-id",
        ty: "string",
        default: "",
        about: "Use this Rollout credential id rather than resolving one.",
    },
    Attribute { name: "page-size", ty: "number", default: "50", about: "People per request, 1 to 100." },
    Attribute {
        name: "theme",
        ty: "\"light\" | \"dark\" | \"auto\"",
        default: "\"auto\"",
        about: "The panel's colours; auto follows prefers-color-scheme, live.",
    },
    Attribute {
        name: "lang",
        ty: "string",
        default: "",
        about: "The language of the panel's words (en, de, es); else the nearest lang up the page, else English. Live.",
    },
    Attribute {
        name: "cache",
        ty: "\"none\" | \"session\" | \"device\"",
        default: "\"none\"",
        about: "Remember the loaded list (its first 2,000 people) per user, CRM API and credential: session keeps it in this tab until it closes, device in the browser for at most 24 hours; shown on the next load once the token has answered, then brought up to date. none keeps no person in the browser.",
    },
    Attribute {
        name: "fields",
        ty: "string",
        default: "\"email,phone,company,stage,tags\"",
        about: "What rows and a person's details show, in order: comma-separated PeoplePanelField names. Unset: email, phone, company, stage and tags in rows; all but updated in details. Live.",
    },
    Attribute {
        name: "sort",
        ty: "string",
        default: "",
        about: "The list's order: name, created or updated, a leading - for descending (-updated); names in the panel's language. Unset: the CRM's order. Reflected when the user changes it. Live.",
    },
    Attribute {
        name: "filter",
        ty: "string",
        default: "",
        about: "What the list is narrowed to: stage:… and tag:… items, comma-separated, values as the CRM sends them (stage:Lead,stage:VIP,tag:buyer; a comma in a value is %2C). Two values of one field widen, of two fields narrow. Reflected when the user changes it. Live.",
    },
];

pub const MEMBERS: [Member; 7] = [
    Member {
        name: "credentialId",
        ty: "string | null",
        method: false,
        returns: "",
        about: "The Rollout credential id in use (set it to use another; null or \"\" clears the attribute).",
    },
    Member {
        name: "fields",
        ty: "PeoplePanelField[] | null",
        method: false,
        returns: "",
        about: "The fields attribute as a list (null: the panel's own choice); set it to a list or null.",
    },
    Member {
        name: "onCredentialAdded",
        ty: "credential: PeoplePanelCredential",
        method: true,
        returns: "void",
        about: "Hand it Rollout Link's onCredentialAdded: saves the credential for this user and loads their people.",
    },
    Member {
        name: "onCredentialDeleted",
        ty: "credential: PeoplePanelCredential",
        method: true,
        returns: "void",
        about: "Hand it Rollout Link's onCredentialDeleted: forgets that id when it is the one in use and asks to connect a CRM.",
    },
    Member {
        name: "refresh",
        ty: "",
        method: true,
        returns: "void",
        about: "Reloads the list from the CRM, asking the token route again (a user switch is noticed; after signOut() it loads again).",
    },
    Member {
        name: "signOut",
        ty: "",
        method: true,
        returns: "Promise<void>",
        about: "Call it from your app's sign-out: resolves once the token of this token-url (for every panel sharing it), the saved credential id and the drafts of its user are gone; those panels then show a signed-out state and send nothing until refresh() or another token-url.",
    },
    Member {
        name: "strings",
        ty: "Record<string, string | Record<string, string>>",
        method: false,
        returns: "",
        about: "Your own text for any of the panel's message ids (js/i18n.js); a plural is an object of Intl.PluralRules categories.",
    },
];

pub const EVENTS: [Event; 7] = [
    Event {
        name: "person-created",
        detail: "PeoplePanelPerson",
        about: "A person was created; the person as the API returned it.",
    },
    Event {
        name: "person-updated",
        detail: "PeoplePanelPerson",
        about: "A person was edited; the person as the API returned it.",
    },
    Event {
        name: "person-deleted",
        detail: "{ id: string }",
        about: "A person was deleted (or found already deleted).",
    },
    Event {
        name: "credential-changed",
        detail: "PeoplePanelCredential",
        about: "The panel uses another Rollout credential.",
    },
    Event {
        name: "credential-required",
        detail: "Record<string, never>",
        about: "No credential is known: connect a CRM (Rollout Link).",
    },
    Event {
        name: "panel-error",
        detail: "{ status: number; message: string }",
        about: "An error the panel could not recover from; `message` is the sentence it shows.",
    },
    Event {
        name: "view-changed",
        detail: "{ sort: string; filter: string }",
        about: "The user changed the list's order or filter (as the sort and filter attributes write them, which the panel has just set); not sent for what the host sets.",
    },
];

pub const CSS_PROPERTIES: [CssName; 13] = [
    CssName {
        name: "--people-panel-accent",
        about: "Primary buttons, links, the stage chip and focus rings (light #1d4ed8, dark #60a5fa).",
    },
    CssName {
        name: "--people-panel-on-accent",
        about: "Text on the accent: the primary button's label (light #ffffff, dark #0b1220).",
    },
    CssName { name: "--people-panel-background", about: "The panel's background (light #ffffff, dark #111827)." },
    CssName { name: "--people-panel-surface", about: "Forms, notices and tag chips (light #f3f4f6, dark #1f2937)." },
    CssName { name: "--people-panel-color", about: "Text (light #111827, dark #f9fafb)." },
    CssName {
        name: "--people-panel-muted",
        about: "Secondary text: counts, e-mails, hints (light #4b5563, dark #aeb5c0).",
    },
    CssName { name: "--people-panel-border", about: "Separators (light #d1d5db, dark #374151)." },
    CssName {
        name: "--people-panel-control-border",
        about: "Edges of fields and buttons (light #6b7280, dark #8b93a1).",
    },
    CssName { name: "--people-panel-danger", about: "Errors and the delete button (light #b91c1c, dark #fca5a5)." },
    CssName { name: "--people-panel-success", about: "Confirmations (light #047857, dark #6ee7b7)." },
    CssName { name: "--people-panel-radius", about: "Corner radius." },
    CssName { name: "--people-panel-list-height", about: "The list's height (it scrolls inside)." },
    CssName { name: "--people-panel-font", about: "The font family." },
];

pub const PARTS: [CssName; 17] = [
    CssName { name: "panel", about: "The panel's frame." },
    CssName { name: "header", about: "The title, count, search and actions." },
    CssName { name: "search", about: "The search field." },
    CssName { name: "button", about: "Every button." },
    CssName { name: "list", about: "The scrolling list of people." },
    CssName { name: "row", about: "One person in the list." },
    CssName { name: "stage", about: "A person's stage chip." },
    CssName { name: "tag", about: "A person's tag chip." },
    CssName { name: "form", about: "The create and edit form." },
    CssName { name: "state", about: "A whole-panel state: loading, syncing, connect, errors." },
    CssName { name: "error", about: "A state that is a failure (with `state`)." },
    CssName { name: "notice", about: "A one-line notice above the list." },
    CssName { name: "detail", about: "A person's details." },
    CssName { name: "footer", about: "Paging and load-more." },
    CssName { name: "toolbar", about: "The list's order and filter controls, under the header." },
    CssName { name: "filters", about: "The filter's choices, when open." },
    CssName { name: "empty", about: "The empty list or search." },
];

/// The attributes' names, in order: what the element observes.
pub fn attribute_names() -> impl Iterator<Item = &'static str> {
    ATTRIBUTES.iter().map(|a| a.name)
}
