//! What every COM object of the runtime shares: the `IUnknown` half of its vtable, the guard
//! around each method, and its `[out]` pointers.
//!
//! An object is a `#[repr(C)]` struct whose first field points at its vtable, so the object's
//! address is its interface pointer; it lives on the heap and frees itself on the last `Release`.

use crate::abi;
use crate::guard::{catch, trace};
use core::ffi::c_void;
use core::ptr::NonNull;
use std::sync::atomic::{AtomicU32, Ordering, fence};
use windows_core::{GUID, HRESULT, IUnknown_Vtbl, Interface};

/// The first field of every runtime COM object: the vtable pointer, which makes the object's
/// address its interface pointer, and the reference count, which starts at 1.
#[repr(C)]
pub(crate) struct Header<V: 'static> {
    vtable: &'static V,
    refs: AtomicU32,
}

impl<V: 'static> Header<V> {
    /// The header of a new object with `vtable`, holding its one reference.
    pub(crate) const fn new(vtable: &'static V) -> Self {
        Self {
            vtable,
            refs: AtomicU32::new(1),
        }
    }
}

/// A runtime COM object.
///
/// # Safety
/// The implementing type is `#[repr(C)]`, its first field is its [`Header`] (returned by
/// [`Self::header`]), whose vtable begins with [`iunknown::<Self>()`](iunknown) and serves every
/// IID in [`Self::IIDS`], and its instances are created only by [`into_interface`].
pub(crate) unsafe trait ComObject: Sized + 'static {
    /// The interface's vtable layout.
    type Vtable: 'static;
    /// The interface name in traces.
    const INTERFACE: &'static str;
    /// The IIDs `QueryInterface` answers with the header's vtable.
    const IIDS: &'static [GUID];
    /// The object's further interfaces: each IID with the byte offset of the field that points
    /// at its vtable (see [`Facet`]).
    const FACETS: &'static [(GUID, usize)] = &[];

    /// The object's header, its first field.
    fn header(&self) -> &Header<Self::Vtable>;

    /// The reference count.
    fn refs(&self) -> &AtomicU32 {
        &self.header().refs
    }

    /// Told about a panic that a method contained (it returned `E_UNEXPECTED`).
    fn panicked(&self, method: &str, panic: &str) {
        let _ = (method, panic);
    }
}

/// Moves `object` to the heap and returns it as interface `I`, holding its one reference.
///
/// `I` is the interface whose vtable the object's first field points at.
pub(crate) fn into_interface<T: ComObject, I: Interface>(object: T) -> I {
    debug_assert!(T::IIDS.contains(&I::IID));
    debug_assert_eq!(object.refs().load(Ordering::Relaxed), 1);
    debug_assert!(core::ptr::eq(
        core::ptr::from_ref(object.header()).cast::<u8>(),
        core::ptr::from_ref(&object).cast::<u8>()
    ));
    // SAFETY: per `ComObject`'s contract the box starts with a vtable pointer of `I`'s layout;
    // the new interface owns the count of 1.
    unsafe { I::from_raw(Box::into_raw(Box::new(object)).cast()) }
}

/// A further interface of object `T`: a `&'static` vtable pointer field of `T` at
/// [`OFFSET`](Self::OFFSET) bytes, whose address is the interface pointer COM sees. Its
/// `IUnknown` slots are [`iunknown_facet::<T, Self>()`](iunknown_facet) and its methods go
/// through [`call_facet`]; both find the object by subtracting the offset.
///
/// # Safety
/// `T` has, at `OFFSET`, a field holding a `&'static` vtable of this interface, whose `base__`
/// is `iunknown_facet::<T, Self>()`, and `(IID, OFFSET)` is among `T::FACETS`.
pub(crate) unsafe trait Facet<T: ComObject> {
    /// The interface name in traces.
    const INTERFACE: &'static str;
    /// The byte offset of the vtable pointer field in `T`.
    const OFFSET: usize;
}

/// The object whose facet `P` is at `this`, or `None` for a null pointer.
///
/// # Safety
/// `this` is null or an interface pointer of facet `P` of a live `T`.
unsafe fn facet_object<'a, T: ComObject, P: Facet<T>>(this: *mut c_void) -> Option<&'a T> {
    if this.is_null() {
        return None;
    }
    // SAFETY: per the contract `this` is `P::OFFSET` bytes into a live `T`, so stepping back
    // stays inside that object and lands on its start.
    unsafe { object::<T>(this.byte_sub(P::OFFSET)) }
}

