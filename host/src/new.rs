//! `syncmgr-host new PATH`: a new handler crate, from the template in `host/template/`.
//!
//! The crate is a `cdylib` + `rlib` with one handler, one declared item, a session test written
//! with `syncmgr-test`, and the `.cargo/config.toml` that builds its Windows DLL without Windows
//! Runtime imports. The CLSID and the item's id are fresh random (version 4) GUIDs, so two
//! generated handlers never share an identity in the registry.

use crate::cli::NewArgs;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use syncmgr::GUID;

/// The template's files: the path in the new crate and the text with `{{placeholders}}`.
const FILES: &[(&str, &str)] = &[
    ("Cargo.toml", include_str!("../template/Cargo.toml")),
    (
        ".cargo/config.toml",
        include_str!("../template/.cargo/config.toml"),
    ),
    (".gitignore", include_str!("../template/.gitignore")),
    ("src/lib.rs", include_str!("../template/src/lib.rs")),
    (
        "tests/session.rs",
        include_str!("../template/tests/session.rs"),
    ),
];

/// The longest handler name `GetHandlerInfo` can report, in UTF-16 units (`MAX_SYNCMGRHANDLERNAME`
/// less the terminating NUL); the attribute enforces the same limit.
const MAX_HANDLER_NAME: usize = syncmgr::abi::MAX_SYNCMGRHANDLERNAME as usize - 1;

/// What goes into the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crate {
    /// The package name (the folder's name).
    pub package: String,
    /// The name the Sync Manager shows.
    pub handler: String,
    /// The handler's CLSID.
    pub clsid: GUID,
    /// The declared item's id.
    pub item: GUID,
    /// A syncmgr checkout to depend on by path, instead of crates.io.
    pub checkout: Option<PathBuf>,
}

impl Crate {
    /// The crate for `args`, with fresh GUIDs.
    pub fn from_args(args: &NewArgs) -> Result<Self, String> {
        let package = args
            .path
            .file_name()
            .and_then(|name| name.to_str())
            .ok_or_else(|| format!("{}: the folder needs a name", args.path.display()))?
            .to_owned();
        check_package_name(&package)?;
        let handler = args.name.clone().unwrap_or_else(|| package.clone());
        let units = handler.encode_utf16().count();
        if units == 0 || units > MAX_HANDLER_NAME || handler.contains(['"', '\\']) {
            return Err(format!(
                "handler name {handler:?}: 1 to {MAX_HANDLER_NAME} UTF-16 units, without `\"` or `\\` (--name)"
            ));
        }
        let checkout = match &args.syncmgr_path {
            Some(path) => Some(
                path.canonicalize()
                    .map_err(|error| format!("{}: {error}", path.display()))?,
            ),
            None => None,
        };
        Ok(Self {
            package,
            handler,
            clsid: random_guid()?,
            item: random_guid()?,
            checkout,
        })
    }

    /// The template's files for this crate: relative path and contents.
    pub fn render(&self) -> Result<Vec<(&'static str, String)>, String> {
        let (syncmgr, syncmgr_test) = match &self.checkout {
            None => {
                let version = format!("\"{}\"", dependency_version());
                (version.clone(), version)
            }
            Some(dir) => (
                path_dependency(&dir.join("runtime"))?,
                path_dependency(&dir.join("testkit"))?,
            ),
        };
        let values = [
            ("{{package}}", self.package.clone()),
            ("{{crate}}", self.package.replace('-', "_")),
            ("{{handler}}", self.handler.clone()),
            ("{{clsid}}", guid_text(self.clsid)),
            ("{{item}}", guid_text(self.item)),
            ("{{syncmgr}}", syncmgr),
            ("{{syncmgr_test}}", syncmgr_test),
        ];
        Ok(FILES
            .iter()
            .map(|&(path, text)| {
                let text = values.iter().fold(text.to_owned(), |text, (key, value)| {
                    text.replace(key, value)
                });
                (path, text)
            })
            .collect())
    }

    /// Writes the crate into `dir`, which must not exist or be empty.
    pub fn write(&self, dir: &Path) -> Result<(), String> {
        let files = self.render()?;
        if dir
            .read_dir()
            .is_ok_and(|mut entries| entries.next().is_some())
        {
            return Err(format!(
                "{}: the folder exists and is not empty",
                dir.display()
            ));
        }
        for (path, text) in files {
            let path = dir.join(path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|error| format!("{}: {error}", parent.display()))?;
            }
            std::fs::write(&path, text).map_err(|error| format!("{}: {error}", path.display()))?;
        }
        Ok(())
    }
}

/// Runs `syncmgr-host new`: writes the crate and says what to do next. Returns the exit code.
#[must_use]
pub fn run(args: &NewArgs) -> i32 {
    let result = Crate::from_args(args).and_then(|new| new.write(&args.path).map(|()| new));
    match result {
        Ok(new) => {
            let crate_name = new.package.replace('-', "_");
            let mut next = String::new();
            let _ = writeln!(
                next,
                "Created handler {:?} in {}",
                new.handler,
                args.path.display()
            );
            let _ = writeln!(next, "  CLSID {}", guid_text(new.clsid));
            let _ = writeln!(next, "Next:");
            let _ = writeln!(next, "  cd {}", args.path.display());
            let _ = writeln!(next, "  cargo test");
            let _ = writeln!(
                next,
                "  cargo build --release --target x86_64-pc-windows-msvc   # or x86_64-pc-windows-gnu"
            );
            let _ = writeln!(
                next,
                "  regsvr32 target\\x86_64-pc-windows-msvc\\release\\{crate_name}.dll"
            );
            print!("{next}");
            crate::report::EXIT_SUCCESS
        }
        Err(error) => {
            eprintln!("syncmgr-host new: {error}");
            crate::report::EXIT_USAGE
        }
    }
}

/// Cargo's rules for a package name, narrowed to what is also a Rust identifier once `-` becomes
/// `_`: ASCII letters, digits, `-` and `_`, not starting with a digit.
fn check_package_name(name: &str) -> Result<(), String> {
    let valid = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name != "_";
    if valid {
        Ok(())
    } else {
        Err(format!(
            "{name:?} is not a package name: ASCII letters, digits, `-` and `_`, starting with a letter"
        ))
    }
}

/// `major.minor` of this syncmgr, the crates.io requirement the new crate gets.
fn dependency_version() -> String {
    let version = env!("CARGO_PKG_VERSION");
    version
        .rsplit_once('.')
        .map_or(version, |(minor, _)| minor)
        .to_owned()
}

/// `{ path = '…' }`, as a TOML literal string (no escapes, so Windows paths stay as they are).
fn path_dependency(path: &Path) -> Result<String, String> {
    let text = path
        .to_str()
        .filter(|text| !text.contains('\''))
        .ok_or_else(|| format!("{}: not usable as a dependency path", path.display()))?;
    Ok(format!("{{ path = '{text}' }}"))
}

/// A random (version 4) GUID from the operating system's random source.
fn random_guid() -> Result<GUID, String> {
    let mut bytes = [0_u8; 16];
    getrandom::fill(&mut bytes).map_err(|error| format!("no random source: {error}"))?;
    bytes[6] = (bytes[6] & 0x0F) | 0x40;
    bytes[8] = (bytes[8] & 0x3F) | 0x80;
    Ok(GUID::from_u128(u128::from_be_bytes(bytes)))
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, lower case, as the attribute takes it.
pub(crate) fn guid_text(guid: GUID) -> String {
    format!("{guid:?}").to_lowercase()
}
