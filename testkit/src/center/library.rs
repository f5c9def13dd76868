//! Finding a handler as Sync Center does: through the handler collection of its library
//! (`docs/sync-center.md#isyncmgrhandlercollection`, `#registration`).
//!
//! The collection is found in the registry on Windows (every CLSID under
//! `HKLM\…\SyncMgr\HandlerCollections`, created by COM activation) and, off Windows, where no
//! registry is, under the CLSID a `syncmgr` library gives it
//! (`syncmgr::server::collection_clsid_of` its first class). The collection must list the
//! handler's id in `GetHandlerEnumerator`; `BindToHandler(id, IID_ISyncMgrHandler)` gives the
//! handler.

use super::braced;
use super::report::same_id;
use crate::load::{self, Loaded};
use crate::names::hresult_name;
use core::ffi::c_void;
use std::path::Path;
use syncmgr::abi::{self, IEnumString, ISyncMgrHandler, ISyncMgrHandlerCollection};
use syncmgr::{GUID, Interface};
use windows_core::{PCWSTR, PWSTR};

/// A handler found through its collection, and the library that serves it.
pub(crate) struct Bound {
    pub(crate) handler: ISyncMgrHandler,
    pub(crate) loaded: Loaded,
    /// How it was found: the collection, and what it listed.
    pub(crate) notes: Vec<String>,
    /// Makes another instance of the handler, through a new collection object, as Sync Center
    /// does on the thread of each sync.
    pub(crate) rebind: super::drive::Fresh,
}

/// How to make the collection again, from any thread.
#[derive(Clone, Copy)]
struct Again {
    collection: GUID,
    /// Off Windows, the library's `DllGetClassObject`; on Windows, COM activation.
    #[cfg_attr(windows, allow(dead_code))]
    class_object: Option<load::ClassObjectFn>,
}

impl Again {
    /// A new collection object, bound to handler `id`, on the `Synchronize` thread (which
    /// is in an apartment on Windows).
    fn bind(self, id: &str) -> Result<ISyncMgrHandler, String> {
        #[cfg(windows)]
        let raw = load::create_registered(self.collection, &ISyncMgrHandlerCollection::IID)?;
        #[cfg(not(windows))]
        let raw = load::create_with(
            self.class_object.ok_or("no DllGetClassObject")?,
            self.collection,
            &ISyncMgrHandlerCollection::IID,
        )?;
        // SAFETY: one ISyncMgrHandlerCollection reference handed out.
        let collection = unsafe { ISyncMgrHandlerCollection::from_raw(raw) };
        bind_to(&collection, id)
    }
}

/// Loads (and, when asked, registers) the library, finds the collection that lists handler
/// `clsid`, and binds to it.
pub(crate) fn bind(dll: Option<&Path>, clsid: GUID, register: bool) -> Result<Bound, String> {
    let loaded = load::start(dll, register)?;
    let id = braced(&clsid);
    let mut tried = Vec::new();
    for collection in candidates(&loaded, clsid)? {
        let raw = match load::create_in(&loaded, collection, &ISyncMgrHandlerCollection::IID) {
            Ok(raw) => raw,
            Err(error) => {
                tried.push(error);
                continue;
            }
        };
        // SAFETY: `create_in` handed out one ISyncMgrHandlerCollection reference.
        let collection_object = unsafe { ISyncMgrHandlerCollection::from_raw(raw) };
        let listed = handler_ids(&collection_object)?;
        if !listed.iter().any(|listed| same_id(listed, &id)) {
            tried.push(format!("{{{collection:?}}} lists {listed:?}"));
            continue;
        }
        let handler = bind_to(&collection_object, &id)?;
        let again = Again {
            collection,
            class_object: loaded
                .module
                .as_ref()
                .filter(|_| cfg!(not(windows)))
                .map(load::Module::class_object)
                .transpose()?,
        };
        let bound_id = id.clone();
        let rebind: super::drive::Fresh = Box::new(move || again.bind(&bound_id));
        let mut notes = loaded.notes.clone();
        notes.push(format!(
            "handler collection {{{collection:?}}} lists {}; BindToHandler({id}, IID_ISyncMgrHandler)",
            listed.join(", ")
        ));
        #[cfg(windows)]
        let loaded = with_module(loaded, raw_of(&handler), &mut notes);
        return Ok(Bound {
            handler,
            loaded,
            notes,
            rebind,
        });
    }
    Err(format!(
        "no handler collection lists {id}{}",
        if tried.is_empty() {
            String::new()
        } else {
            format!(" (tried: {})", tried.join("; "))
        }
    ))
}

/// The collection CLSIDs to try: the registered ones on Windows.
#[cfg(windows)]
fn candidates(_loaded: &Loaded, _clsid: GUID) -> Result<Vec<GUID>, String> {
    registered_collections()
}

/// The collection CLSIDs to try: off Windows, the one a `syncmgr` library gives its
/// collection, from the first class it names.
#[cfg(not(windows))]
fn candidates(loaded: &Loaded, _clsid: GUID) -> Result<Vec<GUID>, String> {
    let module = loaded.module.as_ref().ok_or("no library")?;
    let first = *module
        .class_ids()?
        .first()
        .ok_or_else(|| format!("{} serves no handler class", module.path().display()))?;
    Ok(vec![syncmgr::server::collection_clsid_of(first)])
}

