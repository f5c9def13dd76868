//! `cargo run -p xtask -- bench-instructions [FILTER]`: instructions per call of every benchmark
//! case of `syncmgr-benches` (whose name contains `FILTER`), counted by callgrind.
//!
//! The `count` binary is built with the `bench` profile (release plus line tables, so profiles
//! name functions and lines) and run under `valgrind --tool=callgrind --collect-atstart=no
//! --toggle-collect=syncmgr_bench_measured` twice per case, with `N1` and `N2` calls. The
//! instructions collected inside the probe differ only by the `N2 - N1` extra calls, so
//! `(Ir(N2) - Ir(N1)) / (N2 - N1)` is the cost of one call, loop included, with every fixed cost
//! (first-call paths, the probe's own entry and exit) cancelled out. Counts are deterministic:
//! the same binary gives the same numbers on every run.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

/// Calls in the short and the long run.
const N1: u64 = 2_000;
const N2: u64 = 12_000;

/// The symbol callgrind collects inside (see `syncmgr_benches::syncmgr_bench_measured`).
const PROBE: &str = "syncmgr_bench_measured";

struct Case {
    name: String,
    items_per_call: u64,
    baseline: Option<String>,
}

pub(crate) fn main(args: &[String]) -> ExitCode {
    let filter = args.first().map_or("", String::as_str);
    match run(filter) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("bench-instructions: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(filter: &str) -> Result<(), String> {
    crate::packages::ensure("bench-instructions", crate::packages::VALGRIND)?;
    let count = build_count()?;
    let cases = list_cases(&count)?;
    let out_dir = crate::workspace_root().join("target/bench-instructions");
    std::fs::create_dir_all(&out_dir).map_err(|error| format!("{}: {error}", out_dir.display()))?;

    let mut per_call: HashMap<String, f64> = HashMap::new();
    // Instruction counts stay far below 2^52: the casts to f64 are exact.
    #[allow(clippy::cast_precision_loss)]
    let mut measure = |name: &str, items_per_call: u64| -> Result<f64, String> {
        if let Some(value) = per_call.get(name) {
            return Ok(*value);
        }
        let short = instructions(&count, &out_dir, name, N1)?;
        let long = instructions(&count, &out_dir, name, N2)?;
        let value = long.saturating_sub(short) as f64 / (N2 - N1) as f64 / items_per_call as f64;
        per_call.insert(name.to_owned(), value);
        Ok(value)
    };
    println!("| case | Ir per call | baseline | Ir per call | ratio |");
    println!("|---|---:|---|---:|---:|");
    for case in cases.iter().filter(|case| case.name.contains(filter)) {
        eprintln!("counting {} …", case.name);
        let ir = measure(&case.name, case.items_per_call)?;
        let unit = if case.items_per_call > 1 {
            " (per item)"
        } else {
            ""
        };
        let (base_name, base_ir, ratio) = match &case.baseline {
            Some(base) if base != &case.name => {
                let items = cases
                    .iter()
                    .find(|other| &other.name == base)
                    .map_or(1, |other| other.items_per_call);
                let base_ir = measure(base, items)?;
                (
                    format!("`{base}`"),
                    format!("{base_ir:.1}"),
                    format!("{:.2}×", ir / base_ir),
                )
            }
            _ => ("-".to_owned(), "-".to_owned(), "-".to_owned()),
        };
        println!(
            "| `{}`{unit} | {ir:.1} | {base_name} | {base_ir} | {ratio} |",
            case.name
        );
    }
    println!();
    println!(
        "Callgrind output files (for `callgrind_annotate`): {}",
        out_dir.display()
    );
    Ok(())
}

/// Builds the `count` binary with the `bench` profile and returns its path.
fn build_count() -> Result<PathBuf, String> {
    let output = Command::new(crate::cargo())
        .args([
            "build",
            "--profile",
            "bench",
            "-p",
            "syncmgr-benches",
            "--bin",
            "count",
            "--message-format=json-render-diagnostics",
        ])
        .current_dir(crate::workspace_root())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|error| format!("failed to run cargo build: {error}"))?;
    if !output.status.success() {
        return Err("building the `count` benchmark binary failed".to_owned());
    }
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["target"]["name"] == "count")
        .find_map(|message| message["executable"].as_str().map(PathBuf::from))
        .ok_or_else(|| "cargo build reported no `count` executable".to_owned())
}

/// The cases `count --list` prints: `name items_per_call baseline|-`.
fn list_cases(count: &Path) -> Result<Vec<Case>, String> {
    let output = Command::new(count)
        .arg("--list")
        .output()
        .map_err(|error| format!("failed to run {}: {error}", count.display()))?;
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines()
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields[..] {
                [name, items, baseline] => Ok(Case {
                    name: name.to_owned(),
                    items_per_call: items
                        .parse()
                        .map_err(|_| format!("bad `count --list` line: {line}"))?,
                    baseline: (baseline != "-").then(|| baseline.to_owned()),
                }),
                _ => Err(format!("bad `count --list` line: {line}")),
            }
        })
        .collect()
}

/// Instructions callgrind collected inside the probe for `count CASE n`.
fn instructions(count: &Path, out_dir: &Path, case: &str, n: u64) -> Result<u64, String> {
    let file = out_dir.join(format!("callgrind.{}.{n}.out", case.replace('/', "-")));
    let status = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg("--collect-atstart=no")
        .arg(format!("--toggle-collect={PROBE}"))
        .arg(format!("--callgrind-out-file={}", file.display()))
        .arg(count)
        .arg(case)
        .arg(n.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|error| format!("failed to run valgrind: {error}"))?;
    if !status.success() {
        return Err(format!("`count {case} {n}` failed under callgrind"));
    }
    let text =
        std::fs::read_to_string(&file).map_err(|error| format!("{}: {error}", file.display()))?;
    text.lines()
        .find_map(|line| {
            line.strip_prefix("totals:")
                .or(line.strip_prefix("summary:"))
        })
        .and_then(|value| value.split_whitespace().next()?.parse().ok())
        .ok_or_else(|| format!("no instruction total in {}", file.display()))
}
