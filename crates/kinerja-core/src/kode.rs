//! Permendagri 90/2019 codes: programs, kegiatan, sub kegiatan and belanja
//! accounts.
//!
//! * Program nomenclature: urusan `U`, bidang `U.BB`, program `U.BB.PP`,
//!   kegiatan `U.BB.PP.K.KK`, sub kegiatan `U.BB.PP.K.KK.SS` before 2023 and
//!   `U.BB.PP.K.KK.SSSS` since (Kepmendagri 050-5889/2021). Both are
//!   accepted; [`KodeProgram::parse`] normalises a 2-digit sub kegiatan to
//!   4 digits (`7.01.01.2.01.01` → `7.01.01.2.01.0001`). The cross-urusan
//!   prefix `X.XX` of the penunjang programs is accepted.
//! * Belanja accounts (rekening): `5` Belanja, `5.1` Operasi, `5.1.01`
//!   Pegawai, `5.1.02` Barang dan Jasa, `5.2` Modal, `5.2.02` Peralatan dan
//!   Mesin, … with segment widths 1, 1, 2, 2, 2, 4 ([`KodeRekening`]).

use std::fmt;

use kinerja_pesan::msg;

use crate::{Error, Result};

fn bad_program(s: &str) -> Error {
    Error::invalid(msg::core_what_kode_program(), msg::core_expected_kode_program(), s)
}

/// Level of a program-nomenclature code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TingkatProgram {
    /// `U`
    Urusan,
    /// `U.BB`
    Bidang,
    /// `U.BB.PP`
    Program,
    /// `U.BB.PP.K.KK`
    Kegiatan,
    /// `U.BB.PP.K.KK.SSSS`
    SubKegiatan,
}

/// A normalised program-nomenclature code.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KodeProgram(String);

impl KodeProgram {
    /// Parses and normalises.
    ///
    /// ```
    /// use kinerja_core::kode::KodeProgram;
    /// assert_eq!(KodeProgram::parse("7.01.01.2.01.01")?.to_string(), "7.01.01.2.01.0001");
    /// assert_eq!(KodeProgram::parse("7.01.01.2.01.0001")?.to_string(), "7.01.01.2.01.0001");
    /// assert!(KodeProgram::parse("7.1.01").is_err());
    /// # Ok::<(), kinerja_core::Error>(())
    /// ```
    pub fn parse(s: &str) -> Result<KodeProgram> {
        let t = s.trim();
        let segs: Vec<&str> = t.split('.').collect();
        let widths: [&[usize]; 6] = [&[1], &[2], &[2], &[1], &[2], &[2, 4]];
        if segs.len() > 6 || segs.len() == 4 || segs.is_empty() {
            return Err(bad_program(s));
        }
        let mut out = Vec::with_capacity(segs.len());
        for (i, seg) in segs.iter().enumerate() {
            let cross = (i == 0 && *seg == "X") || (i == 1 && *seg == "XX");
            let digits = seg.bytes().all(|b| b.is_ascii_digit());
            if !(cross || digits) || !widths[i].contains(&seg.len()) {
                return Err(bad_program(s));
            }
            if i == 5 && seg.len() == 2 {
                out.push(format!("00{seg}"));
            } else {
                out.push((*seg).to_string());
            }
        }
        Ok(KodeProgram(out.join(".")))
    }

    /// Its level.
    pub fn tingkat(&self) -> TingkatProgram {
        match self.0.split('.').count() {
            1 => TingkatProgram::Urusan,
            2 => TingkatProgram::Bidang,
            3 => TingkatProgram::Program,
            5 => TingkatProgram::Kegiatan,
            _ => TingkatProgram::SubKegiatan,
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for KodeProgram {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A belanja account code (`5.1.02`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KodeRekening(String);

impl KodeRekening {
    /// Parses a rekening code: segment widths 1, 1, 2, 2, 2, 4.
    ///
    /// ```
    /// use kinerja_core::kode::KodeRekening;
    /// let k = KodeRekening::parse("5.1.02")?;
    /// assert_eq!(k.parent().map(|p| p.to_string()), Some("5.1".to_string()));
    /// # Ok::<(), kinerja_core::Error>(())
    /// ```
    pub fn parse(s: &str) -> Result<KodeRekening> {
        let t = s.trim();
        let widths = [1usize, 1, 2, 2, 2, 4];
        let segs: Vec<&str> = t.split('.').collect();
        if segs.len() > widths.len()
            || segs.iter().zip(widths).any(|(seg, w)| seg.len() != w || !seg.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(Error::invalid(msg::core_what_kode_rekening(), msg::core_expected_kode_rekening(), s));
        }
        Ok(KodeRekening(t.to_string()))
    }

    /// The enclosing account, if any.
    pub fn parent(&self) -> Option<KodeRekening> {
        self.0.rsplit_once('.').map(|(p, _)| KodeRekening(p.to_string()))
    }

    /// Depth (1 for `5`).
    pub fn depth(&self) -> usize {
        self.0.split('.').count()
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for KodeRekening {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Standard names of the upper belanja accounts (Permendagri 90/2019).
pub static REKENING: &[(&str, &str)] = &[
    ("5", "Belanja Daerah"),
    ("5.1", "Belanja Operasi"),
    ("5.1.01", "Belanja Pegawai"),
    ("5.1.02", "Belanja Barang dan Jasa"),
    ("5.1.05", "Belanja Hibah"),
    ("5.1.06", "Belanja Bantuan Sosial"),
    ("5.2", "Belanja Modal"),
    ("5.2.01", "Belanja Modal Tanah"),
    ("5.2.02", "Belanja Modal Peralatan dan Mesin"),
    ("5.2.03", "Belanja Modal Gedung dan Bangunan"),
    ("5.2.04", "Belanja Modal Jalan, Jaringan, dan Irigasi"),
    ("5.2.05", "Belanja Modal Aset Tetap Lainnya"),
    ("5.3", "Belanja Tidak Terduga"),
    ("5.4", "Belanja Transfer"),
];

/// The standard name of a belanja account, if it is one of [`REKENING`].
pub fn nama_rekening(kode: &str) -> Option<&'static str> {
    REKENING.iter().find(|(k, _)| *k == kode).map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        let got =
            KodeProgram::parse(input).map(|k| format!("{k} {:?}", k.tingkat())).unwrap_or_else(|_| "invalid".into());
        assert_eq!(got, expect, "{input}");
    }

    #[test]
    fn program_codes() {
        check("7", "7 Urusan");
        check("7.01", "7.01 Bidang");
        check("7.01.02", "7.01.02 Program");
        check("X.XX.01", "X.XX.01 Program");
        check("7.01.01.2.01", "7.01.01.2.01 Kegiatan");
        check("7.01.01.2.01.01", "7.01.01.2.01.0001 SubKegiatan");
        check("7.01.01.2.01.0024", "7.01.01.2.01.0024 SubKegiatan");
        check("7.01.01.2", "invalid");
        check("7.01.01.2.01.001", "invalid");
        check("7.1.01", "invalid");
        check("7.01.01.2.01.0001.1", "invalid");
        check("", "invalid");
    }

    #[test]
    fn rekening_codes() {
        assert_eq!(KodeRekening::parse("5.2.02").unwrap().depth(), 3);
        assert!(KodeRekening::parse("5.2.2").is_err());
        assert!(KodeRekening::parse("5.1.02.01.01.0024").is_ok());
        assert_eq!(KodeRekening::parse("5").unwrap().parent(), None);
        assert_eq!(nama_rekening("5.2.02"), Some("Belanja Modal Peralatan dan Mesin"));
    }
}
