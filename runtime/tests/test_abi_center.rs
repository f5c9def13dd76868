//! The generated Sync Center ABI (syncmgr.h) matches `docs/sync-center.md`: every vtable slot's
//! type (checked at compile time, so a `usize` placeholder or a changed signature does not
//! build), its offset, the IIDs and the constants the runtime relies on.

#[macro_use]
mod slots;

use core::ffi::c_void;
use syncmgr::abi::*;
use windows_core::{BOOL, GUID, HRESULT, Interface, PCWSTR, PWSTR};

type Out = *mut *mut c_void;

#[test]
fn isyncmgrhandler_slots() {
    slots!(ISyncMgrHandler_Vtbl {
        GetName @ 3: fn(*mut PWSTR),
        GetHandlerInfo @ 4: fn(Out),
        GetObject @ 5: fn(*const GUID, *const GUID, Out),
        GetCapabilities @ 6: fn(*mut SYNCMGR_HANDLER_CAPABILITIES),
        GetPolicies @ 7: fn(*mut SYNCMGR_HANDLER_POLICIES),
        Activate @ 8: fn(BOOL),
        Enable @ 9: fn(BOOL),
        Synchronize @ 10: fn(*const PCWSTR, u32, HWND, *mut c_void, *mut c_void),
    });
}

#[test]
fn isyncmgrhandlerinfo_slots() {
    slots!(ISyncMgrHandlerInfo_Vtbl {
        GetType @ 3: fn(*mut SYNCMGR_HANDLER_TYPE),
        GetTypeLabel @ 4: fn(*mut PWSTR),
        GetComment @ 5: fn(*mut PWSTR),
        GetLastSyncTime @ 6: fn(*mut FILETIME),
        IsActive @ 7: fn(),
        IsEnabled @ 8: fn(),
        IsConnected @ 9: fn(),
    });
}

#[test]
fn isyncmgrsyncitemcontainer_slots() {
    slots!(ISyncMgrSyncItemContainer_Vtbl {
        GetSyncItem @ 3: fn(PCWSTR, Out),
        GetSyncItemEnumerator @ 4: fn(Out),
        GetSyncItemCount @ 5: fn(*mut u32),
    });
}

#[test]
fn ienumsyncmgrsyncitems_slots() {
    slots!(IEnumSyncMgrSyncItems_Vtbl {
        Next @ 3: fn(u32, Out, *mut u32),
        Skip @ 4: fn(u32),
        Reset @ 5: fn(),
        Clone @ 6: fn(Out),
    });
}

#[test]
fn isyncmgrsyncitem_slots() {
    slots!(ISyncMgrSyncItem_Vtbl {
        GetItemID @ 3: fn(*mut PWSTR),
        GetName @ 4: fn(*mut PWSTR),
        GetItemInfo @ 5: fn(Out),
        GetObject @ 6: fn(*const GUID, *const GUID, Out),
        GetCapabilities @ 7: fn(*mut SYNCMGR_ITEM_CAPABILITIES),
        GetPolicies @ 8: fn(*mut SYNCMGR_ITEM_POLICIES),
        Enable @ 9: fn(BOOL),
        Delete @ 10: fn(),
    });
}

#[test]
fn isyncmgrsynciteminfo_slots() {
    slots!(ISyncMgrSyncItemInfo_Vtbl {
        GetTypeLabel @ 3: fn(*mut PWSTR),
        GetComment @ 4: fn(*mut PWSTR),
        GetLastSyncTime @ 5: fn(*mut FILETIME),
        IsEnabled @ 6: fn(),
        IsConnected @ 7: fn(),
    });
}

#[test]
fn isyncmgrhandlercollection_slots() {
    slots!(ISyncMgrHandlerCollection_Vtbl {
        GetHandlerEnumerator @ 3: fn(Out),
        BindToHandler @ 4: fn(PCWSTR, *const GUID, Out),
    });
}

#[test]
fn isyncmgrsessioncreator_slots() {
    slots!(ISyncMgrSessionCreator_Vtbl {
        CreateSession @ 3: fn(PCWSTR, *const PCWSTR, u32, Out),
    });
}

