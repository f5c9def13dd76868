//! The kit's Sync Center side (`syncmgr_test::center`) against a scripted fake handler: a small
//! hand-made `ISyncMgrHandler` with its container, enumerator, items and info objects, whose
//! `Synchronize` runs a script of calls on the session creator and the sync callback. A
//! well-behaved script gives a clean report; each test makes the fake break one rule and finds
//! exactly that violation. The last tests drive a `#[sync_handler]` value through the runtime's
//! own `ISyncMgrHandler`.

use core::ffi::c_void;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use syncmgr::abi::{
    self, FILETIME, HWND, IEnumSyncMgrSyncItems, IEnumSyncMgrSyncItems_Vtbl, ISyncMgrHandler,
    ISyncMgrHandler_Vtbl, ISyncMgrHandlerInfo, ISyncMgrHandlerInfo_Vtbl,
    ISyncMgrSessionCreator_Vtbl, ISyncMgrSyncCallback_Vtbl, ISyncMgrSyncItem,
    ISyncMgrSyncItem_Vtbl, ISyncMgrSyncItemContainer, ISyncMgrSyncItemContainer_Vtbl,
    ISyncMgrSyncItemInfo, ISyncMgrSyncItemInfo_Vtbl,
};
use syncmgr::{GUID, HRESULT, Interface};
use syncmgr_test::center::{self, Session};
use syncmgr_test::{After, CallbackKind, Delay, Percent, SetupError, ViolationKind};
use windows_core::{BOOL, IUnknown, IUnknown_Vtbl, PCWSTR, PWSTR};

const HANDLER: &str = "{7A110000-0000-4000-8000-00000000000A}";
const INBOX: &str = "{7A110000-0000-4000-8000-000000000001}";
const ARCHIVE: &str = "{7A110000-0000-4000-8000-000000000002}";

const UPDATING: i32 = abi::SYNCMGR_PS_UPDATING;
const SUCCEEDED: i32 = abi::SYNCMGR_PS_SUCCEEDED;
const FAILED: i32 = abi::SYNCMGR_PS_FAILED;
const CANCELED: i32 = abi::SYNCMGR_PS_CANCELED;

// ---------------------------------------------------------------------------------------------
// The fake handler.

/// One item of the fake.
#[derive(Clone, Debug)]
struct FakeItem {
    id: String,
    name: String,
    /// What `GetItemID` says when the container looks the item up (`None`: its id).
    looked_up_id: Option<String>,
}

fn item(id: &str, name: &str) -> FakeItem {
    FakeItem {
        id: id.to_owned(),
        name: name.to_owned(),
        looked_up_id: None,
    }
}

type Script = dyn Fn(&SyncCall) -> HRESULT + Send + Sync;

/// What the fake says and does.
struct Fake {
    name: String,
    items: Vec<FakeItem>,
    /// `GetSyncItemCount` (`None`: the number of items).
    count: Option<u32>,
    /// `GetSyncItem` of an id the fake does not have.
    unknown: HRESULT,
    /// `ISyncMgrHandlerInfo::IsActive`.
    active: HRESULT,
    /// `ISyncMgrHandler::GetCapabilities`.
    capabilities: i32,
    /// What `Synchronize` does.
    script: Box<Script>,
    /// A panic of the script (an assertion that failed on the sync thread).
    panic: Mutex<Option<String>>,
    /// What the script saw, for the test.
    seen: Mutex<Vec<String>>,
}

impl Fake {
    fn new(script: impl Fn(&SyncCall) -> HRESULT + Send + Sync + 'static) -> Self {
        Self {
            name: "Notes".to_owned(),
            items: vec![item(INBOX, "Inbox"), item(ARCHIVE, "Archive")],
            count: None,
            unknown: abi::E_INVALIDARG,
            active: abi::S_OK,
            capabilities: abi::SYNCMGR_HCM_EVENT_STORE,
            script: Box::new(script),
            panic: Mutex::new(None),
            seen: Mutex::new(Vec::new()),
        }
    }

    /// The fake's `ISyncMgrHandler`, with one reference.
    fn object(self: &Arc<Self>) -> ISyncMgrHandler {
        let object = Box::leak(Box::new(HandlerObject {
            handler: &HANDLER_VTABLE,
            container: &CONTAINER_VTABLE,
            refs: AtomicU32::new(1),
            fake: Arc::clone(self),
        }));
        // SAFETY: a live ISyncMgrHandler (the object's first field is its vtable) with the one
        // reference it was made with, now the interface's.
        unsafe { ISyncMgrHandler::from_raw(core::ptr::from_mut(object).cast()) }
    }

