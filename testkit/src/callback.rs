//! The Sync Manager's `ISyncMgrSynchronizeCallback`: a hand-written COM object that records every
//! call into the [`Checker`], tells an [`Observer`] (a progress display) and answers as it is
//! told ([`Trigger`]s), else as the Sync Manager would.
//!
//! Layout: `#[repr(C)]` with the vtable pointer first, so the object's address is its interface
//! pointer. The driver keeps one reference ("its own") for the whole session; at the end every
//! reference the handler took must be back, which [`CallbackRef::others`] shows.

use crate::check::{
    Checker, Event, LogInfo, Progress, TextProblem, Violation, ViolationKind, is_final,
};
use core::ffi::c_void;
use core::ptr::NonNull;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::ThreadId;
use std::time::{Duration, Instant};
use syncmgr::abi::{
    self, ISyncMgrSynchronizeCallback, ISyncMgrSynchronizeCallback_Vtbl, SYNCMGRLOGERRORINFO,
    SYNCMGRPROGRESSITEM,
};
use syncmgr::{GUID, HRESULT, Interface};
use windows_core::{BOOL, IUnknown, PCWSTR};

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

/// The handler as it describes itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HandlerInfo {
    /// The library the driver loaded, if any.
    pub library: Option<PathBuf>,
    /// `wszHandlerName` from `GetHandlerInfo`.
    pub name: Option<String>,
    /// `SyncMgrHandlerFlags`.
    pub flags: Option<u32>,
    /// Whether `hIcon` was not null.
    pub icon: bool,
}

/// One enumerated item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemInfo {
    /// `ItemID`.
    pub id: GUID,
    /// `wszItemName`.
    pub name: String,
    /// `dwFlags`.
    pub flags: u32,
    /// `dwItemState` (`SYNCMGRITEMSTATE_CHECKED` is 1).
    pub state: u32,
    /// `ftLastUpdate` as (low, high).
    pub last_update: (u32, u32),
    /// Whether `hIcon` was not null.
    pub icon: bool,
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
    /// Every call, in order.
    pub events: Vec<Event>,
    /// Answers `Progress` (after the triggers, when none of them answered).
    pub answer: Option<ProgressAnswer>,
    /// Every call from now on is a violation: the callback was replaced.
    pub forbidden: bool,
    /// The event count when the callback was replaced while a call may have been in flight:
    /// one more call is tolerated.
    pub replaced_at: Option<usize>,
}

/// How a test answers `Progress`: from the recorded event.
pub type ProgressAnswer = Box<dyn Fn(&Event) -> HRESULT + Send>;

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
            events: Vec::new(),
            answer: None,
            forbidden: false,
            replaced_at: None,
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

/// What one callback object saw, shared by the driver's thread and the handler's threads: the
/// calls in order, the checker's verdict, the object's references.
#[derive(Debug)]
pub struct Recording {
    recorder: Mutex<Recorder>,
    changed: Condvar,
    start: Instant,
    /// Whether waits dispatch the host thread's messages (Windows, apartment-bound callback).
    pumps: bool,
    /// The object's reference count.
    refs: AtomicU32,
    /// The final `Release` happened.
    released: AtomicBool,
}

impl Recording {
    #[cfg(test)]
    /// Recording state around `recorder`; event times count from now. Waits block on a condition
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
            refs: AtomicU32::new(0),
            released: AtomicBool::new(false),
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
        recorder.misuse(event_name(event), self.released.load(Ordering::SeqCst));
        recorder.checker.record(at, event);
        recorder.events.push(event.clone());
        self.changed.notify_all();
        recorder
    }
}

/// How long a [`Recording`] wait may take before the test fails: generous, it only bounds a
/// hang.
pub const TIMEOUT: Duration = Duration::from_secs(10);

impl Recording {
    /// Every call so far.
    #[must_use]
    pub fn events(&self) -> Vec<Event> {
        self.lock().events.clone()
    }

    /// The calls from the `start`-th on (none if there are fewer).
    #[must_use]
    pub fn events_since(&self, start: usize) -> Vec<Event> {
        self.lock().events.get(start..).unwrap_or_default().to_vec()
    }

