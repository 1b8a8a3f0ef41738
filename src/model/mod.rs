//! The panel's domain, pure Rust, tested natively: a person as shown (person.rs) and as a row
//! (row.rs), the loaded list with its paging, search, filter and order (people/; the `sort` and
//! `filter` attributes: arrange.rs; the orders made fast: order.rs), and a new person as typed,
//! with validation (new_person.rs). Which fields a person has is the field table's (fields.rs).
mod arrange;
mod new_person;
mod order;
mod people;
mod person;
mod row;

pub use arrange::{Arrangement, Facet, Filter, Sort, SortKey};
pub use new_person::{is_email, FieldError, FormRules, NewPerson};
pub use people::{thousands, Cursor, Page, PeopleList};
pub use person::{Person, Shared};
pub use row::RowText;
