//! What a Sync Center session produced.

use crate::When;
use crate::check::{Violation, ViolationKind};
use crate::report::{Call, CallbackKind};
use std::time::Duration;
use syncmgr::{GUID, HRESULT, abi};

/// The name of a `SYNCMGR_PROGRESS_STATUS` value without its prefix (`SUCCEEDED`), or `None`
/// when `status` is none (`docs/sync-center.md#isyncmgrsynccallback`).
#[must_use]
pub fn status_name(status: i32) -> Option<&'static str> {
    Some(match status {
        abi::SYNCMGR_PS_UPDATING => "UPDATING",
        abi::SYNCMGR_PS_UPDATING_INDETERMINATE => "UPDATING_INDETERMINATE",
        abi::SYNCMGR_PS_SUCCEEDED => "SUCCEEDED",
        abi::SYNCMGR_PS_FAILED => "FAILED",
        abi::SYNCMGR_PS_CANCELED => "CANCELED",
        abi::SYNCMGR_PS_DISCONNECTED => "DISCONNECTED",
        _ => return None,
    })
}

/// A status name (`SUCCEEDED`), or the number when it is not a `SYNCMGR_PROGRESS_STATUS`.
pub(crate) fn status_label(status: i32) -> String {
    status_name(status).map_or_else(|| status.to_string(), str::to_owned)
}

/// The name of a `SYNCMGR_CANCEL_REQUEST` value without its prefix (`CANCEL_ITEM`), or `None`.
#[must_use]
pub fn cancel_name(request: i32) -> Option<&'static str> {
    Some(match request {
        abi::SYNCMGR_CR_NONE => "NONE",
        abi::SYNCMGR_CR_CANCEL_ITEM => "CANCEL_ITEM",
        abi::SYNCMGR_CR_CANCEL_ALL => "CANCEL_ALL",
        _ => return None,
    })
}

/// Whether `status` ends an item: `SUCCEEDED`, `FAILED`, `CANCELED` or `DISCONNECTED`.
#[must_use]
pub fn is_final(status: i32) -> bool {
    (abi::SYNCMGR_PS_SUCCEEDED..=abi::SYNCMGR_PS_DISCONNECTED).contains(&status)
}

/// Whether `status` is terminal for Sync Center: after `SUCCEEDED`, `FAILED` or `CANCELED`
/// only `FAILED` may follow (`docs/sync-center.md#isyncmgrsynccallback`).
#[must_use]
pub fn is_terminal(status: i32) -> bool {
    (abi::SYNCMGR_PS_SUCCEEDED..=abi::SYNCMGR_PS_CANCELED).contains(&status)
}

/// A planned cancellation: Sync Center's user pressing *Stop* for one item or for all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CancelPlan {
    /// The item's id (as the handler listed it; a plan may name it by id or display name);
    /// `None`: every item.
    pub item: Option<String>,
    /// When: [`After`](When::After)`(n)` during the item's `n`-th `ReportProgress` (any item's
    /// for all), [`Percent`](When::Percent) during the first report at that share of its steps,
    /// [`Delay`](When::Delay) that long after `Synchronize` was called.
    pub when: When,
}

/// One `ReportProgress` call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressReport {
    /// When, from the `Synchronize` call.
    pub at: Duration,
    /// `pszItemID`.
    pub item: String,
    /// `pszProgressText`; `None` for NULL (the text stays as it was).
    pub text: Option<String>,
    /// `nStatus`, a `SYNCMGR_PROGRESS_STATUS`.
    pub status: i32,
    /// `uCurrentStep`.
    pub step: u32,
    /// `uMaxStep`.
    pub max: u32,
    /// What Sync Center wrote into `*pnCancelRequest` (a `SYNCMGR_CANCEL_REQUEST`); `None` when
    /// the handler passed NULL.
    pub cancel: Option<i32>,
    /// The answer.
    pub hr: HRESULT,
}

/// One `ReportEvent` call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventReport {
    /// `pszItemID`; `None`: an event of the whole handler.
    pub item: Option<String>,
    /// `nLevel`, a `SYNCMGR_EVENT_LEVEL` (1 information, 2 warning, 3 error).
    pub level: i32,
    /// `nFlags`.
    pub flags: i32,
    /// `pszName`.
    pub name: String,
    /// `pszDescription`.
    pub description: String,
    /// `pszLinkText`.
    pub link_text: Option<String>,
    /// `pszLinkReference`.
    pub link_reference: Option<String>,
    /// `pszContext`.
    pub context: Option<String>,
    /// The event id Sync Center gave back (`GUID_NULL` when the call was refused).
    pub id: GUID,
    /// The answer.
    pub hr: HRESULT,
}

