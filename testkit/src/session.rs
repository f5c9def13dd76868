//! The driver: the Sync Manager's side of a session, one call after the other.
//!
//! `Initialize` → `GetHandlerInfo` → `EnumSyncMgrItems` (`Next` batches) →
//! `SetProgressCallback(cb)` → `PrepareForSync` → (`PrepareForSyncCompleted`) → `Synchronize` →
//! (`Progress`/`LogError`; `SetItemStatus` and answers as planned) → (`SynchronizeCompleted`) →
//! `ShowProperties` / `ShowError` as planned → `SetProgressCallback(NULL)` → `Release` → the
//! handler's module (or object) let go.

use crate::callback::ItemInfo;
use crate::callback::{CallbackRef, Effect, Observer, Recorder, Recording, Trigger, When};
use crate::check::{self, Event, Violation, ViolationKind, fixed_string};
use crate::load::Loaded;
use crate::names::{hresult_name, status_label};
use crate::report::{Call, CallbackKind, Report};
use core::ffi::c_void;
use core::mem::ManuallyDrop;
use std::sync::Arc;
use std::time::{Duration, Instant};
use syncmgr::abi::{
    self, HWND, ISyncMgrEnumItems, ISyncMgrSynchronize, SYNCMGRHANDLERINFO, SYNCMGRITEM,
};
use syncmgr::{GUID, HRESULT, Interface};

/// How long the driver waits, after releasing everything, for the handler's worker to let go
/// of the module and the callback.
const SETTLE: Duration = Duration::from_secs(5);

/// Most items the driver enumerates before it calls the enumerator endless.
const MAX_ITEMS: usize = 10_000;

/// An item named in a plan: by id, or by display name (case-insensitive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemRef {
    /// The item's id.
    Id(GUID),
    /// The item's display name.
    Name(String),
}

impl From<GUID> for ItemRef {
    fn from(id: GUID) -> Self {
        Self::Id(id)
    }
}

impl From<&str> for ItemRef {
    /// A GUID (`{…}` or bare) is an id, anything else a name.
    fn from(text: &str) -> Self {
        crate::names::parse_guid(text).map_or_else(|_| Self::Name(text.to_owned()), Self::Id)
    }
}

/// Which items a session synchronizes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    /// The items the handler marks checked (`SYNCMGRITEMSTATE_CHECKED`): what the Sync
    /// Manager's choice dialog selects unless its user changes it.
    #[default]
    Checked,
    /// Every enumerated item.
    All,
    /// These items, in this order.
    These(Vec<ItemRef>),
}

/// A `SetItemStatus` or an answer to `Progress`, planned for a moment of the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Planned {
    /// The item; `None`: every item (`GUID_NULL` for a status, any item for an answer).
    pub(crate) item: Option<ItemRef>,
    pub(crate) when: When,
    pub(crate) effect: PlannedEffect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlannedEffect {
    Reply(HRESULT),
    Status(u32),
}

/// A call after the sync that opens the handler's UI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum UiCall {
    /// `ShowProperties(item)`; `None`: the handler's own properties (`GUID_NULL`).
    Properties(Option<ItemRef>),
    /// `ShowError(ErrorID)` for the `n`-th logged entry that has an error id.
    Error(usize),
}

/// What a session does: the kit's [`Session`](crate::Session) and the host both fill one.
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    pub(crate) flags: u32,
    pub(crate) selection: Selection,
    pub(crate) planned: Vec<Planned>,
    pub(crate) ui_calls: Vec<UiCall>,
    pub(crate) callback: CallbackKind,
    pub(crate) timeout: Duration,
    pub(crate) batch: u32,
    pub(crate) modeless: HRESULT,
    pub(crate) others: HRESULT,
    pub(crate) slow: Option<Duration>,
}

