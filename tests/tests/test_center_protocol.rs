//! Sync Center's interfaces on a `#[sync_handler]` object, driven through the raw vtables:
//! one COM identity with the Sync Manager's interface, every getter's answer and out-pointer
//! discipline, ids, items, the enumerator, states, and the bad input each slot must refuse
//! (`docs/sync-center.md`).

mod support;

use support::take_task_string;

use core::ffi::c_void;
use core::ptr;
use std::sync::atomic::{AtomicU32, Ordering};
use syncmgr::abi::{
    self, E_INVALIDARG, E_NOTIMPL, E_POINTER, E_UNEXPECTED, IEnumSyncMgrSyncItems, ISyncMgrHandler,
    ISyncMgrHandlerInfo, ISyncMgrSyncItem, ISyncMgrSyncItemContainer, ISyncMgrSyncItemInfo,
    S_FALSE, S_OK,
};
use syncmgr::{GUID, HRESULT, HandlerClass, ItemListing, ItemSync, SyncHandler, sync_handler};
use windows_core::{BOOL, IUnknown, Interface, PCWSTR, PWSTR};

const INBOX: GUID = GUID::from_u128(0x0c2b_4d8e_1f3a_4b5c_8d9e_0a1b_2c3d_4e5f);
const ARCHIVE: GUID = GUID::from_u128(0x1d3c_5e9f_2a4b_4c6d_9e0f_1b2c_3d4e_5f60);

#[sync_handler(
    clsid = "5c1e0b6a-7d2f-4e8b-9a3c-1f2e3d4c5b6a",
    name = "Center notes",
    flags(hidden),
    item(id = "0c2b4d8e-1f3a-4b5c-8d9e-0a1b2c3d4e5f", name = "Inbox"),
    item(
        id = "1d3c5e9f-2a4b-4c6d-9e0f-1b2c3d4e5f60",
        name = "Archive",
        flags(may_delete_item, hidden),
        unchecked
    ),
    on(deleted = forget),
)]
#[derive(Default)]
struct Notes {
    deleted: AtomicU32,
}

