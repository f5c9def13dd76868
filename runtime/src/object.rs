//! The COM object behind every handler: `ISyncMgrSynchronize` over the user's type.
//!
//! The vtable has the generated `ISyncMgrSynchronize_Vtbl` layout, filled with the runtime's own
//! thunks: each one checks its pointers, nulls out-pointers on failure, contains panics
//! (`E_UNEXPECTED`, reported through `LogError`), can return success codes other than `S_OK`, and
//! traces its HRESULT. What each call means for the protocol is [`Shared`]'s (`machine.rs`): a
//! thunk unpacks its pointers and hands over.

use crate::HandlerClass;
use crate::abi::{
    self, ISyncMgrHandler_Vtbl, ISyncMgrHandlerInfo_Vtbl, ISyncMgrSyncItemContainer_Vtbl,
    ISyncMgrSynchronize, ISyncMgrSynchronize_Vtbl, SYNCMGRHANDLERINFO,
};
use crate::callback::LogLevel;
use crate::center::handler as center;
use crate::com::{self, ComObject, Header, Out};
use crate::guard::panic_text;
use crate::machine::Shared;
use core::ffi::c_void;
use std::sync::Arc;
use windows_core::{GUID, HRESULT, IUnknown, Interface};

/// Creates the COM object for `handler` and returns its `ISyncMgrSynchronize` interface.
///
/// This is what a class factory's `CreateInstance` hands out; tests call it directly.
pub fn create<T: HandlerClass>(handler: T) -> ISyncMgrSynchronize {
    create_shared(Arc::new(handler))
}

/// [`create`], with the handler shared: the caller keeps its own `Arc` to look at the handler's
/// state during or after a session (the object holds the other until it and its worker are
/// gone).
pub fn create_shared<T: HandlerClass>(handler: Arc<T>) -> ISyncMgrSynchronize {
    com::into_interface(SyncObject {
        header: Header::new(&SyncObject::<T>::VTABLE),
        center_handler: &center::Vtables::<SyncObject<T>>::HANDLER,
        center_info: &center::Vtables::<SyncObject<T>>::INFO,
        center_items: &center::Vtables::<SyncObject<T>>::CONTAINER,
        shared: Arc::new(Shared::new(handler)),
    })
}

/// The object. The header comes first: the object's address is its `ISyncMgrSynchronize`
/// pointer. Sync Center's three interfaces are facets: their vtable pointers follow, and each
/// field's address is that interface's pointer (`center/handler.rs`).
#[repr(C)]
struct SyncObject<T: HandlerClass> {
    header: Header<ISyncMgrSynchronize_Vtbl>,
    /// `ISyncMgrHandler`.
    center_handler: &'static ISyncMgrHandler_Vtbl,
    /// `ISyncMgrHandlerInfo`.
    center_info: &'static ISyncMgrHandlerInfo_Vtbl,
    /// `ISyncMgrSyncItemContainer`.
    center_items: &'static ISyncMgrSyncItemContainer_Vtbl,
    /// Shared with the worker thread, which may outlive the last COM reference.
    shared: Arc<Shared<T>>,
}

// SAFETY: the three offsets are those of the `&'static` facet fields, which `create_shared`
// fills with `center::Vtables::<Self>`'s vtables; `FACETS` above is `Vtables::<Self>::FACETS`.
unsafe impl<T: HandlerClass> center::CenterObject for SyncObject<T> {
    type Handler = T;
    const HANDLER_OFFSET: usize = core::mem::offset_of!(Self, center_handler);
    const INFO_OFFSET: usize = core::mem::offset_of!(Self, center_info);
    const CONTAINER_OFFSET: usize = core::mem::offset_of!(Self, center_items);

    fn shared(&self) -> &Shared<T> {
        &self.shared
    }
}

impl<T: HandlerClass> Drop for SyncObject<T> {
    /// The last reference is gone: nobody can resume a paused item any more, so none holds.
    /// (The worker, if one runs, finishes the session on its own.)
    fn drop(&mut self) {
        self.shared.release_holds();
    }
}

// SAFETY: `SyncObject` is `#[repr(C)]` with its `Header` first, whose vtable's `base__` is
// `com::iunknown::<Self>()`; it serves IUnknown and ISyncMgrSynchronize there and Sync Center's
// interfaces at the facet fields `center::Vtables` describes; `create` makes it.
unsafe impl<T: HandlerClass> ComObject for SyncObject<T> {
    type Vtable = ISyncMgrSynchronize_Vtbl;
    const INTERFACE: &'static str = "ISyncMgrSynchronize";
    const IIDS: &'static [GUID] = &[IUnknown::IID, ISyncMgrSynchronize::IID];
    const FACETS: &'static [(GUID, usize)] = &center::Vtables::<Self>::FACETS;

    fn header(&self) -> &Header<Self::Vtable> {
        &self.header
    }

    fn panicked(&self, method: &str, panic: &str) {
        self.shared
            .log(LogLevel::Error, &panic_text(method, panic), None);
    }
}

impl<T: HandlerClass> SyncObject<T> {
    const VTABLE: ISyncMgrSynchronize_Vtbl = ISyncMgrSynchronize_Vtbl {
        base__: com::iunknown::<Self>(),
        Initialize: Self::initialize,
        GetHandlerInfo: Self::get_handler_info,
        EnumSyncMgrItems: Self::enum_sync_mgr_items,
        GetItemObject: Self::get_item_object,
        ShowProperties: Self::show_properties,
        SetProgressCallback: Self::set_progress_callback,
        PrepareForSync: Self::prepare_for_sync,
        Synchronize: Self::synchronize,
        SetItemStatus: Self::set_item_status,
        ShowError: Self::show_error,
    };

