//! The Sync Center half of the property test: random calls on the handler object's
//! `ISyncMgrHandler`, `ISyncMgrHandlerInfo` and `ISyncMgrSyncItemContainer` facets and on its
//! items, mixed into the Sync Manager calls of the same sequence, each answer predicted by the
//! model (ids, items under the scripted `items()` faults, the active and enabled states) and
//! checked against `syncmgr::protocol::CenterMethod`'s documented results.

use super::support::take_task_string;
use super::{
    ALL_ITEMS, Bits, Check, E_INVALIDARG, E_NOTIMPL, E_POINTER, E_UNEXPECTED, Fault, HRESULT,
    Harness, ItemsFault, Raw, S_FALSE, S_OK, catalog, counted, garbage, set_plan,
};
use core::ffi::c_void;
use proptest::test_runner::TestCaseError;
use syncmgr::GUID;
use syncmgr::abi::{
    self, ISyncMgrHandler, ISyncMgrHandlerInfo, ISyncMgrSyncItem, ISyncMgrSyncItemContainer,
    ISyncMgrSyncItemInfo,
};
use syncmgr::protocol::CenterMethod;
use windows_core::{BOOL, IUnknown, Interface, PCWSTR, PWSTR};

/// An item id as Sync Center passes it: a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TextId {
    /// `ALL_ITEMS[n]`, braced, upper case.
    Known(usize),
    /// `ALL_ITEMS[n]` in lower case without braces (the same id).
    Bare(usize),
    /// A GUID no item has.
    Stranger,
    /// Not a GUID.
    Word,
    /// No NUL within `MAX_SYNCMGR_ID` units.
    Overlong,
    /// A null pointer.
    Null,
}

impl TextId {
    /// The id's units (with a NUL, except `Overlong`), or `None` for a null pointer.
    fn units(self) -> Option<Vec<u16>> {
        let text = match self {
            Self::Known(n) => format!("{{{:?}}}", ALL_ITEMS[n]),
            Self::Bare(n) => format!("{:?}", ALL_ITEMS[n]).to_lowercase(),
            Self::Stranger => format!("{{{:?}}}", super::STRANGER),
            Self::Word => "Alpha".to_owned(),
            Self::Overlong => return Some(vec![u16::from(b'7'); 2 * abi::MAX_SYNCMGR_ID as usize]),
            Self::Null => return None,
        };
        Some(text.encode_utf16().chain(Some(0)).collect())
    }

    /// The GUID it names, if it is one.
    fn guid(self) -> Option<GUID> {
        match self {
            Self::Known(n) | Self::Bare(n) => Some(ALL_ITEMS[n]),
            Self::Stranger => Some(super::STRANGER),
            Self::Word | Self::Overlong | Self::Null => None,
        }
    }
}

/// One call on the kept `IEnumSyncMgrSyncItems`.
#[derive(Clone, Copy, Debug)]
pub(super) enum ListOp {
    Next {
        celt: u32,
        out_null: bool,
        fetched_null: bool,
    },
    Skip(u32),
    Reset,
    Clone {
        out_null: bool,
    },
}

/// One call on the handler collection.
#[derive(Clone, Copy, Debug)]
pub(super) enum CollectionOp {
    GetHandlerEnumerator {
        out_null: bool,
    },
    BindToHandler {
        /// `Known(_)`: Chaos's id; `Bare(_)`: it in lower case without braces.
        id: TextId,
        iid: super::Iid,
        out_null: bool,
    },
}

/// What is wrong with a `Synchronize` call.
#[derive(Clone, Copy, Debug)]
pub(super) enum BadSync {
    NullCreator,
    NullIds,
    UnknownItem,
    NotAnId,
}

/// One call on an item object.
#[derive(Clone, Copy, Debug)]
pub(super) enum ItemOp {
    GetItemId {
        out_null: bool,
    },
    GetName {
        out_null: bool,
    },
    GetItemInfo {
        out_null: bool,
    },
    Capabilities {
        out_null: bool,
    },
    Policies {
        out_null: bool,
    },
    Enable(bool),
    IsEnabled,
    IsConnected,
    LastSyncTime {
        out_null: bool,
    },
    GetObject {
        null_id: bool,
        out_null: bool,
    },
    Delete {
        fault: Fault,
    },
    /// `ISyncMgrSyncItemInfo::GetTypeLabel` (`comment`: `GetComment`).
    InfoText {
        comment: bool,
        out_null: bool,
    },
}

/// One Sync Center call on the handler object.
#[derive(Clone, Copy, Debug)]
pub(super) enum CenterOp {
    GetName {
        out_null: bool,
    },
    GetHandlerInfo {
        out_null: bool,
    },
    GetObject {
        null_id: bool,
        null_iid: bool,
        out_null: bool,
    },
    Capabilities {
        out_null: bool,
    },
    Policies {
        out_null: bool,
    },
    GetType {
        out_null: bool,
    },
    Activate(bool),
    Enable(bool),
    IsActive,
    IsEnabled,
    IsConnected,
    /// `GetTypeLabel` (`comment`: `GetComment`).
    InfoText {
        comment: bool,
        out_null: bool,
    },
    LastSyncTime {
        out_null: bool,
    },
    GetSyncItem {
        id: TextId,
        items: ItemsFault,
        out_null: bool,
    },
    Count {
        items: ItemsFault,
        out_null: bool,
    },
    /// `GetSyncItemEnumerator`, then `Next(1)` until the end; or (`keep`) kept for `List` ops.
    Enumerate {
        items: ItemsFault,
        out_null: bool,
        keep: bool,
    },
    /// A call on the kept enumerator.
    List(ListOp),
    /// A call on the DLL's handler collection (made through `DllGetClassObject`).
    Collection(CollectionOp),
    /// `Synchronize` with input it must refuse before creating a session.
    BadSynchronize(BadSync),
    /// A call on the item `GetSyncItem` gives for `ALL_ITEMS[item]` (all items listed).
    Item {
        item: usize,
        op: ItemOp,
    },
    /// A whole Sync Center session (`syncmgr_test::center`): the items of `mask` (bit n:
    /// `ALL_ITEMS[n]`; none: all), each scripted by `faults`, and a cancel request at the
    /// `after`-th progress report of one item (or, `None`, of all).
    Synchronize {
        mask: u8,
        faults: [super::ItemFault; 5],
        cancel: Option<(Option<usize>, u32)>,
    },
}

