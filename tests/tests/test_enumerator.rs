//! `EnumSyncMgrItems` and `ISyncMgrEnumItems`, through the raw vtable: static items first, then
//! run-time items; `S_SYNCMGR_MISSINGITEMS`; `Next`/`Skip`/`Reset`/`Clone`; item contents.

mod support;

use support::{ALPHA, BETA, GAMMA, MANUAL, STATIC_ITEMS, Script, runtime_id, scripted};
use syncmgr::abi::{self, E_POINTER, S_FALSE, S_OK, SYNCMGRITEM};
use syncmgr::{GUID, Item, ItemFlags, ItemListing};
use windows_core::{IUnknown, Interface};

/// A handler with two run-time items; the second is unchecked and flagged.
fn with_runtime_items(incomplete: bool) -> Script {
    Script::new().items(move || {
        Ok(ItemListing {
            items: vec![
                Item::new(runtime_id(1), "Run-time one")?,
                Item::new(runtime_id(2), "Zwei – ünïcødé")?
                    .with_flags(ItemFlags::TEMPORARY | ItemFlags::HIDDEN)
                    .unchecked(),
            ],
            incomplete,
        })
    })
}

const ALL: [GUID; 5] = [
    ALPHA,
    BETA,
    GAMMA,
    GUID::from_u128(0xb2b2_b2b2_0000_4000_8000_0000_0000_0001),
    GUID::from_u128(0xb2b2_b2b2_0000_4000_8000_0000_0000_0002),
];

#[test]
fn items_are_static_then_runtime_with_their_contents() {
    let _serial = support::serial();
    assert_eq!(ALL[3..], [runtime_id(1), runtime_id(2)]);
    let (object, _journal) = scripted(with_runtime_items(false));
    assert_eq!(support::initialize(&object, MANUAL, &[]), S_OK);
    let items = support::enumerator(&object, S_OK);
    let all = support::drain(&items);
    assert_eq!(support::release(items), 0);

    assert_eq!(all.iter().map(|item| item.ItemID).collect::<Vec<_>>(), ALL);
    for item in &all {
        assert_eq!(item.cbSize as usize, size_of::<SYNCMGRITEM>());
    }
    let names: Vec<String> = all.iter().map(support::item_name).collect();
    assert_eq!(
        names,
        ["Alpha", "Beta", "Gamma", "Run-time one", "Zwei – ünïcødé"]
    );
    let flags: Vec<u32> = all.iter().map(|item| item.dwFlags).collect();
    assert_eq!(
        flags,
        [
            0,
            (abi::SYNCMGRITEM_MAYDELETEITEM | abi::SYNCMGRITEM_HASPROPERTIES) as u32,
            0,
            0,
            (abi::SYNCMGRITEM_TEMPORARY | abi::SYNCMGRITEM_HIDDEN) as u32,
        ]
    );
    let checked = abi::SYNCMGRITEMSTATE_CHECKED as u32;
    let unchecked = abi::SYNCMGRITEMSTATE_UNCHECKED as u32;
    assert_eq!(unchecked, 0);
    let states: Vec<u32> = all.iter().map(|item| item.dwItemState).collect();
    assert_eq!(states, [checked, checked, unchecked, checked, unchecked]);
    support::release_last(object);
}

#[test]
fn incomplete_listing_is_missing_items_with_a_valid_enumerator() {
    let _serial = support::serial();
    let (object, _journal) = scripted(with_runtime_items(true));
    assert_eq!(support::initialize(&object, MANUAL, &[]), S_OK);
    let items = support::enumerator(&object, abi::S_SYNCMGR_MISSINGITEMS);
    let ids: Vec<GUID> = support::drain(&items).iter().map(|i| i.ItemID).collect();
    assert_eq!(ids, ALL);
    assert_eq!(support::release(items), 0);
    support::release_last(object);
}

