//! What the runtime's COM glue costs per call, measured through the real vtable.
//!
//! Every benchmark is a [`Case`]: it is set up once (a handler object with an open session, an
//! enumerator over a million items, …), then runs `n` calls inside a [`Probe`]. Two probes exist:
//! [`syncmgr_bench_measured`], whose symbol `valgrind --tool=callgrind --toggle-collect` counts
//! instructions in (binary `count`, driven by `cargo run -p xtask -- bench-instructions`), and
//! [`timed`], a wall clock (binary `time`). Both run the same loop, so instruction counts and
//! times describe the same code. Baselines are plain windows-core `#[implement]` objects with the
//! same trivial bodies and no validation, called through the very same vtable slots.
//!
//! See `BENCHMARKS.md` at the workspace root for the results and how to read them.

use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use syncmgr::abi::{
    self, HWND, ISyncMgrEnumItems, ISyncMgrSynchronize, ISyncMgrSynchronizeCallback, SYNCMGRITEM,
    SYNCMGRPROGRESSITEM,
};
use syncmgr::{GUID, HRESULT, Interface, Item, ItemListing, ItemSync, SyncHandler};

mod objects;

pub use objects::{Baseline, Done, NullCallback};

/// Runs `body(n)`: `n` calls of the case, with whatever the probe wraps around them.
pub type Probe = fn(&mut dyn FnMut(u64), u64);

/// The instruction-count probe: callgrind collects only inside this function
/// (`--collect-atstart=no --toggle-collect=syncmgr_bench_measured`). Its name is unmangled so the
/// driver can name it exactly.
// Not called from foreign code: the attribute only keeps the symbol's name plain for callgrind.
#[allow(clippy::no_mangle_with_rust_abi)]
#[unsafe(no_mangle)]
#[inline(never)]
pub fn syncmgr_bench_measured(body: &mut dyn FnMut(u64), n: u64) {
    body(n);
}

/// Nanoseconds the last [`timed`] call took.
static ELAPSED_NS: AtomicU64 = AtomicU64::new(0);

/// The wall-clock probe; read the result with [`last_elapsed`].
pub fn timed(body: &mut dyn FnMut(u64), n: u64) {
    let start = Instant::now();
    body(n);
    let elapsed = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
    ELAPSED_NS.store(elapsed, Ordering::SeqCst);
}

/// How long the last [`timed`] body took.
#[must_use]
pub fn last_elapsed() -> Duration {
    Duration::from_nanos(ELAPSED_NS.load(Ordering::SeqCst))
}

/// One benchmark, set up once and run many times.
pub trait Runner {
    /// Runs `n` calls of the case inside `probe`. Panics if any call answered unexpectedly.
    fn run(&mut self, probe: Probe, n: u64);
}

/// A named benchmark.
pub struct Case {
    /// `table/name`, e.g. `dispatch/set-item-status`.
    pub name: &'static str,
    /// The case this one is compared with, if any.
    pub baseline: Option<&'static str>,
    /// Items handled per call (`Next` batch size); 1 for everything else.
    pub items_per_call: u64,
    /// What one call is, for the tables.
    pub what: &'static str,
    /// Builds the runner (may take a while: a million items).
    pub setup: fn() -> Box<dyn Runner>,
}

const SIS: &str = "dispatch/set-item-status/baseline";

