//! `SYNCMGRSTATUS`, the one status model of the runtime and of `#[sync_handler(on(...))]`.

use crate::abi;
use core::fmt;

/// A `SYNCMGRSTATUS` value: what `SetItemStatus` asks for and what `Progress` reports.
///
/// The values are ordinals, not bit flags: compare them with `==`. The discriminants are the
/// generated metadata constants, so this enum cannot drift from the ABI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum SyncStatus {
    /// `SYNCMGRSTATUS_STOPPED` (0): synchronization stopped; with `GUID_NULL`, stop every item.
    Stopped = abi::SYNCMGRSTATUS_STOPPED as u32,
    /// `SYNCMGRSTATUS_SKIPPED` (1): the item is (to be) skipped.
    Skipped = abi::SYNCMGRSTATUS_SKIPPED as u32,
    /// `SYNCMGRSTATUS_PENDING` (2): waiting to be synchronized.
    Pending = abi::SYNCMGRSTATUS_PENDING as u32,
    /// `SYNCMGRSTATUS_UPDATING` (3): being synchronized.
    Updating = abi::SYNCMGRSTATUS_UPDATING as u32,
    /// `SYNCMGRSTATUS_SUCCEEDED` (4): synchronized successfully.
    Succeeded = abi::SYNCMGRSTATUS_SUCCEEDED as u32,
    /// `SYNCMGRSTATUS_FAILED` (5): synchronization failed.
    Failed = abi::SYNCMGRSTATUS_FAILED as u32,
    /// `SYNCMGRSTATUS_PAUSED` (6): paused.
    Paused = abi::SYNCMGRSTATUS_PAUSED as u32,
    /// `SYNCMGRSTATUS_RESUMING` (7): resuming.
    Resuming = abi::SYNCMGRSTATUS_RESUMING as u32,
    /// `SYNCMGRSTATUS_UPDATING_INDETERMINATE` (8): being synchronized, progress unknown.
    UpdatingIndeterminate = abi::SYNCMGRSTATUS_UPDATING_INDETERMINATE as u32,
    /// `SYNCMGRSTATUS_DELETED` (0x100): the item was deleted (deprecated since Vista).
    Deleted = abi::SYNCMGRSTATUS_DELETED as u32,
}

impl SyncStatus {
    /// Every status, in ascending value order.
    pub const ALL: [Self; 10] = [
        Self::Stopped,
        Self::Skipped,
        Self::Pending,
        Self::Updating,
        Self::Succeeded,
        Self::Failed,
        Self::Paused,
        Self::Resuming,
        Self::UpdatingIndeterminate,
        Self::Deleted,
    ];

    /// The `DWORD` the ABI carries.
    #[must_use]
    pub const fn to_u32(self) -> u32 {
        self as u32
    }

    /// The metadata name, e.g. `SYNCMGRSTATUS_SKIPPED`.
    #[must_use]
    pub const fn abi_name(self) -> &'static str {
        match self {
            Self::Stopped => "SYNCMGRSTATUS_STOPPED",
            Self::Skipped => "SYNCMGRSTATUS_SKIPPED",
            Self::Pending => "SYNCMGRSTATUS_PENDING",
            Self::Updating => "SYNCMGRSTATUS_UPDATING",
            Self::Succeeded => "SYNCMGRSTATUS_SUCCEEDED",
            Self::Failed => "SYNCMGRSTATUS_FAILED",
            Self::Paused => "SYNCMGRSTATUS_PAUSED",
            Self::Resuming => "SYNCMGRSTATUS_RESUMING",
            Self::UpdatingIndeterminate => "SYNCMGRSTATUS_UPDATING_INDETERMINATE",
            Self::Deleted => "SYNCMGRSTATUS_DELETED",
        }
    }

    /// The name without its prefix, e.g. `SKIPPED`: how the host and the test kit show it.
    #[must_use]
    pub fn name(self) -> &'static str {
        &self.abi_name()["SYNCMGRSTATUS_".len()..]
    }

    /// The name `#[sync_handler(on(...))]` uses for this status, e.g. `skipped`.
    #[must_use]
    pub const fn attribute_name(self) -> &'static str {
        match self {
            Self::Stopped => "stopped",
            Self::Skipped => "skipped",
            Self::Pending => "pending",
            Self::Updating => "updating",
            Self::Succeeded => "succeeded",
            Self::Failed => "failed",
            Self::Paused => "paused",
            Self::Resuming => "resuming",
            Self::UpdatingIndeterminate => "updating_indeterminate",
            Self::Deleted => "deleted",
        }
    }

    /// Whether this status ends an item's synchronization (`SUCCEEDED`, `FAILED`, `SKIPPED`,
    /// `STOPPED`): the one final status each synchronized item reports. `DELETED` is not one:
    /// it is something `SetItemStatus` asks for (the runtime then skips the item, which ends
    /// `SKIPPED`), never a status the runtime reports.
    #[must_use]
    pub const fn is_final(self) -> bool {
        matches!(
            self,
            Self::Succeeded | Self::Failed | Self::Skipped | Self::Stopped
        )
    }
}

impl fmt::Display for SyncStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.abi_name())
    }
}

/// A `DWORD` that is not a `SYNCMGRSTATUS` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidStatus(pub u32);

impl fmt::Display for InvalidStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#x} is not a SYNCMGRSTATUS value", self.0)
    }
}

impl std::error::Error for InvalidStatus {}

impl TryFrom<u32> for SyncStatus {
    type Error = InvalidStatus;

    /// Accepts exactly the ten `SYNCMGRSTATUS` values; compares with `==`, never as bits.
    #[inline]
    fn try_from(value: u32) -> Result<Self, InvalidStatus> {
        // A `match` compiles to a range check and a table; a search of `ALL` did not.
        Ok(match value {
            v if v == Self::Stopped.to_u32() => Self::Stopped,
            v if v == Self::Skipped.to_u32() => Self::Skipped,
            v if v == Self::Pending.to_u32() => Self::Pending,
            v if v == Self::Updating.to_u32() => Self::Updating,
            v if v == Self::Succeeded.to_u32() => Self::Succeeded,
            v if v == Self::Failed.to_u32() => Self::Failed,
            v if v == Self::Paused.to_u32() => Self::Paused,
            v if v == Self::Resuming.to_u32() => Self::Resuming,
            v if v == Self::UpdatingIndeterminate.to_u32() => Self::UpdatingIndeterminate,
            v if v == Self::Deleted.to_u32() => Self::Deleted,
            _ => return Err(InvalidStatus(value)),
        })
    }
}

impl From<SyncStatus> for u32 {
    fn from(status: SyncStatus) -> u32 {
        status.to_u32()
    }
}
