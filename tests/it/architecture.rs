//! The shape ARCHITECTURE.md promises, checked on the sources: no import
//! circle between the modules of any crate, no source file over 700
//! lines, and renderers that do not know the database.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use kinerja_tests::repo_root;

/// Every `src` directory of the workspace: each crate's and the planner's.
fn source_dirs() -> Vec<PathBuf> {
    let root = repo_root();
    let mut dirs: Vec<PathBuf> = fs::read_dir(root.join("crates"))
        .unwrap()
        .map(|e| e.unwrap().path().join("src"))
        .filter(|p| p.is_dir())
        .collect();
    dirs.push(root.join("web/src"));
    dirs.sort();
    dirs
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The names a text imports from its own crate: `crate::x` and each first
/// name of `crate::{x, y::z}`; comments and test code left out.
fn crate_refs(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let code: String = code.lines().filter(|l| !l.trim_start().starts_with("//")).map(|l| format!("{l}\n")).collect();
    let ident = |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
    let mut refs = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            refs.extend(group.split(',').map(|item| ident(item.trim())).filter(|n| !n.is_empty()));
        } else {
            refs.insert(ident(rest));
        }
    }
    refs
}

/// Module → the modules of the same crate it imports (top level only:
/// `src/a.rs` and `src/a/…` are module `a`; `lib.rs`, `main.rs` and test
/// files are not modules of the graph).
fn import_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let is_module = |n: &str| src.join(format!("{n}.rs")).is_file() || src.join(n).is_dir();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(src).unwrap();
        let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
        let module = first.strip_suffix(".rs").unwrap_or(&first).to_string();
        if ["lib", "main", "tests"].contains(&module.as_str()) || f.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let refs = crate_refs(&fs::read_to_string(&f).unwrap());
        graph.entry(module.clone()).or_default().extend(refs.into_iter().filter(|r| *r != module && is_module(r)));
    }
    graph
}

/// A circle of the graph, if one: the modules in order, the first again
/// at the end.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            let mut c = path[i..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for m in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, graph, done, path) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut done, &mut Vec::new()))
}

#[test]
fn no_crate_has_an_import_circle() {
    let mut found = Vec::new();
    for src in source_dirs() {
        if let Some(c) = circle(&import_graph(&src)) {
            found.push(format!("{}: {}", src.display(), c.join(" → ")));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_circle_finder_finds_circles() {
    let g = |edges: &[(&str, &str)]| {
        let mut m: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            m.entry((*a).into()).or_default().insert((*b).into());
        }
        m
    };
    assert_eq!(circle(&g(&[("a", "b"), ("b", "c")])), None);
    assert_eq!(circle(&g(&[("a", "b"), ("b", "c"), ("c", "a")])).unwrap().join(" "), "a b c a");
    assert_eq!(
        crate_refs("use crate::{a, b::C};\n/// [crate::d]\nuse crate::e::f;\n#[cfg(test)]\nuse crate::g;"),
        ["a", "b", "e"].into_iter().map(String::from).collect()
    );
}

#[test]
fn no_source_file_is_over_700_lines() {
    let root = repo_root();
    let mut files = Vec::new();
    for dir in source_dirs().into_iter().chain([root.join("tests"), root.join("fuzz/fuzz_targets")]) {
        rust_files(&dir, &mut files);
    }
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = fs::read_to_string(f).unwrap().lines().count();
            (n > 700).then(|| format!("{}: {n} lines", f.strip_prefix(&root).unwrap().display()))
        })
        .collect();
    assert!(long.is_empty(), "{}", long.join("\n"));
}

/// The dependencies of a workspace crate that are workspace crates or
/// `duckdb`, from its manifest, transitively.
fn depends_on(krate: &str, seen: &mut BTreeSet<String>) {
    let manifest = fs::read_to_string(repo_root().join("crates").join(krate).join("Cargo.toml")).unwrap();
    let deps = manifest.split("[dependencies]").nth(1).unwrap_or("");
    let deps = deps.split("\n[").next().unwrap_or("");
    for line in deps.lines() {
        let name = line.split(['=', '.', ' ']).next().unwrap_or("").trim();
        if name == "duckdb" {
            seen.insert(name.to_string());
        } else if name.starts_with("kinerja-") && seen.insert(name.to_string()) {
            depends_on(name, seen);
        }
    }
}

#[test]
fn the_report_renderer_does_not_know_the_database() {
    let mut seen = BTreeSet::new();
    depends_on("kinerja-laporan", &mut seen);
    assert!(seen.contains("kinerja-core"), "{seen:?}");
    assert!(!seen.contains("duckdb") && !seen.contains("kinerja-store"), "{seen:?}");
    let mut audit = BTreeSet::new();
    depends_on("kinerja-audit", &mut audit);
    assert!(!audit.contains("duckdb") && !audit.contains("kinerja-store"), "{audit:?}");
    let mut cetak = BTreeSet::new();
    depends_on("kinerja-cetak", &mut cetak);
    assert!(cetak.contains("kinerja-laporan"), "{cetak:?}");
    assert!(!cetak.contains("duckdb") && !cetak.contains("kinerja-store"), "the PDF and DOCX writers: {cetak:?}");
}
