//! The handler against anything a host or handler code can do to it: a stateful property test.
//!
//! Each case makes one handler object (through the class factory or `syncmgr::create`) and
//! drives it with a random sequence of calls on every vtable slot of `ISyncMgrSynchronize`,
//! `ISyncMgrEnumItems`, `IUnknown` and `IClassFactory`, and of Sync Center's interfaces on the
//! same object, its items, their enumerator and the DLL's handler collection (with whole Sync
//! Center sessions run by `syncmgr_test::center`; see `test_properties/center.rs`): random order, random and out-of-enum
//! statuses, unknown ids and `GUID_NULL`, null pointers wherever the ABI lets a caller pass one,
//! callbacks whose `Progress` answers cancel codes or errors (and whose other methods answer
//! errors), `SetProgressCallback(NULL)` in the middle of a sync, `Release` from another thread.
//! The handler's own methods panic or fail at random, as the case's input scripts them.
//!
//! A model of the protocol state predicts every HRESULT; where the worker thread races the
//! caller (the worker may or may not have finished), either documented answer is accepted and
//! the answer tells the model which one happened. After every step: only the HRESULTs the ABI
//! reference and the runtime docs allow ([`allowed`]), the synchronous completion callbacks
//! exactly once per successful call, never after a failure, a `LogError` for every contained
//! panic, no callback call after its final `Release` (nor, once no worker runs, after it was
//! replaced), and the callbacks' reference counts. After every sync: each item ends with exactly
//! one final status, consistent with what the handler did and what `Progress` answered, and
//! `SynchronizeCompleted` once. At the end of each case: every object freed
//! (`live_objects()` back to its baseline), no server lock or task allocation left.
//!
//! `SYNCMGR_PROPTEST_CASES` sets the number of cases (default [`DEFAULT_CASES`]); the test prints
//! the number of vtable calls it made. Failures shrink to a minimal sequence, persisted in
//! `tests/proptest-regressions/test_properties.txt` and replayed first on every run; each one
//! found so far is also a named test in `test_regressions.rs`.

mod support;

use core::ffi::c_void;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Once, PoisonError};
use std::time::Instant;
use support::{ALPHA, BETA, Event, GAMMA, Recorder, STRANGER, is_final};
use syncmgr::abi::{self, IClassFactory, ISyncMgrEnumItems, ISyncMgrSynchronize};
use syncmgr::protocol::Method;
use syncmgr::{
    Error, GUID, HRESULT, Item, ItemFlags, ItemListing, ItemSync, Participation, PropertiesChange,
    Result, ShowErrorOutcome, SyncEvent, SyncHandler, SyncStatus,
};
use windows_core::{IUnknown, IUnknown_Vtbl, Interface};

/// Cases per run unless `SYNCMGR_PROPTEST_CASES` says otherwise: well over a million vtable calls.
const DEFAULT_CASES: u32 = 800;
/// The longest call sequence of a case.
const MAX_OPS: usize = 3000;
/// Where failing cases are persisted (and replayed from first).
const REGRESSIONS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/proptest-regressions/test_properties.txt"
);

const E_FAIL: HRESULT = abi::E_FAIL;
const E_POINTER: HRESULT = abi::E_POINTER;
const E_INVALIDARG: HRESULT = abi::E_INVALIDARG;
const E_UNEXPECTED: HRESULT = abi::E_UNEXPECTED;
const E_NOTIMPL: HRESULT = abi::E_NOTIMPL;
const E_NOINTERFACE: HRESULT = abi::E_NOINTERFACE;
const E_OUTOFMEMORY: HRESULT = abi::E_OUTOFMEMORY;
const S_OK: HRESULT = abi::S_OK;
const S_FALSE: HRESULT = abi::S_FALSE;
const E_ACCESSDENIED: HRESULT = HRESULT(0x8007_0005_u32 as i32);

// ---------------------------------------------------------------------------------------------
// The documented HRESULTs of every method.

/// The HRESULTs `method` may return: the one table in `syncmgr::protocol` (the reference
/// pages' codes, COM's rules and the runtime's documented choices). Methods that run handler
/// code may also return the failure code the handler's error carries.
fn allowed(method: Method) -> &'static [HRESULT] {
    method.allowed_results()
}

// ---------------------------------------------------------------------------------------------
// Faults the handler's code injects, as the case's input scripts them.

/// The error HRESULTs handler code fails with. `S_FALSE` in an error becomes `E_FAIL`.
const ERRORS: [HRESULT; 6] = [
    E_FAIL,
    E_ACCESSDENIED,
    E_OUTOFMEMORY,
    E_INVALIDARG,
    E_NOTIMPL,
    S_FALSE,
];

/// What one handler method does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fault {
    Ok,
    /// `Err` with `ERRORS[n]`.
    Err(usize),
    Panic,
}

impl Fault {
    /// Runs `ok`, or fails or panics as scripted (counting the injected fault).
    fn run<R>(self, method: &'static str, ok: impl FnOnce() -> R) -> Result<R> {
        match self {
            Fault::Ok => Ok(ok()),
            Fault::Err(n) => {
                count_fault(leak_name(method, "error"));
                Err(Error::new(ERRORS[n], format!("injected error in {method}")))
            }
            Fault::Panic => {
                count_fault(leak_name(method, "panic"));
                panic!("injected fault in {method}")
            }
        }
    }

    /// The HRESULT the runtime returns for this fault's error (`failure()`).
    fn code(self) -> HRESULT {
        match self {
            Fault::Err(n) if ERRORS[n].is_err() => ERRORS[n],
            Fault::Err(_) => E_FAIL,
            Fault::Ok => S_OK,
            Fault::Panic => E_UNEXPECTED,
        }
    }
}

/// What `items()` does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ItemsFault {
    /// The first `runtime` of [`RUNTIME`] (0..=2), maybe marked incomplete.
    Ok {
        runtime: usize,
        incomplete: bool,
    },
    /// A run-time item repeating a static id: the runtime's `E_UNEXPECTED`.
    Duplicate,
    Fail(Fault),
}

/// The run-time items (`support::runtime_id(0)` and `(1)`): `R0` plain, `R1` with
/// `may_delete_item`.
const RUNTIME: [GUID; 2] = [
    GUID::from_u128(0xb2b2_b2b2_0000_4000_8000_0000_0000_0000),
    GUID::from_u128(0xb2b2_b2b2_0000_4000_8000_0000_0000_0001),
];

/// Every item id a handler can own, in catalog order.
const ALL_ITEMS: [GUID; 5] = [ALPHA, BETA, GAMMA, RUNTIME[0], RUNTIME[1]];

/// What `synchronize_item` does for one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ItemFault {
    /// `progress` calls first.
    steps: u32,
    /// Then: `Ok`, an error, a panic, or (`cancelled`) `Err(Error::cancelled())`.
    end: Fault,
    cancelled: bool,
}

/// The case's current script, read by [`Chaos`] (one case runs at a time: `support::serial`).
#[derive(Clone, Debug)]
struct Plan {
    initialize: Fault,
    decline: bool,
    items: ItemsFault,
    prepare: Fault,
    properties: Fault,
    properties_change: usize,
    error: Fault,
    error_retry: usize,
    status: Fault,
    sync: [ItemFault; 5],
}

impl Plan {
    const fn new() -> Self {
        let ok = ItemFault {
            steps: 1,
            end: Fault::Ok,
            cancelled: false,
        };
        Self {
            initialize: Fault::Ok,
            decline: false,
            items: ItemsFault::Ok {
                runtime: 2,
                incomplete: false,
            },
            prepare: Fault::Ok,
            properties: Fault::Ok,
            properties_change: 0,
            error: Fault::Ok,
            error_retry: 0,
            status: Fault::Ok,
            sync: [ok; 5],
        }
    }
}

static PLAN: Mutex<Plan> = Mutex::new(Plan::new());

/// Calls of the handler's `initialize` and `items`: they tell whether a call that raced the
/// worker got past the runtime's phase check.
static INITIALIZE_CALLS: AtomicU64 = AtomicU64::new(0);
static ITEMS_CALLS: AtomicU64 = AtomicU64::new(0);

fn plan() -> Plan {
    PLAN.lock().unwrap_or_else(PoisonError::into_inner).clone()
}

fn set_plan(edit: impl FnOnce(&mut Plan)) {
    edit(&mut PLAN.lock().unwrap_or_else(PoisonError::into_inner));
}

/// [`Chaos`]'s CLSID, its Sync Center handler id.
const CHAOS_CLSID: GUID = GUID::from_u128(0x0f5e_4d3c_2b1a_4098_8776_6554_4332_21f0);

/// The handler under test: its every method does what [`PLAN`] says.
#[syncmgr::sync_handler(
    clsid = "0f5e4d3c-2b1a-4098-8776-6554433221f0",
    name = "Chaos",
    flags(has_properties),
    item(id = "a1a1a1a1-0000-4000-8000-000000000001", name = "Alpha"),
    item(
        id = "a1a1a1a1-0000-4000-8000-000000000002",
        name = "Beta",
        flags(may_delete_item, has_properties),
    ),
    item(id = "a1a1a1a1-0000-4000-8000-000000000003", name = "Gamma", unchecked),
    on(
        skipped = on_status,
        stopped = on_status,
        deleted = on_status,
        paused = on_status,
        resuming = on_status,
    ),
)]
#[derive(Default)]
struct Chaos;

impl Chaos {
    #[allow(clippy::unused_self)] // the attribute calls status methods with `&self`
    fn on_status(&self, _item: GUID) -> Result<()> {
        plan().status.run("a status method", || ())
    }
}

impl SyncHandler for Chaos {
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> Result<()> {
        let position = ALL_ITEMS
            .iter()
            .position(|id| *id == item.id())
            .expect("a known item");
        let fault = plan().sync[position];
        for step in 1..=fault.steps {
            item.progress(step, fault.steps, "working")?;
            std::thread::yield_now();
        }
        if fault.cancelled {
            count_fault("synchronize_item returns cancelled");
            return Err(Error::cancelled());
        }
        fault.end.run("synchronize_item", || ())
    }