    fn seen(&self) -> Vec<String> {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// Runs a Sync Center session, planned by `plan`, on `fake`; fails the test if the script
/// panicked.
fn run(fake: Fake, plan: impl FnOnce(Session) -> Session) -> (Arc<Fake>, center::Report) {
    let fake = Arc::new(fake);
    let report = plan(Session::new(fake.object(), HANDLER))
        .run()
        .expect("the session runs");
    if let Some(panic) = fake
        .panic
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take()
    {
        panic!("the fake's script failed: {panic}\n{report:#?}");
    }
    (fake, report)
}

/// What the script gets: the ids `Synchronize` asked for and the session creator.
struct SyncCall {
    ids: Vec<String>,
    creator: *mut c_void,
    fake: Arc<Fake>,
}

impl SyncCall {
    /// `CreateSession` for the handler and every asked-for item, which must succeed.
    fn session(&self) -> Callback {
        let ids: Vec<&str> = self.ids.iter().map(String::as_str).collect();
        let (hr, callback) = self.session_for(HANDLER, &ids);
        assert_eq!(hr, abi::S_OK);
        callback.expect("CreateSession gives a callback")
    }

    /// `CreateSession(handler_id, ids)`.
    fn session_for(&self, handler_id: &str, ids: &[&str]) -> (HRESULT, Option<Callback>) {
        let handler_id = wide(handler_id);
        let ids: Vec<Vec<u16>> = ids.iter().map(|id| wide(id)).collect();
        let pointers: Vec<PCWSTR> = ids.iter().map(|id| PCWSTR(id.as_ptr())).collect();
        let count = u32::try_from(pointers.len()).expect("few ids");
        let mut out: *mut c_void = core::ptr::null_mut();
        // SAFETY: the creator is live during Synchronize; the strings outlive the call; `out`
        // is writable.
        let hr = unsafe {
            let vtable = &**self.creator.cast::<*const ISyncMgrSessionCreator_Vtbl>();
            (vtable.CreateSession)(
                self.creator,
                PCWSTR(handler_id.as_ptr()),
                pointers.as_ptr(),
                count,
                &raw mut out,
            )
        };
        (hr, (!out.is_null()).then_some(Callback(out)))
    }

    /// Notes something for the test to look at.
    fn note(&self, seen: impl Into<String>) {
        self.fake
            .seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(seen.into());
    }
}

/// A sync callback with one reference, given back on drop.
struct Callback(*mut c_void);

// SAFETY: Sync Center's callback is thread-safe (the kit's says so with IAgileObject on
// Windows); this wrapper only carries the pointer.
unsafe impl Send for Callback {}

impl Callback {
    fn vtable(&self) -> &ISyncMgrSyncCallback_Vtbl {
        // SAFETY: a live COM object starts with its vtable pointer.
        unsafe { &**self.0.cast::<*const ISyncMgrSyncCallback_Vtbl>() }
    }

    /// `ReportProgress(id, text, status, step, max, &request)`: the answer and the request.
    fn progress(
        &self,
        id: &str,
        status: i32,
        step: u32,
        max: u32,
        text: Option<&str>,
    ) -> (HRESULT, i32) {
        let id = wide(id);
        let text = text.map(wide);
        let text = text
            .as_ref()
            .map_or(PCWSTR::null(), |text| PCWSTR(text.as_ptr()));
        let mut request = -1;
        // SAFETY: a live callback; the strings outlive the call; `request` is writable.
        let hr = unsafe {
            (self.vtable().ReportProgress)(
                self.0,
                PCWSTR(id.as_ptr()),
                text,
                status,
                step,
                max,
                &raw mut request,
            )
        };
        (hr, request)
    }

    /// `ReportProgress(id, NULL, status, step, max, NULL)`: no cancel request wanted.
    fn progress_blind(&self, id: &str, status: i32, step: u32, max: u32) -> HRESULT {
        let id = wide(id);
        // SAFETY: a live callback; the id outlives the call; NULL text and request are allowed.
        unsafe {
            (self.vtable().ReportProgress)(
                self.0,
                PCWSTR(id.as_ptr()),
                PCWSTR::null(),
                status,
                step,
                max,
                core::ptr::null_mut(),
            )
        }
    }

    /// `SetHandlerProgressText(text, &request)`.
    fn text(&self, text: &str) -> (HRESULT, i32) {
        let text = wide(text);
        let mut request = -1;
        // SAFETY: a live callback; the text outlives the call; `request` is writable.
        let hr = unsafe {
            (self.vtable().SetHandlerProgressText)(self.0, PCWSTR(text.as_ptr()), &raw mut request)
        };
        (hr, request)
    }

    /// `ReportEvent(item, level, 0, name, description, NULL, NULL, NULL, &id)`.
    fn event(
        &self,
        item: Option<&str>,
        level: i32,
        name: &str,
        description: &str,
    ) -> (HRESULT, GUID) {
        let item = item.map(wide);
        let item = item
            .as_ref()
            .map_or(PCWSTR::null(), |item| PCWSTR(item.as_ptr()));
        let (name, description) = (wide(name), wide(description));
        let mut id = GUID::zeroed();
        // SAFETY: a live callback; the strings outlive the call; `id` is writable.
        let hr = unsafe {
            (self.vtable().ReportEvent)(
                self.0,
                item,
                level,
                abi::SYNCMGR_EF_NONE,
                PCWSTR(name.as_ptr()),
                PCWSTR(description.as_ptr()),
                PCWSTR::null(),
                PCWSTR::null(),
                PCWSTR::null(),
                &raw mut id,
            )
        };
        (hr, id)
    }

    /// `CanContinue(id)`; `None` passes NULL.
    fn can_continue(&self, id: Option<&str>) -> HRESULT {
        let id = id.map(wide);
        let id = id.as_ref().map_or(PCWSTR::null(), |id| PCWSTR(id.as_ptr()));
        // SAFETY: a live callback; the id outlives the call.
        unsafe { (self.vtable().CanContinue)(self.0, id) }
    }

    /// Keeps the reference for good: a leak.
    fn keep(self) {
        core::mem::forget(self);
    }
}

impl Drop for Callback {
    fn drop(&mut self) {
        // SAFETY: gives back the one reference this wrapper holds.
        unsafe { (self.vtable().base__.Release)(self.0) };
    }
}

fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain(Some(0)).collect()
}

/// Reads a NUL-terminated UTF-16 string.
///
/// # Safety
/// `text` is a NUL-terminated string.
unsafe fn read(text: PCWSTR) -> String {
    let mut units = Vec::new();
    // SAFETY: per the contract, every unit up to the NUL is readable.
    unsafe {
        while *text.0.add(units.len()) != 0 {
            units.push(*text.0.add(units.len()));
        }
    }
    String::from_utf16_lossy(&units)
}

/// Hands out `text` as an `[out, string]` result: task-allocated, the caller frees it.
///
/// # Safety
/// `out` is writable.
unsafe fn give(out: *mut PWSTR, text: &str) -> HRESULT {
    let units = wide(text);
    let block = syncmgr::memory::co_task_mem_alloc(units.len() * 2).cast::<u16>();
    assert!(!block.is_null());
    // SAFETY: `block` has room for the units; `out` is writable per the contract.
    unsafe {
        core::ptr::copy_nonoverlapping(units.as_ptr(), block, units.len());
        out.write(PWSTR(block));
    }
    abi::S_OK
}

/// The handler object: `ISyncMgrHandler` at its start, `ISyncMgrSyncItemContainer` in its
/// second field (one COM identity, two interface pointers).
#[repr(C)]
struct HandlerObject {
    handler: &'static ISyncMgrHandler_Vtbl,
    container: &'static ISyncMgrSyncItemContainer_Vtbl,
    refs: AtomicU32,
    fake: Arc<Fake>,
}

/// The handler object behind an interface pointer `offset` bytes into it.
///
/// # Safety
/// `this` points `offset` bytes into a live (never freed) `HandlerObject`.
unsafe fn handler_object<'a>(this: *mut c_void, offset: usize) -> &'a HandlerObject {
    // SAFETY: per the contract.
    unsafe { &*this.byte_sub(offset).cast::<HandlerObject>() }
}

const CONTAINER_OFFSET: usize = core::mem::offset_of!(HandlerObject, container);

unsafe extern "system" fn handler_qi<const OFFSET: usize>(
    this: *mut c_void,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    // SAFETY: COM passes this object's pointer and a valid IID and out-pointer.
    unsafe {
        let object = handler_object(this, OFFSET);
        let base = core::ptr::from_ref(object).cast_mut().cast::<u8>();
        let iid = *iid;
        let found = if iid == IUnknown::IID || iid == ISyncMgrHandler::IID {
            base
        } else if iid == ISyncMgrSyncItemContainer::IID {
            base.add(CONTAINER_OFFSET)
        } else {
            out.write(core::ptr::null_mut());
            return abi::E_NOINTERFACE;
        };
        object.refs.fetch_add(1, Ordering::SeqCst);
        out.write(found.cast());
        abi::S_OK
    }
}

unsafe extern "system" fn handler_add_ref<const OFFSET: usize>(this: *mut c_void) -> u32 {
    // SAFETY: COM passes this object's pointer.
    unsafe { handler_object(this, OFFSET) }
        .refs
        .fetch_add(1, Ordering::SeqCst)
        + 1
}

unsafe extern "system" fn handler_release<const OFFSET: usize>(this: *mut c_void) -> u32 {
    // SAFETY: COM passes this object's pointer (never freed: a fake).
    unsafe { handler_object(this, OFFSET) }
        .refs
        .fetch_sub(1, Ordering::SeqCst)
        .wrapping_sub(1)
}

const fn handler_unknown<const OFFSET: usize>() -> IUnknown_Vtbl {
    IUnknown_Vtbl {
        QueryInterface: handler_qi::<OFFSET>,
        AddRef: handler_add_ref::<OFFSET>,
        Release: handler_release::<OFFSET>,
    }
}

/// The fake behind a handler pointer.
///
/// # Safety
/// `this` is the handler object's `ISyncMgrHandler` pointer.
unsafe fn fake<'a>(this: *mut c_void) -> &'a Arc<Fake> {
    // SAFETY: per the contract.
    unsafe { &handler_object(this, 0).fake }
}

/// The fake behind a container pointer.
///
/// # Safety
/// `this` is the handler object's `ISyncMgrSyncItemContainer` pointer.
unsafe fn container_fake<'a>(this: *mut c_void) -> &'a Arc<Fake> {
    // SAFETY: per the contract.
    unsafe { &handler_object(this, CONTAINER_OFFSET).fake }
}

static HANDLER_VTABLE: ISyncMgrHandler_Vtbl = ISyncMgrHandler_Vtbl {
    base__: handler_unknown::<0>(),
    GetName: handler_name,
    GetHandlerInfo: handler_info,
    GetObject: no_object,
    GetCapabilities: handler_capabilities,
    GetPolicies: zero_bits,
    Activate: state_change,
    Enable: state_change,
    Synchronize: synchronize,
};

static CONTAINER_VTABLE: ISyncMgrSyncItemContainer_Vtbl = ISyncMgrSyncItemContainer_Vtbl {
    base__: handler_unknown::<CONTAINER_OFFSET>(),
    GetSyncItem: get_sync_item,
    GetSyncItemEnumerator: get_enumerator,
    GetSyncItemCount: get_count,
};

unsafe extern "system" fn handler_name(this: *mut c_void, out: *mut PWSTR) -> HRESULT {
    // SAFETY: COM passes the handler pointer and a writable out-pointer.
    unsafe { give(out, &fake(this).name) }
}

unsafe extern "system" fn handler_info(this: *mut c_void, out: *mut *mut c_void) -> HRESULT {
    // SAFETY: COM passes the handler pointer and a writable out-pointer.
    unsafe {
        let info = make(
            &HANDLER_INFO_VTABLE,
            ISyncMgrHandlerInfo::IID,
            Arc::clone(fake(this)),
        );
        out.write(info);
    }
    abi::S_OK
}

unsafe extern "system" fn no_object(
    _this: *mut c_void,
    _object: *const GUID,
    _iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    // SAFETY: COM passes a writable out-pointer.
    unsafe { out.write(core::ptr::null_mut()) };
    abi::E_NOTIMPL
}

unsafe extern "system" fn handler_capabilities(this: *mut c_void, out: *mut i32) -> HRESULT {
    // SAFETY: COM passes the handler pointer and a writable out-pointer.
    unsafe { out.write(fake(this).capabilities) };
    abi::S_OK
}

unsafe extern "system" fn zero_bits(_this: *mut c_void, out: *mut i32) -> HRESULT {
    // SAFETY: COM passes a writable out-pointer.
    unsafe { out.write(0) };
    abi::S_OK
}

unsafe extern "system" fn state_change(_this: *mut c_void, _on: BOOL) -> HRESULT {
    abi::S_OK
}

unsafe extern "system" fn synchronize(
    this: *mut c_void,
    ids: *const PCWSTR,
    count: u32,
    _owner: HWND,
    creator: *mut c_void,
    _punk: *mut c_void,
) -> HRESULT {
    // SAFETY: COM passes the handler pointer and `count` readable ids.
    let (fake, ids) = unsafe {
        let ids: Vec<String> = (0..count as usize)
            .map(|n| read(ids.add(n).read()))
            .collect();
        (Arc::clone(fake(this)), ids)
    };
    let sync = SyncCall {
        ids,
        creator,
        fake: Arc::clone(&fake),
    };
    catch_unwind(AssertUnwindSafe(|| (fake.script)(&sync))).unwrap_or_else(|panic| {
        let text = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|text| (*text).to_owned()))
            .unwrap_or_default();
        *fake.panic.lock().unwrap_or_else(PoisonError::into_inner) = Some(text);
        abi::E_UNEXPECTED
    })
}

