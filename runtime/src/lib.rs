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

#[allow(unused_extern_crates)] // lets the runtime's own tests and docs use `#[sync_handler]`
extern crate self as syncmgr;

pub mod abi;
mod callback;
mod catalog;
mod class;
mod com;
mod enumerator;
mod error;
mod guard;
mod handler;
pub mod memory;
mod module;
mod object;
pub mod server;
mod status;
mod sync;

#[doc(hidden)]
pub mod __private;

pub use callback::LogLevel;
pub use class::*;
pub use error::*;
pub use handler::*;
pub use module::{live_objects, server_locks};
pub use object::create;
pub use status::*;
pub use sync::ItemSync;
pub use syncmgr_macros::sync_handler;
pub use windows_core::{GUID, HRESULT, Interface};

/// The README's handler compiles as written.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
