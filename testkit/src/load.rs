//! Loading a handler: `DllGetClassObject` + `IClassFactory::CreateInstance` off Windows, real
//! COM activation (`CoCreateInstance`) on Windows and under Wine.

use crate::names::hresult_name;
use core::ffi::c_void;
use std::path::{Path, PathBuf};
use syncmgr::{GUID, HRESULT};

type DllFunction = unsafe extern "system" fn() -> HRESULT;
type DllGetClassObject =
    unsafe extern "system" fn(*const GUID, *const GUID, *mut *mut c_void) -> HRESULT;

/// The handler's DLL, loaded by the host itself.
///
/// It is never unloaded: a handler's worker thread may still be returning through the DLL's
/// code when `DllCanUnloadNow` first says `S_OK`, and the process ends right after the session.
#[derive(Debug)]
pub(crate) struct Module {
    path: PathBuf,
    library: core::mem::ManuallyDrop<libloading::Library>,
    can_unload_now: Option<DllFunction>,
}

impl Module {
    /// Loads the DLL at `path`.
    pub(crate) fn open(path: &Path) -> Result<Self, String> {
        // SAFETY: loading a handler DLL runs its initializers; trusting the DLL we were told to
        // load is the point of the host.
        let library = unsafe { libloading::Library::new(path) }
            .map_err(|error| format!("cannot load {}: {error}", path.display()))?;
        let mut module = Self {
            path: path.to_owned(),
            library: core::mem::ManuallyDrop::new(library),
            can_unload_now: None,
        };
        module.can_unload_now = module.function("DllCanUnloadNow").ok();
        Ok(module)
    }

    /// The DLL's path.
    #[must_use]
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// An export of the `HRESULT (void)` kind (`DllCanUnloadNow`, `DllRegisterServer`, …).
    pub(crate) fn function(&self, name: &str) -> Result<DllFunction, String> {
        // SAFETY: the four COM server exports that take no argument have this signature.
        unsafe { self.library.get::<DllFunction>(name.as_bytes()) }
            .map(|symbol| *symbol)
            .map_err(|error| format!("{} has no export `{name}`: {error}", self.path.display()))
    }

    /// Calls `DllCanUnloadNow`, if the DLL exports it.
    #[must_use]
    pub(crate) fn can_unload_now(&self) -> Option<HRESULT> {
        // SAFETY: the export takes no arguments and the library stays loaded.
        self.can_unload_now.map(|function| unsafe { function() })
    }

    /// Calls `DllRegisterServer` or `DllUnregisterServer`.
    #[cfg_attr(not(windows), allow(dead_code))]
    pub(crate) fn call(&self, name: &str) -> Result<HRESULT, String> {
        let function = self.function(name)?;
        // SAFETY: as for `function`; the library stays loaded.
        Ok(unsafe { function() })
    }
}

/// A created handler: one `ISyncMgrSynchronize` reference and where it came from.
#[derive(Debug)]
pub(crate) struct Loaded {
    /// The `ISyncMgrSynchronize` interface pointer; the host owns one reference.
    pub handler: *mut c_void,
    /// The DLL, when the host loaded it itself (always off Windows).
    pub module: Option<Module>,
    /// Things worth telling (registration results).
    pub notes: Vec<String>,
}

/// Creates the handler `clsid` from `dll`.
///
/// Off Windows this is what COM would do for an in-process server: load the DLL, ask
/// `DllGetClassObject` for the class factory, and `CreateInstance` for `ISyncMgrSynchronize`.
#[cfg(not(windows))]
pub(crate) fn load(dll: Option<&Path>, clsid: GUID, register: bool) -> Result<Loaded, String> {
    let mut loaded = start(dll, register)?;
    let module = loaded.module.as_ref().ok_or("no module")?;
    loaded.handler = create(
        module,
        clsid,
        &<syncmgr::abi::ISyncMgrSynchronize as syncmgr::Interface>::IID,
    )?;
    Ok(loaded)
}

