//! The README's handler: two items, a few progress steps each, built as a handler DLL.

use syncmgr::{ItemSync, SyncHandler, sync_handler};

/// Synchronizes two notebooks.
#[sync_handler(
    clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
    name = "Notes",
    item(id = "0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f", name = "Inbox"),
    item(id = "1d3c5e9f-2a4b-4c6d-9e0f-1b2c3d4e5f60", name = "Archive")
)]
#[derive(Default)]
pub struct Notes;

impl SyncHandler for Notes {
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        for step in 1..=5 {
            std::thread::sleep(std::time::Duration::from_millis(100));
            // Reports UPDATING; returns early once the item is skipped.
            item.progress(step, 5, "Copying notes")?;
        }
        Ok(())
    }
}

syncmgr::dll_exports!(Notes);

#[cfg(test)]
mod tests {
    use super::*;
    use core::ffi::c_void;
    use syncmgr::abi::{self, IClassFactory, ISyncMgrSynchronize};
    use syncmgr::{GUID, HandlerClass, Interface};

    const CLSID: GUID = <Notes as HandlerClass>::DECL.clsid;

    fn class_object(clsid: &GUID, iid: &GUID) -> (syncmgr::HRESULT, *mut c_void) {
        let mut out = 0xdead_usize as *mut c_void;
        // SAFETY: valid pointers for the duration of the call.
        let hr = unsafe { DllGetClassObject(clsid, iid, &raw mut out) };
        (hr, out)
    }

    /// The library names its one class to tools, then says there are no more.
    #[test]
    fn the_library_names_its_classes() {
        let (mut clsid, mut none) = (GUID::zeroed(), GUID::zeroed());
        // SAFETY: valid out-pointers, and a null one, which the export refuses.
        let (first, past, null) = unsafe {
            (
                SyncMgrHandlerClass(0, &raw mut clsid),
                SyncMgrHandlerClass(1, &raw mut none),
                SyncMgrHandlerClass(0, core::ptr::null_mut()),
            )
        };
        assert_eq!((first, clsid), (abi::S_OK, CLSID));
        assert_eq!((past, none), (abi::S_FALSE, GUID::zeroed()));
        assert_eq!(null, abi::E_POINTER);
    }

    /// The exports and the class factory, in one test: they share the module's counters.
    #[test]
    fn exports_and_class_factory() {
        assert_eq!(DllCanUnloadNow(), abi::S_OK);

        let unknown = GUID::from_u128(0x1234);
        assert_eq!(
            class_object(&unknown, &IClassFactory::IID),
            (abi::CLASS_E_CLASSNOTAVAILABLE, core::ptr::null_mut())
        );
        assert_eq!(
            class_object(&CLSID, &ISyncMgrSynchronize::IID),
            (abi::E_NOINTERFACE, core::ptr::null_mut())
        );
        // SAFETY: a null out-pointer is rejected before any write.
        let hr = unsafe { DllGetClassObject(&CLSID, &IClassFactory::IID, core::ptr::null_mut()) };
        assert_eq!(hr, abi::E_POINTER);

        let (hr, raw) = class_object(&CLSID, &IClassFactory::IID);
        assert_eq!(hr, abi::S_OK);
        // SAFETY: S_OK hands out one IClassFactory reference.
        let factory = unsafe { IClassFactory::from_raw(raw) };
        assert_eq!(
            DllCanUnloadNow(),
            abi::S_FALSE,
            "a live factory keeps the DLL"
        );

        let vtable = factory.vtable();
        let mut out = 0xdead_usize as *mut c_void;
        // SAFETY: valid pointers; the outer pointer is a dummy that must be refused.
        let hr = unsafe {
            (vtable.CreateInstance)(
                factory.as_raw(),
                0x10 as *mut c_void,
                &ISyncMgrSynchronize::IID,
                &raw mut out,
            )
        };
        assert_eq!(
            (hr, out),
            (abi::CLASS_E_NOAGGREGATION, core::ptr::null_mut())
        );
        let other = GUID::from_u128(0x5678);
        // SAFETY: valid pointers.
        let hr = unsafe {
            (vtable.CreateInstance)(
                factory.as_raw(),
                core::ptr::null_mut(),
                &raw const other,
                &raw mut out,
            )
        };
        assert_eq!((hr, out), (abi::E_NOINTERFACE, core::ptr::null_mut()));
        // SAFETY: null out-pointer is rejected.
        let hr = unsafe {
            (vtable.CreateInstance)(
                factory.as_raw(),
                core::ptr::null_mut(),
                &raw const other,
                core::ptr::null_mut(),
            )
        };
        assert_eq!(hr, abi::E_POINTER);
        // SAFETY: valid pointers.
        let hr = unsafe {
            (vtable.CreateInstance)(
                factory.as_raw(),
                core::ptr::null_mut(),
                &ISyncMgrSynchronize::IID,
                &raw mut out,
            )
        };
        assert_eq!(hr, abi::S_OK);
        // SAFETY: S_OK hands out one ISyncMgrSynchronize reference.
        let handler = unsafe { ISyncMgrSynchronize::from_raw(out) };

        // SAFETY: plain calls through the vtable.
        unsafe {
            assert_eq!(
                (vtable.LockServer)(factory.as_raw(), true.into()),
                abi::S_OK
            );
            drop(factory);
            drop(handler);
            assert_eq!(
                DllCanUnloadNow(),
                abi::S_FALSE,
                "a server lock keeps the DLL"
            );
            let (_, raw) = class_object(&CLSID, &IClassFactory::IID);
            let factory = IClassFactory::from_raw(raw);
            assert_eq!(
                (factory.vtable().LockServer)(factory.as_raw(), false.into()),
                abi::S_OK
            );
            assert_eq!(
                (factory.vtable().LockServer)(factory.as_raw(), false.into()),
                abi::E_UNEXPECTED,
                "unlock without a lock"
            );
        }
        assert_eq!(syncmgr::server_locks(), 0);
        assert_eq!(syncmgr::live_objects(), 0);
        assert_eq!(DllCanUnloadNow(), abi::S_OK);
        if cfg!(not(windows)) {
            assert_eq!(
                DllRegisterServer(),
                abi::E_NOTIMPL,
                "no registry off Windows"
            );
        }
    }
}
