//! The in-process COM server: class factories, the four DLL exports, and registration.
//!
//! A handler DLL names its handler types once with [`dll_exports!`](crate::dll_exports), which
//! defines `DllGetClassObject`, `DllCanUnloadNow`, `DllRegisterServer` and `DllUnregisterServer`
//! (and `SyncMgrHandlerClass`, which names the handler classes to tools)
//! on top of the functions here.

use crate::abi::{self, IClassFactory, IClassFactory_Vtbl, ISyncMgrSynchronize};
use crate::center::collection::HandlerCollection;
use crate::com::{self, ComObject, Header, Out};
pub use crate::entry::{ClassEntry, has_duplicate_clsids};
use crate::guard::{catch, trace};
use crate::module::{self, Token};
use core::ffi::c_void;
use windows_core::{BOOL, GUID, HRESULT, IUnknown, Interface};

/// What a class factory makes.
#[derive(Clone, Copy)]
enum Product {
    /// A handler object.
    Handler(fn() -> ISyncMgrSynchronize),
    /// The DLL's handler collection over these classes.
    Collection(&'static [ClassEntry]),
}

impl Product {
    fn make(self) -> IUnknown {
        match self {
            Self::Handler(create) => create().into(),
            Self::Collection(classes) => HandlerCollection::create(classes).into(),
        }
    }
}

/// The class factory object for one entry.
#[repr(C)]
struct ClassFactory {
    header: Header<IClassFactory_Vtbl>,
    product: Product,
    _token: Token,
}

/// A class factory for `entry`.
#[must_use]
pub fn class_factory(entry: &ClassEntry) -> IClassFactory {
    factory(Product::Handler(entry.create))
}

fn factory(product: Product) -> IClassFactory {
    com::into_interface(ClassFactory {
        header: Header::new(&ClassFactory::VTABLE),
        product,
        _token: Token::object(),
    })
}

pub use crate::center::collection::{
    HANDLER_COLLECTIONS_KEY, collection_clsid, collection_clsid_of,
};

// SAFETY: `ClassFactory` is `#[repr(C)]` with its `Header` first, whose vtable's `base__` is
// `com::iunknown::<Self>()`; it serves IUnknown and IClassFactory; `class_factory` makes it.
unsafe impl ComObject for ClassFactory {
    type Vtable = IClassFactory_Vtbl;
    const INTERFACE: &'static str = "IClassFactory";
    const IIDS: &'static [GUID] = &[IUnknown::IID, IClassFactory::IID];

    fn header(&self) -> &Header<Self::Vtable> {
        &self.header
    }
}

impl ClassFactory {
    const VTABLE: IClassFactory_Vtbl = IClassFactory_Vtbl {
        base__: com::iunknown::<Self>(),
        CreateInstance: Self::create_instance,
        LockServer: Self::lock_server,
    };

    unsafe extern "system" fn create_instance(
        this: *mut c_void,
        outer: *mut c_void,
        iid: *const GUID,
        out: *mut *mut c_void,
    ) -> HRESULT {
        let body = |object: &Self| {
            // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
            let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
            if !outer.is_null() {
                return Err(abi::CLASS_E_NOAGGREGATION);
            }
            if iid.is_null() {
                return Err(abi::E_INVALIDARG);
            }
            let instance = object.product.make();
            // The new object answers for `iid` (AddRef'd into `out`) or `E_NOINTERFACE`;
            // dropping `instance` releases the creation reference either way.
            // SAFETY: `iid` is non-null and readable for the call, `out` writable.
            Ok(unsafe { instance.query(iid, out.as_ptr()) })
        };
        // SAFETY: COM passes this object's interface pointer.
        unsafe { com::call(this, "CreateInstance", body) }
    }

