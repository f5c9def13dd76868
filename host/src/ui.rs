//! The live display: one progress bar per session item and the handler's log lines.
//!
//! The bars draw only on a terminal; otherwise (and with `--json`) they are hidden, and log
//! lines are printed plainly (or not at all with `--json`).

use crate::callback::LogLine;
use crate::check::{Progress, is_final};
use crate::names::{log_level_name, status_name};
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::io::IsTerminal;
use syncmgr::GUID;

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
        if progress.status.is_some_and(is_final) {
            if progress.status == Some(abi_succeeded()) {
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

fn abi_succeeded() -> u32 {
    syncmgr::abi::SYNCMGRSTATUS_SUCCEEDED as u32
}
