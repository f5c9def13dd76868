//! The session driver: the Sync Manager's side of §7.3, one call after the other.
//!
//! `Initialize` → `GetHandlerInfo` → `EnumSyncMgrItems` (`Next` batches) →
//! `SetProgressCallback(cb)` → `PrepareForSync` → (`PrepareForSyncCompleted`) → `Synchronize` →
//! (`Progress`/`LogError`, `SetItemStatus` for `--skip`) → (`SynchronizeCompleted`) →
//! `SetProgressCallback(NULL)` → `Release` → `DllCanUnloadNow`.

use crate::callback::{CallbackRef, PercentSkip, Recorder, Shared};
use crate::check::{self, Checker, Violation, ViolationKind, fixed_string, status_label};
use crate::cli::{Args, SkipWhen, parse_guid};
use crate::load::Loaded;
use crate::names::{HANDLER_FLAGS, ITEM_FLAGS, flag_names, hresult_name, log_level_name};
use crate::report::{CallReport, ItemReport, LogReport, Report};
use crate::ui::Ui;
use core::ffi::c_void;
use core::mem::ManuallyDrop;
use std::sync::Arc;
use std::time::{Duration, Instant};
use syncmgr::abi::{
    self, HWND, ISyncMgrEnumItems, ISyncMgrSynchronize, SYNCMGRHANDLERINFO, SYNCMGRITEM,
};
use syncmgr::{GUID, HRESULT, Interface};

/// How long the host waits, after releasing everything, for the handler's worker to let go of
/// the DLL and the callback.
const SETTLE: Duration = Duration::from_secs(5);

/// Most items the host enumerates before it calls the enumerator endless.
const MAX_ITEMS: usize = 10_000;

/// The handler, borrowed from the host's one reference.
struct Handler(ManuallyDrop<ISyncMgrSynchronize>);

impl Handler {
    fn vtable(&self) -> &abi::ISyncMgrSynchronize_Vtbl {
        self.0.vtable()
    }

    fn raw(&self) -> *mut c_void {
        self.0.as_raw()
    }
}

/// A selected item: id and name.
type Selected = (GUID, String);

