//! `ISyncMgrHandler`, `ISyncMgrHandlerInfo` and `ISyncMgrSyncItemContainer` as facets of the
//! handler object (`object.rs`): one COM identity with the Sync Manager's interface, as Sync
//! Center asks the handler for the other two by `QueryInterface`
//! (`docs/sync-center.md#isyncmgrsyncitemcontainer`).
//!
//! None of them needs `Initialize`, which Sync Center never calls.

use super::item::{ItemList, SyncItem};
use super::{Reporter, handler_policies, ids, no_string, state, task_string, yes_no};
use crate::abi::{
    self, ISyncMgrHandler_Vtbl, ISyncMgrHandlerInfo_Vtbl, ISyncMgrSessionCreator,
    ISyncMgrSyncCallback, ISyncMgrSyncItemContainer_Vtbl,
};
use crate::com::{self, ComObject, Facet, Out};
use crate::machine::Shared;
use crate::sync::{self, Host, Session};
use crate::{HandlerClass, HandlerDecl};
use core::ffi::c_void;
use core::marker::PhantomData;
use windows_core::{BOOL, GUID, HRESULT, Interface, PCWSTR, PWSTR};

/// The `ISyncMgrHandler` facet.
pub(crate) struct HandlerFacet;
/// The `ISyncMgrHandlerInfo` facet.
pub(crate) struct InfoFacet;
/// The `ISyncMgrSyncItemContainer` facet.
pub(crate) struct ContainerFacet;

/// The handler object as its Sync Center facets see it (`object.rs` implements it): where its
/// three facet fields are, and its shared state.
///
/// # Safety
/// At each offset the object has a `&'static` field holding the matching vtable of
/// [`Vtables::<Self>`](Vtables), and `Self::FACETS` is [`Vtables::<Self>::FACETS`](Vtables).
pub(crate) unsafe trait CenterObject: ComObject {
    /// The user's handler type.
    type Handler: HandlerClass;
    /// The offset of the `ISyncMgrHandler` vtable field.
    const HANDLER_OFFSET: usize;
    /// The offset of the `ISyncMgrHandlerInfo` vtable field.
    const INFO_OFFSET: usize;
    /// The offset of the `ISyncMgrSyncItemContainer` vtable field.
    const CONTAINER_OFFSET: usize;

    /// The handler and its protocol state.
    fn shared(&self) -> &Shared<Self::Handler>;
}

// SAFETY: per `CenterObject`'s contract the field at `HANDLER_OFFSET` holds
// `&Vtables::<O>::HANDLER`, whose `base__` is `iunknown_facet::<O, Self>()`, listed in FACETS.
unsafe impl<O: CenterObject> Facet<O> for HandlerFacet {
    const INTERFACE: &'static str = "ISyncMgrHandler";
    const OFFSET: usize = O::HANDLER_OFFSET;
}

// SAFETY: as for `HandlerFacet`, with `INFO_OFFSET` and `Vtables::<O>::INFO`.
unsafe impl<O: CenterObject> Facet<O> for InfoFacet {
    const INTERFACE: &'static str = "ISyncMgrHandlerInfo";
    const OFFSET: usize = O::INFO_OFFSET;
}

// SAFETY: as for `HandlerFacet`, with `CONTAINER_OFFSET` and `Vtables::<O>::CONTAINER`.
unsafe impl<O: CenterObject> Facet<O> for ContainerFacet {
    const INTERFACE: &'static str = "ISyncMgrSyncItemContainer";
    const OFFSET: usize = O::CONTAINER_OFFSET;
}

/// The declaration of the handler behind `O`.
fn decl<O: CenterObject>() -> &'static HandlerDecl {
    &<O::Handler as HandlerClass>::DECL
}

/// The facets' vtables for handler object type `O`.
pub(crate) struct Vtables<O>(PhantomData<O>);

/// Runs a facet method body: `com::call_facet` for facet `P` of `T`'s object.
macro_rules! facet_call {
    ($facet:ty, $this:expr, $method:literal, $body:expr) => {
        // SAFETY: COM passes the facet's interface pointer.
        unsafe { com::call_facet::<O, $facet, _>($this, $method, $body) }
    };
}

