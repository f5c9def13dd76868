//! A folder-mirror handler: each item is a source/destination folder pair, and synchronizing it
//! copies new and changed files from source to destination, with progress per file.
//!
//! With no configuration it creates two demo pairs under the temporary directory
//! (`<tmp>/syncmgr-mirror-demo/{documents,pictures}`), each with a few files to copy. To mirror
//! real folders, set `SYNCMGR_MIRROR` to `name|source|destination` entries separated by `;`.
//! Item ids are derived from the names (`syncmgr::item_id`), so they stay stable between runs.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use syncmgr::{Item, ItemListing, ItemSync, LogLevel, SyncHandler, sync_handler};

/// Mirrors folder pairs.
#[sync_handler(
    clsid = "3f1d8c52-9b6e-4a07-8e21-5c4d7a9b0e13",
    name = "Folder mirror",
    flags(always_list_handler),
    // The ICON resource build.rs builds into the DLL for Windows targets.
    icon = 101,
)]
pub struct Mirror {
    pairs: Vec<Pair>,
}

/// One item: a folder copied one way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The item's display name.
    pub name: String,
    /// Where files come from.
    pub source: PathBuf,
    /// Where they go.
    pub destination: PathBuf,
}

impl Pair {
    /// The item id: derived from the name under the handler's CLSID (`syncmgr::item_id`, a
    /// name-based GUID), so it is the same in every run.
    #[must_use]
    pub fn id(&self) -> syncmgr::GUID {
        syncmgr::item_id(<Mirror as syncmgr::HandlerClass>::DECL.clsid, &self.name)
    }
}

impl Default for Mirror {
    /// The pairs from `SYNCMGR_MIRROR`, or the demo pairs.
    fn default() -> Self {
        match std::env::var("SYNCMGR_MIRROR") {
            Ok(spec) if !spec.trim().is_empty() => Self::new(parse_pairs(&spec)),
            _ => Self::new(demo_pairs(
                &std::env::temp_dir().join("syncmgr-mirror-demo"),
            )),
        }
    }
}

impl Mirror {
    /// A handler for `pairs`.
    #[must_use]
    pub fn new(pairs: Vec<Pair>) -> Self {
        Self { pairs }
    }

    fn pair(&self, id: syncmgr::GUID) -> Option<&Pair> {
        self.pairs.iter().find(|pair| pair.id() == id)
    }
}

/// Parses `name|source|destination;…`; malformed entries are ignored.
#[must_use]
pub fn parse_pairs(spec: &str) -> Vec<Pair> {
    spec.split(';')
        .filter_map(|entry| {
            let mut parts = entry.split('|').map(str::trim);
            let (name, source, destination) = (parts.next()?, parts.next()?, parts.next()?);
            (!name.is_empty()).then(|| Pair {
                name: name.to_owned(),
                source: source.into(),
                destination: destination.into(),
            })
        })
        .collect()
}

/// Two demo pairs under `root`, with source files created on first use.
#[must_use]
pub fn demo_pairs(root: &Path) -> Vec<Pair> {
    ["documents", "pictures"]
        .into_iter()
        .map(|name| {
            let pair = Pair {
                name: format!("Demo {name}"),
                source: root.join(name).join("source"),
                destination: root.join(name).join("destination"),
            };
            // Best effort: a demo that cannot write its files shows the error when it syncs.
            let _ = seed_demo_files(&pair.source, name);
            pair
        })
        .collect()
}

fn seed_demo_files(source: &Path, name: &str) -> io::Result<()> {
    fs::create_dir_all(source)?;
    if fs::read_dir(source)?.next().is_some() {
        return Ok(());
    }
    for index in 1..=12 {
        let path = source.join(format!("{name}-{index:02}.txt"));
        fs::write(path, format!("{name} file {index}\n").repeat(64 * index))?;
    }
    Ok(())
}

/// What a logged copy failure carries, for the user who opens it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailedCopy {
    /// The folder pair.
    pub item: syncmgr::GUID,
    /// The file, relative to the pair's folders.
    pub file: PathBuf,
}

impl SyncHandler for Mirror {
    fn items(&self) -> syncmgr::Result<ItemListing> {
        let items = self
            .pairs
            .iter()
            .map(|pair| {
                let item = Item::new(pair.id(), pair.name.clone())?;
                // The list shows when the destination last changed.
                Ok(
                    match fs::metadata(&pair.destination).and_then(|meta| meta.modified()) {
                        Ok(modified) => item.last_updated(modified),
                        Err(_) => item,
                    },
                )
            })
            .collect::<syncmgr::Result<_>>()?;
        Ok(ItemListing {
            items,
            incomplete: false,
        })
    }

