//! A sync session: the items of one round (the Sync Manager's `PrepareForSync`/`Synchronize`,
//! or one Sync Center `Synchronize`), their cancellation, and the worker that synchronizes
//! them, reporting to either host ([`Host`]).

use crate::callback::{CallbackSlot, LogLevel, ProgressReply};
use crate::catalog::Catalog;
use crate::center::Reporter;
use crate::guard::{catch, lock, panic_text};
use crate::guid_hash::GuidIndex;
use crate::{Error, HandlerClass, ItemFlags, Result, SyncStatus, abi};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;
use windows_core::{GUID, HRESULT};

/// [`SessionItem::cancel`]: not cancelled.
const RUNNING: u8 = 0;
/// Skipped by `SetItemStatus(SKIPPED)`, `S_SYNCMGR_CANCELITEM` or `DELETED`: ends `SKIPPED`.
const SKIPPED: u8 = 1;
/// Stopped by `SetItemStatus(item, STOPPED)`: ends `STOPPED`.
const STOPPED: u8 = 2;

/// How often a held item looks whether its callback is gone (nobody to resume it).
const HOLD_POLL: Duration = Duration::from_millis(50);

struct SessionItem {
    id: GUID,
    name: String,
    flags: ItemFlags,
    /// `SetItemStatus(PAUSED)` until `RESUMING`.
    paused: AtomicBool,
}

/// The items of one session, in the order `PrepareForSync` gave them.
pub(crate) struct Session {
    items: Box<[SessionItem]>,
    /// Per item, `RUNNING` or how it was cancelled (the first cancellation wins). Kept apart
    /// from `items`, one byte each, so that a `SetItemStatus` in a large session touches a
    /// dense, mostly cached array instead of a cold 48-byte record.
    cancel: Box<[AtomicU8]>,
    /// Position in `items` of each id; `SetItemStatus` looks its item up here.
    index: GuidIndex,
    /// `SetItemStatus(GUID_NULL, STOPPED)` or `S_SYNCMGR_CANCELALL`: the rest ends `STOPPED`.
    stop_all: AtomicBool,
    /// Paused items; only while there are some does a change wake the worker.
    paused: AtomicUsize,
    /// No item holds any more: the handler object is gone.
    unheld: AtomicBool,
    /// Where a held worker waits, and what wakes it.
    hold: Mutex<()>,
    wake: Condvar,
}

impl Session {
    /// The session for `ids`: every id must be an item of `catalog` (`E_INVALIDARG`
    /// otherwise); repeated ids count once.
    pub(crate) fn new(catalog: &Catalog, ids: &[GUID]) -> Result<Self, HRESULT> {
        let mut owned = GuidIndex::with_capacity(catalog.items.len());
        for (position, item) in catalog.items.iter().enumerate() {
            owned.insert(&item.id, position);
        }
        let mut index = GuidIndex::with_capacity(ids.len());
        let mut items = Vec::with_capacity(ids.len());
        for id in ids {
            let Some(position) = owned.get(id) else {
                return Err(abi::E_INVALIDARG);
            };
            if index.insert(id, items.len()) != items.len() {
                continue; // repeated: it counts once
            }
            let record = &catalog.items[position];
            items.push(SessionItem {
                id: *id,
                name: record.name.clone(),
                flags: record.flags,
                paused: AtomicBool::new(false),
            });
        }
        Ok(Self {
            cancel: items.iter().map(|_| AtomicU8::new(RUNNING)).collect(),
            items: items.into_boxed_slice(),
            index,
            stop_all: AtomicBool::new(false),
            paused: AtomicUsize::new(0),
            unheld: AtomicBool::new(false),
            hold: Mutex::new(()),
            wake: Condvar::new(),
        })
    }

    /// The session's item ids, in order.
    pub(crate) fn ids(&self) -> Vec<GUID> {
        self.items.iter().map(|item| item.id).collect()
    }

    #[inline]
    pub(crate) fn index_of(&self, id: &GUID) -> Option<usize> {
        self.index.get(id)
    }

    #[inline]
    pub(crate) fn flags(&self, index: usize) -> ItemFlags {
        self.items[index].flags
    }

    /// Skips one item (unless it was cancelled already).
    #[inline]
    pub(crate) fn skip(&self, index: usize) {
        self.cancel(index, SKIPPED);
    }

    /// Stops one item (unless it was cancelled already).
    pub(crate) fn stop(&self, index: usize) {
        self.cancel(index, STOPPED);
    }

