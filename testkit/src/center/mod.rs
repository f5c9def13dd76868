//! Sync Center's side of the protocol (Windows Vista and later), for testing a handler's
//! `ISyncMgrHandler` from `cargo test` (`docs/sync-center.md`).
//!
//! A [`Session`] plays Sync Center against one handler object: it asks the handler for its
//! name, its `ISyncMgrHandlerInfo` answers, capabilities and policies; lists its items through
//! `ISyncMgrSyncItemContainer` and each item's `ISyncMgrSyncItemInfo`; looks every item up by
//! id (and one unknown id); then calls `Synchronize` on a thread of its own, as Sync Center
//! does, passing a session creator of its own. The handler's `CreateSession` gets a sync
//! callback whose every call is recorded and checked; planned cancellations reach the
//! handler through `pnCancelRequest` and `CanContinue`. Once `Synchronize` returned, the
//! driver waits for the handler to give back its references, releases everything and hands
//! over a [`Report`].
//!
//! ```
//! use syncmgr::{ItemSync, SyncHandler, abi, sync_handler};
//! use syncmgr_test::{After, center};
//!
//! const INBOX: &str = "{0C2B4D8E-1F3A-4B5C-8D9E-0A1B2C3D4E5F}";
//! const ARCHIVE: &str = "{1D3C5E9F-2A4B-4C6D-9E0F-1B2C3D4E5F60}";
//!
//! #[sync_handler(
//!     clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
//!     name = "Notes",
//!     item(id = "0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f", name = "Inbox"),
//!     item(id = "1d3c5e9f-2a4b-4c6d-9e0f-1b2c3d4e5f60", name = "Archive"),
//! )]
//! #[derive(Default)]
//! struct Notes;
//!
//! impl SyncHandler for Notes {
//!     fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
//!         for step in 1..=5 {
//!             item.progress(step, 5, "Copying notes")?;
//!         }
//!         Ok(())
//!     }
//! }
//!
//! # fn main() -> Result<(), syncmgr_test::SetupError> {
//! // The user presses Stop for the archive during its second progress report (the runtime's
//! // own UPDATING is the first, the handler's first step the second).
//! let report = center::Session::from_handler(Notes).cancel_item("Archive", After(2)).run()?;
//! report.assert_clean();
//! assert_eq!(report.handler_id, "{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}");
//! assert_eq!(report.final_status(INBOX), Some(abi::SYNCMGR_PS_SUCCEEDED));
//! assert_eq!(report.final_status(ARCHIVE), Some(abi::SYNCMGR_PS_CANCELED));
//! assert!(report.texts(INBOX).contains(&"Copying notes"));
//! # Ok(())
//! # }
//! ```
//!
//! What a session checks (each broken rule a [`Violation`](crate::Violation) of a
//! [`ViolationKind`](crate::ViolationKind)):
//! * the handler's name: given, non-empty, at most `MAX_SYNCMGR_NAME` (128) units with its
//!   NUL; the `ISyncMgrHandlerInfo` answers (handler type, comment length, the predicates
//!   answering `S_OK`, `S_FALSE` or `E_NOTIMPL`); capabilities and policies within their
//!   `*_VALID_MASK`;
//! * the items: `GetSyncItemCount` equal to what the enumerator yields; `Next(1)` keeping the
//!   enumerator's contract; ids non-empty, at most `MAX_SYNCMGR_ID` (64) units with the NUL and
//!   unique ignoring case; names as the handler's; the item predicates, capabilities and
//!   policies; `GetSyncItem(id)` giving that item and `E_INVALIDARG` for an unknown id;
//! * the session: one `CreateSession`, for the handler's own id and items `Synchronize` asked
//!   for, with a callback pointer to fill;
//! * `ReportProgress`: an item of the session, a `SYNCMGR_PROGRESS_STATUS`, a text of at most
//!   `MAX_SYNCMGR_PROGRESSTEXT` (260) units; once an item was reported `SUCCEEDED`, `FAILED` or
//!   `CANCELED` only `FAILED` may follow (anything else is answered `E_ACCESSDENIED`);
//! * `SetHandlerProgressText`, `ReportEvent`, `CanContinue`, `QueryForAdditionalItems`: their
//!   required arguments, levels and items;
//! * the end: no call after `Synchronize` returned; exactly one final status (`SUCCEEDED`,
//!   `FAILED`, `CANCELED`, `DISCONNECTED`; a later `FAILED` is allowed and noted) for every
//!   item; `CANCELED` or `FAILED` for every item the handler was told to cancel; every
//!   reference to the creator and the callback given back; for a handler value, the final
//!   `Release` of `ISyncMgrHandler` returning 0.
//!
//! This Sync Center queues nothing: `QueryForAdditionalItems` answers `S_FALSE`,
//! `AddItemToSession` and `CommitItem` `E_INVALIDARG`, `AddIUnknownToSession` and
//! `ProposeItem` `E_NOTIMPL`; `ReportManualSync` is recorded.
//!
//! Threads: `Synchronize` runs on a thread of its own, a single-threaded apartment on Windows.
//! Sync Center's reference pages do not say which threads may call its callback, so by default
//! ([`Session::agile_callback`]) the creator and the callback are what any apartment object is, the
//! strictest case: on Windows they do not answer `IAgileObject`, and a call on any thread but the
//! `Synchronize` thread is a violation. A handler reaches them from its workers as from any
//! apartment object: through a proxy or by carrying the call to that thread, which dispatches
//! messages only while the handler does. As Sync Center does, the sync gets an instance of its
//! own, made on its thread (a new object over the same handler value; for a library,
//! `BindToHandler` on a new collection object); everything else uses the first.

