//! The workspace's example handlers, built on demand for `--example NAME`.
//!
//! A Cargo workspace does not build another package's `cdylib` for `cargo run -p syncmgr-host`,
//! and artifact dependencies are unstable, so the host asks Cargo itself:
//! `cargo build -p example-NAME --lib --message-format=json-render-diagnostics` against this
//! workspace, with the host's own profile, and takes the library's path from Cargo's
//! `compiler-artifact` message (so `CARGO_TARGET_DIR`, profiles and platforms need no guessing).
//! `cargo run` and `cargo test` release the build lock before they start the program, so the
//! nested build does not wait on its parent.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use syncmgr::GUID;

/// One example handler.
#[derive(Clone, Copy, Debug)]
pub struct Example {
    /// The `--example` name.
    pub name: &'static str,
    /// Its Cargo package.
    pub package: &'static str,
    /// The CLSID of the handler it exports (checked against the crate in this crate's tests).
    pub clsid: GUID,
}

/// Every example; adding one is one line here (and one in the test that checks the CLSIDs).
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "minimal",
        package: "example-minimal",
        clsid: GUID::from_u128(0x6b0f_7c3e_8c55_4f59_9d7b_3f4f_2f6f_0a11),
    },
    Example {
        name: "mirror",
        package: "example-mirror",
        clsid: GUID::from_u128(0x3f1d_8c52_9b6e_4a07_8e21_5c4d_7a9b_0e13),
    },
];

/// The example called `name`.
pub fn find(name: &str) -> Result<&'static Example, String> {
    EXAMPLES
        .iter()
        .find(|example| example.name == name)
        .ok_or_else(|| {
            let names: Vec<&str> = EXAMPLES.iter().map(|example| example.name).collect();
            format!(
                "no example `{name}`; the examples are: {}",
                names.join(", ")
            )
        })
}

/// The Cargo that runs us (`cargo run`/`cargo test` set `CARGO`), else the one that built us,
/// else `cargo` from `PATH`.
fn cargo() -> std::ffi::OsString {
    std::env::var_os("CARGO")
        .or_else(|| option_env!("CARGO").map(Into::into))
        .unwrap_or_else(|| "cargo".into())
}

/// Builds `example` and returns the path of its handler library. Cargo's progress goes to
/// stderr.
pub fn build(example: &Example) -> Result<PathBuf, String> {
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml");
    let mut command = Command::new(cargo());
    command.args([
        "build",
        "--manifest-path",
        manifest,
        "-p",
        example.package,
        "--lib",
        "--message-format=json-render-diagnostics",
    ]);
    if !cfg!(debug_assertions) {
        command.arg("--release");
    }
    let output = command
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|error| format!("cannot run cargo to build {}: {error}", example.package))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo build -p {}` failed ({})",
            example.package, output.status
        ));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    library_path(&stdout, example.package).ok_or_else(|| {
        format!(
            "cargo built {} but reported no dynamic library",
            example.package
        )
    })
}

/// The dynamic library of `package` in Cargo's JSON messages.
#[must_use]
pub fn library_path(messages: &str, package: &str) -> Option<PathBuf> {
    let target = package.replace('-', "_");
    messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-artifact")
        .filter(|message| message["target"]["name"] == target.as_str())
        .filter_map(|message| message["filenames"].as_array().cloned())
        .flatten()
        .filter_map(|name| name.as_str().map(PathBuf::from))
        .find(|path| {
            path.extension()
                .is_some_and(|extension| extension == std::env::consts::DLL_EXTENSION)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_path_from_cargo_messages() {
        let dll = std::env::consts::DLL_EXTENSION;
        let messages = format!(
            "{{\"reason\":\"compiler-artifact\",\"target\":{{\"name\":\"syncmgr\"}},\"filenames\":[\"/t/libsyncmgr.rlib\"]}}\n\
             not json\n\
             {{\"reason\":\"compiler-artifact\",\"target\":{{\"name\":\"example_minimal\"}},\"filenames\":[\"/t/libexample_minimal.rlib\",\"/t/libexample_minimal.{dll}\"]}}\n\
             {{\"reason\":\"build-finished\",\"success\":true}}"
        );
        assert_eq!(
            library_path(&messages, "example-minimal"),
            Some(PathBuf::from(format!("/t/libexample_minimal.{dll}")))
        );
        assert_eq!(library_path(&messages, "example-mirror"), None);
        assert!(find("minimal").is_ok());
        assert!(find("nope").unwrap_err().contains("minimal"));
    }

    /// The table's CLSIDs are the ones the example crates declare.
    #[test]
    fn clsids_match_the_examples() {
        for example in EXAMPLES {
            let source = format!(
                "{}/../examples/{}/src/lib.rs",
                env!("CARGO_MANIFEST_DIR"),
                example.name
            );
            let source = std::fs::read_to_string(&source)
                .unwrap_or_else(|error| panic!("{source}: {error}"));
            let clsid = format!("clsid = \"{}\"", crate::new::guid_text(example.clsid));
            assert!(
                source.contains(&clsid),
                "examples/{} declares {clsid}",
                example.name
            );
        }
    }
}
