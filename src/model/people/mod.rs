//! The loaded list: paging position, each person once (members.rs), and search (search.rs),
//! filter and order (arranged.rs) over it.

use crate::json::Json;

use super::Person;
use arranged::Orders;
use members::{Listed, SharedValues};
pub(super) use packed::Packed;
use search::{LazyIndex, SearchIndex};

mod arranged;
mod members;
mod packed;
mod search;

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
    /// Each person as the API returned it (same order), for the event of a create found again.
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
    /// Packed (packed.rs): `person` unpacks one.
    people: Vec<Packed>,
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
    }

    pub fn len(&self) -> usize {
        self.people.len()
    }

    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    /// The person at `at` (of `len`), unpacked.
    pub fn person(&self, at: usize) -> Person {
        self.people[at].person()
    }

    /// The person listed with `id`, unpacked.
    pub fn find(&self, id: &str) -> Option<Person> {
        self.listed.position(id, &self.people).map(|at| self.person(at))
    }

    /// Where the person with `id` is, among the indices in `shown`.
    pub fn position_in(&self, shown: &[usize], id: &str) -> Option<usize> {
        shown.iter().position(|&at| self.people[at].id() == id)
    }

    /// Everyone's id, in list order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.people.iter().map(Packed::id)
    }

    /// Everyone, unpacked, in list order.
    pub fn people(&self) -> impl Iterator<Item = Person> + '_ {
        self.people.iter().map(Packed::person)
    }

    /// Everyone's name, in list order.
    pub fn names(&self) -> Vec<&str> {
        self.people.iter().map(Packed::name).collect()
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
        // The search index grows with the pages, so that the first search after loading everyone
        // need not build it whole; from the second page on: the first row waits for no index (a
        // search before then builds it for one page).
        let from = self.people.len();
        let index = (from > 0).then(|| self.index.0.take().unwrap_or_else(|| SearchIndex::of(&self.people)));
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
            let kept = !ids.iter().any(|id| id == p.id());
            if !kept {
                listed.take_out(p.id());
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
        self.people.iter().filter_map(Packed::updated).max().map(str::to_string)
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

    pub(super) fn person(id: &str, name: &str) -> Person {
        Person { id: id.into(), name: name.into(), ..Default::default() }
    }

    pub(super) fn page(ids: &[&str], next: Cursor) -> Page {
        Page { people: ids.iter().map(|i| person(i, i)).collect(), raw: vec![], next, total: Some(5) }
    }

    #[test]
    fn appending_pages_skips_people_already_shown() {
        let mut list = PeopleList::default();
        assert_eq!(list.cursor(), Cursor::Start);
        list.append(page(&["a", "b"], Cursor::Token("c2".into())));
        list.add_created(person("new", "New"));
        list.append(page(&["b", "c", "new"], Cursor::End));
        assert_eq!(list.ids().collect::<Vec<_>>(), ["new", "a", "b", "c"]);
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
        assert_eq!(list.names(), ["Cy", "Ana Silva"]);
        assert_eq!(list.total, Some(2));
        assert_eq!(list.watermark().as_deref(), Some("2026-03-02T00:00:00.000Z"));
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
}
