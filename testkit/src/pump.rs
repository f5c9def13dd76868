//! The message pump of the host's thread (Windows).
//!
//! The Sync Manager's thread is a single-threaded apartment that keeps dispatching messages
//! while a session runs: that is how calls from other threads reach its callback, through a COM
//! proxy or a window the handler made on it. The host does the same while it waits, unless
//! `--agile-callback` asks for the simpler wait.

use std::time::Duration;

/// Dispatches this thread's messages for up to about `period`: returns after `period` or once
/// messages arrived and were dispatched. Off Windows there are no messages: it sleeps.
pub fn wait(period: Duration) {
    #[cfg(windows)]
    {
        use syncmgr::abi;
        let millis = u32::try_from(period.as_millis()).unwrap_or(u32::MAX);
        // SAFETY: no handles; waits for any input to this thread's queue, including messages
        // that were already there (MWMO_INPUTAVAILABLE).
        unsafe {
            abi::MsgWaitForMultipleObjectsEx(
                None,
                millis,
                abi::QS_ALLINPUT,
                abi::MWMO_INPUTAVAILABLE,
            );
        }
        let mut message = abi::MSG::default();
        // SAFETY: `message` is a valid MSG to fill; each one is dispatched to its window
        // procedure on this thread, which is what PeekMessageW hands out messages for.
        unsafe {
            while abi::PeekMessageW(&raw mut message, None, 0, 0, abi::PM_REMOVE).as_bool() {
                let _ = abi::TranslateMessage(&raw const message);
                abi::DispatchMessageW(&raw const message);
            }
        }
    }
    #[cfg(not(windows))]
    std::thread::sleep(period);
}
