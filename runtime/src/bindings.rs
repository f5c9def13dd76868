// GENERATED FILE: do not edit. `cargo run -p xtask -- bindgen` regenerates it, and the xtask
// test `bindings_are_up_to_date` fails when this copy differs from what the generator writes.
//
// Generator: windows-bindgen 0.100.0 (`--flat`), with the filter in `xtask/src/filter.txt`.
// Metadata: Win32 metadata 63.0.31 (`Windows.Win32.winmd`, as shipped inside the
// windows-bindgen 0.66.0 crate), which describes mobsync.h and syncmgr.h.

#[doc(hidden)]
#[inline]
pub unsafe fn CoCreateInstance<P1, T>(
    rclsid: *const windows_core::GUID,
    punkouter: P1,
    dwclscontext: CLSCTX,
) -> windows_core::Result<T>
where
    P1: windows_core::Param<windows_core::IUnknown>,
    T: windows_core::Interface,
{
    windows_core::link!("ole32.dll" "system" fn CoCreateInstance(rclsid : *const windows_core::GUID, punkouter : *mut core::ffi::c_void, dwclscontext : CLSCTX, riid : *const windows_core::GUID, ppv : *mut *mut core::ffi::c_void) -> windows_core::HRESULT);
    let mut result__ = core::ptr::null_mut();
    unsafe {
        CoCreateInstance(
            rclsid,
            punkouter.param().abi(),
            dwclscontext,
            &T::IID,
            &mut result__,
        )
        .and_then(|| windows_core::imp::Type::from_abi(result__))
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn CoGetApartmentType(
    papttype: *mut APTTYPE,
    paptqualifier: *mut APTTYPEQUALIFIER,
) -> windows_core::HRESULT {
    windows_core::link!("ole32.dll" "system" fn CoGetApartmentType(papttype : *mut APTTYPE, paptqualifier : *mut APTTYPEQUALIFIER) -> windows_core::HRESULT);
    unsafe { CoGetApartmentType(papttype as _, paptqualifier as _) }
}
#[doc(hidden)]
#[inline]
pub unsafe fn CoGetInterfaceAndReleaseStream<P0, T>(pstm: P0) -> windows_core::Result<T>
where
    P0: windows_core::Param<IStream>,
    T: windows_core::Interface,
{
    windows_core::link!("ole32.dll" "system" fn CoGetInterfaceAndReleaseStream(pstm : *mut core::ffi::c_void, iid : *const windows_core::GUID, ppv : *mut *mut core::ffi::c_void) -> windows_core::HRESULT);
    let mut result__ = core::ptr::null_mut();
    unsafe {
        CoGetInterfaceAndReleaseStream(pstm.param().abi(), &T::IID, &mut result__)
            .and_then(|| windows_core::imp::Type::from_abi(result__))
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn CoInitializeEx(
    pvreserved: Option<*const core::ffi::c_void>,
    dwcoinit: u32,
) -> windows_core::HRESULT {
    windows_core::link!("ole32.dll" "system" fn CoInitializeEx(pvreserved : *const core::ffi::c_void, dwcoinit : u32) -> windows_core::HRESULT);
    unsafe { CoInitializeEx(pvreserved.unwrap_or(core::mem::zeroed()) as _, dwcoinit) }
}
#[doc(hidden)]
#[inline]
pub unsafe fn CoMarshalInterThreadInterfaceInStream<P1>(
    riid: *const windows_core::GUID,
    punk: P1,
) -> windows_core::Result<IStream>
where
    P1: windows_core::Param<windows_core::IUnknown>,
{
    windows_core::link!("ole32.dll" "system" fn CoMarshalInterThreadInterfaceInStream(riid : *const windows_core::GUID, punk : *mut core::ffi::c_void, ppstm : *mut *mut core::ffi::c_void) -> windows_core::HRESULT);
    unsafe {
        let mut result__ = core::mem::zeroed();
        CoMarshalInterThreadInterfaceInStream(riid, punk.param().abi(), &mut result__)
            .and_then(|| windows_core::imp::Type::from_abi(result__))
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn CoTaskMemAlloc(cb: usize) -> *mut core::ffi::c_void {
    windows_core::link!("ole32.dll" "system" fn CoTaskMemAlloc(cb : usize) -> *mut core::ffi::c_void);
    unsafe { CoTaskMemAlloc(cb) }
}
#[doc(hidden)]
#[inline]
pub unsafe fn CoTaskMemFree(pv: Option<*const core::ffi::c_void>) {
    windows_core::link!("ole32.dll" "system" fn CoTaskMemFree(pv : *const core::ffi::c_void));
    unsafe { CoTaskMemFree(pv.unwrap_or(core::mem::zeroed()) as _) }
}
#[doc(hidden)]
#[inline]
pub unsafe fn CoUninitialize() {
    windows_core::link!("ole32.dll" "system" fn CoUninitialize());
    unsafe { CoUninitialize() }
}
#[doc(hidden)]
#[inline]
pub unsafe fn CreateWindowExW<P1, P2>(
    dwexstyle: WINDOW_EX_STYLE,
    lpclassname: P1,
    lpwindowname: P2,
    dwstyle: WINDOW_STYLE,
    x: i32,
    y: i32,
    nwidth: i32,
    nheight: i32,
    hwndparent: Option<HWND>,
    hmenu: Option<HMENU>,
    hinstance: Option<HINSTANCE>,
    lpparam: Option<*const core::ffi::c_void>,
) -> HWND
where
    P1: windows_core::Param<windows_core::PCWSTR>,
    P2: windows_core::Param<windows_core::PCWSTR>,
{
    windows_core::link!("user32.dll" "system" fn CreateWindowExW(dwexstyle : WINDOW_EX_STYLE, lpclassname : windows_core::PCWSTR, lpwindowname : windows_core::PCWSTR, dwstyle : WINDOW_STYLE, x : i32, y : i32, nwidth : i32, nheight : i32, hwndparent : HWND, hmenu : HMENU, hinstance : HINSTANCE, lpparam : *const core::ffi::c_void) -> HWND);
    unsafe {
        CreateWindowExW(
            dwexstyle,
            lpclassname.param().abi(),
            lpwindowname.param().abi(),
            dwstyle,
            x,
            y,
            nwidth,
            nheight,
            hwndparent.unwrap_or(core::mem::zeroed()) as _,
            hmenu.unwrap_or(core::mem::zeroed()) as _,
            hinstance.unwrap_or(core::mem::zeroed()) as _,
            lpparam.unwrap_or(core::mem::zeroed()) as _,
        )
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn DefWindowProcW(hwnd: HWND, msg: u32, wparam: WPARAM, lparam: LPARAM) -> LRESULT {
    windows_core::link!("user32.dll" "system" fn DefWindowProcW(hwnd : HWND, msg : u32, wparam : WPARAM, lparam : LPARAM) -> LRESULT);
    unsafe { DefWindowProcW(hwnd, msg, wparam, lparam) }
}
#[doc(hidden)]
#[inline]
pub unsafe fn DestroyWindow(hwnd: HWND) -> windows_core::BOOL {
    windows_core::link!("user32.dll" "system" fn DestroyWindow(hwnd : HWND) -> windows_core::BOOL);
    unsafe { DestroyWindow(hwnd) }
}
#[doc(hidden)]
#[inline]
pub unsafe fn DispatchMessageW(lpmsg: *const MSG) -> LRESULT {
    windows_core::link!("user32.dll" "system" fn DispatchMessageW(lpmsg : *const MSG) -> LRESULT);
    unsafe { DispatchMessageW(lpmsg) }
}
#[doc(hidden)]
#[inline]
pub unsafe fn GetCurrentThreadId() -> u32 {
    windows_core::link!("kernel32.dll" "system" fn GetCurrentThreadId() -> u32);
    unsafe { GetCurrentThreadId() }
}
#[doc(hidden)]
#[inline]
pub unsafe fn GetModuleFileNameW(
    hmodule: Option<HMODULE>,
    lpfilename: windows_core::PWSTR,
    nsize: u32,
) -> u32 {
    windows_core::link!("kernel32.dll" "system" fn GetModuleFileNameW(hmodule : HMODULE, lpfilename : windows_core::PWSTR, nsize : u32) -> u32);
    unsafe {
        GetModuleFileNameW(
            hmodule.unwrap_or(core::mem::zeroed()) as _,
            lpfilename,
            nsize,
        )
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn GetModuleHandleExW<P1>(
    dwflags: u32,
    lpmodulename: P1,
    phmodule: *mut HMODULE,
) -> windows_core::BOOL
where
    P1: windows_core::Param<windows_core::PCWSTR>,
{
    windows_core::link!("kernel32.dll" "system" fn GetModuleHandleExW(dwflags : u32, lpmodulename : windows_core::PCWSTR, phmodule : *mut HMODULE) -> windows_core::BOOL);
    unsafe { GetModuleHandleExW(dwflags, lpmodulename.param().abi(), phmodule as _) }
}
#[doc(hidden)]
#[inline]
pub unsafe fn LoadIconW<P1>(hinstance: Option<HINSTANCE>, lpiconname: P1) -> HICON
where
    P1: windows_core::Param<windows_core::PCWSTR>,
{
    windows_core::link!("user32.dll" "system" fn LoadIconW(hinstance : HINSTANCE, lpiconname : windows_core::PCWSTR) -> HICON);
    unsafe {
        LoadIconW(
            hinstance.unwrap_or(core::mem::zeroed()) as _,
            lpiconname.param().abi(),
        )
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn MsgWaitForMultipleObjectsEx(
    phandles: Option<&[HANDLE]>,
    dwmilliseconds: u32,
    dwwakemask: QUEUE_STATUS_FLAGS,
    dwflags: MSG_WAIT_FOR_MULTIPLE_OBJECTS_EX_FLAGS,
) -> WAIT_EVENT {
    windows_core::link!("user32.dll" "system" fn MsgWaitForMultipleObjectsEx(ncount : u32, phandles : *const HANDLE, dwmilliseconds : u32, dwwakemask : QUEUE_STATUS_FLAGS, dwflags : MSG_WAIT_FOR_MULTIPLE_OBJECTS_EX_FLAGS) -> WAIT_EVENT);
    unsafe {
        MsgWaitForMultipleObjectsEx(
            phandles.map_or(0, |slice| slice.len().try_into().unwrap()),
            phandles.map_or(core::ptr::null(), |slice| slice.as_ptr()),
            dwmilliseconds,
            dwwakemask,
            dwflags,
        )
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn PeekMessageW(
    lpmsg: *mut MSG,
    hwnd: Option<HWND>,
    wmsgfiltermin: u32,
    wmsgfiltermax: u32,
    wremovemsg: PEEK_MESSAGE_REMOVE_TYPE,
) -> windows_core::BOOL {
    windows_core::link!("user32.dll" "system" fn PeekMessageW(lpmsg : *mut MSG, hwnd : HWND, wmsgfiltermin : u32, wmsgfiltermax : u32, wremovemsg : PEEK_MESSAGE_REMOVE_TYPE) -> windows_core::BOOL);
    unsafe {
        PeekMessageW(
            lpmsg as _,
            hwnd.unwrap_or(core::mem::zeroed()) as _,
            wmsgfiltermin,
            wmsgfiltermax,
            wremovemsg,
        )
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn PostMessageW(
    hwnd: Option<HWND>,
    msg: u32,
    wparam: WPARAM,
    lparam: LPARAM,
) -> windows_core::BOOL {
    windows_core::link!("user32.dll" "system" fn PostMessageW(hwnd : HWND, msg : u32, wparam : WPARAM, lparam : LPARAM) -> windows_core::BOOL);
    unsafe {
        PostMessageW(
            hwnd.unwrap_or(core::mem::zeroed()) as _,
            msg,
            wparam,
            lparam,
        )
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn PostQuitMessage(nexitcode: i32) {
    windows_core::link!("user32.dll" "system" fn PostQuitMessage(nexitcode : i32));
    unsafe { PostQuitMessage(nexitcode) }
}
#[doc(hidden)]
#[inline]
pub unsafe fn RegCloseKey(hkey: HKEY) -> WIN32_ERROR {
    windows_core::link!("advapi32.dll" "system" fn RegCloseKey(hkey : HKEY) -> WIN32_ERROR);
    unsafe { RegCloseKey(hkey) }
}
#[doc(hidden)]
#[inline]
pub unsafe fn RegCreateKeyExW<P1, P3>(
    hkey: HKEY,
    lpsubkey: P1,
    reserved: Option<u32>,
    lpclass: P3,
    dwoptions: REG_OPEN_CREATE_OPTIONS,
    samdesired: REG_SAM_FLAGS,
    lpsecurityattributes: Option<*const SECURITY_ATTRIBUTES>,
    phkresult: *mut HKEY,
    lpdwdisposition: Option<*mut REG_CREATE_KEY_DISPOSITION>,
) -> WIN32_ERROR
where
    P1: windows_core::Param<windows_core::PCWSTR>,
    P3: windows_core::Param<windows_core::PCWSTR>,
{
    windows_core::link!("advapi32.dll" "system" fn RegCreateKeyExW(hkey : HKEY, lpsubkey : windows_core::PCWSTR, reserved : u32, lpclass : windows_core::PCWSTR, dwoptions : REG_OPEN_CREATE_OPTIONS, samdesired : REG_SAM_FLAGS, lpsecurityattributes : *const SECURITY_ATTRIBUTES, phkresult : *mut HKEY, lpdwdisposition : *mut REG_CREATE_KEY_DISPOSITION) -> WIN32_ERROR);
    unsafe {
        RegCreateKeyExW(
            hkey,
            lpsubkey.param().abi(),
            reserved.unwrap_or(core::mem::zeroed()) as _,
            lpclass.param().abi(),
            dwoptions,
            samdesired,
            lpsecurityattributes.unwrap_or(core::mem::zeroed()) as _,
            phkresult as _,
            lpdwdisposition.unwrap_or(core::mem::zeroed()) as _,
        )
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn RegDeleteTreeW<P1>(hkey: HKEY, lpsubkey: P1) -> WIN32_ERROR
where
    P1: windows_core::Param<windows_core::PCWSTR>,
{
    windows_core::link!("advapi32.dll" "system" fn RegDeleteTreeW(hkey : HKEY, lpsubkey : windows_core::PCWSTR) -> WIN32_ERROR);
    unsafe { RegDeleteTreeW(hkey, lpsubkey.param().abi()) }
}
#[doc(hidden)]
#[inline]
pub unsafe fn RegEnumKeyExW(
    hkey: HKEY,
    dwindex: u32,
    lpname: Option<windows_core::PWSTR>,
    lpcchname: *mut u32,
    lpreserved: Option<*const u32>,
    lpclass: Option<windows_core::PWSTR>,
    lpcchclass: Option<*mut u32>,
    lpftlastwritetime: Option<*mut FILETIME>,
) -> WIN32_ERROR {
    windows_core::link!("advapi32.dll" "system" fn RegEnumKeyExW(hkey : HKEY, dwindex : u32, lpname : windows_core::PWSTR, lpcchname : *mut u32, lpreserved : *const u32, lpclass : windows_core::PWSTR, lpcchclass : *mut u32, lpftlastwritetime : *mut FILETIME) -> WIN32_ERROR);
    unsafe {
        RegEnumKeyExW(
            hkey,
            dwindex,
            lpname.unwrap_or(core::mem::zeroed()) as _,
            lpcchname as _,
            lpreserved.unwrap_or(core::mem::zeroed()) as _,
            lpclass.unwrap_or(core::mem::zeroed()) as _,
            lpcchclass.unwrap_or(core::mem::zeroed()) as _,
            lpftlastwritetime.unwrap_or(core::mem::zeroed()) as _,
        )
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn RegOpenKeyExW<P1>(
    hkey: HKEY,
    lpsubkey: P1,
    uloptions: Option<u32>,
    samdesired: REG_SAM_FLAGS,
    phkresult: *mut HKEY,
) -> WIN32_ERROR
where
    P1: windows_core::Param<windows_core::PCWSTR>,
{
    windows_core::link!("advapi32.dll" "system" fn RegOpenKeyExW(hkey : HKEY, lpsubkey : windows_core::PCWSTR, uloptions : u32, samdesired : REG_SAM_FLAGS, phkresult : *mut HKEY) -> WIN32_ERROR);
    unsafe {
        RegOpenKeyExW(
            hkey,
            lpsubkey.param().abi(),
            uloptions.unwrap_or(core::mem::zeroed()) as _,
            samdesired,
            phkresult as _,
        )
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn RegSetValueExW<P1>(
    hkey: HKEY,
    lpvaluename: P1,
    reserved: Option<u32>,
    dwtype: REG_VALUE_TYPE,
    lpdata: Option<&[u8]>,
) -> WIN32_ERROR
where
    P1: windows_core::Param<windows_core::PCWSTR>,
{
    windows_core::link!("advapi32.dll" "system" fn RegSetValueExW(hkey : HKEY, lpvaluename : windows_core::PCWSTR, reserved : u32, dwtype : REG_VALUE_TYPE, lpdata : *const u8, cbdata : u32) -> WIN32_ERROR);
    unsafe {
        RegSetValueExW(
            hkey,
            lpvaluename.param().abi(),
            reserved.unwrap_or(core::mem::zeroed()) as _,
            dwtype,
            lpdata.map_or(core::ptr::null(), |slice| slice.as_ptr()),
            lpdata.map_or(0, |slice| slice.len().try_into().unwrap()),
        )
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn RegisterClassW(lpwndclass: *const WNDCLASSW) -> u16 {
    windows_core::link!("user32.dll" "system" fn RegisterClassW(lpwndclass : *const WNDCLASSW) -> u16);
    unsafe { RegisterClassW(lpwndclass) }
}
#[doc(hidden)]
#[inline]
pub unsafe fn SendMessageW(
    hwnd: HWND,
    msg: u32,
    wparam: Option<WPARAM>,
    lparam: Option<LPARAM>,
) -> LRESULT {
    windows_core::link!("user32.dll" "system" fn SendMessageW(hwnd : HWND, msg : u32, wparam : WPARAM, lparam : LPARAM) -> LRESULT);
    unsafe {
        SendMessageW(
            hwnd,
            msg,
            wparam.unwrap_or(core::mem::zeroed()) as _,
            lparam.unwrap_or(core::mem::zeroed()) as _,
        )
    }
}
#[doc(hidden)]
#[inline]
pub unsafe fn TranslateMessage(lpmsg: *const MSG) -> windows_core::BOOL {
    windows_core::link!("user32.dll" "system" fn TranslateMessage(lpmsg : *const MSG) -> windows_core::BOOL);
    unsafe { TranslateMessage(lpmsg) }
}
#[doc(hidden)]
#[inline]
pub unsafe fn UnregisterClassW<P0>(
    lpclassname: P0,
    hinstance: Option<HINSTANCE>,
) -> windows_core::BOOL
where
    P0: windows_core::Param<windows_core::PCWSTR>,
{
    windows_core::link!("user32.dll" "system" fn UnregisterClassW(lpclassname : windows_core::PCWSTR, hinstance : HINSTANCE) -> windows_core::BOOL);
    unsafe {
        UnregisterClassW(
            lpclassname.param().abi(),
            hinstance.unwrap_or(core::mem::zeroed()) as _,
        )
    }
}
#[doc(hidden)]
pub type APTTYPE = i32;
#[doc(hidden)]
pub type APTTYPEQUALIFIER = i32;
#[doc(hidden)]
pub const APTTYPEQUALIFIER_APPLICATION_STA: APTTYPEQUALIFIER = 6;
#[doc(hidden)]
pub const APTTYPEQUALIFIER_IMPLICIT_MTA: APTTYPEQUALIFIER = 1;
#[doc(hidden)]
pub const APTTYPEQUALIFIER_NA_ON_IMPLICIT_MTA: APTTYPEQUALIFIER = 4;
#[doc(hidden)]
pub const APTTYPEQUALIFIER_NA_ON_MAINSTA: APTTYPEQUALIFIER = 5;
#[doc(hidden)]
pub const APTTYPEQUALIFIER_NA_ON_MTA: APTTYPEQUALIFIER = 2;
#[doc(hidden)]
pub const APTTYPEQUALIFIER_NA_ON_STA: APTTYPEQUALIFIER = 3;
#[doc(hidden)]
pub const APTTYPEQUALIFIER_NONE: APTTYPEQUALIFIER = 0;
#[doc(hidden)]
pub const APTTYPEQUALIFIER_RESERVED_1: APTTYPEQUALIFIER = 7;
#[doc(hidden)]
pub const APTTYPE_CURRENT: APTTYPE = -1;
#[doc(hidden)]
pub const APTTYPE_MAINSTA: APTTYPE = 3;
#[doc(hidden)]
pub const APTTYPE_MTA: APTTYPE = 1;
#[doc(hidden)]
pub const APTTYPE_NA: APTTYPE = 2;
#[doc(hidden)]
pub const APTTYPE_STA: APTTYPE = 0;
pub const CLASS_E_CLASSNOTAVAILABLE: windows_core::HRESULT =
    windows_core::HRESULT(0x80040111_u32 as _);
pub const CLASS_E_NOAGGREGATION: windows_core::HRESULT = windows_core::HRESULT(0x80040110_u32 as _);
#[doc(hidden)]
pub type CLSCTX = u32;
#[doc(hidden)]
pub const CLSCTX_INPROC_SERVER: CLSCTX = 1;
#[doc(hidden)]
pub type COINIT = i32;
#[doc(hidden)]
pub const COINIT_APARTMENTTHREADED: COINIT = 2;
#[doc(hidden)]
pub const COINIT_MULTITHREADED: COINIT = 0;
#[doc(hidden)]
pub const CS_BYTEALIGNCLIENT: WNDCLASS_STYLES = 4096;
#[doc(hidden)]
pub const CS_BYTEALIGNWINDOW: WNDCLASS_STYLES = 8192;
#[doc(hidden)]
pub const CS_CLASSDC: WNDCLASS_STYLES = 64;
#[doc(hidden)]
pub const CS_DBLCLKS: WNDCLASS_STYLES = 8;
#[doc(hidden)]
pub const CS_DROPSHADOW: WNDCLASS_STYLES = 131072;
#[doc(hidden)]
pub const CS_GLOBALCLASS: WNDCLASS_STYLES = 16384;
#[doc(hidden)]
pub const CS_HREDRAW: WNDCLASS_STYLES = 2;
#[doc(hidden)]
pub const CS_IME: WNDCLASS_STYLES = 65536;
#[doc(hidden)]
pub const CS_NOCLOSE: WNDCLASS_STYLES = 512;
#[doc(hidden)]
pub const CS_OWNDC: WNDCLASS_STYLES = 32;
#[doc(hidden)]
pub const CS_PARENTDC: WNDCLASS_STYLES = 128;
#[doc(hidden)]
pub const CS_SAVEBITS: WNDCLASS_STYLES = 2048;
#[doc(hidden)]
pub const CS_VREDRAW: WNDCLASS_STYLES = 1;
#[doc(hidden)]
pub const ERROR_CANCELLED: WIN32_ERROR = 1223;
#[doc(hidden)]
pub const ERROR_FILE_NOT_FOUND: WIN32_ERROR = 2;
#[doc(hidden)]
pub const ERROR_NO_MORE_ITEMS: WIN32_ERROR = 259;
#[doc(hidden)]
pub const ERROR_SUCCESS: WIN32_ERROR = 0;
pub const E_ABORT: windows_core::HRESULT = windows_core::HRESULT(0x80004004_u32 as _);
pub const E_ACCESSDENIED: windows_core::HRESULT = windows_core::HRESULT(0x80070005_u32 as _);
pub const E_FAIL: windows_core::HRESULT = windows_core::HRESULT(0x80004005_u32 as _);
pub const E_INVALIDARG: windows_core::HRESULT = windows_core::HRESULT(0x80070057_u32 as _);
pub const E_NOINTERFACE: windows_core::HRESULT = windows_core::HRESULT(0x80004002_u32 as _);
pub const E_NOTIMPL: windows_core::HRESULT = windows_core::HRESULT(0x80004001_u32 as _);
pub const E_OUTOFMEMORY: windows_core::HRESULT = windows_core::HRESULT(0x8007000E_u32 as _);
pub const E_POINTER: windows_core::HRESULT = windows_core::HRESULT(0x80004003_u32 as _);
pub const E_UNEXPECTED: windows_core::HRESULT = windows_core::HRESULT(0x8000FFFF_u32 as _);
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct FILETIME {
    pub dwLowDateTime: u32,
    pub dwHighDateTime: u32,
}
#[doc(hidden)]
pub const GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS: u32 = 4;
#[doc(hidden)]
pub const GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT: u32 = 2;
#[doc(hidden)]
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct HANDLE(pub *mut core::ffi::c_void);
#[doc(hidden)]
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct HBRUSH(pub *mut core::ffi::c_void);
#[doc(hidden)]
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct HCURSOR(pub *mut core::ffi::c_void);
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct HICON(pub *mut core::ffi::c_void);
#[doc(hidden)]
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct HINSTANCE(pub *mut core::ffi::c_void);
#[doc(hidden)]
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct HKEY(pub *mut core::ffi::c_void);
#[doc(hidden)]
pub const HKEY_CLASSES_ROOT: HKEY = HKEY(-2147483648 as _);
#[doc(hidden)]
pub const HKEY_LOCAL_MACHINE: HKEY = HKEY(-2147483646 as _);
#[doc(hidden)]
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct HMENU(pub *mut core::ffi::c_void);
#[doc(hidden)]
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct HMODULE(pub *mut core::ffi::c_void);
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct HWND(pub *mut core::ffi::c_void);
#[doc(hidden)]
pub const HWND_MESSAGE: HWND = HWND(-3 as _);
windows_core::imp::define_interface!(
    IAgileObject,
    IAgileObject_Vtbl,
    0x94ea2b94_e9cc_49e0_c0ff_ee64ca8f5b90
);
windows_core::imp::interface_hierarchy!(IAgileObject, windows_core::IUnknown);
#[repr(C)]
pub struct IAgileObject_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
}
pub trait IAgileObject_Impl: windows_core::IUnknownImpl {}
impl IAgileObject_Vtbl {
    pub const fn new<Identity: IAgileObject_Impl, const OFFSET: isize>() -> Self {
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<IAgileObject as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for IAgileObject {}
windows_core::imp::define_interface!(
    IClassFactory,
    IClassFactory_Vtbl,
    0x00000001_0000_0000_c000_000000000046
);
windows_core::imp::interface_hierarchy!(IClassFactory, windows_core::IUnknown);
impl IClassFactory {
    pub unsafe fn CreateInstance<P0, T>(&self, punkouter: P0) -> windows_core::Result<T>
    where
        P0: windows_core::Param<windows_core::IUnknown>,
        T: windows_core::Interface,
    {
        let mut result__ = core::ptr::null_mut();
        unsafe {
            (windows_core::Interface::vtable(self).CreateInstance)(
                windows_core::Interface::as_raw(self),
                punkouter.param().abi(),
                &T::IID,
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
    pub unsafe fn LockServer(&self, flock: bool) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).LockServer)(
                windows_core::Interface::as_raw(self),
                flock.into(),
            )
        }
    }
}
#[repr(C)]
pub struct IClassFactory_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub CreateInstance: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut core::ffi::c_void,
        *const windows_core::GUID,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub LockServer: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::BOOL,
    ) -> windows_core::HRESULT,
}
pub trait IClassFactory_Impl: windows_core::IUnknownImpl {
    fn CreateInstance(
        &self,
        punkouter: windows_core::Ref<windows_core::IUnknown>,
        riid: *const windows_core::GUID,
        ppvobject: *mut *mut core::ffi::c_void,
    ) -> windows_core::Result<()>;
    fn LockServer(&self, flock: windows_core::BOOL) -> windows_core::Result<()>;
}
impl IClassFactory_Vtbl {
    pub const fn new<Identity: IClassFactory_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn CreateInstance<
            Identity: IClassFactory_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            punkouter: *mut core::ffi::c_void,
            riid: *const windows_core::GUID,
            ppvobject: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IClassFactory_Impl::CreateInstance(
                    this,
                    core::mem::transmute_copy(&punkouter),
                    core::mem::transmute_copy(&riid),
                    core::mem::transmute_copy(&ppvobject),
                )
                .into()
            }
        }
        unsafe extern "system" fn LockServer<Identity: IClassFactory_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            flock: windows_core::BOOL,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IClassFactory_Impl::LockServer(this, core::mem::transmute_copy(&flock)).into()
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            CreateInstance: CreateInstance::<Identity, OFFSET>,
            LockServer: LockServer::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<IClassFactory as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for IClassFactory {}
windows_core::imp::define_interface!(
    IEnumString,
    IEnumString_Vtbl,
    0x00000101_0000_0000_c000_000000000046
);
windows_core::imp::interface_hierarchy!(IEnumString, windows_core::IUnknown);
impl IEnumString {
    pub unsafe fn Next(
        &self,
        celt: u32,
        rgelt: *mut windows_core::PWSTR,
        pceltfetched: Option<*mut u32>,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Next)(
                windows_core::Interface::as_raw(self),
                celt,
                rgelt as _,
                pceltfetched.unwrap_or(core::mem::zeroed()) as _,
            )
        }
    }
    pub unsafe fn Skip(&self, celt: u32) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Skip)(
                windows_core::Interface::as_raw(self),
                celt,
            )
        }
    }
    pub unsafe fn Reset(&self) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Reset)(windows_core::Interface::as_raw(self))
        }
    }
    pub unsafe fn Clone(&self) -> windows_core::Result<Self> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).Clone)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
}
#[repr(C)]
pub struct IEnumString_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub Next: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        u32,
        *mut windows_core::PWSTR,
        *mut u32,
    ) -> windows_core::HRESULT,
    pub Skip: unsafe extern "system" fn(*mut core::ffi::c_void, u32) -> windows_core::HRESULT,
    pub Reset: unsafe extern "system" fn(*mut core::ffi::c_void) -> windows_core::HRESULT,
    pub Clone: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
}
pub trait IEnumString_Impl: windows_core::IUnknownImpl {
    fn Next(
        &self,
        celt: u32,
        rgelt: *mut windows_core::PWSTR,
        pceltfetched: *mut u32,
    ) -> windows_core::Result<()>;
    fn Skip(&self, celt: u32) -> windows_core::Result<()>;
    fn Reset(&self) -> windows_core::Result<()>;
    fn Clone(&self) -> windows_core::Result<IEnumString>;
}
impl IEnumString_Vtbl {
    pub const fn new<Identity: IEnumString_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn Next<Identity: IEnumString_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            celt: u32,
            rgelt: *mut windows_core::PWSTR,
            pceltfetched: *mut u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IEnumString_Impl::Next(
                    this,
                    core::mem::transmute_copy(&celt),
                    core::mem::transmute_copy(&rgelt),
                    core::mem::transmute_copy(&pceltfetched),
                )
                .into()
            }
        }
        unsafe extern "system" fn Skip<Identity: IEnumString_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            celt: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IEnumString_Impl::Skip(this, core::mem::transmute_copy(&celt)).into()
            }
        }
        unsafe extern "system" fn Reset<Identity: IEnumString_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IEnumString_Impl::Reset(this).into()
            }
        }
        unsafe extern "system" fn Clone<Identity: IEnumString_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            ppenum: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match IEnumString_Impl::Clone(this) {
                    Ok(ok__) => {
                        ppenum.write(core::mem::transmute(ok__));
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            Next: Next::<Identity, OFFSET>,
            Skip: Skip::<Identity, OFFSET>,
            Reset: Reset::<Identity, OFFSET>,
            Clone: Clone::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<IEnumString as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for IEnumString {}
windows_core::imp::define_interface!(
    IEnumSyncMgrSyncItems,
    IEnumSyncMgrSyncItems_Vtbl,
    0x54b3abf3_f085_4181_b546_e29c403c726b
);
windows_core::imp::interface_hierarchy!(IEnumSyncMgrSyncItems, windows_core::IUnknown);
impl IEnumSyncMgrSyncItems {
    pub unsafe fn Next(
        &self,
        celt: u32,
        rgelt: *mut Option<ISyncMgrSyncItem>,
        pceltfetched: *mut u32,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Next)(
                windows_core::Interface::as_raw(self),
                celt,
                core::mem::transmute(rgelt),
                pceltfetched as _,
            )
        }
    }
    pub unsafe fn Skip(&self, celt: u32) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Skip)(
                windows_core::Interface::as_raw(self),
                celt,
            )
        }
    }
    pub unsafe fn Reset(&self) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Reset)(windows_core::Interface::as_raw(self))
        }
    }
    pub unsafe fn Clone(&self) -> windows_core::Result<Self> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).Clone)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
}
#[repr(C)]
pub struct IEnumSyncMgrSyncItems_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub Next: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        u32,
        *mut *mut core::ffi::c_void,
        *mut u32,
    ) -> windows_core::HRESULT,
    pub Skip: unsafe extern "system" fn(*mut core::ffi::c_void, u32) -> windows_core::HRESULT,
    pub Reset: unsafe extern "system" fn(*mut core::ffi::c_void) -> windows_core::HRESULT,
    pub Clone: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
}
pub trait IEnumSyncMgrSyncItems_Impl: windows_core::IUnknownImpl {
    fn Next(
        &self,
        celt: u32,
        rgelt: *mut Option<ISyncMgrSyncItem>,
        pceltfetched: *mut u32,
    ) -> windows_core::Result<()>;
    fn Skip(&self, celt: u32) -> windows_core::Result<()>;
    fn Reset(&self) -> windows_core::Result<()>;
    fn Clone(&self) -> windows_core::Result<IEnumSyncMgrSyncItems>;
}
impl IEnumSyncMgrSyncItems_Vtbl {
    pub const fn new<Identity: IEnumSyncMgrSyncItems_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn Next<
            Identity: IEnumSyncMgrSyncItems_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            celt: u32,
            rgelt: *mut *mut core::ffi::c_void,
            pceltfetched: *mut u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IEnumSyncMgrSyncItems_Impl::Next(
                    this,
                    core::mem::transmute_copy(&celt),
                    core::mem::transmute_copy(&rgelt),
                    core::mem::transmute_copy(&pceltfetched),
                )
                .into()
            }
        }
        unsafe extern "system" fn Skip<
            Identity: IEnumSyncMgrSyncItems_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            celt: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IEnumSyncMgrSyncItems_Impl::Skip(this, core::mem::transmute_copy(&celt)).into()
            }
        }
        unsafe extern "system" fn Reset<
            Identity: IEnumSyncMgrSyncItems_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IEnumSyncMgrSyncItems_Impl::Reset(this).into()
            }
        }
        unsafe extern "system" fn Clone<
            Identity: IEnumSyncMgrSyncItems_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            ppenum: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match IEnumSyncMgrSyncItems_Impl::Clone(this) {
                    Ok(ok__) => {
                        ppenum.write(core::mem::transmute(ok__));
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            Next: Next::<Identity, OFFSET>,
            Skip: Skip::<Identity, OFFSET>,
            Reset: Reset::<Identity, OFFSET>,
            Clone: Clone::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<IEnumSyncMgrSyncItems as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for IEnumSyncMgrSyncItems {}
windows_core::imp::define_interface!(
    IEnumUnknown,
    IEnumUnknown_Vtbl,
    0x00000100_0000_0000_c000_000000000046
);
windows_core::imp::interface_hierarchy!(IEnumUnknown, windows_core::IUnknown);
impl IEnumUnknown {
    pub unsafe fn Next(
        &self,
        celt: u32,
        rgelt: *mut Option<windows_core::IUnknown>,
        pceltfetched: Option<*mut u32>,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Next)(
                windows_core::Interface::as_raw(self),
                celt,
                core::mem::transmute(rgelt),
                pceltfetched.unwrap_or(core::mem::zeroed()) as _,
            )
        }
    }
    pub unsafe fn Skip(&self, celt: u32) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Skip)(
                windows_core::Interface::as_raw(self),
                celt,
            )
        }
    }
    pub unsafe fn Reset(&self) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Reset)(windows_core::Interface::as_raw(self))
        }
    }
    pub unsafe fn Clone(&self) -> windows_core::Result<Self> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).Clone)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
}
#[repr(C)]
pub struct IEnumUnknown_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub Next: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        u32,
        *mut *mut core::ffi::c_void,
        *mut u32,
    ) -> windows_core::HRESULT,
    pub Skip: unsafe extern "system" fn(*mut core::ffi::c_void, u32) -> windows_core::HRESULT,
    pub Reset: unsafe extern "system" fn(*mut core::ffi::c_void) -> windows_core::HRESULT,
    pub Clone: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
}
pub trait IEnumUnknown_Impl: windows_core::IUnknownImpl {
    fn Next(
        &self,
        celt: u32,
        rgelt: *mut Option<windows_core::IUnknown>,
        pceltfetched: *mut u32,
    ) -> windows_core::Result<()>;
    fn Skip(&self, celt: u32) -> windows_core::Result<()>;
    fn Reset(&self) -> windows_core::Result<()>;
    fn Clone(&self) -> windows_core::Result<IEnumUnknown>;
}
impl IEnumUnknown_Vtbl {
    pub const fn new<Identity: IEnumUnknown_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn Next<Identity: IEnumUnknown_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            celt: u32,
            rgelt: *mut *mut core::ffi::c_void,
            pceltfetched: *mut u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IEnumUnknown_Impl::Next(
                    this,
                    core::mem::transmute_copy(&celt),
                    core::mem::transmute_copy(&rgelt),
                    core::mem::transmute_copy(&pceltfetched),
                )
                .into()
            }
        }
        unsafe extern "system" fn Skip<Identity: IEnumUnknown_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            celt: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IEnumUnknown_Impl::Skip(this, core::mem::transmute_copy(&celt)).into()
            }
        }
        unsafe extern "system" fn Reset<Identity: IEnumUnknown_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IEnumUnknown_Impl::Reset(this).into()
            }
        }
        unsafe extern "system" fn Clone<Identity: IEnumUnknown_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            ppenum: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match IEnumUnknown_Impl::Clone(this) {
                    Ok(ok__) => {
                        ppenum.write(core::mem::transmute(ok__));
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            Next: Next::<Identity, OFFSET>,
            Skip: Skip::<Identity, OFFSET>,
            Reset: Reset::<Identity, OFFSET>,
            Clone: Clone::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<IEnumUnknown as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for IEnumUnknown {}
windows_core::imp::define_interface!(
    ISequentialStream,
    ISequentialStream_Vtbl,
    0x0c733a30_2a1c_11ce_ade5_00aa0044773d
);
windows_core::imp::interface_hierarchy!(ISequentialStream, windows_core::IUnknown);
impl ISequentialStream {
    pub unsafe fn Read(
        &self,
        pv: *mut core::ffi::c_void,
        cb: u32,
        pcbread: Option<*mut u32>,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Read)(
                windows_core::Interface::as_raw(self),
                pv as _,
                cb,
                pcbread.unwrap_or(core::mem::zeroed()) as _,
            )
        }
    }
    pub unsafe fn Write(
        &self,
        pv: *const core::ffi::c_void,
        cb: u32,
        pcbwritten: Option<*mut u32>,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Write)(
                windows_core::Interface::as_raw(self),
                pv,
                cb,
                pcbwritten.unwrap_or(core::mem::zeroed()) as _,
            )
        }
    }
}
#[doc(hidden)]
#[repr(C)]
pub struct ISequentialStream_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub Read: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut core::ffi::c_void,
        u32,
        *mut u32,
    ) -> windows_core::HRESULT,
    pub Write: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *const core::ffi::c_void,
        u32,
        *mut u32,
    ) -> windows_core::HRESULT,
}
#[doc(hidden)]
pub trait ISequentialStream_Impl: windows_core::IUnknownImpl {
    fn Read(
        &self,
        pv: *mut core::ffi::c_void,
        cb: u32,
        pcbread: *mut u32,
    ) -> windows_core::Result<()>;
    fn Write(
        &self,
        pv: *const core::ffi::c_void,
        cb: u32,
        pcbwritten: *mut u32,
    ) -> windows_core::Result<()>;
}
impl ISequentialStream_Vtbl {
    pub const fn new<Identity: ISequentialStream_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn Read<Identity: ISequentialStream_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            pv: *mut core::ffi::c_void,
            cb: u32,
            pcbread: *mut u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISequentialStream_Impl::Read(
                    this,
                    core::mem::transmute_copy(&pv),
                    core::mem::transmute_copy(&cb),
                    core::mem::transmute_copy(&pcbread),
                )
                .into()
            }
        }
        unsafe extern "system" fn Write<Identity: ISequentialStream_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            pv: *const core::ffi::c_void,
            cb: u32,
            pcbwritten: *mut u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISequentialStream_Impl::Write(
                    this,
                    core::mem::transmute_copy(&pv),
                    core::mem::transmute_copy(&cb),
                    core::mem::transmute_copy(&pcbwritten),
                )
                .into()
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            Read: Read::<Identity, OFFSET>,
            Write: Write::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISequentialStream as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISequentialStream {}
