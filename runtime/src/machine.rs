//! The protocol state machine of one handler object: which `ISyncMgrSynchronize` call may come
//! when, what each does to the handler's session, and the HRESULT it answers.
//!
//! [`Shared`] is everything the COM object (`object.rs`) and the session worker share: the
//! handler, its callback and the protocol state. The object's thunks only unpack pointers and
//! call the methods here; the worker (`sync.rs`) gets the handler, whom to report to and the
//! session, never the object; the thread that runs it closes the session afterwards. Sync
//! Center's interfaces (`center/`) need none of this state: they read the handler and its
//! items and run their sessions on Sync Center's thread.
//!
//! The phases, in the order of the Sync Manager's calls (see `docs/protocol.md#call-order`):
//! `Uninitialized` → `Initialize` → `Ready` (or `Declined`) → `PrepareForSync` → `Preparing` →
//! `Prepared` → `Synchronize` → `Synchronizing` → the worker's `SynchronizeCompleted` → `Ready`.

use crate::abi::{self, ISyncMgrEnumItems, SYNCMGRHANDLERINFO};
use crate::apartment::WorkerApartment;
use crate::callback::{Callback, CallbackSlot, LogLevel};
use crate::catalog::Catalog;
use crate::enumerator::ItemEnumerator;
use crate::guard::{catch, lock, panic_text};
use crate::module::Token;
use crate::sync::{self, Host, Session};
use crate::{
    Error, HandlerClass, ItemFlags, Participation, PropertiesChange, ShowErrorOutcome, SyncEvent,
    SyncStatus,
};
use std::sync::{Arc, Mutex};
use windows_core::{GUID, HRESULT};

/// The handler and its protocol state.
pub(crate) struct Shared<T> {
    pub(crate) handler: Arc<T>,
    state: Mutex<State>,
    pub(crate) callback: CallbackSlot,
    _token: Token,
}

#[derive(Default)]
struct State {
    phase: Phase,
    /// What `Initialize` said, kept for the object's lifetime.
    event: Option<SyncEvent>,
    /// The session that accepts `SetItemStatus`: from `PrepareForSync` until
    /// `SynchronizeCompleted` is sent (or preparation ends in failure).
    session: Option<Arc<Session>>,
}

/// Where the object is in the protocol.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Phase {
    /// Created; only `Initialize` (and `SetProgressCallback`) make sense.
    #[default]
    Uninitialized,
    /// `Initialize` declined the event (`S_FALSE`).
    Declined,
    /// Initialized, no session running.
    Ready,
    /// Inside `PrepareForSync`.
    Preparing,
    /// `PrepareForSyncCompleted(S_OK)` sent: `Synchronize` may come.
    Prepared,
    /// `Synchronize` started the worker.
    Synchronizing,
}

impl<T: HandlerClass> Shared<T> {
    /// The state of a new object for `handler`: uninitialized, no callback.
    pub(crate) fn new(handler: Arc<T>) -> Self {
        Self {
            handler,
            state: Mutex::new(State::default()),
            callback: CallbackSlot::default(),
            _token: Token::object(),
        }
    }

    /// The object's last reference is gone: nobody can resume a paused item any more, so none
    /// holds. (The worker, if one runs, finishes the session on its own.)
    pub(crate) fn release_holds(&self) {
        if let Some(session) = lock(&self.state).session.as_deref() {
            session.release_holds();
        }
    }

    /// Logs `text` through the callback, if there is one.
    pub(crate) fn log(&self, level: LogLevel, text: &str, item: Option<&GUID>) {
        self.callback.log(level, text, item);
    }

    /// Closes the session; called by the worker right before `SynchronizeCompleted`.
    pub(crate) fn end_session(&self) {
        let mut state = lock(&self.state);
        state.session = None;
        state.phase = Phase::Ready;
    }

    /// Checks the phase for a call that needs `Initialize` first.
    fn require_initialized(&self) -> Result<(), HRESULT> {
        match lock(&self.state).phase {
            Phase::Uninitialized | Phase::Declined => Err(abi::E_UNEXPECTED),
            _ => Ok(()),
        }
    }