    fn initialize(&self, _event: &SyncEvent) -> Result<Participation> {
        INITIALIZE_CALLS.fetch_add(1, Ordering::Relaxed);
        let plan = plan();
        plan.initialize.run("initialize", || {
            if plan.decline {
                Participation::Decline
            } else {
                Participation::Join
            }
        })
    }

    fn items(&self) -> Result<ItemListing> {
        ITEMS_CALLS.fetch_add(1, Ordering::Relaxed);
        match plan().items {
            ItemsFault::Ok {
                runtime,
                incomplete,
            } => Ok(ItemListing {
                items: vec![
                    Item::new(RUNTIME[0], "R0")?,
                    Item::new(RUNTIME[1], "R1")?.with_flags(ItemFlags::MAY_DELETE_ITEM),
                ]
                .into_iter()
                .take(runtime)
                .collect(),
                incomplete,
            }),
            ItemsFault::Duplicate => Ok(ItemListing {
                // Counted as a fault through the runtime's answer, not here.
                items: vec![Item::new(BETA, "Beta again")?],
                incomplete: false,
            }),
            ItemsFault::Fail(fault) => fault.run("items", ItemListing::default),
        }
    }

    fn prepare(&self, _items: &[GUID]) -> Result<()> {
        plan().prepare.run("prepare", || ())
    }

    fn show_properties(
        &self,
        _parent: syncmgr::ParentWindow,
        _item: Option<GUID>,
    ) -> Result<PropertiesChange> {
        let plan = plan();
        plan.properties.run("show_properties", || {
            [
                PropertiesChange::None,
                PropertiesChange::ItemDeleted,
                PropertiesChange::ItemsChanged,
            ][plan.properties_change]
        })
    }

    fn show_error(
        &self,
        _parent: syncmgr::ParentWindow,
        _error: &syncmgr::LoggedError,
    ) -> Result<ShowErrorOutcome> {
        let plan = plan();
        plan.error.run("show_error", || {
            if plan.error_retry == 0 {
                ShowErrorOutcome::Done
            } else {
                ShowErrorOutcome::Retry(ALL_ITEMS[..plan.error_retry].to_vec())
            }
        })
    }
}

/// Keeps the panics the test injects off stderr; any other panic is reported as usual.
fn quiet_injected_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let payload = info.payload();
            let text = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("");
            if !text.starts_with("injected fault") {
                default(info);
            }
        }));
    });
}

// ---------------------------------------------------------------------------------------------
// The generated input.

/// An item id as a caller passes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Id {
    Null,
    Known(usize),
    Stranger,
    Random(u128),
}

impl Id {
    fn guid(self) -> GUID {
        match self {
            Id::Null => GUID::zeroed(),
            Id::Known(n) => ALL_ITEMS[n],
            Id::Stranger => STRANGER,
            Id::Random(n) => GUID::from_u128(n),
        }
    }
}

/// An interface id as a caller passes it (`None`: a null `REFIID`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Iid {
    Null,
    Unknown,
    Synchronize,
    EnumItems,
    ClassFactory,
    Callback,
    /// `ISyncMgrHandler`, a facet of the handler object.
    Handler,
    Random(u128),
}

impl Iid {
    fn guid(self) -> Option<GUID> {
        match self {
            Iid::Null => None,
            Iid::Unknown => Some(IUnknown::IID),
            Iid::Synchronize => Some(ISyncMgrSynchronize::IID),
            Iid::EnumItems => Some(ISyncMgrEnumItems::IID),
            Iid::ClassFactory => Some(IClassFactory::IID),
            Iid::Callback => Some(abi::ISyncMgrSynchronizeCallback::IID),
            Iid::Handler => Some(abi::ISyncMgrHandler::IID),
            Iid::Random(n) => Some(GUID::from_u128(n)),
        }
    }
}

/// The `Initialize` cookie.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Cookie {
    Bytes(Vec<u8>),
    /// `cbCookie > 0` with a null `lpCookie`.
    NullWithLength(u32),
}

/// One call (or a small group: `ReleaseOnThread`) the host makes.
#[derive(Clone, Debug)]
enum Op {
    QueryInterface {
        iid: Iid,
        out_null: bool,
    },
    AddRef,
    Release,
    /// `AddRef` here, `Release` on another thread.
    ReleaseOnThread,
    Initialize {
        flags: u32,
        cookie: Cookie,
        fault: Fault,
        decline: bool,
    },
    GetHandlerInfo {
        out_null: bool,
    },
    EnumItems {
        out_null: bool,
        items: ItemsFault,
    },
    GetItemObject {
        item: Option<Id>,
        iid: Iid,
        out_null: bool,
    },
    ShowProperties {
        item: Option<Id>,
        items: ItemsFault,
        fault: Fault,
        change: usize,
    },
    /// `SetProgressCallback` with a fresh callback.
    NewCallback {
        answers: Vec<HRESULT>,
        others: HRESULT,
    },
    /// `SetProgressCallback` with the callback the handler already holds (or NULL).
    SameCallback,
    /// `SetProgressCallback(NULL)`.
    NullCallback,
    /// `PrepareForSync`; `None`: a null `pItemIDs` with a count of `count`.
    Prepare {
        ids: Option<Vec<Id>>,
        count: u32,
        items: ItemsFault,
        fault: Fault,
    },
    Synchronize {
        faults: [ItemFault; 5],
    },
    SetItemStatus {
        item: Option<Id>,
        status: u32,
        fault: Fault,
    },
    ShowError {
        id: Option<Id>,
        fault: Fault,
        retry: usize,
    },
    /// Waits until the worker (if any) finished.
    Wait,
    Enumerator {
        which: usize,
        op: EnumOp,
    },
    Factory(FactoryOp),
    CanUnloadNow,
    /// A Sync Center call on the object's facets or items.
    Center(center::CenterOp),
}

#[derive(Clone, Copy, Debug)]
enum EnumOp {
    Next {
        celt: u32,
        rgelt_null: bool,
        fetched_null: bool,
    },
    Skip(u32),
    Reset,
    Clone {
        out_null: bool,
    },
    QueryInterface {
        iid: Iid,
        out_null: bool,
    },
    AddRef,
    Release,
}

#[derive(Clone, Copy, Debug)]
enum FactoryOp {
    CreateInstance {
        outer: bool,
        iid: Iid,
        out_null: bool,
        release_on_thread: bool,
    },
    LockServer(bool),
    QueryInterface {
        iid: Iid,
        out_null: bool,
    },
    AddRef,
    Release,
}

#[derive(Clone, Debug)]
struct Case {
    via_factory: bool,
    final_release_on_thread: bool,
    ops: Vec<Op>,
}

/// The bits one op is decoded from, consumed from the low end. All-zero bits decode to the
/// plainest variant of every field (no fault, no null pointer, the first item), so that shrinking
/// the number toward zero simplifies the op.
struct Bits(u64);

impl Bits {
    fn take(&mut self, bits: u32) -> u64 {
        let value = self.0 & ((1 << bits) - 1);
        self.0 >>= bits;
        value
    }

    /// 32 bits, as a `DWORD`.
    fn dword(&mut self) -> u32 {
        u32::try_from(self.take(32)).unwrap_or(0)
    }

    fn index(&mut self, bits: u32, len: usize) -> usize {
        usize::try_from(self.take(bits)).unwrap_or(0) % len
    }

    /// True one time in eight.
    fn rare(&mut self) -> bool {
        self.take(3) == 7
    }

    /// Whatever bits are left, spread out.
    fn rest(&mut self) -> u64 {
        let rest = self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = 0;
        rest
    }

    fn fault(&mut self) -> Fault {
        match self.take(3) {
            0..=5 => Fault::Ok,
            6 => Fault::Err(self.index(3, ERRORS.len())),
            _ => Fault::Panic,
        }
    }

    fn items_fault(&mut self) -> ItemsFault {
        match self.take(4) {
            0..=12 => ItemsFault::Ok {
                runtime: 2 - self.index(2, 3),
                incomplete: self.rare(),
            },
            13 => ItemsFault::Duplicate,
            _ => ItemsFault::Fail(self.fault()),
        }
    }

    fn id(&mut self) -> Id {
        match self.take(4) {
            0..=9 => Id::Known(self.index(3, ALL_ITEMS.len())),
            10 | 11 => Id::Null,
            12 => Id::Stranger,
            _ => Id::Random(u128::from(self.rest()) << 64 | 0x4000),
        }
    }

    /// An id, or (one time in eight) a null pointer.
    fn optional_id(&mut self) -> Option<Id> {
        if self.rare() { None } else { Some(self.id()) }
    }

    fn iid(&mut self) -> Iid {
        match self.take(3) {
            0 => Iid::Unknown,
            1 => Iid::Synchronize,
            2 => Iid::EnumItems,
            3 => Iid::ClassFactory,
            4 => Iid::Callback,
            5 => Iid::Null,
            6 if self.take(1) == 0 => Iid::Handler,
            _ => Iid::Random(u128::from(self.rest()) | 1),
        }
    }

    /// What `Progress` (or another callback method) answers: mostly `S_OK`, sometimes a cancel
    /// code, an error or anything at all.
    fn answer(&mut self) -> HRESULT {
        match self.take(4) {
            0..=10 => S_OK,
            11 | 12 => abi::S_SYNCMGR_CANCELITEM,
            13 => abi::S_SYNCMGR_CANCELALL,
            14 => [E_FAIL, E_UNEXPECTED, S_FALSE, E_NOTIMPL][self.index(2, 4)],
            _ => HRESULT(self.dword() as i32),
        }
    }

