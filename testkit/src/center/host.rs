//! Sync Center's two COM objects a handler calls during `Synchronize`: the session creator
//! (`docs/sync-center.md#isyncmgrsessioncreator`) and the sync callback it hands out
//! (`docs/sync-center.md#isyncmgrsynccallback`).
//!
//! Hand-written like the Sync Manager's callback (`callback.rs`): `#[repr(C)]` with the vtable
//! pointer first, so an object's address is its interface pointer; static vtables; panics
//! caught at the boundary. The objects are never freed: a call after the last `Release` is
//! recorded as a violation instead of touching freed memory. Each method decodes its raw
//! arguments and hands them to the [`State`].

use super::state::{State, Text};
use crate::callback::read_wide;
use crate::check::{Violation, ViolationKind};
use core::ffi::c_void;
use core::ptr::NonNull;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::thread::ThreadId;
use std::time::{Duration, Instant};
use syncmgr::abi::{
    self, ISyncMgrSessionCreator, ISyncMgrSessionCreator_Vtbl, ISyncMgrSyncCallback,
    ISyncMgrSyncCallback_Vtbl,
};
use syncmgr::{GUID, HRESULT, Interface};
use windows_core::{IUnknown, PCWSTR};

/// Most item ids `CreateSession` reads (a bound for a broken count).
const MAX_SESSION_ITEMS: u32 = 10_000;

/// What both objects share: the session's state, and a signal for reference changes.
#[derive(Debug)]
pub(crate) struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    /// The objects are apartment objects of the thread that calls `Synchronize` (Windows,
    /// [`CallbackKind::Apartment`](crate::CallbackKind)), set as that thread starts: a call on any other thread is a
    /// [`ViolationKind::WrongApartment`].
    home: OnceLock<ThreadId>,
    /// The objects answer `IAgileObject`.
    agile: bool,
}

impl Shared {
    /// Locks the state (a panic in an earlier holder does not make it unusable).
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Called on the thread that calls `Synchronize`: for apartment objects, it is their
    /// thread from now on.
    pub(crate) fn enter_home(&self) {
        if !self.agile {
            let _ = self.home.set(std::thread::current().id());
        }
    }

    /// Records a call of an apartment object on another thread than its own.
    fn check_thread(&self, method: &str, object: &str) {
        let Some(&home) = self.home.get() else { return };
        let found = crate::check::wrong_apartment(home, |thread| {
            format!(
                "{method} of the {object}, an apartment object of the Synchronize thread, was \
                 called on {thread}"
            )
        });
        if let Some(violation) = found {
            self.lock().push(violation);
        }
    }
}

/// An object's reference count.
#[derive(Debug)]
struct Count {
    refs: AtomicU32,
    /// The last reference went.
    released: AtomicBool,
}

impl Count {
    fn one() -> Self {
        Self {
            refs: AtomicU32::new(1),
            released: AtomicBool::new(false),
        }
    }
}

/// What the generic `IUnknown` slots need of an object.
trait Object {
    /// The interface it implements.
    const IID: GUID;
    /// Its name in violations.
    const NAME: &'static str;
    fn count(&self) -> &Count;
    fn shared(&self) -> &Shared;
}

// SAFETY: both `Object` types are `#[repr(C)]` with their vtable pointer first, whose `base__`
// is `iunknown::<Self>()` (`CREATOR_VTABLE`, `CALLBACK_VTABLE`), and are never freed.
unsafe impl<T: Object + 'static> crate::object::HostObject for T {
    fn refs(&self) -> &AtomicU32 {
        &self.count().refs
    }

    fn released(&self) -> &AtomicBool {
        &self.count().released
    }

    /// Its own interface and `IUnknown`; agile objects also `IAgileObject`, so a handler may
    /// call them from its workers without marshaling.
    fn answers(&self, iid: &GUID) -> bool {
        *iid == IUnknown::IID
            || *iid == T::IID
            || (self.shared().agile && *iid == abi::IAgileObject::IID)
    }

    fn after_release(&self, method: &str) {
        self.shared().lock().push(Violation::new(
            ViolationKind::CallAfterRelease,
            format!("{method} called after the {}'s final Release", T::NAME),
        ));
    }

    fn over_released(&self) {
        self.shared().lock().push(Violation::new(
            ViolationKind::CallAfterRelease,
            format!(
                "the {} was released more often than it was referenced",
                T::NAME
            ),
        ));
    }

    fn changed(&self) {
        self.shared().changed.notify_all();
    }
}

