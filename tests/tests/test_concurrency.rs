//! The handler under concurrent use: `SetItemStatus` from several threads during `Synchronize`,
//! reference counting from several threads, the last `Release` while the worker runs, the
//! callback replaced from another thread during a sync, and class factory storms.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use support::{
    ALPHA, BETA, Call, Gate, SKIPPED, STRANGER, SUCCEEDED, Script, SharedObject, TIMEOUT,
    runtime_id, scripted,
};
use syncmgr::abi::{E_UNEXPECTED, S_OK};
use syncmgr::{GUID, ItemListing};
use windows_core::Interface;

const ITEMS: u32 = 200;
const THREADS: u64 = 4;

#[test]
fn set_item_status_from_many_threads_during_synchronize() {
    let _serial = support::serial();
    // The worker holds at the first item until the threads landed some skips, so that skips
    // surely meet items that have not started; then everything runs at once.
    let gate = Gate::new();
    let worker_gate = Arc::clone(&gate);
    let (object, journal) = scripted(
        Script::new()
            .items(|| support::numbered_items(ITEMS))
            .sync_item(move |item| {
                if item.id() == runtime_id(0) {
                    worker_gate.wait();
                }
                for step in 1..=3 {
                    item.progress(step, 3, "working")?;
                    std::thread::yield_now();
                }
                Ok(())
            }),
    );
    let ids: Vec<GUID> = (0..ITEMS).map(runtime_id).collect();
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &ids), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);

    let shared = SharedObject::new(&object);
    let accepted = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for seed in 0..THREADS {
            let (ids, accepted) = (&ids, &accepted);
            scope.spawn(move || {
                let mut rng = support::Rng::new(seed + 1);
                let deadline = Instant::now() + TIMEOUT;
                // Until the session ends (or the test gives up: the main thread then fails).
                while Instant::now() < deadline {
                    let id = ids[rng.below(ids.len())];
                    match support::set_item_status(shared.get(), Some(&id), SKIPPED) {
                        S_OK => {
                            accepted.fetch_add(1, Ordering::Relaxed);
                        }
                        E_UNEXPECTED => return,
                        hr => panic!("SetItemStatus answered {hr:?}"),
                    }
                    std::thread::yield_now();
                }
            });
        }
        support::wait_until("some accepted skips", || {
            accepted.load(Ordering::Relaxed) >= 20
        });
        gate.open();
        assert_eq!(recorder.wait_sync_completed(), S_OK);
    });
    support::detach(&object, &recorder);

    assert_eq!(recorder.sync_completions(), [S_OK]);
    assert!(accepted.load(Ordering::Relaxed) > 0);
    let mut skipped = 0;
    for id in &ids {
        let statuses = recorder.statuses(*id);
        match statuses.last() {
            Some(&SKIPPED) => {
                skipped += 1;
                recorder.assert_item_ended(*id, SKIPPED)
            }
            _ => recorder.assert_item_ended(*id, SUCCEEDED),
        };
    }
    assert!(skipped > 0, "some skip reached an item in time");
    // Every item the handler started was one of the session's, each at most once.
    let synced = journal.synced();
    let unique: std::collections::HashSet<GUID> = synced.iter().copied().collect();
    assert_eq!(unique.len(), synced.len());
    assert!(unique.iter().all(|id| ids.contains(id)));
    support::release_last(object);
    assert_eq!(support::release(callback), 0);
    recorder.assert_clean();
}

