//! The command line.

// The doc comments below are the `--help` text: Win32 names stay bare there, not in backticks.
#![allow(clippy::doc_markdown)]

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;
use syncmgr::abi;
use syncmgr::{GUID, SyncStatus};
use syncmgr_test::{When, parse_guid};

/// Loads a Sync Manager handler the way the Sync Manager does and drives one full session:
/// Initialize, GetHandlerInfo, EnumSyncMgrItems, SetProgressCallback, PrepareForSync,
/// Synchronize, SetProgressCallback(NULL), Release, checking the protocol as it goes.
///
/// Exit codes: 0 = conforming session, every item succeeded or was skipped as asked;
/// 1 = conforming, but a call failed or an item did not end as asked;
/// 2 = protocol violations (listed); 3 = the handler could not be loaded or created;
/// 64 = bad command line.
#[derive(Debug, Parser)]
#[allow(clippy::struct_excessive_bools)] // independent command-line switches
#[command(
    name = "syncmgr-host",
    version,
    max_term_width = 100,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
// Off Windows there is no COM registry, so the handler is a DLL or an example. On Windows --clsid
// alone is one too: CoCreateInstance finds the DLL that regsvr32 registered.
#[cfg_attr(
    not(windows),
    command(group(clap::ArgGroup::new("handler").required(true).args(["dll", "example"])))
)]
#[cfg_attr(
    windows,
    command(group(
        clap::ArgGroup::new("handler")
            .required(true)
            .multiple(true)
            .args(["dll", "example", "clsid"])
    ))
)]
pub struct Args {
    /// `new PATH`: create a handler crate instead of running one.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The handler DLL (shared library off Windows). Without --clsid, the one handler class it
    /// serves (a syncmgr library names its classes; --list shows them). Windows: optional, as
    /// --clsid alone creates the handler through COM (the DLL registered by regsvr32); needed
    /// for --register and --unregister.
    #[arg(value_name = "DLL")]
    pub dll: Option<PathBuf>,

    /// Build one of the workspace's example handlers (`cargo build -p example-NAME`) and use
    /// its library and CLSID.
    #[arg(long, value_name = "NAME", conflicts_with = "dll")]
    pub example: Option<String>,

    /// The handler's CLSID, as passed to DllGetClassObject / CoCreateInstance.
    #[arg(long, value_name = "GUID", value_parser = parse_guid)]
    pub clsid: Option<GUID>,

    /// The sync event passed to Initialize.
    #[arg(long, value_enum, default_value_t = SyncEvent::Manual)]
    pub event: SyncEvent,

    /// Add SYNCMGRFLAG_MAYBOTHERUSER (UI permitted) to the Initialize flags.
    #[arg(long)]
    pub may_bother_user: bool,

    /// Windows: pass a callback that answers IAgileObject, so the handler may call it from any
    /// thread, and wait without pumping messages. By default the callback is an ordinary
    /// apartment object of the host's STA thread, which pumps messages while it waits, as the
    /// Sync Manager's is; every call on another thread is a violation. With --sync-center: the
    /// session creator and callback answer IAgileObject; by default they are apartment objects
    /// of the Synchronize thread. No effect elsewhere.
    #[arg(long)]
    pub agile_callback: bool,

    /// Add SYNCMGRFLAG_SETTINGS (configuration only) to the Initialize flags.
    #[arg(long)]
    pub settings: bool,

    /// Synchronize these items (comma-separated ids or names). By default the items the
    /// handler marks checked, as the Sync Manager's dialog selects them.
    #[arg(long, value_name = "ITEM,...", value_delimiter = ',')]
    pub items: Vec<String>,

    /// Synchronize every item, checked or not.
    #[arg(long, conflicts_with = "items")]
    pub all_items: bool,

    /// Skip an item: `ITEM` right after Synchronize returns, `ITEM@MS` that many milliseconds
    /// later, `ITEM@#N` during its N-th Progress call (all via SetItemStatus(SKIPPED)), or
    /// `ITEM@PCT%` by answering its first Progress at or past PCT percent with
    /// S_SYNCMGR_CANCELITEM. Repeatable.
    #[arg(long, value_name = "ITEM[@MS|@#N|@PCT%]", value_parser = parse_skip)]
    pub skip: Vec<Planned>,