    /// How many calls so far.
    #[must_use]
    pub fn event_count(&self) -> usize {
        self.lock().events.len()
    }

    /// Forgets the calls recorded so far (the violations stay), so that a long test can bound
    /// its memory.
    pub fn clear_events(&self) {
        let mut recorder = self.lock();
        recorder.events = Vec::new();
        recorder.replaced_at = recorder.replaced_at.map(|_| 0);
    }

    /// Waits until `done` holds for the calls and returns them. `done` runs under the
    /// recording's lock: it looks at the calls it is given, never at this `Recording`.
    ///
    /// # Panics
    /// After [`TIMEOUT`], with the calls so far.
    #[track_caller]
    pub fn wait_for(&self, what: &str, done: impl Fn(&[Event]) -> bool) -> Vec<Event> {
        let deadline = Instant::now() + TIMEOUT;
        let done = self.wait_until(deadline, |recorder| done(&recorder.events));
        assert!(done, "timed out waiting for {what}: {:#?}", self.events());
        self.events()
    }

    /// Waits for `SynchronizeCompleted` and returns its HRESULT.
    ///
    /// # Panics
    /// After [`TIMEOUT`].
    #[track_caller]
    pub fn wait_sync_completed(&self) -> HRESULT {
        self.wait_for("SynchronizeCompleted", |events| {
            events
                .iter()
                .any(|event| matches!(event, Event::SynchronizeCompleted(_)))
        });
        self.sync_completions()[0]
    }

    fn pick<T>(&self, pick: impl Fn(&Event) -> Option<T>) -> Vec<T> {
        self.lock().events.iter().filter_map(pick).collect()
    }

    /// Every `SynchronizeCompleted` HRESULT so far.
    #[must_use]
    pub fn sync_completions(&self) -> Vec<HRESULT> {
        self.pick(|event| match event {
            Event::SynchronizeCompleted(hr) => Some(*hr),
            _ => None,
        })
    }

    /// Every `PrepareForSyncCompleted` HRESULT so far.
    #[must_use]
    pub fn prepare_completions(&self) -> Vec<HRESULT> {
        self.pick(|event| match event {
            Event::PrepareForSyncCompleted(hr) => Some(*hr),
            _ => None,
        })
    }

    /// Every `ShowPropertiesCompleted` HRESULT so far.
    #[must_use]
    pub fn properties_completions(&self) -> Vec<HRESULT> {
        self.pick(|event| match event {
            Event::ShowPropertiesCompleted(hr) => Some(*hr),
            _ => None,
        })
    }

    /// Every `ShowErrorCompleted` so far: its HRESULT and items.
    #[must_use]
    pub fn error_completions(&self) -> Vec<(HRESULT, Vec<GUID>)> {
        self.pick(|event| match event {
            Event::ShowErrorCompleted(hr, items) => Some((*hr, items.clone())),
            _ => None,
        })
    }

    /// Every `LogError` so far, as `(level, text, item)`.
    #[must_use]
    pub fn logs(&self) -> Vec<(u32, String, Option<GUID>)> {
        self.lock()
            .log
            .iter()
            .map(|line| (line.level, line.text.clone(), line.item))
            .collect()
    }

    /// Every `Progress` for `item`, decoded (`None`: a null struct).
    #[must_use]
    pub fn progress(&self, item: GUID) -> Vec<Option<Progress>> {
        self.pick(|event| match event {
            Event::Progress(id, progress) if *id == item => Some(progress.clone()),
            _ => None,
        })
    }

    /// The statuses (`dwStatusType`, when the mask has it) of every `Progress` for `item`.
    #[must_use]
    pub fn statuses(&self, item: GUID) -> Vec<u32> {
        self.progress(item)
            .into_iter()
            .filter_map(|progress| progress?.status)
            .collect()
    }