#[test]
fn add_ref_and_release_from_many_threads() {
    let _serial = support::serial();
    let (object, _journal) = scripted(Script::new());
    let shared = SharedObject::new(&object);
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            scope.spawn(move || {
                let object = shared.get();
                for round in 0..5_000 {
                    assert!(support::add_ref(object) >= 2);
                    if round % 7 == 0 {
                        let mut out = core::ptr::null_mut();
                        assert_eq!(
                            support::query_interface(
                                object,
                                &syncmgr::abi::ISyncMgrSynchronize::IID,
                                Some(&mut out),
                            ),
                            S_OK
                        );
                        // SAFETY: gives back the reference QueryInterface added.
                        assert!(unsafe { support::release_raw(out) } >= 2);
                    }
                    // SAFETY: gives back the reference this thread added.
                    assert!(unsafe { support::release_raw(object.as_raw()) } >= 1);
                }
            });
        }
    });
    assert_eq!(support::add_ref(&object), 2);
    // SAFETY: gives back the reference just added.
    assert_eq!(unsafe { support::release_raw(object.as_raw()) }, 1);
    support::release_last(object);
}

#[test]
fn last_release_while_the_worker_runs() {
    let serial = support::serial();
    let gate = Gate::new();
    let worker_gate = Arc::clone(&gate);
    let (object, journal) = scripted(Script::new().sync_item(move |item| {
        if item.id() == ALPHA {
            worker_gate.pass(item)?;
        }
        item.progress(1, 1, "after the gate")
    }));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[ALPHA, BETA]), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    journal.wait_for(&Call::SyncItem(ALPHA));

    // The host lets go of the handler without SetProgressCallback(NULL): the worker keeps the
    // handler's state alive.
    support::release_last(object);
    assert_eq!(syncmgr::live_objects(), serial.baseline() + 1);
    assert_eq!(syncmgr::running_workers(), 1);
    assert_eq!(
        syncmgr::server::can_unload_now(),
        syncmgr::abi::S_FALSE,
        "the module must stay loaded under its worker"
    );
    assert_eq!(
        recorder.refs(),
        2,
        "the worker still reports to the callback"
    );
    gate.open();

    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::wait_until("the worker to free the handler", || {
        syncmgr::live_objects() == serial.baseline()
    });
    support::wait_until("the worker to exit", || syncmgr::running_workers() == 0);
    recorder.wait_refs(1);
    recorder.assert_item_ended(ALPHA, SUCCEEDED);
    recorder.assert_item_ended(BETA, SUCCEEDED);
    assert_eq!(recorder.sync_completions(), [S_OK]);
    assert_eq!(support::release(callback), 0);
    assert!(recorder.is_released());
    recorder.assert_clean();
}

#[test]
fn set_item_status_from_inside_progress_does_not_deadlock() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new().sync_item(support::three_steps));
    let (callback, recorder) = support::callback();
    let shared = SharedObject::new(&object);
    let answers = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = Arc::clone(&answers);
    // The host answers ALPHA's first step by skipping BETA and stopping everything, on the
    // worker's thread, while the worker waits for the answer.
    recorder.answer_progress(move |event| {
        if let Some((item, progress)) = event.progress()
            && item == ALPHA
            && progress.status_text() == Some("working")
        {
            let object = shared.get();
            let mut seen = seen.lock().expect("not poisoned");
            if seen.is_empty() {
                seen.push(support::set_item_status(object, Some(&BETA), SKIPPED));
                seen.push(support::set_item_status(
                    object,
                    Some(&GUID::zeroed()),
                    support::STOPPED,
                ));
            }
        }
        S_OK
    });
    support::start(&object, &callback);
    assert_eq!(
        support::run_session(&object, &recorder, &support::STATIC_ITEMS),
        S_OK
    );
    support::detach(&object, &recorder);
    assert_eq!(*answers.lock().expect("not poisoned"), [S_OK, S_OK]);
    recorder.assert_item_ended(ALPHA, support::STOPPED);
    // A skip outranks the stop.
    assert_eq!(recorder.statuses(BETA), [SKIPPED]);
    assert_eq!(recorder.statuses(support::GAMMA), [support::STOPPED]);
    assert_eq!(journal.synced(), [ALPHA]);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn set_progress_callback_from_inside_progress_does_not_deadlock() {
    let _serial = support::serial();
    let (object, journal) = scripted(Script::new());
    let (callback, recorder) = support::callback();
    let shared = SharedObject::new(&object);
    let answer = Arc::new(std::sync::Mutex::new(None));
    let seen = Arc::clone(&answer);
    recorder.answer_progress(move |_| {
        let mut seen = seen.lock().expect("not poisoned");
        if seen.is_none() {
            *seen = Some(support::set_callback(shared.get(), None));
        }
        S_OK
    });
    support::start(&object, &callback);
    assert_eq!(support::prepare(&object, &[ALPHA, BETA]), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);
    // The first Progress removed the callback: the call in flight finishes, then the handler
    // lets go of it and stops, without calling it again.
    recorder.wait_refs(1);
    recorder.forbid_calls();
    support::wait_until("the session to end", || {
        support::set_item_status(&object, Some(&BETA), SKIPPED) == E_UNEXPECTED
    });
    assert_eq!(*answer.lock().expect("not poisoned"), Some(S_OK));
    assert_eq!(recorder.events().len(), 2, "{:?}", recorder.events());
    assert!(journal.synced().len() <= 1);
    support::release_last(object);
    recorder.assert_clean();
}

