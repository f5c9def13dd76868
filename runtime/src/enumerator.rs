//! `ISyncMgrEnumItems`: a snapshot of the handler's items with a cursor.

use crate::abi::{self, ISyncMgrEnumItems, ISyncMgrEnumItems_Vtbl, SYNCMGRITEM};
use crate::catalog::ItemRecord;
use crate::guard::{catch, lock, trace};
use crate::module::ObjectToken;
use core::ffi::c_void;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use windows_core::{GUID, HRESULT, IUnknown, IUnknown_Vtbl, Interface};

/// The enumerator object. `vtable` comes first: the object's address is its interface pointer.
#[repr(C)]
pub(crate) struct ItemEnumerator {
    vtable: &'static ISyncMgrEnumItems_Vtbl,
    refs: AtomicU32,
    items: Arc<[ItemRecord]>,
    position: Mutex<usize>,
    _token: ObjectToken,
}

impl ItemEnumerator {
    const VTABLE: ISyncMgrEnumItems_Vtbl = ISyncMgrEnumItems_Vtbl {
        base__: IUnknown_Vtbl {
            QueryInterface: query_interface,
            AddRef: add_ref,
            Release: release,
        },
        Next: next,
        Skip: skip,
        Reset: reset,
        Clone: clone,
    };

    /// A new enumerator over `items`, positioned at `position`, with one reference.
    pub(crate) fn create(items: Arc<[ItemRecord]>, position: usize) -> ISyncMgrEnumItems {
        let object = Box::new(Self {
            vtable: &Self::VTABLE,
            refs: AtomicU32::new(1),
            items,
            position: Mutex::new(position),
            _token: ObjectToken::new(),
        });
        // SAFETY: the box starts with a vtable pointer of the ISyncMgrEnumItems layout and owns
        // the one reference the returned interface will release.
        unsafe { ISyncMgrEnumItems::from_raw(Box::into_raw(object).cast()) }
    }

    /// The enumerator behind `this`, or `None` for a null pointer.
    ///
    /// # Safety
    /// `this` is null or an interface pointer this module handed out, still referenced.
    unsafe fn from_this<'a>(this: *mut c_void) -> Option<&'a Self> {
        // SAFETY: per the contract, a non-null `this` points at a live `ItemEnumerator`.
        unsafe { this.cast::<Self>().as_ref() }
    }

    /// Runs `f` with the enumerator behind `this`, containing panics and tracing the HRESULT.
    unsafe fn call(
        this: *mut c_void,
        method: &'static str,
        f: impl FnOnce(&Self) -> HRESULT,
    ) -> HRESULT {
        // SAFETY: forwarded from the thunk's caller (COM calls pass the interface pointer).
        let hr = match unsafe { Self::from_this(this) } {
            None => abi::E_POINTER,
            Some(object) => catch(|| f(object)).unwrap_or(abi::E_UNEXPECTED),
        };
        trace("ISyncMgrEnumItems", method, hr);
        hr
    }
}

unsafe extern "system" fn query_interface(
    this: *mut c_void,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    // SAFETY: COM passes the interface pointer this module handed out.
    unsafe {
        ItemEnumerator::call(this, "QueryInterface", |object| {
            crate::object::query(
                this,
                iid,
                out,
                &[IUnknown::IID, ISyncMgrEnumItems::IID],
                || {
                    object.refs.fetch_add(1, Ordering::Relaxed);
                },
            )
        })
    }
}

unsafe extern "system" fn add_ref(this: *mut c_void) -> u32 {
    // SAFETY: COM passes a live interface pointer of this module.
    match unsafe { ItemEnumerator::from_this(this) } {
        Some(object) => object.refs.fetch_add(1, Ordering::Relaxed) + 1,
        None => 0,
    }
}

unsafe extern "system" fn release(this: *mut c_void) -> u32 {
    // SAFETY: COM passes a live interface pointer of this module.
    let Some(object) = (unsafe { ItemEnumerator::from_this(this) }) else {
        return 0;
    };
    let remaining = object.refs.fetch_sub(1, Ordering::Release) - 1;
    if remaining == 0 {
        std::sync::atomic::fence(Ordering::Acquire);
        // SAFETY: this was the last reference, so nobody else can reach the box any more; it was
        // created by `Box::into_raw` in `create`.
        drop(unsafe { Box::from_raw(this.cast::<ItemEnumerator>()) });
    }
    remaining
}

unsafe extern "system" fn next(
    this: *mut c_void,
    celt: u32,
    rgelt: *mut SYNCMGRITEM,
    fetched: *mut u32,
) -> HRESULT {
    // SAFETY: COM passes the interface pointer this module handed out.
    unsafe {
        ItemEnumerator::call(this, "Next", |object| {
            if !fetched.is_null() {
                fetched.write(0);
            }
            if (celt > 0 && rgelt.is_null()) || (fetched.is_null() && celt != 1) {
                return abi::E_POINTER;
            }
            let mut position = lock(&object.position);
            let start = (*position).min(object.items.len());
            let count = (celt as usize).min(object.items.len() - start);
            // SAFETY: the caller provides room for `celt` items at `rgelt` (checked non-null
            // above), and `count <= celt`.
            let out = core::slice::from_raw_parts_mut(rgelt, count);
            for (slot, item) in out.iter_mut().zip(&object.items[start..start + count]) {
                item.write_to(slot);
            }
            *position = start + count;
            if !fetched.is_null() {
                // `count <= celt`, a u32.
                fetched.write(u32::try_from(count).unwrap_or(celt));
            }
            if count == celt as usize {
                abi::S_OK
            } else {
                abi::S_FALSE
            }
        })
    }
}

unsafe extern "system" fn skip(this: *mut c_void, celt: u32) -> HRESULT {
    // SAFETY: COM passes the interface pointer this module handed out.
    unsafe {
        ItemEnumerator::call(this, "Skip", |object| {
            let mut position = lock(&object.position);
            let start = (*position).min(object.items.len());
            let count = (celt as usize).min(object.items.len() - start);
            *position = start + count;
            if count == celt as usize {
                abi::S_OK
            } else {
                abi::S_FALSE
            }
        })
    }
}

unsafe extern "system" fn reset(this: *mut c_void) -> HRESULT {
    // SAFETY: COM passes the interface pointer this module handed out.
    unsafe {
        ItemEnumerator::call(this, "Reset", |object| {
            *lock(&object.position) = 0;
            abi::S_OK
        })
    }
}

unsafe extern "system" fn clone(this: *mut c_void, out: *mut *mut c_void) -> HRESULT {
    // SAFETY: COM passes the interface pointer this module handed out.
    unsafe {
        ItemEnumerator::call(this, "Clone", |object| {
            if out.is_null() {
                return abi::E_POINTER;
            }
            out.write(core::ptr::null_mut());
            let position = *lock(&object.position);
            let copy = ItemEnumerator::create(Arc::clone(&object.items), position);
            out.write(copy.into_raw());
            abi::S_OK
        })
    }
}
