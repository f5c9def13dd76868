//! `SetItemStatus`, through the raw vtable, checked in the documented order: the session
//! window (`E_UNEXPECTED`), the item (`E_INVALIDARG`), the status (`E_INVALIDARG`), then the
//! action — skip, stop, delete, or the handler's `on(status = …)` method.

mod support;

use std::sync::Arc;
use support::{
    ALPHA, BETA, Call, DELETED, GAMMA, Gate, PAUSED, PENDING, Progress, RESUMING, SKIPPED,
    STATIC_ITEMS, STOPPED, STRANGER, SUCCEEDED, Script, UPDATING, scripted, set_item_status,
};
use syncmgr::abi::{E_FAIL, E_INVALIDARG, E_UNEXPECTED, S_OK};
use syncmgr::{Error, GUID, HRESULT, SyncStatus};

const NULL_ID: GUID = GUID::zeroed();

/// A script whose `synchronize_item` waits at `gate` for `blocked` (until the gate opens or the
/// item is cancelled), and reports one step for every item.
fn blocking(blocked: GUID, gate: &Arc<Gate>) -> Script {
    let gate = Arc::clone(gate);
    Script::new().sync_item(move |item| {
        if item.id() == blocked {
            gate.pass(item)?;
        }
        item.progress(1, 1, "step")
    })
}

