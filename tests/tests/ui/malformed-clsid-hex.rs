#[syncmgr::sync_handler(clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a1g", name = "Notes")]
pub struct Notes;

impl syncmgr::SyncHandler for Notes {
    fn synchronize_item(&self, _item: &mut syncmgr::ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

fn main() {}
