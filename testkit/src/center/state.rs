//! Sync Center's bookkeeping of one `Synchronize`: the session the handler created, each item's
//! reports, the planned cancellations, and every broken rule.
//!
//! Plain data: the COM objects (`host.rs`) decode the handler's raw arguments into [`Text`]s
//! and numbers and call in here, so each rule can be checked with synthetic input. The rules
//! are those of `docs/sync-center.md#isyncmgrsessioncreator` and
//! `docs/sync-center.md#isyncmgrsynccallback`.

use super::report::{
    CancelPlan, EventReport, ProgressReport, is_final, is_terminal, same_id, status_label,
    status_name,
};
use crate::When;
use crate::check::{TextProblem, Violation, ViolationKind, text_violation};
use crate::report::Call;
use std::time::Instant;
use syncmgr::{GUID, HRESULT, abi};

/// A string argument as read: its text, or why there is none.
pub(crate) type Text = Result<String, TextProblem>;

/// UTF-16 units `text` takes with its NUL.
pub(crate) fn units(text: &str) -> usize {
    text.encode_utf16().count() + 1
}

/// At most 40 characters of `text`, quoted, for messages.
pub(crate) fn short(text: &str) -> String {
    if text.chars().count() <= 40 {
        format!("{text:?}")
    } else {
        let head: String = text.chars().take(40).collect();
        format!("{head:?}…")
    }
}

/// A string argument for a call's label: quoted, `NULL`, or `<unterminated>`.
pub(crate) fn show(text: &Text) -> String {
    match text {
        Ok(text) => short(text),
        Err(TextProblem::Null) => "NULL".to_owned(),
        Err(TextProblem::Unterminated) => "<unterminated>".to_owned(),
    }
}

/// A [`ViolationKind::TooLong`] when `text` takes more than `limit` units with its NUL.
pub(crate) fn too_long(what: &str, text: &str, limit: u32) -> Option<Violation> {
    let units = units(text);
    (units > limit as usize).then(|| {
        Violation::new(
            ViolationKind::TooLong,
            format!(
                "{what} takes {units} UTF-16 units with its NUL, more than {limit}: {}",
                short(text)
            ),
        )
    })
}

/// Where the session is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// `Synchronize` runs.
    Synchronizing,
    /// `Synchronize` returned: every call is a violation.
    Returned,
}

/// One item `Synchronize` asked for.
#[derive(Clone, Debug)]
struct Track {
    id: String,
    name: String,
    /// `CreateSession` named it.
    in_session: bool,
    /// Accepted `ReportProgress` calls.
    reports: u32,
    /// Every accepted final status, in order (a later `FAILED` included).
    finals: Vec<i32>,
    /// A request to cancel this item is pending.
    cancelled: bool,
    /// A cancel request reached the handler while the item had no final status yet.
    told: bool,
}

/// Everything Sync Center knows about one `Synchronize`.
#[derive(Debug)]
pub(crate) struct State {
    expected_id: String,
    started: Instant,
    phase: Phase,
    sessions: u32,
    tracks: Vec<Track>,
    /// The cancel plans and whether each fired.
    plans: Vec<(CancelPlan, bool)>,
    /// A request to cancel everything is pending.
    all_cancelled: bool,
    /// Accepted `ReportProgress` calls of every item.
    reports: u32,
    /// Event ids handed out so far.
    made: u64,
    /// The item ids of the handler's session.
    pub(crate) session: Option<Vec<String>>,
    pub(crate) progress: Vec<ProgressReport>,
    pub(crate) events: Vec<EventReport>,
    pub(crate) texts: Vec<String>,
    pub(crate) calls: Vec<Call>,
    pub(crate) notes: Vec<String>,
    pub(crate) warnings: Vec<String>,
    pub(crate) violations: Vec<Violation>,
}

impl State {
    /// The state of a `Synchronize` for `requested` (id, name) about to be called now, expecting
    /// `CreateSession(expected_id, …)`, with `plans` whose items are ids of `requested`.
    pub(crate) fn new(
        expected_id: &str,
        requested: &[(String, String)],
        plans: &[CancelPlan],
    ) -> Self {
        Self {
            expected_id: expected_id.to_owned(),
            started: Instant::now(),
            phase: Phase::Synchronizing,
            sessions: 0,
            tracks: requested
                .iter()
                .map(|(id, name)| Track {
                    id: id.clone(),
                    name: name.clone(),
                    in_session: false,
                    reports: 0,
                    finals: Vec::new(),
                    cancelled: false,
                    told: false,
                })
                .collect(),
            plans: plans.iter().map(|plan| (plan.clone(), false)).collect(),
            all_cancelled: false,
            reports: 0,
            made: 0,
            session: None,
            progress: Vec::new(),
            events: Vec::new(),
            texts: Vec::new(),
            calls: Vec::new(),
            notes: Vec::new(),
            warnings: Vec::new(),
            violations: Vec::new(),
        }
    }

