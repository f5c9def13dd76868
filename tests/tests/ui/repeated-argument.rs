#[syncmgr::sync_handler(
    clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
    name = "Notes",
    clsid = "0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f",
    name = "Notes again",
    flags(hidden),
    flags(has_properties),
    on(skipped = note_skipped),
    on(deleted = forget),
)]
pub struct Notes;

impl syncmgr::SyncHandler for Notes {
    fn synchronize_item(&self, _item: &mut syncmgr::ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

fn main() {}
