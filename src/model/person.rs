//! A person as the panel shows it, whichever CRM it came from: its storage JSON (the kept list)
//! and its text for rows and details.
use crate::config::Field;
use crate::i18n::Words;
use crate::json::Json;

/// A value many people share (a company, a stage, a tag, a source): the list holds each once
/// (`PeopleList::admit`), so that 100,000 people do not hold 100,000 copies of "Lead".
pub type Shared = std::sync::Arc<str>;

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
    pub company: Option<Shared>,
    pub job_title: Option<String>,
    pub stage: Option<Shared>,
    pub tags: Vec<Shared>,
    pub source: Option<Shared>,
    pub created: Option<String>,
    /// When the CRM last changed this person (ISO-8601), for incremental refresh.
    pub updated: Option<String>,
}

impl Person {
    /// Appends the text search looks in, as the CRM has it (the list's index folds it): the name
    /// and the shown values, one a line, without NUL (which ends a person in the index).
    pub fn search_text(&self, into: &mut String) {
        let mut push = |part: &str| {
            if part.contains('\0') {
                into.push_str(&part.replace('\0', " "));
            } else {
                into.push_str(part);
            }
            into.push('\n');
        };
        let own = [&self.name].into_iter().chain(&self.emails).chain(&self.phones).chain(&self.job_title);
        own.for_each(|part| push(part));
        [&self.company, &self.stage].into_iter().flatten().chain(&self.tags).for_each(|part| push(part));
    }

    /// The person holding no room it does not use: a list collected from an answer keeps room
    /// for four values whatever it holds (100,000 people: about 10 MB).
    pub fn compact(mut self) -> Person {
        for list in [&mut self.emails, &mut self.phones] {
            list.shrink_to_fit();
        }
        self.tags.shrink_to_fit();
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
        let text = |v: Option<&str>| v.map_or_else(Json::null, Json::string);
        fn list<S: AsRef<str>>(values: &[S]) -> Json {
            Json::array(values.iter().map(|s| Json::string(s.as_ref())).collect())
        }
        Json::object_of([
            ("id", Json::string(&self.id)),
            ("name", Json::string(&self.name)),
            ("firstName", text(self.first_name.as_deref())),
            ("lastName", text(self.last_name.as_deref())),
            ("emails", list(&self.emails)),
            ("phones", list(&self.phones)),
            ("company", text(self.company.as_deref())),
            ("jobTitle", text(self.job_title.as_deref())),
            ("stage", text(self.stage.as_deref())),
            ("tags", list(&self.tags)),
            ("source", text(self.source.as_deref())),
            ("created", text(self.created.as_deref())),
            ("updated", text(self.updated.as_deref())),
        ])
    }

    /// A person as `to_json` wrote it; `None` without an id.
    pub fn from_json(json: &Json) -> Option<Person> {
        let list = |key: &str| json.get(key).items().unwrap_or_default().iter().filter_map(Json::as_str).collect();
        Some(Person {
            id: json.text("id")?,
            name: json.get("name").as_str().unwrap_or_default(),
            first_name: json.text("firstName"),
            last_name: json.text("lastName"),
            emails: list("emails"),
            phones: list("phones"),
            company: json.text("company").map(Shared::from),
            job_title: json.text("jobTitle"),
            stage: json.text("stage").map(Shared::from),
            tags: list("tags").into_iter().map(Shared::from).collect(),
            source: json.text("source").map(Shared::from),
            created: json.text("created"),
            updated: json.text("updated"),
        })
    }

    /// What a person's details show for `field` ("" when the CRM has nothing): every value, dates
    /// in the panel's language.
    pub fn field_text(&self, field: Field, words: &Words) -> String {
        let date = |iso: &Option<String>| iso.as_deref().map(|iso| words.date(iso)).unwrap_or_default();
        match field {
            Field::Email => self.emails.join(", "),
            Field::Phone => self.phones.join(", "),
            Field::Company => self.company.as_deref().unwrap_or_default().to_string(),
            Field::JobTitle => self.job_title.clone().unwrap_or_default(),
            Field::Stage => self.stage.as_deref().unwrap_or_default().to_string(),
            Field::Tags => self.tags.join(", "),
            Field::Source => self.source.as_deref().unwrap_or_default().to_string(),
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
