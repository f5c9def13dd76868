//! Items for Sync Center: each item an object with `ISyncMgrSyncItem` and, as a facet,
//! `ISyncMgrSyncItemInfo` (`docs/sync-center.md#isyncmgrsyncitem`), and `IEnumSyncMgrSyncItems`
//! over a snapshot of the handler's items (`docs/sync-center.md#ienumsyncmgrsyncitems`).

use super::{ids, item_capabilities, item_policies, no_string, state, task_string, yes_no};
use crate::abi::{
    self, IEnumSyncMgrSyncItems, IEnumSyncMgrSyncItems_Vtbl, ISyncMgrSyncItem,
    ISyncMgrSyncItem_Vtbl, ISyncMgrSyncItemInfo_Vtbl,
};
use crate::catalog::ItemRecord;
use crate::com::{self, ComObject, Facet, Header, Out};
use crate::cursor::{Cursor, completion};
use crate::guard::catch;
use crate::module::Token;
use crate::{HandlerClass, ItemFlags, SyncStatus};
use core::convert::Infallible;
use core::ffi::c_void;
use core::mem::offset_of;
use std::sync::Arc;
use windows_core::{BOOL, GUID, HRESULT, IUnknown, Interface, PWSTR};

/// One item. The header's vtable comes first: the object's address is its `ISyncMgrSyncItem`.
#[repr(C)]
pub(crate) struct SyncItem<T: HandlerClass> {
    header: Header<ISyncMgrSyncItem_Vtbl>,
    /// The `ISyncMgrSyncItemInfo` facet.
    info: &'static ISyncMgrSyncItemInfo_Vtbl,
    handler: Arc<T>,
    record: ItemRecord,
    _token: Token,
}

/// The `ISyncMgrSyncItemInfo` facet of an item.
pub(crate) struct InfoFacet;

// SAFETY: `SyncItem::info` holds `&SyncItem::<T>::INFO`, whose `base__` is
// `iunknown_facet::<SyncItem<T>, Self>()`; `SyncItem`'s FACETS lists it with this offset.
unsafe impl<T: HandlerClass> Facet<SyncItem<T>> for InfoFacet {
    const INTERFACE: &'static str = "ISyncMgrSyncItemInfo";
    const OFFSET: usize = offset_of!(SyncItem<T>, info);
}

// SAFETY: `SyncItem` is `#[repr(C)]` with its `Header` first, whose vtable's `base__` is
// `com::iunknown::<Self>()`; it serves IUnknown and ISyncMgrSyncItem there and its info facet
// at `info`; `create` makes it.
unsafe impl<T: HandlerClass> ComObject for SyncItem<T> {
    type Vtable = ISyncMgrSyncItem_Vtbl;
    const INTERFACE: &'static str = "ISyncMgrSyncItem";
    const IIDS: &'static [GUID] = &[IUnknown::IID, ISyncMgrSyncItem::IID];
    const FACETS: &'static [(GUID, usize)] = &[(
        abi::ISyncMgrSyncItemInfo::IID,
        <InfoFacet as Facet<Self>>::OFFSET,
    )];

    fn header(&self) -> &Header<Self::Vtable> {
        &self.header
    }
}

impl<T: HandlerClass> SyncItem<T> {
    const VTABLE: ISyncMgrSyncItem_Vtbl = ISyncMgrSyncItem_Vtbl {
        base__: com::iunknown::<Self>(),
        GetItemID: get_item_id::<T>,
        GetName: get_name::<T>,
        GetItemInfo: get_item_info::<T>,
        GetObject: get_object::<T>,
        GetCapabilities: get_capabilities::<T>,
        GetPolicies: get_policies::<T>,
        Enable: enable::<T>,
        Delete: delete::<T>,
    };

    const INFO: ISyncMgrSyncItemInfo_Vtbl = ISyncMgrSyncItemInfo_Vtbl {
        base__: com::iunknown_facet::<Self, InfoFacet>(),
        GetTypeLabel: get_type_label::<T>,
        GetComment: get_comment::<T>,
        GetLastSyncTime: get_last_sync_time::<T>,
        IsEnabled: is_enabled::<T>,
        IsConnected: is_connected::<T>,
    };

    /// The object for `record`, with one reference.
    pub(crate) fn create(handler: &Arc<T>, record: ItemRecord) -> ISyncMgrSyncItem {
        com::into_interface(Self {
            header: Header::new(&Self::VTABLE),
            info: &Self::INFO,
            handler: Arc::clone(handler),
            record,
            _token: Token::object(),
        })
    }

    fn enabled(&self) -> bool {
        state::item_enabled(T::DECL.clsid, self.record.id, self.record.checked)
    }
}

/// Runs an item method body on the item behind `this`.
macro_rules! item_call {
    ($this:expr, $method:literal, $body:expr) => {
        // SAFETY: COM passes this object's interface pointer.
        unsafe { com::call::<SyncItem<T>, _>($this, $method, $body) }
    };
}