impl Default for Plan {
    fn default() -> Self {
        Self {
            flags: abi::SYNCMGRFLAG_MANUAL as u32,
            selection: Selection::Checked,
            planned: Vec::new(),
            ui_calls: Vec::new(),
            callback: CallbackKind::default(),
            timeout: Duration::from_mins(1),
            batch: 4,
            modeless: abi::S_FALSE,
            others: abi::S_OK,
            slow: None,
        }
    }
}

/// Why a session could not run as planned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetupError {
    /// The handler could not be loaded or created.
    Load(String),
    /// The plan names something the handler does not have (an item, a log entry).
    Usage(String),
}

impl core::fmt::Display for SetupError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::Load(text) | Self::Usage(text) => f.write_str(text),
        }
    }
}

impl std::error::Error for SetupError {}

/// The handler, borrowed from the driver's one reference.
struct Handler(ManuallyDrop<ISyncMgrSynchronize>);

impl Handler {
    fn vtable(&self) -> &abi::ISyncMgrSynchronize_Vtbl {
        self.0.vtable()
    }

    fn raw(&self) -> *mut c_void {
        self.0.as_raw()
    }
}

/// The driver's calls, recorded with their results.
struct Calls(Vec<Call>);

impl Calls {
    fn record(&mut self, method: &str, hr: HRESULT) -> HRESULT {
        self.push(method, hr);
        hr
    }

    fn push(&mut self, method: &str, hr: HRESULT) {
        self.0.push(Call {
            method: method.to_owned(),
            hr,
        });
    }
}

/// Why the session stopped before its end.
enum Stop {
    /// The handler failed a call.
    Problem(String),
    /// The plan asked for something the handler does not have.
    Usage(String),
}

/// A selected item: id and name.
type Selected = (GUID, String);

/// A `SetItemStatus(item, status)` the driver sends this long after `Synchronize` returned.
type Timed = (Duration, GUID, u32);

/// Runs `plan` on `loaded` (whose one reference the driver owns and releases) and returns the
/// report. `settled` says, after the release, whether the handler let go of everything it
/// holds (module unloadable, or the in-process object freed); `None` when it cannot be told.
pub(crate) fn drive(
    loaded: &Loaded,
    plan: &Plan,
    observer: Box<dyn Observer>,
    settled: &dyn Fn() -> Option<bool>,
) -> Result<Report, SetupError> {
    let mut report = Report {
        initialize_flags: plan.flags,
        callback: plan.callback,
        ..Report::default()
    };
    report.handler.library = loaded
        .module
        .as_ref()
        .map(|module| module.path().to_owned());
    report.notes.extend(loaded.notes.iter().cloned());
    let mut recorder = Recorder::new(observer);
    recorder.modeless = plan.modeless;
    recorder.others = plan.others;
    recorder.slow = plan.slow;
    let shared = Recording::waiting(recorder, plan.callback.pumps());
    // SAFETY: `loaded.handler` is an ISyncMgrSynchronize pointer with one reference, which the
    // driver releases by hand at the end (ManuallyDrop: to see `Release`'s answer).
    let handler = Handler(ManuallyDrop::new(unsafe {
        ISyncMgrSynchronize::from_raw(loaded.handler)
    }));
    let mut calls = Calls(Vec::new());

    // SAFETY: a live handler; no cookie.
    let hr = calls.record("Initialize", unsafe {
        (handler.vtable().Initialize)(handler.raw(), 0, plan.flags, 0, core::ptr::null())
    });
    let mut callback = None;
    let mut usage = None;
    if hr == abi::S_FALSE {
        report.notes.push(
            "Initialize returned S_FALSE: the handler does not take part in this event".to_owned(),
        );
    } else if hr.is_err() {
        report
            .problems
            .push(format!("Initialize returned {}", hresult_name(hr)));
    } else {
        callback = Some(match plan.callback {
            CallbackKind::Apartment => CallbackRef::apartment_bound(Arc::clone(&shared)),
            CallbackKind::Agile => CallbackRef::new(Arc::clone(&shared)),
        });
        let setup = handler_info(&handler, &mut calls, &shared, &mut report)
            .and_then(|()| enumerate(&handler, &mut calls, &shared, plan.batch))
            .and_then(|items| {
                report.items = items.iter().map(item_info).collect();
                shared
                    .lock()
                    .observer
                    .enumerated(&report.handler, &report.items);
                let selected = select(&items, &plan.selection)?;
                Ok(selected)
            });
        let outcome = setup.and_then(|selected| {
            report.selected = selected.iter().map(|(id, _)| *id).collect();
            let callback = callback
                .as_ref()
                .unwrap_or_else(|| unreachable!("set above"));
            match sync(&handler, &mut calls, &shared, callback, plan, &selected) {
                Ok(took) => report.synchronize_time = Some(took),
                // A sync that failed still has errors to open: the dialogs come after it.
                Err(Stop::Problem(problem)) => report.problems.push(problem),
                Err(usage) => return Err(usage),
            }
            ui_calls(&handler, &mut calls, &shared, plan, &mut report)
        });
        match outcome {
            Ok(()) => {}
            Err(Stop::Problem(problem)) => report.problems.push(problem),
            Err(Stop::Usage(problem)) => usage = Some(problem),
        }
        shared.lock().observer.stopped();
        // SAFETY: a live handler; NULL releases the callback it holds.
        calls.push("SetProgressCallback(NULL)", unsafe {
            (handler.vtable().SetProgressCallback)(handler.raw(), core::ptr::null_mut())
        });
    }

    shared.lock().handler = 0;
    // SAFETY: releases the driver's one reference; the handler is not used after this.
    let remaining = unsafe { (handler.vtable().base__.Release)(handler.raw()) };
    for violation in check::check_release(Some(remaining), None, None) {
        shared.lock().checker.push(violation);
    }
    settle(callback.as_ref(), &shared, settled);
    drop(callback);

    collect(&mut report, &mut shared.lock(), calls);
    warn(&mut report);
    match usage {
        Some(problem) => Err(SetupError::Usage(problem)),
        None => Ok(report),
    }
}

