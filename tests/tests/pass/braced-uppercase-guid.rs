use syncmgr::{GUID, HandlerClass, ItemSync, SyncHandler};

#[syncmgr::sync_handler(
    clsid = "{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}",
    name = "Braced",
    item(id = "{aBcDeF01-2345-6789-AbCd-Ef0123456789}", name = "Mixed case")
)]
struct Braced;

impl SyncHandler for Braced {
    fn synchronize_item(&self, _item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

fn main() {
    assert_eq!(
        Braced::DECL.clsid,
        GUID::from_u128(0x6b0f7c3e_8c55_4f59_9d7b_3f4f2f6f0a11)
    );
    assert_eq!(
        Braced::DECL.items[0].id,
        GUID::from_u128(0xabcdef01_2345_6789_abcd_ef0123456789)
    );
}
