//! Protocol facts shared by the runtime, the test kit, the host and the tests: the names of the
//! ABI's numbers and the HRESULTs each method may return.
//!
//! The statuses themselves are [`SyncStatus`](crate::SyncStatus) (with
//! [`is_final`](crate::SyncStatus::is_final) and [`name`](crate::SyncStatus::name)); log levels
//! are [`LogLevel`](crate::LogLevel).

use crate::abi;
use windows_core::HRESULT;

/// A method of the handler's interfaces that a Sync Manager calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `IUnknown::QueryInterface` (of any of the handler's objects).
    QueryInterface,
    /// `ISyncMgrSynchronize::Initialize`.
    Initialize,
    /// `ISyncMgrSynchronize::GetHandlerInfo`.
    GetHandlerInfo,
    /// `ISyncMgrSynchronize::EnumSyncMgrItems`.
    EnumSyncMgrItems,
    /// `ISyncMgrSynchronize::GetItemObject`.
    GetItemObject,
    /// `ISyncMgrSynchronize::ShowProperties`.
    ShowProperties,
    /// `ISyncMgrSynchronize::SetProgressCallback`.
    SetProgressCallback,
    /// `ISyncMgrSynchronize::PrepareForSync`.
    PrepareForSync,
    /// `ISyncMgrSynchronize::Synchronize`.
    Synchronize,
    /// `ISyncMgrSynchronize::SetItemStatus`.
    SetItemStatus,
    /// `ISyncMgrSynchronize::ShowError`.
    ShowError,
    /// `ISyncMgrEnumItems::Next`.
    Next,
    /// `ISyncMgrEnumItems::Skip`.
    Skip,
    /// `ISyncMgrEnumItems::Reset`.
    Reset,
    /// `ISyncMgrEnumItems::Clone`.
    Clone,
    /// `IClassFactory::CreateInstance`.
    CreateInstance,
    /// `IClassFactory::LockServer`.
    LockServer,
}

/// The failures every `ISyncMgrSynchronize` method documents besides its own codes ("the
/// standard return values" of each mobsync reference page).
const STANDARD: [HRESULT; 3] = [abi::E_INVALIDARG, abi::E_UNEXPECTED, abi::E_OUTOFMEMORY];

impl Method {
    /// The method's name, e.g. `SetItemStatus`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::QueryInterface => "QueryInterface",
            Self::Initialize => "Initialize",
            Self::GetHandlerInfo => "GetHandlerInfo",
            Self::EnumSyncMgrItems => "EnumSyncMgrItems",
            Self::GetItemObject => "GetItemObject",
            Self::ShowProperties => "ShowProperties",
            Self::SetProgressCallback => "SetProgressCallback",
            Self::PrepareForSync => "PrepareForSync",
            Self::Synchronize => "Synchronize",
            Self::SetItemStatus => "SetItemStatus",
            Self::ShowError => "ShowError",
            Self::Next => "Next",
            Self::Skip => "Skip",
            Self::Reset => "Reset",
            Self::Clone => "Clone",
            Self::CreateInstance => "CreateInstance",
            Self::LockServer => "LockServer",
        }
    }

    /// The HRESULTs the method may return. Sources: the mobsync reference pages of each method
    /// (`Initialize`: `S_OK`, `S_FALSE` when the handler does not take part; `EnumSyncMgrItems`:
    /// `S_SYNCMGR_MISSINGITEMS`; `Synchronize`: `E_FAIL`; each with the standard
    /// `E_INVALIDARG`, `E_UNEXPECTED`, `E_OUTOFMEMORY`), COM's rules for `IUnknown`, `IEnum*`
    /// and `IClassFactory` (`E_NOINTERFACE`, `S_FALSE` for a short `Next` or `Skip`,
    /// `CLASS_E_NOAGGREGATION`), and this runtime's choices: `E_POINTER` for a null
    /// out-pointer, `E_NOTIMPL` for `GetItemObject`. `PrepareForSync` may answer `S_FALSE` as
    /// its reference page's remarks say. A method that runs handler code may also return the
    /// failure the handler's error carries.
    pub const fn allowed_results(self) -> &'static [HRESULT] {
        const S_OK: HRESULT = abi::S_OK;
        const S_FALSE: HRESULT = abi::S_FALSE;
        const E_POINTER: HRESULT = abi::E_POINTER;
        const INVALIDARG: HRESULT = STANDARD[0];
        const UNEXPECTED: HRESULT = STANDARD[1];
        const OUTOFMEMORY: HRESULT = STANDARD[2];
        match self {
            Self::QueryInterface => &[S_OK, abi::E_NOINTERFACE, E_POINTER, INVALIDARG],
            Self::Initialize | Self::PrepareForSync => {
                &[S_OK, S_FALSE, INVALIDARG, UNEXPECTED, OUTOFMEMORY]
            }
            Self::GetHandlerInfo => &[S_OK, E_POINTER, INVALIDARG, UNEXPECTED, OUTOFMEMORY],
            Self::EnumSyncMgrItems => &[
                S_OK,
                abi::S_SYNCMGR_MISSINGITEMS,
                E_POINTER,
                INVALIDARG,
                UNEXPECTED,
                OUTOFMEMORY,
            ],
            Self::GetItemObject => &[abi::E_NOTIMPL, abi::E_NOINTERFACE, E_POINTER],
            Self::ShowProperties
            | Self::SetProgressCallback
            | Self::SetItemStatus
            | Self::ShowError => &[S_OK, INVALIDARG, UNEXPECTED, OUTOFMEMORY],
            Self::Synchronize => &[S_OK, abi::E_FAIL, INVALIDARG, UNEXPECTED, OUTOFMEMORY],
            Self::Next => &[
                S_OK,
                S_FALSE,
                E_POINTER,
                INVALIDARG,
                UNEXPECTED,
                OUTOFMEMORY,
            ],
            Self::Skip | Self::Reset => &[S_OK, S_FALSE],
            Self::Clone => &[S_OK, E_POINTER, OUTOFMEMORY],
            Self::CreateInstance => &[
                S_OK,
                E_POINTER,
                INVALIDARG,
                abi::E_NOINTERFACE,
                abi::CLASS_E_NOAGGREGATION,
                OUTOFMEMORY,
            ],
            Self::LockServer => &[S_OK, UNEXPECTED, OUTOFMEMORY],
        }
    }
}