impl Bits {
    fn text_id(&mut self) -> TextId {
        match self.take(4) {
            0..=8 => TextId::Known(self.index(3, ALL_ITEMS.len())),
            9 | 10 => TextId::Bare(self.index(3, ALL_ITEMS.len())),
            11 | 12 => TextId::Stranger,
            13 => TextId::Word,
            14 => TextId::Overlong,
            _ => TextId::Null,
        }
    }

    fn item_op(&mut self) -> ItemOp {
        match self.take(4) {
            0 | 1 => ItemOp::GetItemId {
                out_null: self.rare(),
            },
            2 => ItemOp::GetName {
                out_null: self.rare(),
            },
            3 => ItemOp::GetItemInfo {
                out_null: self.rare(),
            },
            4 => ItemOp::Capabilities {
                out_null: self.rare(),
            },
            5 => ItemOp::Policies {
                out_null: self.rare(),
            },
            6 | 7 => ItemOp::Enable(self.take(1) == 1),
            8 | 9 => ItemOp::IsEnabled,
            10 => ItemOp::IsConnected,
            11 => ItemOp::LastSyncTime {
                out_null: self.rare(),
            },
            12 => ItemOp::GetObject {
                null_id: self.rare(),
                out_null: self.rare(),
            },
            13 => ItemOp::InfoText {
                comment: self.take(1) == 1,
                out_null: self.rare(),
            },
            _ => ItemOp::Delete {
                fault: self.fault(),
            },
        }
    }

    pub(super) fn center_op(&mut self) -> CenterOp {
        match self.take(5) {
            0..=2 => CenterOp::GetName {
                out_null: self.rare(),
            },
            3 => CenterOp::GetHandlerInfo {
                out_null: self.rare(),
            },
            4 => CenterOp::GetObject {
                null_id: self.rare(),
                null_iid: self.rare(),
                out_null: self.rare(),
            },
            5 => CenterOp::Capabilities {
                out_null: self.rare(),
            },
            6 => CenterOp::Policies {
                out_null: self.rare(),
            },
            7 => CenterOp::GetType {
                out_null: self.rare(),
            },
            8 | 9 => CenterOp::Activate(self.take(1) == 1),
            10 | 11 => CenterOp::Enable(self.take(1) == 1),
            12 => CenterOp::IsActive,
            13 => CenterOp::IsEnabled,
            14 => CenterOp::IsConnected,
            15 => CenterOp::InfoText {
                comment: self.take(1) == 1,
                out_null: self.rare(),
            },
            16 => CenterOp::LastSyncTime {
                out_null: self.rare(),
            },
            17..=21 => CenterOp::GetSyncItem {
                id: self.text_id(),
                items: self.items_fault(),
                out_null: self.rare(),
            },
            22 | 23 => CenterOp::Count {
                items: self.items_fault(),
                out_null: self.rare(),
            },
            24 => CenterOp::Enumerate {
                items: self.items_fault(),
                out_null: self.rare(),
                keep: self.take(1) == 1,
            },
            25 => match self.take(2) {
                0 | 1 => CenterOp::List(ListOp::Next {
                    celt: u32::try_from(self.take(2)).unwrap_or(0),
                    out_null: self.rare(),
                    fetched_null: self.take(2) == 3,
                }),
                2 => CenterOp::List(match self.take(2) {
                    0 => ListOp::Reset,
                    1 => ListOp::Clone {
                        out_null: self.rare(),
                    },
                    _ => ListOp::Skip(u32::try_from(self.take(2)).unwrap_or(0)),
                }),
                _ => CenterOp::BadSynchronize(
                    [
                        BadSync::NullCreator,
                        BadSync::NullIds,
                        BadSync::UnknownItem,
                        BadSync::NotAnId,
                    ][self.index(2, 4)],
                ),
            },
            26 => CenterOp::Collection(if self.take(2) == 0 {
                CollectionOp::GetHandlerEnumerator {
                    out_null: self.rare(),
                }
            } else {
                CollectionOp::BindToHandler {
                    id: self.text_id(),
                    iid: self.iid(),
                    out_null: self.rare(),
                }
            }),
            27 | 28 => CenterOp::Item {
                item: self.index(3, ALL_ITEMS.len()),
                op: self.item_op(),
            },
            _ => CenterOp::Synchronize {
                mask: u8::try_from(self.take(5)).unwrap_or(0),
                faults: [(); 5].map(|()| self.item_fault()),
                cancel: (self.take(2) == 3).then(|| {
                    let target = (!self.rare()).then(|| self.index(3, ALL_ITEMS.len()));
                    (target, u32::try_from(self.take(2)).unwrap_or(0) + 1)
                }),
            },
        }
    }
}

/// The model's view of the Sync Center state of the handler class.
pub(super) struct CenterModel {
    active: bool,
    enabled: bool,
    /// Per `ALL_ITEMS` index.
    items: [bool; 5],
    /// The `IEnumSyncMgrSyncItems` the test keeps (from the last `Enumerate` that kept one):
    /// the interface, the ids it lists and its cursor.
    list: Option<(Raw, Vec<GUID>, usize)>,
}

impl CenterModel {
    /// Releases what the model holds (at the end of a case).
    pub(super) fn release(&mut self) {
        if let Some((list, _, _)) = self.list.take() {
            list.release();
        }
    }
}

/// Whether `ALL_ITEMS[n]` starts enabled: the items declared checked (all but Gamma).
const fn enabled_by_default(n: usize) -> bool {
    n != 2
}

/// A pointer slot that starts as garbage, or a null out-pointer.
fn out_ptr<T>(slot: &mut T, null: bool) -> *mut T {
    if null {
        core::ptr::null_mut()
    } else {
        core::ptr::from_mut(slot)
    }
}

