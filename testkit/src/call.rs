//! Raw calls on a handler's interfaces, one function per vtable slot, for tests that drive a
//! handler by hand through any sequence, odd and null arguments included. Each returns the
//! HRESULT unchanged: the generated wrappers turn every success code into `Ok(())`.
//!
//! The helpers that expect success (`enumerator`, `clone_enumerator`, `drain`, `item_ids`,
//! `item_name`, `start`, `run_session`, `detach`, `release_last`) panic otherwise: they are for
//! tests.

// Test helpers: the ones that expect success say so in their names and docs (see above).
#![allow(clippy::missing_panics_doc, clippy::must_use_candidate)]

use crate::Recording;
use core::ffi::c_void;
use syncmgr::abi::{self, ISyncMgrSynchronize, ISyncMgrSynchronizeCallback};
use syncmgr::{GUID, HRESULT, Interface};
use windows_core::IUnknown_Vtbl;

/// `SYNCMGRFLAG_MANUAL`, what [`start`] initializes with.
pub const MANUAL: u32 = abi::SYNCMGRFLAG_MANUAL as u32;

/// `Initialize(0, flags, cookie.len(), cookie)`.
pub fn initialize(object: &ISyncMgrSynchronize, flags: u32, cookie: &[u8]) -> HRESULT {
    let len = u32::try_from(cookie.len()).expect("small cookie");
    // SAFETY: a live interface; `cookie` is readable for `len` bytes during the call.
    unsafe { (object.vtable().Initialize)(object.as_raw(), 0, flags, len, cookie.as_ptr()) }
}

/// `Initialize(0, flags, len, NULL)`.
pub fn initialize_null_cookie(object: &ISyncMgrSynchronize, flags: u32, len: u32) -> HRESULT {
    // SAFETY: a live interface; the handler must not read a NULL cookie.
    unsafe { (object.vtable().Initialize)(object.as_raw(), 0, flags, len, core::ptr::null()) }
}

/// `GetHandlerInfo(out)`; `out` may be null.
pub fn get_handler_info(
    object: &ISyncMgrSynchronize,
    out: Option<&mut *mut abi::SYNCMGRHANDLERINFO>,
) -> HRESULT {
    let out = out.map_or(core::ptr::null_mut(), core::ptr::from_mut);
    // SAFETY: a live interface; `out` is null or writable.
    unsafe { (object.vtable().GetHandlerInfo)(object.as_raw(), out) }
}

/// `EnumSyncMgrItems(out)`; `out` may be null.
pub fn enum_items(object: &ISyncMgrSynchronize, out: Option<&mut *mut c_void>) -> HRESULT {
    let out = out.map_or(core::ptr::null_mut(), core::ptr::from_mut);
    // SAFETY: a live interface; `out` is null or writable.
    unsafe { (object.vtable().EnumSyncMgrItems)(object.as_raw(), out) }
}

/// `EnumSyncMgrItems` that must succeed with `expected`; returns the enumerator.
pub fn enumerator(object: &ISyncMgrSynchronize, expected: HRESULT) -> abi::ISyncMgrEnumItems {
    let mut raw = core::ptr::null_mut();
    assert_eq!(enum_items(object, Some(&mut raw)), expected);
    assert!(!raw.is_null(), "EnumSyncMgrItems returned no enumerator");
    // SAFETY: a successful EnumSyncMgrItems hands out one reference to an ISyncMgrEnumItems.
    unsafe { abi::ISyncMgrEnumItems::from_raw(raw) }
}

/// `GetItemObject(item, iid, out)`; `out` may be null.
pub fn get_item_object(
    object: &ISyncMgrSynchronize,
    item: &GUID,
    iid: &GUID,
    out: Option<&mut *mut c_void>,
) -> HRESULT {
    let out = out.map_or(core::ptr::null_mut(), core::ptr::from_mut);
    // SAFETY: a live interface; the GUIDs are readable and `out` is null or writable.
    unsafe { (object.vtable().GetItemObject)(object.as_raw(), item, iid, out) }
}

/// `ShowProperties(NULL, item)`; `item` may be null.
pub fn show_properties(object: &ISyncMgrSynchronize, item: Option<&GUID>) -> HRESULT {
    let item = item.map_or(core::ptr::null(), core::ptr::from_ref);
    // SAFETY: a live interface; `item` is null or readable.
    unsafe { (object.vtable().ShowProperties)(object.as_raw(), abi::HWND::default(), item) }
}

