//! A new person as typed in the form (also the saved draft and an edit's values), with validation.
use crate::fields::{Asked, Input, Write, FORM};
use crate::json::Json;
use crate::text::fold;

use super::Person;

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
#[derive(Clone, Copy, Debug)]
pub struct FormRules {
    /// Rollout: a first or a last name. Rally: both.
    pub both_names: bool,
    pub email_required: bool,
    /// How the CRM is sent each input (its column of `fields::FORM`): an input it takes
    /// nothing for (Rally's company name) is not shown.
    pub sends: fn(&Input) -> Write,
}

/// Two CRMs' rules are the same when they insist on the same and send every input alike.
impl PartialEq for FormRules {
    fn eq(&self, other: &FormRules) -> bool {
        let sent = |rules: &FormRules| FORM.each_ref().map(rules.sends);
        (self.both_names, self.email_required) == (other.both_names, other.email_required) && sent(self) == sent(other)
    }
}

impl FormRules {
    /// Whether the form shows `input`.
    pub fn shows(self, input: &Input) -> bool {
        (self.sends)(input) != Write::Never
    }

    /// Whether the form insists on `input`.
    pub fn requires(self, input: &Input) -> bool {
        match input.asked {
            Asked::Name => self.both_names,
            Asked::Email => self.email_required,
            Asked::Always => false,
        }
    }
}

/// `NewPerson`'s fields by their names in the form table (`fields::FORM`).
macro_rules! by_name {
    ($($field:ident),*) => {
        fn slot(&self, name: &str) -> Option<&String> {
            match name {
                $(stringify!($field) => Some(&self.$field),)*
                _ => None,
            }
        }

        fn slot_mut(&mut self, name: &str) -> Option<&mut String> {
            match name {
                $(stringify!($field) => Some(&mut self.$field),)*
                _ => None,
            }
        }
    };
}

impl NewPerson {
    by_name!(first_name, last_name, email, phone, company, job_title, stage, tags);

    /// The form input `name`'s value (a name in `fields::FORM`; "" for another).
    pub fn get(&self, name: &str) -> &str {
        self.slot(name).map_or("", String::as_str)
    }

    pub fn set(&mut self, name: &str, value: String) {
        if let Some(slot) = self.slot_mut(name) {
            *slot = value;
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == NewPerson::default()
    }

    /// The edit form for `person`, prefilled with what is known of them.
    pub fn from_person(person: &Person) -> NewPerson {
        let text = |v: Option<&str>| v.unwrap_or_default().to_string();
        NewPerson {
            first_name: text(person.first_name.as_deref()),
            last_name: text(person.last_name.as_deref()),
            email: person.primary_email().unwrap_or_default().to_string(),
            phone: person.primary_phone().unwrap_or_default().to_string(),
            company: text(person.company.as_deref()),
            job_title: text(person.job_title.as_deref()),
            stage: text(person.stage.as_deref()),
            tags: person.tags.join(", "),
        }
    }

    /// The names of the fields that differ from `before` (trimmed values compared).
    pub fn changed_from(&self, before: &NewPerson) -> Vec<&'static str> {
        FORM.iter().map(|input| input.name).filter(|name| self.get(name).trim() != before.get(name).trim()).collect()
    }

    /// The saved draft's form: `{ "first_name": "…", … }`.
    pub fn to_json(&self) -> Json {
        Json::object_of(FORM.iter().map(|input| (input.name, Json::string(self.get(input.name)))))
    }

    /// A saved draft; unknown or missing keys are ignored.
    pub fn from_json(json: &Json) -> NewPerson {
        let mut person = NewPerson::default();
        for input in FORM {
            person.set(input.name, json.get(input.name).as_str().unwrap_or_default());
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
        Person { id: id.into(), name: name.into(), ..Default::default() }
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
    fn every_input_of_the_form_table_is_a_value_of_the_new_person() {
        let mut person = NewPerson::default();
        for input in FORM {
            person.set(input.name, input.name.to_uppercase());
        }
        assert!(FORM.iter().all(|input| person.get(input.name) == input.name.to_uppercase()), "{person:?}");
        assert!(!format!("{person:?}").contains("\"\""), "every value has its input: {person:?}");
        assert_eq!(person.slot("nickname"), None);
        let all = NewPerson { stage: "Lead".into(), ..person.clone() };
        assert_eq!(all.changed_from(&person), ["stage"]);
    }

    #[test]
    fn a_draft_survives_saving_and_reading() {
        let draft = NewPerson { first_name: "Zoë".into(), tags: "a, b".into(), ..Default::default() };
        assert_eq!(NewPerson::from_json(&Json::parse(&draft.to_json().stringify()).unwrap()), draft);
        assert_eq!(NewPerson::from_json(&Json::parse(r#"{"email":"x@y.z","extra":1}"#).unwrap()).email, "x@y.z");
    }

    #[test]
    fn validation_follows_each_crms_requirements() {
        let (rollout, rally) = (crate::provider::rollout::FORM_RULES, crate::provider::rally::FORM_RULES);
        assert!(rollout == rollout && rollout != rally);
        let company = crate::fields::input_named("company").unwrap();
        assert!(rollout.shows(company) && !rally.shows(company), "Rally is sent no company name: not asked");
        let only_last = NewPerson { last_name: "Okafor".into(), ..Default::default() };
        assert!(only_last.validate(rollout).is_empty());
        let fields: Vec<&str> = only_last.validate(rally).iter().map(|e| e.field).collect();
        assert_eq!(fields, ["first_name", "email"]);
        let bad_email = NewPerson { first_name: "A".into(), email: "a@b".into(), ..Default::default() };
        assert_eq!(bad_email.validate(rollout)[0].field, "email");
        assert_eq!(NewPerson::default().validate(rollout)[0].message, "form.name-required");
    }
}
