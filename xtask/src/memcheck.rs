//! `cargo run -p xtask -- memcheck [--cases N]`: the runtime's tests under valgrind memcheck.
//!
//! 1. **install**: valgrind, through apt-get, only when it is missing.
//! 2. **build**: `cargo test -p syncmgr-tests --no-run --message-format=json` builds the test
//!    binaries and names their executables.
//! 3. **run**: every test binary of `syncmgr-tests` but `ui` (trybuild runs the compiler, nothing
//!    of the runtime) runs under
//!    `valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite`, the
//!    property test with `SYNCMGR_PROPTEST_CASES` cases (default [`CASES`]; valgrind is some
//!    fifty times slower). Any invalid read or write, use of uninitialized memory, or
//!    definitely lost block fails the run; memory still reachable at exit (the test callbacks,
//!    kept on purpose so that late calls are recorded rather than use after free) does not.
//!
//! Each binary's valgrind output goes to `target/memcheck/<binary>.log`; the summary prints its
//! errors, definitely lost bytes and time.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

/// Property-test cases under valgrind unless `--cases` says otherwise.
const CASES: u32 = 40;

/// The exit code valgrind uses when it found an error.
const VALGRIND_ERROR: i32 = 99;

pub(crate) fn main(args: &[String]) -> ExitCode {
    let cases = match args {
        [] => CASES,
        [flag, value] if flag == "--cases" => match value.parse() {
            Ok(cases) => cases,
            Err(_) => return usage(),
        },
        _ => return usage(),
    };
    let started = Instant::now();
    if let Err(error) = crate::packages::ensure("memcheck", crate::packages::VALGRIND) {
        eprintln!("memcheck: {error}");
        return ExitCode::FAILURE;
    }
    let binaries = match build() {
        Ok(binaries) => binaries,
        Err(error) => {
            eprintln!("memcheck: {error}");
            return ExitCode::FAILURE;
        }
    };
    let logs = crate::workspace_root().join("target/memcheck");
    if let Err(error) = std::fs::create_dir_all(&logs) {
        eprintln!("memcheck: cannot create {}: {error}", logs.display());
        return ExitCode::FAILURE;
    }
    let mut failed = false;
    println!(
        "memcheck: {} test binaries, {cases} property-test cases",
        binaries.len()
    );
    for (name, exe) in &binaries {
        let log = logs.join(format!("{name}.log"));
        let run = Instant::now();
        let outcome = run_one(exe, &log, cases);
        let seconds = run.elapsed().as_secs_f64();
        match outcome {
            Ok(summary) => println!("  {name:<24} ok    {summary}  {seconds:.1}s"),
            Err(summary) => {
                failed = true;
                println!(
                    "  {name:<24} FAIL  {summary}  {seconds:.1}s  (see {})",
                    log.display()
                );
            }
        }
    }
    println!(
        "memcheck: {} in {:.1}s",
        if failed { "FAILED" } else { "clean" },
        started.elapsed().as_secs_f64()
    );
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: cargo run -p xtask -- memcheck [--cases N]");
    ExitCode::FAILURE
}

/// Builds the test binaries of `syncmgr-tests` and returns `(target name, executable)` for each
/// one memcheck runs.
fn build() -> Result<Vec<(String, PathBuf)>, String> {
    let output = Command::new(crate::cargo())
        .args([
            "test",
            "-p",
            "syncmgr-tests",
            "--no-run",
            "--message-format=json",
        ])
        .current_dir(crate::workspace_root())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|error| format!("cannot run cargo: {error}"))?;
    if !output.status.success() {
        return Err("`cargo test -p syncmgr-tests --no-run` failed".to_owned());
    }
    let mut binaries = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let (Some(name), Some(exe)) = (
            message["target"]["name"].as_str(),
            message["executable"].as_str(),
        ) else {
            continue;
        };
        if message["reason"] == "compiler-artifact" && name != "ui" {
            binaries.push((name.to_owned(), PathBuf::from(exe)));
        }
    }
    binaries.sort();
    if binaries.is_empty() {
        return Err("cargo named no test executable".to_owned());
    }
    Ok(binaries)
}

/// Runs one test binary under memcheck; the summary line either way.
fn run_one(exe: &Path, log: &Path, cases: u32) -> Result<String, String> {
    let status = Command::new("valgrind")
        .arg(format!("--error-exitcode={VALGRIND_ERROR}"))
        .args([
            "--leak-check=full",
            "--errors-for-leak-kinds=definite",
            "--show-leak-kinds=definite",
            "--track-origins=yes",
        ])
        .arg(format!("--log-file={}", log.display()))
        .arg(exe)
        // The tests find their files relative to the package, as under `cargo test`.
        .current_dir(crate::workspace_root().join("tests"))
        .env("SYNCMGR_PROPTEST_CASES", cases.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|error| format!("cannot run valgrind: {error}"))?;
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let errors = find_number(&text, "ERROR SUMMARY: ").unwrap_or(u64::MAX);
    let lost = find_number(&text, "definitely lost: ").unwrap_or(0);
    let summary = format!("{errors} errors, {lost} bytes definitely lost");
    if status.success() && errors == 0 && lost == 0 {
        Ok(summary)
    } else {
        let how = match status.code() {
            Some(VALGRIND_ERROR) => "valgrind found errors".to_owned(),
            Some(code) => format!("the tests exited with {code}"),
            None => "killed by a signal".to_owned(),
        };
        Err(format!("{summary}; {how}"))
    }
}

/// The number after the last `label` in `text` (commas allowed, as valgrind prints them).
fn find_number(text: &str, label: &str) -> Option<u64> {
    let at = text.rfind(label)? + label.len();
    let digits: String = text[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::find_number;

    #[test]
    fn reads_valgrind_summaries() {
        let log = "==1== definitely lost: 1,024 bytes in 2 blocks\n\
                   ==1== ERROR SUMMARY: 3 errors from 3 contexts (suppressed: 0 from 0)\n";
        assert_eq!(find_number(log, "ERROR SUMMARY: "), Some(3));
        assert_eq!(find_number(log, "definitely lost: "), Some(1024));
        assert_eq!(find_number("", "ERROR SUMMARY: "), None);
    }
}