unsafe extern "system" fn get_sync_item(
    this: *mut c_void,
    id: PCWSTR,
    out: *mut *mut c_void,
) -> HRESULT {
    // SAFETY: COM passes the container pointer, a NUL-terminated id and a writable out-pointer.
    unsafe {
        let fake = container_fake(this);
        let id = read(id);
        let Some(found) = fake
            .items
            .iter()
            .find(|item| item.id.eq_ignore_ascii_case(&id))
        else {
            out.write(core::ptr::null_mut());
            return fake.unknown;
        };
        let data = ItemData {
            item: found.clone(),
            looked_up: true,
        };
        out.write(make(&ITEM_VTABLE, ISyncMgrSyncItem::IID, data));
    }
    abi::S_OK
}

unsafe extern "system" fn get_enumerator(this: *mut c_void, out: *mut *mut c_void) -> HRESULT {
    // SAFETY: COM passes the container pointer and a writable out-pointer.
    unsafe {
        let data = EnumData {
            fake: Arc::clone(container_fake(this)),
            next: AtomicUsize::new(0),
        };
        out.write(make(&ENUM_VTABLE, IEnumSyncMgrSyncItems::IID, data));
    }
    abi::S_OK
}

unsafe extern "system" fn get_count(this: *mut c_void, out: *mut u32) -> HRESULT {
    // SAFETY: COM passes the container pointer and a writable out-pointer.
    unsafe {
        let fake = container_fake(this);
        let count = fake
            .count
            .unwrap_or_else(|| u32::try_from(fake.items.len()).expect("few items"));
        out.write(count);
    }
    abi::S_OK
}

/// A fake's helper object: one interface, a reference count, its data. Never freed.
#[repr(C)]
struct Simple<V: 'static, D> {
    vtable: &'static V,
    refs: AtomicU32,
    iid: GUID,
    data: D,
}

/// A new helper object with one reference.
fn make<V: 'static, D: 'static>(vtable: &'static V, iid: GUID, data: D) -> *mut c_void {
    let object = Box::leak(Box::new(Simple {
        vtable,
        refs: AtomicU32::new(1),
        iid,
        data,
    }));
    core::ptr::from_mut(object).cast()
}

