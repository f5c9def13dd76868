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

#[test]
fn synchronizes_in_sync_center_too() {
    // The same handler as Sync Center drives it (ISyncMgrHandler, string item ids).
    let inbox = syncmgr_test::center::braced(&Handler::INBOX);
    let report = syncmgr_test::center::Session::from_handler(Handler).run().unwrap();
    report.assert_clean();
    assert_eq!(report.final_status(&inbox), Some(syncmgr::abi::SYNCMGR_PS_SUCCEEDED));
}
