//! Benchmark baseline for `BENCHMARKS.md` (## Full session): the mirror handler's copy loop
//! (`examples/mirror`: the same listing and the same size + mtime check per file) as a plain
//! program, without COM, a session, progress callbacks or log entries.
//!
//! `plain-copy SOURCE DESTINATION` prints `COPIED of TOTAL`. Built (release) by
//! `cargo run -p xtask -- bench-session`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

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

/// Every file under `root`, relative to it, sorted (as in `examples/mirror`).
fn list_files(root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        for entry in fs::read_dir(root.join(&relative))? {
            let entry = entry?;
            let path = relative.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                pending.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Copies unless `to` has the same size and an mtime at least as new (as in `examples/mirror`).
fn copy_if_changed(from: &Path, to: &Path) -> io::Result<bool> {
    let source = fs::metadata(from)?;
    if let Ok(destination) = fs::metadata(to) {
        let modified = |meta: &fs::Metadata| meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
        if destination.len() == source.len() && modified(&destination) >= modified(&source) {
            return Ok(false);
        }
    }
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::copy(from, to)?;
    Ok(true)
}