    #[inline]
    fn cancel(&self, index: usize, how: u8) {
        let _ =
            self.cancel[index].compare_exchange(RUNNING, how, Ordering::AcqRel, Ordering::Acquire);
        self.wake();
    }

    /// Stops every item that has not been cancelled otherwise.
    #[inline]
    pub(crate) fn cancel_all(&self) {
        self.stop_all.store(true, Ordering::Release);
        self.wake();
    }

    /// Holds the item at its next `progress` or `check` until [`resume`](Self::resume).
    pub(crate) fn pause(&self, index: usize) {
        if !self.items[index].paused.swap(true, Ordering::AcqRel) {
            self.paused.fetch_add(1, Ordering::AcqRel);
        }
    }

    /// Lets a paused item go on.
    pub(crate) fn resume(&self, index: usize) {
        if self.items[index].paused.swap(false, Ordering::AcqRel) {
            self.paused.fetch_sub(1, Ordering::AcqRel);
            // Woken whatever the count is now: this item may be the one that waits.
            let _guard = lock(&self.hold);
            self.wake.notify_all();
        }
    }

    /// No item holds any more, paused or not: the handler object is gone, nobody can resume.
    pub(crate) fn release_holds(&self) {
        self.unheld.store(true, Ordering::Release);
        self.wake();
    }

    /// Wakes a held worker, if an item is paused (the only time one waits).
    #[inline]
    fn wake(&self) {
        if self.paused.load(Ordering::Acquire) != 0 || self.unheld.load(Ordering::Acquire) {
            let _guard = lock(&self.hold);
            self.wake.notify_all();
        }
    }

    /// The final status a cancelled item ends with, or `None` if it is not cancelled.
    fn cancelled(&self, index: usize) -> Option<SyncStatus> {
        match self.cancel[index].load(Ordering::Acquire) {
            SKIPPED => Some(SyncStatus::Skipped),
            STOPPED => Some(SyncStatus::Stopped),
            _ if self.stop_all.load(Ordering::Acquire) => Some(SyncStatus::Stopped),
            _ => None,
        }
    }

    /// Whether the item holds now: paused, not cancelled, not released.
    fn holds(&self, index: usize) -> bool {
        self.items[index].paused.load(Ordering::Acquire)
            && !self.unheld.load(Ordering::Acquire)
            && self.cancelled(index).is_none()
    }

    /// Acts on the host's answer to a report.
    ///
    /// Always inlined: every `progress` ends here, and out of line (as the compiler chose once
    /// `check` called it too) it cost 15 instructions per `progress`
    /// (`bench-instructions dispatch/progress`: 295 → 280).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn apply(&self, index: usize, reply: ProgressReply) {
        match reply {
            ProgressReply::Continue => {}
            ProgressReply::CancelItem => self.skip(index),
            ProgressReply::CancelAll => self.cancel_all(),
        }
    }
}

/// Whom the worker reports to: the Sync Manager or Sync Center.
#[derive(Clone, Copy)]
pub(crate) enum Host<'a> {
    /// The Sync Manager's callback slot, read at every call: once `SetProgressCallback`
    /// replaced or removed the callback, no call reaches the old one and its reference is
    /// released.
    SyncManager(&'a CallbackSlot),
    /// The `ISyncMgrSyncCallback` of a Sync Center session.
    SyncCenter(&'a Reporter),
}

impl Host<'_> {
    /// Reports `status` for the item at `index` (id `item`) and returns the host's answer.
    #[inline]
    fn status(
        self,
        index: usize,
        item: &GUID,
        status: SyncStatus,
        text: Option<&str>,
        values: Option<(u32, u32)>,
    ) -> ProgressReply {
        match self {
            Self::SyncManager(slot) => match slot.get() {
                Some(callback) => callback.status(item, status, text, values),
                // Nobody listens any more (`SetProgressCallback(NULL)`): stop the work.
                None => ProgressReply::CancelAll,
            },
            Self::SyncCenter(reporter) => reporter.status(index, status, text, values),
        }
    }

    /// A log entry (`LogError`, or a Sync Center event), about `item` when given, with an
    /// error id the user can open when given.
    pub(crate) fn log_entry(
        self,
        level: LogLevel,
        text: &str,
        item: Option<&GUID>,
        error_id: Option<GUID>,
    ) {
        match self {
            Self::SyncManager(slot) => {
                if let Some(callback) = slot.get() {
                    callback.log_entry(level, text, item, error_id);
                }
            }
            Self::SyncCenter(reporter) => reporter.event(level, text, item),
        }
    }

    /// A log entry without an error id.
    pub(crate) fn log(self, level: LogLevel, text: &str, item: Option<&GUID>) {
        self.log_entry(level, text, item, None);
    }

    /// Whether anybody listens: the Sync Manager's callback may be removed mid-session.
    fn listening(self) -> bool {
        match self {
            Self::SyncManager(slot) => slot.get().is_some(),
            Self::SyncCenter(_) => true,
        }
    }

    /// Asks the host whether the item at `index` may go on, where the host has such a call
    /// (Sync Center's `CanContinue`); the Sync Manager tells through `SetItemStatus` instead.
    fn poll(self, index: usize) -> ProgressReply {
        match self {
            Self::SyncManager(_) => ProgressReply::Continue,
            Self::SyncCenter(reporter) => reporter.can_continue(index),
        }
    }
}