    /// `Synchronize` is being called from now on (times count from here).
    pub(crate) fn start(&mut self) {
        self.started = Instant::now();
    }

    /// `Synchronize` returned: any later call is a [`ViolationKind::CallAfterReturn`].
    pub(crate) fn returned(&mut self) {
        self.phase = Phase::Returned;
    }

    /// Adds a violation found elsewhere.
    pub(crate) fn push(&mut self, violation: Violation) {
        self.violations.push(violation);
    }

    /// The planned cancellations that never fired.
    pub(crate) fn unfired(&self) -> Vec<CancelPlan> {
        self.plans
            .iter()
            .filter(|(_, fired)| !fired)
            .map(|(plan, _)| plan.clone())
            .collect()
    }

    fn track(&self, id: &str) -> Option<usize> {
        self.tracks.iter().position(|track| same_id(&track.id, id))
    }

    fn session_track(&self, id: &str) -> Option<usize> {
        self.track(id)
            .filter(|&index| self.tracks[index].in_session)
    }

    fn label(&self, id: &str) -> String {
        match self.track(id) {
            Some(index) => format!(
                "{} {}",
                self.tracks[index].name,
                short(&self.tracks[index].id)
            ),
            None => short(id),
        }
    }

    fn misuse(&mut self, method: &str) {
        if self.phase == Phase::Returned {
            self.push(Violation::new(
                ViolationKind::CallAfterReturn,
                format!("{method} called after Synchronize returned"),
            ));
        }
    }

    fn call(&mut self, method: String, hr: HRESULT) -> HRESULT {
        self.calls.push(Call { method, hr });
        hr
    }

    fn fire(&mut self, plan: usize) {
        self.plans[plan].1 = true;
        match self.plans[plan].0.item.clone() {
            Some(id) => {
                if let Some(index) = self.track(&id) {
                    self.tracks[index].cancelled = true;
                }
            }
            None => self.all_cancelled = true,
        }
    }

    /// Fires the plans whose delay has passed.
    fn tick(&mut self, now: Instant) {
        let since = now.saturating_duration_since(self.started);
        for plan in 0..self.plans.len() {
            if let (When::Delay(delay), false) = (self.plans[plan].0.when, self.plans[plan].1)
                && since >= delay
            {
                self.fire(plan);
            }
        }
    }

    /// The pending request for `track` (the whole handler for `None`).
    fn request(&self, track: Option<usize>) -> i32 {
        if self.all_cancelled {
            abi::SYNCMGR_CR_CANCEL_ALL
        } else if track.is_some_and(|index| self.tracks[index].cancelled) {
            abi::SYNCMGR_CR_CANCEL_ITEM
        } else {
            abi::SYNCMGR_CR_NONE
        }
    }

    /// `request` reached the handler: the items it covers that have no final status yet must
    /// end `CANCELED` (or `FAILED`).
    fn deliver(&mut self, request: i32, track: Option<usize>) {
        match request {
            abi::SYNCMGR_CR_CANCEL_ALL => {
                for track in &mut self.tracks {
                    track.told |= track.finals.is_empty();
                }
            }
            abi::SYNCMGR_CR_CANCEL_ITEM => {
                if let Some(index) = track {
                    let track = &mut self.tracks[index];
                    track.told |= track.finals.is_empty();
                }
            }
            _ => {}
        }
    }

    /// Fires the `After`/`Percent` plans this non-final report of `track` reaches.
    fn fire_on_report(&mut self, track: usize, step: u32, max: u32) {
        let percent = (max > 0).then(|| u64::from(step) * 100 / u64::from(max));
        for plan in 0..self.plans.len() {
            let (CancelPlan { item, when }, fired) = &self.plans[plan];
            if *fired {
                continue;
            }
            let calls = match item {
                Some(id) if same_id(id, &self.tracks[track].id) => self.tracks[track].reports,
                Some(_) => continue,
                None => self.reports,
            };
            let due = match *when {
                When::After(n) => calls >= n,
                When::Percent(p) => percent.is_some_and(|percent| percent >= u64::from(p)),
                When::Delay(_) => false,
            };
            if due {
                self.fire(plan);
            }
        }
    }