/// The `ISyncMgrSessionCreator` object.
#[repr(C)]
struct Creator {
    vtable: &'static ISyncMgrSessionCreator_Vtbl,
    count: Count,
    shared: Arc<Shared>,
    /// The callback `CreateSession` hands out.
    callback: NonNull<Callback>,
}

/// The `ISyncMgrSyncCallback` object.
#[repr(C)]
struct Callback {
    vtable: &'static ISyncMgrSyncCallback_Vtbl,
    count: Count,
    shared: Arc<Shared>,
}

impl Object for Creator {
    const IID: GUID = ISyncMgrSessionCreator::IID;
    const NAME: &'static str = "session creator";
    fn count(&self) -> &Count {
        &self.count
    }
    fn shared(&self) -> &Shared {
        &self.shared
    }
}

impl Object for Callback {
    const IID: GUID = ISyncMgrSyncCallback::IID;
    const NAME: &'static str = "sync callback";
    fn count(&self) -> &Count {
        &self.count
    }
    fn shared(&self) -> &Shared {
        &self.shared
    }
}

/// Every object made, kept for the rest of the process (see the module docs): held here they
/// are "still reachable" for a leak checker, not lost.
static OBJECTS: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// The driver's side of the two objects: one reference to each, given back on drop.
#[derive(Debug)]
pub(crate) struct Host {
    creator: NonNull<Creator>,
    callback: NonNull<Callback>,
    shared: Arc<Shared>,
}