/// Runs an item info method body on the item whose info facet is `this`.
macro_rules! info_call {
    ($this:expr, $method:literal, $body:expr) => {
        // SAFETY: COM passes the info facet's interface pointer.
        unsafe { com::call_facet::<SyncItem<T>, InfoFacet, _>($this, $method, $body) }
    };
}

unsafe extern "system" fn get_item_id<T: HandlerClass>(
    this: *mut c_void,
    out: *mut PWSTR,
) -> HRESULT {
    let body = |item: &SyncItem<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, PWSTR::null()) }?;
        out.set(task_string(
            &ids::text(&item.record.id),
            abi::MAX_SYNCMGR_ID as usize,
        )?);
        Ok(abi::S_OK)
    };
    item_call!(this, "GetItemID", body)
}

unsafe extern "system" fn get_name<T: HandlerClass>(this: *mut c_void, out: *mut PWSTR) -> HRESULT {
    let body = |item: &SyncItem<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, PWSTR::null()) }?;
        out.set(task_string(
            &item.record.name,
            abi::MAX_SYNCMGR_NAME as usize,
        )?);
        Ok(abi::S_OK)
    };
    item_call!(this, "GetName", body)
}

unsafe extern "system" fn get_item_info<T: HandlerClass>(
    this: *mut c_void,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |item: &SyncItem<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
        out.set(
            com::add_ref_interface(item, &abi::ISyncMgrSyncItemInfo::IID)
                .ok_or(abi::E_UNEXPECTED)?,
        );
        Ok(abi::S_OK)
    };
    item_call!(this, "GetItemInfo", body)
}

unsafe extern "system" fn get_object<T: HandlerClass>(
    this: *mut c_void,
    object_id: *const GUID,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |_: &SyncItem<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        unsafe { Out::new(out, core::ptr::null_mut()) }?;
        if object_id.is_null() || iid.is_null() {
            return Err(abi::E_INVALIDARG);
        }
        // The pages disagree on the answer for an object not offered (`E_NOTIMPL` on the
        // handler's, `E_INVALIDARG` on the item's; `docs/sync-center.md#where-sources-disagree`):
        // the runtime answers as the handler's page and the SDK sample do.
        Err(abi::E_NOTIMPL)
    };
    item_call!(this, "GetObject", body)
}

unsafe extern "system" fn get_capabilities<T: HandlerClass>(
    this: *mut c_void,
    out: *mut abi::SYNCMGR_ITEM_CAPABILITIES,
) -> HRESULT {
    let body = |item: &SyncItem<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, abi::SYNCMGR_ICM_NONE) }?;
        out.set(item_capabilities(item.record.flags));
        Ok(abi::S_OK)
    };
    item_call!(this, "GetCapabilities", body)
}

unsafe extern "system" fn get_policies<T: HandlerClass>(
    this: *mut c_void,
    out: *mut abi::SYNCMGR_ITEM_POLICIES,
) -> HRESULT {
    let body = |item: &SyncItem<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, abi::SYNCMGR_IPM_NONE) }?;
        out.set(item_policies(item.record.flags));
        Ok(abi::S_OK)
    };
    item_call!(this, "GetPolicies", body)
}

unsafe extern "system" fn enable<T: HandlerClass>(this: *mut c_void, enabled: BOOL) -> HRESULT {
    let body = |item: &SyncItem<T>| {
        state::set_item_enabled(T::DECL.clsid, item.record.id, enabled.as_bool());
        abi::S_OK
    };
    item_call!(this, "Enable", body)
}

/// `Delete`: the handler's `DELETED` method, for an item that may be deleted; `E_NOTIMPL` when
/// there is nothing to run (Sync Center offers *Delete* only with `SYNCMGR_ICM_CAN_DELETE`).
unsafe extern "system" fn delete<T: HandlerClass>(this: *mut c_void) -> HRESULT {
    let body = |item: &SyncItem<T>| {
        let method = T::status_method(SyncStatus::Deleted)
            .filter(|_| item.record.flags.contains(ItemFlags::MAY_DELETE_ITEM))
            .ok_or(abi::E_NOTIMPL)?;
        match catch(|| method(&item.handler, item.record.id)) {
            Ok(Ok(())) => Ok(abi::S_OK),
            Ok(Err(error)) => Err(crate::machine::failure(&error)),
            Err(_) => Err(abi::E_UNEXPECTED),
        }
    };
    item_call!(this, "Delete", body)
}

unsafe extern "system" fn get_type_label<T: HandlerClass>(
    this: *mut c_void,
    out: *mut PWSTR,
) -> HRESULT {
    info_call!(this, "GetTypeLabel", |_: &SyncItem<T>| no_string(out))
}

unsafe extern "system" fn get_comment<T: HandlerClass>(
    this: *mut c_void,
    out: *mut PWSTR,
) -> HRESULT {
    info_call!(this, "GetComment", |_: &SyncItem<T>| no_string(out))
}

unsafe extern "system" fn get_last_sync_time<T: HandlerClass>(
    this: *mut c_void,
    out: *mut abi::FILETIME,
) -> HRESULT {
    let body = |item: &SyncItem<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, abi::FILETIME::default()) }?;
        // The same time the Sync Manager's list shows (`SYNCMGRITEM.ftLastUpdate`).
        out.set(item.record.last_update.ok_or(abi::E_NOTIMPL)?);
        Ok(abi::S_OK)
    };
    info_call!(this, "GetLastSyncTime", body)
}

