//! The loaded list as shown: filtered, in the chosen order (each order made once per change of
//! the list), its facets' values, and the count that says what is shown.
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Mutex;

use crate::i18n::{number, text, Words};
use crate::model::arrange::{Arrangement, Facet, Filter, Sort};
use crate::model::order::{packed, radix_order, sort_positions, NameKeys, Packed};

use super::PeopleList;

/// Orders once made, until the list changes: `(order, language, positions in that order)`.
/// Derived, like the index: two lists are equal whatever they hold.
#[derive(Debug, Default)]
pub(super) struct Orders(pub(super) Mutex<Vec<Made>>);

/// An order once made: for which sort and language, and everyone's positions in it.
pub(super) type Made = (Sort, String, Vec<u32>);

impl Clone for Orders {
    fn clone(&self) -> Self {
        Orders::default()
    }
}

impl PartialEq for Orders {
    fn eq(&self, _: &Orders) -> bool {
        true
    }
}

impl PeopleList {
    /// Indices of the people shown: those matching `query` (see `search`) that the filter admits,
    /// in the chosen order (the CRM's when none), names ordered for `locale`.
    pub fn arranged(&self, query: &str, arrangement: &Arrangement, locale: &str) -> Vec<usize> {
        if let (Some(sort), true) = (arrangement.sort, query.trim().is_empty() && arrangement.filter.is_empty()) {
            return self.order(sort, locale).iter().map(|&i| i as usize).collect();
        }
        let mut shown = self.search(query);
        if !arrangement.filter.is_empty() {
            shown.retain(|&i| arrangement.filter.admits(&self.people[i]));
        }
        let Some(sort) = arrangement.sort else { return shown };
        let order = self.order(sort, locale);
        if shown.len() == self.people.len() {
            return order.iter().map(|&i| i as usize).collect();
        }
        let mut kept = vec![false; self.people.len()];
        for &i in &shown {
            kept[i] = true;
        }
        order.iter().map(|&i| i as usize).filter(|&i| kept[i]).collect()
    }

    /// Everyone's positions in `sort`'s order, made once per change of the list (and language):
    /// people without the value last, in the CRM's order, as are ties.
    fn order(&self, sort: Sort, locale: &str) -> Vec<u32> {
        let mut orders = self.orders.0.lock().unwrap_or_else(|e| e.into_inner());
        let locale = if sort.key.collated() { locale } else { "" };
        if let Some((_, _, order)) = orders.iter().find(|(s, l, _)| *s == sort && l == locale) {
            return order.clone();
        }
        let (mut with, without): (Vec<u32>, Vec<u32>) =
            (0..self.people.len() as u32).partition(|&i| sort.key.of(&self.people[i as usize]).is_some());
        let value = |i: u32| sort.key.of(&self.people[with[i as usize] as usize]).unwrap_or_default();
        let directed = |order: Ordering| if sort.descending { order.reverse() } else { order };
        // Each value's first 16 bytes (of a date) or 8 letters' ranks (of a name, a text) packed into two
        // numbers (u64: native in wasm, where u128 is not), ordered by a stable radix sort (no
        // comparison reaches into 100,000 scattered people); only runs that agree are compared in
        // full.
        let flip = |packed: Packed| if sort.descending { (!packed.0, !packed.1) } else { packed };
        let keys = sort.key.collated().then(|| NameKeys::of((0..with.len() as u32).map(value), locale));
        let prefix = |a: u32| match &keys {
            Some(keys) => flip(packed(keys.key(a).iter().map(|&r| r as u64), 16)),
            None => flip(packed(value(a).bytes().map(u64::from), 8)),
        };
        let mut at = radix_order((0..with.len() as u32).map(|a| (prefix(a), a)).collect());
        let full = |a: u32, b: u32| match &keys {
            Some(keys) => directed(keys.key(a).cmp(keys.key(b))),
            None => directed(value(a).cmp(value(b))),
        };
        let mut run = 0;
        while run < at.len() {
            let end = run + at[run..].iter().take_while(|a| a.0 == at[run].0).count();
            // A run already in order (people of one name, most often) is left as it is.
            if at[run..end].windows(2).any(|w| full(w[0].1, w[1].1) == Ordering::Greater) {
                let mut positions: Vec<u32> = at[run..end].iter().map(|a| a.1).collect();
                sort_positions(&mut positions, &full);
                at[run..end].iter_mut().zip(positions).for_each(|(slot, p)| slot.1 = p);
            }
            run = end;
        }
        let at: Vec<u32> = at.into_iter().map(|(_, a)| a).collect();
        with = at.into_iter().map(|a| with[a as usize]).collect();
        with.extend(without);
        orders.push((sort, locale.to_string(), with.clone()));
        with
    }

