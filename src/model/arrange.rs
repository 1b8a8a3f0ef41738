//! How the list is arranged: its order (`sort`) and what it is narrowed to (`filter`), as the
//! attributes write them. Neither CRM documents a sort or a filter for people, so the panel does
//! both over the loaded list (people.rs), as it does search.
use super::people::Packed;
use crate::fields::{Field, Shape, SHOWN};

/// What the list can be ordered by: the name, or a field the table says sorts (`Shown::sorts`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Name,
    By(Field),
}

/// How many fields the list can be ordered by.
const SORTING: usize = {
    let (mut n, mut i) = (0, 0);
    while i < SHOWN.len() {
        n += SHOWN[i].sorts as usize;
        i += 1;
    }
    n
};

impl SortKey {
    /// The name first, then the fields that sort, in the table's order.
    pub const ALL: [SortKey; 1 + SORTING] = {
        let mut all = [SortKey::Name; 1 + SORTING];
        let (mut n, mut i) = (1, 0);
        while i < SHOWN.len() {
            if SHOWN[i].sorts {
                all[n] = SortKey::By(SHOWN[i].field);
                n += 1;
            }
            i += 1;
        }
        all
    };

    /// Its name in the `sort` attribute.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::By(field) => field.name(),
        }
    }

    /// Whether it orders letters as the panel's language does (a name, a text), rather than as
    /// written (an ISO-8601 date).
    pub const fn collated(self) -> bool {
        match self {
            SortKey::Name => true,
            SortKey::By(field) => !matches!(field.spec().shape, Shape::Date),
        }
    }

    /// The person's value to order by; `None` (or an empty one) goes last either way.
    pub(super) fn of(self, person: &Packed) -> Option<&str> {
        match self {
            SortKey::Name => Some(person.name()),
            SortKey::By(field) => person.first_value(field),
        }
        .filter(|v| !v.trim().is_empty())
    }
}

/// An order: `name`, `-updated`, …
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// Every order the user can choose, in the order the panel offers them: each key's both ways,
    /// a text A to Z first, a date newest first.
    pub const CHOICES: [Sort; 2 * SortKey::ALL.len()] = {
        let mut choices = [Sort { key: SortKey::Name, descending: false }; 2 * SortKey::ALL.len()];
        let mut i = 0;
        while i < SortKey::ALL.len() {
            let key = SortKey::ALL[i];
            choices[2 * i] = Sort { key, descending: !key.collated() };
            choices[2 * i + 1] = Sort { key, descending: key.collated() };
            i += 1;
        }
        choices
    };

    /// `"-updated"` (names case aside); blank: the CRM's order. A wrong name is the error.
    pub fn parse(text: &str) -> Result<Option<Sort>, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let (descending, name) = match text.strip_prefix('-') {
            Some(name) => (true, name),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let key = SortKey::ALL.into_iter().find(|k| k.name().eq_ignore_ascii_case(name.trim()));
        key.map(|key| Some(Sort { key, descending })).ok_or_else(|| text.to_string())
    }

    /// As the attribute writes it.
    pub fn attribute(self) -> String {
        format!("{}{}", if self.descending { "-" } else { "" }, self.key.name())
    }
}

/// A field the list can be narrowed to values of (the table's `Shown::facet`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Facet(Field);

/// How many fields the list can be narrowed by.
const FACETS: usize = {
    let (mut n, mut i) = (0, 0);
    while i < SHOWN.len() {
        n += SHOWN[i].facet.is_some() as usize;
        i += 1;
    }
    n
};

impl Facet {
    /// In the table's order.
    pub const ALL: [Facet; FACETS] = {
        let mut all = [Facet(Field::Email); FACETS];
        let (mut n, mut i) = (0, 0);
        while i < SHOWN.len() {
            if SHOWN[i].facet.is_some() {
                all[n] = Facet(SHOWN[i].field);
                n += 1;
            }
            i += 1;
        }
        all
    };

    /// `field`'s facet, if the list can be narrowed by it.
    pub fn of(field: Field) -> Option<Facet> {
        Facet::ALL.into_iter().find(|facet| facet.0 == field)
    }

    pub fn field(self) -> Field {
        self.0
    }

    /// Its name in the `filter` attribute (`stage:Lead`).
    pub fn name(self) -> &'static str {
        self.0.spec().facet.unwrap_or_default()
    }

    /// The message id of its label.
    pub fn label(self) -> &'static str {
        self.0.label()
    }

    /// Whether `person` has `value` of it.
    pub(super) fn held_by(self, person: &Packed, value: &str) -> bool {
        let mut held = false;
        person.each_value(self.0, |have| held |= have == value);
        held
    }
}

/// The values the list is narrowed to, in the order they were chosen. Two values of one facet
/// widen (Lead or VIP); values of two facets narrow (VIP and tagged buyer).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter(Vec<(Facet, String)>);