    /// The user opened a copy failure: mirror that folder pair again (no dialog here; a real
    /// handler would show the file and the error first).
    fn show_error(
        &self,
        _parent: syncmgr::ParentWindow,
        error: &syncmgr::LoggedError,
    ) -> syncmgr::Result<syncmgr::ShowErrorOutcome> {
        Ok(match error.context::<FailedCopy>() {
            Some(failed) => syncmgr::ShowErrorOutcome::Retry(vec![failed.item]),
            None => syncmgr::ShowErrorOutcome::Done,
        })
    }

    fn synchronize_item(&self, item: &mut ItemSync<'_>) -> syncmgr::Result<()> {
        let pair = self
            .pair(item.id())
            .ok_or_else(|| syncmgr::Error::msg("the item is not a configured folder pair"))?;
        let files = list_files(&pair.source)?;
        let total = u32::try_from(files.len()).unwrap_or(u32::MAX);
        let (mut copied, mut failed) = (0_u32, 0_u32);
        for (done, relative) in (1..).zip(&files) {
            // Between files: reports progress and stops here once the item is skipped.
            item.progress(done - 1, total, &relative.display().to_string())?;
            match copy_if_changed(
                &pair.source.join(relative),
                &pair.destination.join(relative),
            ) {
                Ok(true) => copied += 1,
                Ok(false) => {}
                Err(error) => {
                    failed += 1;
                    // The user can open the entry: `show_error` gets the file back.
                    item.log_error(
                        &format!("{}: {error}", relative.display()),
                        FailedCopy {
                            item: item.id(),
                            file: relative.clone(),
                        },
                    );
                }
            }
        }
        item.progress(total, total, "Done")?;
        item.log(
            LogLevel::Information,
            &format!(
                "{copied} of {total} files copied to {} ({} already up to date)",
                pair.destination.display(),
                total - copied - failed
            ),
        );
        if failed == 0 {
            Ok(())
        } else {
            Err(syncmgr::Error::msg(format!(
                "{failed} of {total} files could not be copied"
            )))
        }
    }
}

/// Every file under `root`, relative to it, sorted.
///
/// # Errors
/// A directory that cannot be read.
pub fn list_files(root: &Path) -> io::Result<Vec<PathBuf>> {
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

/// Copies `from` to `to` unless `to` has the same size and a modification time at least as new;
/// `Ok(true)` when it copied.
///
/// # Errors
/// `from` cannot be read or `to` cannot be written.
pub fn copy_if_changed(from: &Path, to: &Path) -> io::Result<bool> {
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

syncmgr::dll_exports!(Mirror);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_distinct_and_not_null() {
        let pairs = parse_pairs("a|/x|/y; b|/x|/z");
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].id(), pairs[0].clone().id());
        assert_ne!(pairs[0].id(), pairs[1].id());
        assert_ne!(pairs[0].id(), syncmgr::GUID::zeroed());
    }

    #[test]
    fn parse_ignores_malformed_entries() {
        let pairs = parse_pairs("ok|src|dst;;missing|src; |a|b");
        assert_eq!(
            pairs,
            [Pair {
                name: "ok".into(),
                source: "src".into(),
                destination: "dst".into()
            }]
        );
    }

    #[test]
    fn copies_new_and_changed_files_only() {
        let root = std::env::temp_dir().join(format!("syncmgr-mirror-test-{}", std::process::id()));
        let (source, destination) = (root.join("s"), root.join("d"));
        fs::create_dir_all(source.join("sub")).unwrap();
        fs::write(source.join("a.txt"), "alpha").unwrap();
        fs::write(source.join("sub/b.txt"), "beta").unwrap();
        let files = list_files(&source).unwrap();
        assert_eq!(files, [PathBuf::from("a.txt"), PathBuf::from("sub/b.txt")]);
        for file in &files {
            assert!(copy_if_changed(&source.join(file), &destination.join(file)).unwrap());
        }
        assert_eq!(
            fs::read_to_string(destination.join("sub/b.txt")).unwrap(),
            "beta"
        );
        assert!(!copy_if_changed(&source.join("a.txt"), &destination.join("a.txt")).unwrap());
        fs::write(source.join("a.txt"), "alpha, longer").unwrap();
        assert!(copy_if_changed(&source.join("a.txt"), &destination.join("a.txt")).unwrap());
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn demo_pairs_seed_their_sources() {
        let root =
            std::env::temp_dir().join(format!("syncmgr-mirror-demo-test-{}", std::process::id()));
        let pairs = demo_pairs(&root);
        assert_eq!(pairs.len(), 2);
        for pair in &pairs {
            assert_eq!(list_files(&pair.source).unwrap().len(), 12);
        }
        fs::remove_dir_all(&root).unwrap();
    }
}
