//! Windows Synchronization Manager handlers in safe Rust.
//!
//! A handler is an in-process COM server that the Sync Manager (mobsync) drives through
//! `ISyncMgrSynchronize`. With `syncmgr` you write the sync logic; `#[sync_handler]` declares the
//! handler's identity and items, and the runtime supplies the COM object: `IUnknown` and all ten
//! `ISyncMgrSynchronize` methods, an `ISyncMgrEnumItems` enumerator, the protocol (completion
//! callbacks exactly once, progress, skip and stop), and the error discipline (null pointers,
//! unknown items, out-of-enum statuses and calls out of order get the documented HRESULT; a panic
//! becomes `E_UNEXPECTED` and a `LogError` entry, never a crash).
//!
//! ```
//! use syncmgr::{ItemSync, SyncHandler, sync_handler};
//!
//! #[sync_handler(
//!     clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
//!     name = "Notes",
//!     item(id = "0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f", name = "Inbox"),
//!     item(id = "1d3c5e9f-2a4b-4c6d-9e0f-1b2c3d4e5f60", name = "Archive", flags(may_delete_item)),
//!     on(deleted = forget),
//! )]
//! #[derive(Default)]
//! struct Notes;
//!
//! impl Notes {
//!     fn forget(&self, _item: syncmgr::GUID) -> syncmgr::Result<()> {
//!         Ok(())
//!     }
//! }
//!
//! impl SyncHandler for Notes {
//!     fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
//!         for step in 1..=10 {
//!             // Reports UPDATING and returns early once the item is skipped.
//!             item.progress(step, 10, "Copying notes")?;
//!         }
//!         Ok(())
//!     }
//! }
//!
//! let handler = syncmgr::create(Notes);
//! # drop(handler);
//! ```
//!
//! # The pieces
//!
//! - [`sync_handler`] declares the CLSID, name, flags, static items and the methods that handle
//!   `SetItemStatus` statuses; it implements [`HandlerClass`].
//! - [`SyncHandler`] is the code: [`synchronize_item`](SyncHandler::synchronize_item) and optional
//!   `initialize`, `items` (run-time items), `last_update`, `prepare`, `begin_session` and
//!   `end_session` (around a session's items, on the worker), `show_properties`, `show_error`.
//! - [`create`] makes the COM object; [`dll_exports!`] makes a DLL of one or more handlers
//!   (`DllGetClassObject`, `DllCanUnloadNow`, `DllRegisterServer`, `DllUnregisterServer`).
//! - [`abi`] is the ABI generated from Windows metadata; [`SyncStatus`] is `SYNCMGRSTATUS`.
//! - [`guid!`] is a GUID literal checked at compile time; `item(const = NAME, …)` in the
//!   attribute names a declared item's id as an associated constant; [`item_id`] derives a
//!   run-time item's stable id from its name.
//!
//! # What the Sync Manager sees
//!
//! | Call | Behaviour |
//! |---|---|
//! | `Initialize` | records the event (`SYNCMGRFLAG_*`, SETTINGS, MAYBOTHERUSER, cookie); `S_FALSE` when [`SyncHandler::initialize`] declines |
//! | `GetHandlerInfo` | a `CoTaskMemAlloc`'d `SYNCMGRHANDLERINFO` (off Windows, [`memory`] keeps the same contract) |
//! | `EnumSyncMgrItems` | static items, then run-time items; `S_SYNCMGR_MISSINGITEMS` with the enumerator when the list is incomplete; `ftLastUpdate` from [`Item::last_updated`] or [`SyncHandler::last_update`], `SYNCMGRITEM_LASTUPDATETIME` set exactly when there is a time |
//! | `GetItemObject` | `E_NOTIMPL`, `*ppv` nulled |
//! | `ShowProperties`, `ShowError` | the handler's method; the `*Completed` callback exactly once, never after a failure |
//! | `SetProgressCallback` | keeps one reference; replacing it or NULL releases the old one |
//! | `PrepareForSync` | ids the handler does not own: `E_INVALIDARG`; `PrepareForSyncCompleted` exactly once |
//! | `Synchronize` | returns at once; a worker thread syncs the items one after another, reports `UPDATING` then one final status per item, logs failures, sends `SynchronizeCompleted` once |
//! | `SetItemStatus` | only from `PrepareForSync` until `SynchronizeCompleted` (else `E_UNEXPECTED`); unknown items and values outside `SYNCMGRSTATUS` are `E_INVALIDARG`; each status as [below](#what-each-status-does) |
//!
//! Out-pointers are checked (`E_POINTER`) and nulled on failure; calls out of order are
//! `E_UNEXPECTED`.
//!
//! # What each status does
//!
//! `SetItemStatus(item, status)` from `PrepareForSync` until `SynchronizeCompleted`. The reference
//! page of `ISyncMgrSynchronize::SetItemStatus` says the Sync Manager itself sends only
//! `SYNCMGRSTATUS_SKIPPED` (when its user skips an item); other hosts, and tests, may send any
//! value, so each has a defined meaning. "Told" means the `on(status = method)` of
//! [`sync_handler`], if there is one, runs after the runtime acted; its error or panic is then
//! a warning in the log and the action stands.
//!
//! | Status | What the runtime does | The `on(...)` method | Answer |
//! |---|---|---|---|
//! | `SKIPPED` | cancels the item: it ends `SKIPPED`, at once if it has not started, else when its `synchronize_item` next calls `progress` or `check` (or returns) | told | `S_OK` |
//! | `STOPPED` | the same, ending `STOPPED`; with `GUID_NULL`, every item not ended yet | told (with `GUID_NULL` for every item) | `S_OK` |
//! | `PAUSED` | holds the item at its next `progress` or `check`, after reporting `PAUSED`, until `RESUMING`, a cancel, the callback's removal or the handler's release | told | `S_OK` |
//! | `RESUMING` | lets a held item go on, reporting `RESUMING` | told | `S_OK` |
//! | `DELETED` | only for an item with `may_delete_item` (else `E_INVALIDARG`): the method decides, and on success the item is skipped | required | the method's (`E_INVALIDARG` without one) |
//! | `PENDING`, `UPDATING`, `UPDATING_INDETERMINATE`, `SUCCEEDED`, `FAILED` | nothing: these are requests | required | the method's (`E_INVALIDARG` without one) |
//!
//! The first cancellation of an item wins (a skip after a stop changes nothing). `GUID_NULL`
//! with anything but `STOPPED`, a value outside `SYNCMGRSTATUS` and an item outside the session
//! are `E_INVALIDARG`. The answers `S_SYNCMGR_CANCELITEM` and `S_SYNCMGR_CANCELALL` to `Progress`
//! cancel like `SKIPPED` and `STOPPED` with `GUID_NULL`. A handler that never calls `progress`
//! or `check` cannot be held or stopped in the middle of an item.
//!
//! # Threads
//!
//! The handler type must be `Send + Sync`: `synchronize_item` runs on a worker thread while the
//! Sync Manager's thread calls `SetItemStatus`. The runtime never holds a lock while it runs your
//! code or calls the Sync Manager.
//!
//! ## How calls reach the Sync Manager's callback (Windows)
//!
//! The Sync Manager runs in a single-threaded apartment (STA) whose thread pumps messages, and
//! the `ISyncMgrSynchronizeCallback` it passes to `SetProgressCallback` is an ordinary object of
//! that apartment. The worker joins the multithreaded apartment (MTA). Each callback call takes
//! one path:
//!
//! | Callback | Caller | Path |
//! |---|---|---|
//! | answers `IAgileObject`, or passed from the MTA or a thread without COM | any thread | called directly |
//! | passed from an STA | that STA's thread | called directly |
//! | passed from an STA | the worker | a proxy: marshaled once on the STA's thread (`CoMarshalInterThreadInterfaceInStream`), unmarshaled once per worker (`CoGetInterfaceAndReleaseStream`) |
//! | passed from an STA, no proxy/stub registered for `ISyncMgrSynchronizeCallback` (Wine) | the worker | carried to the STA's thread: a message-only window the runtime created there runs the call (`SendMessageW`) while the worker waits |
//! | passed from an STA | any other thread | carried to the STA's thread the same way |
//! | passed from an STA whose window cannot be created | any thread | called directly |
//!
//! Either way the Sync Manager sees every call on its own thread, in order, exactly as often as
//! the protocol says, and no call crosses an apartment without COM's or the window's help. The
//! two remote paths need what every call into an STA needs: its thread keeps dispatching
//! messages while a session runs (the Sync Manager does; a host that blocks its STA thread
//! without pumping stalls the worker at its next call). The direct path in the last row rests
//! on the mobsync reference pages, which allow the callback's methods to be called from any
//! thread (`ISyncMgrSynchronize::PrepareForSync` and `::Synchronize`, Remarks). The callback is
//! released on its own thread too: at once when its last reference goes there, otherwise at the
//! thread's next message; until then `DllCanUnloadNow` answers `S_FALSE`. The runtime calls
//! only classic COM and user32 functions, no Windows Runtime (`Ro*`) ones, which Wine does not all have:
//! a release build of a handler DLL imports none (the Wine end to end checks this).
//!
//! # Sync Center
//!
//! Since Windows Vista, Sync Center hosts handlers through `ISyncMgrHandler` (syncmgr.h). The
//! object also answers it, with `ISyncMgrHandlerInfo` and `ISyncMgrSyncItemContainer`, on the
//! same COM identity, and [`dll_exports!`] serves the library's handler collection
//! ([`server::collection_clsid`]), which `DllRegisterServer` registers under
//! `SyncMgr\HandlerCollections` besides the Sync Manager's registration. Sync Center's
//! `Synchronize` runs the same session (hooks, [`SyncHandler::synchronize_item`] per item, one
//! final status each) and returns when it is done; progress goes out as `ReportProgress` with
//! the status translated (never cast), Sync Center's cancel requests skip or stop items, and log
//! entries become events. Sync Center's callback takes the paths of the table above: when it
//! answers `IAgileObject` or belongs to the MTA, the session runs on the `Synchronize` thread
//! itself; when it belongs to that thread's STA, the session runs on a worker while the
//! `Synchronize` thread dispatches messages, so that reports from any thread reach it. The
//! README's "Sync Center" section has the whole mapping; the protocol facts are in
//! `docs/sync-center.md`.
//!
//! # Tracing
//!
//! With the `trace` feature every vtable call is a [`tracing`](https://docs.rs/tracing) event
//! (target `syncmgr`, fields `interface`, `method`, `hr`), like ATL's interface debugging.
//!
//! # Testing a handler
//!
//! Everything but registration runs off Windows: `extern "system"` is the C ABI there. The
//! `syncmgr-test` crate plays the Sync Manager from `cargo test` (`Session::new(handler)
//! .skip(ITEM, After(2)).run()`), checks the protocol and gives the handler back, and Sync
//! Center too (`syncmgr_test::center::Session`); `syncmgr-host` does the same for a built
//! library from the command line (`--sync-center` for Sync Center).