impl Filter {
    /// `"stage:Lead,stage:VIP,tag:buyer"`: values as the CRM sends them, a comma in one written
    /// `%2C` (and `%` itself `%25`). The first item that names no facet is the error.
    pub fn parse(text: &str) -> Result<Filter, String> {
        let mut filter = Filter::default();
        for item in text.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let (name, value) = item.split_once(':').ok_or(item)?;
            let facet = Facet::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(name.trim())).ok_or(item)?;
            let value = value.trim().replace("%2C", ",").replace("%2c", ",").replace("%25", "%");
            if !value.is_empty() && !filter.has(facet, &value) {
                filter.0.push((facet, value));
            }
        }
        Ok(filter)
    }

    /// As the attribute writes it ("" when nothing is chosen).
    pub fn attribute(&self) -> String {
        let item = |(facet, value): &(Facet, String)| {
            format!("{}:{}", facet.name(), value.replace('%', "%25").replace(',', "%2C"))
        };
        self.0.iter().map(item).collect::<Vec<_>>().join(",")
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn has(&self, facet: Facet, value: &str) -> bool {
        self.0.iter().any(|(f, v)| *f == facet && v == value)
    }

    /// The chosen values, in the order they were chosen.
    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(_, v)| v.as_str())
    }

    /// The values of `facet` chosen.
    pub fn chosen(&self, facet: Facet) -> impl Iterator<Item = &str> {
        self.0.iter().filter(move |(f, _)| *f == facet).map(|(_, v)| v.as_str())
    }

    /// With `value` of `facet` chosen, or no longer chosen if it was.
    pub fn toggled(&self, facet: Facet, value: &str) -> Filter {
        let mut next = self.clone();
        if self.has(facet, value) {
            next.0.retain(|(f, v)| !(*f == facet && v == value));
        } else {
            next.0.push((facet, value.to_string()));
        }
        next
    }

    /// Whether `person` is shown: for each facet with values chosen, they have one of them.
    pub(super) fn admits(&self, person: &Packed) -> bool {
        Facet::ALL.into_iter().all(|facet| {
            let mut chosen = self.chosen(facet).peekable();
            chosen.peek().is_none() || chosen.any(|v| facet.held_by(person, v))
        })
    }
}

/// The list's order and filter, together: what the `view-changed` event tells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Arrangement {
    /// `None`: the CRM's order.
    pub sort: Option<Sort>,
    pub filter: Filter,
}

impl Arrangement {
    /// The `sort` and `filter` attributes' values; the first wrong one is the error (`"sort"` or
    /// `"filter"`, and what it says).
    pub fn parse(sort: Option<&str>, filter: Option<&str>) -> Result<Arrangement, (&'static str, String)> {
        Ok(Arrangement {
            sort: Sort::parse(sort.unwrap_or_default()).map_err(|v| ("sort", v))?,
            filter: Filter::parse(filter.unwrap_or_default()).map_err(|v| ("filter", v))?,
        })
    }

    /// The `sort` attribute's value ("" for the CRM's order).
    pub fn sort_attribute(&self) -> String {
        self.sort.map(Sort::attribute).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage() -> Facet {
        Facet::of(Field::Stage).unwrap()
    }

    fn person(stage: Option<&str>, tags: &[&str]) -> Packed {
        let tags = tags.iter().map(|&t| t.into()).collect();
        Packed::of(crate::model::Person { stage: stage.map(Into::into), tags, ..Default::default() })
    }

    #[test]
    fn a_sort_reads_as_the_attribute_writes_it() {
        let updated = SortKey::By(Field::Updated);
        assert_eq!(Sort::parse(" -Updated "), Ok(Some(Sort { key: updated, descending: true })));
        assert_eq!(Sort::parse("name"), Ok(Some(Sort { key: SortKey::Name, descending: false })));
        assert_eq!(Sort::parse(""), Ok(None));
        assert_eq!(Sort::parse("-birthday"), Err("-birthday".to_string()));
        for sort in Sort::CHOICES {
            assert_eq!(Sort::parse(&sort.attribute()), Ok(Some(sort)));
        }
    }

    // The catalogs are read from disk, natively only.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_orders_and_facets_offered_follow_from_the_field_table_each_with_its_words() {
        let offered: Vec<String> = Sort::CHOICES.iter().map(|sort| sort.attribute()).collect();
        assert_eq!(offered, ["name", "-name", "-created", "created", "-updated", "updated"]);
        let facets: Vec<&str> = Facet::ALL.iter().map(|facet| facet.name()).collect();
        assert_eq!(facets, ["stage", "tag"]);
        let english = &crate::i18n::catalogs()["en"];
        for id in offered.iter().map(|sort| format!("sort.{sort}")).chain(Facet::ALL.map(|f| f.label().to_string())) {
            assert!(english.get(&id).is_some(), "no words for {id}");
        }
    }

    #[test]
    fn a_filter_reads_as_the_attribute_writes_it_commas_in_values_too() {
        let filter = Filter::parse("stage:Lead, stage:VIP,tag:buyer,stage:Lead").unwrap();
        assert_eq!(filter.attribute(), "stage:Lead,stage:VIP,tag:buyer");
        let tag = Facet::of(Field::Tags).unwrap();
        let odd = Filter::default().toggled(tag, "a,b 100%").toggled(stage(), "x:y");
        assert_eq!(odd.attribute(), "tag:a%2Cb 100%25,stage:x:y");
        assert_eq!(Filter::parse(&odd.attribute()), Ok(odd));
        assert_eq!(Filter::parse("owner:me"), Err("owner:me".to_string()));
        assert_eq!(Filter::parse("Lead"), Err("Lead".to_string()));
        assert_eq!(Filter::parse(" "), Ok(Filter::default()));
    }

    #[test]
    fn values_of_one_facet_widen_and_of_two_narrow() {
        let (lead, vip_buyer, vip) =
            (person(Some("Lead"), &[]), person(Some("VIP"), &["buyer"]), person(Some("VIP"), &["seller"]));
        let either = Filter::parse("stage:Lead,stage:VIP").unwrap();
        assert!(either.admits(&lead) && either.admits(&vip_buyer) && either.admits(&vip));
        let both = Filter::parse("stage:VIP,tag:buyer").unwrap();
        assert!(!both.admits(&lead) && both.admits(&vip_buyer) && !both.admits(&vip));
        assert!(Filter::default().admits(&person(None, &[])));
        assert_eq!(either.toggled(stage(), "Lead"), Filter::parse("stage:VIP").unwrap());
    }
}