    /// Send SetItemStatus(ITEM, STATUS): ITEM an id, a name or `*` (GUID_NULL, every item);
    /// STATUS a SYNCMGRSTATUS name (`stopped`, `paused`, `deleted`, ...) or a number; when as
    /// for --skip (`@PCT%` sends it during that Progress call). Repeatable.
    #[arg(long, value_name = "ITEM=STATUS[@MS|@#N|@PCT%]", value_parser = parse_status)]
    pub status: Vec<Planned>,

    /// After the sync, call ShowProperties for ITEM (id or name), or without a value for the
    /// handler itself (GUID_NULL), and check its ShowPropertiesCompleted. Repeatable.
    #[arg(long, value_name = "ITEM", num_args = 0..=1, default_missing_value = "")]
    pub show_properties: Vec<String>,

    /// After the sync, call ShowError for the error id of the N-th logged entry that has one
    /// (from 0), and check its ShowErrorCompleted. Repeatable.
    #[arg(long, value_name = "N")]
    pub show_error: Vec<usize>,

    /// List the handler classes the library serves (CLSID and name) and exit.
    #[arg(long)]
    pub list: bool,

    /// How many items each ISyncMgrEnumItems::Next call asks for.
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub batch: u32,

    /// Seconds to wait for each completion callback.
    #[arg(long, value_name = "SECS", default_value_t = 60.0)]
    pub timeout: f64,

    /// Print one JSON document instead of the human report.
    #[arg(long)]
    pub json: bool,

    /// Play Sync Center instead of the Sync Manager: find the handler through its library's
    /// handler collection (GetHandlerEnumerator, BindToHandler), read its ISyncMgrHandler,
    /// ISyncMgrHandlerInfo and items, and call ISyncMgrHandler::Synchronize on a thread of its
    /// own with the host's session creator and ISyncMgrSyncCallback, checking Sync Center's
    /// rules. --items and --skip apply (a skip is Sync Center's cancel request: ITEM@#N during
    /// the item's N-th ReportProgress, * for every item).
    #[arg(long, conflicts_with_all = ["status", "show_properties", "show_error", "all_items"])]
    pub sync_center: bool,

    /// Windows: call DllRegisterServer before the session (S_FALSE: registered with COM, no
    /// Sync Manager installed).
    #[arg(long, requires = "dll")]
    pub register: bool,

    /// Windows: call DllUnregisterServer after the session.
    #[arg(long, requires = "dll")]
    pub unregister: bool,
}

impl Args {
    /// The `dwSyncMgrFlags` for Initialize.
    #[must_use]
    pub fn sync_flags(&self) -> u32 {
        let mut flags = self.event.flag() as u32;
        if self.may_bother_user {
            flags |= abi::SYNCMGRFLAG_MAYBOTHERUSER as u32;
        }
        if self.settings {
            flags |= abi::SYNCMGRFLAG_SETTINGS as u32;
        }
        flags
    }

    /// The items `--skip` names (`*` for every item).
    #[must_use]
    pub fn skip_items(&self) -> Vec<String> {
        self.skip
            .iter()
            .map(|skip| skip.item.clone().unwrap_or_else(|| "*".to_owned()))
            .collect()
    }

    /// The completion timeout.
    #[must_use]
    pub fn timeout(&self) -> Duration {
        Duration::try_from_secs_f64(self.timeout).unwrap_or(Duration::from_mins(1))
    }
}

/// What the host does instead of a session.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Creates a handler crate: one handler with one item, fresh random CLSID and item id, a
    /// session test with syncmgr-test, and the settings for building its Windows DLL.
    New(NewArgs),
}

/// `syncmgr-host new PATH [--name NAME] [--syncmgr-path DIR]`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The new crate's folder (created; must be empty if it exists). Its last component is the
    /// package name.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// The handler name the Sync Manager shows (at most 31 characters). Default: the package
    /// name.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Depend on the syncmgr checkout in DIR (its runtime/ and testkit/) instead of crates.io.
    #[arg(long, value_name = "DIR")]
    pub syncmgr_path: Option<PathBuf>,
}

/// `SYNCMGRFLAG_*` event codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SyncEvent {
    /// SYNCMGRFLAG_MANUAL: the user started it.
    Manual,
    /// SYNCMGRFLAG_CONNECT: a network connection came up.
    Connect,
    /// SYNCMGRFLAG_PENDINGDISCONNECT: a network connection is about to go down.
    PendingDisconnect,
    /// SYNCMGRFLAG_IDLE: the machine is idle.
    Idle,
    /// SYNCMGRFLAG_INVOKE: started through ISyncMgrSynchronizeInvoke.
    Invoke,
    /// SYNCMGRFLAG_SCHEDULED: a scheduled sync.
    Scheduled,
}