/// Ends the checker's session and moves what the callback recorded into `report`.
fn collect(report: &mut Report, recorder: &mut Recorder, mut calls: Calls) {
    recorder.checker.finish();
    calls
        .0
        .extend(recorder.triggered.drain(..).map(|triggered| Call {
            method: triggered.call,
            hr: triggered.hr,
        }));
    report.calls = calls.0;
    report.counts = recorder.checker.counts().clone();
    report.violations = recorder.checker.violations().to_vec();
    report.tracks = recorder.checker.items().to_vec();
    report.log = core::mem::take(&mut recorder.log);
    report.trace = core::mem::take(&mut recorder.trace);
    for event in &recorder.events {
        match event {
            Event::ShowPropertiesCompleted(hr) => report.properties_completions.push(*hr),
            Event::ShowErrorCompleted(hr, items) => {
                report.error_completions.push((*hr, items.clone()));
            }
            Event::EstablishConnection(name) => report.connections.push(name.clone()),
            _ => {}
        }
    }
    report.unfired = recorder
        .triggers
        .iter()
        .filter(|trigger| !trigger.fired)
        .copied()
        .collect();
}

fn handler_info(
    handler: &Handler,
    calls: &mut Calls,
    shared: &Recording,
    report: &mut Report,
) -> Result<(), Stop> {
    let mut info: *mut SYNCMGRHANDLERINFO = core::ptr::null_mut();
    // SAFETY: a live handler and a valid out-pointer.
    let hr = calls.record("GetHandlerInfo", unsafe {
        (handler.vtable().GetHandlerInfo)(handler.raw(), &raw mut info)
    });
    if hr.is_err() {
        return Err(Stop::Problem(format!(
            "GetHandlerInfo returned {}",
            hresult_name(hr)
        )));
    }
    // SAFETY: on success `info` is null or a CoTaskMemAlloc'd SYNCMGRHANDLERINFO now owned here.
    let Some(copy) = (unsafe { info.as_ref() }).copied() else {
        shared.lock().checker.push(Violation::new(
            ViolationKind::BadReturn,
            "GetHandlerInfo returned success with a null SYNCMGRHANDLERINFO",
        ));
        return Ok(());
    };
    // Ownership passes to the caller, who frees with CoTaskMemFree. Off Windows both sides use
    // the portable twin in `syncmgr::memory`; a handler library has its own copy of it, and
    // both allocate through the process's one libc malloc (Rust's default allocator), so the
    // driver's twin frees the library's block correctly. The twins' allocation counters are
    // per copy, so neither means anything across the boundary.
    // SAFETY: `info` came from the task allocator and is freed once, after the copy.
    unsafe { syncmgr::memory::co_task_mem_free(info.cast()) };
    let mut recorder = shared.lock();
    for violation in check::check_handler_info(&copy) {
        recorder.checker.push(violation);
    }
    drop(recorder);
    report.handler.name = Some(
        fixed_string(&copy.wszHandlerName)
            .unwrap_or_else(|| String::from_utf16_lossy(&copy.wszHandlerName)),
    );
    report.handler.flags = Some(copy.SyncMgrHandlerFlags);
    report.handler.icon = !copy.hIcon.0.is_null();
    Ok(())
}

