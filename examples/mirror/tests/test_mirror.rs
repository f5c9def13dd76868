//! The mirror handler tested as a user tests theirs: `syncmgr-test` plays the Sync Manager.

use example_mirror::{Mirror, demo_pairs, list_files};
use syncmgr::{LogLevel, SyncStatus};
use syncmgr_test::{After, Session};

/// A fresh folder for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let root = std::env::temp_dir().join(format!("syncmgr-mirror-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    root
}

#[test]
fn copies_then_finds_everything_up_to_date() {
    let pairs = demo_pairs(&scratch("twice"));
    let (documents, pictures) = (pairs[0].clone(), pairs[1].clone());

    let report = Session::new(Mirror::new(pairs.clone())).run().unwrap();
    report.assert_clean();
    assert!(report.all_succeeded());
    assert_eq!(list_files(&documents.destination).unwrap().len(), 12);
    assert!(report.logged(LogLevel::Information)[0].starts_with("12 of 12 files copied"));

    let report = Session::new(Mirror::new(pairs)).run().unwrap();
    report.assert_clean();
    assert!(report.logged(LogLevel::Information)[1].contains("(12 already up to date)"));
    assert_eq!(report.texts(pictures.id()).last(), Some(&"Done"));
}

#[test]
fn a_skipped_folder_stops_between_files() {
    let pairs = demo_pairs(&scratch("skip"));
    let pictures = pairs[1].clone();
    // The runtime's first UPDATING, then one Progress per file: skipped before the 3rd file.
    let report = Session::new(Mirror::new(pairs))
        .skip(pictures.id(), After(3))
        .run()
        .unwrap();
    report.assert_clean();
    assert_eq!(
        report.final_status(pictures.id()),
        Some(SyncStatus::Skipped)
    );
    assert_eq!(list_files(&pictures.destination).unwrap().len(), 1);
}

#[test]
fn a_failed_copy_can_be_opened_and_retried() {
    let root = scratch("fail");
    let pairs = demo_pairs(&root);
    let documents = pairs[0].clone();
    // A directory where a file should go: that copy fails.
    let blocked = documents.destination.join("documents-01.txt");
    std::fs::create_dir_all(&blocked).unwrap();
    let report = Session::new(Mirror::new(pairs))
        .items([documents.id()])
        .show_error(0)
        .run()
        .unwrap();
    assert_eq!(report.violations(), []);
    assert_eq!(
        report.final_status(documents.id()),
        Some(SyncStatus::Failed)
    );
    let entry = report
        .log()
        .iter()
        .find(|line| line.error_id.is_some())
        .expect("an entry the user can open");
    assert!(entry.text.starts_with("documents-01.txt"), "{entry:?}");
    // Opening it asks to mirror the pair again.
    assert_eq!(
        report.error_completions,
        [(syncmgr::abi::S_SYNCMGR_RETRYSYNC, vec![documents.id()])]
    );
}

#[test]
fn the_list_shows_when_a_destination_last_changed() {
    let pairs = demo_pairs(&scratch("dates"));
    let report = Session::new(Mirror::new(pairs.clone())).run().unwrap();
    // Before the first sync there was no destination; now there is.
    let before = report
        .items
        .iter()
        .map(|item| item.last_update)
        .collect::<Vec<_>>();
    assert_eq!(before, [(0, 0), (0, 0)]);
    let report = Session::new(Mirror::new(pairs)).run().unwrap();
    let flag = syncmgr::abi::SYNCMGRITEM_LASTUPDATETIME as u32;
    assert!(
        report
            .items
            .iter()
            .all(|item| item.last_update != (0, 0) && item.flags & flag != 0)
    );
}

#[test]
fn in_sync_center_a_cancel_request_stops_between_files() {
    let pairs = demo_pairs(&scratch("center"));
    let (documents, pictures) = (pairs[0].clone(), pairs[1].clone());
    let (documents_id, pictures_id) = (
        syncmgr_test::center::braced(&documents.id()),
        syncmgr_test::center::braced(&pictures.id()),
    );
    // Sync Center's user stops the pictures during their third report (the runtime's first
    // UPDATING, then one per file): the cancel request comes back from ReportProgress.
    let report = syncmgr_test::center::Session::from_handler(Mirror::new(pairs))
        .cancel_item(pictures_id.clone(), After(3))
        .run()
        .unwrap();
    report.assert_clean();
    assert_eq!(
        report.final_status(&documents_id),
        Some(syncmgr::abi::SYNCMGR_PS_SUCCEEDED)
    );
    assert_eq!(
        report.final_status(&pictures_id),
        Some(syncmgr::abi::SYNCMGR_PS_CANCELED)
    );
    assert_eq!(list_files(&documents.destination).unwrap().len(), 12);
    assert_eq!(list_files(&pictures.destination).unwrap().len(), 1);
    // The log entries are Sync Center events.
    assert!(
        report.events[0]
            .description
            .starts_with("12 of 12 files copied")
    );
}