/// A method of the Sync Center interfaces that Sync Center calls on a handler's objects
/// (`docs/sync-center.md`). Slots with the same name and the same answers on the handler and
/// on an item (`GetName`, `GetObject`, `GetCapabilities`, `GetPolicies`, `Enable`, and the
/// info getters) are one variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CenterMethod {
    /// `ISyncMgrHandler::GetName`, `ISyncMgrSyncItem::GetName`.
    GetName,
    /// `ISyncMgrHandler::GetHandlerInfo`.
    GetHandlerInfo,
    /// `ISyncMgrHandler::GetObject`, `ISyncMgrSyncItem::GetObject`.
    GetObject,
    /// `ISyncMgrHandler::GetCapabilities`, `ISyncMgrSyncItem::GetCapabilities`.
    GetCapabilities,
    /// `ISyncMgrHandler::GetPolicies`, `ISyncMgrSyncItem::GetPolicies`.
    GetPolicies,
    /// `ISyncMgrHandler::Activate`.
    Activate,
    /// `ISyncMgrHandler::Enable`, `ISyncMgrSyncItem::Enable`.
    Enable,
    /// `ISyncMgrHandler::Synchronize`.
    Synchronize,
    /// `ISyncMgrHandlerInfo::GetType`.
    GetType,
    /// `ISyncMgrHandlerInfo::GetTypeLabel`, `ISyncMgrSyncItemInfo::GetTypeLabel`.
    GetTypeLabel,
    /// `ISyncMgrHandlerInfo::GetComment`, `ISyncMgrSyncItemInfo::GetComment`.
    GetComment,
    /// `ISyncMgrHandlerInfo::GetLastSyncTime`, `ISyncMgrSyncItemInfo::GetLastSyncTime`.
    GetLastSyncTime,
    /// `ISyncMgrHandlerInfo::IsActive`.
    IsActive,
    /// `ISyncMgrHandlerInfo::IsEnabled`, `ISyncMgrSyncItemInfo::IsEnabled`.
    IsEnabled,
    /// `ISyncMgrHandlerInfo::IsConnected`, `ISyncMgrSyncItemInfo::IsConnected`.
    IsConnected,
    /// `ISyncMgrSyncItemContainer::GetSyncItem`.
    GetSyncItem,
    /// `ISyncMgrSyncItemContainer::GetSyncItemEnumerator`.
    GetSyncItemEnumerator,
    /// `ISyncMgrSyncItemContainer::GetSyncItemCount`.
    GetSyncItemCount,
    /// `ISyncMgrSyncItem::GetItemID`.
    GetItemId,
    /// `ISyncMgrSyncItem::GetItemInfo`.
    GetItemInfo,
    /// `ISyncMgrSyncItem::Delete`.
    Delete,
    /// `ISyncMgrHandlerCollection::GetHandlerEnumerator`.
    GetHandlerEnumerator,
    /// `ISyncMgrHandlerCollection::BindToHandler`.
    BindToHandler,
}

