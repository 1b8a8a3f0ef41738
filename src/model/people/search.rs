//! Search over the loaded list: every word of a query in a person's text, case and diacritics
//! aside, found in one index of everyone's text.
use crate::text::fold;

use super::{Packed, PeopleList};

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
/// of a search per person (100,000 people stay under 50 ms a keystroke). Held in pieces of up to
/// `PIECE` bytes, each filled and never grown: one string would be copied whole each time it
/// outgrew its room, both copies held at once (100,000 people: about 10 MB more of the wasm's
/// memory, which never shrinks back).
#[derive(Clone, Debug, Default)]
pub(super) struct SearchIndex {
    pieces: Vec<Piece>,
}

/// Some people's search text, whole.
#[derive(Clone, Debug, Default)]
struct Piece {
    text: String,
    /// The list position of its first person.
    first: usize,
    /// Where each of its people's text starts in `text`.
    starts: Vec<u32>,
}

const PIECE: usize = 1 << 20;

impl SearchIndex {
    pub(super) fn of(people: &[Packed]) -> SearchIndex {
        let mut index = SearchIndex::default();
        index.extend(people);
        index
    }

    /// Adds people's text, folded in one call for all of them (one crossing into JS a page).
    pub(super) fn extend(&mut self, people: &[Packed]) {
        if people.is_empty() {
            return;
        }
        let mut text = String::new();
        for person in people {
            text.push('\0');
            person.search_text(&mut text);
        }
        let folded = fold(&text);
        drop(text);
        let first = self.pieces.last().map_or(0, |piece| piece.first + piece.starts.len());
        let piece = match self.pieces.last_mut() {
            Some(piece) if piece.text.capacity() - piece.text.len() >= folded.len() => piece,
            _ => {
                // Each piece as large as all before it, up to `PIECE`: a list of 50 people holds
                // no megabyte of room, a long one few pieces.
                let before: usize = self.pieces.iter().map(|piece| piece.text.len()).sum();
                let text = String::with_capacity(before.min(PIECE).max(folded.len()));
                self.pieces.push(Piece { text, first, starts: Vec::new() });
                self.pieces.last_mut().expect("just pushed")
            }
        };
        let at = piece.text.len();
        piece.starts.extend(folded.match_indices('\0').map(|(start, _)| (at + start + 1) as u32));
        piece.text.push_str(&folded);
    }

    /// The positions of the people whose text holds `word`, in order.
    pub(super) fn people_with(&self, word: &str) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        for piece in &self.pieces {
            let mut person = 0;
            for (at, _) in piece.text.match_indices(word) {
                while person + 1 < piece.starts.len() && piece.starts[person + 1] as usize <= at {
                    person += 1;
                }
                if found.last() != Some(&(piece.first + person)) {
                    found.push(piece.first + person);
                }
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
    use super::PIECE;
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
        assert!(list.search("bc").is_empty(), "one person's end, the next one's start");
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
    fn search_finds_people_in_every_piece_of_the_index() {
        let mut list = PeopleList::default();
        let long = "x".repeat(200);
        for page in 0..60 {
            let people = (0..100).map(|i| person(&format!("{page}-{i}"), &format!("p{page}q{i}z {long}"))).collect();
            list.append(Page { people, raw: vec![], next: Cursor::Offset(100 * (page + 1)), total: None });
            let room: usize =
                list.index.0.get().map_or(0, |index| index.pieces.iter().map(|p| p.text.capacity()).sum());
            match page {
                0 => assert_eq!(room, 0, "no index before the first row"),
                1 => assert!(0 < room && room < PIECE / 10, "two pages hold no megabyte of room: {room}"),
                _ => {}
            }
        }
        let index = list.index.0.get().expect("grown with the pages");
        assert!(index.pieces.len() > 1, "more than a piece's worth: {}", index.pieces.len());
        for (page, i) in [(0, 0), (30, 7), (59, 99)] {
            assert_eq!(list.search(&format!("p{page}q{i}z")), [page * 100 + i]);
        }
        assert_eq!(list.search("p59q").len(), 100, "the last piece's people");
        assert_eq!(SearchIndex::of(&list.people).people_with("p59q99z"), [5999], "built whole, the same");
    }
}
