//! The COM object behind every handler: `ISyncMgrSynchronize` over the user's type.
//!
//! The vtable has the generated `ISyncMgrSynchronize_Vtbl` layout, filled with the runtime's own
//! thunks: each one checks its pointers, nulls out-pointers on failure, contains panics
//! (`E_UNEXPECTED`, reported through `LogError`), can return success codes other than `S_OK`, and
//! traces its HRESULT.

use crate::abi::{self, ISyncMgrSynchronize, ISyncMgrSynchronize_Vtbl, SYNCMGRHANDLERINFO};
use crate::apartment::WorkerApartment;
use crate::callback::{Callback, CallbackSlot, LogLevel};
use crate::catalog::Catalog;
use crate::com::{self, ComObject, Out};
use crate::enumerator::ItemEnumerator;
use crate::guard::{catch, lock};
use crate::module::Token;
use crate::sync::{self, Session};
use crate::{
    Error, HandlerClass, ItemFlags, Participation, PropertiesChange, ShowErrorOutcome, SyncEvent,
    SyncStatus,
};
use core::ffi::c_void;
use std::sync::atomic::AtomicU32;
use std::sync::{Arc, Mutex};
use windows_core::{GUID, HRESULT, IUnknown, Interface};

/// Creates the COM object for `handler` and returns its `ISyncMgrSynchronize` interface.
///
/// This is what a class factory's `CreateInstance` hands out; tests call it directly.
pub fn create<T: HandlerClass>(handler: T) -> ISyncMgrSynchronize {
    create_shared(Arc::new(handler))
}

/// [`create`], with the handler shared: the caller keeps its own `Arc` to look at the handler's
/// state during or after a session (the object holds the other until it and its worker are
/// gone).
pub fn create_shared<T: HandlerClass>(handler: Arc<T>) -> ISyncMgrSynchronize {
    com::into_interface(SyncObject {
        vtable: &SyncObject::<T>::VTABLE,
        refs: AtomicU32::new(1),
        shared: Arc::new(Shared {
            handler,
            state: Mutex::new(State::default()),
            callback: CallbackSlot::default(),
            _token: Token::object(),
        }),
    })
}

