//! A sync session: the items of one `PrepareForSync`/`Synchronize` round, their cancellation,
//! and the worker that synchronizes them.

use crate::callback::{CallbackSlot, LogLevel, ProgressReply};
use crate::catalog::Catalog;
use crate::guard::catch;
use crate::guid_hash::{self, GuidHash, GuidMap};
use crate::object::{Shared, panic_text};
use crate::{Error, HandlerClass, ItemFlags, Result, SyncStatus, abi};
use std::sync::atomic::{AtomicBool, Ordering};
use windows_core::{GUID, HRESULT};

struct SessionItem {
    id: GUID,
    name: String,
    flags: ItemFlags,
    /// Skipped by `SetItemStatus(SKIPPED)`, `S_SYNCMGR_CANCELITEM` or `DELETED`: ends `SKIPPED`.
    skipped: AtomicBool,
}

/// The items of one session, in the order `PrepareForSync` gave them.
pub(crate) struct Session {
    items: Box<[SessionItem]>,
    /// Position in `items` of each id; `SetItemStatus` looks its item up here.
    index: GuidMap<usize>,
    /// `SetItemStatus(GUID_NULL, STOPPED)` or `S_SYNCMGR_CANCELALL`: the rest ends `STOPPED`.
    stop_all: AtomicBool,
}

impl Session {
    /// The session for `ids`: every id must be an item of `catalog` (`E_INVALIDARG`
    /// otherwise); repeated ids count once.
    pub(crate) fn new(catalog: &Catalog, ids: &[GUID]) -> Result<Self, HRESULT> {
        let mut owned = GuidMap::with_capacity_and_hasher(catalog.items.len(), GuidHash);
        owned.extend(
            catalog
                .items
                .iter()
                .enumerate()
                .map(|(position, item)| (guid_hash::key(&item.id), position)),
        );
        let mut index = GuidMap::with_capacity_and_hasher(ids.len(), GuidHash);
        let mut items = Vec::with_capacity(ids.len());
        for id in ids {
            let key = guid_hash::key(id);
            let Some(&position) = owned.get(&key) else {
                return Err(abi::E_INVALIDARG);
            };
            if index.contains_key(&key) {
                continue;
            }
            index.insert(key, items.len());
            let record = &catalog.items[position];
            items.push(SessionItem {
                id: *id,
                name: record.name.clone(),
                flags: record.flags,
                skipped: AtomicBool::new(false),
            });
        }
        Ok(Self {
            items: items.into_boxed_slice(),
            index,
            stop_all: AtomicBool::new(false),
        })
    }

    /// The session's item ids, in order.
    pub(crate) fn ids(&self) -> Vec<GUID> {
        self.items.iter().map(|item| item.id).collect()
    }

    #[inline]
    pub(crate) fn index_of(&self, id: &GUID) -> Option<usize> {
        self.index.get(&guid_hash::key(id)).copied()
    }

    #[inline]
    pub(crate) fn flags(&self, index: usize) -> ItemFlags {
        self.items[index].flags
    }

    /// Skips one item.
    #[inline]
    pub(crate) fn skip(&self, index: usize) {
        self.items[index].skipped.store(true, Ordering::Release);
    }

    /// Stops every item that has not been cancelled otherwise.
    #[inline]
    pub(crate) fn cancel_all(&self) {
        self.stop_all.store(true, Ordering::Release);
    }

    /// The final status a cancelled item ends with, or `None` if it is not cancelled.
    fn cancelled(&self, index: usize) -> Option<SyncStatus> {
        if self.items[index].skipped.load(Ordering::Acquire) {
            Some(SyncStatus::Skipped)
        } else if self.stop_all.load(Ordering::Acquire) {
            Some(SyncStatus::Stopped)
        } else {
            None
        }
    }

    fn apply(&self, index: usize, reply: ProgressReply) {
        match reply {
            ProgressReply::Continue => {}
            ProgressReply::CancelItem => self.skip(index),
            ProgressReply::CancelAll => self.cancel_all(),
        }
    }
}

/// The item being synchronized, as `SyncHandler::synchronize_item` sees it.
pub struct ItemSync<'a> {
    session: &'a Session,
    index: usize,
    /// The handler's slot, read at every call: once `SetProgressCallback` replaced or removed
    /// the callback, no call reaches the old one and its reference is released.
    callback: &'a CallbackSlot,
}

