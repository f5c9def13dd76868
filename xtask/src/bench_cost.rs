//! What the generated code costs, end to end: `bench-session` and `bench-build`, whose results
//! are the `## Full session` and `## Build cost` sections of `BENCHMARKS.md`.
//!
//! `cargo run -p xtask -- bench-session [--files N] [--runs N] [--dir DIR]` builds
//! `syncmgr-host` and the mirror example (release), writes N small files (default 10,000) with a
//! seeded generator under DIR (default: the temporary directory), and times whole host sessions under `/usr/bin/time -v` (wall time,
//! peak RSS): every file new, every file up to date, and an empty folder (the fixed cost). The
//! baseline is `benches/plain-copy`, the mirror's copy loop as a plain program, on the same files.
//!
//! `cargo run -p xtask -- bench-build [--runs N]` builds `examples/minimal`, `examples/mirror` and
//! `benches/windows-rs-handler` (the minimal handler written directly on the `windows` crate) for
//! `x86_64-pc-windows-gnu --release`, each from an empty target directory, and reports the wall
//! time, the DLL size and its size after `x86_64-w64-mingw32-strip`; then it runs the macro's
//! expansion benchmark (`macros/src/bench_expand.rs`) for 2 and 100 items.
//!
//! Both print the machine, the load average before and after, every sample and a Markdown table
//! of medians. Neither is part of `.ci/run`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// The mirror example's CLSID (`examples/mirror`).
const MIRROR_CLSID: &str = "3f1d8c52-9b6e-4a07-8e21-5c4d7a9b0e13";
const WINDOWS_TARGET: &str = "x86_64-pc-windows-gnu";
const STRIP: &str = "x86_64-w64-mingw32-strip";
const OBJDUMP: &str = "x86_64-w64-mingw32-objdump";
const EXPORTS: [&str; 4] = [
    "DllCanUnloadNow",
    "DllGetClassObject",
    "DllRegisterServer",
    "DllUnregisterServer",
];

/// `bench-session`.
pub(crate) fn session(args: &[String]) -> ExitCode {
    report(run_session(args))
}

/// `bench-build`.
pub(crate) fn build(args: &[String]) -> ExitCode {
    report(run_build(args))
}

