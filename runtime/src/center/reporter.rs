//! The worker's side of a Sync Center session: progress, cancellation and events through the
//! `ISyncMgrSyncCallback` that `ISyncMgrSessionCreator::CreateSession` returned
//! (`docs/sync-center.md#isyncmgrsynccallback`).

use super::ids::{self, ID_UNITS};
use crate::SyncStatus;
use crate::abi::{self, ISyncMgrSyncCallback};
use crate::apartment::Reach;
use crate::callback::{INLINE, LogLevel, ProgressReply, encode_inline};
use crate::guard::trace;
use std::sync::Mutex;
use windows_core::{GUID, Interface, PCWSTR};

const INTERFACE: &str = "ISyncMgrSyncCallback";

/// The Sync Center status for a `SyncStatus`, or `None` for one that is not reported there
/// (`DELETED`). The numbers of the two enums differ: this table is the only translation
/// (README, "Sync Center").
#[must_use]
pub(crate) const fn progress_status(status: SyncStatus) -> Option<abi::SYNCMGR_PROGRESS_STATUS> {
    Some(match status {
        SyncStatus::Updating => abi::SYNCMGR_PS_UPDATING,
        SyncStatus::Pending
        | SyncStatus::UpdatingIndeterminate
        | SyncStatus::Paused
        | SyncStatus::Resuming => abi::SYNCMGR_PS_UPDATING_INDETERMINATE,
        SyncStatus::Succeeded => abi::SYNCMGR_PS_SUCCEEDED,
        SyncStatus::Failed => abi::SYNCMGR_PS_FAILED,
        SyncStatus::Skipped | SyncStatus::Stopped => abi::SYNCMGR_PS_CANCELED,
        SyncStatus::Deleted => return None,
    })
}

/// The Sync Center event level of a log level (the same three levels).
const fn event_level(level: LogLevel) -> abi::SYNCMGR_EVENT_LEVEL {
    match level {
        LogLevel::Information => abi::SYNCMGR_EL_INFORMATION,
        LogLevel::Warning => abi::SYNCMGR_EL_WARNING,
        LogLevel::Error => abi::SYNCMGR_EL_ERROR,
    }
}

/// What the session knows about one item.
#[derive(Clone, Copy, Default)]
struct Track {
    /// The last step and maximum reported, for a report without numbers.
    values: (u32, u32),
    /// A final status was reported: from now on only `FAILED` may follow.
    finished: bool,
}

/// A Sync Center session's callback, with the session's item ids.
///
/// Sync Center's reference pages do not say on which threads its callback may be called
/// (`docs/sync-center.md` leaves it open), so the reporter holds it as any apartment object:
/// called directly when it is agile, of the MTA or not in an apartment; when it belongs to the
/// single-threaded apartment that called `Synchronize`, every call is made on that thread, and
/// [`run`](Self::run) keeps that thread pumping messages while the session works on a worker
/// (`crate::apartment`). Reports reach Sync Center from every thread either way.
pub(crate) struct Reporter {
    callback: Reach<ISyncMgrSyncCallback>,
    ids: Box<[[u16; ID_UNITS]]>,
    tracks: Mutex<Box<[Track]>>,
}

impl Reporter {
    /// A reporter for the session of `items` (in session order) through `callback`, made on
    /// the thread that called `Synchronize`.
    pub(crate) fn new(callback: &ISyncMgrSyncCallback, items: &[GUID]) -> Self {
        Self {
            callback: Reach::new(callback),
            ids: items.iter().map(ids::wide).collect(),
            tracks: Mutex::new(vec![Track::default(); items.len()].into_boxed_slice()),
        }
    }

    /// Runs `session` (which reports through this reporter) to its end, so that its reports
    /// reach the callback from every thread ([`Reach::run`]).
    pub(crate) fn run<R: Send>(&self, session: impl FnOnce() -> R + Send) -> R {
        self.callback.run(session)
    }

    /// `ReportProgress` for the item at `index`, and the cancel request it answers.
    ///
    /// Sync Center's rule that a finished item may only turn `FAILED`
    /// (`docs/sync-center.md#isyncmgrsynccallback`) is kept here: any other report after a
    /// final status is not sent.
    pub(crate) fn status(
        &self,
        index: usize,
        status: SyncStatus,
        text: Option<&str>,
        values: Option<(u32, u32)>,
    ) -> ProgressReply {
        let Some(status) = progress_status(status) else {
            return ProgressReply::Continue;
        };
        let terminal = matches!(
            status,
            abi::SYNCMGR_PS_SUCCEEDED | abi::SYNCMGR_PS_FAILED | abi::SYNCMGR_PS_CANCELED
        );
        let (step, max) = {
            let mut tracks = crate::guard::lock(&self.tracks);
            let track = &mut tracks[index];
            if track.finished && status != abi::SYNCMGR_PS_FAILED {
                return ProgressReply::Continue;
            }
            track.finished |= terminal;
            if let Some(values) = values {
                track.values = values;
            }
            track.values
        };
        // Short texts on the stack, as for the Sync Manager (every report carries one); they
        // are within Sync Center's limit as they are.
        let mut inline = [0; INLINE];
        let heap: Vec<u16>;
        let text_ptr = match text {
            None => core::ptr::null(),
            Some(text) if text.len() < INLINE => {
                encode_inline(text, &mut inline);
                inline.as_ptr()
            }
            Some(text) => {
                heap = bounded(text, abi::MAX_SYNCMGR_PROGRESSTEXT as usize);
                heap.as_ptr()
            }
        };
        let sent = self.callback.with(|callback| {
            let mut cancel = abi::SYNCMGR_CR_NONE;
            // SAFETY: the callback is live for this thread (the reporter holds a reference);
            // the id and text are NUL-terminated and `cancel` writable, all alive for the call.
            let hr = unsafe {
                (callback.vtable().ReportProgress)(
                    callback.as_raw(),
                    PCWSTR(self.ids[index].as_ptr()),
                    PCWSTR(text_ptr),
                    status,
                    step,
                    max,
                    &raw mut cancel,
                )
            };
            trace(INTERFACE, "ReportProgress", hr);
            cancel
        });
        sent.map_or(ProgressReply::Continue, reply)
    }

