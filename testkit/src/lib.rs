//! The Sync Manager's side of the protocol, for testing `syncmgr` handlers from `cargo test`.
//!
//! A [`Session`] plays the Sync Manager against a handler value in this process or against a
//! built handler library loaded by its CLSID: it calls `Initialize`, `GetHandlerInfo`,
//! `EnumSyncMgrItems`, `SetProgressCallback`, `PrepareForSync`, `Synchronize`, sends the
//! `SetItemStatus` calls and `Progress` answers you plan, waits for the completions, releases
//! everything, and checks every step against the protocol. Its [`Report`] has the violations,
//! each item's statuses and texts, the log, and (in process) the handler itself.
//!
//! ```
//! use syncmgr::{ItemSync, SyncHandler, SyncStatus, sync_handler};
//! use syncmgr_test::{After, Session};
//! use std::sync::atomic::{AtomicU32, Ordering};
//!
//! const INBOX: syncmgr::GUID = syncmgr::GUID::from_u128(0x0c2b4d8e_1f3a_4b5c_8d9e_0a1b2c3d4e5f);
//! const ARCHIVE: syncmgr::GUID = syncmgr::GUID::from_u128(0x1d3c5e9f_2a4b_4c6d_9e0f_1b2c3d4e5f60);
//!
//! #[sync_handler(
//!     clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
//!     name = "Notes",
//!     item(id = "0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f", name = "Inbox"),
//!     item(id = "1d3c5e9f-2a4b-4c6d-9e0f-1b2c3d4e5f60", name = "Archive"),
//! )]
//! #[derive(Default)]
//! struct Notes {
//!     copied: AtomicU32,
//! }
//!
//! impl SyncHandler for Notes {
//!     fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
//!         for step in 1..=5 {
//!             item.progress(step, 5, "Copying notes")?;
//!             self.copied.fetch_add(1, Ordering::Relaxed);
//!         }
//!         Ok(())
//!     }
//! }
//!
//! # fn main() -> Result<(), syncmgr_test::SetupError> {
//! // Skip the archive during its second Progress call (the runtime's own UPDATING is the
//! // first, the handler's first step the second).
//! let report = Session::new(Notes::default()).skip(ARCHIVE, After(2)).run()?;
//! assert!(report.violations().is_empty(), "{:#?}", report.violations());
//! assert_eq!(report.final_status(INBOX), Some(SyncStatus::Succeeded));
//! assert_eq!(report.final_status(ARCHIVE), Some(SyncStatus::Skipped));
//! assert!(report.texts(INBOX).contains(&"Copying notes"));
//! // The handler as the session left it: five steps for the inbox; the archive's first step
//! // saw the skip in its `progress` call and stopped.
//! assert_eq!(report.handler().copied.load(Ordering::Relaxed), 5);
//! # Ok(())
//! # }
//! ```
//!
//! What a session checks (each broken rule is a [`Violation`] of a [`ViolationKind`]):
//! `PrepareForSyncCompleted`, `SynchronizeCompleted`, `ShowPropertiesCompleted` and
//! `ShowErrorCompleted` exactly once after their call succeeded and never after it failed;
//! `Progress` only for session items, never after their final status or after
//! `SynchronizeCompleted`; exactly one final status per synchronized item; well-formed
//! `SYNCMGRHANDLERINFO`, `SYNCMGRITEM`, `SYNCMGRPROGRESSITEM` and `SYNCMGRLOGERRORINFO` and
//! their strings; `SYNCMGRSTATUS` and `SYNCMGRLOGLEVEL` values; the enumerator's contract; the
//! last `Release` returning 0; every callback reference given back; and, for a library, that
//! `DllCanUnloadNow` answers `S_OK` at the end.
//!
//! Threads: the session runs on the calling thread. On Windows that thread becomes a
//! single-threaded apartment for the session, which pumps messages while it waits, and the
//! callback is an ordinary apartment object as the Sync Manager's is
//! ([`CallbackKind::Apartment`]); [`Session::agile_callback`] passes one that answers
//! `IAgileObject` instead, as it does when the calling thread is already in the multithreaded
//! apartment. Off Windows there are no apartments.
//!
//! Sync Center (Windows Vista and later) drives handlers through `ISyncMgrHandler` instead:
//! [`center::Session`] plays that side.