/// [`super::check_answer`] against `CenterMethod`'s documented results.
fn answer(method: CenterMethod, hr: HRESULT, expected: &[HRESULT], extra: &[HRESULT]) -> Check {
    super::check_answer(method, method.allowed_results(), hr, expected, extra)
}

/// `E_POINTER` for a null out-pointer, else `then`.
fn or_pointer(out_null: bool, then: HRESULT) -> HRESULT {
    if out_null { E_POINTER } else { then }
}

impl CenterModel {
    /// Puts the class in its default state through the vtable (the state lives in the process,
    /// across cases) and returns the model of it.
    pub(super) fn reset(object: Raw) -> Result<Self, TestCaseError> {
        let handler = facet::<ISyncMgrHandler>(object);
        set_plan(|plan| {
            plan.items = ItemsFault::Ok {
                runtime: 2,
                incomplete: false,
            }
        });
        // SAFETY: a live handler facet.
        unsafe {
            check!(
                (handler.vtable().Activate)(handler.as_raw(), BOOL(1)) == S_OK,
                "Activate"
            );
            check!(
                (handler.vtable().Enable)(handler.as_raw(), BOOL(1)) == S_OK,
                "Enable"
            );
        }
        let container = facet::<ISyncMgrSyncItemContainer>(object);
        for n in 0..ALL_ITEMS.len() {
            let item = get_item(&container, TextId::Known(n))
                .map_err(|hr| TestCaseError::fail(format!("GetSyncItem {hr:?}")))?;
            // SAFETY: a live item.
            let hr =
                unsafe { (item.vtable().Enable)(item.as_raw(), BOOL::from(enabled_by_default(n))) };
            check!(hr == S_OK, "item Enable {hr:?}");
        }
        Ok(Self {
            active: true,
            enabled: true,
            items: core::array::from_fn(enabled_by_default),
            list: None,
        })
    }
}

/// The object's interface `I` (a facet), with its own reference.
fn facet<I: Interface>(object: Raw) -> I {
    // SAFETY: the test holds a reference to the live object.
    let unknown = unsafe { IUnknown::from_raw_borrowed(&object.0) }.expect("non-null");
    counted(|| unknown.cast()).expect("the handler object has its Sync Center facets")
}

/// `GetSyncItem` for `id`; the item, or the failure.
fn get_item(
    container: &ISyncMgrSyncItemContainer,
    id: TextId,
) -> Result<ISyncMgrSyncItem, HRESULT> {
    let units = id.units();
    let mut out: *mut c_void = garbage();
    // SAFETY: a live container; the id is null or readable up to its NUL (or its length).
    let hr = counted(|| unsafe {
        (container.vtable().GetSyncItem)(
            container.as_raw(),
            units
                .as_ref()
                .map_or(PCWSTR::null(), |units| PCWSTR(units.as_ptr())),
            &raw mut out,
        )
    });
    if hr == S_OK {
        // SAFETY: GetSyncItem handed out a reference.
        Ok(unsafe { ISyncMgrSyncItem::from_raw(out) })
    } else if out.is_null() {
        Err(hr)
    } else {
        Err(HRESULT(0x7fff_0bad))
    }
}

/// What the item list gives under `items`: the listed ids, or the failure code.
fn listed(items: ItemsFault) -> Result<Vec<GUID>, HRESULT> {
    catalog(items).map(|(ids, _)| ids)
}

