//! The handler's item list: the items declared in the attribute, then the run-time items.

use crate::{Error, HandlerClass, ItemFlags, Result, abi};
use std::collections::HashSet;
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
}

impl ItemRecord {
    fn new(id: GUID, name: &str, flags: ItemFlags, checked: bool) -> Self {
        let max = abi::MAX_SYNCMGRITEMNAME as usize - 1;
        Self {
            id,
            name: name.to_owned(),
            wide_name: name.encode_utf16().take(max).collect(),
            flags,
            checked,
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
        out.hIcon = abi::HICON::default();
        let len = self.wide_name.len();
        out.wszItemName[..len].copy_from_slice(&self.wide_name);
        out.wszItemName[len..].fill(0);
        out.ftLastUpdate = abi::FILETIME::default();
    }
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
        items.extend(
            statics
                .iter()
                .map(|item| ItemRecord::new(item.id, item.name, item.flags, item.checked)),
        );
        items.extend(
            listing
                .items
                .iter()
                .map(|item| ItemRecord::new(item.id(), item.name(), item.flags(), item.checked())),
        );
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
