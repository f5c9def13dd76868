//! What a session produced.

use crate::callback::{HandlerInfo, ItemInfo, LogLine, Trigger};
use crate::check::{EventCounts, ItemTrack, Progress, Violation, is_final};
use std::time::Duration;
use syncmgr::{GUID, HRESULT, LogLevel, SyncStatus};

/// Which callback the driver passes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallbackKind {
    /// An ordinary object of the driver's thread, as the Sync Manager's: on Windows it does
    /// not answer `IAgileObject`, the driver's thread pumps messages while it waits, and a call
    /// on another thread is a [`ViolationKind::WrongApartment`](crate::ViolationKind). Off
    /// Windows there are no apartments and this is the same as `Agile`.
    Apartment,
    /// A callback that answers `IAgileObject` on Windows: the handler may call it from any
    /// thread, and the driver waits without pumping messages.
    Agile,
}

impl Default for CallbackKind {
    /// `Apartment` on Windows (the Sync Manager's kind), `Agile` elsewhere.
    fn default() -> Self {
        if cfg!(windows) {
            Self::Apartment
        } else {
            Self::Agile
        }
    }
}

impl CallbackKind {
    /// `Agile` when `agile`, else `Apartment`.
    pub(crate) const fn agile_if(agile: bool) -> Self {
        if agile { Self::Agile } else { Self::Apartment }
    }

    /// Whether the driver's waits dispatch messages.
    #[must_use]
    pub fn pumps(self) -> bool {
        cfg!(windows) && self == Self::Apartment
    }

    /// `apartment` or `agile`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Apartment => "apartment",
            Self::Agile => "agile",
        }
    }
}

/// One call the driver made and its answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    /// `Initialize`, `SetItemStatus({…}, SKIPPED)`, …
    pub method: String,
    /// The answer.
    pub hr: HRESULT,
}

/// Everything a session showed: the driver's calls, the handler's callbacks, the checker's
/// verdict. `H` is the handler type of an in-process session, whose state
/// [`handler`](Self::handler) shows afterwards.
pub struct Report<H = ()> {
    /// The handler's own description.
    pub handler: HandlerInfo,
    /// `dwSyncMgrFlags` passed to `Initialize`.
    pub initialize_flags: u32,
    /// The callback the driver passed.
    pub callback: CallbackKind,
    /// From the `Synchronize` call until the driver saw `SynchronizeCompleted`.
    pub synchronize_time: Option<Duration>,
    /// The driver's calls, in order (those made during a `Progress` call last).
    pub calls: Vec<Call>,
    /// Every enumerated item.
    pub items: Vec<ItemInfo>,
    /// The session's items, in `PrepareForSync` order.
    pub selected: Vec<GUID>,
    /// What each session item reported.
    pub tracks: Vec<ItemTrack>,
    /// `LogError` entries, in order.
    pub log: Vec<LogLine>,
    /// Every `Progress` call: when (from the driver's start), the item, what it said.
    pub trace: Vec<(Duration, GUID, Option<Progress>)>,
    /// Callback calls by kind.
    pub counts: EventCounts,
    /// Protocol violations.
    pub violations: Vec<Violation>,
    /// Why the session did not run to its end, when it did not (besides violations).
    pub problems: Vec<String>,
    /// Other remarks.
    pub notes: Vec<String>,
    /// What the Sync Manager would show oddly, though no rule is broken.
    pub warnings: Vec<String>,
    /// Planned answers and calls whose moment never came.
    pub unfired: Vec<Trigger>,
    /// Each `ShowPropertiesCompleted`'s HRESULT, in order.
    pub properties_completions: Vec<HRESULT>,
    /// Each `ShowErrorCompleted`: its HRESULT and the items to synchronize again.
    pub error_completions: Vec<(HRESULT, Vec<GUID>)>,
    /// Each `EstablishConnection`: the connection's name (`None`: the default one).
    pub connections: Vec<Option<String>>,
    pub(crate) object: Option<std::sync::Arc<H>>,
}

impl<H> core::fmt::Debug for Report<H> {
    /// Everything but the handler value, which need not be `Debug`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Report")
            .field("handler", &self.handler)
            .field("callback", &self.callback)
            .field("calls", &self.calls)
            .field("items", &self.items)
            .field("selected", &self.selected)
            .field("tracks", &self.tracks)
            .field("log", &self.log)
            .field("counts", &self.counts)
            .field("violations", &self.violations)
            .field("problems", &self.problems)
            .field("notes", &self.notes)
            .field("warnings", &self.warnings)
            .finish_non_exhaustive()
    }
}