fn report(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `--name N` from `args`, else `default`.
fn option(args: &[String], name: &str, default: usize) -> Result<usize, String> {
    match args.iter().position(|arg| arg == name) {
        None => Ok(default),
        Some(at) => args
            .get(at + 1)
            .and_then(|value| value.parse().ok())
            .filter(|value| *value > 0)
            .ok_or_else(|| format!("`{name}` needs a positive number")),
    }
}

fn check_args(args: &[String], known: &[&str]) -> Result<(), String> {
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if !known.contains(&arg.as_str()) {
            return Err(format!(
                "unknown argument `{arg}`; expected {}",
                known.join(", ")
            ));
        }
        rest.next();
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// bench-session

/// One timed process: wall time, and from `/usr/bin/time -v` the CPU time (user + system, all
/// threads, 10 ms resolution) and the "Maximum resident set size".
#[derive(Clone, Copy, Debug)]
struct Sample {
    wall: Duration,
    cpu: Duration,
    rss_kib: u64,
}

fn run_session(args: &[String]) -> Result<(), String> {
    check_args(args, &["--files", "--runs", "--dir"])?;
    crate::packages::ensure("bench-session", crate::packages::GNU_TIME)?;
    let files = option(args, "--files", 10_000)?;
    let runs = option(args, "--runs", 3)?;
    let (host, dll, plain) = build_session_binaries()?;

    let parent = match args.iter().position(|arg| arg == "--dir") {
        Some(at) => PathBuf::from(args.get(at + 1).ok_or("`--dir` needs a folder")?),
        None => std::env::temp_dir(),
    };
    let work = parent.join("syncmgr-bench-session");
    let _ = fs::remove_dir_all(&work);
    let bytes = generate(&work.join("source"), files)
        .map_err(|error| format!("generating files: {error}"))?;
    println!(
        "generated {files} files, {bytes} bytes, under {}",
        work.join("source").display()
    );
    let load_before = load_average();
    let samples = measure_session(&host, &dll, &plain, &work, files, runs)?;
    let load_after = load_average();
    let _ = fs::remove_dir_all(&work);
    print_session(&samples, files);
    println!("\n{}", machine(&load_before, &load_after, runs));
    Ok(())
}

/// Builds the host, the mirror example and the plain-copy baseline (release); returns their paths.
fn build_session_binaries() -> Result<(PathBuf, PathBuf, PathBuf), String> {
    let root = crate::workspace_root();
    let target = target_directory()?;
    println!("building syncmgr-host, example-mirror and benches/plain-copy (release)");
    cargo_ok(
        cargo_command(&root)
            .args(["build", "--release", "-p", "syncmgr-host", "--bin"])
            .arg("syncmgr-host"),
    )?;
    cargo_ok(cargo_command(&root).args(["build", "--release", "-p", "example-mirror", "--lib"]))?;
    let plain_target = target.join("bench-cost/plain-copy");
    cargo_ok(
        cargo_command(&root)
            .args(["build", "--release", "--manifest-path"])
            .arg(root.join("benches/plain-copy/Cargo.toml"))
            .arg("--target-dir")
            .arg(&plain_target),
    )?;
    let host = target.join("release/syncmgr-host");
    let dll = target.join(format!(
        "release/{}example_mirror{}",
        std::env::consts::DLL_PREFIX,
        std::env::consts::DLL_SUFFIX
    ));
    let plain = plain_target.join("release/plain-copy");
    Ok((host, dll, plain))
}

/// Six series of samples, in the order of [`SCENARIOS`]: host and plain with every file new,
/// every file up to date, and an empty source folder.
fn measure_session(
    host: &Path,
    dll: &Path,
    plain: &Path,
    work: &Path,
    files: usize,
    runs: usize,
) -> Result<[Vec<Sample>; 6], String> {
    let source = work.join("source");
    let empty = work.join("empty");
    fs::create_dir_all(&empty).map_err(|error| format!("{}: {error}", empty.display()))?;
    let host_run = |source: &Path, destination: &Path| {
        let mut command = Command::new(host);
        command
            .arg(dll)
            .args(["--clsid", MIRROR_CLSID, "--json"])
            .env(
                "SYNCMGR_MIRROR",
                format!("bench|{}|{}", source.display(), destination.display()),
            );
        timed(&command)
    };
    let plain_run = |source: &Path, destination: &Path| {
        let mut command = Command::new(plain);
        command.arg(source).arg(destination);
        timed(&command)
    };
    let (host_dest, plain_dest) = (work.join("dest-host"), work.join("dest-plain"));
    let empty_dest = work.join("dest-empty");

    // One untimed round: the source files in the page cache, the binaries loaded once.
    host_run(&source, &host_dest)?;
    plain_run(&source, &plain_dest)?;
    for destination in [&host_dest, &plain_dest] {
        let copied = count_files(destination);
        if copied != files {
            return Err(format!(
                "{} holds {copied} files, not {files}",
                destination.display()
            ));
        }
    }

    let mut samples: [Vec<Sample>; 6] = Default::default();
    for run in 1..=runs {
        println!("run {run} of {runs} (load average {})", load_average());
        for (slot, (fresh, is_host)) in [(true, true), (true, false), (false, true), (false, false)]
            .into_iter()
            .enumerate()
        {
            let destination = if is_host { &host_dest } else { &plain_dest };
            if fresh {
                fs::remove_dir_all(destination)
                    .map_err(|error| format!("{}: {error}", destination.display()))?;
            }
            settle();
            let sample = if is_host {
                host_run(&source, destination)?
            } else {
                plain_run(&source, destination)?
            };
            samples[slot].push(sample);
        }
        settle();
        samples[4].push(host_run(&empty, &empty_dest)?);
        settle();
        samples[5].push(plain_run(&empty, &empty_dest)?);
    }
    Ok(samples)
}

/// The names of [`measure_session`]'s series.
const SCENARIOS: [&str; 6] = [
    "host, all new",
    "plain, all new",
    "host, up to date",
    "plain, up to date",
    "host, empty folder",
    "plain, empty folder",
];

/// Prints every sample and the Markdown table of medians.
fn print_session(samples: &[Vec<Sample>; 6], files: usize) {
    println!("\nsamples (wall ms / CPU ms / peak RSS KiB):");
    for (name, samples) in SCENARIOS.iter().zip(samples) {
        let list: Vec<String> = samples
            .iter()
            .map(|sample| {
                format!(
                    "{:.1}/{:.0}/{}",
                    ms(sample.wall),
                    ms(sample.cpu),
                    sample.rss_kib
                )
            })
            .collect();
        println!("  {name}: {}", list.join(", "));
    }
    let median = |slot: usize| median_sample(&samples[slot]);
    let fastest = |slot: usize| {
        samples[slot]
            .iter()
            .map(|sample| sample.wall)
            .min()
            .unwrap_or_default()
    };
    let (host_empty, plain_empty) = (median(4), median(5));
    // The fixed cost (process start, loading the DLL, the session's calls) taken out.
    #[allow(clippy::cast_precision_loss)] // a file count
    let per_file =
        |host: Duration, host_empty: Duration, plain: Duration, plain_empty: Duration| {
            let variable = (ms(host) - ms(host_empty)) - (ms(plain) - ms(plain_empty));
            format!("{:.1} µs", variable * 1000.0 / files as f64)
        };
    let mut table = String::from(
        "| Scenario | host + mirror: wall | CPU | peak RSS | plain-copy: wall | CPU | peak RSS \
         | overhead (wall) | per file (wall) | per file (wall, fastest runs) | per file (CPU) |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let rows = [
        (format!("{files} new files (all copied)"), 0, 1),
        (format!("{files} files up to date (none copied)"), 2, 3),
        ("empty folder (fixed cost)".to_owned(), 4, 5),
    ];
    for (label, host_slot, plain_slot) in rows {
        let (host, plain, fixed) = (median(host_slot), median(plain_slot), host_slot == 4);
        let best = if fixed {
            format!(
                "{:.1} / {:.1} ms",
                ms(fastest(host_slot)),
                ms(fastest(plain_slot))
            )
        } else {
            per_file(
                fastest(host_slot),
                fastest(4),
                fastest(plain_slot),
                fastest(5),
            )
        };
        let wall = if fixed {
            "–".to_owned()
        } else {
            per_file(host.wall, host_empty.wall, plain.wall, plain_empty.wall)
        };
        let cpu = if fixed {
            "–".to_owned()
        } else {
            per_file(host.cpu, host_empty.cpu, plain.cpu, plain_empty.cpu)
        };
        let _ = writeln!(
            table,
            "| {label} | {:.1} ms | {:.0} ms | {} KiB | {:.1} ms | {:.0} ms | {} KiB \
             | {:+.1} ms ({:.2}×) | {wall} | {best} | {cpu} |",
            ms(host.wall),
            ms(host.cpu),
            host.rss_kib,
            ms(plain.wall),
            ms(plain.cpu),
            plain.rss_kib,
            ms(host.wall) - ms(plain.wall),
            ms(host.wall) / ms(plain.wall),
        );
    }
    println!("\n{table}");
    println!(
        "per file = ((host - host on the empty folder) - (plain - plain on the empty folder)) / {files}"
    );
}

/// Writes `count` files of 64..=4096 bytes into 100-file subfolders of `root`, from a fixed
/// seed: the same names, sizes and contents on every run. Returns the total size.
fn generate(root: &Path, count: usize) -> std::io::Result<u64> {
    // xorshift64*: tiny, deterministic, good enough for file sizes and bytes.
    let mut state = 0x5eed_5eed_5eed_5eed_u64;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    let mut total = 0;
    for index in 0..count {
        let folder = root.join(format!("d{:03}", index / 100));
        if index % 100 == 0 {
            fs::create_dir_all(&folder)?;
        }
        let len = 64 + usize::try_from(next() % 4033).unwrap_or(0);
        let content: Vec<u8> = (0..len)
            .map(|_| b"abcdefghijklmnopqrstuvwxyz0123456789 \n"[(next() % 38) as usize])
            .collect();
        fs::write(folder.join(format!("f{index:05}.txt")), &content)?;
        total += len as u64;
    }
    Ok(total)
}

fn count_files(root: &Path) -> usize {
    fs::read_dir(root).map_or(0, |entries| {
        entries
            .flatten()
            .map(|entry| {
                if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                    count_files(&entry.path())
                } else {
                    1
                }
            })
            .sum()
    })
}

/// Flushes dirty pages so one run's writeback does not land in the next run's time.
fn settle() {
    let _ = Command::new("sync").status();
}

/// Runs `command` under `/usr/bin/time -v`; fails unless it exits with 0.
fn timed(command: &Command) -> Result<Sample, String> {
    let mut time = Command::new("/usr/bin/time");
    time.arg("-v")
        .arg(command.get_program())
        .args(command.get_args());
    for (key, value) in command.get_envs() {
        if let Some(value) = value {
            time.env(key, value);
        }
    }
    let start = Instant::now();
    let output = time
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("failed to run /usr/bin/time (apt-get install time): {error}"))?;
    let wall = start.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!(
            "{} failed ({}):\n{}\n{stderr}",
            command.get_program().display(),
            output.status,
            String::from_utf8_lossy(&output.stdout)
        ));
    }
    let field = |name: &str| {
        stderr
            .lines()
            .find_map(|line| line.trim().strip_prefix(name)?.strip_prefix(": "))
            .map(str::trim)
            .ok_or(format!("no \"{name}\" in /usr/bin/time's output"))
    };
    let seconds = |name: &str| -> Result<Duration, String> {
        let value = field(name)?;
        value
            .parse()
            .map(Duration::from_secs_f64)
            .map_err(|_| format!("\"{name}\" is not a number: {value}"))
    };
    let rss_kib = field("Maximum resident set size (kbytes)")?
        .parse()
        .map_err(|_| "\"Maximum resident set size\" is not a number".to_owned())?;
    let cpu = seconds("User time (seconds)")? + seconds("System time (seconds)")?;
    Ok(Sample { wall, cpu, rss_kib })
}

