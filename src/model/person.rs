//! A person as the panel shows it, whichever CRM it came from: its storage JSON (the kept list)
//! and its text for rows and details.
use crate::fields::{Field, Shape, SHOWN};
use crate::i18n::Words;
use crate::json::Json;

/// A value many people share (a company, a job title, a city, a stage, a tag, a source): the list holds each once
/// (`SharedValues::admit`), so that 100,000 people do not hold 100,000 copies of "Lead".
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
    pub job_title: Option<Shared>,
    /// Of the first address.
    pub city: Option<Shared>,
    pub stage: Option<Shared>,
    pub tags: Vec<Shared>,
    pub source: Option<Shared>,
    pub created: Option<String>,
    /// When the CRM last changed this person (ISO-8601), for incremental refresh.
    pub updated: Option<String>,
}

impl Person {
    pub fn primary_email(&self) -> Option<&str> {
        self.emails.first().map(String::as_str)
    }

    pub fn primary_phone(&self) -> Option<&str> {
        self.phones.first().map(String::as_str)
    }

    /// Each value of a kind many people share, for the list to hold one copy of it. The person is
    /// taken apart whole, so a field added to `Person` does not build until it is placed here.
    pub fn shared_mut(&mut self) -> impl Iterator<Item = &mut Shared> {
        let Person {
            id: _,
            name: _,
            first_name: _,
            last_name: _,
            emails: _,
            phones: _,
            company,
            job_title,
            city,
            stage,
            tags,
            source,
            created: _,
            updated: _,
        } = self;
        [company, job_title, city, stage, source].into_iter().flatten().chain(tags.iter_mut())
    }

    /// A shown field's values as the person holds them: none, one, or (a `Primary` or `List`
    /// field) several, the primary first. The one place that knows where each field is kept.
    pub fn values(&self, field: Field) -> Vec<&str> {
        let mut values = Vec::new();
        self.each_value(field, |value| values.push(value));
        values
    }

    /// `values` one by one, with nothing collected (search reads every person's).
    pub fn each_value<'a>(&'a self, field: Field, mut f: impl FnMut(&'a str)) {
        let one = match field {
            Field::Email => return self.emails.iter().for_each(|v| f(v)),
            Field::Phone => return self.phones.iter().for_each(|v| f(v)),
            Field::Tags => return self.tags.iter().for_each(|v| f(v)),
            Field::Company => self.company.as_deref(),
            Field::JobTitle => self.job_title.as_deref(),
            Field::City => self.city.as_deref(),
            Field::Stage => self.stage.as_deref(),
            Field::Source => self.source.as_deref(),
            Field::Created => self.created.as_deref(),
            Field::Updated => self.updated.as_deref(),
        };
        one.into_iter().for_each(f);
    }

    /// Sets a shown field's values (`values`' other half: a one-value field takes the first).
    pub fn set_values(&mut self, field: Field, values: Vec<String>) {
        let one = values.first().cloned();
        match field {
            Field::Email => self.emails = values,
            Field::Phone => self.phones = values,
            Field::Company => self.company = one.map(Shared::from),
            Field::JobTitle => self.job_title = one.map(Shared::from),
            Field::City => self.city = one.map(Shared::from),
            Field::Stage => self.stage = one.map(Shared::from),
            Field::Tags => self.tags = values.into_iter().map(Shared::from).collect(),
            Field::Source => self.source = one.map(Shared::from),
            Field::Created => self.created = one,
            Field::Updated => self.updated = one,
        }
    }

    /// The person as the remembered list keeps it (remember.rs): the panel's own fields, each
    /// shown field under its `kept` key (js/kept.js reads them by the same table).
    pub fn to_json(&self) -> Json {
        let text = |v: Option<&str>| v.map_or_else(Json::null, Json::string);
        let names = [
            ("id", Json::string(&self.id)),
            ("name", Json::string(&self.name)),
            ("firstName", text(self.first_name.as_deref())),
            ("lastName", text(self.last_name.as_deref())),
        ];
        let shown = SHOWN.iter().map(|spec| {
            let values = self.values(spec.field);
            let json = match spec.shape {
                Shape::Primary | Shape::List => Json::array(values.into_iter().map(Json::string).collect()),
                Shape::Text | Shape::Date => text(values.first().copied()),
            };
            (spec.kept, json)
        });
        Json::object_of(names.into_iter().chain(shown))
    }

    /// A person as `to_json` wrote it; `None` without an id.
    pub fn from_json(json: &Json) -> Option<Person> {
        let mut person = Person {
            id: json.text("id")?,
            name: json.get("name").as_str().unwrap_or_default(),
            first_name: json.text("firstName"),
            last_name: json.text("lastName"),
            ..Person::default()
        };
        for spec in SHOWN {
            let values = match spec.shape {
                Shape::Primary | Shape::List => {
                    json.get(spec.kept).items().unwrap_or_default().iter().filter_map(Json::as_str).collect()
                }
                Shape::Text | Shape::Date => json.text(spec.kept).into_iter().collect(),
            };
            person.set_values(spec.field, values);
        }
        Some(person)
    }

    /// What a person's details show for `field` ("" when the CRM has nothing): every value, dates
    /// in the panel's language.
    pub fn field_text(&self, field: Field, words: &Words) -> String {
        let values = self.values(field);
        match field.spec().shape {
            Shape::Date => values.first().map(|iso| words.date(iso)).unwrap_or_default(),
            _ => values.join(", "),
        }
    }

    /// What a row shows for `field` on its line: the primary value of several, otherwise as in
    /// the details.
    pub fn row_text(&self, field: Field, words: &Words) -> String {
        match field.spec().shape {
            Shape::Primary => self.values(field).first().unwrap_or(&"").to_string(),
            _ => self.field_text(field, words),
        }
    }
}