#[test]
fn set_progress_callback_replaced_from_another_thread_during_synchronize() {
    let serial = support::serial();
    let (object, _journal) = scripted(
        Script::new()
            .items(|| support::numbered_items(ITEMS))
            .sync_item(|item| {
                for step in 1..=3 {
                    item.progress(step, 3, "working")?;
                    std::thread::sleep(std::time::Duration::from_micros(20));
                }
                Ok(())
            }),
    );
    let ids: Vec<GUID> = (0..ITEMS).map(runtime_id).collect();
    let callbacks: Vec<_> = (0..REPLACEMENTS).map(|_| support::callback()).collect();
    let raws: Vec<SharedCallback> = callbacks
        .iter()
        .map(|(callback, _)| SharedCallback(callback.as_raw()))
        .collect();
    let recorders: Vec<_> = callbacks
        .iter()
        .map(|(_, recorder)| Arc::clone(recorder))
        .collect();
    support::start(&object, &callbacks[0].0);
    assert_eq!(support::prepare(&object, &ids), S_OK);
    assert_eq!(support::synchronize(&object), S_OK);

    // Another thread swaps in fresh callbacks while the worker reports: each replaced callback
    // may still get the one call in flight when it was replaced, never more.
    let shared = SharedObject::new(&object);
    std::thread::scope(|scope| {
        let (raws, recorders) = (&raws, &recorders);
        scope.spawn(move || {
            for (index, raw) in raws.iter().enumerate().skip(1) {
                // SAFETY: the test keeps every callback alive until after the scope.
                let next =
                    unsafe { syncmgr::abi::ISyncMgrSynchronizeCallback::from_raw_borrowed(&raw.0) };
                assert_eq!(support::set_callback(shared.get(), next), S_OK);
                recorders[index - 1].forbid_calls_after_one_in_flight();
                if support::set_item_status(shared.get(), Some(&STRANGER), SKIPPED) == E_UNEXPECTED
                {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
        });
    });
    support::release_last(object);
    support::wait_until("live_objects() back to its baseline", || {
        syncmgr::live_objects() == serial.baseline()
    });
    // Every callback is back to the test's own reference; exactly one of them got the one
    // SynchronizeCompleted (a callback was attached throughout).
    let reached = recorders
        .iter()
        .filter(|recorder| !recorder.events().is_empty())
        .count();
    assert!(
        reached >= 2,
        "the callback was replaced during the sync ({reached} reached)"
    );
    let mut completions = 0;
    for (callback, recorder) in callbacks {
        assert_eq!(recorder.refs(), 1, "the handler let go of every callback");
        completions += recorder.sync_completions().len();
        assert_eq!(support::release(callback), 0);
        recorder.assert_clean();
    }
    assert_eq!(completions, 1);
}

/// Callbacks the replacing thread may install.
const REPLACEMENTS: usize = 2_000;

/// A callback pointer another test thread may pass to `SetProgressCallback`.
struct SharedCallback(*mut core::ffi::c_void);

// SAFETY: the test callback is free-threaded (its state sits behind atomics and locks) and the
// test keeps it alive while any thread uses the pointer.
unsafe impl Send for SharedCallback {}
// SAFETY: as above.
unsafe impl Sync for SharedCallback {}

#[test]
fn class_factory_storms_and_can_unload_now() {
    let serial = support::serial();
    let entry = syncmgr::server::ClassEntry::of::<support::Minimal>();
    let locks = syncmgr::server_locks();
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            scope.spawn(|| {
                let factory = syncmgr::server::class_factory(&entry);
                let vtable = factory.vtable();
                for round in 0..2_000 {
                    let mut out = core::ptr::null_mut();
                    // SAFETY: a live factory; `out` is writable.
                    let hr = unsafe {
                        (vtable.CreateInstance)(
                            factory.as_raw(),
                            core::ptr::null_mut(),
                            &syncmgr::abi::ISyncMgrSynchronize::IID,
                            &raw mut out,
                        )
                    };
                    assert_eq!(hr, S_OK);
                    if round % 3 == 0 {
                        // SAFETY: a live factory.
                        let hr = unsafe { (vtable.LockServer)(factory.as_raw(), true.into()) };
                        assert_eq!(hr, S_OK);
                        assert_eq!(syncmgr::server::can_unload_now(), syncmgr::abi::S_FALSE);
                        // SAFETY: as above; releases the lock just taken.
                        let hr = unsafe { (vtable.LockServer)(factory.as_raw(), false.into()) };
                        assert_eq!(hr, S_OK);
                    }
                    // SAFETY: gives back the one reference CreateInstance handed out.
                    assert_eq!(unsafe { support::release_raw(out) }, 0);
                }
            });
        }
    });
    assert_eq!(syncmgr::server_locks(), locks);
    assert_eq!(syncmgr::live_objects(), serial.baseline());
    if serial.baseline() == 0 && locks == 0 {
        assert_eq!(syncmgr::server::can_unload_now(), S_OK);
    }
}

