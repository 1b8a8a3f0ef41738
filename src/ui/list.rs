//! The people list: only the rows in view are in the DOM (10,000 people stay smooth), search over
//! what is loaded, "load more" at the end (also when scrolled near it), and a person's details.
use leptos::html;
use leptos::prelude::*;

use super::focus::{focus_later, focus_lost, focus_now, has_focus, keyboard_focus};
use super::{later_view, Slices};
use crate::i18n::text;
use crate::model::{Person, RowText};
use crate::panel::focus::{LIST, LOAD_ALL, LOAD_MORE};
use crate::panel::state::Later;
use crate::panel::{DeleteState, Focus, Msg, Panel, State};

/// Must match `.pp-row { height }` in style/people-panel.css. Whole pixels: styles are written
/// without formatting floats (which would add float-printing code to the wasm).
pub const ROW_PX: usize = 64;
/// Rows rendered above and below the visible ones.
const OVERSCAN: usize = 8;
/// Row slots in the DOM at most: a list up to 3,000 px tall, with its overscan. Scrolling updates
/// the slots' contents in place instead of creating and keying rows.
const SLOTS: usize = 64;

/// The row a key moves to from `from` in a list of `n`: arrows, Home/End, Page Up/Down.
fn moved(key: &str, from: usize, n: usize, page: usize) -> Option<usize> {
    let last = n.checked_sub(1)?;
    Some(match key {
        "ArrowDown" => (from + 1).min(last),
        "ArrowUp" => from.saturating_sub(1),
        "Home" => 0,
        "End" => last,
        "PageDown" => (from + page).min(last),
        "PageUp" => from.saturating_sub(page),
        _ => return None,
    })
}