    unsafe extern "system" fn lock_server(this: *mut c_void, lock: BOOL) -> HRESULT {
        let body = |_: &Self| {
            if module::lock_server(lock.as_bool()) {
                abi::S_OK
            } else {
                abi::E_UNEXPECTED
            }
        };
        // SAFETY: COM passes this object's interface pointer.
        unsafe { com::call(this, "LockServer", body) }
    }
}

/// `DllGetClassObject` over `classes`: their class factories, and that of their handler
/// collection ([`collection_clsid`]).
///
/// # Safety
/// Each pointer is null or valid for the access its name implies (COM's contract).
pub unsafe fn get_class_object(
    classes: &'static [ClassEntry],
    clsid: *const GUID,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    let hr = catch(|| {
        // SAFETY: `out` is null or writable, per the contract.
        let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
        // SAFETY: `clsid` is null or readable, per the contract.
        let (Some(clsid), false) = (unsafe { clsid.as_ref() }, iid.is_null()) else {
            return Err(abi::E_INVALIDARG);
        };
        let product = if collection_clsid(classes) == Some(*clsid) {
            Product::Collection(classes)
        } else {
            let entry = classes.iter().find(|entry| entry.clsid == *clsid);
            Product::Handler(entry.ok_or(abi::CLASS_E_CLASSNOTAVAILABLE)?.create)
        };
        // SAFETY: `iid` is non-null and readable, `out` writable.
        Ok(unsafe { factory(product).query(iid, out.as_ptr()) })
    })
    .map_or(abi::E_UNEXPECTED, com::Answer::hresult);
    trace("DLL", "DllGetClassObject", hr);
    hr
}

/// `SyncMgrHandlerClass(index, clsid)`, the export by which a library built with this crate
/// names its handler classes to tools (the test kit and `syncmgr-host`): writes the CLSID of the
/// `index`-th class (from 0) and answers `S_OK`, or answers `S_FALSE` past the last one
/// (`E_POINTER` for a null `clsid`). COM has no such call; the class names come from each
/// handler's `GetHandlerInfo`.
///
/// # Safety
/// `clsid` is null or writable.
pub unsafe fn handler_class(classes: &[ClassEntry], index: u32, clsid: *mut GUID) -> HRESULT {
    if clsid.is_null() {
        return abi::E_POINTER;
    }
    match classes.get(index as usize) {
        Some(entry) => {
            // SAFETY: non-null and writable per the contract.
            unsafe { clsid.write(entry.clsid) };
            abi::S_OK
        }
        None => abi::S_FALSE,
    }
}

/// `DllCanUnloadNow`: `S_OK` when no object of this module is alive, no worker thread runs and
/// no lock is held.
pub fn can_unload_now() -> HRESULT {
    let hr = if module::live_objects() == 0
        && module::running_workers() == 0
        && module::server_locks() == 0
    {
        abi::S_OK
    } else {
        abi::S_FALSE
    };
    trace("DLL", "DllCanUnloadNow", hr);
    hr
}

/// `DllRegisterServer`: the COM registration of every class, then the Sync Manager's.
///
/// Returns `S_OK` when both succeeded, and `S_FALSE` when the COM registration succeeded but no
/// Sync Manager is installed to register with (as under Wine): the handler can still be created
/// by CLSID. Off Windows there is no registry: `E_NOTIMPL`.
pub fn register_server(classes: &[ClassEntry]) -> HRESULT {
    let hr = catch(|| registry::register(classes)).unwrap_or(abi::E_UNEXPECTED);
    trace("DLL", "DllRegisterServer", hr);
    hr
}

/// `DllUnregisterServer`: removes exactly what [`register_server`] wrote.
pub fn unregister_server(classes: &[ClassEntry]) -> HRESULT {
    let hr = catch(|| registry::unregister(classes)).unwrap_or(abi::E_UNEXPECTED);
    trace("DLL", "DllUnregisterServer", hr);
    hr
}

/// Windows: the module (DLL or EXE) whose image contains `address`, without taking a reference
/// to it (the caller's code or object in it keeps it loaded).
#[cfg(windows)]
pub fn module_handle(address: *const c_void) -> Result<abi::HMODULE, HRESULT> {
    let mut module = abi::HMODULE::default();
    // SAFETY: with FROM_ADDRESS the "name" is an address, only compared with the loaded images;
    // UNCHANGED_REFCOUNT means there is no reference to release.
    let found = unsafe {
        abi::GetModuleHandleExW(
            abi::GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS
                | abi::GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
            windows_core::PCWSTR(address.cast()),
            &raw mut module,
        )
    };
    if found.as_bool() {
        Ok(module)
    } else {
        Err(HRESULT::from_thread())
    }
}

/// The icon resource `id` of the library this code is linked into (`icon = …` of
/// `#[sync_handler]`): loaded on Windows, where the Sync Manager shows it; a null handle
/// elsewhere, for `None`, or when the library has no such resource. Icons loaded by id are
/// shared by the system and never destroyed.
#[must_use]
pub fn icon(id: Option<u16>) -> abi::HICON {
    #[cfg(windows)]
    if let Some(id) = id
        && let Ok(module) = module_handle((icon as fn(Option<u16>) -> abi::HICON) as *const c_void)
    {
        // SAFETY: `module` is this loaded library; an integer resource id in the low word of
        // the name pointer is `MAKEINTRESOURCEW(id)`, which LoadIconW accepts.
        return unsafe {
            abi::LoadIconW(
                Some(abi::HINSTANCE(module.0)),
                windows_core::PCWSTR(usize::from(id) as *const u16),
            )
        };
    }
    let _ = id;
    abi::HICON::default()
}

/// Windows: the file `module` was loaded from.
#[cfg(windows)]
pub fn module_file(module: abi::HMODULE) -> Result<String, HRESULT> {
    let mut buffer = vec![0u16; 32 * 1024];
    let capacity = u32::try_from(buffer.len()).unwrap_or(u32::MAX);
    // SAFETY: `buffer` has room for `capacity` units.
    let len = unsafe {
        abi::GetModuleFileNameW(
            Some(module),
            windows_core::PWSTR(buffer.as_mut_ptr()),
            capacity,
        )
    } as usize;
    if len == 0 || len >= buffer.len() {
        return Err(abi::E_FAIL);
    }
    Ok(String::from_utf16_lossy(&buffer[..len]))
}

#[cfg(not(windows))]
mod registry {
    use super::ClassEntry;
    use crate::abi;
    use windows_core::HRESULT;

