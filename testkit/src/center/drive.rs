//! The driver: Sync Center's side of one handler, one call after the other
//! (`docs/sync-center.md#isyncmgrhandler`):
//!
//! `GetName` → `GetHandlerInfo` (and its getters) → `GetCapabilities` → `GetPolicies` →
//! `QueryInterface(ISyncMgrSyncItemContainer)` → `GetSyncItemCount` → `GetSyncItemEnumerator` →
//! `Next(1)` until `S_FALSE`, with each item's `GetItemID`, `GetName`, `GetItemInfo` (and its
//! getters), `GetCapabilities`, `GetPolicies` → `GetSyncItem` for every id and for an unknown
//! one → `Synchronize(ids, NULL, creator, NULL)` on a thread of its own → the handler's
//! `CreateSession` and callback calls → the references given back → everything released.

use super::host::{Host, Shared};
use super::report::{CancelPlan, HandlerProperties, ItemProperties, ItemReport, Report, same_id};
use super::state::{State, short, too_long};
use crate::callback::read_wide;
use crate::check::{Violation, ViolationKind, text_violation};
use crate::names::hresult_name;
use crate::report::{Call, CallbackKind};
use crate::session::SetupError;
use core::ffi::c_void;
use core::mem::ManuallyDrop;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};
use syncmgr::abi::{
    self, FILETIME, HWND, IEnumSyncMgrSyncItems, ISyncMgrHandler, ISyncMgrHandlerInfo,
    ISyncMgrSyncItem, ISyncMgrSyncItemContainer, ISyncMgrSyncItemInfo,
};
use syncmgr::{HRESULT, Interface};
use windows_core::{PCWSTR, PWSTR};

/// Most items the driver enumerates before it calls the enumerator endless.
const MAX_ITEMS: usize = 10_000;

/// What a session does: [`Session`](super::Session) fills one.
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    /// The id Sync Center expects in `CreateSession`.
    pub(crate) handler_id: String,
    /// The items to synchronize, by id or name (`None`: every item Sync Center shows).
    pub(crate) selection: Option<Vec<String>>,
    /// Cancellations, their items by id or name.
    pub(crate) cancels: Vec<CancelPlan>,
    /// How long `Synchronize` may take.
    pub(crate) timeout: Duration,
    /// How long the handler may take, after `Synchronize` returned, to give back its
    /// references to the session creator and the callback.
    pub(crate) settle: Duration,
    /// Apartment objects of the `Synchronize` thread (Windows), or agile ones.
    pub(crate) callback: CallbackKind,
}

impl Plan {
    pub(crate) fn new(handler_id: String) -> Self {
        Self {
            handler_id,
            selection: None,
            cancels: Vec::new(),
            timeout: Duration::from_mins(1),
            settle: Duration::from_secs(5),
            callback: CallbackKind::default(),
        }
    }
}

/// Makes a new instance of the handler, on the thread that calls it.
pub(crate) type Fresh = Box<dyn FnOnce() -> Result<ISyncMgrHandler, String> + Send>;

/// The handler to drive, with the driver's one reference.
pub(crate) struct Target {
    pub(crate) handler: ISyncMgrHandler,
    /// Nobody else holds a reference: the final `Release` must return 0.
    pub(crate) sole: bool,
    /// A new instance for the sync, made on its thread, as Sync Center makes one for each
    /// synchronization (`docs/sync-center.md#threads-and-instances`); `None`: the one handler.
    pub(crate) fresh: Option<Fresh>,
}

/// Builds the report as the session goes.
struct Driver {
    report: Report,
}

/// A UTF-16 copy of `text` with its NUL.
fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain(Some(0)).collect()
}

impl Driver {
    fn call(&mut self, method: impl Into<String>, hr: HRESULT) {
        self.report.calls.push(Call {
            method: method.into(),
            hr,
        });
    }

    fn violation(&mut self, kind: ViolationKind, detail: impl Into<String>) {
        self.report.violations.push(Violation::new(kind, detail));
    }

    /// Records an `[out, string]` getter's answer and takes its string (freed as Sync Center
    /// frees it, with `CoTaskMemFree`); `None` when the call failed or the string is unusable.
    fn string(&mut self, method: &str, hr: HRESULT, out: PWSTR) -> Option<String> {
        self.call(method, hr);
        if hr.is_err() {
            // A failed call's out-value is not the caller's.
            return None;
        }
        if out.is_null() {
            self.violation(
                ViolationKind::BadReturn,
                format!("{method} returned {} with a null string", hresult_name(hr)),
            );
            return None;
        }
        // SAFETY: on success `out` is a NUL-terminated string the callee allocated.
        let text = unsafe { read_wide(out.0) };
        // Ownership passed to the caller. Off Windows both sides use the runtime's portable
        // twin of the task allocator (`syncmgr::memory`), on Windows CoTaskMemFree.
        // SAFETY: `out` came from the task allocator and is freed once, after the read.
        unsafe { syncmgr::memory::co_task_mem_free(out.0.cast()) };
        match text {
            Ok(text) => Some(text),
            Err(problem) => {
                self.report
                    .violations
                    .push(text_violation(&format!("{method}'s string"), problem));
                None
            }
        }
    }