/// The list is one tab stop: its current row (`active`) has tabindex 0, the others -1; arrows,
/// Home/End and Page Up/Down move it (scrolling it into view), Enter opens it.
#[component]
pub fn PeopleListView(panel: Panel, root: NodeRef<html::Section>, slices: Slices) -> impl IntoView {
    let Slices { matches, revision, query, .. } = slices;
    let scroller = NodeRef::<html::Div>::new();
    // A new order or filter shows its first rows.
    Effect::new(move |first: Option<()>| {
        slices.arrangement.track();
        if first.is_some() {
            if let Some(el) = scroller.get_untracked() {
                el.set_scroll_top(0);
            }
        }
    });
    // Whether the footer's focus came from the keyboard (`:focus-visible`): only then does focus
    // follow "Load more" into the list when it goes away; a mouse user's focus is never moved.
    let keyboard_in_footer = StoredValue::new(false);
    let scroll_top = RwSignal::new(0usize);
    let viewport = RwSignal::new(ROW_PX * 10);
    let window = Memo::new(move |_| {
        let n = matches.with(Vec::len);
        let first = (scroll_top.get() / ROW_PX).saturating_sub(OVERSCAN).min(n);
        let count = (viewport.get().div_ceil(ROW_PX) + 2 * OVERSCAN).min(SLOTS);
        (first, (first + count).min(n))
    });
    let rows = Memo::new(move |_| {
        let (first, end) = window.get();
        revision.track();
        matches.with(|m| {
            panel.state.with_untracked(|s| m[first..end].iter().map(|&i| s.load.people.person(i)).collect::<Vec<_>>())
        })
    });
    // The current row, by position in `matches`, as last moved to; `current` keeps it inside what
    // is rendered, so that the list always has its one tab stop.
    let active = RwSignal::new(0usize);
    let show_row = move |pos: usize| {
        active.set(pos);
        if let Some(el) = scroller.get_untracked() {
            let (top, height) = (el.scroll_top().max(0) as usize, el.client_height().max(0) as usize);
            let (row_top, row_bottom) = (pos * ROW_PX, (pos + 1) * ROW_PX);
            if row_top < top {
                el.set_scroll_top(row_top as i32);
            } else if row_bottom > top + height {
                el.set_scroll_top(row_bottom.saturating_sub(height) as i32);
            }
        }
        // A row already rendered (the next one, say) takes focus at once, so that quick key presses
        // each move from the last; one scrolled into view takes it once rendered.
        let row = format!(".pp-row-button[data-pos=\"{pos}\"]");
        if !focus_now(root, &row) {
            focus_later(root, row);
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let page = viewport.get_untracked() / ROW_PX;
        if let Some(pos) =
            moved(&ev.key(), untrack(|| current(window, active)), matches.with_untracked(Vec::len), page.max(1))
        {
            ev.prevent_default();
            show_row(pos);
        }
    };
    // The panel's focus requests (they all come while the list is shown): a row is scrolled to
    // first; anything else is focused once the DOM has it.
    Effect::new(move |_| {
        let Some(request) = panel.state.with(|s| s.focus.clone()) else { return };
        panel.dispatch(Msg::FocusTaken);
        match request {
            Focus::Row(id) => {
                let pos = matches.with_untracked(|m| panel.state.with_untracked(|s| s.load.people.position_in(m, &id)));
                if let Some(pos) = pos {
                    show_row(pos);
                }
            }
            Focus::Element(selector) => focus_later(root, selector.to_string()),
            // The last page came in under a keyboard user's focus on "Load more", which goes away:
            // focus moves to the list rather than to nowhere.
            Focus::ListFromLoadMore => {
                let on_footer = has_focus(root, LOAD_MORE) || has_focus(root, LOAD_ALL) || focus_lost();
                if on_footer && keyboard_in_footer.get_value() {
                    focus_later(root, LIST.to_string());
                }
            }
        }
    });
    let on_scroll = move |_| {
        if let Some(el) = scroller.get() {
            let (top, height) = (el.scroll_top().max(0) as usize, el.client_height().max(0) as usize);
            scroll_top.set(top);
            viewport.set(height.max(ROW_PX));
            let total = matches.with(Vec::len) * ROW_PX;
            if top + height + ROW_PX * 3 >= total && !panel.peek(State::narrowed).unwrap_or(true) {
                panel.dispatch(Msg::LoadMore);
            }
        }
    };
    // Memos: the views below are rebuilt when these change, not on every page loaded (which would
    // rebuild the "Load more" button under a keyboard user's focus).
    let has_more = Memo::new(move |_| panel.state.with(|s| s.load.people.has_more()));
    let empty = Memo::new(move |_| panel.state.with(|s| s.load.people.is_empty()));
    let loading_all = Memo::new(move |_| panel.state.with(|s| s.load.loading_all));
    view! {
        <PersonDetail panel later=slices.later />
        <div class="pp-scroll" part="list" node_ref=scroller on:scroll=on_scroll>
            <ul
                class="pp-rows"
                role="list"
                aria-label=panel.t("list.label")
                on:keydown=on_keydown
                style:height=move || format!("{}px", matches.with(Vec::len) * ROW_PX)
                style:padding-top=move || format!("{}px", window.get().0 * ROW_PX)
            >
                {(0..SLOTS).map(|index| view! { <RowSlot panel rows window active matches index /> }).collect_view()}
            </ul>
            {move || {
                let text = if empty.get() && !has_more.get() {
                    panel.t("list.empty")
                } else if !empty.get() && matches.with(Vec::is_empty) {
                    slices.arrangement.track();
                    let filtered = panel.state.with_untracked(|s| !s.arrangement.filter.is_empty());
                    let id = match (filtered, has_more.get()) {
                        (true, true) => "list.no-match-filter-more",
                        (true, false) => "list.no-match-filter",
                        (false, true) => "list.no-match-more",
                        (false, false) => "list.no-match",
                    };
                    panel.tf(id, [("query", text(query.get().trim()))])
                } else {
                    return None;
                };
                Some(view! { <p class="pp-empty" part="empty">{text}</p> })
            }}
        </div>
        <footer class="pp-footer" part="footer"
            on:focusin=move |e| keyboard_in_footer.set_value(keyboard_focus(&e))>
            {move || {
                match (has_more.get(), empty.get()) {
                    // Not `disabled` while loading: that would drop a keyboard user's focus.
                    // "Load all" turns into "Stop" while it loads (the same button: focus stays),
                    // with how far it has got.
                    (true, _) => Some(view! {
                        <button class="pp-button" part="button" type="button" data-action="load-more" on:click=move |_| panel.dispatch(Msg::LoadMore)
                            aria-disabled=move || panel.state.with(|s| s.load.loading_more).to_string()>
                            {move || panel.t(if panel.state.with(|s| s.load.loading_more) { "list.loading" } else { "list.load-more" })}
                        </button>
                        <button class="pp-button" part="button" type="button" data-action="load-all"
                            on:click=move |_| panel.dispatch(if loading_all.get_untracked() { Msg::StopLoading } else { Msg::LoadAll })>
                            {move || panel.t(if loading_all.get() { "list.stop" } else { "list.load-all" })}
                        </button>
                        <span class="pp-muted">{move || loading_all.get().then(|| {
                            slices.revision.track();
                            let progress = panel.state.with_untracked(|s| panel.words.with_untracked(|w| s.load.people.count_label(w, s.load.people.len(), &Default::default())));
                            panel.tf("list.loading-all", [("progress", text(&progress))])
                        })}</span>
                    }.into_any()),
                    (false, false) => Some(view! { <span class="pp-muted">{panel.t("list.all-loaded")}</span> }.into_any()),
                    (false, true) => None,
                }
            }}
        </footer>
    }
}

/// The `index`-th row of the window, if the window has one; rebuilt in place as the window moves.
#[component]
fn RowSlot(
    panel: Panel,
    rows: Memo<Vec<Person>>,
    window: Memo<(usize, usize)>,
    active: RwSignal<usize>,
    matches: Memo<Vec<usize>>,
    index: usize,
) -> impl IntoView {
    move || {
        let pos = window.get().0 + index;
        let tab_stop = move || current(window, active) == pos;
        rows.with(|rows| rows.get(index).map(|person| person_row(panel, person, pos, tab_stop, active, matches)))
    }
}

/// The current row: the one last moved to, kept inside what is rendered so that the list always
/// has its one tab stop.
fn current(window: Memo<(usize, usize)>, active: RwSignal<usize>) -> usize {
    let (first, end) = window.get();
    active.get().clamp(first, end.max(first + 1) - 1)
}

/// How many rows the list has, for screen readers: what matches, or the CRM's total while more
/// pages are to come (-1: unknown).
fn set_size(panel: Panel, matches: Memo<Vec<usize>>) -> i64 {
    let shown = matches.with(Vec::len);
    panel.state.with(|s| {
        if s.narrowed() || !s.load.people.has_more() {
            shown as i64
        } else {
            s.load.people.total.map_or(-1, |t| t as i64)
        }
    })
}

fn person_row(
    panel: Panel,
    person: &Person,
    pos: usize,
    tab_stop: impl Fn() -> bool + Send + Sync + 'static,
    active: RwSignal<usize>,
    matches: Memo<Vec<usize>>,
) -> impl IntoView {
    let id = person.id.clone();
    let row_id = person.id.clone();
    let deleting = move || panel.state.with(|s| matches!(&s.load.delete, DeleteState::Deleting(x) if *x == row_id));
    // The chosen fields (`fields`), each where the field table puts it in a row.
    let fields = panel.fields.get();
    let row = panel.words.with_untracked(|w| RowText::of(person, fields.of_row(), w));
    view! {
        <li class="pp-row" part="row" data-id=person.id.clone() aria-posinset=pos + 1 aria-setsize=move || set_size(panel, matches).to_string()>
            <button
                class="pp-row-button"
                type="button"
                data-pos=pos
                tabindex=move || if tab_stop() { "0" } else { "-1" }
                on:focus=move |_| active.set(pos)
                on:click=move |_| panel.dispatch(Msg::OpenDetails(id.clone()))
            >
                // <bdi>: a name in Arabic or Hebrew reads right to left in an English panel, yet
                // starts where the panel's text starts (dir="auto" on the block would align it to
                // the far edge).
                <span class="pp-name"><bdi>{person.name.clone()}</bdi></span>
                <span class="pp-contact"><bdi>{row.line}</bdi></span>
                {row.aside.map(|aside| view! { <span class="pp-company"><bdi>{aside}</bdi></span> })}
            </button>
            <span class="pp-meta">
                {row.chips.into_iter().map(|(badge, text)| view! {
                    <span class=if badge { "pp-stage" } else { "pp-tag" } part=if badge { "stage" } else { "tag" }>{text}</span>
                }).collect_view()}
            </span>
            {move || deleting().then(|| view! { <span class="pp-busy">{panel.t("row.deleting")}</span> })}
        </li>
    }
}

/// The selected person's details, above the list (their view is in the second chunk).
#[component]
fn PersonDetail(panel: Panel, later: Memo<Later>) -> impl IntoView {
    let person = Memo::new(move |_| panel.state.with(|s| s.load.selected.as_ref().and_then(|id| s.person(id))));
    move || {
        let person = person.get()?;
        panel.fields.track(); // a change of `fields` shows the details again
        Some(later_view(panel, later.get(), move || {
            crate::later::get().map(|chunk| (chunk.details_view)(panel, person))
        }))
    }
}
