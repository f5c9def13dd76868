//! The test kit against in-process handlers: every planned call and answer lands where the
//! plan says, and the report shows it.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;
use syncmgr::{
    GUID, ItemSync, ParentWindow, PropertiesChange, SyncHandler, SyncStatus, abi, sync_handler,
};
use syncmgr_test::{After, Delay, ItemRef, Percent, Session, SetupError, ViolationKind};

const INBOX: GUID = GUID::from_u128(0x7a11_0000_0000_4000_8000_0000_0000_0001);
const ARCHIVE: GUID = GUID::from_u128(0x7a11_0000_0000_4000_8000_0000_0000_0002);
const DRAFTS: GUID = GUID::from_u128(0x7a11_0000_0000_4000_8000_0000_0000_0003);

/// Three items (the third unchecked), ten steps each; records what reached its own code.
#[sync_handler(
    clsid = "7a110000-0000-4000-8000-00000000000a",
    name = "Mail",
    item(id = "7a110000-0000-4000-8000-000000000001", name = "Inbox"),
    item(
        id = "7a110000-0000-4000-8000-000000000002",
        name = "Archive",
        flags(may_delete_item, has_properties)
    ),
    item(id = "7a110000-0000-4000-8000-000000000003", name = "Drafts", unchecked),
    on(deleted = forget, paused = pause),
)]
#[derive(Default)]
struct Mail {
    steps: AtomicU32,
    forgotten: Mutex<Vec<GUID>>,
    paused: Mutex<Vec<GUID>>,
    properties: Mutex<Vec<Option<GUID>>>,
}

// The signature `on(status = method)` expects.
#[allow(clippy::unnecessary_wraps)]
impl Mail {
    fn forget(&self, item: GUID) -> syncmgr::Result<()> {
        self.forgotten.lock().unwrap().push(item);
        Ok(())
    }

    fn pause(&self, item: GUID) -> syncmgr::Result<()> {
        self.paused.lock().unwrap().push(item);
        Ok(())
    }
}

