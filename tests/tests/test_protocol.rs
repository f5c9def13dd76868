//! The `ISyncMgrSynchronize` protocol, driven through the raw vtable of macro-generated
//! handlers: the full session, `Initialize`, calls out of order, null pointers, `QueryInterface`,
//! `PrepareForSync`, `ShowProperties`/`ShowError`, `SetProgressCallback` and contained failures.

mod support;

use core::ptr;
use support::{
    ALPHA, BETA, Call, Event, GAMMA, Gate, MANUAL, Progress, STATIC_ITEMS, STRANGER, SUCCEEDED,
    Script, UPDATING, scripted,
};
use syncmgr::abi::{
    self, E_FAIL, E_INVALIDARG, E_NOINTERFACE, E_NOTIMPL, E_POINTER, E_UNEXPECTED, S_FALSE, S_OK,
};
use syncmgr::{
    Error, GUID, HRESULT, Participation, PropertiesChange, ShowErrorOutcome, SyncEvent,
    SyncEventKind,
};
use windows_core::{IUnknown, Interface};

/// A pointer value no handler may leave in an out-parameter after a failure.
const GARBAGE: usize = 0xDEAD_BEEF;

fn garbage<T>() -> *mut T {
    ptr::without_provenance_mut(GARBAGE)
}

#[test]
fn full_session_through_the_vtable() {
    let serial = support::serial();
    let allocations = support::task_allocations();
    let (object, journal) = scripted(Script::new());
    assert_eq!(syncmgr::live_objects(), serial.baseline() + 1);
    let (callback, recorder) = support::callback();

    assert_eq!(support::initialize(&object, MANUAL, &[]), S_OK);

    let mut info = garbage();
    assert_eq!(support::get_handler_info(&object, Some(&mut info)), S_OK);
    assert!(!info.is_null());
    assert_eq!(support::task_allocations(), allocations.map(|n| n + 1));
    // SAFETY: GetHandlerInfo succeeded: `info` is a task allocation holding the struct.
    let value = unsafe { info.read() };
    // SAFETY: the caller of GetHandlerInfo owns and frees the allocation.
    unsafe { syncmgr::memory::co_task_mem_free(info.cast()) };
    assert_eq!(support::task_allocations(), allocations);
    assert_eq!(value.cbSize as usize, size_of::<abi::SYNCMGRHANDLERINFO>());
    let name_len = value
        .wszHandlerName
        .iter()
        .position(|unit| *unit == 0)
        .expect("the handler name is NUL-terminated");
    assert_eq!(
        String::from_utf16_lossy(&value.wszHandlerName[..name_len]),
        support::SCRIPTED_NAME
    );
    assert_eq!(
        value.SyncMgrHandlerFlags,
        (abi::SYNCMGRHANDLER_HASPROPERTIES | abi::SYNCMGRHANDLER_MAYESTABLISHCONNECTION) as u32
    );

    assert_eq!(support::item_ids(&object), STATIC_ITEMS);

    assert_eq!(support::set_callback(&object, Some(&callback)), S_OK);
    assert_eq!(recorder.refs(), 2, "the handler holds one reference");

    assert_eq!(support::prepare(&object, &STATIC_ITEMS), S_OK);
    assert_eq!(recorder.prepare_completions(), [S_OK]);
    assert_eq!(support::synchronize(&object), S_OK);
    assert_eq!(recorder.wait_sync_completed(), S_OK);

    support::detach(&object, &recorder);
    // No reference to the callback is left: nothing can arrive any more.
    let events = recorder.events();
    assert_eq!(recorder.sync_completions(), [S_OK]);
    assert_eq!(recorder.prepare_completions(), [S_OK]);
    assert_eq!(events.first(), Some(&Event::PrepareForSyncCompleted(S_OK)));
    assert_eq!(events.last(), Some(&Event::SynchronizeCompleted(S_OK)));
    assert!(recorder.logs().is_empty(), "{:?}", recorder.logs());
    for id in STATIC_ITEMS {
        let progress = recorder.progress(id);
        let Some(Some(Progress {
            status: Some(UPDATING),
            text: Some(Ok(text)),
            value: Some(value),
            max: Some(max),
            ..
        })) = progress.first()
        else {
            panic!("the first Progress of {id:?} is UPDATING with text and values: {progress:?}");
        };
        assert!(!text.is_empty());
        assert!(value <= max);
        assert!(recorder.assert_item_ended(id, SUCCEEDED) >= 1);
        let statuses = recorder.statuses(id);
        assert!(
            statuses[..statuses.len() - 1]
                .iter()
                .all(|s| *s == UPDATING),
            "{statuses:?}"
        );
    }
    assert_eq!(journal.synced(), STATIC_ITEMS);
    assert!(
        journal
            .calls()
            .contains(&Call::Prepare(STATIC_ITEMS.to_vec()))
    );

    support::release_last(object);
    support::wait_until("live_objects() back to its baseline", || {
        syncmgr::live_objects() == serial.baseline()
    });
    assert_eq!(support::release(callback), 0);
    assert!(recorder.is_released());
    recorder.assert_clean();
}

