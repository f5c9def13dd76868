//! Benchmark baseline for `BENCHMARKS.md` (## Full session): the mirror handler's copy loop
//! (`examples/mirror`'s own `list_files` and `copy_if_changed`) as a plain program, without COM,
//! a session, progress callbacks or log entries.
//!
//! `plain-copy SOURCE DESTINATION` prints `COPIED of TOTAL`. Built (release) by
//! `cargo run -p xtask -- bench-session`.

use example_mirror::{copy_if_changed, list_files};
use std::io;
use std::path::PathBuf;

fn main() -> io::Result<()> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [source, destination] = args.as_slice() else {
        eprintln!("usage: plain-copy SOURCE DESTINATION");
        std::process::exit(64);
    };
    let files = list_files(source)?;
    let mut copied = 0_u32;
    for relative in &files {
        if copy_if_changed(&source.join(relative), &destination.join(relative))? {
            copied += 1;
        }
    }
    println!("{copied} of {}", files.len());
    Ok(())
}