    /// A `SYNCMGRSTATUS`, `DELETED`, or any `DWORD`.
    fn status(&mut self) -> u32 {
        match self.take(4) {
            0..=11 => u32::try_from(self.take(4) % 9).unwrap_or(0),
            12 | 13 => SyncStatus::Deleted.to_u32(),
            _ => self.dword(),
        }
    }

    fn item_fault(&mut self) -> ItemFault {
        let steps = u32::try_from(self.take(2)).unwrap_or(0);
        let end = self.fault();
        let cancelled = self.take(4) == 15;
        ItemFault {
            steps,
            end,
            cancelled,
        }
    }

    fn enum_op(&mut self) -> EnumOp {
        match self.take(4) {
            0..=5 => EnumOp::Next {
                celt: u32::try_from(self.take(3) % 7).unwrap_or(0),
                rgelt_null: self.rare(),
                fetched_null: self.take(2) == 3,
            },
            6 | 7 => EnumOp::Skip(u32::try_from(self.take(3) % 7).unwrap_or(0)),
            8 => EnumOp::Reset,
            9 => EnumOp::Clone {
                out_null: self.rare(),
            },
            10 => EnumOp::QueryInterface {
                iid: self.iid(),
                out_null: self.rare(),
            },
            11 => EnumOp::AddRef,
            _ => EnumOp::Release,
        }
    }

    fn factory_op(&mut self) -> FactoryOp {
        match self.take(4) {
            0..=7 => FactoryOp::CreateInstance {
                iid: self.iid(),
                outer: self.rare(),
                out_null: self.rare(),
                release_on_thread: self.take(1) == 1,
            },
            8..=11 => FactoryOp::LockServer(self.take(1) == 0),
            12 | 13 => FactoryOp::QueryInterface {
                iid: self.iid(),
                out_null: self.rare(),
            },
            14 => FactoryOp::AddRef,
            _ => FactoryOp::Release,
        }
    }
}

/// Makes one kind of op from its bits.
type Decoder = fn(&mut Bits) -> Op;

/// The kinds of op, with their weights in a random sequence.
const KINDS: [(u8, Decoder); 21] = [
    (6, |bits| Op::Initialize {
        flags: if bits.rare() {
            bits.dword()
        } else {
            u32::try_from(bits.take(3) % 7).unwrap_or(0)
        },
        cookie: if bits.take(4) == 15 {
            Cookie::NullWithLength(u32::try_from(bits.take(6)).unwrap_or(0) + 1)
        } else {
            let len = bits.index(2, 4);
            Cookie::Bytes((0..len).map(|_| bits.take(8).to_le_bytes()[0]).collect())
        },
        fault: bits.fault(),
        decline: bits.take(4) == 15,
    }),
    (3, |bits| Op::NewCallback {
        answers: (0..=bits.index(2, 4)).map(|_| bits.answer()).collect(),
        others: if bits.rare() { bits.answer() } else { S_OK },
    }),
    (8, |bits| Op::Prepare {
        ids: if bits.take(5) == 31 {
            None
        } else {
            let len = bits.index(3, 6);
            Some(
                (0..len)
                    .map(|_| {
                        if bits.take(4) == 15 {
                            bits.id()
                        } else {
                            Id::Known(bits.index(3, ALL_ITEMS.len()))
                        }
                    })
                    .collect(),
            )
        },
        count: u32::try_from(bits.take(2) % 3).unwrap_or(0) + 1,
        items: bits.items_fault(),
        fault: bits.fault(),
    }),
    (8, |bits| Op::Synchronize {
        faults: [(); 5].map(|()| bits.item_fault()),
    }),
    (10, |bits| Op::SetItemStatus {
        item: bits.optional_id(),
        status: bits.status(),
        fault: bits.fault(),
    }),
    (3, |_| Op::Wait),
    (2, |bits| Op::GetHandlerInfo {
        out_null: bits.rare(),
    }),
    (3, |bits| Op::EnumItems {
        out_null: bits.take(4) == 15,
        items: bits.items_fault(),
    }),
    (8, |bits| Op::Enumerator {
        which: bits.index(2, 4),
        op: bits.enum_op(),
    }),
    (2, |bits| Op::ShowProperties {
        item: bits.optional_id(),
        items: bits.items_fault(),
        fault: bits.fault(),
        change: bits.index(2, 3),
    }),
    (2, |bits| Op::ShowError {
        id: bits.optional_id(),
        fault: bits.fault(),
        retry: bits.index(2, 3),
    }),
    (1, |bits| Op::GetItemObject {
        item: bits.optional_id(),
        iid: bits.iid(),
        out_null: bits.rare(),
    }),
    (1, |_| Op::SameCallback),
    (1, |_| Op::NullCallback),
    (2, |bits| Op::QueryInterface {
        iid: bits.iid(),
        out_null: bits.rare(),
    }),
    (1, |_| Op::AddRef),
    (1, |_| Op::Release),
    (1, |_| Op::ReleaseOnThread),
    (3, |bits| Op::Factory(bits.factory_op())),
    (1, |_| Op::CanUnloadNow),
    (8, |bits| Op::Center(bits.center_op())),
];

/// The op a gene stands for: `kind` picks the variant by weight, `bits` its fields.
fn decode((kind, bits): (u8, u64)) -> Op {
    let total: u8 = KINDS.iter().map(|(weight, _)| weight).sum();
    let mut kind = kind % total;
    let mut bits = Bits(bits);
    for (weight, make) in KINDS {
        if kind < weight {
            return make(&mut bits);
        }
        kind -= weight;
    }
    unreachable!("kind < total")
}

/// A case: two coins and a sequence of genes, each decoded into an [`Op`]. Genes keep
/// generation cheap (a debug build spends its time running calls, not building value trees)
/// while proptest still shrinks the sequence and each gene toward zero, the plainest op.
fn case() -> impl Strategy<Value = Case> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec((any::<u8>(), any::<u64>()), 1..MAX_OPS),
    )
        .prop_map(|(via_factory, final_release_on_thread, genes)| Case {
            via_factory,
            final_release_on_thread,
            ops: genes.into_iter().map(decode).collect(),
        })
}

// ---------------------------------------------------------------------------------------------
// Counters for the report.

/// Vtable calls made into the runtime's objects, over all cases.
static CALLS: AtomicU64 = AtomicU64::new(0);

/// Nanoseconds spent running cases (the rest is generating and shrinking them).
static CASE_NANOS: AtomicU64 = AtomicU64::new(0);

fn counted<R>(f: impl FnOnce() -> R) -> R {
    CALLS.fetch_add(1, Ordering::Relaxed);
    f()
}

/// Syncs started, and those checked item by item (their callback stayed the same throughout
/// and their completion was seen before anything else could start).
static SYNCS: AtomicU64 = AtomicU64::new(0);
static SYNCS_CHECKED: AtomicU64 = AtomicU64::new(0);

/// Sync Center sessions run (each checked by the test kit's Sync Center and the model).
static CENTER_SYNCS: AtomicU64 = AtomicU64::new(0);

/// Faults injected, by kind, over all cases.
static FAULTS: Mutex<Option<HashMap<&'static str, u64>>> = Mutex::new(None);

fn count_fault(kind: &'static str) {
    let mut faults = FAULTS.lock().unwrap_or_else(PoisonError::into_inner);
    *faults
        .get_or_insert_with(HashMap::new)
        .entry(kind)
        .or_default() += 1;
}

/// `"{method} {kind}"`, interned.
fn leak_name(method: &'static str, kind: &'static str) -> &'static str {
    static NAMES: Mutex<Vec<(&str, &str, &str)>> = Mutex::new(Vec::new());
    let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, _, name)) = names.iter().find(|(m, k, _)| *m == method && *k == kind) {
        return name;
    }
    let name: &'static str = Box::leak(format!("{method} {kind}").into_boxed_str());
    names.push((method, kind, name));
    name
}

// ---------------------------------------------------------------------------------------------
// Raw calls.

/// The `IUnknown` slots of any interface pointer.
///
/// # Safety
/// `raw` is a live COM interface pointer.
unsafe fn unknown<'a>(raw: *mut c_void) -> &'a IUnknown_Vtbl {
    // SAFETY: every COM interface pointer points at a vtable that starts with IUnknown's slots.
    unsafe { &**raw.cast::<*const IUnknown_Vtbl>() }
}

/// A raw interface pointer that may cross threads (to be released there).
#[derive(Clone, Copy)]
struct Raw(*mut c_void);

// SAFETY: the runtime's objects are free-threaded; the test hands each reference to one thread.
unsafe impl Send for Raw {}

impl Raw {
    fn add_ref(self) -> u32 {
        // SAFETY: the test holds a reference to this live object.
        counted(|| unsafe { (unknown(self.0).AddRef)(self.0) })
    }

    fn release(self) -> u32 {
        // SAFETY: the test gives up one of its references to this live object.
        counted(|| unsafe { (unknown(self.0).Release)(self.0) })
    }

    /// `Release` on a new thread, joined.
    fn release_on_thread(self) -> u32 {
        std::thread::spawn(move || self.release())
            .join()
            .expect("Release does not panic")
    }

    /// `QueryInterface`; a returned interface is released again. Returns the HRESULT and
    /// whether an interface came back.
    fn query_interface(self, iid: Iid, out_null: bool) -> (HRESULT, Option<*mut c_void>) {
        let iid = iid.guid();
        let iid_ptr = iid.as_ref().map_or(core::ptr::null(), core::ptr::from_ref);
        let mut out = garbage();
        let out_ptr = if out_null {
            core::ptr::null_mut()
        } else {
            &raw mut out
        };
        // SAFETY: a live object; the pointers are null or valid for the call.
        let hr = counted(|| unsafe { (unknown(self.0).QueryInterface)(self.0, iid_ptr, out_ptr) });
        (hr, (!out_null).then_some(out))
    }
}

