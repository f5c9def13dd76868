//! `ISyncMgrHandler`, `ISyncMgrHandlerInfo` and `ISyncMgrSyncItemContainer` as facets of the
//! handler object (`object.rs`): one COM identity with the Sync Manager's interface, as Sync
//! Center asks the handler for the other two by `QueryInterface`
//! (`docs/sync-center.md#isyncmgrsyncitemcontainer`).
//!
//! None of them needs `Initialize`, which Sync Center never calls.

use super::item::{ItemList, SyncItem};
use super::{Reporter, handler_policies, ids, state, task_string, yes_no};
use crate::HandlerClass;
use crate::abi::{
    self, ISyncMgrHandler_Vtbl, ISyncMgrHandlerInfo_Vtbl, ISyncMgrSessionCreator,
    ISyncMgrSyncCallback, ISyncMgrSyncItemContainer_Vtbl,
};
use crate::com::{self, Facet, Out};
use crate::machine::Shared;
use crate::object::SyncObject;
use crate::sync::{self, Host, Session};
use core::ffi::c_void;
use core::marker::PhantomData;
use core::mem::offset_of;
use windows_core::{BOOL, GUID, HRESULT, Interface, PCWSTR, PWSTR};

/// The `ISyncMgrHandler` facet.
pub(crate) struct HandlerFacet;
/// The `ISyncMgrHandlerInfo` facet.
pub(crate) struct InfoFacet;
/// The `ISyncMgrSyncItemContainer` facet.
pub(crate) struct ContainerFacet;

// SAFETY: `SyncObject::center_handler` holds `&Vtables::<T>::HANDLER`, whose `base__` is
// `iunknown_facet::<SyncObject<T>, Self>()`; `SyncObject`'s FACETS lists it with this offset.
unsafe impl<T: HandlerClass> Facet<SyncObject<T>> for HandlerFacet {
    const INTERFACE: &'static str = "ISyncMgrHandler";
    const OFFSET: usize = offset_of!(SyncObject<T>, center_handler);
}

// SAFETY: as for `HandlerFacet`, with `center_info` and `Vtables::<T>::INFO`.
unsafe impl<T: HandlerClass> Facet<SyncObject<T>> for InfoFacet {
    const INTERFACE: &'static str = "ISyncMgrHandlerInfo";
    const OFFSET: usize = offset_of!(SyncObject<T>, center_info);
}

// SAFETY: as for `HandlerFacet`, with `center_items` and `Vtables::<T>::CONTAINER`.
unsafe impl<T: HandlerClass> Facet<SyncObject<T>> for ContainerFacet {
    const INTERFACE: &'static str = "ISyncMgrSyncItemContainer";
    const OFFSET: usize = offset_of!(SyncObject<T>, center_items);
}

/// The facets' vtables for handler type `T`.
pub(crate) struct Vtables<T>(PhantomData<T>);

type Object<T> = SyncObject<T>;

/// Runs a facet method body: `com::call_facet` for facet `P` of `T`'s object.
macro_rules! facet_call {
    ($facet:ty, $this:expr, $method:literal, $body:expr) => {
        // SAFETY: COM passes the facet's interface pointer.
        unsafe { com::call_facet::<Object<T>, $facet, _>($this, $method, $body) }
    };
}

impl<T: HandlerClass> Vtables<T> {
    pub(crate) const HANDLER: ISyncMgrHandler_Vtbl = ISyncMgrHandler_Vtbl {
        base__: com::iunknown_facet::<Object<T>, HandlerFacet>(),
        GetName: get_name::<T>,
        GetHandlerInfo: get_handler_info::<T>,
        GetObject: get_object::<T>,
        GetCapabilities: get_capabilities::<T>,
        GetPolicies: get_policies::<T>,
        Activate: activate::<T>,
        Enable: enable::<T>,
        Synchronize: synchronize::<T>,
    };

