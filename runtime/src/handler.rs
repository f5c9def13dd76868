//! The trait a handler implements: its sync logic and the optional parts of the protocol.

use crate::{Error, ItemFlags, ItemSync, LoggedError, Result, abi};
use windows_core::GUID;

/// A window handle the Sync Manager passes as the parent of any UI (may be null).
pub type ParentWindow = abi::HWND;

/// The handler's code. `#[sync_handler]` provides the COM object; this trait provides the work.
///
/// Every method but [`synchronize_item`](Self::synchronize_item) has a default. Methods run on
/// the thread that called into the handler, except `synchronize_item`, which runs on a worker
/// thread; a panic anywhere is caught and reported, never unwound into the host.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is a `#[sync_handler]` but does not implement `syncmgr::SyncHandler`",
    label = "the handler's sync logic is missing",
    note = "add `impl syncmgr::SyncHandler for {Self} {{ fn synchronize_item(&self, item: &mut syncmgr::ItemSync<'_>) -> syncmgr::Result<()> {{ .. }} }}`"
)]
pub trait SyncHandler {
    /// Synchronizes one item. Runs on a worker thread, one item after another.
    ///
    /// Report progress through `item`, and return early when [`ItemSync::check`] says the item
    /// was skipped or stopped. `Ok` ends the item `SUCCEEDED`; an error ends it `FAILED` and is
    /// logged through `LogError` (a cancellation ends it `SKIPPED` or `STOPPED`).
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> Result<()>;

    /// `Initialize`: whether the handler takes part in this synchronization event.
    fn initialize(&self, event: &SyncEvent) -> Result<Participation> {
        let _ = event;
        Ok(Participation::Join)
    }

    /// Items known only at run time, enumerated after the items declared in the attribute.
    fn items(&self) -> Result<ItemListing> {
        Ok(ItemListing::default())
    }

    /// When the item (declared in the attribute, or a run-time item without its own
    /// [`Item::last_updated`]) was last synchronized, for the Sync Manager's list
    /// (`SYNCMGRITEM.ftLastUpdate`, with `SYNCMGRITEM_LASTUPDATETIME` set exactly when there is
    /// a time). Called on the thread that enumerates, once per item.
    fn last_update(&self, item: GUID) -> Option<std::time::SystemTime> {
        let _ = item;
        None
    }

    /// The session starts: called on the worker thread with the session's items, before the
    /// first item's [`synchronize_item`](Self::synchronize_item) (open one connection for the
    /// whole session here). An error fails every item of the session (ending `FAILED`, the
    /// error in the log); cancelled items still end as cancelled.
    fn begin_session(&self, items: &[GUID]) -> Result<()> {
        let _ = items;
        Ok(())
    }

    /// The session ends: called on the worker thread after the last item's final status and
    /// before `SynchronizeCompleted`, with each item's outcome (close what
    /// [`begin_session`](Self::begin_session) opened). An error is a warning in the log.
    fn end_session(&self, outcomes: &[(GUID, crate::SyncStatus)]) -> Result<()> {
        let _ = outcomes;
        Ok(())
    }

    /// `PrepareForSync`: called with the chosen items before `Synchronize`.
    fn prepare(&self, items: &[GUID]) -> Result<()> {
        let _ = items;
        Ok(())
    }

    /// `ShowProperties`: shows the properties of `item` (`None`: of the handler itself).
    fn show_properties(
        &self,
        parent: ParentWindow,
        item: Option<GUID>,
    ) -> Result<PropertiesChange> {
        let _ = (parent, item);
        Err(Error::not_implemented())
    }

    /// `ShowError`: the user opened an error the handler logged with
    /// [`ItemSync::log_error`](crate::ItemSync::log_error); `error` has its id, text and context
    /// (only the id when it was not logged by this module, or too long ago).
    fn show_error(&self, parent: ParentWindow, error: &LoggedError) -> Result<ShowErrorOutcome> {
        let _ = (parent, error);
        Err(Error::not_implemented())
    }
}