impl Harness {
    #[allow(clippy::too_many_lines)] // one arm per call
    pub(super) fn center_step(&mut self, op: &CenterOp) -> Check {
        let handler = facet::<ISyncMgrHandler>(self.object);
        let info = facet::<ISyncMgrHandlerInfo>(self.object);
        let container = facet::<ISyncMgrSyncItemContainer>(self.object);
        let model = &mut self.center;
        match *op {
            CenterOp::GetName { out_null } => {
                let mut name = PWSTR(garbage().cast());
                // SAFETY: a live facet; the out-pointer is null or writable.
                let hr = counted(|| unsafe {
                    (handler.vtable().GetName)(handler.as_raw(), out_ptr(&mut name, out_null))
                });
                answer(
                    CenterMethod::GetName,
                    hr,
                    &[or_pointer(out_null, S_OK)],
                    &[],
                )?;
                if hr == S_OK {
                    let name = take_task_string(name);
                    check!(name == "Chaos", "GetName gave {name:?}");
                }
            }
            CenterOp::GetHandlerInfo { out_null } => {
                let mut out: *mut c_void = garbage();
                // SAFETY: a live facet; the out-pointer is null or writable.
                let hr = counted(|| unsafe {
                    (handler.vtable().GetHandlerInfo)(handler.as_raw(), out_ptr(&mut out, out_null))
                });
                answer(
                    CenterMethod::GetHandlerInfo,
                    hr,
                    &[or_pointer(out_null, S_OK)],
                    &[],
                )?;
                if hr == S_OK {
                    check!(
                        out == info.as_raw(),
                        "GetHandlerInfo is the object's own info facet"
                    );
                    Raw(out).release();
                }
            }
            CenterOp::GetObject {
                null_id,
                null_iid,
                out_null,
            } => {
                let mut out: *mut c_void = garbage();
                let id: *const GUID = if null_id {
                    core::ptr::null()
                } else {
                    &abi::SYNCMGR_OBJECTID_BrowseContent
                };
                let iid: *const GUID = if null_iid {
                    core::ptr::null()
                } else {
                    &IUnknown::IID
                };
                // SAFETY: a live facet; pointers null or valid.
                let hr = counted(|| unsafe {
                    (handler.vtable().GetObject)(
                        handler.as_raw(),
                        id,
                        iid,
                        out_ptr(&mut out, out_null),
                    )
                });
                let expected = or_pointer(
                    out_null,
                    if null_id || null_iid {
                        E_INVALIDARG
                    } else {
                        E_NOTIMPL
                    },
                );
                answer(CenterMethod::GetObject, hr, &[expected], &[])?;
                check!(
                    out_null || out.is_null(),
                    "GetObject left {out:?} after {hr:?}"
                );
            }
            CenterOp::Capabilities { out_null }
            | CenterOp::Policies { out_null }
            | CenterOp::GetType { out_null } => {
                let mut value = 0x7777_i32;
                let (method, expected_value) = match op {
                    CenterOp::Capabilities { .. } => {
                        (CenterMethod::GetCapabilities, abi::SYNCMGR_HCM_NONE)
                    }
                    CenterOp::Policies { .. } => (CenterMethod::GetPolicies, abi::SYNCMGR_HPM_NONE),
                    _ => (CenterMethod::GetType, abi::SYNCMGR_HT_UNSPECIFIED),
                };
                let slot = out_ptr(&mut value, out_null);
                // SAFETY: live facets; the out-pointer is null or writable.
                let hr = counted(|| unsafe {
                    match method {
                        CenterMethod::GetCapabilities => {
                            (handler.vtable().GetCapabilities)(handler.as_raw(), slot)
                        }
                        CenterMethod::GetPolicies => {
                            (handler.vtable().GetPolicies)(handler.as_raw(), slot)
                        }
                        _ => (info.vtable().GetType)(info.as_raw(), slot),
                    }
                });
                answer(method, hr, &[or_pointer(out_null, S_OK)], &[])?;
                check!(
                    out_null || value == expected_value,
                    "{method:?} gave {value:#x}"
                );
            }
            CenterOp::Activate(on) | CenterOp::Enable(on) => {
                let activate = matches!(op, CenterOp::Activate(_));
                // SAFETY: a live facet.
                let hr = counted(|| unsafe {
                    if activate {
                        (handler.vtable().Activate)(handler.as_raw(), BOOL::from(on))
                    } else {
                        (handler.vtable().Enable)(handler.as_raw(), BOOL::from(on))
                    }
                });
                let method = if activate {
                    CenterMethod::Activate
                } else {
                    CenterMethod::Enable
                };
                answer(method, hr, &[S_OK], &[])?;
                if activate {
                    model.active = on;
                } else {
                    model.enabled = on;
                }
            }
            CenterOp::IsActive | CenterOp::IsEnabled | CenterOp::IsConnected => {
                // SAFETY: a live facet.
                let (method, hr, state) = counted(|| unsafe {
                    match op {
                        CenterOp::IsActive => (
                            CenterMethod::IsActive,
                            (info.vtable().IsActive)(info.as_raw()),
                            model.active,
                        ),
                        CenterOp::IsEnabled => (
                            CenterMethod::IsEnabled,
                            (info.vtable().IsEnabled)(info.as_raw()),
                            model.enabled,
                        ),
                        _ => (
                            CenterMethod::IsConnected,
                            (info.vtable().IsConnected)(info.as_raw()),
                            true,
                        ),
                    }
                });
                answer(method, hr, &[if state { S_OK } else { S_FALSE }], &[])?;
            }
            CenterOp::InfoText { comment, out_null } => {
                let vtable = info.vtable();
                let slot = if comment {
                    vtable.GetComment
                } else {
                    vtable.GetTypeLabel
                };
                info_text(info.as_raw(), slot, comment, out_null)?;
            }
            CenterOp::LastSyncTime { out_null } => {
                let mut time = abi::FILETIME {
                    dwLowDateTime: 3,
                    dwHighDateTime: 3,
                };
                // SAFETY: a live facet; the out-pointer is null or writable.
                let hr = counted(|| unsafe {
                    (info.vtable().GetLastSyncTime)(info.as_raw(), out_ptr(&mut time, out_null))
                });
                answer(
                    CenterMethod::GetLastSyncTime,
                    hr,
                    &[or_pointer(out_null, E_NOTIMPL)],
                    &[],
                )?;
                check!(
                    out_null || (time.dwLowDateTime, time.dwHighDateTime) == (0, 0),
                    "emptied"
                );
            }
            CenterOp::GetSyncItem {
                id,
                items,
                out_null,
            } => {
                set_plan(|plan| plan.items = items);
                let units = id.units();
                let mut out: *mut c_void = garbage();
                // SAFETY: a live facet; the id is null or readable; the out-pointer null or writable.
                let hr = counted(|| unsafe {
                    (container.vtable().GetSyncItem)(
                        container.as_raw(),
                        units
                            .as_ref()
                            .map_or(PCWSTR::null(), |units| PCWSTR(units.as_ptr())),
                        out_ptr(&mut out, out_null),
                    )
                });
                let expected = match (out_null, id.guid(), listed(items)) {
                    (true, ..) => E_POINTER,
                    (_, Some(_), Err(code)) => code,
                    (_, Some(guid), Ok(ids)) if ids.contains(&guid) => S_OK,
                    // Not an id, or no item's.
                    _ => E_INVALIDARG,
                };
                let extra = listed(items).err().into_iter().collect::<Vec<_>>();
                answer(CenterMethod::GetSyncItem, hr, &[expected], &extra)?;
                if hr == S_OK {
                    Raw(out).release();
                } else {
                    check!(
                        out_null || out.is_null(),
                        "GetSyncItem left {out:?} after {hr:?}"
                    );
                }
            }
            CenterOp::Count { items, out_null } => {
                set_plan(|plan| plan.items = items);
                let mut count = 99_u32;
                // SAFETY: a live facet; the out-pointer is null or writable.
                let hr = counted(|| unsafe {
                    (container.vtable().GetSyncItemCount)(
                        container.as_raw(),
                        out_ptr(&mut count, out_null),
                    )
                });
                let (expected, extra) = match (out_null, listed(items)) {
                    (true, _) => (E_POINTER, None),
                    (_, Ok(_)) => (S_OK, None),
                    (_, Err(code)) => (code, Some(code)),
                };
                answer(
                    CenterMethod::GetSyncItemCount,
                    hr,
                    &[expected],
                    extra.as_slice(),
                )?;
                if let (false, Ok(ids)) = (out_null, listed(items)) {
                    check!(
                        count as usize == ids.len(),
                        "count {count} for {} items",
                        ids.len()
                    );
                } else if !out_null {
                    check!(count == 0, "count {count} after {hr:?}");
                }
            }
            CenterOp::Enumerate {
                items,
                out_null,
                keep,
            } => {
                set_plan(|plan| plan.items = items);
                let mut out: *mut c_void = garbage();
                // SAFETY: a live facet; the out-pointer is null or writable.
                let hr = counted(|| unsafe {
                    (container.vtable().GetSyncItemEnumerator)(
                        container.as_raw(),
                        out_ptr(&mut out, out_null),
                    )
                });
                let (expected, extra) = match (out_null, listed(items)) {
                    (true, _) => (E_POINTER, None),
                    (_, Ok(_)) => (S_OK, None),
                    (_, Err(code)) => (code, Some(code)),
                };
                answer(
                    CenterMethod::GetSyncItemEnumerator,
                    hr,
                    &[expected],
                    extra.as_slice(),
                )?;
                if hr == S_OK && keep {
                    model.release();
                    model.list = Some((Raw(out), listed(items).unwrap_or_default(), 0));
                } else if hr == S_OK {
                    // SAFETY: GetSyncItemEnumerator handed out a reference.
                    let list = unsafe { abi::IEnumSyncMgrSyncItems::from_raw(out) };
                    let mut ids = Vec::new();
                    loop {
                        let mut slot: *mut c_void = garbage();
                        let mut fetched = 9;
                        // SAFETY: a live enumerator with room for one pointer.
                        let hr = counted(|| unsafe {
                            (list.vtable().Next)(list.as_raw(), 1, &raw mut slot, &raw mut fetched)
                        });
                        if hr == S_FALSE {
                            check!(
                                fetched == 0 && slot.is_null(),
                                "the end wrote {slot:?}, {fetched}"
                            );
                            break;
                        }
                        check!(
                            hr == S_OK && fetched == 1,
                            "Next answered {hr:?} with {fetched}"
                        );
                        // SAFETY: Next handed out a reference.
                        let item = unsafe { ISyncMgrSyncItem::from_raw(slot) };
                        let mut id = PWSTR(garbage().cast());
                        // SAFETY: a live item.
                        let hr = counted(|| unsafe {
                            (item.vtable().GetItemID)(item.as_raw(), &raw mut id)
                        });
                        check!(hr == S_OK, "GetItemID {hr:?}");
                        ids.push(take_task_string(id));
                    }
                    let expected: Vec<String> = listed(items)
                        .unwrap_or_default()
                        .iter()
                        .map(|id| format!("{{{id:?}}}"))
                        .collect();
                    check!(ids == expected, "enumerated {ids:?}, listed {expected:?}");
                } else {
                    check!(
                        out_null || out.is_null(),
                        "GetSyncItemEnumerator left {out:?}"
                    );
                }
            }
            CenterOp::List(op) => list_step(model, op)?,
            CenterOp::Collection(op) => collection_step(op)?,
            CenterOp::BadSynchronize(bad) => {
                // The item list works: the refusal is the input's.
                set_plan(|plan| {
                    plan.items = ItemsFault::Ok {
                        runtime: 2,
                        incomplete: false,
                    }
                });
                let known = TextId::Known(0).units().unwrap_or_default();
                let stranger = TextId::Stranger.units().unwrap_or_default();
                let word = TextId::Word.units().unwrap_or_default();
                let id = match bad {
                    BadSync::UnknownItem => &stranger,
                    BadSync::NotAnId => &word,
                    BadSync::NullCreator | BadSync::NullIds => &known,
                };
                let ids = [PCWSTR(id.as_ptr())];
                let ids_ptr = if matches!(bad, BadSync::NullIds) {
                    core::ptr::null()
                } else {
                    ids.as_ptr()
                };
                // Never called: every one of these is refused before `CreateSession` (were it
                // called, the dangling pointer would crash the test, which fails it too).
                let creator = if matches!(bad, BadSync::NullCreator) {
                    core::ptr::null_mut()
                } else {
                    garbage()
                };
                // SAFETY: a live facet; the ids are null or NUL-terminated; see `creator`.
                let hr = counted(|| unsafe {
                    (handler.vtable().Synchronize)(
                        handler.as_raw(),
                        ids_ptr,
                        1,
                        abi::HWND::default(),
                        creator,
                        core::ptr::null_mut(),
                    )
                });
                answer(CenterMethod::Synchronize, hr, &[E_INVALIDARG], &[])?;
            }
            CenterOp::Synchronize {
                mask,
                faults,
                cancel,
            } => {
                drop((info, container));
                self.center_sync(handler, mask, faults, cancel)?;
            }
            CenterOp::Item { item, op } => {
                set_plan(|plan| {
                    plan.items = ItemsFault::Ok {
                        runtime: 2,
                        incomplete: false,
                    }
                });
                let object = get_item(&container, TextId::Known(item))
                    .map_err(|hr| TestCaseError::fail(format!("GetSyncItem {hr:?}")))?;
                item_step(model, &object, item, op)?;
            }
        }
        Ok(())
    }
}

