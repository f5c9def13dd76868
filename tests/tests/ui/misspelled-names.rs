// Misspelled statuses, flags and arguments: each error suggests the closest name.
#[syncmgr::sync_handler(
    clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
    name = "Notes",
    flags(always_list),
    item(id = "0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f", name = "Inbox", flags(may_delete)),
    on(skiped = forget),
    itme(id = "1d3c5e9f-2a4b-4c6d-9e0f-1b2c3d4e5f60", name = "Archive"),
)]
struct Notes;

impl syncmgr::SyncHandler for Notes {
    fn synchronize_item(&self, _item: &mut syncmgr::ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

fn main() {}