    pub(crate) fn initialize(&self, flags: u32, cookie: Vec<u8>) -> HRESULT {
        {
            let mut state = lock(&self.state);
            // Not during a session, nor while `PrepareForSync` builds one on another thread.
            if !matches!(
                state.phase,
                Phase::Uninitialized | Phase::Declined | Phase::Ready
            ) {
                return abi::E_UNEXPECTED;
            }
            // Until the handler answers, the object counts as uninitialized.
            state.phase = Phase::Uninitialized;
        }
        let event = SyncEvent::new(flags, cookie);
        let answer = match catch(|| self.handler.initialize(&event)) {
            Ok(answer) => answer,
            Err(panic) => {
                self.log(LogLevel::Error, &panic_text("Initialize", &panic), None);
                return abi::E_UNEXPECTED;
            }
        };
        let mut state = lock(&self.state);
        match answer {
            Ok(Participation::Join) => {
                state.phase = Phase::Ready;
                state.event = Some(event);
                abi::S_OK
            }
            Ok(Participation::Decline) => {
                state.phase = Phase::Declined;
                state.event = Some(event);
                abi::S_FALSE
            }
            Err(error) => failure(&error),
        }
    }

    pub(crate) fn handler_info(&self) -> Result<*mut SYNCMGRHANDLERINFO, HRESULT> {
        self.require_initialized()?;
        let info = crate::memory::co_task_mem_alloc(size_of::<SYNCMGRHANDLERINFO>())
            .cast::<SYNCMGRHANDLERINFO>();
        if info.is_null() {
            return Err(abi::E_OUTOFMEMORY);
        }
        let mut value = SYNCMGRHANDLERINFO {
            cbSize: abi::cb_size::<SYNCMGRHANDLERINFO>(),
            hIcon: crate::server::icon(T::DECL.icon),
            SyncMgrHandlerFlags: T::DECL.flags.bits(),
            wszHandlerName: [0; abi::MAX_SYNCMGRHANDLERNAME as usize],
        };
        let max = value.wszHandlerName.len() - 1;
        for (slot, unit) in value
            .wszHandlerName
            .iter_mut()
            .zip(T::DECL.name.encode_utf16().take(max))
        {
            *slot = unit;
        }
        // SAFETY: `info` is a fresh, suitably aligned task allocation of the struct's size.
        unsafe { info.write(value) };
        Ok(info)
    }

    pub(crate) fn enumerate(&self) -> Result<(ISyncMgrEnumItems, HRESULT), HRESULT> {
        self.require_initialized()?;
        let catalog = self.catalog()?;
        let hr = if catalog.incomplete {
            abi::S_SYNCMGR_MISSINGITEMS
        } else {
            abi::S_OK
        };
        Ok((ItemEnumerator::create(catalog.items.into(), 0), hr))
    }

    /// The handler's items; a failure or panic in its `items()` becomes the HRESULT.
    pub(crate) fn catalog(&self) -> Result<Catalog, HRESULT> {
        match catch(|| Catalog::of(&*self.handler)) {
            Ok(Ok(catalog)) => Ok(catalog),
            Ok(Err(error)) => {
                self.log(LogLevel::Error, error.message(), None);
                Err(failure(&error))
            }
            Err(panic) => {
                self.log(LogLevel::Error, &panic_text("items", &panic), None);
                Err(abi::E_UNEXPECTED)
            }
        }
    }

    pub(crate) fn set_callback(
        &self,
        callback: Option<&abi::ISyncMgrSynchronizeCallback>,
    ) -> HRESULT {
        let new = callback.map(|callback| Arc::new(Callback::new(callback)));
        // Dropped here, after the lock: releasing may call back into the host.
        drop(self.callback.replace(new));
        abi::S_OK
    }

