//! The loaded list: paging position, each person once, and search, filter and order over it.
use std::cmp::Ordering;
use std::collections::hash_map::{DefaultHasher, Entry};
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault};
use std::sync::Mutex;

use crate::i18n::{number, text, Words};
use crate::json::Json;
use crate::text::fold;

use super::arrange::{Arrangement, Facet, Filter, Sort, SortKey};
use super::order::{packed, radix_order, sort_positions, NameKeys, Packed};
use super::{Person, Shared};

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
    listed: Listed,
    /// Each shared value once.
    shared: SharedValues,
    pub next: Option<Cursor>,
    pub total: Option<u64>,
    /// Changes with every change (0 for an empty new list): views memoize on it (one number), not
    /// on the list.
    revision: u64,
    /// Built at the first search after a change.
    index: LazyIndex,
    /// Each order asked for since the last change (and the language it was made for).
    orders: Orders,
}

/// Who is listed, by a hash of each id rather than a copy of it (about 4 MB less for 100,000
/// people). Two ids may share a hash (about once in 10^10 lists of 100,000): a hash found is
/// confirmed against the list itself, so that nobody is ever taken for someone else.
#[derive(Clone, Debug, Default, PartialEq)]
struct Listed(HashMap<u64, u32>);

impl Listed {
    fn hash(id: &str) -> u64 {
        BuildHasherDefault::<DefaultHasher>::default().hash_one(id)
    }

    /// False when `id` is surely not listed; true when it may be (one look, no scan).
    fn may_hold(&self, id: &str) -> bool {
        self.0.contains_key(&Self::hash(id))
    }

    /// Where `id` is among `people` (the list this set follows).
    fn position(&self, id: &str, people: &[Person]) -> Option<usize> {
        self.may_hold(id).then(|| people.iter().position(|p| p.id == id)).flatten()
    }

    fn add(&mut self, id: &str) {
        *self.0.entry(Self::hash(id)).or_default() += 1;
    }

