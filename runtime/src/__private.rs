//! Items the `#[sync_handler]` expansion names. Not public API.

pub use windows_core::GUID;
