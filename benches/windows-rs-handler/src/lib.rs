//! Benchmark baseline for `BENCHMARKS.md` (## Build cost): the `examples/minimal` handler
//! ("Notes", items Inbox and Archive, five progress steps of 100 ms each) written directly on the
//! `windows` crate, with `#[implement]` for the COM objects. Same exports as
//! `syncmgr::dll_exports!`: `DllGetClassObject`, `DllCanUnloadNow`, `DllRegisterServer`,
//! `DllUnregisterServer`.
//!
//! Kept honest but minimal: the protocol the framework guarantees (completion callbacks once,
//! skips, null checks, a final status per item) is done here by hand, without the framework's
//! panic guards, tracing or conformance checks. Only builds for Windows targets.
#![cfg(windows)]
#![allow(non_snake_case, clippy::missing_safety_doc)]

use core::ffi::c_void;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use windows::Win32::Foundation::{
    CLASS_E_CLASSNOTAVAILABLE, CLASS_E_NOAGGREGATION, E_FAIL, E_INVALIDARG, E_NOTIMPL, E_POINTER,
    E_UNEXPECTED, ERROR_FILE_NOT_FOUND, ERROR_SUCCESS, HMODULE, HWND, S_FALSE, S_OK, WIN32_ERROR,
};
use windows::Win32::System::Com::{
    CLSCTX_INPROC_SERVER, COINIT_MULTITHREADED, CoCreateInstance, CoInitializeEx, CoTaskMemAlloc,
    CoUninitialize, IAgileObject, IClassFactory, IClassFactory_Impl,
};
use windows::Win32::System::LibraryLoader::{
    GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
    GetModuleFileNameW, GetModuleHandleExW,
};
use windows::Win32::System::Registry::{
    HKEY, HKEY_CLASSES_ROOT, KEY_WRITE, REG_OPTION_NON_VOLATILE, REG_SZ, RegCloseKey,
    RegCreateKeyExW, RegDeleteTreeW, RegSetValueExW,
};
use windows::Win32::UI::Shell::{
    ISyncMgrEnumItems, ISyncMgrEnumItems_Impl, ISyncMgrRegister, ISyncMgrSynchronize,
    ISyncMgrSynchronize_Impl, ISyncMgrSynchronizeCallback, S_SYNCMGR_CANCELALL,
    S_SYNCMGR_CANCELITEM, SYNCMGRHANDLERINFO, SYNCMGRITEM, SYNCMGRITEMSTATE_CHECKED,
    SYNCMGRPROGRESSITEM, SYNCMGRPROGRESSITEM_MAXVALUE, SYNCMGRPROGRESSITEM_PROGVALUE,
    SYNCMGRPROGRESSITEM_STATUSTEXT, SYNCMGRPROGRESSITEM_STATUSTYPE, SYNCMGRSTATUS_SKIPPED,
    SYNCMGRSTATUS_SUCCEEDED, SYNCMGRSTATUS_UPDATING, SyncMgr,
};
use windows_core::{
    AgileReference, BOOL, GUID, HRESULT, IUnknown, Interface, PCWSTR, Ref, implement,
};

const CLSID: GUID = GUID::from_u128(0x6b0f_7c3e_8c55_4f59_9d7b_3f4f_2f6f_0a11);
const NAME: &str = "Notes";
const ITEMS: [(GUID, &str); 2] = [
    (
        GUID::from_u128(0x0c2b_4d8e_1f3a_4b5c_8d9e_0a1b_2c3d_4e5f),
        "Inbox",
    ),
    (
        GUID::from_u128(0x1d3c_5e9f_2a4b_4c6d_9e0f_1b2c_3d4e_5f60),
        "Archive",
    ),
];

/// Live objects plus server locks, for `DllCanUnloadNow`.
static LOCKS: AtomicIsize = AtomicIsize::new(0);

struct Live;
impl Live {
    fn new() -> Self {
        LOCKS.fetch_add(1, Ordering::SeqCst);
        Self
    }
}
impl Drop for Live {
    fn drop(&mut self) {
        LOCKS.fetch_sub(1, Ordering::SeqCst);
    }
}

fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain([0]).collect()
}