/// The helper object behind `this`.
///
/// # Safety
/// `this` is a pointer [`make`] returned for these `V` and `D`.
unsafe fn simple<'a, V: 'static, D>(this: *mut c_void) -> &'a Simple<V, D> {
    // SAFETY: per the contract; never freed.
    unsafe { &*this.cast::<Simple<V, D>>() }
}

unsafe extern "system" fn simple_qi<V: 'static, D>(
    this: *mut c_void,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    // SAFETY: COM passes this object's pointer, a readable IID and a writable out-pointer.
    unsafe {
        let object = simple::<V, D>(this);
        if *iid == IUnknown::IID || *iid == object.iid {
            object.refs.fetch_add(1, Ordering::SeqCst);
            out.write(this);
            abi::S_OK
        } else {
            out.write(core::ptr::null_mut());
            abi::E_NOINTERFACE
        }
    }
}

unsafe extern "system" fn simple_add_ref<V: 'static, D>(this: *mut c_void) -> u32 {
    // SAFETY: COM passes this object's pointer.
    unsafe { simple::<V, D>(this) }
        .refs
        .fetch_add(1, Ordering::SeqCst)
        + 1
}

unsafe extern "system" fn simple_release<V: 'static, D>(this: *mut c_void) -> u32 {
    // SAFETY: COM passes this object's pointer.
    unsafe { simple::<V, D>(this) }
        .refs
        .fetch_sub(1, Ordering::SeqCst)
        .wrapping_sub(1)
}

const fn unknown<V: 'static, D>() -> IUnknown_Vtbl {
    IUnknown_Vtbl {
        QueryInterface: simple_qi::<V, D>,
        AddRef: simple_add_ref::<V, D>,
        Release: simple_release::<V, D>,
    }
}

static HANDLER_INFO_VTABLE: ISyncMgrHandlerInfo_Vtbl = ISyncMgrHandlerInfo_Vtbl {
    base__: unknown::<ISyncMgrHandlerInfo_Vtbl, Arc<Fake>>(),
    GetType: handler_type,
    GetTypeLabel: handler_type_label,
    GetComment: handler_comment,
    GetLastSyncTime: last_sync,
    IsActive: is_active,
    IsEnabled: yes,
    IsConnected: yes,
};

unsafe extern "system" fn handler_type(_this: *mut c_void, out: *mut i32) -> HRESULT {
    // SAFETY: COM passes a writable out-pointer.
    unsafe { out.write(abi::SYNCMGR_HT_APPLICATION) };
    abi::S_OK
}

unsafe extern "system" fn handler_type_label(_this: *mut c_void, out: *mut PWSTR) -> HRESULT {
    // SAFETY: COM passes a writable out-pointer.
    unsafe { give(out, "Notes app") }
}

unsafe extern "system" fn handler_comment(this: *mut c_void, out: *mut PWSTR) -> HRESULT {
    // SAFETY: COM passes this info object's pointer and a writable out-pointer.
    unsafe {
        let object = simple::<ISyncMgrHandlerInfo_Vtbl, Arc<Fake>>(this);
        give(out, &format!("{} items", object.data.items.len()))
    }
}

unsafe extern "system" fn last_sync(_this: *mut c_void, out: *mut FILETIME) -> HRESULT {
    // SAFETY: COM passes a writable out-pointer.
    unsafe {
        out.write(FILETIME {
            dwLowDateTime: 1,
            dwHighDateTime: 2,
        });
    }
    abi::S_OK
}

unsafe extern "system" fn is_active(this: *mut c_void) -> HRESULT {
    // SAFETY: COM passes this info object's pointer.
    unsafe { simple::<ISyncMgrHandlerInfo_Vtbl, Arc<Fake>>(this) }
        .data
        .active
}

unsafe extern "system" fn yes(_this: *mut c_void) -> HRESULT {
    abi::S_OK
}

/// The enumerator's data: the fake and the next item's index.
struct EnumData {
    fake: Arc<Fake>,
    next: AtomicUsize,
}

static ENUM_VTABLE: IEnumSyncMgrSyncItems_Vtbl = IEnumSyncMgrSyncItems_Vtbl {
    base__: unknown::<IEnumSyncMgrSyncItems_Vtbl, EnumData>(),
    Next: next,
    Skip: skip,
    Reset: reset,
    Clone: clone_enumerator,
};

unsafe extern "system" fn next(
    this: *mut c_void,
    celt: u32,
    out: *mut *mut c_void,
    fetched: *mut u32,
) -> HRESULT {
    if celt != 1 {
        return abi::E_INVALIDARG;
    }
    // SAFETY: COM passes this enumerator's pointer, room for one item and a writable count.
    unsafe {
        let data = &simple::<IEnumSyncMgrSyncItems_Vtbl, EnumData>(this).data;
        let index = data.next.fetch_add(1, Ordering::SeqCst);
        let Some(found) = data.fake.items.get(index) else {
            fetched.write(0);
            return abi::S_FALSE;
        };
        let item = ItemData {
            item: found.clone(),
            looked_up: false,
        };
        out.write(make(&ITEM_VTABLE, ISyncMgrSyncItem::IID, item));
        fetched.write(1);
    }
    abi::S_OK
}

unsafe extern "system" fn skip(_this: *mut c_void, _celt: u32) -> HRESULT {
    abi::E_NOTIMPL
}

unsafe extern "system" fn reset(_this: *mut c_void) -> HRESULT {
    abi::E_NOTIMPL
}

unsafe extern "system" fn clone_enumerator(_this: *mut c_void, out: *mut *mut c_void) -> HRESULT {
    // SAFETY: COM passes a writable out-pointer.
    unsafe { out.write(core::ptr::null_mut()) };
    abi::E_NOTIMPL
}

/// An item object's data.
struct ItemData {
    item: FakeItem,
    /// Made by `GetSyncItem` (not by the enumerator).
    looked_up: bool,
}

static ITEM_VTABLE: ISyncMgrSyncItem_Vtbl = ISyncMgrSyncItem_Vtbl {
    base__: unknown::<ISyncMgrSyncItem_Vtbl, ItemData>(),
    GetItemID: item_id,
    GetName: item_name,
    GetItemInfo: item_info,
    GetObject: no_object,
    GetCapabilities: item_capabilities,
    GetPolicies: zero_bits,
    Enable: state_change,
    Delete: reset,
};

/// The item behind `this`.
///
/// # Safety
/// `this` is an item object's pointer.
unsafe fn item_data<'a>(this: *mut c_void) -> &'a ItemData {
    // SAFETY: per the contract.
    unsafe { &simple::<ISyncMgrSyncItem_Vtbl, ItemData>(this).data }
}

unsafe extern "system" fn item_id(this: *mut c_void, out: *mut PWSTR) -> HRESULT {
    // SAFETY: COM passes an item pointer and a writable out-pointer.
    unsafe {
        let data = item_data(this);
        let id = match (&data.item.looked_up_id, data.looked_up) {
            (Some(other), true) => other,
            _ => &data.item.id,
        };
        give(out, id)
    }
}

