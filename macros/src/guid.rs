//! GUID text, as in `clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11"`, to its `u128` value.

/// The `8-4-4-4-12` hex digit groups of the registry format.
const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];

/// An example shown in error messages.
pub(crate) const EXAMPLE: &str = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11";

/// Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, optionally in braces, hex in either case.
///
/// The value is the one `GUID::from_u128` takes: the digits read left to right as one number.
/// On failure, returns what is wrong, phrased to follow "malformed GUID: ".
pub(crate) fn parse_guid(text: &str) -> Result<u128, String> {
    let inner = if let Some(rest) = text.strip_prefix('{') {
        rest.strip_suffix('}')
            .ok_or("the opening `{` has no closing `}`")?
    } else if text.ends_with('}') {
        return Err("the closing `}` has no opening `{`".to_owned());
    } else {
        text
    };
    if let Some(bad) = inner.chars().find(|c| !c.is_ascii_hexdigit() && *c != '-') {
        return Err(format!("`{}` is not a hex digit", bad.escape_default()));
    }
    let groups: Vec<&str> = inner.split('-').collect();
    let lengths: Vec<usize> = groups.iter().map(|group| group.len()).collect();
    if lengths != GROUPS {
        let digits: usize = lengths.iter().sum();
        let found = lengths
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("-");
        return Err(if digits == 32 {
            format!("the hex digits are grouped {found}, expected 8-4-4-4-12")
        } else {
            format!("{digits} hex digits grouped {found}, expected 32 grouped 8-4-4-4-12")
        });
    }
    // Only ASCII hex digits are left, 32 of them: this cannot overflow or fail.
    Ok(groups
        .iter()
        .flat_map(|group| group.chars())
        .filter_map(|c| c.to_digit(16))
        .fold(0, |value, digit| (value << 4) | u128::from(digit)))
}

/// Formats a GUID the way the user writes it, for messages.
pub(crate) fn format_guid(value: u128) -> String {
    let hex = format!("{value:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// The `0x…` literal text of the value, grouped like the GUID for a readable expansion.
pub(crate) fn hex_literal(value: u128) -> String {
    format!("0x{}", format_guid(value).replace('-', "_"))
}

#[cfg(test)]
mod tests {
    use super::{format_guid, hex_literal, parse_guid};

    #[test]
    fn parses_plain_braced_and_uppercase() {
        let value = 0x6b0f_7c3e_8c55_4f59_9d7b_3f4f_2f6f_0a11;
        assert_eq!(
            parse_guid("6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11"),
            Ok(value)
        );
        assert_eq!(
            parse_guid("{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}"),
            Ok(value)
        );
        assert_eq!(format_guid(value), "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11");
        assert_eq!(hex_literal(value), "0x6b0f7c3e_8c55_4f59_9d7b_3f4f2f6f0a11");
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "",
            "{",
            "}",
            "{6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
            "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a1",
            "6b0f7c3e8c55-4f59-9d7b-3f4f2f6f0a11-",
            "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a1g",
            "6b0f7c3e 8c55-4f59-9d7b-3f4f2f6f0a11",
            "6b0f7c3e8c554f599d7b3f4f2f6f0a11",
            "é",
        ] {
            assert!(parse_guid(bad).is_err(), "{bad:?}");
        }
    }
}