    /// Checks the life of `item`: every status but the last is not final, and the last, the
    /// only final one, is `expected`. Returns the number of `Progress` calls before it.
    ///
    /// # Panics
    /// When the item did not end so.
    #[track_caller]
    pub fn assert_item_ended(&self, item: GUID, expected: u32) -> usize {
        let statuses = self.statuses(item);
        let finals: Vec<u32> = statuses.iter().copied().filter(|s| is_final(*s)).collect();
        assert_eq!(
            finals,
            [expected],
            "item {item:?} must get exactly one final status; statuses: {statuses:?}"
        );
        let progress = self.progress(item);
        assert!(
            matches!(progress.last(), Some(Some(last)) if last.status == Some(expected)),
            "nothing may follow the final status of {item:?}: {progress:#?}"
        );
        statuses.len() - 1
    }

    /// The object's reference count (the caller's own included).
    #[must_use]
    pub fn refs(&self) -> u32 {
        self.refs.load(Ordering::SeqCst)
    }

    /// Waits until the reference count is `refs`.
    ///
    /// # Panics
    /// After [`TIMEOUT`].
    #[track_caller]
    pub fn wait_refs(&self, refs: u32) {
        let deadline = Instant::now() + TIMEOUT;
        // Reference changes notify too; the period bounds a missed one.
        while self.refs() != refs {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for the callback's reference count to be {refs} (it is {})",
                self.refs()
            );
            let guard = self.lock();
            drop(
                self.changed
                    .wait_timeout(guard, Duration::from_millis(20))
                    .unwrap_or_else(PoisonError::into_inner),
            );
        }
    }

    /// Whether the object got its final `Release`.
    #[must_use]
    pub fn is_released(&self) -> bool {
        self.released.load(Ordering::SeqCst)
    }

    /// From now on any call is a violation: the callback was replaced.
    pub fn forbid_calls(&self) {
        self.lock().forbidden = true;
    }

    /// The callback was just replaced while the handler's worker may be calling it: the one
    /// call in flight may still arrive, any further call is a violation.
    pub fn forbid_calls_after_one_in_flight(&self) {
        let mut recorder = self.lock();
        recorder.replaced_at = Some(recorder.events.len());
    }

    /// What `Progress` answers from now on (`S_OK` by default).
    pub fn answer_progress(&self, answer: impl Fn(&Event) -> HRESULT + Send + 'static) {
        self.lock().answer = Some(Box::new(answer));
    }

    /// What every method but `Progress`, `EnableModeless` and `IUnknown`'s answers from now on,
    /// e.g. an error: the handler must not care.
    pub fn answer_others(&self, hr: HRESULT) {
        self.lock().others = hr;
    }

    /// The violations seen so far, described.
    #[must_use]
    pub fn violations(&self) -> Vec<String> {
        self.lock()
            .checker
            .violations()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// Checks that the callback saw no violation.
    ///
    /// # Panics
    /// When it did, listing them.
    #[track_caller]
    pub fn assert_clean(&self) {
        let violations = self.violations();
        assert!(
            violations.is_empty(),
            "callback violations: {violations:#?}"
        );
    }
}

/// The method an event records.
fn event_name(event: &Event) -> &'static str {
    match event {
        Event::PrepareForSyncCompleted(_) => "PrepareForSyncCompleted",
        Event::SynchronizeCompleted(_) => "SynchronizeCompleted",
        Event::ShowPropertiesCompleted(_) => "ShowPropertiesCompleted",
        Event::ShowErrorCompleted(..) => "ShowErrorCompleted",
        Event::EnableModeless(_) => "EnableModeless",
        Event::Progress(..) => "Progress",
        Event::LogError { .. } => "LogError",
        Event::DeleteLogError(_) => "DeleteLogError",
        Event::EstablishConnection(_) => "EstablishConnection",
    }
}

impl Recorder {
    /// Records a call that must not happen: after the final `Release`, or to a replaced
    /// callback beyond the one call in flight.
    fn misuse(&mut self, method: &str, released: bool) {
        if released {
            self.checker.push(Violation::new(
                ViolationKind::CallAfterRelease,
                format!("{method} called after the final Release"),
            ));
        }
        if self.forbidden {
            self.checker.push(Violation::new(
                ViolationKind::CallAfterReplace,
                format!("{method} called after the callback was replaced"),
            ));
        }
        if self
            .replaced_at
            .is_some_and(|mark| self.events.len() > mark)
        {
            self.checker.push(Violation::new(
                ViolationKind::CallAfterReplace,
                format!(
                    "{method} called after the callback was replaced and its call in flight ended"
                ),
            ));
        }
    }
}