#[test]
fn next_in_batches() {
    let _serial = support::serial();
    let (object, _journal) = scripted(with_runtime_items(false));
    assert_eq!(support::initialize(&object, MANUAL, &[]), S_OK);
    let items = support::enumerator(&object, S_OK);

    let mut batch = [SYNCMGRITEM::default(); 2];
    let mut fetched = 99;
    assert_eq!(support::next(&items, &mut batch, Some(&mut fetched)), S_OK);
    assert_eq!(fetched, 2);
    assert_eq!([batch[0].ItemID, batch[1].ItemID], [ALPHA, BETA]);

    let mut rest = [SYNCMGRITEM::default(); 4];
    assert_eq!(
        support::next(&items, &mut rest, Some(&mut fetched)),
        S_FALSE
    );
    assert_eq!(fetched, 3);
    assert_eq!(
        rest[..3].iter().map(|item| item.ItemID).collect::<Vec<_>>(),
        ALL[2..]
    );

    // At the end: S_FALSE with nothing.
    assert_eq!(
        support::next(&items, &mut batch, Some(&mut fetched)),
        S_FALSE
    );
    assert_eq!(fetched, 0);
    let mut one = [SYNCMGRITEM::default()];
    assert_eq!(support::next(&items, &mut one, None), S_FALSE);

    // Zero items is a successful no-op.
    assert_eq!(support::next(&items, &mut [], Some(&mut fetched)), S_OK);
    assert_eq!(fetched, 0);
    assert_eq!(support::release(items), 0);
    support::release_last(object);
}

#[test]
fn next_without_fetched_only_for_one_item() {
    let _serial = support::serial();
    let (object, _journal) = scripted(Script::new());
    assert_eq!(support::initialize(&object, MANUAL, &[]), S_OK);
    let items = support::enumerator(&object, S_OK);

    let mut one = [SYNCMGRITEM::default()];
    assert_eq!(support::next(&items, &mut one, None), S_OK);
    assert_eq!(one[0].ItemID, ALPHA);

    let mut two = [SYNCMGRITEM::default(); 2];
    assert_eq!(support::next(&items, &mut two, None), E_POINTER);
    // The failed call did not move the cursor.
    assert_eq!(support::next(&items, &mut one, None), S_OK);
    assert_eq!(one[0].ItemID, BETA);

    // `rgelt` NULL with a count: E_POINTER, fetched zeroed.
    let mut fetched = 7;
    // SAFETY: a live enumerator; a NULL array must be refused, never written.
    let hr = unsafe {
        (items.vtable().Next)(items.as_raw(), 1, core::ptr::null_mut(), &raw mut fetched)
    };
    assert_eq!(hr, E_POINTER);
    assert_eq!(fetched, 0);
    assert_eq!(support::release(items), 0);
    support::release_last(object);
}

#[test]
fn skip_reset_and_clone() {
    let _serial = support::serial();
    let (object, _journal) = scripted(with_runtime_items(false));
    assert_eq!(support::initialize(&object, MANUAL, &[]), S_OK);
    let items = support::enumerator(&object, S_OK);

    assert_eq!(support::skip(&items, 0), S_OK);
    assert_eq!(support::skip(&items, 2), S_OK);
    let mut one = [SYNCMGRITEM::default()];
    assert_eq!(support::next(&items, &mut one, None), S_OK);
    assert_eq!(one[0].ItemID, GAMMA);

    // The clone starts where the original is, then moves on its own.
    let copy = support::clone_enumerator(&items);
    assert_eq!(support::next(&copy, &mut one, None), S_OK);
    assert_eq!(one[0].ItemID, runtime_id(1));
    assert_eq!(support::skip(&copy, 5), S_FALSE);
    assert_eq!(support::next(&copy, &mut one, None), S_FALSE);
    // The original did not move.
    assert_eq!(support::next(&items, &mut one, None), S_OK);
    assert_eq!(one[0].ItemID, runtime_id(1));

    assert_eq!(support::reset(&copy), S_OK);
    let ids: Vec<GUID> = support::drain(&copy).iter().map(|i| i.ItemID).collect();
    assert_eq!(ids, ALL);
    assert_eq!(
        support::drain(&items)
            .iter()
            .map(|i| i.ItemID)
            .collect::<Vec<_>>(),
        [runtime_id(2)]
    );
    assert_eq!(support::skip(&items, 1), S_FALSE);

    // Released independently, in any order.
    assert_eq!(support::release(items), 0);
    assert_eq!(support::reset(&copy), S_OK);
    assert_eq!(support::drain(&copy).len(), ALL.len());
    assert_eq!(support::release(copy), 0);
    support::release_last(object);
}

