//! Who the list holds: each person once, found by a hash of their id, and each shared value once.
use std::collections::hash_map::{DefaultHasher, Entry};
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault};

use crate::model::{Person, Shared};

use super::packed::Packed;

/// Who is listed, by a hash of each id rather than a copy of it (about 4 MB less for 100,000
/// people). Two ids may share a hash (about once in 10^10 lists of 100,000): a hash found is
/// confirmed against the list itself, so that nobody is ever taken for someone else.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Listed(pub(super) HashMap<u64, u32>);

impl Listed {
    pub(super) fn hash(id: &str) -> u64 {
        BuildHasherDefault::<DefaultHasher>::default().hash_one(id)
    }

    /// False when `id` is surely not listed; true when it may be (one look, no scan).
    pub(super) fn may_hold(&self, id: &str) -> bool {
        self.0.contains_key(&Self::hash(id))
    }

    /// Where `id` is among `people` (the list this set follows).
    pub(super) fn position(&self, id: &str, people: &[Packed]) -> Option<usize> {
        self.may_hold(id).then(|| people.iter().position(|p| p.id() == id)).flatten()
    }

    pub(super) fn add(&mut self, id: &str) {
        *self.0.entry(Self::hash(id)).or_default() += 1;
    }

    pub(super) fn take_out(&mut self, id: &str) {
        if let Entry::Occupied(mut count) = self.0.entry(Self::hash(id)) {
            *count.get_mut() -= 1;
            if *count.get() == 0 {
                count.remove();
            }
        }
    }
}

/// The values many people share (company, stage, tags, source), each held once by the list:
/// 100,000 people with five stages hold five strings, not 100,000. The first `MOST` distinct
/// values are held, sorted (a binary search: smaller in the wasm than a hash set); values past
/// them stay each person's own. Derived, like the index.
#[derive(Clone, Debug, Default)]
pub(super) struct SharedValues(pub(super) Vec<Shared>);

impl PartialEq for SharedValues {
    fn eq(&self, _: &SharedValues) -> bool {
        true
    }
}

impl SharedValues {
    /// `person` as the list keeps them: packed, with the list's copy of each shared value.
    pub(super) fn admit(&mut self, mut person: Person) -> Packed {
        person.shared_mut().for_each(|value| self.share(value));
        Packed::of(person)
    }

    pub(super) fn share(&mut self, value: &mut Shared) {
        const MOST: usize = 4096;
        match self.0.binary_search(value) {
            Ok(at) => *value = self.0[at].clone(),
            Err(at) if self.0.len() < MOST => self.0.insert(at, value.clone()),
            Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{page, person};
    use super::super::*;
    use crate::model::Shared;
    #[test]
    fn a_listed_person_holds_one_copy_of_a_shared_value() {
        let roomy = |id: &str| {
            let mut emails = Vec::with_capacity(4);
            emails.push("ana@example.com".to_string());
            let mut tags = Vec::with_capacity(4);
            tags.push(Shared::from("vip"));
            let shared = |value: &str| Some(Shared::from(value));
            let (company, job_title, city, stage, source) =
                (shared("Acme"), shared("Agent"), shared("Lisboa"), shared("Lead"), shared("Zillow"));
            Person { emails, tags, company, job_title, city, stage, source, ..person(id, "Ana") }
        };
        let mut list = PeopleList::default();
        list.append(Page { people: vec![roomy("1")], raw: vec![], next: Cursor::End, total: None });
        list.merge_changed(vec![roomy("2"), roomy("1")]);
        list.add_created(roomy("3"));
        assert_eq!(list.len(), 3);
        let (mut one, mut two) = (list.person(0), list.person(2));
        let (one, two): (Vec<&mut Shared>, Vec<&mut Shared>) = (one.shared_mut().collect(), two.shared_mut().collect());
        assert_eq!(one.len(), 6, "company, job title, city, stage, source, a tag");
        for (one, two) in one.iter().zip(&two) {
            assert!(Shared::ptr_eq(one, two), "one {one:?} for all");
        }
    }
    #[test]
    fn an_id_whose_hash_another_shares_is_still_listed_changed_and_removed_alone() {
        let mut list = PeopleList::default();
        list.append(page(&["a"], Cursor::Token("c2".into())));
        // As if "a" and "b" had one hash: "b" looks listed until the list is asked.
        list.listed.add("b");
        list.append(page(&["b"], Cursor::End));
        list.merge_changed(vec![person("b", "Bea")]);
        assert_eq!(list.names(), ["a", "Bea"], "b is listed once, and changed in its place");
        assert_eq!(list.remove(&["a".into()]), 1);
        list.append(page(&["b"], Cursor::End));
        assert_eq!(list.len(), 1, "b's hash still says it may be listed");
    }
}
