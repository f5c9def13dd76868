//! `cargo run -p xtask -- wine-e2e`: the example handler DLLs, registered and driven under Wine.
//!
//! The steps, each timed and reported, stopping at the first failure; every step covers every
//! handler in [`HANDLERS`] (`examples/minimal` and `examples/mirror`):
//!
//! 1. **install**: the rustup target `x86_64-pc-windows-gnu`, and (through apt-get, only when
//!    missing) mingw-w64 and Wine.
//! 2. **build**: `cargo build --release --target x86_64-pc-windows-gnu` of the handler DLLs and
//!    `syncmgr-host` (the driver): release builds, as handlers ship.
//! 3. **imports**: each DLL's import table (`x86_64-w64-mingw32-objdump -p`) must name no Windows Runtime
//!    function (`Ro*`, such as `RoGetAgileReference`, which Wine 8 lacks: calling it kills the
//!    process) and no Windows Runtime API set.
//! 4. **shim**: `bcryptprimitives.dll` (see `xtask/shim/`), beside the DLLs and the executables:
//!    Rust's std imports `ProcessPrng` from it, which Wine 8 does not have.
//! 5. **prefix**: a private `WINEPREFIX` in `target/wine-prefix`, created once, headless.
//! 6. **register**: `regsvr32 /s` per DLL, then `reg query` checks each `InprocServer32` and
//!    the library's handler collection under `HKLM\…\SyncMgr\HandlerCollections`.
//! 7. **host**: the host activates each handler by its CLSID alone (`CoCreateInstance` finds the
//!    DLL in the registry) and drives a sync session, twice: as the Sync Manager does (an
//!    apartment callback on a pumping STA thread; a call on another thread is a violation) and
//!    with `--agile-callback`, and then as Sync Center does (`--sync-center`: the registered
//!    handler collections, `BindToHandler`, `ISyncMgrHandler::Synchronize` on an STA thread),
//!    with apartment objects of that thread and with agile ones. Each JSON report must show a
//!    conforming session in which every item succeeded. The mirror handler then runs once more
//!    with the human report, which is printed after the summary.
//! 8. **threads**: `benches/progress-handler` makes its progress calls from a thread of its own
//!    (`SYNCMGR_BENCH_THREAD=1`), registered for two sessions in each of the four modes above;
//!    every call must arrive (the count), with apartment objects on the host's thread, and in
//!    the second session a skip at the 50th report must stop the handler's thread at its next.
//! 9. **windows-tests**: the tests of the runtime, the test kit, the host, the protocol and
//!    property tests and the examples, built for Windows and run under Wine (except what needs
//!    Cargo: the host's sessions through `--example`, the compile-fail tests; the property test
//!    with 200 cases): there the runtime and the test kit take their Windows paths.
//! 10. **sta-client**: `sta_client.exe` (`xtask/sta-client/`, C against mingw-w64's own
//!     `mobsync.h`, independent of the Rust crates) drives each handler through three sessions
//!     on its STA thread with a plain callback, skipping the last item in the middle (and, in
//!     the third, replacing the callback during the sync); it checks every callback's thread,
//!     the completions, final statuses, releases and `DllCanUnloadNow`.
//! 11. **unregister**: `regsvr32 /u /s` per DLL, then `reg query` checks that each CLSID key
//!     and each handler collection key is gone.
//!
//! Every command's output goes to `target/wine-e2e/logs/`; a failing step prints its tail.

use crate::packages;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The Rust target the handler and the host are built for.
const TARGET: &str = "x86_64-pc-windows-gnu";
/// One handler under test.
struct Handler {
    /// A short name for logs and messages.
    name: &'static str,
    /// Its Cargo package (the library target is the same name with `_`).
    package: &'static str,
    /// The CLSID the example declares.
    clsid: &'static str,
    /// The folder the example fills under `%TEMP%` when it has no configuration, removed before
    /// each run so that every run does its work afresh.
    demo_dir: Option<&'static str>,
    /// Whether the example builds an icon resource into its DLL (`icon = …`): then
    /// `GetHandlerInfo` must give an icon, else none.
    icon: bool,
}

/// The handlers under test, in the order they are registered and run.
const HANDLERS: &[Handler] = &[
    Handler {
        name: "minimal",
        package: "example-minimal",
        clsid: "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
        demo_dir: None,
        icon: false,
    },
    Handler {
        name: "mirror",
        package: "example-mirror",
        clsid: "3f1d8c52-9b6e-4a07-8e21-5c4d7a9b0e13",
        demo_dir: Some("syncmgr-mirror-demo"),
        icon: true,
    },
];
/// The handler whose human report is shown at the end: it does something a person can follow.
const SHOWCASE: &str = "mirror";
/// The driver of a sync session; built and run once it is a workspace member.
const HOST_PACKAGE: &str = "syncmgr-host";
/// `bench-wine`'s handler that makes nothing but progress calls, and its CLSID.
const PROGRESS_PACKAGE: &str = "bench-progress-handler";
const PROGRESS_CLSID: &str = "e0dc5d1f-c545-40ad-8076-3b600c11de41";
/// The packages whose tests the `windows-tests` step builds for Windows and runs under Wine.
const WINDOWS_TEST_PACKAGES: &[&str] = &[
    "syncmgr",
    "syncmgr-test",
    "syncmgr-host",
    "syncmgr-tests",
    "example-minimal",
    "example-mirror",
];
/// The property test's cases under Wine, where a case takes about five times as long as on
/// Linux (the Linux run has the full count).
const WINDOWS_PROPTEST_CASES: &str = "200";
/// Test targets of those packages that cannot run under Wine (their source, from the
/// workspace root), and why.
const WINDOWS_TEST_EXCLUDED: &[(&str, &str)] = &[
    (
        "host/tests/test_session.rs",
        "runs `syncmgr-host --example`, which builds the example with Cargo: no Cargo under Wine (the host step drives the same sessions)",
    ),
    (
        "tests/tests/ui.rs",
        "compile-fail tests through trybuild, which runs Cargo",
    ),
];
/// How many progress calls the `threads` step's handler makes from its own thread.
const THREAD_CALLS: u64 = 200;
/// The report at which the `threads` step's second session of each mode skips the item.
const THREAD_SKIP: u64 = 50;

/// Debian packages, and a command each one provides that must run afterwards.
const PACKAGES: &[(&str, &str)] = &[
    packages::MINGW[0],
    packages::MINGW[1],
    ("wine", "wine"),
    // Debian 12's `wine` runs `wine64` when `wine32` (i386) is absent.
    ("wine64", "wine"),
];

/// Wine's settings for every command: quiet, and no prompts to install Mono or Gecko.
const WINEDEBUG: &str = "-all";
const WINEDLLOVERRIDES: &str = "mscoree,mshtml=";

/// What `prefix` did to a prefix, kept in its marker file: a prefix made otherwise is made anew.
const PREFIX_STAMP: &str = "wineboot --init; HKCU\\Software\\Wine\\Drivers Graphics=null\n";

/// How long one command may take before it is killed and the step fails.
const BUILD_TIMEOUT: Duration = Duration::from_mins(30);
const WINEBOOT_TIMEOUT: Duration = Duration::from_mins(5);
/// A short command: a Wine tool, a version check, the shim's compile.
const COMMAND_TIMEOUT: Duration = Duration::from_mins(2);
const HOST_TIMEOUT: Duration = Duration::from_mins(3);

