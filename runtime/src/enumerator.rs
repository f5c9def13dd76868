//! `ISyncMgrEnumItems`: a snapshot of the handler's items with a cursor.

use crate::abi::{self, ISyncMgrEnumItems, ISyncMgrEnumItems_Vtbl, SYNCMGRITEM};
use crate::catalog::ItemRecord;
use crate::com::{self, ComObject, Header, Out};
use crate::cursor::{Cursor, completion};
use crate::module::Token;
use core::convert::Infallible;
use core::ffi::c_void;
use std::sync::Arc;
use windows_core::{GUID, HRESULT, IUnknown, Interface};

/// The enumerator object. `vtable` comes first: the object's address is its interface pointer.
#[repr(C)]
pub(crate) struct ItemEnumerator {
    header: Header<ISyncMgrEnumItems_Vtbl>,
    items: Arc<[ItemRecord]>,
    cursor: Cursor,
    _token: Token,
}

impl ItemEnumerator {
    const VTABLE: ISyncMgrEnumItems_Vtbl = ISyncMgrEnumItems_Vtbl {
        base__: com::iunknown::<Self>(),
        Next: next,
        Skip: skip,
        Reset: reset,
        Clone: clone,
    };

    /// A new enumerator over `items`, positioned at `position`, with one reference.
    pub(crate) fn create(items: Arc<[ItemRecord]>, position: usize) -> ISyncMgrEnumItems {
        com::into_interface(Self {
            header: Header::new(&Self::VTABLE),
            items,
            cursor: Cursor::at(position),
            _token: Token::object(),
        })
    }
}

// SAFETY: `ItemEnumerator` is `#[repr(C)]` with its `Header` first, whose vtable's `base__` is
// `com::iunknown::<Self>()`; it serves IUnknown and ISyncMgrEnumItems; `create` makes it.
unsafe impl ComObject for ItemEnumerator {
    type Vtable = ISyncMgrEnumItems_Vtbl;
    const INTERFACE: &'static str = "ISyncMgrEnumItems";
    const IIDS: &'static [GUID] = &[IUnknown::IID, ISyncMgrEnumItems::IID];

    fn header(&self) -> &Header<Self::Vtable> {
        &self.header
    }
}

unsafe extern "system" fn next(
    this: *mut c_void,
    celt: u32,
    rgelt: *mut SYNCMGRITEM,
    fetched: *mut u32,
) -> HRESULT {
    let body = |object: &ItemEnumerator| {
        // `fetched` may be null only when one item is asked for; it reads 0 until the end.
        // SAFETY: `fetched` is the caller's `[out]` pointer, null or writable during this call.
        let fetched = unsafe { Out::new(fetched, 0) }.ok();
        if (celt > 0 && rgelt.is_null()) || (fetched.is_none() && celt != 1) {
            return abi::E_POINTER;
        }
        let passed = object.cursor.next(object.items.len(), celt, |range| {
            // `Next(0, NULL, &fetched)` is valid and writes nothing: never make a slice from
            // its null `rgelt` (undefined behaviour even when empty).
            if !range.is_empty() {
                // SAFETY: the range is not empty, so `celt > 0` and `rgelt` was checked
                // non-null above; the caller provides room for `celt` items there, and the
                // range holds at most `celt`.
                let out = unsafe { core::slice::from_raw_parts_mut(rgelt, range.len()) };
                for (slot, item) in out.iter_mut().zip(&object.items[range]) {
                    item.write_to(slot);
                }
            }
            Ok::<(), Infallible>(())
        });
        let count = passed.map_or(0, |range| range.len());
        if let Some(fetched) = fetched {
            // `count <= celt`, a u32.
            fetched.set(u32::try_from(count).unwrap_or(celt));
        }
        completion(count, celt)
    };
    // SAFETY: COM passes the interface pointer this module handed out.
    unsafe { com::call(this, "Next", body) }
}

unsafe extern "system" fn skip(this: *mut c_void, celt: u32) -> HRESULT {
    let body =
        |object: &ItemEnumerator| completion(object.cursor.skip(object.items.len(), celt), celt);
    // SAFETY: COM passes the interface pointer this module handed out.
    unsafe { com::call(this, "Skip", body) }
}

unsafe extern "system" fn reset(this: *mut c_void) -> HRESULT {
    let body = |object: &ItemEnumerator| {
        object.cursor.reset();
        abi::S_OK
    };
    // SAFETY: COM passes the interface pointer this module handed out.
    unsafe { com::call(this, "Reset", body) }
}

unsafe extern "system" fn clone(this: *mut c_void, out: *mut *mut c_void) -> HRESULT {
    let body = |object: &ItemEnumerator| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
        let position = object.cursor.position();
        out.set(ItemEnumerator::create(Arc::clone(&object.items), position).into_raw());
        Ok(abi::S_OK)
    };
    // SAFETY: COM passes the interface pointer this module handed out.
    unsafe { com::call(this, "Clone", body) }
}