    pub(crate) fn show_properties(&self, parent: abi::HWND, item: GUID) -> HRESULT {
        if let Err(hr) = self.require_initialized() {
            return hr;
        }
        let item = (item != GUID::zeroed()).then_some(item);
        if let Some(id) = item {
            match self.catalog() {
                Ok(catalog) if catalog.items.iter().any(|record| record.id == id) => {}
                Ok(_) => return abi::E_INVALIDARG,
                Err(hr) => return hr,
            }
        }
        match catch(|| self.handler.show_properties(parent, item)) {
            Ok(Ok(change)) => {
                let hr = match change {
                    PropertiesChange::None => abi::S_OK,
                    PropertiesChange::ItemDeleted => abi::S_SYNCMGR_ITEMDELETED,
                    PropertiesChange::ItemsChanged => abi::S_SYNCMGR_ENUMITEMS,
                };
                if let Some(callback) = self.callback.get() {
                    callback.show_properties_completed(hr);
                }
                abi::S_OK
            }
            Ok(Err(error)) => failure(&error),
            Err(panic) => {
                self.log(LogLevel::Error, &panic_text("ShowProperties", &panic), None);
                abi::E_UNEXPECTED
            }
        }
    }

    pub(crate) fn show_error(&self, parent: abi::HWND, error_id: GUID) -> HRESULT {
        if let Err(hr) = self.require_initialized() {
            return hr;
        }
        let error = crate::errors::find(error_id);
        match catch(|| self.handler.show_error(parent, &error)) {
            Ok(Ok(outcome)) => {
                if let Some(callback) = self.callback.get() {
                    match outcome {
                        ShowErrorOutcome::Done => callback.show_error_completed(abi::S_OK, &[]),
                        ShowErrorOutcome::Retry(items) => {
                            callback.show_error_completed(abi::S_SYNCMGR_RETRYSYNC, &items);
                        }
                    }
                }
                abi::S_OK
            }
            Ok(Err(error)) => failure(&error),
            Err(panic) => {
                self.log(LogLevel::Error, &panic_text("ShowError", &panic), None);
                abi::E_UNEXPECTED
            }
        }
    }

    pub(crate) fn prepare(&self, ids: &[GUID]) -> HRESULT {
        let Some(callback) = self.callback.get() else {
            return abi::E_UNEXPECTED;
        };
        {
            let mut state = lock(&self.state);
            if state.phase != Phase::Ready {
                return abi::E_UNEXPECTED;
            }
            state.phase = Phase::Preparing;
        }
        let session = match self.catalog() {
            Ok(catalog) => Session::new(&catalog, ids),
            Err(hr) => Err(hr),
        };
        let session = match session {
            Ok(session) => Arc::new(session),
            Err(hr) => {
                lock(&self.state).phase = Phase::Ready;
                return hr;
            }
        };
        lock(&self.state).session = Some(Arc::clone(&session));
        let ids = session.ids();
        match catch(|| self.handler.prepare(&ids)) {
            Ok(Ok(())) => {
                lock(&self.state).phase = Phase::Prepared;
                callback.prepare_completed(abi::S_OK);
                abi::S_OK
            }
            Ok(Err(error)) => {
                self.end_session();
                callback.log(LogLevel::Error, error.message(), None);
                callback.prepare_completed(failure(&error));
                abi::S_OK
            }
            Err(panic) => {
                self.end_session();
                callback.log(LogLevel::Error, &panic_text("PrepareForSync", &panic), None);
                abi::E_UNEXPECTED
            }
        }
    }

    pub(crate) fn synchronize(self: &Arc<Self>) -> HRESULT {
        if self.callback.get().is_none() {
            return abi::E_UNEXPECTED;
        }
        let session = {
            let mut state = lock(&self.state);
            let Some(session) = state
                .session
                .clone()
                .filter(|_| state.phase == Phase::Prepared)
            else {
                return abi::E_UNEXPECTED;
            };
            state.phase = Phase::Synchronizing;
            session
        };
        let shared = Arc::clone(self);
        let worker = Token::worker();
        let spawned = std::thread::Builder::new()
            .name("syncmgr-worker".to_owned())
            .spawn(move || {
                // Declared first, dropped last: the worker counts as running until it left
                // its apartment.
                let _worker = worker;
                // The worker may reach the callback through a proxy, which needs COM on this
                // thread; everything COM-related is released before the apartment ends.
                let _apartment = WorkerApartment::enter(crate::apartment::Route::Proxy);
                let failed = sync::run(
                    &*shared.handler,
                    Host::SyncManager(&shared.callback),
                    &session,
                );
                shared.end_session();
                if let Some(callback) = shared.callback.get() {
                    callback.synchronize_completed(if failed { abi::E_FAIL } else { abi::S_OK });
                }
                drop((shared, session));
            });
        if spawned.is_ok() {
            abi::S_OK
        } else {
            lock(&self.state).phase = Phase::Prepared;
            abi::E_OUTOFMEMORY
        }
    }

