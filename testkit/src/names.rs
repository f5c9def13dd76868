//! Names of the protocol's numbers, for people and for reports; the tables live in `syncmgr`.

use syncmgr::protocol;
use syncmgr::{GUID, HRESULT, LogLevel, SyncStatus};

/// The `SYNCMGRSTATUS` name of `status` without its prefix (`SUCCEEDED`), or `None` when it is
/// not a `SYNCMGRSTATUS` value.
#[must_use]
pub fn status_name(status: u32) -> Option<&'static str> {
    SyncStatus::try_from(status).ok().map(SyncStatus::name)
}

/// A status name (`SUCCEEDED`), or the number when it is not a `SYNCMGRSTATUS` value.
#[must_use]
pub fn status_label(status: u32) -> String {
    status_name(status).map_or_else(|| status.to_string(), str::to_owned)
}

/// The `SYNCMGRLOGLEVEL` name of `level` (`error`), or `None`.
#[must_use]
pub fn log_level_name(level: u32) -> Option<&'static str> {
    LogLevel::from_u32(level).map(LogLevel::name)
}

/// `S_OK`, `E_UNEXPECTED (0x8000FFFF)`, or the bare hex value.
#[must_use]
pub fn hresult_name(hr: HRESULT) -> String {
    match protocol::hresult_name(hr) {
        Some(name) if hr.0 == 0 || hr.0 == 1 => name.to_owned(),
        Some(name) => format!("{name} (0x{:08X})", hr.0 as u32),
        None => format!("0x{:08X}", hr.0 as u32),
    }
}

/// The names of the bits set in `flags`, from `table`, plus any unknown rest in hex; `-` for
/// none.
#[must_use]
pub fn flag_names(flags: u32, table: &[(u32, &str)]) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut rest = flags;
    for &(bit, name) in table {
        if flags & bit != 0 {
            names.push(name.to_owned());
            rest &= !bit;
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

/// Parses `{GUID}` or `GUID`.
pub fn parse_guid(text: &str) -> Result<GUID, String> {
    let bare = text.trim().trim_start_matches('{').trim_end_matches('}');
    let hex: String = bare.chars().filter(|&c| c != '-').collect();
    let groups: Vec<usize> = bare.split('-').map(str::len).collect();
    if hex.len() != 32 || groups != [8, 4, 4, 4, 12] {
        return Err(format!(
            "`{text}` is not a GUID like 6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11"
        ));
    }
    u128::from_str_radix(&hex, 16)
        .map(GUID::from_u128)
        .map_err(|_| format!("`{text}` is not a GUID: non-hex digits"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use syncmgr::abi;

    #[test]
    fn names() {
        assert_eq!(status_name(4), Some("SUCCEEDED"));
        assert_eq!(status_name(0x100), Some("DELETED"));
        assert_eq!(status_name(9), None);
        assert_eq!(status_label(9), "9");
        assert_eq!(log_level_name(3), Some("error"));
        assert_eq!(log_level_name(0), None);
        assert_eq!(hresult_name(abi::S_OK), "S_OK");
        assert_eq!(hresult_name(abi::E_UNEXPECTED), "E_UNEXPECTED (0x8000FFFF)");
        assert_eq!(hresult_name(HRESULT(0x1234)), "0x00001234");
        assert_eq!(
            flag_names(0x11 | 0x100, protocol::ITEM_FLAG_NAMES),
            "HASPROPERTIES|MAYDELETEITEM|0x100"
        );
        assert_eq!(flag_names(0, protocol::HANDLER_FLAG_NAMES), "-");
    }
}