    /// `CreateSession(handler_id, items, …)`; `null_array`: a null array with a non-zero
    /// count; `null_out`: a null `ppCallback`. Returns the answer (the COM object hands out the
    /// callback on `S_OK`).
    pub(crate) fn create_session(
        &mut self,
        handler_id: &Text,
        items: &[Text],
        null_array: bool,
        null_out: bool,
    ) -> HRESULT {
        let list = if null_array {
            "NULL".to_owned()
        } else {
            items.iter().map(show).collect::<Vec<_>>().join(", ")
        };
        let label = format!("CreateSession({}, [{list}])", show(handler_id));
        self.misuse("CreateSession");
        if null_out {
            self.push(Violation::new(
                ViolationKind::NullPointer,
                "CreateSession with a null ppCallback",
            ));
            return self.call(label, abi::E_POINTER);
        }
        self.sessions += 1;
        if self.sessions > 1 {
            self.push(Violation::new(
                ViolationKind::RepeatedSession,
                format!(
                    "CreateSession called {} times during one Synchronize",
                    self.sessions
                ),
            ));
        }
        match handler_id {
            Err(problem) => self.push(text_violation("CreateSession's pszHandlerID", *problem)),
            Ok(id) => {
                if !same_id(id, &self.expected_id) {
                    self.push(Violation::new(
                        ViolationKind::WrongHandlerId,
                        format!(
                            "CreateSession for handler {}, not {}",
                            short(id),
                            short(&self.expected_id)
                        ),
                    ));
                }
                if let Some(violation) =
                    too_long("CreateSession's pszHandlerID", id, abi::MAX_SYNCMGR_ID)
                {
                    self.push(violation);
                }
            }
        }
        if null_array {
            self.push(Violation::new(
                ViolationKind::NullPointer,
                "CreateSession with a null item array and a non-zero count",
            ));
        }
        let mut session = self.session.take().unwrap_or_default();
        for (n, item) in items.iter().enumerate() {
            let id = match item {
                Err(problem) => {
                    self.push(text_violation(
                        &format!("CreateSession's item id #{n}"),
                        *problem,
                    ));
                    continue;
                }
                Ok(id) => id,
            };
            if let Some(violation) = too_long(
                &format!("CreateSession's item id #{n}"),
                id,
                abi::MAX_SYNCMGR_ID,
            ) {
                self.push(violation);
            }
            match self.track(id) {
                None => self.push(Violation::new(
                    ViolationKind::UnknownItem,
                    format!(
                        "CreateSession names item {}, which Synchronize did not ask for",
                        short(id)
                    ),
                )),
                Some(index) => {
                    self.tracks[index].in_session = true;
                    let id = self.tracks[index].id.clone();
                    if !session.contains(&id) {
                        session.push(id);
                    }
                }
            }
        }
        self.session = Some(session);
        self.call(label, abi::S_OK)
    }

    /// `ReportProgress(item, text, status, step, max, pnCancelRequest)` arriving `now`;
    /// `has_cancel`: `pnCancelRequest` is not NULL. Returns the answer and what to write into
    /// `*pnCancelRequest`.
    #[allow(clippy::too_many_arguments)] // the call's own parameters
    pub(crate) fn report_progress(
        &mut self,
        now: Instant,
        item: &Text,
        text: Option<&Text>,
        status: i32,
        step: u32,
        max: u32,
        has_cancel: bool,
    ) -> (HRESULT, i32) {
        self.misuse("ReportProgress");
        self.tick(now);
        let at = now.saturating_duration_since(self.started);
        let (hr, request) = self.progress_answer(item, text, status, step, max, has_cancel);
        let text_label = text.map_or_else(|| "NULL".to_owned(), show);
        let label = format!(
            "ReportProgress({}, {text_label}, {}, {step}/{max})",
            show(item),
            status_label(status)
        );
        self.calls.push(Call { method: label, hr });
        self.progress.push(ProgressReport {
            at,
            item: match item {
                Ok(id) => id.clone(),
                Err(_) => show(item),
            },
            text: text.and_then(|text| text.as_ref().ok()).cloned(),
            status,
            step,
            max,
            cancel: has_cancel.then_some(request),
            hr,
        });
        (hr, request)
    }