    pub(crate) const INFO: ISyncMgrHandlerInfo_Vtbl = ISyncMgrHandlerInfo_Vtbl {
        base__: com::iunknown_facet::<Object<T>, InfoFacet>(),
        GetType: get_type::<T>,
        GetTypeLabel: get_type_label::<T>,
        GetComment: get_comment::<T>,
        GetLastSyncTime: get_last_sync_time::<T>,
        IsActive: is_active::<T>,
        IsEnabled: is_enabled::<T>,
        IsConnected: is_connected::<T>,
    };

    pub(crate) const CONTAINER: ISyncMgrSyncItemContainer_Vtbl = ISyncMgrSyncItemContainer_Vtbl {
        base__: com::iunknown_facet::<Object<T>, ContainerFacet>(),
        GetSyncItem: get_sync_item::<T>,
        GetSyncItemEnumerator: get_sync_item_enumerator::<T>,
        GetSyncItemCount: get_sync_item_count::<T>,
    };

    /// The facets for `SyncObject`'s `QueryInterface`.
    pub(crate) const FACETS: [(GUID, usize); 3] = [
        (
            abi::ISyncMgrHandler::IID,
            <HandlerFacet as Facet<Object<T>>>::OFFSET,
        ),
        (
            abi::ISyncMgrHandlerInfo::IID,
            <InfoFacet as Facet<Object<T>>>::OFFSET,
        ),
        (
            abi::ISyncMgrSyncItemContainer::IID,
            <ContainerFacet as Facet<Object<T>>>::OFFSET,
        ),
    ];
}

// ISyncMgrHandler (`docs/sync-center.md#isyncmgrhandler`).

unsafe extern "system" fn get_name<T: HandlerClass>(this: *mut c_void, out: *mut PWSTR) -> HRESULT {
    let body = |_: &Object<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, PWSTR::null()) }?;
        out.set(task_string(T::DECL.name, abi::MAX_SYNCMGR_NAME as usize)?);
        Ok(abi::S_OK)
    };
    facet_call!(HandlerFacet, this, "GetName", body)
}

unsafe extern "system" fn get_handler_info<T: HandlerClass>(
    this: *mut c_void,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |object: &Object<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
        out.set(
            com::add_ref_interface(object, &abi::ISyncMgrHandlerInfo::IID)
                .ok_or(abi::E_UNEXPECTED)?,
        );
        Ok(abi::S_OK)
    };
    facet_call!(HandlerFacet, this, "GetHandlerInfo", body)
}

unsafe extern "system" fn get_object<T: HandlerClass>(
    this: *mut c_void,
    object_id: *const GUID,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |_: &Object<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        unsafe { Out::new(out, core::ptr::null_mut()) }?;
        if object_id.is_null() || iid.is_null() {
            return Err(abi::E_INVALIDARG);
        }
        // No UI operation, event store, conflict store or icon object: none is announced in
        // the capabilities, and the documented answer for one not offered is `E_NOTIMPL`.
        Err(abi::E_NOTIMPL)
    };
    facet_call!(HandlerFacet, this, "GetObject", body)
}

unsafe extern "system" fn get_capabilities<T: HandlerClass>(
    this: *mut c_void,
    out: *mut abi::SYNCMGR_HANDLER_CAPABILITIES,
) -> HRESULT {
    let body = |_: &Object<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, abi::SYNCMGR_HCM_NONE) }?;
        // Nothing `GetObject` would have to serve.
        out.set(abi::SYNCMGR_HCM_NONE);
        Ok(abi::S_OK)
    };
    facet_call!(HandlerFacet, this, "GetCapabilities", body)
}

unsafe extern "system" fn get_policies<T: HandlerClass>(
    this: *mut c_void,
    out: *mut abi::SYNCMGR_HANDLER_POLICIES,
) -> HRESULT {
    let body = |_: &Object<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, abi::SYNCMGR_HPM_NONE) }?;
        out.set(handler_policies(T::DECL.flags));
        Ok(abi::S_OK)
    };
    facet_call!(HandlerFacet, this, "GetPolicies", body)
}

unsafe extern "system" fn activate<T: HandlerClass>(this: *mut c_void, active: BOOL) -> HRESULT {
    let body = |_: &Object<T>| {
        state::set_active(T::DECL.clsid, active.as_bool());
        abi::S_OK
    };
    facet_call!(HandlerFacet, this, "Activate", body)
}

