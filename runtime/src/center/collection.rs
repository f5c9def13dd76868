//! The DLL's handler collection: the `ISyncMgrHandlerCollection` by which Sync Center finds the
//! handlers of a library (`docs/sync-center.md#isyncmgrhandlercollection`), and the
//! `IEnumString` of their ids.
//!
//! One collection per DLL lists every class of `dll_exports!`; each handler's id is its CLSID
//! (braced), and `BindToHandler` creates the handler as its class factory would. The
//! collection's own CLSID is derived from the first handler's ([`collection_clsid`]), so it is
//! stable for a DLL without another declaration.

use super::ids;
use crate::abi::{
    self, IEnumString, IEnumString_Vtbl, ISyncMgrHandlerCollection, ISyncMgrHandlerCollection_Vtbl,
};
use crate::com::{self, ComObject, Header, Out};
use crate::cursor::{Cursor, completion};
use crate::entry::ClassEntry;
use crate::module::Token;
use core::ffi::c_void;
use std::sync::Arc;
use windows_core::{GUID, HRESULT, IUnknown, Interface, PCWSTR, PWSTR};

/// The CLSID of the handler collection of a DLL serving `classes` (none for an empty list):
/// [`collection_clsid_of`] its first class.
#[must_use]
pub fn collection_clsid(classes: &[ClassEntry]) -> Option<GUID> {
    classes
        .first()
        .map(|first| collection_clsid_of(first.clsid))
}

/// The CLSID of the handler collection of a DLL whose first handler class is `first`: a
/// version 5 GUID of the name `syncmgr handler collection` under that CLSID, as
/// [`item_id`](crate::item_id) makes them.
#[must_use]
pub fn collection_clsid_of(first: GUID) -> GUID {
    crate::item_id(first, "syncmgr handler collection")
}

/// Where Sync Center finds handler collections: one subkey per collection CLSID under this
/// path of `HKEY_LOCAL_MACHINE` (`docs/sync-center.md#registration`).
pub const HANDLER_COLLECTIONS_KEY: &str =
    "Software\\Microsoft\\Windows\\CurrentVersion\\SyncMgr\\HandlerCollections";

/// The collection object.
#[repr(C)]
pub(crate) struct HandlerCollection {
    header: Header<ISyncMgrHandlerCollection_Vtbl>,
    classes: &'static [ClassEntry],
    _token: Token,
}

// SAFETY: `HandlerCollection` is `#[repr(C)]` with its `Header` first, whose vtable's `base__`
// is `com::iunknown::<Self>()`; it serves IUnknown and ISyncMgrHandlerCollection; `create`
// makes it.
unsafe impl ComObject for HandlerCollection {
    type Vtable = ISyncMgrHandlerCollection_Vtbl;
    const INTERFACE: &'static str = "ISyncMgrHandlerCollection";
    const IIDS: &'static [GUID] = &[IUnknown::IID, ISyncMgrHandlerCollection::IID];

    fn header(&self) -> &Header<Self::Vtable> {
        &self.header
    }
}

impl HandlerCollection {
    const VTABLE: ISyncMgrHandlerCollection_Vtbl = ISyncMgrHandlerCollection_Vtbl {
        base__: com::iunknown::<Self>(),
        GetHandlerEnumerator: get_handler_enumerator,
        BindToHandler: bind_to_handler,
    };

    /// The collection of `classes`, with one reference.
    pub(crate) fn create(classes: &'static [ClassEntry]) -> ISyncMgrHandlerCollection {
        com::into_interface(Self {
            header: Header::new(&Self::VTABLE),
            classes,
            _token: Token::object(),
        })
    }
}

unsafe extern "system" fn get_handler_enumerator(
    this: *mut c_void,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |collection: &HandlerCollection| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
        let ids: Arc<[String]> = collection
            .classes
            .iter()
            .map(|class| ids::text(&class.clsid))
            .collect();
        out.set(Strings::create(ids, 0).into_raw());
        Ok(abi::S_OK)
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { com::call(this, "GetHandlerEnumerator", body) }
}