impl ItemSync<'_> {
    fn item(&self) -> &SessionItem {
        &self.session.items[self.index]
    }

    /// The item's id.
    #[must_use]
    pub fn id(&self) -> GUID {
        self.item().id
    }

    /// The item's display name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.item().name
    }

    /// Whether the item was skipped or stopped (by `SetItemStatus` or the Sync Manager's answer
    /// to `Progress`). The work should end soon after.
    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.session.cancelled(self.index).is_some()
    }

    /// `Err(Error::cancelled())` once the item was skipped or stopped: `item.check()?` between
    /// units of work ends the item promptly.
    pub fn check(&self) -> Result<()> {
        if self.is_cancelled() {
            Err(Error::cancelled())
        } else {
            Ok(())
        }
    }

    /// Reports progress (`UPDATING` with `text`, `done` of `total`) and then [`check`]s.
    ///
    /// [`check`]: Self::check
    pub fn progress(&mut self, done: u32, total: u32, text: &str) -> Result<()> {
        self.report(SyncStatus::Updating, Some(text), Some((done, total)));
        self.check()
    }

    /// Reports a status text without values (`UPDATING`) and then [`check`](Self::check)s.
    pub fn status_text(&mut self, text: &str) -> Result<()> {
        self.report(SyncStatus::Updating, Some(text), None);
        self.check()
    }

    /// Adds an entry about this item to the Sync Manager's log (`LogError`).
    pub fn log(&self, level: LogLevel, text: &str) {
        if let Some(callback) = self.callback.get() {
            callback.log(level, text, Some(&self.item().id));
        }
    }

    /// Sends `Progress` and applies the Sync Manager's answer.
    fn report(&self, status: SyncStatus, text: Option<&str>, values: Option<(u32, u32)>) {
        let reply = match self.callback.get() {
            Some(callback) => callback.status(&self.item().id, status, text, values),
            // Nobody listens any more (`SetProgressCallback(NULL)`): stop the work.
            None => ProgressReply::CancelAll,
        };
        self.session.apply(self.index, reply);
    }
}

/// The worker: synchronizes every item of `session` in order, reports exactly one final status
/// per item, closes the session and sends `SynchronizeCompleted` once.
pub(crate) fn run<T: HandlerClass>(shared: &Shared<T>, session: &Session) {
    let mut failed = false;
    for index in 0..session.items.len() {
        let mut item = ItemSync {
            session,
            index,
            callback: &shared.callback,
        };
        let status = match session.cancelled(index) {
            Some(status) => status,
            None => synchronize_one(shared, &mut item),
        };
        failed |= status == SyncStatus::Failed;
        let callback = shared.callback.get();
        if let Some(callback) = callback {
            callback.status(&item.id(), status, Some(final_text(status)), None);
        }
    }
    shared.end_session();
    if let Some(callback) = shared.callback.get() {
        callback.synchronize_completed(if failed { abi::E_FAIL } else { abi::S_OK });
    }
}

/// Runs the handler on one item and decides its final status.
fn synchronize_one<T: HandlerClass>(shared: &Shared<T>, item: &mut ItemSync<'_>) -> SyncStatus {
    item.report(SyncStatus::Updating, Some("Synchronizing"), Some((0, 100)));
    if let Some(status) = item.session.cancelled(item.index) {
        return status;
    }
    let outcome = catch(|| shared.handler.synchronize_item(item));
    if let Some(status) = item.session.cancelled(item.index) {
        return status;
    }
    let text = match outcome {
        Ok(Ok(())) => return SyncStatus::Succeeded,
        Ok(Err(error)) if error.is_cancelled() => return SyncStatus::Skipped,
        Ok(Err(error)) => format!("{}: {}", item.name(), error.message()),
        Err(panic) => format!(
            "{}: {}",
            item.name(),
            panic_text("synchronize_item", &panic)
        ),
    };
    item.log(LogLevel::Error, &text);
    SyncStatus::Failed
}

fn final_text(status: SyncStatus) -> &'static str {
    match status {
        SyncStatus::Succeeded => "Done",
        SyncStatus::Skipped => "Skipped",
        SyncStatus::Stopped => "Stopped",
        _ => "Failed",
    }
}