impl<O: CenterObject> Vtables<O> {
    pub(crate) const HANDLER: ISyncMgrHandler_Vtbl = ISyncMgrHandler_Vtbl {
        base__: com::iunknown_facet::<O, HandlerFacet>(),
        GetName: get_name::<O>,
        GetHandlerInfo: get_handler_info::<O>,
        GetObject: get_object::<O>,
        GetCapabilities: get_capabilities::<O>,
        GetPolicies: get_policies::<O>,
        Activate: activate::<O>,
        Enable: enable::<O>,
        Synchronize: synchronize::<O>,
    };

    pub(crate) const INFO: ISyncMgrHandlerInfo_Vtbl = ISyncMgrHandlerInfo_Vtbl {
        base__: com::iunknown_facet::<O, InfoFacet>(),
        GetType: get_type::<O>,
        GetTypeLabel: get_type_label::<O>,
        GetComment: get_comment::<O>,
        GetLastSyncTime: get_last_sync_time::<O>,
        IsActive: is_active::<O>,
        IsEnabled: is_enabled::<O>,
        IsConnected: is_connected::<O>,
    };

    pub(crate) const CONTAINER: ISyncMgrSyncItemContainer_Vtbl = ISyncMgrSyncItemContainer_Vtbl {
        base__: com::iunknown_facet::<O, ContainerFacet>(),
        GetSyncItem: get_sync_item::<O>,
        GetSyncItemEnumerator: get_sync_item_enumerator::<O>,
        GetSyncItemCount: get_sync_item_count::<O>,
    };

    /// The facets for `SyncObject`'s `QueryInterface`.
    pub(crate) const FACETS: [(GUID, usize); 3] = [
        (abi::ISyncMgrHandler::IID, O::HANDLER_OFFSET),
        (abi::ISyncMgrHandlerInfo::IID, O::INFO_OFFSET),
        (abi::ISyncMgrSyncItemContainer::IID, O::CONTAINER_OFFSET),
    ];
}

// ISyncMgrHandler (`docs/sync-center.md#isyncmgrhandler`).

unsafe extern "system" fn get_name<O: CenterObject>(this: *mut c_void, out: *mut PWSTR) -> HRESULT {
    let body = |_: &O| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, PWSTR::null()) }?;
        out.set(task_string(
            decl::<O>().name,
            abi::MAX_SYNCMGR_NAME as usize,
        )?);
        Ok(abi::S_OK)
    };
    facet_call!(HandlerFacet, this, "GetName", body)
}

unsafe extern "system" fn get_handler_info<O: CenterObject>(
    this: *mut c_void,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |object: &O| {
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

unsafe extern "system" fn get_object<O: CenterObject>(
    this: *mut c_void,
    object_id: *const GUID,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |_: &O| {
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

unsafe extern "system" fn get_capabilities<O: CenterObject>(
    this: *mut c_void,
    out: *mut abi::SYNCMGR_HANDLER_CAPABILITIES,
) -> HRESULT {
    let body = |_: &O| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, abi::SYNCMGR_HCM_NONE) }?;
        // Nothing `GetObject` would have to serve.
        out.set(abi::SYNCMGR_HCM_NONE);
        Ok(abi::S_OK)
    };
    facet_call!(HandlerFacet, this, "GetCapabilities", body)
}

unsafe extern "system" fn get_policies<O: CenterObject>(
    this: *mut c_void,
    out: *mut abi::SYNCMGR_HANDLER_POLICIES,
) -> HRESULT {
    let body = |_: &O| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, abi::SYNCMGR_HPM_NONE) }?;
        out.set(handler_policies(decl::<O>().flags));
        Ok(abi::S_OK)
    };
    facet_call!(HandlerFacet, this, "GetPolicies", body)
}

unsafe extern "system" fn activate<O: CenterObject>(this: *mut c_void, active: BOOL) -> HRESULT {
    let body = |_: &O| {
        state::set_active(decl::<O>().clsid, active.as_bool());
        abi::S_OK
    };
    facet_call!(HandlerFacet, this, "Activate", body)
}

unsafe extern "system" fn enable<O: CenterObject>(this: *mut c_void, enabled: BOOL) -> HRESULT {
    let body = |_: &O| {
        state::set_enabled(decl::<O>().clsid, enabled.as_bool());
        abi::S_OK
    };
    facet_call!(HandlerFacet, this, "Enable", body)
}