impl Host {
    /// A session creator and its callback over `state`, with one reference each (the
    /// driver's): `agile` ones answer `IAgileObject` and may be called from any thread, the
    /// others belong to the thread that calls `Synchronize` ([`Shared::enter_home`]).
    pub(crate) fn new(state: State, agile: bool) -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            changed: Condvar::new(),
            home: OnceLock::new(),
            agile,
        });
        let callback = NonNull::from(Box::leak(Box::new(Callback {
            vtable: &CALLBACK_VTABLE,
            count: Count::one(),
            shared: Arc::clone(&shared),
        })));
        let creator = NonNull::from(Box::leak(Box::new(Creator {
            vtable: &CREATOR_VTABLE,
            count: Count::one(),
            shared: Arc::clone(&shared),
            callback,
        })));
        OBJECTS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend([creator.as_ptr() as usize, callback.as_ptr() as usize]);
        Self {
            creator,
            callback,
            shared,
        }
    }

    /// The state both objects record into.
    #[cfg(test)]
    pub(crate) fn shared(&self) -> &Shared {
        &self.shared
    }

    /// The state both objects record into, to keep.
    pub(crate) fn shared_arc(&self) -> Arc<Shared> {
        Arc::clone(&self.shared)
    }

    /// The creator's interface pointer, for `Synchronize`.
    pub(crate) fn creator(&self) -> *mut c_void {
        self.creator.as_ptr().cast()
    }

    /// References others than the driver hold to the creator and to the callback (negative:
    /// the handler released more than it took).
    pub(crate) fn others(&self) -> (i64, i64) {
        // SAFETY: the objects are never freed.
        let (creator, callback) = unsafe { (self.creator.as_ref(), self.callback.as_ref()) };
        (
            i64::from(creator.count.refs.load(Ordering::SeqCst)) - 1,
            i64::from(callback.count.refs.load(Ordering::SeqCst)) - 1,
        )
    }

    /// Waits until the handler gave back every reference it took, or `deadline`; true when it
    /// did.
    pub(crate) fn settle(&self, deadline: Instant) -> bool {
        let mut guard = self.shared.lock();
        loop {
            let (creator, callback) = self.others();
            if creator <= 0 && callback <= 0 {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            // Reference changes notify; the period bounds a missed one.
            guard = self
                .shared
                .changed
                .wait_timeout(guard, (deadline - now).min(Duration::from_millis(10)))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        // SAFETY: gives back the driver's own references; the objects are never freed, so a
        // call the handler makes later is recorded, not undefined.
        unsafe {
            crate::object::release::<Creator>(self.creator.as_ptr().cast());
            crate::object::release::<Callback>(self.callback.as_ptr().cast());
        }
    }
}

/// Runs `f` on the object behind `this`: null is `E_POINTER`, a panic `E_UNEXPECTED` (never
/// an unwind across `extern "system"`); a call after the final `Release` is recorded.
///
/// # Safety
/// `this` is null or an interface pointer of a `T` made by [`Host::new`].
unsafe fn with<T: Object>(
    this: *mut c_void,
    method: &str,
    f: impl FnOnce(&T) -> HRESULT,
) -> HRESULT {
    // SAFETY: per the contract; the objects are never freed.
    let Some(object) = (unsafe { this.cast::<T>().as_ref() }) else {
        return abi::E_POINTER;
    };
    catch_unwind(AssertUnwindSafe(|| {
        if object.count().released.load(Ordering::SeqCst) {
            object.shared().lock().push(Violation::new(
                ViolationKind::CallAfterRelease,
                format!("{method} called after the {}'s final Release", T::NAME),
            ));
        }
        object.shared().check_thread(method, T::NAME);
        f(object)
    }))
    .unwrap_or(abi::E_UNEXPECTED)
}

static CREATOR_VTABLE: ISyncMgrSessionCreator_Vtbl = ISyncMgrSessionCreator_Vtbl {
    base__: crate::object::iunknown::<Creator>(),
    CreateSession: create_session,
};

static CALLBACK_VTABLE: ISyncMgrSyncCallback_Vtbl = ISyncMgrSyncCallback_Vtbl {
    base__: crate::object::iunknown::<Callback>(),
    ReportProgress: report_progress,
    SetHandlerProgressText: set_handler_progress_text,
    ReportEvent: report_event,
    CanContinue: can_continue,
    QueryForAdditionalItems: query_for_additional_items,
    AddItemToSession: add_item_to_session,
    AddIUnknownToSession: add_iunknown_to_session,
    ProposeItem: propose_item,
    CommitItem: commit_item,
    ReportManualSync: report_manual_sync,
};

/// Reads a required string argument.
///
/// # Safety
/// `text` is null or a NUL-terminated string (readable up to its NUL or the kit's text limit).
unsafe fn text(text: PCWSTR) -> Text {
    // SAFETY: per the contract.
    unsafe { read_wide(text.0) }
}

/// Reads an optional (`[unique]`) string argument: `None` for NULL.
///
/// # Safety
/// As for [`text`].
unsafe fn optional(value: PCWSTR) -> Option<Text> {
    // SAFETY: per the contract.
    (!value.is_null()).then(|| unsafe { text(value) })
}

unsafe extern "system" fn create_session(
    this: *mut c_void,
    handler_id: PCWSTR,
    items: *const PCWSTR,
    count: u32,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |creator: &Creator| {
        // SAFETY: `handler_id` is null or a NUL-terminated string (`[ref, string]`).
        let handler_id = unsafe { text(handler_id) };
        let read = if items.is_null() {
            0
        } else {
            count.min(MAX_SESSION_ITEMS)
        };
        let ids: Vec<Text> = (0..read as usize)
            // SAFETY: `items` holds `count` string pointers (`size_is(cItems)`), each null or
            // NUL-terminated.
            .map(|n| unsafe { text(items.add(n).read()) })
            .collect();
        let null_array = items.is_null() && count > 0;
        let hr = creator
            .shared
            .lock()
            .create_session(&handler_id, &ids, null_array, out.is_null());
        if !out.is_null() {
            let callback: *mut c_void = if hr == abi::S_OK {
                let callback = creator.callback.as_ptr().cast();
                // SAFETY: the callback is a live (never freed) object; the reference is the
                // handler's.
                unsafe { crate::object::add_ref::<Callback>(callback) };
                callback
            } else {
                core::ptr::null_mut()
            };
            // SAFETY: `out` is non-null and writable (`[out]`).
            unsafe { out.write(callback) };
        }
        hr
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { with::<Creator>(this, "CreateSession", body) }
}

unsafe extern "system" fn report_progress(
    this: *mut c_void,
    item: PCWSTR,
    progress_text: PCWSTR,
    status: i32,
    step: u32,
    max: u32,
    cancel: *mut i32,
) -> HRESULT {
    let body = |callback: &Callback| {
        // SAFETY: the strings are null or NUL-terminated (`[ref]` / `[unique]` strings).
        let (item, progress_text) = unsafe { (text(item), optional(progress_text)) };
        let (hr, request) = callback.shared.lock().report_progress(
            Instant::now(),
            &item,
            progress_text.as_ref(),
            status,
            step,
            max,
            !cancel.is_null(),
        );
        if !cancel.is_null() {
            // SAFETY: a non-null `pnCancelRequest` is writable (`[in, out, unique]`).
            unsafe { cancel.write_unaligned(request) };
        }
        hr
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { with::<Callback>(this, "ReportProgress", body) }
}

unsafe extern "system" fn set_handler_progress_text(
    this: *mut c_void,
    progress_text: PCWSTR,
    cancel: *mut i32,
) -> HRESULT {
    let body = |callback: &Callback| {
        // SAFETY: null or a NUL-terminated string.
        let progress_text = unsafe { text(progress_text) };
        let (hr, request) =
            callback
                .shared
                .lock()
                .handler_text(Instant::now(), &progress_text, !cancel.is_null());
        if !cancel.is_null() {
            // SAFETY: a non-null `pnCancelRequest` is writable (`[in, out, unique]`).
            unsafe { cancel.write_unaligned(request) };
        }
        hr
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { with::<Callback>(this, "SetHandlerProgressText", body) }
}

#[allow(clippy::too_many_arguments)] // the vtable slot's
unsafe extern "system" fn report_event(
    this: *mut c_void,
    item: PCWSTR,
    level: i32,
    flags: i32,
    name: PCWSTR,
    description: PCWSTR,
    link_text: PCWSTR,
    link_reference: PCWSTR,
    context: PCWSTR,
    event_id: *mut GUID,
) -> HRESULT {
    let body = |callback: &Callback| {
        // SAFETY: every string is null or NUL-terminated.
        let (item, name, description, link_text, link_reference, context) = unsafe {
            (
                optional(item),
                text(name),
                text(description),
                optional(link_text),
                optional(link_reference),
                optional(context),
            )
        };
        let (hr, id) = callback.shared.lock().report_event(
            item.as_ref(),
            level,
            flags,
            &name,
            &description,
            link_text.as_ref(),
            link_reference.as_ref(),
            context.as_ref(),
            !event_id.is_null(),
        );
        if !event_id.is_null() {
            // SAFETY: a non-null `pguidEventID` is writable (`[out]`).
            unsafe { event_id.write_unaligned(id) };
        }
        hr
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { with::<Callback>(this, "ReportEvent", body) }
}

unsafe extern "system" fn can_continue(this: *mut c_void, item: PCWSTR) -> HRESULT {
    let body = |callback: &Callback| {
        // SAFETY: null or a NUL-terminated string.
        let item = unsafe { optional(item) };
        callback
            .shared
            .lock()
            .can_continue(Instant::now(), item.as_ref())
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { with::<Callback>(this, "CanContinue", body) }
}

unsafe extern "system" fn query_for_additional_items(
    this: *mut c_void,
    ids: *mut *mut c_void,
    punks: *mut *mut c_void,
) -> HRESULT {
    let body = |callback: &Callback| {
        for out in [ids, punks] {
            if !out.is_null() {
                // SAFETY: a non-null out-pointer is writable (`[out]`).
                unsafe { out.write(core::ptr::null_mut()) };
            }
        }
        callback
            .shared
            .lock()
            .query_additional(!ids.is_null() && !punks.is_null())
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { with::<Callback>(this, "QueryForAdditionalItems", body) }
}

unsafe extern "system" fn add_item_to_session(this: *mut c_void, item: PCWSTR) -> HRESULT {
    let body = |callback: &Callback| {
        // SAFETY: null or a NUL-terminated string.
        let item = unsafe { text(item) };
        callback.shared.lock().add_item(&item)
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { with::<Callback>(this, "AddItemToSession", body) }
}

unsafe extern "system" fn add_iunknown_to_session(this: *mut c_void, punk: *mut c_void) -> HRESULT {
    // SAFETY: COM passes this object's interface pointer; `punk` is not touched.
    unsafe {
        with::<Callback>(this, "AddIUnknownToSession", |callback| {
            callback.shared.lock().add_unknown(punk.is_null())
        })
    }
}

unsafe extern "system" fn propose_item(this: *mut c_void, item: *mut c_void) -> HRESULT {
    // SAFETY: COM passes this object's interface pointer; `item` is not touched (nor kept).
    unsafe {
        with::<Callback>(this, "ProposeItem", |callback| {
            callback.shared.lock().propose_item(item.is_null())
        })
    }
}

unsafe extern "system" fn commit_item(this: *mut c_void, item: PCWSTR) -> HRESULT {
    let body = |callback: &Callback| {
        // SAFETY: null or a NUL-terminated string.
        let item = unsafe { text(item) };
        callback.shared.lock().commit_item(&item)
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { with::<Callback>(this, "CommitItem", body) }
}

unsafe extern "system" fn report_manual_sync(this: *mut c_void) -> HRESULT {
    // SAFETY: COM passes this object's interface pointer.
    unsafe {
        with::<Callback>(this, "ReportManualSync", |callback| {
            callback.shared.lock().manual_sync()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::center::report::CancelPlan;
    use crate::object::{query_interface, release};

    const INBOX: &str = "{7A110000-0000-4000-8000-000000000001}";
    const HANDLER: &str = "{7A110000-0000-4000-8000-00000000000A}";

    fn wide(text: &str) -> Vec<u16> {
        text.encode_utf16().chain(Some(0)).collect()
    }

    /// The objects' own slots, called by hand: references, interfaces, a session, a report.
    #[test]
    fn creator_and_callback() {
        let requested = [(INBOX.to_owned(), "Inbox".to_owned())];
        let plans: [CancelPlan; 0] = [];
        let host = Host::new(State::new(HANDLER, &requested, &plans), true);
        let creator = host.creator();
        let (handler, item) = (wide(HANDLER), wide(INBOX));
        let ids = [PCWSTR(item.as_ptr())];
        let mut callback = core::ptr::null_mut();
        let mut other = core::ptr::null_mut();
        let mut cancel = -1;
        // SAFETY: live objects; every pointer is valid for its call.
        unsafe {
            assert_eq!(
                query_interface::<Creator>(creator, &ISyncMgrSyncCallback::IID, &raw mut other),
                abi::E_NOINTERFACE
            );
            assert_eq!(
                create_session(
                    creator,
                    PCWSTR(handler.as_ptr()),
                    ids.as_ptr(),
                    1,
                    core::ptr::null_mut()
                ),
                abi::E_POINTER
            );
            assert_eq!(
                create_session(
                    creator,
                    PCWSTR(handler.as_ptr()),
                    ids.as_ptr(),
                    1,
                    &raw mut callback
                ),
                abi::S_OK
            );
            assert_eq!(host.others(), (0, 1));
            assert_eq!(
                query_interface::<Callback>(callback, &ISyncMgrSyncCallback::IID, &raw mut other),
                abi::S_OK
            );
            assert_eq!(other, callback);
            assert_eq!(release::<Callback>(other), 2);
            assert_eq!(
                report_progress(
                    callback,
                    PCWSTR(item.as_ptr()),
                    PCWSTR::null(),
                    3,
                    1,
                    1,
                    &raw mut cancel
                ),
                abi::S_OK
            );
            assert_eq!(cancel, abi::SYNCMGR_CR_NONE);
            assert_eq!(release::<Callback>(callback), 1);
        }
        assert!(host.settle(Instant::now()));
        let state = host.shared().lock();
        assert_eq!(state.violations.len(), 1, "{:?}", state.violations);
        assert_eq!(state.violations[0].kind, ViolationKind::NullPointer);
        assert_eq!(state.progress.len(), 1);
    }

    /// A call after the last reference went, and a release too many, are recorded.
    #[test]
    fn calls_after_the_final_release() {
        let plans: [CancelPlan; 0] = [];
        let host = Host::new(State::new(HANDLER, &[], &plans), true);
        let callback = host.callback.as_ptr().cast::<c_void>();
        let shared = Arc::clone(&host.shared);
        drop(host);
        // SAFETY: the object is never freed; the calls are recorded.
        unsafe {
            assert_eq!(report_manual_sync(callback), abi::S_OK);
            assert_eq!(release::<Callback>(callback), 0);
        }
        let kinds: Vec<ViolationKind> = shared.lock().violations.iter().map(|v| v.kind).collect();
        assert_eq!(
            kinds,
            [
                ViolationKind::CallAfterRelease,
                ViolationKind::CallAfterRelease
            ]
        );
    }

    /// Apartment objects answer no `IAgileObject`, and record a call on any thread but the
    /// `Synchronize` thread; agile ones answer it and take calls from anywhere.
    #[test]
    fn apartment_objects_check_the_calling_thread() {
        let plans: [CancelPlan; 0] = [];
        for agile in [false, true] {
            let host = Host::new(State::new(HANDLER, &[], &plans), agile);
            host.shared().enter_home();
            let (creator, callback) = (host.creator() as usize, host.callback.as_ptr() as usize);
            let mut other = core::ptr::null_mut();
            // SAFETY: a live object; `other` is writable.
            let hr = unsafe {
                query_interface::<Creator>(
                    creator as *mut c_void,
                    &abi::IAgileObject::IID,
                    &raw mut other,
                )
            };
            if agile {
                assert_eq!(hr, abi::S_OK);
                // SAFETY: gives back the reference the query took.
                unsafe { release::<Creator>(other) };
            } else {
                assert_eq!(hr, abi::E_NOINTERFACE);
            }
            // SAFETY: a live object, here on its own thread.
            let hr = unsafe { report_manual_sync(callback as *mut c_void) };
            assert_eq!(hr, abi::S_OK);
            assert!(host.shared().lock().violations.is_empty());
            let hr = std::thread::Builder::new()
                .name("elsewhere".to_owned())
                .spawn(move || {
                    // SAFETY: a live object (never freed), called on another thread.
                    unsafe { report_manual_sync(callback as *mut c_void) }
                })
                .expect("a thread")
                .join()
                .expect("no panic");
            assert_eq!(hr, abi::S_OK);
            let state = host.shared().lock();
            if agile {
                assert!(state.violations.is_empty(), "{:?}", state.violations);
            } else {
                assert_eq!(state.violations.len(), 1, "{:?}", state.violations);
                assert_eq!(state.violations[0].kind, ViolationKind::WrongApartment);
                assert!(state.violations[0].detail.contains("ReportManualSync"));
                assert!(state.violations[0].detail.contains("elsewhere"));
            }
        }
    }
}