/// `GetTypeLabel` or (`comment`) `GetComment` through `slot` of the handler's or an item's info
/// object `this`: neither has the text, so `E_NOTIMPL` with the out-pointer emptied.
fn info_text(
    this: *mut c_void,
    slot: unsafe extern "system" fn(*mut c_void, *mut PWSTR) -> HRESULT,
    comment: bool,
    out_null: bool,
) -> Check {
    let mut text = PWSTR(garbage().cast());
    let out = out_ptr(&mut text, out_null);
    // SAFETY: a live info object; the out-pointer is null or writable.
    let hr = counted(|| unsafe { slot(this, out) });
    let method = if comment {
        CenterMethod::GetComment
    } else {
        CenterMethod::GetTypeLabel
    };
    answer(method, hr, &[or_pointer(out_null, E_NOTIMPL)], &[])?;
    check!(out_null || text.is_null(), "{method:?} left {text:?}");
    Ok(())
}

/// Whether `ALL_ITEMS[n]` may be deleted: Beta and R1.
const fn deletable(n: usize) -> bool {
    n == 1 || n == 4
}

#[allow(clippy::too_many_lines)] // one arm per call
fn item_step(model: &mut CenterModel, item: &ISyncMgrSyncItem, n: usize, op: ItemOp) -> Check {
    let info: ISyncMgrSyncItemInfo = counted(|| item.cast())
        .map_err(|error| TestCaseError::fail(format!("item QueryInterface: {error}")))?;
    match op {
        ItemOp::GetItemId { out_null } | ItemOp::GetName { out_null } => {
            let id = matches!(op, ItemOp::GetItemId { .. });
            let mut text = PWSTR(garbage().cast());
            let slot = out_ptr(&mut text, out_null);
            // SAFETY: a live item; the out-pointer is null or writable.
            let hr = counted(|| unsafe {
                if id {
                    (item.vtable().GetItemID)(item.as_raw(), slot)
                } else {
                    (item.vtable().GetName)(item.as_raw(), slot)
                }
            });
            let method = if id {
                CenterMethod::GetItemId
            } else {
                CenterMethod::GetName
            };
            answer(method, hr, &[or_pointer(out_null, S_OK)], &[])?;
            if hr == S_OK {
                let text = take_task_string(text);
                let expected = if id {
                    format!("{{{:?}}}", ALL_ITEMS[n])
                } else {
                    ["Alpha", "Beta", "Gamma", "R0", "R1"][n].to_owned()
                };
                check!(
                    text == expected,
                    "{method:?} gave {text:?}, not {expected:?}"
                );
            }
        }
        ItemOp::GetItemInfo { out_null } => {
            let mut out: *mut c_void = garbage();
            // SAFETY: a live item; the out-pointer is null or writable.
            let hr = counted(|| unsafe {
                (item.vtable().GetItemInfo)(item.as_raw(), out_ptr(&mut out, out_null))
            });
            answer(
                CenterMethod::GetItemInfo,
                hr,
                &[or_pointer(out_null, S_OK)],
                &[],
            )?;
            if hr == S_OK {
                check!(
                    out == info.as_raw(),
                    "GetItemInfo is the item's own info facet"
                );
                Raw(out).release();
            }
        }
        ItemOp::Capabilities { out_null } | ItemOp::Policies { out_null } => {
            let capabilities = matches!(op, ItemOp::Capabilities { .. });
            let mut value = 0x5555_i32;
            let slot = out_ptr(&mut value, out_null);
            // SAFETY: a live item; the out-pointer is null or writable.
            let hr = counted(|| unsafe {
                if capabilities {
                    (item.vtable().GetCapabilities)(item.as_raw(), slot)
                } else {
                    (item.vtable().GetPolicies)(item.as_raw(), slot)
                }
            });
            let method = if capabilities {
                CenterMethod::GetCapabilities
            } else {
                CenterMethod::GetPolicies
            };
            answer(method, hr, &[or_pointer(out_null, S_OK)], &[])?;
            let expected = match (capabilities, deletable(n)) {
                (true, true) => abi::SYNCMGR_ICM_CAN_DELETE,
                (true, false) => abi::SYNCMGR_ICM_NONE,
                (false, _) => abi::SYNCMGR_IPM_NONE,
            };
            check!(
                out_null || value == expected,
                "{method:?} gave {value:#x}, not {expected:#x}"
            );
        }
        ItemOp::Enable(on) => {
            // SAFETY: a live item.
            let hr = counted(|| unsafe { (item.vtable().Enable)(item.as_raw(), BOOL::from(on)) });
            answer(CenterMethod::Enable, hr, &[S_OK], &[])?;
            model.items[n] = on;
        }
        ItemOp::IsEnabled | ItemOp::IsConnected => {
            let enabled = matches!(op, ItemOp::IsEnabled);
            // SAFETY: a live info facet.
            let hr = counted(|| unsafe {
                if enabled {
                    (info.vtable().IsEnabled)(info.as_raw())
                } else {
                    (info.vtable().IsConnected)(info.as_raw())
                }
            });
            let (method, yes) = if enabled {
                (CenterMethod::IsEnabled, model.items[n])
            } else {
                (CenterMethod::IsConnected, true)
            };
            answer(method, hr, &[if yes { S_OK } else { S_FALSE }], &[])?;
        }
        ItemOp::LastSyncTime { out_null } => {
            let mut time = abi::FILETIME {
                dwLowDateTime: 3,
                dwHighDateTime: 3,
            };
            // SAFETY: a live info facet; the out-pointer is null or writable.
            let hr = counted(|| unsafe {
                (info.vtable().GetLastSyncTime)(info.as_raw(), out_ptr(&mut time, out_null))
            });
            // Chaos gives its items no time.
            answer(
                CenterMethod::GetLastSyncTime,
                hr,
                &[or_pointer(out_null, E_NOTIMPL)],
                &[],
            )?;
        }
        ItemOp::GetObject { null_id, out_null } => {
            let mut out: *mut c_void = garbage();
            let id: *const GUID = if null_id {
                core::ptr::null()
            } else {
                &abi::SYNCMGR_OBJECTID_Icon
            };
            // SAFETY: a live item; pointers null or valid.
            let hr = counted(|| unsafe {
                (item.vtable().GetObject)(
                    item.as_raw(),
                    id,
                    &IUnknown::IID,
                    out_ptr(&mut out, out_null),
                )
            });
            let expected = or_pointer(out_null, if null_id { E_INVALIDARG } else { E_NOTIMPL });
            answer(CenterMethod::GetObject, hr, &[expected], &[])?;
            check!(out_null || out.is_null(), "GetObject left {out:?}");
        }
        ItemOp::InfoText { comment, out_null } => {
            let vtable = info.vtable();
            let slot = if comment {
                vtable.GetComment
            } else {
                vtable.GetTypeLabel
            };
            info_text(info.as_raw(), slot, comment, out_null)?;
        }
        ItemOp::Delete { fault } => {
            set_plan(|plan| plan.status = fault);
            // SAFETY: a live item.
            let hr = counted(|| unsafe { (item.vtable().Delete)(item.as_raw()) });
            let expected = match (deletable(n), fault) {
                (false, _) => E_NOTIMPL,
                (true, Fault::Panic) => E_UNEXPECTED,
                (true, fault) => fault.code(),
            };
            answer(CenterMethod::Delete, hr, &[expected], &[fault.code()])?;
        }
    }
    Ok(())
}