windows_core::imp::define_interface!(
    IStream,
    IStream_Vtbl,
    0x0000000c_0000_0000_c000_000000000046
);
impl core::ops::Deref for IStream {
    type Target = ISequentialStream;
    fn deref(&self) -> &Self::Target {
        unsafe { core::mem::transmute(self) }
    }
}
windows_core::imp::interface_hierarchy!(IStream, windows_core::IUnknown, ISequentialStream);
impl IStream {
    pub unsafe fn Seek(
        &self,
        dlibmove: i64,
        dworigin: STREAM_SEEK,
        plibnewposition: Option<*mut u64>,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Seek)(
                windows_core::Interface::as_raw(self),
                dlibmove,
                dworigin,
                plibnewposition.unwrap_or(core::mem::zeroed()) as _,
            )
        }
    }
    pub unsafe fn SetSize(&self, libnewsize: u64) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).SetSize)(
                windows_core::Interface::as_raw(self),
                libnewsize,
            )
        }
    }
    pub unsafe fn CopyTo<P0>(
        &self,
        pstm: P0,
        cb: u64,
        pcbread: Option<*mut u64>,
        pcbwritten: Option<*mut u64>,
    ) -> windows_core::HRESULT
    where
        P0: windows_core::Param<Self>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).CopyTo)(
                windows_core::Interface::as_raw(self),
                pstm.param().abi(),
                cb,
                pcbread.unwrap_or(core::mem::zeroed()) as _,
                pcbwritten.unwrap_or(core::mem::zeroed()) as _,
            )
        }
    }
    pub unsafe fn Commit(&self, grfcommitflags: u32) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Commit)(
                windows_core::Interface::as_raw(self),
                grfcommitflags,
            )
        }
    }
    pub unsafe fn Revert(&self) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Revert)(windows_core::Interface::as_raw(self))
        }
    }
    pub unsafe fn LockRegion(
        &self,
        liboffset: u64,
        cb: u64,
        dwlocktype: u32,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).LockRegion)(
                windows_core::Interface::as_raw(self),
                liboffset,
                cb,
                dwlocktype,
            )
        }
    }
    pub unsafe fn UnlockRegion(
        &self,
        liboffset: u64,
        cb: u64,
        dwlocktype: u32,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).UnlockRegion)(
                windows_core::Interface::as_raw(self),
                liboffset,
                cb,
                dwlocktype,
            )
        }
    }
    pub unsafe fn Stat(&self, pstatstg: *mut STATSTG, grfstatflag: u32) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Stat)(
                windows_core::Interface::as_raw(self),
                pstatstg as _,
                grfstatflag,
            )
        }
    }
    pub unsafe fn Clone(&self) -> windows_core::Result<Self> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).Clone)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
}
#[doc(hidden)]
#[repr(C)]
pub struct IStream_Vtbl {
    pub base__: ISequentialStream_Vtbl,
    pub Seek: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        i64,
        STREAM_SEEK,
        *mut u64,
    ) -> windows_core::HRESULT,
    pub SetSize: unsafe extern "system" fn(*mut core::ffi::c_void, u64) -> windows_core::HRESULT,
    pub CopyTo: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut core::ffi::c_void,
        u64,
        *mut u64,
        *mut u64,
    ) -> windows_core::HRESULT,
    pub Commit: unsafe extern "system" fn(*mut core::ffi::c_void, u32) -> windows_core::HRESULT,
    pub Revert: unsafe extern "system" fn(*mut core::ffi::c_void) -> windows_core::HRESULT,
    pub LockRegion:
        unsafe extern "system" fn(*mut core::ffi::c_void, u64, u64, u32) -> windows_core::HRESULT,
    pub UnlockRegion:
        unsafe extern "system" fn(*mut core::ffi::c_void, u64, u64, u32) -> windows_core::HRESULT,
    pub Stat: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut STATSTG,
        u32,
    ) -> windows_core::HRESULT,
    pub Clone: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
}
#[doc(hidden)]
pub trait IStream_Impl: ISequentialStream_Impl {
    fn Seek(
        &self,
        dlibmove: i64,
        dworigin: STREAM_SEEK,
        plibnewposition: *mut u64,
    ) -> windows_core::Result<()>;
    fn SetSize(&self, libnewsize: u64) -> windows_core::Result<()>;
    fn CopyTo(
        &self,
        pstm: windows_core::Ref<IStream>,
        cb: u64,
        pcbread: *mut u64,
        pcbwritten: *mut u64,
    ) -> windows_core::Result<()>;
    fn Commit(&self, grfcommitflags: u32) -> windows_core::Result<()>;
    fn Revert(&self) -> windows_core::Result<()>;
    fn LockRegion(&self, liboffset: u64, cb: u64, dwlocktype: u32) -> windows_core::Result<()>;
    fn UnlockRegion(&self, liboffset: u64, cb: u64, dwlocktype: u32) -> windows_core::Result<()>;
    fn Stat(&self, pstatstg: *mut STATSTG, grfstatflag: u32) -> windows_core::Result<()>;
    fn Clone(&self) -> windows_core::Result<IStream>;
}
impl IStream_Vtbl {
    pub const fn new<Identity: IStream_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn Seek<Identity: IStream_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            dlibmove: i64,
            dworigin: STREAM_SEEK,
            plibnewposition: *mut u64,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IStream_Impl::Seek(
                    this,
                    core::mem::transmute_copy(&dlibmove),
                    core::mem::transmute_copy(&dworigin),
                    core::mem::transmute_copy(&plibnewposition),
                )
                .into()
            }
        }
        unsafe extern "system" fn SetSize<Identity: IStream_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            libnewsize: u64,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IStream_Impl::SetSize(this, core::mem::transmute_copy(&libnewsize)).into()
            }
        }
        unsafe extern "system" fn CopyTo<Identity: IStream_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            pstm: *mut core::ffi::c_void,
            cb: u64,
            pcbread: *mut u64,
            pcbwritten: *mut u64,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IStream_Impl::CopyTo(
                    this,
                    core::mem::transmute_copy(&pstm),
                    core::mem::transmute_copy(&cb),
                    core::mem::transmute_copy(&pcbread),
                    core::mem::transmute_copy(&pcbwritten),
                )
                .into()
            }
        }
        unsafe extern "system" fn Commit<Identity: IStream_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            grfcommitflags: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IStream_Impl::Commit(this, core::mem::transmute_copy(&grfcommitflags)).into()
            }
        }
        unsafe extern "system" fn Revert<Identity: IStream_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IStream_Impl::Revert(this).into()
            }
        }
        unsafe extern "system" fn LockRegion<Identity: IStream_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            liboffset: u64,
            cb: u64,
            dwlocktype: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IStream_Impl::LockRegion(
                    this,
                    core::mem::transmute_copy(&liboffset),
                    core::mem::transmute_copy(&cb),
                    core::mem::transmute_copy(&dwlocktype),
                )
                .into()
            }
        }
        unsafe extern "system" fn UnlockRegion<Identity: IStream_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            liboffset: u64,
            cb: u64,
            dwlocktype: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IStream_Impl::UnlockRegion(
                    this,
                    core::mem::transmute_copy(&liboffset),
                    core::mem::transmute_copy(&cb),
                    core::mem::transmute_copy(&dwlocktype),
                )
                .into()
            }
        }
        unsafe extern "system" fn Stat<Identity: IStream_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            pstatstg: *mut STATSTG,
            grfstatflag: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                IStream_Impl::Stat(
                    this,
                    core::mem::transmute_copy(&pstatstg),
                    core::mem::transmute_copy(&grfstatflag),
                )
                .into()
            }
        }
        unsafe extern "system" fn Clone<Identity: IStream_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            ppstm: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match IStream_Impl::Clone(this) {
                    Ok(ok__) => {
                        ppstm.write(core::mem::transmute(ok__));
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        Self {
            base__: ISequentialStream_Vtbl::new::<Identity, OFFSET>(),
            Seek: Seek::<Identity, OFFSET>,
            SetSize: SetSize::<Identity, OFFSET>,
            CopyTo: CopyTo::<Identity, OFFSET>,
            Commit: Commit::<Identity, OFFSET>,
            Revert: Revert::<Identity, OFFSET>,
            LockRegion: LockRegion::<Identity, OFFSET>,
            UnlockRegion: UnlockRegion::<Identity, OFFSET>,
            Stat: Stat::<Identity, OFFSET>,
            Clone: Clone::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<IStream as windows_core::Interface>::IID
            || iid == &<ISequentialStream as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for IStream {}
windows_core::imp::define_interface!(
    ISyncMgrConflict,
    ISyncMgrConflict_Vtbl,
    0x9c204249_c443_4ba4_85ed_c972681db137
);
windows_core::imp::interface_hierarchy!(ISyncMgrConflict, windows_core::IUnknown);
#[repr(C)]
pub struct ISyncMgrConflict_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    GetProperty: usize,
    GetConflictIdInfo: usize,
    GetItemsArray: usize,
    Resolve: usize,
    GetResolutionHandler: usize,
}
impl windows_core::RuntimeName for ISyncMgrConflict {}
windows_core::imp::define_interface!(
    ISyncMgrControl,
    ISyncMgrControl_Vtbl,
    0x9b63616c_36b2_46bc_959f_c1593952d19b
);
windows_core::imp::interface_hierarchy!(ISyncMgrControl, windows_core::IUnknown);
impl ISyncMgrControl {
    pub unsafe fn StartHandlerSync<P0, P2, P4>(
        &self,
        pszhandlerid: P0,
        hwndowner: HWND,
        punk: P2,
        nsynccontrolflags: SYNCMGR_SYNC_CONTROL_FLAGS,
        presult: P4,
    ) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
        P2: windows_core::Param<windows_core::IUnknown>,
        P4: windows_core::Param<ISyncMgrSyncResult>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).StartHandlerSync)(
                windows_core::Interface::as_raw(self),
                pszhandlerid.param().abi(),
                hwndowner,
                punk.param().abi(),
                nsynccontrolflags,
                presult.param().abi(),
            )
        }
    }
    pub unsafe fn StartItemSync<P0, P4, P6>(
        &self,
        pszhandlerid: P0,
        ppszitemids: &[windows_core::PCWSTR],
        hwndowner: HWND,
        punk: P4,
        nsynccontrolflags: SYNCMGR_SYNC_CONTROL_FLAGS,
        presult: P6,
    ) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
        P4: windows_core::Param<windows_core::IUnknown>,
        P6: windows_core::Param<ISyncMgrSyncResult>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).StartItemSync)(
                windows_core::Interface::as_raw(self),
                pszhandlerid.param().abi(),
                ppszitemids.as_ptr(),
                ppszitemids.len().try_into().unwrap(),
                hwndowner,
                punk.param().abi(),
                nsynccontrolflags,
                presult.param().abi(),
            )
        }
    }
    pub unsafe fn StartSyncAll(&self, hwndowner: HWND) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).StartSyncAll)(
                windows_core::Interface::as_raw(self),
                hwndowner,
            )
        }
    }
    pub unsafe fn StopHandlerSync<P0>(&self, pszhandlerid: P0) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).StopHandlerSync)(
                windows_core::Interface::as_raw(self),
                pszhandlerid.param().abi(),
            )
        }
    }
    pub unsafe fn StopItemSync<P0>(
        &self,
        pszhandlerid: P0,
        ppszitemids: &[windows_core::PCWSTR],
    ) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).StopItemSync)(
                windows_core::Interface::as_raw(self),
                pszhandlerid.param().abi(),
                ppszitemids.as_ptr(),
                ppszitemids.len().try_into().unwrap(),
            )
        }
    }
    pub unsafe fn StopSyncAll(&self) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).StopSyncAll)(windows_core::Interface::as_raw(
                self,
            ))
        }
    }
    pub unsafe fn UpdateHandlerCollection(
        &self,
        rclsidcollectionid: *const windows_core::GUID,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).UpdateHandlerCollection)(
                windows_core::Interface::as_raw(self),
                rclsidcollectionid,
                ncontrolflags,
            )
        }
    }
    pub unsafe fn UpdateHandler<P0>(
        &self,
        pszhandlerid: P0,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).UpdateHandler)(
                windows_core::Interface::as_raw(self),
                pszhandlerid.param().abi(),
                ncontrolflags,
            )
        }
    }
    pub unsafe fn UpdateItem<P0, P1>(
        &self,
        pszhandlerid: P0,
        pszitemid: P1,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
        P1: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).UpdateItem)(
                windows_core::Interface::as_raw(self),
                pszhandlerid.param().abi(),
                pszitemid.param().abi(),
                ncontrolflags,
            )
        }
    }
    pub unsafe fn UpdateEvents<P0, P1>(
        &self,
        pszhandlerid: P0,
        pszitemid: P1,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
        P1: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).UpdateEvents)(
                windows_core::Interface::as_raw(self),
                pszhandlerid.param().abi(),
                pszitemid.param().abi(),
                ncontrolflags,
            )
        }
    }
    pub unsafe fn UpdateConflict<P0, P1, P2>(
        &self,
        pszhandlerid: P0,
        pszitemid: P1,
        pconflict: P2,
        nreason: SYNCMGR_UPDATE_REASON,
    ) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
        P1: windows_core::Param<windows_core::PCWSTR>,
        P2: windows_core::Param<ISyncMgrConflict>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).UpdateConflict)(
                windows_core::Interface::as_raw(self),
                pszhandlerid.param().abi(),
                pszitemid.param().abi(),
                pconflict.param().abi(),
                nreason,
            )
        }
    }
    pub unsafe fn UpdateConflicts<P0, P1>(
        &self,
        pszhandlerid: P0,
        pszitemid: P1,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
        P1: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).UpdateConflicts)(
                windows_core::Interface::as_raw(self),
                pszhandlerid.param().abi(),
                pszitemid.param().abi(),
                ncontrolflags,
            )
        }
    }
    pub unsafe fn ActivateHandler<P1>(
        &self,
        factivate: bool,
        pszhandlerid: P1,
        hwndowner: HWND,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT
    where
        P1: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).ActivateHandler)(
                windows_core::Interface::as_raw(self),
                factivate.into(),
                pszhandlerid.param().abi(),
                hwndowner,
                ncontrolflags,
            )
        }
    }
    pub unsafe fn EnableHandler<P1>(
        &self,
        fenable: bool,
        pszhandlerid: P1,
        hwndowner: HWND,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT
    where
        P1: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).EnableHandler)(
                windows_core::Interface::as_raw(self),
                fenable.into(),
                pszhandlerid.param().abi(),
                hwndowner,
                ncontrolflags,
            )
        }
    }
    pub unsafe fn EnableItem<P1, P2>(
        &self,
        fenable: bool,
        pszhandlerid: P1,
        pszitemid: P2,
        hwndowner: HWND,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT
    where
        P1: windows_core::Param<windows_core::PCWSTR>,
        P2: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).EnableItem)(
                windows_core::Interface::as_raw(self),
                fenable.into(),
                pszhandlerid.param().abi(),
                pszitemid.param().abi(),
                hwndowner,
                ncontrolflags,
            )
        }
    }
}
#[repr(C)]
pub struct ISyncMgrControl_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub StartHandlerSync: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        HWND,
        *mut core::ffi::c_void,
        SYNCMGR_SYNC_CONTROL_FLAGS,
        *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub StartItemSync: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        *const windows_core::PCWSTR,
        u32,
        HWND,
        *mut core::ffi::c_void,
        SYNCMGR_SYNC_CONTROL_FLAGS,
        *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub StartSyncAll:
        unsafe extern "system" fn(*mut core::ffi::c_void, HWND) -> windows_core::HRESULT,
    pub StopHandlerSync: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
    ) -> windows_core::HRESULT,
    pub StopItemSync: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        *const windows_core::PCWSTR,
        u32,
    ) -> windows_core::HRESULT,
    pub StopSyncAll: unsafe extern "system" fn(*mut core::ffi::c_void) -> windows_core::HRESULT,
    pub UpdateHandlerCollection: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *const windows_core::GUID,
        SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT,
    pub UpdateHandler: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT,
    pub UpdateItem: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        windows_core::PCWSTR,
        SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT,
    pub UpdateEvents: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        windows_core::PCWSTR,
        SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT,
    pub UpdateConflict: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        windows_core::PCWSTR,
        *mut core::ffi::c_void,
        SYNCMGR_UPDATE_REASON,
    ) -> windows_core::HRESULT,
    pub UpdateConflicts: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        windows_core::PCWSTR,
        SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT,
    pub ActivateHandler: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::BOOL,
        windows_core::PCWSTR,
        HWND,
        SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT,
    pub EnableHandler: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::BOOL,
        windows_core::PCWSTR,
        HWND,
        SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT,
    pub EnableItem: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::BOOL,
        windows_core::PCWSTR,
        windows_core::PCWSTR,
        HWND,
        SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::HRESULT,
}
pub trait ISyncMgrControl_Impl: windows_core::IUnknownImpl {
    fn StartHandlerSync(
        &self,
        pszhandlerid: &windows_core::PCWSTR,
        hwndowner: HWND,
        punk: windows_core::Ref<windows_core::IUnknown>,
        nsynccontrolflags: SYNCMGR_SYNC_CONTROL_FLAGS,
        presult: windows_core::Ref<ISyncMgrSyncResult>,
    ) -> windows_core::Result<()>;
    fn StartItemSync(
        &self,
        pszhandlerid: &windows_core::PCWSTR,
        ppszitemids: *const windows_core::PCWSTR,
        citems: u32,
        hwndowner: HWND,
        punk: windows_core::Ref<windows_core::IUnknown>,
        nsynccontrolflags: SYNCMGR_SYNC_CONTROL_FLAGS,
        presult: windows_core::Ref<ISyncMgrSyncResult>,
    ) -> windows_core::Result<()>;
    fn StartSyncAll(&self, hwndowner: HWND) -> windows_core::Result<()>;
    fn StopHandlerSync(&self, pszhandlerid: &windows_core::PCWSTR) -> windows_core::Result<()>;
    fn StopItemSync(
        &self,
        pszhandlerid: &windows_core::PCWSTR,
        ppszitemids: *const windows_core::PCWSTR,
        citems: u32,
    ) -> windows_core::Result<()>;
    fn StopSyncAll(&self) -> windows_core::Result<()>;
    fn UpdateHandlerCollection(
        &self,
        rclsidcollectionid: *const windows_core::GUID,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::Result<()>;
    fn UpdateHandler(
        &self,
        pszhandlerid: &windows_core::PCWSTR,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::Result<()>;
    fn UpdateItem(
        &self,
        pszhandlerid: &windows_core::PCWSTR,
        pszitemid: &windows_core::PCWSTR,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::Result<()>;
    fn UpdateEvents(
        &self,
        pszhandlerid: &windows_core::PCWSTR,
        pszitemid: &windows_core::PCWSTR,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::Result<()>;
    fn UpdateConflict(
        &self,
        pszhandlerid: &windows_core::PCWSTR,
        pszitemid: &windows_core::PCWSTR,
        pconflict: windows_core::Ref<ISyncMgrConflict>,
        nreason: SYNCMGR_UPDATE_REASON,
    ) -> windows_core::Result<()>;
    fn UpdateConflicts(
        &self,
        pszhandlerid: &windows_core::PCWSTR,
        pszitemid: &windows_core::PCWSTR,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::Result<()>;
    fn ActivateHandler(
        &self,
        factivate: windows_core::BOOL,
        pszhandlerid: &windows_core::PCWSTR,
        hwndowner: HWND,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::Result<()>;
    fn EnableHandler(
        &self,
        fenable: windows_core::BOOL,
        pszhandlerid: &windows_core::PCWSTR,
        hwndowner: HWND,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::Result<()>;
    fn EnableItem(
        &self,
        fenable: windows_core::BOOL,
        pszhandlerid: &windows_core::PCWSTR,
        pszitemid: &windows_core::PCWSTR,
        hwndowner: HWND,
        ncontrolflags: SYNCMGR_CONTROL_FLAGS,
    ) -> windows_core::Result<()>;
}
impl ISyncMgrControl_Vtbl {
    pub const fn new<Identity: ISyncMgrControl_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn StartHandlerSync<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszhandlerid: windows_core::PCWSTR,
            hwndowner: HWND,
            punk: *mut core::ffi::c_void,
            nsynccontrolflags: SYNCMGR_SYNC_CONTROL_FLAGS,
            presult: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::StartHandlerSync(
                    this,
                    core::mem::transmute(&pszhandlerid),
                    core::mem::transmute_copy(&hwndowner),
                    core::mem::transmute_copy(&punk),
                    core::mem::transmute_copy(&nsynccontrolflags),
                    core::mem::transmute_copy(&presult),
                )
                .into()
            }
        }
        unsafe extern "system" fn StartItemSync<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszhandlerid: windows_core::PCWSTR,
            ppszitemids: *const windows_core::PCWSTR,
            citems: u32,
            hwndowner: HWND,
            punk: *mut core::ffi::c_void,
            nsynccontrolflags: SYNCMGR_SYNC_CONTROL_FLAGS,
            presult: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::StartItemSync(
                    this,
                    core::mem::transmute(&pszhandlerid),
                    core::mem::transmute_copy(&ppszitemids),
                    core::mem::transmute_copy(&citems),
                    core::mem::transmute_copy(&hwndowner),
                    core::mem::transmute_copy(&punk),
                    core::mem::transmute_copy(&nsynccontrolflags),
                    core::mem::transmute_copy(&presult),
                )
                .into()
            }
        }
        unsafe extern "system" fn StartSyncAll<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            hwndowner: HWND,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::StartSyncAll(this, core::mem::transmute_copy(&hwndowner))
                    .into()
            }
        }
        unsafe extern "system" fn StopHandlerSync<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszhandlerid: windows_core::PCWSTR,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::StopHandlerSync(this, core::mem::transmute(&pszhandlerid))
                    .into()
            }
        }
        unsafe extern "system" fn StopItemSync<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszhandlerid: windows_core::PCWSTR,
            ppszitemids: *const windows_core::PCWSTR,
            citems: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::StopItemSync(
                    this,
                    core::mem::transmute(&pszhandlerid),
                    core::mem::transmute_copy(&ppszitemids),
                    core::mem::transmute_copy(&citems),
                )
                .into()
            }
        }
        unsafe extern "system" fn StopSyncAll<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::StopSyncAll(this).into()
            }
        }
        unsafe extern "system" fn UpdateHandlerCollection<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            rclsidcollectionid: *const windows_core::GUID,
            ncontrolflags: SYNCMGR_CONTROL_FLAGS,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::UpdateHandlerCollection(
                    this,
                    core::mem::transmute_copy(&rclsidcollectionid),
                    core::mem::transmute_copy(&ncontrolflags),
                )
                .into()
            }
        }
        unsafe extern "system" fn UpdateHandler<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszhandlerid: windows_core::PCWSTR,
            ncontrolflags: SYNCMGR_CONTROL_FLAGS,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::UpdateHandler(
                    this,
                    core::mem::transmute(&pszhandlerid),
                    core::mem::transmute_copy(&ncontrolflags),
                )
                .into()
            }
        }
        unsafe extern "system" fn UpdateItem<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszhandlerid: windows_core::PCWSTR,
            pszitemid: windows_core::PCWSTR,
            ncontrolflags: SYNCMGR_CONTROL_FLAGS,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::UpdateItem(
                    this,
                    core::mem::transmute(&pszhandlerid),
                    core::mem::transmute(&pszitemid),
                    core::mem::transmute_copy(&ncontrolflags),
                )
                .into()
            }
        }
        unsafe extern "system" fn UpdateEvents<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszhandlerid: windows_core::PCWSTR,
            pszitemid: windows_core::PCWSTR,
            ncontrolflags: SYNCMGR_CONTROL_FLAGS,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::UpdateEvents(
                    this,
                    core::mem::transmute(&pszhandlerid),
                    core::mem::transmute(&pszitemid),
                    core::mem::transmute_copy(&ncontrolflags),
                )
                .into()
            }
        }
        unsafe extern "system" fn UpdateConflict<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszhandlerid: windows_core::PCWSTR,
            pszitemid: windows_core::PCWSTR,
            pconflict: *mut core::ffi::c_void,
            nreason: SYNCMGR_UPDATE_REASON,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::UpdateConflict(
                    this,
                    core::mem::transmute(&pszhandlerid),
                    core::mem::transmute(&pszitemid),
                    core::mem::transmute_copy(&pconflict),
                    core::mem::transmute_copy(&nreason),
                )
                .into()
            }
        }
        unsafe extern "system" fn UpdateConflicts<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszhandlerid: windows_core::PCWSTR,
            pszitemid: windows_core::PCWSTR,
            ncontrolflags: SYNCMGR_CONTROL_FLAGS,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::UpdateConflicts(
                    this,
                    core::mem::transmute(&pszhandlerid),
                    core::mem::transmute(&pszitemid),
                    core::mem::transmute_copy(&ncontrolflags),
                )
                .into()
            }
        }
        unsafe extern "system" fn ActivateHandler<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            factivate: windows_core::BOOL,
            pszhandlerid: windows_core::PCWSTR,
            hwndowner: HWND,
            ncontrolflags: SYNCMGR_CONTROL_FLAGS,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::ActivateHandler(
                    this,
                    core::mem::transmute_copy(&factivate),
                    core::mem::transmute(&pszhandlerid),
                    core::mem::transmute_copy(&hwndowner),
                    core::mem::transmute_copy(&ncontrolflags),
                )
                .into()
            }
        }
        unsafe extern "system" fn EnableHandler<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            fenable: windows_core::BOOL,
            pszhandlerid: windows_core::PCWSTR,
            hwndowner: HWND,
            ncontrolflags: SYNCMGR_CONTROL_FLAGS,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::EnableHandler(
                    this,
                    core::mem::transmute_copy(&fenable),
                    core::mem::transmute(&pszhandlerid),
                    core::mem::transmute_copy(&hwndowner),
                    core::mem::transmute_copy(&ncontrolflags),
                )
                .into()
            }
        }
        unsafe extern "system" fn EnableItem<
            Identity: ISyncMgrControl_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            fenable: windows_core::BOOL,
            pszhandlerid: windows_core::PCWSTR,
            pszitemid: windows_core::PCWSTR,
            hwndowner: HWND,
            ncontrolflags: SYNCMGR_CONTROL_FLAGS,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrControl_Impl::EnableItem(
                    this,
                    core::mem::transmute_copy(&fenable),
                    core::mem::transmute(&pszhandlerid),
                    core::mem::transmute(&pszitemid),
                    core::mem::transmute_copy(&hwndowner),
                    core::mem::transmute_copy(&ncontrolflags),
                )
                .into()
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            StartHandlerSync: StartHandlerSync::<Identity, OFFSET>,
            StartItemSync: StartItemSync::<Identity, OFFSET>,
            StartSyncAll: StartSyncAll::<Identity, OFFSET>,
            StopHandlerSync: StopHandlerSync::<Identity, OFFSET>,
            StopItemSync: StopItemSync::<Identity, OFFSET>,
            StopSyncAll: StopSyncAll::<Identity, OFFSET>,
            UpdateHandlerCollection: UpdateHandlerCollection::<Identity, OFFSET>,
            UpdateHandler: UpdateHandler::<Identity, OFFSET>,
            UpdateItem: UpdateItem::<Identity, OFFSET>,
            UpdateEvents: UpdateEvents::<Identity, OFFSET>,
            UpdateConflict: UpdateConflict::<Identity, OFFSET>,
            UpdateConflicts: UpdateConflicts::<Identity, OFFSET>,
            ActivateHandler: ActivateHandler::<Identity, OFFSET>,
            EnableHandler: EnableHandler::<Identity, OFFSET>,
            EnableItem: EnableItem::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrControl as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrControl {}
