//! Shared harness of the protocol tests: a hand-written `ISyncMgrSynchronizeCallback` that records
//! every call, raw-vtable helpers for `ISyncMgrSynchronize`, and scriptable handlers.
//!
//! Every call into the handler goes through the raw vtable slot, never through the generated
//! wrappers, which turn every success code into `Ok(())` (see the ABI reference, §14.4).

// Each test binary uses a different subset of the harness.
#![allow(dead_code)]

use core::ffi::c_void;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};
use syncmgr::abi::{
    self, ISyncMgrSynchronize, ISyncMgrSynchronizeCallback, ISyncMgrSynchronizeCallback_Vtbl,
    SYNCMGRLOGERRORINFO, SYNCMGRPROGRESSITEM,
};
use syncmgr::{
    Error, GUID, HRESULT, ItemListing, ItemSync, Participation, PropertiesChange, Result,
    ShowErrorOutcome, SyncEvent, SyncHandler, SyncStatus,
};
use windows_core::{IUnknown, IUnknown_Vtbl, Interface};

/// How long any wait may take before the test fails. Generous: it only bounds a hang.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(10);

// ---------------------------------------------------------------------------------------------
// Constants of the ABI, as the raw `DWORD`/`HRESULT` values the vtable carries.

/// `SYNCMGRFLAG_MANUAL`.
pub(crate) const MANUAL: u32 = abi::SYNCMGRFLAG_MANUAL as u32;

pub(crate) const STOPPED: u32 = abi::SYNCMGRSTATUS_STOPPED as u32;
pub(crate) const SKIPPED: u32 = abi::SYNCMGRSTATUS_SKIPPED as u32;
pub(crate) const UPDATING: u32 = abi::SYNCMGRSTATUS_UPDATING as u32;
pub(crate) const SUCCEEDED: u32 = abi::SYNCMGRSTATUS_SUCCEEDED as u32;
pub(crate) const FAILED: u32 = abi::SYNCMGRSTATUS_FAILED as u32;
pub(crate) const PAUSED: u32 = abi::SYNCMGRSTATUS_PAUSED as u32;
pub(crate) const RESUMING: u32 = abi::SYNCMGRSTATUS_RESUMING as u32;
pub(crate) const DELETED: u32 = abi::SYNCMGRSTATUS_DELETED as u32;

/// Whether `status` ends an item: `SyncStatus::is_final`, the one home of that rule.
pub(crate) fn is_final(status: u32) -> bool {
    SyncStatus::try_from(status).is_ok_and(SyncStatus::is_final)
}

// ---------------------------------------------------------------------------------------------
// Item ids of the handlers below (the attribute needs them as string literals).

/// `Alpha`: checked, no flags.
pub(crate) const ALPHA: GUID = GUID::from_u128(0xa1a1_a1a1_0000_4000_8000_0000_0000_0001);
/// `Beta`: checked, `may_delete_item | has_properties`.
pub(crate) const BETA: GUID = GUID::from_u128(0xa1a1_a1a1_0000_4000_8000_0000_0000_0002);
/// `Gamma`: unchecked.
pub(crate) const GAMMA: GUID = GUID::from_u128(0xa1a1_a1a1_0000_4000_8000_0000_0000_0003);
/// The three static items of [`Scripted`], in declaration order.
pub(crate) const STATIC_ITEMS: [GUID; 3] = [ALPHA, BETA, GAMMA];
/// An id no handler owns.
pub(crate) const STRANGER: GUID = GUID::from_u128(0x5757_5757_0000_4000_8000_0000_0000_0000);

/// A run-time item id (`items()`), `n` from 0.
pub(crate) fn runtime_id(n: u32) -> GUID {
    GUID::from_u128(0xb2b2_b2b2_0000_4000_8000_0000_0000_0000 | u128::from(n))
}

/// `count` run-time items `item 0`, `item 1`, … with the ids of [`runtime_id`].
pub(crate) fn numbered_items(count: u32) -> Result<ItemListing> {
    Ok(ItemListing {
        items: (0..count)
            .map(|n| syncmgr::Item::new(runtime_id(n), format!("item {n}")))
            .collect::<Result<_>>()?,
        incomplete: false,
    })
}

/// A `synchronize_item` body: three `progress` steps with the text `working`, stopping at the
/// first one that sees the item cancelled.
pub(crate) fn three_steps(item: &mut ItemSync<'_>) -> Result<()> {
    for step in 1..=3 {
        item.progress(step, 3, "working")?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Serialization: `syncmgr::live_objects()` and the task allocator count are process-wide, and
// the tests of one binary run on parallel threads.

static SERIAL: Mutex<()> = Mutex::new(());

/// Runs one test alone in its binary and checks, when it ends, that every COM object it created
/// was freed (`live_objects()` back to where it started, within [`TIMEOUT`]).
pub(crate) struct Serial {
    baseline: usize,
    _guard: MutexGuard<'static, ()>,
}

/// Takes the binary-wide test lock; see [`Serial`].
pub(crate) fn serial() -> Serial {
    let guard = SERIAL.lock().unwrap_or_else(PoisonError::into_inner);
    Serial {
        baseline: syncmgr::live_objects(),
        _guard: guard,
    }
}

impl Serial {
    /// `live_objects()` when the test started.
    pub(crate) fn baseline(&self) -> usize {
        self.baseline
    }
}

impl Drop for Serial {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            wait_until("live_objects() back to its baseline", || {
                syncmgr::live_objects() == self.baseline
            });
            wait_until("every worker to exit", || syncmgr::running_workers() == 0);
        }
    }
}

/// Polls `done` until it holds; panics after [`TIMEOUT`]. For state nobody signals (the module's
/// object count); everything the callback sees is awaited on its condition variable instead.
pub(crate) fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + TIMEOUT;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(1));
    }
}

// ---------------------------------------------------------------------------------------------
// The test callback.

/// One call the handler made on the callback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Event {
    ShowPropertiesCompleted(HRESULT),
    PrepareForSyncCompleted(HRESULT),
    SynchronizeCompleted(HRESULT),
    ShowErrorCompleted(HRESULT, Vec<GUID>),
    EnableModeless(bool),
    /// `Progress`; each field is `Some` when `mask` selects it.
    Progress {
        item: GUID,
        mask: u32,
        status: Option<u32>,
        text: Option<String>,
        value: Option<i32>,
        max: Option<i32>,
    },
    /// `LogError`; `item` is `Some` when the info's mask has `SYNCMGRLOGERROR_ITEMID`.
    LogError {
        level: u32,
        text: String,
        item: Option<GUID>,
    },
    DeleteLogError,
    EstablishConnection,
}

