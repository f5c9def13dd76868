//! Developer tasks for the syncmgr workspace.
//!
//! `cargo run -p xtask -- bindgen` regenerates `runtime/src/bindings.rs`, the ABI of the
//! Synchronization Manager and Sync Center interfaces, from Win32 metadata 63.0.31 with windows-bindgen 0.100.
//! The filter in `xtask/src/filter.txt` lists exactly what the runtime uses; windows-bindgen adds
//! the closure of types those items reference.
//!
//! `cargo run -p xtask -- wine-e2e` builds the example handler DLLs for Windows, registers them
//! under Wine and drives them through real COM activation; see [`wine`].
//!
//! `cargo run -p xtask -- bench-session` and `bench-build` measure a full mirror session and the
//! build cost for `BENCHMARKS.md`; see [`bench_cost`].
//!
//! `cargo run -p xtask -- bench-instructions [FILTER]` counts the instructions per call of the
//! `syncmgr-benches` cases under callgrind; see [`mod@bench`].
//!
//! `cargo run -p xtask -- template` generates a handler crate with `syncmgr-host new` and tests,
//! runs and cross-builds it; see [`template`].
//!
//! `cargo run -p xtask -- size-profile [DLL]` says where a handler DLL's bytes go, by crate; see
//! [`size_profile`].
//!
//! `cargo run -p xtask -- memcheck` runs the runtime's tests under valgrind memcheck; see
//! [`memcheck`].

mod bench;
mod bench_cost;
mod memcheck;
mod packages;
mod size_profile;
mod template;
mod wine;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("bindgen") => {
            let out = workspace_root().join("runtime/src/bindings.rs");
            generate_bindings(&out);
            println!("wrote {}", out.display());
            ExitCode::SUCCESS
        }
        Some("wine-e2e") => wine::main(&args[1..]),
        Some("bench-wine") => wine::bench(&args[1..]),
        Some("bench-session") => bench_cost::session(&args[1..]),
        Some("bench-build") => bench_cost::build(&args[1..]),
        Some("bench-instructions") => bench::main(&args[1..]),
        Some("memcheck") => memcheck::main(&args[1..]),
        Some("template") => template::main(&args[1..]),
        Some("size-profile") => size_profile::main(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo run -p xtask -- bindgen | wine-e2e [--host <exe>] | bench-wine [--calls N] [--files N] [--runs N] | bench-instructions [FILTER] | bench-session [--files N] [--runs N] [--dir DIR] | bench-build [--runs N] | memcheck [--cases N] | template | size-profile [DLL]"
            );
            ExitCode::FAILURE
        }
    }
}

/// The workspace root, one level above this crate.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Writes the runtime's bindings to `out`.
fn generate_bindings(out: &Path) {
    let winmd = win32_winmd();
    let filter = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/filter.txt");
    let args = [
        "--in".to_owned(),
        winmd.display().to_string(),
        "--out".to_owned(),
        out.display().to_string(),
        "--flat".to_owned(),
        "--filter-file".to_owned(),
        filter.display().to_string(),
    ];
    windows_bindgen::bindgen(args);
    let body =
        std::fs::read_to_string(out).unwrap_or_else(|error| panic!("{}: {error}", out.display()));
    let body = hide_non_protocol(&body);
    std::fs::write(out, format!("{BINDINGS_HEADER}{body}"))
        .unwrap_or_else(|error| panic!("{}: {error}", out.display()));
}

/// Whether a generated item belongs to the protocol surface that `syncmgr::abi` documents: the
/// mobsync and Sync Center interfaces, structs and constants, the HRESULTs, the class factory and the Win32 types
/// the protocol's signatures use.
fn is_protocol(name: &str) -> bool {
    const PREFIXES: [&str; 12] = [
        "SYNCMGR",
        "ISyncMgr",
        "IEnumSyncMgr",
        "IEnumString",
        "IEnumUnknown",
        "S_SYNCMGR",
        "MAX_SYNCMGR",
        "SyncMgr",
        "E_",
        "CLASS_E_",
        "IClassFactory",
        "IAgileObject",
    ];
    const NAMES: [&str; 5] = ["S_OK", "S_FALSE", "FILETIME", "HICON", "HWND"];
    PREFIXES.iter().any(|prefix| name.starts_with(prefix)) || NAMES.contains(&name)
}

