//! The panel's configuration: typed, validated once, with messages that name the attribute at fault.
use crate::fields::SHOWN;
use crate::i18n::{number, text, Words};
use crate::model::Arrangement;
// Which CRM: the provider module's (everything that differs between them is answered there).
pub use crate::provider::ProviderKind;

/// The panel's colours: light, dark, or following the system's `prefers-color-scheme` (auto).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    fn parse(text: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark, Theme::Auto].into_iter().find(|t| t.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// A field of a person that rows and details can show (`fields`): the field table's.
pub use crate::fields::Field;

/// What rows and a person's details show, in order (`fields`); `None`: the panel's own choice.
/// Presentation only, like the theme: changing it never reloads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields(Option<Vec<Field>>);

impl Fields {
    /// `"email, company,stage"` (names case aside, each once, in order); the first unknown name
    /// is the error. Nothing written: the panel's own choice.
    pub fn parse(text: &str) -> Result<Fields, String> {
        let mut chosen = Vec::new();
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let field = Field::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(name)).ok_or(name)?;
            if !chosen.contains(&field) {
                chosen.push(field);
            }
        }
        Ok(Fields((!chosen.is_empty()).then_some(chosen)))
    }

    pub fn of_row(&self) -> &[Field] {
        static ROW: ([Field; SHOWN.len()], usize) = by_default(true);
        self.0.as_deref().unwrap_or(&ROW.0[..ROW.1])
    }

    pub fn of_details(&self) -> &[Field] {
        static DETAILS: ([Field; SHOWN.len()], usize) = by_default(false);
        self.0.as_deref().unwrap_or(&DETAILS.0[..DETAILS.1])
    }
}

/// The fields the table shows in a row (`row`) or the details unless the host chose, in its order
/// (and how many).
const fn by_default(row: bool) -> ([Field; SHOWN.len()], usize) {
    let (mut fields, mut count, mut i) = ([Field::Email; SHOWN.len()], 0, 0);
    while i < SHOWN.len() {
        if (row && SHOWN[i].row_by_default) || (!row && SHOWN[i].details_by_default) {
            fields[count] = SHOWN[i].field;
            count += 1;
        }
        i += 1;
    }
    (fields, count)
}

/// Whether the loaded list is remembered in the browser (`cache`), and where: not at all, in this
/// tab until it closes (sessionStorage), or on the device for at most a day (localStorage).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CacheMode {
    #[default]
    None,
    Session,
    Device,
}

impl CacheMode {
    pub fn as_str(self) -> &'static str {
        match self {
            CacheMode::None => "none",
            CacheMode::Session => "session",
            CacheMode::Device => "device",
        }
    }

    fn parse(text: &str) -> Option<CacheMode> {
        match text.trim().to_ascii_lowercase().as_str() {
            "none" => Some(CacheMode::None),
            "session" => Some(CacheMode::Session),
            "device" => Some(CacheMode::Device),
            _ => None,
        }
    }
}

// The defaults live with the first requests they shape (js/early.js reads the same ones).
pub use crate::provider::plan::{DEFAULT_CREDENTIALS_URL, DEFAULT_PAGE_SIZE, DEFAULT_ROLLOUT_API, MAX_PAGE_SIZE};

/// A wrong attribute: the message that says so (in the panel's language) and the value written.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError {
    pub id: &'static str,
    pub value: String,
}

impl ConfigError {
    pub fn message(&self, words: &Words) -> String {
        let known = Field::ALL.map(Field::name).join(", ");
        words.tf(self.id, [("value", text(&self.value)), ("max", number(MAX_PAGE_SIZE)), ("known", text(&known))])
    }
}

/// A validated configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct PanelConfig {
    pub token_url: String,
    pub provider: ProviderKind,
    pub api_base: String,
    pub credentials_url: String,
    /// A credential id fixed by the host (Rollout only).
    pub credential_id: Option<String>,
    pub page_size: u32,
    pub cache: CacheMode,
}