    fn progress_answer(
        &mut self,
        item: &Text,
        text: Option<&Text>,
        status: i32,
        step: u32,
        max: u32,
        has_cancel: bool,
    ) -> (HRESULT, i32) {
        const REFUSED: i32 = abi::SYNCMGR_CR_NONE;
        let id = match item {
            Ok(id) => id.clone(),
            Err(problem) => {
                self.push(text_violation("ReportProgress's pszItemID", *problem));
                return (abi::E_INVALIDARG, REFUSED);
            }
        };
        let label = self.label(&id);
        match text {
            Some(Err(problem)) => self.push(text_violation(
                &format!("pszProgressText of ReportProgress for {label}"),
                *problem,
            )),
            Some(Ok(text)) => {
                if let Some(violation) = too_long(
                    &format!("pszProgressText of ReportProgress for {label}"),
                    text,
                    abi::MAX_SYNCMGR_PROGRESSTEXT,
                ) {
                    self.push(violation);
                }
            }
            None => {}
        }
        let Some(index) = self.session_track(&id) else {
            self.push(Violation::new(
                ViolationKind::UnknownItem,
                format!("ReportProgress for {label}, which is not in the session"),
            ));
            return (abi::E_INVALIDARG, REFUSED);
        };
        if status_name(status).is_none() {
            self.push(Violation::new(
                ViolationKind::BadValue,
                format!(
                    "ReportProgress for {label}: nStatus {status} is not a SYNCMGR_PROGRESS_STATUS \
                     (UPDATING 1 to DISCONNECTED 6)"
                ),
            ));
            return (abi::E_INVALIDARG, REFUSED);
        }
        if let Some(&last) = self.tracks[index].finals.last() {
            if status == abi::SYNCMGR_PS_FAILED {
                self.notes.push(format!(
                    "{label} reported FAILED after its final status {} (allowed)",
                    status_label(last)
                ));
            } else if is_terminal(last) {
                self.push(Violation::new(
                    ViolationKind::TerminalStatusChanged,
                    format!(
                        "ReportProgress for {label}: {} after {}, which only FAILED may follow; \
                         Sync Center answers E_ACCESSDENIED",
                        status_label(status),
                        status_label(last)
                    ),
                ));
                return (abi::E_ACCESSDENIED, REFUSED);
            } else if is_final(status) {
                self.push(Violation::new(
                    ViolationKind::RepeatedFinalStatus,
                    format!(
                        "{label} ended {} after already ending {}",
                        status_label(status),
                        status_label(last)
                    ),
                ));
            }
        }
        if step > max
            && status != abi::SYNCMGR_PS_UPDATING_INDETERMINATE
            && !self
                .warnings
                .iter()
                .any(|warning| warning.starts_with(&label))
        {
            self.warnings.push(format!(
                "{label}: step {step} above its maximum {max}: Sync Center's bar overflows"
            ));
        }
        self.tracks[index].reports += 1;
        self.reports += 1;
        if is_final(status) {
            self.tracks[index].finals.push(status);
            // A final report needs no answer.
            return (abi::S_OK, abi::SYNCMGR_CR_NONE);
        }
        self.fire_on_report(index, step, max);
        let request = self.request(Some(index));
        if has_cancel {
            self.deliver(request, Some(index));
        }
        (abi::S_OK, request)
    }

    /// `SetHandlerProgressText(text, pnCancelRequest)`.
    pub(crate) fn handler_text(
        &mut self,
        now: Instant,
        text: &Text,
        has_cancel: bool,
    ) -> (HRESULT, i32) {
        self.misuse("SetHandlerProgressText");
        self.tick(now);
        let label = format!("SetHandlerProgressText({})", show(text));
        let text = match text {
            Err(problem) => {
                self.push(text_violation(
                    "SetHandlerProgressText's pszProgressText",
                    *problem,
                ));
                return (self.call(label, abi::E_INVALIDARG), abi::SYNCMGR_CR_NONE);
            }
            Ok(text) => text,
        };
        if let Some(violation) = too_long(
            "SetHandlerProgressText's pszProgressText",
            text,
            abi::MAX_SYNCMGR_PROGRESSTEXT,
        ) {
            self.push(violation);
        }
        self.texts.push(text.clone());
        let request = self.request(None);
        if has_cancel {
            self.deliver(request, None);
        }
        (self.call(label, abi::S_OK), request)
    }

