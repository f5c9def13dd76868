//! The Sync Manager's `ISyncMgrSynchronizeCallback`: a hand-written COM object that records every
//! call into the [`Checker`], tells an [`Observer`] (a progress display) and answers as it is
//! told ([`Trigger`]s), else as the Sync Manager would.
//!
//! Layout: `#[repr(C)]` with the vtable pointer first, so the object's address is its interface
//! pointer. The driver keeps one reference ("its own") for the whole session; at the end every
//! reference the handler took must be back, which [`CallbackRef::others`] shows.

use crate::check::{Checker, Event, LogInfo, Progress, TextProblem, Violation, ViolationKind};
use crate::report::{HandlerInfo, ItemInfo};
use core::ffi::c_void;
use core::ptr::NonNull;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::ThreadId;
use std::time::{Duration, Instant};
use syncmgr::abi::{
    self, ISyncMgrSynchronizeCallback, ISyncMgrSynchronizeCallback_Vtbl, SYNCMGRLOGERRORINFO,
    SYNCMGRPROGRESSITEM,
};
use syncmgr::{GUID, HRESULT, Interface};
use windows_core::{BOOL, IUnknown, IUnknown_Vtbl, PCWSTR};

/// Longest text read from a handler's string pointer, in UTF-16 units, before it counts as
/// unterminated (mobsync sets no limit; this bounds the read of a broken pointer).
const TEXT_LIMIT: usize = 32 * 1024;

/// Longest a pumping wait sleeps before it looks at the recorder again.
const PUMP_PERIOD: Duration = Duration::from_millis(10);

/// When something happens during a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// During the item's `n`-th `Progress` call (counting the runtime's own first `UPDATING`),
    /// before the call returns; for an action on every item, the `n`-th `Progress` of any item.
    After(u32),
    /// During the first `Progress` call that brings the item to this percentage of its maximum.
    Percent(u32),
    /// This long after `Synchronize` returned: a `SetItemStatus` is sent by the driver's thread,
    /// an answer is given to the first `Progress` after that moment.
    Delay(Duration),
}

/// What a [`Trigger`] does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// `Progress` answers this HRESULT (`S_SYNCMGR_CANCELITEM`, `S_SYNCMGR_CANCELALL`, an
    /// error).
    Reply(HRESULT),
    /// The driver calls `SetItemStatus(target, status)` (`GUID_NULL` for every item) before
    /// `Progress` returns, as a Sync Manager does when its user acts while a call is in flight.
    Status {
        /// The item, or `GUID_NULL`.
        target: GUID,
        /// The raw `dwSyncMgrStatus` (any value, so out-of-enum ones can be sent too).
        status: u32,
    },
}

/// One thing to do once, at a moment of the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// The item whose progress counts, or `None` for any item.
    pub item: Option<GUID>,
    /// When.
    pub when: When,
    /// What.
    pub effect: Effect,
    /// Whether it happened.
    pub fired: bool,
}

/// A call the driver made from inside a `Progress` call ([`Effect::Status`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TriggeredCall {
    /// `SetItemStatus(item, STATUS)`, spelled out.
    pub call: String,
    /// Its answer.
    pub hr: HRESULT,
}

/// A `LogError` entry, for the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogLine {
    /// `dwErrorLevel`.
    pub level: u32,
    /// The text (lossy when malformed).
    pub text: String,
    /// The item, when the entry names one.
    pub item: Option<GUID>,
    /// `ErrorID`, when the entry has one (the id `ShowError` takes).
    pub error_id: Option<GUID>,
}

/// Watches a session as it runs, e.g. to draw it. Every method has an empty default.
pub trait Observer: Send {
    /// The handler described itself (`GetHandlerInfo`) and listed its items.
    fn enumerated(&mut self, handler: &HandlerInfo, items: &[ItemInfo]) {
        let _ = (handler, items);
    }
    /// The session starts with these items (id, name), in `PrepareForSync` order.
    fn started(&mut self, items: &[(GUID, String)]) {
        let _ = items;
    }
    /// A `Progress` call; `cancelling` when the answer cancels the item.
    fn progress(&mut self, item: &GUID, progress: &Progress, cancelling: bool) {
        let _ = (item, progress, cancelling);
    }
    /// A `LogError` call.
    fn log(&mut self, line: &LogLine) {
        let _ = line;
    }
    /// The session is over.
    fn stopped(&mut self) {}
}

