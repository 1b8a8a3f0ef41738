//! The panel's domain: a person as shown, a new person as typed (with validation), and the loaded
//! list (paging position, de-duplication, search). Pure Rust, tested natively.
use crate::config::Field;
use crate::i18n::{number, text, Words};
use std::collections::HashSet;

use crate::json::Json;
use crate::text::fold;

/// A person as the panel shows it, whichever CRM it came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Person {
    pub id: String,
    pub name: String,
    /// The name's parts as the CRM stores them (what the edit form shows).
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    /// Primary first.
    pub emails: Vec<String>,
    /// Primary first.
    pub phones: Vec<String>,
    pub company: Option<String>,
    pub job_title: Option<String>,
    pub stage: Option<String>,
    pub tags: Vec<String>,
    pub source: Option<String>,
    pub created: Option<String>,
    /// When the CRM last changed this person (ISO-8601), for incremental refresh.
    pub updated: Option<String>,
    /// Folded text (case and diacritics aside) that search matches against, computed once.
    pub haystack: String,
}

impl Person {
    /// Fills in the search text; every provider calls this after mapping its fields.
    pub fn indexed(mut self) -> Self {
        let mut parts = vec![self.name.clone()];
        parts.extend(self.emails.iter().cloned());
        parts.extend(self.phones.iter().cloned());
        parts.extend(self.company.iter().cloned());
        parts.extend(self.job_title.iter().cloned());
        parts.extend(self.stage.iter().cloned());
        parts.extend(self.tags.iter().cloned());
        self.haystack = fold(&parts.join("\n"));
        self
    }

    pub fn primary_email(&self) -> Option<&str> {
        self.emails.first().map(String::as_str)
    }

    pub fn primary_phone(&self) -> Option<&str> {
        self.phones.first().map(String::as_str)
    }

    /// The person as the remembered list keeps it (remember.rs): the panel's own fields.
    pub fn to_json(&self) -> Json {
        let text = |v: &Option<String>| v.as_deref().map_or_else(Json::null, Json::string);
        let list = |v: &[String]| Json::array(v.iter().map(|s| Json::string(s)).collect());
        Json::object_of([
            ("id", Json::string(&self.id)),
            ("name", Json::string(&self.name)),
            ("firstName", text(&self.first_name)),
            ("lastName", text(&self.last_name)),
            ("emails", list(&self.emails)),
            ("phones", list(&self.phones)),
            ("company", text(&self.company)),
            ("jobTitle", text(&self.job_title)),
            ("stage", text(&self.stage)),
            ("tags", list(&self.tags)),
            ("source", text(&self.source)),
            ("created", text(&self.created)),
            ("updated", text(&self.updated)),
        ])
    }

    /// A person as `to_json` wrote it; `None` without an id.
    pub fn from_json(json: &Json) -> Option<Person> {
        let list = |key: &str| json.get(key).items().unwrap_or_default().iter().filter_map(Json::as_str).collect();
        Some(
            Person {
                id: json.text("id")?,
                name: json.get("name").as_str().unwrap_or_default(),
                first_name: json.text("firstName"),
                last_name: json.text("lastName"),
                emails: list("emails"),
                phones: list("phones"),
                company: json.text("company"),
                job_title: json.text("jobTitle"),
                stage: json.text("stage"),
                tags: list("tags"),
                source: json.text("source"),
                created: json.text("created"),
                updated: json.text("updated"),
                haystack: String::new(),
            }
            .indexed(),
        )
    }

    /// What a person's details show for `field` ("" when the CRM has nothing): every value, dates
    /// in the panel's language.
    pub fn field_text(&self, field: Field, words: &Words) -> String {
        let date = |iso: &Option<String>| iso.as_deref().map(|iso| words.date(iso)).unwrap_or_default();
        match field {
            Field::Email => self.emails.join(", "),
            Field::Phone => self.phones.join(", "),
            Field::Company => self.company.clone().unwrap_or_default(),
            Field::JobTitle => self.job_title.clone().unwrap_or_default(),
            Field::Stage => self.stage.clone().unwrap_or_default(),
            Field::Tags => self.tags.join(", "),
            Field::Source => self.source.clone().unwrap_or_default(),
            Field::Created => date(&self.created),
            Field::Updated => date(&self.updated),
        }
    }

