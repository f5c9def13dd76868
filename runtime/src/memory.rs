//! The COM task allocator: `CoTaskMemAlloc`/`CoTaskMemFree` on Windows, a twin with the same
//! contract elsewhere so that tests exercise the same ownership rules.
//!
//! `GetHandlerInfo` hands out a `SYNCMGRHANDLERINFO` from this allocator and its caller frees it
//! with [`co_task_mem_free`].

use core::ffi::c_void;

/// Allocates `size` bytes from the COM task allocator; null when out of memory.
#[must_use]
pub fn co_task_mem_alloc(size: usize) -> *mut c_void {
    imp::alloc(size)
}

/// Frees memory from [`co_task_mem_alloc`] (or from anyone's `CoTaskMemAlloc` on Windows).
/// Null is allowed.
///
/// # Safety
/// `ptr` is null or came from the task allocator and was not freed yet.
pub unsafe fn co_task_mem_free(ptr: *mut c_void) {
    // SAFETY: forwarded contract.
    unsafe { imp::free(ptr) }
}

/// Task allocations not freed yet (only off Windows, where the twin counts them).
#[cfg(not(windows))]
#[must_use]
pub fn outstanding_task_allocations() -> usize {
    imp::OUTSTANDING.load(core::sync::atomic::Ordering::Acquire)
}

#[cfg(windows)]
mod imp {
    use crate::abi;
    use core::ffi::c_void;

    pub(super) fn alloc(size: usize) -> *mut c_void {
        // SAFETY: CoTaskMemAlloc has no preconditions; it returns null on failure.
        unsafe { abi::CoTaskMemAlloc(size) }
    }

    pub(super) unsafe fn free(ptr: *mut c_void) {
        // SAFETY: the caller guarantees `ptr` is null or a live task allocation.
        unsafe { abi::CoTaskMemFree(Some(ptr.cast_const())) }
    }
}

#[cfg(not(windows))]
mod imp {
    use core::ffi::c_void;
    use core::sync::atomic::{AtomicUsize, Ordering};
    use std::alloc::Layout;

    /// Room for the allocation size in front of the block, keeping 16-byte alignment.
    const HEADER: usize = 16;

    pub(super) static OUTSTANDING: AtomicUsize = AtomicUsize::new(0);

    fn layout(size: usize) -> Option<Layout> {
        Layout::from_size_align(size.checked_add(HEADER)?, HEADER).ok()
    }

    pub(super) fn alloc(size: usize) -> *mut c_void {
        let Some(layout) = layout(size) else {
            return core::ptr::null_mut();
        };
        // SAFETY: `layout` has a non-zero size (at least HEADER bytes).
        let base = unsafe { std::alloc::alloc(layout) };
        if base.is_null() {
            return core::ptr::null_mut();
        }
        // SAFETY: `base` is valid for `HEADER + size` bytes and 16-aligned, so the header write is
        // in bounds and aligned, and `base + HEADER` stays within the block.
        unsafe {
            #[allow(clippy::cast_ptr_alignment)] // `base` is 16-aligned (see `layout`)
            base.cast::<usize>().write(size);
            OUTSTANDING.fetch_add(1, Ordering::AcqRel);
            base.add(HEADER).cast()
        }
    }

    pub(super) unsafe fn free(ptr: *mut c_void) {
        if ptr.is_null() {
            return;
        }
        // SAFETY: the caller guarantees `ptr` came from `alloc`, so the header sits HEADER bytes
        // before it and holds the size the block was allocated with.
        unsafe {
            let base = ptr.cast::<u8>().sub(HEADER);
            #[allow(clippy::cast_ptr_alignment)] // `base` is 16-aligned (see `layout`)
            let size = base.cast::<usize>().read();
            let layout = layout(size).unwrap_or_else(|| unreachable!("size was valid at alloc"));
            std::alloc::dealloc(base, layout);
        }
        OUTSTANDING.fetch_sub(1, Ordering::AcqRel);
    }
}