/// `Initialize` from another thread while `PrepareForSync` is still building its session (the
/// handler's `items()` is running) is refused, and the session it prepares stays intact.
#[test]
fn initialize_while_prepare_builds_the_session_is_unexpected() {
    let _serial = support::serial();
    let entered = Gate::new();
    let release = Gate::new();
    let (in_items, hold) = (Arc::clone(&entered), Arc::clone(&release));
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    let (object, _journal) = scripted(Script::new().items(move || {
        // The first listing (PrepareForSync's) waits here until the other thread has called.
        if counted.fetch_add(1, Ordering::SeqCst) == 0 {
            in_items.open();
            hold.wait();
        }
        Ok(ItemListing::default())
    }));
    let (callback, recorder) = support::callback();
    support::start(&object, &callback);
    let shared = SharedObject::new(&object);
    std::thread::scope(|scope| {
        let preparing = scope.spawn(|| support::prepare(shared.get(), &[ALPHA]));
        entered.wait();
        assert_eq!(
            support::initialize(shared.get(), support::MANUAL, &[]),
            E_UNEXPECTED,
            "Initialize while PrepareForSync runs"
        );
        release.open();
        assert_eq!(preparing.join().unwrap(), S_OK);
    });
    assert_eq!(recorder.prepare_completions(), [S_OK]);
    assert_eq!(
        support::synchronize(&object),
        S_OK,
        "the prepared session survived"
    );
    assert_eq!(recorder.wait_sync_completed(), S_OK);
    support::detach(&object, &recorder);
    support::release_last(object);
}