#[test]
fn isyncmgrsynccallback_slots() {
    slots!(ISyncMgrSyncCallback_Vtbl {
        ReportProgress @ 3: fn(PCWSTR, PCWSTR, SYNCMGR_PROGRESS_STATUS, u32, u32, *mut SYNCMGR_CANCEL_REQUEST),
        SetHandlerProgressText @ 4: fn(PCWSTR, *mut SYNCMGR_CANCEL_REQUEST),
        ReportEvent @ 5: fn(
            PCWSTR,
            SYNCMGR_EVENT_LEVEL,
            SYNCMGR_EVENT_FLAGS,
            PCWSTR,
            PCWSTR,
            PCWSTR,
            PCWSTR,
            PCWSTR,
            *mut GUID
        ),
        CanContinue @ 6: fn(PCWSTR),
        QueryForAdditionalItems @ 7: fn(Out, Out),
        AddItemToSession @ 8: fn(PCWSTR),
        AddIUnknownToSession @ 9: fn(*mut c_void),
        ProposeItem @ 10: fn(*mut c_void),
        CommitItem @ 11: fn(PCWSTR),
        ReportManualSync @ 12: fn(),
    });
}

#[test]
fn isyncmgrcontrol_slots() {
    slots!(ISyncMgrControl_Vtbl {
        StartHandlerSync @ 3: fn(PCWSTR, HWND, *mut c_void, SYNCMGR_SYNC_CONTROL_FLAGS, *mut c_void),
        StartItemSync @ 4: fn(
            PCWSTR,
            *const PCWSTR,
            u32,
            HWND,
            *mut c_void,
            SYNCMGR_SYNC_CONTROL_FLAGS,
            *mut c_void
        ),
        StartSyncAll @ 5: fn(HWND),
        StopHandlerSync @ 6: fn(PCWSTR),
        StopItemSync @ 7: fn(PCWSTR, *const PCWSTR, u32),
        StopSyncAll @ 8: fn(),
        UpdateHandlerCollection @ 9: fn(*const GUID, SYNCMGR_CONTROL_FLAGS),
        UpdateHandler @ 10: fn(PCWSTR, SYNCMGR_CONTROL_FLAGS),
        UpdateItem @ 11: fn(PCWSTR, PCWSTR, SYNCMGR_CONTROL_FLAGS),
        UpdateEvents @ 12: fn(PCWSTR, PCWSTR, SYNCMGR_CONTROL_FLAGS),
        UpdateConflict @ 13: fn(PCWSTR, PCWSTR, *mut c_void, SYNCMGR_UPDATE_REASON),
        UpdateConflicts @ 14: fn(PCWSTR, PCWSTR, SYNCMGR_CONTROL_FLAGS),
        ActivateHandler @ 15: fn(BOOL, PCWSTR, HWND, SYNCMGR_CONTROL_FLAGS),
        EnableHandler @ 16: fn(BOOL, PCWSTR, HWND, SYNCMGR_CONTROL_FLAGS),
        EnableItem @ 17: fn(BOOL, PCWSTR, PCWSTR, HWND, SYNCMGR_CONTROL_FLAGS),
    });
}

#[test]
fn isyncmgrsyncresult_slots() {
    slots!(ISyncMgrSyncResult_Vtbl {
        Result @ 3: fn(SYNCMGR_PROGRESS_STATUS, u32, u32),
    });
}