/// The event code of `Initialize` (`SYNCMGRFLAG_EVENTMASK` bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncEventKind {
    /// `SYNCMGRFLAG_CONNECT`: a network connection was made.
    Connect,
    /// `SYNCMGRFLAG_PENDINGDISCONNECT`: a network connection is about to close.
    PendingDisconnect,
    /// `SYNCMGRFLAG_MANUAL`: the user started synchronization (also any unknown code).
    Manual,
    /// `SYNCMGRFLAG_IDLE`: the computer is idle.
    Idle,
    /// `SYNCMGRFLAG_INVOKE`: an application called `ISyncMgrSynchronizeInvoke::UpdateItems`.
    Invoke,
    /// `SYNCMGRFLAG_SCHEDULED`: a scheduled synchronization.
    Scheduled,
}

/// What `Initialize` told the handler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncEvent {
    /// The raw `dwSyncMgrFlags`.
    pub flags: u32,
    /// The event code; an unknown code reads as [`SyncEventKind::Manual`], as documented.
    pub kind: SyncEventKind,
    /// `SYNCMGRFLAG_SETTINGS`: configuration only.
    pub settings: bool,
    /// `SYNCMGRFLAG_MAYBOTHERUSER`: UI is allowed.
    pub may_bother_user: bool,
    /// The cookie of `UpdateItems` (empty unless the event is `Invoke`).
    pub cookie: Vec<u8>,
}

impl SyncEvent {
    /// Decodes `dwSyncMgrFlags` and the cookie.
    #[must_use]
    pub fn new(flags: u32, cookie: Vec<u8>) -> Self {
        let code = (flags & abi::SYNCMGRFLAG_EVENTMASK as u32) as i32;
        let kind = match code {
            abi::SYNCMGRFLAG_CONNECT => SyncEventKind::Connect,
            abi::SYNCMGRFLAG_PENDINGDISCONNECT => SyncEventKind::PendingDisconnect,
            abi::SYNCMGRFLAG_IDLE => SyncEventKind::Idle,
            abi::SYNCMGRFLAG_INVOKE => SyncEventKind::Invoke,
            abi::SYNCMGRFLAG_SCHEDULED => SyncEventKind::Scheduled,
            _ => SyncEventKind::Manual,
        };
        Self {
            flags,
            kind,
            settings: flags & abi::SYNCMGRFLAG_SETTINGS as u32 != 0,
            may_bother_user: flags & abi::SYNCMGRFLAG_MAYBOTHERUSER as u32 != 0,
            cookie,
        }
    }
}

/// The answer to `Initialize`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Participation {
    /// Take part (`S_OK`).
    Join,
    /// Decline this event (`S_FALSE`): the Sync Manager releases the handler.
    Decline,
}

/// Items the handler reports at run time.
#[derive(Clone, Debug, Default)]
pub struct ItemListing {
    /// The items.
    pub items: Vec<Item>,
    /// The list is incomplete: `EnumSyncMgrItems` returns `S_SYNCMGR_MISSINGITEMS`, so the Sync
    /// Manager keeps its preferences for items missing from it.
    pub incomplete: bool,
}

/// An item reported at run time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    id: GUID,
    name: String,
    flags: ItemFlags,
    checked: bool,
    last_update: Option<std::time::SystemTime>,
    icon: Option<u16>,
}

impl Item {
    /// An item with a stable id and a display name of at most 127 UTF-16 units.
    ///
    /// Fails with `E_INVALIDARG` for `GUID_NULL` (it means "every item" to the Sync Manager) or a
    /// longer name.
    pub fn new(id: GUID, name: impl Into<String>) -> Result<Self> {
        let name = name.into();
        if id == GUID::zeroed() {
            return Err(Error::new(
                abi::E_INVALIDARG,
                "an item id must not be GUID_NULL",
            ));
        }
        let units = name.encode_utf16().count();
        if units >= abi::MAX_SYNCMGRITEMNAME as usize {
            return Err(Error::new(
                abi::E_INVALIDARG,
                format!("item name is {units} UTF-16 units long; at most 127 fit SYNCMGRITEM"),
            ));
        }
        Ok(Self {
            id,
            name,
            flags: ItemFlags::NONE,
            checked: true,
            last_update: None,
            icon: None,
        })
    }

