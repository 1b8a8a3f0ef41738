//! Search over the loaded list: every word of a query in a person's text, case and diacritics
//! aside, found in one index of everyone's text.
use crate::model::Person;
use crate::text::fold;

use super::PeopleList;

/// The search index, once built; two lists are equal whatever their indexes (it is derived).
#[derive(Clone, Debug, Default)]
pub(super) struct LazyIndex(pub(super) std::sync::OnceLock<SearchIndex>);

impl PartialEq for LazyIndex {
    fn eq(&self, _: &LazyIndex) -> bool {
        true
    }
}

/// Everyone's search text end to end, each person's after a NUL (which neither folded text nor a
/// query word holds): one scan of it per query word finds the people who have that word, instead
/// of a search per person (100,000 people stay under 50 ms a keystroke).
#[derive(Clone, Debug, Default)]
pub(super) struct SearchIndex {
    text: String,
    /// Where each person's text starts in `text`, in list order.
    starts: Vec<usize>,
}

impl SearchIndex {
    pub(super) fn of(people: &[Person]) -> SearchIndex {
        let mut index = SearchIndex::default();
        index.extend(people);
        index
    }

    /// Adds people's text, folded in one call for all of them (one crossing into JS a page).
    pub(super) fn extend(&mut self, people: &[Person]) {
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

    /// Room for `more` people's text, at about the length of those indexed so far.
    pub(super) fn make_room_for(&mut self, more: usize) {
        let per_person = self.text.len() / self.starts.len().max(1) + 1;
        self.text.reserve_exact(more * per_person + more / 8);
        self.starts.reserve_exact(more);
    }

    /// The positions of the people whose text holds `word`, in order.
    pub(super) fn people_with(&self, word: &str) -> Vec<usize> {
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
}

#[cfg(test)]
mod tests {
    use super::super::tests::person;
    use super::super::*;
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
}
