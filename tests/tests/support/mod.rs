//! Shared harness of the protocol tests: a hand-written `ISyncMgrSynchronizeCallback` that records
//! every call, raw-vtable helpers for `ISyncMgrSynchronize`, and scriptable handlers.
//!
//! Every call into the handler goes through the raw vtable slot, never through the generated
//! wrappers, which turn every success code into `Ok(())` (`docs/protocol.md#generated-wrappers`).

// Each test binary uses a different subset of the harness.
#![allow(dead_code)]

use core::ffi::c_void;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};
use syncmgr::abi::{self, ISyncMgrSynchronize};
use syncmgr::{
    Error, GUID, ItemListing, ItemSync, Participation, PropertiesChange, Result, ShowErrorOutcome,
    SyncEvent, SyncHandler, SyncStatus,
};
use windows_core::Interface;

// ---------------------------------------------------------------------------------------------
// Constants of the ABI, as the raw `DWORD`/`HRESULT` values the vtable carries.

pub(crate) const STOPPED: u32 = abi::SYNCMGRSTATUS_STOPPED as u32;
pub(crate) const SKIPPED: u32 = abi::SYNCMGRSTATUS_SKIPPED as u32;
pub(crate) const UPDATING: u32 = abi::SYNCMGRSTATUS_UPDATING as u32;
pub(crate) const SUCCEEDED: u32 = abi::SYNCMGRSTATUS_SUCCEEDED as u32;
pub(crate) const FAILED: u32 = abi::SYNCMGRSTATUS_FAILED as u32;
pub(crate) const PAUSED: u32 = abi::SYNCMGRSTATUS_PAUSED as u32;
pub(crate) const RESUMING: u32 = abi::SYNCMGRSTATUS_RESUMING as u32;
pub(crate) const PENDING: u32 = abi::SYNCMGRSTATUS_PENDING as u32;
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

/// Task allocations not freed yet, as the runtime's allocator twin counts them off Windows;
/// `None` on Windows (the tests built for it run under Wine), where COM's task allocator keeps
/// no count, so that comparisons of two readings hold trivially there.
#[allow(dead_code)] // not every test file checks allocations
#[allow(clippy::unnecessary_wraps)] // `Some` off Windows, `None` on Windows
pub(crate) fn task_allocations() -> Option<usize> {
    #[cfg(not(windows))]
    return Some(syncmgr::memory::outstanding_task_allocations());
    #[cfg(windows)]
    None
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
// The Sync Manager's side: the test kit's recording callback and raw vtable calls.

// Each test binary uses a different subset.
#[allow(unused_imports)]
pub(crate) use syncmgr_test::call::*;
#[allow(unused_imports)]
pub(crate) use syncmgr_test::{Event, Progress, Recording as Recorder, TIMEOUT, callback};

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
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

    /// The `on(deleted = …, paused = …, pending = …)` methods return `answer(status, item)`.
    pub(crate) fn status(
        mut self,
        answer: impl Fn(SyncStatus, GUID) -> Result<()> + Send + Sync + 'static,
    ) -> Self {
        self.status = Some(Box::new(move |(status, item)| answer(status, item)));
        self
    }
}

/// A handler whose every method is scripted and journaled. Three static items ([`ALPHA`],
/// [`BETA`] with `may_delete_item`, [`GAMMA`] unchecked) and methods for `deleted`, `paused` (a
/// status the runtime acts on first) and `pending` (a request only a method can take).
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
    on(deleted = on_deleted, paused = on_paused, pending = on_pending),
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

    fn on_pending(&self, item: GUID) -> Result<()> {
        self.status(SyncStatus::Pending, item)
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
        error: &syncmgr::LoggedError,
    ) -> Result<ShowErrorOutcome> {
        let error_id = error.id();
        self.journal.push(Call::ShowError(error_id));
        self.script
            .show_error
            .as_ref()
            .map_or_else(|| Err(Error::not_implemented()), |answer| answer(error_id))
    }
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

/// Reads and frees a string a handler returned in task memory (`[out, string]`): non-null,
/// NUL-terminated UTF-16.
pub(crate) fn take_task_string(text: windows_core::PWSTR) -> String {
    assert!(!text.is_null(), "a null string");
    let mut len = 0;
    // SAFETY: the callee returned a NUL-terminated task allocation.
    while unsafe { *text.0.add(len) } != 0 {
        len += 1;
    }
    // SAFETY: `len` units are readable.
    let value = String::from_utf16(unsafe { core::slice::from_raw_parts(text.0, len) })
        .expect("well-formed UTF-16");
    // SAFETY: the caller owns the allocation.
    unsafe { syncmgr::memory::co_task_mem_free(text.0.cast()) };
    value
}