    /// What a row shows for `field`: the primary e-mail or phone, otherwise as in the details.
    pub fn row_text(&self, field: Field, words: &Words) -> String {
        match field {
            Field::Email => self.primary_email().unwrap_or_default().to_string(),
            Field::Phone => self.primary_phone().unwrap_or_default().to_string(),
            _ => self.field_text(field, words),
        }
    }
}

/// Where the next page starts.
#[derive(Clone, Debug, PartialEq)]
pub enum Cursor {
    Start,
    /// The API's opaque `next` cursor.
    Token(String),
    Offset(usize),
    End,
}

/// One page as a provider parsed it.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub people: Vec<Person>,
    /// Each person as the API returned it (same order), for events about one of them.
    pub raw: Vec<Json>,
    pub next: Cursor,
    pub total: Option<u64>,
}

/// A number no list change has had before: two lists with one revision are the same list.
fn next_revision() -> u64 {
    static REVISIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    REVISIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Everything loaded so far, in server order, each person once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeopleList {
    pub people: Vec<Person>,
    ids: HashSet<String>,
    pub next: Option<Cursor>,
    pub total: Option<u64>,
    /// Changes with every change (0 for an empty new list): views memoize on it (one number), not
    /// on the list.
    revision: u64,
    /// Built at the first search after a change.
    index: LazyIndex,
}

/// The search index, once built; two lists are equal whatever their indexes (it is derived).
#[derive(Clone, Debug, Default)]
struct LazyIndex(std::sync::OnceLock<SearchIndex>);

impl PartialEq for LazyIndex {
    fn eq(&self, _: &LazyIndex) -> bool {
        true
    }
}

/// Everyone's search text end to end, each person's after a NUL (which neither folded text nor a
/// query word holds): one scan of it per query word finds the people who have that word, instead
/// of a search per person (100,000 people stay under 50 ms a keystroke).
#[derive(Clone, Debug, Default)]
struct SearchIndex {
    text: String,
    /// Where each person's text starts in `text`, in list order.
    starts: Vec<usize>,
}

impl SearchIndex {
    fn of(people: &[Person]) -> SearchIndex {
        let mut index = SearchIndex::default();
        index.extend(people);
        index
    }

    fn extend(&mut self, people: &[Person]) {
        self.text.reserve(people.iter().map(|p| p.haystack.len() + 1).sum());
        for person in people {
            self.text.push('\0');
            self.starts.push(self.text.len());
            self.text.push_str(&person.haystack);
        }
    }

    /// The positions of the people whose text holds `word`, in order.
    fn people_with(&self, word: &str) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        let mut person = 0;
        for (at, _) in self.text.match_indices(word) {
            while person + 1 < self.starts.len() && self.starts[person + 1] <= at {
                person += 1;
            }
            if found.last() != Some(&person) {
                found.push(person);
            }
        }
        found
    }
}

impl PeopleList {
    /// A list as it was remembered (remember.rs).
    pub fn of(people: Vec<Person>, next: Option<Cursor>, total: Option<u64>) -> PeopleList {
        let mut list = PeopleList { next, total, revision: next_revision(), ..PeopleList::default() };
        for person in people {
            if list.ids.insert(person.id.clone()) {
                list.people.push(person);
            }
        }
        list
    }

    /// Puts fresher copies of people already listed in their places; others are left out.
    pub fn refresh_in_place(&mut self, fresher: &[Person]) {
        self.changed();
        for person in fresher.iter().filter(|p| self.ids.contains(&p.id)) {
            if let Some(slot) = self.people.iter_mut().find(|p| p.id == person.id) {
                *slot = person.clone();
            }
        }
    }