    /// Checks a display string or id: non-empty when `required`, at most `limit` units.
    fn check_text(&mut self, what: &str, text: &str, limit: u32, required: bool) {
        if required && text.is_empty() {
            self.violation(
                ViolationKind::EmptyString,
                format!("{what} is empty: Sync Center neither shows nor synchronizes it"),
            );
        }
        if let Some(violation) = too_long(what, text, limit) {
            self.report.violations.push(violation);
        }
    }

    /// Records a predicate's answer (`IsActive`, `IsEnabled`, `IsConnected`).
    fn predicate(&mut self, method: &str, hr: HRESULT) -> HRESULT {
        if hr != abi::S_OK && hr != abi::S_FALSE && hr != abi::E_NOTIMPL {
            self.violation(
                ViolationKind::UnexpectedResult,
                format!(
                    "{method} returned {}; it answers S_OK, S_FALSE or E_NOTIMPL",
                    hresult_name(hr)
                ),
            );
        }
        self.call(method, hr);
        hr
    }

    /// Records a bit-set getter's answer, checked against `mask`.
    fn bits(&mut self, method: &str, hr: HRESULT, value: i32, mask: (i32, &str)) -> Option<i32> {
        self.call(method, hr);
        if hr.is_err() {
            return None;
        }
        let rest = value & !mask.0;
        if rest != 0 {
            self.violation(
                ViolationKind::BadValue,
                format!(
                    "{method} returned {value:#x}, with bits {rest:#x} outside {}",
                    mask.1
                ),
            );
        }
        Some(value)
    }

    fn last_sync(&mut self, method: &str, hr: HRESULT, time: FILETIME) -> Option<(u32, u32)> {
        self.call(method, hr);
        hr.is_ok()
            .then_some((time.dwLowDateTime, time.dwHighDateTime))
    }

    fn handler_properties(&mut self, info: &ISyncMgrHandlerInfo) -> HandlerProperties {
        let (vtable, raw) = (info.vtable(), info.as_raw());
        let mut handler_type = 0;
        let mut label = PWSTR::null();
        let mut comment = PWSTR::null();
        let mut time = FILETIME::default();
        // SAFETY: a live ISyncMgrHandlerInfo; every out-pointer is valid for its call.
        let (type_hr, label_hr, comment_hr, time_hr, active, enabled, connected) = unsafe {
            (
                (vtable.GetType)(raw, &raw mut handler_type),
                (vtable.GetTypeLabel)(raw, &raw mut label),
                (vtable.GetComment)(raw, &raw mut comment),
                (vtable.GetLastSyncTime)(raw, &raw mut time),
                (vtable.IsActive)(raw),
                (vtable.IsEnabled)(raw),
                (vtable.IsConnected)(raw),
            )
        };
        self.call("ISyncMgrHandlerInfo::GetType", type_hr);
        let handler_type = type_hr.is_ok().then_some(handler_type);
        if let Some(handler_type) = handler_type
            && !(abi::SYNCMGR_HT_MIN..=abi::SYNCMGR_HT_MAX).contains(&handler_type)
        {
            self.violation(
                ViolationKind::BadValue,
                format!(
                    "ISyncMgrHandlerInfo::GetType returned {handler_type}, not a \
                     SYNCMGR_HANDLER_TYPE (0 to 5)"
                ),
            );
        }
        let type_label = self.string("ISyncMgrHandlerInfo::GetTypeLabel", label_hr, label);
        let comment = self.string("ISyncMgrHandlerInfo::GetComment", comment_hr, comment);
        if let Some(comment) = &comment {
            self.check_text(
                "the handler's comment",
                comment,
                abi::MAX_SYNCMGR_NAME,
                false,
            );
        }
        HandlerProperties {
            handler_type,
            type_label,
            comment,
            last_sync: self.last_sync("ISyncMgrHandlerInfo::GetLastSyncTime", time_hr, time),
            active: self.predicate("ISyncMgrHandlerInfo::IsActive", active),
            enabled: self.predicate("ISyncMgrHandlerInfo::IsEnabled", enabled),
            connected: self.predicate("ISyncMgrHandlerInfo::IsConnected", connected),
        }
    }