#[test]
fn initialize_decline_is_s_false_and_later_calls_are_unexpected() {
    let _serial = support::serial();
    let (object, _journal) = scripted(Script::new().initialize(|_| Ok(Participation::Decline)));
    let (callback, recorder) = support::callback();
    assert_eq!(support::set_callback(&object, Some(&callback)), S_OK);

    assert_eq!(support::initialize(&object, MANUAL, &[]), S_FALSE);
    let mut info = garbage();
    assert_eq!(
        support::get_handler_info(&object, Some(&mut info)),
        E_UNEXPECTED
    );
    assert!(info.is_null());
    let mut items = garbage();
    assert_eq!(support::enum_items(&object, Some(&mut items)), E_UNEXPECTED);
    assert!(items.is_null());
    assert_eq!(support::prepare(&object, &[ALPHA]), E_UNEXPECTED);
    assert_eq!(support::synchronize(&object), E_UNEXPECTED);
    assert!(recorder.events().is_empty());

    support::detach(&object, &recorder);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn initialize_rejects_a_cookie_length_without_a_cookie() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new());
    assert_eq!(
        support::initialize_null_cookie(&object, abi::SYNCMGRFLAG_INVOKE as u32, 4),
        E_INVALIDARG
    );
    assert!(journal.calls().is_empty(), "the handler was not asked");
    assert_eq!(support::get_handler_info(&object, None), E_POINTER);
    let mut info = garbage();
    assert_eq!(
        support::get_handler_info(&object, Some(&mut info)),
        E_UNEXPECTED,
        "still uninitialized"
    );
    assert!(info.is_null());
    // A zero length with no cookie is fine.
    assert_eq!(support::initialize_null_cookie(&object, MANUAL, 0), S_OK);
    support::release_last(object);
}

#[test]
fn initialize_decodes_flags_and_cookie() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new());
    let invoke = (abi::SYNCMGRFLAG_INVOKE | abi::SYNCMGRFLAG_MAYBOTHERUSER) as u32;
    assert_eq!(support::initialize(&object, invoke, &[1, 2, 3, 0xFF]), S_OK);
    let scheduled = (abi::SYNCMGRFLAG_SCHEDULED | abi::SYNCMGRFLAG_SETTINGS) as u32;
    assert_eq!(support::initialize(&object, scheduled, &[]), S_OK);
    let unknown = 0x42;
    assert_eq!(support::initialize(&object, unknown, &[]), S_OK);
    assert_eq!(
        journal.calls(),
        [
            Call::Initialize(SyncEvent {
                flags: invoke,
                kind: SyncEventKind::Invoke,
                settings: false,
                may_bother_user: true,
                cookie: vec![1, 2, 3, 0xFF],
            }),
            Call::Initialize(SyncEvent {
                flags: scheduled,
                kind: SyncEventKind::Scheduled,
                settings: true,
                may_bother_user: false,
                cookie: Vec::new(),
            }),
            Call::Initialize(SyncEvent {
                flags: unknown,
                kind: SyncEventKind::Manual,
                settings: false,
                may_bother_user: false,
                cookie: Vec::new(),
            }),
        ]
    );
    support::release_last(object);
}