impl SyncHandler for Mail {
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        for step in 1..=10 {
            item.progress(step, 10, &format!("message {step}"))?;
            self.steps.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

    fn show_properties(
        &self,
        _parent: ParentWindow,
        item: Option<GUID>,
    ) -> syncmgr::Result<PropertiesChange> {
        self.properties.lock().unwrap().push(item);
        Ok(PropertiesChange::None)
    }
}

/// Only the checked items run by default; every one succeeds; the texts and statuses are in
/// the report, and the handler comes back.
#[test]
fn a_plain_session_synchronizes_the_checked_items() {
    let report = Session::new(Mail::default()).run().unwrap();
    report.assert_clean();
    assert_eq!(report.selected, [INBOX, ARCHIVE]);
    assert!(report.all_succeeded());
    assert_eq!(report.final_status(DRAFTS), None);
    assert_eq!(
        report.statuses(INBOX).first(),
        Some(&SyncStatus::Updating),
        "the runtime reports UPDATING first"
    );
    assert_eq!(report.statuses(INBOX).last(), Some(&SyncStatus::Succeeded));
    assert!(report.texts(ARCHIVE).contains(&"message 10"));
    assert_eq!(report.handler().steps.load(Ordering::Relaxed), 20);
    assert_eq!(report.counts.synchronize_completed, 1);
    assert_eq!(report.counts.prepare_for_sync_completed, 1);
}

/// `items` picks by id or name (unchecked ones too), `all_items` takes every item, and an
/// unknown item is a setup error, not a session.
#[test]
fn items_are_chosen_by_id_or_name() {
    let report = Session::new(Mail::default())
        .items([ItemRef::from("drafts"), ItemRef::Id(INBOX)])
        .run()
        .unwrap();
    report.assert_clean();
    assert_eq!(report.selected, [DRAFTS, INBOX]);
    let report = Session::new(Mail::default()).all_items().run().unwrap();
    assert_eq!(report.selected, [INBOX, ARCHIVE, DRAFTS]);
    assert!(report.all_succeeded());
    let error = Session::new(Mail::default())
        .items(["Outbox"])
        .run()
        .unwrap_err();
    assert!(
        matches!(&error, SetupError::Usage(text) if text.contains("Outbox") && text.contains("Inbox")),
        "{error}"
    );
}

/// A skip sent during the item's 4th `Progress`: its 3rd step (the 4th call) returns the
/// cancellation, so exactly two of its steps ran.
#[test]
fn skip_after_a_number_of_progress_calls_is_exact() {
    let report = Session::new(Mail::default())
        .items([INBOX])
        .skip(INBOX, After(4))
        .run()
        .unwrap();
    report.assert_clean();
    assert_eq!(report.final_status(INBOX), Some(SyncStatus::Skipped));
    assert_eq!(report.handler().steps.load(Ordering::Relaxed), 2);
    assert_eq!(report.answer("SetItemStatus"), Some(abi::S_OK));
    assert!(report.unfired.is_empty());
}

/// `S_SYNCMGR_CANCELITEM` at 50 % skips one item; `S_SYNCMGR_CANCELALL` stops the rest.
#[test]
fn progress_answers_cancel() {
    let report = Session::new(Mail::default())
        .cancel_item(ARCHIVE, Percent(50))
        .run()
        .unwrap();
    report.assert_clean();
    assert_eq!(report.final_status(INBOX), Some(SyncStatus::Succeeded));
    assert_eq!(report.final_status(ARCHIVE), Some(SyncStatus::Skipped));

    let report = Session::new(Mail::default())
        .cancel_all(After(3))
        .run()
        .unwrap();
    report.assert_clean();
    assert_eq!(report.final_status(INBOX), Some(SyncStatus::Stopped));
    assert_eq!(report.final_status(ARCHIVE), Some(SyncStatus::Stopped));
}

/// `stop_all` sends `SetItemStatus(GUID_NULL, STOPPED)`; `status` sends any status, and the
/// handler's own method runs for those it handles.
#[test]
fn statuses_reach_the_runtime_and_the_handler() {
    let report = Session::new(Mail::default())
        .stop_all(After(2))
        .run()
        .unwrap();
    report.assert_clean();
    assert_eq!(report.final_status(INBOX), Some(SyncStatus::Stopped));
    assert_eq!(report.final_status(ARCHIVE), Some(SyncStatus::Stopped));

    // INBOX: paused during its 2nd Progress (its first step); the 3rd is the PAUSED report
    // while it holds, during which it is resumed.
    let report = Session::new(Mail::default())
        .status(ARCHIVE, SyncStatus::Deleted, After(1))
        .status(INBOX, SyncStatus::Paused, After(2))
        .status(INBOX, SyncStatus::Resuming, After(3))
        .run()
        .unwrap();
    report.assert_clean();
    assert_eq!(*report.handler().forgotten.lock().unwrap(), [ARCHIVE]);
    assert_eq!(*report.handler().paused.lock().unwrap(), [INBOX]);
    assert_eq!(report.final_status(ARCHIVE), Some(SyncStatus::Skipped));
    assert_eq!(
        report.statuses(INBOX)[..4],
        [
            SyncStatus::Updating,
            SyncStatus::Updating,
            SyncStatus::Paused,
            SyncStatus::Resuming
        ]
    );
    assert_eq!(report.final_status(INBOX), Some(SyncStatus::Succeeded));
}

/// Out-of-enum statuses and statuses nobody handles are sent as asked and answered
/// `E_INVALIDARG`; a status after the session is `E_UNEXPECTED`.
#[test]
fn bad_statuses_get_their_documented_answer() {
    let report = Session::new(Mail::default())
        .items([INBOX])
        .raw_status(Some(ItemRef::Id(INBOX)), 0x77, After(1))
        .status(INBOX, SyncStatus::Failed, After(2))
        .skip(INBOX, Delay(Duration::from_secs(30)))
        .run()
        .unwrap();
    report.assert_clean();
    let answers: Vec<_> = report
        .calls
        .iter()
        .filter(|call| call.method.starts_with("SetItemStatus"))
        .map(|call| (call.method.contains("not sent"), call.hr))
        .collect();
    assert!(
        answers.contains(&(false, abi::E_INVALIDARG)),
        "{:#?}",
        report.calls
    );
    assert!(
        answers.contains(&(true, abi::S_OK)),
        "the late skip was not sent"
    );
    assert_eq!(report.final_status(INBOX), Some(SyncStatus::Succeeded));
}

/// A Sync Manager whose completions and log answer `E_FAIL`, and one that takes its time:
/// neither changes what the handler does.
#[test]
fn failing_and_slow_callbacks() {
    let report = Session::new(Mail::default())
        .failing_callback(abi::E_FAIL)
        .run()
        .unwrap();
    report.assert_clean();
    assert!(report.all_succeeded());

    let report = Session::new(Mail::default())
        .items([INBOX])
        .slow_callback(Duration::from_millis(3))
        .run()
        .unwrap();
    report.assert_clean();
    let calls = u32::try_from(report.progress_calls()).unwrap();
    assert!(report.synchronize_time.unwrap() >= Duration::from_millis(3) * calls);
}

/// `ShowProperties` after the sync: the handler's dialog runs and its completion is checked; a
/// handler without one answers `E_NOTIMPL`, and an item that claims properties then warns.
#[test]
fn properties_and_errors() {
    let report = Session::new(Mail::default())
        .items([INBOX])
        .show_properties(Some(ItemRef::Id(ARCHIVE)))
        .show_properties(None)
        .run()
        .unwrap();
    report.assert_clean();
    assert_eq!(
        *report.handler().properties.lock().unwrap(),
        [Some(ARCHIVE), None]
    );
    assert_eq!(report.counts.other, 2, "two ShowPropertiesCompleted");

    let report = Session::new(Plain)
        .show_properties(Some(ItemRef::from("Archive")))
        .run()
        .unwrap();
    report.assert_clean();
    assert_eq!(report.answer("ShowProperties"), Some(abi::E_NOTIMPL));
    assert!(
        report
            .warnings
            .iter()
            .any(|warning| warning.contains("HASPROPERTIES")),
        "{:#?}",
        report.warnings
    );

    // No entry has an error id to open.
    let error = Session::new(Mail::default())
        .show_error(0)
        .run()
        .unwrap_err();
    assert!(matches!(error, SetupError::Usage(_)), "{error}");
}

/// The same items as [`Mail`], without a properties dialog.
#[sync_handler(
    clsid = "7a110000-0000-4000-8000-00000000000b",
    name = "Plain",
    item(
        id = "7a110000-0000-4000-8000-000000000002",
        name = "Archive",
        flags(has_properties)
    )
)]
struct Plain;

