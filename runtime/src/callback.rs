//! The Sync Manager's `ISyncMgrSynchronizeCallback`, as the runtime holds and calls it.
//!
//! Off Windows there are no apartments and the pointer is held directly. On Windows a callback
//! that answers `IAgileObject`, or that comes from the multithreaded apartment, is held directly
//! too; one that belongs to a single-threaded apartment is held with the way to its thread
//! ([`apartment`](crate::apartment) says which path each call takes). Calls go through the raw
//! vtable: the generated wrappers turn the success codes `S_SYNCMGR_CANCELITEM` /
//! `S_SYNCMGR_CANCELALL` into `Ok(())`, and the runtime needs them.

use crate::SyncStatus;
use crate::abi::{
    self, ISyncMgrSynchronizeCallback, SYNCMGRLOGERRORINFO, SYNCMGRPROGRESSITEM, wide,
};
use crate::guard::trace;
use windows_core::{GUID, HRESULT, Interface};

const INTERFACE: &str = "ISyncMgrSynchronizeCallback";

/// `SYNCMGRLOGLEVEL`: the severity of a `LogError` entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum LogLevel {
    /// `SYNCMGRLOGLEVEL_INFORMATION`.
    Information = abi::SYNCMGRLOGLEVEL_INFORMATION as u32,
    /// `SYNCMGRLOGLEVEL_WARNING`.
    Warning = abi::SYNCMGRLOGLEVEL_WARNING as u32,
    /// `SYNCMGRLOGLEVEL_ERROR`.
    Error = abi::SYNCMGRLOGLEVEL_ERROR as u32,
}

impl LogLevel {
    /// The level for a `SYNCMGRLOGLEVEL` value, or `None` for any other number.
    #[must_use]
    pub fn from_u32(level: u32) -> Option<Self> {
        [Self::Information, Self::Warning, Self::Error]
            .into_iter()
            .find(|known| *known as u32 == level)
    }

    /// A short name: `info`, `warning` or `error`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Information => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// What the Sync Manager answered to `Progress`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ProgressReply {
    /// Go on.
    Continue,
    /// `S_SYNCMGR_CANCELITEM`: stop this item.
    CancelItem,
    /// `S_SYNCMGR_CANCELALL`, or no callback any more: stop every item.
    CancelAll,
}

/// The callback the handler was given by `SetProgressCallback`.
pub(crate) struct Callback {
    held: crate::apartment::Reach<ISyncMgrSynchronizeCallback>,
}

/// Status texts shorter than this many UTF-8 bytes are converted on the stack: every
/// `Progress` carries one, and an allocation per call was three quarters of its cost.
pub(crate) const INLINE: usize = 128;

/// Writes `text` as UTF-16 into `units`, which is zeroed and longer than `text` is in bytes (so
/// the units and a NUL fit: `n` UTF-8 bytes are at most `n` UTF-16 units).
#[inline]
pub(crate) fn encode_inline(text: &str, units: &mut [u16; INLINE]) {
    if text.is_ascii() {
        for (slot, byte) in units.iter_mut().zip(text.bytes()) {
            *slot = u16::from(byte);
        }
    } else {
        for (slot, unit) in units.iter_mut().zip(text.encode_utf16()) {
            *slot = unit;
        }
    }
}

impl Callback {
    /// Takes a reference to `raw`, a non-null `ISyncMgrSynchronizeCallback` pointer.
    pub(crate) fn new(raw: &ISyncMgrSynchronizeCallback) -> Self {
        Self {
            held: crate::apartment::Reach::new(raw),
        }
    }

    /// Calls `f` with the callback as this thread may use it; `None` when it cannot be reached.
    #[inline]
    fn with<R>(&self, f: impl FnOnce(&ISyncMgrSynchronizeCallback) -> R) -> Option<R> {
        self.held.with(f)
    }