/// The item being synchronized, as `SyncHandler::synchronize_item` sees it.
pub struct ItemSync<'a> {
    session: &'a Session,
    index: usize,
    host: Host<'a>,
    /// The handler declared `flags(may_establish_connection)`.
    may_connect: bool,
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
    /// units of work ends the item promptly. While the item is paused (`SetItemStatus(PAUSED)`)
    /// this waits, having reported `PAUSED`, until it is resumed (`RESUMING`, reported too) or
    /// cancelled. In Sync Center this also asks whether the item may go on (`CanContinue`).
    pub fn check(&self) -> Result<()> {
        self.session.apply(self.index, self.host.poll(self.index));
        self.settle()
    }

    /// [`check`](Self::check) without asking the host: right after a report, whose answer
    /// already said whether the item may go on.
    fn settle(&self) -> Result<()> {
        if self.item().paused.load(Ordering::Relaxed) {
            self.hold();
        }
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
        self.settle()
    }

    /// Reports a status text without values (`UPDATING`) and then [`check`](Self::check)s.
    pub fn status_text(&mut self, text: &str) -> Result<()> {
        self.report(SyncStatus::Updating, Some(text), None);
        self.settle()
    }

    /// Adds an entry about this item to the Sync Manager's log (`LogError`).
    pub fn log(&self, level: LogLevel, text: &str) {
        self.host.log(level, text, Some(&self.item().id));
    }

    /// Asks the Sync Manager to establish a network connection (`EstablishConnection`): the
    /// named one (a dial-up or VPN entry), or the default one with `None`. The Sync Manager
    /// keeps every connection it made until all handlers are done. Only for a handler declared
    /// with `#[sync_handler(flags(may_establish_connection))]`, which tells the Sync Manager it
    /// may ask; without the flag this is `Err` (`E_UNEXPECTED`) and nothing is asked. The Sync
    /// Manager's failure is the `Err`'s HRESULT.
    ///
    /// ```
    /// use syncmgr::{ItemSync, SyncHandler, sync_handler};
    ///
    /// #[sync_handler(
    ///     clsid = "8c1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
    ///     name = "Office mail",
    ///     flags(may_establish_connection),
    ///     item(id = "9d2f3a4b-5c6d-4e7f-8091-a2b3c4d5e6f7", name = "Inbox"),
    /// )]
    /// struct OfficeMail;
    ///
    /// impl SyncHandler for OfficeMail {
    ///     fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
    ///         // The mail server is on the office network: dial in first.
    ///         item.establish_connection(Some("Office VPN"))?;
    ///         item.progress(1, 1, "Fetching mail")
    ///     }
    /// }
    /// # drop(syncmgr::create(OfficeMail));
    /// ```
    pub fn establish_connection(&self, name: Option<&str>) -> Result<()> {
        if !self.may_connect {
            return Err(Error::new(
                abi::E_UNEXPECTED,
                "establish_connection needs #[sync_handler(flags(may_establish_connection))]",
            ));
        }
        let Host::SyncManager(slot) = self.host else {
            return Err(Error::new(
                abi::E_NOTIMPL,
                "Sync Center establishes no connections: the handler connects on its own",
            ));
        };
        let Some(callback) = slot.get() else {
            return Err(Error::new(
                abi::E_UNEXPECTED,
                "no Sync Manager callback to ask for a connection",
            ));
        };
        let hr = callback.establish_connection(name);
        if hr.is_ok() {
            Ok(())
        } else {
            Err(Error::new(
                hr,
                "the Sync Manager could not establish the connection",
            ))
        }
    }

    /// Logs an error about this item that the user can open: the entry gets an error id (the
    /// Sync Manager offers to open it), and when the user does, [`SyncHandler::show_error`]
    /// receives a [`LoggedError`] with this text and `context` back. Returns the error id.
    ///
    /// [`SyncHandler::show_error`]: crate::SyncHandler::show_error
    /// [`LoggedError`]: crate::LoggedError
    pub fn log_error(&self, text: &str, context: impl std::any::Any + Send + Sync) -> GUID {
        let item = self.item().id;
        let id = crate::errors::keep(Some(item), text, Some(std::sync::Arc::new(context)));
        self.host
            .log_entry(LogLevel::Error, text, Some(&item), Some(id));
        id
    }

    /// Waits while the item is paused: reports `PAUSED`, waits until it is resumed, cancelled,
    /// released or nobody listens any more, and reports `RESUMING` when it goes on.
    #[cold]
    fn hold(&self) {
        let session = self.session;
        if !session.holds(self.index) {
            return;
        }
        self.report(SyncStatus::Paused, Some("Paused"), None);
        let mut guard = lock(&session.hold);
        while session.holds(self.index) && self.host.listening() {
            guard = session
                .wake
                .wait_timeout(guard, HOLD_POLL)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
        drop(guard);
        if session.cancelled(self.index).is_none() {
            self.report(SyncStatus::Resuming, Some("Resuming"), None);
        }
    }

    /// Reports a status and applies the host's answer.
    fn report(&self, status: SyncStatus, text: Option<&str>, values: Option<(u32, u32)>) {
        let reply = self
            .host
            .status(self.index, &self.item().id, status, text, values);
        self.session.apply(self.index, reply);
    }
}