/// The COM object. Never freed: a call after the final `Release` is recorded as a violation
/// instead of touching freed memory (the objects are parked in [`OBJECTS`]).
#[repr(C)]
struct HostCallback {
    vtable: &'static ISyncMgrSynchronizeCallback_Vtbl,
    shared: Arc<Recording>,
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
    pub(crate) fn new(shared: Arc<Recording>) -> Self {
        Self::create(shared, None)
    }

    /// A callback object of the calling thread's apartment, as the Sync Manager's is: it does
    /// not answer `IAgileObject`, and every call on another thread is a
    /// [`ViolationKind::WrongApartment`].
    #[must_use]
    pub(crate) fn apartment_bound(shared: Arc<Recording>) -> Self {
        Self::create(shared, Some(std::thread::current().id()))
    }

    fn create(shared: Arc<Recording>, home: Option<ThreadId>) -> Self {
        shared.refs.store(1, Ordering::SeqCst);
        let object = Box::leak(Box::new(HostCallback {
            vtable: &VTABLE,
            shared,
            home,
        }));
        let object = NonNull::from(object);
        OBJECTS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(object.as_ptr() as usize);
        Self(object)
    }

    /// The interface pointer, for `SetProgressCallback`.
    #[must_use]
    pub(crate) fn as_raw(&self) -> *mut c_void {
        self.0.as_ptr().cast()
    }

    /// References held by others than the host.
    #[must_use]
    pub(crate) fn others(&self) -> u32 {
        // SAFETY: the object is never freed.
        unsafe { self.0.as_ref() }
            .shared
            .refs
            .load(Ordering::Acquire)
            .saturating_sub(1)
    }
}

impl Drop for CallbackRef {
    fn drop(&mut self) {
        // SAFETY: releases the host's own reference; the object is never freed, so a call the
        // handler makes later is recorded, not undefined.
        unsafe { crate::object::release::<HostCallback>(self.as_raw()) };
    }
}

/// Every callback object made, kept for the rest of the process (see [`HostCallback`]): held
/// here they are "still reachable" for a leak checker, not lost.
static OBJECTS: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// A callback a test drives by hand, with one reference (the caller's), and what it records.
/// Agile: the handler may call it on any thread. Its checker looks at structs, strings and
/// values and at misuse (calls after the final `Release` or after a replacement), not at the
/// order of a session, which a test may break on purpose.
#[must_use]
pub fn callback() -> (ISyncMgrSynchronizeCallback, Arc<Recording>) {
    let mut recorder = Recorder::new(Box::new(()));
    recorder.checker = Checker::structure_only();
    let recording = Recording::waiting(recorder, false);
    let object = CallbackRef::new(Arc::clone(&recording));
    let raw = object.as_raw();
    core::mem::forget(object);
    // SAFETY: `raw` is a live ISyncMgrSynchronizeCallback with the one reference `object`
    // held, now owned by the returned interface.
    let callback = unsafe { ISyncMgrSynchronizeCallback::from_raw(raw) };
    (callback, recording)
}

static VTABLE: ISyncMgrSynchronizeCallback_Vtbl = ISyncMgrSynchronizeCallback_Vtbl {
    base__: crate::object::iunknown::<HostCallback>(),
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
unsafe fn with(this: *mut c_void, f: impl FnOnce(&Recording) -> HRESULT) -> HRESULT {
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
        let found = crate::check::wrong_apartment(home, |thread| {
            format!(
                "the apartment-bound callback was called on {thread}, not on the thread that \
                 passed it"
            )
        });
        if let Some(violation) = found {
            self.shared.lock().checker.push(violation);
        }
    }
}

// SAFETY: `HostCallback` is `#[repr(C)]` with its vtable pointer first, whose `base__` is
// `iunknown::<Self>()`, and its objects are never freed (parked in `OBJECTS`).
unsafe impl crate::object::HostObject for HostCallback {
    fn refs(&self) -> &AtomicU32 {
        &self.shared.refs
    }

