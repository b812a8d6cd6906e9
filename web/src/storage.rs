//! Saved scenarios in the browser's local storage, never silently lost:
//! the decisions, pure and tested natively. The reads and writes
//! themselves are in `browser.rs`.
//!
//! On start the stored text is read leniently; if anything cannot be read
//! (corrupt JSON, a scenario with bad values, a newer format), the original
//! text is first copied to a backup key, and only then is the app allowed
//! to write its own version.

use kinerja_pesan::{Message, Pesan, msg};
use kinerja_skenario::{Restored, ScenarioFile, read_storage, to_json};

/// Where scenarios are kept.
pub const KEY: &str = "kinerja.skenario";
/// Prefix of backup keys.
pub const BACKUP: &str = "kinerja.skenario.cadangan";

/// What start-up found in storage: what was read (or why nothing could
/// be), the backup key if the original was backed up, and whether the app
/// may write to storage.
pub type Outcome = (Result<Restored, Pesan>, Option<String>, bool);

/// What reading the storage text gave, and whether the original must be
/// backed up before anything is written.
pub fn read(text: Option<&str>) -> (Result<Restored, Pesan>, bool) {
    match text {
        None => (
            Ok(Restored { file: ScenarioFile::default(), skipped: vec![], from_version: kinerja_skenario::VERSI }),
            false,
        ),
        Some(t) => match read_storage(t) {
            Ok(d) => {
                let backup = !d.skipped.is_empty();
                (Ok(d), backup)
            }
            Err(e) => (Err(e.pesan()), true),
        },
    }
}

/// The text written to storage.
pub fn stored_text(b: &ScenarioFile) -> String {
    to_json(b)
}

/// The key a backup made at `now` (ISO 8601) is kept under.
pub fn backup_key(now: &str) -> String {
    format!("{BACKUP}.{now}")
}

/// Start-up with the stored `text`: reads it, and when the original must
/// be backed up calls `backup` with it, which gives the key it was kept
/// under or `None` if the copy failed. An original that could not be
/// backed up is never overwritten: the app may not write.
pub fn restore(text: Option<String>, backup: impl FnOnce(&str) -> Option<String>) -> Outcome {
    let (result, must_back_up) = read(text.as_deref());
    match (must_back_up, text) {
        (true, Some(t)) => match backup(&t) {
            Some(key) => (result, Some(key), true),
            None => (result, None, false),
        },
        _ => (result, None, true),
    }
}

/// Start-up without local storage: nothing read, nothing written.
pub fn unavailable() -> Outcome {
    (Err(msg::web_notice_penyimpanan_tidak_ada()), None, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_storage_needs_no_backup() {
        let (r, backup) = read(None);
        assert!(r.unwrap().file.skenario.is_empty());
        assert!(!backup);
    }

    #[test]
    fn corrupt_or_partial_storage_is_backed_up() {
        let (r, backup) = read(Some("{broken"));
        assert!(r.is_err() && backup);
        let (r, backup) = read(Some(r#"{"versi":1,"skenario":[{"nama":"a"},{"nama":5}]}"#));
        assert_eq!(r.unwrap().file.skenario.len(), 1);
        assert!(backup);
        let (r, backup) = read(Some(r#"{"versi":7,"skenario":[]}"#));
        assert!(r.is_err() && backup, "a newer format is kept, not overwritten");
        let ok = stored_text(&ScenarioFile::default());
        assert!(!read(Some(&ok)).1);
    }

    #[test]
    fn an_original_is_backed_up_whole_before_anything_is_written() {
        let mut copied = None;
        let (r, key, may_write) = restore(Some("{rusak".into()), |t| {
            copied = Some(t.to_string());
            Some(backup_key("2026-01-01T00:00:00.000Z"))
        });
        assert!(r.is_err());
        assert_eq!(copied.as_deref(), Some("{rusak"));
        assert_eq!(key.as_deref(), Some("kinerja.skenario.cadangan.2026-01-01T00:00:00.000Z"));
        assert!(may_write, "backed up: the app may write its own version");
    }

    #[test]
    fn an_original_that_could_not_be_backed_up_is_never_overwritten() {
        let partial = r#"{"versi":1,"skenario":[{"nama":"a"},{"nama":5}]}"#;
        let (r, key, may_write) = restore(Some(partial.into()), |_| None);
        assert_eq!(r.unwrap().file.skenario.len(), 1, "what could be read is still shown");
        assert!(key.is_none() && !may_write);
        let (r, key, may_write) = unavailable();
        assert!(r.is_err() && key.is_none() && !may_write);
    }

    #[test]
    fn readable_or_empty_storage_is_not_copied() {
        let good = stored_text(&ScenarioFile::default());
        for text in [None, Some(good)] {
            let (r, key, may_write) = restore(text, |_| panic!("no backup is needed"));
            assert!(r.is_ok() && key.is_none() && may_write);
        }
    }
}