fn copy_name<const N: usize>(text: &str) -> [u16; N] {
    let mut out = [0u16; N];
    for (slot, unit) in out.iter_mut().zip(text.encode_utf16().take(N - 1)) {
        *slot = unit;
    }
    out
}

#[implement(ISyncMgrSynchronize)]
struct Notes {
    callback: Mutex<Option<ISyncMgrSynchronizeCallback>>,
    prepared: Mutex<Vec<GUID>>,
    /// Shared with the worker thread.
    skipped: Arc<Mutex<Vec<GUID>>>,
    _live: Live,
}

impl Notes {
    fn callback(&self) -> Option<ISyncMgrSynchronizeCallback> {
        self.callback.lock().ok()?.clone()
    }
}

impl ISyncMgrSynchronize_Impl for Notes_Impl {
    fn Initialize(&self, _: u32, _: u32, _: u32, _: *const u8) -> windows_core::Result<()> {
        Ok(())
    }

    fn GetHandlerInfo(&self) -> windows_core::Result<*mut SYNCMGRHANDLERINFO> {
        // SAFETY: plain allocation; the caller frees it with CoTaskMemFree.
        let info =
            unsafe { CoTaskMemAlloc(size_of::<SYNCMGRHANDLERINFO>()) }.cast::<SYNCMGRHANDLERINFO>();
        if info.is_null() {
            return Err(windows::Win32::Foundation::E_OUTOFMEMORY.into());
        }
        // SAFETY: freshly allocated and large enough.
        unsafe {
            info.write(SYNCMGRHANDLERINFO {
                cbSize: size_of::<SYNCMGRHANDLERINFO>() as u32,
                wszHandlerName: copy_name(NAME),
                ..Default::default()
            });
        }
        Ok(info)
    }

    fn EnumSyncMgrItems(&self) -> windows_core::Result<ISyncMgrEnumItems> {
        Ok(Items {
            next: Mutex::new(0),
            _live: Live::new(),
        }
        .into())
    }

    fn GetItemObject(
        &self,
        _: *const GUID,
        _: *const GUID,
        ppv: *mut *mut c_void,
    ) -> windows_core::Result<()> {
        if !ppv.is_null() {
            // SAFETY: checked non-null.
            unsafe { ppv.write(core::ptr::null_mut()) };
        }
        Err(E_NOTIMPL.into())
    }

    fn ShowProperties(&self, _: HWND, _: *const GUID) -> windows_core::Result<()> {
        if let Some(callback) = self.callback() {
            // SAFETY: live callback.
            unsafe { callback.ShowPropertiesCompleted(S_OK)? };
        }
        Ok(())
    }

    fn SetProgressCallback(
        &self,
        callback: Ref<ISyncMgrSynchronizeCallback>,
    ) -> windows_core::Result<()> {
        *self.callback.lock().map_err(|_| E_UNEXPECTED)? = callback.cloned();
        Ok(())
    }

    fn PrepareForSync(
        &self,
        count: u32,
        ids: *const GUID,
        _: HWND,
        _: u32,
    ) -> windows_core::Result<()> {
        if ids.is_null() && count != 0 {
            return Err(E_POINTER.into());
        }
        let ids = if count == 0 {
            &[][..]
        } else {
            // SAFETY: the caller passes `count` GUIDs.
            unsafe { core::slice::from_raw_parts(ids, count as usize) }
        };
        if ids
            .iter()
            .any(|id| !ITEMS.iter().any(|(item, _)| item == id))
        {
            return Err(E_INVALIDARG.into());
        }
        *self.prepared.lock().map_err(|_| E_UNEXPECTED)? = ids.to_vec();
        self.skipped.lock().map_err(|_| E_UNEXPECTED)?.clear();
        if let Some(callback) = self.callback() {
            // SAFETY: live callback.
            unsafe { callback.PrepareForSyncCompleted(S_OK)? };
        }
        Ok(())
    }

