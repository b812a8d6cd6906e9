//! The planner's words: every interface word and message is a key of
//! the catalogue the command line shares (`kinerja-pesan`, `web.*`),
//! rendered in the chosen language. Numbers are always written the
//! Indonesian way (1.234,56) in both languages.

/// Interface language: the same as the command line's (Bahasa Indonesia
/// by default).
pub use kinerja_pesan::Lang;
use kinerja_pesan::{Pesan, msg};

/// An interface word of the catalogue (a message without arguments) in
/// `lang`.
pub fn teks(lang: Lang, p: Pesan) -> &'static str {
    p.word(lang).unwrap_or_default()
}

/// What the planner tells the user (what happened, with its data), in no
/// language yet: [`Notice::pesan`] words it. The state shows it as a
/// `state::Message`, information or an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A scenario was saved under this name.
    Disimpan(String),
    /// A scenario needs a name.
    NamaKosong,
    /// This many edited cells were not numbers and were not saved.
    BukanAngka(usize),
    /// Scenarios imported under these names.
    Diimpor(Vec<String>),
    /// A JSON import failed; the reader's located message.
    ImporGagal(Pesan),
    /// A CSV import failed; the reader's located message.
    ImporCsvGagal(Pesan),
    /// Unreadable saved scenarios could not be backed up: nothing is
    /// written to the browser.
    TidakDitulis,
    /// Some saved scenarios were skipped (why), the original kept under a key.
    Dilewati(Pesan, Option<String>),
    /// Saved scenarios were upgraded from one format version to another.
    Diperbarui(u32, u32),
    /// Saved scenarios could not be read (why), the original kept under a key.
    TidakTerbaca(Pesan, Option<String>),
    /// The snapshot could not be fetched (the browser's reason).
    SnapshotTidakTerambil(String),
    /// The server answered the snapshot request with this HTTP status.
    SnapshotHttp(u16),
    /// The snapshot is not readable (the reader's located message).
    SnapshotRusak(Pesan),
    /// An import larger than the planner reads.
    ImporTerlaluBesar {
        /// Its size in bytes.
        bytes: u64,
        /// The most the planner reads, in bytes.
        limit: u64,
    },
    /// The browser's storage is full: the latest change is not stored.
    PenyimpananPenuh,
}

/// A byte count with Indonesian thousands dots (5.242.880).
fn fmt_bytes(b: u64) -> String {
    kinerja_core::notation::format_number(kinerja_core::Decimal::from(b), 0).unwrap_or_else(|_| b.to_string())
}

impl Notice {
    /// The message in words.
    pub fn pesan(&self) -> Pesan {
        match self {
            Notice::Disimpan(n) => msg::web_notice_disimpan(n),
            Notice::NamaKosong => msg::web_notice_nama_kosong(),
            Notice::BukanAngka(k) => msg::web_notice_bukan_angka(*k),
            Notice::Diimpor(n) => msg::web_notice_diimpor(n.join(", ")),
            Notice::ImporGagal(e) => msg::web_notice_impor_gagal(e.clone()),
            Notice::ImporCsvGagal(e) => msg::web_notice_impor_csv_gagal(e.clone()),
            Notice::TidakDitulis => msg::web_notice_tidak_ditulis(),
            Notice::Dilewati(why, None) => msg::web_notice_dilewati(why.clone()),
            Notice::Dilewati(why, Some(k)) => msg::web_notice_dilewati_kept(why.clone(), k),
            Notice::Diperbarui(a, b) => msg::web_notice_diperbarui(*a, *b),
            Notice::TidakTerbaca(why, None) => msg::web_notice_tidak_terbaca(why.clone()),
            Notice::TidakTerbaca(why, Some(k)) => msg::web_notice_tidak_terbaca_kept(why.clone(), k),
            Notice::SnapshotTidakTerambil(e) => msg::web_notice_snapshot_tidak_terambil(e),
            Notice::SnapshotHttp(c) => msg::web_notice_snapshot_http(*c),
            Notice::SnapshotRusak(e) => e.clone(),
            Notice::ImporTerlaluBesar { bytes, limit } => {
                msg::web_notice_impor_terlalu_besar(fmt_bytes(*bytes), fmt_bytes(*limit))
            }
            Notice::PenyimpananPenuh => msg::web_notice_penyimpanan_penuh(),
        }
    }
}

/// The text of a message.
pub fn message(lang: Lang, m: &Notice) -> String {
    m.pesan().render(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(m: Notice, id: &str, en: &str) {
        assert_eq!(message(Lang::Id, &m), id);
        assert_eq!(message(Lang::En, &m), en);
    }

    #[test]
    fn messages_read_in_both_languages() {
        check(Notice::Disimpan("optimis".into()), "Skenario “optimis” tersimpan.", "Scenario “optimis” saved.");
        check(
            Notice::BukanAngka(1),
            "1 isian bukan angka tidak ikut tersimpan.",
            "1 cell that is not a number was not saved.",
        );
        check(
            Notice::BukanAngka(2),
            "2 isian bukan angka tidak ikut tersimpan.",
            "2 cells that are not a number were not saved.",
        );
        let why = msg::teks("skenario[1].nama");
        check(
            Notice::Dilewati(why.clone(), Some("k".into())),
            "Sebagian skenario tersimpan tidak terbaca dan dilewati: skenario[1].nama. Aslinya disimpan di “k”.",
            "Some saved scenarios could not be read and were skipped: skenario[1].nama. The original is kept under “k”.",
        );
        check(
            Notice::TidakTerbaca(why, None),
            "Skenario tersimpan tidak dapat dibaca: skenario[1].nama.",
            "Saved scenarios could not be read: skenario[1].nama.",
        );
        check(
            Notice::ImporTerlaluBesar { bytes: 6_000_000, limit: 5 << 20 },
            "Berkas impor terlalu besar: 6.000.000 byte, paling banyak 5.242.880 byte. Tidak ada yang diimpor.",
            "The import is too large: 6.000.000 bytes, at most 5.242.880 bytes. Nothing was imported.",
        );
        check(
            Notice::SnapshotHttp(404),
            "snapshot.json: HTTP 404 — jalankan `kinerja export snapshot --out dist/snapshot.json` atau `kinerja serve`",
            "snapshot.json: HTTP 404 — run `kinerja export snapshot --out dist/snapshot.json` or `kinerja serve`",
        );
    }

    #[test]
    fn a_reader_error_follows_the_language() {
        let e = kinerja_skenario::from_json("{").unwrap_err();
        let m = Notice::ImporGagal(kinerja_pesan::Message::pesan(&e));
        assert!(
            message(Lang::Id, &m).starts_with("Impor gagal: baris 1, kolom 1: diharapkan berkas skenario JSON"),
            "{}",
            message(Lang::Id, &m)
        );
        assert!(
            message(Lang::En, &m).starts_with("Import failed: line 1, column 1: expected a JSON scenario file"),
            "{}",
            message(Lang::En, &m)
        );
    }

    #[test]
    fn interface_words_differ_where_the_languages_do() {
        assert_eq!(teks(Lang::Id, msg::web_realisasi()), "Realisasi");
        assert_eq!(teks(Lang::En, msg::web_realisasi()), "Realisasi (actual)");
        assert_eq!(teks(Lang::Id, msg::web_bahasa()), "English", "the switch names the other language");
        assert_eq!(teks(Lang::En, msg::web_bahasa()), "Bahasa Indonesia");
    }
}