/// The worker: synchronizes every item of `session` in order, reports exactly one final status
/// per item, runs the session hooks around them, and says whether any item failed. The caller
/// closes the session and tells the host that it ended (the Sync Manager's
/// `SynchronizeCompleted`; Sync Center's `Synchronize` returning).
///
/// It is given what it needs (the handler, its host and the session), not the COM object, which
/// may be released while the worker runs.
pub(crate) fn run<T: HandlerClass>(handler: &T, host: Host<'_>, session: &Session) -> bool {
    let mut failed = false;
    let ids = session.ids();
    // The session hook: its failure fails every item, with the reason in the log.
    let begun = match catch(|| handler.begin_session(&ids)) {
        Ok(Ok(())) => None,
        Ok(Err(error)) => Some(format!("begin_session: {}", error.message())),
        Err(panic) => Some(panic_text("begin_session", &panic)),
    };
    if let Some(text) = &begun {
        host.log(LogLevel::Error, text, None);
    }
    let mut outcomes = Vec::with_capacity(ids.len());
    for index in 0..session.items.len() {
        let mut item = ItemSync {
            session,
            index,
            host,
            may_connect: T::DECL
                .flags
                .contains(crate::HandlerFlags::MAY_ESTABLISH_CONNECTION),
        };
        let status = match (session.cancelled(index), &begun) {
            (Some(status), _) => status,
            (None, Some(_)) => SyncStatus::Failed,
            (None, None) => synchronize_one(handler, &mut item),
        };
        failed |= status == SyncStatus::Failed;
        outcomes.push((item.id(), status));
        let _ = host.status(index, &item.id(), status, Some(final_text(status)), None);
    }
    // The closing hook: after the last final status, before the completion; its failure is a
    // warning in the log.
    let warning = match catch(|| handler.end_session(&outcomes)) {
        Ok(Ok(())) => None,
        Ok(Err(error)) => Some(format!("end_session: {}", error.message())),
        Err(panic) => Some(panic_text("end_session", &panic)),
    };
    if let Some(text) = warning {
        host.log(LogLevel::Warning, &text, None);
    }
    failed
}

/// Runs the handler on one item and decides its final status.
fn synchronize_one<T: HandlerClass>(handler: &T, item: &mut ItemSync<'_>) -> SyncStatus {
    item.report(SyncStatus::Updating, Some("Synchronizing"), Some((0, 100)));
    if let Some(status) = item.session.cancelled(item.index) {
        return status;
    }
    let outcome = catch(|| handler.synchronize_item(item));
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
