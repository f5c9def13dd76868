//! The live display: one progress bar per session item and the handler's log lines.
//!
//! The bars draw only on a terminal; otherwise (and with `--json`) they are hidden, and log
//! lines are printed plainly (or not at all with `--json`).

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::io::IsTerminal;
use syncmgr::protocol::{HANDLER_FLAG_NAMES, ITEM_FLAG_NAMES};
use syncmgr::{GUID, SyncStatus};
use syncmgr_test::{
    HandlerInfo, ItemInfo, LogLine, Observer, Progress, flag_names, log_level_name, status_name,
};

/// The display.
#[derive(Debug)]
pub struct Ui {
    multi: MultiProgress,
    bars: HashMap<GUID, ProgressBar>,
    names: HashMap<GUID, String>,
    /// Draw bars (a terminal, not `--json`).
    live: bool,
    /// Print anything at all (not `--json`).
    text: bool,
}

impl Ui {
    /// A display for stdout; `json` silences it.
    #[must_use]
    pub fn new(json: bool) -> Self {
        let live = !json && std::io::stdout().is_terminal();
        let target = if live {
            ProgressDrawTarget::stdout()
        } else {
            ProgressDrawTarget::hidden()
        };
        Self {
            multi: MultiProgress::with_draw_target(target),
            bars: HashMap::new(),
            names: HashMap::new(),
            live,
            text: !json,
        }
    }

    /// Whether human text is printed.
    #[must_use]
    pub fn prints(&self) -> bool {
        self.text
    }

    /// Prints a line above the bars (or plainly).
    pub fn println(&self, line: &str) {
        if !self.text {
            return;
        }
        if self.live {
            // Fall back to a plain line if the terminal went away.
            if self.multi.println(line).is_err() {
                println!("{line}");
            }
        } else {
            println!("{line}");
        }
    }

    /// Adds a bar per session item.
    pub fn start(&mut self, items: &[(GUID, String)]) {
        let width = items
            .iter()
            .map(|(_, name)| name.chars().count())
            .max()
            .unwrap_or(0);
        let template = format!("  {{prefix:<{width}}} [{{bar:30}}] {{percent:>3}}% {{msg}}");
        let style = ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        for (id, name) in items {
            let bar = self.multi.add(ProgressBar::new(100));
            bar.set_style(style.clone());
            bar.set_prefix(name.clone());
            bar.set_message("pending");
            self.bars.insert(*id, bar);
            self.names.insert(*id, name.clone());
        }
    }

    /// Shows one `Progress` call.
    pub fn progress(&self, item: &GUID, progress: &Progress, cancelling: bool) {
        let Some(bar) = self.bars.get(item) else {
            return;
        };
        if let Some(max) = progress.max {
            bar.set_length(u64::try_from(max).unwrap_or(0));
        }
        if let Some(value) = progress.value {
            bar.set_position(u64::try_from(value).unwrap_or(0));
        }
        let status = progress.status.and_then(status_name);
        let text = progress.text.as_ref().and_then(|text| text.as_ref().ok());
        let mut message = match (status, text) {
            (Some(status), Some(text)) => format!("{status}: {text}"),
            (Some(status), None) => status.to_owned(),
            (None, Some(text)) => text.clone(),
            (None, None) => return,
        };
        if cancelling {
            message.push_str(" (skip requested)");
        }
        let status = progress
            .status
            .and_then(|status| SyncStatus::try_from(status).ok());
        if status.is_some_and(SyncStatus::is_final) {
            if status == Some(SyncStatus::Succeeded) {
                bar.finish_with_message(message);
            } else {
                // Keeps the bar where the item stopped.
                bar.abandon_with_message(message);
            }
        } else {
            bar.set_message(message);
        }
    }

    /// Shows one `LogError` entry.
    pub fn log(&self, line: &LogLine) {
        let level = log_level_name(line.level).unwrap_or("log");
        let item = line
            .item
            .and_then(|id| self.names.get(&id).cloned())
            .map(|name| format!(" [{name}]"))
            .unwrap_or_default();
        self.println(&format!("  {level:<7}{item} {}", line.text));
    }

    /// Leaves the bars as they are (finished or not) and stops drawing.
    pub fn stop(&self) {
        for bar in self.bars.values() {
            if !bar.is_finished() {
                bar.abandon();
            }
        }
    }
}

/// The display watches the session: the handler and its items, a bar per session item, the
/// log.
pub struct Display {
    /// The display.
    pub ui: Ui,
    /// The CLSID, for the handler line.
    pub clsid: GUID,
}

impl Observer for Display {
    fn enumerated(&mut self, handler: &HandlerInfo, items: &[ItemInfo]) {
        if !self.ui.prints() {
            return;
        }
        let name = handler.name.as_deref().unwrap_or("?");
        let flags = handler.flags.map_or_else(
            || "-".to_owned(),
            |flags| flag_names(flags, HANDLER_FLAG_NAMES),
        );
        self.ui.println(&format!(
            "Handler \"{name}\" {{{:?}}}  flags: {flags}",
            self.clsid
        ));
        self.ui.println(&format!("{} item(s):", items.len()));
        for item in items {
            self.ui.println(&format!(
                "  {{{:?}}}  {:<24} {:<9} flags: {}",
                item.id,
                item.name,
                crate::report::item_state(item.state),
                flag_names(item.flags, ITEM_FLAG_NAMES)
            ));
        }
    }

    fn started(&mut self, items: &[(GUID, String)]) {
        self.ui.start(items);
    }

    fn progress(&mut self, item: &GUID, progress: &Progress, cancelling: bool) {
        self.ui.progress(item, progress, cancelling);
    }

    fn log(&mut self, line: &LogLine) {
        self.ui.log(line);
    }

    fn stopped(&mut self) {
        self.ui.stop();
    }
}
