//! Items the `#[sync_handler]` expansion names. Not public API.

pub use syncmgr_macros::guid_value;
pub use windows_core::GUID;
