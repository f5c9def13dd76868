//! What `#[sync_handler]` declares about a handler: its CLSID, name, flags, static items and
//! status methods.

use crate::{Result, SyncHandler, SyncStatus, abi};
use core::ops::BitOr;
use windows_core::GUID;

/// A handler class: the user's type plus what `#[sync_handler(...)]` declared about it.
///
/// Implemented by `#[sync_handler]`; there is no need to implement it by hand.
///
/// The handler must be `Send + Sync`: the Sync Manager calls it on its own thread while
/// `synchronize_item` runs on the worker. The compiler shows the comments below the bound that a
/// handler type misses, so that they explain the error where it is reported.
#[rustfmt::skip]
pub trait HandlerClass: SyncHandler
    + Send // A handler moves to the sync worker thread: keep its state in `Arc`, `Mutex` or atomics, not `Rc`.
    + Sync // The Sync Manager's thread and the sync worker share the handler: use `Mutex`, `RwLock` or atomics, not `RefCell`/`Cell`.
    + 'static
{
    /// The declaration from the attribute.
    const DECL: HandlerDecl;

    /// The handler's method for `status`, from `on(status = method)`.
    fn status_method(status: SyncStatus) -> Option<StatusMethod<Self>>;
}

/// A method that handles one `SetItemStatus` status: `fn(&self, item: GUID) -> Result<()>`.
///
/// For `STOPPED` with `GUID_NULL` (stop everything), `item` is `GUID_NULL`.
pub type StatusMethod<T> = fn(&T, GUID) -> Result<()>;

/// The handler's identity and its static items.
#[derive(Clone, Copy, Debug)]
pub struct HandlerDecl {
    /// The handler's CLSID.
    pub clsid: GUID,
    /// The name `GetHandlerInfo` reports (at most 31 UTF-16 units).
    pub name: &'static str,
    /// `SYNCMGRHANDLERFLAGS`.
    pub flags: HandlerFlags,
    /// The handler's icon: an `ICON` resource id of the library (`icon = 101`), loaded for
    /// `GetHandlerInfo` on Windows.
    pub icon: Option<u16>,
    /// Items declared in the attribute, listed before the handler's run-time items.
    pub items: &'static [StaticItem],
}

/// An item declared in `#[sync_handler(item(...))]`.
#[derive(Clone, Copy, Debug)]
pub struct StaticItem {
    /// The item's stable id.
    pub id: GUID,
    /// The display name (at most 127 UTF-16 units).
    pub name: &'static str,
    /// `SYNCMGRITEMFLAGS`.
    pub flags: ItemFlags,
    /// Whether the item is selected by default (`SYNCMGRITEMSTATE_CHECKED`).
    pub checked: bool,
    /// The item's icon: an `ICON` resource id of the library (`icon = 102`).
    pub icon: Option<u16>,
}

macro_rules! flags {
    ($(#[$meta:meta])* $name:ident, $mask:expr, { $($(#[$fmeta:meta])* $flag:ident = $value:expr,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct $name(u32);

        impl $name {
            /// No flag.
            pub const NONE: Self = Self(0);
            $($(#[$fmeta])* pub const $flag: Self = Self($value as u32);)*
            /// Every bit the ABI defines.
            pub const MASK: u32 = $mask;

            /// The flags from raw bits; bits outside [`Self::MASK`] are dropped.
            #[must_use]
            pub const fn from_bits_truncate(bits: u32) -> Self {
                Self(bits & Self::MASK)
            }

            /// The raw bits.
            #[must_use]
            pub const fn bits(self) -> u32 {
                self.0
            }

            /// Both sets of flags.
            #[must_use]
            pub const fn union(self, other: Self) -> Self {
                Self(self.0 | other.0)
            }

            /// Whether every flag of `other` is set.
            #[must_use]
            pub const fn contains(self, other: Self) -> bool {
                self.0 & other.0 == other.0
            }
        }

        impl BitOr for $name {
            type Output = Self;
            fn bitor(self, other: Self) -> Self {
                self.union(other)
            }
        }
    };
}

flags!(
    /// `SYNCMGRHANDLERFLAGS`, reported by `GetHandlerInfo`.
    HandlerFlags, abi::SYNCMGRHANDLERFLAG_MASK, {
        /// `SYNCMGRHANDLER_HASPROPERTIES`: the handler has a properties dialog.
        HAS_PROPERTIES = abi::SYNCMGRHANDLER_HASPROPERTIES,
        /// `SYNCMGRHANDLER_MAYESTABLISHCONNECTION`: the handler may call `EstablishConnection`.
        MAY_ESTABLISH_CONNECTION = abi::SYNCMGRHANDLER_MAYESTABLISHCONNECTION,
        /// `SYNCMGRHANDLER_ALWAYSLISTHANDLER`: list the handler even without items.
        ALWAYS_LIST_HANDLER = abi::SYNCMGRHANDLER_ALWAYSLISTHANDLER,
        /// `SYNCMGRHANDLER_HIDDEN`: do not show the handler by default.
        HIDDEN = abi::SYNCMGRHANDLER_HIDDEN,
    }
);

flags!(
    /// `SYNCMGRITEMFLAGS`, reported for each item by the enumerator.
    ItemFlags, abi::SYNCMGRITEM_ITEMFLAGMASK, {
        /// `SYNCMGRITEM_HASPROPERTIES`: the item has a properties dialog.
        HAS_PROPERTIES = abi::SYNCMGRITEM_HASPROPERTIES,
        /// `SYNCMGRITEM_TEMPORARY`: stored preferences for the item may be discarded.
        TEMPORARY = abi::SYNCMGRITEM_TEMPORARY,
        /// `SYNCMGRITEM_ROAMINGUSER`: the item roams with the user.
        ROAMING_USER = abi::SYNCMGRITEM_ROAMINGUSER,
        /// `SYNCMGRITEM_LASTUPDATETIME`: `ftLastUpdate` is valid.
        LAST_UPDATE_TIME = abi::SYNCMGRITEM_LASTUPDATETIME,
        /// `SYNCMGRITEM_MAYDELETEITEM`: the item may be deleted (`SetItemStatus(DELETED)`).
        MAY_DELETE_ITEM = abi::SYNCMGRITEM_MAYDELETEITEM,
        /// `SYNCMGRITEM_HIDDEN`: do not show the item by default.
        HIDDEN = abi::SYNCMGRITEM_HIDDEN,
    }
);
