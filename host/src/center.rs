//! `--sync-center`: the host plays Sync Center ([`syncmgr_test::center`]) and reports what it
//! saw, in words or as JSON, with the same exit codes as a Sync Manager session.

use crate::cli::Args;
use crate::report::{EXIT_FAILED, EXIT_SUCCESS, EXIT_VIOLATIONS};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::PathBuf;
use syncmgr::GUID;
use syncmgr::abi;
use syncmgr_test::center::{self, Session, status_name};
use syncmgr_test::{SetupError, Violation, When};

/// One item as the report shows it.
#[derive(Debug, Serialize)]
pub struct ItemLine {
    /// `GetItemID`.
    pub id: String,
    /// `GetName`.
    pub name: String,
    /// Whether it was synchronized.
    pub selected: bool,
    /// Its final `SYNCMGR_PROGRESS_STATUS` name, when it got one.
    pub final_status: Option<String>,
    /// How many `ReportProgress` calls it got.
    pub reports: usize,
}

/// The report of a Sync Center session.
#[derive(Debug, Serialize)]
pub struct CenterReport {
    /// `sync-center`.
    pub host: &'static str,
    /// The session creator and callback passed: `apartment` (objects of the `Synchronize`
    /// thread, Windows) or `agile`.
    pub callback: &'static str,
    /// The handler id (its braced CLSID).
    pub handler_id: String,
    /// `ISyncMgrHandler::GetName`.
    pub name: Option<String>,
    /// The items.
    pub items: Vec<ItemLine>,
    /// `ReportEvent` entries: level and description.
    pub events: Vec<(i32, String)>,
    /// `Synchronize`'s answer.
    pub synchronize: Option<String>,
    /// Microseconds from the `Synchronize` call until it returned.
    pub synchronize_us: Option<u64>,
    /// Protocol violations.
    pub violations: Vec<Violation>,
    /// Why the session did not succeed, besides violations.
    pub problems: Vec<String>,
    /// Other remarks (how the handler was found, `DllCanUnloadNow`).
    pub notes: Vec<String>,
    /// `success`, `failed` or `violations`.
    pub outcome: String,
    /// The process exit code.
    pub exit_code: i32,
}

/// Runs a Sync Center session for `args` and returns the exit code.
#[must_use]
pub fn run(
    args: &Args,
    dll: Option<PathBuf>,
    clsid: GUID,
    register: bool,
    unregister: bool,
) -> i32 {
    let mut session = match dll {
        Some(path) => Session::library(path, clsid),
        None => Session::registered(clsid),
    }
    .register(register)
    .unregister(unregister)
    .agile_callback(args.agile_callback)
    .timeout(args.timeout());
    if !args.items.is_empty() {
        session = session.items(args.items.iter().cloned());
    }
    for skip in &args.skip {
        // A skip without a moment is Stop right as the sync starts.
        let when = match skip.when {
            When::Delay(delay) if delay.is_zero() => When::After(1),
            when => when,
        };
        session = match skip.item.as_deref() {
            Some(item) if item != "*" => session.cancel_item(item.to_owned(), when),
            _ => session.cancel_all(when),
        };
    }
    let report = match session.run() {
        Ok(report) => report,
        Err(SetupError::Load(error) | SetupError::Usage(error)) => {
            return crate::host_error(args, &error);
        }
    };
    let summary = summarize(&report, &args.skip_items());
    if args.json {
        match serde_json::to_string_pretty(&summary) {
            Ok(json) => println!("{json}"),
            Err(error) => eprintln!("error: {error}"),
        }
    } else {
        println!("{}", human(&summary));
    }
    summary.exit_code
}

/// The report's lines and outcome; `skipped`: the ids or names the command line cancelled.
fn summarize(report: &center::Report, skipped: &[String]) -> CenterReport {
    let items: Vec<ItemLine> = report
        .items
        .iter()
        .map(|item| {
            let name = item.name.clone().unwrap_or_default();
            ItemLine {
                selected: report
                    .selected
                    .iter()
                    .any(|id| id.eq_ignore_ascii_case(&item.id)),
                final_status: report
                    .final_status(&item.id)
                    .map(|status| status_name(status).unwrap_or("?").to_owned()),
                reports: report.progress_of(&item.id).count(),
                id: item.id.clone(),
                name,
            }
        })
        .collect();
    let mut problems = report.problems.clone();
    for item in items.iter().filter(|item| item.selected) {
        let cancelled = skipped.iter().any(|word| {
            word == "*"
                || word.eq_ignore_ascii_case(&item.id)
                || word.eq_ignore_ascii_case(&item.name)
        });
        let expected = if cancelled { "CANCELED" } else { "SUCCEEDED" };
        let ended = item.final_status.as_deref();
        if ended != Some(expected) && !(cancelled && ended == Some("SUCCEEDED")) {
            problems.push(format!(
                "{} ended {} instead of {expected}",
                item.name,
                ended.unwrap_or("-")
            ));
        }
    }
    if report.synchronize != Some(abi::S_OK) {
        problems.push(format!(
            "Synchronize answered {:?}",
            report.synchronize.map(syncmgr_test::hresult_name)
        ));
    }
    let (outcome, exit_code) = if !report.violations.is_empty() {
        ("violations", EXIT_VIOLATIONS)
    } else if !problems.is_empty() {
        ("failed", EXIT_FAILED)
    } else {
        ("success", EXIT_SUCCESS)
    };
    CenterReport {
        host: "sync-center",
        callback: report.callback.name(),
        handler_id: report.handler_id.clone(),
        name: report.name.clone(),
        items,
        events: report
            .events
            .iter()
            .map(|event| (event.level, event.description.clone()))
            .collect(),
        synchronize: report.synchronize.map(syncmgr_test::hresult_name),
        synchronize_us: report
            .synchronize_time
            .map(|time| u64::try_from(time.as_micros()).unwrap_or(u64::MAX)),
        violations: report.violations.clone(),
        problems,
        notes: report.notes.clone(),
        outcome: outcome.to_owned(),
        exit_code,
    }
}

/// The human report.
fn human(report: &CenterReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Sync Center session: {} {}",
        report.name.as_deref().unwrap_or("(no name)"),
        report.handler_id
    );
    for item in &report.items {
        let _ = writeln!(
            out,
            "  {:<40} {:<24} {:<10} {} reports",
            item.id,
            item.name,
            if item.selected {
                item.final_status.as_deref().unwrap_or("-")
            } else {
                "(not synced)"
            },
            item.reports
        );
    }
    for (level, text) in &report.events {
        let _ = writeln!(out, "  event (level {level}): {text}");
    }
    for note in &report.notes {
        let _ = writeln!(out, "  note: {note}");
    }
    for violation in &report.violations {
        let _ = writeln!(
            out,
            "  VIOLATION {:?}: {}",
            violation.kind, violation.detail
        );
    }
    for problem in &report.problems {
        let _ = writeln!(out, "  problem: {problem}");
    }
    let _ = write!(
        out,
        "outcome: {} (exit {})",
        report.outcome, report.exit_code
    );
    out
}