#[test]
fn initialize_error_is_its_hresult() {
    let _serial = support::serial();
    let denied = HRESULT(0x8007_0005_u32 as i32);
    let (object, _journal) =
        scripted(Script::new().initialize(move |_| Err(Error::new(denied, "no access"))));
    assert_eq!(support::initialize(&object, MANUAL, &[]), denied);
    assert_eq!(
        support::get_handler_info(&object, Some(&mut garbage())),
        E_UNEXPECTED
    );
    support::release_last(object);
}

#[test]
fn calls_before_initialize_are_unexpected() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new());
    let (callback, recorder) = support::callback();
    // SetProgressCallback is accepted at any time.
    assert_eq!(support::set_callback(&object, Some(&callback)), S_OK);

    let mut info = garbage();
    assert_eq!(
        support::get_handler_info(&object, Some(&mut info)),
        E_UNEXPECTED
    );
    assert!(info.is_null());
    let mut items = garbage();
    assert_eq!(support::enum_items(&object, Some(&mut items)), E_UNEXPECTED);
    assert!(items.is_null());
    assert_eq!(support::prepare(&object, &[ALPHA]), E_UNEXPECTED);
    assert_eq!(support::synchronize(&object), E_UNEXPECTED);
    assert_eq!(
        support::show_properties(&object, Some(&GUID::zeroed())),
        E_UNEXPECTED
    );
    assert_eq!(support::show_error(&object, Some(&ALPHA)), E_UNEXPECTED);
    assert_eq!(
        support::set_item_status(&object, Some(&ALPHA), support::SKIPPED),
        E_UNEXPECTED
    );
    assert!(journal.calls().is_empty());
    assert!(recorder.events().is_empty());

    support::detach(&object, &recorder);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn synchronize_needs_a_completed_prepare() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new());
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::synchronize(&object), E_UNEXPECTED);
    assert!(journal.synced().is_empty());
    assert!(recorder.events().is_empty());
    support::detach(&object, &recorder);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn synchronize_twice_is_unexpected() {
    let _serial = support::serial();
    let gate = Gate::new();
    let worker_gate = std::sync::Arc::clone(&gate);
    let (object, journal) = scripted(Script::new().sync_item(move |item| worker_gate.pass(item)));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[ALPHA, BETA]), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    journal.wait_for(&Call::SyncItem(ALPHA));
    // While the worker runs …
    assert_eq!(support::synchronize(&object), E_UNEXPECTED);
    gate.open();
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    // … and after it finished.
    assert_eq!(support::synchronize(&object), E_UNEXPECTED);
    support::detach(&object, &recorder);
    assert_eq!(recorder.sync_completions(), [S_OK]);
    assert_eq!(journal.synced(), [ALPHA, BETA]);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn prepare_during_a_session_is_unexpected() {
    let _serial = support::serial();
    let gate = Gate::new();
    let worker_gate = std::sync::Arc::clone(&gate);
    let (object, journal) = scripted(Script::new().sync_item(move |item| worker_gate.pass(item)));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[ALPHA]), S_OK);
    // Prepared, not yet synchronizing.
    assert_eq!(support::prepare(&object, &[ALPHA]), E_UNEXPECTED);
    assert_eq!(support::synchronize(&object), S_OK);
    journal.wait_for(&Call::SyncItem(ALPHA));
    // Synchronizing.
    assert_eq!(support::prepare(&object, &[BETA]), E_UNEXPECTED);
    assert_eq!(support::initialize(&object, MANUAL, &[]), E_UNEXPECTED);
    gate.open();
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);
    assert_eq!(recorder.prepare_completions(), [S_OK]);
    let prepares = journal
        .calls()
        .into_iter()
        .filter(|call| matches!(call, Call::Prepare(_)))
        .count();
    assert_eq!(prepares, 1);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn prepare_without_a_callback_is_unexpected() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new());
    assert_eq!(support::initialize(&object, MANUAL, &[]), S_OK);
    assert_eq!(support::prepare(&object, &[ALPHA]), E_UNEXPECTED);
    assert!(
        !journal
            .calls()
            .iter()
            .any(|c| matches!(c, Call::Prepare(_)))
    );
    support::release_last(object);
}

