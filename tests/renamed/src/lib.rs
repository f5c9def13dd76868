//! A handler crate that depends on `syncmgr` as `sync`: `#[sync_handler(crate = sync)]` (or
//! `crate = "sync"`, serde's spelling) and `sync::guid!` work without any `::syncmgr` in scope.

/// A handler declared through the renamed crate, with an item constant.
#[sync::sync_handler(
    crate = sync,
    clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
    name = "Renamed",
    flags(hidden),
    item(const = INBOX, id = "0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f", name = "Inbox"),
    on(deleted = forget),
)]
#[derive(Default)]
pub struct Renamed;

impl Renamed {
    #[allow(clippy::unnecessary_wraps, clippy::unused_self)] // the status method signature
    fn forget(&self, _item: sync::GUID) -> sync::Result<()> {
        Ok(())
    }
}

impl sync::SyncHandler for Renamed {
    fn synchronize_item(&self, item: &mut sync::ItemSync<'_>) -> sync::Result<()> {
        item.progress(1, 1, "renamed")
    }
}

/// The same with the path as a string.
#[sync::sync_handler(
    crate = "sync",
    clsid = "1d3c5e9f-2a4b-4c6d-9e0f-1b2c3d4e5f60",
    name = "Quoted"
)]
#[derive(Default)]
pub struct Quoted;

impl sync::SyncHandler for Quoted {
    fn synchronize_item(&self, _item: &mut sync::ItemSync<'_>) -> sync::Result<()> {
        Ok(())
    }
}

sync::dll_exports!(Renamed, Quoted);

#[cfg(test)]
mod tests {
    use super::*;
    use sync::HandlerClass;

    #[test]
    fn the_renamed_crate_serves_the_attribute() {
        assert_eq!(
            Renamed::INBOX,
            sync::guid!("0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f")
        );
        assert_eq!(Renamed::DECL.items[0].id, Renamed::INBOX);
        assert_eq!(Renamed::DECL.flags, sync::HandlerFlags::HIDDEN);
        assert!(Renamed::status_method(sync::SyncStatus::Deleted).is_some());
        assert_eq!(
            Quoted::DECL.clsid,
            sync::guid!("1d3c5e9f-2a4b-4c6d-9e0f-1b2c3d4e5f60")
        );
        drop(sync::create(Renamed));
    }
}
