//! Every handler flag, every item flag the attribute takes, `unchecked`, and a method for every
//! status.

use std::sync::atomic::{AtomicU32, Ordering};
use syncmgr::{GUID, HandlerClass, HandlerFlags, ItemFlags, ItemSync, SyncHandler, SyncStatus};

#[syncmgr::sync_handler(
    clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
    name = "Everything",
    flags(has_properties, may_establish_connection, always_list_handler, hidden),
    icon = 101,
    item(id = "00000000-0000-0000-0000-000000000001", name = "Plain"),
    item(
        id = "00000000-0000-0000-0000-000000000002",
        name = "Flagged",
        flags(has_properties, temporary, roaming_user, may_delete_item, hidden),
        icon = 65535,
        unchecked,
    ),
    item(unchecked, name = "Reordered", id = "00000000-0000-0000-0000-000000000003",),
    on(
        stopped = stopped,
        skipped = skipped,
        pending = pending,
        updating = updating,
        succeeded = succeeded,
        failed = failed,
        paused = paused,
        resuming = resuming,
        updating_indeterminate = updating_indeterminate,
        deleted = deleted,
    ),
)]
#[derive(Default)]
pub struct Everything {
    calls: AtomicU32,
}

macro_rules! status_methods {
    ($($name:ident = $bit:expr,)*) => {
        impl Everything {
            $(fn $name(&self, _item: GUID) -> syncmgr::Result<()> {
                self.calls.fetch_or(1 << $bit, Ordering::Relaxed);
                Ok(())
            })*
        }
    };
}

status_methods! {
    stopped = 0, skipped = 1, pending = 2, updating = 3, succeeded = 4, failed = 5, paused = 6,
    resuming = 7, updating_indeterminate = 8, deleted = 9,
}

impl SyncHandler for Everything {
    fn synchronize_item(&self, _item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

fn main() {
    let decl = Everything::DECL;
    let all_handler = HandlerFlags::HAS_PROPERTIES
        | HandlerFlags::MAY_ESTABLISH_CONNECTION
        | HandlerFlags::ALWAYS_LIST_HANDLER
        | HandlerFlags::HIDDEN;
    assert_eq!(decl.flags, all_handler);
    assert_eq!(decl.items.len(), 3);
    assert_eq!(decl.icon, Some(101));
    assert_eq!(decl.items[0].icon, None);
    assert_eq!(decl.items[1].icon, Some(65535));
    assert_eq!(decl.items[0].flags, ItemFlags::NONE);
    assert!(decl.items[0].checked);
    let all_item = ItemFlags::HAS_PROPERTIES
        | ItemFlags::TEMPORARY
        | ItemFlags::ROAMING_USER
        | ItemFlags::MAY_DELETE_ITEM
        | ItemFlags::HIDDEN;
    assert_eq!(decl.items[1].flags, all_item);
    assert!(!decl.items[1].checked);
    assert_eq!(decl.items[2].name, "Reordered");
    assert_eq!(decl.items[2].id, GUID::from_u128(3));
    assert!(!decl.items[2].checked);

    let handler = Everything::default();
    for (bit, status) in SyncStatus::ALL.into_iter().enumerate() {
        let method = Everything::status_method(status).expect("every status has a method");
        method(&handler, GUID::zeroed()).expect("the method succeeds");
        assert_eq!(
            handler.calls.load(Ordering::Relaxed),
            (1 << (bit + 1)) - 1,
            "{status}"
        );
    }
}