#![warn(missing_docs)]

#[allow(unused_extern_crates)] // lets the runtime's own tests and docs use `#[sync_handler]`
extern crate self as syncmgr;

pub mod abi;
mod apartment;
mod callback;
mod catalog;
mod center;
mod class;
mod com;
mod cursor;
mod entry;
mod enumerator;
mod error;
mod errors;
mod guard;
mod guid_hash;
mod handler;
mod machine;
pub mod memory;
mod module;
mod object;
pub mod protocol;
pub mod server;
mod status;
mod sync;

#[doc(hidden)]
pub mod __private;

pub use callback::LogLevel;
pub use class::*;
pub use error::*;
pub use errors::LoggedError;
pub use handler::*;
pub use module::{live_objects, running_workers, server_locks};
pub use object::{create, create_shared};
pub use status::*;
pub use sync::ItemSync;
pub use syncmgr_macros::sync_handler;
pub use windows_core::{GUID, HRESULT, Interface};

/// A GUID checked at compile time: `syncmgr::guid!("0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f")` is a
/// constant [`GUID`]. The text is the registry format (`8-4-4-4-12` hex digits, braces and either
/// case accepted), as in `#[sync_handler]`; a malformed one is a compile error at the literal.
///
/// ```
/// const INBOX: syncmgr::GUID = syncmgr::guid!("{0C2B4D8E-1F3A-4B5C-8D9E-0A1B2C3D4E5F}");
/// assert_eq!(INBOX, syncmgr::GUID::from_u128(0x0c2b4d8e_1f3a_4b5c_8d9e_0a1b2c3d4e5f));
/// ```
#[macro_export]
macro_rules! guid {
    ($text:literal) => {
        $crate::GUID::from_u128($crate::__private::guid_value!($text))
    };
}

/// The README's handler compiles as written.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
