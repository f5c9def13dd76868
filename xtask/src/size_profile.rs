//! `cargo run -p xtask -- size-profile [DLL]`: where the bytes of a handler DLL go, by crate.
//!
//! Reads the symbol table of the release example DLL (`example_minimal.dll` for
//! `x86_64-pc-windows-gnu`, built if missing) with `x86_64-w64-mingw32-nm --size-sort -S -C`,
//! sums the sizes of code and data symbols by their crate (the first path segment of the
//! demangled name; the `<T as Trait>` forms count for `T`'s crate), and prints a Markdown table
//! plus the runtime's largest functions. Symbols without a Rust path (linker and C runtime
//! data, string tables) are one row.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::{Command, ExitCode};

/// The mingw-w64 nm, which reads PE symbol tables.
const NM: &str = "x86_64-w64-mingw32-nm";

pub(crate) fn main(args: &[String]) -> ExitCode {
    let dll = match args {
        [] => {
            let root = crate::workspace_root();
            if let Err(error) = crate::run_ok(
                Command::new(crate::cargo())
                    .current_dir(&root)
                    .args(["build", "-q", "--release", "-p", "example-minimal"])
                    .args(["--target", "x86_64-pc-windows-gnu"]),
            ) {
                eprintln!("size-profile: {error}");
                return ExitCode::FAILURE;
            }
            root.join("target/x86_64-pc-windows-gnu/release/example_minimal.dll")
        }
        [dll] => PathBuf::from(dll),
        _ => {
            eprintln!("usage: cargo run -p xtask -- size-profile [DLL]");
            return ExitCode::FAILURE;
        }
    };
    let output = match Command::new(NM)
        .args(["--size-sort", "-S", "-C"])
        .arg(&dll)
        .output()
    {
        Ok(output) if output.status.success() => output,
        _ => {
            eprintln!(
                "size-profile: `{NM} --size-sort -S -C {}` failed",
                dll.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let symbols = parse(&String::from_utf8_lossy(&output.stdout));
    let file = std::fs::metadata(&dll).map_or(0, |meta| meta.len());
    print!("{}", table(&dll.display().to_string(), file, &symbols));
    ExitCode::SUCCESS
}

/// `(size, crate, name)` of each code or data symbol in `nm -S -C` output.
fn parse(output: &str) -> Vec<(u64, String, String)> {
    output
        .lines()
        .filter_map(|line| {
            let mut parts = line.splitn(4, ' ');
            let (_address, size, kind, name) =
                (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
            let size = u64::from_str_radix(size, 16).ok()?;
            matches!(kind.to_ascii_lowercase().as_str(), "t" | "r" | "d" | "b")
                .then(|| (size, crate_of(name), name.to_owned()))
        })
        .collect()
}

/// The crate a demangled symbol belongs to: its first path segment, after any `<`, `&` or `*`.
fn crate_of(name: &str) -> String {
    let name = name.trim_start_matches(['<', '&', '*', '(', ' ']);
    let name = name
        .strip_prefix("mut ")
        .or_else(|| name.strip_prefix("dyn "))
        .unwrap_or(name);
    match name.split_once("::") {
        Some((first, _))
            if !first.is_empty() && first.chars().all(|c| c.is_alphanumeric() || c == '_') =>
        {
            first.to_owned()
        }
        _ => "(no Rust path)".to_owned(),
    }
}

/// The Markdown table of bytes by crate, and the runtime's largest symbols.
fn table(dll: &str, file: u64, symbols: &[(u64, String, String)]) -> String {
    let mut by_crate: BTreeMap<&str, u64> = BTreeMap::new();
    for (size, krate, _) in symbols {
        *by_crate.entry(krate).or_default() += size;
    }
    let total: u64 = by_crate.values().sum();
    let mut rows: Vec<(&str, u64)> = by_crate.into_iter().collect();
    rows.sort_by_key(|&(_, size)| std::cmp::Reverse(size));
    let mut out = format!(
        "{dll}: {file} bytes on disk, {total} bytes in sized symbols\n\n| crate | bytes | share |\n|---|---:|---:|\n"
    );
    #[allow(clippy::cast_precision_loss)] // byte counts far below 2^52
    for (krate, size) in rows.iter().take(20) {
        let _ = writeln!(
            out,
            "| `{krate}` | {size} | {:.1} % |",
            *size as f64 * 100.0 / total.max(1) as f64
        );
    }
    let mut own: Vec<&(u64, String, String)> = symbols
        .iter()
        .filter(|(_, krate, _)| krate == "syncmgr")
        .collect();
    own.sort_by_key(|&&(size, _, _)| std::cmp::Reverse(size));
    out.push_str("\nThe runtime's largest symbols:\n\n");
    for (size, _, name) in own.iter().take(10) {
        let name: String = name.chars().take(100).collect();
        let _ = writeln!(out, "- {size} B `{name}`");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_counted_by_crate() {
        let output = "\
0000000180001000 0000000000000100 T syncmgr::sync::run
0000000180002000 0000000000000040 t <syncmgr::object::SyncObject<T>>::synchronize
0000000180003000 0000000000000200 T <core::fmt::Formatter as core::fmt::Write>::write_str
0000000180004000 0000000000000010 r .rdata
0000000180005000 0000000000000008 U undefined_import
";
        let symbols = parse(output);
        assert_eq!(symbols.len(), 4);
        let crates: Vec<&str> = symbols.iter().map(|(_, krate, _)| krate.as_str()).collect();
        assert_eq!(crates, ["syncmgr", "syncmgr", "core", "(no Rust path)"]);
        let text = table("x.dll", 1000, &symbols);
        assert!(text.contains("| `core` | 512 |"), "{text}");
        assert!(text.contains("| `syncmgr` | 320 |"), "{text}");
    }
}
