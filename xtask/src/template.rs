//! `cargo run -p xtask -- template`: the path from `syncmgr-host new` to a handler DLL, as a new
//! user takes it.
//!
//! 1. **new**: `syncmgr-host new $TMPDIR/syncmgr-template-check/my-handler --syncmgr-path <workspace>`
//!    generates a crate from `host/template/`.
//! 2. **test**: its own `cargo test` and `cargo clippy --all-targets -- -D warnings` pass.
//! 3. **host**: its library, built for this machine, syncs through `syncmgr-host` with no
//!    violation.
//! 4. **windows**: `cargo build --target x86_64-pc-windows-gnu` gives a DLL that exports the four
//!    COM server functions and imports no Windows Runtime function.
//!
//! The crate builds into `target/template`, so that repeated runs reuse its dependencies.

use std::path::Path;
use std::process::{Command, ExitCode};

/// The DLL exports a registered handler needs.
const EXPORTS: [&str; 4] = [
    "DllGetClassObject",
    "DllCanUnloadNow",
    "DllRegisterServer",
    "DllUnregisterServer",
];

pub(crate) fn main(args: &[String]) -> ExitCode {
    if !args.is_empty() {
        eprintln!("usage: cargo run -p xtask -- template");
        return ExitCode::FAILURE;
    }
    match check() {
        Ok(()) => {
            println!("template: generated, tested, synced and built for Windows");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("template: {error}");
            ExitCode::FAILURE
        }
    }
}

fn check() -> Result<(), String> {
    let root = crate::workspace_root();
    let target = root.join("target");
    crate::packages::ensure("template", crate::packages::MINGW)?;
    crate::packages::ensure_rustup_target("x86_64-pc-windows-gnu")?;

    // 1. new
    crate::run_ok(Command::new(crate::cargo()).current_dir(&root).args([
        "build",
        "-q",
        "-p",
        "syncmgr-host",
    ]))?;
    let host = target
        .join("debug")
        .join(format!("syncmgr-host{}", std::env::consts::EXE_SUFFIX));
    // Outside the workspace, as a user's crate is: Cargo would take it for a workspace member.
    let parent = std::env::temp_dir().join("syncmgr-template-check");
    if parent.exists() {
        std::fs::remove_dir_all(&parent)
            .map_err(|error| format!("{}: {error}", parent.display()))?;
    }
    let dir = parent.join("my-handler");
    crate::run_ok(
        Command::new(&host)
            .arg("new")
            .arg(&dir)
            .arg("--syncmgr-path")
            .arg(&root),
    )?;

    // 2. test
    let crate_target = target.join("template");
    let cargo = |args: &[&str]| -> Result<(), String> {
        crate::run_ok(
            Command::new(crate::cargo())
                .current_dir(&dir)
                .env("CARGO_TARGET_DIR", &crate_target)
                .args(args),
        )
    };
    cargo(&["test", "-q"])?;
    cargo(&["clippy", "-q", "--all-targets", "--", "-D", "warnings"])?;

    // 3. host
    cargo(&["build", "-q"])?;
    let library = crate_target.join("debug").join(format!(
        "{}my_handler{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    ));
    crate::run_ok(Command::new(&host).arg(&library))?;

    // 4. windows
    cargo(&["build", "-q", "--target", "x86_64-pc-windows-gnu"])?;
    let dll = crate_target.join("x86_64-pc-windows-gnu/debug/my_handler.dll");
    check_dll(&dll)
}

/// The DLL's export table names [`EXPORTS`], and its import table no `Ro*` function.
fn check_dll(dll: &Path) -> Result<(), String> {
    let output = Command::new(crate::wine::OBJDUMP)
        .arg("-p")
        .arg(dll)
        .output()
        .map_err(|error| format!("{}: {error}", crate::wine::OBJDUMP))?;
    if !output.status.success() {
        return Err(format!(
            "{} -p {} failed",
            crate::wine::OBJDUMP,
            dll.display()
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let exports = text
        .split_once("[Ordinal/Name Pointer] Table")
        .map_or("", |(_, table)| table);
    let missing: Vec<&str> = EXPORTS
        .into_iter()
        .filter(|name| !exports.contains(&format!("] {name}")))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "{} does not export {}",
            dll.display(),
            missing.join(", ")
        ));
    }
    let winrt: Vec<String> = crate::wine::parse_imports(&text)
        .into_iter()
        .filter(|(library, function)| crate::wine::is_winrt(library, function))
        .map(|(library, function)| format!("{library}!{function}"))
        .collect();
    if !winrt.is_empty() {
        return Err(format!("{} imports {}", dll.display(), winrt.join(", ")));
    }
    println!("template: {} exports {}", dll.display(), EXPORTS.join(", "));
    Ok(())
}