    fn item_properties(&mut self, n: usize, info: &ISyncMgrSyncItemInfo) -> ItemProperties {
        let (vtable, raw) = (info.vtable(), info.as_raw());
        let mut label = PWSTR::null();
        let mut comment = PWSTR::null();
        let mut time = FILETIME::default();
        // SAFETY: a live ISyncMgrSyncItemInfo; every out-pointer is valid for its call.
        let (label_hr, comment_hr, time_hr, enabled, connected) = unsafe {
            (
                (vtable.GetTypeLabel)(raw, &raw mut label),
                (vtable.GetComment)(raw, &raw mut comment),
                (vtable.GetLastSyncTime)(raw, &raw mut time),
                (vtable.IsEnabled)(raw),
                (vtable.IsConnected)(raw),
            )
        };
        let type_label = self.string(
            &format!("ISyncMgrSyncItemInfo::GetTypeLabel #{n}"),
            label_hr,
            label,
        );
        let comment = self.string(
            &format!("ISyncMgrSyncItemInfo::GetComment #{n}"),
            comment_hr,
            comment,
        );
        if let Some(comment) = &comment {
            self.check_text(
                &format!("item #{n}'s comment"),
                comment,
                abi::MAX_SYNCMGR_NAME,
                false,
            );
        }
        ItemProperties {
            type_label,
            comment,
            last_sync: self.last_sync(
                &format!("ISyncMgrSyncItemInfo::GetLastSyncTime #{n}"),
                time_hr,
                time,
            ),
            enabled: self.predicate(&format!("ISyncMgrSyncItemInfo::IsEnabled #{n}"), enabled),
            connected: self.predicate(
                &format!("ISyncMgrSyncItemInfo::IsConnected #{n}"),
                connected,
            ),
        }
    }

    /// `GetItemID` of `item`, recorded as `method`.
    fn item_id(&mut self, method: &str, item: &ISyncMgrSyncItem) -> (HRESULT, Option<String>) {
        let mut id = PWSTR::null();
        // SAFETY: a live ISyncMgrSyncItem and a valid out-pointer.
        let hr = unsafe { (item.vtable().GetItemID)(item.as_raw(), &raw mut id) };
        (hr, self.string(method, hr, id))
    }

    /// Everything Sync Center asks one enumerated item (the `n`-th, from 0).
    fn inspect_item(&mut self, n: usize, item: &ISyncMgrSyncItem) -> ItemReport {
        let (vtable, raw) = (item.vtable(), item.as_raw());
        let (id_hr, id) = self.item_id(&format!("ISyncMgrSyncItem::GetItemID #{n}"), item);
        match &id {
            Some(id) => self.check_text(&format!("item #{n}'s id"), id, abi::MAX_SYNCMGR_ID, true),
            None if id_hr.is_err() => self.violation(
                ViolationKind::UnexpectedResult,
                format!(
                    "item #{n}: GetItemID returned {}: Sync Center neither shows nor \
                     synchronizes the item",
                    hresult_name(id_hr)
                ),
            ),
            None => {}
        }
        let mut name = PWSTR::null();
        // SAFETY: a live item and a valid out-pointer.
        let name_hr = unsafe { (vtable.GetName)(raw, &raw mut name) };
        let name = self.string(&format!("ISyncMgrSyncItem::GetName #{n}"), name_hr, name);
        match &name {
            Some(name) => {
                self.check_text(
                    &format!("item #{n}'s name"),
                    name,
                    abi::MAX_SYNCMGR_NAME,
                    true,
                );
            }
            None if name_hr.is_err() => self.violation(
                ViolationKind::UnexpectedResult,
                format!(
                    "item #{n}: GetName returned {}: Sync Center neither shows nor \
                     synchronizes the item",
                    hresult_name(name_hr)
                ),
            ),
            None => {}
        }
        let mut info: *mut c_void = core::ptr::null_mut();
        // SAFETY: a live item and a valid out-pointer.
        let info_hr = unsafe { (vtable.GetItemInfo)(raw, &raw mut info) };
        self.call(format!("ISyncMgrSyncItem::GetItemInfo #{n}"), info_hr);
        let properties = if info_hr.is_err() {
            None
        } else if info.is_null() {
            self.violation(
                ViolationKind::BadReturn,
                format!("item #{n}: GetItemInfo returned success with a null object"),
            );
            None
        } else {
            // SAFETY: success handed out one ISyncMgrSyncItemInfo reference, released when
            // this drops.
            let info = unsafe { ISyncMgrSyncItemInfo::from_raw(info) };
            Some(self.item_properties(n, &info))
        };
        let (mut capabilities, mut policies) = (0, 0);
        // SAFETY: a live item and valid out-pointers.
        let (capabilities_hr, policies_hr) = unsafe {
            (
                (vtable.GetCapabilities)(raw, &raw mut capabilities),
                (vtable.GetPolicies)(raw, &raw mut policies),
            )
        };
        let capabilities = self.bits(
            &format!("ISyncMgrSyncItem::GetCapabilities #{n}"),
            capabilities_hr,
            capabilities,
            (abi::SYNCMGR_ICM_VALID_MASK, "SYNCMGR_ICM_VALID_MASK"),
        );
        let policies = self.bits(
            &format!("ISyncMgrSyncItem::GetPolicies #{n}"),
            policies_hr,
            policies,
            (abi::SYNCMGR_IPM_VALID_MASK, "SYNCMGR_IPM_VALID_MASK"),
        );
        let shown = id.as_ref().is_some_and(|id| !id.is_empty())
            && name.as_ref().is_some_and(|name| !name.is_empty());
        ItemReport {
            id: id.unwrap_or_default(),
            name,
            properties,
            capabilities,
            policies,
            shown,
        }
    }

