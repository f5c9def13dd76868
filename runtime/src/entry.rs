//! One handler class a DLL serves, as `dll_exports!` lists them for the class factories, the
//! handler collection and registration.

use crate::abi::ISyncMgrSynchronize;
use crate::{HandlerClass, create};
use windows_core::GUID;

/// One class a DLL serves: its CLSID, name, and how to make an instance.
#[derive(Clone, Copy, Debug)]
pub struct ClassEntry {
    /// The handler's CLSID.
    pub clsid: GUID,
    /// The handler's name (the `HKCR\CLSID\{clsid}` default value).
    pub name: &'static str,
    /// The handler's icon resource id (`icon = N`), which registration names as the handler
    /// collection's `DefaultIcon`.
    pub icon: Option<u16>,
    /// Creates a fresh handler object.
    pub create: fn() -> ISyncMgrSynchronize,
}

impl ClassEntry {
    /// The entry for `T`, whose instances start from `T::default()`.
    #[must_use]
    pub const fn of<T: HandlerClass + Default>() -> Self {
        Self {
            clsid: T::DECL.clsid,
            name: T::DECL.name,
            icon: T::DECL.icon,
            create: create_default::<T>,
        }
    }
}

fn create_default<T: HandlerClass + Default>() -> ISyncMgrSynchronize {
    create(T::default())
}

/// Whether two entries share a CLSID; `dll_exports!` rejects that at compile time.
#[must_use]
pub const fn has_duplicate_clsids(classes: &[ClassEntry]) -> bool {
    let mut i = 0;
    while i < classes.len() {
        let mut j = i + 1;
        while j < classes.len() {
            if classes[i].clsid.to_u128() == classes[j].clsid.to_u128() {
                return true;
            }
            j += 1;
        }
        i += 1;
    }
    false
}