unsafe extern "system" fn item_name(this: *mut c_void, out: *mut PWSTR) -> HRESULT {
    // SAFETY: COM passes an item pointer and a writable out-pointer.
    unsafe { give(out, &item_data(this).item.name) }
}

unsafe extern "system" fn item_info(_this: *mut c_void, out: *mut *mut c_void) -> HRESULT {
    // SAFETY: COM passes a writable out-pointer.
    unsafe { out.write(make(&ITEM_INFO_VTABLE, ISyncMgrSyncItemInfo::IID, ())) };
    abi::S_OK
}

unsafe extern "system" fn item_capabilities(_this: *mut c_void, out: *mut i32) -> HRESULT {
    // SAFETY: COM passes a writable out-pointer.
    unsafe { out.write(abi::SYNCMGR_ICM_CAN_BROWSE_CONTENT) };
    abi::S_OK
}

static ITEM_INFO_VTABLE: ISyncMgrSyncItemInfo_Vtbl = ISyncMgrSyncItemInfo_Vtbl {
    base__: unknown::<ISyncMgrSyncItemInfo_Vtbl, ()>(),
    GetTypeLabel: item_type_label,
    GetComment: no_string,
    GetLastSyncTime: no_time,
    IsEnabled: yes,
    IsConnected: yes,
};

unsafe extern "system" fn item_type_label(_this: *mut c_void, out: *mut PWSTR) -> HRESULT {
    // SAFETY: COM passes a writable out-pointer.
    unsafe { give(out, "Folder") }
}

unsafe extern "system" fn no_string(_this: *mut c_void, out: *mut PWSTR) -> HRESULT {
    // SAFETY: COM passes a writable out-pointer.
    unsafe { out.write(PWSTR::null()) };
    abi::E_NOTIMPL
}

unsafe extern "system" fn no_time(_this: *mut c_void, _out: *mut FILETIME) -> HRESULT {
    abi::E_NOTIMPL
}

// ---------------------------------------------------------------------------------------------
// Scripts.

/// Announces itself, syncs every item in three steps (stopping an item, or all, when the
/// answer through `pnCancelRequest` says so) and reports one event.
fn well_behaved(sync: &SyncCall) -> HRESULT {
    let callback = sync.session();
    assert_eq!(callback.text("Starting"), (abi::S_OK, abi::SYNCMGR_CR_NONE));
    let mut all = false;
    for id in &sync.ids {
        let mut cancelled = all;
        for step in 1..=3 {
            if cancelled {
                break;
            }
            let (hr, request) = callback.progress(id, UPDATING, step, 3, Some("Copying"));
            assert_eq!(hr, abi::S_OK);
            match request {
                abi::SYNCMGR_CR_NONE => {}
                abi::SYNCMGR_CR_CANCEL_ITEM => cancelled = true,
                abi::SYNCMGR_CR_CANCEL_ALL => (cancelled, all) = (true, true),
                other => panic!("not a cancel request: {other}"),
            }
        }
        let status = if cancelled { CANCELED } else { SUCCEEDED };
        assert_eq!(
            callback.progress(id, status, 3, 3, None),
            (abi::S_OK, abi::SYNCMGR_CR_NONE)
        );
    }
    let (hr, event) = callback.event(
        None,
        abi::SYNCMGR_EL_INFORMATION,
        "Synchronized",
        "All done",
    );
    assert_eq!(hr, abi::S_OK);
    assert_ne!(event, GUID::zeroed());
    abi::S_OK
}

/// Passes no `pnCancelRequest` and asks `CanContinue` instead: the whole handler before each
/// item, the item after each step.
fn polling(sync: &SyncCall) -> HRESULT {
    let callback = sync.session();
    for id in &sync.ids {
        let mut status = SUCCEEDED;
        if callback.can_continue(None) == abi::S_FALSE {
            sync.note(format!("{id}: all stopped"));
            status = CANCELED;
        } else {
            for step in 1..=3 {
                assert_eq!(callback.progress_blind(id, UPDATING, step, 3), abi::S_OK);
                let answer = callback.can_continue(Some(id));
                if answer == abi::S_FALSE {
                    sync.note(format!("{id}: stopped after step {step}"));
                    status = CANCELED;
                    break;
                }
                assert_eq!(answer, abi::S_OK);
            }
        }
        assert_eq!(callback.progress_blind(id, status, 3, 3), abi::S_OK);
    }
    abi::S_OK
}

/// Syncs every item and ignores every cancel request.
fn deaf(sync: &SyncCall) -> HRESULT {
    let callback = sync.session();
    for id in &sync.ids {
        for step in 1..=3 {
            let _ = callback.progress(id, UPDATING, step, 3, None);
        }
        assert_eq!(callback.progress(id, SUCCEEDED, 3, 3, None).0, abi::S_OK);
    }
    abi::S_OK
}

// ---------------------------------------------------------------------------------------------
// Tests.

/// A well-behaved handler: no violation, everything Sync Center asked and heard in the report.
#[test]
fn a_well_behaved_handler_has_no_violation() {
    let (_, report) = run(Fake::new(well_behaved), |session| session);
    report.assert_clean();
    assert_eq!(report.handler_id, HANDLER);
    assert_eq!(report.name.as_deref(), Some("Notes"));
    let properties = report.properties.clone().expect("GetHandlerInfo answered");
    assert_eq!(properties.handler_type, Some(abi::SYNCMGR_HT_APPLICATION));
    assert_eq!(properties.type_label.as_deref(), Some("Notes app"));
    assert_eq!(properties.comment.as_deref(), Some("2 items"));
    assert_eq!(properties.last_sync, Some((1, 2)));
    assert_eq!(properties.active, abi::S_OK);
    assert_eq!(report.capabilities, Some(abi::SYNCMGR_HCM_EVENT_STORE));
    assert_eq!(report.policies, Some(0));
    let ids: Vec<&str> = report.items.iter().map(|item| item.id.as_str()).collect();
    assert_eq!(ids, [INBOX, ARCHIVE]);
    let archive = report
        .item(&ARCHIVE.to_lowercase())
        .expect("ids compare ignoring case");
    assert_eq!(archive.name.as_deref(), Some("Archive"));
    assert!(archive.shown);
    assert_eq!(
        archive.capabilities,
        Some(abi::SYNCMGR_ICM_CAN_BROWSE_CONTENT)
    );
    let item_properties = archive.properties.clone().expect("GetItemInfo answered");
    assert_eq!(item_properties.type_label.as_deref(), Some("Folder"));
    assert_eq!(item_properties.comment, None);
    assert_eq!(item_properties.enabled, abi::S_OK);

    assert_eq!(report.selected, [INBOX, ARCHIVE]);
    assert_eq!(report.session.as_deref(), Some(&report.selected[..]));
    assert_eq!(report.synchronize, Some(abi::S_OK));
    assert!(report.all_succeeded());
    assert_eq!(
        report.statuses(INBOX),
        [UPDATING, UPDATING, UPDATING, SUCCEEDED]
    );
    assert_eq!(report.final_status(ARCHIVE), Some(SUCCEEDED));
    assert_eq!(report.texts(INBOX), ["Copying"; 3]);
    assert!(
        report
            .progress
            .iter()
            .all(|progress| progress.cancel == Some(abi::SYNCMGR_CR_NONE))
    );
    assert_eq!(report.handler_texts, ["Starting"]);
    assert_eq!(report.events.len(), 1);
    assert_eq!(report.events[0].name, "Synchronized");
    assert_eq!(report.events[0].item, None);
    assert_ne!(report.events[0].id, GUID::zeroed());
    assert_eq!(
        report.answer("ISyncMgrSyncItemContainer::GetSyncItem({00000000"),
        Some(abi::E_INVALIDARG)
    );
    assert_eq!(report.callback_answer("CreateSession"), Some(abi::S_OK));
    assert_eq!(report.unfired, []);
}