    /// The values of `facet` in the loaded list, each with how many people have it: the most
    /// common first, then alphabetically.
    pub fn facet_values(&self, facet: Facet) -> Vec<(String, usize)> {
        let (mut counts, mut values): (HashMap<&str, usize>, Vec<&str>) = Default::default();
        for person in &self.people {
            // A value a person has twice (a tag typed again) counts them once.
            values.clear();
            person.each_value(facet.field(), |value| {
                if !values.contains(&value) {
                    values.push(value);
                }
            });
            for value in &values {
                *counts.entry(value).or_default() += 1;
            }
        }
        let values: Vec<(&str, usize)> = counts.into_iter().collect();
        let mut at: Vec<u32> = (0..values.len() as u32).collect();
        sort_positions(&mut at, &|a, b| {
            let (a, b) = (values[a as usize], values[b as usize]);
            b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0))
        });
        at.into_iter().map(|a| (values[a as usize].0.to_string(), values[a as usize].1)).collect()
    }

    /// "120 of 3,400", or "120" while the total is unknown; "7 matching · 120 of 3,400 loaded"
    /// while searching; "12 of 340 · Lead, VIP" with a filter on (and the search with it), in
    /// `words`' language.
    pub fn count_label(&self, words: &Words, shown: usize, filter: &Filter) -> String {
        let loaded = self.people.len();
        if !filter.is_empty() {
            let values = filter.values().collect::<Vec<_>>().join(", ");
            return words.tf(
                "count.filtered",
                [("shown", number(shown as f64)), ("loaded", number(loaded as f64)), ("filter", text(&values))],
            );
        }
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

#[cfg(test)]
mod tests {
    use super::super::tests::person;
    use super::super::*;
    use super::*;
    use crate::i18n::Words;
    use crate::model::{Arrangement, Person};
    fn arranged(list: &PeopleList, query: &str, sort: &str, filter: &str) -> Vec<String> {
        let arrangement = Arrangement::parse(Some(sort), Some(filter)).unwrap();
        list.arranged(query, &arrangement, "en").into_iter().map(|i| list.person(i).id).collect()
    }

    /// People of these names only, numbered from "1" in the CRM's order.
    fn named(names: &[&str]) -> PeopleList {
        let ids: Vec<String> = (1..=names.len()).map(|n| n.to_string()).collect();
        crm(&ids.iter().zip(names).map(|(id, &name)| (id.as_str(), name, None, "")).collect::<Vec<_>>())
    }

    fn crm(people: &[(&str, &str, Option<&str>, &str)]) -> PeopleList {
        let person = |&(id, name, stage, tags): &(&str, &str, Option<&str>, &str)| Person {
            id: id.into(),
            name: name.into(),
            stage: stage.map(Into::into),
            tags: tags.split(' ').filter(|t| !t.is_empty()).map(Into::into).collect(),
            created: (id != "4").then(|| format!("2026-0{id}-01T00:00:00Z")),
            ..Default::default()
        };
        PeopleList::of(people.iter().map(person).collect(), Some(Cursor::End), None)
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
        let none = Filter::default();
        assert_eq!(list.count_label(&words, 120, &none), "120 of 3,400");
        assert_eq!(list.count_label(&words, 7, &none), "7 matching · 120 of 3,400 loaded");
        let filter = Filter::parse("stage:Lead,tag:VIP").unwrap();
        assert_eq!(list.count_label(&words, 12, &filter), "12 of 120 · Lead, VIP");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
    #[test]
    fn names_order_case_aside_either_way_with_the_nameless_last_and_ties_in_the_crms_order() {
        let list = named(&["bo", "", "Ana", "Bo", "ana"]);
        assert_eq!(arranged(&list, "", "name", ""), ["3", "5", "1", "4", "2"]);
        assert_eq!(arranged(&list, "", "-name", ""), ["1", "4", "3", "5", "2"]);
        assert_eq!(arranged(&list, "", "", ""), ["1", "2", "3", "4", "5"], "the CRM's order");
        assert_eq!(arranged(&list, "", "-created", ""), ["5", "3", "2", "1", "4"], "no date: last");
        assert_eq!(arranged(&list, "", "created", ""), ["1", "2", "3", "5", "4"]);
        let long = named(&["Bartholomew Zed", "Bartholomew Abe", "Bartholomew Zed", "Bartholomew Abe"]);
        assert_eq!(arranged(&long, "", "name", ""), ["2", "4", "1", "3"], "past the first eight letters");
        assert_eq!(arranged(&long, "", "-name", ""), ["1", "3", "2", "4"]);
        // Natively, letters rank by code point: a, b, then U+20000, U+20001.
        let beyond = named(&["\u{20001}b", "\u{20000}a", "a\u{20000}", "\u{20001}\u{20000}", "\u{20000}\u{20001}"]);
        assert_eq!(
            arranged(&beyond, "", "name", ""),
            ["3", "2", "5", "1", "4"],
            "letters past the Basic Multilingual Plane"
        );
        assert_eq!(packed(std::iter::empty(), 16), (0, 0), "a name of letters the language ignores");
        assert_eq!(packed([1, 2, 3, 4, 5].into_iter(), 16), (0x0001_0002_0003_0004, 0x0005_0000_0000_0000));
        assert!(packed("2026-01-02".bytes().map(u64::from), 8) < packed("2026-01-10".bytes().map(u64::from), 8));
    }
    #[test]
    fn search_filter_and_order_combine_and_follow_every_change() {
        let mut list = crm(&[
            ("1", "Zoe Lead", Some("Lead"), "buyer"),
            ("2", "Ann VIP", Some("VIP"), "buyer seller"),
            ("3", "Max VIP", Some("VIP"), ""),
            ("5", "Al Lead", Some("Lead"), ""),
        ]);
        assert_eq!(arranged(&list, "", "name", "stage:Lead,stage:VIP,tag:buyer"), ["2", "1"]);
        assert_eq!(arranged(&list, "", "name", "stage:Lead"), ["5", "1"]);
        assert_eq!(arranged(&list, "lead", "-name", "tag:buyer"), ["1"]);
        assert_eq!(arranged(&list, "", "", "stage:Cold"), Vec::<String>::new());
        list.merge_changed(vec![Person {
            id: "9".into(),
            name: "Bea".into(),
            stage: Some("Lead".into()),
            ..Default::default()
        }]);
        assert_eq!(arranged(&list, "", "name", "stage:Lead"), ["5", "9", "1"], "a new person takes their place");
        list.remove(&["5".to_string()]);
        assert_eq!(arranged(&list, "", "name", "stage:Lead"), ["9", "1"]);
    }
    #[test]
    fn the_facets_are_the_values_present_most_common_first() {
        let list = crm(&[
            ("1", "a", Some("Lead"), "buyer"),
            ("2", "b", Some("VIP"), "buyer seller buyer"),
            ("3", "c", Some("VIP"), ""),
            ("5", "d", None, ""),
        ]);
        assert_eq!(
            list.facet_values(Facet::of(crate::fields::Field::Stage).unwrap()),
            [("VIP".to_string(), 2), ("Lead".to_string(), 1)]
        );
        assert_eq!(
            list.facet_values(Facet::of(crate::fields::Field::Tags).unwrap()),
            [("buyer".to_string(), 2), ("seller".to_string(), 1)]
        );
    }

    /// `cargo test --release --lib -- --ignored --nocapture hundred_thousand`: what a sort of
    /// 100,000 people costs natively, by step (the bench measures it in the browser).
    #[test]
    #[ignore]
    fn hundred_thousand_sorted() {
        let first = ["Ana", "José", "Zoë", "Kenji", "Søren", "Юлия", "美咲", "محمد", "Ελένη", "Oğuz", "Nguyễn"];
        let last = ["García", "Okafor", "Müller", "O'Brien", "Иванова", "山田", "الحسن", "Trần", "Smith"];
        let people: Vec<Person> = (0..100_000)
            .map(|i| Person {
                id: i.to_string(),
                name: format!("{} {}", first[i * 7 % first.len()], last[i * 13 % last.len()]),
                created: Some(format!("2026-01-01T{:02}:{:02}:00Z", i / 3600 % 24, i / 60 % 60)),
                ..Default::default()
            })
            .collect();
        let list = PeopleList::of(people, Some(Cursor::End), None);
        for sort in ["name", "-name", "-created", "name"] {
            let arrangement = Arrangement::parse(Some(sort), None).unwrap();
            let started = std::time::Instant::now();
            let shown = list.arranged("", &arrangement, "en");
            println!("{sort}: {:?} ({} shown)", started.elapsed(), shown.len());
        }
    }
}