    /// `GetName`, `GetHandlerInfo`, `GetCapabilities`, `GetPolicies`. `Err`: Sync Center would
    /// neither show nor invoke the handler.
    fn describe(&mut self, handler: &ISyncMgrHandler) -> Result<(), String> {
        let (vtable, raw) = (handler.vtable(), handler.as_raw());
        let mut name = PWSTR::null();
        // SAFETY: a live handler and a valid out-pointer.
        let hr = unsafe { (vtable.GetName)(raw, &raw mut name) };
        let name = self.string("ISyncMgrHandler::GetName", hr, name);
        match &name {
            None => {
                return Err(format!(
                    "ISyncMgrHandler::GetName returned {} without a usable name: Sync Center \
                     neither shows nor invokes the handler",
                    hresult_name(hr)
                ));
            }
            Some(name) => {
                self.check_text("the handler's name", name, abi::MAX_SYNCMGR_NAME, true);
                if name.is_empty() {
                    self.report.name = Some(String::new());
                    return Err(
                        "the handler's name is empty: Sync Center neither shows nor \
                                invokes the handler"
                            .to_owned(),
                    );
                }
            }
        }
        self.report.name = name;
        let mut info: *mut c_void = core::ptr::null_mut();
        // SAFETY: a live handler and a valid out-pointer.
        let hr = unsafe { (vtable.GetHandlerInfo)(raw, &raw mut info) };
        self.call("ISyncMgrHandler::GetHandlerInfo", hr);
        if hr.is_ok() {
            if info.is_null() {
                self.violation(
                    ViolationKind::BadReturn,
                    "GetHandlerInfo returned success with a null object",
                );
            } else {
                // SAFETY: success handed out one ISyncMgrHandlerInfo reference, released when
                // this drops.
                let info = unsafe { ISyncMgrHandlerInfo::from_raw(info) };
                self.report.properties = Some(self.handler_properties(&info));
            }
        }
        let (mut capabilities, mut policies) = (0, 0);
        // SAFETY: a live handler and valid out-pointers.
        let (capabilities_hr, policies_hr) = unsafe {
            (
                (vtable.GetCapabilities)(raw, &raw mut capabilities),
                (vtable.GetPolicies)(raw, &raw mut policies),
            )
        };
        self.report.capabilities = self.bits(
            "ISyncMgrHandler::GetCapabilities",
            capabilities_hr,
            capabilities,
            (abi::SYNCMGR_HCM_VALID_MASK, "SYNCMGR_HCM_VALID_MASK"),
        );
        self.report.policies = self.bits(
            "ISyncMgrHandler::GetPolicies",
            policies_hr,
            policies,
            (abi::SYNCMGR_HPM_VALID_MASK, "SYNCMGR_HPM_VALID_MASK"),
        );
        Ok(())
    }

    /// `QueryInterface` for the container. `Err`: Sync Center could list no item.
    fn container(
        &mut self,
        handler: &ISyncMgrHandler,
    ) -> Result<ISyncMgrSyncItemContainer, String> {
        let mut out: *mut c_void = core::ptr::null_mut();
        // SAFETY: a live handler; the IID is readable and `out` writable.
        let hr = unsafe {
            (handler.vtable().base__.QueryInterface)(
                handler.as_raw(),
                &ISyncMgrSyncItemContainer::IID,
                &raw mut out,
            )
        };
        self.call("QueryInterface(ISyncMgrSyncItemContainer)", hr);
        if hr.is_err() || out.is_null() {
            return Err(format!(
                "the handler does not answer ISyncMgrSyncItemContainer ({}): Sync Center lists \
                 no item",
                hresult_name(hr)
            ));
        }
        // SAFETY: QueryInterface handed out one reference, released when this drops.
        Ok(unsafe { ISyncMgrSyncItemContainer::from_raw(out) })
    }