#[test]
fn enumerator_identity_and_lifetime() {
    let serial = support::serial();
    let (object, _journal) = scripted(Script::new());
    assert_eq!(support::initialize(&object, MANUAL, &[]), S_OK);
    let items = support::enumerator(&object, S_OK);
    let copy = support::clone_enumerator(&items);
    assert_eq!(syncmgr::live_objects(), serial.baseline() + 3);

    for iid in [IUnknown::IID, abi::ISyncMgrEnumItems::IID] {
        let mut out = core::ptr::null_mut();
        // SAFETY: a live enumerator; `out` is writable.
        let hr = unsafe {
            (items.vtable().base__.QueryInterface)(items.as_raw(), &raw const iid, &raw mut out)
        };
        assert_eq!(hr, S_OK);
        assert_eq!(out, items.as_raw());
        // SAFETY: `out` holds the reference QueryInterface added.
        assert_eq!(unsafe { support::release_raw(out) }, 1);
    }
    let mut out = core::ptr::without_provenance_mut(0xDEAD_BEEF);
    // SAFETY: a live enumerator; `out` is writable.
    let hr = unsafe {
        (items.vtable().base__.QueryInterface)(
            items.as_raw(),
            &abi::ISyncMgrSynchronize::IID,
            &raw mut out,
        )
    };
    assert_eq!(hr, abi::E_NOINTERFACE);
    assert!(out.is_null());

    // The enumerators outlive the handler.
    support::release_last(object);
    assert_eq!(syncmgr::live_objects(), serial.baseline() + 2);
    assert_eq!(support::drain(&items).len(), STATIC_ITEMS.len());
    assert_eq!(support::add_ref(&copy), 2);
    // SAFETY: gives back the reference just added.
    assert_eq!(unsafe { support::release_raw(copy.as_raw()) }, 1);
    assert_eq!(support::release(copy), 0);
    assert_eq!(support::release(items), 0);
    assert_eq!(syncmgr::live_objects(), serial.baseline());
}

#[test]
fn enumeration_reflects_the_current_items() {
    let _serial = support::serial();
    let count = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    let seen = std::sync::Arc::clone(&count);
    let (object, _journal) = scripted(Script::new().items(move || {
        let n = seen.load(std::sync::atomic::Ordering::SeqCst);
        Ok(ItemListing {
            items: (0..n)
                .map(|i| Item::new(runtime_id(i), format!("item {i}")))
                .collect::<syncmgr::Result<_>>()?,
            incomplete: false,
        })
    }));
    assert_eq!(support::initialize(&object, MANUAL, &[]), S_OK);
    assert_eq!(support::item_ids(&object).len(), 3);
    count.store(4, std::sync::atomic::Ordering::SeqCst);
    let ids = support::item_ids(&object);
    assert_eq!(ids[..3], STATIC_ITEMS);
    assert_eq!(ids[3..], (0..4).map(runtime_id).collect::<Vec<_>>());
    support::release_last(object);
}

#[test]
fn items_error_fails_enumeration() {
    let _serial = support::serial();
    let denied = syncmgr::HRESULT(0x8007_0005_u32 as i32);
    let (object, _journal) =
        scripted(Script::new().items(move || Err(syncmgr::Error::new(denied, "store locked"))));
    assert_eq!(support::initialize(&object, MANUAL, &[]), S_OK);
    let mut out = core::ptr::without_provenance_mut(0xDEAD_BEEF);
    assert_eq!(support::enum_items(&object, Some(&mut out)), denied);
    assert!(out.is_null());
    support::release_last(object);
}

#[test]
fn duplicate_runtime_item_fails_enumeration() {
    let _serial = support::serial();
    let (object, _journal) = scripted(Script::new().items(|| {
        Ok(ItemListing {
            items: vec![Item::new(BETA, "Beta again")?],
            incomplete: false,
        })
    }));
    assert_eq!(support::initialize(&object, MANUAL, &[]), S_OK);
    let mut out = core::ptr::without_provenance_mut(0xDEAD_BEEF);
    assert_eq!(
        support::enum_items(&object, Some(&mut out)),
        abi::E_UNEXPECTED
    );
    assert!(out.is_null());
    support::release_last(object);
}
