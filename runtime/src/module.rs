//! Module-wide bookkeeping: how many COM objects of this module are alive, how many worker
//! threads still run its code, and the server locks.

use std::sync::atomic::{AtomicUsize, Ordering};

static LIVE_OBJECTS: AtomicUsize = AtomicUsize::new(0);

/// COM objects created by this module that have not been freed yet: handlers (including those
/// released while a worker thread still runs), enumerators and class factories.
///
/// `DllCanUnloadNow` answers `S_OK` only when this is zero and no lock is held.
#[must_use]
pub fn live_objects() -> usize {
    LIVE_OBJECTS.load(Ordering::Acquire)
}

static RUNNING_WORKERS: AtomicUsize = AtomicUsize::new(0);

/// Worker threads started by `Synchronize` that have not finished yet.
///
/// A worker outlives its session: it closes the session, sends `SynchronizeCompleted`, lets go
/// of the handler and leaves its COM apartment, all in this module's code. `DllCanUnloadNow`
/// answers `S_OK` only when this is zero, so the module is never unloaded under a running
/// worker.
#[must_use]
pub fn running_workers() -> usize {
    RUNNING_WORKERS.load(Ordering::Acquire)
}

/// One unit of a module-wide count (a live object or a running worker), counted from
/// construction to drop.
#[derive(Debug)]
pub(crate) struct Token(&'static AtomicUsize);

impl Token {
    /// One live object: its owner holds the token for its whole life.
    pub(crate) fn object() -> Self {
        Self::count(&LIVE_OBJECTS)
    }

    /// One worker thread: taken before it is spawned, dropped last by the thread.
    pub(crate) fn worker() -> Self {
        Self::count(&RUNNING_WORKERS)
    }

    fn count(counter: &'static AtomicUsize) -> Self {
        counter.fetch_add(1, Ordering::AcqRel);
        Self(counter)
    }
}

impl Drop for Token {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

static SERVER_LOCKS: AtomicUsize = AtomicUsize::new(0);

/// `IClassFactory::LockServer`: counts locks; `false` when unlocking with no lock held.
pub(crate) fn lock_server(lock: bool) -> bool {
    if lock {
        SERVER_LOCKS.fetch_add(1, Ordering::AcqRel);
        true
    } else {
        SERVER_LOCKS
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |locks| {
                locks.checked_sub(1)
            })
            .is_ok()
    }
}

/// Locks taken through `IClassFactory::LockServer` and not released.
#[must_use]
pub fn server_locks() -> usize {
    SERVER_LOCKS.load(Ordering::Acquire)
}