mod drive;
mod host;
mod library;
mod report;
mod state;

pub use report::{
    CancelPlan, EventReport, HandlerProperties, ItemProperties, ItemReport, ProgressReport, Report,
    braced, cancel_name, is_final, is_terminal, status_name,
};

use crate::When;
use crate::names::hresult_name;
use crate::report::CallbackKind;
use crate::session::SetupError;
use drive::{Plan, Target};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use syncmgr::abi::ISyncMgrHandler;
use syncmgr::{GUID, HandlerClass, Interface};

/// A Sync Center session to run on one handler: build it, then [`run`](Self::run) it.
#[must_use]
pub struct Session {
    target: Result<Target, SetupError>,
    plan: Plan,
    /// A handler to find through its library's collection when the session runs.
    library: Option<LibraryTarget>,
}

/// A handler in a built library, found as Sync Center finds it.
struct LibraryTarget {
    path: Option<PathBuf>,
    clsid: GUID,
    register: bool,
    unregister: bool,
}

impl core::fmt::Debug for Session {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Session")
            .field("plan", &self.plan)
            .finish_non_exhaustive()
    }
}

impl Session {
    /// A session on a handler value, in this process: its COM object (through
    /// [`syncmgr::create`]) asked for `ISyncMgrHandler`, its handler id the CLSID as a braced
    /// upper-case GUID string. [`run`](Self::run) fails with [`SetupError::Load`] when the
    /// object does not answer `ISyncMgrHandler`.
    pub fn from_handler<T: HandlerClass>(handler: T) -> Self {
        Self::from_shared(Arc::new(handler))
    }

    /// [`from_handler`](Self::from_handler) with a handler the caller keeps a reference to,
    /// to look at its state afterwards.
    pub fn from_shared<T: HandlerClass>(handler: Arc<T>) -> Self {
        let object = syncmgr::create_shared(Arc::clone(&handler));
        // Each sync gets a new object over the same handler value, made on the sync's thread.
        let fresh: drive::Fresh = Box::new(move || {
            syncmgr::create_shared(handler)
                .cast::<ISyncMgrHandler>()
                .map_err(|error| hresult_name(error.code()))
        });
        let target = object
            .cast::<ISyncMgrHandler>()
            .map(|handler| Target {
                handler,
                sole: true,
                fresh: Some(fresh),
            })
            .map_err(|error| {
                SetupError::Load(format!(
                    "the handler object does not answer ISyncMgrHandler ({})",
                    hresult_name(error.code())
                ))
            });
        drop(object);
        Self {
            target,
            plan: Plan::new(braced(&T::DECL.clsid)),
            library: None,
        }
    }

    /// A session on handler `clsid` of the library at `path`, found as Sync Center finds it:
    /// through the library's handler collection (`GetHandlerEnumerator` must list the
    /// handler's id, the braced CLSID; `BindToHandler` gives the handler). On Windows and under
    /// Wine the collection is a registered one (`HandlerCollections`), made by COM activation;
    /// off Windows the library's own, made through its `DllGetClassObject`. The library's
    /// `DllCanUnloadNow` must answer `S_OK` at the end.
    pub fn library(path: impl Into<PathBuf>, clsid: GUID) -> Self {
        Self::in_library(Some(path.into()), clsid)
    }

    /// [`library`](Self::library) for a handler registered with COM (Windows): the library is
    /// found through the registry.
    pub fn registered(clsid: GUID) -> Self {
        Self::in_library(None, clsid)
    }

    fn in_library(path: Option<PathBuf>, clsid: GUID) -> Self {
        Self {
            target: Err(SetupError::Load("not loaded yet".to_owned())),
            plan: Plan::new(braced(&clsid)),
            library: Some(LibraryTarget {
                path,
                clsid,
                register: false,
                unregister: false,
            }),
        }
    }

