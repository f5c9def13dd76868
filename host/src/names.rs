//! Names of the protocol's numbers, for people and for the JSON report.

use syncmgr::HRESULT;
use syncmgr::abi;

/// The `SYNCMGRSTATUS` name of `status` without its prefix (`SUCCEEDED`), or `None` when it is
/// not a `SYNCMGRSTATUS` value.
#[must_use]
pub fn status_name(status: u32) -> Option<&'static str> {
    Some(match status as i32 {
        abi::SYNCMGRSTATUS_STOPPED => "STOPPED",
        abi::SYNCMGRSTATUS_SKIPPED => "SKIPPED",
        abi::SYNCMGRSTATUS_PENDING => "PENDING",
        abi::SYNCMGRSTATUS_UPDATING => "UPDATING",
        abi::SYNCMGRSTATUS_SUCCEEDED => "SUCCEEDED",
        abi::SYNCMGRSTATUS_FAILED => "FAILED",
        abi::SYNCMGRSTATUS_PAUSED => "PAUSED",
        abi::SYNCMGRSTATUS_RESUMING => "RESUMING",
        abi::SYNCMGRSTATUS_UPDATING_INDETERMINATE => "UPDATING_INDETERMINATE",
        abi::SYNCMGRSTATUS_DELETED => "DELETED",
        _ => return None,
    })
}

/// The `SYNCMGRLOGLEVEL` name of `level` (`error`), or `None`.
#[must_use]
pub fn log_level_name(level: u32) -> Option<&'static str> {
    Some(match level as i32 {
        abi::SYNCMGRLOGLEVEL_INFORMATION => "info",
        abi::SYNCMGRLOGLEVEL_WARNING => "warning",
        abi::SYNCMGRLOGLEVEL_ERROR => "error",
        _ => return None,
    })
}

/// `S_OK`, `E_UNEXPECTED (0x8000FFFF)`, or the bare hex value.
#[must_use]
pub fn hresult_name(hr: HRESULT) -> String {
    let name = match hr {
        abi::S_OK => return "S_OK".to_owned(),
        abi::S_FALSE => return "S_FALSE".to_owned(),
        abi::E_UNEXPECTED => "E_UNEXPECTED",
        abi::E_INVALIDARG => "E_INVALIDARG",
        abi::E_POINTER => "E_POINTER",
        abi::E_NOTIMPL => "E_NOTIMPL",
        abi::E_NOINTERFACE => "E_NOINTERFACE",
        abi::E_FAIL => "E_FAIL",
        abi::E_OUTOFMEMORY => "E_OUTOFMEMORY",
        abi::E_ABORT => "E_ABORT",
        abi::CLASS_E_CLASSNOTAVAILABLE => "CLASS_E_CLASSNOTAVAILABLE",
        abi::CLASS_E_NOAGGREGATION => "CLASS_E_NOAGGREGATION",
        abi::S_SYNCMGR_MISSINGITEMS => "S_SYNCMGR_MISSINGITEMS",
        abi::S_SYNCMGR_CANCELITEM => "S_SYNCMGR_CANCELITEM",
        abi::S_SYNCMGR_CANCELALL => "S_SYNCMGR_CANCELALL",
        abi::S_SYNCMGR_RETRYSYNC => "S_SYNCMGR_RETRYSYNC",
        abi::S_SYNCMGR_ITEMDELETED => "S_SYNCMGR_ITEMDELETED",
        abi::S_SYNCMGR_ENUMITEMS => "S_SYNCMGR_ENUMITEMS",
        _ => return format!("0x{:08X}", hr.0 as u32),
    };
    format!("{name} (0x{:08X})", hr.0 as u32)
}

/// The names of the bits set in `flags`, from `table`, plus any unknown rest in hex.
#[must_use]
pub fn flag_names(flags: u32, table: &[(i32, &str)]) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut rest = flags;
    for &(bit, name) in table {
        if flags & bit as u32 != 0 {
            names.push(name.to_owned());
            rest &= !(bit as u32);
        }
    }
    if rest != 0 {
        names.push(format!("{rest:#x}"));
    }
    if names.is_empty() {
        "-".to_owned()
    } else {
        names.join("|")
    }
}

/// `SYNCMGRITEMFLAGS` names.
pub const ITEM_FLAGS: &[(i32, &str)] = &[
    (abi::SYNCMGRITEM_HASPROPERTIES, "HASPROPERTIES"),
    (abi::SYNCMGRITEM_TEMPORARY, "TEMPORARY"),
    (abi::SYNCMGRITEM_ROAMINGUSER, "ROAMINGUSER"),
    (abi::SYNCMGRITEM_LASTUPDATETIME, "LASTUPDATETIME"),
    (abi::SYNCMGRITEM_MAYDELETEITEM, "MAYDELETEITEM"),
    (abi::SYNCMGRITEM_HIDDEN, "HIDDEN"),
];

/// `SYNCMGRHANDLERFLAGS` names.
pub const HANDLER_FLAGS: &[(i32, &str)] = &[
    (abi::SYNCMGRHANDLER_HASPROPERTIES, "HASPROPERTIES"),
    (
        abi::SYNCMGRHANDLER_MAYESTABLISHCONNECTION,
        "MAYESTABLISHCONNECTION",
    ),
    (abi::SYNCMGRHANDLER_ALWAYSLISTHANDLER, "ALWAYSLISTHANDLER"),
    (abi::SYNCMGRHANDLER_HIDDEN, "HIDDEN"),
];
