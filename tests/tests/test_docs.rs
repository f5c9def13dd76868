//! The repository's docs stand on their own: the protocol facts the code relies on live in
//! `docs/protocol.md` (the legacy Sync Manager) and `docs/sync-center.md` (Sync Center) with their
//! public sources, every section of either page that code or docs cite (by its anchor) exists,
//! and nothing cites a document outside the repository.

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

/// A document of the repository, by its path relative to the root (e.g. `docs/protocol.md`).
fn doc(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

fn protocol() -> String {
    doc("docs/protocol.md")
}

fn sync_center() -> String {
    doc("docs/sync-center.md")
}

/// Checks every citation `<doc>#<anchor>` in the repository against the `##`/`###` headings of
/// `doc`; `doc` must have a section `known` and be cited at least `min_cited` times.
fn check_citations(doc_path: &str, known: &str, min_cited: usize) {
    let anchors: Vec<String> = doc(doc_path)
        .lines()
        .filter_map(|line| {
            line.strip_prefix("## ")
                .or_else(|| line.strip_prefix("### "))
        })
        .map(anchor)
        .collect();
    assert!(
        anchors.contains(&known.to_owned()),
        "{doc_path} has no section `{known}`: {anchors:?}"
    );
    // Built here, from the path alone, so that this file does not match itself.
    let needle = [doc_path, "#"].concat();
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
                "{}: `{needle}{name}` names no section of {doc_path}",
                path.display()
            );
            cited += 1;
        }
    }
    assert!(
        cited >= min_cited,
        "only {cited} citations of {doc_path} found"
    );
}

/// The rows `(name, value)` of the two-column Markdown table whose header line is `header`.
fn table_rows(text: &str, header: &str) -> Vec<(String, String)> {
    let mut lines = text
        .lines()
        .skip_while(|line| line.trim() != header)
        .skip(1);
    let separator = lines.next().unwrap_or_default();
    assert!(
        separator.starts_with("|-") || separator.starts_with("| -"),
        "no table with header `{header}`"
    );
    lines
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            assert_eq!(cells.len(), 2, "`{line}` is not a two-column row");
            (cells[0].trim_matches('`').to_owned(), cells[1].to_owned())
        })
        .collect()
}

/// Compares the table under `header` with `expected`: the same names, each with its ABI value.
fn check_table(text: &str, header: &str, expected: &[(&str, i32)]) {
    let rows = table_rows(text, header);
    for (name, value) in &rows {
        let Some((_, abi)) = expected.iter().find(|(known, _)| known == name) else {
            panic!("docs/sync-center.md: `{name}` in `{header}` is no such constant");
        };
        let value: i32 = value
            .parse()
            .unwrap_or_else(|_| panic!("docs/sync-center.md: `{name}` has value `{value}`"));
        assert_eq!(value, *abi, "docs/sync-center.md: `{name}`");
    }
    for (name, _) in expected {
        assert!(
            rows.iter().any(|(row, _)| row == name),
            "docs/sync-center.md: `{header}` lacks `{name}`"
        );
    }
}

#[test]
fn cited_sections_exist() {
    check_citations("docs/protocol.md", "call-order", 3);
}

#[test]
fn cited_sync_center_sections_exist() {
    check_citations("docs/sync-center.md", "isyncmgrsynccallback", 1);
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
        "cite docs/protocol.md or docs/sync-center.md instead: {offenders:?}"
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

#[test]
fn sync_center_facts_carry_public_sources() {
    let text = sync_center();
    let links = text.matches("https://learn.microsoft.com/").count();
    assert!(
        links >= 15,
        "docs/sync-center.md links {links} reference pages"
    );
    for fact in [
        "ISyncMgrHandler",
        "ReportProgress",
        "E_ACCESSDENIED",
        "HandlerCollections",
    ] {
        assert!(
            text.contains(fact),
            "docs/sync-center.md does not mention {fact}"
        );
    }
}

/// The two tables of `docs/sync-center.md#constants` give the values the generated ABI has.
#[test]
fn documented_sync_center_constants_match_the_abi() {
    use syncmgr::abi;
    let text = sync_center();
    check_table(
        &text,
        "| SYNCMGR_PROGRESS_STATUS | value |",
        &[
            ("SYNCMGR_PS_UPDATING", abi::SYNCMGR_PS_UPDATING),
            (
                "SYNCMGR_PS_UPDATING_INDETERMINATE",
                abi::SYNCMGR_PS_UPDATING_INDETERMINATE,
            ),
            ("SYNCMGR_PS_SUCCEEDED", abi::SYNCMGR_PS_SUCCEEDED),
            ("SYNCMGR_PS_FAILED", abi::SYNCMGR_PS_FAILED),
            ("SYNCMGR_PS_CANCELED", abi::SYNCMGR_PS_CANCELED),
            ("SYNCMGR_PS_DISCONNECTED", abi::SYNCMGR_PS_DISCONNECTED),
        ],
    );
    check_table(
        &text,
        "| SYNCMGR_CANCEL_REQUEST | value |",
        &[
            ("SYNCMGR_CR_NONE", abi::SYNCMGR_CR_NONE),
            ("SYNCMGR_CR_CANCEL_ITEM", abi::SYNCMGR_CR_CANCEL_ITEM),
            ("SYNCMGR_CR_CANCEL_ALL", abi::SYNCMGR_CR_CANCEL_ALL),
        ],
    );
}
