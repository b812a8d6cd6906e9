//! The bad-input corpus (`tests/corpus/cases`, format in
//! tests/corpus/README.md): every case runs the `kinerja` binary on input a
//! user got wrong and must give the recorded exit code, name the place and
//! the value in its message, never panic, and leave the database logically
//! identical (every row of every table).

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use kinerja_tests::repo_root;

use crate::support::{kinerja_in, load_seed};

/// One case of the corpus.
#[derive(Debug, Default)]
struct Case {
    name: String,
    dir: PathBuf,
    command: String,
    exit: i32,
    expect: Vec<String>,
    remove: Vec<String>,
    generate: Vec<(String, usize)>,
}

fn parse(dir: &Path) -> Case {
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let mut c = Case { name: name.clone(), dir: dir.to_path_buf(), exit: -1, ..Case::default() };
    for line in fs::read_to_string(dir.join("case.txt")).unwrap().lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (k, v) = line.split_once(':').unwrap_or_else(|| panic!("{name}: {line}"));
        let v = v.trim().to_string();
        match k.trim() {
            "command" => c.command = v,
            "exit" => c.exit = v.parse().unwrap(),
            "expect" => c.expect.push(v),
            "remove" => c.remove.push(v),
            "generate" => {
                let parts: Vec<&str> = v.split_whitespace().collect();
                assert_eq!(parts[0], "long-line", "{name}: {v}");
                c.generate.push((parts[1].to_string(), parts[2].parse().unwrap()));
            }
            other => panic!("{name}: unknown key {other}"),
        }
    }
    assert!(!c.command.is_empty() && c.exit > 0, "{name}: a bad-input case has a command and a failing exit");
    c
}

/// Every row of every table, as text: the logical content of a database.
fn dump(db: &Path) -> String {
    let store = kinerja_store::Store::open_read_only(db).unwrap();
    let tables =
        store.sql("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name").unwrap();
    let names: Vec<String> = tables.rows.iter().filter_map(|r| r[0].clone()).collect();
    kinerja_tests::rows_of(&store, names.iter().map(String::as_str))
}

/// The seed's files with the case's changes.
fn data_of(c: &Case, into: &Path) {
    kinerja_tests::copy_seed(into);
    if let Ok(files) = fs::read_dir(c.dir.join("files")) {
        for e in files {
            let p = e.unwrap().path();
            fs::copy(&p, into.join(p.file_name().unwrap())).unwrap();
        }
    }
    for r in &c.remove {
        fs::remove_file(into.join(r)).unwrap();
    }
    for (file, n) in &c.generate {
        let mut bytes = fs::read(into.join(file)).unwrap();
        bytes.extend(std::iter::repeat_n(b'9', *n));
        bytes.push(b'\n');
        fs::write(into.join(file), bytes).unwrap();
    }
}

/// Runs a case in English, then in Bahasa Indonesia; `Err` says what went
/// wrong.
fn run(c: &Case, seeded: &Path) -> Result<(), String> {
    run_in(c, seeded, "en").and_then(|()| run_in(c, seeded, "id"))
}

/// The words of a located problem line (the first four) and of the cases'
/// expectations, in `lang`.
fn words(lang: &str) -> Vec<(&'static str, &'static str)> {
    let en = [("row ", "row "), ("column ", "column "), (": expected ", ": expected "), (", found ", ", found ")];
    match lang {
        "en" => en.to_vec(),
        _ => vec![
            ("row ", "baris "),
            ("column ", "kolom "),
            (": expected ", ": diharapkan "),
            (", found ", ", ditemukan "),
            ("no rows", "tidak ada baris"),
            ("references to", "rujukan ke"),
            ("problems in the data", "masalah dalam data"),
            ("hidden sheet", "lembar tersembunyi"),
            ("line ", "baris "),
            ("found \"none;", "ditemukan \"tidak ada;"),
        ],
    }
}

/// Runs a case with messages in `lang`. In Bahasa Indonesia every line of
/// the message must come from the catalogue (the CLI marks others `[EN]`).
fn run_in(c: &Case, seeded: &Path, lang: &str) -> Result<(), String> {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("k.duckdb");
    fs::copy(seeded, &db).unwrap();
    let mut args = c.command.split_whitespace();
    let mut cmd = kinerja_in(lang);
    cmd.current_dir(&c.dir).env("KINERJA_PESAN_KETAT", "1");
    match args.next().unwrap() {
        "load" => {
            let data = tmp.path().join("data");
            fs::create_dir(&data).unwrap();
            data_of(c, &data);
            cmd.args(["load", data.to_str().unwrap(), "--db", db.to_str().unwrap()]);
        }
        "plan-import" => {
            let file = c.dir.join("files").join(args.next().unwrap());
            cmd.args(["plan", "import", file.to_str().unwrap(), "--scenario", "corpus", "--db", db.to_str().unwrap()]);
        }
        "calc" => {
            cmd.arg("calc").args(args);
        }
        "audit" => {
            cmd.args(["audit", &format!("files/{}", args.next().unwrap())]);
        }
        other => return Err(format!("unknown command {other}")),
    }
    let before = dump(&db);
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let mut wrong = Vec::new();
    if out.status.code() != Some(c.exit) {
        wrong.push(format!("exit {:?}, expected {}", out.status.code(), c.exit));
    }
    if err.contains("panicked at") {
        wrong.push("a panic".into());
    }
    let w = words(lang);
    let said = |e: &str| w.iter().fold(e.to_string(), |e, (en, id)| e.replace(en, id));
    wrong.extend(
        c.expect
            .iter()
            .map(|e| said(e))
            .filter(|e| !err.contains(e.as_str()))
            .map(|e| format!("no {e:?} in the message")),
    );
    // Each problem a load lists says where, what was expected and what was found.
    if c.command == "load" {
        wrong.extend(
            err.lines()
                .filter(|l| l.starts_with("  ") && !(l.contains(w[2].1) && l.contains(w[3].1)))
                .map(|l| format!("an unlocated problem line {l:?}")),
        );
    }
    wrong.extend(err.lines().filter(|l| l.contains("[EN] ")).map(|l| format!("a line not in the catalogue: {l:?}")));
    if dump(&db) != before {
        wrong.push("the database changed".into());
    }
    if wrong.is_empty() { Ok(()) } else { Err(format!("{lang}: {}\n{err}", wrong.join("; "))) }
}

#[test]
fn every_bad_input_is_refused_located_and_changes_nothing() {
    let root = repo_root().join("tests/corpus/cases");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).collect();
    dirs.sort();
    let cases: Vec<Case> = dirs.iter().map(|d| parse(d)).collect();
    assert!(cases.len() >= 80, "{} cases", cases.len());
    let seed_dir = tempfile::tempdir().unwrap();
    let seeded = seed_dir.path().join("seed.duckdb");
    load_seed(&seeded);
    let (next, failures) = (AtomicUsize::new(0), Mutex::new(Vec::new()));
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                while let Some(c) = cases.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Err(e) = run(c, &seeded) {
                        failures.lock().unwrap().push(format!("{}: {e}", c.name));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{} of {} cases:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
