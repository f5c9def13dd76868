//! What a session produced: the JSON document (`--json`) and the human summary.

use serde::Serialize;
use syncmgr::protocol::{HANDLER_FLAG_NAMES, ITEM_FLAG_NAMES};
use syncmgr::{GUID, abi};
use syncmgr_test::{
    EventCounts, Violation, flag_names, hresult_name, log_level_name, status_label,
};

/// The handler as loaded and as it describes itself.
#[derive(Clone, Debug, Default, Serialize)]
pub struct HandlerReport {
    /// The CLSID it was created by.
    pub clsid: String,
    /// The DLL the host loaded, if any.
    pub dll: Option<String>,
    /// `wszHandlerName` from `GetHandlerInfo`.
    pub name: Option<String>,
    /// `SyncMgrHandlerFlags`.
    pub flags: Option<u32>,
    /// Their names.
    pub flag_names: Option<String>,
    /// Whether `GetHandlerInfo` gave an icon.
    pub icon: bool,
}

/// One call the host made and its result.
#[derive(Clone, Debug, Serialize)]
pub struct CallReport {
    /// `ISyncMgrSynchronize::Initialize`, …
    pub method: String,
    /// The HRESULT, named.
    pub hr: String,
    /// The HRESULT's value.
    pub code: i32,
}

/// One enumerated item and how it ended.
#[derive(Clone, Debug, Serialize)]
pub struct ItemReport {
    /// `ItemID`.
    pub id: String,
    /// `wszItemName`.
    pub name: String,
    /// `dwFlags`, named.
    pub flags: String,
    /// `dwItemState`: `checked`, `unchecked` or the number.
    pub state: String,
    /// Whether the enumerator gave it an icon.
    pub icon: bool,
    /// Whether it was in the session.
    pub selected: bool,
    /// The status it should end with (`SUCCEEDED`, or `SKIPPED` when `--skip` named it).
    pub expected: Option<String>,
    /// Its final status (the first one, if it sent several).
    pub final_status: Option<String>,
    /// From its first `Progress` to its final status, in milliseconds.
    pub duration_ms: Option<u64>,
    /// The last status text it sent.
    pub last_text: Option<String>,
    /// The last `(value, max)` it sent.
    pub progress: Option<(i32, i32)>,
}

/// One `LogError` entry.
#[derive(Clone, Debug, Serialize)]
pub struct LogReport {
    /// `info`, `warning`, `error` or the number.
    pub level: String,
    /// The text.
    pub text: String,
    /// The item's id, when the entry names one.
    pub item: Option<String>,
}

/// The whole session.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    /// The handler.
    pub handler: HandlerReport,
    /// `dwSyncMgrFlags` passed to `Initialize`.
    pub initialize_flags: u32,
    /// The host's callback: `apartment` (an ordinary object of the host's STA thread, which
    /// pumps messages; Windows) or `agile` (callable from any thread).
    pub callback: String,
    /// Microseconds from the `Synchronize` call until the host saw `SynchronizeCompleted`.
    pub synchronize_us: Option<u64>,
    /// The host's calls, in order.
    pub calls: Vec<CallReport>,
    /// Every enumerated item.
    pub items: Vec<ItemReport>,
    /// `LogError` entries.
    pub log: Vec<LogReport>,
    /// Callback calls by kind.
    pub events: EventCounts,
    /// Protocol violations.
    pub violations: Vec<Violation>,
    /// Why the session did not succeed, when it did not (besides violations).
    pub problems: Vec<String>,
    /// Other remarks.
    pub notes: Vec<String>,
    /// What the Sync Manager would show oddly, though no rule is broken.
    pub warnings: Vec<String>,
    /// `success`, `failed` or `violations`.
    pub outcome: String,
    /// The process exit code.
    pub exit_code: i32,
    /// The command line asked for something the handler does not have.
    #[serde(skip)]
    pub usage_error: bool,
}

/// Exit code: a conforming session, every item ended as asked.
pub const EXIT_SUCCESS: i32 = 0;
/// Exit code: conforming, but a call failed or an item did not end as asked.
pub const EXIT_FAILED: i32 = 1;
/// Exit code: protocol violations.
pub const EXIT_VIOLATIONS: i32 = 2;
/// Exit code: the handler could not be loaded or the session could not be set up as asked.
pub const EXIT_HOST_ERROR: i32 = 3;
/// Exit code: bad command line.
pub const EXIT_USAGE: i32 = 64;

/// `dwItemState` as a word: `checked`, `unchecked` or the number.
#[must_use]
pub fn item_state(state: u32) -> String {
    match state as i32 {
        abi::SYNCMGRITEMSTATE_CHECKED => "checked".to_owned(),
        abi::SYNCMGRITEMSTATE_UNCHECKED => "unchecked".to_owned(),
        _ => state.to_string(),
    }
}