    pub fn cursor(&self) -> Cursor {
        self.next.clone().unwrap_or(Cursor::Start)
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn has_more(&self) -> bool {
        !matches!(self.next, Some(Cursor::End))
    }

    /// Appends a page, skipping anyone already shown (a person created here, or a page that shifted).
    pub fn append(&mut self, page: Page) {
        // The search index grows with the pages (built from the first one), so that the first
        // search after loading everyone need not build it whole.
        let from = self.people.len();
        let index = if from == 0 { Some(SearchIndex::default()) } else { self.index.0.take() };
        self.changed();
        for person in page.people {
            if self.ids.insert(person.id.clone()) {
                self.people.push(person);
            }
        }
        if let Some(mut index) = index {
            index.extend(&self.people[from..]);
            self.index = LazyIndex(index.into());
        }
        self.next = Some(page.next);
        if page.total.is_some() {
            self.total = page.total;
        }
    }

    /// Shows a person just created, at the top, without refetching; counts it in the total.
    pub fn add_created(&mut self, person: Person) {
        self.changed();
        if self.ids.insert(person.id.clone()) {
            self.people.insert(0, person);
            if let Some(total) = &mut self.total {
                *total += 1;
            }
        }
    }

    /// Applies people changed on the server: replaced in place when loaded, added on top otherwise.
    /// Returns how many were new.
    pub fn merge_changed(&mut self, changed: Vec<Person>) -> usize {
        self.changed();
        let mut added = 0;
        for person in changed {
            if self.ids.contains(&person.id) {
                if let Some(slot) = self.people.iter_mut().find(|p| p.id == person.id) {
                    *slot = person;
                }
            } else {
                self.add_created(person);
                added += 1;
            }
        }
        added
    }

    /// Drops people deleted on the server; returns how many were shown.
    pub fn remove(&mut self, ids: &[String]) -> usize {
        self.changed();
        let before = self.people.len();
        self.people.retain(|p| !ids.contains(&p.id));
        let removed = before - self.people.len();
        for id in ids {
            self.ids.remove(id);
        }
        if let Some(total) = &mut self.total {
            *total = total.saturating_sub(removed as u64);
        }
        removed
    }

    /// The latest change the loaded list reflects (ISO-8601 strings of one format sort in time order).
    pub fn watermark(&self) -> Option<String> {
        self.people.iter().filter_map(|p| p.updated.clone()).max()
    }

    /// Indices of the people matching `query`: every word of it in their text, case and diacritics
    /// aside (all when it is blank).
    pub fn search(&self, query: &str) -> Vec<usize> {
        let query = fold(query.trim());
        let mut words = query.split_whitespace();
        let Some(first) = words.next() else { return (0..self.people.len()).collect() };
        let index = self.index.0.get_or_init(|| SearchIndex::of(&self.people));
        let mut found = index.people_with(first);
        for word in words {
            let also = index.people_with(word);
            found.retain(|i| also.binary_search(i).is_ok());
        }
        found
    }

    /// Every change: a new revision, and the search index built again when next needed.
    fn changed(&mut self) {
        self.revision = next_revision();
        self.index = Default::default();
    }

    /// "120 of 3,400", or "120" while the total is unknown.
    /// "120 of 3,400", or "7 matching · 120 of 3,400 loaded" while searching, in `words`' language.
    pub fn count_label(&self, words: &Words, shown: usize) -> String {
        let loaded = self.people.len();
        let base = match self.total {
            Some(total) if total as usize >= loaded => {
                words.tf("count.of", [("loaded", number(loaded as f64)), ("total", number(total as f64))])
            }
            _ => words.tf("count.loaded", [("loaded", number(loaded as f64))]),
        };
        if shown == loaded {
            base
        } else {
            words.tf("count.matching", [("shown", number(shown as f64)), ("base", text(&base))])
        }
    }
}

pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The create form's values, as typed. Also the saved draft.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewPerson {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub company: String,
    pub job_title: String,
    pub stage: String,
    /// Comma-separated.
    pub tags: String,
}