/// A planned cancellation of one item reaches the handler through `pnCancelRequest` on that
/// item's `n`-th report; the other item goes on.
#[test]
fn cancel_item_reaches_the_handler_through_pn_cancel_request() {
    let (_, report) = run(Fake::new(well_behaved), |session| {
        session.cancel_item("archive", After(2))
    });
    report.assert_clean();
    assert_eq!(report.final_status(INBOX), Some(SUCCEEDED));
    assert_eq!(report.statuses(ARCHIVE), [UPDATING, UPDATING, CANCELED]);
    let requests: Vec<Option<i32>> = report.progress_of(ARCHIVE).map(|p| p.cancel).collect();
    assert_eq!(
        requests,
        [
            Some(abi::SYNCMGR_CR_NONE),
            Some(abi::SYNCMGR_CR_CANCEL_ITEM),
            Some(abi::SYNCMGR_CR_NONE)
        ]
    );
    assert_eq!(report.unfired, []);
}

/// Cancelling everything at a share of the steps: `SYNCMGR_CR_CANCEL_ALL` on the first report
/// that reaches it, and the handler stops every item.
#[test]
fn cancel_all_reaches_the_handler_through_pn_cancel_request() {
    let (_, report) = run(Fake::new(well_behaved), |session| {
        session.cancel_all(Percent(60))
    });
    report.assert_clean();
    assert_eq!(report.statuses(INBOX), [UPDATING, UPDATING, CANCELED]);
    assert_eq!(
        report.progress_of(INBOX).nth(1).and_then(|p| p.cancel),
        Some(abi::SYNCMGR_CR_CANCEL_ALL)
    );
    assert_eq!(report.statuses(ARCHIVE), [CANCELED]);
}

/// A handler that passes no `pnCancelRequest` learns of cancellations from `CanContinue`: for
/// its item, and for the whole handler (NULL).
#[test]
fn cancels_reach_the_handler_through_can_continue() {
    let (fake, report) = run(Fake::new(polling), |session| session.cancel_all(After(2)));
    report.assert_clean();
    assert_eq!(
        fake.seen(),
        [
            format!("{INBOX}: stopped after step 2"),
            format!("{ARCHIVE}: all stopped")
        ]
    );
    assert_eq!(report.final_status(INBOX), Some(CANCELED));
    assert_eq!(report.final_status(ARCHIVE), Some(CANCELED));
    assert!(
        report
            .progress
            .iter()
            .all(|progress| progress.cancel.is_none())
    );
    assert_eq!(report.callback_answer("CanContinue(NULL)"), Some(abi::S_OK));

    // One item, at once (a delay of zero): the other one runs to its end.
    let (fake, report) = run(Fake::new(polling), |session| {
        session.cancel_item(INBOX, Delay(Duration::ZERO))
    });
    report.assert_clean();
    assert_eq!(fake.seen(), [format!("{INBOX}: stopped after step 1")]);
    assert_eq!(report.final_status(ARCHIVE), Some(SUCCEEDED));
}

/// An item told to cancel that ends `SUCCEEDED` anyway.
#[test]
fn a_cancel_the_handler_ignores() {
    let (_, report) = run(Fake::new(deaf), |session| {
        session.cancel_item(INBOX, After(1))
    });
    assert_eq!(
        report.kinds(),
        [ViolationKind::CancelIgnored],
        "{report:#?}"
    );
    // A cancellation whose moment never comes is listed.
    let (_, report) = run(Fake::new(deaf), |session| {
        session.cancel_item(INBOX, After(9))
    });
    report.assert_clean();
    assert_eq!(report.unfired.len(), 1);
    assert_eq!(report.unfired[0].item.as_deref(), Some(INBOX));
}

/// After `SUCCEEDED`, `FAILED` or `CANCELED` only `FAILED` may follow: anything else is
/// answered `E_ACCESSDENIED`. A later `FAILED` is allowed and noted.
#[test]
fn the_terminal_state_is_kept() {
    let (_, report) = run(
        Fake::new(|sync| {
            let callback = sync.session();
            assert_eq!(callback.progress(INBOX, SUCCEEDED, 1, 1, None).0, abi::S_OK);
            assert_eq!(
                callback.progress(INBOX, UPDATING, 1, 1, None).0,
                abi::E_ACCESSDENIED
            );
            assert_eq!(
                callback.progress(ARCHIVE, CANCELED, 1, 1, None).0,
                abi::S_OK
            );
            assert_eq!(callback.progress(ARCHIVE, FAILED, 1, 1, None).0, abi::S_OK);
            abi::S_OK
        }),
        |session| session,
    );
    assert_eq!(
        report.kinds(),
        [ViolationKind::TerminalStatusChanged],
        "{report:#?}"
    );
    assert_eq!(report.final_status(INBOX), Some(SUCCEEDED));
    assert_eq!(report.final_status(ARCHIVE), Some(CANCELED));
    assert!(
        report
            .notes
            .iter()
            .any(|note| note.contains("FAILED after")),
        "{:?}",
        report.notes
    );
}

/// `ReportProgress` for an item that is not in the session is refused.
#[test]
fn progress_for_an_unknown_item() {
    let (_, report) = run(
        Fake::new(|sync| {
            let callback = sync.session();
            let stranger = "{7A110000-0000-4000-8000-0000000000FF}";
            assert_eq!(
                callback.progress(stranger, UPDATING, 1, 2, None).0,
                abi::E_INVALIDARG
            );
            for id in &sync.ids {
                assert_eq!(callback.progress(id, SUCCEEDED, 1, 1, None).0, abi::S_OK);
            }
            abi::S_OK
        }),
        |session| session,
    );
    assert_eq!(report.kinds(), [ViolationKind::UnknownItem], "{report:#?}");
    assert_eq!(report.progress[0].hr, abi::E_INVALIDARG);
}

