//! The expansion stays clean under strict lints: `deny(warnings)` plus clippy's `all` and
//! `pedantic` groups, `unused_qualifications`, `missing_docs` and `forbid(unsafe_code)`.
#![deny(
    warnings,
    missing_docs,
    unreachable_pub,
    unused_qualifications,
    rust_2018_idioms,
    clippy::all,
    clippy::pedantic
)]
#![forbid(unsafe_code)]

use std::sync::Mutex;
use syncmgr::{GUID, HandlerClass, HandlerFlags, ItemFlags, ItemSync, SyncHandler, SyncStatus};

/// A handler whose `deleted` method records the item it was called with.
#[syncmgr::sync_handler(
    clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
    name = "Notes",
    flags(has_properties),
    item(id = "0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f", name = "Inbox"),
    item(
        id = "1d3c5e9f-2a4b-4c6d-9e0f-1b2c3d4e5f60",
        name = "Archive",
        flags(may_delete_item),
        unchecked,
    ),
    on(deleted = forget_item, skipped = note_skipped),
)]
#[derive(Default)]
pub struct Notes {
    forgotten: Mutex<Vec<GUID>>,
}

impl Notes {
    fn forget_item(&self, item: GUID) -> syncmgr::Result<()> {
        self.forgotten
            .lock()
            .map_err(|_| syncmgr::Error::msg("poisoned"))?
            .push(item);
        Ok(())
    }

    #[allow(clippy::unnecessary_wraps, clippy::unused_self)] // the `StatusMethod` signature
    fn note_skipped(&self, _item: GUID) -> syncmgr::Result<()> {
        Ok(())
    }
}

impl SyncHandler for Notes {
    fn synchronize_item(&self, _item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

fn declaration_is_the_attribute() {
    let decl = <Notes as HandlerClass>::DECL;
    assert_eq!(
        decl.clsid,
        GUID::from_u128(0x6b0f_7c3e_8c55_4f59_9d7b_3f4f_2f6f_0a11)
    );
    assert_eq!(decl.name, "Notes");
    assert_eq!(decl.flags, HandlerFlags::HAS_PROPERTIES);
    assert_eq!(decl.items.len(), 2);
    assert_eq!(decl.items[0].name, "Inbox");
    assert_eq!(decl.items[0].flags, ItemFlags::NONE);
    assert!(decl.items[0].checked);
    assert_eq!(
        decl.items[1].id,
        GUID::from_u128(0x1d3c_5e9f_2a4b_4c6d_9e0f_1b2c_3d4e_5f60)
    );
    assert_eq!(decl.items[1].flags, ItemFlags::MAY_DELETE_ITEM);
    assert!(!decl.items[1].checked);
}

fn status_methods_call_the_users_methods() {
    let notes = Notes::default();
    assert!(Notes::status_method(SyncStatus::Paused).is_none());
    assert!(Notes::status_method(SyncStatus::Skipped).is_some());
    let deleted = Notes::status_method(SyncStatus::Deleted).expect("`on(deleted = …)`");
    let item = <Notes as HandlerClass>::DECL.items[1].id;
    deleted(&notes, item).expect("forget_item succeeds");
    assert_eq!(*notes.forgotten.lock().expect("not poisoned"), [item]);
}

fn main() {
    declaration_is_the_attribute();
    status_methods_call_the_users_methods();
}