#[test]
fn null_pointers() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new());
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);

    assert_eq!(support::get_handler_info(&object, None), E_POINTER);
    assert_eq!(support::enum_items(&object, None), E_POINTER);
    assert_eq!(
        support::get_item_object(&object, &ALPHA, &IUnknown::IID, None),
        E_POINTER
    );
    assert_eq!(
        support::query_interface(&object, &IUnknown::IID, None),
        E_POINTER
    );
    assert_eq!(support::prepare_null(&object, 2), E_INVALIDARG);
    assert_eq!(support::show_properties(&object, None), E_INVALIDARG);
    assert_eq!(support::show_error(&object, None), E_INVALIDARG);
    // No handler code ran for any of them.
    assert_eq!(journal.calls().len(), 1, "{:?}", journal.calls());
    assert!(recorder.events().is_empty());

    support::detach(&object, &recorder);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn get_item_object_is_not_implemented() {
    let _serial = support::serial();
    let (object, _journal) = scripted(Script::new());
    assert_eq!(support::initialize(&object, MANUAL, &[]), S_OK);
    let mut out = garbage();
    assert_eq!(
        support::get_item_object(&object, &ALPHA, &IUnknown::IID, Some(&mut out)),
        E_NOTIMPL
    );
    assert!(out.is_null());
    support::release_last(object);
}

#[test]
fn query_interface() {
    let _serial = support::serial();
    let (object, _journal) = scripted(Script::new());
    for iid in [IUnknown::IID, abi::ISyncMgrSynchronize::IID] {
        let mut out = garbage();
        assert_eq!(
            support::query_interface(&object, &iid, Some(&mut out)),
            S_OK
        );
        assert_eq!(out, object.as_raw(), "one identity");
        // The QueryInterface reference is the second one.
        // SAFETY: `out` carries the reference QueryInterface added.
        assert_eq!(unsafe { support::release_raw(out) }, 1);
    }
    for iid in [
        abi::ISyncMgrSynchronizeCallback::IID,
        abi::ISyncMgrEnumItems::IID,
        abi::IClassFactory::IID,
        STRANGER,
    ] {
        let mut out = garbage();
        assert_eq!(
            support::query_interface(&object, &iid, Some(&mut out)),
            E_NOINTERFACE
        );
        assert!(out.is_null());
    }
    assert_eq!(support::add_ref(&object), 2);
    assert_eq!(
        // SAFETY: gives back the reference just added.
        unsafe { support::release_raw(object.as_raw()) },
        1
    );
    support::release_last(object);
}