impl SyncEvent {
    /// The `SYNCMGRFLAG` event code.
    #[must_use]
    pub fn flag(self) -> abi::SYNCMGRFLAG {
        match self {
            Self::Manual => abi::SYNCMGRFLAG_MANUAL,
            Self::Connect => abi::SYNCMGRFLAG_CONNECT,
            Self::PendingDisconnect => abi::SYNCMGRFLAG_PENDINGDISCONNECT,
            Self::Idle => abi::SYNCMGRFLAG_IDLE,
            Self::Invoke => abi::SYNCMGRFLAG_INVOKE,
            Self::Scheduled => abi::SYNCMGRFLAG_SCHEDULED,
        }
    }
}

/// One `--skip` or `--status`: an item (by id or name; `*` for every item, `GUID_NULL`), what
/// to send, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// The item, by id or name; `None` for `*`.
    pub item: Option<String>,
    /// The raw `dwSyncMgrStatus`.
    pub status: u32,
    /// When.
    pub when: When,
}

/// Parses the moment after `@`: `MS` or `MSms` (that long after Synchronize returned), `PCT%`
/// (the item's first Progress at or past that percentage), `#N` (during the item's N-th
/// Progress call).
pub fn parse_when(spec: &str) -> Result<When, String> {
    if let Some(percent) = spec.strip_suffix('%') {
        let percent: u32 = percent
            .parse()
            .ok()
            .filter(|percent| *percent <= 100)
            .ok_or_else(|| format!("`{spec}`: expected a percentage 0%..100%"))?;
        return Ok(When::Percent(percent));
    }
    if let Some(calls) = spec.strip_prefix('#') {
        let calls: u32 = calls
            .parse()
            .ok()
            .filter(|calls| *calls > 0)
            .ok_or_else(|| format!("`{spec}`: expected a Progress call number (`#3`)"))?;
        return Ok(When::After(calls));
    }
    let ms: u64 = spec
        .strip_suffix("ms")
        .unwrap_or(spec)
        .parse()
        .map_err(|_| {
            format!("`{spec}`: expected milliseconds (`500`), a percentage (`50%`) or a Progress call (`#3`)")
        })?;
    Ok(When::Delay(Duration::from_millis(ms)))
}

/// Splits `TARGET[@WHEN]`; no `@` is right after Synchronize returns.
fn split_when(text: &str) -> Result<(&str, When), String> {
    match text.rsplit_once('@') {
        None => Ok((text, When::Delay(Duration::ZERO))),
        Some((target, spec)) => Ok((target, parse_when(spec)?)),
    }
}

/// Parses `--skip ITEM[@WHEN]`.
pub fn parse_skip(text: &str) -> Result<Planned, String> {
    let (item, when) = split_when(text)?;
    if item.is_empty() {
        return Err("expected an item id or name before `@`".to_owned());
    }
    Ok(Planned {
        item: Some(item.to_owned()),
        status: SyncStatus::Skipped.to_u32(),
        when,
    })
}

/// Parses `--status ITEM=STATUS[@WHEN]`: `ITEM` an id, a name or `*` (every item, GUID_NULL);
/// `STATUS` a `SYNCMGRSTATUS` name (`stopped`, `deleted`, `SYNCMGRSTATUS_PAUSED`) or a number.
pub fn parse_status(text: &str) -> Result<Planned, String> {
    let (assignment, when) = split_when(text)?;
    let (item, status) = assignment
        .split_once('=')
        .ok_or_else(|| format!("`{text}`: expected ITEM=STATUS"))?;
    if item.is_empty() {
        return Err("expected an item id, a name or `*` before `=`".to_owned());
    }
    let status = status.trim();
    let wanted = status.trim_start_matches("SYNCMGRSTATUS_");
    let status = match SyncStatus::ALL
        .into_iter()
        .find(|known| known.name().eq_ignore_ascii_case(wanted))
    {
        Some(known) => known.to_u32(),
        None => parse_number(status).ok_or_else(|| {
            let names: Vec<&str> = SyncStatus::ALL.iter().map(|s| s.attribute_name()).collect();
            format!(
                "`{status}` is not a status: one of {} or a number",
                names.join(", ")
            )
        })?,
    };
    Ok(Planned {
        item: (item != "*").then(|| item.to_owned()),
        status,
        when,
    })
}