/// The first half of [`load`]: the DLL opened, no object made yet (`handler` is null).
#[cfg(not(windows))]
pub(crate) fn start(dll: Option<&Path>, _register: bool) -> Result<Loaded, String> {
    let dll = dll.ok_or("a handler DLL is needed off Windows (there is no COM registry)")?;
    Ok(Loaded {
        handler: core::ptr::null_mut(),
        module: Some(Module::open(dll)?),
        notes: Vec::new(),
    })
}

/// The second half: an object of class `clsid` from the started DLL, asked for `iid`, with one
/// reference.
#[cfg(not(windows))]
pub(crate) fn create_in(loaded: &Loaded, clsid: GUID, iid: &GUID) -> Result<*mut c_void, String> {
    create(loaded.module.as_ref().ok_or("no module")?, clsid, iid)
}

/// `DllGetClassObject(clsid, IID_IClassFactory)` + `CreateInstance(NULL, iid)` on `module`:
/// one reference to the new object's `iid`.
fn create(module: &Module, clsid: GUID, iid: &GUID) -> Result<*mut c_void, String> {
    create_with(module.class_object()?, clsid, iid)
}

/// `DllGetClassObject`, as `create_with` takes it.
pub(crate) type ClassObjectFn = DllGetClassObject;

impl Module {
    /// The module's `DllGetClassObject`, which stays valid while the module is loaded (for the
    /// process: modules are never unloaded).
    pub(crate) fn class_object(&self) -> Result<DllGetClassObject, String> {
        // SAFETY: `DllGetClassObject` has this signature (COM's contract).
        unsafe { self.library.get::<DllGetClassObject>(b"DllGetClassObject") }
            .map(|symbol| *symbol)
            .map_err(|error| {
                format!(
                    "{} has no export `DllGetClassObject`: {error}",
                    self.path.display()
                )
            })
    }
}

/// [`create`] through a module's `DllGetClassObject`, callable from any thread.
pub(crate) fn create_with(
    get_class_object: DllGetClassObject,
    clsid: GUID,
    iid: &GUID,
) -> Result<*mut c_void, String> {
    use syncmgr::Interface;
    use syncmgr::abi::IClassFactory;

    let mut factory: *mut c_void = core::ptr::null_mut();
    // SAFETY: valid pointers for the call; the library stays loaded.
    let hr = unsafe { get_class_object(&raw const clsid, &IClassFactory::IID, &raw mut factory) };
    if hr.is_err() || factory.is_null() {
        return Err(format!(
            "DllGetClassObject({{{clsid:?}}}, IID_IClassFactory) returned {}",
            hresult_name(hr)
        ));
    }
    // SAFETY: S_OK handed out one IClassFactory reference, which this wrapper releases.
    let factory = unsafe { IClassFactory::from_raw(factory) };
    let mut handler: *mut c_void = core::ptr::null_mut();
    // SAFETY: a live factory and valid pointers; no aggregation.
    let hr = unsafe {
        (factory.vtable().CreateInstance)(
            factory.as_raw(),
            core::ptr::null_mut(),
            iid,
            &raw mut handler,
        )
    };
    drop(factory);
    if hr.is_err() || handler.is_null() {
        return Err(format!(
            "IClassFactory::CreateInstance(NULL, {{{iid:?}}}) for {{{clsid:?}}} returned {}",
            hresult_name(hr)
        ));
    }
    Ok(handler)
}

/// `SyncMgrHandlerClass(index, *clsid)`, a syncmgr library's list of its classes.
type HandlerClassFn = unsafe extern "system" fn(u32, *mut GUID) -> HRESULT;

/// The handler classes the library at `path` serves, each with the name its
/// `GetHandlerInfo` gives (`None` when it cannot be created or named); `Err` when the library
/// cannot be loaded or does not name its classes (it was not built with `syncmgr`).
pub(crate) fn classes(path: &Path) -> Result<Vec<(GUID, Option<String>)>, String> {
    let module = Module::open(path)?;
    let classes = module
        .class_ids()?
        .into_iter()
        .map(|clsid| {
            let name = create(
                &module,
                clsid,
                &<syncmgr::abi::ISyncMgrSynchronize as syncmgr::Interface>::IID,
            )
            .ok()
            .and_then(|handler| {
                // SAFETY: `handler` is one fresh ISyncMgrSynchronize reference, released here.
                unsafe { handler_name(handler) }
            });
            (clsid, name)
        })
        .collect();
    Ok(classes)
}

