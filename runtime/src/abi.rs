//! The Synchronization Manager and Sync Center ABI, generated from Win32 metadata 63.0.31 by windows-bindgen 0.100.
//!
//! Nothing here is typed by hand: `cargo run -p xtask -- bindgen` writes `bindings.rs` from the
//! filter in `xtask/src/filter.txt`, and a test fails when the checked-in file is stale.
//!
//! The documented surface is the protocol: the mobsync interfaces (`ISyncMgrSynchronize`, its
//! callback, the enumerator) and the Sync Center ones of syncmgr.h (`ISyncMgrHandler` and the
//! interfaces around it, `ISyncMgrSessionCreator`, `ISyncMgrSyncCallback`, `ISyncMgrControl`)
//! with their vtables, the `SYNCMGR*` structs, enums and constants, the HRESULTs, `IClassFactory` and the Win32 types their signatures use (`HWND`, `HICON`,
//! `FILETIME`); `docs/protocol.md` describes each. The Win32 functions and types the runtime and
//! the test kit call besides (COM initialization, windows, messages, the registry) are public only
//! so that the test kit can share them: they are hidden from the documentation and not part of
//! the API.

#![allow(
    // Generated names follow the Windows SDK (`ISyncMgrSynchronize_Vtbl`, `SYNCMGRSTATUS_SKIPPED`).
    non_snake_case,
    non_camel_case_types,
    non_upper_case_globals,
    missing_docs,
    unreachable_pub,
    unsafe_op_in_unsafe_fn,
    rust_2018_idioms,
    clippy::all,
    clippy::pedantic,
    clippy::undocumented_unsafe_blocks
)]

include!("bindings.rs");

/// A NUL-terminated UTF-16 copy of `text`, as the ABI's `LPCWSTR` parameters take it.
pub(crate) fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain(Some(0)).collect()
}

/// `sizeof(T)` as the `cbSize` DWORD of a SyncMgr struct.
#[must_use]
pub(crate) const fn cb_size<T>() -> u32 {
    // Every SyncMgr struct is a few hundred bytes: the cast cannot truncate.
    size_of::<T>() as u32
}
