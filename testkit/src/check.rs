//! The conformance checker: fed with what the handler did, it lists every departure from the
//! Sync Manager protocol (mobsync.h and its reference pages: each completion callback exactly
//! once and only after its call succeeded, progress only for session items and never after
//! their final status or the completion, well-formed structs and strings, every reference given
//! back).
//!
//! Everything here is plain data: the callback decodes the handler's raw structs into
//! [`Event`]s and the session driver reports its own calls, so each violation kind can be
//! proven detectable with synthetic input.

use crate::names::{hresult_name, status_label, status_name};
use std::collections::HashMap;
use std::fmt;
use std::time::Duration;
use syncmgr::abi::{self, SYNCMGRHANDLERINFO, SYNCMGRITEM};
use syncmgr::{GUID, HRESULT};

/// What kind of rule was broken.
///
/// The first kinds are the Sync Manager's (mobsync.h); a Sync Center session
/// ([`center`](crate::center)) uses the same ones where the rule is the same and the kinds from
/// [`TerminalStatusChanged`](Self::TerminalStatusChanged) on for its own rules
/// (`docs/sync-center.md#conventions` and the interface sections there).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ViolationKind {
    /// `PrepareForSyncCompleted` or `SynchronizeCompleted` never came after a successful call.
    MissingCompletion,
    /// A completion callback came more than once.
    RepeatedCompletion,
    /// A completion callback came although it must not (its call failed or was never made).
    UnexpectedCompletion,
    /// `Progress` or `LogError` named an item that is not in the session; in a Sync Center
    /// session, `CreateSession` named an item `Synchronize` did not ask for, or
    /// `ReportProgress`, `ReportEvent` or `CanContinue` one that is not in the session.
    UnknownItem,
    /// A session item never got a final status (`SUCCEEDED`, `FAILED`, `SKIPPED`, `STOPPED`;
    /// in Sync Center `SUCCEEDED`, `FAILED`, `CANCELED`, `DISCONNECTED`).
    MissingFinalStatus,
    /// A session item got more than one final status (in Sync Center a later `FAILED` is
    /// allowed).
    RepeatedFinalStatus,
    /// `Progress` for an item after its final status.
    ProgressAfterFinalStatus,
    /// `Progress` after `SynchronizeCompleted`.
    ProgressAfterCompletion,
    /// A struct with a wrong `cbSize`, mask, flags or state.
    MalformedStruct,
    /// A string that is null where text is required or not NUL-terminated.
    MalformedString,
    /// A status or log level that is not a `SYNCMGRSTATUS` / `SYNCMGRLOGLEVEL` value; in Sync
    /// Center a `SYNCMGR_PROGRESS_STATUS`, `SYNCMGR_EVENT_LEVEL`, `SYNCMGR_EVENT_FLAGS` or
    /// `SYNCMGR_HANDLER_TYPE` out of its range, or capabilities or policies with bits outside
    /// their `*_VALID_MASK`.
    BadValue,
    /// An enumerator or out-parameter that broke its contract (duplicate ids, over-long batch,
    /// `S_OK` with a null pointer; in Sync Center also `GetSyncItem` giving another item than
    /// the one asked for).
    BadReturn,
    /// The final `Release` of `ISyncMgrSynchronize` (of `ISyncMgrHandler` in a Sync Center
    /// session on a handler value) did not return 0.
    ObjectNotReleased,
    /// `DllCanUnloadNow` did not answer `S_OK` after everything was released.
    CannotUnload,
    /// The handler kept a reference to the host's callback (in Sync Center: to the session
    /// creator or the sync callback).
    CallbackNotReleased,
    /// The handler called the host's apartment-bound callback on another thread than the one
    /// that passed it (Windows, without `--agile-callback`): a COM rule broken, which a real
    /// apartment object may not survive.
    WrongApartment,
    /// The handler called the callback after it gave back its last reference (or released
    /// more references than it took).
    CallAfterRelease,
    /// The handler called a callback that `SetProgressCallback` had replaced (beyond the one
    /// call that may already have been on its way).
    CallAfterReplace,
    /// Sync Center: `ReportProgress` changed an item that was already reported `SUCCEEDED`,
    /// `FAILED` or `CANCELED` to anything but `FAILED`; Sync Center answers `E_ACCESSDENIED`
    /// (`docs/sync-center.md#isyncmgrsynccallback`).
    TerminalStatusChanged,
    /// Sync Center: a string longer than its limit, counting its NUL: `MAX_SYNCMGR_ID` (64) for
    /// ids, `MAX_SYNCMGR_NAME` (128) for names and comments, `MAX_SYNCMGR_PROGRESSTEXT` (260)
    /// for progress texts (`docs/sync-center.md#conventions`).
    TooLong,
    /// Sync Center: an empty id or display name; Sync Center neither shows nor synchronizes
    /// such a handler or item (`docs/sync-center.md#isyncmgrhandler`).
    EmptyString,
    /// Sync Center: `GetSyncItemCount` disagrees with the number of items the enumerator
    /// yields (`docs/sync-center.md#isyncmgrsyncitemcontainer`).
    CountMismatch,
    /// Sync Center: a method answered an HRESULT its documentation rules out: a predicate
    /// (`IsActive`, `IsEnabled`, `IsConnected`) other than `S_OK`, `S_FALSE` or `E_NOTIMPL`,
    /// `GetSyncItem` of an unknown id other than `E_INVALIDARG`, a failing item getter.
    UnexpectedResult,
    /// Sync Center: `CreateSession` named another handler id than the handler's own.
    WrongHandlerId,
    /// Sync Center: `CreateSession` was called more than once during one `Synchronize`.
    RepeatedSession,
    /// Sync Center: a pointer the IDL requires was null: `CreateSession`'s `ppCallback`,
    /// `ReportEvent`'s `pguidEventID`, `QueryForAdditionalItems`' out-pointers, the item array
    /// of `CreateSession` with a non-zero count.
    NullPointer,
    /// Sync Center: the handler called the session creator or the sync callback after
    /// `Synchronize` returned.
    CallAfterReturn,
    /// Sync Center: an item the handler was told to cancel (a cancel request written through
    /// `pnCancelRequest`, or `CanContinue` answering `S_FALSE`) ended otherwise than `CANCELED`
    /// or `FAILED`.
    CancelIgnored,
}