unsafe extern "system" fn enable<T: HandlerClass>(this: *mut c_void, enabled: BOOL) -> HRESULT {
    let body = |_: &Object<T>| {
        state::set_enabled(T::DECL.clsid, enabled.as_bool());
        abi::S_OK
    };
    facet_call!(HandlerFacet, this, "Enable", body)
}

unsafe extern "system" fn synchronize<T: HandlerClass>(
    this: *mut c_void,
    items: *const PCWSTR,
    count: u32,
    _parent: abi::HWND,
    creator: *mut c_void,
    _punk: *mut c_void,
) -> HRESULT {
    let body = |object: &Object<T>| {
        // SAFETY: a non-null `creator` is an ISyncMgrSessionCreator the caller keeps alive for
        // the call; it is borrowed, not released.
        let creator = unsafe { ISyncMgrSessionCreator::from_raw_borrowed(&creator) }
            .ok_or(abi::E_INVALIDARG)?;
        let items = match (count, items.is_null()) {
            (0, _) => &[][..],
            (_, true) => return Err(abi::E_INVALIDARG),
            // SAFETY: the caller passes `count` readable string pointers at a non-null `items`.
            (count, false) => unsafe { core::slice::from_raw_parts(items, count as usize) },
        };
        let ids = items
            .iter()
            // SAFETY: each is an `[in, string]` id of the caller's, alive for the call.
            .map(|&id| unsafe { ids::read(id) })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(run_session(&object.shared, &ids, creator))
    };
    facet_call!(HandlerFacet, this, "Synchronize", body)
}

/// A Sync Center session on the calling thread, as the reference pages describe it
/// (`docs/sync-center.md#isyncmgrhandler`): the session is created through `creator`, every item
/// runs through the same worker as a Sync Manager session (hooks, progress, cancellation, one
/// final status each), and the call returns when all are done.
fn run_session<T: HandlerClass>(
    shared: &Shared<T>,
    ids: &[GUID],
    creator: &ISyncMgrSessionCreator,
) -> HRESULT {
    let session = match shared
        .catalog()
        .and_then(|catalog| Session::new(&catalog, ids))
    {
        Ok(session) => session,
        Err(hr) => return hr,
    };
    let ids = session.ids();
    let handler_id = ids::wide(&T::DECL.clsid);
    let wide: Vec<_> = ids.iter().map(ids::wide).collect();
    let pointers: Vec<PCWSTR> = wide.iter().map(|id| PCWSTR(id.as_ptr())).collect();
    let mut callback = core::ptr::null_mut();
    // SAFETY: `creator` is live for the call; the handler id and every item id are
    // NUL-terminated and, with the array, alive for the call; `callback` is writable.
    let hr = unsafe {
        (creator.vtable().CreateSession)(
            creator.as_raw(),
            PCWSTR(handler_id.as_ptr()),
            if pointers.is_empty() {
                core::ptr::null()
            } else {
                pointers.as_ptr()
            },
            u32::try_from(pointers.len()).unwrap_or(u32::MAX),
            &raw mut callback,
        )
    };
    crate::guard::trace("ISyncMgrSessionCreator", "CreateSession", hr);
    if hr.is_err() {
        return hr;
    }
    if callback.is_null() {
        return abi::E_UNEXPECTED;
    }
    // SAFETY: `CreateSession` succeeded and handed out a callback with a reference for us.
    let callback = unsafe { ISyncMgrSyncCallback::from_raw(callback) };
    let reporter = Reporter::new(callback, &ids);
    sync::run(&*shared.handler, Host::SyncCenter(&reporter), &session);
    abi::S_OK
}

// ISyncMgrHandlerInfo (`docs/sync-center.md#isyncmgrhandlerinfo`).

unsafe extern "system" fn get_type<T: HandlerClass>(
    this: *mut c_void,
    out: *mut abi::SYNCMGR_HANDLER_TYPE,
) -> HRESULT {
    let body = |_: &Object<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, abi::SYNCMGR_HT_UNSPECIFIED) }?;
        out.set(abi::SYNCMGR_HT_UNSPECIFIED);
        Ok(abi::S_OK)
    };
    facet_call!(InfoFacet, this, "GetType", body)
}