    fn Synchronize(&self, _: HWND) -> windows_core::Result<()> {
        let items = self.prepared.lock().map_err(|_| E_UNEXPECTED)?.clone();
        // An agile callback is called directly from the worker; any other through an agile
        // reference (a proxy), as the syncmgr runtime does.
        let callback = match self.callback() {
            None => Held::None,
            Some(cb) if cb.cast::<IAgileObject>().is_ok() => Held::Agile(SendCallback(cb)),
            Some(cb) => Held::Reference(AgileReference::new(&cb)?),
        };
        let skipped = Arc::clone(&self.skipped);
        let live = Live::new();
        std::thread::spawn(move || {
            let _live = live;
            // SAFETY: plain COM initialization of this thread, undone below.
            let initialized = unsafe { CoInitializeEx(None, COINIT_MULTITHREADED) }.is_ok();
            let callback = match callback {
                Held::None => None,
                Held::Agile(SendCallback(cb)) => Some(cb),
                Held::Reference(agile) => agile.resolve().ok(),
            };
            run(&skipped, callback.as_ref(), &items);
            drop(callback);
            if initialized {
                // SAFETY: balances the successful CoInitializeEx above.
                unsafe { CoUninitialize() };
            }
        });
        Ok(())
    }

    fn SetItemStatus(&self, id: *const GUID, status: u32) -> windows_core::Result<()> {
        if id.is_null() {
            return Err(E_POINTER.into());
        }
        // SAFETY: checked non-null.
        let id = unsafe { *id };
        if !ITEMS.iter().any(|(item, _)| *item == id) {
            return Err(E_INVALIDARG.into());
        }
        if status as i32 == SYNCMGRSTATUS_SKIPPED.0 {
            self.skipped.lock().map_err(|_| E_UNEXPECTED)?.push(id);
        }
        Ok(())
    }

    fn ShowError(&self, _: HWND, _: *const GUID) -> windows_core::Result<()> {
        if let Some(callback) = self.callback() {
            // SAFETY: live callback.
            unsafe { callback.ShowErrorCompleted(S_OK, &[])? };
        }
        Ok(())
    }
}

/// Reports one progress update through the raw slot, so `S_SYNCMGR_CANCEL*` is not lost.
fn progress(
    callback: Option<&ISyncMgrSynchronizeCallback>,
    id: &GUID,
    value: i32,
    status: i32,
    text: &str,
) -> HRESULT {
    let Some(callback) = callback else {
        return S_OK;
    };
    let text = wide(text);
    let item = SYNCMGRPROGRESSITEM {
        cbSize: size_of::<SYNCMGRPROGRESSITEM>() as u32,
        mask: SYNCMGRPROGRESSITEM_STATUSTEXT
            | SYNCMGRPROGRESSITEM_STATUSTYPE
            | SYNCMGRPROGRESSITEM_PROGVALUE
            | SYNCMGRPROGRESSITEM_MAXVALUE,
        lpcStatusText: PCWSTR(text.as_ptr()),
        dwStatusType: status as u32,
        iProgValue: value,
        iMaxValue: 5,
    };
    // SAFETY: live callback; `id`, `item` and `text` outlive the call.
    unsafe { (callback.vtable().Progress)(callback.as_raw(), id, &item) }
}

