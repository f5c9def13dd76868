//! The generated ABI matches the protocol reference, `docs/protocol.md`: identities, vtables,
//! structures and constants.
//!
//! windows-bindgen degrades a vtable slot to a `usize` placeholder when its filter misses a
//! parameter type. Each slot below is bound to a variable of the reference's exact function
//! pointer type, so a placeholder or a changed signature fails to compile, and its offset is
//! checked against the reference's slot number.

#[macro_use]
mod slots;

use core::ffi::c_void;
use core::mem::offset_of;
use syncmgr::abi::*;
use windows_core::{BOOL, GUID, HRESULT, Interface, PCWSTR};

const PTR: usize = size_of::<usize>();

#[test]
fn isyncmgrsynchronize_slots() {
    slots!(ISyncMgrSynchronize_Vtbl {
        Initialize @ 3: fn(u32, u32, u32, *const u8),
        GetHandlerInfo @ 4: fn(*mut *mut SYNCMGRHANDLERINFO),
        EnumSyncMgrItems @ 5: fn(*mut *mut c_void),
        GetItemObject @ 6: fn(*const GUID, *const GUID, *mut *mut c_void),
        ShowProperties @ 7: fn(HWND, *const GUID),
        SetProgressCallback @ 8: fn(*mut c_void),
        PrepareForSync @ 9: fn(u32, *const GUID, HWND, u32),
        Synchronize @ 10: fn(HWND),
        SetItemStatus @ 11: fn(*const GUID, u32),
        ShowError @ 12: fn(HWND, *const GUID),
    });
}

#[test]
fn isyncmgrsynchronizecallback_slots() {
    slots!(ISyncMgrSynchronizeCallback_Vtbl {
        ShowPropertiesCompleted @ 3: fn(HRESULT),
        PrepareForSyncCompleted @ 4: fn(HRESULT),
        SynchronizeCompleted @ 5: fn(HRESULT),
        ShowErrorCompleted @ 6: fn(HRESULT, u32, *const GUID),
        EnableModeless @ 7: fn(BOOL),
        Progress @ 8: fn(*const GUID, *const SYNCMGRPROGRESSITEM),
        LogError @ 9: fn(u32, PCWSTR, *const SYNCMGRLOGERRORINFO),
        DeleteLogError @ 10: fn(*const GUID, u32),
        EstablishConnection @ 11: fn(PCWSTR, u32),
    });
}

#[test]
fn isyncmgrenumitems_slots() {
    slots!(ISyncMgrEnumItems_Vtbl {
        Next @ 3: fn(u32, *mut SYNCMGRITEM, *mut u32),
        Skip @ 4: fn(u32),
        Reset @ 5: fn(),
        Clone @ 6: fn(*mut *mut c_void),
    });
}

#[test]
fn isyncmgrregister_slots() {
    slots!(ISyncMgrRegister_Vtbl {
        RegisterSyncMgrHandler @ 3: fn(*const GUID, PCWSTR, u32),
        UnregisterSyncMgrHandler @ 4: fn(*const GUID, u32),
        GetHandlerRegistrationInfo @ 5: fn(*const GUID, *mut u32),
    });
}

#[test]
fn iclassfactory_slots() {
    slots!(IClassFactory_Vtbl {
        CreateInstance @ 3: fn(*mut c_void, *const GUID, *mut *mut c_void),
        LockServer @ 4: fn(BOOL),
    });
}

#[test]
fn iids_and_clsid_match_the_reference() {
    let expected = [
        (
            ISyncMgrSynchronize::IID,
            0x6295df40_35ee_11d1_8707_00c04fd93327_u128,
        ),
        (
            ISyncMgrSynchronizeCallback::IID,
            0x6295df41_35ee_11d1_8707_00c04fd93327,
        ),
        (
            ISyncMgrRegister::IID,
            0x6295df42_35ee_11d1_8707_00c04fd93327,
        ),
        (
            ISyncMgrEnumItems::IID,
            0x6295df2a_35ee_11d1_8707_00c04fd93327,
        ),
        (SyncMgr, 0x6295df27_35ee_11d1_8707_00c04fd93327),
        (IClassFactory::IID, 0x00000001_0000_0000_c000_000000000046),
    ];
    for (actual, reference) in expected {
        assert_eq!(actual, GUID::from_u128(reference));
    }
}