/// A status outside `UPDATING..=DISCONNECTED` is refused.
#[test]
fn a_status_out_of_range() {
    let (_, report) = run(
        Fake::new(|sync| {
            let callback = sync.session();
            assert_eq!(callback.progress(INBOX, 0, 1, 2, None).0, abi::E_INVALIDARG);
            assert_eq!(
                callback
                    .progress(INBOX, abi::SYNCMGR_PS_DISCONNECTED + 1, 1, 2, None)
                    .0,
                abi::E_INVALIDARG
            );
            for id in &sync.ids {
                assert_eq!(callback.progress(id, SUCCEEDED, 1, 1, None).0, abi::S_OK);
            }
            abi::S_OK
        }),
        |session| session,
    );
    assert_eq!(
        report.kinds(),
        [ViolationKind::BadValue, ViolationKind::BadValue],
        "{report:#?}"
    );
}

/// An item that never gets a final status.
#[test]
fn a_missing_final_status() {
    let (_, report) = run(
        Fake::new(|sync| {
            let callback = sync.session();
            assert_eq!(callback.progress(INBOX, SUCCEEDED, 1, 1, None).0, abi::S_OK);
            assert_eq!(
                callback.progress(ARCHIVE, UPDATING, 1, 2, None).0,
                abi::S_OK
            );
            abi::S_OK
        }),
        |session| session,
    );
    assert_eq!(
        report.kinds(),
        [ViolationKind::MissingFinalStatus],
        "{report:#?}"
    );
    assert!(report.violations()[0].detail.contains("Archive"));
}

/// A worker of the handler's own that calls the callback directly while `Synchronize` waits
/// for it: on Windows the callback is an apartment object of the `Synchronize` thread and the
/// call a violation (agile objects take it); off Windows there are no apartments.
#[test]
fn a_call_from_a_worker_of_the_handler() {
    for agile in [false, true] {
        let (_, report) = run(
            Fake::new(|sync| {
                let callback = sync.session();
                // The worker takes the callback and gives it back when done.
                let callback = std::thread::spawn(move || {
                    assert_eq!(callback.progress(INBOX, SUCCEEDED, 1, 1, None).0, abi::S_OK);
                    callback
                })
                .join()
                .expect("the worker reports");
                assert_eq!(
                    callback.progress(ARCHIVE, SUCCEEDED, 1, 1, None).0,
                    abi::S_OK
                );
                abi::S_OK
            }),
            |session| session.agile_callback(agile),
        );
        let expected: &[ViolationKind] = if cfg!(windows) && !agile {
            &[ViolationKind::WrongApartment]
        } else {
            &[]
        };
        assert_eq!(report.kinds(), expected, "{report:#?}");
        assert_eq!(
            report.callback,
            if cfg!(windows) && !agile {
                CallbackKind::Apartment
            } else {
                CallbackKind::Agile
            }
        );
    }
}

/// A worker that reports after `Synchronize` returned.
#[test]
fn a_call_after_synchronize_returned() {
    let (_, report) = run(
        Fake::new(|sync| {
            let callback = sync.session();
            assert_eq!(callback.progress(INBOX, SUCCEEDED, 1, 1, None).0, abi::S_OK);
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(200));
                let _ = callback.progress(ARCHIVE, SUCCEEDED, 1, 1, None);
            });
            abi::S_OK
        }),
        // Agile objects: the worker's call is wrong only in time, not in thread.
        |session| session.agile_callback(true),
    );
    assert_eq!(
        report.kinds(),
        [ViolationKind::CallAfterReturn],
        "{report:#?}"
    );
    assert_eq!(report.final_status(ARCHIVE), Some(SUCCEEDED));
}

/// A handler that keeps a reference to the callback.
#[test]
fn a_reference_leak() {
    let (_, report) = run(
        Fake::new(|sync| {
            let callback = sync.session();
            for id in &sync.ids {
                assert_eq!(callback.progress(id, SUCCEEDED, 1, 1, None).0, abi::S_OK);
            }
            callback.keep();
            abi::S_OK
        }),
        |session| session.settle(Duration::from_millis(20)),
    );
    assert_eq!(
        report.kinds(),
        [ViolationKind::CallbackNotReleased],
        "{report:#?}"
    );
    assert!(report.violations()[0].detail.contains("sync callback"));
}

/// A handler that gives back more references than it took.
#[test]
fn a_release_too_many() {
    let (_, report) = run(
        Fake::new(|sync| {
            let callback = sync.session();
            for id in &sync.ids {
                assert_eq!(callback.progress(id, SUCCEEDED, 1, 1, None).0, abi::S_OK);
            }
            // SAFETY: a live callback; the extra Release is the misbehaviour under test (the
            // kit's objects are never freed).
            unsafe { (callback.vtable().base__.Release)(callback.0) };
            abi::S_OK
        }),
        |session| session,
    );
    assert_eq!(
        report.kinds(),
        [ViolationKind::CallAfterRelease],
        "{report:#?}"
    );
}

/// `GetSyncItem` of an unknown id must be `E_INVALIDARG` (the SDK sample's `S_OK` with a NULL
/// item is not).
#[test]
fn get_sync_item_of_an_unknown_id() {
    let mut fake = Fake::new(well_behaved);
    fake.unknown = abi::S_OK;
    let (_, report) = run(fake, |session| session);
    assert_eq!(
        report.kinds(),
        [ViolationKind::UnexpectedResult],
        "{report:#?}"
    );
    assert!(report.violations()[0].detail.contains("E_INVALIDARG"));
}

/// A handler with an empty name is neither shown nor synchronized.
#[test]
fn an_empty_name() {
    let mut fake = Fake::new(|_| panic!("Synchronize must not be called"));
    fake.name = String::new();
    let (_, report) = run(fake, |session| session);
    assert_eq!(report.kinds(), [ViolationKind::EmptyString], "{report:#?}");
    assert!(!report.problems.is_empty());
    assert_eq!(report.synchronize, None);
    assert!(report.items.is_empty());
}

/// `GetSyncItemCount` must match the enumeration.
#[test]
fn a_count_mismatch() {
    let mut fake = Fake::new(well_behaved);
    fake.count = Some(3);
    let (_, report) = run(fake, |session| session);
    assert_eq!(
        report.kinds(),
        [ViolationKind::CountMismatch],
        "{report:#?}"
    );
}

/// Repeated ids (ignoring case) and a `GetSyncItem` that gives another item.
#[test]
fn item_ids_must_be_unique_and_found() {
    let mut fake = Fake::new(well_behaved);
    fake.items.push(item(&INBOX.to_lowercase(), "Inbox again"));
    let (_, report) = run(fake, |session| session);
    assert_eq!(report.kinds(), [ViolationKind::BadReturn], "{report:#?}");
    assert!(!report.items[2].shown);
    assert_eq!(report.selected, [INBOX, ARCHIVE]);

    let mut fake = Fake::new(well_behaved);
    fake.items[1].looked_up_id = Some(INBOX.to_owned());
    let (_, report) = run(fake, |session| session);
    assert_eq!(report.kinds(), [ViolationKind::BadReturn], "{report:#?}");
    assert!(report.violations()[0].detail.contains("gave the item"));
}