    /// `Progress` for `item`, with the fields `progress.mask` selects.
    pub(crate) fn progress(&self, item: &GUID, progress: &SYNCMGRPROGRESSITEM) -> ProgressReply {
        let Some(hr) = self.with(|callback| {
            // SAFETY: `callback` is a live ISyncMgrSynchronizeCallback for this thread, and both
            // pointers are valid for the duration of the call.
            unsafe { (callback.vtable().Progress)(callback.as_raw(), item, progress) }
        }) else {
            return ProgressReply::CancelAll;
        };
        trace(INTERFACE, "Progress", hr);
        match hr {
            abi::S_SYNCMGR_CANCELITEM => ProgressReply::CancelItem,
            abi::S_SYNCMGR_CANCELALL => ProgressReply::CancelAll,
            _ => ProgressReply::Continue,
        }
    }

    /// Reports `status` for `item` (with optional text and values).
    pub(crate) fn status(
        &self,
        item: &GUID,
        status: SyncStatus,
        text: Option<&str>,
        values: Option<(u32, u32)>,
    ) -> ProgressReply {
        let mut progress = SYNCMGRPROGRESSITEM {
            cbSize: abi::cb_size::<SYNCMGRPROGRESSITEM>(),
            mask: abi::SYNCMGRPROGRESSITEM_STATUSTYPE,
            dwStatusType: status.to_u32(),
            ..SYNCMGRPROGRESSITEM::default()
        };
        // Both buffers outlive the call; only the one `text` fits in is used.
        let mut inline = [0; INLINE];
        let heap: Vec<u16>;
        if let Some(text) = text {
            let units: &[u16] = if text.len() < INLINE {
                encode_inline(text, &mut inline);
                &inline
            } else {
                heap = wide(text);
                &heap
            };
            progress.mask |= abi::SYNCMGRPROGRESSITEM_STATUSTEXT;
            // The field is `PWSTR` in the metadata; the Sync Manager only reads it.
            progress.lpcStatusText = windows_core::PWSTR(units.as_ptr().cast_mut());
        }
        if let Some((value, max)) = values {
            progress.mask |= abi::SYNCMGRPROGRESSITEM_PROGVALUE | abi::SYNCMGRPROGRESSITEM_MAXVALUE;
            progress.iProgValue = i32::try_from(value).unwrap_or(i32::MAX);
            progress.iMaxValue = i32::try_from(max).unwrap_or(i32::MAX);
        }
        self.progress(item, &progress)
    }

    /// `LogError` with `text`, about `item` when given.
    pub(crate) fn log(&self, level: LogLevel, text: &str, item: Option<&GUID>) {
        self.log_entry(level, text, item, None);
    }

    /// `LogError` with `text`, about `item` when given, with an error id the user can open
    /// (`ShowError`) when given.
    pub(crate) fn log_entry(
        &self,
        level: LogLevel,
        text: &str,
        item: Option<&GUID>,
        error_id: Option<GUID>,
    ) {
        let text = wide(text);
        let mut mask = 0;
        if item.is_some() {
            mask |= abi::SYNCMGRLOGERROR_ITEMID;
        }
        if error_id.is_some() {
            mask |= abi::SYNCMGRLOGERROR_ERRORID | abi::SYNCMGRLOGERROR_ERRORFLAGS;
        }
        let info = SYNCMGRLOGERRORINFO {
            cbSize: abi::cb_size::<SYNCMGRLOGERRORINFO>(),
            mask,
            // The flag that makes the Sync Manager offer to open the entry (`ShowError`).
            dwSyncMgrErrorFlags: if error_id.is_some() {
                abi::SYNCMGRERRORFLAG_ENABLEJUMPTEXT as u32
            } else {
                0
            },
            ErrorID: error_id.unwrap_or_default(),
            ItemID: item.copied().unwrap_or_default(),
        };
        self.call("LogError", |callback| {
            // SAFETY: `callback` is live for this thread; `text` is NUL-terminated and `info` is
            // a complete SYNCMGRLOGERRORINFO, both alive for the call.
            unsafe {
                (callback.vtable().LogError)(
                    callback.as_raw(),
                    level as u32,
                    windows_core::PCWSTR(text.as_ptr()),
                    &raw const info,
                )
            }
        });
    }