/// A decimal or `0x` hexadecimal `DWORD`.
fn parse_number(text: &str) -> Option<u32> {
    match text.strip_prefix("0x") {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_and_skips_parse() {
        let clsid = GUID::from_u128(0x6b0f_7c3e_8c55_4f59_9d7b_3f4f_2f6f_0a11);
        assert_eq!(
            parse_guid("6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11"),
            Ok(clsid)
        );
        assert_eq!(
            parse_guid("{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}"),
            Ok(clsid)
        );
        assert!(parse_guid("6b0f7c3e8c554f599d7b3f4f2f6f0a11").is_err());
        assert!(parse_guid("zb0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11").is_err());

        let skip = |item: &str, when| {
            Ok(Planned {
                item: Some(item.to_owned()),
                status: SyncStatus::Skipped.to_u32(),
                when,
            })
        };
        assert_eq!(
            parse_skip("Inbox"),
            skip("Inbox", When::Delay(Duration::ZERO))
        );
        assert_eq!(
            parse_skip("Inbox@250"),
            skip("Inbox", When::Delay(Duration::from_millis(250)))
        );
        assert_eq!(
            parse_skip("Inbox@250ms"),
            skip("Inbox", When::Delay(Duration::from_millis(250)))
        );
        assert_eq!(parse_skip("Inbox@40%"), skip("Inbox", When::Percent(40)));
        assert_eq!(parse_skip("Inbox@#3"), skip("Inbox", When::After(3)));
        assert!(parse_skip("Inbox@140%").is_err());
        assert!(parse_skip("Inbox@#0").is_err());
        assert!(parse_skip("@5").is_err());
        assert!(parse_skip("Inbox@soon").is_err());
    }

    #[test]
    fn statuses_parse() {
        let planned = |item: Option<&str>, status: u32, when| {
            Ok(Planned {
                item: item.map(str::to_owned),
                status,
                when,
            })
        };
        assert_eq!(
            parse_status("Archive=deleted@#2"),
            planned(Some("Archive"), 0x100, When::After(2))
        );
        assert_eq!(
            parse_status("*=STOPPED@50%"),
            planned(None, 0, When::Percent(50))
        );
        assert_eq!(
            parse_status("Inbox=SYNCMGRSTATUS_PAUSED"),
            planned(Some("Inbox"), 6, When::Delay(Duration::ZERO))
        );
        assert_eq!(
            parse_status("Inbox=0x77@100ms"),
            planned(Some("Inbox"), 0x77, When::Delay(Duration::from_millis(100)))
        );
        assert!(parse_status("Inbox").is_err());
        assert!(parse_status("=skipped").is_err());
        let error = parse_status("Inbox=later").unwrap_err();
        assert!(error.contains("updating_indeterminate"), "{error}");
    }

    const CLSID: &str = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11";

    #[test]
    fn command_line() {
        let args = Args::try_parse_from(["syncmgr-host", "--example", "minimal"]).unwrap();
        assert_eq!(args.sync_flags(), abi::SYNCMGRFLAG_MANUAL as u32);
        let args = Args::try_parse_from([
            "syncmgr-host",
            "handler.so",
            "--clsid",
            CLSID,
            "--event",
            "pending-disconnect",
            "--may-bother-user",
            "--settings",
            "--items",
            "Inbox,Archive",
        ])
        .unwrap();
        assert_eq!(args.sync_flags(), 0x302);
        assert_eq!(args.items, ["Inbox", "Archive"]);
        assert!(
            Args::try_parse_from(["syncmgr-host"]).is_err(),
            "a handler is required"
        );
        let library = Args::try_parse_from(["syncmgr-host", "handler.so", "--list"]).unwrap();
        assert!(
            library.list && library.clsid.is_none(),
            "a library names its classes"
        );
        assert!(
            Args::try_parse_from(["syncmgr-host", "h.so", "--example", "minimal"]).is_err(),
            "one handler"
        );
        let clsid_only = Args::try_parse_from(["syncmgr-host", "--clsid", CLSID, "--json"]);
        let register_without_dll =
            Args::try_parse_from(["syncmgr-host", "--clsid", CLSID, "--register"]);
        assert!(register_without_dll.is_err(), "--register needs the DLL");
        if cfg!(windows) {
            let args = clsid_only.unwrap();
            assert_eq!((args.dll, args.example), (None, None), "COM finds the DLL");
        } else {
            assert!(clsid_only.is_err(), "no COM registry: the DLL is required");
        }
    }
}