/// What `ISyncMgrHandlerInfo` answered (`docs/sync-center.md#isyncmgrhandlerinfo`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HandlerProperties {
    /// `GetType`, a `SYNCMGR_HANDLER_TYPE`, when it succeeded.
    pub handler_type: Option<i32>,
    /// `GetTypeLabel`, when it succeeded.
    pub type_label: Option<String>,
    /// `GetComment`, when it succeeded.
    pub comment: Option<String>,
    /// `GetLastSyncTime` as (low, high), when it succeeded.
    pub last_sync: Option<(u32, u32)>,
    /// `IsActive`: `S_OK` active, `S_FALSE` inactive, `E_NOTIMPL` "Sync Center keeps track".
    pub active: HRESULT,
    /// `IsEnabled`.
    pub enabled: HRESULT,
    /// `IsConnected`.
    pub connected: HRESULT,
}

/// What `ISyncMgrSyncItemInfo` answered (`docs/sync-center.md#isyncmgrsynciteminfo`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemProperties {
    /// `GetTypeLabel`, when it succeeded.
    pub type_label: Option<String>,
    /// `GetComment`, when it succeeded.
    pub comment: Option<String>,
    /// `GetLastSyncTime` as (low, high), when it succeeded.
    pub last_sync: Option<(u32, u32)>,
    /// `IsEnabled`.
    pub enabled: HRESULT,
    /// `IsConnected`.
    pub connected: HRESULT,
}

/// One item the enumerator yielded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemReport {
    /// `GetItemID` (empty when it failed).
    pub id: String,
    /// `GetName`, when it succeeded.
    pub name: Option<String>,
    /// `GetItemInfo`'s answers, when it gave an object.
    pub properties: Option<ItemProperties>,
    /// `GetCapabilities`, a `SYNCMGR_ITEM_CAPABILITIES` bit set, when it succeeded.
    pub capabilities: Option<i32>,
    /// `GetPolicies`, a `SYNCMGR_ITEM_POLICIES` bit set, when it succeeded.
    pub policies: Option<i32>,
    /// Whether Sync Center would show and synchronize it: an id and a name, both non-empty, the
    /// id not a repeat.
    pub shown: bool,
}

/// Everything a Sync Center session showed: what the handler said about itself and its items,
/// what it reported during `Synchronize`, the calls both ways, and the broken rules.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The handler id Sync Center expects in `CreateSession`.
    pub handler_id: String,
    /// The session creator and callback passed: apartment objects of the `Synchronize`
    /// thread (Windows only) or agile ones ([`Session::agile_callback`](super::Session::agile_callback)).
    pub callback: CallbackKind,
    /// `ISyncMgrHandler::GetName`, when it succeeded.
    pub name: Option<String>,
    /// `GetHandlerInfo`'s answers, when it gave an object.
    pub properties: Option<HandlerProperties>,
    /// `GetCapabilities`, a `SYNCMGR_HANDLER_CAPABILITIES` bit set, when it succeeded.
    pub capabilities: Option<i32>,
    /// `GetPolicies`, a `SYNCMGR_HANDLER_POLICIES` bit set, when it succeeded.
    pub policies: Option<i32>,
    /// Every enumerated item, in order.
    pub items: Vec<ItemReport>,
    /// The ids passed to `Synchronize`, in order.
    pub selected: Vec<String>,
    /// The item ids of the session the handler created (`None`: it created none).
    pub session: Option<Vec<String>>,
    /// Every `ReportProgress`, in order.
    pub progress: Vec<ProgressReport>,
    /// Every `ReportEvent`, in order.
    pub events: Vec<EventReport>,
    /// Every `SetHandlerProgressText` text, in order.
    pub handler_texts: Vec<String>,
    /// `Synchronize`'s answer, once it returned.
    pub synchronize: Option<HRESULT>,
    /// From the `Synchronize` call until it returned.
    pub synchronize_time: Option<Duration>,
    /// The driver's calls on the handler, its container, enumerator and items, in order.
    pub calls: Vec<Call>,
    /// The handler's calls on the session creator and the sync callback, spelled out, with
    /// Sync Center's answers, in order.
    pub callbacks: Vec<Call>,
    /// Broken rules.
    pub violations: Vec<Violation>,
    /// Why the session did not run to its end, when it did not (besides violations).
    pub problems: Vec<String>,
    /// Remarks: allowed but noteworthy calls (a `FAILED` after a final status, …).
    pub notes: Vec<String>,
    /// What Sync Center would show oddly, though no rule is broken.
    pub warnings: Vec<String>,
    /// Planned cancellations whose moment never came.
    pub unfired: Vec<CancelPlan>,
}

