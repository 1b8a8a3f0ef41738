//! A person's row as text, from the chosen fields and where the field table puts each: the second
//! line, the far edge, the chips. The list draws it; js/kept.js paints the same from the same table.
use crate::fields::{Field, InRow};
use crate::i18n::Words;

use super::Person;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowText {
    /// The second line: the `Line` fields' texts that are not empty, " · " between.
    pub line: String,
    /// The far edge (the company), when a field there is chosen: shown even empty, so that rows
    /// keep one layout.
    pub aside: Option<String>,
    /// (whether it is a badge, its text) in the fields' order.
    pub chips: Vec<(bool, String)>,
}

impl RowText {
    pub fn of(person: &Person, fields: &[Field], words: &Words) -> RowText {
        let mut row = RowText::default();
        let mut line = Vec::new();
        for &field in fields {
            match field.spec().in_row {
                InRow::Line => line.push(person.row_text(field, words)),
                InRow::Aside => row.aside = Some(person.field_text(field, words)),
                InRow::Badge => row.chips.extend(person.values(field).into_iter().map(|v| (true, v.to_string()))),
                InRow::Chips(most) => {
                    row.chips.extend(person.values(field).into_iter().take(most).map(|v| (false, v.to_string())))
                }
            }
        }
        line.retain(|text| !text.is_empty());
        row.line = line.join(" · ");
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Fields;

    #[test]
    fn a_row_puts_each_chosen_field_where_the_table_says() {
        let ana = Person {
            id: "1".into(),
            name: "Ana".into(),
            emails: vec!["a@x.io".into(), "b@x.io".into()],
            company: Some("Acme".into()),
            job_title: Some("CFO".into()),
            stage: Some("Lead".into()),
            tags: ["vip", "buyer", "2024", "north"].map(Into::into).to_vec(),
            ..Default::default()
        };
        let words = Words::default();
        let row = RowText::of(&ana, Fields::default().of_row(), &words);
        assert_eq!(row.line, "a@x.io", "the primary e-mail; no phone, no empty part");
        assert_eq!(row.aside.as_deref(), Some("Acme"));
        let chips: Vec<_> = row.chips.iter().map(|(badge, t)| (*badge, t.as_str())).collect();
        assert_eq!(chips, [(true, "Lead"), (false, "vip"), (false, "buyer"), (false, "2024")], "at most 3 tags");

        let chosen = Fields::parse("tags, job-title, phone, email").unwrap();
        let row = RowText::of(&ana, chosen.of_row(), &words);
        assert_eq!((row.line.as_str(), row.aside), ("CFO · a@x.io", None), "in the chosen order");
        assert_eq!(row.chips.len(), 3);
        let nobody = Person { id: "2".into(), ..Default::default() };
        assert_eq!(RowText::of(&nobody, Fields::default().of_row(), &words).aside.as_deref(), Some(""));
    }
}