/// `body` with `#[doc(hidden)]` on every top-level item outside the protocol surface (the Win32
/// calls the runtime and the test kit make, and their types): public, so that the test kit can
/// use them, but not part of the documented API.
fn hide_non_protocol(body: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for line in body.lines() {
        let name = [
            "pub const ",
            "pub struct ",
            "pub unsafe fn ",
            "pub type ",
            "pub trait ",
        ]
        .iter()
        .find_map(|kind| line.strip_prefix(kind))
        .map(|rest| {
            rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or_default()
        });
        if let Some(name) = name
            && !is_protocol(name)
        {
            // Before the item's own attributes (`#[inline]`, `#[repr(C)]`, `#[derive(..)]`).
            let at = out.len()
                - out
                    .iter()
                    .rev()
                    .take_while(|previous| previous.starts_with("#["))
                    .count();
            out.insert(at, "#[doc(hidden)]");
        }
        out.push(line);
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// The first lines of the generated bindings: what wrote them, from what, and how to redo it.
const BINDINGS_HEADER: &str = "\
// GENERATED FILE: do not edit. `cargo run -p xtask -- bindgen` regenerates it, and the xtask
// test `bindings_are_up_to_date` fails when this copy differs from what the generator writes.
//
// Generator: windows-bindgen 0.100.0 (`--flat`), with the filter in `xtask/src/filter.txt`.
// Metadata: Win32 metadata 63.0.31 (`Windows.Win32.winmd`, as shipped inside the
// windows-bindgen 0.66.0 crate), which describes mobsync.h and syncmgr.h.

";

/// Path of `Windows.Win32.winmd` (Win32 metadata 63.0.31) inside the windows-bindgen 0.66 crate
/// that `cargo metadata` downloaded for the `win32-metadata` dependency.
fn win32_winmd() -> PathBuf {
    let metadata = cargo_metadata(&[]).unwrap_or_else(|error| panic!("{error}"));
    let manifest = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|package| package["name"] == "windows-bindgen" && package["version"] == "0.66.0")
        .and_then(|package| package["manifest_path"].as_str())
        .expect("windows-bindgen 0.66.0 (the Win32 metadata carrier) is not in `cargo metadata`");
    let winmd = Path::new(manifest)
        .parent()
        .expect("a manifest path has a parent")
        .join("default/Windows.Win32.winmd");
    assert!(winmd.is_file(), "{} is missing", winmd.display());
    winmd
}

/// `cargo metadata --format-version 1 ARGS` of the workspace.
fn cargo_metadata(args: &[&str]) -> Result<serde_json::Value, String> {
    let output = Command::new(cargo())
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(workspace_root().join("Cargo.toml"))
        .args(args)
        .output()
        .map_err(|error| format!("failed to run `cargo metadata`: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo metadata` failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    serde_json::from_slice(&output.stdout)
        .map_err(|error| format!("`cargo metadata` printed invalid JSON: {error}"))
}

/// Runs `command` (stdin closed), which must exit successfully.
pub(crate) fn run_ok(command: &mut Command) -> Result<(), String> {
    let status = command
        .stdin(Stdio::null())
        .status()
        .map_err(|error| format!("failed to run {}: {error}", command.get_program().display()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} {:?} failed ({status})",
            command.get_program().display(),
            command.get_args().collect::<Vec<_>>()
        ))
    }
}

/// The cargo that runs this xtask.
fn cargo() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checked-in bindings are exactly what the generator produces today.
    #[test]
    fn bindings_are_up_to_date() {
        let dir = std::env::temp_dir().join(format!("syncmgr-bindgen-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let fresh = dir.join("bindings.rs");
        generate_bindings(&fresh);
        let fresh = std::fs::read_to_string(&fresh).unwrap();
        let checked_in =
            std::fs::read_to_string(workspace_root().join("runtime/src/bindings.rs")).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        assert!(
            fresh == checked_in,
            "runtime/src/bindings.rs is stale: run `cargo run -p xtask -- bindgen` and commit the result"
        );
    }
}
