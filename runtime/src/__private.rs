//! Items the `#[sync_handler]` expansion names. Not public API.

pub use windows_core::GUID;

/// Fails to compile, at the handler type, unless the handler can be shared with worker threads.
pub const fn assert_send_sync<T: ?Sized + Send + Sync + 'static>() {}