impl ViolationKind {
    /// The kind's name in reports, e.g. `missing-completion`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::MissingCompletion => "missing-completion",
            Self::RepeatedCompletion => "repeated-completion",
            Self::UnexpectedCompletion => "unexpected-completion",
            Self::UnknownItem => "unknown-item",
            Self::MissingFinalStatus => "missing-final-status",
            Self::RepeatedFinalStatus => "repeated-final-status",
            Self::ProgressAfterFinalStatus => "progress-after-final-status",
            Self::ProgressAfterCompletion => "progress-after-completion",
            Self::MalformedStruct => "malformed-struct",
            Self::MalformedString => "malformed-string",
            Self::BadValue => "bad-value",
            Self::BadReturn => "bad-return",
            Self::ObjectNotReleased => "object-not-released",
            Self::CannotUnload => "cannot-unload",
            Self::CallbackNotReleased => "callback-not-released",
            Self::WrongApartment => "wrong-apartment",
            Self::CallAfterRelease => "call-after-release",
            Self::CallAfterReplace => "call-after-replace",
            Self::TerminalStatusChanged => "terminal-status-changed",
            Self::TooLong => "too-long",
            Self::EmptyString => "empty-string",
            Self::CountMismatch => "count-mismatch",
            Self::UnexpectedResult => "unexpected-result",
            Self::WrongHandlerId => "wrong-handler-id",
            Self::RepeatedSession => "repeated-session",
            Self::NullPointer => "null-pointer",
            Self::CallAfterReturn => "call-after-return",
            Self::CancelIgnored => "cancel-ignored",
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ViolationKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// One broken rule, with what exactly happened.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Violation {
    /// The rule.
    pub kind: ViolationKind,
    /// What happened, for a person.
    pub detail: String,
}

impl Violation {
    /// A violation of `kind`.
    pub fn new(kind: ViolationKind, detail: impl Into<String>) -> Self {
        Self {
            kind,
            detail: detail.into(),
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.detail)
    }
}

/// Why a wide string could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// A null pointer.
    Null,
    /// No NUL within the limit.
    Unterminated,
}

/// A `SYNCMGRPROGRESSITEM` as the handler passed it, decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// `cbSize`.
    pub cb_size: u32,
    /// `mask` (`SYNCMGRPROGRESSITEM_*` bits).
    pub mask: u32,
    /// `lpcStatusText` when `STATUSTEXT` is set.
    pub text: Option<Result<String, TextProblem>>,
    /// `dwStatusType` when `STATUSTYPE` is set.
    pub status: Option<u32>,
    /// `iProgValue` when `PROGVALUE` is set.
    pub value: Option<i32>,
    /// `iMaxValue` when `MAXVALUE` is set.
    pub max: Option<i32>,
}

impl Progress {
    /// The status text, when the mask has it and it could be read.
    #[must_use]
    pub fn status_text(&self) -> Option<&str> {
        self.text.as_ref()?.as_deref().ok()
    }

    /// A well-formed progress report: `status` with optional values.
    #[must_use]
    pub fn status(status: i32, values: Option<(i32, i32)>) -> Self {
        let mut mask = abi::SYNCMGRPROGRESSITEM_STATUSTYPE;
        if values.is_some() {
            mask |= abi::SYNCMGRPROGRESSITEM_PROGVALUE | abi::SYNCMGRPROGRESSITEM_MAXVALUE;
        }
        Self {
            cb_size: cb_size::<abi::SYNCMGRPROGRESSITEM>(),
            mask,
            text: None,
            status: Some(status as u32),
            value: values.map(|(value, _)| value),
            max: values.map(|(_, max)| max),
        }
    }
}

/// A `SYNCMGRLOGERRORINFO`, decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogInfo {
    /// `cbSize`.
    pub cb_size: u32,
    /// `mask` (`SYNCMGRLOGERROR_*` bits).
    pub mask: u32,
    /// `dwSyncMgrErrorFlags`.
    pub flags: u32,
    /// `ErrorID`.
    pub error_id: GUID,
    /// `ItemID`.
    pub item_id: GUID,
}

impl LogInfo {
    /// The item this entry is about, if the mask says so.
    #[must_use]
    pub fn item(&self) -> Option<GUID> {
        (self.mask & abi::SYNCMGRLOGERROR_ITEMID != 0).then_some(self.item_id)
    }

    /// The entry's error id, if the mask says so.
    #[must_use]
    pub fn error(&self) -> Option<GUID> {
        (self.mask & abi::SYNCMGRLOGERROR_ERRORID != 0).then_some(self.error_id)
    }
}

/// One call the handler made on the host's callback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// `PrepareForSyncCompleted(hr)`.
    PrepareForSyncCompleted(HRESULT),
    /// `SynchronizeCompleted(hr)`.
    SynchronizeCompleted(HRESULT),
    /// `ShowPropertiesCompleted(hr)`.
    ShowPropertiesCompleted(HRESULT),
    /// `ShowErrorCompleted(hr, cItems, pItemIDs)`: the items to synchronize again (empty for a
    /// null array).
    ShowErrorCompleted(HRESULT, Vec<GUID>),
    /// `EnableModeless(fEnable)`.
    EnableModeless(bool),
    /// `Progress(ItemID, item)`; `None` for a null `SYNCMGRPROGRESSITEM`.
    Progress(GUID, Option<Progress>),
    /// `LogError(level, text, info)`.
    LogError {
        /// `dwErrorLevel`.
        level: u32,
        /// `pszErrorText`.
        text: Result<String, TextProblem>,
        /// `pSyncLogError`, if not null.
        info: Option<LogInfo>,
    },
    /// `DeleteLogError(ErrorID, …)`.
    DeleteLogError(GUID),
    /// `EstablishConnection(name, …)`.
    EstablishConnection(Option<String>),
}