impl CenterMethod {
    /// The method's name, e.g. `GetSyncItem`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::GetName => "GetName",
            Self::GetHandlerInfo => "GetHandlerInfo",
            Self::GetObject => "GetObject",
            Self::GetCapabilities => "GetCapabilities",
            Self::GetPolicies => "GetPolicies",
            Self::Activate => "Activate",
            Self::Enable => "Enable",
            Self::Synchronize => "Synchronize",
            Self::GetType => "GetType",
            Self::GetTypeLabel => "GetTypeLabel",
            Self::GetComment => "GetComment",
            Self::GetLastSyncTime => "GetLastSyncTime",
            Self::IsActive => "IsActive",
            Self::IsEnabled => "IsEnabled",
            Self::IsConnected => "IsConnected",
            Self::GetSyncItem => "GetSyncItem",
            Self::GetSyncItemEnumerator => "GetSyncItemEnumerator",
            Self::GetSyncItemCount => "GetSyncItemCount",
            Self::GetItemId => "GetItemID",
            Self::GetItemInfo => "GetItemInfo",
            Self::Delete => "Delete",
            Self::GetHandlerEnumerator => "GetHandlerEnumerator",
            Self::BindToHandler => "BindToHandler",
        }
    }

    /// The HRESULTs the method may return. Sources: the syncmgr.h reference pages
    /// (`docs/sync-center.md`: `S_OK`/`S_FALSE` answers of the predicates, `E_NOTIMPL` for an
    /// object or property not offered, `E_INVALIDARG` for an unknown item id,
    /// `CLASS_E_CLASSNOTAVAILABLE` for an unknown handler id as in the SDK sample), COM's rules
    /// (`E_POINTER` for a null out-pointer, `E_NOINTERFACE`), and this runtime's choices:
    /// `E_INVALIDARG` for a null `[in]` pointer or an id that is no GUID or is over-long,
    /// `E_UNEXPECTED` for a contained panic. `Synchronize` may also return the failure of the
    /// host's `CreateSession`, and a method that runs handler code the failure the handler's
    /// error carries.
    pub const fn allowed_results(self) -> &'static [HRESULT] {
        const S_OK: HRESULT = abi::S_OK;
        const S_FALSE: HRESULT = abi::S_FALSE;
        const E_POINTER: HRESULT = abi::E_POINTER;
        const E_NOTIMPL: HRESULT = abi::E_NOTIMPL;
        const INVALIDARG: HRESULT = abi::E_INVALIDARG;
        const UNEXPECTED: HRESULT = abi::E_UNEXPECTED;
        const OUTOFMEMORY: HRESULT = abi::E_OUTOFMEMORY;
        match self {
            Self::GetName
            | Self::GetItemId
            | Self::GetHandlerEnumerator
            | Self::GetSyncItemEnumerator
            | Self::GetSyncItemCount => &[S_OK, E_POINTER, UNEXPECTED, OUTOFMEMORY],
            Self::GetHandlerInfo | Self::GetItemInfo => &[S_OK, E_POINTER, UNEXPECTED],
            Self::GetObject => &[E_NOTIMPL, INVALIDARG, E_POINTER],
            Self::GetCapabilities | Self::GetPolicies | Self::GetType => &[S_OK, E_POINTER],
            Self::Activate | Self::Enable => &[S_OK, UNEXPECTED],
            Self::Synchronize => &[S_OK, INVALIDARG, UNEXPECTED, OUTOFMEMORY],
            Self::GetTypeLabel | Self::GetComment => &[S_OK, E_NOTIMPL, E_POINTER, OUTOFMEMORY],
            Self::GetLastSyncTime => &[S_OK, E_NOTIMPL, E_POINTER],
            Self::IsActive | Self::IsEnabled => &[S_OK, S_FALSE, E_NOTIMPL],
            Self::IsConnected => &[S_OK, S_FALSE],
            Self::GetSyncItem => &[S_OK, E_POINTER, INVALIDARG, UNEXPECTED, OUTOFMEMORY],
            Self::Delete => &[S_OK, E_NOTIMPL, UNEXPECTED],
            Self::BindToHandler => &[
                S_OK,
                E_POINTER,
                INVALIDARG,
                abi::E_NOINTERFACE,
                abi::CLASS_E_CLASSNOTAVAILABLE,
                OUTOFMEMORY,
            ],
        }
    }
}