windows_core::imp::define_interface!(
    ISyncMgrEnumItems,
    ISyncMgrEnumItems_Vtbl,
    0x6295df2a_35ee_11d1_8707_00c04fd93327
);
windows_core::imp::interface_hierarchy!(ISyncMgrEnumItems, windows_core::IUnknown);
impl ISyncMgrEnumItems {
    pub unsafe fn Next(
        &self,
        celt: u32,
        rgelt: *mut SYNCMGRITEM,
        pceltfetched: *mut u32,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Next)(
                windows_core::Interface::as_raw(self),
                celt,
                rgelt as _,
                pceltfetched as _,
            )
        }
    }
    pub unsafe fn Skip(&self, celt: u32) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Skip)(
                windows_core::Interface::as_raw(self),
                celt,
            )
        }
    }
    pub unsafe fn Reset(&self) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Reset)(windows_core::Interface::as_raw(self))
        }
    }
    pub unsafe fn Clone(&self) -> windows_core::Result<Self> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).Clone)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
}
#[repr(C)]
pub struct ISyncMgrEnumItems_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub Next: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        u32,
        *mut SYNCMGRITEM,
        *mut u32,
    ) -> windows_core::HRESULT,
    pub Skip: unsafe extern "system" fn(*mut core::ffi::c_void, u32) -> windows_core::HRESULT,
    pub Reset: unsafe extern "system" fn(*mut core::ffi::c_void) -> windows_core::HRESULT,
    pub Clone: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
}
pub trait ISyncMgrEnumItems_Impl: windows_core::IUnknownImpl {
    fn Next(
        &self,
        celt: u32,
        rgelt: *mut SYNCMGRITEM,
        pceltfetched: *mut u32,
    ) -> windows_core::Result<()>;
    fn Skip(&self, celt: u32) -> windows_core::Result<()>;
    fn Reset(&self) -> windows_core::Result<()>;
    fn Clone(&self) -> windows_core::Result<ISyncMgrEnumItems>;
}
impl ISyncMgrEnumItems_Vtbl {
    pub const fn new<Identity: ISyncMgrEnumItems_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn Next<Identity: ISyncMgrEnumItems_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            celt: u32,
            rgelt: *mut SYNCMGRITEM,
            pceltfetched: *mut u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrEnumItems_Impl::Next(
                    this,
                    core::mem::transmute_copy(&celt),
                    core::mem::transmute_copy(&rgelt),
                    core::mem::transmute_copy(&pceltfetched),
                )
                .into()
            }
        }
        unsafe extern "system" fn Skip<Identity: ISyncMgrEnumItems_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            celt: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrEnumItems_Impl::Skip(this, core::mem::transmute_copy(&celt)).into()
            }
        }
        unsafe extern "system" fn Reset<Identity: ISyncMgrEnumItems_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrEnumItems_Impl::Reset(this).into()
            }
        }
        unsafe extern "system" fn Clone<Identity: ISyncMgrEnumItems_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            ppenum: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrEnumItems_Impl::Clone(this) {
                    Ok(ok__) => {
                        ppenum.write(core::mem::transmute(ok__));
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            Next: Next::<Identity, OFFSET>,
            Skip: Skip::<Identity, OFFSET>,
            Reset: Reset::<Identity, OFFSET>,
            Clone: Clone::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrEnumItems as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrEnumItems {}
windows_core::imp::define_interface!(
    ISyncMgrHandler,
    ISyncMgrHandler_Vtbl,
    0x04ec2e43_ac77_49f9_9b98_0307ef7a72a2
);
windows_core::imp::interface_hierarchy!(ISyncMgrHandler, windows_core::IUnknown);
impl ISyncMgrHandler {
    pub unsafe fn GetName(&self) -> windows_core::Result<windows_core::PWSTR> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetName)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn GetHandlerInfo(&self) -> windows_core::Result<ISyncMgrHandlerInfo> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetHandlerInfo)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
    pub unsafe fn GetObject<T>(
        &self,
        rguidobjectid: *const windows_core::GUID,
    ) -> windows_core::Result<T>
    where
        T: windows_core::Interface,
    {
        let mut result__ = core::ptr::null_mut();
        unsafe {
            (windows_core::Interface::vtable(self).GetObject)(
                windows_core::Interface::as_raw(self),
                rguidobjectid,
                &T::IID,
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
    pub unsafe fn GetCapabilities(&self) -> windows_core::Result<SYNCMGR_HANDLER_CAPABILITIES> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetCapabilities)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn GetPolicies(&self) -> windows_core::Result<SYNCMGR_HANDLER_POLICIES> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetPolicies)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn Activate(&self, factivate: bool) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Activate)(
                windows_core::Interface::as_raw(self),
                factivate.into(),
            )
        }
    }
    pub unsafe fn Enable(&self, fenable: bool) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Enable)(
                windows_core::Interface::as_raw(self),
                fenable.into(),
            )
        }
    }
    pub unsafe fn Synchronize<P3, P4>(
        &self,
        ppszitemids: &[windows_core::PCWSTR],
        hwndowner: HWND,
        psessioncreator: P3,
        punk: P4,
    ) -> windows_core::HRESULT
    where
        P3: windows_core::Param<ISyncMgrSessionCreator>,
        P4: windows_core::Param<windows_core::IUnknown>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).Synchronize)(
                windows_core::Interface::as_raw(self),
                ppszitemids.as_ptr(),
                ppszitemids.len().try_into().unwrap(),
                hwndowner,
                psessioncreator.param().abi(),
                punk.param().abi(),
            )
        }
    }
}
#[repr(C)]
pub struct ISyncMgrHandler_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub GetName: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut windows_core::PWSTR,
    ) -> windows_core::HRESULT,
    pub GetHandlerInfo: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub GetObject: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *const windows_core::GUID,
        *const windows_core::GUID,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub GetCapabilities: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut SYNCMGR_HANDLER_CAPABILITIES,
    ) -> windows_core::HRESULT,
    pub GetPolicies: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut SYNCMGR_HANDLER_POLICIES,
    ) -> windows_core::HRESULT,
    pub Activate: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::BOOL,
    ) -> windows_core::HRESULT,
    pub Enable: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::BOOL,
    ) -> windows_core::HRESULT,
    pub Synchronize: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *const windows_core::PCWSTR,
        u32,
        HWND,
        *mut core::ffi::c_void,
        *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
}
pub trait ISyncMgrHandler_Impl: windows_core::IUnknownImpl {
    fn GetName(&self) -> windows_core::Result<windows_core::PWSTR>;
    fn GetHandlerInfo(&self) -> windows_core::Result<ISyncMgrHandlerInfo>;
    fn GetObject(
        &self,
        rguidobjectid: *const windows_core::GUID,
        riid: *const windows_core::GUID,
        ppv: *mut *mut core::ffi::c_void,
    ) -> windows_core::Result<()>;
    fn GetCapabilities(&self) -> windows_core::Result<SYNCMGR_HANDLER_CAPABILITIES>;
    fn GetPolicies(&self) -> windows_core::Result<SYNCMGR_HANDLER_POLICIES>;
    fn Activate(&self, factivate: windows_core::BOOL) -> windows_core::Result<()>;
    fn Enable(&self, fenable: windows_core::BOOL) -> windows_core::Result<()>;
    fn Synchronize(
        &self,
        ppszitemids: *const windows_core::PCWSTR,
        citems: u32,
        hwndowner: HWND,
        psessioncreator: windows_core::Ref<ISyncMgrSessionCreator>,
        punk: windows_core::Ref<windows_core::IUnknown>,
    ) -> windows_core::Result<()>;
}
impl ISyncMgrHandler_Vtbl {
    pub const fn new<Identity: ISyncMgrHandler_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn GetName<Identity: ISyncMgrHandler_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            ppszname: *mut windows_core::PWSTR,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrHandler_Impl::GetName(this) {
                    Ok(ok__) => {
                        ppszname.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetHandlerInfo<
            Identity: ISyncMgrHandler_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pphandlerinfo: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrHandler_Impl::GetHandlerInfo(this) {
                    Ok(ok__) => {
                        pphandlerinfo.write(core::mem::transmute(ok__));
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetObject<Identity: ISyncMgrHandler_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            rguidobjectid: *const windows_core::GUID,
            riid: *const windows_core::GUID,
            ppv: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrHandler_Impl::GetObject(
                    this,
                    core::mem::transmute_copy(&rguidobjectid),
                    core::mem::transmute_copy(&riid),
                    core::mem::transmute_copy(&ppv),
                )
                .into()
            }
        }
        unsafe extern "system" fn GetCapabilities<
            Identity: ISyncMgrHandler_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pmcapabilities: *mut SYNCMGR_HANDLER_CAPABILITIES,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrHandler_Impl::GetCapabilities(this) {
                    Ok(ok__) => {
                        pmcapabilities.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetPolicies<
            Identity: ISyncMgrHandler_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pmpolicies: *mut SYNCMGR_HANDLER_POLICIES,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrHandler_Impl::GetPolicies(this) {
                    Ok(ok__) => {
                        pmpolicies.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn Activate<Identity: ISyncMgrHandler_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            factivate: windows_core::BOOL,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrHandler_Impl::Activate(this, core::mem::transmute_copy(&factivate)).into()
            }
        }
        unsafe extern "system" fn Enable<Identity: ISyncMgrHandler_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            fenable: windows_core::BOOL,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrHandler_Impl::Enable(this, core::mem::transmute_copy(&fenable)).into()
            }
        }
        unsafe extern "system" fn Synchronize<
            Identity: ISyncMgrHandler_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            ppszitemids: *const windows_core::PCWSTR,
            citems: u32,
            hwndowner: HWND,
            psessioncreator: *mut core::ffi::c_void,
            punk: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrHandler_Impl::Synchronize(
                    this,
                    core::mem::transmute_copy(&ppszitemids),
                    core::mem::transmute_copy(&citems),
                    core::mem::transmute_copy(&hwndowner),
                    core::mem::transmute_copy(&psessioncreator),
                    core::mem::transmute_copy(&punk),
                )
                .into()
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            GetName: GetName::<Identity, OFFSET>,
            GetHandlerInfo: GetHandlerInfo::<Identity, OFFSET>,
            GetObject: GetObject::<Identity, OFFSET>,
            GetCapabilities: GetCapabilities::<Identity, OFFSET>,
            GetPolicies: GetPolicies::<Identity, OFFSET>,
            Activate: Activate::<Identity, OFFSET>,
            Enable: Enable::<Identity, OFFSET>,
            Synchronize: Synchronize::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrHandler as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrHandler {}
windows_core::imp::define_interface!(
    ISyncMgrHandlerCollection,
    ISyncMgrHandlerCollection_Vtbl,
    0xa7f337a3_d20b_45cb_9ed7_87d094ca5045
);
windows_core::imp::interface_hierarchy!(ISyncMgrHandlerCollection, windows_core::IUnknown);
impl ISyncMgrHandlerCollection {
    pub unsafe fn GetHandlerEnumerator(&self) -> windows_core::Result<IEnumString> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetHandlerEnumerator)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
    pub unsafe fn BindToHandler<P0, T>(&self, pszhandlerid: P0) -> windows_core::Result<T>
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
        T: windows_core::Interface,
    {
        let mut result__ = core::ptr::null_mut();
        unsafe {
            (windows_core::Interface::vtable(self).BindToHandler)(
                windows_core::Interface::as_raw(self),
                pszhandlerid.param().abi(),
                &T::IID,
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
}
#[repr(C)]
pub struct ISyncMgrHandlerCollection_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub GetHandlerEnumerator: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub BindToHandler: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        *const windows_core::GUID,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
}
pub trait ISyncMgrHandlerCollection_Impl: windows_core::IUnknownImpl {
    fn GetHandlerEnumerator(&self) -> windows_core::Result<IEnumString>;
    fn BindToHandler(
        &self,
        pszhandlerid: &windows_core::PCWSTR,
        riid: *const windows_core::GUID,
        ppv: *mut *mut core::ffi::c_void,
    ) -> windows_core::Result<()>;
}
impl ISyncMgrHandlerCollection_Vtbl {
    pub const fn new<Identity: ISyncMgrHandlerCollection_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn GetHandlerEnumerator<
            Identity: ISyncMgrHandlerCollection_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            ppenum: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrHandlerCollection_Impl::GetHandlerEnumerator(this) {
                    Ok(ok__) => {
                        ppenum.write(core::mem::transmute(ok__));
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn BindToHandler<
            Identity: ISyncMgrHandlerCollection_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszhandlerid: windows_core::PCWSTR,
            riid: *const windows_core::GUID,
            ppv: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrHandlerCollection_Impl::BindToHandler(
                    this,
                    core::mem::transmute(&pszhandlerid),
                    core::mem::transmute_copy(&riid),
                    core::mem::transmute_copy(&ppv),
                )
                .into()
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            GetHandlerEnumerator: GetHandlerEnumerator::<Identity, OFFSET>,
            BindToHandler: BindToHandler::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrHandlerCollection as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrHandlerCollection {}
windows_core::imp::define_interface!(
    ISyncMgrHandlerInfo,
    ISyncMgrHandlerInfo_Vtbl,
    0x4ff1d798_ecf7_4524_aa81_1e362a0aef3a
);
windows_core::imp::interface_hierarchy!(ISyncMgrHandlerInfo, windows_core::IUnknown);
impl ISyncMgrHandlerInfo {
    pub unsafe fn GetType(&self) -> windows_core::Result<SYNCMGR_HANDLER_TYPE> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetType)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn GetTypeLabel(&self) -> windows_core::Result<windows_core::PWSTR> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetTypeLabel)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn GetComment(&self) -> windows_core::Result<windows_core::PWSTR> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetComment)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn GetLastSyncTime(&self) -> windows_core::Result<FILETIME> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetLastSyncTime)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn IsActive(&self) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).IsActive)(windows_core::Interface::as_raw(self))
        }
    }
    pub unsafe fn IsEnabled(&self) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).IsEnabled)(windows_core::Interface::as_raw(self))
        }
    }
    pub unsafe fn IsConnected(&self) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).IsConnected)(windows_core::Interface::as_raw(
                self,
            ))
        }
    }
}
#[repr(C)]
pub struct ISyncMgrHandlerInfo_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub GetType: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut SYNCMGR_HANDLER_TYPE,
    ) -> windows_core::HRESULT,
    pub GetTypeLabel: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut windows_core::PWSTR,
    ) -> windows_core::HRESULT,
    pub GetComment: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut windows_core::PWSTR,
    ) -> windows_core::HRESULT,
    pub GetLastSyncTime:
        unsafe extern "system" fn(*mut core::ffi::c_void, *mut FILETIME) -> windows_core::HRESULT,
    pub IsActive: unsafe extern "system" fn(*mut core::ffi::c_void) -> windows_core::HRESULT,
    pub IsEnabled: unsafe extern "system" fn(*mut core::ffi::c_void) -> windows_core::HRESULT,
    pub IsConnected: unsafe extern "system" fn(*mut core::ffi::c_void) -> windows_core::HRESULT,
}
pub trait ISyncMgrHandlerInfo_Impl: windows_core::IUnknownImpl {
    fn GetType(&self) -> windows_core::Result<SYNCMGR_HANDLER_TYPE>;
    fn GetTypeLabel(&self) -> windows_core::Result<windows_core::PWSTR>;
    fn GetComment(&self) -> windows_core::Result<windows_core::PWSTR>;
    fn GetLastSyncTime(&self) -> windows_core::Result<FILETIME>;
    fn IsActive(&self) -> windows_core::Result<()>;
    fn IsEnabled(&self) -> windows_core::Result<()>;
    fn IsConnected(&self) -> windows_core::Result<()>;
}
impl ISyncMgrHandlerInfo_Vtbl {
    pub const fn new<Identity: ISyncMgrHandlerInfo_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn GetType<
            Identity: ISyncMgrHandlerInfo_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pntype: *mut SYNCMGR_HANDLER_TYPE,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrHandlerInfo_Impl::GetType(this) {
                    Ok(ok__) => {
                        pntype.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetTypeLabel<
            Identity: ISyncMgrHandlerInfo_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            ppsztypelabel: *mut windows_core::PWSTR,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrHandlerInfo_Impl::GetTypeLabel(this) {
                    Ok(ok__) => {
                        ppsztypelabel.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetComment<
            Identity: ISyncMgrHandlerInfo_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            ppszcomment: *mut windows_core::PWSTR,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrHandlerInfo_Impl::GetComment(this) {
                    Ok(ok__) => {
                        ppszcomment.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetLastSyncTime<
            Identity: ISyncMgrHandlerInfo_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pftlastsync: *mut FILETIME,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrHandlerInfo_Impl::GetLastSyncTime(this) {
                    Ok(ok__) => {
                        pftlastsync.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn IsActive<
            Identity: ISyncMgrHandlerInfo_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrHandlerInfo_Impl::IsActive(this).into()
            }
        }
        unsafe extern "system" fn IsEnabled<
            Identity: ISyncMgrHandlerInfo_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrHandlerInfo_Impl::IsEnabled(this).into()
            }
        }
        unsafe extern "system" fn IsConnected<
            Identity: ISyncMgrHandlerInfo_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrHandlerInfo_Impl::IsConnected(this).into()
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            GetType: GetType::<Identity, OFFSET>,
            GetTypeLabel: GetTypeLabel::<Identity, OFFSET>,
            GetComment: GetComment::<Identity, OFFSET>,
            GetLastSyncTime: GetLastSyncTime::<Identity, OFFSET>,
            IsActive: IsActive::<Identity, OFFSET>,
            IsEnabled: IsEnabled::<Identity, OFFSET>,
            IsConnected: IsConnected::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrHandlerInfo as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrHandlerInfo {}
windows_core::imp::define_interface!(
    ISyncMgrRegister,
    ISyncMgrRegister_Vtbl,
    0x6295df42_35ee_11d1_8707_00c04fd93327
);
windows_core::imp::interface_hierarchy!(ISyncMgrRegister, windows_core::IUnknown);
impl ISyncMgrRegister {
    pub unsafe fn RegisterSyncMgrHandler<P1>(
        &self,
        clsidhandler: *const windows_core::GUID,
        pwszdescription: P1,
        dwsyncmgrregisterflags: u32,
    ) -> windows_core::HRESULT
    where
        P1: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).RegisterSyncMgrHandler)(
                windows_core::Interface::as_raw(self),
                clsidhandler,
                pwszdescription.param().abi(),
                dwsyncmgrregisterflags,
            )
        }
    }
    pub unsafe fn UnregisterSyncMgrHandler(
        &self,
        clsidhandler: *const windows_core::GUID,
        dwreserved: u32,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).UnregisterSyncMgrHandler)(
                windows_core::Interface::as_raw(self),
                clsidhandler,
                dwreserved,
            )
        }
    }
    pub unsafe fn GetHandlerRegistrationInfo(
        &self,
        clsidhandler: *const windows_core::GUID,
        pdwsyncmgrregisterflags: *mut u32,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).GetHandlerRegistrationInfo)(
                windows_core::Interface::as_raw(self),
                clsidhandler,
                pdwsyncmgrregisterflags as _,
            )
        }
    }
}
#[repr(C)]
pub struct ISyncMgrRegister_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub RegisterSyncMgrHandler: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *const windows_core::GUID,
        windows_core::PCWSTR,
        u32,
    ) -> windows_core::HRESULT,
    pub UnregisterSyncMgrHandler: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *const windows_core::GUID,
        u32,
    ) -> windows_core::HRESULT,
    pub GetHandlerRegistrationInfo: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *const windows_core::GUID,
        *mut u32,
    ) -> windows_core::HRESULT,
}
pub trait ISyncMgrRegister_Impl: windows_core::IUnknownImpl {
    fn RegisterSyncMgrHandler(
        &self,
        clsidhandler: *const windows_core::GUID,
        pwszdescription: &windows_core::PCWSTR,
        dwsyncmgrregisterflags: u32,
    ) -> windows_core::Result<()>;
    fn UnregisterSyncMgrHandler(
        &self,
        clsidhandler: *const windows_core::GUID,
        dwreserved: u32,
    ) -> windows_core::Result<()>;
    fn GetHandlerRegistrationInfo(
        &self,
        clsidhandler: *const windows_core::GUID,
        pdwsyncmgrregisterflags: *mut u32,
    ) -> windows_core::Result<()>;
}
impl ISyncMgrRegister_Vtbl {
    pub const fn new<Identity: ISyncMgrRegister_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn RegisterSyncMgrHandler<
            Identity: ISyncMgrRegister_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            clsidhandler: *const windows_core::GUID,
            pwszdescription: windows_core::PCWSTR,
            dwsyncmgrregisterflags: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrRegister_Impl::RegisterSyncMgrHandler(
                    this,
                    core::mem::transmute_copy(&clsidhandler),
                    core::mem::transmute(&pwszdescription),
                    core::mem::transmute_copy(&dwsyncmgrregisterflags),
                )
                .into()
            }
        }
        unsafe extern "system" fn UnregisterSyncMgrHandler<
            Identity: ISyncMgrRegister_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            clsidhandler: *const windows_core::GUID,
            dwreserved: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrRegister_Impl::UnregisterSyncMgrHandler(
                    this,
                    core::mem::transmute_copy(&clsidhandler),
                    core::mem::transmute_copy(&dwreserved),
                )
                .into()
            }
        }
        unsafe extern "system" fn GetHandlerRegistrationInfo<
            Identity: ISyncMgrRegister_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            clsidhandler: *const windows_core::GUID,
            pdwsyncmgrregisterflags: *mut u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrRegister_Impl::GetHandlerRegistrationInfo(
                    this,
                    core::mem::transmute_copy(&clsidhandler),
                    core::mem::transmute_copy(&pdwsyncmgrregisterflags),
                )
                .into()
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            RegisterSyncMgrHandler: RegisterSyncMgrHandler::<Identity, OFFSET>,
            UnregisterSyncMgrHandler: UnregisterSyncMgrHandler::<Identity, OFFSET>,
            GetHandlerRegistrationInfo: GetHandlerRegistrationInfo::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrRegister as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrRegister {}