impl Event {
    /// The item and the decoded struct of a `Progress` call with a non-null struct.
    #[must_use]
    pub fn progress(&self) -> Option<(GUID, &Progress)> {
        match self {
            Self::Progress(item, Some(progress)) => Some((*item, progress)),
            _ => None,
        }
    }

    /// The text of a `LogError` call, when it could be read.
    #[must_use]
    pub fn log_text(&self) -> Option<&str> {
        match self {
            Self::LogError { text: Ok(text), .. } => Some(text),
            _ => None,
        }
    }
}

/// How many callback calls of each kind arrived.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EventCounts {
    /// `PrepareForSyncCompleted`.
    pub prepare_for_sync_completed: u32,
    /// `SynchronizeCompleted`.
    pub synchronize_completed: u32,
    /// `Progress`.
    pub progress: u32,
    /// `LogError`.
    pub log_error: u32,
    /// `ShowPropertiesCompleted`, `ShowErrorCompleted`, `EnableModeless`, `DeleteLogError`,
    /// `EstablishConnection`.
    pub other: u32,
}

/// What the checker knows about one session item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemTrack {
    /// The item id.
    pub id: GUID,
    /// Its display name (from the enumeration).
    pub name: String,
    /// Every final status it reported, in order.
    pub finals: Vec<u32>,
    /// When its first `Progress` arrived.
    pub first_progress: Option<Duration>,
    /// When its first final status arrived.
    pub finished: Option<Duration>,
    /// The last status text.
    pub text: Option<String>,
    /// The last `(value, max)`.
    pub values: Option<(i32, i32)>,
    /// `Progress` calls for it so far.
    pub progress_calls: u32,
}

/// Where the host is in the Sync Manager's call order (`docs/protocol.md#call-order`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum CallState {
    /// Not called yet.
    #[default]
    NotCalled,
    /// Called, not returned.
    Calling,
    /// Returned this HRESULT.
    Returned(HRESULT),
}

/// The protocol checker of one handler instance.
#[derive(Debug, Default)]
pub(crate) struct Checker {
    /// Only the structs, strings and values are checked, not the session's order: for a
    /// callback a test drives by hand through any sequence of calls.
    structure_only: bool,
    items: Vec<ItemTrack>,
    index: HashMap<GUID, usize>,
    prepare: CallState,
    synchronize: CallState,
    prepare_completions: Vec<HRESULT>,
    synchronize_completions: Vec<HRESULT>,
    /// `ShowProperties` and `ShowError` calls: how many returned `S_OK` so far.
    properties_calls: usize,
    error_calls: usize,
    properties_completions: Vec<HRESULT>,
    error_completions: Vec<HRESULT>,
    counts: EventCounts,
    violations: Vec<Violation>,
}

/// Whether `status` ends an item: [`SyncStatus::is_final`](syncmgr::SyncStatus::is_final) of
/// a `SYNCMGRSTATUS` value.
#[must_use]
pub(crate) fn is_final(status: u32) -> bool {
    syncmgr::SyncStatus::try_from(status).is_ok_and(syncmgr::SyncStatus::is_final)
}

/// `sizeof(T)` as a `cbSize`.
#[must_use]
pub(crate) fn cb_size<T>() -> u32 {
    u32::try_from(size_of::<T>()).unwrap_or(u32::MAX)
}

fn hr_text(hr: HRESULT) -> String {
    hresult_name(hr)
}

pub(crate) fn text_violation(what: &str, problem: TextProblem) -> Violation {
    let problem = match problem {
        TextProblem::Null => "is null",
        TextProblem::Unterminated => "is not NUL-terminated",
    };
    Violation::new(ViolationKind::MalformedString, format!("{what} {problem}"))
}

impl Checker {
    /// A checker with no session yet.
    #[must_use]
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// A checker of the structs, strings and values only (see [`Checker`]).
    #[must_use]
    pub(crate) fn structure_only() -> Self {
        Self {
            structure_only: true,
            ..Self::default()
        }
    }

    /// Adds violations found elsewhere (struct checks, refcounts).
    pub(crate) fn push(&mut self, violation: Violation) {
        self.violations.push(violation);
    }

    /// The violations so far.
    #[must_use]
    pub(crate) fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The session items, in `PrepareForSync` order.
    #[must_use]
    pub(crate) fn items(&self) -> &[ItemTrack] {
        &self.items
    }

    /// Call counts.
    #[must_use]
    pub(crate) fn counts(&self) -> &EventCounts {
        &self.counts
    }

    /// Whether `PrepareForSyncCompleted` has arrived.
    #[must_use]
    pub(crate) fn prepare_completion(&self) -> Option<HRESULT> {
        self.prepare_completions.first().copied()
    }

    /// Whether `SynchronizeCompleted` has arrived.
    #[must_use]
    pub(crate) fn synchronize_completion(&self) -> Option<HRESULT> {
        self.synchronize_completions.first().copied()
    }

    /// The host is about to call `PrepareForSync` with these items (id, name).
    pub(crate) fn prepare_calling(&mut self, items: &[(GUID, String)]) {
        self.prepare = CallState::Calling;
        for (id, name) in items {
            if self.index.contains_key(id) {
                continue;
            }
            self.index.insert(*id, self.items.len());
            self.items.push(ItemTrack {
                id: *id,
                name: name.clone(),
                finals: Vec::new(),
                first_progress: None,
                finished: None,
                text: None,
                values: None,
                progress_calls: 0,
            });
        }
    }

    /// `PrepareForSync` returned `hr`.
    pub(crate) fn prepare_returned(&mut self, hr: HRESULT) {
        self.prepare = CallState::Returned(hr);
        if hr != abi::S_OK && !self.prepare_completions.is_empty() {
            self.push(Violation::new(
                ViolationKind::UnexpectedCompletion,
                format!(
                    "PrepareForSyncCompleted was called but PrepareForSync returned {}",
                    hr_text(hr)
                ),
            ));
        }
    }

    /// The host is about to call `Synchronize`.
    pub(crate) fn synchronize_calling(&mut self) {
        self.synchronize = CallState::Calling;
    }