/// Handler properties out of their ranges: a predicate answering an error other than
/// `E_NOTIMPL`, capabilities outside `SYNCMGR_HCM_VALID_MASK`, an over-long name.
#[test]
fn handler_properties_are_checked() {
    let mut fake = Fake::new(well_behaved);
    fake.active = abi::E_FAIL;
    fake.capabilities = 0x8;
    fake.name = "n".repeat(128);
    let (_, report) = run(fake, |session| session);
    assert_eq!(
        report.kinds(),
        [
            ViolationKind::TooLong,
            ViolationKind::UnexpectedResult,
            ViolationKind::BadValue
        ],
        "{report:#?}"
    );
    // E_NOTIMPL is an answer: Sync Center keeps track itself.
    let mut fake = Fake::new(well_behaved);
    fake.active = abi::E_NOTIMPL;
    run(fake, |session| session).1.assert_clean();
}

/// The session's shape: the handler id, one session, texts within their limits, well-formed
/// events.
#[test]
fn sessions_texts_and_events() {
    let (_, report) = run(
        Fake::new(|sync| {
            let (hr, first) = sync.session_for("{7A110000-0000-4000-8000-0000000000EE}", &[INBOX]);
            assert_eq!(hr, abi::S_OK);
            drop(first);
            let callback = sync.session();
            let long = "x".repeat(260);
            assert_eq!(
                callback.progress(INBOX, UPDATING, 1, 2, Some(&long)).0,
                abi::S_OK
            );
            assert_eq!(
                callback.event(Some(INBOX), 9, "Odd", "level 9").0,
                abi::E_INVALIDARG
            );
            assert_eq!(callback.can_continue(Some("{nope}")), abi::E_INVALIDARG);
            for id in &sync.ids {
                assert_eq!(callback.progress(id, SUCCEEDED, 2, 2, None).0, abi::S_OK);
            }
            abi::S_OK
        }),
        |session| session,
    );
    assert_eq!(
        report.kinds(),
        [
            ViolationKind::WrongHandlerId,
            ViolationKind::RepeatedSession,
            ViolationKind::TooLong,
            ViolationKind::BadValue,
            ViolationKind::UnknownItem,
        ],
        "{report:#?}"
    );
    assert_eq!(report.events[0].id, GUID::zeroed());
}

/// Which items run, and plans that name items the session does not have.
#[test]
fn the_selection_and_its_mistakes() {
    let (_, report) = run(Fake::new(well_behaved), |session| {
        session.items(["archive"])
    });
    report.assert_clean();
    assert_eq!(report.selected, [ARCHIVE]);
    assert_eq!(report.final_status(INBOX), None);

    let fake = Arc::new(Fake::new(well_behaved));
    let unknown = Session::new(fake.object(), HANDLER).items(["Drafts"]).run();
    assert!(matches!(unknown, Err(SetupError::Usage(_))), "{unknown:?}");
    let outside = Session::new(fake.object(), HANDLER)
        .items([INBOX])
        .cancel_item(ARCHIVE, After(1))
        .run();
    assert!(matches!(outside, Err(SetupError::Usage(_))), "{outside:?}");
}

/// `Synchronize` that never returns in time: a problem, and the handler left to its thread.
#[test]
fn a_synchronize_that_does_not_return() {
    let (_, report) = run(
        Fake::new(|sync| {
            let callback = sync.session();
            std::thread::sleep(Duration::from_secs(2));
            for id in &sync.ids {
                let _ = callback.progress(id, SUCCEEDED, 1, 1, None);
            }
            abi::S_OK
        }),
        |session| session.timeout(Duration::from_millis(200)),
    );
    assert_eq!(report.synchronize, None);
    assert!(
        report.problems[0].contains("did not return"),
        "{:?}",
        report.problems
    );
    assert_eq!(
        report.session.as_deref(),
        Some(&[INBOX.to_owned(), ARCHIVE.to_owned()][..])
    );
}

/// A `#[sync_handler]` handler with two items of five steps each, counting the steps it made.
#[syncmgr::sync_handler(
    clsid = "7a110000-0000-4000-8000-00000000000b",
    name = "Plain",
    item(id = "7a110000-0000-4000-8000-000000000001", name = "Inbox"),
    item(id = "7a110000-0000-4000-8000-000000000002", name = "Archive")
)]
#[derive(Default)]
struct Plain {
    steps: AtomicU32,
}

impl syncmgr::SyncHandler for Plain {
    fn synchronize_item(&self, item: &mut syncmgr::ItemSync<'_>) -> syncmgr::Result<()> {
        for step in 1..=5 {
            item.progress(step, 5, "Copying")?;
            self.steps.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }
}

/// A `#[sync_handler]` value, through the runtime's own `ISyncMgrHandler`: its id is its CLSID
/// in braces, and it keeps every rule.
#[test]
fn a_syncmgr_handler() {
    let handler = Arc::new(Plain::default());
    let report = Session::from_shared(Arc::clone(&handler))
        .run()
        .expect("ISyncMgrHandler");
    report.assert_clean();
    assert_eq!(report.handler_id, "{7A110000-0000-4000-8000-00000000000B}");
    assert_eq!(report.name.as_deref(), Some("Plain"));
    let names: Vec<Option<&str>> = report
        .items
        .iter()
        .map(|item| item.name.as_deref())
        .collect();
    assert_eq!(names, [Some("Inbox"), Some("Archive")]);
    assert_eq!(report.selected, [INBOX, ARCHIVE]);
    assert!(report.all_succeeded(), "{report:#?}");
    assert!(report.texts(INBOX).contains(&"Copying"));
    assert_eq!(handler.steps.load(Ordering::Relaxed), 10);
}

/// The runtime hears planned cancellations: one item's through `pnCancelRequest`, everything's
/// likewise, and ends the items `CANCELED`.
#[test]
fn a_syncmgr_handler_cancelled() {
    let handler = Arc::new(Plain::default());
    let report = Session::from_shared(Arc::clone(&handler))
        .cancel_item("Archive", After(3))
        .run()
        .expect("ISyncMgrHandler");
    report.assert_clean();
    assert_eq!(report.final_status(INBOX), Some(SUCCEEDED));
    assert_eq!(report.final_status(ARCHIVE), Some(CANCELED));
    assert!(handler.steps.load(Ordering::Relaxed) < 10);

    let report = Session::from_handler(Plain::default())
        .cancel_all(After(2))
        .run()
        .expect("ISyncMgrHandler");
    report.assert_clean();
    assert_eq!(report.final_status(INBOX), Some(CANCELED), "{report:#?}");
    assert_eq!(report.final_status(ARCHIVE), Some(CANCELED), "{report:#?}");
}
