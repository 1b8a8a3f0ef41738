//! What the first row does not need, in a second wasm chunk: the create and edit form, a person's
//! details with the delete confirmation, the requests that create (with their reconciliation),
//! read one person, update and delete, and the writing of a remembered list. `cargo xtask dist` builds with `--cfg pp_split` and splits
//! these off (wasm-split); every other build (tests, the demo) links them in as usual, and then
//! each call here is ready at once.
use std::rc::Rc;

use futures::future::{FutureExt, LocalBoxFuture};
use leptos::prelude::*;

use crate::json::Json;
use crate::model::Person;
use crate::panel::msg::{Answer, Effect};
use crate::panel::requests::{self, Session};
use crate::panel::state::State;
use crate::panel::Panel;
use crate::remember::Remembered;
use crate::ui::Slices;

/// The chunk could not be fetched (offline, or not deployed beside the module).
#[derive(Debug)]
pub struct Missing;

#[cfg(pp_split)]
impl From<leptos::wasm_split::SplitLoaderError> for Missing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Missing
    }
}

/// A function of the chunk: split off with `--cfg pp_split`, an ordinary one otherwise. Either
/// way an `async fn` that loads the chunk first (failing with `Missing`, which is not cached: a
/// later call tries again).
macro_rules! later {
    ($(#[$meta:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        #[cfg(pp_split)]
        #[leptos::wasm_split::wasm_split(later, wasm_split_path = ::leptos::wasm_split, fallible)]
        $(#[$meta])*
        pub fn $name($($arg: $ty),*) -> Result<$out, Missing> {
            Ok($body)
        }

        #[cfg(not(pp_split))]
        $(#[$meta])*
        pub async fn $name($($arg: $ty),*) -> Result<$out, Missing> {
            Ok($body)
        }
    };
}

/// The chunk's entry points. Plain function pointers into the chunk: one split function hands
/// them all over (each split function would have a loader of its own to await).
pub struct Chunk {
    /// The create and edit form.
    pub form_view: fn(Panel) -> AnyView,
    /// A person's details, with Edit and Delete (and the delete's confirmation).
    pub details_view: fn(Panel, Person) -> AnyView,
    /// The list's order and filter controls.
    pub arrange_view: fn(Panel, Slices) -> AnyView,
    /// A create, a read of one person, an update or a delete (other effects: `None`).
    pub request: Request,
    /// The remembered list as it is kept (`cache`): written after the first row, so here.
    pub remembered_json: fn(&Remembered) -> Json,
    /// `update`'s arms for the answers to these requests (`update::later_answered`).
    pub answered: fn(&mut State, bool, Answer) -> Vec<Effect>,
}

/// Sends an effect's request with the credential of the scope it was decided in.
pub type Request = fn(Rc<Session>, Effect, Option<String>) -> LocalBoxFuture<'static, Option<Answer>>;

later! {
    fn entry_points() -> Chunk {
        Chunk {
            form_view: |panel| view! { <crate::ui::form::PersonForm panel /> }.into_any(),
            details_view: |panel, person| crate::ui::details::person_detail(panel, person).into_any(),
            arrange_view: |panel, slices| crate::ui::arrange::arrange_bar(panel, slices).into_any(),
            request: |session, effect, credential| {
                requests::later(session, effect, credential).boxed_local()
            },
            remembered_json: Remembered::to_json,
            answered: crate::panel::update::later_answered,
        }
    }
}

thread_local! {
    static LOADED: std::cell::OnceCell<&'static Chunk> = const { std::cell::OnceCell::new() };
}

/// Fetches the chunk (once: later calls are immediate; a failure is not kept, so a later call tries
/// again).
pub async fn load() -> Result<&'static Chunk, Missing> {
    if let Some(chunk) = get() {
        return Ok(chunk);
    }
    let chunk: &'static Chunk = Box::leak(Box::new(entry_points().await?));
    Ok(LOADED.with(|loaded| *loaded.get_or_init(|| chunk)))
}

/// The chunk, if it is here.
pub fn get() -> Option<&'static Chunk> {
    LOADED.with(|loaded| loaded.get().copied())
}

/// `update`'s arms for the answers to the chunk's requests, which live in the chunk (every other
/// build links them in); `None` when the chunk is not here (`update` decides what that means).
pub fn answered(s: &mut State, same_load: bool, answer: Answer) -> Option<Vec<Effect>> {
    #[cfg(pp_split)]
    return get().map(|chunk| (chunk.answered)(s, same_load, answer));
    #[cfg(not(pp_split))]
    Some(crate::panel::update::later_answered(s, same_load, answer))
}