    /// Sets the item's flags.
    #[must_use]
    pub fn with_flags(mut self, flags: ItemFlags) -> Self {
        self.flags = flags;
        self
    }

    /// Leaves the item out of the default selection (`SYNCMGRITEMSTATE_UNCHECKED`).
    #[must_use]
    pub fn unchecked(mut self) -> Self {
        self.checked = false;
        self
    }

    /// When the item was last synchronized (`ftLastUpdate`; the runtime sets
    /// `SYNCMGRITEM_LASTUPDATETIME` exactly when an item has a time).
    #[must_use]
    pub fn last_updated(mut self, at: std::time::SystemTime) -> Self {
        self.last_update = Some(at);
        self
    }

    /// The item's icon: an `ICON` resource id of the library, shown by the Sync Manager on
    /// Windows.
    #[must_use]
    pub fn with_icon(mut self, id: u16) -> Self {
        self.icon = Some(id);
        self
    }

    /// The item's icon resource id, if it has one.
    #[must_use]
    pub fn icon(&self) -> Option<u16> {
        self.icon
    }

    /// When the item was last synchronized, if it says.
    #[must_use]
    pub fn last_update(&self) -> Option<std::time::SystemTime> {
        self.last_update
    }

    /// The item's id.
    #[must_use]
    pub fn id(&self) -> GUID {
        self.id
    }

    /// The item's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The item's flags.
    #[must_use]
    pub fn flags(&self) -> ItemFlags {
        self.flags
    }

    /// Whether the item is selected by default.
    #[must_use]
    pub fn checked(&self) -> bool {
        self.checked
    }
}

/// A stable item id derived from a name: the name-based (version 5, SHA-1) GUID of `name` in the
/// `namespace` GUID, as RFC 9562 defines it. Use the handler's CLSID as the namespace
/// (`<MyHandler as HandlerClass>::DECL.clsid`): the same name then gives the same id in every
/// run and on every machine, and different handlers never share ids. The Sync Manager keys its
/// per-item settings on the ids, so they must not change between runs.
///
/// ```
/// use syncmgr::{guid, item_id};
///
/// // The RFC's own example: "python.org" in the DNS namespace.
/// let dns = guid!("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
/// assert_eq!(item_id(dns, "python.org"), guid!("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
/// ```
#[must_use]
pub fn item_id(namespace: GUID, name: &str) -> GUID {
    let mut sha1 = sha1_smol::Sha1::new();
    sha1.update(&namespace.to_u128().to_be_bytes());
    sha1.update(name.as_bytes());
    let digest = sha1.digest().bytes();
    let mut bytes = [0_u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    // Version 5 in the high nibble of byte 6, the RFC variant (0b10) in the top bits of byte 8.
    bytes[6] = (bytes[6] & 0x0F) | 0x50;
    bytes[8] = (bytes[8] & 0x3F) | 0x80;
    GUID::from_u128(u128::from_be_bytes(bytes))
}

/// What changed after `ShowProperties`, passed to `ShowPropertiesCompleted`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PropertiesChange {
    /// Nothing the Sync Manager must know (`S_OK`).
    None,
    /// The item was deleted (`S_SYNCMGR_ITEMDELETED`).
    ItemDeleted,
    /// The item list changed: enumerate again (`S_SYNCMGR_ENUMITEMS`).
    ItemsChanged,
}

/// What `ShowError` asks for, passed to `ShowErrorCompleted`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShowErrorOutcome {
    /// Nothing more (`S_OK`).
    Done,
    /// Synchronize these items again (`S_SYNCMGR_RETRYSYNC`).
    Retry(Vec<GUID>),
}