windows_core::imp::define_interface!(
    ISyncMgrSessionCreator,
    ISyncMgrSessionCreator_Vtbl,
    0x17f48517_f305_4321_a08d_b25a834918fd
);
windows_core::imp::interface_hierarchy!(ISyncMgrSessionCreator, windows_core::IUnknown);
impl ISyncMgrSessionCreator {
    pub unsafe fn CreateSession<P0>(
        &self,
        pszhandlerid: P0,
        ppszitemids: &[windows_core::PCWSTR],
    ) -> windows_core::Result<ISyncMgrSyncCallback>
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).CreateSession)(
                windows_core::Interface::as_raw(self),
                pszhandlerid.param().abi(),
                ppszitemids.as_ptr(),
                ppszitemids.len().try_into().unwrap(),
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
}
#[repr(C)]
pub struct ISyncMgrSessionCreator_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub CreateSession: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        *const windows_core::PCWSTR,
        u32,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
}
pub trait ISyncMgrSessionCreator_Impl: windows_core::IUnknownImpl {
    fn CreateSession(
        &self,
        pszhandlerid: &windows_core::PCWSTR,
        ppszitemids: *const windows_core::PCWSTR,
        citems: u32,
    ) -> windows_core::Result<ISyncMgrSyncCallback>;
}
impl ISyncMgrSessionCreator_Vtbl {
    pub const fn new<Identity: ISyncMgrSessionCreator_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn CreateSession<
            Identity: ISyncMgrSessionCreator_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszhandlerid: windows_core::PCWSTR,
            ppszitemids: *const windows_core::PCWSTR,
            citems: u32,
            ppcallback: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSessionCreator_Impl::CreateSession(
                    this,
                    core::mem::transmute(&pszhandlerid),
                    core::mem::transmute_copy(&ppszitemids),
                    core::mem::transmute_copy(&citems),
                ) {
                    Ok(ok__) => {
                        ppcallback.write(core::mem::transmute(ok__));
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            CreateSession: CreateSession::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrSessionCreator as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrSessionCreator {}
windows_core::imp::define_interface!(
    ISyncMgrSyncCallback,
    ISyncMgrSyncCallback_Vtbl,
    0x884ccd87_b139_4937_a4ba_4f8e19513fbe
);
windows_core::imp::interface_hierarchy!(ISyncMgrSyncCallback, windows_core::IUnknown);
impl ISyncMgrSyncCallback {
    pub unsafe fn ReportProgress<P0, P1>(
        &self,
        pszitemid: P0,
        pszprogresstext: P1,
        nstatus: SYNCMGR_PROGRESS_STATUS,
        ucurrentstep: u32,
        umaxstep: u32,
        pncancelrequest: *mut SYNCMGR_CANCEL_REQUEST,
    ) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
        P1: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).ReportProgress)(
                windows_core::Interface::as_raw(self),
                pszitemid.param().abi(),
                pszprogresstext.param().abi(),
                nstatus,
                ucurrentstep,
                umaxstep,
                pncancelrequest as _,
            )
        }
    }
    pub unsafe fn SetHandlerProgressText<P0>(
        &self,
        pszprogresstext: P0,
        pncancelrequest: *mut SYNCMGR_CANCEL_REQUEST,
    ) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).SetHandlerProgressText)(
                windows_core::Interface::as_raw(self),
                pszprogresstext.param().abi(),
                pncancelrequest as _,
            )
        }
    }
    pub unsafe fn ReportEvent<P0, P3, P4, P5, P6, P7>(
        &self,
        pszitemid: P0,
        nlevel: SYNCMGR_EVENT_LEVEL,
        nflags: SYNCMGR_EVENT_FLAGS,
        pszname: P3,
        pszdescription: P4,
        pszlinktext: P5,
        pszlinkreference: P6,
        pszcontext: P7,
    ) -> windows_core::Result<windows_core::GUID>
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
        P3: windows_core::Param<windows_core::PCWSTR>,
        P4: windows_core::Param<windows_core::PCWSTR>,
        P5: windows_core::Param<windows_core::PCWSTR>,
        P6: windows_core::Param<windows_core::PCWSTR>,
        P7: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).ReportEvent)(
                windows_core::Interface::as_raw(self),
                pszitemid.param().abi(),
                nlevel,
                nflags,
                pszname.param().abi(),
                pszdescription.param().abi(),
                pszlinktext.param().abi(),
                pszlinkreference.param().abi(),
                pszcontext.param().abi(),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn CanContinue<P0>(&self, pszitemid: P0) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).CanContinue)(
                windows_core::Interface::as_raw(self),
                pszitemid.param().abi(),
            )
        }
    }
    pub unsafe fn QueryForAdditionalItems(
        &self,
        ppenumitemids: *mut Option<IEnumString>,
        ppenumpunks: *mut Option<IEnumUnknown>,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).QueryForAdditionalItems)(
                windows_core::Interface::as_raw(self),
                core::mem::transmute(ppenumitemids),
                core::mem::transmute(ppenumpunks),
            )
        }
    }
    pub unsafe fn AddItemToSession<P0>(&self, pszitemid: P0) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).AddItemToSession)(
                windows_core::Interface::as_raw(self),
                pszitemid.param().abi(),
            )
        }
    }
    pub unsafe fn AddIUnknownToSession<P0>(&self, punk: P0) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::IUnknown>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).AddIUnknownToSession)(
                windows_core::Interface::as_raw(self),
                punk.param().abi(),
            )
        }
    }
    pub unsafe fn ProposeItem<P0>(&self, pnewitem: P0) -> windows_core::HRESULT
    where
        P0: windows_core::Param<ISyncMgrSyncItem>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).ProposeItem)(
                windows_core::Interface::as_raw(self),
                pnewitem.param().abi(),
            )
        }
    }
    pub unsafe fn CommitItem<P0>(&self, pszitemid: P0) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).CommitItem)(
                windows_core::Interface::as_raw(self),
                pszitemid.param().abi(),
            )
        }
    }
    pub unsafe fn ReportManualSync(&self) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).ReportManualSync)(
                windows_core::Interface::as_raw(self),
            )
        }
    }
}
#[repr(C)]
pub struct ISyncMgrSyncCallback_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub ReportProgress: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        windows_core::PCWSTR,
        SYNCMGR_PROGRESS_STATUS,
        u32,
        u32,
        *mut SYNCMGR_CANCEL_REQUEST,
    ) -> windows_core::HRESULT,
    pub SetHandlerProgressText: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        *mut SYNCMGR_CANCEL_REQUEST,
    ) -> windows_core::HRESULT,
    pub ReportEvent: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        SYNCMGR_EVENT_LEVEL,
        SYNCMGR_EVENT_FLAGS,
        windows_core::PCWSTR,
        windows_core::PCWSTR,
        windows_core::PCWSTR,
        windows_core::PCWSTR,
        windows_core::PCWSTR,
        *mut windows_core::GUID,
    ) -> windows_core::HRESULT,
    pub CanContinue: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
    ) -> windows_core::HRESULT,
    pub QueryForAdditionalItems: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut *mut core::ffi::c_void,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub AddItemToSession: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
    ) -> windows_core::HRESULT,
    pub AddIUnknownToSession: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub ProposeItem: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub CommitItem: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
    ) -> windows_core::HRESULT,
    pub ReportManualSync:
        unsafe extern "system" fn(*mut core::ffi::c_void) -> windows_core::HRESULT,
}
pub trait ISyncMgrSyncCallback_Impl: windows_core::IUnknownImpl {
    fn ReportProgress(
        &self,
        pszitemid: &windows_core::PCWSTR,
        pszprogresstext: &windows_core::PCWSTR,
        nstatus: SYNCMGR_PROGRESS_STATUS,
        ucurrentstep: u32,
        umaxstep: u32,
        pncancelrequest: *mut SYNCMGR_CANCEL_REQUEST,
    ) -> windows_core::Result<()>;
    fn SetHandlerProgressText(
        &self,
        pszprogresstext: &windows_core::PCWSTR,
        pncancelrequest: *mut SYNCMGR_CANCEL_REQUEST,
    ) -> windows_core::Result<()>;
    fn ReportEvent(
        &self,
        pszitemid: &windows_core::PCWSTR,
        nlevel: SYNCMGR_EVENT_LEVEL,
        nflags: SYNCMGR_EVENT_FLAGS,
        pszname: &windows_core::PCWSTR,
        pszdescription: &windows_core::PCWSTR,
        pszlinktext: &windows_core::PCWSTR,
        pszlinkreference: &windows_core::PCWSTR,
        pszcontext: &windows_core::PCWSTR,
    ) -> windows_core::Result<windows_core::GUID>;
    fn CanContinue(&self, pszitemid: &windows_core::PCWSTR) -> windows_core::Result<()>;
    fn QueryForAdditionalItems(
        &self,
        ppenumitemids: windows_core::OutRef<IEnumString>,
        ppenumpunks: windows_core::OutRef<IEnumUnknown>,
    ) -> windows_core::Result<()>;
    fn AddItemToSession(&self, pszitemid: &windows_core::PCWSTR) -> windows_core::Result<()>;
    fn AddIUnknownToSession(
        &self,
        punk: windows_core::Ref<windows_core::IUnknown>,
    ) -> windows_core::Result<()>;
    fn ProposeItem(
        &self,
        pnewitem: windows_core::Ref<ISyncMgrSyncItem>,
    ) -> windows_core::Result<()>;
    fn CommitItem(&self, pszitemid: &windows_core::PCWSTR) -> windows_core::Result<()>;
    fn ReportManualSync(&self) -> windows_core::Result<()>;
}
impl ISyncMgrSyncCallback_Vtbl {
    pub const fn new<Identity: ISyncMgrSyncCallback_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn ReportProgress<
            Identity: ISyncMgrSyncCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszitemid: windows_core::PCWSTR,
            pszprogresstext: windows_core::PCWSTR,
            nstatus: SYNCMGR_PROGRESS_STATUS,
            ucurrentstep: u32,
            umaxstep: u32,
            pncancelrequest: *mut SYNCMGR_CANCEL_REQUEST,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncCallback_Impl::ReportProgress(
                    this,
                    core::mem::transmute(&pszitemid),
                    core::mem::transmute(&pszprogresstext),
                    core::mem::transmute_copy(&nstatus),
                    core::mem::transmute_copy(&ucurrentstep),
                    core::mem::transmute_copy(&umaxstep),
                    core::mem::transmute_copy(&pncancelrequest),
                )
                .into()
            }
        }
        unsafe extern "system" fn SetHandlerProgressText<
            Identity: ISyncMgrSyncCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszprogresstext: windows_core::PCWSTR,
            pncancelrequest: *mut SYNCMGR_CANCEL_REQUEST,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncCallback_Impl::SetHandlerProgressText(
                    this,
                    core::mem::transmute(&pszprogresstext),
                    core::mem::transmute_copy(&pncancelrequest),
                )
                .into()
            }
        }
        unsafe extern "system" fn ReportEvent<
            Identity: ISyncMgrSyncCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszitemid: windows_core::PCWSTR,
            nlevel: SYNCMGR_EVENT_LEVEL,
            nflags: SYNCMGR_EVENT_FLAGS,
            pszname: windows_core::PCWSTR,
            pszdescription: windows_core::PCWSTR,
            pszlinktext: windows_core::PCWSTR,
            pszlinkreference: windows_core::PCWSTR,
            pszcontext: windows_core::PCWSTR,
            pguideventid: *mut windows_core::GUID,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSyncCallback_Impl::ReportEvent(
                    this,
                    core::mem::transmute(&pszitemid),
                    core::mem::transmute_copy(&nlevel),
                    core::mem::transmute_copy(&nflags),
                    core::mem::transmute(&pszname),
                    core::mem::transmute(&pszdescription),
                    core::mem::transmute(&pszlinktext),
                    core::mem::transmute(&pszlinkreference),
                    core::mem::transmute(&pszcontext),
                ) {
                    Ok(ok__) => {
                        pguideventid.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn CanContinue<
            Identity: ISyncMgrSyncCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszitemid: windows_core::PCWSTR,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncCallback_Impl::CanContinue(this, core::mem::transmute(&pszitemid))
                    .into()
            }
        }
        unsafe extern "system" fn QueryForAdditionalItems<
            Identity: ISyncMgrSyncCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            ppenumitemids: *mut *mut core::ffi::c_void,
            ppenumpunks: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncCallback_Impl::QueryForAdditionalItems(
                    this,
                    core::mem::transmute_copy(&ppenumitemids),
                    core::mem::transmute_copy(&ppenumpunks),
                )
                .into()
            }
        }
        unsafe extern "system" fn AddItemToSession<
            Identity: ISyncMgrSyncCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszitemid: windows_core::PCWSTR,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncCallback_Impl::AddItemToSession(this, core::mem::transmute(&pszitemid))
                    .into()
            }
        }
        unsafe extern "system" fn AddIUnknownToSession<
            Identity: ISyncMgrSyncCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            punk: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncCallback_Impl::AddIUnknownToSession(
                    this,
                    core::mem::transmute_copy(&punk),
                )
                .into()
            }
        }
        unsafe extern "system" fn ProposeItem<
            Identity: ISyncMgrSyncCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pnewitem: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncCallback_Impl::ProposeItem(this, core::mem::transmute_copy(&pnewitem))
                    .into()
            }
        }
        unsafe extern "system" fn CommitItem<
            Identity: ISyncMgrSyncCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszitemid: windows_core::PCWSTR,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncCallback_Impl::CommitItem(this, core::mem::transmute(&pszitemid)).into()
            }
        }
        unsafe extern "system" fn ReportManualSync<
            Identity: ISyncMgrSyncCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncCallback_Impl::ReportManualSync(this).into()
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            ReportProgress: ReportProgress::<Identity, OFFSET>,
            SetHandlerProgressText: SetHandlerProgressText::<Identity, OFFSET>,
            ReportEvent: ReportEvent::<Identity, OFFSET>,
            CanContinue: CanContinue::<Identity, OFFSET>,
            QueryForAdditionalItems: QueryForAdditionalItems::<Identity, OFFSET>,
            AddItemToSession: AddItemToSession::<Identity, OFFSET>,
            AddIUnknownToSession: AddIUnknownToSession::<Identity, OFFSET>,
            ProposeItem: ProposeItem::<Identity, OFFSET>,
            CommitItem: CommitItem::<Identity, OFFSET>,
            ReportManualSync: ReportManualSync::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrSyncCallback as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrSyncCallback {}
