//! Helpers of the modules that run the `kinerja` binary: where it is,
//! running it in English or strictly in a chosen language, path arguments,
//! and a temporary database loaded with the seed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kinerja_tests::data_dir;

/// The `kinerja` binary, built by cargo before this test binary.
pub fn kinerja_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_kinerja"))
}

/// The binary with the locale set to `lang` (`en` or `id`), whatever the
/// machine's locale is.
pub fn kinerja_in(lang: &str) -> Command {
    let mut c = Command::new(kinerja_bin());
    c.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("KINERJA_PESAN_KETAT");
    c.env("LANG", if lang == "en" { "en_US.UTF-8" } else { "id_ID.UTF-8" });
    c
}

/// What a run of `kinerja` gave.
pub struct Run {
    /// The exit code (-1 if it was ended by a signal).
    pub code: i32,
    /// Its standard output.
    pub out: String,
    /// Its standard error.
    pub err: String,
}

/// Runs `command` (the binary, with its arguments) to the end.
fn finish(command: &mut Command) -> Run {
    let bin = kinerja_bin();
    assert!(
        bin.exists(),
        "{} is missing: build it with `cargo build -p kinerja-cli` (scripts/test does)",
        bin.display()
    );
    let o: Output = command.output().expect("kinerja runs");
    Run {
        code: o.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&o.stdout).into_owned(),
        err: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// Runs `kinerja args` in English.
pub fn kinerja(args: &[&str]) -> Run {
    finish(kinerja_in("en").args(args))
}

/// Runs `kinerja args` in `lang`, strict: with `KINERJA_PESAN_KETAT` set the
/// CLI marks `[EN]` any line its message catalogue does not know.
pub fn kinerja_strict(lang: &str, args: &[&str]) -> Run {
    finish(kinerja_in(lang).env("KINERJA_PESAN_KETAT", "1").args(args))
}

/// Runs `kinerja args` in English, which must succeed: its standard output.
pub fn ok(args: &[&str]) -> String {
    let r = kinerja(args);
    assert_eq!(r.code, 0, "kinerja {args:?}\nstdout: {}\nstderr: {}", r.out, r.err);
    r.out
}

/// A path as a command-line argument.
pub fn p(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// Loads the seed (`data/`) into the new database `db` with `kinerja load`.
pub fn load_seed(db: &Path) {
    let out = ok(&["load", p(&data_dir()), "--db", p(db)]);
    assert!(out.contains("new or changed"), "{out}");
}

/// A temporary directory with a database loaded from data/.
pub fn loaded() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.duckdb");
    load_seed(&db);
    (dir, db)
}