fn enumerate(
    handler: &Handler,
    calls: &mut Calls,
    shared: &Recording,
    batch: u32,
) -> Result<Vec<SYNCMGRITEM>, Stop> {
    let mut raw: *mut c_void = core::ptr::null_mut();
    // SAFETY: a live handler and a valid out-pointer.
    let hr = calls.record("EnumSyncMgrItems", unsafe {
        (handler.vtable().EnumSyncMgrItems)(handler.raw(), &raw mut raw)
    });
    if hr.is_err() {
        return Err(Stop::Problem(format!(
            "EnumSyncMgrItems returned {}",
            hresult_name(hr)
        )));
    }
    if raw.is_null() {
        shared.lock().checker.push(Violation::new(
            ViolationKind::BadReturn,
            format!(
                "EnumSyncMgrItems returned {} with a null enumerator",
                hresult_name(hr)
            ),
        ));
        return Ok(Vec::new());
    }
    // SAFETY: success handed out one ISyncMgrEnumItems reference, released when this drops.
    let enumerator = unsafe { ISyncMgrEnumItems::from_raw(raw) };
    let mut items: Vec<SYNCMGRITEM> = Vec::new();
    let mut violations = Vec::new();
    let mut next_calls = 0u32;
    loop {
        let mut buffer = vec![SYNCMGRITEM::default(); batch as usize];
        let mut fetched = 0u32;
        // SAFETY: `buffer` has room for `batch` items and `fetched` is writable.
        let hr = unsafe {
            (enumerator.vtable().Next)(
                enumerator.as_raw(),
                batch,
                buffer.as_mut_ptr(),
                &raw mut fetched,
            )
        };
        next_calls += 1;
        if hr.is_err() {
            calls.push("ISyncMgrEnumItems::Next", hr);
            return Err(Stop::Problem(format!(
                "ISyncMgrEnumItems::Next returned {}",
                hresult_name(hr)
            )));
        }
        if fetched > batch {
            violations.push(Violation::new(
                ViolationKind::BadReturn,
                format!("ISyncMgrEnumItems::Next({batch}) said it fetched {fetched}"),
            ));
            fetched = batch;
        }
        if hr == abi::S_OK && fetched < batch {
            violations.push(Violation::new(
                ViolationKind::BadReturn,
                format!("ISyncMgrEnumItems::Next({batch}) returned S_OK with only {fetched} items (S_FALSE expected)"),
            ));
        }
        items.extend_from_slice(&buffer[..fetched as usize]);
        if hr != abi::S_OK || fetched == 0 || items.len() >= MAX_ITEMS {
            break;
        }
    }
    calls.push(
        &format!(
            "ISyncMgrEnumItems::Next x{next_calls} (batches of {batch}): {} items",
            items.len()
        ),
        abi::S_OK,
    );
    let mut seen = std::collections::HashSet::new();
    for item in &items {
        violations.extend(check::check_item(item));
        if !seen.insert(item.ItemID) {
            violations.push(Violation::new(
                ViolationKind::BadReturn,
                format!("the enumerator returned item {{{:?}}} twice", item.ItemID),
            ));
        }
    }
    let mut recorder = shared.lock();
    for violation in violations {
        recorder.checker.push(violation);
    }
    Ok(items)
}