/// Polls `done` until it holds, yielding in between (the worker usually needs microseconds, so
/// sleeping would dominate the run); panics after `support::TIMEOUT`.
fn spin_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + support::TIMEOUT;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::yield_now();
    }
}

/// Waits until no worker thread runs: every completion a finished session sends is in.
fn wait_for_workers() {
    spin_until("the worker to exit", || syncmgr::running_workers() == 0);
}

/// A non-null pointer no callee may return: out-pointers start with it, so a failed call that
/// did not null its out-pointer is seen.
fn garbage() -> *mut c_void {
    core::ptr::dangling_mut::<u64>().cast()
}

// ---------------------------------------------------------------------------------------------
// The model.

/// Where the handler is in the protocol, as the model knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Uninitialized,
    Declined,
    Ready,
    Prepared,
    /// `Synchronize` started the worker, which may have finished since.
    Synchronizing,
}

/// One live enumerator the test holds.
struct Enumerator {
    raw: Raw,
    refs: u32,
    items: Vec<GUID>,
    position: usize,
}

/// One callback the test made.
struct Callback {
    interface: abi::ISyncMgrSynchronizeCallback,
    recorder: Arc<Recorder>,
    answers: Vec<HRESULT>,
    /// Events already looked at by the per-step checks.
    seen: usize,
    /// The event count when a worker that may still run lost this callback: at most one call
    /// (one in flight) may follow.
    replaced_at: Option<usize>,
}

/// One `Synchronize` that returned `S_OK`.
struct SyncRun {
    /// The callback the handler held throughout, or `None` if it changed during the sync.
    callback: Option<usize>,
    /// The callback's event count before `Synchronize`.
    start: usize,
    session: Vec<GUID>,
    faults: [ItemFault; 5],
    /// The callback's events already searched for the `SynchronizeCompleted`.
    scanned: usize,
    checked: bool,
}

struct Harness {
    object: Raw,
    refs: u32,
    factory: Raw,
    factory_refs: u32,
    locks: usize,
    phase: Phase,
    /// Items of the current (or last) session, deduplicated, in order.
    session: Vec<GUID>,
    /// May-delete flags of the session's items.
    deletable: Vec<GUID>,
    callbacks: Vec<Callback>,
    /// The callback the handler holds.
    held: Option<usize>,
    enumerators: Vec<Enumerator>,
    syncs: Vec<SyncRun>,
    /// No worker may be running (none started, or the last one was seen to finish).
    quiet: bool,
    /// The Sync Center states of the handler class.
    center: center::CenterModel,
}

type Check = core::result::Result<(), TestCaseError>;

macro_rules! check {
    ($cond:expr, $($fmt:tt)+) => {
        if !$cond {
            return Err(TestCaseError::fail(format!($($fmt)+)));
        }
    };
}

/// Checks `hr`, the answer of `method`, against its documented results (`allowed`, plus
/// `extra`, the failure code of the handler's injected error) and against the model's
/// `expected` answers.
fn check_answer(
    method: impl core::fmt::Debug,
    allowed: &[HRESULT],
    hr: HRESULT,
    expected: &[HRESULT],
    extra: &[HRESULT],
) -> Check {
    check!(
        allowed.contains(&hr) || extra.contains(&hr),
        "{method:?} returned the undocumented {hr:?}"
    );
    check!(
        expected.contains(&hr),
        "{method:?} returned {hr:?}, the model expected one of {expected:?}"
    );
    Ok(())
}

/// The catalog `items()` makes under `fault`, or the HRESULT its failure becomes.
fn catalog(fault: ItemsFault) -> core::result::Result<(Vec<GUID>, bool), HRESULT> {
    match fault {
        ItemsFault::Ok {
            runtime,
            incomplete,
        } => Ok((ALL_ITEMS[..3 + runtime].to_vec(), incomplete)),
        ItemsFault::Duplicate => Err(E_UNEXPECTED),
        ItemsFault::Fail(Fault::Ok) => Ok((ALL_ITEMS[..3].to_vec(), false)),
        ItemsFault::Fail(fault) => Err(fault.code()),
    }
}

/// The `SetItemStatus` answer while a session is open.
fn set_item_status_answer(
    session: &[GUID],
    deletable: &[GUID],
    item: Option<GUID>,
    raw: u32,
    fault: Fault,
) -> HRESULT {
    let Some(item) = item else {
        return E_INVALIDARG;
    };
    let status = SyncStatus::try_from(raw).ok();
    if item == GUID::zeroed() {
        return if status == Some(SyncStatus::Stopped) {
            S_OK
        } else {
            E_INVALIDARG
        };
    }
    if !session.contains(&item) {
        return E_INVALIDARG;
    }
    let Some(status) = status else {
        return E_INVALIDARG;
    };
    match status {
        // The runtime acts; the method is told afterwards and its failure is only logged.
        SyncStatus::Skipped | SyncStatus::Stopped | SyncStatus::Paused | SyncStatus::Resuming => {
            S_OK
        }
        SyncStatus::Deleted if !deletable.contains(&item) => E_INVALIDARG,
        SyncStatus::Deleted => match fault {
            Fault::Ok => S_OK,
            fault => fault.code(),
        },
        // Requests only a method takes; Chaos has none for them.
        _ => E_INVALIDARG,
    }
}

impl Harness {
    fn new(via_factory: bool) -> core::result::Result<Self, TestCaseError> {
        let factory = syncmgr::server::class_factory(&syncmgr::server::ClassEntry::of::<Chaos>());
        let factory = Raw(factory.into_raw());
        let object = if via_factory {
            let mut out = garbage();
            // SAFETY: a live class factory; `out` is writable.
            let hr = counted(|| unsafe {
                (IClassFactory::from_raw_borrowed(&factory.0)
                    .expect("non-null")
                    .vtable()
                    .CreateInstance)(
                    factory.0,
                    core::ptr::null_mut(),
                    &ISyncMgrSynchronize::IID,
                    &raw mut out,
                )
            });
            check!(hr == S_OK, "CreateInstance answered {hr:?}");
            Raw(out)
        } else {
            Raw(syncmgr::create(Chaos).into_raw())
        };
        let center = center::CenterModel::reset(object)?;
        Ok(Self {
            object,
            refs: 1,
            factory,
            factory_refs: 1,
            locks: 0,
            phase: Phase::Uninitialized,
            session: Vec::new(),
            deletable: Vec::new(),
            callbacks: Vec::new(),
            held: None,
            enumerators: Vec::new(),
            syncs: Vec::new(),
            quiet: true,
            center,
        })
    }

    fn sync(&self) -> &ISyncMgrSynchronize {
        // SAFETY: the test holds a reference to the handler while the harness lives.
        unsafe { ISyncMgrSynchronize::from_raw_borrowed(&self.object.0) }.expect("non-null")
    }

    /// Checks `hr` against the method's documented answers (plus `extra`, the failure code of
    /// the handler's injected error) and against the model's `expected` answers.
    fn answer(method: Method, hr: HRESULT, expected: &[HRESULT], extra: &[HRESULT]) -> Check {
        check_answer(method, allowed(method), hr, expected, extra)
    }

    /// The callback currently held, with its new events since the last step.
    fn new_events(&mut self) -> Vec<Event> {
        let Some(index) = self.held else {
            return Vec::new();
        };
        let callback = &mut self.callbacks[index];
        let events = callback.recorder.events_since(callback.seen);
        callback.seen += events.len();
        events
    }

    /// Catches up the held callback's `seen` mark past events no step checks (the worker's are
    /// checked per sync).
    fn skip_events(&mut self) {
        if let Some(index) = self.held {
            let callback = &mut self.callbacks[index];
            callback.seen = callback.recorder.event_count();
        }
    }

    /// After a synchronous call that may complete: exactly `expected` completion events of the
    /// kind `pick` finds, each with one of `codes`, when a callback is held.
    fn completions(
        &mut self,
        method: Method,
        pick: impl Fn(&Event) -> Option<HRESULT>,
        expected: Option<&[HRESULT]>,
        panicked: bool,
    ) -> Check {
        let held = self.held.is_some();
        let events = self.new_events();
        let found: Vec<HRESULT> = events.iter().filter_map(pick).collect();
        match expected {
            Some(codes) if held => check!(
                found.len() == 1 && codes.contains(&found[0]),
                "{method:?}: expected one completion with one of {codes:?}, got {found:?}"
            ),
            _ => check!(
                found.is_empty(),
                "{method:?}: expected no completion, got {found:?}"
            ),
        }
        if panicked && held {
            check!(
                events.iter().any(|event| event
                    .log_text()
                    .is_some_and(|text| text.contains("panicked"))),
                "{method:?}: a contained panic was not logged: {events:#?}"
            );
        }
        Ok(())
    }

    /// The handler was told to drop the callback it held (`SetProgressCallback` returned):
    /// remember where, for the "at most one call in flight" check, or forbid any further call
    /// outright when no worker can run.
    fn losing_callback(&mut self) {
        if let Some(index) = self.held {
            let callback = &mut self.callbacks[index];
            if self.quiet {
                callback.recorder.forbid_calls();
            } else {
                callback.replaced_at = Some(callback.recorder.event_count());
            }
        }
        if !self.quiet
            && let Some(run) = self.syncs.last_mut()
            && !run.checked
        {
            run.callback = None;
        }
    }

    /// Per-step invariants that need no prediction, on the held callback and the last one
    /// made (every callback is checked again at the end of the case).
    fn invariants(&self) -> Check {
        let last = self.callbacks.len().checked_sub(1);
        for index in self.held.into_iter().chain(last) {
            let callback = &self.callbacks[index];
            let violations = callback.recorder.violations();
            check!(
                violations.is_empty(),
                "callback {index}: violations {violations:#?}"
            );
            if self.quiet {
                // The worker that sent the last completion may still hold the handler's `Arc`
                // of the callback for an instant after the call returned (the runtime releases
                // a replaced callback when its last in-flight call is over): wait, bounded.
                let refs = if self.held == Some(index) { 2 } else { 1 };
                callback.recorder.wait_refs(refs);
            }
        }
        Ok(())
    }