/// The object. `vtable` comes first: the object's address is its interface pointer.
#[repr(C)]
struct SyncObject<T: HandlerClass> {
    vtable: &'static ISyncMgrSynchronize_Vtbl,
    refs: AtomicU32,
    /// Shared with the worker thread, which may outlive the last COM reference.
    shared: Arc<Shared<T>>,
}

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
    /// Logs `text` through the callback, if there is one.
    pub(crate) fn log(&self, level: LogLevel, text: &str, item: Option<&GUID>) {
        if let Some(callback) = self.callback.get() {
            callback.log(level, text, item);
        }
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

    fn initialize(&self, flags: u32, cookie: Vec<u8>) -> HRESULT {
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

    fn handler_info(&self) -> Result<*mut SYNCMGRHANDLERINFO, HRESULT> {
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

    fn enumerate(&self) -> Result<(ISyncMgrEnumItems, HRESULT), HRESULT> {
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
    fn catalog(&self) -> Result<Catalog, HRESULT> {
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

    fn set_callback(&self, callback: Option<&abi::ISyncMgrSynchronizeCallback>) -> HRESULT {
        let new = callback.map(|callback| Arc::new(Callback::new(callback)));
        // Dropped here, after the lock: releasing may call back into the host.
        drop(self.callback.replace(new));
        abi::S_OK
    }

    fn show_properties(&self, parent: abi::HWND, item: GUID) -> HRESULT {
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

    fn show_error(&self, parent: abi::HWND, error_id: GUID) -> HRESULT {
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

    fn prepare(&self, ids: &[GUID]) -> HRESULT {
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

    fn synchronize(self: &Arc<Self>) -> HRESULT {
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
                let _apartment = WorkerApartment::enter();
                sync::run(&shared, &session);
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
    fn set_item_status(&self, item: Option<GUID>, raw_status: u32) -> HRESULT {
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

use abi::ISyncMgrEnumItems;

/// The failure HRESULT for `error`; a success code in an error becomes `E_FAIL`.
pub(crate) fn failure(error: &Error) -> HRESULT {
    if error.code().is_err() {
        error.code()
    } else {
        abi::E_FAIL
    }
}

/// The `LogError` text for a panic caught in `method`.
pub(crate) fn panic_text(method: &str, panic: &str) -> String {
    format!("{method}: the handler panicked: {panic}")
}

impl<T: HandlerClass> Drop for SyncObject<T> {
    /// The last reference is gone: nobody can resume a paused item any more, so none holds.
    /// (The worker, if one runs, finishes the session on its own.)
    fn drop(&mut self) {
        if let Some(session) = lock(&self.shared.state).session.as_deref() {
            session.release_holds();
        }
    }
}

// SAFETY: `SyncObject` is `#[repr(C)]` with its vtable first, whose `base__` is
// `com::iunknown::<Self>()`; it serves IUnknown and ISyncMgrSynchronize; `create` makes it.
unsafe impl<T: HandlerClass> ComObject for SyncObject<T> {
    const INTERFACE: &'static str = "ISyncMgrSynchronize";
    const IIDS: &'static [GUID] = &[IUnknown::IID, ISyncMgrSynchronize::IID];

    fn refs(&self) -> &AtomicU32 {
        &self.refs
    }

    fn panicked(&self, method: &str, panic: &str) {
        self.shared
            .log(LogLevel::Error, &panic_text(method, panic), None);
    }
}

impl<T: HandlerClass> SyncObject<T> {
    const VTABLE: ISyncMgrSynchronize_Vtbl = ISyncMgrSynchronize_Vtbl {
        base__: com::iunknown::<Self>(),
        Initialize: Self::initialize,
        GetHandlerInfo: Self::get_handler_info,
        EnumSyncMgrItems: Self::enum_sync_mgr_items,
        GetItemObject: Self::get_item_object,
        ShowProperties: Self::show_properties,
        SetProgressCallback: Self::set_progress_callback,
        PrepareForSync: Self::prepare_for_sync,
        Synchronize: Self::synchronize,
        SetItemStatus: Self::set_item_status,
        ShowError: Self::show_error,
    };

    unsafe extern "system" fn initialize(
        this: *mut c_void,
        _reserved: u32,
        flags: u32,
        cookie_len: u32,
        cookie: *const u8,
    ) -> HRESULT {
        // SAFETY: COM passes this object's interface pointer.
        unsafe {
            com::call::<Self, _>(this, "Initialize", |object| {
                let cookie = match (cookie_len, cookie.is_null()) {
                    (0, _) => Vec::new(),
                    (_, true) => return abi::E_INVALIDARG,
                    // SAFETY: the caller passes `cookie_len` readable bytes at `cookie`.
                    (len, false) => core::slice::from_raw_parts(cookie, len as usize).to_vec(),
                };
                object.shared.initialize(flags, cookie)
            })
        }
    }

    unsafe extern "system" fn get_handler_info(
        this: *mut c_void,
        out: *mut *mut SYNCMGRHANDLERINFO,
    ) -> HRESULT {
        // SAFETY: COM passes this object's interface pointer.
        unsafe {
            com::call::<Self, _>(this, "GetHandlerInfo", |object| {
                // SAFETY: COM's contract for the `[out]` parameter.
                let out = Out::new(out, core::ptr::null_mut())?;
                out.set(object.shared.handler_info()?);
                Ok(abi::S_OK)
            })
        }
    }

    unsafe extern "system" fn enum_sync_mgr_items(
        this: *mut c_void,
        out: *mut *mut c_void,
    ) -> HRESULT {
        // SAFETY: COM passes this object's interface pointer.
        unsafe {
            com::call::<Self, _>(this, "EnumSyncMgrItems", |object| {
                // SAFETY: COM's contract for the `[out]` parameter.
                let out = Out::new(out, core::ptr::null_mut())?;
                let (enumerator, hr) = object.shared.enumerate()?;
                out.set(enumerator.into_raw());
                Ok(hr)
            })
        }
    }

    unsafe extern "system" fn get_item_object(
        this: *mut c_void,
        _item: *const GUID,
        _iid: *const GUID,
        out: *mut *mut c_void,
    ) -> HRESULT {
        // SAFETY: COM passes this object's interface pointer.
        unsafe {
            com::call::<Self, _>(this, "GetItemObject", |_| {
                // SAFETY: COM's contract for the `[out]` parameter.
                Out::new(out, core::ptr::null_mut())?;
                Err(abi::E_NOTIMPL)
            })
        }
    }

    unsafe extern "system" fn show_properties(
        this: *mut c_void,
        parent: abi::HWND,
        item: *const GUID,
    ) -> HRESULT {
        // SAFETY: COM passes this object's interface pointer.
        unsafe {
            com::call::<Self, _>(this, "ShowProperties", |object| match item.as_ref() {
                None => abi::E_INVALIDARG,
                Some(item) => object.shared.show_properties(parent, *item),
            })
        }
    }

    unsafe extern "system" fn set_progress_callback(
        this: *mut c_void,
        callback: *mut c_void,
    ) -> HRESULT {
        // SAFETY: COM passes this object's interface pointer.
        unsafe {
            com::call::<Self, _>(this, "SetProgressCallback", |object| {
                // SAFETY: a non-null `callback` is an ISyncMgrSynchronizeCallback the caller
                // keeps alive for the call; it is borrowed, not released.
                let callback = abi::ISyncMgrSynchronizeCallback::from_raw_borrowed(&callback);
                object.shared.set_callback(callback)
            })
        }
    }

    unsafe extern "system" fn prepare_for_sync(
        this: *mut c_void,
        count: u32,
        ids: *const GUID,
        _parent: abi::HWND,
        _reserved: u32,
    ) -> HRESULT {
        // SAFETY: COM passes this object's interface pointer.
        unsafe {
            com::call::<Self, _>(this, "PrepareForSync", |object| {
                let ids = match (count, ids.is_null()) {
                    (0, _) => &[][..],
                    (_, true) => return abi::E_INVALIDARG,
                    // SAFETY: the caller passes `count` readable GUIDs at `ids`.
                    (count, false) => core::slice::from_raw_parts(ids, count as usize),
                };
                object.shared.prepare(ids)
            })
        }
    }

    unsafe extern "system" fn synchronize(this: *mut c_void, _parent: abi::HWND) -> HRESULT {
        // SAFETY: COM passes this object's interface pointer.
        unsafe { com::call::<Self, _>(this, "Synchronize", |object| object.shared.synchronize()) }
    }

    unsafe extern "system" fn set_item_status(
        this: *mut c_void,
        item: *const GUID,
        status: u32,
    ) -> HRESULT {
        // SAFETY: COM passes this object's interface pointer.
        unsafe {
            com::call::<Self, _>(this, "SetItemStatus", |object| {
                // SAFETY: a non-null `item` points at a GUID for the duration of the call.
                let item = item.as_ref().copied();
                object.shared.set_item_status(item, status)
            })
        }
    }

    unsafe extern "system" fn show_error(
        this: *mut c_void,
        parent: abi::HWND,
        error_id: *const GUID,
    ) -> HRESULT {
        // SAFETY: COM passes this object's interface pointer.
        unsafe {
            com::call::<Self, _>(this, "ShowError", |object| match error_id.as_ref() {
                None => abi::E_INVALIDARG,
                Some(error_id) => object.shared.show_error(parent, *error_id),
            })
        }
    }
}