impl Module {
    /// The CLSIDs the library names through its `SyncMgrHandlerClass` export, in order, without
    /// creating any handler; `Err` when it has no such export (it was not built with `syncmgr`).
    pub(crate) fn class_ids(&self) -> Result<Vec<GUID>, String> {
        // SAFETY: `dll_exports!` defines the export with this signature.
        let list = unsafe { self.library.get::<HandlerClassFn>(b"SyncMgrHandlerClass") }
            .map(|symbol| *symbol)
            .map_err(|_| {
                format!(
                    "{} does not name its handler classes (no `SyncMgrHandlerClass` export: not built with syncmgr's dll_exports!); pass the CLSID",
                    self.path.display()
                )
            })?;
        let mut ids = Vec::new();
        for index in 0..1024 {
            let mut clsid = GUID::zeroed();
            // SAFETY: a valid out-pointer; the library stays loaded.
            if unsafe { list(index, &raw mut clsid) } != syncmgr::abi::S_OK {
                break;
            }
            ids.push(clsid);
        }
        Ok(ids)
    }
}

/// `Initialize` + `GetHandlerInfo` on a fresh handler, then its release: the handler's name.
///
/// # Safety
/// `handler` is an `ISyncMgrSynchronize` pointer with one reference, which this takes.
unsafe fn handler_name(handler: *mut c_void) -> Option<String> {
    use syncmgr::Interface;
    use syncmgr::abi::{self, ISyncMgrSynchronize, SYNCMGRHANDLERINFO};

    // SAFETY: per the contract; released when it drops.
    let handler = unsafe { ISyncMgrSynchronize::from_raw(handler) };
    let vtable = handler.vtable();
    // SAFETY: a live handler; no cookie.
    let hr = unsafe {
        (vtable.Initialize)(
            handler.as_raw(),
            0,
            abi::SYNCMGRFLAG_MANUAL as u32,
            0,
            core::ptr::null(),
        )
    };
    if hr.is_err() {
        return None;
    }
    let mut info: *mut SYNCMGRHANDLERINFO = core::ptr::null_mut();
    // SAFETY: a live handler and a valid out-pointer.
    let hr = unsafe { (vtable.GetHandlerInfo)(handler.as_raw(), &raw mut info) };
    // SAFETY: on success a task allocation the caller owns, freed right after the copy.
    let copy = unsafe { info.as_ref() }.copied().filter(|_| hr.is_ok());
    if !info.is_null() {
        // SAFETY: as above.
        unsafe { syncmgr::memory::co_task_mem_free(info.cast()) };
    }
    copy.and_then(|info| crate::check::fixed_string(&info.wszHandlerName))
}

/// Creates the handler `clsid` by COM activation on this (STA) thread, after
/// `DllRegisterServer` when `register` is set.
///
/// `dll` is optional: without it `CoCreateInstance` finds the server through
/// `HKCR\CLSID\{clsid}\InprocServer32`, as the Sync Manager does, and the host then opens the
/// DLL that COM loaded (found from the handler's vtable) to ask it `DllCanUnloadNow` later.
#[cfg(windows)]
pub(crate) fn load(dll: Option<&Path>, clsid: GUID, register: bool) -> Result<Loaded, String> {
    let mut loaded = start(dll, register)?;
    loaded.handler = create_in(
        &loaded,
        clsid,
        &<syncmgr::abi::ISyncMgrSynchronize as syncmgr::Interface>::IID,
    )?;
    if loaded.module.is_none() {
        match com_module(loaded.handler) {
            Ok(module) => {
                loaded.notes.push(format!(
                    "CoCreateInstance loaded {} (registered for the CLSID)",
                    module.path().display()
                ));
                loaded.module = Some(module);
            }
            Err(error) => loaded
                .notes
                .push(format!("{error}; DllCanUnloadNow not checked")),
        }
    }
    Ok(loaded)
}