type ProgressAnswer = Box<dyn Fn(&Event) -> HRESULT + Send>;

/// What the test callback saw. Outlives the callback object, so a test can look at it after the
/// last `Release`.
pub(crate) struct Recorder {
    events: Mutex<Vec<Event>>,
    /// Signalled on every event and every reference count change.
    changed: Condvar,
    violations: Mutex<Vec<String>>,
    refs: AtomicU32,
    /// The final `Release` happened.
    released: AtomicBool,
    /// The test replaced or removed this callback: any method call from now on is a violation.
    forbidden: AtomicBool,
    progress_answer: Mutex<Option<ProgressAnswer>>,
    /// What every method but `Progress` and the `IUnknown` ones answers (`S_OK` by default).
    other_answer: AtomicI32,
    /// The event count when the callback was replaced while a worker may have had a call in
    /// flight: one more call is tolerated, a second one is a violation.
    replaced_at: Mutex<Option<usize>>,
}

/// The HRESULTs `pick` finds in `events`.
fn completions(events: &[Event], pick: impl Fn(&Event) -> Option<HRESULT>) -> Vec<HRESULT> {
    events.iter().filter_map(pick).collect()
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Recorder {
    fn push(&self, event: Event) {
        lock(&self.events).push(event);
        self.changed.notify_all();
    }

    fn violation(&self, text: String) {
        lock(&self.violations).push(text);
    }

    /// Checks the state every method call must find: not released, not replaced.
    fn enter(&self, method: &str) {
        if self.released.load(Ordering::SeqCst) {
            self.violation(format!("{method} called after the final Release"));
        }
        if self.forbidden.load(Ordering::SeqCst) {
            self.violation(format!("{method} called after the callback was replaced"));
        }
        if let Some(mark) = *lock(&self.replaced_at)
            && lock(&self.events).len() > mark
        {
            self.violation(format!(
                "{method} called after the callback was replaced and its call in flight ended"
            ));
        }
    }

    /// Every call so far.
    pub(crate) fn events(&self) -> Vec<Event> {
        lock(&self.events).clone()
    }

    /// The calls from the `start`-th on (none if there are fewer).
    pub(crate) fn events_since(&self, start: usize) -> Vec<Event> {
        lock(&self.events).get(start..).unwrap_or_default().to_vec()
    }

    /// How many calls so far.
    pub(crate) fn event_count(&self) -> usize {
        lock(&self.events).len()
    }

    /// Forgets the calls recorded so far (the violations stay), so that a long-lived test can
    /// bound its memory.
    pub(crate) fn clear_events(&self) {
        *lock(&self.events) = Vec::new();
    }

    /// Waits until `done` holds for the events; panics after [`TIMEOUT`]. Returns the events.
    pub(crate) fn wait_for(&self, what: &str, done: impl Fn(&[Event]) -> bool) -> Vec<Event> {
        let deadline = Instant::now() + TIMEOUT;
        let mut events = lock(&self.events);
        while !done(&events) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "timed out waiting for {what}: {events:#?}");
            events = self
                .changed
                .wait_timeout(events, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        events.clone()
    }

    /// Waits for `SynchronizeCompleted` and returns its HRESULT.
    pub(crate) fn wait_sync_completed(&self) -> HRESULT {
        let events = self.wait_for("SynchronizeCompleted", |events| {
            events
                .iter()
                .any(|event| matches!(event, Event::SynchronizeCompleted(_)))
        });
        completions(&events, |event| match event {
            Event::SynchronizeCompleted(hr) => Some(*hr),
            _ => None,
        })[0]
    }

    /// Every `SynchronizeCompleted` HRESULT so far.
    pub(crate) fn sync_completions(&self) -> Vec<HRESULT> {
        completions(&self.events(), |event| match event {
            Event::SynchronizeCompleted(hr) => Some(*hr),
            _ => None,
        })
    }

    /// Every `PrepareForSyncCompleted` HRESULT so far.
    pub(crate) fn prepare_completions(&self) -> Vec<HRESULT> {
        completions(&self.events(), |event| match event {
            Event::PrepareForSyncCompleted(hr) => Some(*hr),
            _ => None,
        })
    }

    /// Every `ShowPropertiesCompleted` HRESULT so far.
    pub(crate) fn properties_completions(&self) -> Vec<HRESULT> {
        completions(&self.events(), |event| match event {
            Event::ShowPropertiesCompleted(hr) => Some(*hr),
            _ => None,
        })
    }

    /// Every `ShowErrorCompleted` so far.
    pub(crate) fn error_completions(&self) -> Vec<(HRESULT, Vec<GUID>)> {
        self.events()
            .into_iter()
            .filter_map(|event| match event {
                Event::ShowErrorCompleted(hr, items) => Some((hr, items)),
                _ => None,
            })
            .collect()
    }

    /// Every `LogError` so far, as `(level, text, item)`.
    pub(crate) fn logs(&self) -> Vec<(u32, String, Option<GUID>)> {
        self.events()
            .into_iter()
            .filter_map(|event| match event {
                Event::LogError { level, text, item } => Some((level, text, item)),
                _ => None,
            })
            .collect()
    }

    /// The statuses (`dwStatusType`, when the mask has it) of every `Progress` for `item`.
    pub(crate) fn statuses(&self, item: GUID) -> Vec<u32> {
        self.progress(item)
            .into_iter()
            .filter_map(|event| match event {
                Event::Progress { status, .. } => status,
                _ => None,
            })
            .collect()
    }

    /// Every `Progress` event for `item`.
    pub(crate) fn progress(&self, item: GUID) -> Vec<Event> {
        self.events()
            .into_iter()
            .filter(|event| matches!(event, Event::Progress { item: id, .. } if *id == item))
            .collect()
    }

    /// Checks the life of `item` in the events: every status but the last is a non-final one
    /// (normally `UPDATING`), and the last — the only final one — is `expected`. Returns the
    /// number of `Progress` calls before the final one.
    pub(crate) fn assert_item_ended(&self, item: GUID, expected: u32) -> usize {
        let statuses = self.statuses(item);
        let finals: Vec<u32> = statuses.iter().copied().filter(|s| is_final(*s)).collect();
        assert_eq!(
            finals,
            [expected],
            "item {item:?} must get exactly one final status; statuses: {statuses:?}"
        );
        let progress = self.progress(item);
        assert!(
            matches!(progress.last(), Some(Event::Progress { status: Some(s), .. }) if *s == expected),
            "nothing may follow the final status of {item:?}: {progress:#?}"
        );
        statuses.len() - 1
    }

    /// The reference count of the callback object.
    pub(crate) fn refs(&self) -> u32 {
        self.refs.load(Ordering::SeqCst)
    }

    /// Waits until the reference count is `refs`; panics after [`TIMEOUT`].
    pub(crate) fn wait_refs(&self, refs: u32) {
        let deadline = Instant::now() + TIMEOUT;
        let mut events = lock(&self.events);
        while self.refs() != refs {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for the callback's reference count to be {refs} (it is {})",
                self.refs()
            );
            events = self
                .changed
                .wait_timeout(events, left.min(Duration::from_millis(50)))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Whether the callback object got its final `Release`.
    pub(crate) fn is_released(&self) -> bool {
        self.released.load(Ordering::SeqCst)
    }

    /// From now on, any method call on this callback is a violation (it was replaced).
    pub(crate) fn forbid_calls(&self) {
        self.forbidden.store(true, Ordering::SeqCst);
    }

    /// The callback was just replaced while a worker may be calling it: the one call in flight
    /// may still arrive, any further call is a violation.
    pub(crate) fn forbid_calls_after_one_in_flight(&self) {
        *lock(&self.replaced_at) = Some(lock(&self.events).len());
    }

    /// What `Progress` answers from now on (`S_OK` by default).
    pub(crate) fn answer_progress(&self, answer: impl Fn(&Event) -> HRESULT + Send + 'static) {
        *lock(&self.progress_answer) = Some(Box::new(answer));
    }

    /// What every method but `Progress` (and `IUnknown`'s) answers from now on, e.g. an error
    /// HRESULT: the Sync Manager's answer to a completion or `LogError` must not matter.
    pub(crate) fn answer_others(&self, hr: HRESULT) {
        self.other_answer.store(hr.0, Ordering::SeqCst);
    }

    fn other(&self) -> HRESULT {
        HRESULT(self.other_answer.load(Ordering::SeqCst))
    }

    /// Protocol violations seen by the callback (bad structs, calls after release/replacement).
    pub(crate) fn violations(&self) -> Vec<String> {
        lock(&self.violations).clone()
    }

    /// Panics if the callback saw any violation.
    pub(crate) fn assert_clean(&self) {
        let violations = self.violations();
        assert!(
            violations.is_empty(),
            "callback violations: {violations:#?}"
        );
    }
}

/// The callback object. `vtable` comes first: the object's address is its interface pointer.
#[repr(C)]
struct CallbackObject {
    vtable: &'static ISyncMgrSynchronizeCallback_Vtbl,
    recorder: Arc<Recorder>,
}

/// Every callback object ever made. The objects are never freed, so that a call arriving after
/// the final `Release` is recorded as a violation instead of being a use after free; keeping
/// them here makes that memory "still reachable" rather than leaked for valgrind's memcheck.
static CALLBACK_OBJECTS: Mutex<Vec<KeptObject>> = Mutex::new(Vec::new());

/// A callback object kept alive for the rest of the process.
struct KeptObject(*mut CallbackObject);

// SAFETY: the pointer is only stored, never dereferenced through this wrapper.
unsafe impl Send for KeptObject {}

/// A new test callback with one reference (the test's own), and its recorder.
///
/// The object's memory is never freed (see [`CALLBACK_OBJECTS`]).
pub(crate) fn callback() -> (ISyncMgrSynchronizeCallback, Arc<Recorder>) {
    let recorder = Arc::new(Recorder {
        events: Mutex::new(Vec::new()),
        changed: Condvar::new(),
        violations: Mutex::new(Vec::new()),
        refs: AtomicU32::new(1),
        released: AtomicBool::new(false),
        forbidden: AtomicBool::new(false),
        progress_answer: Mutex::new(None),
        other_answer: AtomicI32::new(abi::S_OK.0),
        replaced_at: Mutex::new(None),
    });
    let raw = Box::into_raw(Box::new(CallbackObject {
        vtable: &CALLBACK_VTABLE,
        recorder: Arc::clone(&recorder),
    }));
    lock(&CALLBACK_OBJECTS).push(KeptObject(raw));
    // SAFETY: the object starts with an ISyncMgrSynchronizeCallback vtable pointer and owns the
    // one reference the returned interface releases.
    let callback = unsafe { ISyncMgrSynchronizeCallback::from_raw(raw.cast()) };
    (callback, recorder)
}

static CALLBACK_VTABLE: ISyncMgrSynchronizeCallback_Vtbl = ISyncMgrSynchronizeCallback_Vtbl {
    base__: IUnknown_Vtbl {
        QueryInterface: cb_query_interface,
        AddRef: cb_add_ref,
        Release: cb_release,
    },
    ShowPropertiesCompleted: cb_show_properties_completed,
    PrepareForSyncCompleted: cb_prepare_for_sync_completed,
    SynchronizeCompleted: cb_synchronize_completed,
    ShowErrorCompleted: cb_show_error_completed,
    EnableModeless: cb_enable_modeless,
    Progress: cb_progress,
    LogError: cb_log_error,
    DeleteLogError: cb_delete_log_error,
    EstablishConnection: cb_establish_connection,
};

/// The recorder behind a callback interface pointer.
///
/// # Safety
/// `this` is a pointer [`callback`] handed out (never freed).
unsafe fn recorder<'a>(this: *mut c_void) -> &'a Recorder {
    // SAFETY: per the contract, `this` points at a never freed, hence live, `CallbackObject`.
    unsafe {
        &this
            .cast::<CallbackObject>()
            .as_ref()
            .expect("non-null this")
            .recorder
    }
}

/// Reads a NUL-terminated UTF-16 string; `None` if it is null or not terminated within 4096
/// units.
///
/// # Safety
/// `text` is null or points at readable UTF-16 units up to a NUL.
unsafe fn read_wide(text: *const u16) -> Option<String> {
    if text.is_null() {
        return None;
    }
    let mut len = 0;
    // SAFETY: the units up to and including the NUL are readable, per the contract.
    while unsafe { *text.add(len) } != 0 {
        len += 1;
        if len > 4096 {
            return None;
        }
    }
    // SAFETY: the `len` units before the NUL were just read.
    Some(String::from_utf16_lossy(unsafe {
        core::slice::from_raw_parts(text, len)
    }))
}

unsafe extern "system" fn cb_query_interface(
    this: *mut c_void,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    // SAFETY: the caller passes this object's pointer.
    let recorder = unsafe { recorder(this) };
    if recorder.is_released() {
        recorder.violation("QueryInterface called after the final Release".to_owned());
    }
    if out.is_null() {
        return abi::E_POINTER;
    }
    // SAFETY: `iid` is null or readable; `out` is writable (COM contract).
    unsafe {
        out.write(core::ptr::null_mut());
        match iid.as_ref() {
            None => abi::E_INVALIDARG,
            Some(iid) if *iid == IUnknown::IID || *iid == ISyncMgrSynchronizeCallback::IID => {
                cb_add_ref(this);
                out.write(this);
                abi::S_OK
            }
            Some(_) => abi::E_NOINTERFACE,
        }
    }
}

unsafe extern "system" fn cb_add_ref(this: *mut c_void) -> u32 {
    // SAFETY: the caller passes this object's pointer.
    let recorder = unsafe { recorder(this) };
    if recorder.is_released() {
        recorder.violation("AddRef called after the final Release".to_owned());
    }
    let refs = recorder.refs.fetch_add(1, Ordering::SeqCst) + 1;
    drop(lock(&recorder.events));
    recorder.changed.notify_all();
    refs
}

unsafe extern "system" fn cb_release(this: *mut c_void) -> u32 {
    // SAFETY: the caller passes this object's pointer.
    let recorder = unsafe { recorder(this) };
    let before = recorder.refs.load(Ordering::SeqCst);
    if before == 0 || recorder.is_released() {
        recorder.violation("Release called after the final Release".to_owned());
        return 0;
    }
    let refs = recorder.refs.fetch_sub(1, Ordering::SeqCst) - 1;
    if refs == 0 {
        recorder.released.store(true, Ordering::SeqCst);
    }
    // Lock, then notify: a waiter checks the count under the lock, so no wakeup is lost.
    drop(lock(&recorder.events));
    recorder.changed.notify_all();
    refs
}

unsafe extern "system" fn cb_show_properties_completed(this: *mut c_void, hr: HRESULT) -> HRESULT {
    // SAFETY: the caller passes this object's pointer.
    let recorder = unsafe { recorder(this) };
    recorder.enter("ShowPropertiesCompleted");
    recorder.push(Event::ShowPropertiesCompleted(hr));
    recorder.other()
}

unsafe extern "system" fn cb_prepare_for_sync_completed(this: *mut c_void, hr: HRESULT) -> HRESULT {
    // SAFETY: the caller passes this object's pointer.
    let recorder = unsafe { recorder(this) };
    recorder.enter("PrepareForSyncCompleted");
    recorder.push(Event::PrepareForSyncCompleted(hr));
    recorder.other()
}

unsafe extern "system" fn cb_synchronize_completed(this: *mut c_void, hr: HRESULT) -> HRESULT {
    // SAFETY: the caller passes this object's pointer.
    let recorder = unsafe { recorder(this) };
    recorder.enter("SynchronizeCompleted");
    recorder.push(Event::SynchronizeCompleted(hr));
    recorder.other()
}

unsafe extern "system" fn cb_show_error_completed(
    this: *mut c_void,
    hr: HRESULT,
    count: u32,
    items: *const GUID,
) -> HRESULT {
    // SAFETY: the caller passes this object's pointer.
    let recorder = unsafe { recorder(this) };
    recorder.enter("ShowErrorCompleted");
    let items = match (count, items.is_null()) {
        (0, _) => Vec::new(),
        (_, true) => {
            recorder.violation(format!("ShowErrorCompleted: {count} items at NULL"));
            Vec::new()
        }
        // SAFETY: the handler passes `count` readable GUIDs at `items`.
        (count, false) => unsafe { core::slice::from_raw_parts(items, count as usize) }.to_vec(),
    };
    recorder.push(Event::ShowErrorCompleted(hr, items));
    recorder.other()
}

unsafe extern "system" fn cb_enable_modeless(
    this: *mut c_void,
    enable: windows_core::BOOL,
) -> HRESULT {
    // SAFETY: the caller passes this object's pointer.
    let recorder = unsafe { recorder(this) };
    recorder.enter("EnableModeless");
    recorder.push(Event::EnableModeless(enable.as_bool()));
    recorder.other()
}

unsafe extern "system" fn cb_progress(
    this: *mut c_void,
    item: *const GUID,
    progress: *const SYNCMGRPROGRESSITEM,
) -> HRESULT {
    // SAFETY: the caller passes this object's pointer.
    let recorder = unsafe { recorder(this) };
    recorder.enter("Progress");
    // SAFETY: both pointers are null or valid for the call (COM contract).
    let (Some(item), Some(progress)) = (unsafe { item.as_ref() }, unsafe { progress.as_ref() })
    else {
        recorder.violation("Progress with a NULL pointer".to_owned());
        return abi::E_INVALIDARG;
    };
    if progress.cbSize as usize != size_of::<SYNCMGRPROGRESSITEM>() {
        recorder.violation(format!("Progress: cbSize {}", progress.cbSize));
    }
    let mask = progress.mask;
    let all = abi::SYNCMGRPROGRESSITEM_STATUSTEXT
        | abi::SYNCMGRPROGRESSITEM_STATUSTYPE
        | abi::SYNCMGRPROGRESSITEM_PROGVALUE
        | abi::SYNCMGRPROGRESSITEM_MAXVALUE;
    if mask & !all != 0 {
        recorder.violation(format!("Progress: unknown mask bits {mask:#x}"));
    }
    let text = (mask & abi::SYNCMGRPROGRESSITEM_STATUSTEXT != 0).then(|| {
        // SAFETY: the mask says the text is valid: a NUL-terminated string.
        unsafe { read_wide(progress.lpcStatusText.0) }.unwrap_or_else(|| {
            recorder.violation("Progress: status text NULL or not NUL-terminated".to_owned());
            String::new()
        })
    });
    let status = (mask & abi::SYNCMGRPROGRESSITEM_STATUSTYPE != 0).then_some(progress.dwStatusType);
    if let Some(status) = status
        && SyncStatus::try_from(status).is_err()
    {
        recorder.violation(format!("Progress: status {status:#x} is no SYNCMGRSTATUS"));
    }
    let event = Event::Progress {
        item: *item,
        mask,
        status,
        text,
        value: (mask & abi::SYNCMGRPROGRESSITEM_PROGVALUE != 0).then_some(progress.iProgValue),
        max: (mask & abi::SYNCMGRPROGRESSITEM_MAXVALUE != 0).then_some(progress.iMaxValue),
    };
    let answer = lock(&recorder.progress_answer)
        .as_ref()
        .map_or(abi::S_OK, |answer| answer(&event));
    recorder.push(event);
    answer
}

unsafe extern "system" fn cb_log_error(
    this: *mut c_void,
    level: u32,
    text: windows_core::PCWSTR,
    info: *const SYNCMGRLOGERRORINFO,
) -> HRESULT {
    // SAFETY: the caller passes this object's pointer.
    let recorder = unsafe { recorder(this) };
    recorder.enter("LogError");
    let levels = abi::SYNCMGRLOGLEVEL_INFORMATION as u32..=abi::SYNCMGRLOGLEVEL_ERROR as u32;
    if !levels.contains(&level) {
        recorder.violation(format!("LogError: level {level}"));
    }
    // SAFETY: the text is a NUL-terminated string (COM contract).
    let text = unsafe { read_wide(text.0) }.unwrap_or_else(|| {
        recorder.violation("LogError: text NULL or not NUL-terminated".to_owned());
        String::new()
    });
    // SAFETY: `info` is null or valid for the call.
    let item = match unsafe { info.as_ref() } {
        None => None,
        Some(info) => {
            if info.cbSize as usize != size_of::<SYNCMGRLOGERRORINFO>() {
                recorder.violation(format!("LogError: cbSize {}", info.cbSize));
            }
            (info.mask & abi::SYNCMGRLOGERROR_ITEMID != 0).then_some(info.ItemID)
        }
    };
    recorder.push(Event::LogError { level, text, item });
    recorder.other()
}

unsafe extern "system" fn cb_delete_log_error(
    this: *mut c_void,
    _error_id: *const GUID,
    _reserved: u32,
) -> HRESULT {
    // SAFETY: the caller passes this object's pointer.
    let recorder = unsafe { recorder(this) };
    recorder.enter("DeleteLogError");
    recorder.push(Event::DeleteLogError);
    recorder.other()
}

unsafe extern "system" fn cb_establish_connection(
    this: *mut c_void,
    _connection: windows_core::PCWSTR,
    _reserved: u32,
) -> HRESULT {
    // SAFETY: the caller passes this object's pointer.
    let recorder = unsafe { recorder(this) };
    recorder.enter("EstablishConnection");
    recorder.push(Event::EstablishConnection);
    recorder.other()
}

// ---------------------------------------------------------------------------------------------
// Raw vtable calls on `ISyncMgrSynchronize`. Each returns the HRESULT unchanged.

/// `Initialize(0, flags, cookie.len(), cookie)`.
pub(crate) fn initialize(object: &ISyncMgrSynchronize, flags: u32, cookie: &[u8]) -> HRESULT {
    let len = u32::try_from(cookie.len()).expect("small cookie");
    // SAFETY: a live interface; `cookie` is readable for `len` bytes during the call.
    unsafe { (object.vtable().Initialize)(object.as_raw(), 0, flags, len, cookie.as_ptr()) }
}

/// `Initialize(0, flags, len, NULL)`.
pub(crate) fn initialize_null_cookie(
    object: &ISyncMgrSynchronize,
    flags: u32,
    len: u32,
) -> HRESULT {
    // SAFETY: a live interface; the handler must not read a NULL cookie.
    unsafe { (object.vtable().Initialize)(object.as_raw(), 0, flags, len, core::ptr::null()) }
}

/// `GetHandlerInfo(out)`; `out` may be null.
pub(crate) fn get_handler_info(
    object: &ISyncMgrSynchronize,
    out: Option<&mut *mut abi::SYNCMGRHANDLERINFO>,
) -> HRESULT {
    let out = out.map_or(core::ptr::null_mut(), core::ptr::from_mut);
    // SAFETY: a live interface; `out` is null or writable.
    unsafe { (object.vtable().GetHandlerInfo)(object.as_raw(), out) }
}

/// `EnumSyncMgrItems(out)`; `out` may be null.
pub(crate) fn enum_items(object: &ISyncMgrSynchronize, out: Option<&mut *mut c_void>) -> HRESULT {
    let out = out.map_or(core::ptr::null_mut(), core::ptr::from_mut);
    // SAFETY: a live interface; `out` is null or writable.
    unsafe { (object.vtable().EnumSyncMgrItems)(object.as_raw(), out) }
}

/// `EnumSyncMgrItems` that must succeed with `expected`; returns the enumerator.
pub(crate) fn enumerator(
    object: &ISyncMgrSynchronize,
    expected: HRESULT,
) -> abi::ISyncMgrEnumItems {
    let mut raw = core::ptr::null_mut();
    assert_eq!(enum_items(object, Some(&mut raw)), expected);
    assert!(!raw.is_null(), "EnumSyncMgrItems returned no enumerator");
    // SAFETY: a successful EnumSyncMgrItems hands out one reference to an ISyncMgrEnumItems.
    unsafe { abi::ISyncMgrEnumItems::from_raw(raw) }
}

/// `GetItemObject(item, iid, out)`; `out` may be null.
pub(crate) fn get_item_object(
    object: &ISyncMgrSynchronize,
    item: &GUID,
    iid: &GUID,
    out: Option<&mut *mut c_void>,
) -> HRESULT {
    let out = out.map_or(core::ptr::null_mut(), core::ptr::from_mut);
    // SAFETY: a live interface; the GUIDs are readable and `out` is null or writable.
    unsafe { (object.vtable().GetItemObject)(object.as_raw(), item, iid, out) }
}

/// `ShowProperties(NULL, item)`; `item` may be null.
pub(crate) fn show_properties(object: &ISyncMgrSynchronize, item: Option<&GUID>) -> HRESULT {
    let item = item.map_or(core::ptr::null(), core::ptr::from_ref);
    // SAFETY: a live interface; `item` is null or readable.
    unsafe { (object.vtable().ShowProperties)(object.as_raw(), abi::HWND::default(), item) }
}

/// `SetProgressCallback(callback)`; `None` passes NULL.
pub(crate) fn set_callback(
    object: &ISyncMgrSynchronize,
    callback: Option<&ISyncMgrSynchronizeCallback>,
) -> HRESULT {
    let callback = callback.map_or(core::ptr::null_mut(), Interface::as_raw);
    // SAFETY: a live interface; `callback` is null or a live callback.
    unsafe { (object.vtable().SetProgressCallback)(object.as_raw(), callback) }
}

/// `PrepareForSync(ids.len(), ids, NULL, 0)`.
pub(crate) fn prepare(object: &ISyncMgrSynchronize, ids: &[GUID]) -> HRESULT {
    let count = u32::try_from(ids.len()).expect("few ids");
    prepare_raw(object, count, ids.as_ptr())
}

/// `PrepareForSync(count, ids, NULL, 0)` with any pointer.
pub(crate) fn prepare_raw(object: &ISyncMgrSynchronize, count: u32, ids: *const GUID) -> HRESULT {
    // SAFETY: a live interface; the callers pass either NULL or `count` readable GUIDs.
    unsafe {
        (object.vtable().PrepareForSync)(object.as_raw(), count, ids, abi::HWND::default(), 0)
    }
}

/// `Synchronize(NULL)`.
pub(crate) fn synchronize(object: &ISyncMgrSynchronize) -> HRESULT {
    // SAFETY: a live interface.
    unsafe { (object.vtable().Synchronize)(object.as_raw(), abi::HWND::default()) }
}

/// `SetItemStatus(item, status)`; `item` may be null.
pub(crate) fn set_item_status(
    object: &ISyncMgrSynchronize,
    item: Option<&GUID>,
    status: u32,
) -> HRESULT {
    let item = item.map_or(core::ptr::null(), core::ptr::from_ref);
    // SAFETY: a live interface; `item` is null or readable.
    unsafe { (object.vtable().SetItemStatus)(object.as_raw(), item, status) }
}

/// `ShowError(NULL, error_id)`; `error_id` may be null.
pub(crate) fn show_error(object: &ISyncMgrSynchronize, error_id: Option<&GUID>) -> HRESULT {
    let error_id = error_id.map_or(core::ptr::null(), core::ptr::from_ref);
    // SAFETY: a live interface; `error_id` is null or readable.
    unsafe { (object.vtable().ShowError)(object.as_raw(), abi::HWND::default(), error_id) }
}

/// `QueryInterface(iid, out)`; `out` may be null.
pub(crate) fn query_interface(
    object: &ISyncMgrSynchronize,
    iid: &GUID,
    out: Option<&mut *mut c_void>,
) -> HRESULT {
    let out = out.map_or(core::ptr::null_mut(), core::ptr::from_mut);
    // SAFETY: a live interface; `iid` is readable and `out` null or writable.
    unsafe { (object.vtable().base__.QueryInterface)(object.as_raw(), iid, out) }
}

/// `AddRef`, returning the new count.
pub(crate) fn add_ref<I: Interface>(object: &I) -> u32 {
    let vtable = object_vtable(object);
    // SAFETY: a live interface of any COM type starts with the IUnknown slots.
    unsafe { (vtable.AddRef)(object.as_raw()) }
}

/// `Release` on a raw pointer the caller owns a reference to; returns the new count.
///
/// # Safety
/// `raw` is a live COM interface pointer and the caller gives up one reference to it.
pub(crate) unsafe fn release_raw(raw: *mut c_void) -> u32 {
    // SAFETY: per the contract, `raw` starts with a pointer to an IUnknown-compatible vtable.
    unsafe { ((**raw.cast::<*const IUnknown_Vtbl>()).Release)(raw) }
}

/// Gives up the reference `object` holds, returning what `Release` returned.
pub(crate) fn release<I: Interface>(object: I) -> u32 {
    let raw = object.into_raw();
    // SAFETY: `into_raw` handed over the interface's one reference.
    unsafe { release_raw(raw) }
}

fn object_vtable<I: Interface>(object: &I) -> &IUnknown_Vtbl {
    // SAFETY: every COM interface pointer points at a vtable pointer whose first slots are
    // IUnknown's.
    unsafe { &**object.as_raw().cast::<*const IUnknown_Vtbl>() }
}

/// Releases the last reference to a handler and checks that it was the last one.
pub(crate) fn release_last(object: ISyncMgrSynchronize) {
    assert_eq!(release(object), 0, "the test held the last reference");
}

/// `SetProgressCallback(NULL)`, then waits until the handler let go of `recorder`'s callback (its
/// count back to the test's own reference).
pub(crate) fn detach(object: &ISyncMgrSynchronize, recorder: &Recorder) {
    assert_eq!(set_callback(object, None), abi::S_OK);
    recorder.wait_refs(1);
}

/// Initializes `object` (manual sync) and gives it `callback`.
pub(crate) fn start(object: &ISyncMgrSynchronize, callback: &ISyncMgrSynchronizeCallback) {
    assert_eq!(initialize(object, MANUAL, &[]), abi::S_OK);
    assert_eq!(set_callback(object, Some(callback)), abi::S_OK);
}

/// Runs a full session over `ids` and waits for `SynchronizeCompleted`; returns its HRESULT.
pub(crate) fn run_session(
    object: &ISyncMgrSynchronize,
    recorder: &Recorder,
    ids: &[GUID],
) -> HRESULT {
    assert_eq!(prepare(object, ids), abi::S_OK);
    assert_eq!(synchronize(object), abi::S_OK);
    recorder.wait_sync_completed()
}

// ---------------------------------------------------------------------------------------------
// Handlers.

/// A handler with nothing but `synchronize_item`: every other method is the trait's default.
#[syncmgr::sync_handler(
    clsid = "7d0c3b2a-1e4f-4a5b-8c6d-9e0f1a2b3c4d",
    name = "Minimal",
    item(id = "a1a1a1a1-0000-4000-8000-000000000001", name = "Alpha"),
    item(id = "a1a1a1a1-0000-4000-8000-000000000002", name = "Beta")
)]
#[derive(Default)]
pub(crate) struct Minimal;

