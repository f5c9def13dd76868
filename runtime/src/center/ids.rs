//! Sync Center's string ids for the handler's GUIDs: the handler id is its CLSID and each item
//! id its item GUID, both as braced upper-case GUID strings (38 characters, within
//! `MAX_SYNCMGR_ID`; see `docs/sync-center.md#conventions`).

use crate::abi;
use windows_core::{GUID, HRESULT, PCWSTR};

/// Units of a braced GUID string with its NUL.
pub(crate) const ID_UNITS: usize = 39;

/// `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`.
pub(crate) fn text(id: &GUID) -> String {
    // windows-core's `Debug` for GUID is the upper-case hyphenated form without braces.
    format!("{{{id:?}}}")
}

/// [`text`] as a NUL-terminated UTF-16 array.
pub(crate) fn wide(id: &GUID) -> [u16; ID_UNITS] {
    let mut units = [0; ID_UNITS];
    for (slot, unit) in units.iter_mut().zip(text(id).encode_utf16()) {
        *slot = unit;
    }
    units
}

/// Reads a string id the caller passed: a GUID, braced or not, in either case.
///
/// A null pointer, a string without a NUL within `MAX_SYNCMGR_ID` units (over-long) and a
/// string that is no GUID are all `E_INVALIDARG`.
///
/// # Safety
/// `id` is null or points at a NUL-terminated UTF-16 string, or at least at `MAX_SYNCMGR_ID`
/// readable units (COM's contract for an `[in, string]` parameter).
pub(crate) unsafe fn read(id: PCWSTR) -> Result<GUID, HRESULT> {
    if id.is_null() {
        return Err(abi::E_INVALIDARG);
    }
    let mut units = [0_u16; abi::MAX_SYNCMGR_ID as usize];
    let mut len = None;
    for (at, slot) in units.iter_mut().enumerate() {
        // SAFETY: the units before `at` were not NUL, so the string goes on at least to `at`
        // (or, per the contract, `MAX_SYNCMGR_ID` units are readable).
        let unit = unsafe { id.0.add(at).read() };
        if unit == 0 {
            len = Some(at);
            break;
        }
        *slot = unit;
    }
    let len = len.ok_or(abi::E_INVALIDARG)?;
    parse(&units[..len]).ok_or(abi::E_INVALIDARG)
}

/// A GUID from its string form, braced or not, in either case.
pub(crate) fn parse(units: &[u16]) -> Option<GUID> {
    let text = String::from_utf16(units).ok()?;
    let bare = match text.strip_prefix('{') {
        Some(rest) => rest.strip_suffix('}')?,
        None => &text,
    };
    GUID::try_from(bare).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: GUID = GUID::from_u128(0x6b0f_7c3e_8c55_4f59_9d7b_3f4f_2f6f_0a11);

    #[test]
    fn round_trip_and_forms() {
        assert_eq!(text(&ID), "{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}");
        let units = wide(&ID);
        assert_eq!(units[ID_UNITS - 1], 0);
        // SAFETY: `units` is NUL-terminated.
        assert_eq!(unsafe { read(PCWSTR(units.as_ptr())) }, Ok(ID));
        for form in [
            "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
            "{6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0A11}",
        ] {
            let units: Vec<u16> = form.encode_utf16().collect();
            assert_eq!(parse(&units), Some(ID), "{form}");
        }
    }

    #[test]
    fn bad_ids_are_invalid() {
        // SAFETY: null is allowed by the contract.
        assert_eq!(unsafe { read(PCWSTR::null()) }, Err(abi::E_INVALIDARG));
        for bad in [
            "",
            "inbox",
            "{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11",
            "{6B0F7C3E}",
        ] {
            let units: Vec<u16> = bad.encode_utf16().chain(Some(0)).collect();
            // SAFETY: NUL-terminated.
            let read = unsafe { read(PCWSTR(units.as_ptr())) };
            assert_eq!(read, Err(abi::E_INVALIDARG), "{bad}");
        }
        // No NUL within the limit: over-long, and nothing beyond the limit is read.
        let long = [u16::from(b'A'); abi::MAX_SYNCMGR_ID as usize];
        // SAFETY: `MAX_SYNCMGR_ID` units are readable.
        let read = unsafe { read(PCWSTR(long.as_ptr())) };
        assert_eq!(read, Err(abi::E_INVALIDARG));
    }
}