    /// `ReportEvent(…)`; `has_out`: `pguidEventID` is not NULL. Returns the answer and the new
    /// event's id.
    #[allow(clippy::too_many_arguments)] // the call's own parameters
    pub(crate) fn report_event(
        &mut self,
        item: Option<&Text>,
        level: i32,
        flags: i32,
        name: &Text,
        description: &Text,
        link_text: Option<&Text>,
        link_reference: Option<&Text>,
        context: Option<&Text>,
        has_out: bool,
    ) -> (HRESULT, GUID) {
        self.misuse("ReportEvent");
        let before = self.violations.len();
        let label = format!(
            "ReportEvent({}, {level}, {flags}, {}, {})",
            item.map_or_else(|| "NULL".to_owned(), show),
            show(name),
            show(description)
        );
        if !(abi::SYNCMGR_EL_INFORMATION..=abi::SYNCMGR_EL_ERROR).contains(&level) {
            self.push(Violation::new(
                ViolationKind::BadValue,
                format!("ReportEvent level {level} is not a SYNCMGR_EVENT_LEVEL (1 to 3)"),
            ));
        }
        if flags != abi::SYNCMGR_EF_NONE {
            self.push(Violation::new(
                ViolationKind::BadValue,
                format!(
                    "ReportEvent flags {flags:#x}: SYNCMGR_EVENT_FLAGS has none (SYNCMGR_EF_NONE)"
                ),
            ));
        }
        for (what, text) in [
            ("pszName", Some(name)),
            ("pszDescription", Some(description)),
            ("pszLinkText", link_text),
            ("pszLinkReference", link_reference),
            ("pszContext", context),
        ] {
            if let Some(Err(problem)) = text {
                self.push(text_violation(&format!("ReportEvent's {what}"), *problem));
            }
        }
        match item {
            Some(Err(problem)) => self.push(text_violation("ReportEvent's pszItemID", *problem)),
            Some(Ok(id)) if self.session_track(id).is_none() => {
                let label = self.label(id);
                self.push(Violation::new(
                    ViolationKind::UnknownItem,
                    format!("ReportEvent about {label}, which is not in the session"),
                ));
            }
            _ => {}
        }
        if !has_out {
            self.push(Violation::new(
                ViolationKind::NullPointer,
                "ReportEvent with a null pguidEventID",
            ));
        }
        let (hr, id) = if !has_out {
            (abi::E_POINTER, GUID::zeroed())
        } else if self.violations.len() > before {
            (abi::E_INVALIDARG, GUID::zeroed())
        } else {
            (abi::S_OK, self.fresh_guid())
        };
        let owned = |text: Option<&Text>| text.and_then(|text| text.as_ref().ok()).cloned();
        self.events.push(EventReport {
            item: owned(item),
            level,
            flags,
            name: owned(Some(name)).unwrap_or_default(),
            description: owned(Some(description)).unwrap_or_default(),
            link_text: owned(link_text),
            link_reference: owned(link_reference),
            context: owned(context),
            id,
            hr,
        });
        (self.call(label, hr), id)
    }

    /// A new event id: random (version 4), never `GUID_NULL`.
    fn fresh_guid(&mut self) -> GUID {
        use std::hash::BuildHasher;
        self.made += 1;
        let keys = std::collections::hash_map::RandomState::new();
        let high = u128::from(keys.hash_one((self.made, 1u8)));
        let low = u128::from(keys.hash_one((self.made, 2u8)));
        let mut value = (high << 64) | low;
        value = (value & !(0xF << 76)) | (0x4 << 76);
        value = (value & !(0x3 << 62)) | (0x2 << 62);
        GUID::from_u128(value)
    }

    /// `CanContinue(item)`; `None` for NULL.
    pub(crate) fn can_continue(&mut self, now: Instant, item: Option<&Text>) -> HRESULT {
        self.misuse("CanContinue");
        self.tick(now);
        let label = format!(
            "CanContinue({})",
            item.map_or_else(|| "NULL".to_owned(), show)
        );
        let hr = match item {
            None => self.whole_handler(),
            Some(Ok(id)) if id.is_empty() => self.whole_handler(),
            Some(Err(problem)) => {
                self.push(text_violation("CanContinue's pszItemID", *problem));
                abi::E_INVALIDARG
            }
            Some(Ok(id)) => match self.session_track(id) {
                None => {
                    let label = self.label(id);
                    self.push(Violation::new(
                        ViolationKind::UnknownItem,
                        format!("CanContinue for {label}, which is not in the session"),
                    ));
                    abi::E_INVALIDARG
                }
                Some(index) => {
                    let request = self.request(Some(index));
                    if request == abi::SYNCMGR_CR_NONE {
                        abi::S_OK
                    } else {
                        self.deliver(request, Some(index));
                        abi::S_FALSE
                    }
                }
            },
        };
        self.call(label, hr)
    }

