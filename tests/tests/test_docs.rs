//! The repository's docs stand on their own: the protocol facts the code relies on live in
//! `docs/protocol.md` with their public sources, every section of `docs/protocol.md` that code
//! or docs cite (by its anchor) exists, and nothing cites a document outside the repository.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The repository's Rust, Markdown, TOML and C files, outside build output.
fn text_files() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy();
            if path.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    walk(&path, out);
                }
            } else if ["rs", "md", "toml", "c", "sh"]
                .iter()
                .any(|ext| path.extension().is_some_and(|e| e == *ext))
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.push((path, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root(), &mut out);
    out
}

/// GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces as `-`.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn protocol() -> String {
    std::fs::read_to_string(root().join("docs/protocol.md")).unwrap()
}

#[test]
fn cited_sections_exist() {
    let anchors: Vec<String> = protocol()
        .lines()
        .filter_map(|line| {
            line.strip_prefix("## ")
                .or_else(|| line.strip_prefix("### "))
        })
        .map(anchor)
        .collect();
    assert!(anchors.contains(&"call-order".to_owned()), "{anchors:?}");
    // Split so that this file does not match itself.
    let needle = ["docs/protocol.md", "#"].concat();
    let mut cited = 0;
    for (path, text) in text_files() {
        for (at, _) in text.match_indices(&needle) {
            let rest = &text[at + needle.len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            assert!(
                anchors.contains(&name),
                "{}: `{needle}{name}` names no section of docs/protocol.md",
                path.display()
            );
            cited += 1;
        }
    }
    assert!(cited >= 3, "only {cited} citations found");
}

#[test]
fn facts_carry_public_sources() {
    let text = protocol();
    let links = text.matches("https://learn.microsoft.com/").count();
    assert!(
        links >= 10,
        "docs/protocol.md links {links} reference pages"
    );
    for fact in [
        "SYNCMGRSTATUS_SKIPPED",
        "S_SYNCMGR_MISSINGITEMS",
        "E_NOINTERFACE",
        "SYNCMGRITEM",
    ] {
        assert!(
            text.contains(fact),
            "docs/protocol.md does not mention {fact}"
        );
    }
}

#[test]
fn nothing_cites_outside_the_repository() {
    // Split so that this file does not match itself.
    let outside = ["shared", "/reference/"].concat();
    let section = ["ABI reference", ", §"].concat();
    let offenders: Vec<String> = text_files()
        .into_iter()
        .filter(|(_, text)| text.contains(&outside) || text.contains(&section))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "cite docs/protocol.md instead: {offenders:?}"
    );
}

/// The HRESULT table of `docs/protocol.md#hresults` gives the values the generated ABI has.
#[test]
fn documented_hresults_match_the_abi() {
    use syncmgr::abi;
    let text = protocol();
    let codes = [
        ("S_SYNCMGR_MISSINGITEMS", abi::S_SYNCMGR_MISSINGITEMS),
        ("S_SYNCMGR_RETRYSYNC", abi::S_SYNCMGR_RETRYSYNC),
        ("S_SYNCMGR_CANCELITEM", abi::S_SYNCMGR_CANCELITEM),
        ("S_SYNCMGR_CANCELALL", abi::S_SYNCMGR_CANCELALL),
        ("S_SYNCMGR_ITEMDELETED", abi::S_SYNCMGR_ITEMDELETED),
        ("S_SYNCMGR_ENUMITEMS", abi::S_SYNCMGR_ENUMITEMS),
        ("S_OK", abi::S_OK),
        ("S_FALSE", abi::S_FALSE),
        ("E_UNEXPECTED", abi::E_UNEXPECTED),
        ("E_NOTIMPL", abi::E_NOTIMPL),
        ("E_NOINTERFACE", abi::E_NOINTERFACE),
        ("E_POINTER", abi::E_POINTER),
        ("E_FAIL", abi::E_FAIL),
        ("E_OUTOFMEMORY", abi::E_OUTOFMEMORY),
        ("E_INVALIDARG", abi::E_INVALIDARG),
        ("CLASS_E_NOAGGREGATION", abi::CLASS_E_NOAGGREGATION),
        ("CLASS_E_CLASSNOTAVAILABLE", abi::CLASS_E_CLASSNOTAVAILABLE),
    ];
    for (name, code) in codes {
        let row = format!("`{name}` | `0x{:08X}`", code.0 as u32);
        assert!(text.contains(&row), "docs/protocol.md lacks {row}");
    }
}

/// The status table of `docs/protocol.md#constants` gives the values the generated ABI has.
#[test]
fn documented_statuses_match_the_abi() {
    use syncmgr::abi;
    let text = protocol();
    let statuses = [
        ("STOPPED", abi::SYNCMGRSTATUS_STOPPED),
        ("SKIPPED", abi::SYNCMGRSTATUS_SKIPPED),
        ("PENDING", abi::SYNCMGRSTATUS_PENDING),
        ("UPDATING", abi::SYNCMGRSTATUS_UPDATING),
        ("SUCCEEDED", abi::SYNCMGRSTATUS_SUCCEEDED),
        ("FAILED", abi::SYNCMGRSTATUS_FAILED),
        ("PAUSED", abi::SYNCMGRSTATUS_PAUSED),
        ("RESUMING", abi::SYNCMGRSTATUS_RESUMING),
        (
            "UPDATING_INDETERMINATE",
            abi::SYNCMGRSTATUS_UPDATING_INDETERMINATE,
        ),
        ("DELETED", abi::SYNCMGRSTATUS_DELETED),
    ];
    for (name, status) in statuses {
        let row = format!("`SYNCMGRSTATUS_{name}` | 0x{status:04X} |");
        assert!(text.contains(&row), "docs/protocol.md lacks {row}");
    }
}