/// The first half of [`load`]: COM initialized on this (STA) thread, the DLL opened when given
/// and registered when asked; no object made yet (`handler` is null).
#[cfg(windows)]
pub(crate) fn start(dll: Option<&Path>, register: bool) -> Result<Loaded, String> {
    use syncmgr::abi;

    // SAFETY: once per process, on the thread that drives the session.
    let hr = unsafe { abi::CoInitializeEx(None, abi::COINIT_APARTMENTTHREADED as u32) };
    if hr.is_err() {
        return Err(format!(
            "CoInitializeEx(APARTMENTTHREADED) returned {}",
            hresult_name(hr)
        ));
    }
    let module = dll.map(Module::open).transpose()?;
    let mut notes = Vec::new();
    if register {
        let module = module.as_ref().ok_or("--register needs the DLL")?;
        match module.call("DllRegisterServer")? {
            abi::S_OK => notes.push("DllRegisterServer: registered".to_owned()),
            abi::S_FALSE => notes.push(
                "DllRegisterServer returned S_FALSE: registered with COM, no Sync Manager installed"
                    .to_owned(),
            ),
            hr => return Err(format!("DllRegisterServer returned {}", hresult_name(hr))),
        }
    }
    Ok(Loaded {
        handler: core::ptr::null_mut(),
        module,
        notes,
    })
}

/// The second half: an object of class `clsid` by COM activation on this thread
/// (`CoCreateInstance`, which finds the DLL in the registry), asked for `iid`, with one
/// reference.
#[cfg(windows)]
pub(crate) fn create_in(_loaded: &Loaded, clsid: GUID, iid: &GUID) -> Result<*mut c_void, String> {
    create_registered(clsid, iid)
}

/// [`create_in`] on any thread whose COM is initialized.
#[cfg(windows)]
pub(crate) fn create_registered(clsid: GUID, iid: &GUID) -> Result<*mut c_void, String> {
    use syncmgr::Interface;
    use syncmgr::abi;
    use windows_core::IUnknown;

    // SAFETY: COM is initialized on this thread (`start`); real activation by CLSID.
    let object: IUnknown =
        unsafe { abi::CoCreateInstance(&raw const clsid, None, abi::CLSCTX_INPROC_SERVER) }
            .map_err(|error| {
                format!(
                    "CoCreateInstance({{{clsid:?}}}, CLSCTX_INPROC_SERVER) failed: {}",
                    hresult_name(error.code())
                )
            })?;
    let mut out = core::ptr::null_mut();
    // SAFETY: a live object; valid IID and out-pointer.
    let hr = unsafe { object.query(iid, &raw mut out) };
    if hr.is_err() || out.is_null() {
        return Err(format!(
            "the object of {{{clsid:?}}} does not answer {{{iid:?}}}: {}",
            hresult_name(hr)
        ));
    }
    Ok(out)
}

/// The DLL that COM loaded for `object`: the module holding its vtable, opened once more (an
/// extra reference, so it stays loaded like a DLL the host opened itself).
#[cfg(windows)]
pub(crate) fn com_module(object: *mut c_void) -> Result<Module, String> {
    // SAFETY: a live COM interface pointer points at its vtable pointer.
    let vtable = unsafe { *object.cast::<*const c_void>() };
    // The handler we hold keeps its module loaded meanwhile.
    let path = syncmgr::server::module_handle(vtable)
        .and_then(syncmgr::server::module_file)
        .map_err(|hr| format!("the handler's module cannot be found: {}", hresult_name(hr)))?;
    Module::open(&PathBuf::from(path))
}

/// After the session: `DllUnregisterServer` if asked (Windows), then leave COM.
#[cfg(windows)]
pub(crate) fn unload(loaded: &Loaded, unregister: bool, notes: &mut Vec<String>) {
    if unregister && let Some(module) = &loaded.module {
        match module.call("DllUnregisterServer") {
            Ok(hr) => notes.push(format!("DllUnregisterServer returned {}", hresult_name(hr))),
            Err(error) => notes.push(error),
        }
    }
    // SAFETY: balances the CoInitializeEx in `load`, after every COM object was released.
    unsafe { syncmgr::abi::CoUninitialize() };
}

/// After the session: nothing to undo off Windows (no registry, no COM apartment).
#[cfg(not(windows))]
pub(crate) fn unload(_loaded: &Loaded, _unregister: bool, _notes: &mut Vec<String>) {}