/// Sizes and offsets of `docs/protocol.md#structures` for the target's pointer width.
#[test]
fn struct_layouts_match_the_reference() {
    let x64 = PTR == 8;
    let pick = |x86: usize, x64_value: usize| if x64 { x64_value } else { x86 };

    assert_eq!(size_of::<SYNCMGRITEM>(), pick(296, 304));
    assert_eq!(offset_of!(SYNCMGRITEM, cbSize), 0);
    assert_eq!(offset_of!(SYNCMGRITEM, dwFlags), 4);
    assert_eq!(offset_of!(SYNCMGRITEM, ItemID), 8);
    assert_eq!(offset_of!(SYNCMGRITEM, dwItemState), 24);
    assert_eq!(offset_of!(SYNCMGRITEM, hIcon), pick(28, 32));
    assert_eq!(offset_of!(SYNCMGRITEM, wszItemName), pick(32, 40));
    assert_eq!(offset_of!(SYNCMGRITEM, ftLastUpdate), pick(288, 296));

    assert_eq!(size_of::<SYNCMGRHANDLERINFO>(), pick(76, 88));
    assert_eq!(offset_of!(SYNCMGRHANDLERINFO, hIcon), pick(4, 8));
    assert_eq!(
        offset_of!(SYNCMGRHANDLERINFO, SyncMgrHandlerFlags),
        pick(8, 16)
    );
    assert_eq!(offset_of!(SYNCMGRHANDLERINFO, wszHandlerName), pick(12, 20));

    assert_eq!(size_of::<SYNCMGRPROGRESSITEM>(), pick(24, 32));
    assert_eq!(offset_of!(SYNCMGRPROGRESSITEM, mask), 4);
    assert_eq!(offset_of!(SYNCMGRPROGRESSITEM, lpcStatusText), 8);
    assert_eq!(offset_of!(SYNCMGRPROGRESSITEM, dwStatusType), pick(12, 16));
    assert_eq!(offset_of!(SYNCMGRPROGRESSITEM, iProgValue), pick(16, 20));
    assert_eq!(offset_of!(SYNCMGRPROGRESSITEM, iMaxValue), pick(20, 24));

    assert_eq!(size_of::<SYNCMGRLOGERRORINFO>(), 44);
    assert_eq!(offset_of!(SYNCMGRLOGERRORINFO, mask), 4);
    assert_eq!(offset_of!(SYNCMGRLOGERRORINFO, dwSyncMgrErrorFlags), 8);
    assert_eq!(offset_of!(SYNCMGRLOGERRORINFO, ErrorID), 12);
    assert_eq!(offset_of!(SYNCMGRLOGERRORINFO, ItemID), 28);
}

/// Values of `docs/protocol.md#constants` and `#hresults` that the runtime relies on.
#[test]
fn constants_match_the_reference() {
    assert_eq!(S_SYNCMGR_MISSINGITEMS, HRESULT(0x0004_0201));
    assert_eq!(S_SYNCMGR_RETRYSYNC, HRESULT(0x0004_0202));
    assert_eq!(S_SYNCMGR_CANCELITEM, HRESULT(0x0004_0203));
    assert_eq!(S_SYNCMGR_CANCELALL, HRESULT(0x0004_0204));
    assert_eq!(S_SYNCMGR_ITEMDELETED, HRESULT(0x0004_0210));
    assert_eq!(S_SYNCMGR_ENUMITEMS, HRESULT(0x0004_0211));
    assert_eq!(
        (MAX_SYNCMGRHANDLERNAME, MAX_SYNCMGRITEMNAME),
        (32, 128),
        "name limits include the NUL"
    );
    assert_eq!(SYNCMGRHANDLER_HIDDEN, 0x8);
    assert_eq!(SYNCMGRHANDLERFLAG_MASK, 0xF);
    assert_eq!(SYNCMGRITEM_MAYDELETEITEM, 0x10);
    assert_eq!(SYNCMGRITEM_ITEMFLAGMASK, 0x7F);
    assert_eq!(
        (
            SYNCMGRFLAG_MANUAL,
            SYNCMGRFLAG_EVENTMASK,
            SYNCMGRFLAG_SETTINGS,
            SYNCMGRFLAG_MAYBOTHERUSER
        ),
        (3, 0xFF, 0x100, 0x200)
    );
    assert_eq!(
        (
            SYNCMGRPROGRESSITEM_STATUSTEXT,
            SYNCMGRPROGRESSITEM_STATUSTYPE,
            SYNCMGRPROGRESSITEM_PROGVALUE,
            SYNCMGRPROGRESSITEM_MAXVALUE
        ),
        (1, 2, 4, 8)
    );
}
