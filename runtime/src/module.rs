//! Module-wide bookkeeping: how many COM objects of this module are alive.

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

/// One live object, counted from construction to drop.
#[derive(Debug)]
pub(crate) struct ObjectToken(());

impl ObjectToken {
    pub(crate) fn new() -> Self {
        LIVE_OBJECTS.fetch_add(1, Ordering::AcqRel);
        Self(())
    }
}

impl Drop for ObjectToken {
    fn drop(&mut self) {
        LIVE_OBJECTS.fetch_sub(1, Ordering::AcqRel);
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