    /// `GetSyncItemCount`, then the enumeration, each item inspected. `Err`: the enumeration
    /// failed.
    fn enumerate(&mut self, container: &ISyncMgrSyncItemContainer) -> Result<(), String> {
        let (vtable, raw) = (container.vtable(), container.as_raw());
        let mut count = 0u32;
        // SAFETY: a live container and a valid out-pointer.
        let hr = unsafe { (vtable.GetSyncItemCount)(raw, &raw mut count) };
        self.call("ISyncMgrSyncItemContainer::GetSyncItemCount", hr);
        let count = hr.is_ok().then_some(count);
        let mut enumerator: *mut c_void = core::ptr::null_mut();
        // SAFETY: a live container and a valid out-pointer.
        let hr = unsafe { (vtable.GetSyncItemEnumerator)(raw, &raw mut enumerator) };
        self.call("ISyncMgrSyncItemContainer::GetSyncItemEnumerator", hr);
        if hr.is_err() {
            return Err(format!(
                "GetSyncItemEnumerator returned {}: Sync Center lists no item",
                hresult_name(hr)
            ));
        }
        if enumerator.is_null() {
            self.violation(
                ViolationKind::BadReturn,
                "GetSyncItemEnumerator returned success with a null enumerator",
            );
            return Err("no enumerator: Sync Center lists no item".to_owned());
        }
        // SAFETY: success handed out one IEnumSyncMgrSyncItems reference, released when this
        // drops.
        let enumerator = unsafe { IEnumSyncMgrSyncItems::from_raw(enumerator) };
        let outcome = self.yield_items(&enumerator);
        drop(enumerator);
        outcome?;
        let yielded = self.report.items.len();
        if let Some(count) = count
            && count as usize != yielded
        {
            self.violation(
                ViolationKind::CountMismatch,
                format!("GetSyncItemCount says {count}, the enumerator yielded {yielded} item(s)"),
            );
        }
        self.mark_repeats();
        Ok(())
    }

    /// `Next(1)` until `S_FALSE`, each item inspected. `Err`: `Next` failed.
    fn yield_items(&mut self, enumerator: &IEnumSyncMgrSyncItems) -> Result<(), String> {
        let mut calls = 0usize;
        loop {
            if calls > MAX_ITEMS {
                self.violation(
                    ViolationKind::BadReturn,
                    format!("the enumerator yielded more than {MAX_ITEMS} items: it never ends"),
                );
                return Ok(());
            }
            let mut item: *mut c_void = core::ptr::null_mut();
            let mut fetched = 0u32;
            // SAFETY: a live enumerator; room for one item and a writable count.
            let hr = unsafe {
                (enumerator.vtable().Next)(enumerator.as_raw(), 1, &raw mut item, &raw mut fetched)
            };
            calls += 1;
            if hr.is_err() {
                self.call("IEnumSyncMgrSyncItems::Next(1)", hr);
                return Err(format!(
                    "IEnumSyncMgrSyncItems::Next returned {}",
                    hresult_name(hr)
                ));
            }
            if hr != abi::S_OK {
                if fetched != 0 || !item.is_null() {
                    self.violation(
                        ViolationKind::BadReturn,
                        format!(
                            "IEnumSyncMgrSyncItems::Next(1) returned {} with {fetched} item(s) \
                             fetched",
                            hresult_name(hr)
                        ),
                    );
                    if !item.is_null() {
                        // SAFETY: the callee handed out a reference with the item; give it back.
                        drop(unsafe { ISyncMgrSyncItem::from_raw(item) });
                    }
                }
                if hr != abi::S_FALSE {
                    self.violation(
                        ViolationKind::UnexpectedResult,
                        format!(
                            "IEnumSyncMgrSyncItems::Next(1) returned {}, neither S_OK nor S_FALSE",
                            hresult_name(hr)
                        ),
                    );
                }
                self.call(format!("IEnumSyncMgrSyncItems::Next(1) × {calls}"), hr);
                return Ok(());
            }
            if item.is_null() {
                self.call(format!("IEnumSyncMgrSyncItems::Next(1) × {calls}"), hr);
                self.violation(
                    ViolationKind::BadReturn,
                    "IEnumSyncMgrSyncItems::Next(1) returned S_OK with a null item",
                );
                return Ok(());
            }
            if fetched != 1 {
                self.violation(
                    ViolationKind::BadReturn,
                    format!(
                        "IEnumSyncMgrSyncItems::Next(1) returned S_OK with *pceltFetched = \
                         {fetched}"
                    ),
                );
            }
            // SAFETY: S_OK handed out one ISyncMgrSyncItem reference, released when this drops.
            let item = unsafe { ISyncMgrSyncItem::from_raw(item) };
            let n = self.report.items.len();
            let report = self.inspect_item(n, &item);
            self.report.items.push(report);
        }
    }