#[test]
fn iids_match_the_idl() {
    let expected = [
        (
            ISyncMgrHandlerCollection::IID,
            0xa7f337a3_d20b_45cb_9ed7_87d094ca5045_u128,
        ),
        (ISyncMgrHandler::IID, 0x04ec2e43_ac77_49f9_9b98_0307ef7a72a2),
        (
            ISyncMgrHandlerInfo::IID,
            0x4ff1d798_ecf7_4524_aa81_1e362a0aef3a,
        ),
        (
            ISyncMgrSyncItemContainer::IID,
            0x90701133_be32_4129_a65c_99e616cafff4,
        ),
        (
            ISyncMgrSyncItem::IID,
            0xb20b24ce_2593_4f04_bd8b_7ad6c45051cd,
        ),
        (
            ISyncMgrSyncItemInfo::IID,
            0xe7fd9502_be0c_4464_90a1_2b5277031232,
        ),
        (
            IEnumSyncMgrSyncItems::IID,
            0x54b3abf3_f085_4181_b546_e29c403c726b,
        ),
        (
            ISyncMgrSessionCreator::IID,
            0x17f48517_f305_4321_a08d_b25a834918fd,
        ),
        (
            ISyncMgrSyncCallback::IID,
            0x884ccd87_b139_4937_a4ba_4f8e19513fbe,
        ),
        (ISyncMgrControl::IID, 0x9b63616c_36b2_46bc_959f_c1593952d19b),
        (
            ISyncMgrSyncResult::IID,
            0x2b90f17e_5a3e_4b33_bb7f_1bc48056b94d,
        ),
        (SyncMgrClient, 0x1202db60_1dac_42c5_aed5_1abdd432248e),
        (SyncMgrControl, 0x1a1f4206_0688_4e7f_be03_d82ec69df9a5),
        (
            SYNCMGR_OBJECTID_Icon,
            0x6dbc85c3_5d07_4c72_a777_7fec78072c06,
        ),
        (
            SYNCMGR_OBJECTID_EventStore,
            0x4bef34b9_a786_4075_ba88_0c2b9d89a98f,
        ),
        (
            SYNCMGR_OBJECTID_BrowseContent,
            0x57cbb584_e9b4_47ae_a120_c4df3335dee2,
        ),
        (
            SYNCMGR_OBJECTID_EventLinkClick,
            0x2203bdc1_1af1_4082_8c30_28399f41384c,
        ),
    ];
    for (actual, idl) in expected {
        assert_eq!(actual, GUID::from_u128(idl));
    }
}

#[test]
fn constants_match_the_idl() {
    assert_eq!(
        (MAX_SYNCMGR_ID, MAX_SYNCMGR_NAME, MAX_SYNCMGR_PROGRESSTEXT),
        (64, 128, 260)
    );
    assert_eq!(
        (
            SYNCMGR_PS_UPDATING,
            SYNCMGR_PS_UPDATING_INDETERMINATE,
            SYNCMGR_PS_SUCCEEDED,
            SYNCMGR_PS_FAILED,
            SYNCMGR_PS_CANCELED,
            SYNCMGR_PS_DISCONNECTED,
        ),
        (1, 2, 3, 4, 5, 6)
    );
    assert_eq!(
        (
            SYNCMGR_CR_NONE,
            SYNCMGR_CR_CANCEL_ITEM,
            SYNCMGR_CR_CANCEL_ALL
        ),
        (0, 1, 2)
    );
    assert_eq!(
        (SYNCMGR_EL_INFORMATION, SYNCMGR_EL_WARNING, SYNCMGR_EL_ERROR),
        (1, 2, 3)
    );
    assert_eq!(SYNCMGR_HCM_VALID_MASK, 0x00F3_0017);
    assert_eq!(SYNCMGR_HPM_VALID_MASK, 0x0001_2F3F);
    assert_eq!(SYNCMGR_ICM_VALID_MASK, 0x0071_0017);
    assert_eq!(SYNCMGR_IPM_VALID_MASK, 0x0001_02FF);
    assert_eq!(
        (
            SYNCMGR_ICM_CAN_DELETE,
            SYNCMGR_IPM_HIDDEN_BY_DEFAULT,
            SYNCMGR_HPM_HIDDEN_BY_DEFAULT
        ),
        (0x10, 0x0001_0000, 0x0001_0000)
    );
    assert_eq!(
        (
            SYNCMGR_HT_UNSPECIFIED,
            SYNCMGR_HT_APPLICATION,
            SYNCMGR_HT_COMPUTER
        ),
        (0, 1, 5)
    );
    assert_eq!(E_ACCESSDENIED, HRESULT(0x8007_0005_u32 as i32));
}