windows_core::imp::define_interface!(
    ISyncMgrSyncItem,
    ISyncMgrSyncItem_Vtbl,
    0xb20b24ce_2593_4f04_bd8b_7ad6c45051cd
);
windows_core::imp::interface_hierarchy!(ISyncMgrSyncItem, windows_core::IUnknown);
impl ISyncMgrSyncItem {
    pub unsafe fn GetItemID(&self) -> windows_core::Result<windows_core::PWSTR> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetItemID)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn GetName(&self) -> windows_core::Result<windows_core::PWSTR> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetName)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn GetItemInfo(&self) -> windows_core::Result<ISyncMgrSyncItemInfo> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetItemInfo)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
    pub unsafe fn GetObject<T>(
        &self,
        rguidobjectid: *const windows_core::GUID,
    ) -> windows_core::Result<T>
    where
        T: windows_core::Interface,
    {
        let mut result__ = core::ptr::null_mut();
        unsafe {
            (windows_core::Interface::vtable(self).GetObject)(
                windows_core::Interface::as_raw(self),
                rguidobjectid,
                &T::IID,
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
    pub unsafe fn GetCapabilities(&self) -> windows_core::Result<SYNCMGR_ITEM_CAPABILITIES> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetCapabilities)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn GetPolicies(&self) -> windows_core::Result<SYNCMGR_ITEM_POLICIES> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetPolicies)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn Enable(&self, fenable: bool) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Enable)(
                windows_core::Interface::as_raw(self),
                fenable.into(),
            )
        }
    }
    pub unsafe fn Delete(&self) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Delete)(windows_core::Interface::as_raw(self))
        }
    }
}
#[repr(C)]
pub struct ISyncMgrSyncItem_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub GetItemID: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut windows_core::PWSTR,
    ) -> windows_core::HRESULT,
    pub GetName: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut windows_core::PWSTR,
    ) -> windows_core::HRESULT,
    pub GetItemInfo: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub GetObject: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *const windows_core::GUID,
        *const windows_core::GUID,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub GetCapabilities: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut SYNCMGR_ITEM_CAPABILITIES,
    ) -> windows_core::HRESULT,
    pub GetPolicies: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut SYNCMGR_ITEM_POLICIES,
    ) -> windows_core::HRESULT,
    pub Enable: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::BOOL,
    ) -> windows_core::HRESULT,
    pub Delete: unsafe extern "system" fn(*mut core::ffi::c_void) -> windows_core::HRESULT,
}
pub trait ISyncMgrSyncItem_Impl: windows_core::IUnknownImpl {
    fn GetItemID(&self) -> windows_core::Result<windows_core::PWSTR>;
    fn GetName(&self) -> windows_core::Result<windows_core::PWSTR>;
    fn GetItemInfo(&self) -> windows_core::Result<ISyncMgrSyncItemInfo>;
    fn GetObject(
        &self,
        rguidobjectid: *const windows_core::GUID,
        riid: *const windows_core::GUID,
        ppv: *mut *mut core::ffi::c_void,
    ) -> windows_core::Result<()>;
    fn GetCapabilities(&self) -> windows_core::Result<SYNCMGR_ITEM_CAPABILITIES>;
    fn GetPolicies(&self) -> windows_core::Result<SYNCMGR_ITEM_POLICIES>;
    fn Enable(&self, fenable: windows_core::BOOL) -> windows_core::Result<()>;
    fn Delete(&self) -> windows_core::Result<()>;
}
impl ISyncMgrSyncItem_Vtbl {
    pub const fn new<Identity: ISyncMgrSyncItem_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn GetItemID<
            Identity: ISyncMgrSyncItem_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            ppszitemid: *mut windows_core::PWSTR,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSyncItem_Impl::GetItemID(this) {
                    Ok(ok__) => {
                        ppszitemid.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetName<Identity: ISyncMgrSyncItem_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            ppszname: *mut windows_core::PWSTR,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSyncItem_Impl::GetName(this) {
                    Ok(ok__) => {
                        ppszname.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetItemInfo<
            Identity: ISyncMgrSyncItem_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            ppiteminfo: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSyncItem_Impl::GetItemInfo(this) {
                    Ok(ok__) => {
                        ppiteminfo.write(core::mem::transmute(ok__));
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetObject<
            Identity: ISyncMgrSyncItem_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            rguidobjectid: *const windows_core::GUID,
            riid: *const windows_core::GUID,
            ppv: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncItem_Impl::GetObject(
                    this,
                    core::mem::transmute_copy(&rguidobjectid),
                    core::mem::transmute_copy(&riid),
                    core::mem::transmute_copy(&ppv),
                )
                .into()
            }
        }
        unsafe extern "system" fn GetCapabilities<
            Identity: ISyncMgrSyncItem_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pmcapabilities: *mut SYNCMGR_ITEM_CAPABILITIES,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSyncItem_Impl::GetCapabilities(this) {
                    Ok(ok__) => {
                        pmcapabilities.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetPolicies<
            Identity: ISyncMgrSyncItem_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pmpolicies: *mut SYNCMGR_ITEM_POLICIES,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSyncItem_Impl::GetPolicies(this) {
                    Ok(ok__) => {
                        pmpolicies.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn Enable<Identity: ISyncMgrSyncItem_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            fenable: windows_core::BOOL,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncItem_Impl::Enable(this, core::mem::transmute_copy(&fenable)).into()
            }
        }
        unsafe extern "system" fn Delete<Identity: ISyncMgrSyncItem_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncItem_Impl::Delete(this).into()
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            GetItemID: GetItemID::<Identity, OFFSET>,
            GetName: GetName::<Identity, OFFSET>,
            GetItemInfo: GetItemInfo::<Identity, OFFSET>,
            GetObject: GetObject::<Identity, OFFSET>,
            GetCapabilities: GetCapabilities::<Identity, OFFSET>,
            GetPolicies: GetPolicies::<Identity, OFFSET>,
            Enable: Enable::<Identity, OFFSET>,
            Delete: Delete::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrSyncItem as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrSyncItem {}
windows_core::imp::define_interface!(
    ISyncMgrSyncItemContainer,
    ISyncMgrSyncItemContainer_Vtbl,
    0x90701133_be32_4129_a65c_99e616cafff4
);
windows_core::imp::interface_hierarchy!(ISyncMgrSyncItemContainer, windows_core::IUnknown);
impl ISyncMgrSyncItemContainer {
    pub unsafe fn GetSyncItem<P0>(&self, pszitemid: P0) -> windows_core::Result<ISyncMgrSyncItem>
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetSyncItem)(
                windows_core::Interface::as_raw(self),
                pszitemid.param().abi(),
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
    pub unsafe fn GetSyncItemEnumerator(&self) -> windows_core::Result<IEnumSyncMgrSyncItems> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetSyncItemEnumerator)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
    pub unsafe fn GetSyncItemCount(&self) -> windows_core::Result<u32> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetSyncItemCount)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
}
#[repr(C)]
pub struct ISyncMgrSyncItemContainer_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub GetSyncItem: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub GetSyncItemEnumerator: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub GetSyncItemCount:
        unsafe extern "system" fn(*mut core::ffi::c_void, *mut u32) -> windows_core::HRESULT,
}
pub trait ISyncMgrSyncItemContainer_Impl: windows_core::IUnknownImpl {
    fn GetSyncItem(
        &self,
        pszitemid: &windows_core::PCWSTR,
    ) -> windows_core::Result<ISyncMgrSyncItem>;
    fn GetSyncItemEnumerator(&self) -> windows_core::Result<IEnumSyncMgrSyncItems>;
    fn GetSyncItemCount(&self) -> windows_core::Result<u32>;
}
impl ISyncMgrSyncItemContainer_Vtbl {
    pub const fn new<Identity: ISyncMgrSyncItemContainer_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn GetSyncItem<
            Identity: ISyncMgrSyncItemContainer_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pszitemid: windows_core::PCWSTR,
            ppitem: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSyncItemContainer_Impl::GetSyncItem(
                    this,
                    core::mem::transmute(&pszitemid),
                ) {
                    Ok(ok__) => {
                        ppitem.write(core::mem::transmute(ok__));
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetSyncItemEnumerator<
            Identity: ISyncMgrSyncItemContainer_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            ppenum: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSyncItemContainer_Impl::GetSyncItemEnumerator(this) {
                    Ok(ok__) => {
                        ppenum.write(core::mem::transmute(ok__));
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetSyncItemCount<
            Identity: ISyncMgrSyncItemContainer_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pcitems: *mut u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSyncItemContainer_Impl::GetSyncItemCount(this) {
                    Ok(ok__) => {
                        pcitems.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            GetSyncItem: GetSyncItem::<Identity, OFFSET>,
            GetSyncItemEnumerator: GetSyncItemEnumerator::<Identity, OFFSET>,
            GetSyncItemCount: GetSyncItemCount::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrSyncItemContainer as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrSyncItemContainer {}
windows_core::imp::define_interface!(
    ISyncMgrSyncItemInfo,
    ISyncMgrSyncItemInfo_Vtbl,
    0xe7fd9502_be0c_4464_90a1_2b5277031232
);
windows_core::imp::interface_hierarchy!(ISyncMgrSyncItemInfo, windows_core::IUnknown);
impl ISyncMgrSyncItemInfo {
    pub unsafe fn GetTypeLabel(&self) -> windows_core::Result<windows_core::PWSTR> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetTypeLabel)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn GetComment(&self) -> windows_core::Result<windows_core::PWSTR> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetComment)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn GetLastSyncTime(&self) -> windows_core::Result<FILETIME> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetLastSyncTime)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn IsEnabled(&self) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).IsEnabled)(windows_core::Interface::as_raw(self))
        }
    }
    pub unsafe fn IsConnected(&self) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).IsConnected)(windows_core::Interface::as_raw(
                self,
            ))
        }
    }
}
#[repr(C)]
pub struct ISyncMgrSyncItemInfo_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub GetTypeLabel: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut windows_core::PWSTR,
    ) -> windows_core::HRESULT,
    pub GetComment: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut windows_core::PWSTR,
    ) -> windows_core::HRESULT,
    pub GetLastSyncTime:
        unsafe extern "system" fn(*mut core::ffi::c_void, *mut FILETIME) -> windows_core::HRESULT,
    pub IsEnabled: unsafe extern "system" fn(*mut core::ffi::c_void) -> windows_core::HRESULT,
    pub IsConnected: unsafe extern "system" fn(*mut core::ffi::c_void) -> windows_core::HRESULT,
}
pub trait ISyncMgrSyncItemInfo_Impl: windows_core::IUnknownImpl {
    fn GetTypeLabel(&self) -> windows_core::Result<windows_core::PWSTR>;
    fn GetComment(&self) -> windows_core::Result<windows_core::PWSTR>;
    fn GetLastSyncTime(&self) -> windows_core::Result<FILETIME>;
    fn IsEnabled(&self) -> windows_core::Result<()>;
    fn IsConnected(&self) -> windows_core::Result<()>;
}
impl ISyncMgrSyncItemInfo_Vtbl {
    pub const fn new<Identity: ISyncMgrSyncItemInfo_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn GetTypeLabel<
            Identity: ISyncMgrSyncItemInfo_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            ppsztypelabel: *mut windows_core::PWSTR,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSyncItemInfo_Impl::GetTypeLabel(this) {
                    Ok(ok__) => {
                        ppsztypelabel.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetComment<
            Identity: ISyncMgrSyncItemInfo_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            ppszcomment: *mut windows_core::PWSTR,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSyncItemInfo_Impl::GetComment(this) {
                    Ok(ok__) => {
                        ppszcomment.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetLastSyncTime<
            Identity: ISyncMgrSyncItemInfo_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pftlastsync: *mut FILETIME,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSyncItemInfo_Impl::GetLastSyncTime(this) {
                    Ok(ok__) => {
                        pftlastsync.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn IsEnabled<
            Identity: ISyncMgrSyncItemInfo_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncItemInfo_Impl::IsEnabled(this).into()
            }
        }
        unsafe extern "system" fn IsConnected<
            Identity: ISyncMgrSyncItemInfo_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncItemInfo_Impl::IsConnected(this).into()
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            GetTypeLabel: GetTypeLabel::<Identity, OFFSET>,
            GetComment: GetComment::<Identity, OFFSET>,
            GetLastSyncTime: GetLastSyncTime::<Identity, OFFSET>,
            IsEnabled: IsEnabled::<Identity, OFFSET>,
            IsConnected: IsConnected::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrSyncItemInfo as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrSyncItemInfo {}
windows_core::imp::define_interface!(
    ISyncMgrSyncResult,
    ISyncMgrSyncResult_Vtbl,
    0x2b90f17e_5a3e_4b33_bb7f_1bc48056b94d
);
windows_core::imp::interface_hierarchy!(ISyncMgrSyncResult, windows_core::IUnknown);
impl ISyncMgrSyncResult {
    pub unsafe fn Result(
        &self,
        nstatus: SYNCMGR_PROGRESS_STATUS,
        cerror: u32,
        cconflicts: u32,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Result)(
                windows_core::Interface::as_raw(self),
                nstatus,
                cerror,
                cconflicts,
            )
        }
    }
}
#[repr(C)]
pub struct ISyncMgrSyncResult_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub Result: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        SYNCMGR_PROGRESS_STATUS,
        u32,
        u32,
    ) -> windows_core::HRESULT,
}
pub trait ISyncMgrSyncResult_Impl: windows_core::IUnknownImpl {
    fn Result(
        &self,
        nstatus: SYNCMGR_PROGRESS_STATUS,
        cerror: u32,
        cconflicts: u32,
    ) -> windows_core::Result<()>;
}
impl ISyncMgrSyncResult_Vtbl {
    pub const fn new<Identity: ISyncMgrSyncResult_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn Result<Identity: ISyncMgrSyncResult_Impl, const OFFSET: isize>(
            this: *mut core::ffi::c_void,
            nstatus: SYNCMGR_PROGRESS_STATUS,
            cerror: u32,
            cconflicts: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSyncResult_Impl::Result(
                    this,
                    core::mem::transmute_copy(&nstatus),
                    core::mem::transmute_copy(&cerror),
                    core::mem::transmute_copy(&cconflicts),
                )
                .into()
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            Result: Result::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrSyncResult as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrSyncResult {}
windows_core::imp::define_interface!(
    ISyncMgrSynchronize,
    ISyncMgrSynchronize_Vtbl,
    0x6295df40_35ee_11d1_8707_00c04fd93327
);
windows_core::imp::interface_hierarchy!(ISyncMgrSynchronize, windows_core::IUnknown);
impl ISyncMgrSynchronize {
    pub unsafe fn Initialize(
        &self,
        dwreserved: u32,
        dwsyncmgrflags: u32,
        lpcookie: &[u8],
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Initialize)(
                windows_core::Interface::as_raw(self),
                dwreserved,
                dwsyncmgrflags,
                lpcookie.len().try_into().unwrap(),
                lpcookie.as_ptr(),
            )
        }
    }
    pub unsafe fn GetHandlerInfo(&self) -> windows_core::Result<*mut SYNCMGRHANDLERINFO> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).GetHandlerInfo)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .map(|| result__)
        }
    }
    pub unsafe fn EnumSyncMgrItems(&self) -> windows_core::Result<ISyncMgrEnumItems> {
        unsafe {
            let mut result__ = core::mem::zeroed();
            (windows_core::Interface::vtable(self).EnumSyncMgrItems)(
                windows_core::Interface::as_raw(self),
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
    pub unsafe fn GetItemObject<T>(
        &self,
        itemid: *const windows_core::GUID,
    ) -> windows_core::Result<T>
    where
        T: windows_core::Interface,
    {
        let mut result__ = core::ptr::null_mut();
        unsafe {
            (windows_core::Interface::vtable(self).GetItemObject)(
                windows_core::Interface::as_raw(self),
                itemid,
                &T::IID,
                &mut result__,
            )
            .and_then(|| windows_core::imp::Type::from_abi(result__))
        }
    }
    pub unsafe fn ShowProperties(
        &self,
        hwndparent: HWND,
        itemid: *const windows_core::GUID,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).ShowProperties)(
                windows_core::Interface::as_raw(self),
                hwndparent,
                itemid,
            )
        }
    }
    pub unsafe fn SetProgressCallback<P0>(&self, lpcallback: P0) -> windows_core::HRESULT
    where
        P0: windows_core::Param<ISyncMgrSynchronizeCallback>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).SetProgressCallback)(
                windows_core::Interface::as_raw(self),
                lpcallback.param().abi(),
            )
        }
    }
    pub unsafe fn PrepareForSync(
        &self,
        pitemids: &[windows_core::GUID],
        hwndparent: HWND,
        dwreserved: u32,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).PrepareForSync)(
                windows_core::Interface::as_raw(self),
                pitemids.len().try_into().unwrap(),
                pitemids.as_ptr(),
                hwndparent,
                dwreserved,
            )
        }
    }
    pub unsafe fn Synchronize(&self, hwndparent: HWND) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Synchronize)(
                windows_core::Interface::as_raw(self),
                hwndparent,
            )
        }
    }
    pub unsafe fn SetItemStatus(
        &self,
        pitemid: *const windows_core::GUID,
        dwsyncmgrstatus: u32,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).SetItemStatus)(
                windows_core::Interface::as_raw(self),
                pitemid,
                dwsyncmgrstatus,
            )
        }
    }
    pub unsafe fn ShowError(
        &self,
        hwndparent: HWND,
        errorid: *const windows_core::GUID,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).ShowError)(
                windows_core::Interface::as_raw(self),
                hwndparent,
                errorid,
            )
        }
    }
}
#[repr(C)]
pub struct ISyncMgrSynchronize_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub Initialize: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        u32,
        u32,
        u32,
        *const u8,
    ) -> windows_core::HRESULT,
    pub GetHandlerInfo: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut *mut SYNCMGRHANDLERINFO,
    ) -> windows_core::HRESULT,
    pub EnumSyncMgrItems: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub GetItemObject: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *const windows_core::GUID,
        *const windows_core::GUID,
        *mut *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub ShowProperties: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        HWND,
        *const windows_core::GUID,
    ) -> windows_core::HRESULT,
    pub SetProgressCallback: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *mut core::ffi::c_void,
    ) -> windows_core::HRESULT,
    pub PrepareForSync: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        u32,
        *const windows_core::GUID,
        HWND,
        u32,
    ) -> windows_core::HRESULT,
    pub Synchronize:
        unsafe extern "system" fn(*mut core::ffi::c_void, HWND) -> windows_core::HRESULT,
    pub SetItemStatus: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *const windows_core::GUID,
        u32,
    ) -> windows_core::HRESULT,
    pub ShowError: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        HWND,
        *const windows_core::GUID,
    ) -> windows_core::HRESULT,
}
pub trait ISyncMgrSynchronize_Impl: windows_core::IUnknownImpl {
    fn Initialize(
        &self,
        dwreserved: u32,
        dwsyncmgrflags: u32,
        cbcookie: u32,
        lpcookie: *const u8,
    ) -> windows_core::Result<()>;
    fn GetHandlerInfo(&self) -> windows_core::Result<*mut SYNCMGRHANDLERINFO>;
    fn EnumSyncMgrItems(&self) -> windows_core::Result<ISyncMgrEnumItems>;
    fn GetItemObject(
        &self,
        itemid: *const windows_core::GUID,
        riid: *const windows_core::GUID,
        ppv: *mut *mut core::ffi::c_void,
    ) -> windows_core::Result<()>;
    fn ShowProperties(
        &self,
        hwndparent: HWND,
        itemid: *const windows_core::GUID,
    ) -> windows_core::Result<()>;
    fn SetProgressCallback(
        &self,
        lpcallback: windows_core::Ref<ISyncMgrSynchronizeCallback>,
    ) -> windows_core::Result<()>;
    fn PrepareForSync(
        &self,
        cbnumitems: u32,
        pitemids: *const windows_core::GUID,
        hwndparent: HWND,
        dwreserved: u32,
    ) -> windows_core::Result<()>;
    fn Synchronize(&self, hwndparent: HWND) -> windows_core::Result<()>;
    fn SetItemStatus(
        &self,
        pitemid: *const windows_core::GUID,
        dwsyncmgrstatus: u32,
    ) -> windows_core::Result<()>;
    fn ShowError(
        &self,
        hwndparent: HWND,
        errorid: *const windows_core::GUID,
    ) -> windows_core::Result<()>;
}
impl ISyncMgrSynchronize_Vtbl {
    pub const fn new<Identity: ISyncMgrSynchronize_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn Initialize<
            Identity: ISyncMgrSynchronize_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            dwreserved: u32,
            dwsyncmgrflags: u32,
            cbcookie: u32,
            lpcookie: *const u8,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronize_Impl::Initialize(
                    this,
                    core::mem::transmute_copy(&dwreserved),
                    core::mem::transmute_copy(&dwsyncmgrflags),
                    core::mem::transmute_copy(&cbcookie),
                    core::mem::transmute_copy(&lpcookie),
                )
                .into()
            }
        }
        unsafe extern "system" fn GetHandlerInfo<
            Identity: ISyncMgrSynchronize_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            ppsyncmgrhandlerinfo: *mut *mut SYNCMGRHANDLERINFO,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSynchronize_Impl::GetHandlerInfo(this) {
                    Ok(ok__) => {
                        ppsyncmgrhandlerinfo.write(ok__);
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn EnumSyncMgrItems<
            Identity: ISyncMgrSynchronize_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            ppsyncmgrenumitems: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                match ISyncMgrSynchronize_Impl::EnumSyncMgrItems(this) {
                    Ok(ok__) => {
                        ppsyncmgrenumitems.write(core::mem::transmute(ok__));
                        windows_core::HRESULT(0)
                    }
                    Err(err) => err.into(),
                }
            }
        }
        unsafe extern "system" fn GetItemObject<
            Identity: ISyncMgrSynchronize_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            itemid: *const windows_core::GUID,
            riid: *const windows_core::GUID,
            ppv: *mut *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronize_Impl::GetItemObject(
                    this,
                    core::mem::transmute_copy(&itemid),
                    core::mem::transmute_copy(&riid),
                    core::mem::transmute_copy(&ppv),
                )
                .into()
            }
        }
        unsafe extern "system" fn ShowProperties<
            Identity: ISyncMgrSynchronize_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            hwndparent: HWND,
            itemid: *const windows_core::GUID,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronize_Impl::ShowProperties(
                    this,
                    core::mem::transmute_copy(&hwndparent),
                    core::mem::transmute_copy(&itemid),
                )
                .into()
            }
        }
        unsafe extern "system" fn SetProgressCallback<
            Identity: ISyncMgrSynchronize_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            lpcallback: *mut core::ffi::c_void,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronize_Impl::SetProgressCallback(
                    this,
                    core::mem::transmute_copy(&lpcallback),
                )
                .into()
            }
        }
        unsafe extern "system" fn PrepareForSync<
            Identity: ISyncMgrSynchronize_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            cbnumitems: u32,
            pitemids: *const windows_core::GUID,
            hwndparent: HWND,
            dwreserved: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronize_Impl::PrepareForSync(
                    this,
                    core::mem::transmute_copy(&cbnumitems),
                    core::mem::transmute_copy(&pitemids),
                    core::mem::transmute_copy(&hwndparent),
                    core::mem::transmute_copy(&dwreserved),
                )
                .into()
            }
        }
        unsafe extern "system" fn Synchronize<
            Identity: ISyncMgrSynchronize_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            hwndparent: HWND,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronize_Impl::Synchronize(this, core::mem::transmute_copy(&hwndparent))
                    .into()
            }
        }
        unsafe extern "system" fn SetItemStatus<
            Identity: ISyncMgrSynchronize_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pitemid: *const windows_core::GUID,
            dwsyncmgrstatus: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronize_Impl::SetItemStatus(
                    this,
                    core::mem::transmute_copy(&pitemid),
                    core::mem::transmute_copy(&dwsyncmgrstatus),
                )
                .into()
            }
        }
        unsafe extern "system" fn ShowError<
            Identity: ISyncMgrSynchronize_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            hwndparent: HWND,
            errorid: *const windows_core::GUID,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronize_Impl::ShowError(
                    this,
                    core::mem::transmute_copy(&hwndparent),
                    core::mem::transmute_copy(&errorid),
                )
                .into()
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            Initialize: Initialize::<Identity, OFFSET>,
            GetHandlerInfo: GetHandlerInfo::<Identity, OFFSET>,
            EnumSyncMgrItems: EnumSyncMgrItems::<Identity, OFFSET>,
            GetItemObject: GetItemObject::<Identity, OFFSET>,
            ShowProperties: ShowProperties::<Identity, OFFSET>,
            SetProgressCallback: SetProgressCallback::<Identity, OFFSET>,
            PrepareForSync: PrepareForSync::<Identity, OFFSET>,
            Synchronize: Synchronize::<Identity, OFFSET>,
            SetItemStatus: SetItemStatus::<Identity, OFFSET>,
            ShowError: ShowError::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrSynchronize as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrSynchronize {}
