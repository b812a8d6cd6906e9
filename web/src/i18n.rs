//! Interface texts in Bahasa Indonesia (default) and English. Numbers are
//! always written the Indonesian way (1.234,56) in both languages.

/// Interface language: the same as the command line's (Bahasa Indonesia
/// by default).
pub use kinerja_pesan::Lang;

/// A text key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum K {
    Judul,
    Memuat,
    GagalMemuat,
    Kecamatan,
    Tahun,
    Planner,
    Ikm,
    Akip,
    Kabupaten,
    Anggaran,
    Skenario,
    Indikator,
    Target,
    Realisasi,
    Capaian,
    Predikat,
    Reset,
    ResetSemua,
    Urungkan,
    Ulangi,
    Diubah,
    Perlu100,
    PerluPredikat,
    Peringatan,
    TargetDiBawah,
    LangkahBesar,
    TidakMencapai,
    Unsur,
    Nrr,
    Mutu,
    Bobot,
    Responden,
    PerluMutu,
    TambahResponden,
    Komponen,
    Nilai,
    PerluPredikatBerikut,
    Tercapai,
    TidakTercapai,
    Peringkat,
    TidakAdaData,
    Sintetis,
    Program,
    Penyerapan,
    Efisiensi,
    Sasaran,
    SimpanSkenario,
    NamaSkenario,
    Buka,
    Hapus,
    Bandingkan,
    Ekspor,
    Impor,
    Selisih,
    Bahasa,
    Semua,
    TanpaSkenario,
    Tersimpan,
    TanpaRenstra,
    TanpaSkm,
    TanpaAkip,
    TanpaAnggaran,
    Tutup,
    BannerSintetis,
    Cari,
    Urutan,
    Kode,
}

/// The text of a key.
pub fn t(lang: Lang, k: K) -> &'static str {
    let (id, en) = teks(k);
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// Every key's text: `(Bahasa Indonesia, English)`.
fn teks(k: K) -> (&'static str, &'static str) {
    match k {
        K::Judul => ("Kinerja — Perencana Renstra", "Kinerja — Renstra planner"),
        K::Memuat => ("Memuat data…", "Loading data…"),
        K::GagalMemuat => ("Data tidak dapat dimuat", "The data could not be loaded"),
        K::Kecamatan => ("Kecamatan", "Kecamatan (district)"),
        K::Tahun => ("Tahun", "Year"),
        K::Planner => ("Perencana Renstra", "Renstra planner"),
        K::Ikm => ("Simulasi IKM", "IKM simulator"),
        K::Akip => ("Simulasi AKIP", "AKIP simulator"),
        K::Kabupaten => ("Perbandingan Kabupaten", "Kabupaten comparison"),
        K::Anggaran => ("Anggaran dan Kinerja", "Budget and performance"),
        K::Skenario => ("Skenario", "Scenarios"),
        K::Indikator => ("Indikator", "Indicator"),
        K::Target => ("Target", "Target"),
        K::Realisasi => ("Realisasi", "Realisasi (actual)"),
        K::Capaian => ("Capaian", "Achievement"),
        K::Predikat => ("Predikat", "Rating"),
        K::Reset => ("Kembalikan", "Reset"),
        K::ResetSemua => ("Kembalikan semua", "Reset all"),
        K::Urungkan => ("Urungkan", "Undo"),
        K::Ulangi => ("Ulangi", "Redo"),
        K::Diubah => ("diubah", "edited"),
        K::Perlu100 => ("Realisasi untuk capaian 100%", "Realisasi for 100% achievement"),
        K::PerluPredikat => ("Realisasi per predikat", "Realisasi per rating"),
        K::Peringatan => ("Peringatan", "Warnings"),
        K::TargetDiBawah => ("target lebih buruk dari realisasi terakhir", "target worse than the last realisasi"),
        K::LangkahBesar => (
            "kenaikan lebih besar dari perubahan terbesar sebelumnya",
            "step larger than the largest change seen before",
        ),
        K::TidakMencapai => {
            ("jalur tidak mencapai target akhir Renstra", "path does not reach the Renstra final target")
        }
        K::Unsur => ("Unsur pelayanan", "Service element"),
        K::Nrr => ("NRR", "Mean score (NRR)"),
        K::Mutu => ("Mutu", "Grade"),
        K::Bobot => ("Bobot", "Weight"),
        K::Responden => ("Responden", "Respondents"),
        K::PerluMutu => ("NRR yang diperlukan", "NRR needed"),
        K::TambahResponden => ("tambahan responden bernilai 4", "more respondents answering 4"),
        K::Komponen => ("Komponen", "Component"),
        K::Nilai => ("Nilai", "Score"),
        K::PerluPredikatBerikut => ("Untuk predikat berikutnya", "For the next rating"),
        K::Tercapai => ("tercapai", "reached"),
        K::TidakTercapai => ("tidak terjangkau", "out of reach"),
        K::Peringkat => ("Peringkat", "Rank"),
        K::Cari => ("Cari nama/kode", "Search name/code"),
        K::Urutan => ("Urutan", "Order"),
        K::Kode => ("Kode", "Code"),
        K::TidakAdaData => ("tidak ada data", "no data"),
        K::Sintetis => ("sintetis", "synthetic"),
        K::Program => ("Program", "Program"),
        K::Penyerapan => ("Penyerapan", "Absorption"),
        K::Efisiensi => ("Efisiensi", "Efficiency"),
        K::Sasaran => ("Sasaran", "Objective"),
        K::SimpanSkenario => ("Simpan skenario", "Save scenario"),
        K::NamaSkenario => ("Nama skenario", "Scenario name"),
        K::Buka => ("Buka", "Open"),
        K::Hapus => ("Hapus", "Delete"),
        K::Bandingkan => ("Bandingkan", "Compare"),
        K::Ekspor => ("Ekspor", "Export"),
        K::Impor => ("Impor", "Import"),
        K::Selisih => ("Selisih", "Difference"),
        K::Bahasa => ("English", "Bahasa Indonesia"),
        K::Semua => ("semua", "all"),
        K::TanpaSkenario => ("Belum ada skenario tersimpan.", "No saved scenarios yet."),
        K::Tersimpan => ("Tersimpan di peramban ini.", "Saved in this browser."),
        K::TanpaRenstra => ("Tidak ada Renstra untuk kecamatan ini.", "No Renstra for this kecamatan."),
        K::TanpaSkm => ("Tidak ada SKM untuk kecamatan ini.", "No SKM for this kecamatan."),
        K::TanpaAkip => ("Tidak ada evaluasi AKIP untuk kecamatan ini.", "No AKIP evaluation for this kecamatan."),
        K::TanpaAnggaran => ("Tidak ada anggaran untuk kecamatan ini.", "No budget for this kecamatan."),
        K::Tutup => ("tutup", "close"),
        K::BannerSintetis => {
            ("Sebagian kecamatan memakai DATA SINTETIS (ditandai).", "Some kecamatan show SYNTHETIC data (marked).")
        }
    }
}