    /// `Synchronize` returned `hr`.
    pub(crate) fn synchronize_returned(&mut self, hr: HRESULT) {
        self.synchronize = CallState::Returned(hr);
        if hr != abi::S_OK && !self.synchronize_completions.is_empty() {
            self.push(Violation::new(
                ViolationKind::UnexpectedCompletion,
                format!(
                    "SynchronizeCompleted was called but Synchronize returned {}",
                    hr_text(hr)
                ),
            ));
        }
    }

    /// Records one callback call that arrived `at` into the session.
    pub(crate) fn record(&mut self, at: Duration, event: &Event) {
        match event {
            Event::PrepareForSyncCompleted(hr) => {
                self.counts.prepare_for_sync_completed += 1;
                self.prepare_completions.push(*hr);
                self.completion(
                    "PrepareForSync",
                    self.prepare,
                    self.prepare_completions.len(),
                );
            }
            Event::SynchronizeCompleted(hr) => {
                self.counts.synchronize_completed += 1;
                self.synchronize_completions.push(*hr);
                self.completion(
                    "Synchronize",
                    self.synchronize,
                    self.synchronize_completions.len(),
                );
            }
            Event::ShowPropertiesCompleted(hr) => {
                self.counts.other += 1;
                self.properties_completions.push(*hr);
                self.ui_completion(
                    "ShowProperties",
                    self.properties_calls,
                    self.properties_completions.len(),
                );
            }
            Event::ShowErrorCompleted(hr, _) => {
                self.counts.other += 1;
                self.error_completions.push(*hr);
                self.ui_completion("ShowError", self.error_calls, self.error_completions.len());
            }
            Event::EnableModeless(_) | Event::DeleteLogError(_) | Event::EstablishConnection(_) => {
                self.counts.other += 1;
            }
            Event::Progress(item, progress) => {
                self.counts.progress += 1;
                self.progress(at, *item, progress.as_ref());
            }
            Event::LogError { level, text, info } => {
                self.counts.log_error += 1;
                self.log_error(*level, text, info.as_ref());
            }
        }
    }

    /// A `ShowProperties` (`properties`) or `ShowError` call is about to be made; completions
    /// that arrive during the call belong to it.
    pub(crate) fn show_calling(&mut self, properties: bool) {
        if properties {
            self.properties_calls += 1;
        } else {
            self.error_calls += 1;
        }
    }

    /// That call returned `hr`: a completion is due only after `S_OK`.
    pub(crate) fn show_returned(&mut self, properties: bool, hr: HRESULT) {
        let (method, calls, completions) = if properties {
            (
                "ShowProperties",
                &mut self.properties_calls,
                self.properties_completions.len(),
            )
        } else {
            (
                "ShowError",
                &mut self.error_calls,
                self.error_completions.len(),
            )
        };
        if hr == abi::S_OK {
            return;
        }
        *calls -= 1;
        if completions > *calls {
            let calls = *calls;
            self.push(Violation::new(
                ViolationKind::UnexpectedCompletion,
                format!(
                    "{method}Completed was called but {method} returned {} ({completions} completion(s) for {calls} successful call(s))",
                    hr_text(hr)
                ),
            ));
        }
    }

    /// `ShowPropertiesCompleted` HRESULTs so far.
    pub(crate) fn properties_completions(&self) -> &[HRESULT] {
        &self.properties_completions
    }

    /// `ShowErrorCompleted` HRESULTs so far.
    pub(crate) fn error_completions(&self) -> &[HRESULT] {
        &self.error_completions
    }

    fn ui_completion(&mut self, method: &str, calls: usize, completions: usize) {
        if !self.structure_only && completions > calls {
            self.push(Violation::new(
                if calls == 0 {
                    ViolationKind::UnexpectedCompletion
                } else {
                    ViolationKind::RepeatedCompletion
                },
                format!("{method}Completed #{completions} for {calls} {method} call(s)"),
            ));
        }
    }

    fn completion(&mut self, method: &str, call: CallState, count: usize) {
        if self.structure_only {
            return;
        }
        if count > 1 {
            self.push(Violation::new(
                ViolationKind::RepeatedCompletion,
                format!("{method}Completed was called {count} times"),
            ));
            return;
        }
        match call {
            CallState::NotCalled => self.push(Violation::new(
                ViolationKind::UnexpectedCompletion,
                format!("{method}Completed before {method} was called"),
            )),
            CallState::Returned(hr) if hr != abi::S_OK => self.push(Violation::new(
                ViolationKind::UnexpectedCompletion,
                format!("{method}Completed after {method} returned {}", hr_text(hr)),
            )),
            CallState::Calling | CallState::Returned(_) => {}
        }
    }

    fn item_label(&self, id: &GUID) -> String {
        match self.index.get(id) {
            Some(&index) => format!("{} {{{id:?}}}", self.items[index].name),
            None => format!("{{{id:?}}}"),
        }
    }

    fn progress(&mut self, at: Duration, id: GUID, progress: Option<&Progress>) {
        let label = self.item_label(&id);
        let Some(progress) = progress else {
            self.push(Violation::new(
                ViolationKind::MalformedStruct,
                format!("Progress for {label} with a null SYNCMGRPROGRESSITEM"),
            ));
            return;
        };
        self.check_progress_struct(&label, progress);
        if self.structure_only {
            return;
        }
        if self.synchronize_completion().is_some() {
            self.push(Violation::new(
                ViolationKind::ProgressAfterCompletion,
                format!("Progress for {label} after SynchronizeCompleted"),
            ));
        }
        let Some(&index) = self.index.get(&id) else {
            self.push(Violation::new(
                ViolationKind::UnknownItem,
                format!("Progress for {label}, which is not in the session"),
            ));
            return;
        };
        let status = progress
            .status
            .filter(|&status| status_name(status).is_some());
        let final_status = status.filter(|&status| is_final(status));
        let item = &mut self.items[index];
        let earlier = item.finals.clone();
        item.progress_calls += 1;
        item.first_progress.get_or_insert(at);
        if let Some(Ok(text)) = &progress.text {
            item.text = Some(text.clone());
        }
        if let (Some(value), Some(max)) = (progress.value, progress.max) {
            item.values = Some((value, max));
        } else if let Some(value) = progress.value {
            item.values = Some((value, item.values.map_or(0, |(_, max)| max)));
        }
        if let Some(status) = final_status {
            item.finals.push(status);
            item.finished.get_or_insert(at);
        }
        if earlier.is_empty() {
            return;
        }
        let before = earlier
            .iter()
            .map(|&s| status_label(s))
            .collect::<Vec<_>>()
            .join(", ");
        match final_status {
            Some(status) => self.push(Violation::new(
                ViolationKind::RepeatedFinalStatus,
                format!(
                    "{label} ended {} after already ending {before}",
                    status_label(status)
                ),
            )),
            None => self.push(Violation::new(
                ViolationKind::ProgressAfterFinalStatus,
                format!("Progress for {label} after its final status {before}"),
            )),
        }
    }