windows_core::imp::define_interface!(
    ISyncMgrSynchronizeCallback,
    ISyncMgrSynchronizeCallback_Vtbl,
    0x6295df41_35ee_11d1_8707_00c04fd93327
);
windows_core::imp::interface_hierarchy!(ISyncMgrSynchronizeCallback, windows_core::IUnknown);
impl ISyncMgrSynchronizeCallback {
    pub unsafe fn ShowPropertiesCompleted(
        &self,
        hr: windows_core::HRESULT,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).ShowPropertiesCompleted)(
                windows_core::Interface::as_raw(self),
                hr,
            )
        }
    }
    pub unsafe fn PrepareForSyncCompleted(
        &self,
        hr: windows_core::HRESULT,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).PrepareForSyncCompleted)(
                windows_core::Interface::as_raw(self),
                hr,
            )
        }
    }
    pub unsafe fn SynchronizeCompleted(&self, hr: windows_core::HRESULT) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).SynchronizeCompleted)(
                windows_core::Interface::as_raw(self),
                hr,
            )
        }
    }
    pub unsafe fn ShowErrorCompleted(
        &self,
        hr: windows_core::HRESULT,
        pitemids: &[windows_core::GUID],
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).ShowErrorCompleted)(
                windows_core::Interface::as_raw(self),
                hr,
                pitemids.len().try_into().unwrap(),
                pitemids.as_ptr(),
            )
        }
    }
    pub unsafe fn EnableModeless(&self, fenable: bool) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).EnableModeless)(
                windows_core::Interface::as_raw(self),
                fenable.into(),
            )
        }
    }
    pub unsafe fn Progress(
        &self,
        itemid: *const windows_core::GUID,
        psyncprogressitem: *const SYNCMGRPROGRESSITEM,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).Progress)(
                windows_core::Interface::as_raw(self),
                itemid,
                psyncprogressitem,
            )
        }
    }
    pub unsafe fn LogError<P1>(
        &self,
        dwerrorlevel: u32,
        pszerrortext: P1,
        psynclogerror: *const SYNCMGRLOGERRORINFO,
    ) -> windows_core::HRESULT
    where
        P1: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).LogError)(
                windows_core::Interface::as_raw(self),
                dwerrorlevel,
                pszerrortext.param().abi(),
                psynclogerror,
            )
        }
    }
    pub unsafe fn DeleteLogError(
        &self,
        errorid: *const windows_core::GUID,
        dwreserved: u32,
    ) -> windows_core::HRESULT {
        unsafe {
            (windows_core::Interface::vtable(self).DeleteLogError)(
                windows_core::Interface::as_raw(self),
                errorid,
                dwreserved,
            )
        }
    }
    pub unsafe fn EstablishConnection<P0>(
        &self,
        pwszconnection: P0,
        dwreserved: u32,
    ) -> windows_core::HRESULT
    where
        P0: windows_core::Param<windows_core::PCWSTR>,
    {
        unsafe {
            (windows_core::Interface::vtable(self).EstablishConnection)(
                windows_core::Interface::as_raw(self),
                pwszconnection.param().abi(),
                dwreserved,
            )
        }
    }
}
#[repr(C)]
pub struct ISyncMgrSynchronizeCallback_Vtbl {
    pub base__: windows_core::IUnknown_Vtbl,
    pub ShowPropertiesCompleted: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::HRESULT,
    ) -> windows_core::HRESULT,
    pub PrepareForSyncCompleted: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::HRESULT,
    ) -> windows_core::HRESULT,
    pub SynchronizeCompleted: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::HRESULT,
    ) -> windows_core::HRESULT,
    pub ShowErrorCompleted: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::HRESULT,
        u32,
        *const windows_core::GUID,
    ) -> windows_core::HRESULT,
    pub EnableModeless: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::BOOL,
    ) -> windows_core::HRESULT,
    pub Progress: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *const windows_core::GUID,
        *const SYNCMGRPROGRESSITEM,
    ) -> windows_core::HRESULT,
    pub LogError: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        u32,
        windows_core::PCWSTR,
        *const SYNCMGRLOGERRORINFO,
    ) -> windows_core::HRESULT,
    pub DeleteLogError: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        *const windows_core::GUID,
        u32,
    ) -> windows_core::HRESULT,
    pub EstablishConnection: unsafe extern "system" fn(
        *mut core::ffi::c_void,
        windows_core::PCWSTR,
        u32,
    ) -> windows_core::HRESULT,
}
pub trait ISyncMgrSynchronizeCallback_Impl: windows_core::IUnknownImpl {
    fn ShowPropertiesCompleted(&self, hr: windows_core::HRESULT) -> windows_core::Result<()>;
    fn PrepareForSyncCompleted(&self, hr: windows_core::HRESULT) -> windows_core::Result<()>;
    fn SynchronizeCompleted(&self, hr: windows_core::HRESULT) -> windows_core::Result<()>;
    fn ShowErrorCompleted(
        &self,
        hr: windows_core::HRESULT,
        citems: u32,
        pitemids: *const windows_core::GUID,
    ) -> windows_core::Result<()>;
    fn EnableModeless(&self, fenable: windows_core::BOOL) -> windows_core::Result<()>;
    fn Progress(
        &self,
        itemid: *const windows_core::GUID,
        psyncprogressitem: *const SYNCMGRPROGRESSITEM,
    ) -> windows_core::Result<()>;
    fn LogError(
        &self,
        dwerrorlevel: u32,
        pszerrortext: &windows_core::PCWSTR,
        psynclogerror: *const SYNCMGRLOGERRORINFO,
    ) -> windows_core::Result<()>;
    fn DeleteLogError(
        &self,
        errorid: *const windows_core::GUID,
        dwreserved: u32,
    ) -> windows_core::Result<()>;
    fn EstablishConnection(
        &self,
        pwszconnection: &windows_core::PCWSTR,
        dwreserved: u32,
    ) -> windows_core::Result<()>;
}
impl ISyncMgrSynchronizeCallback_Vtbl {
    pub const fn new<Identity: ISyncMgrSynchronizeCallback_Impl, const OFFSET: isize>() -> Self {
        unsafe extern "system" fn ShowPropertiesCompleted<
            Identity: ISyncMgrSynchronizeCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            hr: windows_core::HRESULT,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronizeCallback_Impl::ShowPropertiesCompleted(
                    this,
                    core::mem::transmute_copy(&hr),
                )
                .into()
            }
        }
        unsafe extern "system" fn PrepareForSyncCompleted<
            Identity: ISyncMgrSynchronizeCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            hr: windows_core::HRESULT,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronizeCallback_Impl::PrepareForSyncCompleted(
                    this,
                    core::mem::transmute_copy(&hr),
                )
                .into()
            }
        }
        unsafe extern "system" fn SynchronizeCompleted<
            Identity: ISyncMgrSynchronizeCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            hr: windows_core::HRESULT,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronizeCallback_Impl::SynchronizeCompleted(
                    this,
                    core::mem::transmute_copy(&hr),
                )
                .into()
            }
        }
        unsafe extern "system" fn ShowErrorCompleted<
            Identity: ISyncMgrSynchronizeCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            hr: windows_core::HRESULT,
            citems: u32,
            pitemids: *const windows_core::GUID,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronizeCallback_Impl::ShowErrorCompleted(
                    this,
                    core::mem::transmute_copy(&hr),
                    core::mem::transmute_copy(&citems),
                    core::mem::transmute_copy(&pitemids),
                )
                .into()
            }
        }
        unsafe extern "system" fn EnableModeless<
            Identity: ISyncMgrSynchronizeCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            fenable: windows_core::BOOL,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronizeCallback_Impl::EnableModeless(
                    this,
                    core::mem::transmute_copy(&fenable),
                )
                .into()
            }
        }
        unsafe extern "system" fn Progress<
            Identity: ISyncMgrSynchronizeCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            itemid: *const windows_core::GUID,
            psyncprogressitem: *const SYNCMGRPROGRESSITEM,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronizeCallback_Impl::Progress(
                    this,
                    core::mem::transmute_copy(&itemid),
                    core::mem::transmute_copy(&psyncprogressitem),
                )
                .into()
            }
        }
        unsafe extern "system" fn LogError<
            Identity: ISyncMgrSynchronizeCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            dwerrorlevel: u32,
            pszerrortext: windows_core::PCWSTR,
            psynclogerror: *const SYNCMGRLOGERRORINFO,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronizeCallback_Impl::LogError(
                    this,
                    core::mem::transmute_copy(&dwerrorlevel),
                    core::mem::transmute(&pszerrortext),
                    core::mem::transmute_copy(&psynclogerror),
                )
                .into()
            }
        }
        unsafe extern "system" fn DeleteLogError<
            Identity: ISyncMgrSynchronizeCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            errorid: *const windows_core::GUID,
            dwreserved: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronizeCallback_Impl::DeleteLogError(
                    this,
                    core::mem::transmute_copy(&errorid),
                    core::mem::transmute_copy(&dwreserved),
                )
                .into()
            }
        }
        unsafe extern "system" fn EstablishConnection<
            Identity: ISyncMgrSynchronizeCallback_Impl,
            const OFFSET: isize,
        >(
            this: *mut core::ffi::c_void,
            pwszconnection: windows_core::PCWSTR,
            dwreserved: u32,
        ) -> windows_core::HRESULT {
            unsafe {
                let this: &Identity =
                    &*((this as *const *const ()).offset(OFFSET) as *const Identity);
                ISyncMgrSynchronizeCallback_Impl::EstablishConnection(
                    this,
                    core::mem::transmute(&pwszconnection),
                    core::mem::transmute_copy(&dwreserved),
                )
                .into()
            }
        }
        Self {
            base__: windows_core::IUnknown_Vtbl::new::<Identity, OFFSET>(),
            ShowPropertiesCompleted: ShowPropertiesCompleted::<Identity, OFFSET>,
            PrepareForSyncCompleted: PrepareForSyncCompleted::<Identity, OFFSET>,
            SynchronizeCompleted: SynchronizeCompleted::<Identity, OFFSET>,
            ShowErrorCompleted: ShowErrorCompleted::<Identity, OFFSET>,
            EnableModeless: EnableModeless::<Identity, OFFSET>,
            Progress: Progress::<Identity, OFFSET>,
            LogError: LogError::<Identity, OFFSET>,
            DeleteLogError: DeleteLogError::<Identity, OFFSET>,
            EstablishConnection: EstablishConnection::<Identity, OFFSET>,
        }
    }
    pub fn matches(iid: &windows_core::GUID) -> bool {
        iid == &<ISyncMgrSynchronizeCallback as windows_core::Interface>::IID
    }
}
impl windows_core::RuntimeName for ISyncMgrSynchronizeCallback {}
#[doc(hidden)]
pub const KEY_READ: REG_SAM_FLAGS = 131097;
#[doc(hidden)]
pub const KEY_WRITE: REG_SAM_FLAGS = 131078;
#[doc(hidden)]
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LPARAM(pub isize);
#[doc(hidden)]
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct LRESULT(pub isize);
pub const MAX_SYNCMGRHANDLERNAME: u32 = 32;
pub const MAX_SYNCMGRITEMNAME: u32 = 128;
pub const MAX_SYNCMGR_ID: u32 = 64;
pub const MAX_SYNCMGR_NAME: u32 = 128;
pub const MAX_SYNCMGR_PROGRESSTEXT: u32 = 260;
#[doc(hidden)]
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct MSG {
    pub hwnd: HWND,
    pub message: u32,
    pub wParam: WPARAM,
    pub lParam: LPARAM,
    pub time: u32,
    pub pt: POINT,
}
#[doc(hidden)]
pub type MSG_WAIT_FOR_MULTIPLE_OBJECTS_EX_FLAGS = u32;
#[doc(hidden)]
pub const MWMO_ALERTABLE: MSG_WAIT_FOR_MULTIPLE_OBJECTS_EX_FLAGS = 2;
#[doc(hidden)]
pub const MWMO_INPUTAVAILABLE: MSG_WAIT_FOR_MULTIPLE_OBJECTS_EX_FLAGS = 4;
#[doc(hidden)]
pub const MWMO_NONE: MSG_WAIT_FOR_MULTIPLE_OBJECTS_EX_FLAGS = 0;
#[doc(hidden)]
pub const MWMO_WAITALL: MSG_WAIT_FOR_MULTIPLE_OBJECTS_EX_FLAGS = 1;
#[doc(hidden)]
pub type PEEK_MESSAGE_REMOVE_TYPE = u32;
#[doc(hidden)]
pub const PM_NOREMOVE: PEEK_MESSAGE_REMOVE_TYPE = 0;
#[doc(hidden)]
pub const PM_NOYIELD: PEEK_MESSAGE_REMOVE_TYPE = 2;
#[doc(hidden)]
pub const PM_QS_INPUT: PEEK_MESSAGE_REMOVE_TYPE = 67567616;
#[doc(hidden)]
pub const PM_QS_PAINT: PEEK_MESSAGE_REMOVE_TYPE = 2097152;
#[doc(hidden)]
pub const PM_QS_POSTMESSAGE: PEEK_MESSAGE_REMOVE_TYPE = 9961472;
#[doc(hidden)]
pub const PM_QS_SENDMESSAGE: PEEK_MESSAGE_REMOVE_TYPE = 4194304;
#[doc(hidden)]
pub const PM_REMOVE: PEEK_MESSAGE_REMOVE_TYPE = 1;
#[doc(hidden)]
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct POINT {
    pub x: i32,
    pub y: i32,
}
#[doc(hidden)]
pub const QS_ALLEVENTS: QUEUE_STATUS_FLAGS = 1215;
#[doc(hidden)]
pub const QS_ALLINPUT: QUEUE_STATUS_FLAGS = 1279;
#[doc(hidden)]
pub const QS_ALLPOSTMESSAGE: QUEUE_STATUS_FLAGS = 256;
#[doc(hidden)]
pub const QS_HOTKEY: QUEUE_STATUS_FLAGS = 128;
#[doc(hidden)]
pub const QS_INPUT: QUEUE_STATUS_FLAGS = 1031;
#[doc(hidden)]
pub const QS_KEY: QUEUE_STATUS_FLAGS = 1;
#[doc(hidden)]
pub const QS_MOUSE: QUEUE_STATUS_FLAGS = 6;
#[doc(hidden)]
pub const QS_MOUSEBUTTON: QUEUE_STATUS_FLAGS = 4;
#[doc(hidden)]
pub const QS_MOUSEMOVE: QUEUE_STATUS_FLAGS = 2;
#[doc(hidden)]
pub const QS_PAINT: QUEUE_STATUS_FLAGS = 32;
#[doc(hidden)]
pub const QS_POSTMESSAGE: QUEUE_STATUS_FLAGS = 8;
#[doc(hidden)]
pub const QS_RAWINPUT: QUEUE_STATUS_FLAGS = 1024;
#[doc(hidden)]
pub const QS_SENDMESSAGE: QUEUE_STATUS_FLAGS = 64;
#[doc(hidden)]
pub const QS_TIMER: QUEUE_STATUS_FLAGS = 16;
#[doc(hidden)]
pub type QUEUE_STATUS_FLAGS = u32;
#[doc(hidden)]
pub type REG_CREATE_KEY_DISPOSITION = u32;
#[doc(hidden)]
pub type REG_OPEN_CREATE_OPTIONS = u32;
#[doc(hidden)]
pub const REG_OPTION_NON_VOLATILE: REG_OPEN_CREATE_OPTIONS = 0;
#[doc(hidden)]
pub type REG_SAM_FLAGS = u32;
#[doc(hidden)]
pub const REG_SZ: REG_VALUE_TYPE = 1;
#[doc(hidden)]
pub type REG_VALUE_TYPE = u32;
#[doc(hidden)]
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct SECURITY_ATTRIBUTES {
    pub nLength: u32,
    pub lpSecurityDescriptor: *mut core::ffi::c_void,
    pub bInheritHandle: windows_core::BOOL,
}
#[doc(hidden)]
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct STATSTG {
    pub pwcsName: windows_core::PWSTR,
    pub r#type: u32,
    pub cbSize: u64,
    pub mtime: FILETIME,
    pub ctime: FILETIME,
    pub atime: FILETIME,
    pub grfMode: STGM,
    pub grfLocksSupported: u32,
    pub clsid: windows_core::GUID,
    pub grfStateBits: u32,
    pub reserved: u32,
}
#[doc(hidden)]
pub type STGM = u32;
#[doc(hidden)]
pub type STREAM_SEEK = u32;
pub type SYNCMGRERRORFLAGS = i32;
pub const SYNCMGRERRORFLAG_ENABLEJUMPTEXT: SYNCMGRERRORFLAGS = 1;
pub type SYNCMGRFLAG = i32;
pub const SYNCMGRFLAG_CONNECT: SYNCMGRFLAG = 1;
pub const SYNCMGRFLAG_EVENTMASK: SYNCMGRFLAG = 255;
pub const SYNCMGRFLAG_IDLE: SYNCMGRFLAG = 4;
pub const SYNCMGRFLAG_INVOKE: SYNCMGRFLAG = 5;
pub const SYNCMGRFLAG_MANUAL: SYNCMGRFLAG = 3;
pub const SYNCMGRFLAG_MAYBOTHERUSER: SYNCMGRFLAG = 512;
pub const SYNCMGRFLAG_PENDINGDISCONNECT: SYNCMGRFLAG = 2;
pub const SYNCMGRFLAG_SCHEDULED: SYNCMGRFLAG = 6;
pub const SYNCMGRFLAG_SETTINGS: SYNCMGRFLAG = 256;
pub type SYNCMGRHANDLERFLAGS = i32;
pub const SYNCMGRHANDLERFLAG_MASK: u32 = 15;
#[repr(C)]
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct SYNCMGRHANDLERINFO {
    pub cbSize: u32,
    pub hIcon: HICON,
    pub SyncMgrHandlerFlags: u32,
    pub wszHandlerName: [u16; 32],
}
impl Default for SYNCMGRHANDLERINFO {
    fn default() -> Self {
        unsafe { core::mem::zeroed() }
    }
}
pub const SYNCMGRHANDLER_ALWAYSLISTHANDLER: SYNCMGRHANDLERFLAGS = 4;
pub const SYNCMGRHANDLER_HASPROPERTIES: SYNCMGRHANDLERFLAGS = 1;
pub const SYNCMGRHANDLER_HIDDEN: SYNCMGRHANDLERFLAGS = 8;
pub const SYNCMGRHANDLER_MAYESTABLISHCONNECTION: SYNCMGRHANDLERFLAGS = 2;
#[repr(C)]
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct SYNCMGRITEM {
    pub cbSize: u32,
    pub dwFlags: u32,
    pub ItemID: windows_core::GUID,
    pub dwItemState: u32,
    pub hIcon: HICON,
    pub wszItemName: [u16; 128],
    pub ftLastUpdate: FILETIME,
}
impl Default for SYNCMGRITEM {
    fn default() -> Self {
        unsafe { core::mem::zeroed() }
    }
}
pub type SYNCMGRITEMFLAGS = i32;
pub type SYNCMGRITEMSTATE = i32;
pub const SYNCMGRITEMSTATE_CHECKED: SYNCMGRITEMSTATE = 1;
pub const SYNCMGRITEMSTATE_UNCHECKED: SYNCMGRITEMSTATE = 0;
pub const SYNCMGRITEM_HASPROPERTIES: SYNCMGRITEMFLAGS = 1;
pub const SYNCMGRITEM_HIDDEN: SYNCMGRITEMFLAGS = 32;
pub const SYNCMGRITEM_ITEMFLAGMASK: u32 = 127;
pub const SYNCMGRITEM_LASTUPDATETIME: SYNCMGRITEMFLAGS = 8;
pub const SYNCMGRITEM_MAYDELETEITEM: SYNCMGRITEMFLAGS = 16;
pub const SYNCMGRITEM_ROAMINGUSER: SYNCMGRITEMFLAGS = 4;
pub const SYNCMGRITEM_TEMPORARY: SYNCMGRITEMFLAGS = 2;
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct SYNCMGRLOGERRORINFO {
    pub cbSize: u32,
    pub mask: u32,
    pub dwSyncMgrErrorFlags: u32,
    pub ErrorID: windows_core::GUID,
    pub ItemID: windows_core::GUID,
}
pub const SYNCMGRLOGERROR_ERRORFLAGS: u32 = 1;
pub const SYNCMGRLOGERROR_ERRORID: u32 = 2;
pub const SYNCMGRLOGERROR_ITEMID: u32 = 4;
pub type SYNCMGRLOGLEVEL = i32;
pub const SYNCMGRLOGLEVEL_ERROR: SYNCMGRLOGLEVEL = 3;
pub const SYNCMGRLOGLEVEL_INFORMATION: SYNCMGRLOGLEVEL = 1;
pub const SYNCMGRLOGLEVEL_LOGLEVELMAX: SYNCMGRLOGLEVEL = 3;
pub const SYNCMGRLOGLEVEL_WARNING: SYNCMGRLOGLEVEL = 2;
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, Eq, PartialEq)]
pub struct SYNCMGRPROGRESSITEM {
    pub cbSize: u32,
    pub mask: u32,
    pub lpcStatusText: windows_core::PWSTR,
    pub dwStatusType: u32,
    pub iProgValue: i32,
    pub iMaxValue: i32,
}
pub const SYNCMGRPROGRESSITEM_MAXVALUE: u32 = 8;
pub const SYNCMGRPROGRESSITEM_PROGVALUE: u32 = 4;
pub const SYNCMGRPROGRESSITEM_STATUSTEXT: u32 = 1;
pub const SYNCMGRPROGRESSITEM_STATUSTYPE: u32 = 2;
pub type SYNCMGRREGISTERFLAGS = i32;
pub const SYNCMGRREGISTERFLAGS_MASK: u32 = 7;
pub const SYNCMGRREGISTERFLAG_CONNECT: SYNCMGRREGISTERFLAGS = 1;
pub const SYNCMGRREGISTERFLAG_IDLE: SYNCMGRREGISTERFLAGS = 4;
pub const SYNCMGRREGISTERFLAG_PENDINGDISCONNECT: SYNCMGRREGISTERFLAGS = 2;
pub type SYNCMGRSTATUS = i32;
pub const SYNCMGRSTATUS_DELETED: SYNCMGRSTATUS = 256;
pub const SYNCMGRSTATUS_FAILED: SYNCMGRSTATUS = 5;
pub const SYNCMGRSTATUS_PAUSED: SYNCMGRSTATUS = 6;
pub const SYNCMGRSTATUS_PENDING: SYNCMGRSTATUS = 2;
pub const SYNCMGRSTATUS_RESUMING: SYNCMGRSTATUS = 7;
pub const SYNCMGRSTATUS_SKIPPED: SYNCMGRSTATUS = 1;
pub const SYNCMGRSTATUS_STOPPED: SYNCMGRSTATUS = 0;
pub const SYNCMGRSTATUS_SUCCEEDED: SYNCMGRSTATUS = 4;
pub const SYNCMGRSTATUS_UPDATING: SYNCMGRSTATUS = 3;
pub const SYNCMGRSTATUS_UPDATING_INDETERMINATE: SYNCMGRSTATUS = 8;
pub type SYNCMGR_CANCEL_REQUEST = i32;
pub const SYNCMGR_CF_NONE: SYNCMGR_CONTROL_FLAGS = 0;
pub const SYNCMGR_CF_NOUI: SYNCMGR_CONTROL_FLAGS = 2;
pub const SYNCMGR_CF_NOWAIT: SYNCMGR_CONTROL_FLAGS = 0;
pub const SYNCMGR_CF_VALID: SYNCMGR_CONTROL_FLAGS = 3;
pub const SYNCMGR_CF_WAIT: SYNCMGR_CONTROL_FLAGS = 1;
pub type SYNCMGR_CONTROL_FLAGS = i32;
pub const SYNCMGR_CR_CANCEL_ALL: SYNCMGR_CANCEL_REQUEST = 2;
pub const SYNCMGR_CR_CANCEL_ITEM: SYNCMGR_CANCEL_REQUEST = 1;
pub const SYNCMGR_CR_MAX: SYNCMGR_CANCEL_REQUEST = 2;
pub const SYNCMGR_CR_NONE: SYNCMGR_CANCEL_REQUEST = 0;
pub const SYNCMGR_EF_NONE: SYNCMGR_EVENT_FLAGS = 0;
pub const SYNCMGR_EF_VALID: SYNCMGR_EVENT_FLAGS = 0;
pub const SYNCMGR_EL_ERROR: SYNCMGR_EVENT_LEVEL = 3;
pub const SYNCMGR_EL_INFORMATION: SYNCMGR_EVENT_LEVEL = 1;
pub const SYNCMGR_EL_MAX: SYNCMGR_EVENT_LEVEL = 3;
pub const SYNCMGR_EL_WARNING: SYNCMGR_EVENT_LEVEL = 2;
pub type SYNCMGR_EVENT_FLAGS = i32;
pub type SYNCMGR_EVENT_LEVEL = i32;
pub type SYNCMGR_HANDLER_CAPABILITIES = i32;
pub type SYNCMGR_HANDLER_POLICIES = i32;
pub type SYNCMGR_HANDLER_TYPE = i32;
pub const SYNCMGR_HCM_CAN_BROWSE_CONTENT: SYNCMGR_HANDLER_CAPABILITIES = 65536;
pub const SYNCMGR_HCM_CAN_SHOW_SCHEDULE: SYNCMGR_HANDLER_CAPABILITIES = 131072;
pub const SYNCMGR_HCM_CONFLICT_STORE: SYNCMGR_HANDLER_CAPABILITIES = 4;
pub const SYNCMGR_HCM_EVENT_STORE: SYNCMGR_HANDLER_CAPABILITIES = 2;
pub const SYNCMGR_HCM_NONE: SYNCMGR_HANDLER_CAPABILITIES = 0;
pub const SYNCMGR_HCM_PROVIDES_ICON: SYNCMGR_HANDLER_CAPABILITIES = 1;
pub const SYNCMGR_HCM_QUERY_BEFORE_ACTIVATE: SYNCMGR_HANDLER_CAPABILITIES = 1048576;
pub const SYNCMGR_HCM_QUERY_BEFORE_DEACTIVATE: SYNCMGR_HANDLER_CAPABILITIES = 2097152;
pub const SYNCMGR_HCM_QUERY_BEFORE_DISABLE: SYNCMGR_HANDLER_CAPABILITIES = 8388608;
pub const SYNCMGR_HCM_QUERY_BEFORE_ENABLE: SYNCMGR_HANDLER_CAPABILITIES = 4194304;
pub const SYNCMGR_HCM_SUPPORTS_CONCURRENT_SESSIONS: SYNCMGR_HANDLER_CAPABILITIES = 16;
pub const SYNCMGR_HCM_VALID_MASK: SYNCMGR_HANDLER_CAPABILITIES = 15925271;
pub const SYNCMGR_HPM_BACKGROUND_SYNC_ONLY: SYNCMGR_HANDLER_POLICIES = 48;
pub const SYNCMGR_HPM_DISABLE_BROWSE: SYNCMGR_HANDLER_POLICIES = 4096;
pub const SYNCMGR_HPM_DISABLE_DISABLE: SYNCMGR_HANDLER_POLICIES = 512;
pub const SYNCMGR_HPM_DISABLE_ENABLE: SYNCMGR_HANDLER_POLICIES = 256;
pub const SYNCMGR_HPM_DISABLE_SCHEDULE: SYNCMGR_HANDLER_POLICIES = 8192;
pub const SYNCMGR_HPM_DISABLE_START_SYNC: SYNCMGR_HANDLER_POLICIES = 1024;
pub const SYNCMGR_HPM_DISABLE_STOP_SYNC: SYNCMGR_HANDLER_POLICIES = 2048;
pub const SYNCMGR_HPM_HIDDEN_BY_DEFAULT: SYNCMGR_HANDLER_POLICIES = 65536;
pub const SYNCMGR_HPM_NONE: SYNCMGR_HANDLER_POLICIES = 0;
pub const SYNCMGR_HPM_PREVENT_ACTIVATE: SYNCMGR_HANDLER_POLICIES = 1;
pub const SYNCMGR_HPM_PREVENT_DEACTIVATE: SYNCMGR_HANDLER_POLICIES = 2;
pub const SYNCMGR_HPM_PREVENT_DISABLE: SYNCMGR_HANDLER_POLICIES = 8;
pub const SYNCMGR_HPM_PREVENT_ENABLE: SYNCMGR_HANDLER_POLICIES = 4;
pub const SYNCMGR_HPM_PREVENT_START_SYNC: SYNCMGR_HANDLER_POLICIES = 16;
pub const SYNCMGR_HPM_PREVENT_STOP_SYNC: SYNCMGR_HANDLER_POLICIES = 32;
pub const SYNCMGR_HPM_VALID_MASK: SYNCMGR_HANDLER_POLICIES = 77631;
pub const SYNCMGR_HT_APPLICATION: SYNCMGR_HANDLER_TYPE = 1;
pub const SYNCMGR_HT_COMPUTER: SYNCMGR_HANDLER_TYPE = 5;
pub const SYNCMGR_HT_DEVICE: SYNCMGR_HANDLER_TYPE = 2;
pub const SYNCMGR_HT_FOLDER: SYNCMGR_HANDLER_TYPE = 3;
pub const SYNCMGR_HT_MAX: SYNCMGR_HANDLER_TYPE = 5;
pub const SYNCMGR_HT_MIN: SYNCMGR_HANDLER_TYPE = 0;
pub const SYNCMGR_HT_SERVICE: SYNCMGR_HANDLER_TYPE = 4;
pub const SYNCMGR_HT_UNSPECIFIED: SYNCMGR_HANDLER_TYPE = 0;
pub const SYNCMGR_ICM_CAN_BROWSE_CONTENT: SYNCMGR_ITEM_CAPABILITIES = 65536;
pub const SYNCMGR_ICM_CAN_DELETE: SYNCMGR_ITEM_CAPABILITIES = 16;
pub const SYNCMGR_ICM_CONFLICT_STORE: SYNCMGR_ITEM_CAPABILITIES = 4;
pub const SYNCMGR_ICM_EVENT_STORE: SYNCMGR_ITEM_CAPABILITIES = 2;
pub const SYNCMGR_ICM_NONE: SYNCMGR_ITEM_CAPABILITIES = 0;
pub const SYNCMGR_ICM_PROVIDES_ICON: SYNCMGR_ITEM_CAPABILITIES = 1;
pub const SYNCMGR_ICM_QUERY_BEFORE_DELETE: SYNCMGR_ITEM_CAPABILITIES = 4194304;
pub const SYNCMGR_ICM_QUERY_BEFORE_DISABLE: SYNCMGR_ITEM_CAPABILITIES = 2097152;
pub const SYNCMGR_ICM_QUERY_BEFORE_ENABLE: SYNCMGR_ITEM_CAPABILITIES = 1048576;
pub const SYNCMGR_ICM_VALID_MASK: SYNCMGR_ITEM_CAPABILITIES = 7405591;
pub const SYNCMGR_IPM_DISABLE_BROWSE: SYNCMGR_ITEM_POLICIES = 256;
pub const SYNCMGR_IPM_DISABLE_DELETE: SYNCMGR_ITEM_POLICIES = 512;
pub const SYNCMGR_IPM_DISABLE_DISABLE: SYNCMGR_ITEM_POLICIES = 32;
pub const SYNCMGR_IPM_DISABLE_ENABLE: SYNCMGR_ITEM_POLICIES = 16;
pub const SYNCMGR_IPM_DISABLE_START_SYNC: SYNCMGR_ITEM_POLICIES = 64;
pub const SYNCMGR_IPM_DISABLE_STOP_SYNC: SYNCMGR_ITEM_POLICIES = 128;
pub const SYNCMGR_IPM_HIDDEN_BY_DEFAULT: SYNCMGR_ITEM_POLICIES = 65536;
pub const SYNCMGR_IPM_NONE: SYNCMGR_ITEM_POLICIES = 0;
pub const SYNCMGR_IPM_PREVENT_DISABLE: SYNCMGR_ITEM_POLICIES = 2;
pub const SYNCMGR_IPM_PREVENT_ENABLE: SYNCMGR_ITEM_POLICIES = 1;
pub const SYNCMGR_IPM_PREVENT_START_SYNC: SYNCMGR_ITEM_POLICIES = 4;
pub const SYNCMGR_IPM_PREVENT_STOP_SYNC: SYNCMGR_ITEM_POLICIES = 8;
pub const SYNCMGR_IPM_VALID_MASK: SYNCMGR_ITEM_POLICIES = 66303;
pub type SYNCMGR_ITEM_CAPABILITIES = i32;
pub type SYNCMGR_ITEM_POLICIES = i32;
pub const SYNCMGR_OBJECTID_BrowseContent: windows_core::GUID =
    windows_core::GUID::from_u128(0x57cbb584_e9b4_47ae_a120_c4df3335dee2);