fn median_sample(samples: &[Sample]) -> Sample {
    let mut walls: Vec<Duration> = samples.iter().map(|sample| sample.wall).collect();
    let mut cpus: Vec<Duration> = samples.iter().map(|sample| sample.cpu).collect();
    let mut rss: Vec<u64> = samples.iter().map(|sample| sample.rss_kib).collect();
    walls.sort();
    cpus.sort();
    rss.sort_unstable();
    Sample {
        wall: walls[walls.len() / 2],
        cpu: cpus[cpus.len() / 2],
        rss_kib: rss[rss.len() / 2],
    }
}

// ---------------------------------------------------------------------------------------------
// bench-build

/// One handler DLL to build from clean.
struct Build {
    label: &'static str,
    /// Arguments after `cargo build --release --target … --target-dir …`.
    args: Vec<String>,
    dll: &'static str,
}

/// One clean build: wall time and how many crates Cargo compiled.
struct BuildSample {
    wall: Duration,
    crates: usize,
}

fn run_build(args: &[String]) -> Result<(), String> {
    check_args(args, &["--runs"])?;
    crate::packages::ensure("bench-build", crate::packages::MINGW)?;
    crate::packages::ensure_rustup_target(WINDOWS_TARGET)?;
    let runs = option(args, "--runs", 3)?;
    let root = crate::workspace_root();
    let target = target_directory()?.join("bench-cost/build");
    let workspace = root.join("Cargo.toml").display().to_string();
    let standalone = root
        .join("benches/windows-rs-handler/Cargo.toml")
        .display()
        .to_string();
    let builds = [
        Build {
            label: "syncmgr `examples/minimal`",
            args: vec![
                "--manifest-path".into(),
                workspace.clone(),
                "-p".into(),
                "example-minimal".into(),
                "--lib".into(),
            ],
            dll: "example_minimal.dll",
        },
        Build {
            label: "syncmgr `examples/mirror`",
            args: vec![
                "--manifest-path".into(),
                workspace,
                "-p".into(),
                "example-mirror".into(),
                "--lib".into(),
            ],
            dll: "example_mirror.dll",
        },
        Build {
            label: "`windows` 0.62 `benches/windows-rs-handler`",
            args: vec!["--manifest-path".into(), standalone, "--locked".into()],
            dll: "windows_rs_handler.dll",
        },
    ];
    // Downloads are not build time.
    for manifest in [&builds[0].args[1], &builds[2].args[1]] {
        cargo_ok(cargo_command(&root).args(["fetch", "--manifest-path", manifest]))?;
    }

    let load_before = load_average();
    let samples = measure_builds(&root, &target, &builds, runs)?;
    let load_after = load_average();
    let expansion = expansion_times(&root)?;
    print_builds(&target, &builds, &samples)?;
    println!(
        "| `#[sync_handler]` expansion (proc_macro2 core, unoptimized as Cargo builds proc macros) \
         | median of 51 | expansion |\n|---|---:|---:|"
    );
    for (items, micros, chars) in expansion {
        println!("| {items} items | {micros} µs | {chars} characters |");
    }
    println!("\n{}", machine(&load_before, &load_after, runs));
    Ok(())
}

