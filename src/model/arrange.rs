//! How the list is arranged: its order (`sort`) and what it is narrowed to (`filter`), as the
//! attributes write them. Neither CRM documents a sort or a filter for people, so the panel does
//! both over the loaded list (people.rs), as it does search.
use super::people::Packed;
use super::Shared;

/// What the list can be ordered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Name,
    Created,
    Updated,
}

impl SortKey {
    pub const ALL: [SortKey; 3] = [SortKey::Name, SortKey::Created, SortKey::Updated];

    /// Its name in the `sort` attribute.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Created => "created",
            SortKey::Updated => "updated",
        }
    }

    /// The person's value to order by; `None` (or an empty one) goes last either way.
    pub(super) fn of(self, person: &Packed) -> Option<&str> {
        match self {
            SortKey::Name => Some(person.name()),
            SortKey::Created => person.created(),
            SortKey::Updated => person.updated(),
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
    /// Every order the user can choose, in the order the panel offers them.
    pub const CHOICES: [Sort; 6] = [
        Sort { key: SortKey::Name, descending: false },
        Sort { key: SortKey::Name, descending: true },
        Sort { key: SortKey::Created, descending: true },
        Sort { key: SortKey::Created, descending: false },
        Sort { key: SortKey::Updated, descending: true },
        Sort { key: SortKey::Updated, descending: false },
    ];

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

/// What a filter can narrow by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Stage,
    Tag,
}

impl Facet {
    pub const ALL: [Facet; 2] = [Facet::Stage, Facet::Tag];

    /// Its name in the `filter` attribute (`stage:Lead`).
    pub fn name(self) -> &'static str {
        match self {
            Facet::Stage => "stage",
            Facet::Tag => "tag",
        }
    }

    /// The message id of its label.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Stage => "field.stage",
            Facet::Tag => "field.tags",
        }
    }

    /// The person's values of this facet.
    pub(super) fn values(self, person: &Packed) -> &[Shared] {
        match self {
            Facet::Stage => person.stage().map(std::slice::from_ref).unwrap_or_default(),
            Facet::Tag => person.tags(),
        }
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
            chosen.peek().is_none() || chosen.any(|v| facet.values(person).iter().any(|have| **have == *v))
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

    fn person(stage: Option<&str>, tags: &[&str]) -> Packed {
        let tags = tags.iter().map(|&t| t.into()).collect();
        Packed::of(crate::model::Person { stage: stage.map(Into::into), tags, ..Default::default() })
    }

    #[test]
    fn a_sort_reads_as_the_attribute_writes_it() {
        assert_eq!(Sort::parse(" -Updated "), Ok(Some(Sort { key: SortKey::Updated, descending: true })));
        assert_eq!(Sort::parse("name"), Ok(Some(Sort { key: SortKey::Name, descending: false })));
        assert_eq!(Sort::parse(""), Ok(None));
        assert_eq!(Sort::parse("-birthday"), Err("-birthday".to_string()));
        for sort in Sort::CHOICES {
            assert_eq!(Sort::parse(&sort.attribute()), Ok(Some(sort)));
        }
    }

    #[test]
    fn a_filter_reads_as_the_attribute_writes_it_commas_in_values_too() {
        let filter = Filter::parse("stage:Lead, stage:VIP,tag:buyer,stage:Lead").unwrap();
        assert_eq!(filter.attribute(), "stage:Lead,stage:VIP,tag:buyer");
        let odd = Filter::default().toggled(Facet::Tag, "a,b 100%").toggled(Facet::Stage, "x:y");
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
        assert_eq!(either.toggled(Facet::Stage, "Lead"), Filter::parse("stage:VIP").unwrap());
    }
}