    /// Windows: call the library's `DllRegisterServer` first (a library session only).
    pub fn register(mut self, register: bool) -> Self {
        if let Some(library) = &mut self.library {
            library.register = register;
        }
        self
    }

    /// Windows: call the library's `DllUnregisterServer` at the end (a library session only).
    pub fn unregister(mut self, unregister: bool) -> Self {
        if let Some(library) = &mut self.library {
            library.unregister = unregister;
        }
        self
    }

    /// A session on any `ISyncMgrHandler`, whose id (what `CreateSession` must name) is
    /// `handler_id`. The session takes over the reference `handler` holds; others may hold
    /// more, so the final `Release` is not checked.
    pub fn new(handler: ISyncMgrHandler, handler_id: impl Into<String>) -> Self {
        Self {
            target: Ok(Target {
                handler,
                sole: false,
                fresh: None,
            }),
            plan: Plan::new(handler_id.into()),
            library: None,
        }
    }

    /// The handler id `CreateSession` must name, instead of the default one.
    pub fn handler_id(mut self, id: impl Into<String>) -> Self {
        self.plan.handler_id = id.into();
        self
    }

    /// Synchronize these items, by id (ignoring case) or display name, in this order (every
    /// item Sync Center shows, by default).
    pub fn items<S: Into<String>>(mut self, items: impl IntoIterator<Item = S>) -> Self {
        self.plan.selection = Some(items.into_iter().map(Into::into).collect());
        self
    }

    /// Cancel `item` (its id or display name) at `when`: from then on its `ReportProgress`
    /// calls get `SYNCMGR_CR_CANCEL_ITEM` and `CanContinue(item)` answers `S_FALSE`, as when
    /// Sync Center's user stops it.
    pub fn cancel_item(mut self, item: impl Into<String>, when: When) -> Self {
        self.plan.cancels.push(CancelPlan {
            item: Some(item.into()),
            when,
        });
        self
    }

    /// Cancel everything at `when` (for [`After`](When::After)`(n)`: during the `n`-th
    /// `ReportProgress` of any item): from then on every `ReportProgress` and
    /// `SetHandlerProgressText` gets `SYNCMGR_CR_CANCEL_ALL` and `CanContinue` answers
    /// `S_FALSE`.
    pub fn cancel_all(mut self, when: When) -> Self {
        self.plan.cancels.push(CancelPlan { item: None, when });
        self
    }

    /// Windows: pass a session creator and callback that answer `IAgileObject` and may be
    /// called from any thread. By default ([`CallbackKind::Apartment`]) both are ordinary
    /// objects of the `Synchronize` thread, a single-threaded apartment, and a call on any
    /// other thread is a [`ViolationKind::WrongApartment`](crate::ViolationKind). Off Windows
    /// there are no apartments and both kinds are agile.
    pub fn agile_callback(mut self, agile: bool) -> Self {
        self.plan.callback = CallbackKind::agile_if(agile);
        self
    }

    /// How long `Synchronize` may take (60 s by default); after that the session ends with a
    /// problem and leaves the handler to its thread.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.plan.timeout = timeout;
        self
    }

    /// How long the handler may take, once `Synchronize` returned, to give back its
    /// references to the session creator and the callback (5 s by default).
    pub fn settle(mut self, settle: Duration) -> Self {
        self.plan.settle = settle;
        self
    }

    /// Runs the session. `Err` only when it could not start as planned: the handler object does
    /// not answer `ISyncMgrHandler`, or the plan names an item the handler does not have;
    /// everything else, a failed call included, is in the report.
    pub fn run(self) -> Result<Report, SetupError> {
        let Some(library) = self.library else {
            return drive::drive(self.target?, &self.plan);
        };
        let bound = library::bind(library.path.as_deref(), library.clsid, library.register)
            .map_err(SetupError::Load)?;
        let target = Target {
            handler: bound.handler,
            sole: false,
            fresh: Some(bound.rebind),
        };
        let result = drive::drive(target, &self.plan);
        let mut notes = bound.notes;
        // Everything is released: the library may be unloaded now.
        let unloads = bound
            .loaded
            .module
            .as_ref()
            .and_then(crate::load::Module::can_unload_now);
        if let Some(hr) = unloads {
            notes.push(format!("DllCanUnloadNow returned {}", hresult_name(hr)));
        }
        crate::load::unload(&bound.loaded, library.unregister, &mut notes);
        let mut report = result?;
        if unloads.is_some_and(|hr| hr != syncmgr::abi::S_OK) {
            report.violations.push(crate::Violation::new(
                crate::ViolationKind::ObjectNotReleased,
                "DllCanUnloadNow does not answer S_OK after the session released everything",
            ));
        }
        report.notes.extend(notes);
        Ok(report)
    }
}