/// The object behind `this`, or `None` for a null pointer.
///
/// # Safety
/// `this` is null or an interface pointer of a live `T`.
unsafe fn object<'a, T: ComObject>(this: *mut c_void) -> Option<&'a T> {
    // SAFETY: per the contract, a non-null `this` points at a live `T`.
    unsafe { this.cast::<T>().as_ref() }
}

/// What a method body answers: an HRESULT, or `Result<HRESULT, HRESULT>` so that an early
/// failure (a null [`Out`]) can leave with `?`.
pub(crate) trait Answer {
    /// The HRESULT the caller sees.
    fn hresult(self) -> HRESULT;
}

impl Answer for HRESULT {
    fn hresult(self) -> HRESULT {
        self
    }
}

impl Answer for Result<HRESULT, HRESULT> {
    fn hresult(self) -> HRESULT {
        self.unwrap_or_else(|hr| hr)
    }
}

/// Runs method `f` on the object behind `this`: a null `this` is `E_POINTER`, a panic is
/// `E_UNEXPECTED` (and reported to [`ComObject::panicked`]), and the HRESULT is traced.
///
/// # Safety
/// `this` is null or an interface pointer of a live `T`.
pub(crate) unsafe fn call<T: ComObject, A: Answer>(
    this: *mut c_void,
    method: &'static str,
    f: impl FnOnce(&T) -> A,
) -> HRESULT {
    // SAFETY: forwarded contract.
    let hr = match unsafe { object::<T>(this) } {
        None => abi::E_POINTER,
        Some(object) => catch(|| f(object).hresult()).unwrap_or_else(|panic| {
            object.panicked(method, &panic);
            abi::E_UNEXPECTED
        }),
    };
    trace(T::INTERFACE, method, hr);
    hr
}

/// [`call`] for a method of facet `P`: `this` points at the facet's field, not at the object.
///
/// # Safety
/// `this` is null or an interface pointer of facet `P` of a live `T`.
pub(crate) unsafe fn call_facet<T: ComObject, P: Facet<T>, A: Answer>(
    this: *mut c_void,
    method: &'static str,
    f: impl FnOnce(&T) -> A,
) -> HRESULT {
    // SAFETY: forwarded contract.
    let hr = match unsafe { facet_object::<T, P>(this) } {
        None => abi::E_POINTER,
        Some(object) => catch(|| f(object).hresult()).unwrap_or_else(|panic| {
            object.panicked(method, &panic);
            abi::E_UNEXPECTED
        }),
    };
    trace(P::INTERFACE, method, hr);
    hr
}

/// The interface pointer of `object` for `iid`, if it has that interface; `object` is the
/// pointer to the object itself.
fn interface_of<T: ComObject>(object: *mut c_void, iid: &GUID) -> Option<*mut c_void> {
    if T::IIDS.contains(iid) {
        return Some(object);
    }
    T::FACETS
        .iter()
        .find(|(facet, _)| facet == iid)
        // The offset is inside the object (`Facet`'s contract), so the pointer stays in it.
        .map(|&(_, offset)| object.wrapping_byte_add(offset))
}

/// An interface of a live object, with a new reference: what `QueryInterface` and methods
/// that hand out one of the object's own interfaces return.
pub(crate) fn add_ref_interface<T: ComObject>(object: &T, iid: &GUID) -> Option<*mut c_void> {
    let base = core::ptr::from_ref(object).cast_mut().cast::<c_void>();
    let interface = interface_of::<T>(base, iid)?;
    object.refs().fetch_add(1, Ordering::Relaxed);
    Some(interface)
}

/// An `[out]` pointer, checked once: a null one is `E_POINTER`, and the slot is emptied on entry,
/// so that the caller finds it empty after any failure, as COM's rules for `[out]` parameters
/// ask.
pub(crate) struct Out<T: Copy>(NonNull<T>);

impl<T: Copy> Out<T> {
    /// Checks `ptr` and writes `empty` into it: `Err(E_POINTER)` when it is null.
    ///
    /// # Safety
    /// `ptr` is null or valid for writes of a `T` while the returned `Out` exists (COM's contract
    /// for an `[out]` parameter, for the duration of the method call; an `Out` never outlives the
    /// call that received `ptr`).
    pub(crate) unsafe fn new(ptr: *mut T, empty: T) -> Result<Self, HRESULT> {
        let slot = NonNull::new(ptr).ok_or(abi::E_POINTER)?;
        // SAFETY: non-null, and writable per the contract.
        unsafe { slot.write(empty) };
        Ok(Self(slot))
    }

