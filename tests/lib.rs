//! Shared helpers for Kinerja's integration tests (`it/`, a test target of
//! `kinerja-cli`, which also gives them the `kinerja` binary): the seed and
//! what is made from it. Helpers that run the binary are in `it/support.rs`.

use std::path::PathBuf;

/// The repository root: the workspace of the package cargo is testing
/// (it names it at run time), else the one this crate was compiled in. Run
/// time first, so that a test binary that cargo reuses from a shared target
/// directory reads the data of the checkout under test, not the checkout
/// it was first built in.
pub fn repo_root() -> PathBuf {
    let workspace = |dir: PathBuf| dir.ancestors().find(|a| a.join("Cargo.lock").is_file()).map(PathBuf::from);
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .and_then(workspace)
        .or_else(|| workspace(PathBuf::from(env!("CARGO_MANIFEST_DIR"))))
        .unwrap_or_default()
}

/// The NRR per unsur of Sei Balai 2024 (LKjIP Tabel 3.3) as `kinerja calc
/// ikm --nrr` takes them.
pub const SEI_BALAI_NRR: [&str; 9] = [
    "persyaratan=3,00",
    "prosedur=3,01",
    "waktu=3,00",
    "biaya=3,99",
    "produk=3,01",
    "kompetensi=3,02",
    "perilaku=3,08",
    "sarana=3,01",
    "pengaduan=2,03",
];

/// `kinerja calc akip` with the komponen of Sei Balai 2024 (LKjIP Tabel 3.8).
pub const SEI_BALAI_AKIP: [&str; 10] = [
    "calc",
    "akip",
    "--komponen",
    "perencanaan=24,39",
    "--komponen",
    "pengukuran=20,96",
    "--komponen",
    "pelaporan=11,40",
    "--komponen",
    "evaluasi=15,87",
];

/// The seed data directory, `data/`.
pub fn data_dir() -> PathBuf {
    repo_root().join("data")
}

/// The seed data (`data/`), read as `kinerja load` reads it.
pub fn seed_dataset() -> kinerja_core::model::Dataset {
    kinerja_data::read_dir(&data_dir()).expect("data/ loads")
}

/// The seed's audit transcription of the Sei Balai 2024 report, as
/// `kinerja audit` reads it.
pub fn seed_transcription() -> PathBuf {
    repo_root().join("data/audit/sei-balai-2024.json")
}

/// A store loaded with the seed data.
pub fn seed_store() -> kinerja_store::Store {
    let store = kinerja_store::Store::open_in_memory().expect("in-memory store");
    store.load_dir(&data_dir(), &mut |_, _, _| {}).expect("seed loads");
    store
}

/// Copies the seed's table files (`data/*.csv`) into `dir`, to be edited.
pub fn copy_seed(dir: &std::path::Path) {
    for e in std::fs::read_dir(data_dir()).expect("data/") {
        let p = e.expect("data/ entry").path();
        if p.extension().is_some_and(|x| x == "csv") {
            std::fs::copy(&p, dir.join(p.file_name().expect("a file name"))).expect("copying a seed file");
        }
    }
}

/// Every row of each of `tables`, as text: a database's content for
/// before/after comparisons.
pub fn rows_of<'a>(store: &kinerja_store::Store, tables: impl IntoIterator<Item = &'a str>) -> String {
    tables
        .into_iter()
        .map(|t| format!("{t}: {:?}\n", store.sql(&format!("SELECT * FROM \"{t}\" ORDER BY ALL")).expect(t).rows))
        .collect()
}

/// Every row of the tables `kinerja load` fills (the tables of `data/` and
/// the SKM aggregates), as text.
pub fn data_rows(store: &kinerja_store::Store) -> String {
    rows_of(store, kinerja_data::TABLES.iter().map(|t| t.name).chain(["skm_agregat"]))
}