#[test]
fn outside_a_session_is_unexpected() {
    let _serial = support::serial();
    let (object, _journal) = scripted(Script::new());
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);

    // Before PrepareForSync; the window is checked before the pointer and the status.
    assert_eq!(
        set_item_status(&object, Some(&ALPHA), SKIPPED),
        E_UNEXPECTED
    );
    assert_eq!(set_item_status(&object, None, SKIPPED), E_UNEXPECTED);
    assert_eq!(
        set_item_status(&object, Some(&STRANGER), 0xFFFF_FFFF),
        E_UNEXPECTED
    );
    assert_eq!(
        set_item_status(&object, Some(&NULL_ID), STOPPED),
        E_UNEXPECTED
    );

    // After SynchronizeCompleted.
    assert_eq!(
        support::run_session(&object, &recorder, &STATIC_ITEMS),
        S_OK
    );
    assert_eq!(
        set_item_status(&object, Some(&ALPHA), SKIPPED),
        E_UNEXPECTED
    );
    assert_eq!(
        set_item_status(&object, Some(&NULL_ID), STOPPED),
        E_UNEXPECTED
    );
    support::detach(&object, &recorder);
    for id in STATIC_ITEMS {
        recorder.assert_item_ended(id, SUCCEEDED);
    }
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn invalid_items_and_statuses_are_invalid_arguments() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new());
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[ALPHA, BETA]), S_OK);

    // The item: NULL, unknown, owned but not in this session.
    assert_eq!(set_item_status(&object, None, SKIPPED), E_INVALIDARG);
    assert_eq!(
        set_item_status(&object, Some(&STRANGER), SKIPPED),
        E_INVALIDARG
    );
    assert_eq!(
        set_item_status(&object, Some(&GAMMA), SKIPPED),
        E_INVALIDARG
    );
    // GUID_NULL means "everything": only STOPPED.
    for status in [SKIPPED, DELETED, PAUSED, RESUMING, SUCCEEDED, 9] {
        assert_eq!(
            set_item_status(&object, Some(&NULL_ID), status),
            E_INVALIDARG,
            "GUID_NULL with {status:#x}"
        );
    }
    // The status: not a SYNCMGRSTATUS value (ordinals, not bits).
    for status in [9, 0x101, 0x100 | SKIPPED, 0x200, 0xFFFF_FFFF] {
        assert_eq!(
            set_item_status(&object, Some(&ALPHA), status),
            E_INVALIDARG,
            "{status:#x}"
        );
    }
    // DELETED needs `may_delete_item`; ALPHA does not have it.
    assert_eq!(
        set_item_status(&object, Some(&ALPHA), DELETED),
        E_INVALIDARG
    );
    // Progress statuses sent as requests, without a handler method to take them.
    for status in [UPDATING, SUCCEEDED, support::FAILED] {
        assert_eq!(
            set_item_status(&object, Some(&ALPHA), status),
            E_INVALIDARG,
            "{status:#x}"
        );
    }

    // None of it touched the session.
    assert_eq!(support::synchronize(&object), S_OK);
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);
    recorder.assert_item_ended(ALPHA, SUCCEEDED);
    recorder.assert_item_ended(BETA, SUCCEEDED);
    assert!(recorder.progress(GAMMA).is_empty());
    assert!(
        !journal
            .calls()
            .iter()
            .any(|call| matches!(call, Call::Status(..))),
        "no handler method ran: {:?}",
        journal.calls()
    );
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn skipped_before_synchronize_never_starts_the_item() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new());
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &STATIC_ITEMS), S_OK);
    assert_eq!(set_item_status(&object, Some(&BETA), SKIPPED), S_OK);
    // Twice is fine.
    assert_eq!(set_item_status(&object, Some(&BETA), SKIPPED), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);

    assert_eq!(journal.synced(), [ALPHA, GAMMA]);
    assert_eq!(recorder.statuses(BETA), [SKIPPED]);
    recorder.assert_item_ended(ALPHA, SUCCEEDED);
    recorder.assert_item_ended(GAMMA, SUCCEEDED);
    assert_eq!(recorder.sync_completions(), [S_OK]);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn skipped_during_sync_ends_the_item_in_flight() {
    let _serial = support::serial();
    let gate = Gate::new();
    let (object, journal) = scripted(blocking(ALPHA, &gate));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &STATIC_ITEMS), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    journal.wait_for(&Call::SyncItem(ALPHA));
    assert_eq!(set_item_status(&object, Some(&ALPHA), SKIPPED), S_OK);
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);

    recorder.assert_item_ended(ALPHA, SKIPPED);
    recorder.assert_item_ended(BETA, SUCCEEDED);
    recorder.assert_item_ended(GAMMA, SUCCEEDED);
    assert_eq!(journal.synced(), STATIC_ITEMS);
    assert_eq!(recorder.sync_completions(), [S_OK]);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn skipping_a_finished_item_changes_nothing() {
    let _serial = support::serial();
    let gate = Gate::new();
    let (object, journal) = scripted(blocking(BETA, &gate));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[ALPHA, BETA]), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    journal.wait_for(&Call::SyncItem(BETA));
    // ALPHA is done, the session is still open.
    assert_eq!(set_item_status(&object, Some(&ALPHA), SKIPPED), S_OK);
    gate.open();
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);
    recorder.assert_item_ended(ALPHA, SUCCEEDED);
    recorder.assert_item_ended(BETA, SUCCEEDED);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn stopped_with_guid_null_stops_every_remaining_item() {
    let _serial = support::serial();
    let gate = Gate::new();
    let (object, journal) = scripted(blocking(ALPHA, &gate));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &STATIC_ITEMS), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    journal.wait_for(&Call::SyncItem(ALPHA));
    assert_eq!(set_item_status(&object, Some(&NULL_ID), STOPPED), S_OK);
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);

    for id in STATIC_ITEMS {
        recorder.assert_item_ended(id, STOPPED);
    }
    assert_eq!(recorder.statuses(BETA), [STOPPED], "never started");
    assert_eq!(recorder.statuses(GAMMA), [STOPPED], "never started");
    assert_eq!(journal.synced(), [ALPHA]);
    assert_eq!(recorder.sync_completions(), [S_OK]);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn deleted_calls_the_method_for_an_item_that_may_be_deleted() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new());
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &STATIC_ITEMS), S_OK);
    assert_eq!(set_item_status(&object, Some(&BETA), DELETED), S_OK);
    assert!(
        journal
            .calls()
            .contains(&Call::Status(SyncStatus::Deleted, BETA)),
        "{:?}",
        journal.calls()
    );
    assert_eq!(support::synchronize(&object), S_OK);
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);
    // A deleted item is not synchronized.
    assert_eq!(journal.synced(), [ALPHA, GAMMA]);
    recorder.assert_item_ended(BETA, SKIPPED);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn deleted_method_error_is_its_hresult_and_keeps_the_item() {
    let _serial = support::serial();
    let denied = HRESULT(0x8007_0005_u32 as i32);
    let (object, journal) =
        scripted(Script::new().status(move |_, _| Err(Error::new(denied, "read-only"))));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[BETA]), S_OK);
    assert_eq!(set_item_status(&object, Some(&BETA), DELETED), denied);
    assert_eq!(support::synchronize(&object), S_OK);
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);
    assert_eq!(journal.synced(), [BETA]);
    recorder.assert_item_ended(BETA, SUCCEEDED);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn a_request_with_a_method_is_dispatched() {
    let _serial = support::serial();
    let denied = HRESULT(0x8007_0005_u32 as i32);
    let (object, journal) = scripted(Script::new().status(move |status, item| {
        match (status, item) {
            (SyncStatus::Pending, id) if id == ALPHA => Ok(()),
            (SyncStatus::Pending, id) if id == BETA => Err(Error::new(denied, "not now")),
            // An error carrying a success code still fails.
            (SyncStatus::Pending, _) => Err(Error::new(HRESULT(1), "odd")),
            _ => unreachable!("only `pending` is asked here"),
        }
    }));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &STATIC_ITEMS), S_OK);
    assert_eq!(set_item_status(&object, Some(&ALPHA), PENDING), S_OK);
    assert_eq!(set_item_status(&object, Some(&BETA), PENDING), denied);
    assert_eq!(set_item_status(&object, Some(&GAMMA), PENDING), E_FAIL);
    assert_eq!(
        statuses_told(&journal),
        [
            Call::Status(SyncStatus::Pending, ALPHA),
            Call::Status(SyncStatus::Pending, BETA),
            Call::Status(SyncStatus::Pending, GAMMA),
        ]
    );
    // A request is the handler's business: the items still synchronize.
    assert_eq!(support::synchronize(&object), S_OK);
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);
    for id in STATIC_ITEMS {
        recorder.assert_item_ended(id, SUCCEEDED);
    }
    support::release_last(object);
    recorder.assert_clean();
}