    /// `EstablishConnection(name, 0)`; `E_UNEXPECTED` when the callback cannot be reached.
    pub(crate) fn establish_connection(&self, name: Option<&str>) -> HRESULT {
        let name = name.map(wide);
        let pointer = name.as_ref().map_or(core::ptr::null(), Vec::as_ptr);
        let hr = self
            .with(|callback| {
                // SAFETY: `callback` is live for this thread; `pointer` is null (the default
                // connection) or a NUL-terminated string alive for the call.
                unsafe {
                    (callback.vtable().EstablishConnection)(
                        callback.as_raw(),
                        windows_core::PCWSTR(pointer),
                        0,
                    )
                }
            })
            .unwrap_or(abi::E_UNEXPECTED);
        trace(INTERFACE, "EstablishConnection", hr);
        hr
    }

    /// `PrepareForSyncCompleted(hr)`.
    pub(crate) fn prepare_completed(&self, hr: HRESULT) {
        self.call("PrepareForSyncCompleted", |callback| {
            // SAFETY: `callback` is live for this thread.
            unsafe { (callback.vtable().PrepareForSyncCompleted)(callback.as_raw(), hr) }
        });
    }

    /// `SynchronizeCompleted(hr)`.
    pub(crate) fn synchronize_completed(&self, hr: HRESULT) {
        self.call("SynchronizeCompleted", |callback| {
            // SAFETY: `callback` is live for this thread.
            unsafe { (callback.vtable().SynchronizeCompleted)(callback.as_raw(), hr) }
        });
    }

    /// `ShowPropertiesCompleted(hr)`.
    pub(crate) fn show_properties_completed(&self, hr: HRESULT) {
        self.call("ShowPropertiesCompleted", |callback| {
            // SAFETY: `callback` is live for this thread.
            unsafe { (callback.vtable().ShowPropertiesCompleted)(callback.as_raw(), hr) }
        });
    }

    /// `ShowErrorCompleted(hr, items)`.
    pub(crate) fn show_error_completed(&self, hr: HRESULT, items: &[GUID]) {
        let count = u32::try_from(items.len()).unwrap_or(u32::MAX);
        let ptr = if items.is_empty() {
            core::ptr::null()
        } else {
            items.as_ptr()
        };
        self.call("ShowErrorCompleted", |callback| {
            // SAFETY: `callback` is live for this thread; `ptr` is null with a count of 0 or
            // points at `count` GUIDs that outlive the call (the Sync Manager copies them).
            unsafe { (callback.vtable().ShowErrorCompleted)(callback.as_raw(), hr, count, ptr) }
        });
    }

    /// Calls a method whose answer is only traced (the Sync Manager returns `S_OK`).
    fn call(&self, method: &'static str, f: impl FnOnce(&ISyncMgrSynchronizeCallback) -> HRESULT) {
        if let Some(hr) = self.with(f) {
            trace(INTERFACE, method, hr);
        }
    }
}

/// Where the handler keeps its callback: one reference, replaced by `SetProgressCallback`.
///
/// Callers take a clone of the `Arc` and call through it without holding the lock, so a
/// re-entrant `SetProgressCallback` cannot deadlock; the old callback is released when its last
/// in-flight call returns, and no call starts on it after it was replaced.
#[derive(Default)]
pub(crate) struct CallbackSlot(std::sync::Mutex<Option<std::sync::Arc<Callback>>>);

impl CallbackSlot {
    /// The current callback.
    pub(crate) fn get(&self) -> Option<std::sync::Arc<Callback>> {
        crate::guard::lock(&self.0).clone()
    }

    /// Stores `new` and returns the previous callback, for the caller to drop outside the lock.
    pub(crate) fn replace(
        &self,
        new: Option<std::sync::Arc<Callback>>,
    ) -> Option<std::sync::Arc<Callback>> {
        core::mem::replace(&mut *crate::guard::lock(&self.0), new)
    }

    /// Logs `text` through the callback, if there is one.
    pub(crate) fn log(&self, level: LogLevel, text: &str, item: Option<&GUID>) {
        if let Some(callback) = self.get() {
            callback.log(level, text, item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stack conversion matches the heap one, for ASCII and other texts, with the NUL.
    #[test]
    fn inline_text_is_nul_terminated_utf16() {
        for text in [
            "",
            "Copying notes",
            "Überprüfe ✓ 🦀",
            &"x".repeat(INLINE - 1),
        ] {
            let mut units = [0; INLINE];
            encode_inline(text, &mut units);
            let expected = wide(text);
            assert_eq!(&units[..expected.len()], &expected[..], "{text:?}");
        }
    }
}
