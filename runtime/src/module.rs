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