    /// `SetItemStatus`, checked in the documented order: session, item, status, then action.
    ///
    /// The checks and the runtime's own actions (skip, stop) run under the state lock, which
    /// keeps the session alive without taking a reference to it; the lock is released before
    /// any handler method runs.
    pub(crate) fn set_item_status(&self, item: Option<GUID>, raw_status: u32) -> HRESULT {
        let state = lock(&self.state);
        let Some(session) = state.session.as_deref() else {
            return abi::E_UNEXPECTED;
        };
        let Some(item) = item else {
            return abi::E_INVALIDARG;
        };
        let all = item == GUID::zeroed();
        let index = session.index_of(&item);
        if all {
            if raw_status != SyncStatus::Stopped.to_u32() {
                return abi::E_INVALIDARG;
            }
        } else if index.is_none() {
            return abi::E_INVALIDARG;
        }
        let Ok(status) = SyncStatus::try_from(raw_status) else {
            return abi::E_INVALIDARG;
        };
        let method = T::status_method(status);
        // The runtime's own action for the statuses that have one (see the status table in the
        // crate docs); the handler's method, if any, is told afterwards, outside the lock.
        let acted = match (status, index) {
            (SyncStatus::Skipped, Some(index)) => {
                session.skip(index);
                true
            }
            (SyncStatus::Stopped, Some(index)) => {
                session.stop(index);
                true
            }
            // `GUID_NULL`: only `STOPPED` came this far.
            (SyncStatus::Stopped, None) => {
                session.cancel_all();
                true
            }
            (SyncStatus::Paused, Some(index)) => {
                session.pause(index);
                true
            }
            (SyncStatus::Resuming, Some(index)) => {
                session.resume(index);
                true
            }
            _ => false,
        };
        if acted {
            drop(state);
            self.notify(method, item, status);
            return abi::S_OK;
        }
        match (status, index) {
            (SyncStatus::Deleted, Some(index))
                if !session.flags(index).contains(ItemFlags::MAY_DELETE_ITEM) =>
            {
                abi::E_INVALIDARG
            }
            (_, index) => {
                let Some(method) = method else {
                    return abi::E_INVALIDARG;
                };
                // `DELETED` skips the item once the method succeeded: keep the session for that.
                let session = state.session.clone();
                drop(state);
                match catch(|| method(&self.handler, item)) {
                    Ok(Ok(())) => {
                        if let (SyncStatus::Deleted, Some(index), Some(session)) =
                            (status, index, session)
                        {
                            session.skip(index);
                        }
                        abi::S_OK
                    }
                    Ok(Err(error)) => failure(&error),
                    Err(panic) => {
                        self.log(LogLevel::Error, &panic_text("SetItemStatus", &panic), None);
                        abi::E_UNEXPECTED
                    }
                }
            }
        }
    }

    /// Tells the handler's optional method about a status the runtime already acted on; its
    /// failure is logged, the action stands.
    fn notify(&self, method: Option<crate::StatusMethod<T>>, item: GUID, status: SyncStatus) {
        let Some(method) = method else { return };
        let text = match catch(|| method(&self.handler, item)) {
            Ok(Ok(())) => return,
            Ok(Err(error)) => format!("{}: {status}: {}", T::DECL.name, error.message()),
            Err(panic) => panic_text("SetItemStatus", &panic),
        };
        self.log(
            LogLevel::Warning,
            &text,
            (item != GUID::zeroed()).then_some(&item),
        );
    }
}

/// The failure HRESULT for `error`; a success code in an error becomes `E_FAIL`.
pub(crate) fn failure(error: &Error) -> HRESULT {
    if error.code().is_err() {
        error.code()
    } else {
        abi::E_FAIL
    }
}