    /// An id that repeats an earlier one (ignoring case) is a violation; Sync Center shows the
    /// first.
    fn mark_repeats(&mut self) {
        let yielded = self.report.items.len();
        for n in 0..yielded {
            let id = self.report.items[n].id.clone();
            if let Some(first) = self.report.items[..n]
                .iter()
                .position(|earlier| earlier.shown && same_id(&earlier.id, &id))
                && self.report.items[n].shown
            {
                self.violation(
                    ViolationKind::BadReturn,
                    format!(
                        "item #{n}'s id {} repeats item #{first}'s (ids compare ignoring case)",
                        short(&id)
                    ),
                );
                self.report.items[n].shown = false;
            }
        }
    }

    /// `GetSyncItem` for every shown id, and for an id the handler does not have.
    fn look_up(&mut self, container: &ISyncMgrSyncItemContainer) {
        let ids: Vec<String> = self
            .report
            .items
            .iter()
            .filter(|item| item.shown)
            .map(|item| item.id.clone())
            .collect();
        for id in ids {
            let method = format!("ISyncMgrSyncItemContainer::GetSyncItem({})", short(&id));
            let (hr, item) = get_sync_item(container, &id);
            self.call(method.clone(), hr);
            if hr.is_err() {
                self.violation(
                    ViolationKind::UnexpectedResult,
                    format!("{method} of a listed item returned {}", hresult_name(hr)),
                );
                continue;
            }
            let Some(item) = item else {
                self.violation(
                    ViolationKind::BadReturn,
                    format!("{method} returned success with a null item"),
                );
                continue;
            };
            let (_, got) = self.item_id(
                &format!("ISyncMgrSyncItem::GetItemID of {}", short(&id)),
                &item,
            );
            if let Some(got) = got
                && !same_id(&got, &id)
            {
                self.violation(
                    ViolationKind::BadReturn,
                    format!("{method} gave the item {}", short(&got)),
                );
            }
        }
        let unknown = [
            "{00000000-0000-0000-0000-000000000000}",
            "{FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF}",
        ]
        .into_iter()
        .find(|candidate| {
            !self
                .report
                .items
                .iter()
                .any(|item| same_id(&item.id, candidate))
        })
        .unwrap_or("syncmgr-test: no such item");
        let (hr, item) = get_sync_item(container, unknown);
        let method = format!("ISyncMgrSyncItemContainer::GetSyncItem({unknown})");
        self.call(method.clone(), hr);
        if hr != abi::E_INVALIDARG {
            self.violation(
                ViolationKind::UnexpectedResult,
                format!(
                    "{method}, an id the handler does not have, returned {}, not E_INVALIDARG",
                    hresult_name(hr)
                ),
            );
        }
        drop(item);
    }
}

/// `GetSyncItem(id)`: the answer and, on success, the item (`None` for a null one).
fn get_sync_item(
    container: &ISyncMgrSyncItemContainer,
    id: &str,
) -> (HRESULT, Option<ISyncMgrSyncItem>) {
    let id = wide(id);
    let mut out: *mut c_void = core::ptr::null_mut();
    // SAFETY: a live container; `id` is NUL-terminated and outlives the call; `out` writable.
    let hr = unsafe {
        (container.vtable().GetSyncItem)(container.as_raw(), PCWSTR(id.as_ptr()), &raw mut out)
    };
    // A failed call's out-value is not the caller's: left alone, not released.
    let item = (hr.is_ok() && !out.is_null()).then(|| {
        // SAFETY: success handed out one ISyncMgrSyncItem reference, released when it drops.
        unsafe { ISyncMgrSyncItem::from_raw(out) }
    });
    (hr, item)
}

/// The ids and names to synchronize, and the cancel plans with their items as ids.
type Resolved = (Vec<(String, String)>, Vec<CancelPlan>);

