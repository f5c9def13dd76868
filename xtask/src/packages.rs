//! What the tasks need from Debian, installed when missing so that every task runs on a fresh
//! machine: `(package, a command it provides)` pairs, checked with `dpkg-query` (or, off
//! Debian, by running the command) and installed in one quiet `apt-get install`.

use std::process::{Command, Stdio};

/// valgrind, for `memcheck` and `bench-instructions`.
pub(crate) const VALGRIND: &[(&str, &str)] = &[("valgrind", "valgrind")];

/// GNU time (`/usr/bin/time -v` reports peak memory), for `bench-session`.
pub(crate) const GNU_TIME: &[(&str, &str)] = &[("time", "/usr/bin/time")];

/// The mingw-w64 toolchain for `x86_64-pc-windows-gnu`, for `bench-build` and `wine-e2e`.
pub(crate) const MINGW: &[(&str, &str)] = &[
    ("gcc-mingw-w64-x86-64", "x86_64-w64-mingw32-gcc"),
    // Provides `x86_64-w64-mingw32-dlltool` as well, which windows-rs' raw-dylib needs.
    ("binutils-mingw-w64-x86-64", "x86_64-w64-mingw32-dlltool"),
];

/// Whether `package` is installed: dpkg's word on Debian, else whether `command` runs.
pub(crate) fn is_installed(package: &str, command: &str) -> bool {
    match Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .stderr(Stdio::null())
        .output()
    {
        Ok(output) => output.stdout == b"install ok installed",
        Err(_) => Command::new(command)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success()),
    }
}

/// The packages of `needed` that are not installed.
pub(crate) fn missing<'a>(needed: &[(&'a str, &str)]) -> Vec<&'a str> {
    let mut missing: Vec<&str> = needed
        .iter()
        .filter(|(package, command)| !is_installed(package, command))
        .map(|(package, _)| *package)
        .collect();
    missing.dedup();
    missing
}

/// Installs whatever of `needed` is missing; `task` prefixes the progress line.
pub(crate) fn ensure(task: &str, needed: &[(&str, &str)]) -> Result<(), String> {
    let missing = missing(needed);
    if missing.is_empty() {
        return Ok(());
    }
    println!("{task}: installing {}", missing.join(" "));
    apt_get(&["update", "-qq"])?;
    let mut install = vec!["install", "-y", "-qq", "--no-install-recommends"];
    install.extend(&missing);
    apt_get(&install)
}

/// `apt-get ARGS` as root (through `sudo -n` when not root), without questions.
fn apt_get(args: &[&str]) -> Result<(), String> {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.trim_ascii() == b"0");
    let mut command = if root {
        Command::new("apt-get")
    } else {
        let mut sudo = Command::new("sudo");
        sudo.args(["-n", "apt-get"]);
        sudo
    };
    let status = command
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status()
        .map_err(|error| format!("cannot run apt-get: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`apt-get {}` failed ({status}): install the packages by hand, or run as root",
            args.join(" ")
        ))
    }
}

/// Adds the rustup target unless it is installed; `Ok(true)` when it added it.
pub(crate) fn ensure_rustup_target(target: &str) -> Result<bool, String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|error| format!("cannot run rustup: {error}"))?;
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|line| line.trim() == target)
    {
        return Ok(false);
    }
    let status = Command::new("rustup")
        .args(["target", "add", target])
        .status()
        .map_err(|error| format!("cannot run rustup: {error}"))?;
    if status.success() {
        Ok(true)
    } else {
        Err(format!("`rustup target add {target}` failed ({status})"))
    }
}