/// The name of an HRESULT of this protocol (`E_UNEXPECTED`, `S_SYNCMGR_CANCELITEM`), or `None`
/// for any other value.
#[must_use]
pub fn hresult_name(hr: HRESULT) -> Option<&'static str> {
    Some(match hr {
        abi::S_OK => "S_OK",
        abi::S_FALSE => "S_FALSE",
        abi::E_UNEXPECTED => "E_UNEXPECTED",
        abi::E_INVALIDARG => "E_INVALIDARG",
        abi::E_POINTER => "E_POINTER",
        abi::E_NOTIMPL => "E_NOTIMPL",
        abi::E_NOINTERFACE => "E_NOINTERFACE",
        abi::E_FAIL => "E_FAIL",
        abi::E_OUTOFMEMORY => "E_OUTOFMEMORY",
        abi::E_ABORT => "E_ABORT",
        abi::E_ACCESSDENIED => "E_ACCESSDENIED",
        abi::CLASS_E_CLASSNOTAVAILABLE => "CLASS_E_CLASSNOTAVAILABLE",
        abi::CLASS_E_NOAGGREGATION => "CLASS_E_NOAGGREGATION",
        abi::S_SYNCMGR_MISSINGITEMS => "S_SYNCMGR_MISSINGITEMS",
        abi::S_SYNCMGR_CANCELITEM => "S_SYNCMGR_CANCELITEM",
        abi::S_SYNCMGR_CANCELALL => "S_SYNCMGR_CANCELALL",
        abi::S_SYNCMGR_RETRYSYNC => "S_SYNCMGR_RETRYSYNC",
        abi::S_SYNCMGR_ITEMDELETED => "S_SYNCMGR_ITEMDELETED",
        abi::S_SYNCMGR_ENUMITEMS => "S_SYNCMGR_ENUMITEMS",
        _ => return None,
    })
}

/// `SYNCMGRITEMFLAGS` bits and their names (without the `SYNCMGRITEM_` prefix).
pub const ITEM_FLAG_NAMES: &[(u32, &str)] = &[
    (abi::SYNCMGRITEM_HASPROPERTIES as u32, "HASPROPERTIES"),
    (abi::SYNCMGRITEM_TEMPORARY as u32, "TEMPORARY"),
    (abi::SYNCMGRITEM_ROAMINGUSER as u32, "ROAMINGUSER"),
    (abi::SYNCMGRITEM_LASTUPDATETIME as u32, "LASTUPDATETIME"),
    (abi::SYNCMGRITEM_MAYDELETEITEM as u32, "MAYDELETEITEM"),
    (abi::SYNCMGRITEM_HIDDEN as u32, "HIDDEN"),
];

/// `SYNCMGRHANDLERFLAGS` bits and their names (without the `SYNCMGRHANDLER_` prefix).
pub const HANDLER_FLAG_NAMES: &[(u32, &str)] = &[
    (abi::SYNCMGRHANDLER_HASPROPERTIES as u32, "HASPROPERTIES"),
    (
        abi::SYNCMGRHANDLER_MAYESTABLISHCONNECTION as u32,
        "MAYESTABLISHCONNECTION",
    ),
    (
        abi::SYNCMGRHANDLER_ALWAYSLISTHANDLER as u32,
        "ALWAYSLISTHANDLER",
    ),
    (abi::SYNCMGRHANDLER_HIDDEN as u32, "HIDDEN"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every method allows `S_OK` except `GetItemObject`, which the runtime never implements;
    /// every name is the vtable slot's.
    #[test]
    fn methods() {
        assert_eq!(Method::SetItemStatus.name(), "SetItemStatus");
        assert!(Method::Synchronize.allowed_results().contains(&abi::E_FAIL));
        assert!(
            !Method::SetItemStatus
                .allowed_results()
                .contains(&abi::E_FAIL)
        );
        assert!(!Method::GetItemObject.allowed_results().contains(&abi::S_OK));
        assert_eq!(
            hresult_name(abi::S_SYNCMGR_CANCELALL),
            Some("S_SYNCMGR_CANCELALL")
        );
        assert_eq!(hresult_name(HRESULT(0x1234)), None);
    }
}