fn item_name(item: &SYNCMGRITEM) -> String {
    fixed_string(&item.wszItemName).unwrap_or_else(|| String::from_utf16_lossy(&item.wszItemName))
}

fn item_info(item: &SYNCMGRITEM) -> ItemInfo {
    ItemInfo {
        id: item.ItemID,
        name: item_name(item),
        flags: item.dwFlags,
        state: item.dwItemState,
        last_update: (
            item.ftLastUpdate.dwLowDateTime,
            item.ftLastUpdate.dwHighDateTime,
        ),
        icon: !item.hIcon.0.is_null(),
    }
}

/// Finds the item `wanted` names among `items`.
fn resolve(items: &[SYNCMGRITEM], wanted: &ItemRef) -> Result<Selected, Stop> {
    let found = match wanted {
        ItemRef::Id(id) => items.iter().find(|item| item.ItemID == *id),
        ItemRef::Name(name) => items
            .iter()
            .find(|item| item_name(item).eq_ignore_ascii_case(name.trim())),
    };
    found
        .map(|item| (item.ItemID, item_name(item)))
        .ok_or_else(|| {
            let names: Vec<String> = items.iter().map(item_name).collect();
            let wanted = match wanted {
                ItemRef::Id(id) => format!("{{{id:?}}}"),
                ItemRef::Name(name) => name.clone(),
            };
            Stop::Usage(format!(
                "the handler has no item `{wanted}`; its items are: {}",
                names.join(", ")
            ))
        })
}

fn select(items: &[SYNCMGRITEM], selection: &Selection) -> Result<Vec<Selected>, Stop> {
    let take = |item: &SYNCMGRITEM| (item.ItemID, item_name(item));
    match selection {
        Selection::All => Ok(items.iter().map(take).collect()),
        Selection::Checked => Ok(items
            .iter()
            .filter(|item| item.dwItemState == abi::SYNCMGRITEMSTATE_CHECKED as u32)
            .map(take)
            .collect()),
        Selection::These(wanted) => {
            let mut selected: Vec<Selected> = Vec::new();
            for wanted in wanted {
                let item = resolve(items, wanted)?;
                if !selected.iter().any(|(id, _)| *id == item.0) {
                    selected.push(item);
                }
            }
            Ok(selected)
        }
    }
}

/// Resolves a planned item against the session's items.
fn session_item(selected: &[Selected], wanted: &ItemRef) -> Result<Selected, Stop> {
    selected
        .iter()
        .find(|(id, name)| match wanted {
            ItemRef::Id(wanted) => id == wanted,
            ItemRef::Name(wanted) => name.eq_ignore_ascii_case(wanted.trim()),
        })
        .cloned()
        .ok_or_else(|| Stop::Usage(format!("{wanted:?} is not an item of the session")))
}

/// The plan's statuses and answers for the session's items: the timed `SetItemStatus` calls
/// (sorted) and the triggers the callback fires.
fn resolve_plan(plan: &Plan, selected: &[Selected]) -> Result<(Vec<Timed>, Vec<Trigger>), Stop> {
    let mut timed: Vec<Timed> = Vec::new();
    let mut triggers = Vec::new();
    for planned in &plan.planned {
        let item = planned
            .item
            .as_ref()
            .map(|item| session_item(selected, item))
            .transpose()?;
        let target = item.as_ref().map_or(GUID::zeroed(), |(id, _)| *id);
        match (planned.effect, planned.when) {
            (PlannedEffect::Status(status), When::Delay(delay)) => {
                timed.push((delay, target, status));
            }
            (effect, when) => triggers.push(Trigger {
                item: item.as_ref().map(|(id, _)| *id),
                when,
                effect: match effect {
                    PlannedEffect::Reply(hr) => Effect::Reply(hr),
                    PlannedEffect::Status(status) => Effect::Status { target, status },
                },
                fired: false,
            }),
        }
    }
    timed.sort_by_key(|(delay, _, _)| *delay);
    Ok((timed, triggers))
}

