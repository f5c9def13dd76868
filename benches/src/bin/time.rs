//! `time [FILTER]`: wall-clock time per call of every benchmark case whose name contains
//! `FILTER`, as a Markdown table: the median of 21 samples, each long enough (≥ 10 ms) for the
//! clock. Build it optimized: `cargo run --release -p syncmgr-benches --bin time`.

// Call and item counts stay far below 2^52: their casts to f64 are exact.
#![allow(clippy::cast_precision_loss)]

use std::collections::HashMap;
use std::time::{Duration, Instant};
use syncmgr_benches::{CASES, ENUMERATION_ITEMS, Runner, last_elapsed, timed};

const SAMPLES: usize = 21;
const SAMPLE_TIME: Duration = Duration::from_millis(10);

/// Nanoseconds per call: the median of [`SAMPLES`] samples of `n` calls, `n` grown until one
/// sample takes [`SAMPLE_TIME`].
fn measure(runner: &mut dyn Runner) -> f64 {
    let mut n = 16;
    loop {
        runner.run(timed, n);
        if last_elapsed() >= SAMPLE_TIME || n >= 1 << 30 {
            break;
        }
        n *= 2;
    }
    let mut samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            runner.run(timed, n);
            last_elapsed().as_secs_f64() * 1e9 / n as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[SAMPLES / 2]
}

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let mut results: HashMap<&str, f64> = HashMap::new();
    println!("| case | what | ns/call | items/s | ratio to baseline |");
    println!("|---|---|---:|---:|---:|");
    for case in CASES.iter().filter(|case| case.name.contains(&filter)) {
        let mut runner = (case.setup)();
        let ns = measure(&mut *runner);
        results.insert(case.name, ns);
        let items_per_second = case.items_per_call as f64 * 1e9 / ns;
        let ratio = case
            .baseline
            .and_then(|baseline| {
                if !results.contains_key(baseline) {
                    let mut runner = (syncmgr_benches::case(baseline)?.setup)();
                    results.insert(baseline, measure(&mut *runner));
                }
                results.get(baseline)
            })
            .map_or_else(|| "-".to_owned(), |base| format!("{:.2}×", ns / base));
        println!(
            "| `{}` | {} | {ns:.1} | {items_per_second:.3e} | {ratio} |",
            case.name, case.what
        );
    }
    if "enumeration/full".contains(&filter) || filter.is_empty() {
        full_enumeration();
    }
}

/// A whole enumeration, end to end: `EnumSyncMgrItems` (the handler's `items()` and the
/// snapshot) and then `Next(256)` until `S_FALSE`; median of 5.
fn full_enumeration() {
    let session = syncmgr_benches::handler_with_items(ENUMERATION_ITEMS);
    let mut snapshot = Vec::new();
    let mut drained = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let items = syncmgr_benches::enumerate(&session.object);
        let middle = Instant::now();
        let count = syncmgr_benches::drain(&items, 256);
        let end = Instant::now();
        assert_eq!(count, u64::from(ENUMERATION_ITEMS));
        snapshot.push(middle - start);
        drained.push(end - middle);
    }
    snapshot.sort();
    drained.sort();
    let (snapshot, drained) = (snapshot[2], drained[2]);
    println!();
    println!(
        "Full enumeration of {ENUMERATION_ITEMS} items: `EnumSyncMgrItems` {:.1} ms \
         (the handler's `items()` and the snapshot), then `Next(256)` to the end {:.1} ms \
         ({:.3e} items/s).",
        snapshot.as_secs_f64() * 1e3,
        drained.as_secs_f64() * 1e3,
        f64::from(ENUMERATION_ITEMS) / drained.as_secs_f64()
    );
}