    fn whole_handler(&mut self) -> HRESULT {
        if self.all_cancelled {
            self.deliver(abi::SYNCMGR_CR_CANCEL_ALL, None);
            abi::S_FALSE
        } else {
            abi::S_OK
        }
    }

    /// `QueryForAdditionalItems(ppenumItemIDs, ppenumPunks)`; `outs`: both pointers non-null.
    /// Nothing is ever queued: `S_FALSE` with both enumerators NULL.
    pub(crate) fn query_additional(&mut self, outs: bool) -> HRESULT {
        self.misuse("QueryForAdditionalItems");
        let hr = if outs {
            abi::S_FALSE
        } else {
            self.push(Violation::new(
                ViolationKind::NullPointer,
                "QueryForAdditionalItems with a null out-pointer",
            ));
            abi::E_POINTER
        };
        self.call("QueryForAdditionalItems".to_owned(), hr)
    }

    /// `AddItemToSession(item)`: nothing was queued, so the item is in the session already or
    /// was never asked for: `E_INVALIDARG` either way.
    pub(crate) fn add_item(&mut self, item: &Text) -> HRESULT {
        self.misuse("AddItemToSession");
        if let Err(problem) = item {
            self.push(text_violation("AddItemToSession's pszItemID", *problem));
        }
        self.call(
            format!("AddItemToSession({})", show(item)),
            abi::E_INVALIDARG,
        )
    }

    /// `AddIUnknownToSession(punk)`: this Sync Center queues no objects (`E_NOTIMPL`).
    pub(crate) fn add_unknown(&mut self, null: bool) -> HRESULT {
        self.misuse("AddIUnknownToSession");
        let method = format!(
            "AddIUnknownToSession({})",
            if null { "NULL" } else { "punk" }
        );
        self.call(method, abi::E_NOTIMPL)
    }

    /// `ProposeItem(item)`: this Sync Center takes no new items (`E_NOTIMPL`).
    pub(crate) fn propose_item(&mut self, null: bool) -> HRESULT {
        self.misuse("ProposeItem");
        let method = format!("ProposeItem({})", if null { "NULL" } else { "item" });
        self.call(method, abi::E_NOTIMPL)
    }

    /// `CommitItem(item)`: nothing can have been proposed (`E_INVALIDARG`).
    pub(crate) fn commit_item(&mut self, item: &Text) -> HRESULT {
        self.misuse("CommitItem");
        if let Err(problem) = item {
            self.push(text_violation("CommitItem's pszItemID", *problem));
        }
        self.call(format!("CommitItem({})", show(item)), abi::E_INVALIDARG)
    }

    /// `ReportManualSync()`.
    pub(crate) fn manual_sync(&mut self) -> HRESULT {
        self.misuse("ReportManualSync");
        self.call("ReportManualSync".to_owned(), abi::S_OK)
    }

