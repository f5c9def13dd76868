//! `SyncStatus` is the one status model: it equals the generated SYNCMGRSTATUS constants.

use syncmgr::{InvalidStatus, SyncStatus, abi};

/// Every `SYNCMGRSTATUS_*` constant in the checked-in bindings, as (suffix, value).
fn generated_statuses() -> Vec<(String, u32)> {
    let bindings = include_str!("../src/bindings.rs");
    bindings
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("pub const SYNCMGRSTATUS_")?;
            let (name, value) = rest.split_once(": SYNCMGRSTATUS = ")?;
            let value = value.strip_suffix(';')?.parse().ok()?;
            Some((name.to_owned(), value))
        })
        .collect()
}

#[test]
fn enum_equals_the_generated_constants() {
    let generated = generated_statuses();
    assert_eq!(generated.len(), 10, "SYNCMGRSTATUS has ten values");
    assert_eq!(SyncStatus::ALL.len(), generated.len());
    for (suffix, value) in &generated {
        let status = SyncStatus::try_from(*value).expect("a generated value converts");
        assert_eq!(status.to_u32(), *value);
        assert_eq!(status.abi_name(), format!("SYNCMGRSTATUS_{suffix}"));
        assert_eq!(status.attribute_name(), suffix.to_lowercase());
        assert_eq!(status.to_string(), format!("SYNCMGRSTATUS_{suffix}"));
    }
    let typed = [
        (SyncStatus::Stopped, abi::SYNCMGRSTATUS_STOPPED),
        (SyncStatus::Skipped, abi::SYNCMGRSTATUS_SKIPPED),
        (SyncStatus::Pending, abi::SYNCMGRSTATUS_PENDING),
        (SyncStatus::Updating, abi::SYNCMGRSTATUS_UPDATING),
        (SyncStatus::Succeeded, abi::SYNCMGRSTATUS_SUCCEEDED),
        (SyncStatus::Failed, abi::SYNCMGRSTATUS_FAILED),
        (SyncStatus::Paused, abi::SYNCMGRSTATUS_PAUSED),
        (SyncStatus::Resuming, abi::SYNCMGRSTATUS_RESUMING),
        (
            SyncStatus::UpdatingIndeterminate,
            abi::SYNCMGRSTATUS_UPDATING_INDETERMINATE,
        ),
        (SyncStatus::Deleted, abi::SYNCMGRSTATUS_DELETED),
    ];
    for (status, constant) in typed {
        assert_eq!(i64::from(status.to_u32()), i64::from(constant), "{status}");
    }
}

#[test]
fn reference_values() {
    let values: Vec<u32> = SyncStatus::ALL.iter().map(|s| s.to_u32()).collect();
    assert_eq!(values, [0, 1, 2, 3, 4, 5, 6, 7, 8, 0x100]);
}

#[test]
fn every_other_value_is_rejected() {
    let valid: Vec<u32> = SyncStatus::ALL.iter().map(|s| s.to_u32()).collect();
    let probes = (0..=0x1000)
        .chain([0xFFFF, 0x1_0000, 0x8000_0000, u32::MAX - 1, u32::MAX])
        // Combinations a bit-flag reading would accept.
        .chain([0x101, 0x103, 0x108, 0x109, 0x200]);
    for value in probes {
        let result = SyncStatus::try_from(value);
        if valid.contains(&value) {
            assert_eq!(result.map(SyncStatus::to_u32), Ok(value));
        } else {
            assert_eq!(result, Err(InvalidStatus(value)), "{value:#x}");
        }
    }
    assert_eq!(
        InvalidStatus(0x101).to_string(),
        "0x101 is not a SYNCMGRSTATUS value"
    );
}

#[test]
fn final_statuses() {
    let finals: Vec<SyncStatus> = SyncStatus::ALL
        .into_iter()
        .filter(|s| s.is_final())
        .collect();
    assert_eq!(
        finals,
        [
            SyncStatus::Stopped,
            SyncStatus::Skipped,
            SyncStatus::Succeeded,
            SyncStatus::Failed
        ]
    );
}