unsafe extern "system" fn synchronize<O: CenterObject>(
    this: *mut c_void,
    items: *const PCWSTR,
    count: u32,
    _parent: abi::HWND,
    creator: *mut c_void,
    _punk: *mut c_void,
) -> HRESULT {
    let body = |object: &O| {
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
        Ok(run_session(object.shared(), &ids, creator))
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
    let reporter = Reporter::new(&callback, &ids);
    reporter.run(|| sync::run(&*shared.handler, Host::SyncCenter(&reporter), &session));
    abi::S_OK
}

// ISyncMgrHandlerInfo (`docs/sync-center.md#isyncmgrhandlerinfo`).

unsafe extern "system" fn get_type<O: CenterObject>(
    this: *mut c_void,
    out: *mut abi::SYNCMGR_HANDLER_TYPE,
) -> HRESULT {
    let body = |_: &O| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, abi::SYNCMGR_HT_UNSPECIFIED) }?;
        out.set(abi::SYNCMGR_HT_UNSPECIFIED);
        Ok(abi::S_OK)
    };
    facet_call!(InfoFacet, this, "GetType", body)
}

unsafe extern "system" fn get_type_label<O: CenterObject>(
    this: *mut c_void,
    out: *mut PWSTR,
) -> HRESULT {
    facet_call!(InfoFacet, this, "GetTypeLabel", |_: &O| no_string(out))
}

unsafe extern "system" fn get_comment<O: CenterObject>(
    this: *mut c_void,
    out: *mut PWSTR,
) -> HRESULT {
    facet_call!(InfoFacet, this, "GetComment", |_: &O| no_string(out))
}

unsafe extern "system" fn get_last_sync_time<O: CenterObject>(
    this: *mut c_void,
    out: *mut abi::FILETIME,
) -> HRESULT {
    let body = |_: &O| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        unsafe { Out::new(out, abi::FILETIME::default()) }?;
        // The handler's times are per item; Sync Center keeps the previous value.
        Err(abi::E_NOTIMPL)
    };
    facet_call!(InfoFacet, this, "GetLastSyncTime", body)
}

unsafe extern "system" fn is_active<O: CenterObject>(this: *mut c_void) -> HRESULT {
    facet_call!(InfoFacet, this, "IsActive", |_: &O| yes_no(state::active(
        decl::<O>().clsid
    )))
}

unsafe extern "system" fn is_enabled<O: CenterObject>(this: *mut c_void) -> HRESULT {
    facet_call!(InfoFacet, this, "IsEnabled", |_: &O| yes_no(
        state::enabled(decl::<O>().clsid)
    ))
}

unsafe extern "system" fn is_connected<O: CenterObject>(this: *mut c_void) -> HRESULT {
    facet_call!(InfoFacet, this, "IsConnected", |_: &O| abi::S_OK)
}

// ISyncMgrSyncItemContainer (`docs/sync-center.md#isyncmgrsyncitemcontainer`).

unsafe extern "system" fn get_sync_item<O: CenterObject>(
    this: *mut c_void,
    id: PCWSTR,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |object: &O| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
        // SAFETY: `id` is the caller's `[in, string]` id, alive for the call.
        let id = unsafe { ids::read(id) }?;
        let catalog = object.shared().catalog()?;
        let record = catalog
            .items
            .into_iter()
            .find(|record| record.id == id)
            .ok_or(abi::E_INVALIDARG)?;
        out.set(SyncItem::create(&object.shared().handler, record).into_raw());
        Ok(abi::S_OK)
    };
    facet_call!(ContainerFacet, this, "GetSyncItem", body)
}

unsafe extern "system" fn get_sync_item_enumerator<O: CenterObject>(
    this: *mut c_void,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |object: &O| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
        let catalog = object.shared().catalog()?;
        out.set(ItemList::create(&object.shared().handler, catalog.items.into(), 0).into_raw());
        Ok(abi::S_OK)
    };
    facet_call!(ContainerFacet, this, "GetSyncItemEnumerator", body)
}

unsafe extern "system" fn get_sync_item_count<O: CenterObject>(
    this: *mut c_void,
    out: *mut u32,
) -> HRESULT {
    let body = |object: &O| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, 0) }?;
        let catalog = object.shared().catalog()?;
        out.set(u32::try_from(catalog.items.len()).unwrap_or(u32::MAX));
        Ok(abi::S_OK)
    };
    facet_call!(ContainerFacet, this, "GetSyncItemCount", body)
}