/// The element's attributes as the page wrote them (absent = `None`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawConfig {
    pub token_url: Option<String>,
    pub provider: Option<String>,
    pub api_base: Option<String>,
    pub credentials_url: Option<String>,
    pub credential_id: Option<String>,
    pub page_size: Option<String>,
    pub theme: Option<String>,
    /// Presentation only, like `theme`: an unknown language falls back, it is not an error.
    pub lang: Option<String>,
    /// Presentation only, like `theme` (a wrong name is reported by `parse`).
    pub fields: Option<String>,
    pub cache: Option<String>,
    /// The list's order and filter: the host's to set, the user's to change (a wrong value is
    /// reported by `parse`).
    pub sort: Option<String>,
    pub filter: Option<String>,
}

impl RawConfig {
    /// Sets the attribute `name`; returns false for an attribute the panel doesn't know.
    pub fn set(&mut self, name: &str, value: Option<String>) -> bool {
        let slot = match name {
            "token-url" => &mut self.token_url,
            "provider" => &mut self.provider,
            "api-base" => &mut self.api_base,
            "credentials-url" => &mut self.credentials_url,
            "credential-id" => &mut self.credential_id,
            "page-size" => &mut self.page_size,
            "theme" => &mut self.theme,
            "lang" => &mut self.lang,
            "fields" => &mut self.fields,
            "cache" => &mut self.cache,
            "sort" => &mut self.sort,
            "filter" => &mut self.filter,
            _ => return false,
        };
        *slot = value;
        true
    }

    /// The theme to show, whatever else is wrong (a wrong value is reported by `parse`).
    pub fn theme(&self) -> Theme {
        self.theme.as_deref().and_then(Theme::parse).unwrap_or_default()
    }

    /// The fields to show, whatever else is wrong (a wrong name is reported by `parse`).
    pub fn fields(&self) -> Fields {
        self.fields.as_deref().and_then(|text| Fields::parse(text).ok()).unwrap_or_default()
    }

    /// The list's order and filter as the host set them, whatever else is wrong (a wrong value is
    /// reported by `parse`, and the CRM's order or no filter is shown meanwhile).
    pub fn arrangement(&self) -> Arrangement {
        let sort = Arrangement::parse(self.sort.as_deref(), None).map(|a| a.sort).unwrap_or_default();
        let filter = Arrangement::parse(None, self.filter.as_deref()).map(|a| a.filter).unwrap_or_default();
        Arrangement { sort, filter }
    }

