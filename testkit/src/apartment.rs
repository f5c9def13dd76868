//! The single-threaded apartment a driver's thread joins on Windows, as the Sync Manager's and
//! Sync Center's threads are in one; nothing elsewhere.

/// This thread's membership in a single-threaded apartment, left on drop (on the same thread:
/// the value cannot move to another).
pub(crate) struct Sta {
    /// The thread is in a single-threaded apartment (never off Windows).
    entered: bool,
    _thread_bound: core::marker::PhantomData<*const ()>,
}

impl Sta {
    /// Joins (or joins again) a single-threaded apartment on this thread. A thread already in
    /// the multithreaded apartment stays there ([`entered`](Self::entered) is false).
    pub(crate) fn enter() -> Self {
        #[cfg(windows)]
        // SAFETY: initializes COM on this thread; a success (S_OK, or S_FALSE when the thread
        // already was in an STA) is balanced in `drop`, on the same thread.
        let entered = unsafe {
            syncmgr::abi::CoInitializeEx(None, syncmgr::abi::COINIT_APARTMENTTHREADED as u32)
        }
        .is_ok();
        #[cfg(not(windows))]
        let entered = false;
        Self {
            entered,
            _thread_bound: core::marker::PhantomData,
        }
    }

    /// Whether this thread is in a single-threaded apartment now (never off Windows).
    pub(crate) fn entered(&self) -> bool {
        self.entered
    }
}

impl Drop for Sta {
    fn drop(&mut self) {
        #[cfg(windows)]
        if self.entered {
            // SAFETY: balances the successful CoInitializeEx of `enter` on the same thread
            // (`Sta` is not `Send`), after the session released what it made.
            unsafe { syncmgr::abi::CoUninitialize() };
        }
    }
}
