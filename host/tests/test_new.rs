//! `syncmgr-host new`: the template's placeholders, the checks on names, and what it refuses.
//! (`cargo run -p xtask -- template` builds, tests and cross-builds a generated crate.)

use clap::Parser;
use std::path::PathBuf;
use syncmgr_host::cli::{Args, Command, NewArgs};
use syncmgr_host::new::Crate;

fn new_args(line: &[&str]) -> NewArgs {
    let args =
        Args::try_parse_from(std::iter::once("syncmgr-host").chain(line.iter().copied())).unwrap();
    match args.command {
        Some(Command::New(new)) => new,
        None => panic!("no subcommand in {line:?}"),
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("syncmgr-host-new-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn every_placeholder_is_filled() {
    let new =
        Crate::from_args(&new_args(&["new", "/tmp/x/notes-sync", "--name", "Notes"])).unwrap();
    assert_eq!(
        (new.package.as_str(), new.handler.as_str()),
        ("notes-sync", "Notes")
    );
    let files = new.render().unwrap();
    assert!(files.iter().any(|(path, _)| *path == "src/lib.rs"));
    for (path, text) in &files {
        assert!(!text.contains("{{"), "{path} keeps a placeholder:\n{text}");
    }
    let text = |name: &str| &files.iter().find(|(path, _)| *path == name).unwrap().1;
    let clsid = format!("{:?}", new.clsid).to_lowercase();
    assert!(text("src/lib.rs").contains(&format!("clsid = \"{clsid}\"")));
    assert!(text("src/lib.rs").contains("name = \"Notes\""));
    assert!(text("tests/session.rs").contains("use notes_sync::Handler;"));
    assert!(text("Cargo.toml").contains("name = \"notes-sync\""));
    assert!(
        text("Cargo.toml").contains("syncmgr = \"0.1\""),
        "{}",
        text("Cargo.toml")
    );
}

#[test]
fn guids_are_fresh_version_4() {
    let args = new_args(&["new", "a"]);
    let (one, two) = (
        Crate::from_args(&args).unwrap(),
        Crate::from_args(&args).unwrap(),
    );
    assert_ne!(one.clsid, two.clsid);
    assert_ne!(one.clsid, one.item);
    for guid in [one.clsid, one.item, two.clsid] {
        assert_eq!(guid.data3 >> 12, 4, "{guid:?}");
        assert_eq!(guid.data4[0] >> 6, 0b10, "{guid:?}");
    }
}

#[test]
fn a_checkout_is_a_path_dependency() {
    let here = std::env::current_dir().unwrap();
    let checkout = here.parent().unwrap();
    let new = Crate::from_args(&new_args(&[
        "new",
        "h",
        "--syncmgr-path",
        checkout.to_str().unwrap(),
    ]))
    .unwrap();
    let files = new.render().unwrap();
    let manifest = &files
        .iter()
        .find(|(path, _)| *path == "Cargo.toml")
        .unwrap()
        .1;
    let runtime = checkout.canonicalize().unwrap().join("runtime");
    assert!(
        manifest.contains(&format!("syncmgr = {{ path = '{}' }}", runtime.display())),
        "{manifest}"
    );
}

#[test]
fn bad_names_are_refused() {
    for line in [
        &["new", "/tmp/9lives"][..],
        &["new", "/tmp/my handler"],
        &["new", "/tmp/ok", "--name", ""],
        &[
            "new",
            "/tmp/ok",
            "--name",
            "A name longer than thirty-one units",
        ],
        &["new", "/tmp/ok", "--name", "quote\"d"],
    ] {
        let error = Crate::from_args(&new_args(line)).unwrap_err();
        assert!(!error.is_empty(), "{line:?}");
    }
    assert!(Crate::from_args(&new_args(&["new", "/tmp/ok", "--name", &"n".repeat(31)])).is_ok());
}

#[test]
fn writes_a_crate_and_never_over_one() {
    let dir = scratch("write");
    let new = Crate::from_args(&new_args(&["new", dir.to_str().unwrap()])).unwrap();
    new.write(&dir).unwrap();
    for path in [
        "Cargo.toml",
        ".cargo/config.toml",
        "src/lib.rs",
        "tests/session.rs",
    ] {
        assert!(dir.join(path).is_file(), "{path}");
    }
    let lib = std::fs::read_to_string(dir.join("src/lib.rs")).unwrap();
    let again = Crate::from_args(&new_args(&["new", dir.to_str().unwrap()])).unwrap();
    assert!(again.write(&dir).unwrap_err().contains("not empty"));
    assert_eq!(
        std::fs::read_to_string(dir.join("src/lib.rs")).unwrap(),
        lib
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn new_does_not_mix_with_a_session() {
    let parse = |line: &[&str]| {
        Args::try_parse_from(std::iter::once("syncmgr-host").chain(line.iter().copied()))
    };
    assert!(parse(&["new", "x", "--skip", "Inbox"]).is_err());
    assert!(parse(&["--json", "new", "x"]).is_err());
    assert!(parse(&["new"]).is_err());
}