    // Each thunk: the body is safe code that checks and reads its own pointers in narrow
    // `unsafe` blocks; `com::call` finds the object behind `this`, contains panics and traces.

    unsafe extern "system" fn initialize(
        this: *mut c_void,
        _reserved: u32,
        flags: u32,
        cookie_len: u32,
        cookie: *const u8,
    ) -> HRESULT {
        let body = |object: &Self| {
            let cookie = match (cookie_len, cookie.is_null()) {
                (0, _) => Vec::new(),
                (_, true) => return abi::E_INVALIDARG,
                (len, false) => {
                    // SAFETY: the caller passes `cookie_len` readable bytes at a non-null
                    // `cookie`.
                    unsafe { core::slice::from_raw_parts(cookie, len as usize) }.to_vec()
                }
            };
            object.shared.initialize(flags, cookie)
        };
        // SAFETY: COM passes this object's interface pointer.
        unsafe { com::call(this, "Initialize", body) }
    }

    unsafe extern "system" fn get_handler_info(
        this: *mut c_void,
        out: *mut *mut SYNCMGRHANDLERINFO,
    ) -> HRESULT {
        let body = |object: &Self| {
            // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
            let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
            out.set(object.shared.handler_info()?);
            Ok(abi::S_OK)
        };
        // SAFETY: COM passes this object's interface pointer.
        unsafe { com::call(this, "GetHandlerInfo", body) }
    }

    unsafe extern "system" fn enum_sync_mgr_items(
        this: *mut c_void,
        out: *mut *mut c_void,
    ) -> HRESULT {
        let body = |object: &Self| {
            // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
            let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
            let (enumerator, hr) = object.shared.enumerate()?;
            out.set(enumerator.into_raw());
            Ok(hr)
        };
        // SAFETY: COM passes this object's interface pointer.
        unsafe { com::call(this, "EnumSyncMgrItems", body) }
    }

    unsafe extern "system" fn get_item_object(
        this: *mut c_void,
        _item: *const GUID,
        _iid: *const GUID,
        out: *mut *mut c_void,
    ) -> HRESULT {
        let body = |_: &Self| {
            // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
            unsafe { Out::new(out, core::ptr::null_mut()) }?;
            Err(abi::E_NOTIMPL)
        };
        // SAFETY: COM passes this object's interface pointer.
        unsafe { com::call(this, "GetItemObject", body) }
    }

    unsafe extern "system" fn show_properties(
        this: *mut c_void,
        parent: abi::HWND,
        item: *const GUID,
    ) -> HRESULT {
        // SAFETY: a non-null `item` points at a GUID for the duration of the call.
        let body = |object: &Self| match unsafe { item.as_ref() } {
            None => abi::E_INVALIDARG,
            Some(item) => object.shared.show_properties(parent, *item),
        };
        // SAFETY: COM passes this object's interface pointer.
        unsafe { com::call(this, "ShowProperties", body) }
    }

    unsafe extern "system" fn set_progress_callback(
        this: *mut c_void,
        callback: *mut c_void,
    ) -> HRESULT {
        let body = |object: &Self| {
            // SAFETY: a non-null `callback` is an ISyncMgrSynchronizeCallback the caller keeps
            // alive for the call; it is borrowed, not released.
            let callback =
                unsafe { abi::ISyncMgrSynchronizeCallback::from_raw_borrowed(&callback) };
            object.shared.set_callback(callback)
        };
        // SAFETY: COM passes this object's interface pointer.
        unsafe { com::call(this, "SetProgressCallback", body) }
    }

    unsafe extern "system" fn prepare_for_sync(
        this: *mut c_void,
        count: u32,
        ids: *const GUID,
        _parent: abi::HWND,
        _reserved: u32,
    ) -> HRESULT {
        let body = |object: &Self| {
            let ids = match (count, ids.is_null()) {
                (0, _) => &[][..],
                (_, true) => return abi::E_INVALIDARG,
                // SAFETY: the caller passes `count` readable GUIDs at a non-null `ids`.
                (count, false) => unsafe { core::slice::from_raw_parts(ids, count as usize) },
            };
            object.shared.prepare(ids)
        };
        // SAFETY: COM passes this object's interface pointer.
        unsafe { com::call(this, "PrepareForSync", body) }
    }

    unsafe extern "system" fn synchronize(this: *mut c_void, _parent: abi::HWND) -> HRESULT {
        // SAFETY: COM passes this object's interface pointer.
        unsafe {
            com::call(this, "Synchronize", |object: &Self| {
                object.shared.synchronize()
            })
        }
    }

    unsafe extern "system" fn set_item_status(
        this: *mut c_void,
        item: *const GUID,
        status: u32,
    ) -> HRESULT {
        let body = |object: &Self| {
            // SAFETY: a non-null `item` points at a GUID for the duration of the call.
            let item = unsafe { item.as_ref() }.copied();
            object.shared.set_item_status(item, status)
        };
        // SAFETY: COM passes this object's interface pointer.
        unsafe { com::call(this, "SetItemStatus", body) }
    }

    unsafe extern "system" fn show_error(
        this: *mut c_void,
        parent: abi::HWND,
        error_id: *const GUID,
    ) -> HRESULT {
        // SAFETY: a non-null `error_id` points at a GUID for the duration of the call.
        let body = |object: &Self| match unsafe { error_id.as_ref() } {
            None => abi::E_INVALIDARG,
            Some(error_id) => object.shared.show_error(parent, *error_id),
        };
        // SAFETY: COM passes this object's interface pointer.
        unsafe { com::call(this, "ShowError", body) }
    }
}
