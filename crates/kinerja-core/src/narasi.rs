//! The narasi of a kecamatan's LKjIP and Perjanjian Kinerja: the text only
//! people can write (the foreword, the background, the legal basis, the
//! analysis, who signs, where and when), one text per section key
//! ([`NARASI_BAGIAN`]). Re-exported by [`crate::model`], whose record types
//! it joins; a module of its own so that the list of sections is defined
//! here once.

use serde::{Deserialize, Serialize};

/// The sections a narasi may fill, in the order of the documents: `(key,
/// what the text holds)`. The key is what `narasi.csv` writes in `bagian`;
/// any other key is refused by the loader.
///
/// ```
/// use kinerja_core::model::{NARASI_BAGIAN, is_narasi_bagian};
/// assert_eq!(NARASI_BAGIAN[0].0, "kata_pengantar");
/// assert!(is_narasi_bagian("dasar_hukum") && !is_narasi_bagian("penutup"));
/// ```
pub const NARASI_BAGIAN: [(&str, &str); 16] = [
    ("kata_pengantar", "Kata pengantar LKjIP"),
    ("latar_belakang", "Latar belakang (Bab I)"),
    ("dasar_hukum", "Dasar hukum / landasan hukum (Bab I), satu peraturan per butir \"- \""),
    ("tugas_fungsi", "Tugas pokok dan fungsi kecamatan (Bab I)"),
    ("struktur_organisasi", "Struktur organisasi kecamatan, sebagai teks (Bab I)"),
    ("kebijakan", "Kebijakan yang ditempuh untuk mencapai sasaran (Bab II)"),
    ("analisis", "Analisis keberhasilan, kegagalan dan solusi (Bab III)"),
    ("kesimpulan_tambahan", "Kesimpulan tambahan di luar angka capaian (Bab IV)"),
    ("saran", "Saran (Bab IV)"),
    ("camat_nama", "Nama camat penanda tangan, dengan gelar"),
    ("camat_nip", "NIP camat"),
    ("camat_pangkat", "Pangkat/golongan camat"),
    ("bupati_nama", "Nama bupati, pihak kedua Perjanjian Kinerja"),
    ("tempat", "Tempat penandatanganan"),
    ("tanggal_lkjip", "Tanggal penandatanganan LKjIP"),
    ("tanggal_pk", "Tanggal penandatanganan Perjanjian Kinerja"),
];

/// Whether `bagian` is a key of [`NARASI_BAGIAN`].
pub fn is_narasi_bagian(bagian: &str) -> bool {
    NARASI_BAGIAN.iter().any(|(key, _)| *key == bagian)
}

/// Text only people can write for one section of a kecamatan's LKjIP and
/// Perjanjian Kinerja in one year (`narasi.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Narasi {
    /// Unit (kecamatan code).
    pub kode_unit: String,
    /// Year.
    pub tahun: i32,
    /// Section key, one of [`NARASI_BAGIAN`].
    pub bagian: String,
    /// The text: paragraphs separated by a blank line, list items as lines
    /// beginning with `- `.
    pub teks: String,
    /// Source.
    pub sumber: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_keys_are_unique_lowercase_words() {
        // Lowercase words joined by `_`: a key is typed in a cell and offered
        // in the template's drop-down, whose list is comma-separated.
        for (i, (key, uraian)) in NARASI_BAGIAN.iter().enumerate() {
            assert!(!key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{key}");
            assert!(!uraian.is_empty(), "{key}");
            assert!(NARASI_BAGIAN[..i].iter().all(|(k, _)| k != key), "{key} twice");
            assert!(is_narasi_bagian(key));
        }
        assert!(!is_narasi_bagian("Kata_Pengantar") && !is_narasi_bagian(""));
    }
}