/// Every case, in table order.
pub const CASES: &[Case] = &[
    Case {
        name: "dispatch/set-item-status",
        baseline: Some(SIS),
        items_per_call: 1,
        what: "`SetItemStatus(item, SKIPPED)`, open session of 10 items",
        setup: || Box::new(SetItemStatus::syncmgr(10, Request::Valid)),
    },
    Case {
        name: "dispatch/set-item-status-unknown-item",
        baseline: Some(SIS),
        items_per_call: 1,
        what: "`SetItemStatus(unknown id, SKIPPED)` → `E_INVALIDARG`",
        setup: || Box::new(SetItemStatus::syncmgr(10, Request::UnknownItem)),
    },
    Case {
        name: "dispatch/set-item-status-bad-status",
        baseline: Some(SIS),
        items_per_call: 1,
        what: "`SetItemStatus(item, 0x42)` → `E_INVALIDARG`",
        setup: || Box::new(SetItemStatus::syncmgr(10, Request::BadStatus)),
    },
    Case {
        name: SIS,
        baseline: None,
        items_per_call: 1,
        what: "baseline `SetItemStatus`: stores the status in an atomic",
        setup: || Box::new(SetItemStatus::baseline(10)),
    },
    Case {
        name: "dispatch/progress",
        baseline: Some("dispatch/progress/baseline"),
        items_per_call: 1,
        what: "`ItemSync::progress(step, n, text)` in `synchronize_item` → `Progress`",
        setup: || Box::new(ProgressRunner::new()),
    },
    Case {
        name: "dispatch/progress/baseline",
        baseline: None,
        items_per_call: 1,
        what: "baseline: `callback.Progress(&id, &item)` with a prebuilt UTF-16 text",
        setup: || Box::new(BaselineProgress::new()),
    },
    Case {
        name: "dispatch/addref-release",
        baseline: Some("dispatch/addref-release/baseline"),
        items_per_call: 1,
        what: "`AddRef` + `Release` on the handler object",
        setup: || Box::new(AddRefRelease(open_session(10).object)),
    },
    Case {
        name: "dispatch/addref-release/baseline",
        baseline: None,
        items_per_call: 1,
        what: "`AddRef` + `Release` on the baseline object",
        setup: || Box::new(AddRefRelease(Baseline::create())),
    },
    Case {
        name: "scale/10",
        baseline: Some("scale/10"),
        items_per_call: 1,
        what: "`SetItemStatus(SKIPPED)`, 10 items",
        setup: || Box::new(SetItemStatus::syncmgr(10, Request::Valid)),
    },
    Case {
        name: "scale/1000",
        baseline: Some("scale/10"),
        items_per_call: 1,
        what: "`SetItemStatus(SKIPPED)`, 1,000 items",
        setup: || Box::new(SetItemStatus::syncmgr(1_000, Request::Valid)),
    },
    Case {
        name: "scale/100000",
        baseline: Some("scale/10"),
        items_per_call: 1,
        what: "`SetItemStatus(SKIPPED)`, 100,000 items",
        setup: || Box::new(SetItemStatus::syncmgr(100_000, Request::Valid)),
    },
    Case {
        name: "scale/1000000",
        baseline: Some("scale/10"),
        items_per_call: 1,
        what: "`SetItemStatus(SKIPPED)`, 1,000,000 items",
        setup: || Box::new(SetItemStatus::syncmgr(1_000_000, Request::Valid)),
    },
    Case {
        name: "enumeration/1",
        baseline: None,
        items_per_call: 1,
        what: "`Next(1)` over 1,000,000 run-time items",
        setup: || Box::new(Enumeration::new(1)),
    },
    Case {
        name: "enumeration/64",
        baseline: None,
        items_per_call: 64,
        what: "`Next(64)` over 1,000,000 run-time items",
        setup: || Box::new(Enumeration::new(64)),
    },
    Case {
        name: "enumeration/256",
        baseline: None,
        items_per_call: 256,
        what: "`Next(256)` over 1,000,000 run-time items",
        setup: || Box::new(Enumeration::new(256)),
    },
];

/// The case called `name`.
#[must_use]
pub fn case(name: &str) -> Option<&'static Case> {
    CASES.iter().find(|case| case.name == name)
}

/// Items of the enumeration benchmark.
pub const ENUMERATION_ITEMS: u32 = 1_000_000;

// ---------------------------------------------------------------------------------------------
// Ids.

/// splitmix64: a bijection that makes sequential numbers look random.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The id of run-time item `n`: random-looking, like real GUIDs, and never `GUID_NULL`.
#[must_use]
pub fn item_id(n: u32) -> GUID {
    let high = mix(u64::from(n));
    let low = mix(u64::from(n) | 1 << 40) | 1;
    GUID::from_u128(u128::from(high) << 64 | u128::from(low))
}

/// The ids of items `0..count`, shuffled (Fisher–Yates with a fixed seed): the order
/// `SetItemStatus` visits them in, so a large session is not walked in table order.
fn shuffled_ids(count: u32) -> Vec<GUID> {
    let mut ids: Vec<GUID> = (0..count).map(item_id).collect();
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    for i in (1..ids.len()).rev() {
        state = mix(state);
        let j = usize::try_from(state % (i as u64 + 1)).unwrap_or(0);
        ids.swap(i, j);
    }
    ids
}

// ---------------------------------------------------------------------------------------------
// The syncmgr handler.