    pub(super) fn register(_classes: &[ClassEntry]) -> HRESULT {
        abi::E_NOTIMPL
    }

    pub(super) fn unregister(_classes: &[ClassEntry]) -> HRESULT {
        abi::E_NOTIMPL
    }
}

#[cfg(windows)]
mod registry {
    use super::ClassEntry;
    use crate::abi::wide;
    use crate::abi::{self, HKEY, ISyncMgrRegister};
    use windows_core::{GUID, HRESULT, PCWSTR};

    /// `CLSID\{...}` under `HKEY_CLASSES_ROOT`.
    fn clsid_key(clsid: &GUID) -> String {
        format!("CLSID\\{{{clsid:?}}}")
    }

    fn win32(code: abi::WIN32_ERROR) -> Result<(), HRESULT> {
        if code == abi::ERROR_SUCCESS {
            Ok(())
        } else {
            Err(crate::error::hresult_from_win32(code))
        }
    }

    use super::HANDLER_COLLECTIONS_KEY as HANDLER_COLLECTIONS;

    /// Creates (or opens) `path` under HKCR and sets `values` (`None` = the default value).
    fn write_key(path: &str, values: &[(Option<&str>, &str)]) -> Result<(), HRESULT> {
        write_key_in(abi::HKEY_CLASSES_ROOT, path, values)
    }

    /// Creates (or opens) `path` under `root` and sets `values`.
    fn write_key_in(
        root: HKEY,
        path: &str,
        values: &[(Option<&str>, &str)],
    ) -> Result<(), HRESULT> {
        let path = wide(path);
        let mut key = HKEY::default();
        // SAFETY: `path` is NUL-terminated and `key` is a valid out-pointer.
        win32(unsafe {
            abi::RegCreateKeyExW(
                root,
                PCWSTR(path.as_ptr()),
                None,
                PCWSTR::null(),
                abi::REG_OPTION_NON_VOLATILE,
                abi::KEY_WRITE,
                None,
                &raw mut key,
                None,
            )
        })?;
        let result = values.iter().try_for_each(|(name, data)| {
            let name = name.map(wide);
            let data: Vec<u8> = wide(data)
                .iter()
                .flat_map(|unit| unit.to_le_bytes())
                .collect();
            let name = name
                .as_ref()
                .map_or(PCWSTR::null(), |name| PCWSTR(name.as_ptr()));
            // SAFETY: `key` is open; `name` is null or NUL-terminated; `data` is a REG_SZ.
            win32(unsafe { abi::RegSetValueExW(key, name, None, abi::REG_SZ, Some(&data)) })
        });
        // SAFETY: `key` was opened above and is closed once.
        unsafe { abi::RegCloseKey(key) };
        result
    }