#![warn(missing_docs)]

mod apartment;
pub mod call;
mod callback;
pub mod center;
mod check;
mod load;
mod names;
mod object;
pub mod pump;
mod report;
mod session;

pub use callback::{
    Effect, LogLine, Observer, ProgressAnswer, Recording, TIMEOUT, Trigger, TriggeredCall, When,
    callback,
};
pub use callback::{HandlerInfo, ItemInfo};
pub use check::{
    Event, EventCounts, ItemTrack, LogInfo, Progress, TextProblem, Violation, ViolationKind,
};
pub use names::{flag_names, hresult_name, log_level_name, parse_guid, status_label, status_name};
pub use report::{Call, CallbackKind, Report};
pub use session::{ItemRef, Selection, SetupError};

pub use When::{After, Delay, Percent};

use session::{Plan, Planned, PlannedEffect, UiCall};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use syncmgr::{GUID, HRESULT, HandlerClass, SyncStatus, abi};

/// A handler class a library serves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryClass {
    /// Its CLSID.
    pub clsid: GUID,
    /// The name its `GetHandlerInfo` gives, when it could be created and asked.
    pub name: Option<String>,
}

/// The handler classes of the library at `path`, as it names them (the `SyncMgrHandlerClass`
/// export that `syncmgr::dll_exports!` defines), each with its handler's name.
pub fn library_classes(path: impl AsRef<std::path::Path>) -> Result<Vec<LibraryClass>, SetupError> {
    load::classes(path.as_ref())
        .map(|classes| {
            classes
                .into_iter()
                .map(|(clsid, name)| LibraryClass { clsid, name })
                .collect()
        })
        .map_err(SetupError::Load)
}

/// The CLSIDs of the handler classes of the library at `path`, as it names them, without
/// creating any handler (unlike [`library_classes`], which asks each for its name).
pub fn library_class_ids(path: impl AsRef<std::path::Path>) -> Result<Vec<GUID>, SetupError> {
    load::Module::open(path.as_ref())
        .and_then(|module| module.class_ids())
        .map_err(SetupError::Load)
}

/// A session to run: what to drive and how. Build it, then [`run`](Self::run) it.
///
/// `H` is the handler type of an in-process session ([`Session::new`]); a session on a library
/// ([`Session::library`]) has `H = ()`.
#[must_use]
pub struct Session<H = ()> {
    target: Target<H>,
    plan: Plan,
    observer: Box<dyn Observer>,
}

enum Target<H> {
    /// In process: the handler and how to make its COM object.
    Object(Arc<H>, fn(&Arc<H>) -> *mut core::ffi::c_void),
    Library {
        path: Option<PathBuf>,
        clsid: GUID,
        register: bool,
        unregister: bool,
    },
}

impl<H: HandlerClass> Session<H> {
    /// A session on `handler`, in this process (through [`syncmgr::create_shared`]). The report
    /// gives the handler back ([`Report::handler`]).
    pub fn new(handler: H) -> Self {
        Self::shared(Arc::new(handler))
    }

    /// A session on a handler the caller keeps a reference to.
    pub fn shared(handler: Arc<H>) -> Self {
        Self {
            target: Target::Object(handler, create_object::<H>),
            plan: Plan::default(),
            observer: Box::new(()),
        }
    }
}

impl Session {
    /// A session on the handler class `clsid` of the library at `path` (a DLL on Windows, a
    /// shared library elsewhere), loaded as COM loads an in-process server: off Windows
    /// through its `DllGetClassObject`; on Windows through `CoCreateInstance`, so the library
    /// must be registered (see [`register`](Self::register)).
    pub fn library(path: impl Into<PathBuf>, clsid: GUID) -> Self {
        Self::from_target(Target::Library {
            path: Some(path.into()),
            clsid,
            register: false,
            unregister: false,
        })
    }