/// Runs the session on `loaded` and returns its report (not yet concluded).
#[allow(clippy::too_many_lines)] // one straight line of calls reads best in order
#[must_use]
pub fn drive(loaded: &Loaded, args: &Args, clsid: GUID) -> Report {
    // On Windows the host behaves like the Sync Manager unless told otherwise: an ordinary
    // apartment callback, and a thread that pumps messages while it waits.
    let apartment_bound = cfg!(windows) && !args.agile_callback;
    let mut report = Report {
        initialize_flags: args.sync_flags(),
        callback: if apartment_bound {
            "apartment"
        } else {
            "agile"
        }
        .to_owned(),
        ..Report::default()
    };
    report.handler.clsid = format!("{{{clsid:?}}}");
    report.handler.dll = loaded
        .module
        .as_ref()
        .map(|module| module.path().display().to_string());
    report.notes.extend(loaded.notes.iter().cloned());

    let ui = Ui::new(args.json);
    let shared = Shared::waiting(
        Recorder {
            checker: Checker::new(),
            log: Vec::new(),
            percent_skips: Vec::new(),
            modeless: if args.may_bother_user {
                abi::S_OK
            } else {
                abi::S_FALSE
            },
            ui,
        },
        apartment_bound,
    );
    // SAFETY: `loaded.handler` is an ISyncMgrSynchronize pointer with one reference, which the
    // host releases by hand at the end (ManuallyDrop: to see `Release`'s answer).
    let handler = Handler(ManuallyDrop::new(unsafe {
        ISyncMgrSynchronize::from_raw(loaded.handler)
    }));
    let mut calls = Calls(Vec::new());

    // SAFETY: a live handler; no cookie.
    let hr = calls.record("Initialize", unsafe {
        (handler.vtable().Initialize)(handler.raw(), 0, args.sync_flags(), 0, core::ptr::null())
    });
    let mut callback = None;
    if hr == abi::S_FALSE {
        report.notes.push(
            "Initialize returned S_FALSE: the handler does not take part in this event".to_owned(),
        );
    } else if hr.is_err() {
        report
            .problems
            .push(format!("Initialize returned {}", hresult_name(hr)));
    } else {
        callback = Some(if apartment_bound {
            CallbackRef::apartment_bound(Arc::clone(&shared))
        } else {
            CallbackRef::new(Arc::clone(&shared))
        });
        let setup = handler_info(&handler, &mut calls, &shared, &mut report)
            .and_then(|()| enumerate(&handler, &mut calls, &shared, args.batch))
            .and_then(|items| {
                print_items(&shared, &report, &items);
                let selected = select(&items, &args.items)?;
                Ok((items, selected))
            });
        match setup {
            Err(Setup::Problem(problem)) => report.problems.push(problem),
            Err(Setup::Usage(problem)) => {
                report.problems.push(problem);
                report.usage_error = true;
            }
            Ok((items, selected)) => {
                let callback = callback
                    .as_ref()
                    .unwrap_or_else(|| unreachable!("set above"));
                match sync(&handler, &mut calls, &shared, callback, args, &selected) {
                    Ok(took) => {
                        report.synchronize_us = u64::try_from(took.as_micros()).ok();
                    }
                    Err(Setup::Problem(problem)) => report.problems.push(problem),
                    Err(Setup::Usage(problem)) => {
                        report.problems.push(problem);
                        report.usage_error = true;
                    }
                }
                report.items = item_reports(&items, &selected, &shared, args);
            }
        }
        shared.lock().ui.stop();
        // SAFETY: a live handler; NULL releases the callback it holds.
        calls.push("SetProgressCallback(NULL)", unsafe {
            (handler.vtable().SetProgressCallback)(handler.raw(), core::ptr::null_mut())
        });
    }

    // SAFETY: releases the host's one reference; the handler is not used after this.
    let remaining = unsafe { (handler.vtable().base__.Release)(handler.raw()) };
    for violation in check::check_release(Some(remaining), None, None) {
        shared.lock().checker.push(violation);
    }
    report.calls = calls.0;
    settle(loaded, callback.as_ref(), &shared);
    drop(callback);

    let mut recorder = shared.lock();
    recorder.checker.finish();
    report.events = recorder.checker.counts().clone();
    report.violations = recorder.checker.violations().to_vec();
    report.log = recorder
        .log
        .iter()
        .map(|line| LogReport {
            level: log_level_name(line.level).map_or_else(|| line.level.to_string(), str::to_owned),
            text: line.text.clone(),
            item: line.item.map(|id| format!("{{{id:?}}}")),
        })
        .collect();
    for skip in &recorder.percent_skips {
        if !skip.fired {
            report.notes.push(format!(
                "--skip at {}% for {{{:?}}} never triggered: its progress did not reach it",
                skip.percent, skip.item
            ));
        }
    }
    report
}

/// The host's calls, recorded with their results.
struct Calls(Vec<CallReport>);

impl Calls {
    fn record(&mut self, method: &str, hr: HRESULT) -> HRESULT {
        self.push(method, hr);
        hr
    }

    fn push(&mut self, method: &str, hr: HRESULT) {
        self.0.push(CallReport {
            method: method.to_owned(),
            hr: hresult_name(hr),
            code: hr.0,
        });
    }
}

/// Why the session stopped before syncing.
enum Setup {
    /// The handler failed a call.
    Problem(String),
    /// The command line asked for something the handler does not have.
    Usage(String),
}

