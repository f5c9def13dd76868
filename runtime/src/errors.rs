//! Errors the user can open: a `LogError` entry with an error id, and what `ShowError` gets back.
//!
//! `ItemSync::log_error` logs an entry with `SYNCMGRLOGERROR_ERRORID` and
//! `SYNCMGRERRORFLAG_ENABLEJUMPTEXT` (which makes the Sync Manager offer to open it) and keeps the
//! entry here with the context the handler attached. The Sync Manager may call `ShowError` on
//! another instance of the handler class than the one that logged (it creates instances as it
//! needs them), so the entries are kept for the whole module, the most recent
//! [`KEPT`] of them; an id found nowhere reaches the handler without text or context.

use std::any::Any;
use std::collections::VecDeque;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use windows_core::GUID;

/// How many logged errors the module keeps for `ShowError`.
pub(crate) const KEPT: usize = 256;

/// An error the handler logged with [`ItemSync::log_error`](crate::ItemSync::log_error), as
/// `SyncHandler::show_error` receives it when the user opens it.
#[derive(Clone)]
pub struct LoggedError {
    id: GUID,
    item: Option<GUID>,
    text: String,
    context: Option<Arc<dyn Any + Send + Sync>>,
}

impl core::fmt::Debug for LoggedError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("LoggedError")
            .field("id", &self.id)
            .field("item", &self.item)
            .field("text", &self.text)
            .field("context", &self.context.is_some())
            .finish()
    }
}

impl LoggedError {
    /// The entry's error id (`ErrorID`).
    #[must_use]
    pub fn id(&self) -> GUID {
        self.id
    }

    /// The item the entry is about.
    #[must_use]
    pub fn item(&self) -> Option<GUID> {
        self.item
    }

    /// The logged text; empty when the entry is not known here (logged by a module instance
    /// that is gone, or too long ago).
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The context the handler attached, if it is a `T`.
    #[must_use]
    pub fn context<T: Any>(&self) -> Option<&T> {
        self.context.as_deref()?.downcast_ref()
    }

    /// An id nobody logged here.
    pub(crate) fn unknown(id: GUID) -> Self {
        Self {
            id,
            item: None,
            text: String::new(),
            context: None,
        }
    }
}

static BOOK: Mutex<VecDeque<LoggedError>> = Mutex::new(VecDeque::new());

/// Keeps a new entry and returns its fresh error id.
pub(crate) fn keep(
    item: Option<GUID>,
    text: &str,
    context: Option<Arc<dyn Any + Send + Sync>>,
) -> GUID {
    let id = fresh_id();
    let mut book = crate::guard::lock(&BOOK);
    if book.len() == KEPT {
        book.pop_front();
    }
    book.push_back(LoggedError {
        id,
        item,
        text: text.to_owned(),
        context,
    });
    id
}

/// The entry with `id`, or one that only has the id.
pub(crate) fn find(id: GUID) -> LoggedError {
    crate::guard::lock(&BOOK)
        .iter()
        .rev()
        .find(|entry| entry.id == id)
        .cloned()
        .unwrap_or_else(|| LoggedError::unknown(id))
}

/// A random (version 4) GUID: the hasher's random keys over a counter.
fn fresh_id() -> GUID {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static STATE: std::sync::OnceLock<RandomState> = std::sync::OnceLock::new();
    let state = STATE.get_or_init(RandomState::new);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let high = state.hash_one((n, 0_u8));
    let low = state.hash_one((n, 1_u8));
    let value = (u128::from(high) << 64 | u128::from(low)) & !(0xF << 76) & !(0x3 << 62);
    GUID::from_u128(value | 0x4 << 76 | 0x2 << 62)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_found_with_their_context() {
        let id = keep(
            Some(GUID::from_u128(7)),
            "disk full",
            Some(Arc::new(42_u32)),
        );
        let other = keep(None, "other", None);
        assert_ne!(id, other);
        assert_ne!(id, GUID::zeroed());
        let found = find(id);
        assert_eq!(found.text(), "disk full");
        assert_eq!(found.item(), Some(GUID::from_u128(7)));
        assert_eq!(found.context::<u32>(), Some(&42));
        assert_eq!(found.context::<String>(), None);
        let stranger = find(GUID::from_u128(99));
        assert_eq!((stranger.id(), stranger.text()), (GUID::from_u128(99), ""));
        // The oldest go once the book is full.
        for _ in 0..KEPT {
            keep(None, "filler", None);
        }
        assert_eq!(find(id).text(), "");
    }
}