/// Clean builds of every handler, `runs` times, interleaved.
fn measure_builds(
    root: &Path,
    target: &Path,
    builds: &[Build],
    runs: usize,
) -> Result<Vec<Vec<BuildSample>>, String> {
    let mut samples: Vec<Vec<BuildSample>> = builds.iter().map(|_| Vec::new()).collect();
    for run in 1..=runs {
        // Interleaved, so a burst of load from elsewhere hits every build alike.
        for (index, build) in builds.iter().enumerate() {
            let dir = target.join(format!("{index}"));
            let _ = fs::remove_dir_all(&dir);
            settle();
            let mut command = cargo_command(root);
            command
                .args([
                    "build",
                    "--release",
                    "--target",
                    WINDOWS_TARGET,
                    "--target-dir",
                ])
                .arg(&dir)
                .args(&build.args);
            let start = Instant::now();
            let output = command
                .stdin(Stdio::null())
                .output()
                .map_err(|error| format!("failed to run cargo: {error}"))?;
            let wall = start.elapsed();
            let stderr = String::from_utf8_lossy(&output.stderr);
            if !output.status.success() {
                return Err(format!("building {} failed:\n{stderr}", build.label));
            }
            let crates = stderr
                .lines()
                .filter(|line| line.trim_start().starts_with("Compiling "))
                .count();
            println!(
                "run {run}/{runs}: {}: {:.1} s, {crates} crates compiled (load average {})",
                build.label,
                wall.as_secs_f64(),
                load_average()
            );
            samples[index].push(BuildSample { wall, crates });
        }
    }
    Ok(samples)
}