/// A string property the declaration does not have: the out-pointer is emptied and the answer
/// is `E_NOTIMPL`, which Sync Center reads as an empty string.
fn no_string(out: *mut PWSTR) -> Result<HRESULT, HRESULT> {
    // SAFETY: `out` is the caller's `[out]` pointer, null or writable during the call.
    unsafe { Out::new(out, PWSTR::null()) }?;
    Err(abi::E_NOTIMPL)
}

unsafe extern "system" fn get_type_label<T: HandlerClass>(
    this: *mut c_void,
    out: *mut PWSTR,
) -> HRESULT {
    facet_call!(InfoFacet, this, "GetTypeLabel", |_: &Object<T>| no_string(
        out
    ))
}

unsafe extern "system" fn get_comment<T: HandlerClass>(
    this: *mut c_void,
    out: *mut PWSTR,
) -> HRESULT {
    facet_call!(InfoFacet, this, "GetComment", |_: &Object<T>| no_string(
        out
    ))
}

unsafe extern "system" fn get_last_sync_time<T: HandlerClass>(
    this: *mut c_void,
    out: *mut abi::FILETIME,
) -> HRESULT {
    let body = |_: &Object<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        unsafe { Out::new(out, abi::FILETIME::default()) }?;
        // The handler's times are per item; Sync Center keeps the previous value.
        Err(abi::E_NOTIMPL)
    };
    facet_call!(InfoFacet, this, "GetLastSyncTime", body)
}

unsafe extern "system" fn is_active<T: HandlerClass>(this: *mut c_void) -> HRESULT {
    facet_call!(InfoFacet, this, "IsActive", |_: &Object<T>| yes_no(
        state::active(T::DECL.clsid)
    ))
}

unsafe extern "system" fn is_enabled<T: HandlerClass>(this: *mut c_void) -> HRESULT {
    facet_call!(InfoFacet, this, "IsEnabled", |_: &Object<T>| yes_no(
        state::enabled(T::DECL.clsid)
    ))
}

unsafe extern "system" fn is_connected<T: HandlerClass>(this: *mut c_void) -> HRESULT {
    facet_call!(InfoFacet, this, "IsConnected", |_: &Object<T>| abi::S_OK)
}

// ISyncMgrSyncItemContainer (`docs/sync-center.md#isyncmgrsyncitemcontainer`).

unsafe extern "system" fn get_sync_item<T: HandlerClass>(
    this: *mut c_void,
    id: PCWSTR,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |object: &Object<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
        // SAFETY: `id` is the caller's `[in, string]` id, alive for the call.
        let id = unsafe { ids::read(id) }?;
        let catalog = object.shared.catalog()?;
        let record = catalog
            .items
            .into_iter()
            .find(|record| record.id == id)
            .ok_or(abi::E_INVALIDARG)?;
        out.set(SyncItem::create(&object.shared.handler, record).into_raw());
        Ok(abi::S_OK)
    };
    facet_call!(ContainerFacet, this, "GetSyncItem", body)
}

unsafe extern "system" fn get_sync_item_enumerator<T: HandlerClass>(
    this: *mut c_void,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |object: &Object<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
        let catalog = object.shared.catalog()?;
        out.set(ItemList::create(&object.shared.handler, catalog.items.into(), 0).into_raw());
        Ok(abi::S_OK)
    };
    facet_call!(ContainerFacet, this, "GetSyncItemEnumerator", body)
}

unsafe extern "system" fn get_sync_item_count<T: HandlerClass>(
    this: *mut c_void,
    out: *mut u32,
) -> HRESULT {
    let body = |object: &Object<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, 0) }?;
        let catalog = object.shared.catalog()?;
        out.set(u32::try_from(catalog.items.len()).unwrap_or(u32::MAX));
        Ok(abi::S_OK)
    };
    facet_call!(ContainerFacet, this, "GetSyncItemCount", body)
}