/// A problem with one form field, shown beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// What a CRM's create form asks for and insists on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FormRules {
    /// Rollout: a first or a last name. Rally: both.
    pub both_names: bool,
    pub email_required: bool,
    /// Rally stores a company id, not a name: its form has no company field.
    pub has_company: bool,
}

impl NewPerson {
    /// The form field `field` (`first_name`, `last_name`, `email`, `phone`, `company`, `job_title`,
    /// `stage`, `tags`).
    pub fn get(&self, field: &str) -> &str {
        match field {
            "first_name" => &self.first_name,
            "last_name" => &self.last_name,
            "email" => &self.email,
            "phone" => &self.phone,
            "company" => &self.company,
            "job_title" => &self.job_title,
            "stage" => &self.stage,
            "tags" => &self.tags,
            _ => "",
        }
    }

    pub fn set(&mut self, field: &str, value: String) {
        let slot = match field {
            "first_name" => &mut self.first_name,
            "last_name" => &mut self.last_name,
            "email" => &mut self.email,
            "phone" => &mut self.phone,
            "company" => &mut self.company,
            "job_title" => &mut self.job_title,
            "stage" => &mut self.stage,
            "tags" => &mut self.tags,
            _ => return,
        };
        *slot = value;
    }

    pub fn is_empty(&self) -> bool {
        *self == NewPerson::default()
    }

    /// Every field with its name (the form's field names, and the draft's keys).
    fn fields_mut(&mut self) -> [(&'static str, &mut String); 8] {
        [
            ("first_name", &mut self.first_name),
            ("last_name", &mut self.last_name),
            ("email", &mut self.email),
            ("phone", &mut self.phone),
            ("company", &mut self.company),
            ("job_title", &mut self.job_title),
            ("stage", &mut self.stage),
            ("tags", &mut self.tags),
        ]
    }

    /// The edit form for `person`, prefilled with what is known of them.
    pub fn from_person(person: &Person) -> NewPerson {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        NewPerson {
            first_name: text(&person.first_name),
            last_name: text(&person.last_name),
            email: person.primary_email().unwrap_or_default().to_string(),
            phone: person.primary_phone().unwrap_or_default().to_string(),
            company: text(&person.company),
            job_title: text(&person.job_title),
            stage: text(&person.stage),
            tags: person.tags.join(", "),
        }
    }

    /// The names of the fields that differ from `before` (trimmed values compared).
    pub fn changed_from(&self, before: &NewPerson) -> Vec<&'static str> {
        let (mut now, mut then) = (self.clone(), before.clone());
        now.fields_mut()
            .into_iter()
            .zip(then.fields_mut())
            .filter(|((_, a), (_, b))| a.trim() != b.trim())
            .map(|((name, _), _)| name)
            .collect()
    }

    /// The saved draft's form: `{ "first_name": "…", … }`.
    pub fn to_json(&self) -> Json {
        Json::object_of(self.clone().fields_mut().map(|(key, value)| (key, Json::string(value))))
    }

    /// A saved draft; unknown or missing keys are ignored.
    pub fn from_json(json: &Json) -> NewPerson {
        let mut person = NewPerson::default();
        for (key, value) in person.fields_mut() {
            *value = json.get(key).as_str().unwrap_or_default();
        }
        person
    }

    /// Whether `person` is what this form would create: same email, or same name when no email.
    pub fn matches(&self, person: &Person) -> bool {
        let email = self.email.trim();
        if !email.is_empty() {
            return person.emails.iter().any(|e| e.eq_ignore_ascii_case(email));
        }
        let name = [self.first_name.trim(), self.last_name.trim()].join(" ");
        fold(person.name.trim()) == fold(name.trim())
    }