/// A message to the user with its data; [`message`] words it in a language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A scenario was saved under this name.
    Disimpan(String),
    /// A scenario needs a name.
    NamaKosong,
    /// This many edited cells were not numbers and were not saved.
    BukanAngka(usize),
    /// Scenarios imported under these names.
    Diimpor(Vec<String>),
    /// A JSON import failed; the reader's located message.
    ImporGagal(String),
    /// A CSV import failed; the reader's located message.
    ImporCsvGagal(String),
    /// Unreadable saved scenarios could not be backed up: nothing is
    /// written to the browser.
    TidakDitulis,
    /// Some saved scenarios were skipped (why), the original kept under a key.
    Dilewati(String, Option<String>),
    /// Saved scenarios were upgraded from one format version to another.
    Diperbarui(u32, u32),
    /// Saved scenarios could not be read (why), the original kept under a key.
    TidakTerbaca(String, Option<String>),
    /// The snapshot could not be fetched (the browser's reason).
    SnapshotTidakTerambil(String),
    /// The server answered the snapshot request with this HTTP status.
    SnapshotHttp(u16),
    /// The snapshot is not readable (the reader's located message).
    SnapshotRusak(String),
    /// An import of this many bytes is larger than the planner reads.
    ImporTerlaluBesar(u64),
    /// The browser's storage is full: the latest change is not stored.
    PenyimpananPenuh,
}

/// A byte count with Indonesian thousands dots (5.242.880).
fn fmt_bytes(b: u64) -> String {
    kinerja_core::notation::format_number(kinerja_core::Decimal::from(b), 0).unwrap_or_else(|_| b.to_string())
}

fn kept(lang: Lang, key: &Option<String>) -> String {
    match (lang, key) {
        (_, None) => String::new(),
        (Lang::Id, Some(k)) => format!(" Aslinya disimpan di \u{201c}{k}\u{201d}."),
        (Lang::En, Some(k)) => format!(" The original is kept under \u{201c}{k}\u{201d}."),
    }
}