    /// Stores the method's result.
    pub(crate) fn set(&self, value: T) {
        // SAFETY: `new`'s contract: the slot is writable while `self` exists.
        unsafe { self.0.write(value) }
    }

    /// The raw slot, for an API that writes it itself (`QueryInterface`).
    pub(crate) fn as_ptr(&self) -> *mut T {
        self.0.as_ptr()
    }
}

/// The `IUnknown` slots of `T`'s vtable.
pub(crate) const fn iunknown<T: ComObject>() -> IUnknown_Vtbl {
    IUnknown_Vtbl {
        QueryInterface: query_interface::<T>,
        AddRef: add_ref::<T>,
        Release: release::<T>,
    }
}

unsafe extern "system" fn query_interface<T: ComObject>(
    this: *mut c_void,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    let body = |object: &T| {
        // SAFETY: `out` is the caller's `[out]` pointer, null or writable during this call.
        let out = unsafe { Out::new(out, core::ptr::null_mut()) }?;
        // SAFETY: a non-null `iid` points at a GUID for the duration of the call.
        let iid = unsafe { iid.as_ref() }.ok_or(abi::E_INVALIDARG)?;
        out.set(add_ref_interface(object, iid).ok_or(abi::E_NOINTERFACE)?);
        Ok(abi::S_OK)
    };
    // SAFETY: COM passes the object's interface pointer.
    unsafe { call(this, "QueryInterface", body) }
}

/// The `IUnknown` slots of facet `P` of `T`: the same object, reached from the facet's field.
pub(crate) const fn iunknown_facet<T: ComObject, P: Facet<T>>() -> IUnknown_Vtbl {
    IUnknown_Vtbl {
        QueryInterface: query_interface_facet::<T, P>,
        AddRef: add_ref_facet::<T, P>,
        Release: release_facet::<T, P>,
    }
}

unsafe extern "system" fn query_interface_facet<T: ComObject, P: Facet<T>>(
    this: *mut c_void,
    iid: *const GUID,
    out: *mut *mut c_void,
) -> HRESULT {
    // SAFETY: COM passes facet `P`'s interface pointer, which is null or `P::OFFSET` bytes into
    // a live `T`; the object's own `QueryInterface` gets the object's pointer.
    unsafe {
        match facet_object::<T, P>(this) {
            None => abi::E_POINTER,
            Some(object) => {
                query_interface::<T>(core::ptr::from_ref(object).cast_mut().cast(), iid, out)
            }
        }
    }
}

unsafe extern "system" fn add_ref_facet<T: ComObject, P: Facet<T>>(this: *mut c_void) -> u32 {
    // SAFETY: COM passes facet `P`'s interface pointer.
    match unsafe { facet_object::<T, P>(this) } {
        Some(object) => object.refs().fetch_add(1, Ordering::Relaxed) + 1,
        None => 0,
    }
}

unsafe extern "system" fn release_facet<T: ComObject, P: Facet<T>>(this: *mut c_void) -> u32 {
    // SAFETY: COM passes facet `P`'s interface pointer; the object's own `Release` gets the
    // object's pointer.
    unsafe {
        match facet_object::<T, P>(this) {
            None => 0,
            Some(object) => release::<T>(core::ptr::from_ref(object).cast_mut().cast()),
        }
    }
}

unsafe extern "system" fn add_ref<T: ComObject>(this: *mut c_void) -> u32 {
    // SAFETY: COM passes the object's interface pointer.
    match unsafe { object::<T>(this) } {
        Some(object) => object.refs().fetch_add(1, Ordering::Relaxed) + 1,
        None => 0,
    }
}

unsafe extern "system" fn release<T: ComObject>(this: *mut c_void) -> u32 {
    // SAFETY: COM passes the object's interface pointer.
    let Some(object) = (unsafe { object::<T>(this) }) else {
        return 0;
    };
    let remaining = object.refs().fetch_sub(1, Ordering::Release) - 1;
    if remaining == 0 {
        fence(Ordering::Acquire);
        // SAFETY: the last reference is gone, so nothing else reaches the box, which
        // `into_interface` made with `Box::into_raw`.
        drop(unsafe { Box::from_raw(this.cast::<T>()) });
    }
    remaining
}