    fn delete_tree(path: &str) -> Result<(), HRESULT> {
        delete_tree_in(abi::HKEY_CLASSES_ROOT, path)
    }

    fn delete_tree_in(root: HKEY, path: &str) -> Result<(), HRESULT> {
        let path = wide(path);
        // SAFETY: `path` is NUL-terminated.
        match unsafe { abi::RegDeleteTreeW(root, PCWSTR(path.as_ptr())) } {
            abi::ERROR_FILE_NOT_FOUND => Ok(()),
            code => win32(code),
        }
    }

    /// The path of the module (DLL) this code is linked into.
    fn module_path() -> Result<String, HRESULT> {
        let module = super::module_handle((module_path as *const ()).cast())?;
        super::module_file(module)
    }

    /// The Sync Manager's registration interface, if a Sync Manager is installed.
    fn sync_manager() -> Option<ISyncMgrRegister> {
        // SAFETY: plain activation by CLSID; COM is initialized by the caller (regsvr32).
        unsafe { abi::CoCreateInstance(&abi::SyncMgr, None, abi::CLSCTX_INPROC_SERVER).ok() }
    }

    /// The COM registration of one class: its name and the DLL, apartment-threaded.
    fn register_class(clsid: &GUID, name: &str, path: &str) -> Result<(), HRESULT> {
        let key = clsid_key(clsid);
        write_key(&key, &[(None, name)])?;
        write_key(
            &format!("{key}\\InprocServer32"),
            &[(None, path), (Some("ThreadingModel"), "Apartment")],
        )
    }

    /// The handler collection, as the Windows 7 SDK sample registers one: its class, and its
    /// key under `HandlerCollections` (`docs/sync-center.md#registration`).
    fn register_collection(classes: &[ClassEntry], path: &str) -> Result<(), HRESULT> {
        let Some(collection) = super::collection_clsid(classes) else {
            return Ok(());
        };
        let names: Vec<&str> = classes.iter().map(|class| class.name).collect();
        let description = names.join(", ");
        register_class(&collection, &description, path)?;
        let key = format!("{HANDLER_COLLECTIONS}\\{{{collection:?}}}");
        write_key_in(abi::HKEY_LOCAL_MACHINE, &key, &[(None, &description)])?;
        // The sample's `DefaultIcon`: the module and a negative resource id.
        match classes.iter().find_map(|class| class.icon) {
            Some(icon) => write_key_in(
                abi::HKEY_LOCAL_MACHINE,
                &format!("{key}\\DefaultIcon"),
                &[(None, &format!("{path},-{icon}"))],
            ),
            None => Ok(()),
        }
    }

    pub(super) fn register(classes: &[ClassEntry]) -> HRESULT {
        let path = match module_path() {
            Ok(path) => path,
            Err(hr) => return hr,
        };
        let written = classes
            .iter()
            .try_for_each(|class| register_class(&class.clsid, class.name, &path))
            .and_then(|()| register_collection(classes, &path));
        if let Err(hr) = written {
            return hr;
        }
        let Some(sync_manager) = sync_manager() else {
            return abi::S_FALSE;
        };
        for class in classes {
            let name = wide(class.name);
            // SAFETY: `sync_manager` is live; the CLSID and NUL-terminated name outlive the call.
            let hr = unsafe {
                (windows_core::Interface::vtable(&sync_manager).RegisterSyncMgrHandler)(
                    windows_core::Interface::as_raw(&sync_manager),
                    &raw const class.clsid,
                    PCWSTR(name.as_ptr()),
                    0,
                )
            };
            if hr.is_err() {
                return hr;
            }
        }
        abi::S_OK
    }

