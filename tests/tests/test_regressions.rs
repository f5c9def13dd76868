//! Failures the property test (`test_properties.rs`) found, each kept as a named test of the
//! minimal call sequence it shrank to.

mod support;

use syncmgr::abi::S_OK;

/// `ISyncMgrEnumItems::Next(0, NULL, &fetched)` is a valid call that fetches nothing. The
/// enumerator made a slice from the null `rgelt` (undefined behaviour; with debug assertions the
/// host aborted: "`slice::from_raw_parts_mut` requires the pointer to be aligned and non-null").
#[test]
fn next_of_zero_items_into_a_null_array() {
    let _serial = support::serial();
    let object = syncmgr::create(support::Minimal);
    assert_eq!(support::initialize(&object, support::MANUAL, &[]), S_OK);
    let items = support::enumerator(&object, S_OK);
    let mut fetched = u32::MAX;
    // SAFETY: a live enumerator; `rgelt` may be null for `celt == 0`, `fetched` is writable.
    let hr = unsafe {
        (windows_core::Interface::vtable(&items).Next)(
            windows_core::Interface::as_raw(&items),
            0,
            core::ptr::null_mut(),
            &raw mut fetched,
        )
    };
    assert_eq!(hr, S_OK, "zero of zero requested items fetched");
    assert_eq!(fetched, 0);
    // The cursor did not move: the whole list is still ahead.
    assert_eq!(support::drain(&items).len(), 2);
    assert_eq!(support::release(items), 0);
    support::release_last(object);
}
