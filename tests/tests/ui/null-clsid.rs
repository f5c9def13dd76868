#[syncmgr::sync_handler(clsid = "00000000-0000-0000-0000-000000000000", name = "Notes")]
pub struct Notes;

impl syncmgr::SyncHandler for Notes {
    fn synchronize_item(&self, _item: &mut syncmgr::ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

fn main() {}