/// An observer that watches nothing.
impl Observer for () {}

/// Everything the callback records, behind one lock.
pub(crate) struct Recorder {
    /// The protocol checker.
    pub checker: Checker,
    /// `LogError` entries in order.
    pub log: Vec<LogLine>,
    /// Every `Progress` call in order: when, the item, what it said (`None`: a null struct).
    pub trace: Vec<(Duration, GUID, Option<Progress>)>,
    /// What to do, and when.
    pub triggers: Vec<Trigger>,
    /// Calls made from inside `Progress`.
    pub triggered: Vec<TriggeredCall>,
    /// What `EnableModeless(TRUE)` answers: `S_OK` when the user may be bothered, else
    /// `S_FALSE`.
    pub modeless: HRESULT,
    /// What every method but `Progress`, `EnableModeless` and `IUnknown`'s answers: `S_OK`, or
    /// an error for a failing Sync Manager (whose answers to completions must not matter).
    pub others: HRESULT,
    /// How long each `Progress` takes (a slow Sync Manager).
    pub slow: Option<Duration>,
    /// When `Synchronize` returned, for [`When::Delay`].
    pub synchronized: Option<Instant>,
    /// The handler's `ISyncMgrSynchronize` pointer while the session runs, for
    /// [`Effect::Status`]; 0 otherwise.
    pub handler: usize,
    /// Watches the session.
    pub observer: Box<dyn Observer>,
}

impl Recorder {
    /// A recorder with nothing to do but record; `EnableModeless` answers `S_FALSE`.
    #[must_use]
    pub(crate) fn new(observer: Box<dyn Observer>) -> Self {
        Self {
            checker: Checker::new(),
            log: Vec::new(),
            trace: Vec::new(),
            triggers: Vec::new(),
            triggered: Vec::new(),
            modeless: abi::S_FALSE,
            others: abi::S_OK,
            slow: None,
            synchronized: None,
            handler: 0,
            observer,
        }
    }
}

impl core::fmt::Debug for Recorder {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Recorder")
            .field("checker", &self.checker)
            .field("log", &self.log)
            .field("triggers", &self.triggers)
            .finish_non_exhaustive()
    }
}

/// The state shared by the host thread and the callback (called on any thread).
#[derive(Debug)]
pub(crate) struct Shared {
    recorder: Mutex<Recorder>,
    changed: Condvar,
    start: Instant,
    /// Whether waits dispatch the host thread's messages (Windows, apartment-bound callback).
    pumps: bool,
}

impl Shared {
    #[cfg(test)]
    /// Shared state around `recorder`; event times count from now. Waits block on a condition
    /// variable.
    #[must_use]
    pub(crate) fn new(recorder: Recorder) -> Arc<Self> {
        Self::waiting(recorder, false)
    }

    /// As [`new`](Self::new); with `pumps`, waits dispatch the calling thread's messages
    /// instead (see [`crate::pump`]), as an STA thread must while calls are carried to it.
    #[must_use]
    pub(crate) fn waiting(recorder: Recorder, pumps: bool) -> Arc<Self> {
        Arc::new(Self {
            recorder: Mutex::new(recorder),
            changed: Condvar::new(),
            start: Instant::now(),
            pumps,
        })
    }

    /// Waits about `period`, dispatching messages meanwhile when this host pumps.
    pub(crate) fn idle(&self, period: Duration) {
        if self.pumps {
            crate::pump::wait(period);
        } else {
            std::thread::sleep(period);
        }
    }