unsafe extern "system" fn is_enabled<T: HandlerClass>(this: *mut c_void) -> HRESULT {
    info_call!(this, "IsEnabled", |item: &SyncItem<T>| yes_no(
        item.enabled()
    ))
}

unsafe extern "system" fn is_connected<T: HandlerClass>(this: *mut c_void) -> HRESULT {
    info_call!(this, "IsConnected", |_: &SyncItem<T>| abi::S_OK)
}

/// `IEnumSyncMgrSyncItems` over a snapshot of the items, each handed out as a new item object.
#[repr(C)]
pub(crate) struct ItemList<T: HandlerClass> {
    header: Header<IEnumSyncMgrSyncItems_Vtbl>,
    handler: Arc<T>,
    items: Arc<[ItemRecord]>,
    cursor: Cursor,
    _token: Token,
}

// SAFETY: `ItemList` is `#[repr(C)]` with its `Header` first, whose vtable's `base__` is
// `com::iunknown::<Self>()`; it serves IUnknown and IEnumSyncMgrSyncItems; `create` makes it.
unsafe impl<T: HandlerClass> ComObject for ItemList<T> {
    type Vtable = IEnumSyncMgrSyncItems_Vtbl;
    const INTERFACE: &'static str = "IEnumSyncMgrSyncItems";
    const IIDS: &'static [GUID] = &[IUnknown::IID, IEnumSyncMgrSyncItems::IID];

    fn header(&self) -> &Header<Self::Vtable> {
        &self.header
    }
}

impl<T: HandlerClass> ItemList<T> {
    const VTABLE: IEnumSyncMgrSyncItems_Vtbl = IEnumSyncMgrSyncItems_Vtbl {
        base__: com::iunknown::<Self>(),
        Next: next::<T>,
        Skip: skip::<T>,
        Reset: reset::<T>,
        Clone: clone::<T>,
    };

    /// An enumerator over `items` at `position`, with one reference.
    pub(crate) fn create(
        handler: &Arc<T>,
        items: Arc<[ItemRecord]>,
        position: usize,
    ) -> IEnumSyncMgrSyncItems {
        com::into_interface(Self {
            header: Header::new(&Self::VTABLE),
            handler: Arc::clone(handler),
            items,
            cursor: Cursor::at(position),
            _token: Token::object(),
        })
    }
}

unsafe extern "system" fn next<T: HandlerClass>(
    this: *mut c_void,
    celt: u32,
    out: *mut *mut c_void,
    fetched: *mut u32,
) -> HRESULT {
    let body = |list: &ItemList<T>| {
        // `fetched` may be null only when one item is asked for (COM's enumerator rule).
        // SAFETY: `fetched` is the caller's `[out]` pointer, null or writable during this call.
        let fetched = unsafe { Out::new(fetched, 0) }.ok();
        if (celt > 0 && out.is_null()) || (fetched.is_none() && celt != 1) {
            return abi::E_POINTER;
        }
        let slots = if celt == 0 {
            &mut [][..]
        } else {
            // SAFETY: `out` is non-null (checked above) with room for `celt` pointers.
            unsafe { core::slice::from_raw_parts_mut(out, celt as usize) }
        };
        slots.fill(core::ptr::null_mut());
        let passed = list.cursor.next(list.items.len(), celt, |range| {
            for (slot, record) in slots.iter_mut().zip(&list.items[range]) {
                *slot = SyncItem::create(&list.handler, record.clone()).into_raw();
            }
            Ok::<(), Infallible>(())
        });
        let count = passed.map_or(0, |range| range.len());
        if let Some(fetched) = fetched {
            fetched.set(u32::try_from(count).unwrap_or(celt));
        }
        completion(count, celt)
    };
    // SAFETY: COM passes the interface pointer this module handed out.
    unsafe { com::call(this, "Next", body) }
}

unsafe extern "system" fn skip<T: HandlerClass>(this: *mut c_void, celt: u32) -> HRESULT {
    let body = |list: &ItemList<T>| completion(list.cursor.skip(list.items.len(), celt), celt);
    // SAFETY: COM passes the interface pointer this module handed out.
    unsafe { com::call(this, "Skip", body) }
}

unsafe extern "system" fn reset<T: HandlerClass>(this: *mut c_void) -> HRESULT {
    let body = |list: &ItemList<T>| {
        list.cursor.reset();
        abi::S_OK
    };
    // SAFETY: COM passes the interface pointer this module handed out.
    unsafe { com::call(this, "Reset", body) }
}

unsafe extern "system" fn clone<T: HandlerClass>(
    this: *mut c_void,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |list: &ItemList<T>| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
        let position = list.cursor.position();
        out.set(ItemList::create(&list.handler, Arc::clone(&list.items), position).into_raw());
        Ok(abi::S_OK)
    };
    // SAFETY: COM passes the interface pointer this module handed out.
    unsafe { com::call(this, "Clone", body) }
}