/// The status methods the handler was told of, in order.
fn statuses_told(journal: &support::Journal) -> Vec<Call> {
    journal
        .calls()
        .into_iter()
        .filter(|call| matches!(call, Call::Status(..)))
        .collect()
}

#[test]
fn a_panicking_status_method_is_unexpected() {
    let _serial = support::serial();
    let (object, _journal) = scripted(Script::new().status(|_, _| panic!("pending exploded")));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[ALPHA]), S_OK);
    assert_eq!(
        set_item_status(&object, Some(&ALPHA), PENDING),
        E_UNEXPECTED
    );
    let logs = recorder.logs();
    assert_eq!(logs.len(), 1, "{logs:?}");
    assert!(logs[0].1.contains("pending exploded"), "{logs:?}");
    // The object keeps working.
    assert_eq!(set_item_status(&object, Some(&ALPHA), SKIPPED), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);
    recorder.assert_item_ended(ALPHA, SKIPPED);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn stopped_on_one_item_stops_that_item() {
    let _serial = support::serial();
    let gate = Gate::new();
    let (object, journal) = scripted(blocking(ALPHA, &gate));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &STATIC_ITEMS), S_OK);
    // BETA before it started, ALPHA while it runs.
    assert_eq!(set_item_status(&object, Some(&BETA), STOPPED), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    journal.wait_for(&Call::SyncItem(ALPHA));
    assert_eq!(set_item_status(&object, Some(&ALPHA), STOPPED), S_OK);
    // A second cancellation of a stopped item changes nothing: the first one wins.
    assert_eq!(set_item_status(&object, Some(&ALPHA), SKIPPED), S_OK);
    gate.open();
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);
    recorder.assert_item_ended(ALPHA, STOPPED);
    assert_eq!(recorder.statuses(BETA), [STOPPED], "never started");
    recorder.assert_item_ended(GAMMA, SUCCEEDED);
    assert_eq!(journal.synced(), [ALPHA, GAMMA]);
    support::release_last(object);
    recorder.assert_clean();
}

/// A `synchronize_item` of three steps with the text `step`.
fn three_steps() -> Script {
    Script::new().sync_item(|item| {
        for step in 1..=3 {
            item.progress(step, 3, "step")?;
        }
        Ok(())
    })
}