/// Checks the exports, strips the DLLs and prints the Markdown table of medians.
fn print_builds(
    target: &Path,
    builds: &[Build],
    samples: &[Vec<BuildSample>],
) -> Result<(), String> {
    let mut rows = Vec::new();
    for (index, build) in builds.iter().enumerate() {
        let dll = target.join(format!("{index}/{WINDOWS_TARGET}/release/{}", build.dll));
        check_exports(&dll)?;
        let stripped = dll.with_extension("stripped.dll");
        crate::run_ok(Command::new(STRIP).arg("-o").arg(&stripped).arg(&dll))?;
        let size = |path: &Path| fs::metadata(path).map_or(0, |meta| meta.len());
        let mut walls: Vec<Duration> = samples[index].iter().map(|sample| sample.wall).collect();
        walls.sort();
        rows.push((
            build.label,
            walls[walls.len() / 2],
            samples[index][0].crates,
            size(&dll),
            size(&stripped),
        ));
    }

    let baseline = &rows[2];
    #[allow(clippy::cast_precision_loss)] // byte counts
    let ratio = |a: u64, b: u64| a as f64 / b as f64;
    let mut table = String::from(
        "| Handler DLL | clean release build (median) | crates compiled | DLL | stripped DLL \
         | build vs `windows` | stripped size vs `windows` |\n|---|---:|---:|---:|---:|---:|---:|\n",
    );
    for (label, wall, crates, size, stripped) in &rows {
        let _ = writeln!(
            table,
            "| {label} | {:.1} s | {crates} | {size} B | {stripped} B | {:.2}× | {:.2}× |",
            wall.as_secs_f64(),
            wall.as_secs_f64() / baseline.1.as_secs_f64(),
            ratio(*stripped, baseline.4),
        );
    }
    println!("\n{table}");
    Ok(())
}

