//! Sync Center (`syncmgr.h`): the handler object also answers `ISyncMgrHandler`,
//! `ISyncMgrHandlerInfo` and `ISyncMgrSyncItemContainer`, from the same declaration and the same
//! `SyncHandler` code (`docs/sync-center.md`).
//!
//! - `handler.rs`: the three interfaces as facets of the handler object, and `Synchronize`,
//!   which runs the same worker as the Sync Manager's session on Sync Center's thread;
//! - `item.rs`: each item as an `ISyncMgrSyncItem` + `ISyncMgrSyncItemInfo` object, and the
//!   `IEnumSyncMgrSyncItems` over them;
//! - `reporter.rs`: progress, cancel requests and events through `ISyncMgrSyncCallback`;
//! - `collection.rs`: the DLL's `ISyncMgrHandlerCollection` and its `IEnumString` of ids;
//! - `ids.rs`: the string ids (braced GUIDs); `state.rs`: active and enabled states.
//!
//! What the declaration's flags become (capabilities and policies) lives in [`item_capabilities`],
//! [`item_policies`] and [`handler_policies`]; the status translation in
//! [`reporter::progress_status`].

pub(crate) mod collection;
pub(crate) mod handler;
mod ids;
mod item;
pub(crate) mod reporter;
mod state;

pub(crate) use reporter::Reporter;

use crate::{HandlerFlags, ItemFlags, abi};

/// `SYNCMGR_ITEM_CAPABILITIES` of an item: `MAY_DELETE_ITEM` lets Sync Center offer *Delete*
/// (`ISyncMgrSyncItem::Delete`, which runs the handler's `DELETED` method).
pub(crate) const fn item_capabilities(flags: ItemFlags) -> abi::SYNCMGR_ITEM_CAPABILITIES {
    if flags.contains(ItemFlags::MAY_DELETE_ITEM) {
        abi::SYNCMGR_ICM_CAN_DELETE
    } else {
        abi::SYNCMGR_ICM_NONE
    }
}

/// `SYNCMGR_ITEM_POLICIES` of an item: a `HIDDEN` item is hidden by default.
pub(crate) const fn item_policies(flags: ItemFlags) -> abi::SYNCMGR_ITEM_POLICIES {
    if flags.contains(ItemFlags::HIDDEN) {
        abi::SYNCMGR_IPM_HIDDEN_BY_DEFAULT
    } else {
        abi::SYNCMGR_IPM_NONE
    }
}

/// `SYNCMGR_HANDLER_POLICIES` of a handler: a `HIDDEN` handler is hidden by default.
pub(crate) const fn handler_policies(flags: HandlerFlags) -> abi::SYNCMGR_HANDLER_POLICIES {
    if flags.contains(HandlerFlags::HIDDEN) {
        abi::SYNCMGR_HPM_HIDDEN_BY_DEFAULT
    } else {
        abi::SYNCMGR_HPM_NONE
    }
}

/// `text` in task memory, NUL-terminated and cut to `limit` units with the NUL, for an
/// `[out, string]` result the caller frees with `CoTaskMemFree`.
pub(crate) fn task_string(
    text: &str,
    limit: usize,
) -> Result<windows_core::PWSTR, windows_core::HRESULT> {
    let units = reporter::bounded(text, limit);
    let memory = crate::memory::co_task_mem_alloc(units.len() * size_of::<u16>()).cast::<u16>();
    if memory.is_null() {
        return Err(abi::E_OUTOFMEMORY);
    }
    // SAFETY: `memory` is a fresh task allocation of `units.len()` u16s, suitably aligned.
    unsafe { core::ptr::copy_nonoverlapping(units.as_ptr(), memory, units.len()) };
    Ok(windows_core::PWSTR(memory))
}

/// A string property the declaration does not have (a type label, a comment): the out-pointer
/// is emptied and the answer is `E_NOTIMPL`, which Sync Center reads as an empty string.
pub(crate) fn no_string(
    out: *mut windows_core::PWSTR,
) -> Result<windows_core::HRESULT, windows_core::HRESULT> {
    // SAFETY: `out` is the caller's `[out]` pointer, null or writable during the call.
    unsafe { crate::com::Out::new(out, windows_core::PWSTR::null()) }?;
    Err(abi::E_NOTIMPL)
}

/// `S_OK` for yes, `S_FALSE` for no: the answer of Sync Center's predicates.
pub(crate) const fn yes_no(yes: bool) -> windows_core::HRESULT {
    if yes { abi::S_OK } else { abi::S_FALSE }
}
