//! A person as the list holds them: their own text (id, names, dates, e-mails, phones) in one
//! allocation, and the values many people share as the list's copies. A `Person` holds a dozen
//! allocations and 148 bytes beside them (wasm32); 100,000 people held that way took 76 MB of the
//! wasm's memory after "Load all", this way about a third less. Rows and details unpack the few
//! people they show (`person`).
use crate::fields::Field;
use crate::model::{Person, Shared};

/// A person's own texts, in the order `Packed::text` holds them.
#[derive(Clone, Copy)]
enum Own {
    Id,
    Name,
    FirstName,
    LastName,
    Created,
    Updated,
    Emails,
    Phones,
}

/// How many `Own` texts there are.
const OWN: usize = 8;

/// Separates the values of one list (e-mails, phones) in `text`. No address or number holds it; a
/// value that did would have it as a space (search's index treats it so too).
const BETWEEN: char = '\0';

#[derive(Clone, Debug, PartialEq)]
pub(in crate::model) struct Packed {
    /// The own texts end to end, a list's values separated by `BETWEEN`.
    text: Box<str>,
    /// Where each own text ends in `text`.
    ends: [u32; OWN],
    /// A bit per own text that is there: no first name is not an empty one, nor no e-mail one
    /// empty e-mail.
    present: u8,
    company: Option<Shared>,
    job_title: Option<Shared>,
    city: Option<Shared>,
    stage: Option<Shared>,
    source: Option<Shared>,
    tags: Box<[Shared]>,
}

impl Packed {
    pub(in crate::model) fn of(person: Person) -> Packed {
        // Exactly the room it takes (a string with room to spare would be copied into a box).
        let length = |values: &[String]| values.iter().map(String::len).sum::<usize>() + values.len().saturating_sub(1);
        let mut text = String::with_capacity(
            length(std::slice::from_ref(&person.id))
                + length(std::slice::from_ref(&person.name))
                + [&person.first_name, &person.last_name, &person.created, &person.updated]
                    .into_iter()
                    .map(|v| length(v.as_slice()))
                    .sum::<usize>()
                + length(&person.emails)
                + length(&person.phones),
        );
        let (mut ends, mut present) = ([0u32; OWN], 0u8);
        let mut own = |what: Own, values: &[String], text: &mut String| {
            // Only a list's values need `BETWEEN` kept out of them: one text (an id above all) is
            // held exactly as the CRM sent it.
            let list = matches!(what, Own::Emails | Own::Phones);
            for (at, value) in values.iter().enumerate() {
                if at > 0 {
                    text.push(BETWEEN);
                }
                if list && value.contains(BETWEEN) {
                    text.push_str(&value.replace(BETWEEN, " "));
                } else {
                    text.push_str(value);
                }
            }
            if !values.is_empty() {
                present |= 1 << what as u8;
            }
            ends[what as usize] = text.len() as u32;
        };
        own(Own::Id, std::slice::from_ref(&person.id), &mut text);
        own(Own::Name, std::slice::from_ref(&person.name), &mut text);
        own(Own::FirstName, person.first_name.as_slice(), &mut text);
        own(Own::LastName, person.last_name.as_slice(), &mut text);
        own(Own::Created, person.created.as_slice(), &mut text);
        own(Own::Updated, person.updated.as_slice(), &mut text);
        own(Own::Emails, &person.emails, &mut text);
        own(Own::Phones, &person.phones, &mut text);
        Packed {
            text: text.into_boxed_str(),
            ends,
            present,
            company: person.company,
            job_title: person.job_title,
            city: person.city,
            stage: person.stage,
            source: person.source,
            tags: person.tags.into_boxed_slice(),
        }
    }

    /// The person, as they were packed.
    pub(in crate::model) fn person(&self) -> Person {
        let text = |what| self.own(what).map(str::to_string);
        let list = |what| self.own(what).map_or_else(Vec::new, |v| v.split(BETWEEN).map(str::to_string).collect());
        Person {
            id: self.id().to_string(),
            name: self.name().to_string(),
            first_name: text(Own::FirstName),
            last_name: text(Own::LastName),
            emails: list(Own::Emails),
            phones: list(Own::Phones),
            company: self.company.clone(),
            job_title: self.job_title.clone(),
            city: self.city.clone(),
            stage: self.stage.clone(),
            tags: self.tags.to_vec(),
            source: self.source.clone(),
            created: text(Own::Created),
            updated: text(Own::Updated),
        }
    }

    fn own(&self, what: Own) -> Option<&str> {
        let at = what as usize;
        let start = if at == 0 { 0 } else { self.ends[at - 1] as usize };
        (self.present & (1 << at) != 0).then(|| &self.text[start..self.ends[at] as usize])
    }