pub const SYNCMGR_OBJECTID_ConflictStore: windows_core::GUID =
    windows_core::GUID::from_u128(0xd78181f4_2389_47e4_a960_60bcc2ed930b);
pub const SYNCMGR_OBJECTID_EventLinkClick: windows_core::GUID =
    windows_core::GUID::from_u128(0x2203bdc1_1af1_4082_8c30_28399f41384c);
pub const SYNCMGR_OBJECTID_EventStore: windows_core::GUID =
    windows_core::GUID::from_u128(0x4bef34b9_a786_4075_ba88_0c2b9d89a98f);
pub const SYNCMGR_OBJECTID_Icon: windows_core::GUID =
    windows_core::GUID::from_u128(0x6dbc85c3_5d07_4c72_a777_7fec78072c06);
pub const SYNCMGR_OBJECTID_QueryBeforeActivate: windows_core::GUID =
    windows_core::GUID::from_u128(0xd882d80b_e7aa_49ed_86b7_e6e1f714cdfe);
pub const SYNCMGR_OBJECTID_QueryBeforeDeactivate: windows_core::GUID =
    windows_core::GUID::from_u128(0xa0efc282_60e0_460e_9374_ea88513cfc80);
pub const SYNCMGR_OBJECTID_QueryBeforeDelete: windows_core::GUID =
    windows_core::GUID::from_u128(0xf76c3397_afb3_45d7_a59f_5a49e905437e);
