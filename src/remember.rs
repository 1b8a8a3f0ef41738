//! The remembered list (`cache="session"` or `"device"`): the loaded people, kept in the browser
//! per user (`iss`/`sub`), CRM API and credential, shown on the next load as soon as the token has
//! answered, then brought up to date from the CRM. Pure: what is kept, under which key and for how
//! long; the runner reads and writes the storage (browser.rs).
use crate::config::CacheMode;
use crate::json::Json;
use crate::model::{Cursor, PeopleList, Person};

/// At most this many people are kept (the first ones, as listed): past it, the rest is read from
/// the CRM again, as on a first visit. About 0.5 KB each, well inside a browser's 5 MB of storage.
pub const MAX_PEOPLE: usize = 2_000;
pub use crate::scope::keys::LIST_PREFIX;
/// `cache="device"` shows nothing older than this.
pub const MAX_AGE_MS: f64 = crate::provider::plan::KEPT_MAX_AGE_MS as f64;

/// A list as it was kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Remembered {
    pub saved_at_ms: f64,
    pub people: Vec<Person>,
    /// Where loading went on from; `None` when the CRM's cursor can't be kept (Rollout's are opaque
    /// and short-lived: its list is read again from the start).
    pub next: Option<Cursor>,
    pub total: Option<u64>,
}

impl Remembered {
    /// What is kept of `list`: its first `MAX_PEOPLE`.
    pub fn of(list: &PeopleList, now_ms: f64) -> Remembered {
        let whole = list.len() <= MAX_PEOPLE;
        let next = match list.next {
            Some(Cursor::End) if whole => Some(Cursor::End),
            Some(Cursor::Offset(_)) if !whole => Some(Cursor::Offset(MAX_PEOPLE)),
            Some(Cursor::Offset(n)) => Some(Cursor::Offset(n)),
            _ => None,
        };
        Remembered { saved_at_ms: now_ms, people: list.people().take(MAX_PEOPLE).collect(), next, total: list.total }
    }

    pub fn to_json(&self) -> Json {
        let next = match &self.next {
            Some(Cursor::Offset(n)) => Json::number(*n as f64),
            Some(Cursor::End) => Json::string("end"),
            _ => Json::null(),
        };
        Json::object_of([
            ("savedAt", Json::number(self.saved_at_ms)),
            ("next", next),
            ("total", self.total.map_or_else(Json::null, |t| Json::number(t as f64))),
            ("people", Json::array(self.people.iter().map(Person::to_json).collect())),
        ])
    }

    /// A kept list, unless it is malformed or (on the device) older than `MAX_AGE_MS`.
    pub fn from_json(json: &Json, mode: CacheMode, now_ms: f64) -> Option<Remembered> {
        let saved_at_ms = json.get("savedAt").as_f64()?;
        if mode == CacheMode::Device && !(0.0..=MAX_AGE_MS).contains(&(now_ms - saved_at_ms)) {
            return None;
        }
        let next = match (json.count("next"), json.get("next").as_str().as_deref()) {
            (Some(n), _) => Some(Cursor::Offset(n as usize)),
            (_, Some("end")) => Some(Cursor::End),
            _ => None,
        };
        let people = json.get("people").items()?.iter().map(Person::from_json).collect::<Option<Vec<_>>>()?;
        Some(Remembered { saved_at_ms, people, next, total: json.count("total") })
    }

    pub fn into_list(self) -> PeopleList {
        PeopleList::of(self.people, self.next, self.total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Page;

    fn person(i: usize) -> Person {
        Person {
            id: format!("p{i}"),
            name: format!("Ana {i}"),
            emails: vec![format!("ana{i}@example.com")],
            tags: vec!["vip".into()],
            updated: Some("2026-12-01T10:00:00Z".into()),
            ..Person::default()
        }
    }

    fn list(n: usize, next: Cursor) -> PeopleList {
        let mut list = PeopleList::default();
        list.append(Page { people: (0..n).map(person).collect(), raw: Vec::new(), next, total: Some(n as u64 + 5) });
        list
    }

    #[test]
    fn a_list_comes_back_as_it_was_kept() {
        let kept = Remembered::of(&list(3, Cursor::Offset(3)), 1_000.0);
        let back =
            Remembered::from_json(&Json::parse(&kept.to_json().stringify()).unwrap(), CacheMode::Device, 2_000.0);
        assert_eq!(back.as_ref(), Some(&kept));
        let list = back.unwrap().into_list();
        assert_eq!((list.len(), list.total, list.cursor()), (3, Some(8), Cursor::Offset(3)));
        assert!(list.search("ANA 2").len() == 1, "searchable again");
    }

    #[test]
    fn only_the_first_people_are_kept_and_an_opaque_cursor_is_not() {
        let kept = Remembered::of(&list(MAX_PEOPLE + 10, Cursor::Token("abc".into())), 0.0);
        assert_eq!((kept.people.len(), kept.next.clone()), (MAX_PEOPLE, None));
        let kept = Remembered::of(&list(MAX_PEOPLE + 10, Cursor::Offset(MAX_PEOPLE + 10)), 0.0);
        assert_eq!(kept.next, Some(Cursor::Offset(MAX_PEOPLE)), "Rally goes on where the kept part ends");
        assert_eq!(Remembered::of(&list(2, Cursor::End), 0.0).next, Some(Cursor::End));
    }

    #[test]
    fn a_day_old_list_on_the_device_is_not_shown_and_broken_ones_never() {
        let kept = Remembered::of(&list(1, Cursor::End), 0.0).to_json();
        assert!(Remembered::from_json(&kept, CacheMode::Device, MAX_AGE_MS + 1.0).is_none());
        assert!(Remembered::from_json(&kept, CacheMode::Session, MAX_AGE_MS + 1.0).is_some(), "a tab's lasts the tab");
        assert!(
            Remembered::from_json(&kept, CacheMode::Device, -5_000.0).is_none(),
            "saved in the future: a clock changed"
        );
        for broken in [r#"{"savedAt":0,"people":[{"name":"no id"}]}"#, r#"{"people":[]}"#, r#"[1]"#] {
            assert!(
                Remembered::from_json(&Json::parse(broken).unwrap(), CacheMode::Session, 0.0).is_none(),
                "{broken}"
            );
        }
    }

    #[test]
    fn js_kept_reads_what_is_written_here() {
        // The keys, the age and the fields come from the tables build.rs writes (js/interface.js);
        // only the list's own keys are named in js/kept.js.
        let js = include_str!("../js/kept.js");
        assert!(js.contains("import { FIELDS, KEPT } from \"./interface.js\";"));
        assert!(!js.contains(LIST_PREFIX) && !js.contains("jobTitle"), "no hand copy of the Rust side");
        let kept = Remembered::of(&list(1, Cursor::End), 0.0).to_json().stringify();
        for key in ["savedAt", "people", "total"] {
            assert!(js.contains(&format!("kept.{key}")) || js.contains(&format!("kept?.{key}")), "{key}");
            assert!(kept.contains(&format!("\"{key}\"")), "{key}");
        }
        for spec in crate::fields::SHOWN {
            assert!(kept.contains(&format!("\"{}\"", spec.kept)), "{}", spec.kept);
        }
    }
}
