//! Reading the snapshot written by `kinerja export snapshot`, with errors
//! that say what is wrong and where.

use kinerja_core::model::{SNAPSHOT_VERSI, Snapshot};

/// Parses a snapshot, checking its format version.
pub fn parse(text: &str) -> Result<Snapshot, String> {
    #[derive(serde::Deserialize)]
    struct Header {
        versi: Option<u32>,
    }
    if text.trim().is_empty() {
        return Err("snapshot.json kosong / is empty".into());
    }
    let head: Header = serde_json::from_str(text).map_err(|e| {
        format!(
            "snapshot.json bukan JSON yang sah / is not valid JSON (baris/line {}, kolom/column {}: {e})",
            e.line(),
            e.column()
        )
    })?;
    match head.versi {
        Some(SNAPSHOT_VERSI) => {}
        Some(v) => {
            return Err(format!(
                "snapshot.json versi {v}; aplikasi ini membaca versi {SNAPSHOT_VERSI} / this app reads version {SNAPSHOT_VERSI}"
            ));
        }
        None => {
            return Err(
                "snapshot.json tidak memiliki \"versi\" / has no \"versi\": write it with `kinerja export snapshot`"
                    .into(),
            );
        }
    }
    serde_json::from_str(text).map_err(|e| {
        format!("snapshot.json tidak lengkap / incomplete (baris/line {}, kolom/column {}: {e})", e.line(), e.column())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_and_bad_snapshots() {
        let snap = crate::compute::tests::snapshot();
        let text = serde_json::to_string(&snap).unwrap();
        assert_eq!(parse(&text).unwrap(), snap);
        assert!(parse("").unwrap_err().contains("kosong"));
        assert!(parse("{\"versi\": 1,").unwrap_err().contains("line 1"));
        assert!(parse("{\"versi\": 2}").unwrap_err().contains("versi 2"));
        assert!(parse("{}").unwrap_err().contains("versi"));
        assert!(parse("{\"versi\": 1}").unwrap_err().contains("incomplete"));
        // Decimals are strings: a float in a money field is refused, not rounded.
        let floaty = text.replacen("\"75.35\"", "75.35", 1);
        assert!(parse(&floaty).is_err());
    }
}