    fn take_out(&mut self, id: &str) {
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
struct SharedValues(Vec<Shared>);

impl PartialEq for SharedValues {
    fn eq(&self, _: &SharedValues) -> bool {
        true
    }
}

impl SharedValues {
    /// `person` as the list keeps them: the list's copy of each shared value, and no spare room.
    fn admit(&mut self, mut person: Person) -> Person {
        for value in
            [&mut person.company, &mut person.city, &mut person.stage, &mut person.source].into_iter().flatten()
        {
            self.share(value);
        }
        for tag in &mut person.tags {
            self.share(tag);
        }
        person.compact()
    }

    fn share(&mut self, value: &mut Shared) {
        const MOST: usize = 4096;
        match self.0.binary_search(value) {
            Ok(at) => *value = self.0[at].clone(),
            Err(at) if self.0.len() < MOST => self.0.insert(at, value.clone()),
            Err(_) => {}
        }
    }
}

/// Orders once made, until the list changes: `(order, language, positions in that order)`.
/// Derived, like the index: two lists are equal whatever they hold.
#[derive(Debug, Default)]
struct Orders(Mutex<Vec<Made>>);

/// An order once made: for which sort and language, and everyone's positions in it.
type Made = (Sort, String, Vec<u32>);

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

    /// Adds people's text, folded in one call for all of them (one crossing into JS a page).
    fn extend(&mut self, people: &[Person]) {
        let mut text = String::new();
        for person in people {
            text.push('\0');
            person.search_text(&mut text);
        }
        let folded = fold(&text);
        drop(text);
        let at = self.text.len();
        self.starts.extend(folded.match_indices('\0').map(|(start, _)| at + start + 1));
        if at == 0 {
            self.text = folded; // the whole index at once: no second copy
        } else {
            self.text.push_str(&folded);
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
            list.push_new(person);
        }
        list
    }

    /// Puts fresher copies of people already listed in their places; others are left out.
    pub fn refresh_in_place(&mut self, fresher: &[Person]) {
        self.changed();
        for person in fresher {
            if let Some(at) = self.listed.position(&person.id, &self.people) {
                self.people[at] = self.shared.admit(person.clone());
            }
        }
    }

    /// "Load all" is on its way: room for everyone the CRM announced, at once, rather than doubled
    /// as pages come (100,000 people would otherwise hold room for 131,072, and while it grows,
    /// both copies: the wasm's memory never shrinks back).
    pub fn make_room_for_all(&mut self) {
        /// More than this is not reserved ahead (a CRM's total could be anything).
        const MOST: usize = 500_000;
        let Some(total) = self.total else { return };
        let more = (total as usize).min(MOST).saturating_sub(self.people.len());
        self.people.reserve_exact(more);
        self.listed.0.reserve(more);
        if let Some(index) = self.index.0.get_mut() {
            let per_person = index.text.len() / index.starts.len().max(1) + 1;
            index.text.reserve_exact(more * per_person + more / 8);
            index.starts.reserve_exact(more);
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
            self.push_new(person);
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
        if self.listed.position(&person.id, &self.people).is_none() {
            self.listed.add(&person.id);
            let person = self.shared.admit(person);
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
            if let Some(at) = self.listed.position(&person.id, &self.people) {
                self.people[at] = self.shared.admit(person);
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
        let listed = &mut self.listed;
        self.people.retain(|p| {
            let kept = !ids.contains(&p.id);
            if !kept {
                listed.take_out(&p.id);
            }
            kept
        });
        let removed = before - self.people.len();
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

    /// Appends someone not listed yet.
    fn push_new(&mut self, person: Person) {
        if self.listed.position(&person.id, &self.people).is_none() {
            self.listed.add(&person.id);
            let person = self.shared.admit(person);
            self.people.push(person);
        }
    }

    /// Every change: a new revision, and the search index and orders made again when next needed.
    fn changed(&mut self) {
        self.revision = next_revision();
        self.index = Default::default();
        self.orders = Default::default();
    }

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
        let locale = if sort.key == SortKey::Name { locale } else { "" };
        if let Some((_, _, order)) = orders.iter().find(|(s, l, _)| *s == sort && l == locale) {
            return order.clone();
        }
        let (mut with, without): (Vec<u32>, Vec<u32>) =
            (0..self.people.len() as u32).partition(|&i| sort.key.of(&self.people[i as usize]).is_some());
        let value = |i: u32| sort.key.of(&self.people[with[i as usize] as usize]).unwrap_or_default();
        let directed = |order: Ordering| if sort.descending { order.reverse() } else { order };
        // Each value's first 16 bytes (of a date) or 8 letters' ranks (of a name) packed into two
        // numbers (u64: native in wasm, where u128 is not), ordered by a stable radix sort (no
        // comparison reaches into 100,000 scattered people); only runs that agree are compared in
        // full.
        let flip = |packed: Packed| if sort.descending { (!packed.0, !packed.1) } else { packed };
        let keys = (sort.key == SortKey::Name).then(|| NameKeys::of((0..with.len() as u32).map(value), locale));
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
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for person in &self.people {
            let values = facet.values(person);
            // A value a person has twice (a tag typed again) counts them once.
            for (_, value) in values.iter().enumerate().filter(|(at, v)| !values[..*at].contains(v)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, name: &str) -> Person {
        Person { id: id.into(), name: name.into(), ..Default::default() }
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
    fn a_listed_person_holds_no_spare_room_and_one_copy_of_a_shared_value() {
        let roomy = |id: &str| {
            let mut emails = Vec::with_capacity(4);
            emails.push("ana@example.com".to_string());
            let mut tags = Vec::with_capacity(4);
            tags.push(Shared::from("vip"));
            Person { emails, tags, stage: Some("Lead".into()), ..person(id, "Ana") }
        };
        let mut list = PeopleList::default();
        list.append(Page { people: vec![roomy("1")], raw: vec![], next: Cursor::End, total: None });
        list.merge_changed(vec![roomy("2"), roomy("1")]);
        list.add_created(roomy("3"));
        assert_eq!(list.people.len(), 3);
        for p in &list.people {
            assert_eq!((p.emails.capacity(), p.tags.capacity()), (1, 1), "{}", p.id);
        }
        let (one, two) = (&list.people[0], &list.people[2]);
        assert!(Shared::ptr_eq(one.stage.as_ref().unwrap(), two.stage.as_ref().unwrap()), "one \"Lead\" for all");
        assert!(Shared::ptr_eq(&one.tags[0], &two.tags[0]));
    }

    #[test]
    fn an_id_whose_hash_another_shares_is_still_listed_changed_and_removed_alone() {
        let mut list = PeopleList::default();
        list.append(page(&["a"], Cursor::Token("c2".into())));
        // As if "a" and "b" had one hash: "b" looks listed until the list is asked.
        list.listed.add("b");
        list.append(page(&["b"], Cursor::End));
        list.merge_changed(vec![person("b", "Bea")]);
        let names: Vec<&str> = list.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["a", "Bea"], "b is listed once, and changed in its place");
        assert_eq!(list.remove(&["a".into()]), 1);
        list.append(page(&["b"], Cursor::End));
        assert_eq!(list.people.len(), 1, "b's hash still says it may be listed");
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
            people: vec![ana, person("2", "Юлия Иванова")],
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
        let none = Filter::default();
        assert_eq!(list.count_label(&words, 120, &none), "120 of 3,400");
        assert_eq!(list.count_label(&words, 7, &none), "7 matching · 120 of 3,400 loaded");
        let filter = Filter::parse("stage:Lead,tag:VIP").unwrap();
        assert_eq!(list.count_label(&words, 12, &filter), "12 of 120 · Lead, VIP");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    fn arranged(list: &PeopleList, query: &str, sort: &str, filter: &str) -> Vec<String> {
        let arrangement = Arrangement::parse(Some(sort), Some(filter)).unwrap();
        list.arranged(query, &arrangement, "en").into_iter().map(|i| list.people[i].id.clone()).collect()
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
    fn names_order_case_aside_either_way_with_the_nameless_last_and_ties_in_the_crms_order() {
        let list = crm(&[
            ("1", "bo", None, ""),
            ("2", "", None, ""),
            ("3", "Ana", None, ""),
            ("4", "Bo", None, ""),
            ("5", "ana", None, ""),
        ]);
        assert_eq!(arranged(&list, "", "name", ""), ["3", "5", "1", "4", "2"]);
        assert_eq!(arranged(&list, "", "-name", ""), ["1", "4", "3", "5", "2"]);
        assert_eq!(arranged(&list, "", "", ""), ["1", "2", "3", "4", "5"], "the CRM's order");
        assert_eq!(arranged(&list, "", "-created", ""), ["5", "3", "2", "1", "4"], "no date: last");
        assert_eq!(arranged(&list, "", "created", ""), ["1", "2", "3", "5", "4"]);
        let long = crm(&[
            ("1", "Bartholomew Zed", None, ""),
            ("2", "Bartholomew Abe", None, ""),
            ("3", "Bartholomew Zed", None, ""),
            ("4", "Bartholomew Abe", None, ""),
        ]);
        assert_eq!(arranged(&long, "", "name", ""), ["2", "4", "1", "3"], "past the first eight letters");
        assert_eq!(arranged(&long, "", "-name", ""), ["1", "3", "2", "4"]);
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
        assert_eq!(list.facet_values(Facet::Stage), [("VIP".to_string(), 2), ("Lead".to_string(), 1)]);
        assert_eq!(list.facet_values(Facet::Tag), [("buyer".to_string(), 2), ("seller".to_string(), 1)]);
    }

    #[test]
    fn load_all_makes_room_for_the_announced_total_once_and_no_more_than_a_bound() {
        let mut list = PeopleList::default();
        list.append(Page { people: vec![person("1", "a")], raw: vec![], next: Cursor::Offset(1), total: Some(1000) });
        list.search("a");
        list.make_room_for_all();
        assert!(list.people.capacity() >= 1000 && list.people.capacity() < 2000, "{}", list.people.capacity());
        list.total = Some(u64::MAX);
        list.make_room_for_all();
        assert!(list.people.capacity() <= 500_000);
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