/// `BindToHandler`: a new handler object for the id, asked for `iid` (Sync Center asks for
/// `ISyncMgrHandler`, then for `ISyncMgrSynchronize` if that fails; both are served). An id that
/// is no GUID (or over-long) is `E_INVALIDARG`; one of no class here is
/// `CLASS_E_CLASSNOTAVAILABLE`, as in the SDK sample.
unsafe extern "system" fn bind_to_handler(
    this: *mut c_void,
    id: PCWSTR,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |collection: &HandlerCollection| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
        // SAFETY: a non-null `iid` points at a GUID for the duration of the call.
        let iid = unsafe { iid.as_ref() }.ok_or(abi::E_INVALIDARG)?;
        // SAFETY: `id` is the caller's `[in, string]` id, alive for the call.
        let clsid = unsafe { ids::read(id) }?;
        let class = collection
            .classes
            .iter()
            .find(|class| class.clsid == clsid)
            .ok_or(abi::CLASS_E_CLASSNOTAVAILABLE)?;
        let handler = (class.create)();
        // SAFETY: `handler` is live; `iid` and `out` are valid for the call.
        Ok(unsafe { handler.query(iid, out.as_ptr()) })
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { com::call(this, "BindToHandler", body) }
}

/// `IEnumString` over a list of strings, each handed out as a task allocation.
#[repr(C)]
struct Strings {
    header: Header<IEnumString_Vtbl>,
    texts: Arc<[String]>,
    cursor: Cursor,
    _token: Token,
}

// SAFETY: `Strings` is `#[repr(C)]` with its `Header` first, whose vtable's `base__` is
// `com::iunknown::<Self>()`; it serves IUnknown and IEnumString; `create` makes it.
unsafe impl ComObject for Strings {
    type Vtable = IEnumString_Vtbl;
    const INTERFACE: &'static str = "IEnumString";
    const IIDS: &'static [GUID] = &[IUnknown::IID, IEnumString::IID];

    fn header(&self) -> &Header<Self::Vtable> {
        &self.header
    }
}

impl Strings {
    const VTABLE: IEnumString_Vtbl = IEnumString_Vtbl {
        base__: com::iunknown::<Self>(),
        Next: strings_next,
        Skip: strings_skip,
        Reset: strings_reset,
        Clone: strings_clone,
    };

    fn create(strings: Arc<[String]>, position: usize) -> IEnumString {
        com::into_interface(Self {
            header: Header::new(&Self::VTABLE),
            texts: strings,
            cursor: Cursor::at(position),
            _token: Token::object(),
        })
    }
}

unsafe extern "system" fn strings_next(
    this: *mut c_void,
    celt: u32,
    out: *mut PWSTR,
    fetched: *mut u32,
) -> HRESULT {
    let body = |list: &Strings| {
        // SAFETY: `fetched` is the caller's `[out]` pointer, null or writable during this call.
        let fetched = unsafe { Out::new(fetched, 0) }.ok();
        if (celt > 0 && out.is_null()) || (fetched.is_none() && celt != 1) {
            return Err(abi::E_POINTER);
        }
        let slots = if celt == 0 {
            &mut [][..]
        } else {
            // SAFETY: `out` is non-null (checked above) with room for `celt` pointers.
            unsafe { core::slice::from_raw_parts_mut(out, celt as usize) }
        };
        slots.fill(PWSTR::null());
        // Every string is made before any is handed out: on failure the slots are emptied
        // again and the cursor stays.
        let count = list
            .cursor
            .next(list.texts.len(), celt, |range| {
                for (slot, text) in slots.iter_mut().zip(&list.texts[range]) {
                    match super::task_string(text, usize::MAX) {
                        Ok(text) => *slot = text,
                        Err(hr) => {
                            for made in slots.iter_mut().take_while(|made| !made.is_null()) {
                                // SAFETY: made by `task_string` above and not handed out.
                                unsafe { crate::memory::co_task_mem_free(made.0.cast()) };
                                *made = PWSTR::null();
                            }
                            return Err(hr);
                        }
                    }
                }
                Ok(())
            })?
            .len();
        if let Some(fetched) = fetched {
            fetched.set(u32::try_from(count).unwrap_or(celt));
        }
        Ok(completion(count, celt))
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { com::call(this, "Next", body) }
}

unsafe extern "system" fn strings_skip(this: *mut c_void, celt: u32) -> HRESULT {
    let body = |list: &Strings| completion(list.cursor.skip(list.texts.len(), celt), celt);
    // SAFETY: COM passes this object's interface pointer.
    unsafe { com::call(this, "Skip", body) }
}

unsafe extern "system" fn strings_reset(this: *mut c_void) -> HRESULT {
    let body = |list: &Strings| {
        list.cursor.reset();
        abi::S_OK
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { com::call(this, "Reset", body) }
}

unsafe extern "system" fn strings_clone(this: *mut c_void, out: *mut *mut c_void) -> HRESULT {
    let body = |list: &Strings| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
        let position = list.cursor.position();
        out.set(Strings::create(Arc::clone(&list.texts), position).into_raw());
        Ok(abi::S_OK)
    };
    // SAFETY: COM passes this object's interface pointer.
    unsafe { com::call(this, "Clone", body) }
}
