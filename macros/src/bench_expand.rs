//! Expansion time of `#[sync_handler]` for a handler declaring 100 items, for `BENCHMARKS.md`
//! (## Build cost). Ignored by default; `cargo run -p xtask -- bench-build` runs it as
//! `cargo test -p syncmgr-macros --lib bench_expand -- --ignored --nocapture`.
//!
//! It times the `proc_macro2` core (parse, validate, expand) that `lib.rs` forwards to, which is
//! all the macro does besides the compiler's token conversion. Cargo builds proc macros without
//! optimizations even for `--release` (the `build-override` profile defaults to `opt-level = 0`),
//! so the test profile's unoptimized code is what a real build runs.

use crate::expand::sync_handler;
use proc_macro2::TokenStream;
use quote::quote;
use std::time::{Duration, Instant};

/// `#[sync_handler(clsid = …, name = "Bench", item(id = …, name = "Item N") × count)]`.
fn args(count: u128) -> TokenStream {
    let items = (0..count).map(|index| {
        let id = format!("{:08x}-0000-4000-8000-{:012x}", 0x1000_0000 + index, index);
        let name = format!("Item {index}");
        quote!(item(id = #id, name = #name))
    });
    quote!(
        clsid = "6b0f7c3e-8c55-4f59-9d7b-3f4f2f6f0a11",
        name = "Bench",
        #(#items),*
    )
}

fn item() -> TokenStream {
    quote!(
        #[derive(Default)]
        pub struct Bench;
    )
}

/// Median wall time of one expansion over `runs` runs, and the expansion's length in characters.
fn time(count: u128, runs: usize) -> (Duration, usize) {
    let (args, item) = (args(count), item());
    let len = sync_handler(args.clone(), item.clone()).to_string().len();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let (args, item) = (args.clone(), item.clone());
            let start = Instant::now();
            let output = sync_handler(args, item);
            let elapsed = start.elapsed();
            drop(output);
            elapsed
        })
        .collect();
    times.sort();
    (times[runs / 2], len)
}

#[test]
#[ignore = "a benchmark: run by `cargo run -p xtask -- bench-build`"]
fn bench_expand() {
    let expansion = sync_handler(args(100), item()).to_string();
    assert!(
        !expansion.contains("compile_error"),
        "the 100-item input is valid"
    );
    for count in [2, 100] {
        let (median, len) = time(count, 51);
        // One machine-readable line per size, parsed by the xtask.
        println!(
            "bench_expand items={count} median_us={:.1} expansion_chars={len}",
            median.as_secs_f64() * 1e6
        );
    }
}
