//! `syncmgr-host`: a stand-in Sync Manager for handler libraries, on the command line.
//!
//! The session itself is the test kit's ([`syncmgr_test::Session`]): it loads a handler the way
//! the Sync Manager does, drives one full session (`Initialize`, `GetHandlerInfo`,
//! `EnumSyncMgrItems`, `SetProgressCallback`, `PrepareForSync`, `Synchronize`, `SetItemStatus`
//! for requested skips, `SetProgressCallback(NULL)`, `Release`, `DllCanUnloadNow`), records
//! every callback and lists every protocol violation. This crate adds the command line
//! ([`cli`]), a progress bar per item and the handler's log lines ([`ui`]), and the human and
//! JSON reports ([`report`]).
//!
//! Loading:
//! - off Windows, `dlopen` + `DllGetClassObject(clsid, IID_IClassFactory)` +
//!   `IClassFactory::CreateInstance(NULL, IID_ISyncMgrSynchronize)`, which is what COM does for
//!   an in-process server;
//! - on Windows and under Wine, `CoInitializeEx(APARTMENTTHREADED)`, optionally
//!   `DllRegisterServer` (`--register`), then `CoCreateInstance(clsid, CLSCTX_INPROC_SERVER)`.
//!   The DLL argument is optional there: `syncmgr-host --clsid GUID` creates a handler that
//!   `regsvr32` registered purely through COM, which finds the DLL in the registry.
//!
//! `--sync-center` plays Sync Center instead ([`center`]): the handler is found through its
//! library's handler collection and driven through `ISyncMgrHandler`.
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
//! pumping, so the handler calls it directly from its worker. With `--sync-center`, the session
//! creator and callback are apartment objects of the `Synchronize` thread (an STA), or agile
//! ones with `--agile-callback`. Off Windows there are no apartments and the callback is called
//! on any thread.

pub mod center;
pub mod cli;
pub mod example;
pub mod new;
pub mod report;
pub mod ui;

use crate::cli::Args;
use crate::report::{EXIT_HOST_ERROR, Report};
use crate::ui::{Display, Ui};
use std::path::PathBuf;
use syncmgr::{GUID, abi};
use syncmgr_test::{ItemRef, Percent, Session, SetupError, When};

/// Runs the host for `args` and returns the process exit code (see [`cli::Args`]).
#[must_use]
pub fn run(args: &Args) -> i32 {
    if let Some(cli::Command::New(new)) = &args.command {
        return new::run(new);
    }
    if args.list {
        return list(args);
    }
    let (dll, clsid, register, unregister) = match resolve_handler(args) {
        Ok(found) => found,
        Err(error) => return host_error(args, &error),
    };
    if args.sync_center {
        center::run(args, dll, clsid, register, unregister)
    } else {
        run_sync_manager(args, dll, clsid, register, unregister)
    }
}

/// A Sync Manager session of handler `clsid`.
fn run_sync_manager(
    args: &Args,
    dll: Option<PathBuf>,
    clsid: GUID,
    register: bool,
    unregister: bool,
) -> i32 {
    let mut session = match dll {
        Some(path) => Session::library(path, clsid),
        None => Session::registered(clsid),
    }
    .register(register)
    .unregister(unregister)
    .flags(args.sync_flags())
    .modeless(if args.may_bother_user {
        abi::S_OK
    } else {
        abi::S_FALSE
    })
    .agile_callback(!cfg!(windows) || args.agile_callback)
    .timeout(args.timeout())
    .batch(args.batch)
    .observer(Display {
        ui: Ui::new(args.json),
        clsid,
    });
    if !args.items.is_empty() {
        session = session.items(args.items.iter().map(|item| ItemRef::from(item.as_str())));
    }
    if args.all_items {
        session = session.all_items();
    }
    for skip in &args.skip {
        let item = skip.item.as_deref().map(ItemRef::from);
        session = match (skip.when, item) {
            // A skip at a percentage is the answer to that Progress, as the Sync Manager's
            // own "skip" of a running item.
            (When::Percent(percent), Some(item)) => session.cancel_item(item, Percent(percent)),
            (when, item) => session.raw_status(item, skip.status, when),
        };
    }
    for planned in &args.status {
        let item = planned.item.as_deref().map(ItemRef::from);
        session = session.raw_status(item, planned.status, planned.when);
    }
    for item in &args.show_properties {
        session = session.show_properties((!item.is_empty()).then(|| ItemRef::from(item.as_str())));
    }
    for &n in &args.show_error {
        session = session.show_error(n);
    }
    let outcome = session.run();
    let session = match outcome {
        Ok(session) => session,
        Err(SetupError::Load(error)) => return host_error(args, &error),
        Err(SetupError::Usage(error)) => {
            let mut report = Report {
                problems: vec![error],
                usage_error: true,
                ..Report::default()
            };
            report.conclude();
            return finish(args, &report);
        }
    };
    // The items the command line skipped: resolved by id, or by name among the enumerated.
    let skipped: Vec<GUID> = args
        .skip
        .iter()
        .filter_map(|skip| skip.item.as_deref())
        .filter_map(|item| match ItemRef::from(item) {
            ItemRef::Id(id) => Some(id),
            ItemRef::Name(name) => resolve_item(&session, &name),
        })
        .collect();
    // Items the command line sent another status: they end as the handler decides.
    let unjudged: Vec<GUID> = if args.status.iter().any(|planned| planned.item.is_none()) {
        session.selected.clone()
    } else {
        args.status
            .iter()
            .filter_map(|planned| planned.item.as_deref())
            .filter_map(|item| resolve_item(&session, item))
            .collect()
    };
    let mut report = Report::from_session(&session, clsid, &skipped, &unjudged);
    for item in report.items.iter().filter(|item| item.selected) {
        if item.expected.is_some()
            && item.final_status != item.expected
            && item.final_status.is_some()
        {
            report.problems.push(format!(
                "{} ended {} instead of {}",
                item.name,
                item.final_status.as_deref().unwrap_or("-"),
                item.expected.as_deref().unwrap_or("-")
            ));
        }
    }
    report.conclude();
    finish(args, &report)
}