#[test]
fn prepare_with_an_item_the_handler_does_not_own() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new());
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[ALPHA, STRANGER]), E_INVALIDARG);
    assert!(recorder.events().is_empty(), "no completion");
    assert!(
        !journal
            .calls()
            .iter()
            .any(|c| matches!(c, Call::Prepare(_)))
    );
    assert_eq!(
        support::set_item_status(&object, Some(&ALPHA), support::SKIPPED),
        E_UNEXPECTED,
        "no session"
    );
    // The object is still usable.
    assert_eq!(support::run_session(&object, &recorder, &[ALPHA]), S_OK);
    support::detach(&object, &recorder);
    assert_eq!(recorder.prepare_completions(), [S_OK]);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn prepare_error_completes_with_its_code() {
    let _serial = support::serial();
    let code = HRESULT(0x8007_04C7_u32 as i32 + 1);
    let (object, journal) =
        scripted(Script::new().prepare(move |_| Err(Error::new(code, "cannot log on"))));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[ALPHA, BETA]), S_OK);
    assert_eq!(recorder.prepare_completions(), [code]);
    assert_eq!(
        recorder.logs(),
        [(
            abi::SYNCMGRLOGLEVEL_ERROR as u32,
            "cannot log on".to_owned(),
            None
        )]
    );
    assert_eq!(
        support::set_item_status(&object, Some(&ALPHA), support::SKIPPED),
        E_UNEXPECTED
    );
    assert_eq!(support::synchronize(&object), E_UNEXPECTED);
    assert!(journal.synced().is_empty());
    support::detach(&object, &recorder);
    assert!(recorder.sync_completions().is_empty());
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn prepare_panic_is_unexpected_without_completion() {
    let _serial = support::serial();
    let (object, _journal) = scripted(Script::new().prepare(|_| panic!("prepare exploded")));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[ALPHA]), E_UNEXPECTED);
    assert!(recorder.prepare_completions().is_empty());
    let logs = recorder.logs();
    assert_eq!(logs.len(), 1);
    assert!(logs[0].1.contains("prepare exploded"), "{logs:?}");
    assert_eq!(support::synchronize(&object), E_UNEXPECTED);
    support::detach(&object, &recorder);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn synchronize_item_error_fails_the_item() {
    let _serial = support::serial();
    let (object, _journal) = scripted(Script::new().sync_item(|item| {
        if item.id() == BETA {
            Err(Error::msg("disk full"))
        } else {
            item.progress(1, 1, "ok")
        }
    }));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(
        support::run_session(&object, &recorder, &STATIC_ITEMS),
        E_FAIL
    );
    support::detach(&object, &recorder);
    recorder.assert_item_ended(ALPHA, SUCCEEDED);
    recorder.assert_item_ended(BETA, support::FAILED);
    recorder.assert_item_ended(GAMMA, SUCCEEDED);
    let logs = recorder.logs();
    assert_eq!(logs.len(), 1, "{logs:?}");
    let (level, text, item) = &logs[0];
    assert_eq!(*level, abi::SYNCMGRLOGLEVEL_ERROR as u32);
    assert!(text.contains("disk full"), "{text}");
    assert!(text.contains("Beta"), "names the item: {text}");
    assert_eq!(*item, Some(BETA));
    assert_eq!(recorder.sync_completions(), [E_FAIL]);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn synchronize_item_panic_fails_the_item_and_the_host_survives() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new().sync_item(|item| {
        assert!(item.id() != ALPHA, "alpha exploded");
        Ok(())
    }));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(
        support::run_session(&object, &recorder, &[ALPHA, BETA]),
        E_FAIL
    );
    recorder.assert_item_ended(ALPHA, support::FAILED);
    recorder.assert_item_ended(BETA, SUCCEEDED);
    let logs = recorder.logs();
    assert_eq!(logs.len(), 1, "{logs:?}");
    assert!(logs[0].1.contains("alpha exploded"), "{logs:?}");
    assert_eq!(logs[0].2, Some(ALPHA));

    // The object still works: another session on the item that did not panic.
    assert_eq!(support::prepare(&object, &[BETA]), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    recorder.wait_for("a second SynchronizeCompleted", |events| {
        events
            .iter()
            .filter(|event| matches!(event, Event::SynchronizeCompleted(_)))
            .count()
            == 2
    });
    support::detach(&object, &recorder);
    assert_eq!(recorder.sync_completions(), [E_FAIL, S_OK]);
    assert_eq!(journal.synced(), [ALPHA, BETA, BETA]);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn initialize_panic_is_unexpected_and_logged() {
    let _serial = support::serial();
    let (object, _journal) = scripted(Script::new().initialize(|_| panic!("init exploded")));
    // Without a callback: only the HRESULT.
    assert_eq!(support::initialize(&object, MANUAL, &[]), E_UNEXPECTED);
    let (callback, recorder) = support::callback();
    assert_eq!(support::set_callback(&object, Some(&callback)), S_OK);
    assert_eq!(support::initialize(&object, MANUAL, &[]), E_UNEXPECTED);
    let logs = recorder.logs();
    assert_eq!(logs.len(), 1, "{logs:?}");
    assert_eq!(logs[0].0, abi::SYNCMGRLOGLEVEL_ERROR as u32);
    assert!(logs[0].1.contains("init exploded"), "{logs:?}");
    assert_eq!(
        support::get_handler_info(&object, Some(&mut garbage())),
        E_UNEXPECTED
    );
    support::detach(&object, &recorder);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn items_panic_fails_enumeration() {
    let _serial = support::serial();
    let (object, _journal) = scripted(Script::new().items(|| panic!("items exploded")));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    let mut items = garbage();
    assert_eq!(support::enum_items(&object, Some(&mut items)), E_UNEXPECTED);
    assert!(items.is_null());
    assert!(recorder.logs()[0].1.contains("items exploded"));
    support::detach(&object, &recorder);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn progress_cancel_item_skips_that_item() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new().sync_item(support::three_steps));
    let (callback, recorder) = support::callback();
    recorder.answer_progress(|event| match event.progress() {
        Some((item, progress)) if item == BETA && progress.status_text() == Some("working") => {
            abi::S_SYNCMGR_CANCELITEM
        }
        _ => S_OK,
    });
    support::start(&object, &callback);
    assert_eq!(
        support::run_session(&object, &recorder, &STATIC_ITEMS),
        S_OK
    );
    support::detach(&object, &recorder);
    recorder.assert_item_ended(ALPHA, SUCCEEDED);
    recorder.assert_item_ended(BETA, support::SKIPPED);
    recorder.assert_item_ended(GAMMA, SUCCEEDED);
    // The handler saw the cancellation at its first step: one `working`, then the final status.
    let working = |id| {
        recorder
            .progress(id)
            .iter()
            .filter(|progress| {
                progress
                    .as_ref()
                    .and_then(Progress::status_text)
                    .is_some_and(|text| text == "working")
            })
            .count()
    };
    assert_eq!(working(BETA), 1);
    assert_eq!(working(ALPHA), 3);
    assert_eq!(journal.synced(), STATIC_ITEMS);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn progress_cancel_all_stops_every_item() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new().sync_item(support::three_steps));
    let (callback, recorder) = support::callback();
    recorder.answer_progress(|event| match event.progress() {
        Some((item, progress)) if item == ALPHA && progress.status_text() == Some("working") => {
            abi::S_SYNCMGR_CANCELALL
        }
        _ => S_OK,
    });
    support::start(&object, &callback);
    assert_eq!(
        support::run_session(&object, &recorder, &STATIC_ITEMS),
        S_OK
    );
    support::detach(&object, &recorder);
    for id in STATIC_ITEMS {
        recorder.assert_item_ended(id, support::STOPPED);
    }
    // The items after the cancelled one never started.
    assert_eq!(journal.synced(), [ALPHA]);
    assert_eq!(recorder.statuses(BETA), [support::STOPPED]);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn show_properties_completes_with_the_mapped_code() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new().show_properties(|item| {
        Ok(match item {
            None => PropertiesChange::None,
            Some(id) if id == ALPHA => PropertiesChange::ItemsChanged,
            Some(_) => PropertiesChange::ItemDeleted,
        })
    }));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::show_properties(&object, Some(&ALPHA)), S_OK);
    assert_eq!(
        recorder.properties_completions(),
        [abi::S_SYNCMGR_ENUMITEMS]
    );
    assert_eq!(support::show_properties(&object, Some(&BETA)), S_OK);
    assert_eq!(
        support::show_properties(&object, Some(&GUID::zeroed())),
        S_OK
    );
    assert_eq!(
        recorder.properties_completions(),
        [abi::S_SYNCMGR_ENUMITEMS, abi::S_SYNCMGR_ITEMDELETED, S_OK]
    );
    // An item the handler does not own: refused before the handler is asked.
    assert_eq!(
        support::show_properties(&object, Some(&STRANGER)),
        E_INVALIDARG
    );
    assert_eq!(recorder.properties_completions().len(), 3);
    assert_eq!(
        journal.calls()[1..],
        [
            Call::ShowProperties(Some(ALPHA)),
            Call::ShowProperties(Some(BETA)),
            Call::ShowProperties(None),
        ]
    );
    support::detach(&object, &recorder);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn show_properties_and_show_error_default_to_not_implemented() {
    let _serial = support::serial();
    let object = syncmgr::create(support::Minimal);
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::show_properties(&object, Some(&ALPHA)), E_NOTIMPL);
    assert_eq!(
        support::show_properties(&object, Some(&GUID::zeroed())),
        E_NOTIMPL
    );
    assert_eq!(
        support::show_properties(&object, Some(&GAMMA)),
        E_INVALIDARG
    );
    assert_eq!(support::show_error(&object, Some(&STRANGER)), E_NOTIMPL);
    assert!(recorder.events().is_empty(), "no completion");
    support::detach(&object, &recorder);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn show_error_retry_completes_with_the_items() {
    let _serial = support::serial();
    let error_id = GUID::from_u128(0xe77e_0000_0000_4000_8000_0000_0000_0001);
    let (object, journal) = scripted(Script::new().show_error(move |id| {
        Ok(if id == error_id {
            ShowErrorOutcome::Retry(vec![ALPHA, GAMMA])
        } else {
            ShowErrorOutcome::Done
        })
    }));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::show_error(&object, Some(&error_id)), S_OK);
    assert_eq!(
        recorder.error_completions(),
        [(abi::S_SYNCMGR_RETRYSYNC, vec![ALPHA, GAMMA])]
    );
    assert_eq!(support::show_error(&object, Some(&STRANGER)), S_OK);
    assert_eq!(
        recorder.error_completions(),
        [
            (abi::S_SYNCMGR_RETRYSYNC, vec![ALPHA, GAMMA]),
            (S_OK, Vec::new())
        ]
    );
    assert_eq!(
        journal.calls()[1..],
        [Call::ShowError(error_id), Call::ShowError(STRANGER)]
    );
    support::detach(&object, &recorder);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn set_progress_callback_holds_exactly_one_reference() {
    let _serial = support::serial();
    let (object, _journal) = scripted(Script::new());
    let (first, first_recorder) = support::callback();
    let (second, second_recorder) = support::callback();

    assert_eq!(support::set_callback(&object, Some(&first)), S_OK);
    assert_eq!(first_recorder.refs(), 2);
    // Setting the same callback again keeps one reference.
    assert_eq!(support::set_callback(&object, Some(&first)), S_OK);
    assert_eq!(first_recorder.refs(), 2);
    // Replacing releases the old one.
    assert_eq!(support::set_callback(&object, Some(&second)), S_OK);
    assert_eq!(first_recorder.refs(), 1);
    assert_eq!(second_recorder.refs(), 2);
    // NULL releases the current one.
    assert_eq!(support::set_callback(&object, None), S_OK);
    assert_eq!(second_recorder.refs(), 1);
    assert_eq!(support::set_callback(&object, None), S_OK);

    // Releasing the handler releases a callback it still holds.
    assert_eq!(support::set_callback(&object, Some(&first)), S_OK);
    assert_eq!(first_recorder.refs(), 2);
    support::release_last(object);
    first_recorder.wait_refs(1);

    assert_eq!(support::release(first), 0);
    assert_eq!(support::release(second), 0);
    assert!(first_recorder.is_released() && second_recorder.is_released());
    first_recorder.assert_clean();
    second_recorder.assert_clean();
}

