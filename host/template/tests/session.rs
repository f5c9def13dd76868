//! Whole sync sessions against the handler, with `syncmgr-test` playing the Sync Manager.

use {{crate}}::Handler;
use syncmgr::SyncStatus;
use syncmgr_test::{After, Session};

#[test]
fn synchronizes_the_inbox() {
    let report = Session::new(Handler).run().unwrap();
    assert!(report.violations().is_empty(), "{:#?}", report.violations());
    assert_eq!(report.final_status(Handler::INBOX), Some(SyncStatus::Succeeded));
}

#[test]
fn the_user_skips_the_inbox() {
    // SetItemStatus(INBOX, SKIPPED) during the item's third Progress call.
    let report = Session::new(Handler).skip(Handler::INBOX, After(3)).run().unwrap();
    assert!(report.violations().is_empty(), "{:#?}", report.violations());
    assert_eq!(report.final_status(Handler::INBOX), Some(SyncStatus::Skipped));
}
