#[syncmgr::sync_handler(
    clsid = "6b0f7c3e-8c55-4f59-9d7b",
    name = "",
    flags(hiden),
    item(id = "00000000-0000-0000-0000-000000000001", name = "Inbox"),
    item(id = "00000000-0000-0000-0000-000000000001", name = "Archive"),
    on(skiped = note_skipped),
)]
pub struct Notes;

impl syncmgr::SyncHandler for Notes {
    fn synchronize_item(&self, _item: &mut syncmgr::ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

fn main() {}
