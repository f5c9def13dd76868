//! The COM objects the benchmarks talk to, written with windows-core's `#[implement]`: the
//! trivial callback both sides report to, and the baseline handler.

// windows-core's `#[implement]` expansion trips these pedantic lints, and the `_Impl` traits'
// signatures (raw pointers in a safe fn) are generated.
#![allow(
    clippy::ref_as_ptr,
    clippy::inline_always,
    clippy::not_unsafe_ptr_arg_deref
)]

use core::ffi::c_void;
use std::sync::atomic::{AtomicI32, AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use syncmgr::abi::{
    self, HWND, ISyncMgrEnumItems, ISyncMgrSynchronize, ISyncMgrSynchronize_Impl,
    ISyncMgrSynchronizeCallback, ISyncMgrSynchronizeCallback_Impl, SYNCMGRHANDLERINFO,
    SYNCMGRLOGERRORINFO, SYNCMGRPROGRESSITEM,
};
use syncmgr::{GUID, HRESULT};
use windows_core::{BOOL, PCWSTR, Ref};

/// An `ISyncMgrSynchronizeCallback` that does nearly nothing: `Progress` stores the value it was
/// given, completions raise a flag the benchmark waits on.
#[windows_core::implement(ISyncMgrSynchronizeCallback)]
pub struct NullCallback {
    last_value: AtomicI32,
    done: Arc<Done>,
}

/// `SynchronizeCompleted` arrived.
#[derive(Default)]
pub struct Done {
    flag: Mutex<bool>,
    changed: Condvar,
}

impl Done {
    fn set(&self) {
        *self.flag.lock().unwrap_or_else(PoisonError::into_inner) = true;
        self.changed.notify_all();
    }

    /// Waits for the flag, then lowers it.
    pub(crate) fn wait(&self) {
        let mut flag = self.flag.lock().unwrap_or_else(PoisonError::into_inner);
        while !*flag {
            flag = self
                .changed
                .wait(flag)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *flag = false;
    }
}

impl NullCallback {
    /// The callback and the flag its `SynchronizeCompleted` raises.
    #[must_use]
    pub fn create() -> (ISyncMgrSynchronizeCallback, Arc<Done>) {
        let done = Arc::new(Done::default());
        let callback = Self {
            last_value: AtomicI32::new(0),
            done: Arc::clone(&done),
        };
        (callback.into(), done)
    }
}

impl ISyncMgrSynchronizeCallback_Impl for NullCallback_Impl {
    fn ShowPropertiesCompleted(&self, _hr: HRESULT) -> windows_core::Result<()> {
        Ok(())
    }
    fn PrepareForSyncCompleted(&self, _hr: HRESULT) -> windows_core::Result<()> {
        Ok(())
    }
    fn SynchronizeCompleted(&self, _hr: HRESULT) -> windows_core::Result<()> {
        self.done.set();
        Ok(())
    }
    fn ShowErrorCompleted(
        &self,
        _hr: HRESULT,
        _count: u32,
        _items: *const GUID,
    ) -> windows_core::Result<()> {
        Ok(())
    }
    fn EnableModeless(&self, _enable: BOOL) -> windows_core::Result<()> {
        Ok(())
    }
    fn Progress(
        &self,
        _item: *const GUID,
        progress: *const SYNCMGRPROGRESSITEM,
    ) -> windows_core::Result<()> {
        // SAFETY: the caller passes a valid SYNCMGRPROGRESSITEM for the duration of the call.
        let value = unsafe { (*progress).iProgValue };
        self.last_value.store(value, Ordering::Relaxed);
        Ok(())
    }
    fn LogError(
        &self,
        _level: u32,
        _text: &PCWSTR,
        _info: *const SYNCMGRLOGERRORINFO,
    ) -> windows_core::Result<()> {
        Ok(())
    }
    fn DeleteLogError(&self, _id: *const GUID, _reserved: u32) -> windows_core::Result<()> {
        Ok(())
    }
    fn EstablishConnection(&self, _name: &PCWSTR, _reserved: u32) -> windows_core::Result<()> {
        Ok(())
    }
}

/// The baseline: a windows-core `#[implement]` object whose `SetItemStatus` stores the status in
/// an atomic, with no validation at all. Everything else is `E_NOTIMPL`.
#[windows_core::implement(ISyncMgrSynchronize)]
pub struct Baseline {
    status: AtomicU32,
}

impl Baseline {
    /// A new baseline object.
    #[must_use]
    pub fn create() -> ISyncMgrSynchronize {
        Self {
            status: AtomicU32::new(0),
        }
        .into()
    }
}

fn not_implemented<T>() -> windows_core::Result<T> {
    Err(abi::E_NOTIMPL.into())
}

impl ISyncMgrSynchronize_Impl for Baseline_Impl {
    fn Initialize(&self, _: u32, _: u32, _: u32, _: *const u8) -> windows_core::Result<()> {
        not_implemented()
    }
    fn GetHandlerInfo(&self) -> windows_core::Result<*mut SYNCMGRHANDLERINFO> {
        not_implemented()
    }
    fn EnumSyncMgrItems(&self) -> windows_core::Result<ISyncMgrEnumItems> {
        not_implemented()
    }
    fn GetItemObject(
        &self,
        _: *const GUID,
        _: *const GUID,
        _: *mut *mut c_void,
    ) -> windows_core::Result<()> {
        not_implemented()
    }
    fn ShowProperties(&self, _: HWND, _: *const GUID) -> windows_core::Result<()> {
        not_implemented()
    }
    fn SetProgressCallback(
        &self,
        _: Ref<'_, ISyncMgrSynchronizeCallback>,
    ) -> windows_core::Result<()> {
        not_implemented()
    }
    fn PrepareForSync(&self, _: u32, _: *const GUID, _: HWND, _: u32) -> windows_core::Result<()> {
        not_implemented()
    }
    fn Synchronize(&self, _: HWND) -> windows_core::Result<()> {
        not_implemented()
    }
    fn SetItemStatus(&self, _item: *const GUID, status: u32) -> windows_core::Result<()> {
        self.status.store(status, Ordering::Relaxed);
        Ok(())
    }
    fn ShowError(&self, _: HWND, _: *const GUID) -> windows_core::Result<()> {
        not_implemented()
    }
}