    /// Locks the recorder (a panic in an earlier holder does not make it unusable).
    pub(crate) fn lock(&self) -> MutexGuard<'_, Recorder> {
        self.recorder.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Time since the session started.
    #[must_use]
    pub(crate) fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    /// Waits until `done` holds or `deadline` passes; true when `done` holds.
    pub(crate) fn wait_until(&self, deadline: Instant, done: impl Fn(&Recorder) -> bool) -> bool {
        if self.pumps {
            loop {
                if done(&self.lock()) {
                    return true;
                }
                let now = Instant::now();
                if now >= deadline {
                    return false;
                }
                // Calls carried to this thread wake the wait; the period bounds how late a
                // completion recorded on another thread is seen.
                crate::pump::wait((deadline - now).min(PUMP_PERIOD));
            }
        }
        let mut guard = self.lock();
        loop {
            if done(&guard) {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            guard = self
                .changed
                .wait_timeout(guard, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    fn record_locked(&self, event: &Event) -> MutexGuard<'_, Recorder> {
        let at = self.elapsed();
        let mut recorder = self.lock();
        recorder.checker.record(at, event);
        self.changed.notify_all();
        recorder
    }
}

/// The COM object.
#[repr(C)]
struct HostCallback {
    vtable: &'static ISyncMgrSynchronizeCallback_Vtbl,
    refs: AtomicU32,
    shared: Arc<Shared>,
    /// The thread of an apartment-bound callback; `None` for an agile one.
    home: Option<ThreadId>,
}

/// The host's own reference to its callback object.
#[derive(Debug)]
pub(crate) struct CallbackRef(NonNull<HostCallback>);

// SAFETY: the object is thread-safe (atomics and a mutex) and lives until its last reference.
unsafe impl Send for CallbackRef {}

impl CallbackRef {
    /// A new agile callback object over `shared`, holding the host's one reference: it may be
    /// called from any thread, and answers `IAgileObject` on Windows to say so.
    #[must_use]
    pub(crate) fn new(shared: Arc<Shared>) -> Self {
        Self::create(shared, None)
    }

    /// A callback object of the calling thread's apartment, as the Sync Manager's is: it does
    /// not answer `IAgileObject`, and every call on another thread is a
    /// [`ViolationKind::WrongApartment`].
    #[must_use]
    pub(crate) fn apartment_bound(shared: Arc<Shared>) -> Self {
        Self::create(shared, Some(std::thread::current().id()))
    }

    fn create(shared: Arc<Shared>, home: Option<ThreadId>) -> Self {
        let object = Box::new(HostCallback {
            vtable: &VTABLE,
            refs: AtomicU32::new(1),
            shared,
            home,
        });
        Self(NonNull::from(Box::leak(object)))
    }

    /// The interface pointer, for `SetProgressCallback`.
    #[must_use]
    pub(crate) fn as_raw(&self) -> *mut c_void {
        self.0.as_ptr().cast()
    }

    /// References held by others than the host.
    #[must_use]
    pub(crate) fn others(&self) -> u32 {
        // SAFETY: the host's own reference keeps the object alive.
        unsafe { self.0.as_ref() }
            .refs
            .load(Ordering::Acquire)
            .saturating_sub(1)
    }
}

impl Drop for CallbackRef {
    fn drop(&mut self) {
        // SAFETY: releases the host's own reference; a reference the handler kept keeps the
        // object (and its `Arc<Shared>`) alive, so its later calls stay valid.
        unsafe { release(self.as_raw()) };
    }
}

static VTABLE: ISyncMgrSynchronizeCallback_Vtbl = ISyncMgrSynchronizeCallback_Vtbl {
    base__: IUnknown_Vtbl {
        QueryInterface: query_interface,
        AddRef: add_ref,
        Release: release,
    },
    ShowPropertiesCompleted: show_properties_completed,
    PrepareForSyncCompleted: prepare_for_sync_completed,
    SynchronizeCompleted: synchronize_completed,
    ShowErrorCompleted: show_error_completed,
    EnableModeless: enable_modeless,
    Progress: progress,
    LogError: log_error,
    DeleteLogError: delete_log_error,
    EstablishConnection: establish_connection,
};

/// Runs `f` on the object behind `this`; null is `E_POINTER`, a panic is `E_UNEXPECTED` (never
/// an unwind across `extern "system"`).
///
/// # Safety
/// `this` is null or a `HostCallback` interface pointer that is still referenced.
unsafe fn with(this: *mut c_void, f: impl FnOnce(&Shared) -> HRESULT) -> HRESULT {
    // SAFETY: per the contract.
    let Some(object) = (unsafe { this.cast::<HostCallback>().as_ref() }) else {
        return abi::E_POINTER;
    };
    catch_unwind(AssertUnwindSafe(|| {
        object.check_thread();
        f(&object.shared)
    }))
    .unwrap_or(abi::E_UNEXPECTED)
}

impl HostCallback {
    /// Records a call of an apartment-bound callback on a thread other than its own.
    fn check_thread(&self) {
        let Some(home) = self.home else { return };
        let here = std::thread::current();
        if here.id() != home {
            self.shared.lock().checker.push(Violation::new(
                ViolationKind::WrongApartment,
                format!(
                    "the apartment-bound callback was called on thread {:?} ({}), not on the thread that passed it",
                    here.id(),
                    here.name().unwrap_or("unnamed")
                ),
            ));
        }
    }

    /// The interfaces the object answers for: an agile callback says so on Windows
    /// (`IAgileObject`; it is agile: atomics and a mutex), so the runtime calls this very
    /// pointer from its worker.
    fn answers(&self, iid: &GUID) -> bool {
        *iid == IUnknown::IID
            || *iid == ISyncMgrSynchronizeCallback::IID
            || (cfg!(windows) && self.home.is_none() && *iid == abi::IAgileObject::IID)
    }
}

unsafe extern "system" fn query_interface(
    this: *mut c_void,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    if out.is_null() {
        return abi::E_POINTER;
    }
    // SAFETY: `out` is non-null and writable per COM's contract.
    unsafe { out.write(core::ptr::null_mut()) };
    // SAFETY: `iid` is null or readable per COM's contract.
    let Some(iid) = (unsafe { iid.as_ref() }) else {
        return abi::E_INVALIDARG;
    };
    // SAFETY: `this` is null or this object's interface pointer.
    let Some(object) = (unsafe { this.cast::<HostCallback>().as_ref() }) else {
        return abi::E_POINTER;
    };
    // SAFETY: `this` is this object's interface pointer.
    unsafe {
        with(this, |_| {
            if !object.answers(iid) {
                return abi::E_NOINTERFACE;
            }
            add_ref(this);
            out.write(this);
            abi::S_OK
        })
    }
}

unsafe extern "system" fn add_ref(this: *mut c_void) -> u32 {
    // SAFETY: `this` is null or this object's interface pointer, still referenced.
    match unsafe { this.cast::<HostCallback>().as_ref() } {
        Some(object) => object.refs.fetch_add(1, Ordering::Relaxed) + 1,
        None => 0,
    }
}

unsafe extern "system" fn release(this: *mut c_void) -> u32 {
    // SAFETY: `this` is null or this object's interface pointer, still referenced.
    let Some(object) = (unsafe { this.cast::<HostCallback>().as_ref() }) else {
        return 0;
    };
    let remaining = object.refs.fetch_sub(1, Ordering::Release) - 1;
    if remaining == 0 {
        std::sync::atomic::fence(Ordering::Acquire);
        // SAFETY: the last reference is gone; the box came from `Box::leak` in `new`.
        drop(unsafe { Box::from_raw(this.cast::<HostCallback>()) });
    }
    remaining
}

unsafe extern "system" fn show_properties_completed(this: *mut c_void, hr: HRESULT) -> HRESULT {
    // SAFETY: COM passes this object's interface pointer.
    unsafe {
        with(this, |shared| {
            shared
                .record_locked(&Event::ShowPropertiesCompleted(hr))
                .others
        })
    }
}

unsafe extern "system" fn prepare_for_sync_completed(this: *mut c_void, hr: HRESULT) -> HRESULT {
    // SAFETY: COM passes this object's interface pointer.
    unsafe {
        with(this, |shared| {
            shared.record_locked(&Event::PrepareCompleted(hr)).others
        })
    }
}

unsafe extern "system" fn synchronize_completed(this: *mut c_void, hr: HRESULT) -> HRESULT {
    // SAFETY: COM passes this object's interface pointer.
    unsafe {
        with(this, |shared| {
            shared
                .record_locked(&Event::SynchronizeCompleted(hr))
                .others
        })
    }
}

unsafe extern "system" fn show_error_completed(
    this: *mut c_void,
    hr: HRESULT,
    count: u32,
    _items: *const GUID,
) -> HRESULT {
    // SAFETY: COM passes this object's interface pointer.
    unsafe {
        with(this, |shared| {
            shared
                .record_locked(&Event::ShowErrorCompleted(hr, count))
                .others
        })
    }
}

unsafe extern "system" fn enable_modeless(this: *mut c_void, enable: BOOL) -> HRESULT {
    // SAFETY: COM passes this object's interface pointer.
    unsafe {
        with(this, |shared| {
            let recorder = shared.record_locked(&Event::EnableModeless(enable.as_bool()));
            if enable.as_bool() {
                recorder.modeless
            } else {
                abi::S_OK
            }
        })
    }
}

/// Reads a NUL-terminated UTF-16 string of at most `TEXT_LIMIT` units.
///
/// # Safety
/// `text` is null or readable up to its NUL or `TEXT_LIMIT` units, whichever comes first.
unsafe fn read_wide(text: *const u16) -> Result<String, TextProblem> {
    if text.is_null() {
        return Err(TextProblem::Null);
    }
    let mut units = Vec::new();
    for offset in 0..TEXT_LIMIT {
        // SAFETY: per the contract, every unit up to the NUL (or the limit) is readable.
        let unit = unsafe { text.add(offset).read_unaligned() };
        if unit == 0 {
            return Ok(String::from_utf16_lossy(&units));
        }
        units.push(unit);
    }
    Err(TextProblem::Unterminated)
}

/// Decodes a `SYNCMGRPROGRESSITEM`.
///
/// # Safety
/// `item` is null or points at a readable `SYNCMGRPROGRESSITEM` whose text (if the mask says so)
/// is null or readable as for [`read_wide`].
unsafe fn decode_progress(item: *const SYNCMGRPROGRESSITEM) -> Option<Progress> {
    // The ABI type of the parameter fixes the struct's size; `cbSize` is only checked.
    // SAFETY: per the contract.
    let item = unsafe { item.as_ref() }?;
    let has = |bit: u32| item.mask & bit != 0;
    Some(Progress {
        cb_size: item.cbSize,
        mask: item.mask,
        // SAFETY: per the contract.
        text: has(abi::SYNCMGRPROGRESSITEM_STATUSTEXT)
            .then(|| unsafe { read_wide(item.lpcStatusText.0) }),
        status: has(abi::SYNCMGRPROGRESSITEM_STATUSTYPE).then_some(item.dwStatusType),
        value: has(abi::SYNCMGRPROGRESSITEM_PROGVALUE).then_some(item.iProgValue),
        max: has(abi::SYNCMGRPROGRESSITEM_MAXVALUE).then_some(item.iMaxValue),
    })
}

/// The triggers that fire during this `Progress` for `item`: the reply (the first one, `S_OK`
/// without one) and the `SetItemStatus` calls to make before returning.
fn fire(recorder: &mut Recorder, item: &GUID) -> (HRESULT, Vec<(GUID, u32)>) {
    let Some(track) = recorder
        .checker
        .items()
        .iter()
        .find(|track| track.id == *item)
    else {
        return (abi::S_OK, Vec::new());
    };
    let percent = match track.values {
        Some((value, max)) if max > 0 => i64::from(value) * 100 / i64::from(max),
        _ => 0,
    };
    let calls = track.progress_calls;
    let ended = !track.finals.is_empty();
    let all_calls = recorder.checker.counts().progress;
    let since = recorder.synchronized.map(|at| at.elapsed());
    let mut reply = abi::S_OK;
    let mut statuses = Vec::new();
    for trigger in &mut recorder.triggers {
        if trigger.fired || trigger.item.is_some_and(|target| target != *item) {
            continue;
        }
        let due = match trigger.when {
            When::After(n) if trigger.item.is_some() => calls >= n,
            When::After(n) => all_calls >= n,
            When::Percent(p) => !ended && percent >= i64::from(p),
            When::Delay(delay) => since.is_some_and(|since| since >= delay),
        };
        if !due {
            continue;
        }
        match trigger.effect {
            Effect::Reply(hr) => {
                // A final status needs no answer; the reply waits for the next call.
                if ended || reply != abi::S_OK {
                    continue;
                }
                reply = hr;
            }
            // Timed statuses are the driver's, sent from its own thread.
            Effect::Status { .. } if matches!(trigger.when, When::Delay(_)) => continue,
            Effect::Status { target, status } => statuses.push((target, status)),
        }
        trigger.fired = true;
    }
    (reply, statuses)
}

unsafe extern "system" fn progress(
    this: *mut c_void,
    item: *const GUID,
    progress: *const SYNCMGRPROGRESSITEM,
) -> HRESULT {
    let body = |shared: &Shared| {
        // SAFETY: `item` is null or a readable GUID (REFGUID).
        let Some(&item) = (unsafe { item.as_ref() }) else {
            shared.lock().checker.push(Violation::new(
                ViolationKind::MalformedStruct,
                "Progress with a null ItemID",
            ));
            return abi::E_INVALIDARG;
        };
        // SAFETY: `progress` is null or a readable SYNCMGRPROGRESSITEM (the ABI type).
        let decoded = unsafe { decode_progress(progress) };
        let mut recorder = shared.record_locked(&Event::Progress(item, decoded.clone()));
        let at = shared.elapsed();
        recorder.trace.push((at, item, decoded.clone()));
        let Some(decoded) = decoded else {
            return abi::E_INVALIDARG;
        };
        let (reply, statuses) = fire(&mut recorder, &item);
        recorder.observer.progress(
            &item,
            &decoded,
            reply == abi::S_SYNCMGR_CANCELITEM || reply == abi::S_SYNCMGR_CANCELALL,
        );
        let (handler, slow) = (recorder.handler, recorder.slow);
        drop(recorder);
        for (target, status) in statuses {
            if handler == 0 {
                break;
            }
            // SAFETY: `handler` is the driver's live ISyncMgrSynchronize for the session
            // (cleared before the driver releases it); no lock is held, the handler may call
            // back.
            let hr = unsafe {
                let handler = handler as *mut c_void;
                let vtable = &**handler.cast::<*const abi::ISyncMgrSynchronize_Vtbl>();
                (vtable.SetItemStatus)(handler, &raw const target, status)
            };
            shared.lock().triggered.push(TriggeredCall {
                call: format!(
                    "SetItemStatus({{{target:?}}}, {}) during Progress",
                    crate::names::status_label(status)
                ),
                hr,
            });
        }
        if let Some(slow) = slow {
            std::thread::sleep(slow);
        }
        reply
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { with(this, body) }
}

unsafe extern "system" fn log_error(
    this: *mut c_void,
    level: u32,
    text: PCWSTR,
    info: *const SYNCMGRLOGERRORINFO,
) -> HRESULT {
    let body = |shared: &Shared| {
        // SAFETY: `text` is null or a NUL-terminated string (LPCWSTR).
        let text = unsafe { read_wide(text.0) };
        // SAFETY: `info` is null or a readable SYNCMGRLOGERRORINFO.
        let info = unsafe { info.as_ref() }.map(|info| LogInfo {
            cb_size: info.cbSize,
            mask: info.mask,
            flags: info.dwSyncMgrErrorFlags,
            error_id: info.ErrorID,
            item_id: info.ItemID,
        });
        let line = LogLine {
            level,
            text: text
                .clone()
                .unwrap_or_else(|problem| format!("<{problem:?} text>")),
            item: info.as_ref().and_then(LogInfo::item),
            error_id: info.as_ref().and_then(LogInfo::error),
        };
        let mut recorder = shared.record_locked(&Event::LogError { level, text, info });
        recorder.observer.log(&line);
        recorder.log.push(line);
        recorder.others
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { with(this, body) }
}

unsafe extern "system" fn delete_log_error(
    this: *mut c_void,
    error_id: *const GUID,
    _reserved: u32,
) -> HRESULT {
    let body = |shared: &Shared| {
        // SAFETY: `error_id` is null or a readable GUID.
        let id = unsafe { error_id.as_ref() }.copied().unwrap_or_default();
        shared.record_locked(&Event::DeleteLogError(id)).others
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { with(this, body) }
}

unsafe extern "system" fn establish_connection(
    this: *mut c_void,
    name: PCWSTR,
    _reserved: u32,
) -> HRESULT {
    let body = |shared: &Shared| {
        // SAFETY: `name` is null (the default connection) or a NUL-terminated string.
        let name = unsafe { read_wide(name.0) }.ok();
        // The driver has no network connections to manage: nothing to establish.
        shared
            .record_locked(&Event::EstablishConnection(name))
            .others
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { with(this, body) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::cb_size;

    const INBOX: GUID = GUID::from_u128(1);

    fn callback() -> (Arc<Shared>, CallbackRef) {
        let mut recorder = Recorder::new(Box::new(()));
        recorder.triggers.push(Trigger {
            item: Some(INBOX),
            when: When::Percent(50),
            effect: Effect::Reply(abi::S_SYNCMGR_CANCELITEM),
            fired: false,
        });
        let shared = Shared::new(recorder);
        shared
            .lock()
            .checker
            .prepare_calling(&[(INBOX, "Inbox".to_owned())]);
        let callback = CallbackRef::new(Arc::clone(&shared));
        (shared, callback)
    }

    fn kinds(shared: &Shared) -> Vec<ViolationKind> {
        shared
            .lock()
            .checker
            .violations()
            .iter()
            .map(|v| v.kind)
            .collect()
    }

    fn progress_item(value: i32, text: *const u16) -> SYNCMGRPROGRESSITEM {
        SYNCMGRPROGRESSITEM {
            cbSize: cb_size::<SYNCMGRPROGRESSITEM>(),
            mask: abi::SYNCMGRPROGRESSITEM_STATUSTYPE
                | abi::SYNCMGRPROGRESSITEM_PROGVALUE
                | abi::SYNCMGRPROGRESSITEM_MAXVALUE
                | abi::SYNCMGRPROGRESSITEM_STATUSTEXT,
            lpcStatusText: windows_core::PWSTR(text.cast_mut()),
            dwStatusType: abi::SYNCMGRSTATUS_UPDATING as u32,
            iProgValue: value,
            iMaxValue: 10,
        }
    }

    /// An apartment-bound callback records every call that arrives on another thread than the
    /// one that made it, and says nothing about calls on its own thread; an agile one takes
    /// calls on any thread.
    #[test]
    fn apartment_bound_callback_checks_the_calling_thread() {
        let (shared, agile) = callback();
        let bound = CallbackRef::apartment_bound(Arc::clone(&shared));
        let call = |this: usize| {
            let text = syncmgr_wide("Copying");
            let item = progress_item(1, text.as_ptr());
            // SAFETY: `this` is a live callback object; valid item id and progress struct.
            unsafe { progress(this as *mut c_void, &INBOX, &raw const item) }
        };
        let (bound_this, agile_this) = (bound.as_raw() as usize, agile.as_raw() as usize);
        assert_eq!(call(bound_this), abi::S_OK);
        assert_eq!(kinds(&shared), []);
        std::thread::scope(|scope| {
            scope.spawn(|| {
                assert_eq!(call(agile_this), abi::S_OK);
                assert_eq!(call(bound_this), abi::S_OK);
            });
        });
        assert_eq!(kinds(&shared), [ViolationKind::WrongApartment]);
        // The bound one does not claim to be agile, the agile one does on Windows.
        let mut out = core::ptr::null_mut();
        // SAFETY: live objects and valid pointers.
        unsafe {
            assert_eq!(
                query_interface(bound.as_raw(), &abi::IAgileObject::IID, &raw mut out),
                abi::E_NOINTERFACE
            );
            let agile_answer =
                query_interface(agile.as_raw(), &abi::IAgileObject::IID, &raw mut out);
            if cfg!(windows) {
                assert_eq!(agile_answer, abi::S_OK);
                release(out);
            } else {
                assert_eq!(agile_answer, abi::E_NOINTERFACE);
            }
        }
    }

    fn syncmgr_wide(text: &str) -> Vec<u16> {
        text.encode_utf16().chain(Some(0)).collect()
    }

    #[test]
    fn query_interface_and_references() {
        let (_shared, callback) = callback();
        let this = callback.as_raw();
        let mut out = core::ptr::null_mut();
        // SAFETY: a live object and valid pointers.
        unsafe {
            assert_eq!(
                query_interface(this, &ISyncMgrSynchronizeCallback::IID, &raw mut out),
                abi::S_OK
            );
            assert_eq!(out, this);
            assert_eq!(callback.others(), 1, "the QI reference");
            assert_eq!(release(out), 1);
            let other = GUID::from_u128(5);
            assert_eq!(
                query_interface(this, &raw const other, &raw mut out),
                abi::E_NOINTERFACE
            );
            assert!(out.is_null());
            assert_eq!(
                query_interface(this, &IUnknown::IID, core::ptr::null_mut()),
                abi::E_POINTER
            );
            assert_eq!(add_ref(this), 2);
        }
        assert_eq!(callback.others(), 1, "a reference the handler kept");
        // SAFETY: gives that reference back.
        unsafe { release(this) };
        assert_eq!(callback.others(), 0);
    }

    #[test]
    fn progress_is_decoded_checked_and_answered() {
        let (shared, callback) = callback();
        let this = callback.as_raw();
        let text: Vec<u16> = "Copying\0".encode_utf16().collect();
        // SAFETY: a live object; every pointer is valid for the call.
        unsafe {
            let item = progress_item(2, text.as_ptr());
            assert_eq!(progress(this, &INBOX, &raw const item), abi::S_OK);
            let item = progress_item(5, text.as_ptr());
            assert_eq!(
                progress(this, &INBOX, &raw const item),
                abi::S_SYNCMGR_CANCELITEM,
                "50% reached"
            );
            let item = progress_item(6, text.as_ptr());
            assert_eq!(
                progress(this, &INBOX, &raw const item),
                abi::S_OK,
                "answered once"
            );
        }
        assert_eq!(kinds(&shared), []);
        assert_eq!(
            shared.lock().checker.items()[0].text.as_deref(),
            Some("Copying")
        );

        let unterminated = vec![u16::from(b'x'); TEXT_LIMIT];
        // SAFETY: as above; `unterminated` is readable for TEXT_LIMIT units.
        unsafe {
            let mut item = progress_item(1, unterminated.as_ptr());
            item.cbSize = 8;
            assert_eq!(progress(this, &INBOX, &raw const item), abi::S_OK);
            let item = progress_item(1, core::ptr::null());
            assert_eq!(progress(this, &INBOX, &raw const item), abi::S_OK);
            assert_eq!(progress(this, &INBOX, core::ptr::null()), abi::E_INVALIDARG);
            assert_eq!(
                progress(this, core::ptr::null(), core::ptr::null()),
                abi::E_INVALIDARG
            );
        }
        assert_eq!(
            kinds(&shared),
            [
                ViolationKind::MalformedStruct,
                ViolationKind::MalformedString,
                ViolationKind::MalformedString,
                ViolationKind::MalformedStruct,
                ViolationKind::MalformedStruct,
            ]
        );
    }

    #[test]
    fn log_errors_and_the_other_calls() {
        let (shared, callback) = callback();
        let this = callback.as_raw();
        let text: Vec<u16> = "disk full\0".encode_utf16().collect();
        let info = SYNCMGRLOGERRORINFO {
            cbSize: cb_size::<SYNCMGRLOGERRORINFO>(),
            mask: abi::SYNCMGRLOGERROR_ITEMID,
            ItemID: INBOX,
            ..SYNCMGRLOGERRORINFO::default()
        };
        // SAFETY: a live object; every pointer is null or valid for the call.
        unsafe {
            assert_eq!(
                log_error(this, 3, PCWSTR(text.as_ptr()), &raw const info),
                abi::S_OK
            );
            assert_eq!(
                log_error(this, 9, PCWSTR::null(), core::ptr::null()),
                abi::S_OK
            );
            assert_eq!(
                enable_modeless(this, true.into()),
                abi::S_FALSE,
                "no UI without --may-bother-user"
            );
            assert_eq!(enable_modeless(this, false.into()), abi::S_OK);
            assert_eq!(delete_log_error(this, &GUID::zeroed(), 0), abi::S_OK);
            assert_eq!(establish_connection(this, PCWSTR::null(), 0), abi::S_OK);
            assert_eq!(
                show_properties_completed(core::ptr::null_mut(), abi::S_OK),
                abi::E_POINTER
            );
        }
        let recorder = shared.lock();
        assert_eq!(recorder.log[0].text, "disk full");
        assert_eq!(recorder.log[0].item, Some(INBOX));
        assert_eq!(recorder.checker.counts().log_error, 2);
        assert_eq!(recorder.checker.counts().other, 4);
        let kinds: Vec<ViolationKind> = recorder
            .checker
            .violations()
            .iter()
            .map(|v| v.kind)
            .collect();
        assert_eq!(
            kinds,
            [ViolationKind::BadValue, ViolationKind::MalformedString]
        );
    }
}