fn resolve(report: &Report, plan: &Plan) -> Result<Resolved, SetupError> {
    let shown: Vec<(String, String)> = report
        .items
        .iter()
        .filter(|item| item.shown)
        .map(|item| (item.id.clone(), item.name.clone().unwrap_or_default()))
        .collect();
    let find = |among: &[(String, String)], wanted: &str| {
        among
            .iter()
            .find(|(id, name)| same_id(id, wanted) || name.eq_ignore_ascii_case(wanted.trim()))
            .cloned()
    };
    let selected = match &plan.selection {
        None => shown.clone(),
        Some(wanted) => {
            let mut selected: Vec<(String, String)> = Vec::new();
            for wanted in wanted {
                let item = find(&shown, wanted).ok_or_else(|| {
                    SetupError::Usage(format!("{wanted:?} is not an item the handler shows"))
                })?;
                if !selected.iter().any(|(id, _)| *id == item.0) {
                    selected.push(item);
                }
            }
            selected
        }
    };
    let mut cancels = Vec::new();
    for cancel in &plan.cancels {
        let item = match &cancel.item {
            None => None,
            Some(wanted) => Some(
                find(&selected, wanted)
                    .ok_or_else(|| {
                        SetupError::Usage(format!("{wanted:?} is not an item of the session"))
                    })?
                    .0,
            ),
        };
        cancels.push(CancelPlan {
            item,
            when: cancel.when,
        });
    }
    Ok((selected, cancels))
}

/// Runs `plan` on `target` (whose one reference the driver owns and releases).
pub(crate) fn drive(target: Target, plan: &Plan) -> Result<Report, SetupError> {
    let mut driver = Driver {
        report: Report {
            handler_id: plan.handler_id.clone(),
            callback: if plan.callback.pumps() {
                CallbackKind::Apartment
            } else {
                CallbackKind::Agile
            },
            ..Report::default()
        },
    };
    let Target {
        handler,
        sole,
        fresh,
    } = target;
    let handler = ManuallyDrop::new(handler);
    let mut container = None;
    let prepared = driver
        .describe(&handler)
        .and_then(|()| driver.container(&handler))
        .and_then(|found| {
            let found = container.insert(found);
            driver.enumerate(found)?;
            driver.look_up(found);
            Ok(())
        });
    let outcome = match prepared {
        Err(problem) => {
            driver.report.problems.push(problem);
            Ok(true)
        }
        Ok(()) => resolve(&driver.report, plan).and_then(|(selected, cancels)| {
            synchronize(
                &mut driver,
                &handler,
                fresh,
                sole,
                plan,
                &selected,
                &cancels,
            )
        }),
    };
    if matches!(outcome, Ok(false)) {
        // `Synchronize` never returned: its thread still uses the handler, which must stay.
        core::mem::forget(container);
        return Ok(driver.report);
    }
    drop(container);
    // SAFETY: gives back the driver's one reference; the handler is not used after this.
    let remaining = unsafe { (handler.vtable().base__.Release)(handler.as_raw()) };
    if sole && remaining != 0 {
        driver.violation(
            ViolationKind::ObjectNotReleased,
            format!("the final Release of ISyncMgrHandler returned {remaining}, not 0"),
        );
    }
    outcome.map(|_| driver.report)
}

