//! `syncmgr-host`: a stand-in Sync Manager for testing handler DLLs.
//!
//! It loads a handler the way the Sync Manager does and drives one full session (§7.3 of the
//! ABI reference): `Initialize`, `GetHandlerInfo`, `EnumSyncMgrItems`, `SetProgressCallback`,
//! `PrepareForSync`, `Synchronize`, `SetItemStatus` for requested skips, `SetProgressCallback(NULL)`,
//! `Release` and `DllCanUnloadNow`. Its own `ISyncMgrSynchronizeCallback` ([`callback`]) records
//! every call, shows a progress bar per item and the handler's log lines, and the [`check`]er
//! lists every protocol violation: missing or repeated completions, progress for items outside
//! the session or after their final status, items without exactly one final status, malformed
//! structs and strings, and references not given back.
//!
//! Loading:
//! - off Windows, `dlopen` (libloading) + `DllGetClassObject(clsid, IID_IClassFactory)` +
//!   `IClassFactory::CreateInstance(NULL, IID_ISyncMgrSynchronize)`, which is what COM does for
//!   an in-process server;
//! - on Windows and under Wine, `CoInitializeEx(APARTMENTTHREADED)`, optionally
//!   `DllRegisterServer` (`--register`), then `CoCreateInstance(clsid, CLSCTX_INPROC_SERVER)`.
//!   The DLL argument is optional there: `syncmgr-host --clsid GUID` creates a handler that
//!   `regsvr32` registered purely through COM, which finds the DLL in the registry.
//!
//! `--example NAME` builds a workspace example with Cargo and uses its library and CLSID, so
//! `cargo sync-example` (an alias for `cargo run -p syncmgr-host -- --example mirror`) needs no
//! configuration.
//!
//! Apartments, on Windows and under Wine: by default the host is what the Sync Manager is, an STA
//! thread that creates and calls the handler, passes an ordinary apartment callback (one that
//! does not answer `IAgileObject`) and pumps messages while it waits for completions. Every call
//! that reaches the callback on another thread is a violation (`WrongApartment`).
//! `--agile-callback` passes a callback that answers `IAgileObject` instead and waits without
//! pumping, so the handler calls it directly from its worker. Off Windows there are no
//! apartments and the callback is called on any thread.

pub mod callback;
pub mod check;
pub mod cli;
pub mod example;
pub mod load;
pub mod names;
pub mod pump;
pub mod report;
pub mod session;
pub mod ui;

use crate::cli::Args;
use crate::report::{EXIT_HOST_ERROR, Report};
use std::path::PathBuf;

/// Runs the host for `args` and returns the process exit code (see [`cli::Args`]).
#[must_use]
pub fn run(args: &Args) -> i32 {
    let (dll, clsid, register, unregister) = match resolve_handler(args) {
        Ok(found) => found,
        Err(error) => return host_error(args, &error),
    };
    let loaded = match load::load(dll.as_deref(), clsid, register) {
        Ok(loaded) => loaded,
        Err(error) => return host_error(args, &error),
    };
    let mut report = session::drive(&loaded, args, clsid);
    load::unload(&loaded, unregister, &mut report.notes);
    for item in report.items.iter().filter(|item| item.selected) {
        if item.final_status != item.expected && item.final_status.is_some() {
            report.problems.push(format!(
                "{} ended {} instead of {}",
                item.name,
                item.final_status.as_deref().unwrap_or("-"),
                item.expected.as_deref().unwrap_or("-")
            ));
        }
    }
    report.conclude();
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(error) => eprintln!("error: {error}"),
        }
    } else {
        println!("{}", report.summary());
    }
    report.exit_code
}

/// The DLL, CLSID and registration steps for `args`.
fn resolve_handler(args: &Args) -> Result<(Option<PathBuf>, syncmgr::GUID, bool, bool), String> {
    if let Some(name) = &args.example {
        let example = example::find(name)?;
        if !args.json {
            eprintln!("Building {} …", example.package);
        }
        let dll = example::build(example)?;
        let clsid = args.clsid.unwrap_or(example.clsid);
        // On Windows the example must be registered for CoCreateInstance: do it and undo it.
        let windows = cfg!(windows);
        return Ok((
            Some(dll),
            clsid,
            windows || args.register,
            windows || args.unregister,
        ));
    }
    let clsid = args.clsid.ok_or("--clsid is required without --example")?;
    Ok((args.dll.clone(), clsid, args.register, args.unregister))
}

fn host_error(args: &Args, error: &str) -> i32 {
    if args.json {
        let report = Report {
            problems: vec![error.to_owned()],
            outcome: "setup-error".to_owned(),
            exit_code: EXIT_HOST_ERROR,
            ..Report::default()
        };
        if let Ok(json) = serde_json::to_string_pretty(&report) {
            println!("{json}");
        }
    } else {
        eprintln!("error: {error}");
    }
    EXIT_HOST_ERROR
}