impl Notes {
    #[allow(clippy::unnecessary_wraps)] // the signature `on(deleted = ...)` takes
    fn forget(&self, item: GUID) -> syncmgr::Result<()> {
        assert_eq!(item, ARCHIVE);
        self.deleted.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

impl SyncHandler for Notes {
    fn synchronize_item(&self, _item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

#[sync_handler(clsid = "6d2f1c7b-8e3a-4f9c-8b4d-2a3f4e5d6c7b", name = "Broken")]
struct Broken;

impl SyncHandler for Broken {
    fn synchronize_item(&self, _item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }

    fn items(&self) -> syncmgr::Result<ItemListing> {
        panic!("no items today")
    }
}

/// A pointer value no method may leave in an out-parameter after a failure.
fn garbage<T>() -> *mut T {
    ptr::without_provenance_mut(0xDEAD_BEEF)
}

fn handler_of<T: syncmgr::HandlerClass>(value: T) -> ISyncMgrHandler {
    syncmgr::create(value)
        .cast()
        .expect("the object answers ISyncMgrHandler")
}

fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain(Some(0)).collect()
}

fn id_text(id: GUID) -> String {
    format!("{{{id:?}}}")
}

fn name(handler: &ISyncMgrHandler) -> (HRESULT, Option<String>) {
    let mut out = PWSTR(garbage());
    // SAFETY: live object, writable out.
    let hr = unsafe { (handler.vtable().GetName)(handler.as_raw(), &raw mut out) };
    (hr, hr.is_ok().then(|| take_task_string(out)))
}

fn container(handler: &ISyncMgrHandler) -> ISyncMgrSyncItemContainer {
    handler
        .cast()
        .expect("the handler answers ISyncMgrSyncItemContainer")
}

fn get_item(container: &ISyncMgrSyncItemContainer, id: &[u16]) -> (HRESULT, *mut c_void) {
    let mut out = garbage();
    // SAFETY: live object; `id` NUL-terminated (or deliberately not, within its length).
    let hr = unsafe {
        (container.vtable().GetSyncItem)(container.as_raw(), PCWSTR(id.as_ptr()), &raw mut out)
    };
    (hr, out)
}

fn item(container: &ISyncMgrSyncItemContainer, id: GUID) -> ISyncMgrSyncItem {
    let (hr, raw) = get_item(container, &wide(&id_text(id)));
    assert_eq!(hr, S_OK);
    // SAFETY: GetSyncItem succeeded and handed us a reference.
    unsafe { ISyncMgrSyncItem::from_raw(raw) }
}

fn identity<I: Interface>(object: &I) -> *mut c_void {
    object.cast::<IUnknown>().unwrap().as_raw()
}

#[test]
fn one_identity_with_the_sync_manager_interface() {
    let before = syncmgr::live_objects();
    let legacy = syncmgr::create(Notes::default());
    let handler: ISyncMgrHandler = legacy.cast().unwrap();
    let info: ISyncMgrHandlerInfo = legacy.cast().unwrap();
    let items: ISyncMgrSyncItemContainer = handler.cast().unwrap();
    let unknown = identity(&legacy);
    for other in [identity(&handler), identity(&info), identity(&items)] {
        assert_eq!(
            other, unknown,
            "QueryInterface(IUnknown) differs between interfaces"
        );
    }
    // Each facet is its own pointer, and every interface reaches every other.
    assert_ne!(handler.as_raw(), legacy.as_raw());
    assert_ne!(info.as_raw(), handler.as_raw());
    let back: abi::ISyncMgrSynchronize = items.cast().unwrap();
    assert_eq!(back.as_raw(), legacy.as_raw());
    assert_eq!(
        info.cast::<ISyncMgrHandler>().unwrap().as_raw(),
        handler.as_raw()
    );
    // An interface the object does not have, from a facet: E_NOINTERFACE and a null out.
    let mut out = garbage();
    // SAFETY: live object, valid IID and out.
    let hr = unsafe {
        (handler.vtable().base__.QueryInterface)(
            handler.as_raw(),
            &abi::IClassFactory::IID,
            &raw mut out,
        )
    };
    assert_eq!((hr, out), (abi::E_NOINTERFACE, ptr::null_mut()));
    drop((legacy, handler, info, items, back));
    assert_eq!(
        syncmgr::live_objects(),
        before,
        "the facets' references all count on one object"
    );
}

#[test]
fn name_capabilities_and_policies() {
    let handler = handler_of(Notes::default());
    let allocations = support::task_allocations();
    assert_eq!(name(&handler), (S_OK, Some("Center notes".to_owned())));
    assert_eq!(support::task_allocations(), allocations);
    // SAFETY: null out-pointers are the bad input under test.
    unsafe {
        assert_eq!(
            (handler.vtable().GetName)(handler.as_raw(), ptr::null_mut()),
            E_POINTER
        );
        assert_eq!(
            (handler.vtable().GetCapabilities)(handler.as_raw(), ptr::null_mut()),
            E_POINTER
        );
        assert_eq!(
            (handler.vtable().GetPolicies)(handler.as_raw(), ptr::null_mut()),
            E_POINTER
        );
    }
    let (mut capabilities, mut policies) = (-1, -1);
    // SAFETY: live object, writable outs.
    unsafe {
        assert_eq!(
            (handler.vtable().GetCapabilities)(handler.as_raw(), &raw mut capabilities),
            S_OK
        );
        assert_eq!(
            (handler.vtable().GetPolicies)(handler.as_raw(), &raw mut policies),
            S_OK
        );
    }
    assert_eq!(capabilities, abi::SYNCMGR_HCM_NONE);
    assert_eq!(
        policies,
        abi::SYNCMGR_HPM_HIDDEN_BY_DEFAULT,
        "flags(hidden)"
    );
}

#[test]
fn get_object_offers_nothing_and_empties_the_out_pointer() {
    let handler = handler_of(Notes::default());
    let mut out = garbage();
    // SAFETY: live object, valid GUIDs and out.
    let hr = unsafe {
        (handler.vtable().GetObject)(
            handler.as_raw(),
            &abi::SYNCMGR_OBJECTID_BrowseContent,
            &IUnknown::IID,
            &raw mut out,
        )
    };
    assert_eq!((hr, out), (E_NOTIMPL, ptr::null_mut()));
    let mut out = garbage();
    // SAFETY: null GUID pointers are the bad input under test.
    let hr = unsafe {
        (handler.vtable().GetObject)(handler.as_raw(), ptr::null(), &IUnknown::IID, &raw mut out)
    };
    assert_eq!((hr, out), (E_INVALIDARG, ptr::null_mut()));
    // SAFETY: a null out-pointer is the bad input under test.
    let hr = unsafe {
        (handler.vtable().GetObject)(
            handler.as_raw(),
            &abi::SYNCMGR_OBJECTID_Icon,
            &IUnknown::IID,
            ptr::null_mut(),
        )
    };
    assert_eq!(hr, E_POINTER);
}

#[test]
fn handler_info_answers_and_keeps_state_per_class() {
    let handler = handler_of(Notes::default());
    let mut out = garbage();
    // SAFETY: live object, writable out.
    let hr = unsafe { (handler.vtable().GetHandlerInfo)(handler.as_raw(), &raw mut out) };
    assert_eq!(hr, S_OK);
    // SAFETY: GetHandlerInfo handed us a reference.
    let info = unsafe { ISyncMgrHandlerInfo::from_raw(out) };
    assert_eq!(identity(&info), identity(&handler));
    let vtable = info.vtable();
    let mut kind = -1;
    let mut label = PWSTR(garbage());
    let mut time = abi::FILETIME {
        dwLowDateTime: 7,
        dwHighDateTime: 7,
    };
    // SAFETY: live object, writable outs.
    unsafe {
        assert_eq!((vtable.GetType)(info.as_raw(), &raw mut kind), S_OK);
        assert_eq!(
            (vtable.GetTypeLabel)(info.as_raw(), &raw mut label),
            E_NOTIMPL
        );
        assert!(label.is_null(), "emptied on failure");
        let mut comment = PWSTR(garbage());
        assert_eq!(
            (vtable.GetComment)(info.as_raw(), &raw mut comment),
            E_NOTIMPL
        );
        assert!(comment.is_null());
        assert_eq!(
            (vtable.GetLastSyncTime)(info.as_raw(), &raw mut time),
            E_NOTIMPL
        );
        assert_eq!((vtable.GetType)(info.as_raw(), ptr::null_mut()), E_POINTER);
        assert_eq!((vtable.IsConnected)(info.as_raw()), S_OK);
    }
    assert_eq!(kind, abi::SYNCMGR_HT_UNSPECIFIED);
    assert_eq!((time.dwLowDateTime, time.dwHighDateTime), (0, 0));

    // Active and enabled by default; `Activate`/`Enable` on one object are seen by another
    // object of the same class (Sync Center uses several instances).
    let other = handler_of(Notes::default());
    let other_info: ISyncMgrHandlerInfo = other.cast().unwrap();
    // SAFETY: live objects.
    unsafe {
        assert_eq!((vtable.IsActive)(info.as_raw()), S_OK);
        assert_eq!((vtable.IsEnabled)(info.as_raw()), S_OK);
        assert_eq!((handler.vtable().Enable)(handler.as_raw(), BOOL(0)), S_OK);
        assert_eq!((handler.vtable().Activate)(handler.as_raw(), BOOL(0)), S_OK);
        assert_eq!(
            (other_info.vtable().IsEnabled)(other_info.as_raw()),
            S_FALSE
        );
        assert_eq!((other_info.vtable().IsActive)(other_info.as_raw()), S_FALSE);
        assert_eq!((handler.vtable().Enable)(handler.as_raw(), BOOL(1)), S_OK);
        assert_eq!((handler.vtable().Activate)(handler.as_raw(), BOOL(1)), S_OK);
        assert_eq!((vtable.IsEnabled)(info.as_raw()), S_OK);
        assert_eq!((vtable.IsActive)(info.as_raw()), S_OK);
    }
}

#[test]
fn items_by_id_and_by_enumerator() {
    let handler = handler_of(Notes::default());
    let items = container(&handler);
    let mut count = u32::MAX;
    // SAFETY: live object, writable out.
    let hr = unsafe { (items.vtable().GetSyncItemCount)(items.as_raw(), &raw mut count) };
    assert_eq!(hr, S_OK);
    assert_eq!(count, 2);

    let mut out = garbage();
    // SAFETY: live object, writable out.
    let hr = unsafe { (items.vtable().GetSyncItemEnumerator)(items.as_raw(), &raw mut out) };
    assert_eq!(hr, S_OK);
    // SAFETY: a new reference for us.
    let list = unsafe { IEnumSyncMgrSyncItems::from_raw(out) };
    let mut seen = Vec::new();
    loop {
        let mut slot = garbage();
        let mut fetched = u32::MAX;
        // SAFETY: live object; room for one pointer.
        let hr = unsafe { (list.vtable().Next)(list.as_raw(), 1, &raw mut slot, &raw mut fetched) };
        if hr == S_FALSE {
            assert_eq!(
                (fetched, slot),
                (0, ptr::null_mut()),
                "the end writes nothing"
            );
            break;
        }
        assert_eq!((hr, fetched), (S_OK, 1));
        // SAFETY: Next handed us a reference.
        let item = unsafe { ISyncMgrSyncItem::from_raw(slot) };
        let mut id = PWSTR(garbage());
        let mut item_name = PWSTR(garbage());
        // SAFETY: live object, writable outs.
        unsafe {
            assert_eq!((item.vtable().GetItemID)(item.as_raw(), &raw mut id), S_OK);
            assert_eq!(
                (item.vtable().GetName)(item.as_raw(), &raw mut item_name),
                S_OK
            );
        }
        seen.push((take_task_string(id), take_task_string(item_name)));
    }
    assert_eq!(
        seen,
        [
            (id_text(INBOX), "Inbox".to_owned()),
            (id_text(ARCHIVE), "Archive".to_owned())
        ]
    );
    // Reset, Skip and Clone keep the cursor rules.
    // SAFETY: live object.
    unsafe {
        assert_eq!((list.vtable().Reset)(list.as_raw()), S_OK);
        assert_eq!((list.vtable().Skip)(list.as_raw(), 1), S_OK);
        assert_eq!((list.vtable().Skip)(list.as_raw(), 5), S_FALSE);
        assert_eq!(
            (list.vtable().Next)(list.as_raw(), 2, ptr::null_mut(), ptr::null_mut()),
            E_POINTER
        );
    }

    // By id, in any case, braced or not.
    for form in [
        id_text(ARCHIVE),
        id_text(ARCHIVE).to_lowercase(),
        format!("{ARCHIVE:?}"),
    ] {
        let (hr, raw) = get_item(&items, &wide(&form));
        assert_eq!(hr, S_OK, "{form}");
        // SAFETY: a new reference for us.
        drop(unsafe { ISyncMgrSyncItem::from_raw(raw) });
    }
}

#[test]
fn unknown_bad_and_overlong_ids_are_invalid() {
    let handler = handler_of(Notes::default());
    let items = container(&handler);
    let unknown = wide(&id_text(GUID::from_u128(0x1234)));
    let too_long: Vec<u16> = vec![u16::from(b'A'); 200];
    for id in [unknown, wide("inbox"), wide(""), too_long] {
        assert_eq!(get_item(&items, &id), (E_INVALIDARG, ptr::null_mut()));
    }
    let mut out = garbage();
    // SAFETY: a null id is the bad input under test.
    let hr = unsafe { (items.vtable().GetSyncItem)(items.as_raw(), PCWSTR::null(), &raw mut out) };
    assert_eq!((hr, out), (E_INVALIDARG, ptr::null_mut()));
    let id = wide(&id_text(INBOX));
    // SAFETY: a null out-pointer is the bad input under test.
    let hr = unsafe {
        (items.vtable().GetSyncItem)(items.as_raw(), PCWSTR(id.as_ptr()), ptr::null_mut())
    };
    assert_eq!(hr, E_POINTER);
}

#[test]
fn item_properties_follow_the_declaration() {
    let handler = handler_of(Notes::default());
    let items = container(&handler);
    let inbox = item(&items, INBOX);
    let archive = item(&items, ARCHIVE);
    let properties = |item: &ISyncMgrSyncItem| {
        let (mut capabilities, mut policies) = (-1, -1);
        // SAFETY: live object, writable outs.
        unsafe {
            assert_eq!(
                (item.vtable().GetCapabilities)(item.as_raw(), &raw mut capabilities),
                S_OK
            );
            assert_eq!(
                (item.vtable().GetPolicies)(item.as_raw(), &raw mut policies),
                S_OK
            );
        }
        (capabilities, policies)
    };
    assert_eq!(
        properties(&inbox),
        (abi::SYNCMGR_ICM_NONE, abi::SYNCMGR_IPM_NONE)
    );
    assert_eq!(
        properties(&archive),
        (
            abi::SYNCMGR_ICM_CAN_DELETE,
            abi::SYNCMGR_IPM_HIDDEN_BY_DEFAULT
        )
    );

    // Info: the item's own facet, one identity; enabled follows the default selection.
    let mut out = garbage();
    // SAFETY: live object, writable out.
    let hr = unsafe { (archive.vtable().GetItemInfo)(archive.as_raw(), &raw mut out) };
    assert_eq!(hr, S_OK);
    // SAFETY: a new reference for us.
    let info = unsafe { ISyncMgrSyncItemInfo::from_raw(out) };
    assert_eq!(identity(&info), identity(&archive));
    let inbox_info: ISyncMgrSyncItemInfo = inbox.cast().unwrap();
    // SAFETY: live objects.
    unsafe {
        assert_eq!((inbox_info.vtable().IsEnabled)(inbox_info.as_raw()), S_OK);
        assert_eq!(
            (info.vtable().IsEnabled)(info.as_raw()),
            S_FALSE,
            "declared unchecked"
        );
        assert_eq!((archive.vtable().Enable)(archive.as_raw(), BOOL(1)), S_OK);
        assert_eq!((info.vtable().IsEnabled)(info.as_raw()), S_OK);
        assert_eq!((info.vtable().IsConnected)(info.as_raw()), S_OK);
        let mut time = abi::FILETIME {
            dwLowDateTime: 1,
            dwHighDateTime: 1,
        };
        assert_eq!(
            (info.vtable().GetLastSyncTime)(info.as_raw(), &raw mut time),
            E_NOTIMPL
        );
        assert_eq!((time.dwLowDateTime, time.dwHighDateTime), (0, 0));
    }
    let item_id = |item: &ISyncMgrSyncItem| {
        let mut id = PWSTR(garbage());
        // SAFETY: live object, writable out.
        let hr = unsafe { (item.vtable().GetItemID)(item.as_raw(), &raw mut id) };
        assert_eq!(hr, S_OK);
        take_task_string(id)
    };
    assert_eq!(item_id(&inbox), id_text(INBOX));
    let mut out = garbage();
    // SAFETY: live object, valid GUIDs and out.
    let hr = unsafe {
        (archive.vtable().GetObject)(
            archive.as_raw(),
            &abi::SYNCMGR_OBJECTID_BrowseContent,
            &IUnknown::IID,
            &raw mut out,
        )
    };
    assert_eq!((hr, out), (E_NOTIMPL, ptr::null_mut()));
}

#[test]
fn delete_runs_the_deleted_method_only_where_allowed() {
    let notes = std::sync::Arc::new(Notes::default());
    let handler: ISyncMgrHandler = syncmgr::create_shared(notes.clone()).cast().unwrap();
    let items = container(&handler);
    // SAFETY: live objects.
    unsafe {
        let inbox = item(&items, INBOX);
        assert_eq!(
            (inbox.vtable().Delete)(inbox.as_raw()),
            E_NOTIMPL,
            "no may_delete_item"
        );
        let archive = item(&items, ARCHIVE);
        assert_eq!((archive.vtable().Delete)(archive.as_raw()), S_OK);
    }
    assert_eq!(notes.deleted.load(Ordering::Relaxed), 1);
}

#[test]
fn a_panicking_item_list_is_contained() {
    let handler = handler_of(Broken);
    let items = container(&handler);
    let mut count = 7;
    // SAFETY: live object, writable out.
    let hr = unsafe { (items.vtable().GetSyncItemCount)(items.as_raw(), &raw mut count) };
    assert_eq!(hr, E_UNEXPECTED);
    assert_eq!(count, 0);
    let mut out = garbage();
    // SAFETY: live object, writable out.
    let hr = unsafe { (items.vtable().GetSyncItemEnumerator)(items.as_raw(), &raw mut out) };
    assert_eq!(hr, E_UNEXPECTED);
    assert!(out.is_null());
    // The handler itself still answers.
    assert_eq!(name(&handler), (S_OK, Some("Broken".to_owned())));
}

#[test]
fn null_this_is_e_pointer_on_every_facet() {
    let handler = handler_of(Notes::default());
    let info: ISyncMgrHandlerInfo = handler.cast().unwrap();
    // SAFETY: a null `this` is the bad input under test.
    unsafe {
        assert_eq!(
            (handler.vtable().Activate)(ptr::null_mut(), BOOL(1)),
            E_POINTER
        );
        assert_eq!((info.vtable().IsActive)(ptr::null_mut()), E_POINTER);
        assert_eq!((handler.vtable().base__.AddRef)(ptr::null_mut()), 0);
    }
}

#[test]
fn synchronize_refuses_bad_input_before_any_session() {
    let handler = handler_of(Notes::default());
    let inbox = wide(&id_text(INBOX));
    let stranger = wide(&id_text(GUID::from_u128(0x55)));
    let ids = [PCWSTR(inbox.as_ptr())];
    // A creator that must never be called: any call through it would crash the test.
    let creator: *mut c_void = ptr::null_mut();
    // SAFETY: the bad inputs under test; no creator call is reached.
    unsafe {
        let call = |ids: *const PCWSTR, count: u32, creator: *mut c_void| {
            (handler.vtable().Synchronize)(
                handler.as_raw(),
                ids,
                count,
                abi::HWND::default(),
                creator,
                ptr::null_mut(),
            )
        };
        assert_eq!(call(ids.as_ptr(), 1, creator), E_INVALIDARG, "null creator");
        let fake_creator = garbage::<c_void>();
        assert_eq!(
            call(ptr::null(), 1, fake_creator),
            E_INVALIDARG,
            "null id array"
        );
        let bad = [PCWSTR(stranger.as_ptr())];
        assert_eq!(
            call(bad.as_ptr(), 1, fake_creator),
            E_INVALIDARG,
            "unknown item"
        );
        let not_an_id = wide("Inbox");
        let bad = [PCWSTR(not_an_id.as_ptr())];
        assert_eq!(
            call(bad.as_ptr(), 1, fake_creator),
            E_INVALIDARG,
            "not an id"
        );
    }
}

#[sync_handler(clsid = "7e3a2d8c-9f4b-4a0d-8c5e-3b4a5f6e7d8c", name = "Mail")]
#[derive(Default)]
struct Mail;

impl SyncHandler for Mail {
    fn synchronize_item(&self, _item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        Ok(())
    }
}

static CLASSES: &[syncmgr::server::ClassEntry] = &[
    syncmgr::server::ClassEntry::of::<Notes>(),
    syncmgr::server::ClassEntry::of::<Mail>(),
];

/// The DLL's handler collection, made through `DllGetClassObject` as Sync Center makes it.
fn collection() -> abi::ISyncMgrHandlerCollection {
    let clsid = syncmgr::server::collection_clsid(CLASSES).unwrap();
    let mut factory = garbage();
    // SAFETY: valid CLSID, IID and out.
    let hr = unsafe {
        syncmgr::server::get_class_object(
            CLASSES,
            &raw const clsid,
            &abi::IClassFactory::IID,
            &raw mut factory,
        )
    };
    assert_eq!(hr, S_OK);
    // SAFETY: a new reference for us.
    let factory = unsafe { abi::IClassFactory::from_raw(factory) };
    let mut out = garbage();
    // SAFETY: live factory, valid IID and out.
    let hr = unsafe {
        (factory.vtable().CreateInstance)(
            factory.as_raw(),
            ptr::null_mut(),
            &abi::ISyncMgrHandlerCollection::IID,
            &raw mut out,
        )
    };
    assert_eq!(hr, S_OK);
    // SAFETY: a new reference for us.
    unsafe { abi::ISyncMgrHandlerCollection::from_raw(out) }
}

fn bind(
    collection: &abi::ISyncMgrHandlerCollection,
    id: &[u16],
    iid: &GUID,
) -> (HRESULT, *mut c_void) {
    let mut out = garbage();
    // SAFETY: live object; `id` NUL-terminated; valid IID and out.
    let hr = unsafe {
        (collection.vtable().BindToHandler)(
            collection.as_raw(),
            PCWSTR(id.as_ptr()),
            iid,
            &raw mut out,
        )
    };
    (hr, out)
}

/// The collection's `GetHandlerEnumerator`.
fn handler_ids(collection: &abi::ISyncMgrHandlerCollection) -> abi::IEnumString {
    let mut out = garbage();
    // SAFETY: live object, writable out.
    let hr =
        unsafe { (collection.vtable().GetHandlerEnumerator)(collection.as_raw(), &raw mut out) };
    assert_eq!(hr, S_OK);
    // SAFETY: a new reference for us.
    unsafe { abi::IEnumString::from_raw(out) }
}

#[test]
fn the_handler_ids_keep_the_enumerator_rules() {
    let collection = collection();
    let ids = handler_ids(&collection);
    let mut slots = [PWSTR(garbage()); 3];
    // SAFETY: live object; a null count with more than one asked for is the bad input.
    unsafe {
        assert_eq!((ids.vtable().Reset)(ids.as_raw()), S_OK);
        assert_eq!(
            (ids.vtable().Next)(ids.as_raw(), 2, slots.as_mut_ptr(), ptr::null_mut()),
            E_POINTER
        );
        assert_eq!((ids.vtable().Skip)(ids.as_raw(), 2), S_OK);
        assert_eq!((ids.vtable().Skip)(ids.as_raw(), 1), S_FALSE);
    }
    // A clone goes on from the same place: after one Skip, it lists the second handler only.
    let mut clone = garbage();
    // SAFETY: live object; writable out-pointers, then a null one (the bad input).
    unsafe {
        assert_eq!((ids.vtable().Reset)(ids.as_raw()), S_OK);
        assert_eq!((ids.vtable().Skip)(ids.as_raw(), 1), S_OK);
        assert_eq!((ids.vtable().Clone)(ids.as_raw(), &raw mut clone), S_OK);
        assert_eq!(
            (ids.vtable().Clone)(ids.as_raw(), ptr::null_mut()),
            E_POINTER
        );
    }
    // SAFETY: Clone handed us a reference.
    let clone = unsafe { abi::IEnumString::from_raw(clone) };
    let mut text = PWSTR(garbage());
    let mut fetched = 0;
    // SAFETY: live object; room for one string.
    let hr = unsafe { (clone.vtable().Next)(clone.as_raw(), 1, &raw mut text, &raw mut fetched) };
    assert_eq!((hr, fetched), (S_OK, 1));
    assert_eq!(take_task_string(text), id_text(Mail::DECL.clsid));
    let mut text = PWSTR(garbage());
    // SAFETY: live object; room for one string; the count may be null for one.
    let hr = unsafe { (clone.vtable().Next)(clone.as_raw(), 1, &raw mut text, ptr::null_mut()) };
    assert_eq!(
        (hr, text.is_null()),
        (S_FALSE, true),
        "the clone is at its end"
    );
}

#[test]
fn the_collection_lists_and_binds_every_handler_of_the_dll() {
    let clsid = syncmgr::server::collection_clsid(CLASSES).unwrap();
    assert_eq!(
        clsid,
        syncmgr::item_id(Notes::DECL.clsid, "syncmgr handler collection"),
        "derived from the first class"
    );
    let collection = collection();
    let ids = handler_ids(&collection);
    let allocations = support::task_allocations();
    let mut slots = [PWSTR(garbage()); 3];
    let mut fetched = 0;
    // SAFETY: live object; room for three pointers.
    let hr = unsafe { (ids.vtable().Next)(ids.as_raw(), 3, slots.as_mut_ptr(), &raw mut fetched) };
    assert_eq!((hr, fetched), (S_FALSE, 2), "two handlers, three asked for");
    assert!(slots[2].is_null());
    assert_eq!(support::task_allocations(), allocations.map(|n| n + 2));
    let listed: Vec<String> = slots[..2]
        .iter()
        .map(|text| take_task_string(*text))
        .collect();
    assert_eq!(
        listed,
        [id_text(Notes::DECL.clsid), id_text(Mail::DECL.clsid)]
    );

    // Sync Center binds for ISyncMgrHandler, and for ISyncMgrSynchronize when that fails.
    for iid in [ISyncMgrHandler::IID, abi::ISyncMgrSynchronize::IID] {
        let (hr, raw) = bind(&collection, &wide(&id_text(Mail::DECL.clsid)), &iid);
        assert_eq!(hr, S_OK);
        // SAFETY: a new reference for us.
        let object = unsafe { IUnknown::from_raw(raw) };
        let handler: ISyncMgrHandler = object.cast().unwrap();
        assert_eq!(name(&handler), (S_OK, Some("Mail".to_owned())));
    }
    let stranger = wide(&id_text(GUID::from_u128(0x77)));
    assert_eq!(
        bind(&collection, &stranger, &ISyncMgrHandler::IID),
        (abi::CLASS_E_CLASSNOTAVAILABLE, ptr::null_mut())
    );
    assert_eq!(
        bind(&collection, &wide("Mail"), &ISyncMgrHandler::IID),
        (E_INVALIDARG, ptr::null_mut())
    );
    let id = wide(&id_text(Notes::DECL.clsid));
    assert_eq!(
        bind(&collection, &id, &abi::IClassFactory::IID),
        (abi::E_NOINTERFACE, ptr::null_mut())
    );
    let mut out = garbage();
    // SAFETY: a null IID is the bad input under test.
    let hr = unsafe {
        (collection.vtable().BindToHandler)(
            collection.as_raw(),
            PCWSTR(id.as_ptr()),
            ptr::null(),
            &raw mut out,
        )
    };
    assert_eq!((hr, out), (E_INVALIDARG, ptr::null_mut()));
    // SAFETY: a null out-pointer is the bad input under test.
    let hr = unsafe {
        (collection.vtable().BindToHandler)(
            collection.as_raw(),
            PCWSTR(id.as_ptr()),
            &ISyncMgrHandler::IID,
            ptr::null_mut(),
        )
    };
    assert_eq!(hr, E_POINTER);
}