    /// Whether the last sync's `SynchronizeCompleted` arrived (on a callback held throughout);
    /// if so, the sync is checked and the model knows the worker finished.
    fn observe_completion(&mut self) -> Check {
        let Some(run) = self.syncs.last_mut() else {
            return Ok(());
        };
        let (Some(index), false) = (run.callback, run.checked) else {
            return Ok(());
        };
        let events = self.callbacks[index].recorder.events_since(run.scanned);
        run.scanned += events.len();
        if events
            .iter()
            .any(|event| matches!(event, Event::SynchronizeCompleted(_)))
        {
            if self.phase == Phase::Synchronizing {
                self.phase = Phase::Ready;
            }
            self.check_syncs()?;
        }
        Ok(())
    }

    /// Resolves an uncertain `Synchronizing` once an answer showed the session had ended.
    ///
    /// The worker closes the session before it sends `SynchronizeCompleted`, so the completion
    /// may still be on its way, to whichever callback is held by then. Waiting for the worker
    /// to exit keeps it from landing among the next session's calls and passing for theirs.
    fn worker_finished(&mut self) -> Check {
        if self.phase != Phase::Synchronizing {
            return Ok(());
        }
        self.phase = Phase::Ready;
        wait_for_workers();
        self.check_syncs()
    }

    /// Waits until the worker finished, then for its completion and for the callbacks'
    /// reference counts to settle, and checks the sync.
    fn wait(&mut self) -> Check {
        if self.phase != Phase::Synchronizing {
            return Ok(());
        }
        // A paused item holds the worker: the Sync Manager resumes what it paused before it
        // waits for the end.
        set_plan(|plan| plan.status = Fault::Ok);
        for item in self.session.clone() {
            let hr = counted(|| {
                support::set_item_status(self.sync(), Some(&item), SyncStatus::Resuming.to_u32())
            });
            check!(
                hr == S_OK || hr == E_UNEXPECTED,
                "SetItemStatus(RESUMING) before the wait answered {hr:?}"
            );
        }
        // The worker ends its session before it exits.
        wait_for_workers();
        self.phase = Phase::Ready;
        let Some(run) = self.syncs.last() else {
            return Ok(());
        };
        if let Some(index) = run.callback {
            let recorder = &self.callbacks[index].recorder;
            recorder.wait_for("SynchronizeCompleted", |events| {
                events[run.start.min(events.len())..]
                    .iter()
                    .any(|event| matches!(event, Event::SynchronizeCompleted(_)))
            });
            recorder.wait_refs(2);
            self.quiet = true;
            self.check_syncs()?;
        }
        Ok(())
    }

    /// Checks every finished sync whose callback stayed the same throughout.
    fn check_syncs(&mut self) -> Check {
        for run in &mut self.syncs {
            if run.checked {
                continue;
            }
            let Some(index) = run.callback else {
                run.checked = true;
                continue;
            };
            let callback = &self.callbacks[index];
            let events = callback.recorder.events();
            let Some(end) = events[run.start..]
                .iter()
                .position(|event| matches!(event, Event::SynchronizeCompleted(_)))
                .map(|offset| run.start + offset)
            else {
                continue;
            };
            run.checked = true;
            SYNCS_CHECKED.fetch_add(1, Ordering::Relaxed);
            check_sync(run, &events, end, &callback.answers)?;
        }
        Ok(())
    }
}

