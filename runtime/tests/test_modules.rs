//! The runtime's modules form no import cycle: each one can be read knowing only the ones it
//! names. A module "names" another when its source mentions `crate::other` (an import, a path or
//! a doc link) or imports it in a `use crate::{other::…}` group.

use std::collections::{BTreeMap, BTreeSet};

/// `module -> modules it names`, from `runtime/src/*.rs`.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if path.extension().is_some_and(|ext| ext == "rs")
            && !["lib", "bindings"].contains(&name.as_str())
        {
            sources.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
    let modules: BTreeSet<String> = sources.keys().cloned().collect();
    let ident = |text: &str| -> String {
        text.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    sources
        .iter()
        .map(|(name, source)| {
            let mut named = BTreeSet::new();
            for (at, _) in source.match_indices("crate::") {
                let rest = &source[at + "crate::".len()..];
                if let Some(group) = rest.strip_prefix('{') {
                    let group = &group[..group.find('}').unwrap_or(group.len())];
                    for part in group.split([',', '{']) {
                        let part = part.trim();
                        if part.contains("::") {
                            named.insert(ident(part));
                        }
                    }
                } else {
                    named.insert(ident(rest));
                }
            }
            named.retain(|other| other != name && modules.contains(other));
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
    assert_eq!(cycle(&graph), None, "import cycle between runtime modules");
}

#[test]
fn a_cycle_is_found() {
    let mut graph = graph();
    graph.get_mut("sync").unwrap().insert("object".to_owned());
    let found = cycle(&graph).expect("sync -> object -> machine -> sync");
    assert_eq!(found.first(), found.last());
}