impl Report {
    /// The report of a session the test kit ran on the handler `clsid`; the items in
    /// `skipped` were asked to skip, those in `unjudged` were sent another status (they end as
    /// the handler decides), every other session item should succeed.
    #[must_use]
    pub fn from_session(
        session: &syncmgr_test::Report,
        clsid: GUID,
        skipped: &[GUID],
        unjudged: &[GUID],
    ) -> Self {
        let handler = HandlerReport {
            clsid: format!("{{{clsid:?}}}"),
            dll: session
                .handler
                .library
                .as_ref()
                .map(|path| path.display().to_string()),
            name: session.handler.name.clone(),
            flags: session.handler.flags,
            flag_names: session
                .handler
                .flags
                .map(|flags| flag_names(flags, HANDLER_FLAG_NAMES)),
            icon: session.handler.icon,
        };
        let items = session
            .items
            .iter()
            .map(|item| {
                let track = session.tracks.iter().find(|track| track.id == item.id);
                let selected = session.selected.contains(&item.id);
                ItemReport {
                    id: format!("{{{:?}}}", item.id),
                    name: item.name.clone(),
                    flags: flag_names(item.flags, ITEM_FLAG_NAMES),
                    state: item_state(item.state),
                    icon: item.icon,
                    selected,
                    expected: (selected && !unjudged.contains(&item.id)).then(|| {
                        if skipped.contains(&item.id) {
                            "SKIPPED"
                        } else {
                            "SUCCEEDED"
                        }
                        .to_owned()
                    }),
                    final_status: track
                        .and_then(|track| track.finals.first())
                        .map(|&status| status_label(status)),
                    duration_ms: track.and_then(|track| {
                        let (start, end) = (track.first_progress?, track.finished?);
                        u64::try_from(end.saturating_sub(start).as_millis()).ok()
                    }),
                    last_text: track.and_then(|track| track.text.clone()),
                    progress: track.and_then(|track| track.values),
                }
            })
            .collect();
        let mut notes = session.notes.clone();
        for trigger in &session.unfired {
            notes.push(format!(
                "{:?} for {} never happened: its moment did not come",
                trigger.effect,
                trigger
                    .item
                    .map_or_else(|| "every item".to_owned(), |id| format!("{{{id:?}}}"))
            ));
        }
        Self {
            handler,
            initialize_flags: session.initialize_flags,
            callback: session.callback.name().to_owned(),
            synchronize_us: session
                .synchronize_time
                .and_then(|took| u64::try_from(took.as_micros()).ok()),
            calls: session
                .calls
                .iter()
                .map(|call| CallReport {
                    method: call.method.clone(),
                    hr: hresult_name(call.hr),
                    code: call.hr.0,
                })
                .collect(),
            items,
            log: session
                .log
                .iter()
                .map(|line| LogReport {
                    level: log_level_name(line.level)
                        .map_or_else(|| line.level.to_string(), str::to_owned),
                    text: line.text.clone(),
                    item: line.item.map(|id| format!("{{{id:?}}}")),
                })
                .collect(),
            events: session.counts.clone(),
            violations: session.violations.clone(),
            problems: session.problems.clone(),
            notes,
            warnings: session.warnings.clone(),
            outcome: String::new(),
            exit_code: 0,
            usage_error: false,
        }
    }

    /// Sets `outcome` and `exit_code` from the violations and problems.
    pub fn conclude(&mut self) {
        (self.outcome, self.exit_code) = if !self.violations.is_empty() {
            ("violations".to_owned(), EXIT_VIOLATIONS)
        } else if self.usage_error {
            ("setup-error".to_owned(), EXIT_HOST_ERROR)
        } else if !self.problems.is_empty() {
            ("failed".to_owned(), EXIT_FAILED)
        } else {
            ("success".to_owned(), EXIT_SUCCESS)
        };
    }

    /// The human summary: the item table, problems, notes and violations.
    #[must_use]
    pub fn summary(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let selected: Vec<&ItemReport> = self.items.iter().filter(|item| item.selected).collect();
        if !selected.is_empty() {
            let width = selected
                .iter()
                .map(|item| item.name.chars().count())
                .chain([4])
                .max()
                .unwrap_or(4);
            let _ = writeln!(
                out,
                "\n  {:<width$}  {:<10}  {:>8}",
                "ITEM", "STATUS", "TIME"
            );
            for item in &selected {
                let status = item.final_status.as_deref().unwrap_or("(none)");
                let time = item.duration_ms.map_or_else(
                    || "-".to_owned(),
                    |ms| format!("{}.{:02} s", ms / 1000, ms % 1000 / 10),
                );
                let mark = if item.expected.is_none() || item.final_status == item.expected {
                    String::new()
                } else {
                    format!("  (expected {})", item.expected.as_deref().unwrap_or("-"))
                };
                let _ = writeln!(
                    out,
                    "  {:<width$}  {status:<10}  {time:>8}{mark}",
                    item.name
                );
            }
        }
        if self.callback == "apartment" {
            let _ = writeln!(
                out,
                "note: the callback was an apartment object of the host's STA thread, which pumped messages (the Sync Manager's way; --agile-callback for an agile one)"
            );
        }
        for note in &self.notes {
            let _ = writeln!(out, "note: {note}");
        }
        for warning in &self.warnings {
            let _ = writeln!(out, "warning: {warning}");
        }
        for problem in &self.problems {
            let _ = writeln!(out, "problem: {problem}");
        }
        if self.violations.is_empty() {
            let _ = writeln!(out, "\nConformance: no violations.");
        } else {
            let _ = writeln!(
                out,
                "\nConformance: {} violation(s):",
                self.violations.len()
            );
            for violation in &self.violations {
                let _ = writeln!(out, "  - {violation}");
            }
        }
        let _ = write!(
            out,
            "Outcome: {} (exit code {})",
            self.outcome, self.exit_code
        );
        out
    }
}
