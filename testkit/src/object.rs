//! The `IUnknown` half of the test kit's own COM objects: the Sync Manager's callback
//! (`callback.rs`) and Sync Center's session creator and sync callback (`center/host.rs`).
//!
//! Each is `#[repr(C)]` with its vtable pointer first, so its address is its interface pointer,
//! and is never freed: a call after the final `Release` is recorded as a violation instead of
//! touching freed memory. The slots here count references exactly, wake whoever waits for a
//! count, and tell the object about misuse; panics end as `E_UNEXPECTED`, never unwinding
//! across `extern "system"`.

use core::ffi::c_void;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use syncmgr::abi;
use syncmgr::{GUID, HRESULT};
use windows_core::IUnknown_Vtbl;

/// A test kit COM object.
///
/// # Safety
/// The implementing type is `#[repr(C)]` with a vtable pointer first whose `base__` is
/// [`iunknown::<Self>()`](iunknown), and its instances are never freed.
pub(crate) unsafe trait HostObject: Sized + 'static {
    /// The reference count.
    fn refs(&self) -> &AtomicU32;
    /// Set once the last reference went.
    fn released(&self) -> &AtomicBool;
    /// Whether `QueryInterface` gives `iid`.
    fn answers(&self, iid: &GUID) -> bool;
    /// Records `method` (`QueryInterface`, `AddRef`) called after the final `Release`.
    fn after_release(&self, method: &str);
    /// Records a `Release` with no reference left.
    fn over_released(&self);
    /// A count changed: wakes whoever waits for one.
    fn changed(&self);
    /// Checks the caller of `QueryInterface` (an apartment-bound object, its thread).
    fn check_caller(&self) {}
}

/// The `IUnknown` slots of `T`'s vtable.
pub(crate) const fn iunknown<T: HostObject>() -> IUnknown_Vtbl {
    IUnknown_Vtbl {
        QueryInterface: query_interface::<T>,
        AddRef: add_ref::<T>,
        Release: release::<T>,
    }
}

/// The object behind `this`, or `None` for null.
///
/// # Safety
/// `this` is null or an interface pointer of a `T` (never freed).
unsafe fn object<'a, T: HostObject>(this: *mut c_void) -> Option<&'a T> {
    // SAFETY: per the contract; the objects are never freed.
    unsafe { this.cast::<T>().as_ref() }
}

/// `QueryInterface`.
///
/// # Safety
/// COM's contract: `this` null or a `T`'s interface pointer, `iid` null or readable, `out` null
/// or writable.
pub(crate) unsafe extern "system" fn query_interface<T: HostObject>(
    this: *mut c_void,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    if out.is_null() {
        return abi::E_POINTER;
    }
    // SAFETY: `out` is non-null and writable per COM's contract.
    unsafe { out.write(core::ptr::null_mut()) };
    // SAFETY: `iid` is null or readable per COM's contract.
    let Some(iid) = (unsafe { iid.as_ref() }) else {
        return abi::E_INVALIDARG;
    };
    // SAFETY: `this` is null or a `T`'s interface pointer (the vtable's contract).
    let Some(object) = (unsafe { object::<T>(this) }) else {
        return abi::E_POINTER;
    };
    catch_unwind(AssertUnwindSafe(|| {
        if object.released().load(Ordering::SeqCst) {
            object.after_release("QueryInterface");
        }
        object.check_caller();
        if !object.answers(iid) {
            return abi::E_NOINTERFACE;
        }
        object.refs().fetch_add(1, Ordering::SeqCst);
        object.changed();
        // SAFETY: `out` is non-null and writable (checked above).
        unsafe { out.write(this) };
        abi::S_OK
    }))
    .unwrap_or(abi::E_UNEXPECTED)
}

/// `AddRef`; also how the test kit hands out a reference of its own.
///
/// # Safety
/// `this` is null or a `T`'s interface pointer.
pub(crate) unsafe extern "system" fn add_ref<T: HostObject>(this: *mut c_void) -> u32 {
    // SAFETY: per the contract.
    let Some(object) = (unsafe { object::<T>(this) }) else {
        return 0;
    };
    if object.released().load(Ordering::SeqCst) {
        object.after_release("AddRef");
    }
    let refs = object.refs().fetch_add(1, Ordering::SeqCst) + 1;
    object.changed();
    refs
}

/// `Release`; also how the test kit gives back its own reference.
///
/// # Safety
/// `this` is null or a `T`'s interface pointer.
pub(crate) unsafe extern "system" fn release<T: HostObject>(this: *mut c_void) -> u32 {
    // SAFETY: per the contract.
    let Some(object) = (unsafe { object::<T>(this) }) else {
        return 0;
    };
    let taken = object
        .refs()
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |refs| {
            refs.checked_sub(1)
        });
    let remaining = if let Ok(refs) = taken {
        refs - 1
    } else {
        object.over_released();
        0
    };
    if remaining == 0 {
        object.released().store(true, Ordering::SeqCst);
    }
    object.changed();
    remaining
}
