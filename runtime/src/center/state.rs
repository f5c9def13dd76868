//! The active and enabled states Sync Center sets through `Activate` and `Enable` and reads back
//! through `IsActive` and `IsEnabled` (`docs/sync-center.md#isyncmgrhandlerinfo`).
//!
//! Kept per handler class (its CLSID is its Sync Center handler id) for the life of the process,
//! not per object: Sync Center uses one instance to read properties and a new one for each
//! synchronization and each UI operation (`docs/sync-center.md#threads-and-instances`), so a
//! state set on one instance must be seen by the next. A handler starts active and enabled;
//! an item starts enabled when it is selected by default (`SYNCMGRITEMSTATE_CHECKED`).

use crate::guard::lock;
use std::sync::Mutex;
use windows_core::GUID;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Active(GUID),
    Enabled(GUID),
    Item(GUID, GUID),
}

/// Every state set so far; a class or item without an entry has its default.
static STATES: Mutex<Vec<(Key, bool)>> = Mutex::new(Vec::new());

fn get(key: Key, default: bool) -> bool {
    lock(&STATES)
        .iter()
        .find(|(known, _)| *known == key)
        .map_or(default, |&(_, value)| value)
}

fn set(key: Key, value: bool) {
    let mut states = lock(&STATES);
    match states.iter_mut().find(|(known, _)| *known == key) {
        Some(entry) => entry.1 = value,
        None => states.push((key, value)),
    }
}

/// Whether the handler class is active (in the Sync Center folder, not only in Sync Setup).
pub(crate) fn active(clsid: GUID) -> bool {
    get(Key::Active(clsid), true)
}

pub(crate) fn set_active(clsid: GUID, active: bool) {
    set(Key::Active(clsid), active);
}

/// Whether the handler class may synchronize.
pub(crate) fn enabled(clsid: GUID) -> bool {
    get(Key::Enabled(clsid), true)
}

pub(crate) fn set_enabled(clsid: GUID, enabled: bool) {
    set(Key::Enabled(clsid), enabled);
}

/// Whether an item of the class may synchronize; `default` until `Enable` was called for it.
pub(crate) fn item_enabled(clsid: GUID, item: GUID, default: bool) -> bool {
    get(Key::Item(clsid, item), default)
}

pub(crate) fn set_item_enabled(clsid: GUID, item: GUID, enabled: bool) {
    set(Key::Item(clsid, item), enabled);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_are_per_class_and_item_with_defaults() {
        let a = GUID::from_u128(0x5e7a_0001);
        let b = GUID::from_u128(0x5e7a_0002);
        let item = GUID::from_u128(0x5e7a_0003);
        assert!(active(a) && enabled(a));
        set_active(a, false);
        set_enabled(a, false);
        assert!(!active(a) && !enabled(a));
        assert!(active(b) && enabled(b), "another class keeps its own state");
        assert!(!item_enabled(a, item, false));
        set_item_enabled(a, item, true);
        assert!(item_enabled(a, item, false));
        assert!(!item_enabled(b, item, false));
        set_active(a, true);
        assert!(active(a));
    }
}
