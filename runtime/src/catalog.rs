//! The handler's item list: the items declared in the attribute, then the run-time items.

use crate::{Error, HandlerClass, ItemFlags, Result, abi};
use std::collections::HashSet;
use std::time::{SystemTime, UNIX_EPOCH};
use windows_core::GUID;

/// One item as the enumerator and the session need it.
#[derive(Clone, Debug)]
pub(crate) struct ItemRecord {
    pub(crate) id: GUID,
    pub(crate) name: String,
    /// `name` in UTF-16 without the NUL, at most 127 units.
    pub(crate) wide_name: Box<[u16]>,
    pub(crate) flags: ItemFlags,
    pub(crate) checked: bool,
    /// `ftLastUpdate`, when the item has a time.
    pub(crate) last_update: Option<abi::FILETIME>,
    /// The item's icon resource id.
    pub(crate) icon: Option<u16>,
}

impl ItemRecord {
    fn new(
        id: GUID,
        name: &str,
        flags: ItemFlags,
        checked: bool,
        last_update: Option<SystemTime>,
        icon: Option<u16>,
    ) -> Self {
        let max = abi::MAX_SYNCMGRITEMNAME as usize - 1;
        let last_update = last_update.and_then(filetime);
        // The flag says whether `ftLastUpdate` is valid: set exactly when there is a time.
        let flags = if last_update.is_some() {
            flags | ItemFlags::LAST_UPDATE_TIME
        } else {
            ItemFlags::from_bits_truncate(flags.bits() & !ItemFlags::LAST_UPDATE_TIME.bits())
        };
        Self {
            id,
            name: name.to_owned(),
            wide_name: name.encode_utf16().take(max).collect(),
            flags,
            checked,
            last_update,
            icon,
        }
    }

    /// Writes this item into a `SYNCMGRITEM` (`cbSize`, flags, state, NUL-terminated name).
    pub(crate) fn write_to(&self, out: &mut abi::SYNCMGRITEM) {
        out.cbSize = abi::cb_size::<abi::SYNCMGRITEM>();
        out.dwFlags = self.flags.bits();
        out.ItemID = self.id;
        out.dwItemState = if self.checked {
            abi::SYNCMGRITEMSTATE_CHECKED as u32
        } else {
            abi::SYNCMGRITEMSTATE_UNCHECKED as u32
        };
        out.hIcon = crate::server::icon(self.icon);
        let len = self.wide_name.len();
        out.wszItemName[..len].copy_from_slice(&self.wide_name);
        out.wszItemName[len..].fill(0);
        out.ftLastUpdate = self.last_update.unwrap_or_default();
    }
}

/// Seconds from 1601-01-01 (the `FILETIME` epoch) to 1970-01-01 (the Unix one).
const EPOCH_DIFFERENCE: u64 = 11_644_473_600;

/// `at` as a `FILETIME` (100-nanosecond intervals since 1601-01-01 UTC); `None` before 1601.
fn filetime(at: SystemTime) -> Option<abi::FILETIME> {
    let ticks = match at.duration_since(UNIX_EPOCH) {
        Ok(after) => u128::from(EPOCH_DIFFERENCE) * 10_000_000 + after.as_nanos() / 100,
        Err(before) => (u128::from(EPOCH_DIFFERENCE) * 10_000_000)
            .checked_sub(before.duration().as_nanos() / 100)?,
    };
    let ticks = u64::try_from(ticks).ok()?;
    Some(abi::FILETIME {
        // The low and high halves of the 64-bit count.
        dwLowDateTime: (ticks & 0xFFFF_FFFF) as u32,
        dwHighDateTime: (ticks >> 32) as u32,
    })
}

/// Every item the handler owns right now.
pub(crate) struct Catalog {
    pub(crate) items: Vec<ItemRecord>,
    /// The handler said its run-time list is incomplete (`S_SYNCMGR_MISSINGITEMS`).
    pub(crate) incomplete: bool,
}

impl Catalog {
    /// Static items, then `T::items()`; a run-time item repeating an id is an error.
    ///
    /// Calls handler code: never call it while holding a runtime lock.
    pub(crate) fn of<T: HandlerClass>(handler: &T) -> Result<Self> {
        let listing = handler.items()?;
        let statics = T::DECL.items;
        let mut items = Vec::with_capacity(statics.len() + listing.items.len());
        items.extend(statics.iter().map(|item| {
            let time = handler.last_update(item.id);
            ItemRecord::new(
                item.id,
                item.name,
                item.flags,
                item.checked,
                time,
                item.icon,
            )
        }));
        items.extend(listing.items.iter().map(|item| {
            let time = item
                .last_update()
                .or_else(|| handler.last_update(item.id()));
            ItemRecord::new(
                item.id(),
                item.name(),
                item.flags(),
                item.checked(),
                time,
                item.icon(),
            )
        }));
        let mut seen = HashSet::with_capacity(items.len());
        if let Some(duplicate) = items.iter().find(|item| !seen.insert(item.id)) {
            return Err(Error::new(
                abi::E_UNEXPECTED,
                format!("the handler lists item {:?} twice", duplicate.id),
            ));
        }
        Ok(Self {
            items,
            incomplete: listing.incomplete,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// The Unix epoch is 116,444,736,000,000,000 ticks after 1601; a tick is 100 ns; 1601 is
    /// the earliest time.
    #[test]
    fn filetimes() {
        let ticks = |time: abi::FILETIME| {
            u64::from(time.dwHighDateTime) << 32 | u64::from(time.dwLowDateTime)
        };
        assert_eq!(
            filetime(UNIX_EPOCH).map(ticks),
            Some(116_444_736_000_000_000)
        );
        assert_eq!(
            filetime(UNIX_EPOCH + Duration::from_micros(1)).map(ticks),
            Some(116_444_736_000_000_010)
        );
        let start = UNIX_EPOCH - Duration::from_secs(EPOCH_DIFFERENCE);
        assert_eq!(filetime(start).map(ticks), Some(0));
        // Windows' `SystemTime` cannot go before 1601 at all.
        if let Some(before) = start.checked_sub(Duration::from_secs(1)) {
            assert_eq!(filetime(before), None);
        }
    }

    /// The flag follows the time, whatever the handler set.
    #[test]
    fn the_flag_is_set_exactly_with_a_time() {
        let with = ItemRecord::new(
            GUID::from_u128(1),
            "a",
            ItemFlags::NONE,
            true,
            Some(UNIX_EPOCH),
            None,
        );
        assert!(with.flags.contains(ItemFlags::LAST_UPDATE_TIME));
        let without = ItemRecord::new(
            GUID::from_u128(1),
            "a",
            ItemFlags::LAST_UPDATE_TIME,
            true,
            None,
            None,
        );
        assert!(!without.flags.contains(ItemFlags::LAST_UPDATE_TIME));
        let mut out = abi::SYNCMGRITEM::default();
        with.write_to(&mut out);
        assert_eq!(
            out.ftLastUpdate.dwHighDateTime,
            (116_444_736_000_000_000_u64 >> 32) as u32
        );
        without.write_to(&mut out);
        assert_eq!(
            (
                out.ftLastUpdate.dwLowDateTime,
                out.ftLastUpdate.dwHighDateTime
            ),
            (0, 0)
        );
    }
}