impl SyncHandler for Plain {
    fn synchronize_item(&self, _item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

/// A handler that fails an item: it ends `FAILED` with a log entry about it, and the session
/// completes with `E_FAIL` — reported as a problem, not as a violation.
#[test]
fn failures_are_reported_not_violations() {
    let report = Session::new(Failing).run().unwrap();
    assert_eq!(report.violations(), []);
    assert_eq!(report.final_status(ARCHIVE), Some(SyncStatus::Failed));
    assert!(
        report
            .logged(syncmgr::LogLevel::Error)
            .iter()
            .any(|text| text.contains("disk full")),
        "{:#?}",
        report.log
    );
    assert!(!report.is_clean());
    assert!(report.problems[0].contains("SynchronizeCompleted"));
    assert!(
        !report
            .violations()
            .iter()
            .any(|v| v.kind == ViolationKind::MissingFinalStatus)
    );
}

#[sync_handler(
    clsid = "7a110000-0000-4000-8000-00000000000c",
    name = "Failing",
    item(id = "7a110000-0000-4000-8000-000000000002", name = "Archive")
)]
struct Failing;

impl SyncHandler for Failing {
    fn synchronize_item(&self, _item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        Err(syncmgr::Error::msg("disk full"))
    }
}

/// What the Sync Manager would show oddly, a bar past its end, is a warning, not a violation.
#[test]
fn odd_but_legal_things_are_warnings() {
    let report = Session::new(Odd).run().unwrap();
    report.assert_clean();
    assert_eq!(report.warnings.len(), 1, "{:#?}", report.warnings);
    assert!(report.warnings[0].contains("above its maximum"));
    let report = Session::new(Mail::default()).run().unwrap();
    assert_eq!(report.warnings, Vec::<String>::new());
}

#[sync_handler(
    clsid = "7a110000-0000-4000-8000-00000000000d",
    name = "Odd",
    item(id = "7a110000-0000-4000-8000-000000000002", name = "Archive")
)]
struct Odd;

impl SyncHandler for Odd {
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        item.progress(12, 10, "more than all")
    }
}

/// Last update times: a declared item gets its time from `SyncHandler::last_update`, a
/// run-time item its own; `SYNCMGRITEM_LASTUPDATETIME` is set exactly for those that have one.
#[test]
fn last_update_times_reach_the_list() {
    let report = Session::new(Dated).all_items().run().unwrap();
    report.assert_clean();
    let flag = abi::SYNCMGRITEM_LASTUPDATETIME as u32;
    let found = |id: GUID| report.items.iter().find(|item| item.id == id).unwrap();
    // 2001-09-09T01:46:40Z: 10^9 s after 1970, in 100 ns ticks after 1601.
    let ticks = (11_644_473_600_u64 + 1_000_000_000) * 10_000_000;
    let expected = ((ticks & 0xFFFF_FFFF) as u32, (ticks >> 32) as u32);
    assert_eq!(found(ARCHIVE).last_update, expected);
    assert_ne!(found(ARCHIVE).flags & flag, 0);
    assert_eq!(found(DRAFTS).last_update, expected);
    assert_ne!(found(DRAFTS).flags & flag, 0);
    assert_eq!(found(INBOX).last_update, (0, 0));
    assert_eq!(found(INBOX).flags & flag, 0, "no time, no flag");
}