/// `SetProgressCallback` → `PrepareForSync` → `Synchronize` → planned calls →
/// `SynchronizeCompleted`; `Ok` holds the time from the `Synchronize` call until the completion
/// was seen.
fn sync(
    handler: &Handler,
    calls: &mut Calls,
    shared: &Recording,
    callback: &CallbackRef,
    plan: &Plan,
    selected: &[Selected],
) -> Result<Duration, Stop> {
    // Resolve the plan against the session first: a typo should not run a session.
    let (timed, triggers) = resolve_plan(plan, selected)?;
    shared.lock().triggers = triggers;

    // SAFETY: a live handler and callback; the handler AddRefs what it keeps.
    let hr = calls.record("SetProgressCallback", unsafe {
        (handler.vtable().SetProgressCallback)(handler.raw(), callback.as_raw())
    });
    if hr.is_err() {
        return Err(Stop::Problem(format!(
            "SetProgressCallback returned {}",
            hresult_name(hr)
        )));
    }

    let ids: Vec<GUID> = selected.iter().map(|(id, _)| *id).collect();
    {
        let mut recorder = shared.lock();
        recorder.checker.prepare_calling(selected);
        recorder.observer.started(selected);
        recorder.handler = handler.raw() as usize;
    }
    let count = u32::try_from(ids.len()).map_err(|_| Stop::Problem("too many items".to_owned()))?;
    // SAFETY: `ids` holds `count` GUIDs for the call; no parent window.
    let hr = unsafe {
        (handler.vtable().PrepareForSync)(handler.raw(), count, ids.as_ptr(), HWND::default(), 0)
    };
    calls.push("PrepareForSync", hr);
    shared.lock().checker.prepare_returned(hr);
    if hr != abi::S_OK {
        return Err(Stop::Problem(format!(
            "PrepareForSync returned {}",
            hresult_name(hr)
        )));
    }
    let deadline = Instant::now() + plan.timeout;
    if !shared.wait_until(deadline, |recorder| {
        recorder.checker.prepare_completion().is_some()
    }) {
        return Err(Stop::Problem(format!(
            "no PrepareForSyncCompleted within {:?}",
            plan.timeout
        )));
    }
    let prepared = shared
        .lock()
        .checker
        .prepare_completion()
        .unwrap_or(abi::S_OK);
    if prepared != abi::S_OK {
        return Err(Stop::Problem(format!(
            "PrepareForSyncCompleted({}): no Synchronize",
            hresult_name(prepared)
        )));
    }

    shared.lock().checker.synchronize_calling();
    let started = Instant::now();
    // SAFETY: a live handler; no parent window.
    let hr = unsafe { (handler.vtable().Synchronize)(handler.raw(), HWND::default()) };
    calls.push("Synchronize", hr);
    {
        let mut recorder = shared.lock();
        recorder.checker.synchronize_returned(hr);
        recorder.synchronized = Some(started);
    }
    if hr != abi::S_OK {
        return Err(Stop::Problem(format!(
            "Synchronize returned {}",
            hresult_name(hr)
        )));
    }
    await_completion(handler, calls, shared, plan, started, timed)?;
    let took = started.elapsed();
    let hr = shared
        .lock()
        .checker
        .synchronize_completion()
        .unwrap_or(abi::S_OK);
    if hr.is_err() {
        return Err(Stop::Problem(format!(
            "SynchronizeCompleted({})",
            hresult_name(hr)
        )));
    }
    Ok(took)
}