pub const SYNCMGR_OBJECTID_QueryBeforeDisable: windows_core::GUID =
    windows_core::GUID::from_u128(0xbb5f64aa_f004_4eb5_8e4d_26751966344c);
pub const SYNCMGR_OBJECTID_QueryBeforeEnable: windows_core::GUID =
    windows_core::GUID::from_u128(0x04cbf7f0_5beb_4de1_bc90_908345c480f6);
pub const SYNCMGR_OBJECTID_ShowSchedule: windows_core::GUID =
    windows_core::GUID::from_u128(0xedc6f3e3_8441_4109_adf3_6c1ca0b7de47);
pub type SYNCMGR_PROGRESS_STATUS = i32;
pub const SYNCMGR_PS_CANCELED: SYNCMGR_PROGRESS_STATUS = 5;
pub const SYNCMGR_PS_DISCONNECTED: SYNCMGR_PROGRESS_STATUS = 6;
pub const SYNCMGR_PS_FAILED: SYNCMGR_PROGRESS_STATUS = 4;
pub const SYNCMGR_PS_MAX: SYNCMGR_PROGRESS_STATUS = 6;
pub const SYNCMGR_PS_SUCCEEDED: SYNCMGR_PROGRESS_STATUS = 3;
pub const SYNCMGR_PS_UPDATING: SYNCMGR_PROGRESS_STATUS = 1;
pub const SYNCMGR_PS_UPDATING_INDETERMINATE: SYNCMGR_PROGRESS_STATUS = 2;
pub const SYNCMGR_SCF_IGNORE_IF_ALREADY_SYNCING: SYNCMGR_SYNC_CONTROL_FLAGS = 1;
pub const SYNCMGR_SCF_NONE: SYNCMGR_SYNC_CONTROL_FLAGS = 0;
pub const SYNCMGR_SCF_VALID: SYNCMGR_SYNC_CONTROL_FLAGS = 1;
pub type SYNCMGR_SYNC_CONTROL_FLAGS = i32;
pub type SYNCMGR_UPDATE_REASON = i32;
pub const SYNCMGR_UR_ADDED: SYNCMGR_UPDATE_REASON = 0;
pub const SYNCMGR_UR_CHANGED: SYNCMGR_UPDATE_REASON = 1;
pub const SYNCMGR_UR_MAX: SYNCMGR_UPDATE_REASON = 2;
pub const SYNCMGR_UR_REMOVED: SYNCMGR_UPDATE_REASON = 2;
pub const S_FALSE: windows_core::HRESULT = windows_core::HRESULT(0x1_u32 as _);
pub const S_OK: windows_core::HRESULT = windows_core::HRESULT(0x0_u32 as _);
pub const S_SYNCMGR_CANCELALL: windows_core::HRESULT = windows_core::HRESULT(0x40204_u32 as _);
pub const S_SYNCMGR_CANCELITEM: windows_core::HRESULT = windows_core::HRESULT(0x40203_u32 as _);
pub const S_SYNCMGR_ENUMITEMS: windows_core::HRESULT = windows_core::HRESULT(0x40211_u32 as _);
pub const S_SYNCMGR_ITEMDELETED: windows_core::HRESULT = windows_core::HRESULT(0x40210_u32 as _);
pub const S_SYNCMGR_MISSINGITEMS: windows_core::HRESULT = windows_core::HRESULT(0x40201_u32 as _);
pub const S_SYNCMGR_RETRYSYNC: windows_core::HRESULT = windows_core::HRESULT(0x40202_u32 as _);
pub const SyncMgr: windows_core::GUID =
    windows_core::GUID::from_u128(0x6295df27_35ee_11d1_8707_00c04fd93327);
pub const SyncMgrClient: windows_core::GUID =
    windows_core::GUID::from_u128(0x1202db60_1dac_42c5_aed5_1abdd432248e);
pub const SyncMgrControl: windows_core::GUID =
    windows_core::GUID::from_u128(0x1a1f4206_0688_4e7f_be03_d82ec69df9a5);
#[doc(hidden)]
pub const WAIT_ABANDONED: WAIT_EVENT = 128;
#[doc(hidden)]
pub const WAIT_ABANDONED_0: WAIT_EVENT = 128;
#[doc(hidden)]
pub type WAIT_EVENT = u32;
#[doc(hidden)]
pub const WAIT_FAILED: WAIT_EVENT = 4294967295;
#[doc(hidden)]
pub const WAIT_IO_COMPLETION: WAIT_EVENT = 192;
#[doc(hidden)]
pub const WAIT_OBJECT_0: WAIT_EVENT = 0;
#[doc(hidden)]
pub const WAIT_TIMEOUT: WAIT_EVENT = 258;
#[doc(hidden)]
pub type WIN32_ERROR = u32;
#[doc(hidden)]
pub type WINDOW_EX_STYLE = u32;
#[doc(hidden)]
pub type WINDOW_STYLE = u32;
#[doc(hidden)]
pub const WM_APP: u32 = 32768;
#[doc(hidden)]
pub const WM_QUIT: u32 = 18;
#[doc(hidden)]
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct WNDCLASSW {
    pub style: WNDCLASS_STYLES,
    pub lpfnWndProc: WNDPROC,
    pub cbClsExtra: i32,
    pub cbWndExtra: i32,
    pub hInstance: HINSTANCE,
    pub hIcon: HICON,
    pub hCursor: HCURSOR,
    pub hbrBackground: HBRUSH,
    pub lpszMenuName: windows_core::PWSTR,
    pub lpszClassName: windows_core::PWSTR,
}
#[doc(hidden)]
pub type WNDCLASS_STYLES = u32;
#[doc(hidden)]
pub type WNDPROC = Option<
    unsafe extern "system" fn(param0: HWND, param1: u32, param2: WPARAM, param3: LPARAM) -> LRESULT,
>;
#[doc(hidden)]
#[repr(transparent)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct WPARAM(pub usize);
#[doc(hidden)]
pub const WS_ACTIVECAPTION: WINDOW_STYLE = 1;
#[doc(hidden)]
pub const WS_BORDER: WINDOW_STYLE = 8388608;
#[doc(hidden)]
pub const WS_CAPTION: WINDOW_STYLE = 12582912;
#[doc(hidden)]
pub const WS_CHILD: WINDOW_STYLE = 1073741824;
#[doc(hidden)]
pub const WS_CHILDWINDOW: WINDOW_STYLE = 1073741824;
#[doc(hidden)]
pub const WS_CLIPCHILDREN: WINDOW_STYLE = 33554432;
#[doc(hidden)]
pub const WS_CLIPSIBLINGS: WINDOW_STYLE = 67108864;
#[doc(hidden)]
pub const WS_DISABLED: WINDOW_STYLE = 134217728;
#[doc(hidden)]
pub const WS_DLGFRAME: WINDOW_STYLE = 4194304;
#[doc(hidden)]
pub const WS_EX_ACCEPTFILES: WINDOW_EX_STYLE = 16;
#[doc(hidden)]
pub const WS_EX_APPWINDOW: WINDOW_EX_STYLE = 262144;
#[doc(hidden)]
pub const WS_EX_CLIENTEDGE: WINDOW_EX_STYLE = 512;
#[doc(hidden)]
pub const WS_EX_COMPOSITED: WINDOW_EX_STYLE = 33554432;
#[doc(hidden)]
pub const WS_EX_CONTEXTHELP: WINDOW_EX_STYLE = 1024;
#[doc(hidden)]
pub const WS_EX_CONTROLPARENT: WINDOW_EX_STYLE = 65536;
#[doc(hidden)]
pub const WS_EX_DLGMODALFRAME: WINDOW_EX_STYLE = 1;
#[doc(hidden)]
pub const WS_EX_LAYERED: WINDOW_EX_STYLE = 524288;
#[doc(hidden)]
pub const WS_EX_LAYOUTRTL: WINDOW_EX_STYLE = 4194304;
#[doc(hidden)]
pub const WS_EX_LEFT: WINDOW_EX_STYLE = 0;
#[doc(hidden)]
pub const WS_EX_LEFTSCROLLBAR: WINDOW_EX_STYLE = 16384;
#[doc(hidden)]
pub const WS_EX_LTRREADING: WINDOW_EX_STYLE = 0;
#[doc(hidden)]
pub const WS_EX_MDICHILD: WINDOW_EX_STYLE = 64;
#[doc(hidden)]
pub const WS_EX_NOACTIVATE: WINDOW_EX_STYLE = 134217728;
#[doc(hidden)]
pub const WS_EX_NOINHERITLAYOUT: WINDOW_EX_STYLE = 1048576;
#[doc(hidden)]
pub const WS_EX_NOPARENTNOTIFY: WINDOW_EX_STYLE = 4;
#[doc(hidden)]
pub const WS_EX_NOREDIRECTIONBITMAP: WINDOW_EX_STYLE = 2097152;
#[doc(hidden)]
pub const WS_EX_OVERLAPPEDWINDOW: WINDOW_EX_STYLE = 768;
#[doc(hidden)]
pub const WS_EX_PALETTEWINDOW: WINDOW_EX_STYLE = 392;
#[doc(hidden)]
pub const WS_EX_RIGHT: WINDOW_EX_STYLE = 4096;
#[doc(hidden)]
pub const WS_EX_RIGHTSCROLLBAR: WINDOW_EX_STYLE = 0;
#[doc(hidden)]
pub const WS_EX_RTLREADING: WINDOW_EX_STYLE = 8192;
#[doc(hidden)]
pub const WS_EX_STATICEDGE: WINDOW_EX_STYLE = 131072;
#[doc(hidden)]
pub const WS_EX_TOOLWINDOW: WINDOW_EX_STYLE = 128;
#[doc(hidden)]
pub const WS_EX_TOPMOST: WINDOW_EX_STYLE = 8;
#[doc(hidden)]
pub const WS_EX_TRANSPARENT: WINDOW_EX_STYLE = 32;
#[doc(hidden)]
pub const WS_EX_WINDOWEDGE: WINDOW_EX_STYLE = 256;
#[doc(hidden)]
pub const WS_GROUP: WINDOW_STYLE = 131072;
#[doc(hidden)]
pub const WS_HSCROLL: WINDOW_STYLE = 1048576;
#[doc(hidden)]
pub const WS_ICONIC: WINDOW_STYLE = 536870912;
#[doc(hidden)]
pub const WS_MAXIMIZE: WINDOW_STYLE = 16777216;
#[doc(hidden)]
pub const WS_MAXIMIZEBOX: WINDOW_STYLE = 65536;
#[doc(hidden)]
pub const WS_MINIMIZE: WINDOW_STYLE = 536870912;
#[doc(hidden)]
pub const WS_MINIMIZEBOX: WINDOW_STYLE = 131072;
#[doc(hidden)]
pub const WS_OVERLAPPED: WINDOW_STYLE = 0;
#[doc(hidden)]
pub const WS_OVERLAPPEDWINDOW: WINDOW_STYLE = 13565952;
#[doc(hidden)]
pub const WS_POPUP: WINDOW_STYLE = 2147483648;
#[doc(hidden)]
pub const WS_POPUPWINDOW: WINDOW_STYLE = 2156396544;
#[doc(hidden)]
pub const WS_SIZEBOX: WINDOW_STYLE = 262144;
#[doc(hidden)]
pub const WS_SYSMENU: WINDOW_STYLE = 524288;
#[doc(hidden)]
pub const WS_TABSTOP: WINDOW_STYLE = 65536;
#[doc(hidden)]
pub const WS_THICKFRAME: WINDOW_STYLE = 262144;
#[doc(hidden)]
pub const WS_TILED: WINDOW_STYLE = 0;
#[doc(hidden)]
pub const WS_TILEDWINDOW: WINDOW_STYLE = 13565952;
#[doc(hidden)]
pub const WS_VISIBLE: WINDOW_STYLE = 268435456;
#[doc(hidden)]
pub const WS_VSCROLL: WINDOW_STYLE = 2097152;
