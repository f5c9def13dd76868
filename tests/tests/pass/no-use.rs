//! The macro works with fully qualified paths and no `use` at all: the expansion names only
//! `::core` and `::syncmgr`, never a crate the user did not name (like `windows_core`).

#[::syncmgr::sync_handler(
    clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
    name = "NoUse",
    item(id = "0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f", name = "Inbox"),
    item(id = "1d3c5e9f-2a4b-4c6d-9e0f-1b2c3d4e5f60", name = "Archive"),
    on(deleted = forget_item),
)]
struct NoUse {
    forgotten: ::std::sync::atomic::AtomicUsize,
}

impl NoUse {
    #[allow(clippy::unnecessary_wraps)] // the `StatusMethod` signature
    fn forget_item(&self, _item: ::syncmgr::GUID) -> ::syncmgr::Result<()> {
        self.forgotten
            .fetch_add(1, ::std::sync::atomic::Ordering::Relaxed);
        ::core::result::Result::Ok(())
    }
}

impl ::syncmgr::SyncHandler for NoUse {
    fn synchronize_item(&self, _item: &mut ::syncmgr::ItemSync<'_>) -> ::syncmgr::Result<()> {
        ::core::result::Result::Ok(())
    }
}

fn main() {
    let decl = <NoUse as ::syncmgr::HandlerClass>::DECL;
    assert_eq!(decl.items.len(), 2);
    assert_eq!(
        decl.clsid,
        ::syncmgr::GUID::from_u128(0x6b0f_7c3e_8c55_4f59_9d7b_3f4f_2f6f_0a11)
    );
    assert!(
        <NoUse as ::syncmgr::HandlerClass>::status_method(::syncmgr::SyncStatus::Paused).is_none()
    );
    let forget = <NoUse as ::syncmgr::HandlerClass>::status_method(::syncmgr::SyncStatus::Deleted)
        .expect("`on(deleted = forget_item)`");
    let handler = NoUse {
        forgotten: ::std::sync::atomic::AtomicUsize::new(0),
    };
    forget(&handler, decl.items[0].id).expect("forget_item succeeds");
    assert_eq!(
        handler
            .forgotten
            .load(::std::sync::atomic::Ordering::Relaxed),
        1
    );
}