    /// The session is over: with `finals` (the handler created a session or `Synchronize`
    /// succeeded), an item without a final status is a violation; an item told to cancel must
    /// have ended `CANCELED` or `FAILED`.
    pub(crate) fn finish(&mut self, finals: bool) {
        let mut found = Vec::new();
        for track in &self.tracks {
            let label = format!("{} {}", track.name, short(&track.id));
            match track.finals.first() {
                None if finals => found.push(Violation::new(
                    ViolationKind::MissingFinalStatus,
                    if track.in_session {
                        format!("{label} never reported a final status")
                    } else {
                        format!(
                            "{label} never reported a final status (it was not in a session the \
                             handler created)"
                        )
                    },
                )),
                Some(&status)
                    if track.told
                        && status != abi::SYNCMGR_PS_CANCELED
                        && status != abi::SYNCMGR_PS_FAILED =>
                {
                    found.push(Violation::new(
                        ViolationKind::CancelIgnored,
                        format!(
                            "{label} was told to cancel but ended {}",
                            status_label(status)
                        ),
                    ));
                }
                _ => {}
            }
        }
        self.violations.extend(found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    const INBOX: &str = "{7A110000-0000-4000-8000-000000000001}";
    const ARCHIVE: &str = "{7A110000-0000-4000-8000-000000000002}";
    const HANDLER: &str = "{7A110000-0000-4000-8000-00000000000A}";

    #[allow(clippy::unnecessary_wraps)] // a `Text` is what the calls take
    fn text(text: &str) -> Text {
        Ok(text.to_owned())
    }

    fn state(plans: &[CancelPlan]) -> State {
        let requested = [
            (INBOX.to_owned(), "Inbox".to_owned()),
            (ARCHIVE.to_owned(), "Archive".to_owned()),
        ];
        let mut state = State::new(HANDLER, &requested, plans);
        assert_eq!(
            state.create_session(&text(HANDLER), &[text(INBOX), text(ARCHIVE)], false, false),
            abi::S_OK
        );
        state
    }

    fn kinds(state: &State) -> Vec<ViolationKind> {
        state
            .violations
            .iter()
            .map(|violation| violation.kind)
            .collect()
    }

    fn report(state: &mut State, item: &str, status: i32) -> (HRESULT, i32) {
        state.report_progress(Instant::now(), &text(item), None, status, 1, 2, true)
    }

    #[test]
    fn a_conforming_session() {
        let mut state = state(&[]);
        assert_eq!(
            report(&mut state, INBOX, abi::SYNCMGR_PS_UPDATING),
            (abi::S_OK, 0)
        );
        // Ids compare ignoring case.
        assert_eq!(
            report(&mut state, &INBOX.to_lowercase(), abi::SYNCMGR_PS_SUCCEEDED),
            (abi::S_OK, 0)
        );
        assert_eq!(
            report(&mut state, ARCHIVE, abi::SYNCMGR_PS_DISCONNECTED).0,
            abi::S_OK
        );
        assert_eq!(
            report(&mut state, INBOX, abi::SYNCMGR_PS_FAILED).0,
            abi::S_OK
        );
        state.returned();
        state.finish(true);
        assert_eq!(kinds(&state), []);
        assert_eq!(state.notes.len(), 1, "{:?}", state.notes);
        assert_eq!(
            state.session.as_deref(),
            Some(&[INBOX.to_owned(), ARCHIVE.to_owned()][..])
        );
    }

    #[test]
    fn the_terminal_state_rule() {
        let mut state = state(&[]);
        assert_eq!(
            report(&mut state, INBOX, abi::SYNCMGR_PS_CANCELED).0,
            abi::S_OK
        );
        assert_eq!(
            report(&mut state, INBOX, abi::SYNCMGR_PS_UPDATING).0,
            abi::E_ACCESSDENIED
        );
        assert_eq!(
            report(&mut state, INBOX, abi::SYNCMGR_PS_SUCCEEDED).0,
            abi::E_ACCESSDENIED
        );
        assert_eq!(
            report(&mut state, ARCHIVE, abi::SYNCMGR_PS_DISCONNECTED).0,
            abi::S_OK
        );
        assert_eq!(
            report(&mut state, ARCHIVE, abi::SYNCMGR_PS_SUCCEEDED).0,
            abi::S_OK
        );
        state.finish(true);
        assert_eq!(
            kinds(&state),
            [
                ViolationKind::TerminalStatusChanged,
                ViolationKind::TerminalStatusChanged,
                ViolationKind::RepeatedFinalStatus
            ]
        );
    }

    #[test]
    fn refused_reports() {
        let mut state = state(&[]);
        let long = "x".repeat(260);
        let now = Instant::now();
        assert_eq!(
            state
                .report_progress(now, &text("{nope}"), None, 1, 0, 0, true)
                .0,
            abi::E_INVALIDARG
        );
        assert_eq!(report(&mut state, INBOX, 0).0, abi::E_INVALIDARG);
        assert_eq!(report(&mut state, INBOX, 7).0, abi::E_INVALIDARG);
        assert_eq!(
            state
                .report_progress(now, &Err(TextProblem::Null), None, 1, 0, 0, false)
                .0,
            abi::E_INVALIDARG
        );
        assert_eq!(
            state
                .report_progress(now, &text(INBOX), Some(&text(&long)), 3, 0, 0, false)
                .0,
            abi::S_OK
        );
        state.finish(true);
        assert_eq!(
            kinds(&state),
            [
                ViolationKind::UnknownItem,
                ViolationKind::BadValue,
                ViolationKind::BadValue,
                ViolationKind::MalformedString,
                ViolationKind::TooLong,
                ViolationKind::MissingFinalStatus,
            ]
        );
    }

    #[test]
    fn cancel_plans() {
        let plans = [
            CancelPlan {
                item: Some(INBOX.to_owned()),
                when: When::After(2),
            },
            CancelPlan {
                item: None,
                when: When::Delay(Duration::from_hours(1)),
            },
        ];
        let mut state = state(&plans);
        assert_eq!(
            report(&mut state, INBOX, 1),
            (abi::S_OK, abi::SYNCMGR_CR_NONE)
        );
        assert_eq!(
            state.can_continue(Instant::now(), Some(&text(INBOX))),
            abi::S_OK
        );
        assert_eq!(
            report(&mut state, ARCHIVE, 1),
            (abi::S_OK, abi::SYNCMGR_CR_NONE)
        );
        assert_eq!(
            report(&mut state, INBOX, 1),
            (abi::S_OK, abi::SYNCMGR_CR_CANCEL_ITEM)
        );
        assert_eq!(
            state.can_continue(Instant::now(), Some(&text(INBOX))),
            abi::S_FALSE
        );
        assert_eq!(
            state.can_continue(Instant::now(), Some(&text(ARCHIVE))),
            abi::S_OK
        );
        assert_eq!(state.can_continue(Instant::now(), None), abi::S_OK);
        assert_eq!(
            state.can_continue(Instant::now(), Some(&text("{nope}"))),
            abi::E_INVALIDARG
        );
        // An hour later, everything is cancelled.
        let later = Instant::now() + Duration::from_hours(1) + Duration::from_secs(1);
        assert_eq!(state.can_continue(later, Some(&text(""))), abi::S_FALSE);
        assert_eq!(
            state.handler_text(later, &text("Stopping"), true),
            (abi::S_OK, abi::SYNCMGR_CR_CANCEL_ALL)
        );
        assert_eq!(
            report(&mut state, INBOX, abi::SYNCMGR_PS_CANCELED).0,
            abi::S_OK
        );
        assert_eq!(
            report(&mut state, ARCHIVE, abi::SYNCMGR_PS_SUCCEEDED).0,
            abi::S_OK
        );
        state.finish(true);
        assert_eq!(
            kinds(&state),
            [ViolationKind::UnknownItem, ViolationKind::CancelIgnored]
        );
        assert_eq!(state.unfired(), []);
    }

    #[test]
    fn sessions_events_and_the_rest() {
        let requested = [(INBOX.to_owned(), "Inbox".to_owned())];
        let mut state = State::new(HANDLER, &requested, &[]);
        assert_eq!(
            state.create_session(&text("{other}"), &[text("{nope}")], false, true),
            abi::E_POINTER
        );
        assert_eq!(
            state.create_session(&text("{other}"), &[text("{nope}")], false, false),
            abi::S_OK
        );
        assert_eq!(
            state.create_session(&text(HANDLER), &[], true, false),
            abi::S_OK
        );
        let (hr, id) =
            state.report_event(None, 1, 0, &text("n"), &text("d"), None, None, None, true);
        assert_eq!(hr, abi::S_OK);
        assert_ne!(id, GUID::zeroed());
        let (hr, _) = state.report_event(
            Some(&text(INBOX)),
            4,
            1,
            &Err(TextProblem::Null),
            &text("d"),
            None,
            None,
            None,
            false,
        );
        assert_eq!(hr, abi::E_POINTER);
        assert_eq!(state.query_additional(true), abi::S_FALSE);
        assert_eq!(state.add_item(&text(INBOX)), abi::E_INVALIDARG);
        assert_eq!(state.add_unknown(false), abi::E_NOTIMPL);
        assert_eq!(state.propose_item(false), abi::E_NOTIMPL);
        assert_eq!(state.commit_item(&text(INBOX)), abi::E_INVALIDARG);
        assert_eq!(state.manual_sync(), abi::S_OK);
        state.returned();
        assert_eq!(state.manual_sync(), abi::S_OK);
        state.finish(false);
        assert_eq!(
            kinds(&state),
            [
                ViolationKind::NullPointer,
                ViolationKind::WrongHandlerId,
                ViolationKind::UnknownItem,
                ViolationKind::RepeatedSession,
                ViolationKind::NullPointer,
                ViolationKind::BadValue,
                ViolationKind::BadValue,
                ViolationKind::MalformedString,
                ViolationKind::UnknownItem,
                ViolationKind::NullPointer,
                ViolationKind::CallAfterReturn,
            ]
        );
        assert_eq!(state.calls.len(), 12);
    }
}