    pub fn tag_list(&self) -> Vec<String> {
        self.tags.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_string).collect()
    }

    pub fn validate(&self, needs: FormRules) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut error = |field, message: &str| errors.push(FieldError { field, message: message.into() });
        let (first, last) = (self.first_name.trim(), self.last_name.trim());
        if needs.both_names {
            if first.is_empty() {
                error("first_name", "form.first-name-required");
            }
            if last.is_empty() {
                error("last_name", "form.last-name-required");
            }
        } else if first.is_empty() && last.is_empty() {
            error("first_name", "form.name-required");
        }
        let email = self.email.trim();
        if email.is_empty() {
            if needs.email_required {
                error("email", "form.email-required");
            }
        } else if !is_email(email) {
            error("email", "form.email-invalid");
        }
        let phone = self.phone.trim();
        if !phone.is_empty() && !phone.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c)) {
            error("phone", "form.phone-invalid");
        }
        errors
    }
}

pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, name: &str) -> Person {
        Person { id: id.into(), name: name.into(), ..Default::default() }.indexed()
    }

    fn page(ids: &[&str], next: Cursor) -> Page {
        Page { people: ids.iter().map(|i| person(i, i)).collect(), raw: vec![], next, total: Some(5) }
    }

    #[test]
    fn appending_pages_skips_people_already_shown() {
        let mut list = PeopleList::default();
        assert_eq!(list.cursor(), Cursor::Start);
        list.append(page(&["a", "b"], Cursor::Token("c2".into())));
        list.add_created(person("new", "New"));
        list.append(page(&["b", "c", "new"], Cursor::End));
        let ids: Vec<&str> = list.people.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["new", "a", "b", "c"]);
        assert!(!list.has_more());
        assert_eq!(list.total, Some(5));
    }

    #[test]
    fn refresh_merges_changes_and_drops_deletions() {
        let mut list = PeopleList::default();
        let with_update = |id: &str, name: &str, at: &str| Person { updated: Some(at.into()), ..person(id, name) };
        list.append(Page {
            people: vec![
                with_update("a", "Ana", "2026-01-01T00:00:00.000Z"),
                with_update("b", "Bo", "2026-01-02T00:00:00.000Z"),
            ],
            raw: vec![],
            next: Cursor::End,
            total: Some(2),
        });
        assert_eq!(list.watermark().as_deref(), Some("2026-01-02T00:00:00.000Z"));
        let added = list.merge_changed(vec![
            with_update("a", "Ana Silva", "2026-03-01T00:00:00.000Z"),
            with_update("c", "Cy", "2026-03-02T00:00:00.000Z"),
        ]);
        assert_eq!(added, 1);
        assert_eq!(list.remove(&["b".to_string(), "zz".to_string()]), 1);
        let names: Vec<&str> = list.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Cy", "Ana Silva"]);
        assert_eq!(list.total, Some(2));
        assert_eq!(list.watermark().as_deref(), Some("2026-03-02T00:00:00.000Z"));
    }

    #[test]
    fn search_matches_every_word_anywhere_case_insensitively() {
        let mut list = PeopleList::default();
        let mut ana = person("1", "Ana García");
        ana.company = Some("Blue Door Homes".into());
        list.append(Page {
            people: vec![ana.indexed(), person("2", "Юлия Иванова")],
            raw: vec![],
            next: Cursor::End,
            total: None,
        });
        assert_eq!(list.search("garcía blue"), [0]);
        assert_eq!(list.search("юлия"), [1]);
        assert_eq!(list.search("  "), [0, 1]);
        assert!(list.search("nobody").is_empty());
    }

    #[test]
    fn search_sees_every_change_and_never_matches_across_two_people() {
        let mut list = PeopleList::default();
        list.append(Page {
            people: vec![person("1", "Ab"), person("2", "Cd")],
            raw: vec![],
            next: Cursor::End,
            total: None,
        });
        assert!(
            list.search("bc").is_empty() && list.search("b\nc").is_empty(),
            "one person's end, the next one's start"
        );
        assert_eq!(list.search("cd"), [1]);
        list.add_created(person("3", "Cdx"));
        assert_eq!(list.search("cd"), [0, 2], "the index follows the list");
        list.remove(&["2".to_string()]);
        assert_eq!(list.search("cd"), [0]);
        list.refresh_in_place(&[person("1", "Renamed")]);
        assert_eq!(list.search("renamed"), [1]);
        assert_eq!(list.search("ab"), Vec::<usize>::new());
    }

    #[test]
    fn counts_read_naturally() {
        let mut list = PeopleList::default();
        list.append(Page {
            people: (0..120).map(|i| person(&i.to_string(), "x")).collect(),
            raw: vec![],
            next: Cursor::Offset(120),
            total: Some(3400),
        });
        let words = Words::default();
        assert_eq!(list.count_label(&words, 120), "120 of 3,400");
        assert_eq!(list.count_label(&words, 7), "7 matching · 120 of 3,400 loaded");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn a_draft_recognises_the_person_it_created() {
        let mut ana = person("9", "Ana Silva");
        ana.emails = vec!["Ana@Example.com".into()];
        assert!(
            NewPerson { first_name: "Ana".into(), email: "ana@example.com".into(), ..Default::default() }.matches(&ana)
        );
        assert!(!NewPerson {
            first_name: "Ana".into(),
            last_name: "Silva".into(),
            email: "x@example.com".into(),
            ..Default::default()
        }
        .matches(&ana));
        assert!(NewPerson { first_name: " ana".into(), last_name: "SILVA ".into(), ..Default::default() }.matches(&ana));
    }

    #[test]
    fn an_edit_starts_from_the_person_and_knows_what_changed() {
        let mut ana = person("1", "Ana Silva");
        (ana.first_name, ana.last_name, ana.emails, ana.tags) = (
            Some("Ana".into()),
            Some("Silva".into()),
            vec!["a@x.io".into(), "b@x.io".into()],
            vec!["vip".into(), "buyer".into()],
        );
        let before = NewPerson::from_person(&ana);
        assert_eq!(
            (before.first_name.as_str(), before.email.as_str(), before.tags.as_str()),
            ("Ana", "a@x.io", "vip, buyer")
        );
        let mut after = before.clone();
        assert!(after.changed_from(&before).is_empty());
        after.email = " ana@new.io ".into();
        after.last_name = "Silva ".into();
        assert_eq!(after.changed_from(&before), ["email"], "trailing spaces are no change");
    }

    #[test]
    fn a_draft_survives_saving_and_reading() {
        let draft = NewPerson { first_name: "Zoë".into(), tags: "a, b".into(), ..Default::default() };
        assert_eq!(NewPerson::from_json(&Json::parse(&draft.to_json().stringify()).unwrap()), draft);
        assert_eq!(NewPerson::from_json(&Json::parse(r#"{"email":"x@y.z","extra":1}"#).unwrap()).email, "x@y.z");
    }

    #[test]
    fn validation_follows_each_crms_requirements() {
        let rollout = FormRules { both_names: false, email_required: false, has_company: true };
        let rally = FormRules { both_names: true, email_required: true, has_company: false };
        let only_last = NewPerson { last_name: "Okafor".into(), ..Default::default() };
        assert!(only_last.validate(rollout).is_empty());
        let fields: Vec<&str> = only_last.validate(rally).iter().map(|e| e.field).collect();
        assert_eq!(fields, ["first_name", "email"]);
        let bad_email = NewPerson { first_name: "A".into(), email: "a@b".into(), ..Default::default() };
        assert_eq!(bad_email.validate(rollout)[0].field, "email");
        assert_eq!(NewPerson::default().validate(rollout)[0].message, "form.name-required");
        assert_eq!(NewPerson { tags: " vip, ,buyer ".into(), ..Default::default() }.tag_list(), ["vip", "buyer"]);
    }
}
