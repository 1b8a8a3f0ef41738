//! The list's order and filter, under the header (in the second chunk: the first row needs neither;
//! a `sort` or `filter` the host set applies from the first row on, in the main chunk's list).
//! A native `<select>` for the order, and a disclosure of checkboxes for the filter: keyboard and
//! screen readers get what the browser gives every form.
use leptos::prelude::*;

use super::Slices;
use crate::i18n::{number, text};
use crate::model::{Facet, Sort};
use crate::panel::{Msg, Panel};

/// Values shown per facet at most (the chosen ones always are): a CRM with thousands of tags
/// should not put thousands of checkboxes in the panel.
const MOST_VALUES: usize = 100;

pub fn arrange_bar(panel: Panel, slices: Slices) -> impl IntoView {
    let open = RwSignal::new(false);
    let chosen = move || {
        slices.arrangement.track();
        panel.state.with_untracked(|s| s.arrangement.filter.values().count())
    };
    let sort_now = Memo::new(move |_| {
        slices.arrangement.track();
        panel.state.with_untracked(|s| s.arrangement.sort_attribute())
    });
    let on_sort = move |ev: leptos::ev::Targeted<web_sys::Event, web_sys::HtmlSelectElement>| {
        panel.dispatch(Msg::SortBy(Sort::parse(&ev.target().value()).ok().flatten()));
    };
    let choice = move |value: String, label: String| {
        let current = value.clone();
        view! { <option value=value prop:selected=move || sort_now.with(|s| *s == current)>{label}</option> }
    };
    // The values to offer, counted once per change of the list (100,000 people take tens of ms),
    // with any chosen value the list lacks: a choice changes neither, so the checkboxes (and a
    // keyboard user's focus on one) stay.
    let counts = Memo::new(move |_| {
        slices.revision.track();
        panel.state.with_untracked(|s| {
            Facet::ALL.map(|facet| {
                let mut values = s.load.people.facet_values(facet);
                values.truncate(MOST_VALUES);
                values
            })
        })
    });
    let values = Memo::new(move |_| {
        slices.arrangement.track();
        let mut groups = counts.get();
        panel.state.with_untracked(|s| {
            for (facet, values) in Facet::ALL.into_iter().zip(groups.iter_mut()) {
                for value in s.arrangement.filter.chosen(facet) {
                    if !values.iter().any(|(v, _)| v == value) {
                        values.push((value.to_string(), 0));
                    }
                }
            }
        });
        groups
    });
    let options = std::iter::once(choice(String::new(), panel.t("sort.crm")))
        .chain(Sort::CHOICES.map(|sort| choice(sort.attribute(), panel.t(&format!("sort.{}", sort.attribute())))))
        .collect_view();
    view! {
        <div class="pp-arrange" part="toolbar">
            <label class="pp-sort">
                <span>{panel.t("sort.label")}</span>
                <select class="pp-select" on:change:target=on_sort>{options}</select>
            </label>
            <button class="pp-button" part="button" type="button" data-action="filter" aria-controls="pp-filters"
                aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {move || match chosen() {
                    0 => panel.t("filter.open"),
                    n => panel.tf("filter.count", [("n", number(n as f64))]),
                }}
            </button>
            {move || (chosen() > 0).then(|| view! {
                <button class="pp-button" part="button" type="button" data-action="clear-filter"
                    on:click=move |_| panel.dispatch(Msg::ClearFilter)>{panel.t("filter.clear")}</button>
            })}
        </div>
        {move || open.get().then(|| view! {
            <div class="pp-filters" id="pp-filters" part="filters">{move || filter_choices(panel, slices, values.get())}</div>
        })}
    }
}

/// A group of checkboxes per facet: the values the loaded list has, each with its count, and any
/// chosen value it lacks (count 0, so that it can be un-chosen).
fn filter_choices(panel: Panel, slices: Slices, groups: [Vec<(String, usize)>; Facet::ALL.len()]) -> AnyView {
    if groups.iter().all(Vec::is_empty) {
        return view! { <p class="pp-muted">{panel.t("filter.empty")}</p> }.into_any();
    }
    Facet::ALL
        .into_iter()
        .zip(groups)
        .filter(|(_, values)| !values.is_empty())
        .map(|(facet, values)| {
            let boxes = values
                .into_iter()
                .map(|(value, n)| {
                    let label = panel.tf("filter.value", [("value", text(&value)), ("n", number(n as f64))]);
                    let chosen = value.clone();
                    let checked = move || {
                        slices.arrangement.track();
                        panel.state.with_untracked(|s| s.arrangement.filter.has(facet, &chosen))
                    };
                    view! {
                        <label class="pp-check">
                            <input type="checkbox" prop:checked=checked
                                on:change=move |_| panel.dispatch(Msg::ToggleFilter(facet, value.clone())) />
                            <span dir="auto">{label}</span>
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="pp-facet">
                    <legend>{panel.t(facet.label())}</legend>
                    {boxes}
                </fieldset>
            }
        })
        .collect_view()
        .into_any()
}