    fn check_progress_struct(&mut self, label: &str, progress: &Progress) {
        let expected = cb_size::<abi::SYNCMGRPROGRESSITEM>();
        if progress.cb_size != expected {
            self.push(Violation::new(
                ViolationKind::MalformedStruct,
                format!(
                    "SYNCMGRPROGRESSITEM for {label}: cbSize {} instead of {expected}",
                    progress.cb_size
                ),
            ));
        }
        let known = abi::SYNCMGRPROGRESSITEM_STATUSTEXT
            | abi::SYNCMGRPROGRESSITEM_STATUSTYPE
            | abi::SYNCMGRPROGRESSITEM_PROGVALUE
            | abi::SYNCMGRPROGRESSITEM_MAXVALUE;
        if progress.mask & !known != 0 {
            self.push(Violation::new(
                ViolationKind::MalformedStruct,
                format!(
                    "SYNCMGRPROGRESSITEM for {label}: mask {:#x} has bits outside SYNCMGRPROGRESSITEM_*",
                    progress.mask
                ),
            ));
        }
        if let Some(Err(problem)) = progress.text {
            self.push(text_violation(
                &format!("lpcStatusText of the Progress for {label}"),
                problem,
            ));
        }
        if let Some(status) = progress.status
            && status_name(status).is_none()
        {
            self.push(Violation::new(
                ViolationKind::BadValue,
                format!("Progress for {label}: dwStatusType {status} is not a SYNCMGRSTATUS value"),
            ));
        }
    }

    fn log_error(
        &mut self,
        level: u32,
        text: &Result<String, TextProblem>,
        info: Option<&LogInfo>,
    ) {
        if !(1..=3).contains(&level) {
            self.push(Violation::new(
                ViolationKind::BadValue,
                format!("LogError level {level} is not a SYNCMGRLOGLEVEL value"),
            ));
        }
        if let Err(problem) = text {
            self.push(text_violation("the LogError text", *problem));
        }
        let Some(info) = info else { return };
        let expected = cb_size::<abi::SYNCMGRLOGERRORINFO>();
        if info.cb_size != expected {
            self.push(Violation::new(
                ViolationKind::MalformedStruct,
                format!(
                    "SYNCMGRLOGERRORINFO: cbSize {} instead of {expected}",
                    info.cb_size
                ),
            ));
        }
        let known = abi::SYNCMGRLOGERROR_ERRORFLAGS
            | abi::SYNCMGRLOGERROR_ERRORID
            | abi::SYNCMGRLOGERROR_ITEMID;
        if info.mask & !known != 0 {
            self.push(Violation::new(
                ViolationKind::MalformedStruct,
                format!(
                    "SYNCMGRLOGERRORINFO: mask {:#x} has bits outside SYNCMGRLOGERROR_*",
                    info.mask
                ),
            ));
        }
        if info.mask & abi::SYNCMGRLOGERROR_ERRORFLAGS != 0
            && info.flags & !(abi::SYNCMGRERRORFLAG_ENABLEJUMPTEXT as u32) != 0
        {
            self.push(Violation::new(
                ViolationKind::MalformedStruct,
                format!("SYNCMGRLOGERRORINFO: dwSyncMgrErrorFlags {:#x} is not a SYNCMGRERRORFLAGS value", info.flags),
            ));
        }
        if let Some(item) = info.item()
            && !self.structure_only
            && !self.index.contains_key(&item)
        {
            self.push(Violation::new(
                ViolationKind::UnknownItem,
                format!("LogError about {{{item:?}}}, which is not in the session"),
            ));
        }
    }

    /// Ends the session: a missing completion or final status becomes a violation.
    pub(crate) fn finish(&mut self) {
        if self.prepare == CallState::Returned(abi::S_OK) && self.prepare_completions.is_empty() {
            self.push(Violation::new(
                ViolationKind::MissingCompletion,
                "PrepareForSync returned S_OK but PrepareForSyncCompleted never came",
            ));
        }
        let synchronized = self.synchronize == CallState::Returned(abi::S_OK);
        if synchronized && self.synchronize_completions.is_empty() {
            self.push(Violation::new(
                ViolationKind::MissingCompletion,
                "Synchronize returned S_OK but SynchronizeCompleted never came",
            ));
        }
        if synchronized {
            let missing: Vec<String> = self
                .items
                .iter()
                .filter(|item| item.finals.is_empty())
                .map(|item| format!("{} {{{:?}}}", item.name, item.id))
                .collect();
            for label in missing {
                self.push(Violation::new(
                    ViolationKind::MissingFinalStatus,
                    format!("{label} never reported a final status"),
                ));
            }
        }
    }
}

/// The first NUL-terminated string of a fixed array, or `None` when it has no NUL.
#[must_use]
pub(crate) fn fixed_string(units: &[u16]) -> Option<String> {
    let len = units.iter().position(|&unit| unit == 0)?;
    Some(String::from_utf16_lossy(&units[..len]))
}

