//! The one table of `SYNCMGRSTATUS` names `on(...)` accepts.

/// `(name in on(...), SyncStatus variant)`: the `snake_case` suffix of each `SYNCMGRSTATUS_*`.
///
/// A unit test compares this table with the constants of `runtime/src/bindings.rs`, which are
/// generated from Windows metadata, so the table cannot drift from the ABI.
pub(crate) const STATUSES: [(&str, &str); 10] = [
    ("stopped", "Stopped"),
    ("skipped", "Skipped"),
    ("pending", "Pending"),
    ("updating", "Updating"),
    ("succeeded", "Succeeded"),
    ("failed", "Failed"),
    ("paused", "Paused"),
    ("resuming", "Resuming"),
    ("updating_indeterminate", "UpdatingIndeterminate"),
    ("deleted", "Deleted"),
];

/// The `SyncStatus` variant named `name` in `on(name = method)`.
pub(crate) fn variant(name: &str) -> Option<&'static str> {
    STATUSES
        .iter()
        .find(|(attr, _)| *attr == name)
        .map(|(_, variant)| *variant)
}

/// Every name `on(...)` accepts.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    STATUSES.iter().map(|(attr, _)| *attr)
}

/// "`stopped`, `skipped`, …" for error messages.
pub(crate) fn expected_list() -> String {
    STATUSES
        .iter()
        .map(|(attr, _)| format!("`{attr}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::STATUSES;
    use std::collections::BTreeSet;

    /// Extracts `NAME` from every `pub const SYNCMGRSTATUS_NAME: SYNCMGRSTATUS = 123;` line.
    fn metadata_statuses(bindings: &str) -> Vec<String> {
        bindings
            .lines()
            .filter_map(|line| {
                let rest = line.trim().strip_prefix("pub const SYNCMGRSTATUS_")?;
                let (name, rest) = rest.split_once(':')?;
                let value = rest.trim().strip_prefix("SYNCMGRSTATUS =")?.trim();
                let value = value.strip_suffix(';')?;
                let is_ident =
                    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                let is_number = !value.is_empty() && value.chars().all(|c| c.is_ascii_digit());
                (is_ident && is_number).then(|| name.to_ascii_lowercase())
            })
            .collect()
    }

    #[test]
    fn table_matches_generated_metadata() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../runtime/src/bindings.rs");
        let bindings = std::fs::read_to_string(path).expect("read runtime/src/bindings.rs");
        let from_metadata = metadata_statuses(&bindings);
        assert_eq!(from_metadata.len(), 10, "{from_metadata:?}");
        let from_metadata: BTreeSet<&str> = from_metadata.iter().map(String::as_str).collect();
        let ours: BTreeSet<&str> = STATUSES.iter().map(|(attr, _)| *attr).collect();
        assert_eq!(ours, from_metadata);
    }

    #[test]
    fn variants_are_the_camel_case_of_the_names() {
        for (attr, variant) in STATUSES {
            let camel: String = attr
                .split('_')
                .map(|word| word[..1].to_ascii_uppercase() + &word[1..])
                .collect();
            assert_eq!(camel, variant);
        }
    }
}