/// Waits for `SynchronizeCompleted`, sending each timed `SetItemStatus` when it falls due.
fn await_completion(
    handler: &Handler,
    calls: &mut Calls,
    shared: &Recording,
    plan: &Plan,
    started: Instant,
    timed: Vec<Timed>,
) -> Result<(), Stop> {
    let deadline = started + plan.timeout;
    let completed = |recorder: &Recorder| recorder.checker.synchronize_completion().is_some();
    let mut timed = timed.into_iter().peekable();
    loop {
        let wake = timed
            .peek()
            .map_or(deadline, |(delay, _, _)| (started + *delay).min(deadline));
        if shared.wait_until(wake, completed) {
            break;
        }
        match timed.peek() {
            Some((delay, _, _)) if Instant::now() >= started + *delay => {
                let Some((_, id, status)) = timed.next() else {
                    break;
                };
                // SAFETY: a live handler; `id` outlives the call. Its answer is only recorded
                // (a failure here is not fatal to the Sync Manager either).
                let hr = unsafe {
                    (handler.vtable().SetItemStatus)(handler.raw(), &raw const id, status)
                };
                calls.push(
                    &format!("SetItemStatus({{{id:?}}}, {})", status_label(status)),
                    hr,
                );
            }
            _ if Instant::now() >= deadline => {
                return Err(Stop::Problem(format!(
                    "no SynchronizeCompleted within {:?}",
                    plan.timeout
                )));
            }
            _ => {}
        }
    }
    for (_, id, status) in timed {
        calls.push(
            &format!(
                "SetItemStatus({{{id:?}}}, {}) not sent: the session had ended",
                status_label(status)
            ),
            abi::S_OK,
        );
    }
    Ok(())
}

/// The planned `ShowProperties` / `ShowError` calls, each with its completion awaited.
fn ui_calls(
    handler: &Handler,
    calls: &mut Calls,
    shared: &Recording,
    plan: &Plan,
    report: &mut Report,
) -> Result<(), Stop> {
    for call in &plan.ui_calls {
        let before = {
            let recorder = shared.lock();
            (
                recorder.checker.properties_completions().len(),
                recorder.checker.error_completions().len(),
            )
        };
        let (label, hr, properties) = match call {
            UiCall::Properties(item) => {
                let id = match item {
                    None => GUID::zeroed(),
                    Some(item) => {
                        let found = report
                            .items
                            .iter()
                            .find(|info| match item {
                                ItemRef::Id(id) => info.id == *id,
                                ItemRef::Name(name) => info.name.eq_ignore_ascii_case(name),
                            })
                            .map(|info| info.id);
                        found.ok_or_else(|| {
                            Stop::Usage(format!("ShowProperties: {item:?} is not an item"))
                        })?
                    }
                };
                shared.lock().checker.show_calling(true);
                // SAFETY: a live handler; `id` outlives the call; no parent window.
                let hr = unsafe {
                    (handler.vtable().ShowProperties)(handler.raw(), HWND::default(), &raw const id)
                };
                (format!("ShowProperties({{{id:?}}})"), hr, true)
            }
            UiCall::Error(n) => {
                let error_id = shared
                    .lock()
                    .log
                    .iter()
                    .filter_map(|line| line.error_id)
                    .nth(*n)
                    .ok_or_else(|| {
                        Stop::Usage(format!(
                            "ShowError: the handler logged fewer than {} entries with an error id",
                            n + 1
                        ))
                    })?;
                shared.lock().checker.show_calling(false);
                // SAFETY: a live handler; `error_id` outlives the call; no parent window.
                let hr = unsafe {
                    (handler.vtable().ShowError)(
                        handler.raw(),
                        HWND::default(),
                        &raw const error_id,
                    )
                };
                (format!("ShowError({{{error_id:?}}})"), hr, false)
            }
        };
        calls.push(&label, hr);
        shared.lock().checker.show_returned(properties, hr);
        if hr == abi::S_OK {
            let deadline = Instant::now() + plan.timeout;
            let done = |recorder: &Recorder| {
                if properties {
                    recorder.checker.properties_completions().len() > before.0
                } else {
                    recorder.checker.error_completions().len() > before.1
                }
            };
            if !shared.wait_until(deadline, done) {
                shared.lock().checker.push(Violation::new(
                    ViolationKind::MissingCompletion,
                    format!("{label} returned S_OK but its completion never came"),
                ));
            }
        }
    }
    Ok(())
}

