//! `count CASE N`: sets up one benchmark case and runs it `N` times inside
//! `syncmgr_bench_measured`, for `valgrind --tool=callgrind --collect-atstart=no
//! --toggle-collect=syncmgr_bench_measured`. `count --list` prints the case names.
//!
//! Driven by `cargo run -p xtask -- bench-instructions`, which runs it for two values of `N` and
//! reports the difference per call, so that setup and teardown cancel out.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--list") {
        for case in syncmgr_benches::CASES {
            let baseline = case.baseline.unwrap_or("-");
            println!("{} {} {}", case.name, case.items_per_call, baseline);
        }
        return ExitCode::SUCCESS;
    }
    let (Some(name), Some(n)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: count CASE N | count --list");
        return ExitCode::FAILURE;
    };
    let Some(case) = syncmgr_benches::case(name) else {
        eprintln!("unknown case `{name}`; `count --list` prints the cases");
        return ExitCode::FAILURE;
    };
    let mut runner = (case.setup)();
    runner.run(syncmgr_benches::syncmgr_bench_measured, n);
    ExitCode::SUCCESS
}