impl SyncHandler for Minimal {
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> Result<()> {
        item.progress(1, 1, "minimal")
    }
}

/// A call the handler received, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Call {
    Initialize(SyncEvent),
    Prepare(Vec<GUID>),
    SyncItem(GUID),
    ShowProperties(Option<GUID>),
    ShowError(GUID),
    Status(SyncStatus, GUID),
}

/// What a [`Scripted`] handler was asked to do.
#[derive(Default)]
pub(crate) struct Journal {
    calls: Mutex<Vec<Call>>,
    changed: Condvar,
}

impl Journal {
    fn push(&self, call: Call) {
        lock(&self.calls).push(call);
        self.changed.notify_all();
    }

    /// Every call so far.
    pub(crate) fn calls(&self) -> Vec<Call> {
        lock(&self.calls).clone()
    }

    /// The items `synchronize_item` was called for, in order.
    pub(crate) fn synced(&self) -> Vec<GUID> {
        self.calls()
            .into_iter()
            .filter_map(|call| match call {
                Call::SyncItem(id) => Some(id),
                _ => None,
            })
            .collect()
    }

    /// Waits until `call` was made; panics after [`TIMEOUT`].
    pub(crate) fn wait_for(&self, call: &Call) {
        let deadline = Instant::now() + TIMEOUT;
        let mut calls = lock(&self.calls);
        while !calls.contains(call) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {call:?}: {calls:#?}"
            );
            calls = self
                .changed
                .wait_timeout(calls, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

/// A gate a handler waits at until the test opens it.
#[derive(Default)]
pub(crate) struct Gate {
    open: Mutex<bool>,
    changed: Condvar,
}

impl Gate {
    /// A closed gate.
    pub(crate) fn new() -> Arc<Self> {
        Arc::default()
    }

    /// Lets every waiter through.
    pub(crate) fn open(&self) {
        *lock(&self.open) = true;
        self.changed.notify_all();
    }

    /// Waits until the gate opens (`Ok`) or the item is cancelled (`item.check()`'s error),
    /// polling the cancellation as a handler should. Gives up after three timeouts, so that a
    /// broken test cannot leave the worker blocked forever.
    pub(crate) fn pass(&self, item: &ItemSync<'_>) -> Result<()> {
        let deadline = Instant::now() + TIMEOUT * 3;
        let mut open = lock(&self.open);
        while !*open {
            item.check()?;
            if Instant::now() > deadline {
                return Err(Error::msg("the test never opened the gate"));
            }
            open = self
                .changed
                .wait_timeout(open, Duration::from_millis(1))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        Ok(())
    }

    /// Waits until the gate opens, ignoring cancellation (for handlers outside a sync).
    pub(crate) fn wait(&self) {
        let deadline = Instant::now() + TIMEOUT * 3;
        let mut open = lock(&self.open);
        while !*open && Instant::now() < deadline {
            open = self
                .changed
                .wait_timeout(open, Duration::from_millis(5))
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

type Hook<A, R> = Box<dyn Fn(A) -> R + Send + Sync>;
type SyncHook = Box<dyn Fn(&mut ItemSync<'_>) -> Result<()> + Send + Sync>;

/// The behaviour of a [`Scripted`] handler; every part left out behaves as documented for the
/// default (and `synchronize_item` reports two steps).
#[derive(Default)]
pub(crate) struct Script {
    initialize: Option<Hook<u32, Result<Participation>>>,
    items: Option<Hook<(), Result<ItemListing>>>,
    prepare: Option<Hook<Vec<GUID>, Result<()>>>,
    sync_item: Option<SyncHook>,
    show_properties: Option<Hook<Option<GUID>, Result<PropertiesChange>>>,
    show_error: Option<Hook<GUID, Result<ShowErrorOutcome>>>,
    status: Option<Hook<(SyncStatus, GUID), Result<()>>>,
}

impl Script {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// `initialize` answers with `answer(flags)`.
    pub(crate) fn initialize(
        mut self,
        answer: impl Fn(u32) -> Result<Participation> + Send + Sync + 'static,
    ) -> Self {
        self.initialize = Some(Box::new(answer));
        self
    }

    /// `items` returns `items()`.
    pub(crate) fn items(
        mut self,
        items: impl Fn() -> Result<ItemListing> + Send + Sync + 'static,
    ) -> Self {
        self.items = Some(Box::new(move |()| items()));
        self
    }

    /// `prepare` returns `answer(ids)`.
    pub(crate) fn prepare(
        mut self,
        answer: impl Fn(Vec<GUID>) -> Result<()> + Send + Sync + 'static,
    ) -> Self {
        self.prepare = Some(Box::new(answer));
        self
    }

    /// `synchronize_item` runs `work`.
    pub(crate) fn sync_item(
        mut self,
        work: impl Fn(&mut ItemSync<'_>) -> Result<()> + Send + Sync + 'static,
    ) -> Self {
        self.sync_item = Some(Box::new(work));
        self
    }

    /// `show_properties` returns `answer(item)`.
    pub(crate) fn show_properties(
        mut self,
        answer: impl Fn(Option<GUID>) -> Result<PropertiesChange> + Send + Sync + 'static,
    ) -> Self {
        self.show_properties = Some(Box::new(answer));
        self
    }

    /// `show_error` returns `answer(error_id)`.
    pub(crate) fn show_error(
        mut self,
        answer: impl Fn(GUID) -> Result<ShowErrorOutcome> + Send + Sync + 'static,
    ) -> Self {
        self.show_error = Some(Box::new(answer));
        self
    }

    /// The `on(deleted = …, paused = …)` methods return `answer(status, item)`.
    pub(crate) fn status(
        mut self,
        answer: impl Fn(SyncStatus, GUID) -> Result<()> + Send + Sync + 'static,
    ) -> Self {
        self.status = Some(Box::new(move |(status, item)| answer(status, item)));
        self
    }
}

/// A handler whose every method is scripted and journaled. Three static items ([`ALPHA`],
/// [`BETA`] with `may_delete_item`, [`GAMMA`] unchecked) and methods for `deleted` and `paused`.
#[syncmgr::sync_handler(
    clsid = "5c1f0e2d-7a3b-4c8d-9e6f-0a1b2c3d4e51",
    name = "Scripted handler",
    flags(has_properties, may_establish_connection),
    item(id = "a1a1a1a1-0000-4000-8000-000000000001", name = "Alpha"),
    item(
        id = "a1a1a1a1-0000-4000-8000-000000000002",
        name = "Beta",
        flags(may_delete_item, has_properties),
    ),
    item(id = "a1a1a1a1-0000-4000-8000-000000000003", name = "Gamma", unchecked),
    on(deleted = on_deleted, paused = on_paused),
)]
pub(crate) struct Scripted {
    script: Script,
    journal: Arc<Journal>,
}

/// The name and flags `Scripted` declares.
pub(crate) const SCRIPTED_NAME: &str = "Scripted handler";

/// A [`Scripted`] handler's COM object and its journal.
pub(crate) fn scripted(script: Script) -> (ISyncMgrSynchronize, Arc<Journal>) {
    let journal = Arc::new(Journal::default());
    let handler = Scripted {
        script,
        journal: Arc::clone(&journal),
    };
    (syncmgr::create(handler), journal)
}

impl Scripted {
    fn status(&self, status: SyncStatus, item: GUID) -> Result<()> {
        self.journal.push(Call::Status(status, item));
        self.script
            .status
            .as_ref()
            .map_or(Ok(()), |answer| answer((status, item)))
    }

    fn on_deleted(&self, item: GUID) -> Result<()> {
        self.status(SyncStatus::Deleted, item)
    }

    fn on_paused(&self, item: GUID) -> Result<()> {
        self.status(SyncStatus::Paused, item)
    }
}

impl SyncHandler for Scripted {
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> Result<()> {
        self.journal.push(Call::SyncItem(item.id()));
        if let Some(work) = &self.script.sync_item {
            return work(item);
        }
        item.progress(1, 2, "step 1")?;
        item.progress(2, 2, "step 2")
    }

    fn initialize(&self, event: &SyncEvent) -> Result<Participation> {
        self.journal.push(Call::Initialize(event.clone()));
        // The hook only sees the flags; the journal keeps the whole event.
        self.script
            .initialize
            .as_ref()
            .map_or(Ok(Participation::Join), |answer| answer(event.flags))
    }

    fn items(&self) -> Result<ItemListing> {
        self.script
            .items
            .as_ref()
            .map_or_else(|| Ok(ItemListing::default()), |items| items(()))
    }

    fn prepare(&self, items: &[GUID]) -> Result<()> {
        self.journal.push(Call::Prepare(items.to_vec()));
        self.script
            .prepare
            .as_ref()
            .map_or(Ok(()), |answer| answer(items.to_vec()))
    }

    fn show_properties(
        &self,
        _parent: syncmgr::ParentWindow,
        item: Option<GUID>,
    ) -> Result<PropertiesChange> {
        self.journal.push(Call::ShowProperties(item));
        self.script
            .show_properties
            .as_ref()
            .map_or_else(|| Err(Error::not_implemented()), |answer| answer(item))
    }

    fn show_error(
        &self,
        _parent: syncmgr::ParentWindow,
        error_id: GUID,
    ) -> Result<ShowErrorOutcome> {
        self.journal.push(Call::ShowError(error_id));
        self.script
            .show_error
            .as_ref()
            .map_or_else(|| Err(Error::not_implemented()), |answer| answer(error_id))
    }
}

// ---------------------------------------------------------------------------------------------
// Raw vtable calls on `ISyncMgrEnumItems`.

/// `Next(out.len(), out, fetched)`; `fetched` may be null.
pub(crate) fn next(
    items: &abi::ISyncMgrEnumItems,
    out: &mut [abi::SYNCMGRITEM],
    fetched: Option<&mut u32>,
) -> HRESULT {
    let celt = u32::try_from(out.len()).expect("few items");
    let fetched = fetched.map_or(core::ptr::null_mut(), core::ptr::from_mut);
    // SAFETY: a live enumerator; `out` has room for `celt` items and `fetched` is null or
    // writable.
    unsafe { (items.vtable().Next)(items.as_raw(), celt, out.as_mut_ptr(), fetched) }
}

/// `Skip(celt)`.
pub(crate) fn skip(items: &abi::ISyncMgrEnumItems, celt: u32) -> HRESULT {
    // SAFETY: a live enumerator.
    unsafe { (items.vtable().Skip)(items.as_raw(), celt) }
}

/// `Reset()`.
pub(crate) fn reset(items: &abi::ISyncMgrEnumItems) -> HRESULT {
    // SAFETY: a live enumerator.
    unsafe { (items.vtable().Reset)(items.as_raw()) }
}

/// `Clone(&out)`, which must succeed.
pub(crate) fn clone_enumerator(items: &abi::ISyncMgrEnumItems) -> abi::ISyncMgrEnumItems {
    let mut raw = core::ptr::null_mut();
    // SAFETY: a live enumerator; `raw` is writable.
    let hr = unsafe { (items.vtable().Clone)(items.as_raw(), &raw mut raw) };
    assert_eq!(hr, abi::S_OK);
    assert!(!raw.is_null(), "Clone returned no enumerator");
    // SAFETY: a successful Clone hands out one reference to an ISyncMgrEnumItems.
    unsafe { abi::ISyncMgrEnumItems::from_raw(raw) }
}

/// The rest of the enumeration, one `Next(1, item, NULL)` at a time (as mobsync's sample does).
pub(crate) fn drain(items: &abi::ISyncMgrEnumItems) -> Vec<abi::SYNCMGRITEM> {
    let mut all = Vec::new();
    loop {
        let mut item = [abi::SYNCMGRITEM::default()];
        match next(items, &mut item, None) {
            abi::S_OK => all.push(item[0]),
            abi::S_FALSE => return all,
            hr => panic!("Next failed: {hr:?}"),
        }
        assert!(all.len() < 10_000, "the enumeration never ends");
    }
}

/// The item's name, checking that it is NUL-terminated inside `wszItemName`.
pub(crate) fn item_name(item: &abi::SYNCMGRITEM) -> String {
    let len = item
        .wszItemName
        .iter()
        .position(|unit| *unit == 0)
        .expect("wszItemName is NUL-terminated");
    String::from_utf16(&item.wszItemName[..len]).expect("valid UTF-16")
}

/// The ids of every item an enumeration of `object` yields.
pub(crate) fn item_ids(object: &ISyncMgrSynchronize) -> Vec<GUID> {
    let items = enumerator(object, abi::S_OK);
    let ids = drain(&items).iter().map(|item| item.ItemID).collect();
    assert_eq!(release(items), 0);
    ids
}

/// A handler interface pointer that test threads share. The runtime's object is free-threaded
/// (its state sits behind atomics and locks), which is what the concurrency tests exercise.
#[derive(Clone, Copy)]
pub(crate) struct SharedObject(*mut c_void);

// SAFETY: the handler object behind the pointer is free-threaded (see above), and the tests keep
// it alive (scoped threads) while any thread uses it.
unsafe impl Send for SharedObject {}
// SAFETY: as above.
unsafe impl Sync for SharedObject {}

impl SharedObject {
    pub(crate) fn new(object: &ISyncMgrSynchronize) -> Self {
        Self(object.as_raw())
    }

    /// The interface, borrowed; the object must still be alive.
    pub(crate) fn get(&self) -> &ISyncMgrSynchronize {
        // SAFETY: the pointer came from a live `ISyncMgrSynchronize` that outlives every user.
        unsafe { ISyncMgrSynchronize::from_raw_borrowed(&self.0) }.expect("non-null")
    }
}

/// A small deterministic pseudo-random sequence (xorshift64*), one per thread.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// A number in `0..bound`.
    pub(crate) fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let value = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32;
        usize::try_from(value).expect("32 bits fit") % bound
    }
}