/// The text of a message.
pub fn message(lang: Lang, m: &Msg) -> String {
    let id = lang == Lang::Id;
    match m {
        Msg::Disimpan(n) if id => format!("Skenario \u{201c}{n}\u{201d} tersimpan."),
        Msg::Disimpan(n) => format!("Scenario \u{201c}{n}\u{201d} saved."),
        Msg::NamaKosong if id => "Nama skenario tidak boleh kosong.".into(),
        Msg::NamaKosong => "The scenario needs a name.".into(),
        Msg::BukanAngka(k) if id => format!("{k} isian bukan angka tidak ikut tersimpan."),
        Msg::BukanAngka(k) => format!("{k} cells that are not numbers were not saved."),
        Msg::Diimpor(n) if id => format!("Diimpor: {}.", n.join(", ")),
        Msg::Diimpor(n) => format!("Imported: {}.", n.join(", ")),
        Msg::ImporGagal(e) if id => format!("Impor gagal: {e}"),
        Msg::ImporGagal(e) => format!("Import failed: {e}"),
        Msg::ImporCsvGagal(e) if id => format!("Impor CSV gagal: {e}"),
        Msg::ImporCsvGagal(e) => format!("CSV import failed: {e}"),
        Msg::TidakDitulis if id => "Skenario tersimpan tidak dapat dicadangkan, jadi tidak ada yang akan ditulis ke peramban; ekspor skenario baru sebagai berkas.".into(),
        Msg::TidakDitulis => "Saved scenarios could not be backed up, so nothing will be written to this browser; export new scenarios as files.".into(),
        Msg::Dilewati(why, k) if id => format!("Sebagian skenario tersimpan tidak terbaca dan skipped: {why}.{}", kept(lang, k)),
        Msg::Dilewati(why, k) => format!("Some saved scenarios could not be read and were skipped: {why}.{}", kept(lang, k)),
        Msg::Diperbarui(a, b) if id => format!("Penyimpanan versi {a} diperbarui ke versi {b}."),
        Msg::Diperbarui(a, b) => format!("Storage version {a} upgraded to {b}."),
        Msg::TidakTerbaca(why, k) if id => format!("Skenario tersimpan tidak dapat dibaca: {why}.{}", kept(lang, k)),
        Msg::TidakTerbaca(why, k) => format!("Saved scenarios could not be read: {why}.{}", kept(lang, k)),
        Msg::SnapshotTidakTerambil(e) if id => format!("snapshot.json tidak dapat diambil: {e}"),
        Msg::SnapshotTidakTerambil(e) => format!("snapshot.json could not be fetched: {e}"),
        Msg::SnapshotHttp(c) if id => format!(
            "snapshot.json: HTTP {c} — jalankan `kinerja export snapshot --out dist/snapshot.json` atau `kinerja serve`"
        ),
        Msg::SnapshotHttp(c) => {
            format!("snapshot.json: HTTP {c} — run `kinerja export snapshot --out dist/snapshot.json` or `kinerja serve`")
        }
        Msg::SnapshotRusak(e) => format!("snapshot.json: {e}"),
        Msg::ImporTerlaluBesar(b) if id => format!(
            "Berkas impor terlalu besar: {} byte, paling banyak {} byte. Tidak ada yang diimpor.",
            fmt_bytes(*b),
            fmt_bytes(crate::state::MAX_IMPOR as u64)
        ),
        Msg::ImporTerlaluBesar(b) => format!(
            "The import is too large: {} bytes, at most {} bytes. Nothing was imported.",
            fmt_bytes(*b),
            fmt_bytes(crate::state::MAX_IMPOR as u64)
        ),
        Msg::PenyimpananPenuh if id => "Penyimpanan peramban penuh: perubahan terakhir belum tersimpan di peramban (skenario yang tersimpan sebelumnya tetap utuh). Ekspor skenario sebagai berkas, atau hapus skenario yang tidak diperlukan.".into(),
        Msg::PenyimpananPenuh => "The browser's storage is full: the latest change is not stored in this browser (the scenarios stored before are intact). Export the scenarios as a file, or delete ones you do not need.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_in_both_languages() {
        let all = [
            Msg::Disimpan("a".into()),
            Msg::NamaKosong,
            Msg::BukanAngka(2),
            Msg::Diimpor(vec!["a".into()]),
            Msg::ImporGagal("x".into()),
            Msg::ImporCsvGagal("x".into()),
            Msg::TidakDitulis,
            Msg::Dilewati("x".into(), Some("k".into())),
            Msg::Diperbarui(1, 2),
            Msg::TidakTerbaca("x".into(), None),
            Msg::SnapshotTidakTerambil("x".into()),
            Msg::SnapshotHttp(404),
            Msg::ImporTerlaluBesar(6_000_000),
            Msg::PenyimpananPenuh,
        ];
        for m in &all {
            let (id, en) = (message(Lang::Id, m), message(Lang::En, m));
            assert!(!id.is_empty() && !en.is_empty() && id != en, "{m:?}");
        }
        assert_eq!(message(Lang::En, &Msg::Dilewati("x".into(), Some("k".into()))).matches("\u{201c}k").count(), 1);
    }
}
