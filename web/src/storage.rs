//! Saved scenarios in the browser's local storage, never silently lost.
//!
//! On start the stored text is read leniently; if anything cannot be read
//! (corrupt JSON, a scenario with bad values, a newer format), the original
//! text is first copied to a backup key, and only then is the app allowed
//! to write its own version.

use kinerja_skenario::{Restored, ScenarioFile, read_storage, to_json};

/// Where scenarios are kept.
pub const KEY: &str = "kinerja.skenario";
/// Prefix of backup keys.
pub const BACKUP: &str = "kinerja.skenario.cadangan";

/// What reading the storage text gave, and whether the original must be
/// backed up before anything is written.
pub fn baca(text: Option<String>) -> (Result<Restored, String>, bool) {
    match text {
        None => (
            Ok(Restored { file: ScenarioFile::default(), skipped: vec![], from_version: kinerja_skenario::VERSI }),
            false,
        ),
        Some(t) => match read_storage(&t) {
            Ok(d) => {
                let backup = !d.skipped.is_empty();
                (Ok(d), backup)
            }
            Err(e) => (Err(e.to_string()), true),
        },
    }
}

/// The text written to storage.
pub fn tulis(b: &ScenarioFile) -> String {
    to_json(b)
}

/// Reads storage in the browser (browser only), backing up anything it
/// cannot fully read. Returns what was read, the backup key if one was
/// made, and whether the app may write: never when an unreadable original
/// could not be backed up.
pub fn muat() -> (Result<Restored, String>, Option<String>, bool) {
    let Some(ls) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return (Err("penyimpanan peramban tidak tersedia / browser storage is unavailable".into()), None, false);
    };
    let text = ls.get_item(KEY).ok().flatten();
    let (hasil, perlu_cadangan) = baca(text.clone());
    match (perlu_cadangan, text) {
        (true, Some(t)) => {
            let key = format!("{BACKUP}.{}", String::from(js_sys::Date::new_0().to_iso_string()));
            if ls.set_item(&key, &t).is_ok() { (hasil, Some(key), true) } else { (hasil, None, false) }
        }
        _ => (hasil, None, true),
    }
}

/// Writes the scenarios.
pub fn simpan(b: &ScenarioFile) -> Result<(), String> {
    let ls = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).ok_or("no local storage")?;
    ls.set_item(KEY, &tulis(b)).map_err(|_| "penyimpanan penuh atau ditolak / storage full or refused".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_storage_needs_no_backup() {
        let (r, backup) = baca(None);
        assert!(r.unwrap().file.skenario.is_empty());
        assert!(!backup);
    }

    #[test]
    fn corrupt_or_partial_storage_is_backed_up() {
        let (r, backup) = baca(Some("{broken".into()));
        assert!(r.is_err() && backup);
        let (r, backup) = baca(Some(r#"{"versi":1,"skenario":[{"nama":"a"},{"nama":5}]}"#.into()));
        assert_eq!(r.unwrap().file.skenario.len(), 1);
        assert!(backup);
        let (r, backup) = baca(Some(r#"{"versi":7,"skenario":[]}"#.into()));
        assert!(r.is_err() && backup, "a newer format is kept, not overwritten");
        let ok = tulis(&ScenarioFile::default());
        assert!(!baca(Some(ok)).1);
    }
}
