//! Whole sessions: the host binary builds `examples/minimal` (a nested `cargo build`, which works
//! because `cargo test` releases the build lock before running tests) and syncs it.
//!
//! Nothing here depends on timing: skips are sent before the skipped item can have finished
//! (`Archive` runs after `Inbox`'s half second), or through the `Progress` answer itself.

use serde_json::Value;
use std::process::Command;

/// Runs the host on the minimal example with `args` and `--json`; returns the exit code and the
/// parsed report.
fn host(args: &[&str]) -> (i32, Value) {
    let output = Command::new(env!("CARGO_BIN_EXE_syncmgr-host"))
        .args(["--example", "minimal", "--json"])
        .args(args)
        .output()
        .expect("the host runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|error| {
        panic!(
            "not one JSON document ({error}):\n{stdout}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code().expect("an exit code"), report)
}

/// `(name, final status)` of every item in the session.
fn finals(report: &Value) -> Vec<(String, String)> {
    report["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|item| item["selected"] == true)
        .map(|item| {
            (
                item["name"].as_str().unwrap_or_default().to_owned(),
                item["final_status"].as_str().unwrap_or("(none)").to_owned(),
            )
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(name, status)| ((*name).to_owned(), (*status).to_owned()))
        .collect()
}

#[test]
fn normal_session_succeeds() {
    let (code, report) = host(&[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["outcome"], "success");
    assert_eq!(report["handler"]["name"], "Notes");
    assert_eq!(
        report["handler"]["clsid"],
        "{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}"
    );
    assert_eq!(report["initialize_flags"], 3, "SYNCMGRFLAG_MANUAL");
    assert_eq!(
        finals(&report),
        pairs(&[("Inbox", "SUCCEEDED"), ("Archive", "SUCCEEDED")])
    );
    assert_eq!(report["violations"], Value::Array(Vec::new()));
    assert_eq!(report["events"]["prepare_for_sync_completed"], 1);
    assert_eq!(report["events"]["synchronize_completed"], 1);
    assert!(report["events"]["progress"].as_u64() > Some(2));
    let methods: Vec<&str> = report["calls"]
        .as_array()
        .expect("calls")
        .iter()
        .filter_map(|call| call["method"].as_str())
        .collect();
    for method in [
        "Initialize",
        "GetHandlerInfo",
        "EnumSyncMgrItems",
        "SetProgressCallback",
        "PrepareForSync",
        "Synchronize",
        "SetProgressCallback(NULL)",
    ] {
        assert!(methods.contains(&method), "{method} in {methods:?}");
    }
}

#[test]
fn skipped_item_ends_skipped() {
    // Sent right after Synchronize returns, long before Archive's turn.
    let (code, report) = host(&["--skip", "Archive"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(
        finals(&report),
        pairs(&[("Inbox", "SUCCEEDED"), ("Archive", "SKIPPED")])
    );
}

#[test]
fn skip_at_a_percentage_answers_cancelitem() {
    let (code, report) = host(&["--skip", "Inbox@40%"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(
        finals(&report),
        pairs(&[("Inbox", "SKIPPED"), ("Archive", "SUCCEEDED")])
    );
}

#[test]
fn items_subset_by_name_and_id() {
    let (code, report) = host(&["--items", "archive"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(finals(&report), pairs(&[("Archive", "SUCCEEDED")]));

    let (code, report) = host(&["--items", "{0C2B4D8E-1F3A-4B5C-8D9E-0A1B2C3D4E5F}"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(finals(&report), pairs(&[("Inbox", "SUCCEEDED")]));
}

#[test]
fn unknown_item_is_a_setup_error() {
    let (code, report) = host(&["--items", "Outbox"]);
    assert_eq!(code, 3, "{report:#}");
    assert_eq!(report["outcome"], "setup-error");
    assert_eq!(report["violations"], Value::Array(Vec::new()));
}

#[test]
fn other_events_and_flags_reach_initialize() {
    let (code, report) = host(&["--event", "scheduled", "--may-bother-user"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["initialize_flags"], 0x206);
}

#[test]
fn usage_errors_exit_64() {
    let output = Command::new(env!("CARGO_BIN_EXE_syncmgr-host"))
        .arg("--skip")
        .arg("Inbox@soon")
        .output()
        .expect("the host runs");
    assert_eq!(output.status.code(), Some(64));
}

/// The calls of the report whose method starts with `prefix`, with their answers.
fn calls(report: &Value, prefix: &str) -> Vec<(String, String)> {
    report["calls"]
        .as_array()
        .expect("calls")
        .iter()
        .filter_map(|call| {
            let method = call["method"].as_str()?;
            method.starts_with(prefix).then(|| {
                (
                    method.to_owned(),
                    call["hr"].as_str().unwrap_or("").to_owned(),
                )
            })
        })
        .collect()
}

#[test]
fn any_status_at_a_chosen_moment() {
    // GUID_NULL + STOPPED during the 4th Progress call (Inbox's third step): nothing else runs.
    let (code, report) = host(&["--status", "*=stopped@#4"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(
        finals(&report),
        pairs(&[("Inbox", "STOPPED"), ("Archive", "STOPPED")])
    );
    assert_eq!(
        calls(&report, "SetItemStatus"),
        [(
            "SetItemStatus({00000000-0000-0000-0000-000000000000}, STOPPED) during Progress"
                .to_owned(),
            "S_OK".to_owned()
        )]
    );
    // A request the minimal handler has no method for: sent, refused, the item goes on.
    let (code, report) = host(&["--status", "Archive=pending@#1"]);
    assert_eq!(code, 0, "{report:#}");
    let answers = calls(&report, "SetItemStatus");
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert!(answers[0].1.starts_with("E_INVALIDARG"), "{answers:?}");
    assert_eq!(
        finals(&report),
        pairs(&[("Inbox", "SUCCEEDED"), ("Archive", "SUCCEEDED")])
    );
}

#[test]
fn properties_are_asked_for_after_the_sync() {
    let (code, report) = host(&["--show-properties", "--show-properties", "Inbox"]);
    assert_eq!(code, 0, "{report:#}");
    let asked = calls(&report, "ShowProperties");
    assert_eq!(asked.len(), 2, "{asked:?}");
    // The minimal handler has no dialog: E_NOTIMPL and no completion, which is no violation.
    assert!(
        asked.iter().all(|(_, hr)| hr.starts_with("E_NOTIMPL")),
        "{asked:?}"
    );
    assert_eq!(report["violations"], Value::Array(Vec::new()));
    // ShowError needs an entry with an error id, which the minimal handler never logs.
    let (code, report) = host(&["--show-error", "0"]);
    assert_eq!(code, 3, "{report:#}");
    assert_eq!(report["outcome"], "setup-error");
}

#[test]
fn a_library_names_its_classes() {
    let output = Command::new(env!("CARGO_BIN_EXE_syncmgr-host"))
        .args(["--example", "minimal", "--list", "--json"])
        .output()
        .expect("the host runs");
    assert_eq!(output.status.code(), Some(0));
    let classes: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        classes,
        serde_json::json!([{"clsid": "{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}", "name": "Notes"}])
    );
    // A library with one class needs no --clsid.
    let (_, report) = host(&[]);
    let library = report["handler"]["dll"]
        .as_str()
        .expect("the library's path");
    let output = Command::new(env!("CARGO_BIN_EXE_syncmgr-host"))
        .args([library, "--json"])
        .output()
        .expect("the host runs");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(output.status.code(), Some(0), "{report:#}");
    assert_eq!(report["handler"]["name"], "Notes");
}

#[test]
fn sync_center_session_through_the_collection() {
    let (code, report) = host(&["--sync-center"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["host"], "sync-center");
    assert_eq!(report["name"], "Notes");
    assert_eq!(
        report["handler_id"],
        "{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}"
    );
    assert_eq!(
        finals(&report),
        pairs(&[("Inbox", "SUCCEEDED"), ("Archive", "SUCCEEDED")])
    );
    let notes = report["notes"].to_string();
    assert!(notes.contains("BindToHandler"), "{notes}");
    assert!(notes.contains("DllCanUnloadNow returned S_OK"), "{notes}");
    assert_eq!(report["violations"], Value::Array(Vec::new()));
}

#[test]
fn sync_center_cancel_request_cancels_the_item() {
    let (code, report) = host(&["--sync-center", "--skip", "Archive@#2"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(
        finals(&report),
        pairs(&[("Inbox", "SUCCEEDED"), ("Archive", "CANCELED")])
    );
    let (code, report) = host(&["--sync-center", "--skip", "*@#1"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(
        finals(&report),
        pairs(&[("Inbox", "CANCELED"), ("Archive", "CANCELED")])
    );
}

#[test]
fn sync_center_items_subset_and_unknown_item() {
    let (code, report) = host(&["--sync-center", "--items", "Archive"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(finals(&report), pairs(&[("Archive", "SUCCEEDED")]));
    let (code, report) = host(&["--sync-center", "--items", "Attic"]);
    assert_eq!(code, 3, "{report:#}");
    assert!(
        report["problems"].to_string().contains("Attic"),
        "{report:#}"
    );
}