    pub(super) fn unregister(classes: &[ClassEntry]) -> HRESULT {
        if let Some(sync_manager) = sync_manager() {
            for class in classes {
                // SAFETY: `sync_manager` is live and the CLSID outlives the call. A handler the
                // Sync Manager does not know is not an error here.
                let _ = unsafe {
                    (windows_core::Interface::vtable(&sync_manager).UnregisterSyncMgrHandler)(
                        windows_core::Interface::as_raw(&sync_manager),
                        &raw const class.clsid,
                        0,
                    )
                };
            }
        }
        for class in classes {
            if let Err(hr) = delete_tree(&clsid_key(&class.clsid)) {
                return hr;
            }
        }
        if let Some(collection) = super::collection_clsid(classes) {
            let removed = delete_tree_in(
                abi::HKEY_LOCAL_MACHINE,
                &format!("{HANDLER_COLLECTIONS}\\{{{collection:?}}}"),
            )
            .and_then(|()| delete_tree(&clsid_key(&collection)));
            if let Err(hr) = removed {
                return hr;
            }
        }
        abi::S_OK
    }
}

/// Defines the four exports of a handler DLL for the listed handler types (each `Default`):
/// `DllGetClassObject`, `DllCanUnloadNow`, `DllRegisterServer` and `DllUnregisterServer`; and
/// `SyncMgrHandlerClass`, by which `syncmgr-host` and `syncmgr-test` list the classes.
///
/// ```ignore
/// syncmgr::dll_exports!(Notes, Mail);
/// ```
///
/// Two handlers with the same CLSID fail to compile.
#[macro_export]
macro_rules! dll_exports {
    ($($handler:ty),+ $(,)?) => {
        #[doc(hidden)]
        const __SYNCMGR_CLASSES: &[$crate::server::ClassEntry] =
            &[$($crate::server::ClassEntry::of::<$handler>()),+];

        const _: () = ::core::assert!(
            !$crate::server::has_duplicate_clsids(__SYNCMGR_CLASSES),
            "two handlers in `syncmgr::dll_exports!` share a CLSID"
        );

        /// Returns the class factory of a handler this DLL serves.
        ///
        /// # Safety
        /// COM's contract for `DllGetClassObject`.
        #[unsafe(no_mangle)]
        pub unsafe extern "system" fn DllGetClassObject(
            clsid: *const $crate::GUID,
            iid: *const $crate::GUID,
            out: *mut *mut ::core::ffi::c_void,
        ) -> $crate::HRESULT {
            // SAFETY: forwarded COM contract.
            unsafe { $crate::server::get_class_object(__SYNCMGR_CLASSES, clsid, iid, out) }
        }

        /// Names the handler classes this library serves, one per call: the `index`-th CLSID
        /// and `S_OK`, or `S_FALSE` past the last (see `syncmgr::server::handler_class`).
        ///
        /// # Safety
        /// `clsid` is null or writable.
        #[unsafe(no_mangle)]
        pub unsafe extern "system" fn SyncMgrHandlerClass(
            index: u32,
            clsid: *mut $crate::GUID,
        ) -> $crate::HRESULT {
            // SAFETY: forwarded contract.
            unsafe { $crate::server::handler_class(__SYNCMGR_CLASSES, index, clsid) }
        }

        /// Whether the DLL may be unloaded: no object alive, no server lock.
        #[unsafe(no_mangle)]
        pub extern "system" fn DllCanUnloadNow() -> $crate::HRESULT {
            $crate::server::can_unload_now()
        }

        /// Registers the DLL's handlers with COM and the Sync Manager.
        #[unsafe(no_mangle)]
        pub extern "system" fn DllRegisterServer() -> $crate::HRESULT {
            $crate::server::register_server(__SYNCMGR_CLASSES)
        }

        /// Removes what `DllRegisterServer` wrote.
        #[unsafe(no_mangle)]
        pub extern "system" fn DllUnregisterServer() -> $crate::HRESULT {
            $crate::server::unregister_server(__SYNCMGR_CLASSES)
        }
    };
}

#[cfg(test)]
mod tests {
    use super::can_unload_now;
    use crate::module::{Token, running_workers};

    #[test]
    fn a_running_worker_keeps_the_module_loaded() {
        // No test of this crate creates objects or takes locks, so only the worker counts.
        assert_eq!(can_unload_now(), crate::abi::S_OK);
        let worker = Token::worker();
        assert_eq!(running_workers(), 1);
        assert_eq!(can_unload_now(), crate::abi::S_FALSE);
        drop(worker);
        assert_eq!(running_workers(), 0);
        assert_eq!(can_unload_now(), crate::abi::S_OK);
    }
}