#[sync_handler(
    clsid = "7a110000-0000-4000-8000-000000000011",
    name = "Dated",
    item(id = "7a110000-0000-4000-8000-000000000001", name = "Inbox"),
    item(id = "7a110000-0000-4000-8000-000000000002", name = "Archive")
)]
struct Dated;

fn billennium() -> std::time::SystemTime {
    std::time::UNIX_EPOCH + Duration::from_secs(1_000_000_000)
}

impl SyncHandler for Dated {
    fn items(&self) -> syncmgr::Result<syncmgr::ItemListing> {
        Ok(syncmgr::ItemListing {
            items: vec![
                syncmgr::Item::new(DRAFTS, "Drafts")?
                    // The flag without a time is dropped; the time sets it.
                    .with_flags(syncmgr::ItemFlags::LAST_UPDATE_TIME)
                    .last_updated(billennium()),
            ],
            incomplete: false,
        })
    }

    fn last_update(&self, item: GUID) -> Option<std::time::SystemTime> {
        (item == ARCHIVE).then(billennium)
    }

    fn synchronize_item(&self, _item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

/// A handler the test keeps its own reference to: the session still sees the object freed, and
/// the test reads the state through its reference.
#[test]
fn a_shared_handler() {
    let mail = std::sync::Arc::new(Mail::default());
    let report = Session::shared(std::sync::Arc::clone(&mail)).run().unwrap();
    report.assert_clean();
    assert_eq!(mail.steps.load(Ordering::Relaxed), 20);
    assert_eq!(
        std::sync::Arc::strong_count(&mail),
        2,
        "the test's and the report's"
    );
}

/// An error the handler logged with its context: the entry has an error id, `ShowError` with
/// that id brings the context back to `show_error`, and its `Retry` reaches the Sync Manager.
#[test]
fn logged_errors_can_be_opened_and_retried() {
    let report = Session::new(Opener::default()).show_error(0).run().unwrap();
    report.assert_clean();
    let entry = &report.log()[0];
    assert_eq!(entry.level, syncmgr::LogLevel::Error as u32);
    assert_eq!(entry.item, Some(ARCHIVE));
    let id = entry.error_id.expect("the entry has an error id");
    assert_eq!(
        *report.handler().opened.lock().unwrap(),
        [(id, Some(ARCHIVE), "quota exceeded".to_owned(), Some(512))]
    );
    assert_eq!(
        report.error_completions,
        [(abi::S_SYNCMGR_RETRYSYNC, vec![ARCHIVE])]
    );
}

#[sync_handler(
    clsid = "7a110000-0000-4000-8000-00000000000e",
    name = "Opener",
    item(id = "7a110000-0000-4000-8000-000000000002", name = "Archive")
)]
#[derive(Default)]
struct Opener {
    opened: Mutex<Vec<Opened>>,
}

/// What `show_error` got: the id, the item, the text and the context.
type Opened = (GUID, Option<GUID>, String, Option<u64>);

impl SyncHandler for Opener {
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        item.log_error("quota exceeded", 512_u64);
        Ok(())
    }

    fn show_error(
        &self,
        _parent: ParentWindow,
        error: &syncmgr::LoggedError,
    ) -> syncmgr::Result<syncmgr::ShowErrorOutcome> {
        self.opened.lock().unwrap().push((
            error.id(),
            error.item(),
            error.text().to_owned(),
            error.context::<u64>().copied(),
        ));
        Ok(syncmgr::ShowErrorOutcome::Retry(
            error.item().into_iter().collect(),
        ))
    }
}

/// `establish_connection` reaches the Sync Manager for a handler that declares it may ask, its
/// answer comes back, and a handler that did not declare it is refused without asking.
#[test]
fn connections_are_asked_for_when_declared() {
    let report = Session::new(Dialer::default()).run().unwrap();
    report.assert_clean();
    assert_eq!(report.connections, [Some("Office VPN".to_owned()), None]);
    assert_eq!(*report.handler().answers.lock().unwrap(), [Ok(()), Ok(())]);

    let report = Session::new(Dialer::default())
        .failing_callback(abi::E_FAIL)
        .run()
        .unwrap();
    assert_eq!(
        *report.handler().answers.lock().unwrap(),
        [Err(abi::E_FAIL), Err(abi::E_FAIL)]
    );

    let report = Session::new(Undeclared::default()).run().unwrap();
    report.assert_clean();
    assert_eq!(report.connections, Vec::<Option<String>>::new());
    assert_eq!(
        *report.handler().answers.lock().unwrap(),
        [Err(abi::E_UNEXPECTED)]
    );
}

