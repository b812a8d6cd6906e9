//! Which documents the server offers for the chosen kecamatan: the LKjIP
//! of its latest year with realisasi, and the Perjanjian Kinerja to sign
//! next (the first later year with targets; else that same year).

use kinerja_core::model::Snapshot;

/// The years of the documents offered; `None` when there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Unduhan {
    /// The LKjIP's year.
    pub lkjip: Option<i32>,
    /// The PK's year.
    pub pk: Option<i32>,
}

/// The documents of kecamatan `unit`, when the snapshot came from a server
/// that renders them.
pub fn unduhan(snap: &Snapshot, unit: &str) -> Unduhan {
    if !snap.dokumen {
        return Unduhan::default();
    }
    let d = &snap.data;
    let lkjip = d.realisasi.iter().filter(|r| r.kode_unit == unit).map(|r| r.tahun).max();
    let target_years = || d.target.iter().filter(|t| t.kode_unit == unit).map(|t| t.tahun);
    let pk = match lkjip {
        Some(y) => target_years().filter(|t| *t > y).min().or_else(|| target_years().any(|t| t == y).then_some(y)),
        None => target_years().min(),
    };
    Unduhan { lkjip, pk }
}

/// The URL of a document (relative to the page, so it follows the server
/// wherever it is mounted).
pub fn url(jenis: &str, unit: &str, tahun: i32, ext: &str) -> String {
    format!("dokumen/{jenis}/{unit}/{tahun}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn the_lkjip_of_the_latest_realisasi_and_the_pk_to_sign_next() {
        let mut snap = fixture::snapshot();
        assert_eq!(unduhan(&snap, "12.19.07"), Unduhan::default(), "an exported file offers no download");
        snap.dokumen = true;
        let latest = snap.data.realisasi.iter().filter(|r| r.kode_unit == "12.19.07").map(|r| r.tahun).max();
        let got = unduhan(&snap, "12.19.07");
        assert_eq!(got.lkjip, latest);
        assert_eq!(got.lkjip, Some(2024));
        assert_eq!(got.pk, Some(2025), "the Renstra's next year has targets");
        snap.data.target.retain(|t| t.tahun <= 2024);
        assert_eq!(unduhan(&snap, "12.19.07").pk, Some(2024), "no later targets: the PK of the year reported");
        assert_eq!(unduhan(&snap, "99.99.99"), Unduhan::default());
        assert_eq!(url("lkjip", "12.19.07", 2024, "pdf"), "dokumen/lkjip/12.19.07/2024.pdf");
    }
}