    fn released(&self) -> &AtomicBool {
        &self.shared.released
    }

    /// The interfaces the object answers for: an agile callback says so on Windows
    /// (`IAgileObject`; it is agile: atomics and a mutex), so the runtime calls this very
    /// pointer from its worker.
    fn answers(&self, iid: &GUID) -> bool {
        *iid == IUnknown::IID
            || *iid == ISyncMgrSynchronizeCallback::IID
            || (cfg!(windows) && self.home.is_none() && *iid == abi::IAgileObject::IID)
    }

    fn after_release(&self, method: &str) {
        self.shared.lock().misuse(method, true);
    }

    fn over_released(&self) {
        self.shared.lock().misuse("Release", true);
    }

    fn changed(&self) {
        self.shared.changed.notify_all();
    }

    fn check_caller(&self) {
        self.check_thread();
    }
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
            shared
                .record_locked(&Event::PrepareForSyncCompleted(hr))
                .others
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
    items: *const GUID,
) -> HRESULT {
    let items = if count == 0 || items.is_null() {
        Vec::new()
    } else {
        // SAFETY: the caller passes `count` readable GUIDs (the array stays the handler's).
        unsafe { core::slice::from_raw_parts(items, count as usize) }.to_vec()
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe {
        with(this, |shared| {
            shared
                .record_locked(&Event::ShowErrorCompleted(hr, items))
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
pub(crate) unsafe fn read_wide(text: *const u16) -> Result<String, TextProblem> {
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
    let body = |shared: &Recording| {
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
        let (mut reply, statuses) = fire(&mut recorder, &item);
        if reply == abi::S_OK
            && let (Some(answer), Some(event)) = (&recorder.answer, recorder.events.last())
        {
            reply = answer(event);
        }
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
    let body = |shared: &Recording| {
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
    let body = |shared: &Recording| {
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
    let body = |shared: &Recording| {
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

    fn callback() -> (Arc<Recording>, CallbackRef) {
        let mut recorder = Recorder::new(Box::new(()));
        recorder.triggers.push(Trigger {
            item: Some(INBOX),
            when: When::Percent(50),
            effect: Effect::Reply(abi::S_SYNCMGR_CANCELITEM),
            fired: false,
        });
        let shared = Recording::new(recorder);
        shared
            .lock()
            .checker
            .prepare_calling(&[(INBOX, "Inbox".to_owned())]);
        let callback = CallbackRef::new(Arc::clone(&shared));
        (shared, callback)
    }

    fn kinds(shared: &Recording) -> Vec<ViolationKind> {
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
                (VTABLE.base__.QueryInterface)(
                    bound.as_raw(),
                    &abi::IAgileObject::IID,
                    &raw mut out
                ),
                abi::E_NOINTERFACE
            );
            let agile_answer = (VTABLE.base__.QueryInterface)(
                agile.as_raw(),
                &abi::IAgileObject::IID,
                &raw mut out,
            );
            if cfg!(windows) {
                assert_eq!(agile_answer, abi::S_OK);
                (VTABLE.base__.Release)(out);
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
                (VTABLE.base__.QueryInterface)(
                    this,
                    &ISyncMgrSynchronizeCallback::IID,
                    &raw mut out
                ),
                abi::S_OK
            );
            assert_eq!(out, this);
            assert_eq!(callback.others(), 1, "the QI reference");
            assert_eq!((VTABLE.base__.Release)(out), 1);
            let other = GUID::from_u128(5);
            assert_eq!(
                (VTABLE.base__.QueryInterface)(this, &raw const other, &raw mut out),
                abi::E_NOINTERFACE
            );
            assert!(out.is_null());
            assert_eq!(
                (VTABLE.base__.QueryInterface)(this, &IUnknown::IID, core::ptr::null_mut()),
                abi::E_POINTER
            );
            assert_eq!((VTABLE.base__.AddRef)(this), 2);
        }
        assert_eq!(callback.others(), 1, "a reference the handler kept");
        // SAFETY: gives that reference back.
        unsafe { (VTABLE.base__.Release)(this) };
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
