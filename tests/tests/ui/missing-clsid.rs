#[syncmgr::sync_handler(name = "Notes")]
pub struct Notes;

impl syncmgr::SyncHandler for Notes {
    fn synchronize_item(&self, _item: &mut syncmgr::ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

fn main() {}