    /// `CanContinue` for the item at `index`: `S_FALSE` is a cancel request for it.
    pub(crate) fn can_continue(&self, index: usize) -> ProgressReply {
        let hr = self.callback.with(|callback| {
            // SAFETY: the callback is live for this thread; the id is NUL-terminated and alive
            // for the call.
            let hr = unsafe {
                (callback.vtable().CanContinue)(callback.as_raw(), PCWSTR(self.ids[index].as_ptr()))
            };
            trace(INTERFACE, "CanContinue", hr);
            hr
        });
        if hr == Some(abi::S_FALSE) {
            ProgressReply::CancelItem
        } else {
            ProgressReply::Continue
        }
    }

    /// `ReportEvent`: a log entry as an event of the handler, or of `item`. Its name is the
    /// text, cut to `MAX_SYNCMGR_NAME`; its description the whole text.
    pub(crate) fn event(&self, level: LogLevel, text: &str, item: Option<&GUID>) {
        let item = item.map(ids::wide);
        let item_ptr = item.as_ref().map_or(core::ptr::null(), |id| id.as_ptr());
        let name = bounded(text, abi::MAX_SYNCMGR_NAME as usize);
        let description = crate::abi::wide(text);
        let mut event = GUID::zeroed();
        self.callback.with(|callback| {
            // SAFETY: the callback is live for this thread; every string is NUL-terminated or
            // null where the interface allows it (item, link, context), and `event` is
            // writable, all alive for the call.
            let hr = unsafe {
                (callback.vtable().ReportEvent)(
                    callback.as_raw(),
                    PCWSTR(item_ptr),
                    event_level(level),
                    abi::SYNCMGR_EF_NONE,
                    PCWSTR(name.as_ptr()),
                    PCWSTR(description.as_ptr()),
                    PCWSTR::null(),
                    PCWSTR::null(),
                    PCWSTR::null(),
                    &raw mut event,
                )
            };
            trace(INTERFACE, "ReportEvent", hr);
        });
    }
}

// A text short enough for the stack is within Sync Center's progress text limit as it is.
const _: () = assert!(INLINE <= abi::MAX_SYNCMGR_PROGRESSTEXT as usize);

/// The cancel request Sync Center wrote, as the worker acts on it.
const fn reply(cancel: abi::SYNCMGR_CANCEL_REQUEST) -> ProgressReply {
    match cancel {
        abi::SYNCMGR_CR_CANCEL_ITEM => ProgressReply::CancelItem,
        abi::SYNCMGR_CR_CANCEL_ALL => ProgressReply::CancelAll,
        _ => ProgressReply::Continue,
    }
}

/// `text` as NUL-terminated UTF-16 of at most `limit` units with the NUL, cut at a character
/// boundary.
pub(super) fn bounded(text: &str, limit: usize) -> Vec<u16> {
    let mut units = Vec::with_capacity(text.len().min(limit) + 1);
    for c in text.chars() {
        let mut buffer = [0; 2];
        let encoded = c.encode_utf16(&mut buffer);
        if units.len() + encoded.len() >= limit {
            break;
        }
        units.extend_from_slice(encoded);
    }
    units.push(0);
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_maps_to_a_sync_center_status_or_none() {
        for status in SyncStatus::ALL {
            let mapped = progress_status(status);
            assert_eq!(mapped.is_none(), status == SyncStatus::Deleted, "{status}");
            if let Some(mapped) = mapped {
                assert!(
                    (abi::SYNCMGR_PS_UPDATING..=abi::SYNCMGR_PS_DISCONNECTED).contains(&mapped)
                );
                assert_eq!(
                    matches!(
                        mapped,
                        abi::SYNCMGR_PS_SUCCEEDED
                            | abi::SYNCMGR_PS_FAILED
                            | abi::SYNCMGR_PS_CANCELED
                    ),
                    status.is_final(),
                    "{status}: final in one protocol and not the other"
                );
            }
        }
    }

    #[test]
    fn texts_are_cut_at_the_limit_and_at_characters() {
        assert_eq!(bounded("abc", 10), [97, 98, 99, 0]);
        assert_eq!(bounded("abcdef", 4), [97, 98, 99, 0]);
        // A surrogate pair is not split.
        let cut = bounded("ab🦀", 4);
        assert_eq!(cut, [97, 98, 0]);
    }
}