/// `cargo run -p xtask -- wine-e2e [--host <exe>]`.
pub(crate) fn main(args: &[String]) -> ExitCode {
    let host_override = match args {
        [] => None,
        [flag, exe] if flag == "--host" => Some(PathBuf::from(exe)),
        _ => {
            eprintln!("usage: cargo run -p xtask -- wine-e2e [--host <path to a Windows .exe>]");
            return ExitCode::FAILURE;
        }
    };
    let mut e2e = match E2e::new(host_override) {
        Ok(e2e) => e2e,
        Err(error) => {
            eprintln!("wine-e2e: {error}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let result = e2e.run_all();
    e2e.stop_wine();
    e2e.print_summary(started.elapsed(), result.err());
    if result.is_ok() {
        if let Some((line, report)) = &e2e.showcase {
            println!(
                "\nwine-e2e: the {SHOWCASE} example under Wine, as a person sees it (`{line}`):"
            );
            println!("{}", report.trim_end());
        }
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `cargo run -p xtask -- bench-wine [--calls N] [--files N] [--runs N]`: the prefix and
/// registration of `wine-e2e`, then [`E2e::bench_paths`] (by default 10,000 calls, 2,000 files
/// and 9 runs per path).
pub(crate) fn bench(args: &[String]) -> ExitCode {
    let mut calls = 10_000;
    let mut files = 2_000;
    let mut runs = 9;
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let value = args.next().and_then(|value| value.parse::<usize>().ok());
        match (flag.as_str(), value) {
            ("--calls", Some(value)) if value > 0 => calls = value,
            ("--files", Some(value)) if value > 0 => files = value,
            ("--runs", Some(value)) if value > 0 => runs = value,
            _ => {
                eprintln!(
                    "usage: cargo run -p xtask -- bench-wine [--calls N] [--files N] [--runs N]"
                );
                return ExitCode::FAILURE;
            }
        }
    }
    let mut e2e = match E2e::new(None) {
        Ok(e2e) => e2e,
        Err(error) => {
            eprintln!("bench-wine: {error}");
            return ExitCode::FAILURE;
        }
    };
    e2e.bench_size = (calls, files, runs);
    let started = Instant::now();
    let steps: [(&'static str, Step); 7] = [
        ("install", E2e::install),
        ("build", E2e::build),
        ("shim", E2e::shim),
        ("prefix", E2e::prefix),
        ("register", E2e::register),
        ("bench", |e2e| {
            let (calls, files, runs) = e2e.bench_size;
            e2e.bench_paths(calls, files, runs)
        }),
        ("unregister", E2e::unregister),
    ];
    let result = e2e.run_steps(&steps);
    e2e.stop_wine();
    e2e.print_summary(started.elapsed(), result.err());
    if result.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// What a step did (`Ok`) or why it failed (`Err`), for the summary.
type StepResult = Result<String, String>;

/// One step of the run.
type Step = fn(&mut E2e) -> StepResult;

/// The run's fixed paths and what each step found.
struct E2e {
    /// The workspace root, where cargo runs.
    root: PathBuf,
    /// cargo's target directory.
    target_dir: PathBuf,
    /// The `WINEPREFIX`.
    prefix: PathBuf,
    /// One `<n>-<label>.stdout`/`.stderr` pair per command.
    logs: PathBuf,
    /// Commands run so far, numbering the log files.
    commands: usize,
    /// The host's package id, when the workspace has the host.
    host_package_id: Option<String>,
    /// `--host <exe>`: an already built host to run instead.
    host_override: Option<PathBuf>,
    /// The built handler DLLs, one per entry of [`HANDLERS`].
    dlls: Vec<PathBuf>,
    /// The host executable to run, if any.
    host: Option<PathBuf>,
    /// The host's human report for [`SHOWCASE`], and its command line.
    showcase: Option<(String, String)>,
    /// `(step, duration, outcome)` per finished step.
    summary: Vec<(&'static str, Duration, StepResult)>,
    /// `bench-wine`: progress calls of the progress-only handler, files in the mirrored folder,
    /// runs per delivery path.
    bench_size: (usize, usize, usize),
}

impl E2e {
    fn new(host_override: Option<PathBuf>) -> Result<Self, String> {
        let root = super::workspace_root();
        let metadata = super::cargo_metadata(&["--no-deps"])?;
        let target_dir = PathBuf::from(
            metadata["target_directory"]
                .as_str()
                .ok_or("`cargo metadata` names no target directory")?,
        );
        let host_package_id = metadata["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|package| package["name"] == HOST_PACKAGE)
            .and_then(|package| package["id"].as_str())
            .map(str::to_owned);
        let logs = target_dir.join("wine-e2e/logs");
        // Logs of an earlier run would mix with this one's.
        let _ = fs::remove_dir_all(&logs);
        fs::create_dir_all(&logs).map_err(|e| format!("cannot create {}: {e}", logs.display()))?;
        Ok(Self {
            prefix: target_dir.join("wine-prefix"),
            root,
            target_dir,
            logs,
            commands: 0,
            host_package_id,
            host_override,
            dlls: Vec::new(),
            host: None,
            showcase: None,
            summary: Vec::new(),
            bench_size: (0, 0, 0),
        })
    }

    /// Runs the steps in order; `Err` names the step that failed.
    fn run_all(&mut self) -> Result<(), &'static str> {
        let steps: [(&'static str, Step); 11] = [
            ("install", Self::install),
            ("build", Self::build),
            ("imports", Self::imports),
            ("shim", Self::shim),
            ("prefix", Self::prefix),
            ("register", Self::register),
            ("host", Self::host),
            ("threads", Self::threads),
            ("windows-tests", Self::windows_tests),
            ("sta-client", Self::sta_client),
            ("unregister", Self::unregister),
        ];
        self.run_steps(&steps)
    }

    /// Runs `steps` in order, each timed and reported; `Err` names the step that failed.
    fn run_steps(&mut self, steps: &[(&'static str, Step)]) -> Result<(), &'static str> {
        for &(name, step) in steps {
            println!("wine-e2e: == {name} ==");
            let started = Instant::now();
            let outcome = step(self);
            let failed = outcome.is_err();
            match &outcome {
                Ok(detail) => println!("wine-e2e: {name}: ok ({detail})"),
                Err(error) => eprintln!("wine-e2e: {name}: FAILED\n{error}"),
            }
            self.summary.push((name, started.elapsed(), outcome));
            if failed {
                return Err(name);
            }
        }
        Ok(())
    }

    fn print_summary(&self, total: Duration, failed: Option<&str>) {
        println!("\nwine-e2e summary (logs in {}):", self.logs.display());
        for (name, duration, outcome) in &self.summary {
            let (status, detail) = match outcome {
                Ok(detail) => ("ok", detail.as_str()),
                Err(error) => ("FAILED", error.lines().next().unwrap_or_default()),
            };
            println!(
                "  {status:<6} {name:<13} {:>7.1}s  {detail}",
                duration.as_secs_f64()
            );
        }
        match failed {
            None => println!("wine-e2e: passed in {:.1}s", total.as_secs_f64()),
            Some(step) => eprintln!(
                "wine-e2e: FAILED at step `{step}` after {:.1}s",
                total.as_secs_f64()
            ),
        }
    }

    /// A host that hung leaves Wine processes behind; whatever happened, stop this prefix's.
    fn stop_wine(&mut self) {
        if self.prefix.is_dir() {
            let _ = self.exec(
                "wineserver-kill",
                &mut self.wine_env("wineserver", &["-k"]),
                COMMAND_TIMEOUT,
            );
        }
    }

    // ---- steps ----

    /// The rustup target, then the Debian packages that are missing (one `apt-get install`).
    fn install(&mut self) -> StepResult {
        let mut done = Vec::new();
        if packages::ensure_rustup_target(TARGET)? {
            done.push(format!("rustup target {TARGET}"));
        }
        let missing = packages::missing(PACKAGES);
        if !missing.is_empty() {
            let started = Instant::now();
            packages::ensure("wine-e2e", PACKAGES)?;
            done.push(format!(
                "apt-get installed {} in {:.1}s",
                missing.join(" "),
                started.elapsed().as_secs_f64()
            ));
        }
        let mut commands: Vec<&str> = PACKAGES.iter().map(|(_, command)| *command).collect();
        commands.dedup();
        for command in commands {
            self.exec(
                &format!("{command}-version"),
                &mut self.wine_env(command, &["--version"]),
                COMMAND_TIMEOUT,
            )?
            .success()
            .map_err(|error| format!("`{command}` does not run after installing:\n{error}"))?;
        }
        if done.is_empty() {
            Ok("everything was already installed".to_owned())
        } else {
            Ok(done.join("; "))
        }
    }

    /// Cross-builds the handler DLLs and the host, and finds them in cargo's JSON messages.
    fn build(&mut self) -> StepResult {
        let mut command = Command::new(super::cargo());
        command.current_dir(&self.root).args([
            "build",
            "--release",
            "--target",
            TARGET,
            "--message-format=json-render-diagnostics",
        ]);
        for handler in HANDLERS {
            command.args(["-p", handler.package]);
        }
        if self.host_package_id.is_some() && self.host_override.is_none() {
            command.args(["-p", HOST_PACKAGE]);
        }
        // cargo's progress and diagnostics (stderr) are worth seeing live, as in any build.
        let output = self.exec_with("cargo-build", &mut command, BUILD_TIMEOUT, true)?;
        output.success()?;
        self.dlls = HANDLERS
            .iter()
            .map(|handler| {
                let lib = handler.package.replace('-', "_");
                artifact(
                    &output.stdout,
                    |target, _| target["name"] == lib.as_str() && has_kind(target, "cdylib"),
                    ".dll",
                )
                .ok_or_else(|| format!("cargo built no `{lib}.dll`"))
            })
            .collect::<Result<_, _>>()?;
        self.host = match (&self.host_override, &self.host_package_id) {
            (Some(exe), _) => {
                Some(fs::canonicalize(exe).map_err(|e| format!("--host {}: {e}", exe.display()))?)
            }
            (None, Some(id)) => Some(
                artifact(
                    &output.stdout,
                    |target, package| package == id && has_kind(target, "bin"),
                    ".exe",
                )
                .ok_or_else(|| format!("cargo built no executable of `{HOST_PACKAGE}`"))?,
            ),
            (None, None) => None,
        };
        let mut built: Vec<String> = self.dlls.iter().map(|dll| file_name(dll)).collect();
        built.extend(self.host.as_deref().map(file_name));
        Ok(built.join(", "))
    }

    /// Fails when a DLL imports a Windows Runtime function or API set; lists what each one imports from.
    fn imports(&mut self) -> StepResult {
        let mut done = Vec::new();
        for (handler, dll) in HANDLERS.iter().zip(self.dlls.clone()) {
            let output = self.exec(
                &format!("objdump-{}", handler.name),
                Command::new(OBJDUMP).arg("-p").arg(&dll),
                COMMAND_TIMEOUT,
            )?;
            output.success()?;
            let imports = parse_imports(&output.stdout);
            if imports.is_empty() {
                return Err(format!("`{}` lists no imports", output.line));
            }
            let winrt: Vec<String> = imports
                .iter()
                .filter(|(library, function)| is_winrt(library, function))
                .map(|(library, function)| format!("{library}!{function}"))
                .collect();
            if !winrt.is_empty() {
                return Err(format!(
                    "{} imports WinRT functions, which Wine lacks: {}",
                    file_name(&dll),
                    winrt.join(", ")
                ));
            }
            let mut libraries: Vec<String> = imports
                .iter()
                .map(|(library, _)| library.to_ascii_lowercase())
                .collect();
            libraries.sort();
            libraries.dedup();
            done.push(format!(
                "{}: {} functions from {}",
                handler.name,
                imports.len(),
                libraries.join(" ")
            ));
        }
        Ok(format!("no WinRT imports ({})", done.join("; ")))
    }

    /// Compiles the `ProcessPrng` shim and puts it beside the DLLs and the executable.
    fn shim(&mut self) -> StepResult {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("shim");
        let built = self.target_dir.join("wine-e2e/bcryptprimitives.dll");
        self.exec(
            "shim-gcc",
            Command::new("x86_64-w64-mingw32-gcc")
                .args(["-shared", "-O2", "-s", "-Wall", "-Wextra", "-Werror", "-o"])
                .arg(&built)
                .arg(source.join("bcryptprimitives.c"))
                .arg(source.join("bcryptprimitives.def"))
                .arg("-ladvapi32"),
            COMMAND_TIMEOUT,
        )?
        .success()?;
        let mut dirs: Vec<&Path> = Vec::new();
        for binary in self.dlls.iter().chain(&self.host) {
            let dir = binary.parent().ok_or("a built file has a directory")?;
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
        for dir in &dirs {
            let to = dir.join("bcryptprimitives.dll");
            fs::copy(&built, &to)
                .map_err(|e| format!("cannot copy the shim to {}: {e}", to.display()))?;
        }
        Ok(format!(
            "bcryptprimitives.dll in {}",
            dirs.iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }

    /// Creates the prefix once; a marker file tells a finished one (of this setup) from an
    /// interrupted or older one, which is made anew.
    fn prefix(&mut self) -> StepResult {
        let marker = self.prefix.join(".syncmgr-e2e-ready");
        if fs::read_to_string(&marker).is_ok_and(|stamp| stamp == PREFIX_STAMP) {
            return Ok(format!("reusing {}", self.prefix.display()));
        }
        if self.prefix.exists() {
            fs::remove_dir_all(&self.prefix)
                .map_err(|e| format!("cannot remove the old {}: {e}", self.prefix.display()))?;
        }
        self.exec(
            "wineboot",
            &mut self.wine(&["wineboot", "--init"]),
            WINEBOOT_TIMEOUT,
        )?
        .success()?;
        // Wine's null display driver: windows (a handler's dialog, a host's hidden window) can
        // be created without an X server. Read when the next Wine server starts.
        self.exec(
            "graphics-null",
            &mut self.wine(&[
                "reg",
                "add",
                r"HKCU\Software\Wine\Drivers",
                "/v",
                "Graphics",
                "/d",
                "null",
                "/f",
            ]),
            COMMAND_TIMEOUT,
        )?
        .success()?;
        // The registry reaches the disk when the server exits; the prefix is complete after that.
        self.exec(
            "wineserver-wait",
            &mut self.wine_env("wineserver", &["-w"]),
            WINEBOOT_TIMEOUT,
        )?
        .success()?;
        fs::write(&marker, PREFIX_STAMP)
            .map_err(|e| format!("cannot write {}: {e}", marker.display()))?;
        Ok(format!("created {}", self.prefix.display()))
    }

    fn register(&mut self) -> StepResult {
        let mut done = Vec::new();
        for (handler, dll) in HANDLERS.iter().zip(self.dlls.clone()) {
            done.push(self.register_one(handler, &dll)?);
        }
        Ok(done.join("; "))
    }

    /// `regsvr32 /s DLL`, then the checks of `InprocServer32` for `handler`.
    fn register_one(&mut self, handler: &Handler, dll: &Path) -> StepResult {
        let dll = windows_path(dll);
        self.exec(
            &format!("regsvr32-{}", handler.name),
            &mut self.wine(&["regsvr32", "/s", &dll]),
            COMMAND_TIMEOUT,
        )?
        .success()
        .map_err(|error| format!("`regsvr32 /s {dll}` failed (DllRegisterServer):\n{error}"))?;
        let key = format!("{}\\InprocServer32", clsid_key(handler.clsid));
        let query = self.exec(
            &format!("reg-query-{}", handler.name),
            &mut self.wine(&["reg", "query", &key]),
            COMMAND_TIMEOUT,
        )?;
        query
            .success()
            .map_err(|error| format!("regsvr32 succeeded but `{key}` is missing:\n{error}"))?;
        let values = parse_reg_query(&query.stdout);
        let value = |name: &str| {
            values
                .iter()
                .find(|(n, _, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, _, data)| data.as_str())
        };
        if !value("(Default)").is_some_and(|path| path.eq_ignore_ascii_case(&dll)) {
            return Err(format!(
                "{key} (default) is {:?}, expected {dll:?}",
                value("(Default)")
            ));
        }
        if value("ThreadingModel") != Some("Apartment") {
            return Err(format!(
                "{key} ThreadingModel is {:?}, expected \"Apartment\"",
                value("ThreadingModel")
            ));
        }
        let collection = collection_key(handler.clsid);
        self.exec(
            &format!("reg-query-collection-{}", handler.name),
            &mut self.wine(&["reg", "query", &collection]),
            COMMAND_TIMEOUT,
        )?
        .success()
        .map_err(|error| format!("regsvr32 succeeded but `{collection}` is missing:\n{error}"))?;
        // The collection's `DefaultIcon` names the DLL's icon, for a handler that has one.
        let icon_key = format!("{collection}\\DefaultIcon");
        let icon = self.exec(
            &format!("reg-query-collection-icon-{}", handler.name),
            &mut self.wine(&["reg", "query", &icon_key]),
            COMMAND_TIMEOUT,
        )?;
        let prefix = format!("{},-", dll.to_ascii_lowercase());
        let names_dll = icon.status.success()
            && parse_reg_query(&icon.stdout)
                .iter()
                .any(|(_, _, data)| data.to_ascii_lowercase().starts_with(&prefix));
        if names_dll != handler.icon {
            return Err(format!(
                "{icon_key} {} the DLL's icon, expected {}:\n{}",
                if names_dll { "names" } else { "does not name" },
                if handler.icon { "it to" } else { "no icon" },
                icon.stdout
            ));
        }
        Ok(format!(
            "{key} = {dll}, ThreadingModel = Apartment; {collection}{}",
            if handler.icon {
                " with DefaultIcon"
            } else {
                ""
            }
        ))
    }

    /// Each handler by CLSID with `--json`, checked; then the showcase with the human report.
    fn host(&mut self) -> StepResult {
        let Some(exe) = self.host.clone() else {
            return Ok(format!(
                "SKIPPED: no `{HOST_PACKAGE}` in the workspace yet (or pass --host <exe>)"
            ));
        };
        let mut done = Vec::new();
        for (handler, dll) in HANDLERS.iter().zip(self.dlls.clone()) {
            for mode in CallbackMode::ALL {
                let args = host_args(handler.clsid, true, mode);
                let output = self.run_host(&exe, handler, &args)?;
                let items = check_host_output(&output.stdout, &windows_path(&dll), mode)
                    .and_then(|items| {
                        // Sync Center reads no icon from the handler (none is announced).
                        if mode.center() {
                            Ok(items)
                        } else {
                            check_icon(&output.stdout, handler.icon).map(|()| items)
                        }
                    })
                    .map_err(|error| {
                        println!("wine-e2e: host stdout (verbatim):\n{}", output.stdout);
                        format!("`{}` printed a failing report: {error}", output.line)
                    })?;
                done.push(format!("{} ({}): {items}", handler.name, mode.name()));
            }
        }
        if let Some(handler) = HANDLERS.iter().find(|handler| handler.name == SHOWCASE) {
            let args = host_args(handler.clsid, false, CallbackMode::Apartment);
            let output = self.run_host(&exe, handler, &args)?;
            let line = format!("{} {}", file_name(&exe), args.join(" "));
            self.showcase = Some((line, output.stdout));
        }
        Ok(format!(
            "`{} {}`, with --agile-callback and with --sync-center exited 0 for each CLSID ({})",
            file_name(&exe),
            host_args("CLSID", true, CallbackMode::Apartment).join(" "),
            done.join("; ")
        ))
    }

    /// Runs the host under Wine with `args` for `handler`; `Err` unless it exits 0.
    fn run_host(
        &mut self,
        exe: &Path,
        handler: &Handler,
        args: &[String],
    ) -> Result<Output, String> {
        if let Some(demo_dir) = handler.demo_dir {
            self.remove_demo(handler, demo_dir)?;
        }
        let json = args.iter().any(|arg| arg == "--json");
        let agile = args.iter().any(|arg| arg == "--agile-callback");
        let center = args.iter().any(|arg| arg == "--sync-center");
        let label = format!(
            "host-{}{}{}{}",
            handler.name,
            if json { "-json" } else { "" },
            if agile { "-agile" } else { "" },
            if center { "-sync-center" } else { "" }
        );
        let mut command = self.wine(&[]);
        command
            .arg(exe)
            .args(args)
            .current_dir(exe.parent().unwrap_or(&self.root));
        let output = self.exec(&label, &mut command, HOST_TIMEOUT)?;
        if !output.stderr.trim().is_empty() {
            println!("wine-e2e: host stderr (verbatim):\n{}", output.stderr);
        }
        output.success()?;
        Ok(output)
    }

    /// Builds `benches/progress-handler` beside the other DLLs (and their shim); its Windows
    /// path.
    fn build_progress_dll(&mut self) -> Result<String, String> {
        let mut command = Command::new(super::cargo());
        command.current_dir(&self.root).args([
            "build",
            "--release",
            "--target",
            TARGET,
            "--message-format=json-render-diagnostics",
            "-p",
            PROGRESS_PACKAGE,
        ]);
        let output = self.exec("cargo-build-progress", &mut command, BUILD_TIMEOUT)?;
        output.success()?;
        let lib = PROGRESS_PACKAGE.replace('-', "_");
        let dll = artifact(
            &output.stdout,
            |target, _| target["name"] == lib.as_str() && has_kind(target, "cdylib"),
            ".dll",
        )
        .ok_or_else(|| format!("cargo built no `{lib}.dll`"))?;
        Ok(windows_path(&dll))
    }

    /// Reports from a thread the handler made itself: `benches/progress-handler` with
    /// `SYNCMGR_BENCH_THREAD=1` makes its [`THREAD_CALLS`] progress calls on a thread of its own,
    /// in every host mode. With the apartment objects the host checks that every call arrives
    /// on its own thread (the Sync Manager's STA thread, or the thread that called Sync
    /// Center's `Synchronize`), so the runtime must carry each one there; the count shows that
    /// none was dropped. A second session per mode skips the item at report [`THREAD_SKIP`]:
    /// the handler's thread must see the skip at its next report.
    fn threads(&mut self) -> StepResult {
        let exe = self.host.clone().ok_or("no host executable")?;
        let dll = self.build_progress_dll()?;
        let mut done = Vec::new();
        for mode in CallbackMode::ALL {
            let seen = self.thread_session(&exe, &dll, mode, None)?;
            let expected = THREAD_CALLS + 2;
            if seen != expected {
                return Err(format!(
                    "{PROGRESS_PACKAGE} ({}): {seen} progress reports arrived, expected {expected} ({THREAD_CALLS} from the handler's thread and the runtime's first and final status)",
                    mode.name()
                ));
            }
            // The user skips the item at its `THREAD_SKIP`-th report: the Sync Manager's host
            // calls `SetItemStatus(SKIPPED)`, Sync Center's answers that report with a cancel
            // request, which must find its way back to the handler's thread.
            let skipped = self.thread_session(&exe, &dll, mode, Some(THREAD_SKIP))?;
            if skipped != THREAD_SKIP + 1 {
                return Err(format!(
                    "{PROGRESS_PACKAGE} ({}), skipped at report {THREAD_SKIP}: {skipped} progress reports arrived, expected {} (up to the skip, then the final status)",
                    mode.name(),
                    THREAD_SKIP + 1
                ));
            }
            done.push(format!("{}: {seen}, skipped {skipped}", mode.name()));
        }
        Ok(format!(
            "{THREAD_CALLS} reports from the handler's own thread, all delivered in each mode, and a skip at report {THREAD_SKIP} obeyed there ({})",
            done.join(", ")
        ))
    }

    /// One session of [`Self::threads`]: the progress handler reporting from its own thread,
    /// registered for the session, skipped at report `skip` when given; checks the report
    /// (every item succeeded, or the skipped one ended skipped) and counts its progress
    /// reports.
    fn thread_session(
        &mut self,
        exe: &Path,
        dll: &str,
        mode: CallbackMode,
        skip: Option<u64>,
    ) -> Result<u64, String> {
        let mut args = vec![dll.to_owned()];
        args.extend(host_args(PROGRESS_CLSID, true, mode));
        args.extend(["--register", "--unregister"].map(str::to_owned));
        if let Some(skip) = skip {
            args.extend(["--skip".to_owned(), format!("Progress@#{skip}")]);
        }
        let mut command = self.wine(&[]);
        command
            .arg(exe)
            .args(&args)
            .env("SYNCMGR_BENCH_PROGRESS", THREAD_CALLS.to_string())
            .env("SYNCMGR_BENCH_THREAD", "1")
            .current_dir(exe.parent().unwrap_or(&self.root));
        let label = format!(
            "threads-{}{}",
            mode.name(),
            if skip.is_some() { "-skip" } else { "" }
        );
        let output = self.exec(&label, &mut command, HOST_TIMEOUT)?;
        let expected = match skip {
            None => "SUCCEEDED",
            Some(_) if mode.center() => "CANCELED",
            Some(_) => "SKIPPED",
        };
        output
            .success()
            .and_then(|()| check_host_report(&output.stdout, dll, mode, expected))
            .and_then(|_| progress_count(&output.stdout, mode))
            .map_err(|error| {
                println!("wine-e2e: host stdout (verbatim):\n{}", output.stdout);
                format!("{PROGRESS_PACKAGE} ({label}): {error}")
            })
    }

    /// The tests of [`WINDOWS_TEST_PACKAGES`] built for Windows (`cargo test --no-run --target
    /// x86_64-pc-windows-gnu`) and run under Wine, each test executable on its own: there the
    /// runtime and the test kit take their Windows paths (apartments, the callback's home
    /// window, COM activation), which the Linux test run never reaches.
    fn windows_tests(&mut self) -> StepResult {
        let mut command = Command::new(super::cargo());
        command.current_dir(&self.root).args([
            "test",
            "--no-run",
            "--target",
            TARGET,
            "--message-format=json-render-diagnostics",
        ]);
        for package in WINDOWS_TEST_PACKAGES {
            command.args(["-p", package]);
        }
        let output = self.exec_with("cargo-test-build", &mut command, BUILD_TIMEOUT, true)?;
        output.success()?;
        let executables = test_executables(&output.stdout);
        if executables.is_empty() {
            return Err("cargo built no test executable".to_owned());
        }
        let shim = self.target_dir.join("wine-e2e/bcryptprimitives.dll");
        let mut dirs: Vec<&Path> = Vec::new();
        for (_, _, exe) in &executables {
            let dir = exe.parent().ok_or("a test executable has a directory")?;
            if !dirs.contains(&dir) {
                fs::copy(&shim, dir.join("bcryptprimitives.dll"))
                    .map_err(|e| format!("cannot copy the shim to {}: {e}", dir.display()))?;
                dirs.push(dir);
            }
        }
        let mut passed = 0;
        let mut skipped = Vec::new();
        for (source, target, exe) in &executables {
            let source = source
                .strip_prefix(&self.root)
                .unwrap_or(source)
                .to_path_buf();
            if let Some((_, why)) = WINDOWS_TEST_EXCLUDED
                .iter()
                .find(|(excluded, _)| source == Path::new(excluded))
            {
                skipped.push(format!("{} ({why})", source.display()));
                continue;
            }
            let mut command = self.wine(&[]);
            command
                .arg(exe)
                .env("SYNCMGR_PROPTEST_CASES", WINDOWS_PROPTEST_CASES)
                .current_dir(&self.root);
            let label = format!("windows-test-{target}");
            let run = self.exec(&label, &mut command, HOST_TIMEOUT)?;
            run.success().map_err(|error| {
                format!(
                    "{target} ({}) failed under Wine:\n{error}",
                    source.display()
                )
            })?;
            passed += test_count(&run.stdout)
                .ok_or_else(|| format!("{target} printed no test result:\n{}", run.stdout))?;
        }
        Ok(format!(
            "{passed} tests passed under Wine; not run: {}",
            if skipped.is_empty() {
                "none".to_owned()
            } else {
                skipped.join("; ")
            }
        ))
    }

    /// The `Progress` cost of each delivery path, as sessions through the host with an
    /// apartment callback (every call carried to the host's thread: Wine has no proxy/stub) and
    /// with an agile one (direct calls), as the Sync Manager and as Sync Center (whose apartment
    /// path runs the session on a worker while the `Synchronize` thread pumps), `runs` times
    /// each, alternating, after one untimed
    /// round: `benches/progress-handler` making `calls` progress calls and nothing else, then
    /// the mirror handler on `files` up-to-date files.
    fn bench_paths(&mut self, calls: usize, files: usize, runs: usize) -> StepResult {
        let exe = self.host.clone().ok_or("no host executable")?;
        let progress_dll = self.build_progress_dll()?;
        let progress_args = |mode: CallbackMode| {
            let mut args = vec![progress_dll.clone()];
            args.extend(host_args(PROGRESS_CLSID, true, mode));
            args.extend(["--register", "--unregister", "--timeout", "600"].map(str::to_owned));
            args
        };
        let progress = self.bench_sessions(
            &exe,
            &progress_args,
            ("SYNCMGR_BENCH_PROGRESS", &calls.to_string()),
            &progress_dll,
            runs,
        )?;
        let expected = calls as u64 + 2;
        if let Some((_, _, seen)) = progress.iter().find(|(_, _, seen)| *seen != expected) {
            return Err(format!(
                "the progress handler made {seen} Progress calls, expected {expected} ({calls} and the runtime's first and final status)"
            ));
        }

        let (index, handler) = HANDLERS
            .iter()
            .enumerate()
            .find(|(_, handler)| handler.name == SHOWCASE)
            .ok_or("no mirror handler")?;
        let dir = self.target_dir.join("wine-bench");
        let (source, destination) = (dir.join("source"), dir.join("destination"));
        let _ = fs::remove_dir_all(&dir);
        for n in 0..files {
            let folder = source.join(format!("folder-{:03}", n / 100));
            fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
            let file = folder.join(format!("file-{n:05}.txt"));
            fs::write(&file, format!("file {n}\n"))
                .map_err(|e| format!("{}: {e}", file.display()))?;
        }
        let pair = format!(
            "Bench|{}|{}",
            windows_path(&source),
            windows_path(&destination)
        );
        let mirror_dll = windows_path(&self.dlls[index]);
        // The untimed first round copies every file; the measured ones find them up to date.
        let mirror_args = |mode: CallbackMode| {
            let mut args = host_args(handler.clsid, true, mode);
            args.extend(["--timeout", "600"].map(str::to_owned));
            args
        };
        let mirror = self.bench_sessions(
            &exe,
            &mirror_args,
            ("SYNCMGR_MIRROR", &pair),
            &mirror_dll,
            runs,
        )?;

        let (progress_table, progress_hop) = bench_table(&progress);
        let (mirror_table, mirror_hop) = bench_table(&mirror);
        println!("\n`benches/progress-handler`, {calls} calls:\n\n{progress_table}");
        println!("`examples/mirror`, {files} files up to date:\n\n{mirror_table}");
        Ok(format!(
            "{runs} runs per path: the thread hop adds {:.1} µs per Progress to a direct call with the progress-only handler, {:.1} µs in the mirror's session (Sync Center: {:.1} µs and {:.1} µs)",
            progress_hop.0, mirror_hop.0, progress_hop.1, mirror_hop.1
        ))
    }

    /// `runs` + 1 rounds of one host session per callback mode (both hosts), alternating, with
    /// `env` set; the first round is not kept. Each sample: mode, microseconds from
    /// `Synchronize` until the host saw the session end (`SynchronizeCompleted`, or Sync
    /// Center's `Synchronize` returning), progress reports.
    fn bench_sessions(
        &mut self,
        exe: &Path,
        args: &dyn Fn(CallbackMode) -> Vec<String>,
        env: (&str, &str),
        dll: &str,
        runs: usize,
    ) -> Result<Vec<(CallbackMode, u64, u64)>, String> {
        let mut samples = Vec::new();
        for run in 0..=runs {
            for mode in CallbackMode::ALL {
                let mut command = self.wine(&[]);
                command
                    .arg(exe)
                    .args(args(mode))
                    .env(env.0, env.1)
                    .current_dir(exe.parent().unwrap_or(&self.root));
                let label = format!("bench-{}-{run}", mode.name());
                let output = self.exec(&label, &mut command, HOST_TIMEOUT)?;
                output.success()?;
                check_host_output(&output.stdout, dll, mode)?;
                let report: serde_json::Value = serde_json::from_str(&output.stdout)
                    .map_err(|e| format!("the host's output is not JSON: {e}"))?;
                let micros = report["synchronize_us"]
                    .as_u64()
                    .ok_or("the report has no synchronize_us")?;
                let progress = progress_count(&output.stdout, mode)?;
                if run > 0 {
                    samples.push((mode, micros, progress));
                }
            }
        }
        Ok(samples)
    }

    /// Removes `%TEMP%\DEMO_DIR` from the prefix (the example seeds it again), so that the run
    /// shows the handler at work (files copied rather than found up to date).
    fn remove_demo(&mut self, handler: &Handler, demo_dir: &str) -> Result<(), String> {
        let demo = format!("%TEMP%\\{demo_dir}");
        self.exec(
            &format!("demo-remove-{}", handler.name),
            &mut self.wine(&[
                "cmd", "/c", "if", "exist", &demo, "rmdir", "/s", "/q", &demo,
            ]),
            COMMAND_TIMEOUT,
        )?
        .success()
        .map_err(|error| format!("cannot remove the {} demo folders:\n{error}", handler.name))
    }

    /// Compiles `sta_client.exe` beside the DLLs and runs it on each registered handler.
    fn sta_client(&mut self) -> StepResult {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("sta-client/sta_client.c");
        let dir = self.dlls[0]
            .parent()
            .ok_or("a built DLL has a directory")?
            .to_path_buf();
        let exe = dir.join("sta_client.exe");
        self.exec(
            "sta-client-gcc",
            Command::new("x86_64-w64-mingw32-gcc")
                .args(["-municode", "-O2", "-Wall", "-Wextra", "-Werror", "-o"])
                .arg(&exe)
                .arg(&source)
                .args(["-lole32", "-luuid"]),
            COMMAND_TIMEOUT,
        )?
        .success()?;
        let mut done = Vec::new();
        for (handler, dll) in HANDLERS.iter().zip(self.dlls.clone()) {
            if let Some(demo_dir) = handler.demo_dir {
                self.remove_demo(handler, demo_dir)?;
            }
            let clsid = format!("{{{}}}", handler.clsid);
            let mut command = self.wine(&[]);
            command
                .arg(&exe)
                .arg(&clsid)
                .arg(windows_path(&dll))
                .current_dir(&dir);
            let output = self.exec(
                &format!("sta-client-{}", handler.name),
                &mut command,
                COMMAND_TIMEOUT,
            )?;
            output.success()?;
            let tally = output
                .stdout
                .lines()
                .rev()
                .find(|line| line.ends_with(" failed"))
                .ok_or_else(|| format!("`{}` printed no tally:\n{}", output.line, output.stdout))?;
            done.push(format!("{}: {tally}", handler.name));
        }
        Ok(done.join("; "))
    }

    fn unregister(&mut self) -> StepResult {
        let mut done = Vec::new();
        for (handler, dll) in HANDLERS.iter().zip(self.dlls.clone()) {
            done.push(self.unregister_one(handler, &dll)?);
        }
        Ok(done.join("; "))
    }

    /// `regsvr32 /u /s DLL`, then the check that the CLSID key of `handler` is gone.
    fn unregister_one(&mut self, handler: &Handler, dll: &Path) -> StepResult {
        let dll = windows_path(dll);
        self.exec(
            &format!("regsvr32-u-{}", handler.name),
            &mut self.wine(&["regsvr32", "/u", "/s", &dll]),
            COMMAND_TIMEOUT,
        )?
        .success()
        .map_err(|error| {
            format!("`regsvr32 /u /s {dll}` failed (DllUnregisterServer):\n{error}")
        })?;
        let key = clsid_key(handler.clsid);
        self.gone(&format!("reg-query-gone-{}", handler.name), &key)?;
        let collection = collection_key(handler.clsid);
        self.gone(
            &format!("reg-query-collection-gone-{}", handler.name),
            &collection,
        )?;
        Ok(format!("{key} and {collection} are gone"))
    }

    /// `reg query KEY` (logged as `label`) must fail: the key is gone.
    fn gone(&mut self, label: &str, key: &str) -> Result<(), String> {
        let query = self.exec(
            label,
            &mut self.wine(&["reg", "query", key]),
            COMMAND_TIMEOUT,
        )?;
        if query.status.success() {
            return Err(format!(
                "{key} is still there after unregistering:\n{}",
                query.stdout
            ));
        }
        Ok(())
    }

    // ---- commands ----

    /// `wine ARGS` in the prefix.
    fn wine(&self, args: &[&str]) -> Command {
        self.wine_env("wine", args)
    }

    /// `program ARGS` with the prefix's environment (for `wine`, `wineserver`, `--version`s).
    fn wine_env(&self, program: &str, args: &[&str]) -> Command {
        let mut command = Command::new(program);
        command
            .args(args)
            .current_dir(&self.root)
            .env("WINEPREFIX", &self.prefix)
            .env("WINEARCH", "win64")
            .env(
                "WINEDEBUG",
                std::env::var_os("WINEDEBUG").unwrap_or_else(|| WINEDEBUG.into()),
            )
            .env("WINEDLLOVERRIDES", WINEDLLOVERRIDES);
        command
    }

    /// Runs `command` with its output in two log files (files, unlike pipes, never wait for
    /// the Wine processes that outlive the command), killing it after `timeout`.
    fn exec(
        &mut self,
        label: &str,
        command: &mut Command,
        timeout: Duration,
    ) -> Result<Output, String> {
        self.exec_with(label, command, timeout, false)
    }

    /// [`exec`](Self::exec), with stderr on the terminal when `live_stderr`.
    fn exec_with(
        &mut self,
        label: &str,
        command: &mut Command,
        timeout: Duration,
        live_stderr: bool,
    ) -> Result<Output, String> {
        self.commands += 1;
        let log = self.logs.join(format!("{:02}-{label}", self.commands));
        let line = command_line(command);
        let (stdout_path, stderr_path) =
            (log.with_extension("stdout"), log.with_extension("stderr"));
        let create = |path: &Path| {
            fs::File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))
        };
        command.stdin(Stdio::null()).stdout(create(&stdout_path)?);
        if live_stderr {
            command.stderr(Stdio::inherit());
        } else {
            command.stderr(create(&stderr_path)?);
        }
        let mut child = command
            .spawn()
            .map_err(|e| format!("cannot run `{line}`: {e}"))?;
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if started.elapsed() > timeout => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(format!(
                        "`{line}` did not finish within {}s; killed",
                        timeout.as_secs()
                    ));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(20)),
                Err(e) => return Err(format!("waiting for `{line}`: {e}")),
            }
        };
        let read = |path: &Path| {
            String::from_utf8_lossy(&fs::read(path).unwrap_or_default()).replace("\r\n", "\n")
        };
        Ok(Output {
            line,
            status,
            stdout: read(&stdout_path),
            stderr: read(&stderr_path),
        })
    }
}

/// A finished command.
struct Output {
    line: String,
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl Output {
    /// `Ok` on exit code 0; else the command, its status and the tail of its output.
    fn success(&self) -> Result<(), String> {
        if self.status.success() {
            return Ok(());
        }
        let mut error = format!("`{}` exited with {}", self.line, self.status);
        for (name, text) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            let lines: Vec<&str> = text.lines().collect();
            if !lines.is_empty() {
                let _ = write!(error, "\n--- {name} (last lines) ---");
                for line in &lines[lines.len().saturating_sub(30)..] {
                    let _ = write!(error, "\n{line}");
                }
            }
        }
        if self.line.starts_with("wine") {
            error.push_str("\n(for Wine's own diagnostics, run again with WINEDEBUG=err+all)");
        }
        Err(error)
    }
}

// ======== HOST INVOCATION: the one place that knows the host's command line ========
//
// `syncmgr-host --clsid GUID [--json]` creates the handler by CLSID alone, drives one full sync
// session and prints the human report, or one JSON document with `--json`; exit code 0 means a
// conforming session in which every item succeeded (1: a call or an item failed, 2: protocol
// violations, 3: the handler could not be created, 64: bad command line). The DLL is registered
// by then, so `CoCreateInstance` finds it through `InprocServer32`; the report names the DLL
// that COM loaded. Change these two functions if that interface changes.

/// The host's ways to drive a handler: the Sync Manager's two kinds of callback, and Sync
/// Center.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CallbackMode {
    /// The default: an apartment object of the host's pumping STA thread, as the Sync
    /// Manager's; the report says `"callback": "apartment"`.
    Apartment,
    /// `--agile-callback`: answers `IAgileObject`; the report says `"callback": "agile"`.
    Agile,
    /// `--sync-center`: the handler found through the registered handler collections and
    /// driven through `ISyncMgrHandler`, with a session creator and callback that are apartment
    /// objects of the `Synchronize` thread; the report says `"host": "sync-center"` and
    /// `"callback": "apartment"`.
    SyncCenter,
    /// `--sync-center --agile-callback`: the same with agile ones (`"callback": "agile"`).
    SyncCenterAgile,
}

impl CallbackMode {
    const ALL: [Self; 4] = [
        Self::Apartment,
        Self::Agile,
        Self::SyncCenter,
        Self::SyncCenterAgile,
    ];

    /// A name for logs and summaries.
    fn name(self) -> &'static str {
        match self {
            Self::Apartment => "apartment",
            Self::Agile => "agile",
            Self::SyncCenter => "sync-center",
            Self::SyncCenterAgile => "sync-center-agile",
        }
    }

    /// Whether the host plays Sync Center.
    fn center(self) -> bool {
        matches!(self, Self::SyncCenter | Self::SyncCenterAgile)
    }

    /// The report's `callback`.
    fn callback(self) -> &'static str {
        match self {
            Self::Apartment | Self::SyncCenter => "apartment",
            Self::Agile | Self::SyncCenterAgile => "agile",
        }
    }
}

/// The host's arguments after the executable, for the handler `clsid`.
fn host_args(clsid: &str, json: bool, mode: CallbackMode) -> Vec<String> {
    let mut args = vec!["--clsid".to_owned(), clsid.to_owned()];
    if json {
        args.push("--json".to_owned());
    }
    if mode.center() {
        args.push("--sync-center".to_owned());
    }
    if mode.callback() == "agile" {
        args.push("--agile-callback".to_owned());
    }
    args
}

/// The registry key of the handler collection of the library whose first class is `clsid` (each
/// example library serves one class), where `DllRegisterServer` registers it for Sync Center.
fn collection_key(clsid: &str) -> String {
    let clsid = syncmgr::GUID::try_from(clsid).expect("the examples' CLSIDs are GUIDs");
    format!(
        "HKLM\\{}\\{{{:?}}}",
        syncmgr::server::HANDLER_COLLECTIONS_KEY,
        syncmgr::server::collection_clsid_of(clsid)
    )
}

/// Checks the host's `--json` report: outcome `success`, no violations or problems, the
/// callback of `mode`, at least one item and every item `SUCCEEDED`, and the handler loaded from
/// `dll` (a Windows path) when the report names its DLL. `Ok` says how many items succeeded.
fn check_host_output(stdout: &str, dll: &str, mode: CallbackMode) -> Result<String, String> {
    check_host_report(stdout, dll, mode, "SUCCEEDED")
}

/// [`check_host_output`] for a session whose every item must end with the final status
/// `expected` (`SKIPPED`, say, when the user skipped them).
fn check_host_report(
    stdout: &str,
    dll: &str,
    mode: CallbackMode,
    expected: &str,
) -> Result<String, String> {
    if stdout.trim().is_empty() {
        return Err("the host printed nothing".to_owned());
    }
    let report: serde_json::Value =
        serde_json::from_str(stdout).map_err(|e| format!("the host's output is not JSON: {e}"))?;
    if report["outcome"] != "success" {
        return Err(format!(
            "outcome {}, expected \"success\"",
            report["outcome"]
        ));
    }
    if mode.center() && report["host"] != "sync-center" {
        return Err(format!("host {}, expected \"sync-center\"", report["host"]));
    }
    if report["callback"] != mode.callback() {
        return Err(format!(
            "callback {}, expected \"{}\"",
            report["callback"],
            mode.callback()
        ));
    }
    for list in ["violations", "problems"] {
        match report[list].as_array() {
            Some(entries) if entries.is_empty() => {}
            Some(entries) => {
                let entries: Vec<String> = entries.iter().map(ToString::to_string).collect();
                return Err(format!("{list}: {}", entries.join("; ")));
            }
            None => return Err(format!("the report has no `{list}` list")),
        }
    }
    let items = report["items"].as_array().map_or(&[][..], Vec::as_slice);
    if items.is_empty() {
        return Err("the report lists no items".to_owned());
    }
    for item in items {
        if item["final_status"] != expected {
            return Err(format!(
                "item {} ended {}, expected \"{expected}\"",
                item["name"], item["final_status"]
            ));
        }
    }
    if let Some(loaded) = report["handler"]["dll"].as_str()
        && !loaded.eq_ignore_ascii_case(dll)
    {
        return Err(format!("the handler came from {loaded}, expected {dll}"));
    }
    Ok(format!("{} item(s) {expected}", items.len()))
}

/// How many progress reports the host's JSON report counts: the Sync Manager's `Progress`
/// calls, or Sync Center's `ReportProgress` calls over every item.
fn progress_count(stdout: &str, mode: CallbackMode) -> Result<u64, String> {
    let report: serde_json::Value =
        serde_json::from_str(stdout).map_err(|e| format!("the host's output is not JSON: {e}"))?;
    if mode.center() {
        report["items"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|item| item["reports"].as_u64())
                    .sum()
            })
            .ok_or_else(|| "the report lists no items".to_owned())
    } else {
        report["events"]["progress"]
            .as_u64()
            .ok_or_else(|| "the report counts no progress".to_owned())
    }
}

/// Checks that the report's handler has an icon exactly when `expected`.
fn check_icon(stdout: &str, expected: bool) -> Result<(), String> {
    let report: serde_json::Value =
        serde_json::from_str(stdout).map_err(|e| format!("the host's output is not JSON: {e}"))?;
    match report["handler"]["icon"].as_bool() {
        Some(icon) if icon == expected => Ok(()),
        Some(icon) => Err(format!(
            "GetHandlerInfo gave {} icon, expected {}",
            if icon { "an" } else { "no" },
            if expected {
                "one (icon = … in the attribute)"
            } else {
                "none"
            }
        )),
        None => Err("the report does not say whether the handler has an icon".to_owned()),
    }
}

// ======== end of HOST INVOCATION ========

/// The mingw-w64 objdump, which reads PE import tables.
pub(crate) const OBJDUMP: &str = "x86_64-w64-mingw32-objdump";

/// `(library, function)` per import in `objdump -p` output: a `DLL Name: X` line, then one
/// `vma  hint  name` row per function (ordinal imports have no name and are skipped).
pub(crate) fn parse_imports(output: &str) -> Vec<(String, String)> {
    let mut library = None;
    let mut imports = Vec::new();
    for line in output.lines() {
        let line = line.trim();
        if let Some(name) = line.strip_prefix("DLL Name:") {
            library = Some(name.trim().to_owned());
        } else if line.is_empty() {
            library = None;
        } else if let Some(library) = &library {
            let fields: Vec<&str> = line.split_whitespace().collect();
            if let [vma, hint, function] = fields[..]
                && u64::from_str_radix(vma, 16).is_ok()
                && hint.parse::<u32>().is_ok()
            {
                imports.push((library.clone(), function.to_owned()));
            }
        }
    }
    imports
}

/// Whether an import is Windows Runtime's: a `Ro*` function (`RoGetAgileReference`, `RoOriginateErrorW`,
/// …) or anything from a `winrt` API set.
pub(crate) fn is_winrt(library: &str, function: &str) -> bool {
    let ro = function
        .strip_prefix("Ro")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()));
    ro || library.to_ascii_lowercase().contains("winrt")
}

/// The Markdown table of `samples` (see [`E2e::bench_sessions`]) and the thread hop's cost per
/// `Progress` over a direct call (from the median sessions), for the Sync Manager and for Sync Center.
fn bench_table(samples: &[(CallbackMode, u64, u64)]) -> (String, (f64, f64)) {
    let mut table = String::from(
        "| Path | Progress calls | Session: median | fastest | slowest | Per Progress: median | fastest |\n|---|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut per_call = Vec::new();
    for mode in CallbackMode::ALL {
        let mut sessions: Vec<u64> = samples
            .iter()
            .filter(|(m, _, _)| *m == mode)
            .map(|(_, micros, _)| *micros)
            .collect();
        sessions.sort_unstable();
        if sessions.is_empty() {
            continue;
        }
        let progress = samples
            .iter()
            .find(|(m, _, _)| *m == mode)
            .map_or(0, |(_, _, progress)| *progress);
        // Microseconds and call counts of one session: far below f64's exact range.
        #[allow(clippy::cast_precision_loss)]
        let (median, fastest, slowest, calls) = (
            sessions[sessions.len() / 2] as f64,
            sessions[0] as f64,
            sessions[sessions.len() - 1] as f64,
            progress.max(1) as f64,
        );
        per_call.push((mode, median / calls, fastest / calls));
        let path = match mode {
            CallbackMode::Apartment => {
                "Sync Manager: carried to the STA thread (apartment callback, no proxy/stub)"
            }
            CallbackMode::Agile => "Sync Manager: direct (agile callback)",
            CallbackMode::SyncCenter => {
                "Sync Center: carried to the `Synchronize` thread, which pumps (apartment callback)"
            }
            CallbackMode::SyncCenterAgile => {
                "Sync Center: direct, on the `Synchronize` thread (agile callback)"
            }
        };
        let _ = writeln!(
            table,
            "| {path} | {progress} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} µs | {:.1} µs |",
            median / 1000.0,
            fastest / 1000.0,
            slowest / 1000.0,
            median / calls,
            fastest / calls
        );
    }
    // A carried path's cost over the direct one of the same host, by medians and by the
    // fastest sessions (NaN without samples of both).
    let hop = |carried: CallbackMode, direct: CallbackMode| {
        let figures = |mode| per_call.iter().find(|(m, _, _)| *m == mode);
        match (figures(carried), figures(direct)) {
            (Some((_, median, fastest)), Some((_, direct_median, direct_fastest))) => {
                (median - direct_median, fastest - direct_fastest)
            }
            _ => (f64::NAN, f64::NAN),
        }
    };
    let manager = hop(CallbackMode::Apartment, CallbackMode::Agile);
    let center = hop(CallbackMode::SyncCenter, CallbackMode::SyncCenterAgile);
    let _ = writeln!(
        table,
        "\nThe thread hop over a direct call: {:.1} µs per Progress (medians), {:.1} µs (fastest sessions) for the Sync Manager; {:.1} µs and {:.1} µs for Sync Center.",
        manager.0, manager.1, center.0, center.1
    );
    (table, (manager.0, center.0))
}

/// `HKCR\CLSID\{CLSID}`, as `reg` spells it.
fn clsid_key(clsid: &str) -> String {
    format!("HKCR\\CLSID\\{{{}}}", clsid.to_ascii_uppercase())
}

/// The path Wine shows for a Unix path: drive `Z:` is the root of the file system.
fn windows_path(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

/// The values in `reg query KEY` output: `(name, type, data)` per `    name    REG_SZ    data`.
fn parse_reg_query(output: &str) -> Vec<(String, String, String)> {
    output
        .lines()
        .filter_map(|line| {
            let line = line.strip_prefix("    ")?;
            let mut fields = line.splitn(3, "    ");
            let (name, kind) = (fields.next()?, fields.next()?);
            kind.starts_with("REG_").then(|| {
                (
                    name.to_owned(),
                    kind.to_owned(),
                    fields.next().unwrap_or_default().to_owned(),
                )
            })
        })
        .collect()
}

/// The file of `extension` that cargo's JSON `messages` report for a target `select`s.
fn artifact(
    messages: &str,
    select: impl Fn(&serde_json::Value, &str) -> bool,
    extension: &str,
) -> Option<PathBuf> {
    messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-artifact")
        .filter(|message| {
            select(
                &message["target"],
                message["package_id"].as_str().unwrap_or_default(),
            )
        })
        .flat_map(|message| {
            message["filenames"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|name| name.as_str().map(PathBuf::from))
                .collect::<Vec<_>>()
        })
        .find(|path| path.to_string_lossy().ends_with(extension))
}

/// The test executables in cargo's JSON messages: source file, target name, path.
fn test_executables(messages: &str) -> Vec<(PathBuf, String, PathBuf)> {
    messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| {
            message["reason"] == "compiler-artifact" && message["profile"]["test"] == true
        })
        .filter_map(|message| {
            Some((
                PathBuf::from(message["target"]["src_path"].as_str()?),
                message["target"]["name"].as_str()?.to_owned(),
                PathBuf::from(message["executable"].as_str()?),
            ))
        })
        .collect()
}

/// How many tests passed, from a test executable's `test result: ok. N passed; …` line.
fn test_count(stdout: &str) -> Option<usize> {
    stdout
        .lines()
        .find_map(|line| line.strip_prefix("test result: ok. "))?
        .split(' ')
        .next()?
        .parse()
        .ok()
}

fn has_kind(target: &serde_json::Value, kind: &str) -> bool {
    target["kind"]
        .as_array()
        .is_some_and(|kinds| kinds.iter().any(|k| k == kind))
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

fn command_line(command: &Command) -> String {
    std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reg_query_values() {
        let output = "\nHKEY_CLASSES_ROOT\\CLSID\\{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}\\InprocServer32\n    \
            (Default)    REG_SZ    Z:\\work\\my dir\\example_minimal.dll\n    ThreadingModel    REG_SZ    Apartment\n    Empty    REG_SZ\n\n";
        assert_eq!(
            parse_reg_query(output),
            [
                (
                    "(Default)",
                    "REG_SZ",
                    "Z:\\work\\my dir\\example_minimal.dll"
                ),
                ("ThreadingModel", "REG_SZ", "Apartment"),
                ("Empty", "REG_SZ", ""),
            ]
            .map(|(n, k, d)| (n.to_owned(), k.to_owned(), d.to_owned()))
        );
    }

    #[test]
    fn paths_and_keys() {
        assert_eq!(
            windows_path(Path::new(
                "/work/main/target/x86_64-pc-windows-gnu/debug/example_minimal.dll"
            )),
            "Z:\\work\\main\\target\\x86_64-pc-windows-gnu\\debug\\example_minimal.dll"
        );
        assert_eq!(
            clsid_key(HANDLERS[0].clsid),
            "HKCR\\CLSID\\{6B0F7C3E-8C55-4F59-9D7B-3F4F2F6F0A11}"
        );
        assert_eq!(
            clsid_key(HANDLERS[1].clsid),
            "HKCR\\CLSID\\{3F1D8C52-9B6E-4A07-8E21-5C4D7A9B0E13}"
        );
    }

    /// Each handler's CLSID is the one its example crate declares, and the showcase is one of
    /// them.
    #[test]
    fn handlers_match_the_examples() {
        for handler in HANDLERS {
            let source = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../examples")
                .join(handler.name)
                .join("src/lib.rs");
            let source =
                fs::read_to_string(&source).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
            assert!(
                source.contains(&format!("clsid = \"{}\"", handler.clsid)),
                "examples/{} declares {}",
                handler.name,
                handler.clsid
            );
            assert_eq!(handler.package, format!("example-{}", handler.name));
        }
        assert!(HANDLERS.iter().any(|handler| handler.name == SHOWCASE));
    }

    #[test]
    fn host_command_line() {
        let clsid = HANDLERS[1].clsid;
        assert_eq!(
            host_args(clsid, true, CallbackMode::Apartment),
            ["--clsid", clsid, "--json"]
        );
        assert_eq!(
            host_args(clsid, false, CallbackMode::Apartment),
            ["--clsid", clsid]
        );
        assert_eq!(
            host_args(clsid, true, CallbackMode::Agile),
            ["--clsid", clsid, "--json", "--agile-callback"]
        );
    }

    /// Test executables from cargo's messages, and the count of a passing run.
    #[test]
    fn windows_test_executables_and_counts() {
        let messages = [
            r#"{"reason":"compiler-artifact","profile":{"test":true},"target":{"name":"test_center","src_path":"/w/testkit/tests/test_center.rs"},"executable":"/w/t/test_center-1.exe"}"#,
            r#"{"reason":"compiler-artifact","profile":{"test":false},"target":{"name":"syncmgr","src_path":"/w/runtime/src/lib.rs"},"executable":null}"#,
            r#"{"reason":"build-finished","success":true}"#,
        ]
        .join("\n");
        assert_eq!(
            test_executables(&messages),
            [(
                PathBuf::from("/w/testkit/tests/test_center.rs"),
                "test_center".to_owned(),
                PathBuf::from("/w/t/test_center-1.exe")
            )]
        );
        assert_eq!(
            test_count("running 23 tests\n...\ntest result: ok. 23 passed; 0 failed; 0 ignored"),
            Some(23)
        );
        assert_eq!(test_count("test result: FAILED. 21 passed; 1 failed"), None);
        assert_eq!(test_count(""), None);
    }

    /// Medians, extremes and per-call figures of the benchmark table.
    #[test]
    fn bench_table_figures() {
        use CallbackMode::{Agile, Apartment, SyncCenter, SyncCenterAgile};
        let samples = [
            (Apartment, 3_000, 1_000),
            (Agile, 1_200, 1_000),
            (Apartment, 2_000, 1_000),
            (Agile, 1_000, 1_000),
            (Apartment, 5_000, 1_000),
            (Agile, 900, 1_000),
        ];
        let (table, (hop, center)) = bench_table(&samples);
        assert!((hop - 2.0).abs() < 1e-9, "{hop}");
        assert!(center.is_nan(), "no Sync Center samples: {center}");
        assert!(!table.contains("Sync Center:"), "{table}");
        let both: Vec<_> = samples
            .iter()
            .copied()
            .chain([(SyncCenter, 4_000, 1_000), (SyncCenterAgile, 1_500, 1_000)])
            .collect();
        let (table, (_, center)) = bench_table(&both);
        assert!((center - 2.5).abs() < 1e-9, "{center}");
        assert!(
            table.contains("2.5 µs and 2.5 µs for Sync Center"),
            "{table}"
        );
        assert!(
            table.contains("| 1000 | 3.0 ms | 2.0 ms | 5.0 ms | 3.0 µs | 2.0 µs |"),
            "{table}"
        );
        assert!(
            table.contains("| 1000 | 1.0 ms | 0.9 ms | 1.2 ms | 1.0 µs | 0.9 µs |"),
            "{table}"
        );
        assert!(
            table.contains("2.0 µs per Progress (medians), 1.1 µs (fastest"),
            "{table}"
        );
    }

    /// Imports as `objdump -p` prints them, and the Windows Runtime ones among them.
    #[test]
    fn imports_from_objdump() {
        let output = "The Import Tables (interpreted .idata section contents)
 vma:            Hint    Time      Forward  DLL       First
                 Table   Stamp     Chain    Name      Thunk
 00157000	001576d8 00000000 00000000 00158fd4 00157d68

\tDLL Name: ole32.dll
\tvma:  Hint/Ord Member-Name Bound-To
\t158af8\t    1  CoCreateInstance
\t158b0c\t    5  RoGetAgileReference

 00157118	001577f0 00000000 00000000 00159130 00157ed0

\tDLL Name: api-ms-win-core-winrt-error-l1-1-0.dll
\tvma:  Hint/Ord Member-Name Bound-To
\t158ca2\t    1  RoOriginateErrorW

\tDLL Name: user32.dll
\tvma:  Hint/Ord Member-Name Bound-To
\t158cb6\t    1  RegisterClassW
\t158cc6\t    2  Rectangle
";
        let imports = parse_imports(output);
        let named = |library: &str, function: &str| (library.to_owned(), function.to_owned());
        assert_eq!(
            imports,
            [
                named("ole32.dll", "CoCreateInstance"),
                named("ole32.dll", "RoGetAgileReference"),
                named(
                    "api-ms-win-core-winrt-error-l1-1-0.dll",
                    "RoOriginateErrorW"
                ),
                named("user32.dll", "RegisterClassW"),
                named("user32.dll", "Rectangle"),
            ]
        );
        let winrt: Vec<&str> = imports
            .iter()
            .filter(|(library, function)| is_winrt(library, function))
            .map(|(_, function)| function.as_str())
            .collect();
        assert_eq!(winrt, ["RoGetAgileReference", "RoOriginateErrorW"]);
        assert!(is_winrt(
            "api-ms-win-core-winrt-l1-1-0.dll",
            "GetActivationFactory"
        ));
    }

    #[test]
    fn icons_in_reports() {
        assert_eq!(check_icon(r#"{"handler": {"icon": true}}"#, true), Ok(()));
        assert!(check_icon(r#"{"handler": {"icon": false}}"#, true).is_err());
        assert!(check_icon(r#"{"handler": {"icon": true}}"#, false).is_err());
        assert!(check_icon(r#"{"handler": {}}"#, false).is_err());
    }

    #[test]
    fn host_reports() {
        let dll = r"Z:\t\example_mirror.dll";
        let report = |outcome: &str, violations: &str, statuses: &[&str], loaded: &str| {
            let items: Vec<String> = statuses
                .iter()
                .map(|status| format!(r#"{{"name": "Demo", "final_status": {status}}}"#))
                .collect();
            format!(
                r#"{{"handler": {{"dll": {loaded}}}, "outcome": "{outcome}", "callback": "apartment", "violations": [{violations}],
                "problems": [], "items": [{}]}}"#,
                items.join(", ")
            )
        };
        let loaded = r#""z:\\T\\EXAMPLE_MIRROR.DLL""#;
        let ok = report("success", "", &[r#""SUCCEEDED""#, r#""SUCCEEDED""#], loaded);
        assert_eq!(
            check_host_output(&ok, dll, CallbackMode::Apartment),
            Ok("2 item(s) SUCCEEDED".to_owned())
        );
        // The report says which callback the host passed.
        assert!(check_host_output(&ok, dll, CallbackMode::Agile).is_err());
        let no_dll = report("success", "", &[r#""SUCCEEDED""#], "null");
        assert!(check_host_output(&no_dll, dll, CallbackMode::Apartment).is_ok());

        let failing = [
            report("failure", "", &[r#""SUCCEEDED""#], loaded),
            report("success", r#""late progress""#, &[r#""SUCCEEDED""#], loaded),
            report("success", "", &[r#""SUCCEEDED""#, r#""FAILED""#], loaded),
            report("success", "", &[r#""SUCCEEDED""#, "null"], loaded),
            report("success", "", &[], loaded),
            report("success", "", &[r#""SUCCEEDED""#], r#""Z:\\t\\other.dll""#),
            String::new(),
            "{\"event\": 1}\nsynchronized\n".to_owned(),
        ];
        for output in failing {
            assert!(
                check_host_output(&output, dll, CallbackMode::Apartment).is_err(),
                "{output}"
            );
        }
    }

    #[test]
    fn artifacts_from_cargo_messages() {
        let messages = r#"{"reason":"compiler-artifact","package_id":"path+file:///w/examples/minimal#example-minimal@0.0.0","target":{"kind":["cdylib","rlib"],"name":"example_minimal"},"filenames":["/t/libexample_minimal.dll.a","/t/example_minimal.dll","/t/libexample_minimal.rlib"]}
{"reason":"compiler-artifact","package_id":"path+file:///w/host#syncmgr-host@0.1.0","target":{"kind":["bin"],"name":"syncmgr-host"},"filenames":["/t/syncmgr-host.exe"]}
{"reason":"build-finished","success":true}"#;
        assert_eq!(
            artifact(
                messages,
                |t, _| t["name"] == "example_minimal" && has_kind(t, "cdylib"),
                ".dll"
            ),
            Some(PathBuf::from("/t/example_minimal.dll"))
        );
        assert_eq!(
            artifact(
                messages,
                |t, id| id == "path+file:///w/host#syncmgr-host@0.1.0" && has_kind(t, "bin"),
                ".exe"
            ),
            Some(PathBuf::from("/t/syncmgr-host.exe"))
        );
        assert_eq!(artifact(messages, |_, id| id == "other", ".exe"), None);
    }
}