/// Checks one sync's events (`events[run.start..end]`, `end` its `SynchronizeCompleted`).
fn check_sync(run: &SyncRun, events: &[Event], end: usize, answers: &[HRESULT]) -> Check {
    let mut progress_index = events[..run.start]
        .iter()
        .filter(|event| matches!(event, Event::Progress(..)))
        .count();
    let mut finals: HashMap<GUID, Vec<u32>> = HashMap::new();
    let mut after_final: Vec<GUID> = Vec::new();
    let mut cancelled_item: Vec<GUID> = Vec::new();
    let mut cancel_all = false;
    let mut stopped_before: Vec<GUID> = Vec::new();
    for event in &events[run.start..end] {
        let Event::Progress(item, progress) = event else {
            continue;
        };
        let status = progress.as_ref().and_then(|progress| progress.status);
        let answer = answers[progress_index % answers.len()];
        progress_index += 1;
        check!(
            run.session.contains(item),
            "Progress for {item:?}, which is not in the session {:?}",
            run.session
        );
        let status = status.unwrap_or(u32::MAX);
        if finals.contains_key(item) {
            after_final.push(*item);
        }
        if is_final(status) {
            finals.entry(*item).or_default().push(status);
            if cancel_all {
                stopped_before.push(*item);
            }
        } else if answer == abi::S_SYNCMGR_CANCELITEM {
            cancelled_item.push(*item);
        } else if answer == abi::S_SYNCMGR_CANCELALL {
            cancel_all = true;
        }
    }
    check!(
        after_final.is_empty(),
        "Progress after the final status of {after_final:?}"
    );
    let mut failed = false;
    for (position, id) in run.session.iter().enumerate() {
        let statuses = finals.get(id).cloned().unwrap_or_default();
        check!(
            statuses.len() == 1,
            "item {id:?} (session position {position}) ended with {statuses:?}"
        );
        let status = statuses[0];
        failed |= status == support::FAILED;
        let fault = run.faults[ALL_ITEMS.iter().position(|known| known == id).unwrap_or(0)];
        let uncancelled = if fault.cancelled {
            support::SKIPPED
        } else if fault.end == Fault::Ok {
            support::SUCCEEDED
        } else {
            support::FAILED
        };
        let cancelled = cancelled_item.contains(id) || stopped_before.contains(id);
        check!(
            status == support::SKIPPED
                || status == support::STOPPED
                || (!cancelled && status == uncancelled),
            "item {id:?} ended {status}; its script ({fault:?}) says {uncancelled}, \
             cancelled by Progress: {cancelled}"
        );
    }
    let completed = match &events[end] {
        Event::SynchronizeCompleted(hr) => *hr,
        _ => unreachable!("end is a SynchronizeCompleted"),
    };
    let expected = if failed { E_FAIL } else { S_OK };
    check!(
        completed == expected,
        "SynchronizeCompleted({completed:?}), expected {expected:?} (an item failed: {failed})"
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// One step.

impl Harness {
    #[allow(clippy::too_many_lines)] // one arm per call
    fn step(&mut self, op: &Op) -> Check {
        self.observe_completion()?;
        match op {
            Op::QueryInterface { iid, out_null } => {
                let (hr, got) = self.object.query_interface(*iid, *out_null);
                let expected = match (out_null, iid) {
                    (true, _) => E_POINTER,
                    (_, Iid::Null) => E_INVALIDARG,
                    (_, Iid::Unknown | Iid::Synchronize | Iid::Handler) => S_OK,
                    _ => E_NOINTERFACE,
                };
                Self::answer(Method::QueryInterface, hr, &[expected], &[])?;
                // A facet is another pointer to the same object: its `IUnknown` is the object.
                let identity = got.filter(|_| hr == S_OK).map(|out| {
                    let (hr, unknown) = Raw(out).query_interface(Iid::Unknown, false);
                    let unknown = unknown.filter(|_| hr == S_OK);
                    if let Some(unknown) = unknown {
                        Raw(unknown).release();
                    }
                    unknown
                });
                check!(
                    got.is_none_or(|out| (hr == S_OK) != out.is_null())
                        && identity.is_none_or(|unknown| unknown == Some(self.object.0)),
                    "QueryInterface out-pointer {got:?} with {hr:?}, identity {identity:?}"
                );
                if let (S_OK, Some(out)) = (hr, got) {
                    check!(Raw(out).release() == self.refs, "QI added one reference");
                }
            }
            Op::AddRef => {
                self.refs += 1;
                let refs = self.object.add_ref();
                check!(
                    refs == self.refs,
                    "AddRef returned {refs}, not {}",
                    self.refs
                );
            }
            Op::Release => {
                if self.refs > 1 {
                    self.refs -= 1;
                    let refs = self.object.release();
                    check!(
                        refs == self.refs,
                        "Release returned {refs}, not {}",
                        self.refs
                    );
                }
            }
            Op::ReleaseOnThread => {
                check!(self.object.add_ref() == self.refs + 1, "AddRef");
                let refs = self.object.release_on_thread();
                check!(
                    refs == self.refs,
                    "Release on another thread returned {refs}"
                );
            }
            Op::Initialize {
                flags,
                cookie,
                fault,
                decline,
            } => {
                set_plan(|plan| {
                    plan.initialize = *fault;
                    plan.decline = *decline;
                });
                let before = INITIALIZE_CALLS.load(Ordering::Relaxed);
                let hr = counted(|| match cookie {
                    Cookie::Bytes(bytes) => support::initialize(self.sync(), *flags, bytes),
                    Cookie::NullWithLength(len) => {
                        support::initialize_null_cookie(self.sync(), *flags, *len)
                    }
                });
                let ran = INITIALIZE_CALLS.load(Ordering::Relaxed) != before;
                let (answer, phase) = match fault {
                    Fault::Ok if *decline => (S_FALSE, Phase::Declined),
                    Fault::Ok => (S_OK, Phase::Ready),
                    fault => (fault.code(), Phase::Uninitialized),
                };
                // A null cookie is refused first; an open session refuses `Initialize`; a
                // running worker may or may not have ended.
                let must_run = matches!(cookie, Cookie::Bytes(_))
                    && !matches!(self.phase, Phase::Prepared | Phase::Synchronizing);
                let may_run = matches!(cookie, Cookie::Bytes(_)) && self.phase != Phase::Prepared;
                check!(
                    ran == must_run || (ran && may_run),
                    "Initialize ran the handler: {ran}, in {:?}",
                    self.phase
                );
                let expected = match (ran, cookie) {
                    (true, _) => answer,
                    (false, Cookie::NullWithLength(_)) => E_INVALIDARG,
                    (false, Cookie::Bytes(_)) => E_UNEXPECTED,
                };
                Self::answer(Method::Initialize, hr, &[expected], &[fault.code()])?;
                if ran {
                    self.worker_finished()?;
                    self.phase = phase;
                }
                self.completions(
                    Method::Initialize,
                    |_| None,
                    None,
                    ran && *fault == Fault::Panic,
                )?;
            }
            Op::GetHandlerInfo { out_null } => {
                let mut info: *mut abi::SYNCMGRHANDLERINFO = garbage().cast();
                let hr = counted(|| {
                    support::get_handler_info(self.sync(), (!out_null).then_some(&mut info))
                });
                let expected = match (out_null, self.phase) {
                    (true, _) => E_POINTER,
                    (_, Phase::Uninitialized | Phase::Declined) => E_UNEXPECTED,
                    _ => S_OK,
                };
                Self::answer(Method::GetHandlerInfo, hr, &[expected], &[])?;
                if !out_null {
                    check!(
                        (hr == S_OK) != info.is_null(),
                        "GetHandlerInfo out-pointer {info:?} with {hr:?}"
                    );
                }
                if hr == S_OK {
                    // SAFETY: a successful GetHandlerInfo hands out a task allocation.
                    let size = unsafe { (*info).cbSize };
                    check!(
                        size as usize == size_of::<abi::SYNCMGRHANDLERINFO>(),
                        "cbSize {size}"
                    );
                    // SAFETY: the caller owns and frees the allocation.
                    unsafe { syncmgr::memory::co_task_mem_free(info.cast()) };
                }
            }
            Op::EnumItems { out_null, items } => {
                set_plan(|plan| plan.items = *items);
                let mut out = garbage();
                let hr =
                    counted(|| support::enum_items(self.sync(), (!out_null).then_some(&mut out)));
                let initialized = !matches!(self.phase, Phase::Uninitialized | Phase::Declined);
                let expected = match (out_null, initialized, catalog(*items)) {
                    (true, _, _) => E_POINTER,
                    (_, false, _) => E_UNEXPECTED,
                    (_, _, Ok((_, true))) => abi::S_SYNCMGR_MISSINGITEMS,
                    (_, _, Ok((_, false))) => S_OK,
                    (_, _, Err(hr)) => hr,
                };
                let extra = catalog(*items).err().unwrap_or(S_OK);
                Self::answer(Method::EnumSyncMgrItems, hr, &[expected], &[extra])?;
                let panicked = !out_null && initialized && *items == ItemsFault::Fail(Fault::Panic);
                if !out_null {
                    check!(
                        hr.is_ok() != out.is_null(),
                        "EnumSyncMgrItems out-pointer {out:?} with {hr:?}"
                    );
                }
                if hr.is_ok() {
                    let (items, _) = catalog(*items).unwrap_or_default();
                    self.enumerators.push(Enumerator {
                        raw: Raw(out),
                        refs: 1,
                        items,
                        position: 0,
                    });
                }
                self.completions(Method::EnumSyncMgrItems, |_| None, None, panicked)?;
            }
            Op::GetItemObject {
                item,
                iid,
                out_null,
            } => {
                let item = item.map(Id::guid);
                let iid = iid.guid();
                let mut out = garbage();
                let out_ptr = if *out_null {
                    core::ptr::null_mut()
                } else {
                    &raw mut out
                };
                // SAFETY: a live handler; every pointer is null or valid for the call.
                let hr = counted(|| unsafe {
                    (self.sync().vtable().GetItemObject)(
                        self.object.0,
                        item.as_ref().map_or(core::ptr::null(), core::ptr::from_ref),
                        iid.as_ref().map_or(core::ptr::null(), core::ptr::from_ref),
                        out_ptr,
                    )
                });
                let expected = if *out_null { E_POINTER } else { E_NOTIMPL };
                Self::answer(Method::GetItemObject, hr, &[expected], &[])?;
                check!(*out_null || out.is_null(), "GetItemObject left *ppv set");
            }
            Op::ShowProperties {
                item,
                items,
                fault,
                change,
            } => {
                set_plan(|plan| {
                    plan.items = *items;
                    plan.properties = *fault;
                    plan.properties_change = *change;
                });
                let item = item.map(Id::guid);
                let hr = counted(|| support::show_properties(self.sync(), item.as_ref()));
                let initialized = !matches!(self.phase, Phase::Uninitialized | Phase::Declined);
                let mut panicked = false;
                let mut completes = false;
                let expected = match item {
                    None => E_INVALIDARG,
                    Some(_) if !initialized => E_UNEXPECTED,
                    Some(id) => {
                        let listed = if id == GUID::zeroed() {
                            Ok(true)
                        } else {
                            panicked = *items == ItemsFault::Fail(Fault::Panic);
                            catalog(*items).map(|(ids, _)| ids.contains(&id))
                        };
                        match listed {
                            Err(hr) => hr,
                            Ok(false) => E_INVALIDARG,
                            Ok(true) => {
                                panicked = *fault == Fault::Panic;
                                completes = *fault == Fault::Ok;
                                fault.code()
                            }
                        }
                    }
                };
                let extra = [fault.code(), catalog(*items).err().unwrap_or(S_OK)];
                Self::answer(Method::ShowProperties, hr, &[expected], &extra)?;
                let code = [S_OK, abi::S_SYNCMGR_ITEMDELETED, abi::S_SYNCMGR_ENUMITEMS][*change];
                self.completions(
                    Method::ShowProperties,
                    |event| match event {
                        Event::ShowPropertiesCompleted(hr) => Some(*hr),
                        _ => None,
                    },
                    completes.then_some(&[code][..]),
                    panicked,
                )?;
            }
            Op::NewCallback { answers, others } => {
                let (interface, recorder) = support::callback();
                let answers = answers.clone();
                let pattern = answers.clone();
                let next = AtomicU64::new(0);
                recorder.answer_progress(move |_| {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let answer = pattern[usize::try_from(n).unwrap_or(0) % pattern.len()];
                    match answer {
                        S_OK => {}
                        abi::S_SYNCMGR_CANCELITEM => count_fault("Progress answered CANCELITEM"),
                        abi::S_SYNCMGR_CANCELALL => count_fault("Progress answered CANCELALL"),
                        _ => count_fault("Progress answered another HRESULT"),
                    }
                    answer
                });
                recorder.answer_others(*others);
                if *others != S_OK {
                    count_fault("callbacks whose other methods answer != S_OK");
                }
                let hr = counted(|| support::set_callback(self.sync(), Some(&interface)));
                self.losing_callback();
                Self::answer(Method::SetProgressCallback, hr, &[S_OK], &[])?;
                self.callbacks.push(Callback {
                    interface,
                    recorder,
                    answers,
                    seen: 0,
                    replaced_at: None,
                });
                self.held = Some(self.callbacks.len() - 1);
            }
            Op::SameCallback => {
                let held = self
                    .held
                    .map(|index| self.callbacks[index].interface.clone());
                let hr = counted(|| support::set_callback(self.sync(), held.as_ref()));
                Self::answer(Method::SetProgressCallback, hr, &[S_OK], &[])?;
            }
            Op::NullCallback => {
                if !self.quiet && self.held.is_some() {
                    count_fault("SetProgressCallback(NULL) during a sync");
                }
                let hr = counted(|| support::set_callback(self.sync(), None));
                self.losing_callback();
                Self::answer(Method::SetProgressCallback, hr, &[S_OK], &[])?;
                self.held = None;
            }
            Op::Prepare {
                ids,
                count,
                items,
                fault,
            } => {
                set_plan(|plan| {
                    plan.items = *items;
                    plan.prepare = *fault;
                });
                let guids: Option<Vec<GUID>> = ids
                    .as_ref()
                    .map(|ids| ids.iter().map(|id| id.guid()).collect());
                let before = ITEMS_CALLS.load(Ordering::Relaxed);
                let hr = counted(|| match &guids {
                    Some(guids) => support::prepare(self.sync(), guids),
                    None => support::prepare_null(self.sync(), *count),
                });
                // Whether the call got past the pointer, callback and phase checks (the
                // catalog is the first handler code it runs).
                let ran = ITEMS_CALLS.load(Ordering::Relaxed) != before;
                let must_run = guids.is_some() && self.held.is_some() && self.phase == Phase::Ready;
                let may_run = guids.is_some()
                    && self.held.is_some()
                    && matches!(self.phase, Phase::Ready | Phase::Synchronizing);
                check!(
                    ran == must_run || (ran && may_run),
                    "PrepareForSync ran: {ran}, in {:?} (callback: {})",
                    self.phase,
                    self.held.is_some()
                );
                // The session it opens, or the failure.
                let session: core::result::Result<Vec<GUID>, HRESULT> =
                    catalog(*items).and_then(|(owned, _)| {
                        let mut session = Vec::new();
                        for id in guids.iter().flatten() {
                            if !owned.contains(id) {
                                return Err(E_INVALIDARG);
                            }
                            if !session.contains(id) {
                                session.push(*id);
                            }
                        }
                        Ok(session)
                    });
                let expected = match (&guids, ran, &session) {
                    (None, ..) => E_INVALIDARG,
                    (_, false, _) => E_UNEXPECTED,
                    (_, true, Err(hr)) => *hr,
                    (_, true, Ok(_)) if *fault == Fault::Panic => E_UNEXPECTED,
                    (_, true, Ok(_)) => S_OK,
                };
                let extra = catalog(*items).err().unwrap_or(S_OK);
                Self::answer(Method::PrepareForSync, hr, &[expected], &[extra])?;
                let mut completion = None;
                let mut panicked = false;
                if ran {
                    self.worker_finished()?;
                    panicked = *items == ItemsFault::Fail(Fault::Panic);
                    if let Ok(session) = session {
                        panicked = *fault == Fault::Panic;
                        match fault {
                            Fault::Ok => {
                                self.phase = Phase::Prepared;
                                let owned = catalog(*items).map(|(ids, _)| ids).unwrap_or_default();
                                self.deletable = [BETA, RUNTIME[1]]
                                    .into_iter()
                                    .filter(|id| owned.contains(id))
                                    .collect();
                                self.session = session;
                                completion = Some(S_OK);
                            }
                            Fault::Err(_) => completion = Some(fault.code()),
                            Fault::Panic => {}
                        }
                    }
                }
                let codes = completion.map(|code| [code]);
                self.completions(
                    Method::PrepareForSync,
                    |event| match event {
                        Event::PrepareForSyncCompleted(hr) => Some(*hr),
                        _ => None,
                    },
                    codes.as_ref().map(|codes| &codes[..]),
                    panicked,
                )?;
            }
            Op::Synchronize { faults } => {
                let start = self
                    .held
                    .map(|index| self.callbacks[index].recorder.event_count());
                if self.phase == Phase::Prepared && self.held.is_some() {
                    set_plan(|plan| plan.sync = *faults);
                }
                let hr = counted(|| support::synchronize(self.sync()));
                let expected = if self.phase == Phase::Prepared && self.held.is_some() {
                    S_OK
                } else {
                    E_UNEXPECTED
                };
                Self::answer(Method::Synchronize, hr, &[expected], &[])?;
                if hr == S_OK {
                    SYNCS.fetch_add(1, Ordering::Relaxed);
                    self.phase = Phase::Synchronizing;
                    self.quiet = false;
                    self.syncs.push(SyncRun {
                        callback: self.held,
                        start: start.unwrap_or(0),
                        session: self.session.clone(),
                        faults: *faults,
                        scanned: start.unwrap_or(0),
                        checked: false,
                    });
                }
                self.skip_events();
            }
            Op::SetItemStatus {
                item,
                status,
                fault,
            } => {
                set_plan(|plan| plan.status = *fault);
                let item = item.map(Id::guid);
                let hr = counted(|| support::set_item_status(self.sync(), item.as_ref(), *status));
                let open =
                    set_item_status_answer(&self.session, &self.deletable, item, *status, *fault);
                let expected = match self.phase {
                    Phase::Prepared => vec![open],
                    Phase::Synchronizing => vec![open, E_UNEXPECTED],
                    _ => vec![E_UNEXPECTED],
                };
                Self::answer(Method::SetItemStatus, hr, &expected, &[fault.code()])?;
                if self.phase == Phase::Synchronizing && hr == E_UNEXPECTED && open != E_UNEXPECTED
                {
                    self.worker_finished()?;
                }
            }
            Op::ShowError { id, fault, retry } => {
                set_plan(|plan| {
                    plan.error = *fault;
                    plan.error_retry = *retry;
                });
                let id = id.map(Id::guid);
                let hr = counted(|| support::show_error(self.sync(), id.as_ref()));
                let initialized = !matches!(self.phase, Phase::Uninitialized | Phase::Declined);
                let runs = id.is_some() && initialized;
                let expected = match (id, initialized) {
                    (None, _) => E_INVALIDARG,
                    (_, false) => E_UNEXPECTED,
                    _ => fault.code(),
                };
                Self::answer(Method::ShowError, hr, &[expected], &[fault.code()])?;
                let code = if *retry == 0 {
                    S_OK
                } else {
                    abi::S_SYNCMGR_RETRYSYNC
                };
                let want = runs && *fault == Fault::Ok;
                let held = self.held.is_some();
                let events = self.new_events();
                let found: Vec<&Event> = events
                    .iter()
                    .filter(|event| matches!(event, Event::ShowErrorCompleted(..)))
                    .collect();
                if want && held {
                    check!(
                        found.len() == 1
                            && matches!(found[0], Event::ShowErrorCompleted(hr, items)
                                if *hr == code && items.len() == *retry),
                        "ShowError: expected one ShowErrorCompleted({code:?}), got {found:?}"
                    );
                } else {
                    check!(found.is_empty(), "ShowError: unexpected {found:?}");
                }
            }
            Op::Wait => self.wait()?,
            Op::Enumerator { which, op } => self.enumerator_step(*which, *op)?,
            Op::Factory(op) => self.factory_step(*op)?,
            Op::Center(op) => self.center_step(op)?,
            Op::CanUnloadNow => {
                check!(
                    syncmgr::server::can_unload_now() == S_FALSE,
                    "DllCanUnloadNow must be S_FALSE while the handler is alive"
                );
            }
        }
        // The worker's events are checked per sync, not per step.
        self.skip_events();
        self.invariants()
    }

    #[allow(clippy::too_many_lines)] // one arm per call
    fn enumerator_step(&mut self, which: usize, op: EnumOp) -> Check {
        if self.enumerators.is_empty() {
            return Ok(());
        }
        let index = which % self.enumerators.len();
        let enumerator = &mut self.enumerators[index];
        let raw = enumerator.raw;
        // SAFETY: the test holds a reference to this enumerator.
        let interface = unsafe { ISyncMgrEnumItems::from_raw_borrowed(&raw.0) }.expect("non-null");
        match op {
            EnumOp::Next {
                celt,
                rgelt_null,
                fetched_null,
            } => {
                let mut out = vec![abi::SYNCMGRITEM::default(); celt as usize];
                let mut fetched = u32::MAX;
                let rgelt = if rgelt_null {
                    core::ptr::null_mut()
                } else {
                    out.as_mut_ptr()
                };
                let fetched_ptr = if fetched_null {
                    core::ptr::null_mut()
                } else {
                    &raw mut fetched
                };
                // SAFETY: a live enumerator; `rgelt` is null or has room for `celt` items and
                // `fetched_ptr` is null or writable.
                let hr = counted(|| unsafe {
                    (interface.vtable().Next)(raw.0, celt, rgelt, fetched_ptr)
                });
                let left = enumerator.items.len() - enumerator.position;
                let count = (celt as usize).min(left);
                let expected = if (celt > 0 && rgelt_null) || (fetched_null && celt != 1) {
                    E_POINTER
                } else if count == celt as usize {
                    S_OK
                } else {
                    S_FALSE
                };
                Self::answer(Method::Next, hr, &[expected], &[])?;
                if hr.is_ok() {
                    let got: Vec<GUID> = out[..count].iter().map(|item| item.ItemID).collect();
                    let want = &enumerator.items[enumerator.position..enumerator.position + count];
                    check!(got == want, "Next gave {got:?}, expected {want:?}");
                    check!(
                        fetched_null || fetched as usize == count,
                        "Next: *pceltFetched {fetched}, expected {count}"
                    );
                    enumerator.position += count;
                } else {
                    check!(
                        fetched_null || fetched == 0,
                        "Next failed with *pceltFetched {fetched}"
                    );
                }
            }
            EnumOp::Skip(celt) => {
                // SAFETY: a live enumerator.
                let hr = counted(|| unsafe { (interface.vtable().Skip)(raw.0, celt) });
                let count = (celt as usize).min(enumerator.items.len() - enumerator.position);
                let expected = if count == celt as usize {
                    S_OK
                } else {
                    S_FALSE
                };
                Self::answer(Method::Skip, hr, &[expected], &[])?;
                enumerator.position += count;
            }
            EnumOp::Reset => {
                // SAFETY: a live enumerator.
                let hr = counted(|| unsafe { (interface.vtable().Reset)(raw.0) });
                Self::answer(Method::Reset, hr, &[S_OK], &[])?;
                enumerator.position = 0;
            }
            EnumOp::Clone { out_null } => {
                let mut out = garbage();
                let out_ptr = if out_null {
                    core::ptr::null_mut()
                } else {
                    &raw mut out
                };
                // SAFETY: a live enumerator; `out_ptr` is null or writable.
                let hr = counted(|| unsafe { (interface.vtable().Clone)(raw.0, out_ptr) });
                let expected = if out_null { E_POINTER } else { S_OK };
                Self::answer(Method::Clone, hr, &[expected], &[])?;
                if hr == S_OK {
                    let copy = Enumerator {
                        raw: Raw(out),
                        refs: 1,
                        items: enumerator.items.clone(),
                        position: enumerator.position,
                    };
                    self.enumerators.push(copy);
                }
            }
            EnumOp::QueryInterface { iid, out_null } => {
                let (hr, got) = raw.query_interface(iid, out_null);
                let expected = match (out_null, iid) {
                    (true, _) => E_POINTER,
                    (_, Iid::Null) => E_INVALIDARG,
                    (_, Iid::Unknown | Iid::EnumItems) => S_OK,
                    _ => E_NOINTERFACE,
                };
                Self::answer(Method::QueryInterface, hr, &[expected], &[])?;
                check!(
                    got.is_none_or(|out| (hr == S_OK) == (out == raw.0)),
                    "QueryInterface out-pointer {got:?} with {hr:?}"
                );
                if hr == S_OK {
                    check!(raw.release() == enumerator.refs, "QI added one reference");
                }
            }
            EnumOp::AddRef => {
                enumerator.refs += 1;
                check!(raw.add_ref() == enumerator.refs, "enumerator AddRef");
            }
            EnumOp::Release => {
                enumerator.refs -= 1;
                check!(raw.release() == enumerator.refs, "enumerator Release");
                if enumerator.refs == 0 {
                    self.enumerators.swap_remove(index);
                }
            }
        }
        Ok(())
    }

    fn factory_step(&mut self, op: FactoryOp) -> Check {
        let raw = self.factory;
        // SAFETY: the test holds a reference to the factory.
        let factory = unsafe { IClassFactory::from_raw_borrowed(&raw.0) }.expect("non-null");
        match op {
            FactoryOp::CreateInstance {
                outer,
                iid,
                out_null,
                release_on_thread,
            } => {
                let outer_ptr = if outer {
                    garbage()
                } else {
                    core::ptr::null_mut()
                };
                let iid_guid = iid.guid();
                let mut out = garbage();
                let out_ptr = if out_null {
                    core::ptr::null_mut()
                } else {
                    &raw mut out
                };
                // SAFETY: a live factory; the pointers are null or valid (a non-null outer is
                // never dereferenced: aggregation is refused first).
                let hr = counted(|| unsafe {
                    (factory.vtable().CreateInstance)(
                        raw.0,
                        outer_ptr,
                        iid_guid
                            .as_ref()
                            .map_or(core::ptr::null(), core::ptr::from_ref),
                        out_ptr,
                    )
                });
                let expected = match (out_null, outer, iid) {
                    (true, _, _) => E_POINTER,
                    (_, true, _) => abi::CLASS_E_NOAGGREGATION,
                    (_, _, Iid::Null) => E_INVALIDARG,
                    (_, _, Iid::Unknown | Iid::Synchronize | Iid::Handler) => S_OK,
                    _ => E_NOINTERFACE,
                };
                Self::answer(Method::CreateInstance, hr, &[expected], &[])?;
                if !out_null {
                    check!((hr == S_OK) != out.is_null(), "CreateInstance out-pointer");
                }
                if hr == S_OK {
                    let instance = Raw(out);
                    let refs = if release_on_thread {
                        instance.release_on_thread()
                    } else {
                        instance.release()
                    };
                    check!(refs == 0, "a new instance had {} references", refs + 1);
                }
            }
            FactoryOp::LockServer(lock) => {
                // SAFETY: a live factory.
                let hr = counted(|| unsafe {
                    (factory.vtable().LockServer)(raw.0, windows_core::BOOL::from(lock))
                });
                let expected = if lock || self.locks > 0 {
                    S_OK
                } else {
                    E_UNEXPECTED
                };
                Self::answer(Method::LockServer, hr, &[expected], &[])?;
                if hr == S_OK {
                    if lock {
                        self.locks += 1;
                    } else {
                        self.locks -= 1;
                    }
                }
            }
            FactoryOp::QueryInterface { iid, out_null } => {
                let (hr, got) = raw.query_interface(iid, out_null);
                let expected = match (out_null, iid) {
                    (true, _) => E_POINTER,
                    (_, Iid::Null) => E_INVALIDARG,
                    (_, Iid::Unknown | Iid::ClassFactory) => S_OK,
                    _ => E_NOINTERFACE,
                };
                Self::answer(Method::QueryInterface, hr, &[expected], &[])?;
                check!(
                    got.is_none_or(|out| (hr == S_OK) == (out == raw.0)),
                    "QueryInterface out-pointer {got:?} with {hr:?}"
                );
                if hr == S_OK {
                    check!(raw.release() == self.factory_refs, "QI added one reference");
                }
            }
            FactoryOp::AddRef => {
                self.factory_refs += 1;
                check!(raw.add_ref() == self.factory_refs, "factory AddRef");
            }
            FactoryOp::Release => {
                if self.factory_refs > 1 {
                    self.factory_refs -= 1;
                    check!(raw.release() == self.factory_refs, "factory Release");
                }
            }
        }
        Ok(())
    }

    /// Releases everything the test holds (the handler last, maybe on another thread, maybe while
    /// its worker runs), waits for the workers, and checks the end state.
    #[allow(clippy::too_many_lines)] // the end-of-case checks, in order
    fn finish(&mut self, on_thread: bool, baseline: usize) -> Check {
        let mut result = Ok(());
        self.center.release();
        for enumerator in self.enumerators.drain(..) {
            for _ in 0..enumerator.refs {
                enumerator.raw.release();
            }
        }
        for _ in 0..self.locks {
            // SAFETY: a live factory; each lock taken is released once.
            let _ = counted(|| unsafe {
                (IClassFactory::from_raw_borrowed(&self.factory.0)
                    .expect("non-null")
                    .vtable()
                    .LockServer)(self.factory.0, windows_core::BOOL::from(false))
            });
        }
        for _ in 0..self.factory_refs {
            self.factory.release();
        }
        for _ in 1..self.refs {
            self.object.release();
        }
        let last = if on_thread {
            self.object.release_on_thread()
        } else {
            self.object.release()
        };
        if last != 0 {
            result = Err(TestCaseError::fail(format!(
                "the last Release returned {last}"
            )));
        }
        // The worker may still run; it frees the handler's state when it ends.
        spin_until("live_objects() back to its baseline", || {
            syncmgr::live_objects() == baseline
        });
        wait_for_workers();
        result?;
        check!(
            syncmgr::server_locks() == 0,
            "{} server locks left",
            syncmgr::server_locks()
        );
        if baseline == 0 {
            check!(
                syncmgr::server::can_unload_now() == S_OK,
                "DllCanUnloadNow must be S_OK once everything is released"
            );
        }
        self.quiet = true;
        self.held = None;
        self.check_syncs()?;
        let missing = self
            .syncs
            .iter()
            .filter(|run| run.callback.is_some() && !run.checked)
            .count();
        check!(
            missing == 0,
            "{missing} syncs never sent SynchronizeCompleted"
        );
        let unstable = self.syncs.len()
            - self
                .syncs
                .iter()
                .filter(|run| run.callback.is_some())
                .count();
        let stable = self
            .syncs
            .iter()
            .filter(|run| run.callback.is_some())
            .count();
        let mut completions = 0;
        for (index, callback) in self.callbacks.iter().enumerate() {
            let recorder = &callback.recorder;
            check!(
                recorder.refs() == 1,
                "callback {index} still has {} references after the handler was freed",
                recorder.refs()
            );
            let events = recorder.events();
            let count = events
                .iter()
                .filter(|event| matches!(event, Event::SynchronizeCompleted(_)))
                .count();
            let own = self
                .syncs
                .iter()
                .filter(|run| run.callback == Some(index))
                .count();
            check!(
                count >= own && count <= own + unstable,
                "callback {index} got {count} SynchronizeCompleted for {own} syncs \
                 (and {unstable} whose callback changed)"
            );
            completions += count;
            if let Some(mark) = callback.replaced_at {
                check!(
                    events.len() <= mark + 1,
                    "callback {index} got {} calls after it was replaced (one may be in flight): \
                     {:#?}",
                    events.len() - mark,
                    &events[mark..]
                );
            }
            let violations = recorder.violations();
            check!(
                violations.is_empty(),
                "callback {index}: violations {violations:#?}"
            );
        }
        check!(
            completions >= stable && completions <= self.syncs.len(),
            "{completions} SynchronizeCompleted for {} syncs ({stable} with a steady callback)",
            self.syncs.len()
        );
        Ok(())
    }
}

/// Drops the test's references to the callbacks (each then gets its final `Release`) and their
/// recorded events.
fn drop_callbacks(callbacks: Vec<Callback>) -> Check {
    for callback in callbacks {
        let recorder = Arc::clone(&callback.recorder);
        drop(callback.interface);
        check!(
            recorder.is_released(),
            "a callback outlived the test's release"
        );
        let violations = recorder.violations();
        check!(violations.is_empty(), "violations {violations:#?}");
        recorder.clear_events();
    }
    Ok(())
}

/// Runs one case: the steps, then the end-state checks, then the cleanup.
fn run_case(case: &Case) -> Check {
    let serial = support::serial();
    let baseline = serial.baseline();
    let allocations = support::task_allocations();
    set_plan(|plan| *plan = Plan::new());
    let mut harness = Harness::new(case.via_factory)?;
    let mut result = Ok(());
    for (index, op) in case.ops.iter().enumerate() {
        if let Err(error) = harness.step(op) {
            result = Err(TestCaseError::fail(format!(
                "step {index} ({op:?}): {error}"
            )));
            break;
        }
    }
    // Whatever happened, release everything so that the next case starts clean.
    let finished = harness.finish(case.final_release_on_thread, baseline);
    let dropped = drop_callbacks(core::mem::take(&mut harness.callbacks));
    result?;
    finished?;
    dropped?;
    check!(
        support::task_allocations() == allocations,
        "task allocations leaked"
    );
    Ok(())
}

/// Cases per run: `SYNCMGR_PROPTEST_CASES`, or [`DEFAULT_CASES`].
fn cases() -> u32 {
    std::env::var("SYNCMGR_PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

#[test]
fn the_handler_survives_any_call_sequence() {
    quiet_injected_panics();
    let config = Config {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        max_shrink_iters: 4096,
        ..Config::default()
    };
    let started = Instant::now();
    let calls_before = CALLS.load(Ordering::Relaxed);
    let mut runner = TestRunner::new(config.clone());
    let result = runner.run(&case(), |case| {
        let started = Instant::now();
        let result = run_case(&case);
        let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        CASE_NANOS.fetch_add(nanos, Ordering::Relaxed);
        result
    });
    let calls = CALLS.load(Ordering::Relaxed) - calls_before;
    let mut faults: Vec<(&str, u64)> = FAULTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
        .unwrap_or_default()
        .into_iter()
        .collect();
    faults.sort_unstable();
    println!(
        "property test: {} cases, {calls} vtable calls, {} syncs ({} checked item by item) and \
         {} Sync Center sessions in {:.1?} ({:.1?} running the cases)",
        config.cases,
        SYNCS.load(Ordering::Relaxed),
        SYNCS_CHECKED.load(Ordering::Relaxed),
        CENTER_SYNCS.load(Ordering::Relaxed),
        started.elapsed(),
        std::time::Duration::from_nanos(CASE_NANOS.load(Ordering::Relaxed)),
    );
    for (kind, count) in faults {
        println!("  injected {kind}: {count}");
    }
    if let Err(error) = result {
        panic!("{error}");
    }
}

// Declared after `check!`, which it uses.
#[path = "test_properties/center.rs"]
mod center;