#[test]
fn no_call_reaches_a_replaced_callback() {
    let _serial = support::serial();
    let gate = Gate::new();
    let worker_gate = std::sync::Arc::clone(&gate);
    let (object, journal) = scripted(Script::new().sync_item(move |item| {
        if item.id() == ALPHA {
            worker_gate.pass(item)?;
        }
        item.progress(1, 2, "after the gate")?;
        item.progress(2, 2, "after the gate")
    }));
    let (first, first_recorder) = support::callback();
    let (second, second_recorder) = support::callback();
    support::start(&object, &first);
    assert_eq!(support::prepare(&object, &[ALPHA, BETA]), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    journal.wait_for(&Call::SyncItem(ALPHA));

    // Replaced while the handler is in the middle of ALPHA.
    assert_eq!(support::set_callback(&object, Some(&second)), S_OK);
    first_recorder.forbid_calls();
    first_recorder.wait_refs(1);
    gate.open();
    assert_eq!(second_recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &second_recorder);

    first_recorder.assert_clean();
    assert!(first_recorder.sync_completions().is_empty());
    second_recorder.assert_item_ended(ALPHA, SUCCEEDED);
    second_recorder.assert_item_ended(BETA, SUCCEEDED);
    assert_eq!(second_recorder.sync_completions(), [S_OK]);
    support::release_last(object);
    assert_eq!(support::release(first), 0);
    assert_eq!(support::release(second), 0);
    second_recorder.assert_clean();
}

#[test]
fn removing_the_callback_mid_sync_stops_the_work() {
    let _serial = support::serial();
    let gate = Gate::new();
    let worker_gate = std::sync::Arc::clone(&gate);
    let (object, journal) = scripted(Script::new().sync_item(move |item| {
        worker_gate.pass(item)?;
        item.progress(1, 1, "after the gate")
    }));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &STATIC_ITEMS), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    journal.wait_for(&Call::SyncItem(ALPHA));
    assert_eq!(support::set_callback(&object, None), S_OK);
    recorder.forbid_calls();
    recorder.wait_refs(1);
    gate.open();
    // Nobody listens: the worker stops every item and ends the session.
    support::wait_until("the session to end", || {
        support::set_item_status(&object, Some(&BETA), support::SKIPPED) == E_UNEXPECTED
    });
    assert_eq!(journal.synced(), [ALPHA], "the other items never started");
    recorder.assert_clean();
    support::release_last(object);
}