impl Report {
    /// The broken rules; empty for a conforming handler.
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The kinds of the broken rules, in order.
    #[must_use]
    pub fn kinds(&self) -> Vec<ViolationKind> {
        self.violations
            .iter()
            .map(|violation| violation.kind)
            .collect()
    }

    /// Whether the session ran to its end with no violation and no problem.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        crate::check::is_clean(&self.violations, &self.problems)
    }

    /// Checks that the session was clean.
    ///
    /// # Panics
    /// When there were violations or problems, listing them.
    #[track_caller]
    pub fn assert_clean(&self) {
        crate::check::assert_clean("the Sync Center session", &self.violations, &self.problems);
    }

    /// The enumerated item with this id (compared as Sync Center does, ignoring case).
    #[must_use]
    pub fn item(&self, id: &str) -> Option<&ItemReport> {
        self.items.iter().find(|item| same_id(&item.id, id))
    }

    /// The `ReportProgress` calls for `item`, in order.
    pub fn progress_of<'a>(&'a self, item: &'a str) -> impl Iterator<Item = &'a ProgressReport> {
        self.progress
            .iter()
            .filter(move |report| same_id(&report.item, item))
    }

    /// Every status `item` reported, in order (refused calls included).
    #[must_use]
    pub fn statuses(&self, item: &str) -> Vec<i32> {
        self.progress_of(item).map(|report| report.status).collect()
    }

    /// The first final status `item` reported and Sync Center accepted, or `None`.
    #[must_use]
    pub fn final_status(&self, item: &str) -> Option<i32> {
        self.progress_of(item)
            .find(|report| report.hr == abi::S_OK && is_final(report.status))
            .map(|report| report.status)
    }

    /// The progress texts `item` reported, in order (NULL texts left out).
    #[must_use]
    pub fn texts<'a>(&'a self, item: &str) -> Vec<&'a str> {
        self.progress
            .iter()
            .filter(|report| same_id(&report.item, item))
            .filter_map(|report| report.text.as_deref())
            .collect()
    }

    /// Whether every selected item ended `SUCCEEDED`.
    #[must_use]
    pub fn all_succeeded(&self) -> bool {
        !self.selected.is_empty()
            && self
                .selected
                .iter()
                .all(|id| self.final_status(id) == Some(abi::SYNCMGR_PS_SUCCEEDED))
    }

    /// The answer the driver got for its first call whose label starts with `method`.
    #[must_use]
    pub fn answer(&self, method: &str) -> Option<HRESULT> {
        self.calls
            .iter()
            .find(|call| call.method.starts_with(method))
            .map(|call| call.hr)
    }

    /// Sync Center's answer to the handler's first call whose label starts with `method`.
    #[must_use]
    pub fn callback_answer(&self, method: &str) -> Option<HRESULT> {
        self.callbacks
            .iter()
            .find(|call| call.method.starts_with(method))
            .map(|call| call.hr)
    }
}

/// Whether two ids are the same for Sync Center: equal ignoring case (as the SDK sample
/// compares them).
#[must_use]
pub(crate) fn same_id(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count()
        && a.chars()
            .zip(b.chars())
            .all(|(a, b)| a == b || a.to_uppercase().eq(b.to_uppercase()))
}

/// `{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}`: a GUID as a braced upper-case string, the form of
/// the handler and item ids of a `syncmgr` handler.
#[must_use]
pub fn braced(guid: &GUID) -> String {
    format!(
        "{{{:08X}-{:04X}-{:04X}-{:02X}{:02X}-{:02X}{:02X}{:02X}{:02X}{:02X}{:02X}}}",
        guid.data1,
        guid.data2,
        guid.data3,
        guid.data4[0],
        guid.data4[1],
        guid.data4[2],
        guid.data4[3],
        guid.data4[4],
        guid.data4[5],
        guid.data4[6],
        guid.data4[7]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_ids() {
        assert_eq!(status_name(abi::SYNCMGR_PS_CANCELED), Some("CANCELED"));
        assert_eq!(status_name(0), None);
        assert_eq!(status_label(7), "7");
        assert_eq!(cancel_name(abi::SYNCMGR_CR_CANCEL_ALL), Some("CANCEL_ALL"));
        assert!(is_final(abi::SYNCMGR_PS_DISCONNECTED));
        assert!(!is_terminal(abi::SYNCMGR_PS_DISCONNECTED));
        assert!(!is_final(abi::SYNCMGR_PS_UPDATING_INDETERMINATE));
        let guid = GUID::from_u128(0x6b0f7c3e_8c55_4f59_9d7b_3f4f2f6f0a11);
        assert_eq!(braced(&guid), "{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}");
        assert!(same_id("{ab}", "{AB}"));
        assert!(!same_id("{ab}", "{ab }"));
    }
}