/// Every CLSID under `HKLM\…\SyncMgr\HandlerCollections`, as Sync Center finds collections.
#[cfg(windows)]
fn registered_collections() -> Result<Vec<GUID>, String> {
    let path: Vec<u16> = syncmgr::server::HANDLER_COLLECTIONS_KEY
        .encode_utf16()
        .chain(Some(0))
        .collect();
    let mut key = abi::HKEY::default();
    // SAFETY: `path` is NUL-terminated and `key` a valid out-pointer.
    let code = unsafe {
        abi::RegOpenKeyExW(
            abi::HKEY_LOCAL_MACHINE,
            PCWSTR(path.as_ptr()),
            None,
            abi::KEY_READ,
            &raw mut key,
        )
    };
    if code != abi::ERROR_SUCCESS {
        return Err(format!(
            "HKLM\\{} cannot be opened (error {}): no handler collection is registered",
            syncmgr::server::HANDLER_COLLECTIONS_KEY,
            code
        ));
    }
    let mut found = Vec::new();
    for index in 0.. {
        let mut name = [0_u16; 64];
        let mut len = u32::try_from(name.len()).unwrap_or(0);
        // SAFETY: `key` is open; `name` has room for `len` units.
        let code = unsafe {
            abi::RegEnumKeyExW(
                key,
                index,
                Some(PWSTR(name.as_mut_ptr())),
                &raw mut len,
                None,
                None,
                None,
                None,
            )
        };
        if code != abi::ERROR_SUCCESS {
            break;
        }
        if let Ok(clsid) = crate::parse_guid(&String::from_utf16_lossy(&name[..len as usize])) {
            found.push(clsid);
        }
    }
    // SAFETY: opened above, closed once.
    unsafe { abi::RegCloseKey(key) };
    Ok(found)
}

/// The handler ids `GetHandlerEnumerator` lists (each string freed as the caller must).
fn handler_ids(collection: &ISyncMgrHandlerCollection) -> Result<Vec<String>, String> {
    let mut out: *mut c_void = core::ptr::null_mut();
    // SAFETY: a live collection and a valid out-pointer.
    let hr =
        unsafe { (collection.vtable().GetHandlerEnumerator)(collection.as_raw(), &raw mut out) };
    if hr.is_err() || out.is_null() {
        return Err(format!(
            "GetHandlerEnumerator returned {}",
            hresult_name(hr)
        ));
    }
    // SAFETY: one IEnumString reference handed out.
    let list = unsafe { IEnumString::from_raw(out) };
    let mut ids = Vec::new();
    loop {
        let mut text = PWSTR::null();
        let mut fetched = 0;
        // SAFETY: a live enumerator, room for one string and a count.
        let hr = unsafe { (list.vtable().Next)(list.as_raw(), 1, &raw mut text, &raw mut fetched) };
        if hr != abi::S_OK || fetched != 1 || text.is_null() {
            break;
        }
        // SAFETY: a string the enumerator just handed out, NUL-terminated.
        let read = unsafe { crate::callback::read_wide(text.0) };
        // SAFETY: the enumerator handed out the string for the caller to free.
        unsafe { syncmgr::memory::co_task_mem_free(text.0.cast()) };
        ids.push(read.map_err(|problem| format!("a handler id is malformed: {problem:?}"))?);
        if ids.len() > 1024 {
            return Err("GetHandlerEnumerator does not end".to_owned());
        }
    }
    Ok(ids)
}

/// `BindToHandler(id, IID_ISyncMgrHandler)`.
fn bind_to(collection: &ISyncMgrHandlerCollection, id: &str) -> Result<ISyncMgrHandler, String> {
    let wide: Vec<u16> = id.encode_utf16().chain(Some(0)).collect();
    let mut out: *mut c_void = core::ptr::null_mut();
    // SAFETY: a live collection; the id is NUL-terminated; valid IID and out-pointer.
    let hr = unsafe {
        (collection.vtable().BindToHandler)(
            collection.as_raw(),
            PCWSTR(wide.as_ptr()),
            &ISyncMgrHandler::IID,
            &raw mut out,
        )
    };
    if hr.is_err() || out.is_null() {
        return Err(format!(
            "BindToHandler({id}, IID_ISyncMgrHandler) returned {}",
            hresult_name(hr)
        ));
    }
    // SAFETY: one ISyncMgrHandler reference handed out.
    Ok(unsafe { ISyncMgrHandler::from_raw(out) })
}

#[cfg(windows)]
fn raw_of(handler: &ISyncMgrHandler) -> *mut c_void {
    handler.as_raw()
}

/// The DLL COM loaded for the handler, when the host did not open it itself.
#[cfg(windows)]
fn with_module(mut loaded: Loaded, object: *mut c_void, notes: &mut Vec<String>) -> Loaded {
    if loaded.module.is_none() {
        match load::com_module(object) {
            Ok(module) => {
                notes.push(format!(
                    "CoCreateInstance loaded {}",
                    module.path().display()
                ));
                loaded.module = Some(module);
            }
            Err(error) => notes.push(format!("{error}; DllCanUnloadNow not checked")),
        }
    }
    loaded
}