    pub(in crate::model) fn id(&self) -> &str {
        self.own(Own::Id).unwrap_or_default()
    }

    pub(in crate::model) fn name(&self) -> &str {
        self.own(Own::Name).unwrap_or_default()
    }

    pub(in crate::model) fn created(&self) -> Option<&str> {
        self.own(Own::Created)
    }

    pub(in crate::model) fn updated(&self) -> Option<&str> {
        self.own(Own::Updated)
    }

    /// `Person::each_value`, read from the packed person (a test keeps the two alike).
    pub(in crate::model) fn each_value<'a>(&'a self, field: Field, mut f: impl FnMut(&'a str)) {
        self.walk_values(field, &mut f)
    }

    /// `each_value`'s walk, made once for every caller (not once per closure).
    fn walk_values<'a>(&'a self, field: Field, f: &mut dyn FnMut(&'a str)) {
        let list = |what| self.own(what).into_iter().flat_map(|v| v.split(BETWEEN));
        let one = match field {
            Field::Email => return list(Own::Emails).for_each(f),
            Field::Phone => return list(Own::Phones).for_each(f),
            Field::Tags => return self.tags.iter().for_each(|v| f(v)),
            Field::Company => self.company.as_deref(),
            Field::JobTitle => self.job_title.as_deref(),
            Field::City => self.city.as_deref(),
            Field::Stage => self.stage.as_deref(),
            Field::Source => self.source.as_deref(),
            Field::Created => self.created(),
            Field::Updated => self.updated(),
        };
        one.into_iter().for_each(f);
    }

    /// `field`'s first value (an order's key).
    pub(in crate::model) fn first_value(&self, field: Field) -> Option<&str> {
        let mut first = None;
        self.each_value(field, |value| {
            first.get_or_insert(value);
        });
        first
    }

    /// Appends the text search looks in, as the CRM has it (the list's index folds it): the name
    /// and the values of the fields the table says search looks in, one a line, without NUL
    /// (which ends a person in the index).
    pub(in crate::model) fn search_text(&self, into: &mut String) {
        let mut push = |part: &str| {
            if part.contains('\0') {
                into.push_str(&part.replace('\0', " "));
            } else {
                into.push_str(part);
            }
            into.push('\n');
        };
        push(self.name());
        for spec in crate::fields::SHOWN.iter().filter(|spec| spec.searched) {
            self.each_value(spec.field, &mut push);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::SHOWN;

    fn everything() -> Person {
        Person {
            id: "p1".into(),
            name: "Ana García".into(),
            first_name: Some("Ana".into()),
            last_name: Some(String::new()),
            emails: vec!["ana@x.io".into(), "".into(), "a\0b@x.io".into()],
            phones: vec!["+1 555".into()],
            company: Some("Acme".into()),
            job_title: Some("Agent".into()),
            city: Some("Lisboa".into()),
            stage: Some("Lead".into()),
            tags: vec!["vip".into(), "buyer".into()],
            source: Some("Zillow".into()),
            created: Some("2026-01-01T00:00:00Z".into()),
            updated: None,
        }
    }

    #[test]
    fn a_packed_person_unpacks_as_they_were_absent_and_empty_values_apart() {
        let mut ana = everything();
        assert_eq!(
            Packed::of(ana.clone()).person(),
            Person { emails: vec!["ana@x.io".into(), "".into(), "a b@x.io".into()], ..ana.clone() }
        );
        ana.emails = vec![String::new()];
        assert_eq!(Packed::of(ana.clone()).person(), ana, "one empty e-mail is not none");
        for nobody in [Person::default(), Person { id: "1".into(), ..Person::default() }] {
            assert_eq!(Packed::of(nobody.clone()).person(), nobody);
        }
    }

    #[test]
    fn a_packed_person_keeps_a_nul_in_an_id_or_a_name_as_it_came() {
        let odd = Person { id: "a\0b".into(), name: "A\0B".into(), first_name: Some("\0".into()), ..Person::default() };
        let packed = Packed::of(odd.clone());
        assert_eq!((packed.id(), packed.name()), ("a\0b", "A\0B"));
        assert_eq!(packed.person(), odd);
    }

    #[test]
    fn a_packed_person_reads_every_field_as_the_person_does() {
        let ana = everything();
        let packed = Packed::of(ana.clone());
        for spec in SHOWN {
            let mut values = Vec::new();
            packed.each_value(spec.field, |v| values.push(v.replace('\0', " ")));
            let expected: Vec<String> = ana.values(spec.field).iter().map(|v| v.replace('\0', " ")).collect();
            assert_eq!(values, expected, "{}", spec.name);
        }
        assert_eq!(
            (packed.id(), packed.name(), packed.created(), packed.updated()),
            ("p1", "Ana García", ana.created.as_deref(), None)
        );
    }
}