/// Checks a `SYNCMGRHANDLERINFO` from `GetHandlerInfo`.
#[must_use]
pub(crate) fn check_handler_info(info: &SYNCMGRHANDLERINFO) -> Vec<Violation> {
    let mut found = Vec::new();
    let expected = cb_size::<SYNCMGRHANDLERINFO>();
    if info.cbSize != expected {
        found.push(Violation::new(
            ViolationKind::MalformedStruct,
            format!(
                "SYNCMGRHANDLERINFO: cbSize {} instead of {expected}",
                info.cbSize
            ),
        ));
    }
    if info.SyncMgrHandlerFlags & !abi::SYNCMGRHANDLERFLAG_MASK != 0 {
        found.push(Violation::new(
            ViolationKind::MalformedStruct,
            format!(
                "SYNCMGRHANDLERINFO: SyncMgrHandlerFlags {:#x} outside SYNCMGRHANDLERFLAG_MASK",
                info.SyncMgrHandlerFlags
            ),
        ));
    }
    if fixed_string(&info.wszHandlerName).is_none() {
        found.push(text_violation(
            "SYNCMGRHANDLERINFO.wszHandlerName",
            TextProblem::Unterminated,
        ));
    }
    found
}

/// Checks one `SYNCMGRITEM` from the enumerator.
#[must_use]
pub(crate) fn check_item(item: &SYNCMGRITEM) -> Vec<Violation> {
    let mut found = Vec::new();
    let id = item.ItemID;
    let expected = cb_size::<SYNCMGRITEM>();
    if item.cbSize != expected {
        found.push(Violation::new(
            ViolationKind::MalformedStruct,
            format!(
                "SYNCMGRITEM {{{id:?}}}: cbSize {} instead of {expected}",
                item.cbSize
            ),
        ));
    }
    if item.dwFlags & !abi::SYNCMGRITEM_ITEMFLAGMASK != 0 {
        found.push(Violation::new(
            ViolationKind::MalformedStruct,
            format!(
                "SYNCMGRITEM {{{id:?}}}: dwFlags {:#x} outside SYNCMGRITEM_ITEMFLAGMASK",
                item.dwFlags
            ),
        ));
    }
    if item.dwItemState > 1 {
        found.push(Violation::new(
            ViolationKind::MalformedStruct,
            format!(
                "SYNCMGRITEM {{{id:?}}}: dwItemState {} is neither UNCHECKED (0) nor CHECKED (1)",
                item.dwItemState
            ),
        ));
    }
    if fixed_string(&item.wszItemName).is_none() {
        found.push(text_violation(
            &format!("SYNCMGRITEM {{{id:?}}}: wszItemName"),
            TextProblem::Unterminated,
        ));
    }
    found
}

/// Checks the end of a handler's life: what the final `Release` of `ISyncMgrSynchronize`
/// returned, what `DllCanUnloadNow` answers once everything is released (and the worker had
/// time to finish), and how many callback references the handler still holds.
#[must_use]
pub(crate) fn check_release(
    final_release: Option<u32>,
    can_unload_now: Option<HRESULT>,
    callback_references: Option<u32>,
) -> Vec<Violation> {
    let mut found = Vec::new();
    if let Some(remaining) = final_release.filter(|&remaining| remaining != 0) {
        found.push(Violation::new(
            ViolationKind::ObjectNotReleased,
            format!("the final Release of ISyncMgrSynchronize returned {remaining}, not 0"),
        ));
    }
    if let Some(hr) = can_unload_now.filter(|&hr| hr != abi::S_OK) {
        found.push(Violation::new(
            ViolationKind::CannotUnload,
            format!(
                "DllCanUnloadNow returned {} after everything was released",
                hr_text(hr)
            ),
        ));
    }
    if let Some(others) = callback_references.filter(|&others| others != 0) {
        found.push(Violation::new(
            ViolationKind::CallbackNotReleased,
            format!(
                "the handler still holds {others} reference(s) to the callback after \
                 SetProgressCallback(NULL) and Release"
            ),
        ));
    }
    found
}

/// A [`ViolationKind::WrongApartment`] when this thread is not `home`, the one thread on which
/// an apartment object may be called; `describe` words it, given `thread {id:?} ({name})` for
/// this thread.
pub(crate) fn wrong_apartment(
    home: std::thread::ThreadId,
    describe: impl FnOnce(&str) -> String,
) -> Option<Violation> {
    let here = std::thread::current();
    (here.id() != home).then(|| {
        let thread = format!(
            "thread {:?} ({})",
            here.id(),
            here.name().unwrap_or("unnamed")
        );
        Violation::new(ViolationKind::WrongApartment, describe(&thread))
    })
}

/// Whether a session had no violation and no problem.
pub(crate) fn is_clean(violations: &[Violation], problems: &[String]) -> bool {
    violations.is_empty() && problems.is_empty()
}