impl Harness {
    /// One Sync Center session through the test kit's Sync Center, which checks every rule of
    /// the session; the model predicts each item's final status from its script.
    fn center_sync(
        &mut self,
        handler: ISyncMgrHandler,
        mask: u8,
        faults: [super::ItemFault; 5],
        cancel: Option<(Option<usize>, u32)>,
    ) -> Check {
        // The script is shared with the Sync Manager's worker: let a running one finish first.
        self.wait()?;
        set_plan(|plan| {
            plan.items = ItemsFault::Ok {
                runtime: 2,
                incomplete: false,
            };
            plan.sync = faults;
        });
        let id = |n: usize| format!("{{{:?}}}", ALL_ITEMS[n]);
        let chosen: Vec<usize> = (0..ALL_ITEMS.len())
            .filter(|n| mask & (1 << n) != 0)
            .collect();
        let mut session =
            syncmgr_test::center::Session::new(handler, format!("{{{:?}}}", super::CHAOS_CLSID));
        if !chosen.is_empty() {
            session = session.items(chosen.iter().map(|&n| id(n)));
        }
        let synced = if chosen.is_empty() {
            (0..ALL_ITEMS.len()).collect()
        } else {
            chosen
        };
        match cancel {
            Some((Some(target), after)) if synced.contains(&target) => {
                session = session.cancel_item(id(target), syncmgr_test::After(after));
            }
            Some((None, after)) => session = session.cancel_all(syncmgr_test::After(after)),
            _ => {}
        }
        let report = session
            .run()
            .map_err(|error| TestCaseError::fail(format!("Sync Center session: {error}")))?;
        super::CENTER_SYNCS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        check!(
            report.violations().is_empty(),
            "Sync Center session: {:#?}",
            report.violations()
        );
        check!(
            report.synchronize == Some(S_OK),
            "Synchronize answered {:?}",
            report.synchronize
        );
        for n in synced {
            let fault = faults[n];
            let scripted = if fault.cancelled {
                abi::SYNCMGR_PS_CANCELED
            } else if fault.end == Fault::Ok {
                abi::SYNCMGR_PS_SUCCEEDED
            } else {
                abi::SYNCMGR_PS_FAILED
            };
            let may_cancel = match cancel {
                Some((Some(target), _)) => target == n,
                Some((None, _)) => true,
                None => false,
            };
            let status = report.final_status(&id(n));
            check!(
                status == Some(scripted)
                    || (may_cancel && status == Some(abi::SYNCMGR_PS_CANCELED)),
                "item {n} ended {status:?}; its script ({fault:?}) says {scripted}, cancel plan {cancel:?}"
            );
        }
        Ok(())
    }
}