/// Prints `report` (JSON or the human summary) and returns its exit code.
pub(crate) fn finish(args: &Args, report: &Report) -> i32 {
    if args.json {
        match serde_json::to_string_pretty(report) {
            Ok(json) => println!("{json}"),
            Err(error) => eprintln!("error: {error}"),
        }
    } else {
        println!("{}", report.summary());
    }
    report.exit_code
}

/// The id of the enumerated item `word` names (an id or a name).
fn resolve_item(session: &syncmgr_test::Report, word: &str) -> Option<GUID> {
    match ItemRef::from(word) {
        ItemRef::Id(id) => Some(id),
        ItemRef::Name(name) => session
            .items
            .iter()
            .find(|item| item.name.eq_ignore_ascii_case(name.trim()))
            .map(|item| item.id),
    }
}

/// `--list`: the handler classes of the library, one per line (or a JSON array).
fn list(args: &Args) -> i32 {
    let path = match (&args.dll, &args.example) {
        (Some(dll), _) => dll.clone(),
        (None, Some(name)) => match example::find(name).and_then(example::build) {
            Ok(path) => path,
            Err(error) => return host_error(args, &error),
        },
        (None, None) => return host_error(args, "--list needs a library (DLL or --example)"),
    };
    let classes = match syncmgr_test::library_classes(&path) {
        Ok(classes) => classes,
        Err(error) => return host_error(args, &error.to_string()),
    };
    if args.json {
        let classes: Vec<serde_json::Value> = classes
            .iter()
            .map(|class| {
                serde_json::json!({
                    "clsid": format!("{{{:?}}}", class.clsid),
                    "name": class.name,
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(classes));
    } else {
        println!("{}: {} handler class(es)", path.display(), classes.len());
        for class in &classes {
            println!(
                "  {{{:?}}}  {}",
                class.clsid,
                class
                    .name
                    .as_deref()
                    .unwrap_or("(no name: it could not be created)")
            );
        }
    }
    report::EXIT_SUCCESS
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
    let clsid = match (args.clsid, &args.dll) {
        (Some(clsid), _) => clsid,
        (None, Some(dll)) => only_class(dll)?,
        (None, None) => return Err("--clsid is required without a DLL or --example".to_owned()),
    };
    Ok((args.dll.clone(), clsid, args.register, args.unregister))
}

/// The one handler class the library at `dll` serves.
fn only_class(dll: &std::path::Path) -> Result<GUID, String> {
    // Listed without creating a handler: the session's handler is the first one made.
    let ids = syncmgr_test::library_class_ids(dll).map_err(|error| error.to_string())?;
    match ids.as_slice() {
        [clsid] => Ok(*clsid),
        [] => Err(format!("{} serves no handler class", dll.display())),
        _ => {
            // Several: their names help pick one.
            let classes = syncmgr_test::library_classes(dll).map_err(|error| error.to_string())?;
            let listed: Vec<String> = classes
                .iter()
                .map(|class| {
                    format!(
                        "{{{:?}}} {}",
                        class.clsid,
                        class.name.as_deref().unwrap_or("?")
                    )
                })
                .collect();
            Err(format!(
                "{} serves {} handler classes; pick one with --clsid: {}",
                dll.display(),
                classes.len(),
                listed.join(", ")
            ))
        }
    }
}

pub(crate) fn host_error(args: &Args, error: &str) -> i32 {
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