/// Panics, listing them, when `what` (a session) had violations or problems.
#[track_caller]
pub(crate) fn assert_clean(what: &str, violations: &[Violation], problems: &[String]) {
    assert!(
        is_clean(violations, problems),
        "{what} was not clean:\nviolations: {violations:#?}\nproblems: {problems:#?}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    const INBOX: GUID = GUID::from_u128(1);
    const ARCHIVE: GUID = GUID::from_u128(2);
    const T: Duration = Duration::ZERO;

    fn kinds(checker: &Checker) -> Vec<ViolationKind> {
        checker
            .violations()
            .iter()
            .map(|violation| violation.kind)
            .collect()
    }

    /// A checker after `PrepareForSync` (`S_OK`, completed) and `Synchronize` (`S_OK`).
    fn synchronizing() -> Checker {
        let mut checker = Checker::new();
        checker.prepare_calling(&[(INBOX, "Inbox".to_owned()), (ARCHIVE, "Archive".to_owned())]);
        checker.record(T, &Event::PrepareForSyncCompleted(abi::S_OK));
        checker.prepare_returned(abi::S_OK);
        checker.synchronize_calling();
        checker.synchronize_returned(abi::S_OK);
        checker
    }

    fn done(status: i32) -> Event {
        Event::Progress(INBOX, Some(Progress::status(status, None)))
    }

    fn end_both(checker: &mut Checker) {
        checker.record(
            T,
            &Event::Progress(
                INBOX,
                Some(Progress::status(abi::SYNCMGRSTATUS_SUCCEEDED, None)),
            ),
        );
        checker.record(
            T,
            &Event::Progress(
                ARCHIVE,
                Some(Progress::status(abi::SYNCMGRSTATUS_SKIPPED, None)),
            ),
        );
    }

    #[test]
    fn a_conforming_session_has_no_violation() {
        let mut checker = synchronizing();
        checker.record(
            T,
            &Event::Progress(
                INBOX,
                Some(Progress::status(abi::SYNCMGRSTATUS_UPDATING, Some((1, 5)))),
            ),
        );
        end_both(&mut checker);
        checker.record(T, &Event::SynchronizeCompleted(abi::S_OK));
        checker.finish();
        assert_eq!(checker.violations(), []);
        assert_eq!(
            checker.items()[0].finals,
            [abi::SYNCMGRSTATUS_SUCCEEDED as u32]
        );
        assert_eq!(checker.items()[0].values, Some((1, 5)));
    }

    #[test]
    fn repeated_completions() {
        let mut checker = synchronizing();
        checker.record(T, &Event::PrepareForSyncCompleted(abi::S_OK));
        end_both(&mut checker);
        checker.record(T, &Event::SynchronizeCompleted(abi::S_OK));
        checker.record(T, &Event::SynchronizeCompleted(abi::S_OK));
        checker.finish();
        assert_eq!(
            kinds(&checker),
            [
                ViolationKind::RepeatedCompletion,
                ViolationKind::RepeatedCompletion
            ]
        );
    }

    #[test]
    fn missing_completions() {
        let mut checker = Checker::new();
        checker.prepare_calling(&[(INBOX, "Inbox".to_owned())]);
        checker.prepare_returned(abi::S_OK);
        checker.finish();
        assert_eq!(kinds(&checker), [ViolationKind::MissingCompletion]);

        let mut checker = synchronizing();
        end_both(&mut checker);
        checker.finish();
        assert_eq!(kinds(&checker), [ViolationKind::MissingCompletion]);
    }

    #[test]
    fn completions_that_must_not_come() {
        // Before the call.
        let mut checker = Checker::new();
        checker.record(T, &Event::SynchronizeCompleted(abi::S_OK));
        assert_eq!(kinds(&checker), [ViolationKind::UnexpectedCompletion]);
        // Completed, then the call failed.
        let mut checker = Checker::new();
        checker.prepare_calling(&[]);
        checker.record(T, &Event::PrepareForSyncCompleted(abi::S_OK));
        checker.prepare_returned(abi::E_FAIL);
        assert_eq!(kinds(&checker), [ViolationKind::UnexpectedCompletion]);
        // The call failed, then completed; and completions of calls the host never makes.
        let mut checker = Checker::new();
        checker.synchronize_calling();
        checker.synchronize_returned(abi::E_UNEXPECTED);
        checker.record(T, &Event::SynchronizeCompleted(abi::S_OK));
        checker.record(T, &Event::ShowPropertiesCompleted(abi::S_OK));
        checker.record(T, &Event::ShowErrorCompleted(abi::S_OK, Vec::new()));
        checker.finish();
        assert_eq!(kinds(&checker), [ViolationKind::UnexpectedCompletion; 3]);
    }

    /// `ShowProperties` and `ShowError`: one completion per successful call, none after a
    /// failed one, none twice.
    #[test]
    fn completions_of_the_dialogs() {
        let mut checker = Checker::new();
        checker.show_calling(true);
        checker.record(T, &Event::ShowPropertiesCompleted(abi::S_OK));
        checker.show_returned(true, abi::S_OK);
        checker.show_calling(false);
        checker.show_returned(false, abi::S_OK);
        checker.record(
            T,
            &Event::ShowErrorCompleted(abi::S_SYNCMGR_RETRYSYNC, vec![INBOX]),
        );
        assert_eq!(kinds(&checker), []);
        assert_eq!(checker.properties_completions(), [abi::S_OK]);
        assert_eq!(checker.error_completions(), [abi::S_SYNCMGR_RETRYSYNC]);
        // A second completion for the one call.
        checker.record(T, &Event::ShowPropertiesCompleted(abi::S_OK));
        assert_eq!(kinds(&checker), [ViolationKind::RepeatedCompletion]);
        // A completion, then the call failed.
        let mut checker = Checker::new();
        checker.show_calling(false);
        checker.record(T, &Event::ShowErrorCompleted(abi::S_OK, Vec::new()));
        checker.show_returned(false, abi::E_FAIL);
        assert_eq!(kinds(&checker), [ViolationKind::UnexpectedCompletion]);
    }

    /// `DELETED` is not a final status (it is something `SetItemStatus` asks for): an item
    /// that reports it still owes its final status, and one after it is no repetition. The
    /// runtime, the kit and the host share [`SyncStatus::is_final`](syncmgr::SyncStatus).
    #[test]
    fn deleted_is_not_a_final_status() {
        assert!(!is_final(abi::SYNCMGRSTATUS_DELETED as u32));
        assert!(is_final(abi::SYNCMGRSTATUS_SKIPPED as u32));
        assert!(!is_final(0x1234));
        let mut checker = synchronizing();
        checker.record(T, &done(abi::SYNCMGRSTATUS_DELETED));
        checker.record(T, &Event::SynchronizeCompleted(abi::S_OK));
        checker.finish();
        assert_eq!(
            kinds(&checker),
            [
                ViolationKind::MissingFinalStatus,
                ViolationKind::MissingFinalStatus
            ]
        );
        let mut checker = synchronizing();
        checker.record(T, &done(abi::SYNCMGRSTATUS_DELETED));
        end_both(&mut checker);
        checker.record(T, &Event::SynchronizeCompleted(abi::S_OK));
        checker.finish();
        assert_eq!(kinds(&checker), []);
    }

    #[test]
    fn progress_for_an_item_outside_the_session() {
        let mut checker = synchronizing();
        let stranger = GUID::from_u128(99);
        checker.record(
            T,
            &Event::Progress(
                stranger,
                Some(Progress::status(abi::SYNCMGRSTATUS_UPDATING, None)),
            ),
        );
        checker.record(
            T,
            &Event::LogError {
                level: 3,
                text: Ok("x".to_owned()),
                info: Some(LogInfo {
                    cb_size: cb_size::<abi::SYNCMGRLOGERRORINFO>(),
                    mask: abi::SYNCMGRLOGERROR_ITEMID,
                    flags: 0,
                    error_id: GUID::zeroed(),
                    item_id: stranger,
                }),
            },
        );
        assert_eq!(
            kinds(&checker),
            [ViolationKind::UnknownItem, ViolationKind::UnknownItem]
        );
    }

    #[test]
    fn final_status_missing_or_repeated_and_progress_after_it() {
        let mut checker = synchronizing();
        checker.record(T, &done(abi::SYNCMGRSTATUS_SUCCEEDED));
        checker.record(T, &done(abi::SYNCMGRSTATUS_FAILED));
        checker.record(T, &done(abi::SYNCMGRSTATUS_UPDATING));
        checker.record(T, &Event::SynchronizeCompleted(abi::S_OK));
        checker.record(
            T,
            &Event::Progress(
                ARCHIVE,
                Some(Progress::status(abi::SYNCMGRSTATUS_UPDATING, None)),
            ),
        );
        checker.finish();
        assert_eq!(
            kinds(&checker),
            [
                ViolationKind::RepeatedFinalStatus,
                ViolationKind::ProgressAfterFinalStatus,
                ViolationKind::ProgressAfterCompletion,
                ViolationKind::MissingFinalStatus,
            ]
        );
        assert!(checker.violations()[3].detail.contains("Archive"));
    }

    #[test]
    fn malformed_progress() {
        let mut checker = synchronizing();
        let mut progress = Progress::status(abi::SYNCMGRSTATUS_UPDATING, None);
        progress.cb_size = 12;
        progress.mask |= 0x40;
        progress.text = Some(Err(TextProblem::Unterminated));
        checker.record(T, &Event::Progress(INBOX, Some(progress)));
        let mut progress = Progress::status(42, None);
        progress.text = Some(Err(TextProblem::Null));
        checker.record(T, &Event::Progress(INBOX, Some(progress)));
        checker.record(T, &Event::Progress(INBOX, None));
        assert_eq!(
            kinds(&checker),
            [
                ViolationKind::MalformedStruct,
                ViolationKind::MalformedStruct,
                ViolationKind::MalformedString,
                ViolationKind::MalformedString,
                ViolationKind::BadValue,
                ViolationKind::MalformedStruct,
            ]
        );
    }

    #[test]
    fn malformed_log_entries() {
        let mut checker = synchronizing();
        checker.record(
            T,
            &Event::LogError {
                level: 7,
                text: Err(TextProblem::Null),
                info: Some(LogInfo {
                    cb_size: 40,
                    mask: 0x18,
                    flags: 0,
                    error_id: GUID::zeroed(),
                    item_id: GUID::zeroed(),
                }),
            },
        );
        checker.record(
            T,
            &Event::LogError {
                level: 1,
                text: Ok("fine".to_owned()),
                info: Some(LogInfo {
                    cb_size: cb_size::<abi::SYNCMGRLOGERRORINFO>(),
                    mask: abi::SYNCMGRLOGERROR_ERRORFLAGS,
                    flags: 0x10,
                    error_id: GUID::zeroed(),
                    item_id: GUID::zeroed(),
                }),
            },
        );
        assert_eq!(
            kinds(&checker),
            [
                ViolationKind::BadValue,
                ViolationKind::MalformedString,
                ViolationKind::MalformedStruct,
                ViolationKind::MalformedStruct,
                ViolationKind::MalformedStruct,
            ]
        );
    }

    #[test]
    fn malformed_handler_info_and_items() {
        let mut info = SYNCMGRHANDLERINFO {
            cbSize: cb_size::<SYNCMGRHANDLERINFO>(),
            ..SYNCMGRHANDLERINFO::default()
        };
        assert_eq!(check_handler_info(&info), []);
        info.cbSize -= 4;
        info.SyncMgrHandlerFlags = 0x10;
        info.wszHandlerName = [u16::from(b'x'); 32];
        let found: Vec<ViolationKind> = check_handler_info(&info).iter().map(|v| v.kind).collect();
        assert_eq!(
            found,
            [
                ViolationKind::MalformedStruct,
                ViolationKind::MalformedStruct,
                ViolationKind::MalformedString
            ]
        );

        let mut item = SYNCMGRITEM {
            cbSize: cb_size::<SYNCMGRITEM>(),
            dwItemState: 1,
            ..SYNCMGRITEM::default()
        };
        assert_eq!(check_item(&item), []);
        item.cbSize = 0;
        item.dwFlags = 0x80;
        item.dwItemState = 2;
        item.wszItemName = [u16::from(b'x'); 128];
        let found: Vec<ViolationKind> = check_item(&item).iter().map(|v| v.kind).collect();
        assert_eq!(
            found,
            [
                ViolationKind::MalformedStruct,
                ViolationKind::MalformedStruct,
                ViolationKind::MalformedStruct,
                ViolationKind::MalformedString,
            ]
        );
    }

    #[test]
    fn violations_display_their_kind() {
        let violation = Violation::new(ViolationKind::RepeatedCompletion, "twice");
        assert_eq!(violation.to_string(), "repeated-completion: twice");
    }

    #[test]
    fn references_not_given_back() {
        assert_eq!(check_release(Some(0), Some(abi::S_OK), Some(0)), []);
        let found: Vec<ViolationKind> = check_release(Some(1), Some(abi::S_FALSE), Some(2))
            .iter()
            .map(|violation| violation.kind)
            .collect();
        assert_eq!(
            found,
            [
                ViolationKind::ObjectNotReleased,
                ViolationKind::CannotUnload,
                ViolationKind::CallbackNotReleased,
            ]
        );
    }
}