#[sync_handler(
    clsid = "7a110000-0000-4000-8000-00000000000f",
    name = "Dialer",
    flags(may_establish_connection),
    item(id = "7a110000-0000-4000-8000-000000000002", name = "Archive")
)]
#[derive(Default)]
struct Dialer {
    answers: Mutex<Vec<Result<(), syncmgr::HRESULT>>>,
}

impl SyncHandler for Dialer {
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        for name in [Some("Office VPN"), None] {
            let answer = item
                .establish_connection(name)
                .map_err(|error| error.code());
            self.answers.lock().unwrap().push(answer);
        }
        Ok(())
    }
}

#[sync_handler(
    clsid = "7a110000-0000-4000-8000-000000000010",
    name = "Undeclared",
    item(id = "7a110000-0000-4000-8000-000000000002", name = "Archive")
)]
#[derive(Default)]
struct Undeclared {
    answers: Mutex<Vec<Result<(), syncmgr::HRESULT>>>,
}

impl SyncHandler for Undeclared {
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        let answer = item
            .establish_connection(None)
            .map_err(|error| error.code());
        self.answers.lock().unwrap().push(answer);
        Ok(())
    }
}

/// The session hooks run on the worker around the items: `begin_session` with the session's
/// items, `end_session` with each outcome; a failing begin fails every item, a failing end is a
/// warning.
#[test]
fn session_hooks_frame_the_items() {
    let report = Session::new(Hooked::default())
        .items([INBOX, ARCHIVE])
        .skip(ARCHIVE, After(1))
        .run()
        .unwrap();
    report.assert_clean();
    let calls = report.handler().calls.lock().unwrap().clone();
    assert_eq!(
        calls,
        [
            format!("begin {INBOX:?} {ARCHIVE:?}"),
            format!("sync {INBOX:?}"),
            format!("end {INBOX:?}=SUCCEEDED {ARCHIVE:?}=SKIPPED"),
        ]
    );

    let failing = Hooked {
        fail: true,
        ..Hooked::default()
    };
    let report = Session::new(failing).items([INBOX]).run().unwrap();
    assert_eq!(report.violations(), []);
    assert_eq!(report.final_status(INBOX), Some(SyncStatus::Failed));
    assert!(
        report.logged(syncmgr::LogLevel::Error)[0].contains("no connection"),
        "{:#?}",
        report.log
    );
    assert!(
        report.logged(syncmgr::LogLevel::Warning)[0].contains("cannot close"),
        "{:#?}",
        report.log
    );
    assert_eq!(
        report.handler().calls.lock().unwrap().len(),
        2,
        "no item ran"
    );
}

#[sync_handler(
    clsid = "7a110000-0000-4000-8000-000000000012",
    name = "Hooked",
    item(id = "7a110000-0000-4000-8000-000000000001", name = "Inbox"),
    item(id = "7a110000-0000-4000-8000-000000000002", name = "Archive")
)]
#[derive(Default)]
struct Hooked {
    fail: bool,
    calls: Mutex<Vec<String>>,
}

impl SyncHandler for Hooked {
    fn begin_session(&self, items: &[GUID]) -> syncmgr::Result<()> {
        let items: Vec<String> = items.iter().map(|id| format!("{id:?}")).collect();
        self.calls
            .lock()
            .unwrap()
            .push(format!("begin {}", items.join(" ")));
        if self.fail {
            return Err(syncmgr::Error::msg("no connection to the server"));
        }
        Ok(())
    }

    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        self.calls
            .lock()
            .unwrap()
            .push(format!("sync {:?}", item.id()));
        item.progress(1, 1, "one")
    }

    fn end_session(&self, outcomes: &[(GUID, SyncStatus)]) -> syncmgr::Result<()> {
        let outcomes: Vec<String> = outcomes
            .iter()
            .map(|(id, status)| format!("{id:?}={}", status.name()))
            .collect();
        self.calls
            .lock()
            .unwrap()
            .push(format!("end {}", outcomes.join(" ")));
        if self.fail {
            return Err(syncmgr::Error::msg("cannot close the connection"));
        }
        Ok(())
    }
}