/// The sync: `Synchronize` on its own thread with a fresh session creator, then the handler's
/// references given back and the session's checks. `Ok(false)`: `Synchronize` did not return
/// in time.
#[allow(clippy::too_many_lines)] // one sync, from its thread to its checks
fn synchronize(
    driver: &mut Driver,
    handler: &ISyncMgrHandler,
    fresh: Option<Fresh>,
    sole: bool,
    plan: &Plan,
    selected: &[(String, String)],
    cancels: &[CancelPlan],
) -> Result<bool, SetupError> {
    driver.report.selected = selected.iter().map(|(id, _)| id.clone()).collect();
    let host = Host::new(
        State::new(&plan.handler_id, selected, cancels),
        !plan.callback.pumps(),
    );
    let shared = host.shared_arc();
    let ids: Vec<Vec<u16>> = selected.iter().map(|(id, _)| wide(id)).collect();
    let count =
        u32::try_from(ids.len()).map_err(|_| SetupError::Usage("too many items".to_owned()))?;
    let label = format!(
        "ISyncMgrHandler::Synchronize([{}], NULL, creator, NULL)",
        selected
            .iter()
            .map(|(id, _)| short(id))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let (handler_raw, creator_raw) = (handler.as_raw() as usize, host.creator() as usize);
    let (sender, receiver) = mpsc::channel();
    let thread_shared = Arc::clone(&shared);
    shared.lock().start();
    let started = Instant::now();
    // Sync Center gives each sync a thread of its own.
    let spawned = std::thread::Builder::new()
        .name("syncmgr-test Synchronize".to_owned())
        .spawn(move || {
            // A single-threaded apartment of its own (Windows), left when the thread ends.
            let _apartment = crate::apartment::Sta::enter();
            thread_shared.enter_home();
            let pointers: Vec<PCWSTR> = ids.iter().map(|id| PCWSTR(id.as_ptr())).collect();
            // Sync Center makes the handler for this sync on this thread.
            let own = match fresh.map(|make| make()) {
                Some(Ok(own)) => Some(own),
                Some(Err(error)) => {
                    let _ = sender.send(Err(error));
                    return;
                }
                None => None,
            };
            let handler = own
                .as_ref()
                .map_or(handler_raw as *mut c_void, Interface::as_raw);
            // SAFETY: the driver keeps its handler and the creator alive until this thread
            // reported back (or forever, when it never does), this thread its own; `pointers`
            // holds `count` NUL-terminated ids that outlive the call.
            let hr = unsafe {
                let vtable = &**handler.cast::<*const abi::ISyncMgrHandler_Vtbl>();
                (vtable.Synchronize)(
                    handler,
                    pointers.as_ptr(),
                    count,
                    HWND::default(),
                    creator_raw as *mut c_void,
                    core::ptr::null_mut(),
                )
            };
            thread_shared.lock().returned();
            // The sync's own instance goes with its thread: its final `Release` here.
            let remaining = own.map(|own| {
                let raw = own.into_raw();
                // SAFETY: gives back this thread's one reference; not used after.
                unsafe {
                    ((**raw.cast::<*const abi::ISyncMgrHandler_Vtbl>())
                        .base__
                        .Release)(raw)
                }
            });
            // The driver may have stopped waiting.
            let _ = sender.send(Ok((hr, remaining)));
        });
    let thread = match spawned {
        Ok(thread) => thread,
        Err(error) => {
            driver
                .report
                .problems
                .push(format!("could not start the Synchronize thread: {error}"));
            return Ok(true);
        }
    };
    let Ok(answer) = receiver.recv_timeout(plan.timeout) else {
        driver.report.problems.push(format!(
            "Synchronize did not return within {:?}: the handler is left to it",
            plan.timeout
        ));
        collect(driver, &shared, None);
        core::mem::forget(host);
        return Ok(false);
    };
    let (hr, remaining) = match answer {
        Ok(answer) => answer,
        Err(error) => {
            driver.report.problems.push(format!(
                "the handler for the sync could not be made: {error}"
            ));
            let _ = thread.join();
            collect(driver, &shared, None);
            return Ok(true);
        }
    };
    if sole && remaining.is_some_and(|remaining| remaining != 0) {
        driver.violation(
            ViolationKind::ObjectNotReleased,
            format!(
                "the final Release of the sync's ISyncMgrHandler returned {}, not 0",
                remaining.unwrap_or_default()
            ),
        );
    }
    driver.report.synchronize_time = Some(started.elapsed());
    driver.report.synchronize = Some(hr);
    driver.call(label, hr);
    if thread.join().is_err() {
        driver
            .report
            .problems
            .push("the Synchronize thread panicked".to_owned());
    }
    if hr.is_err() {
        driver
            .report
            .problems
            .push(format!("Synchronize returned {}", hresult_name(hr)));
    }
    // A worker of the handler may still be letting go.
    host.settle(Instant::now() + plan.settle);
    let (creator, callback) = host.others();
    drop(host);
    let finals = hr.is_ok() || shared.lock().session.is_some();
    collect(driver, &shared, Some(finals));
    for (what, others) in [("session creator", creator), ("sync callback", callback)] {
        if others > 0 {
            driver.violation(
                ViolationKind::CallbackNotReleased,
                format!(
                    "the handler still holds {others} reference(s) to the {what} after \
                     Synchronize returned"
                ),
            );
        }
    }
    Ok(true)
}

/// Moves what the session recorded into the report; with `finals`, the session's end checks
/// run first (see [`State::finish`]).
fn collect(driver: &mut Driver, shared: &Shared, finals: Option<bool>) {
    let mut state = shared.lock();
    if let Some(finals) = finals {
        state.finish(finals);
    }
    let report = &mut driver.report;
    report.session.clone_from(&state.session);
    report.progress = core::mem::take(&mut state.progress);
    report.events = core::mem::take(&mut state.events);
    report.handler_texts = core::mem::take(&mut state.texts);
    report.callbacks = core::mem::take(&mut state.calls);
    report.notes.append(&mut state.notes);
    report.warnings.append(&mut state.warnings);
    report.violations.append(&mut state.violations);
    report.unfired = state.unfired();
}