#[test]
fn repeated_ids_count_once_and_an_empty_session_completes() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new());
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(
        support::run_session(&object, &recorder, &[BETA, ALPHA, BETA]),
        S_OK
    );
    assert_eq!(journal.synced(), [BETA, ALPHA]);
    recorder.assert_item_ended(ALPHA, SUCCEEDED);
    recorder.assert_item_ended(BETA, SUCCEEDED);
    assert!(journal.calls().contains(&Call::Prepare(vec![BETA, ALPHA])));

    // No items: PrepareForSync(0, NULL) and a session that completes at once.
    assert_eq!(support::prepare_null(&object, 0), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    recorder.wait_for("a second SynchronizeCompleted", |events| {
        events
            .iter()
            .filter(|event| matches!(event, Event::SynchronizeCompleted(_)))
            .count()
            == 2
    });
    support::detach(&object, &recorder);
    assert_eq!(recorder.prepare_completions(), [S_OK, S_OK]);
    assert_eq!(recorder.sync_completions(), [S_OK, S_OK]);
    assert_eq!(journal.synced().len(), 2);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn a_null_this_is_e_pointer() {
    let _serial = support::serial();
    let object = syncmgr::create(support::Minimal);
    let vtable = object.vtable();
    let null = ptr::null_mut();
    let item = ALPHA;
    // SAFETY: every thunk must refuse a NULL `this` before touching anything else.
    unsafe {
        assert_eq!(
            (vtable.Initialize)(null, 0, MANUAL, 0, ptr::null()),
            E_POINTER
        );
        assert_eq!((vtable.Synchronize)(null, abi::HWND::default()), E_POINTER);
        assert_eq!(
            (vtable.SetItemStatus)(null, &raw const item, support::SKIPPED),
            E_POINTER
        );
        assert_eq!((vtable.base__.AddRef)(null), 0);
        assert_eq!((vtable.base__.Release)(null), 0);
    }
    support::release_last(object);
}
