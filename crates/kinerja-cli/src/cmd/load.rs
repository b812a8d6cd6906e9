//! `kinerja load`: a data directory, a workbook, or a transcribed report,
//! in one transaction.

use std::path::Path;

use anyhow::Result;
use kinerja_pesan::msg;

use crate::db;
use crate::pesan::{KonteksExt, say};

/// Loads `dir` (a directory, a workbook with a sheet per table, or a
/// transcription) into the database at `path`.
pub fn run(dir: &Path, path: &Path, terima_temuan: bool, memory_limit: &str, semua: bool) -> Result<()> {
    if super::audit::is_transcription(dir) {
        return super::audit::load(&db::open_rw(path)?, dir, terima_temuan);
    }
    let store = db::open_rw(path)?;
    store.limit_memory(memory_limit).konteks(|| msg::cli_option("--memory-limit"))?;
    let listing = if semua { kinerja_data::Listing::All } else { kinerja_data::Listing::RootCauses };
    let bar = indicatif::ProgressBar::hidden();
    let mut shown = false;
    let mut progress = |table: &str, done: u64, total: u64| {
        if total >= 100_000 {
            if !shown {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                shown = true;
            }
            bar.set_length(total);
            bar.set_position(done);
            bar.set_message(table.to_string());
        }
    };
    // A directory of table files, or one workbook with a sheet per table.
    let workbook = dir.is_file() && dir.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let parts =
        if workbook { kinerja_data::read_workbook(dir, listing) } else { kinerja_data::read_dir_listing(dir, listing) };
    let summary = parts
        .map_err(kinerja_store::Error::from)
        .and_then(|parts| store.load_parts(parts, &mut progress))
        .konteks(|| msg::cli_loading(dir.display(), path.display()))?;
    bar.finish_and_clear();
    say!(msg::cli_loaded(dir.display(), path.display(), summary.read(), summary.changed()));
    for (t, read, changed) in &summary.tables {
        if *read > 0 {
            say!(msg::cli_loaded_table(format!("{t:<20}"), format!("{read:>9}"), *read, format!("{changed:>9}")));
        }
    }
    for (file, dialek) in &summary.dialek {
        say!(msg::cli_read_as(file, dialek.clone()));
    }
    for t in &summary.tafsir {
        say!(msg::cli_indented(kinerja_pesan::Message::pesan(t)));
    }
    Ok(())
}
