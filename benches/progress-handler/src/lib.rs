//! A handler DLL for `cargo run -p xtask -- bench-wine`: one item whose sync does nothing but
//! report progress, so that a session's time is the cost of its `Progress` calls (the runtime's
//! delivery path plus the host's own handling).
//!
//! `SYNCMGR_BENCH_PROGRESS` sets how many calls the item makes (default 10,000);
//! `SYNCMGR_BENCH_THREAD=1` makes them from a thread of the handler's own instead of the thread
//! that runs `synchronize_item` (the Wine end to end checks that they all arrive, on the host's
//! thread).

use syncmgr::{ItemSync, SyncHandler, sync_handler};

/// Calls that the item makes when `SYNCMGR_BENCH_PROGRESS` does not say.
pub const DEFAULT_CALLS: u32 = 10_000;

/// Reports progress and nothing else.
#[sync_handler(
    clsid = "e0dc5d1f-c545-40ad-8076-3b600c11de41",
    name = "Progress benchmark",
    item(id = "29b60d78-1354-4236-b24d-acf47b94159c", name = "Progress")
)]
pub struct ProgressOnly {
    calls: u32,
    /// Report from a thread of its own.
    own_thread: bool,
}

impl Default for ProgressOnly {
    fn default() -> Self {
        let calls = std::env::var("SYNCMGR_BENCH_PROGRESS")
            .ok()
            .and_then(|calls| calls.trim().parse().ok())
            .unwrap_or(DEFAULT_CALLS);
        let own_thread = std::env::var("SYNCMGR_BENCH_THREAD").is_ok_and(|value| value == "1");
        Self { calls, own_thread }
    }
}

impl SyncHandler for ProgressOnly {
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        let report = |item: &mut ItemSync<'_>| {
            for done in 1..=self.calls {
                item.progress(done, self.calls, "Step")?;
            }
            Ok(())
        };
        if !self.own_thread {
            return report(item);
        }
        std::thread::scope(|scope| {
            scope
                .spawn(move || report(item))
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    }
}

syncmgr::dll_exports!(ProgressOnly);
