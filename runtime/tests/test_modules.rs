//! The runtime's modules form no import cycle: each one can be read knowing only the ones it
//! names. A module "names" another when its source mentions `crate::other` (an import, a path or
//! a doc link) or imports it in a `use crate::{other::…}` group.

use std::collections::{BTreeMap, BTreeSet};

/// `module -> modules it names`, from `runtime/src`: a file `x.rs` is module `x`, a folder's
/// `mod.rs` the folder's module and its other files `folder::file`. A module names another when
/// its source mentions `crate::other` (or `crate::folder::file`), or, inside a folder,
/// `super::file` (the sibling) or `super::item` (the folder's `mod.rs`); groups
/// (`use crate::{a, b::c}`) count each member.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = BTreeMap::new();
    let mut read = |path: &std::path::Path, name: String| {
        sources.insert(name, std::fs::read_to_string(path).unwrap());
    };
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if path.is_dir() {
            for inner in std::fs::read_dir(&path).unwrap() {
                let inner = inner.unwrap().path();
                let file = inner.file_stem().unwrap().to_str().unwrap().to_owned();
                if inner.extension().is_some_and(|ext| ext == "rs") {
                    let name = if file == "mod" {
                        stem.clone()
                    } else {
                        format!("{stem}::{file}")
                    };
                    read(&inner, name);
                }
            }
        } else if path.extension().is_some_and(|ext| ext == "rs")
            && !["lib", "bindings"].contains(&stem.as_str())
        {
            read(&path, stem);
        }
    }
    let modules: BTreeSet<String> = sources.keys().cloned().collect();
    // The module a path after `crate::` names: its first two segments if they are a module,
    // else its first.
    let resolve = |path: &str| -> Option<String> {
        let segments: Vec<String> = path
            .split("::")
            .take(2)
            .map(|segment| {
                segment
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect()
            })
            .collect();
        if segments.len() == 2 {
            let two = format!("{}::{}", segments[0], segments[1]);
            if modules.contains(&two) {
                return Some(two);
            }
        }
        segments
            .first()
            .filter(|one| modules.contains(*one))
            .cloned()
    };
    // The paths a mention at `rest` (the text after `crate::` or `super::`) stands for.
    let mentions = |rest: &str| -> Vec<String> {
        match rest.strip_prefix('{') {
            Some(group) => group[..group.find('}').unwrap_or(group.len())]
                .split(',')
                .map(|part| part.trim().to_owned())
                .filter(|part| !part.is_empty())
                .collect(),
            None => vec![rest.to_owned()],
        }
    };
    sources
        .iter()
        .map(|(name, source)| {
            let mut named = BTreeSet::new();
            for (at, _) in source.match_indices("crate::") {
                for path in mentions(&source[at + "crate::".len()..]) {
                    named.extend(resolve(&path));
                }
            }
            if let Some((folder, _)) = name.split_once("::") {
                for (at, _) in source.match_indices("super::") {
                    for path in mentions(&source[at + "super::".len()..]) {
                        let sibling = resolve(&format!("{folder}::{path}"))
                            .filter(|module| module.contains("::"));
                        named.insert(sibling.unwrap_or_else(|| folder.to_owned()));
                    }
                }
            }
            named.retain(|other| other != name);
            (name.clone(), named)
        })
        .collect()
}

/// A cycle in `graph` as the path around it, if there is one (depth-first search).
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        graph: &BTreeMap<String, BTreeSet<String>>,
        node: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|seen| seen == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_owned());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in &graph[node] {
            if let Some(found) = visit(graph, next, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(graph, node, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_cycle() {
    let graph = graph();
    assert!(graph.len() > 10, "read {} modules", graph.len());
    assert!(graph["object"].contains("machine"), "{:?}", graph["object"]);
    assert!(
        graph["center::handler"].contains("center::item"),
        "{:?}",
        graph["center::handler"]
    );
    assert_eq!(cycle(&graph), None, "import cycle between runtime modules");
}

#[test]
fn a_cycle_is_found() {
    let mut graph = graph();
    graph.get_mut("sync").unwrap().insert("object".to_owned());
    let found = cycle(&graph).expect("sync -> object -> machine -> sync");
    assert_eq!(found.first(), found.last());
}