/// `SetProgressCallback(callback)`; `None` passes NULL.
pub fn set_callback(
    object: &ISyncMgrSynchronize,
    callback: Option<&ISyncMgrSynchronizeCallback>,
) -> HRESULT {
    let callback = callback.map_or(core::ptr::null_mut(), Interface::as_raw);
    // SAFETY: a live interface; `callback` is null or a live callback.
    unsafe { (object.vtable().SetProgressCallback)(object.as_raw(), callback) }
}

/// `PrepareForSync(ids.len(), ids, NULL, 0)`.
pub fn prepare(object: &ISyncMgrSynchronize, ids: &[GUID]) -> HRESULT {
    let count = u32::try_from(ids.len()).expect("few ids");
    // SAFETY: a live interface; `ids` holds `count` readable GUIDs.
    unsafe {
        (object.vtable().PrepareForSync)(
            object.as_raw(),
            count,
            ids.as_ptr(),
            abi::HWND::default(),
            0,
        )
    }
}

/// `PrepareForSync(count, NULL, NULL, 0)`: a null array, whatever `count` says.
pub fn prepare_null(object: &ISyncMgrSynchronize, count: u32) -> HRESULT {
    // SAFETY: a live interface; the handler must not read a NULL array.
    unsafe {
        (object.vtable().PrepareForSync)(
            object.as_raw(),
            count,
            core::ptr::null(),
            abi::HWND::default(),
            0,
        )
    }
}

/// `Synchronize(NULL)`.
pub fn synchronize(object: &ISyncMgrSynchronize) -> HRESULT {
    // SAFETY: a live interface.
    unsafe { (object.vtable().Synchronize)(object.as_raw(), abi::HWND::default()) }
}

/// `SetItemStatus(item, status)`; `item` may be null.
pub fn set_item_status(object: &ISyncMgrSynchronize, item: Option<&GUID>, status: u32) -> HRESULT {
    let item = item.map_or(core::ptr::null(), core::ptr::from_ref);
    // SAFETY: a live interface; `item` is null or readable.
    unsafe { (object.vtable().SetItemStatus)(object.as_raw(), item, status) }
}

/// `ShowError(NULL, error_id)`; `error_id` may be null.
pub fn show_error(object: &ISyncMgrSynchronize, error_id: Option<&GUID>) -> HRESULT {
    let error_id = error_id.map_or(core::ptr::null(), core::ptr::from_ref);
    // SAFETY: a live interface; `error_id` is null or readable.
    unsafe { (object.vtable().ShowError)(object.as_raw(), abi::HWND::default(), error_id) }
}

/// `QueryInterface(iid, out)`; `out` may be null.
pub fn query_interface(
    object: &ISyncMgrSynchronize,
    iid: &GUID,
    out: Option<&mut *mut c_void>,
) -> HRESULT {
    let out = out.map_or(core::ptr::null_mut(), core::ptr::from_mut);
    // SAFETY: a live interface; `iid` is readable and `out` null or writable.
    unsafe { (object.vtable().base__.QueryInterface)(object.as_raw(), iid, out) }
}

/// `AddRef`, returning the new count.
pub fn add_ref<I: Interface>(object: &I) -> u32 {
    let vtable = object_vtable(object);
    // SAFETY: a live interface of any COM type starts with the IUnknown slots.
    unsafe { (vtable.AddRef)(object.as_raw()) }
}

/// `Release` on a raw pointer the caller owns a reference to; returns the new count.
///
/// # Safety
/// `raw` is a live COM interface pointer and the caller gives up one reference to it.
pub unsafe fn release_raw(raw: *mut c_void) -> u32 {
    // SAFETY: per the contract, `raw` starts with a pointer to an IUnknown-compatible vtable.
    unsafe { ((**raw.cast::<*const IUnknown_Vtbl>()).Release)(raw) }
}

/// Gives up the reference `object` holds, returning what `Release` returned.
pub fn release<I: Interface>(object: I) -> u32 {
    let raw = object.into_raw();
    // SAFETY: `into_raw` handed over the interface's one reference.
    unsafe { release_raw(raw) }
}

fn object_vtable<I: Interface>(object: &I) -> &IUnknown_Vtbl {
    // SAFETY: every COM interface pointer points at a vtable pointer whose first slots are
    // IUnknown's.
    unsafe { &**object.as_raw().cast::<*const IUnknown_Vtbl>() }
}

