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