fn run(skipped: &Mutex<Vec<GUID>>, callback: Option<&ISyncMgrSynchronizeCallback>, items: &[GUID]) {
    let skipped = |id: &GUID| skipped.lock().map_or(true, |s| s.contains(id));
    let mut cancel_all = false;
    for id in items {
        let mut final_status = SYNCMGRSTATUS_SUCCEEDED.0;
        for step in 1..=5 {
            if cancel_all || skipped(id) {
                final_status = SYNCMGRSTATUS_SKIPPED.0;
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
            let hr = progress(
                callback,
                id,
                step,
                SYNCMGRSTATUS_UPDATING.0,
                "Copying notes",
            );
            if hr == S_SYNCMGR_CANCELITEM || hr == S_SYNCMGR_CANCELALL {
                cancel_all |= hr == S_SYNCMGR_CANCELALL;
                final_status = SYNCMGRSTATUS_SKIPPED.0;
                break;
            }
        }
        let text = if final_status == SYNCMGRSTATUS_SKIPPED.0 {
            "Skipped"
        } else {
            "Done"
        };
        let _ = progress(callback, id, 5, final_status, text);
    }
    if let Some(callback) = callback {
        // SAFETY: live callback.
        let _ = unsafe { callback.SynchronizeCompleted(S_OK) };
    }
}

/// The callback as the worker thread gets it.
enum Held {
    None,
    Agile(SendCallback),
    Reference(AgileReference<ISyncMgrSynchronizeCallback>),
}

/// A callback that answers `IAgileObject`.
struct SendCallback(ISyncMgrSynchronizeCallback);
// SAFETY: only built for callbacks that answer `IAgileObject`, i.e. callable from any thread.
unsafe impl Send for SendCallback {}

#[implement(ISyncMgrEnumItems)]
struct Items {
    next: Mutex<usize>,
    _live: Live,
}

impl ISyncMgrEnumItems_Impl for Items_Impl {
    fn Next(
        &self,
        count: u32,
        out: *mut SYNCMGRITEM,
        fetched: *mut u32,
    ) -> windows_core::Result<()> {
        if out.is_null() || (fetched.is_null() && count != 1) {
            return Err(E_POINTER.into());
        }
        let mut next = self.next.lock().map_err(|_| E_UNEXPECTED)?;
        let mut written = 0;
        while written < count as usize && *next < ITEMS.len() {
            let (id, name) = ITEMS[*next];
            // SAFETY: the caller provides `count` slots.
            unsafe {
                out.add(written).write(SYNCMGRITEM {
                    cbSize: size_of::<SYNCMGRITEM>() as u32,
                    ItemID: id,
                    dwItemState: SYNCMGRITEMSTATE_CHECKED.0 as u32,
                    wszItemName: copy_name(name),
                    ..Default::default()
                });
            }
            written += 1;
            *next += 1;
        }
        if !fetched.is_null() {
            // SAFETY: checked non-null.
            unsafe { fetched.write(written as u32) };
        }
        if written == count as usize {
            Ok(())
        } else {
            Err(S_FALSE.into())
        }
    }

    fn Skip(&self, count: u32) -> windows_core::Result<()> {
        let mut next = self.next.lock().map_err(|_| E_UNEXPECTED)?;
        let target = *next + count as usize;
        *next = target.min(ITEMS.len());
        if target <= ITEMS.len() {
            Ok(())
        } else {
            Err(S_FALSE.into())
        }
    }

    fn Reset(&self) -> windows_core::Result<()> {
        *self.next.lock().map_err(|_| E_UNEXPECTED)? = 0;
        Ok(())
    }

    fn Clone(&self) -> windows_core::Result<ISyncMgrEnumItems> {
        let next = *self.next.lock().map_err(|_| E_UNEXPECTED)?;
        Ok(Items {
            next: Mutex::new(next),
            _live: Live::new(),
        }
        .into())
    }
}

#[implement(IClassFactory)]
struct Factory {
    _live: Live,
}

impl IClassFactory_Impl for Factory_Impl {
    fn CreateInstance(
        &self,
        outer: Ref<IUnknown>,
        iid: *const GUID,
        out: *mut *mut c_void,
    ) -> windows_core::Result<()> {
        if out.is_null() || iid.is_null() {
            return Err(E_POINTER.into());
        }
        // SAFETY: checked non-null.
        unsafe { out.write(core::ptr::null_mut()) };
        if outer.is_some() {
            return Err(CLASS_E_NOAGGREGATION.into());
        }
        let handler: ISyncMgrSynchronize = Notes {
            callback: Mutex::new(None),
            prepared: Mutex::new(Vec::new()),
            skipped: Arc::default(),
            _live: Live::new(),
        }
        .into();
        // SAFETY: valid pointers, checked above.
        unsafe { handler.query(iid, out).ok() }
    }

    fn LockServer(&self, lock: BOOL) -> windows_core::Result<()> {
        if lock.as_bool() {
            LOCKS.fetch_add(1, Ordering::SeqCst);
        } else {
            LOCKS.fetch_sub(1, Ordering::SeqCst);
        }
        Ok(())
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "system" fn DllGetClassObject(
    clsid: *const GUID,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    if out.is_null() || clsid.is_null() || iid.is_null() {
        return E_POINTER;
    }
    // SAFETY: checked non-null.
    unsafe { out.write(core::ptr::null_mut()) };
    // SAFETY: checked non-null.
    if unsafe { *clsid } != CLSID {
        return CLASS_E_CLASSNOTAVAILABLE;
    }
    let factory: IClassFactory = Factory { _live: Live::new() }.into();
    // SAFETY: valid pointers, checked above.
    unsafe { factory.query(iid, out) }
}

#[unsafe(no_mangle)]
pub extern "system" fn DllCanUnloadNow() -> HRESULT {
    if LOCKS.load(Ordering::SeqCst) == 0 {
        S_OK
    } else {
        S_FALSE
    }
}

fn win32(code: WIN32_ERROR) -> Result<(), HRESULT> {
    if code == ERROR_SUCCESS {
        Ok(())
    } else {
        Err(code.to_hresult())
    }
}

fn clsid_key() -> String {
    format!("CLSID\\{{{CLSID:?}}}")
}

fn write_key(path: &str, values: &[(Option<&str>, &str)]) -> Result<(), HRESULT> {
    let path = wide(path);
    let mut key = HKEY::default();
    // SAFETY: NUL-terminated path, valid out-pointer.
    win32(unsafe {
        RegCreateKeyExW(
            HKEY_CLASSES_ROOT,
            PCWSTR(path.as_ptr()),
            None,
            PCWSTR::null(),
            REG_OPTION_NON_VOLATILE,
            KEY_WRITE,
            None,
            &mut key,
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
        // SAFETY: open key, NUL-terminated name, REG_SZ data.
        win32(unsafe { RegSetValueExW(key, name, None, REG_SZ, Some(&data)) })
    });
    // SAFETY: opened above, closed once.
    let _ = unsafe { RegCloseKey(key) };
    result
}

fn module_path() -> Result<String, HRESULT> {
    let mut module = HMODULE::default();
    // SAFETY: FROM_ADDRESS with an address in this module; no reference to release.
    unsafe {
        GetModuleHandleExW(
            GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
            PCWSTR((module_path as *const ()).cast()),
            &mut module,
        )
    }
    .map_err(|error| error.code())?;
    let mut buffer = vec![0u16; 32 * 1024];
    // SAFETY: valid module and buffer.
    let len = unsafe { GetModuleFileNameW(Some(module), &mut buffer) } as usize;
    if len == 0 || len >= buffer.len() {
        return Err(E_FAIL);
    }
    Ok(String::from_utf16_lossy(&buffer[..len]))
}

fn sync_manager() -> Option<ISyncMgrRegister> {
    // SAFETY: activation by CLSID; regsvr32 initialized COM.
    unsafe { CoCreateInstance(&SyncMgr, None, CLSCTX_INPROC_SERVER).ok() }
}

#[unsafe(no_mangle)]
pub extern "system" fn DllRegisterServer() -> HRESULT {
    let register = || -> Result<HRESULT, HRESULT> {
        let path = module_path()?;
        let key = clsid_key();
        write_key(&key, &[(None, NAME)])?;
        write_key(
            &format!("{key}\\InprocServer32"),
            &[(None, &path), (Some("ThreadingModel"), "Apartment")],
        )?;
        let Some(sync_manager) = sync_manager() else {
            return Ok(S_FALSE);
        };
        let name = wide(NAME);
        // SAFETY: live interface; CLSID and name outlive the call.
        unsafe { sync_manager.RegisterSyncMgrHandler(&CLSID, PCWSTR(name.as_ptr()), 0) }
            .map_err(|e| e.code())?;
        Ok(S_OK)
    };
    register().unwrap_or_else(|hr| hr)
}

#[unsafe(no_mangle)]
pub extern "system" fn DllUnregisterServer() -> HRESULT {
    if let Some(sync_manager) = sync_manager() {
        // SAFETY: live interface; the CLSID outlives the call.
        let _ = unsafe { sync_manager.UnregisterSyncMgrHandler(&CLSID, 0) };
    }
    let key = wide(&clsid_key());
    // SAFETY: NUL-terminated path.
    match unsafe { RegDeleteTreeW(HKEY_CLASSES_ROOT, PCWSTR(key.as_ptr())) } {
        ERROR_SUCCESS | ERROR_FILE_NOT_FOUND => S_OK,
        code => code.to_hresult(),
    }
}