    /// Validates the attributes; the error names the attribute for the page's developer.
    /// Presentation (`theme`) is checked here but kept out of `PanelConfig`: changing it doesn't reload.
    pub fn parse(&self) -> Result<PanelConfig, ConfigError> {
        let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
        let wrong = |id: &'static str, value: &str| ConfigError { id, value: value.to_string() };
        let token_url = given(&self.token_url).ok_or_else(|| wrong("config.token-url", ""))?;
        let provider = match given(&self.provider) {
            None => ProviderKind::default(),
            Some(name) => ProviderKind::named(&name).ok_or_else(|| wrong("config.provider", &name))?,
        };
        let api_base = match (given(&self.api_base), provider.first_requests().default_api_base) {
            (Some(base), _) => base,
            (None, Some(default)) => default.to_string(),
            (None, None) => return Err(wrong("config.rally-api-base", "")),
        };
        let page_size = match given(&self.page_size) {
            None => DEFAULT_PAGE_SIZE,
            Some(text) => text
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=MAX_PAGE_SIZE).contains(n))
                .ok_or_else(|| wrong("config.page-size", &text))?,
        };
        if let Some(text) = given(&self.theme).filter(|t| Theme::parse(t).is_none()) {
            return Err(wrong("config.theme", &text));
        }
        if let Some(Err(name)) = self.fields.as_deref().map(Fields::parse) {
            return Err(wrong("config.fields", &name));
        }
        if let Err((attribute, value)) = Arrangement::parse(self.sort.as_deref(), self.filter.as_deref()) {
            return Err(wrong(if attribute == "sort" { "config.sort" } else { "config.filter" }, &value));
        }
        let cache = match given(&self.cache) {
            None => CacheMode::None,
            Some(text) => CacheMode::parse(&text).ok_or_else(|| wrong("config.cache", &text))?,
        };
        Ok(PanelConfig {
            token_url,
            provider,
            api_base: api_base.trim_end_matches('/').to_string(),
            credentials_url: given(&self.credentials_url).unwrap_or_else(|| DEFAULT_CREDENTIALS_URL.into()),
            credential_id: given(&self.credential_id),
            page_size,
            cache,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interface::attribute_names;

    fn raw(pairs: &[(&str, &str)]) -> RawConfig {
        let mut r = RawConfig::default();
        for (k, v) in pairs {
            assert!(r.set(k, Some(v.to_string())));
        }
        r
    }

    #[test]
    fn the_interface_says_what_the_field_table_does() {
        let about = |name: &str| crate::interface::ATTRIBUTES.iter().find(|a| a.name == name).unwrap();
        let names = |fields: &[Field]| fields.iter().map(|f| f.name()).collect::<Vec<_>>();
        let (rows, details) = (names(Fields::default().of_row()), names(Fields::default().of_details()));
        let fields = about("fields");
        assert_eq!(fields.default, format!("\"{}\"", rows.join(",")));
        let unset = fields.about.split_once("Unset: ").unwrap().1;
        let (in_rows, in_details) = unset.split_once(" in rows; all but ").unwrap();
        assert_eq!(in_rows.replace(" and ", ", ").split(", ").collect::<Vec<_>>(), rows);
        let left_out: Vec<&str> = Field::ALL.iter().map(|f| f.name()).filter(|n| !details.contains(n)).collect();
        assert_eq!(
            in_details.split_once(" in details").unwrap().0.replace(" and ", ", ").split(", ").collect::<Vec<_>>(),
            left_out
        );
        for key in crate::model::SortKey::ALL {
            assert!(about("sort").about.contains(key.name()), "sort's words name {}", key.name());
        }
        for facet in crate::model::Facet::ALL {
            assert!(
                about("filter").about.contains(&format!("{}:", facet.name())),
                "filter's words name {}",
                facet.name()
            );
        }
    }

    #[test]
    fn defaults_follow_the_design() {
        let c = raw(&[("token-url", "/api/rollout-token")]).parse().unwrap();
        assert_eq!((c.provider, c.api_base.as_str(), c.page_size), (ProviderKind::Rollout, DEFAULT_ROLLOUT_API, 50));
        assert_eq!(c.credentials_url, DEFAULT_CREDENTIALS_URL);
    }

    #[test]
    fn bad_attributes_get_a_message_naming_them() {
        assert!(RawConfig::default().parse().unwrap_err().message(&Words::default()).contains("token-url"));
        assert!(raw(&[("token-url", "/t"), ("page-size", "0")])
            .parse()
            .unwrap_err()
            .message(&Words::default())
            .contains("page-size=\"0\""));
        assert!(raw(&[("token-url", "/t"), ("page-size", "101")]).parse().is_err());
        assert!(raw(&[("token-url", "/t"), ("provider", "salesforce")])
            .parse()
            .unwrap_err()
            .message(&Words::default())
            .contains("\"salesforce\""));
        assert!(raw(&[("token-url", "/t"), ("provider", "rally")])
            .parse()
            .unwrap_err()
            .message(&Words::default())
            .contains("api-base"));
        assert!(raw(&[("token-url", "/t"), ("theme", "purple")])
            .parse()
            .unwrap_err()
            .message(&Words::default())
            .contains("theme=\"purple\""));
        assert!(raw(&[("token-url", "/t"), ("cache", "forever")])
            .parse()
            .unwrap_err()
            .message(&Words::default())
            .contains("cache=\"forever\""));
        assert_eq!(raw(&[("token-url", "/t"), ("cache", " Device ")]).parse().unwrap().cache, CacheMode::Device);
        assert!(!RawConfig::default().set("colour", None));
        assert!(attribute_names().all(|a| RawConfig::default().set(a, None)), "every observed attribute is read");
    }

    #[test]
    fn the_theme_is_presentation_only() {
        let dark = raw(&[("token-url", "/t"), ("theme", "Dark")]);
        assert_eq!(dark.theme(), Theme::Dark);
        assert_eq!(dark.parse(), raw(&[("token-url", "/t")]).parse(), "a theme change doesn't change what is loaded");
        assert_eq!(raw(&[("theme", "purple")]).theme(), Theme::Auto);
    }

    #[test]
    fn fields_are_chosen_in_order_and_a_wrong_name_is_said() {
        let chosen = raw(&[("token-url", "/t"), ("fields", " Company, job-title,email,company ")]);
        assert_eq!(chosen.fields().of_row(), [Field::Company, Field::JobTitle, Field::Email]);
        assert_eq!(chosen.fields().of_details(), chosen.fields().of_row());
        assert_eq!(chosen.parse(), raw(&[("token-url", "/t")]).parse(), "a field change doesn't reload");
        let default = raw(&[("token-url", "/t"), ("fields", " ")]).fields();
        assert_eq!(default.of_row(), [Field::Email, Field::Phone, Field::Company, Field::Stage, Field::Tags]);
        let all_but_updated: Vec<Field> = Field::ALL.into_iter().filter(|f| *f != Field::Updated).collect();
        assert_eq!(default.of_details(), all_but_updated);
        let wrong = raw(&[("token-url", "/t"), ("fields", "email,birthday")]).parse().unwrap_err();
        assert_eq!(wrong, ConfigError { id: "config.fields", value: "birthday".into() });
        let said = wrong.message(&Words::default());
        assert!(said.contains("\"birthday\"") && said.contains("job-title, city, stage"), "{said}");
        assert_eq!(raw(&[("fields", "email,birthday")]).fields(), Fields::default(), "shown as before meanwhile");
    }

    #[test]
    fn sort_and_filter_are_presentation_and_a_wrong_one_is_said() {
        let chosen = raw(&[("token-url", "/t"), ("sort", "-updated"), ("filter", "stage:Lead,tag:buyer")]);
        assert_eq!(chosen.arrangement(), Arrangement::parse(Some("-updated"), Some("stage:Lead,tag:buyer")).unwrap());
        assert_eq!(chosen.parse(), raw(&[("token-url", "/t")]).parse(), "a new order doesn't reload");
        let words = Words::default();
        let sort = raw(&[("token-url", "/t"), ("sort", "age")]).parse().unwrap_err().message(&words);
        assert!(sort.contains("sort=\"age\"") && sort.contains("-updated"), "{sort}");
        let filter = raw(&[("token-url", "/t"), ("filter", "owner:me")]).parse().unwrap_err().message(&words);
        assert!(filter.contains("\"owner:me\"") && filter.contains("stage:"), "{filter}");
        assert_eq!(
            raw(&[("sort", "age"), ("filter", "stage:VIP")]).arrangement().sort,
            None,
            "the CRM's order meanwhile"
        );
    }

    #[test]
    fn rally_takes_its_base_without_a_trailing_slash() {
        let c = raw(&[("token-url", "/t"), ("provider", "Rally"), ("api-base", "https://acme.rallycrm.io/api/v1/")])
            .parse()
            .unwrap();
        assert_eq!((c.provider, c.api_base.as_str()), (ProviderKind::Rally, "https://acme.rallycrm.io/api/v1"));
    }
}