/// Fails unless `dll` exports the four `dll_exports!` functions.
fn check_exports(dll: &Path) -> Result<(), String> {
    let output = Command::new(OBJDUMP)
        .arg("-p")
        .arg(dll)
        .output()
        .map_err(|error| format!("failed to run {OBJDUMP}: {error}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let missing: Vec<&str> = EXPORTS
        .into_iter()
        .filter(|name| {
            !text
                .lines()
                .any(|line| line.trim_end().ends_with(&format!("] {name}")))
        })
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("{} does not export {missing:?}", dll.display()))
    }
}

/// Runs `macros/src/bench_expand.rs` and returns (items, median µs, expansion characters).
fn expansion_times(root: &Path) -> Result<Vec<(String, String, String)>, String> {
    let output = cargo_command(root)
        .args([
            "test",
            "-p",
            "syncmgr-macros",
            "--lib",
            "bench_expand",
            "--",
        ])
        .args(["--ignored", "--nocapture", "--test-threads=1"])
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("failed to run cargo test: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "the expansion benchmark failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let field = |line: &str, key: &str| {
        line.split_whitespace()
            .find_map(|word| word.strip_prefix(key))
            .unwrap_or("?")
            .to_owned()
    };
    Ok(stdout
        .lines()
        // With `--nocapture`, libtest may print `test … ... ` on the same line first.
        .filter_map(|line| line.find("bench_expand items=").map(|at| &line[at..]))
        .map(|line| {
            (
                field(line, "items="),
                field(line, "median_us="),
                field(line, "expansion_chars="),
            )
        })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// shared

fn cargo_command(root: &Path) -> Command {
    let mut command = Command::new(crate::cargo());
    command.current_dir(root);
    command
}

fn cargo_ok(command: &mut Command) -> Result<(), String> {
    crate::run_ok(command)
}

/// The workspace's target directory (honours `CARGO_TARGET_DIR`).
fn target_directory() -> Result<PathBuf, String> {
    let metadata = crate::cargo_metadata(&["--no-deps"])?;
    metadata["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| "`cargo metadata` has no target_directory".to_owned())
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "?".to_owned(),
        |text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        },
    )
}

/// nproc, CPU model, OS, rustc and the load average around the measurement.
fn machine(load_before: &str, load_after: &str, runs: usize) -> String {
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "?".to_owned());
    let os = fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix("PRETTY_NAME="))
                .map(|name| name.trim_matches('"').to_owned())
        })
        .unwrap_or_else(|| std::env::consts::OS.to_owned());
    let rustc = Command::new("rustc").arg("-V").output().map_or_else(
        |_| "?".to_owned(),
        |output| String::from_utf8_lossy(&output.stdout).trim().to_owned(),
    );
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    format!(
        "machine: {cores} cores, {cpu}, {os}, {rustc}; {runs} runs, medians; \
         load average (1/5/15 min) before {load_before}, after {load_after}"
    )
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