/// Releases the last reference to a handler and checks that it was the last one.
pub fn release_last(object: ISyncMgrSynchronize) {
    assert_eq!(release(object), 0, "the test held the last reference");
}

/// `SetProgressCallback(NULL)`, then waits until the handler let go of `recorder`'s callback (its
/// count back to the test's own reference).
pub fn detach(object: &ISyncMgrSynchronize, recorder: &Recording) {
    assert_eq!(set_callback(object, None), abi::S_OK);
    recorder.wait_refs(1);
}

/// Initializes `object` (manual sync) and gives it `callback`.
pub fn start(object: &ISyncMgrSynchronize, callback: &ISyncMgrSynchronizeCallback) {
    assert_eq!(initialize(object, MANUAL, &[]), abi::S_OK);
    assert_eq!(set_callback(object, Some(callback)), abi::S_OK);
}

/// Runs a full session over `ids` and waits for `SynchronizeCompleted`; returns its HRESULT.
pub fn run_session(object: &ISyncMgrSynchronize, recorder: &Recording, ids: &[GUID]) -> HRESULT {
    assert_eq!(prepare(object, ids), abi::S_OK);
    assert_eq!(synchronize(object), abi::S_OK);
    recorder.wait_sync_completed()
}

/// `Next(out.len(), out, fetched)`; `fetched` may be null.
pub fn next(
    items: &abi::ISyncMgrEnumItems,
    out: &mut [abi::SYNCMGRITEM],
    fetched: Option<&mut u32>,
) -> HRESULT {
    let celt = u32::try_from(out.len()).expect("few items");
    let fetched = fetched.map_or(core::ptr::null_mut(), core::ptr::from_mut);
    // SAFETY: a live enumerator; `out` has room for `celt` items and `fetched` is null or
    // writable.
    unsafe { (items.vtable().Next)(items.as_raw(), celt, out.as_mut_ptr(), fetched) }
}

/// `Skip(celt)`.
pub fn skip(items: &abi::ISyncMgrEnumItems, celt: u32) -> HRESULT {
    // SAFETY: a live enumerator.
    unsafe { (items.vtable().Skip)(items.as_raw(), celt) }
}

/// `Reset()`.
pub fn reset(items: &abi::ISyncMgrEnumItems) -> HRESULT {
    // SAFETY: a live enumerator.
    unsafe { (items.vtable().Reset)(items.as_raw()) }
}

/// `Clone(&out)`, which must succeed.
pub fn clone_enumerator(items: &abi::ISyncMgrEnumItems) -> abi::ISyncMgrEnumItems {
    let mut raw = core::ptr::null_mut();
    // SAFETY: a live enumerator; `raw` is writable.
    let hr = unsafe { (items.vtable().Clone)(items.as_raw(), &raw mut raw) };
    assert_eq!(hr, abi::S_OK);
    assert!(!raw.is_null(), "Clone returned no enumerator");
    // SAFETY: a successful Clone hands out one reference to an ISyncMgrEnumItems.
    unsafe { abi::ISyncMgrEnumItems::from_raw(raw) }
}

/// The rest of the enumeration, one `Next(1, item, NULL)` at a time (as mobsync's sample does).
pub fn drain(items: &abi::ISyncMgrEnumItems) -> Vec<abi::SYNCMGRITEM> {
    let mut all = Vec::new();
    loop {
        let mut item = [abi::SYNCMGRITEM::default()];
        match next(items, &mut item, None) {
            abi::S_OK => all.push(item[0]),
            abi::S_FALSE => return all,
            hr => panic!("Next failed: {hr:?}"),
        }
        assert!(all.len() < 10_000, "the enumeration never ends");
    }
}

/// The item's name, checking that it is NUL-terminated inside `wszItemName`.
pub fn item_name(item: &abi::SYNCMGRITEM) -> String {
    let len = item
        .wszItemName
        .iter()
        .position(|unit| *unit == 0)
        .expect("wszItemName is NUL-terminated");
    String::from_utf16(&item.wszItemName[..len]).expect("valid UTF-16")
}

/// The ids of every item an enumeration of `object` yields.
pub fn item_ids(object: &ISyncMgrSynchronize) -> Vec<GUID> {
    let items = enumerator(object, abi::S_OK);
    let ids = drain(&items).iter().map(|item| item.ItemID).collect();
    assert_eq!(release(items), 0);
    ids
}