type Work = Box<dyn Fn(&mut ItemSync<'_>) + Send + Sync>;

/// A handler with `count` run-time items and no static ones; `synchronize_item` runs `work`.
#[syncmgr::sync_handler(clsid = "3e9c1d7a-5b2f-4c8e-9a6d-0f1e2d3c4b5a", name = "Bench")]
pub struct Bench {
    count: u32,
    work: Work,
}

impl SyncHandler for Bench {
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        (self.work)(item);
        Ok(())
    }

    fn items(&self) -> syncmgr::Result<ItemListing> {
        let items = (0..self.count)
            .map(|n| Item::new(item_id(n), format!("Item {n}")))
            .collect::<syncmgr::Result<_>>()?;
        Ok(ItemListing {
            items,
            incomplete: false,
        })
    }
}

/// A handler object with an open session over all its items.
pub struct OpenSession {
    /// The handler.
    pub object: ISyncMgrSynchronize,
    /// Its callback.
    pub callback: ISyncMgrSynchronizeCallback,
    /// Raised by `SynchronizeCompleted`.
    pub done: Arc<Done>,
    /// The session's items.
    pub ids: Vec<GUID>,
}

/// `Initialize`, `SetProgressCallback`, then `PrepareForSync` of every item: the session is open
/// and accepts `SetItemStatus` until `Synchronize` ends it.
fn open_session_with(count: u32, work: Work) -> OpenSession {
    let object = syncmgr::create(Bench { count, work });
    let (callback, done) = NullCallback::create();
    let ids: Vec<GUID> = (0..count).map(item_id).collect();
    let vtable = object.vtable();
    let raw = object.as_raw();
    // SAFETY: a live object; the cookie is empty (null with length 0).
    let hr = unsafe {
        (vtable.Initialize)(raw, 0, abi::SYNCMGRFLAG_MANUAL as u32, 0, core::ptr::null())
    };
    assert_eq!(hr, abi::S_OK, "Initialize");
    // SAFETY: a live object and a live callback, which the object AddRefs.
    let hr = unsafe { (vtable.SetProgressCallback)(raw, callback.as_raw()) };
    assert_eq!(hr, abi::S_OK, "SetProgressCallback");
    prepare(&object, &ids);
    OpenSession {
        object,
        callback,
        done,
        ids,
    }
}

fn prepare(object: &ISyncMgrSynchronize, ids: &[GUID]) {
    let count = u32::try_from(ids.len()).expect("fewer than 2^32 items");
    // SAFETY: a live object; `ids` holds `count` GUIDs.
    let hr = unsafe {
        (object.vtable().PrepareForSync)(object.as_raw(), count, ids.as_ptr(), HWND::default(), 0)
    };
    assert_eq!(hr, abi::S_OK, "PrepareForSync");
}

/// An open session (`Initialize`, `SetProgressCallback`, `PrepareForSync` of every item) on a
/// handler whose `synchronize_item` does nothing.
#[must_use]
pub fn open_session(count: u32) -> OpenSession {
    open_session_with(count, Box::new(|_| {}))
}

// ---------------------------------------------------------------------------------------------
// SetItemStatus.

/// What the `SetItemStatus` calls ask for.
#[derive(Clone, Copy)]
enum Request {
    /// `SKIPPED` for an item of the session: `S_OK`.
    Valid,
    /// `SKIPPED` for an id the handler does not own: `E_INVALIDARG`.
    UnknownItem,
    /// A value outside `SYNCMGRSTATUS` for an item of the session: `E_INVALIDARG`.
    BadStatus,
}

struct SetItemStatus {
    object: ISyncMgrSynchronize,
    /// Keeps the session's callback alive (syncmgr side only).
    _session: Option<OpenSession>,
    /// The ids the calls cycle through.
    order: Vec<GUID>,
    status: u32,
    expected: HRESULT,
}

impl SetItemStatus {
    fn syncmgr(count: u32, request: Request) -> Self {
        let session = open_session(count);
        let (order, status, expected) = match request {
            Request::Valid => (shuffled_ids(count), SKIPPED, abi::S_OK),
            Request::UnknownItem => (
                (0..count).map(|n| item_id(n + count)).collect(),
                SKIPPED,
                abi::E_INVALIDARG,
            ),
            Request::BadStatus => (shuffled_ids(count), 0x42, abi::E_INVALIDARG),
        };
        Self {
            object: session.object.clone(),
            _session: Some(session),
            order,
            status,
            expected,
        }
    }

    fn baseline(count: u32) -> Self {
        Self {
            object: Baseline::create(),
            _session: None,
            order: shuffled_ids(count),
            status: SKIPPED,
            expected: abi::S_OK,
        }
    }
}