/// A call on the kept item enumerator, against the model's cursor.
fn list_step(model: &mut CenterModel, op: ListOp) -> Check {
    let Some((raw, ids, position)) = &mut model.list else {
        return Ok(());
    };
    // SAFETY: the test holds a reference to the live enumerator.
    let list = unsafe { abi::IEnumSyncMgrSyncItems::from_raw_borrowed(&raw.0) }.expect("non-null");
    match op {
        ListOp::Next {
            celt,
            out_null,
            fetched_null,
        } => {
            let mut slots = [garbage(); 4];
            let mut fetched = 77_u32;
            let out = if out_null {
                core::ptr::null_mut()
            } else {
                slots.as_mut_ptr()
            };
            let fetched_ptr = if fetched_null {
                core::ptr::null_mut()
            } else {
                &raw mut fetched
            };
            // SAFETY: a live enumerator; room for `celt` (at most 3) pointers, or null.
            let hr =
                counted(|| unsafe { (list.vtable().Next)(list.as_raw(), celt, out, fetched_ptr) });
            let refused = (celt > 0 && out_null) || (fetched_null && celt != 1);
            let count = (celt as usize).min(ids.len() - *position);
            let expected = if refused {
                E_POINTER
            } else if count == celt as usize {
                S_OK
            } else {
                S_FALSE
            };
            super::Harness::answer(super::Method::Next, hr, &[expected], &[])?;
            if refused {
                return Ok(());
            }
            if !fetched_null {
                check!(
                    fetched as usize == count,
                    "Next fetched {fetched}, the model {count}"
                );
            }
            for (index, slot) in slots.iter().take(celt as usize).enumerate() {
                if index < count {
                    // SAFETY: Next handed out a reference.
                    let item = unsafe { ISyncMgrSyncItem::from_raw(*slot) };
                    let mut id = PWSTR(garbage().cast());
                    // SAFETY: a live item.
                    let hr = counted(|| unsafe {
                        (item.vtable().GetItemID)(item.as_raw(), &raw mut id)
                    });
                    check!(hr == S_OK, "GetItemID {hr:?}");
                    let got = take_task_string(id);
                    let want = format!("{{{:?}}}", ids[*position + index]);
                    check!(got == want, "Next gave {got}, the model {want}");
                } else {
                    check!(slot.is_null(), "Next left slot {index} as {slot:?}");
                }
            }
            *position += count;
        }
        ListOp::Skip(celt) => {
            // SAFETY: a live enumerator.
            let hr = counted(|| unsafe { (list.vtable().Skip)(list.as_raw(), celt) });
            let count = (celt as usize).min(ids.len() - *position);
            let expected = if count == celt as usize {
                S_OK
            } else {
                S_FALSE
            };
            super::Harness::answer(super::Method::Skip, hr, &[expected], &[])?;
            *position += count;
        }
        ListOp::Reset => {
            // SAFETY: a live enumerator.
            let hr = counted(|| unsafe { (list.vtable().Reset)(list.as_raw()) });
            super::Harness::answer(super::Method::Reset, hr, &[S_OK], &[])?;
            *position = 0;
        }
        ListOp::Clone { out_null } => {
            let mut out: *mut c_void = garbage();
            // SAFETY: a live enumerator; the out-pointer is null or writable.
            let hr = counted(|| unsafe {
                (list.vtable().Clone)(list.as_raw(), out_ptr(&mut out, out_null))
            });
            super::Harness::answer(super::Method::Clone, hr, &[or_pointer(out_null, S_OK)], &[])?;
            if hr == S_OK {
                // The clone goes on from the same position; the test keeps it instead.
                let (old, ids, position) = model.list.take().expect("a kept list");
                old.release();
                model.list = Some((Raw(out), ids, position));
            }
        }
    }
    Ok(())
}