    /// Windows: a session on the registered class `clsid`, created by `CoCreateInstance`
    /// alone, which finds the library in the registry as the Sync Manager does.
    pub fn registered(clsid: GUID) -> Self {
        Self::from_target(Target::Library {
            path: None,
            clsid,
            register: false,
            unregister: false,
        })
    }

    fn from_target(target: Target<()>) -> Self {
        Self {
            target,
            plan: Plan::default(),
            observer: Box::new(()),
        }
    }

    /// Windows: call the library's `DllRegisterServer` before the session. No effect
    /// elsewhere.
    pub fn register(mut self, yes: bool) -> Self {
        if let Target::Library { register, .. } = &mut self.target {
            *register = yes;
        }
        self
    }

    /// Windows: call the library's `DllUnregisterServer` after the session. No effect
    /// elsewhere.
    pub fn unregister(mut self, yes: bool) -> Self {
        if let Target::Library { unregister, .. } = &mut self.target {
            *unregister = yes;
        }
        self
    }
}

impl<H: Send + Sync + 'static> Session<H> {
    /// The `dwSyncMgrFlags` for `Initialize` (`SYNCMGRFLAG_MANUAL` by default).
    pub fn flags(mut self, flags: u32) -> Self {
        self.plan.flags = flags;
        self
    }

    /// Synchronize these items, by id or name, in this order (the checked items by default).
    pub fn items<I: Into<ItemRef>>(mut self, items: impl IntoIterator<Item = I>) -> Self {
        self.plan.selection = Selection::These(items.into_iter().map(Into::into).collect());
        self
    }

    /// Synchronize every item, checked or not.
    pub fn all_items(mut self) -> Self {
        self.plan.selection = Selection::All;
        self
    }

    /// `SetItemStatus(item, SKIPPED)` at `when`, as the Sync Manager does when its user
    /// skips an item.
    pub fn skip(self, item: impl Into<ItemRef>, when: When) -> Self {
        self.status(item, SyncStatus::Skipped, when)
    }

    /// `SetItemStatus(item, status)` at `when`.
    pub fn status(self, item: impl Into<ItemRef>, status: SyncStatus, when: When) -> Self {
        self.raw_status(Some(item.into()), status.to_u32(), when)
    }

    /// `SetItemStatus(GUID_NULL, STOPPED)` at `when`: stop everything.
    pub fn stop_all(self, when: When) -> Self {
        self.raw_status(None, SyncStatus::Stopped.to_u32(), when)
    }

    /// `SetItemStatus(item or GUID_NULL, status)` at `when`, with any `DWORD` as the status.
    pub fn raw_status(mut self, item: Option<ItemRef>, status: u32, when: When) -> Self {
        self.plan.planned.push(Planned {
            item,
            when,
            effect: PlannedEffect::Status(status),
        });
        self
    }

    /// Answer `item`'s `Progress` with `S_SYNCMGR_CANCELITEM` at `when`.
    pub fn cancel_item(self, item: impl Into<ItemRef>, when: When) -> Self {
        self.answer(Some(item.into()), abi::S_SYNCMGR_CANCELITEM, when)
    }

    /// Answer a `Progress` with `S_SYNCMGR_CANCELALL` at `when`.
    pub fn cancel_all(self, when: When) -> Self {
        self.answer(None, abi::S_SYNCMGR_CANCELALL, when)
    }

    /// Answer a `Progress` of `item` (any item with `None`) with `hr` once, at `when`.
    pub fn answer(mut self, item: Option<ItemRef>, hr: HRESULT, when: When) -> Self {
        self.plan.planned.push(Planned {
            item,
            when,
            effect: PlannedEffect::Reply(hr),
        });
        self
    }

    /// After the sync, `ShowProperties` for `item` (`None`: the handler's own), with its
    /// `ShowPropertiesCompleted` awaited and checked.
    pub fn show_properties(mut self, item: Option<ItemRef>) -> Self {
        self.plan.ui_calls.push(UiCall::Properties(item));
        self
    }

    /// After the sync, `ShowError` for the error id of the `n`-th logged entry that has one
    /// (from 0), with its `ShowErrorCompleted` awaited and checked.
    pub fn show_error(mut self, n: usize) -> Self {
        self.plan.ui_calls.push(UiCall::Error(n));
        self
    }

    /// Windows: pass a callback that answers `IAgileObject` and wait without pumping messages.
    pub fn agile_callback(mut self, agile: bool) -> Self {
        self.plan.callback = CallbackKind::agile_if(agile);
        self
    }

    /// What `EnableModeless(TRUE)` answers: `S_OK` (the user may be bothered) or `S_FALSE`
    /// (the default).
    pub fn modeless(mut self, hr: HRESULT) -> Self {
        self.plan.modeless = hr;
        self
    }

    /// A failing Sync Manager: every callback method but `Progress`, `EnableModeless` and
    /// `IUnknown`'s answers `hr`.
    pub fn failing_callback(mut self, hr: HRESULT) -> Self {
        self.plan.others = hr;
        self
    }

    /// A slow Sync Manager: each `Progress` takes at least `delay`.
    pub fn slow_callback(mut self, delay: Duration) -> Self {
        self.plan.slow = Some(delay);
        self
    }

    /// How long each completion may take (60 s by default).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.plan.timeout = timeout;
        self
    }

    /// Items per `ISyncMgrEnumItems::Next` call (4 by default).
    pub fn batch(mut self, batch: u32) -> Self {
        self.plan.batch = batch.max(1);
        self
    }

    /// Watches the session as it runs (a progress display).
    pub fn observer(mut self, observer: impl Observer + 'static) -> Self {
        self.observer = Box::new(observer);
        self
    }

    /// Runs the session. `Err` only when it could not start as planned: the library could not
    /// be loaded, or the plan names an item the handler does not have; everything else, a
    /// failed call included, is in the report.
    pub fn run(self) -> Result<Report<H>, SetupError> {
        let Self {
            target,
            mut plan,
            observer,
        } = self;
        match target {
            Target::Object(handler, create) => {
                // On Windows the driver's thread is what the Sync Manager's is for an apartment
                // callback, a single-threaded apartment, as for a library session; a thread the
                // caller put in the multithreaded apartment stays there, with an agile callback.
                let apartment =
                    (plan.callback == CallbackKind::Apartment).then(apartment::Sta::enter);
                if plan.callback.pumps() && !apartment.as_ref().is_some_and(apartment::Sta::entered)
                {
                    plan.callback = CallbackKind::Agile;
                }
                let watched = Arc::clone(&handler);
                // Every reference but the object's (and its worker's, through it): the caller's
                // own included, for a shared handler.
                let baseline = Arc::strong_count(&watched);
                let object = create(&handler);
                let loaded = load::Loaded {
                    handler: object,
                    module: None,
                    notes: Vec::new(),
                };
                let settled = move || Some(Arc::strong_count(&watched) == baseline);
                let report = session::drive(&loaded, &plan, observer, &settled);
                drop(apartment);
                Ok(report?.with_object(Some(handler)))
            }
            Target::Library {
                path,
                clsid,
                register,
                unregister,
            } => {
                let loaded =
                    load::load(path.as_deref(), clsid, register).map_err(SetupError::Load)?;
                let module = loaded.module.as_ref();
                let settled = || {
                    module
                        .and_then(load::Module::can_unload_now)
                        .map(|hr| hr == abi::S_OK)
                };
                let result = session::drive(&loaded, &plan, observer, &settled);
                let mut notes = Vec::new();
                load::unload(&loaded, unregister, &mut notes);
                let mut report = result?;
                report.notes.extend(notes);
                Ok(report.with_object(None))
            }
        }
    }
}

/// The COM object for an in-process handler, with one reference for the driver.
fn create_object<H: HandlerClass>(handler: &Arc<H>) -> *mut core::ffi::c_void {
    use syncmgr::Interface;
    syncmgr::create_shared(Arc::clone(handler)).into_raw()
}