impl<H> Default for Report<H> {
    fn default() -> Self {
        Self {
            handler: HandlerInfo::default(),
            initialize_flags: 0,
            callback: CallbackKind::default(),
            synchronize_time: None,
            calls: Vec::new(),
            items: Vec::new(),
            selected: Vec::new(),
            tracks: Vec::new(),
            log: Vec::new(),
            trace: Vec::new(),
            counts: EventCounts::default(),
            violations: Vec::new(),
            problems: Vec::new(),
            notes: Vec::new(),
            warnings: Vec::new(),
            unfired: Vec::new(),
            properties_completions: Vec::new(),
            error_completions: Vec::new(),
            connections: Vec::new(),
            object: None,
        }
    }
}

impl<H> Report<H> {
    pub(crate) fn with_object<T>(self, object: Option<std::sync::Arc<T>>) -> Report<T> {
        Report {
            handler: self.handler,
            initialize_flags: self.initialize_flags,
            callback: self.callback,
            synchronize_time: self.synchronize_time,
            calls: self.calls,
            items: self.items,
            selected: self.selected,
            tracks: self.tracks,
            log: self.log,
            trace: self.trace,
            counts: self.counts,
            violations: self.violations,
            problems: self.problems,
            notes: self.notes,
            warnings: self.warnings,
            unfired: self.unfired,
            properties_completions: self.properties_completions,
            error_completions: self.error_completions,
            connections: self.connections,
            object,
        }
    }

    /// The protocol violations; empty for a conforming handler.
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Whether the session ran to its end with no violation and no problem.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        crate::check::is_clean(&self.violations, &self.problems)
    }

    /// Checks that the session was clean.
    ///
    /// # Panics
    /// When there were violations or problems, listing them.
    #[track_caller]
    pub fn assert_clean(&self) {
        crate::check::assert_clean("the session", &self.violations, &self.problems);
    }

    fn track(&self, item: GUID) -> Option<&ItemTrack> {
        self.tracks.iter().find(|track| track.id == item)
    }

    /// The final status `item` reported (the first, if it reported several), or `None`.
    #[must_use]
    pub fn final_status(&self, item: GUID) -> Option<SyncStatus> {
        let status = *self.track(item)?.finals.first()?;
        SyncStatus::try_from(status).ok()
    }

    /// Every status `item` reported through `Progress`, in order (values that are not
    /// `SYNCMGRSTATUS` values left out).
    #[must_use]
    pub fn statuses(&self, item: GUID) -> Vec<SyncStatus> {
        self.progress(item)
            .filter_map(|progress| progress.status)
            .filter_map(|status| SyncStatus::try_from(status).ok())
            .collect()
    }

    /// The `Progress` calls for `item`, decoded, in order.
    pub fn progress(&self, item: GUID) -> impl Iterator<Item = &Progress> {
        self.trace
            .iter()
            .filter(move |(_, id, _)| *id == item)
            .filter_map(|(_, _, progress)| progress.as_ref())
    }

    /// The status texts `item` reported, in order.
    #[must_use]
    pub fn texts(&self, item: GUID) -> Vec<&str> {
        self.progress(item)
            .filter_map(|progress| progress.text.as_ref()?.as_deref().ok())
            .collect()
    }

    /// The `LogError` entries, in order.
    #[must_use]
    pub fn log(&self) -> &[LogLine] {
        &self.log
    }

    /// The texts of the `LogError` entries of `level`.
    #[must_use]
    pub fn logged(&self, level: LogLevel) -> Vec<&str> {
        self.log
            .iter()
            .filter(|line| line.level == level as u32)
            .map(|line| line.text.as_str())
            .collect()
    }

    /// Whether every session item ended with a final status and none failed.
    #[must_use]
    pub fn all_succeeded(&self) -> bool {
        !self.tracks.is_empty()
            && self
                .tracks
                .iter()
                .all(|track| track.finals.first().copied() == Some(SyncStatus::Succeeded.to_u32()))
    }

    /// The answer the driver got for the first call whose label starts with `method`.
    #[must_use]
    pub fn answer(&self, method: &str) -> Option<HRESULT> {
        self.calls
            .iter()
            .find(|call| call.method.starts_with(method))
            .map(|call| call.hr)
    }

    /// How many `Progress` calls the session made (for every item).
    #[must_use]
    pub fn progress_calls(&self) -> usize {
        self.trace.len()
    }

    /// Whether any status `item` reported is final.
    #[must_use]
    pub fn ended(&self, item: GUID) -> bool {
        self.track(item)
            .is_some_and(|track| track.finals.iter().any(|&status| is_final(status)))
    }
}

impl<H> Report<H> {
    /// The handler of an in-process session, after the session: its state as the session left
    /// it (the object and its worker are gone by then).
    ///
    /// # Panics
    /// For a session on a loaded library, which has no handler value here.
    #[must_use]
    pub fn handler(&self) -> &H {
        self.object
            .as_deref()
            .expect("a session on a library has no handler value; use Session::new(handler)")
    }
}
