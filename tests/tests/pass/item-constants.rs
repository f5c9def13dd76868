//! `item(const = …)` names an item's id as an associated constant; `guid!` checks a GUID at
//! compile time. The id is written once.

use syncmgr::{GUID, HandlerClass, ItemSync, SyncHandler, guid};

#[syncmgr::sync_handler(
    clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
    name = "Notes",
    item(const = INBOX, id = "0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f", name = "Inbox"),
    item(id = "{1D3C5E9F-2A4B-4C6D-9E0F-1B2C3D4E5F60}", name = "Archive", const = ARCHIVE),
    item(id = "2e4d6f80-3b5c-4d7e-8f01-2c3d4e5f6071", name = "Plain"),
)]
struct Notes;

impl SyncHandler for Notes {
    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        match item.id() {
            Notes::INBOX => item.progress(1, 1, "inbox"),
            Notes::ARCHIVE => item.progress(1, 1, "archive"),
            _ => Ok(()),
        }
    }
}

const CLSID: GUID = guid!("{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}");

fn main() {
    assert_eq!(Notes::INBOX, guid!("0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f"));
    assert_eq!(Notes::INBOX, Notes::DECL.items[0].id);
    assert_eq!(Notes::ARCHIVE, Notes::DECL.items[1].id);
    assert_eq!(CLSID, Notes::DECL.clsid);
    assert_eq!(guid!("00000000-0000-0000-0000-000000000000"), GUID::zeroed());
}