const SKIPPED: u32 = abi::SYNCMGRSTATUS_SKIPPED as u32;

impl Runner for SetItemStatus {
    fn run(&mut self, probe: Probe, n: u64) {
        let set_item_status = self.object.vtable().SetItemStatus;
        let raw = self.object.as_raw();
        let (order, status, expected) = (&self.order[..], self.status, self.expected);
        let mut ok = true;
        probe(
            &mut |n| {
                let mut next = 0;
                for _ in 0..n {
                    // SAFETY: a live object and a GUID that outlives the call.
                    let hr = unsafe { set_item_status(raw, &raw const order[next], status) };
                    ok &= hr == expected;
                    next += 1;
                    if next == order.len() {
                        next = 0;
                    }
                }
            },
            n,
        );
        assert!(ok, "SetItemStatus answered other than {expected:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Progress.

/// The text both sides report.
const TEXT: &str = "Copying notes";

/// What the next `synchronize_item` runs: the probe, `n`, and whether every call succeeded.
#[derive(Default)]
struct Plan {
    next: Mutex<Option<(Probe, u64)>>,
    ok: AtomicBool,
}

/// `n` calls of `ItemSync::progress` inside one `synchronize_item`: a one-item session is
/// prepared and synchronized per run; only the loop is inside the probe.
struct ProgressRunner {
    session: OpenSession,
    plan: Arc<Plan>,
    prepared: bool,
}

impl ProgressRunner {
    fn new() -> Self {
        let plan = Arc::new(Plan::default());
        let for_worker = Arc::clone(&plan);
        let session = open_session_with(
            1,
            Box::new(move |item| {
                let next = for_worker
                    .next
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take();
                let Some((probe, n)) = next else { return };
                let mut ok = true;
                probe(
                    &mut |n| {
                        let total = u32::try_from(n).unwrap_or(u32::MAX);
                        for step in 0..total {
                            ok &= item.progress(step, total, TEXT).is_ok();
                        }
                    },
                    n,
                );
                for_worker.ok.store(ok, Ordering::SeqCst);
            }),
        );
        Self {
            session,
            plan,
            prepared: true,
        }
    }
}

impl Runner for ProgressRunner {
    fn run(&mut self, probe: Probe, n: u64) {
        if !self.prepared {
            prepare(&self.session.object, &self.session.ids);
        }
        *self
            .plan
            .next
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some((probe, n));
        self.plan.ok.store(false, Ordering::SeqCst);
        // SAFETY: a live object with a prepared session.
        let hr = unsafe {
            (self.session.object.vtable().Synchronize)(
                self.session.object.as_raw(),
                HWND::default(),
            )
        };
        assert_eq!(hr, abi::S_OK, "Synchronize");
        self.session.done.wait();
        self.prepared = false;
        assert!(self.plan.ok.load(Ordering::SeqCst), "progress failed");
    }
}

/// The baseline: what a windows-core handler's worker would write, one `Progress` call on the
/// same trivial callback with a status item built in place and a UTF-16 text prepared once.
struct BaselineProgress {
    callback: ISyncMgrSynchronizeCallback,
    text: Vec<u16>,
    item: GUID,
}

impl BaselineProgress {
    fn new() -> Self {
        Self {
            callback: NullCallback::create().0,
            text: TEXT.encode_utf16().chain(Some(0)).collect(),
            item: item_id(0),
        }
    }
}

impl Runner for BaselineProgress {
    fn run(&mut self, probe: Probe, n: u64) {
        let (callback, text, item) = (&self.callback, &self.text, &self.item);
        let mut ok = true;
        probe(
            &mut |n| {
                let total = u32::try_from(n).unwrap_or(u32::MAX);
                for step in 0..total {
                    let progress = SYNCMGRPROGRESSITEM {
                        cbSize: u32::try_from(size_of::<SYNCMGRPROGRESSITEM>()).unwrap_or(0),
                        mask: abi::SYNCMGRPROGRESSITEM_STATUSTYPE
                            | abi::SYNCMGRPROGRESSITEM_STATUSTEXT
                            | abi::SYNCMGRPROGRESSITEM_PROGVALUE
                            | abi::SYNCMGRPROGRESSITEM_MAXVALUE,
                        lpcStatusText: windows_core::PWSTR(text.as_ptr().cast_mut()),
                        dwStatusType: abi::SYNCMGRSTATUS_UPDATING as u32,
                        iProgValue: step as i32,
                        iMaxValue: total as i32,
                    };
                    // SAFETY: a live callback; both pointers outlive the call.
                    let hr = unsafe { callback.Progress(item, &raw const progress) };
                    ok &= hr == abi::S_OK;
                }
            },
            n,
        );
        assert!(ok, "Progress failed");
    }
}

// ---------------------------------------------------------------------------------------------
// AddRef / Release.

struct AddRefRelease(ISyncMgrSynchronize);

impl Runner for AddRefRelease {
    fn run(&mut self, probe: Probe, n: u64) {
        let unknown = &self.0.vtable().base__;
        let (add_ref, release) = (unknown.AddRef, unknown.Release);
        let raw = self.0.as_raw();
        let mut ok = true;
        probe(
            &mut |n| {
                for _ in 0..n {
                    // SAFETY: a live object; the Release balances the AddRef.
                    let refs = unsafe { add_ref(raw) };
                    // SAFETY: as above.
                    let left = unsafe { release(raw) };
                    ok &= refs == left + 1;
                }
            },
            n,
        );
        assert!(ok, "AddRef/Release counts disagree");
    }
}

// ---------------------------------------------------------------------------------------------
// Enumeration.

/// `Next(batch)` calls on one enumerator of [`ENUMERATION_ITEMS`] items, starting over with
/// `Reset` at the end.
struct Enumeration {
    _session: OpenSession,
    items: ISyncMgrEnumItems,
    buffer: Vec<SYNCMGRITEM>,
}

impl Enumeration {
    fn new(batch: u32) -> Self {
        let session = open_session(ENUMERATION_ITEMS);
        let items = enumerate(&session.object);
        Self {
            _session: session,
            items,
            buffer: vec![SYNCMGRITEM::default(); batch as usize],
        }
    }
}

/// `EnumSyncMgrItems`.
///
/// # Panics
/// If it fails.
#[must_use]
pub fn enumerate(object: &ISyncMgrSynchronize) -> ISyncMgrEnumItems {
    let mut raw = core::ptr::null_mut();
    // SAFETY: a live object; `raw` is writable.
    let hr = unsafe { (object.vtable().EnumSyncMgrItems)(object.as_raw(), &raw mut raw) };
    assert_eq!(hr, abi::S_OK, "EnumSyncMgrItems");
    // SAFETY: a successful EnumSyncMgrItems hands out one reference to an ISyncMgrEnumItems.
    unsafe { ISyncMgrEnumItems::from_raw(raw) }
}

/// A handler with `count` run-time items, initialized (for [`enumerate`]).
#[must_use]
pub fn handler_with_items(count: u32) -> OpenSession {
    open_session(count)
}

/// Drains `items` with `Next(batch)`; returns the number of items.
///
/// # Panics
/// If `Next` fails.
#[must_use]
pub fn drain(items: &ISyncMgrEnumItems, batch: usize) -> u64 {
    let mut buffer = vec![SYNCMGRITEM::default(); batch];
    let next = items.vtable().Next;
    let mut total = 0;
    loop {
        let mut fetched = 0;
        // SAFETY: a live enumerator; `buffer` has room for `batch` items.
        let hr = unsafe {
            next(
                items.as_raw(),
                u32::try_from(batch).expect("small batch"),
                buffer.as_mut_ptr(),
                &raw mut fetched,
            )
        };
        total += u64::from(fetched);
        black_box(&buffer);
        if hr != abi::S_OK {
            assert_eq!(hr, abi::S_FALSE, "Next");
            return total;
        }
    }
}

impl Runner for Enumeration {
    fn run(&mut self, probe: Probe, n: u64) {
        let vtable = self.items.vtable();
        let (next, reset) = (vtable.Next, vtable.Reset);
        let raw = self.items.as_raw();
        let batch = u32::try_from(self.buffer.len()).expect("small batch");
        let buffer = self.buffer.as_mut_ptr();
        let mut ok = true;
        probe(
            &mut |n| {
                for _ in 0..n {
                    let mut fetched = 0;
                    // SAFETY: a live enumerator; `buffer` has room for `batch` items.
                    let hr = unsafe { next(raw, batch, buffer, &raw mut fetched) };
                    if hr != abi::S_OK {
                        ok &= hr == abi::S_FALSE;
                        // SAFETY: a live enumerator.
                        ok &= unsafe { reset(raw) } == abi::S_OK;
                    }
                }
            },
            n,
        );
        black_box(&self.buffer);
        assert!(ok, "Next or Reset failed");
    }
}