/// Chaos as the only class of a DLL, for its handler collection.
static CLASSES: &[syncmgr::server::ClassEntry] =
    &[syncmgr::server::ClassEntry::of::<super::Chaos>()];

/// A call on a fresh handler collection of [`CLASSES`], which lists Chaos alone.
#[allow(clippy::too_many_lines)] // one arm per call
fn collection_step(op: CollectionOp) -> Check {
    let clsid = syncmgr::server::collection_clsid(CLASSES).expect("one class");
    let mut factory: *mut c_void = garbage();
    // SAFETY: valid CLSID, IID and out-pointer.
    let hr = counted(|| unsafe {
        syncmgr::server::get_class_object(
            CLASSES,
            &raw const clsid,
            &abi::IClassFactory::IID,
            &raw mut factory,
        )
    });
    check!(hr == S_OK, "DllGetClassObject(collection) answered {hr:?}");
    // SAFETY: a new reference for us.
    let factory = unsafe { abi::IClassFactory::from_raw(factory) };
    let mut raw: *mut c_void = garbage();
    // SAFETY: a live factory; valid IID and out-pointer.
    let hr = counted(|| unsafe {
        (factory.vtable().CreateInstance)(
            factory.as_raw(),
            core::ptr::null_mut(),
            &abi::ISyncMgrHandlerCollection::IID,
            &raw mut raw,
        )
    });
    check!(hr == S_OK, "CreateInstance(collection) answered {hr:?}");
    // SAFETY: a new reference for us.
    let collection = unsafe { abi::ISyncMgrHandlerCollection::from_raw(raw) };
    let chaos = format!("{{{:?}}}", super::CHAOS_CLSID);
    match op {
        CollectionOp::GetHandlerEnumerator { out_null } => {
            let mut out: *mut c_void = garbage();
            // SAFETY: a live collection; the out-pointer is null or writable.
            let hr = counted(|| unsafe {
                (collection.vtable().GetHandlerEnumerator)(
                    collection.as_raw(),
                    out_ptr(&mut out, out_null),
                )
            });
            answer(
                CenterMethod::GetHandlerEnumerator,
                hr,
                &[or_pointer(out_null, S_OK)],
                &[],
            )?;
            if hr == S_OK {
                // SAFETY: a new reference for us.
                let ids = unsafe { abi::IEnumString::from_raw(out) };
                let mut listed = Vec::new();
                loop {
                    let mut text = PWSTR(garbage().cast());
                    let mut fetched = 5;
                    // SAFETY: a live enumerator, room for one string.
                    let hr = counted(|| unsafe {
                        (ids.vtable().Next)(ids.as_raw(), 1, &raw mut text, &raw mut fetched)
                    });
                    if hr != S_OK {
                        check!(
                            hr == S_FALSE && fetched == 0 && text.is_null(),
                            "IEnumString end: {hr:?}"
                        );
                        break;
                    }
                    listed.push(take_task_string(text));
                }
                check!(listed == [chaos.clone()], "the collection lists {listed:?}");
            }
        }
        CollectionOp::BindToHandler { id, iid, out_null } => {
            // `Known(_)` and `Bare(_)` stand for Chaos's own id here.
            let (units, id_guid) = match id {
                TextId::Known(_) => (
                    Some(chaos.encode_utf16().chain(Some(0)).collect::<Vec<u16>>()),
                    Some(super::CHAOS_CLSID),
                ),
                TextId::Bare(_) => (
                    Some(
                        format!("{:?}", super::CHAOS_CLSID)
                            .to_lowercase()
                            .encode_utf16()
                            .chain(Some(0))
                            .collect(),
                    ),
                    Some(super::CHAOS_CLSID),
                ),
                other => (other.units(), other.guid()),
            };
            let interface = iid.guid();
            let mut out: *mut c_void = garbage();
            // SAFETY: a live collection; every pointer null or valid for the call.
            let hr = counted(|| unsafe {
                (collection.vtable().BindToHandler)(
                    collection.as_raw(),
                    units
                        .as_ref()
                        .map_or(PCWSTR::null(), |units| PCWSTR(units.as_ptr())),
                    interface
                        .as_ref()
                        .map_or(core::ptr::null(), core::ptr::from_ref),
                    out_ptr(&mut out, out_null),
                )
            });
            let expected = match (out_null, iid, id_guid) {
                (true, ..) => E_POINTER,
                (_, super::Iid::Null, _) | (_, _, None) => E_INVALIDARG,
                (_, _, Some(guid)) if guid != super::CHAOS_CLSID => abi::CLASS_E_CLASSNOTAVAILABLE,
                (_, super::Iid::Unknown | super::Iid::Synchronize | super::Iid::Handler, _) => S_OK,
                _ => abi::E_NOINTERFACE,
            };
            answer(CenterMethod::BindToHandler, hr, &[expected], &[])?;
            if hr == S_OK {
                check!(
                    Raw(out).release() == 0,
                    "a bound handler had another reference"
                );
            } else {
                check!(out_null || out.is_null(), "BindToHandler left {out:?}");
            }
        }
    }
    Ok(())
}
