use syncmgr::{HandlerClass, ItemSync, SyncHandler, SyncStatus, sync_handler};

#[sync_handler(clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11", name = "Minimal")]
struct Minimal;

impl SyncHandler for Minimal {
    fn synchronize_item(&self, _item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

fn main() {
    let decl = Minimal::DECL;
    assert_eq!(decl.name, "Minimal");
    assert!(decl.items.is_empty());
    assert_eq!(decl.flags, syncmgr::HandlerFlags::NONE);
    for status in SyncStatus::ALL {
        assert!(Minimal::status_method(status).is_none());
    }
}
