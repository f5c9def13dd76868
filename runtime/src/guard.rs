//! Panic containment and call tracing for every vtable entry.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use windows_core::HRESULT;

/// Runs `f`, turning a panic into `Err` with the panic message.
///
/// Unwind safety: the runtime never runs handler code while it holds one of its own locks, and
/// its shared state is made of atomics and locks that tolerate poisoning, so state seen after a
/// caught panic is consistent.
#[inline]
pub(crate) fn catch<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| panic_message(&*payload))
}

/// The `LogError` text for a panic caught in `method`.
pub(crate) fn panic_text(method: &str, panic: &str) -> String {
    format!("{method}: the handler panicked: {panic}")
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic with a non-string payload".to_owned())
}

/// Records one vtable call and its HRESULT (feature `trace`; a no-op otherwise).
#[inline]
pub(crate) fn trace(interface: &'static str, method: &'static str, hr: HRESULT) {
    #[cfg(feature = "trace")]
    tracing::trace!(
        target: "syncmgr",
        interface,
        method,
        hr = format_args!("{:#010x}", hr.0),
        "{interface}::{method} -> {:#010x}",
        hr.0
    );
    #[cfg(not(feature = "trace"))]
    let _ = (interface, method, hr);
}

/// Locks `mutex`, ignoring poisoning: state behind the runtime's locks is only ever written by
/// runtime code that does not panic while holding them.
pub(crate) fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