/// Waits (briefly) until the handler let go of everything and of the callback: a worker thread
/// may still be finishing after `SynchronizeCompleted`.
fn settle(callback: Option<&CallbackRef>, shared: &Recording, settled: &dyn Fn() -> Option<bool>) {
    let done = || {
        settled().is_none_or(|settled| settled)
            && callback.is_none_or(|callback| callback.others() == 0)
    };
    let deadline = Instant::now() + SETTLE;
    while !done() && Instant::now() < deadline {
        // A callback released by the worker is handed back to this thread to be released here.
        shared.idle(Duration::from_millis(2));
    }
    let mut found = check::check_release(None, None, callback.map(CallbackRef::others));
    if settled() == Some(false) {
        found.push(Violation::new(
            ViolationKind::CannotUnload,
            "the handler's module or object was not free after everything was released",
        ));
    }
    let mut recorder = shared.lock();
    for violation in found {
        recorder.checker.push(violation);
    }
}

/// What a real Sync Manager would show oddly, though no rule is broken.
fn warn(report: &mut Report) {
    let mut warnings = Vec::new();
    for item in &report.items {
        if item.flags & abi::SYNCMGRITEM_LASTUPDATETIME as u32 != 0 && item.last_update == (0, 0) {
            warnings.push(format!(
                "item {} has SYNCMGRITEM_LASTUPDATETIME but no ftLastUpdate: the Sync Manager shows a time of 1601",
                item.name
            ));
        }
    }
    for (_, id, progress) in &report.trace {
        if let Some(progress) = progress
            && let (Some(value), Some(max)) = (progress.value, progress.max)
            && value > max
        {
            let name = report
                .items
                .iter()
                .find(|item| item.id == *id)
                .map_or_else(|| format!("{{{id:?}}}"), |item| item.name.clone());
            warnings.push(format!(
                "{name}: progress {value} above its maximum {max}: the Sync Manager's bar overflows"
            ));
            break;
        }
    }
    // An item that says it has properties, whose handler has no dialog to show.
    for call in &report.calls {
        if call.hr == abi::E_NOTIMPL
            && let Some(rest) = call.method.strip_prefix("ShowProperties({")
            && let Some(item) = report
                .items
                .iter()
                .find(|item| rest.starts_with(&format!("{:?}", item.id)))
            && item.flags & abi::SYNCMGRITEM_HASPROPERTIES as u32 != 0
        {
            warnings.push(format!(
                "item {} has SYNCMGRITEM_HASPROPERTIES but ShowProperties answers E_NOTIMPL: the Sync Manager offers a Properties button that does nothing",
                item.name
            ));
        }
    }
    report.warnings.extend(warnings);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An item that says it has a last update time but has none is a warning (a syncmgr
    /// handler never does that; another library may).
    #[test]
    fn a_claimed_time_without_a_time_is_a_warning() {
        let item = |flags: u32, last_update| ItemInfo {
            id: GUID::from_u128(1),
            name: "Inbox".to_owned(),
            flags,
            state: 1,
            last_update,
            icon: false,
        };
        let flag = abi::SYNCMGRITEM_LASTUPDATETIME as u32;
        let mut report = Report {
            items: vec![item(flag, (0, 0))],
            ..Report::default()
        };
        warn(&mut report);
        assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
        let mut report = Report {
            items: vec![item(flag, (1, 2)), item(0, (0, 0))],
            ..Report::default()
        };
        warn(&mut report);
        assert_eq!(report.warnings, Vec::<String>::new());
    }
}