#[test]
fn paused_holds_the_item_until_resuming() {
    let _serial = support::serial();
    let (object, journal) = scripted(three_steps());
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[ALPHA, BETA]), S_OK);
    assert_eq!(set_item_status(&object, Some(&ALPHA), PAUSED), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    // The item reports its first step, then PAUSED, and waits there; BETA does not start.
    recorder.wait_for("ALPHA paused", |events| reported(events, ALPHA, PAUSED));
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert!(
        recorder.progress(BETA).is_empty(),
        "the worker holds at ALPHA"
    );
    assert_eq!(recorder.sync_completions(), []);
    assert_eq!(set_item_status(&object, Some(&ALPHA), RESUMING), S_OK);
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);
    assert_eq!(
        recorder.statuses(ALPHA),
        [
            UPDATING, UPDATING, PAUSED, RESUMING, UPDATING, UPDATING, SUCCEEDED
        ]
    );
    recorder.assert_item_ended(BETA, SUCCEEDED);
    // The handler's own method was told, after the runtime acted.
    assert_eq!(
        statuses_told(&journal),
        [Call::Status(SyncStatus::Paused, ALPHA)]
    );
    support::release_last(object);
    recorder.assert_clean();
}

/// Whether `events` have a `Progress` of `status` for `item`.
fn reported(events: &[support::Event], item: GUID, status: u32) -> bool {
    events
        .iter()
        .filter_map(support::Event::progress)
        .any(|(id, progress)| id == item && progress.status == Some(status))
}

#[test]
fn a_paused_item_can_be_cancelled_and_its_methods_error_is_a_warning() {
    let _serial = support::serial();
    let (object, _journal) =
        scripted(three_steps().status(|_, _| Err(Error::new(E_FAIL, "cannot pause the disk"))));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[ALPHA, BETA]), S_OK);
    // The runtime pauses whatever the method says; the method's error is a warning. (Sent
    // before Synchronize: once the worker runs, ALPHA may be done before a pause lands.)
    assert_eq!(set_item_status(&object, Some(&ALPHA), PAUSED), S_OK);
    let logs = recorder.logs();
    assert_eq!(logs.len(), 1, "{logs:?}");
    assert_eq!(logs[0].0, syncmgr::LogLevel::Warning as u32);
    assert!(logs[0].1.contains("cannot pause the disk"), "{logs:?}");
    assert_eq!(support::synchronize(&object), S_OK);
    recorder.wait_for("ALPHA paused", |events| reported(events, ALPHA, PAUSED));
    // A skip ends a held item without resuming it.
    assert_eq!(set_item_status(&object, Some(&ALPHA), SKIPPED), S_OK);
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);
    recorder.assert_item_ended(ALPHA, SKIPPED);
    assert!(!reported(&recorder.events(), ALPHA, RESUMING));
    recorder.assert_item_ended(BETA, SUCCEEDED);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn releasing_the_handler_lets_a_paused_item_go() {
    let _serial = support::serial();
    let (object, _journal) = scripted(three_steps());
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[ALPHA]), S_OK);
    assert_eq!(set_item_status(&object, Some(&ALPHA), PAUSED), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    recorder.wait_for("ALPHA paused", |events| reported(events, ALPHA, PAUSED));
    // Nobody can resume it any more: the worker goes on and ends the session.
    support::release_last(object);
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    recorder.assert_item_ended(ALPHA, SUCCEEDED);
    recorder.assert_clean();
}

#[test]
fn statuses_reported_for_a_skipped_item_stay_in_order() {
    let _serial = support::serial();
    let gate = Gate::new();
    let (object, journal) = scripted(blocking(GAMMA, &gate));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &STATIC_ITEMS), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    journal.wait_for(&Call::SyncItem(GAMMA));
    assert_eq!(set_item_status(&object, Some(&GAMMA), SKIPPED), S_OK);
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);
    // GAMMA: UPDATING from the runtime, then SKIPPED, and the handler's own step never came.
    let gamma = recorder.progress(GAMMA);
    assert!(
        !gamma
            .iter()
            .any(|progress| progress.as_ref().and_then(Progress::status_text) == Some("step")),
        "{gamma:?}"
    );
    assert_eq!(recorder.assert_item_ended(GAMMA, SKIPPED), 1);
    support::release_last(object);
    recorder.assert_clean();
}