fn handler_info(
    handler: &Handler,
    calls: &mut Calls,
    shared: &Shared,
    report: &mut Report,
) -> Result<(), Setup> {
    let mut info: *mut SYNCMGRHANDLERINFO = core::ptr::null_mut();
    // SAFETY: a live handler and a valid out-pointer.
    let hr = calls.record("GetHandlerInfo", unsafe {
        (handler.vtable().GetHandlerInfo)(handler.raw(), &raw mut info)
    });
    if hr.is_err() {
        return Err(Setup::Problem(format!(
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
    // Ownership passes to the caller, who frees with CoTaskMemFree (§3.2). Off Windows both
    // sides use the portable twin in `syncmgr::memory`, and the DLL has its own copy of it: the
    // twin keeps the size in a header and allocates through `std::alloc` with the default
    // (System) allocator, which for the host and a Rust handler .so alike is the process's one
    // libc malloc, so the host's twin frees the DLL's block correctly. The twins' allocation
    // counters are per copy, though: the host's goes "negative" (it wraps) and the DLL's never
    // comes back down, so neither counter means anything across the boundary.
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
    report.handler.flag_names = Some(flag_names(copy.SyncMgrHandlerFlags, HANDLER_FLAGS));
    Ok(())
}

fn enumerate(
    handler: &Handler,
    calls: &mut Calls,
    shared: &Shared,
    batch: u32,
) -> Result<Vec<SYNCMGRITEM>, Setup> {
    let mut raw: *mut c_void = core::ptr::null_mut();
    // SAFETY: a live handler and a valid out-pointer.
    let hr = calls.record("EnumSyncMgrItems", unsafe {
        (handler.vtable().EnumSyncMgrItems)(handler.raw(), &raw mut raw)
    });
    if hr.is_err() {
        return Err(Setup::Problem(format!(
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
    if hr == abi::S_SYNCMGR_MISSINGITEMS {
        calls.0.last_mut().into_iter().for_each(|call| {
            call.hr.push_str(": the list is incomplete");
        });
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
            return Err(Setup::Problem(format!(
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
    calls.0.push(CallReport {
        method: format!("ISyncMgrEnumItems::Next x{next_calls} (batches of {batch})"),
        hr: format!("{} items", items.len()),
        code: 0,
    });
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

fn item_state(state: u32) -> String {
    match state as i32 {
        abi::SYNCMGRITEMSTATE_CHECKED => "checked".to_owned(),
        abi::SYNCMGRITEMSTATE_UNCHECKED => "unchecked".to_owned(),
        _ => state.to_string(),
    }
}

fn print_items(shared: &Shared, report: &Report, items: &[SYNCMGRITEM]) {
    let recorder = shared.lock();
    if !recorder.ui.prints() {
        return;
    }
    let name = report.handler.name.as_deref().unwrap_or("?");
    let flags = report.handler.flag_names.as_deref().unwrap_or("-");
    recorder.ui.println(&format!(
        "Handler \"{name}\" {}  flags: {flags}",
        report.handler.clsid
    ));
    recorder.ui.println(&format!("{} item(s):", items.len()));
    for item in items {
        recorder.ui.println(&format!(
            "  {{{:?}}}  {:<24} {:<9} flags: {}",
            item.ItemID,
            item_name(item),
            item_state(item.dwItemState),
            flag_names(item.dwFlags, ITEM_FLAGS)
        ));
    }
}

/// Resolves one `--items`/`--skip` word: a GUID, or a name (case-insensitive).
fn resolve(items: &[SYNCMGRITEM], word: &str) -> Result<Selected, Setup> {
    let found = match parse_guid(word) {
        Ok(id) => items.iter().find(|item| item.ItemID == id),
        Err(_) => items
            .iter()
            .find(|item| item_name(item).eq_ignore_ascii_case(word.trim())),
    };
    found
        .map(|item| (item.ItemID, item_name(item)))
        .ok_or_else(|| {
            let names: Vec<String> = items.iter().map(item_name).collect();
            Setup::Usage(format!(
                "the handler has no item `{word}`; its items are: {}",
                names.join(", ")
            ))
        })
}

fn select(items: &[SYNCMGRITEM], words: &[String]) -> Result<Vec<Selected>, Setup> {
    if words.is_empty() {
        return Ok(items
            .iter()
            .map(|item| (item.ItemID, item_name(item)))
            .collect());
    }
    let mut selected: Vec<Selected> = Vec::new();
    for word in words {
        let item = resolve(items, word)?;
        if !selected.iter().any(|(id, _)| *id == item.0) {
            selected.push(item);
        }
    }
    Ok(selected)
}

/// `SetProgressCallback` → `PrepareForSync` → `Synchronize` → skips → `SynchronizeCompleted`;
/// `Ok` holds the time from the `Synchronize` call until the completion was seen.
fn sync(
    handler: &Handler,
    calls: &mut Calls,
    shared: &Shared,
    callback: &CallbackRef,
    args: &Args,
    selected: &[Selected],
) -> Result<Duration, Setup> {
    // Resolve the skips against the session first: a typo should not run a session.
    let mut timed: Vec<(Duration, Selected)> = Vec::new();
    for skip in &args.skip {
        let item = find_selected(selected, &skip.item).map_err(Setup::Usage)?;
        match skip.when {
            SkipWhen::After(delay) => timed.push((delay, item)),
            SkipWhen::Percent(percent) => shared.lock().percent_skips.push(PercentSkip {
                item: item.0,
                percent,
                fired: false,
            }),
        }
    }
    timed.sort_by_key(|(delay, _)| *delay);

    // SAFETY: a live handler and callback; the handler AddRefs what it keeps.
    let hr = calls.record("SetProgressCallback", unsafe {
        (handler.vtable().SetProgressCallback)(handler.raw(), callback.as_raw())
    });
    if hr.is_err() {
        return Err(Setup::Problem(format!(
            "SetProgressCallback returned {}",
            hresult_name(hr)
        )));
    }

    let ids: Vec<GUID> = selected.iter().map(|(id, _)| *id).collect();
    {
        let mut recorder = shared.lock();
        recorder.checker.prepare_calling(selected);
        recorder.ui.start(selected);
    }
    let count =
        u32::try_from(ids.len()).map_err(|_| Setup::Problem("too many items".to_owned()))?;
    // SAFETY: `ids` holds `count` GUIDs for the call; no parent window.
    let hr = unsafe {
        (handler.vtable().PrepareForSync)(handler.raw(), count, ids.as_ptr(), HWND::default(), 0)
    };
    calls.push("PrepareForSync", hr);
    shared.lock().checker.prepare_returned(hr);
    if hr != abi::S_OK {
        return Err(Setup::Problem(format!(
            "PrepareForSync returned {}",
            hresult_name(hr)
        )));
    }
    let deadline = Instant::now() + args.timeout();
    if !shared.wait_until(deadline, |recorder| {
        recorder.checker.prepare_completion().is_some()
    }) {
        return Err(Setup::Problem(format!(
            "no PrepareForSyncCompleted within {:?}",
            args.timeout()
        )));
    }
    let prepared = shared
        .lock()
        .checker
        .prepare_completion()
        .unwrap_or(abi::S_OK);
    if prepared != abi::S_OK {
        return Err(Setup::Problem(format!(
            "PrepareForSyncCompleted({}): no Synchronize",
            hresult_name(prepared)
        )));
    }

    shared.lock().checker.synchronize_calling();
    let started = Instant::now();
    // SAFETY: a live handler; no parent window.
    let hr = unsafe { (handler.vtable().Synchronize)(handler.raw(), HWND::default()) };
    calls.push("Synchronize", hr);
    shared.lock().checker.synchronize_returned(hr);
    if hr != abi::S_OK {
        return Err(Setup::Problem(format!(
            "Synchronize returned {}",
            hresult_name(hr)
        )));
    }
    await_completion(handler, calls, shared, args, timed)?;
    let took = started.elapsed();
    let hr = shared
        .lock()
        .checker
        .synchronize_completion()
        .unwrap_or(abi::S_OK);
    if hr.is_err() {
        return Err(Setup::Problem(format!(
            "SynchronizeCompleted({})",
            hresult_name(hr)
        )));
    }
    Ok(took)
}

/// Waits for `SynchronizeCompleted`, sending each timed skip (`SetItemStatus(item, SKIPPED)`)
/// when it falls due.
fn await_completion(
    handler: &Handler,
    calls: &mut Calls,
    shared: &Shared,
    args: &Args,
    timed: Vec<(Duration, Selected)>,
) -> Result<(), Setup> {
    let started = Instant::now();
    let deadline = started + args.timeout();
    let completed = |recorder: &Recorder| recorder.checker.synchronize_completion().is_some();
    let mut timed = timed.into_iter().peekable();
    loop {
        let wake = timed
            .peek()
            .map_or(deadline, |(delay, _)| (started + *delay).min(deadline));
        if shared.wait_until(wake, completed) {
            break;
        }
        match timed.peek() {
            Some((delay, _)) if Instant::now() >= started + *delay => {
                let Some((_, (id, name))) = timed.next() else {
                    break;
                };
                // SAFETY: a live handler; `id` outlives the call. Its answer is only recorded
                // (a failure here is not fatal to the Sync Manager either, §11).
                let hr = unsafe {
                    (handler.vtable().SetItemStatus)(
                        handler.raw(),
                        &raw const id,
                        abi::SYNCMGRSTATUS_SKIPPED as u32,
                    )
                };
                calls.push(&format!("SetItemStatus({name}, SKIPPED)"), hr);
            }
            _ if Instant::now() >= deadline => {
                return Err(Setup::Problem(format!(
                    "no SynchronizeCompleted within {:?}",
                    args.timeout()
                )));
            }
            _ => {}
        }
    }
    for (_, (_, name)) in timed {
        calls.push(
            &format!("SetItemStatus({name}, SKIPPED) not sent: the session had ended"),
            abi::S_OK,
        );
    }
    Ok(())
}

fn find_selected(selected: &[Selected], word: &str) -> Result<Selected, String> {
    let by_id = parse_guid(word).ok();
    selected
        .iter()
        .find(|(id, name)| Some(*id) == by_id || name.eq_ignore_ascii_case(word.trim()))
        .cloned()
        .ok_or_else(|| format!("--skip {word}: no such item in the session"))
}

/// Waits (briefly) until the DLL can unload and the handler has let go of the callback: a
/// worker thread may still be finishing after `SynchronizeCompleted`.
fn settle(loaded: &Loaded, callback: Option<&CallbackRef>, shared: &Shared) {
    let module = loaded
        .module
        .as_ref()
        .filter(|module| module.can_unload_now().is_some());
    let done = || {
        module.is_none_or(|module| module.can_unload_now() == Some(abi::S_OK))
            && callback.is_none_or(|callback| callback.others() == 0)
    };
    let deadline = Instant::now() + SETTLE;
    while !done() && Instant::now() < deadline {
        // A callback released by the worker is handed back to this thread to be released here.
        shared.idle(Duration::from_millis(10));
    }
    let found = check::check_release(
        None,
        module.and_then(crate::load::Module::can_unload_now),
        callback.map(CallbackRef::others),
    );
    let mut recorder = shared.lock();
    for violation in found {
        recorder.checker.push(violation);
    }
}

fn item_reports(
    items: &[SYNCMGRITEM],
    selected: &[Selected],
    shared: &Shared,
    args: &Args,
) -> Vec<ItemReport> {
    let recorder = shared.lock();
    let skipped: Vec<GUID> = args
        .skip
        .iter()
        .filter_map(|skip| find_selected(selected, &skip.item).ok())
        .map(|(id, _)| id)
        .collect();
    items
        .iter()
        .map(|item| {
            let track = recorder
                .checker
                .items()
                .iter()
                .find(|track| track.id == item.ItemID);
            let selected = selected.iter().any(|(id, _)| *id == item.ItemID);
            let expected = selected.then(|| {
                if skipped.contains(&item.ItemID) {
                    "SKIPPED".to_owned()
                } else {
                    "SUCCEEDED".to_owned()
                }
            });
            ItemReport {
                id: format!("{{{:?}}}", item.ItemID),
                name: item_name(item),
                flags: flag_names(item.dwFlags, ITEM_FLAGS),
                state: item_state(item.dwItemState),
                selected,
                expected,
                final_status: track
                    .and_then(|track| track.finals.first())
                    .map(|&s| status_label(s)),
                duration_ms: track.and_then(|track| {
                    let (start, end) = (track.first_progress?, track.finished?);
                    u64::try_from(end.saturating_sub(start).as_millis()).ok()
                }),
                last_text: track.and_then(|track| track.text.clone()),
                progress: track.and_then(|track| track.values),
            }
        })
        .collect()
}
