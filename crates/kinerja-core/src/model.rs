//! The data model: one record type per data table, shared by the loader
//! (`kinerja-data`), the store, the JSON snapshot and the browser.
//!
//! Every fact carries `sumber`, the document and table it was taken from
//! (`"LKjIP Kec. Sei Balai 2024, Tabel 3.9"`), or [`SUMBER_SINTETIS`] for
//! generated demo data. Money and scores are [`Decimal`], serialised as
//! strings so no JSON reader turns them into floats.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::capaian::Polaritas;
use crate::{Error, Result};
use kinerja_pesan::msg;

/// The `sumber` of generated demo data. Anything with this source is shown
/// and exported as synthetic.
pub const SUMBER_SINTETIS: &str = "sintetis";

/// Recognises a kind of source by how its `sumber` text begins: after
/// leading spaces, the prefix in any ASCII letter case (so `İ` or a Kelvin
/// sign never passes for `i` or `k`). The store renders the same rule into
/// SQL (`kj_sintetis`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceMarker {
    /// The prefix, lower case.
    pub prefix: &'static str,
}

impl SourceMarker {
    /// True when `sumber` begins with the prefix.
    pub fn matches(&self, sumber: &str) -> bool {
        let head = sumber.trim_start_matches(' ').as_bytes();
        head.get(..self.prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(self.prefix.as_bytes()))
    }
}

/// The marker of synthetic data: a `sumber` beginning with `sintetis`
/// (`"sintetis"`, `"Sintetis (seed 7)"`).
pub static SINTETIS: SourceMarker = SourceMarker { prefix: SUMBER_SINTETIS };

/// True when a source marks synthetic data ([`SINTETIS`]).
pub fn is_sintetis(sumber: &str) -> bool {
    SINTETIS.matches(sumber)
}

/// The years Kinerja accepts in data files and scenarios.
pub const TAHUN: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Parses a year (`2024`) within [`TAHUN`].
///
/// ```
/// assert_eq!(kinerja_core::model::parse_tahun("2024")?, 2024);
/// assert!(kinerja_core::model::parse_tahun("24").is_err());
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn parse_tahun(s: &str) -> Result<i32> {
    s.trim().parse::<i32>().ok().filter(|y| TAHUN.contains(y)).ok_or_else(|| Error::Invalid {
        what: msg::core_what_tahun(),
        expected: msg::core_expected_tahun(),
        found: crate::quoted(s),
    })
}

/// Level of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TingkatWilayah {
    /// Provinsi (`12`).
    Provinsi,
    /// Kabupaten/kota (`12.19`).
    Kabupaten,
    /// Kecamatan (`12.19.07`).
    Kecamatan,
    /// Desa/kelurahan (`12.19.07.2001`).
    Desa,
}

impl TingkatWilayah {
    /// Code in data files.
    pub fn code(self) -> &'static str {
        match self {
            TingkatWilayah::Provinsi => "provinsi",
            TingkatWilayah::Kabupaten => "kabupaten",
            TingkatWilayah::Kecamatan => "kecamatan",
            TingkatWilayah::Desa => "desa",
        }
    }

    /// Parses a code.
    pub fn parse(s: &str) -> Result<TingkatWilayah> {
        match s.trim() {
            "provinsi" => Ok(TingkatWilayah::Provinsi),
            "kabupaten" | "kota" => Ok(TingkatWilayah::Kabupaten),
            "kecamatan" => Ok(TingkatWilayah::Kecamatan),
            "desa" | "kelurahan" => Ok(TingkatWilayah::Desa),
            _ => Err(Error::Invalid {
                what: msg::core_what_tingkat(),
                expected: msg::core_expected_tingkat(),
                found: crate::quoted(s),
            }),
        }
    }

    /// The shape of a Kemendagri code at this level: segment widths.
    fn widths(self) -> &'static [usize] {
        match self {
            TingkatWilayah::Provinsi => &[2],
            TingkatWilayah::Kabupaten => &[2, 2],
            TingkatWilayah::Kecamatan => &[2, 2, 2],
            TingkatWilayah::Desa => &[2, 2, 2, 4],
        }
    }
}

/// Checks a Kemendagri region code against its level (`12.19.07` for a
/// kecamatan). BPS codes (`1219070`) are rejected: the systems differ.
pub fn check_kode_wilayah(kode: &str, tingkat: TingkatWilayah) -> Result<()> {
    let segs: Vec<&str> = kode.split('.').collect();
    let w = tingkat.widths();
    if segs.len() != w.len() || segs.iter().zip(w).any(|(s, n)| s.len() != *n || !s.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(Error::Invalid {
            what: msg::core_what_kode_wilayah(),
            expected: match tingkat {
                TingkatWilayah::Provinsi => msg::core_expected_kode_provinsi(),
                TingkatWilayah::Kabupaten => msg::core_expected_kode_kabupaten(),
                TingkatWilayah::Kecamatan => msg::core_expected_kode_kecamatan(),
                TingkatWilayah::Desa => msg::core_expected_kode_desa(),
            },
            found: crate::quoted(kode),
        });
    }
    Ok(())
}

/// A region with its Kemendagri code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wilayah {
    /// Kemendagri code.
    pub kode: String,
    /// Level.
    pub tingkat: TingkatWilayah,
    /// Official name.
    pub nama: String,
    /// Parent code.
    pub induk: Option<String>,
    /// Spelling used in the source report, where it differs.
    pub nama_dalam_laporan: Option<String>,
    /// Source.
    pub sumber: String,
}

/// Statistics of one desa in one year (Tabel 1.1–1.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DesaStatistik {
    /// Desa code.
    pub kode_desa: String,
    /// Year.
    pub tahun: i32,
    /// Row number in the report.
    pub no_laporan: Option<i32>,
    /// Area, hectares.
    pub luas_ha: Decimal,
    /// Number of dusun.
    pub dusun: i64,
    /// Number of households (KK).
    pub kk: i64,
    /// Male population.
    pub penduduk_l: i64,
    /// Female population.
    pub penduduk_p: i64,
    /// Population as printed (L+P).
    pub penduduk_total: i64,
    /// Plantation area, ha.
    pub luas_perkebunan_ha: Decimal,
    /// Farm area, ha.
    pub luas_pertanian_ha: Decimal,
    /// Housing area, ha.
    pub luas_perumahan_ha: Decimal,
    /// Source.
    pub sumber: String,
}

/// A Renstra period of one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Renstra {
    /// Id (`12.19.07/2024`).
    pub id: String,
    /// Unit (kecamatan code).
    pub kode_unit: String,
    /// First year.
    pub tahun_awal: i32,
    /// Final year.
    pub tahun_akhir: i32,
    /// Visi.
    pub visi: String,
    /// Misi supported.
    pub misi: String,
    /// Source.
    pub sumber: String,
}

/// A tujuan of a Renstra.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tujuan {
    /// Id.
    pub id: String,
    /// Renstra.
    pub renstra_id: String,
    /// Text.
    pub uraian: String,
    /// Source.
    pub sumber: String,
}

/// A sasaran strategis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sasaran {
    /// Id.
    pub id: String,
    /// Tujuan.
    pub tujuan_id: String,
    /// Number in the report.
    pub no: i32,
    /// Text.
    pub uraian: String,
    /// Source.
    pub sumber: String,
}

/// A strategi of a sasaran.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strategi {
    /// Id.
    pub id: String,
    /// Sasaran.
    pub sasaran_id: String,
    /// Number.
    pub no: i32,
    /// Text.
    pub uraian: String,
    /// Source.
    pub sumber: String,
}

pub use crate::capaian::JenisIndikator;
pub use crate::narasi::{NARASI_BAGIAN, Narasi, is_narasi_bagian};

/// A performance indicator (shared across units so Bappeda can compare).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indikator {
    /// Id (`ikm`).
    pub id: String,
    /// Name.
    pub nama: String,
    /// Unit of measure.
    pub satuan: String,
    /// Polarity.
    pub polaritas: Polaritas,
    /// Decimals the value is stated with.
    pub presisi: u32,
    /// Kind.
    pub jenis: JenisIndikator,
    /// Source.
    pub sumber: String,
}

/// Which sasaran an indicator measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SasaranIndikator {
    /// Sasaran.
    pub sasaran_id: String,
    /// Indicator.
    pub indikator_id: String,
    /// Source.
    pub sumber: String,
}

/// Kind of target. Serialised as its code (`"pk_perubahan"`,
/// `"skenario:optimis"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum JenisTarget {
    /// Renstra medium-term target.
    Renstra,
    /// Perjanjian Kinerja.
    Pk,
    /// Perjanjian Kinerja Perubahan.
    PkPerubahan,
    /// A named planning scenario.
    Skenario(String),
}

impl JenisTarget {
    /// Code (`renstra`, `pk`, `pk_perubahan`, `skenario:<name>`).
    pub fn code(&self) -> String {
        match self {
            JenisTarget::Renstra => "renstra".into(),
            JenisTarget::Pk => "pk".into(),
            JenisTarget::PkPerubahan => "pk_perubahan".into(),
            JenisTarget::Skenario(n) => format!("skenario:{n}"),
        }
    }

    /// Parses a code.
    pub fn parse(s: &str) -> Result<JenisTarget> {
        match s.trim() {
            "renstra" => Ok(JenisTarget::Renstra),
            "pk" => Ok(JenisTarget::Pk),
            "pk_perubahan" => Ok(JenisTarget::PkPerubahan),
            other => match other.strip_prefix("skenario:") {
                Some(n) if !n.trim().is_empty() => Ok(JenisTarget::Skenario(n.trim().to_string())),
                _ => Err(Error::Invalid {
                    what: msg::core_what_jenis_target(),
                    expected: msg::core_expected_jenis_target(),
                    found: crate::quoted(s),
                }),
            },
        }
    }

    /// Precedence when several targets exist for a year: the PK in force
    /// (perubahan over original) is what capaian is measured against, then
    /// the Renstra.
    pub fn precedence(&self) -> u8 {
        match self {
            JenisTarget::PkPerubahan => 0,
            JenisTarget::Pk => 1,
            JenisTarget::Renstra => 2,
            JenisTarget::Skenario(_) => 3,
        }
    }
}

impl From<JenisTarget> for String {
    fn from(j: JenisTarget) -> String {
        j.code()
    }
}

impl TryFrom<String> for JenisTarget {
    type Error = Error;
    fn try_from(s: String) -> Result<JenisTarget> {
        JenisTarget::parse(&s)
    }
}

/// The target a year's capaian is measured against: the PK perubahan, else
/// the PK, else the Renstra target ([`JenisTarget::precedence`]). Scenario
/// targets are plans and never in force.
///
/// ```
/// use kinerja_core::model::{target_berlaku, JenisTarget, Target};
/// let t = |jenis, nilai| Target { kode_unit: "12.19.07".into(), indikator_id: "ikm".into(), tahun: 2024, jenis,
///     nilai: kinerja_core::Decimal::from(nilai), label: None, sumber: String::new() };
/// let all = [t(JenisTarget::Renstra, 85), t(JenisTarget::PkPerubahan, 84), t(JenisTarget::Skenario("x".into()), 99)];
/// assert_eq!(target_berlaku(&all, "12.19.07", "ikm", 2024).map(|t| t.nilai.to_string()), Some("84".into()));
/// ```
pub fn target_berlaku<'a>(
    targets: impl IntoIterator<Item = &'a Target>,
    kode_unit: &str,
    indikator_id: &str,
    tahun: i32,
) -> Option<&'a Target> {
    targets
        .into_iter()
        .filter(|t| t.kode_unit == kode_unit && t.indikator_id == indikator_id && t.tahun == tahun)
        .filter(|t| !matches!(t.jenis, JenisTarget::Skenario(_)))
        .min_by_key(|t| t.jenis.precedence())
}

/// A target value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// Unit.
    pub kode_unit: String,
    /// Indicator.
    pub indikator_id: String,
    /// Year.
    pub tahun: i32,
    /// Kind.
    pub jenis: JenisTarget,
    /// Value.
    pub nilai: Decimal,
    /// Printed predikat (`BB`), if any.
    pub label: Option<String>,
    /// Source.
    pub sumber: String,
}

/// A realisasi value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Realisasi {
    /// Unit.
    pub kode_unit: String,
    /// Indicator.
    pub indikator_id: String,
    /// Year.
    pub tahun: i32,
    /// Value.
    pub nilai: Decimal,
    /// Printed predikat, if any.
    pub label: Option<String>,
    /// Source.
    pub sumber: String,
}

/// One SKM survey of a unit-year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkmSurvei {
    /// Unit.
    pub kode_unit: String,
    /// Year.
    pub tahun: i32,
    /// Scheme.
    pub skema: crate::skm::Skema,
    /// Weight variant the unit reports with (default: exact).
    pub bobot: crate::skm::Bobot,
    /// Respondents.
    pub responden: i64,
    /// Survey period.
    pub periode: Option<String>,
    /// Source.
    pub sumber: String,
    /// The population sampled: service users in the period, when known
    /// (PermenPANRB 14/2017's sample test, [`crate::sampel`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub populasi: Option<i64>,
}

/// The NRR of one unsur, where raw answers are not available.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkmNrr {
    /// Unit.
    pub kode_unit: String,
    /// Year.
    pub tahun: i32,
    /// Unsur id.
    pub unsur_id: String,
    /// Position printed in the report.
    pub no_laporan: Option<i32>,
    /// Name printed in the report.
    pub nama_dalam_laporan: Option<String>,
    /// NRR (1..4).
    pub nrr: Decimal,
    /// Source.
    pub sumber: String,
}

/// One raw SKM answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkmJawaban {
    /// Unit.
    pub kode_unit: String,
    /// Year.
    pub tahun: i32,
    /// Respondent number within the unit-year.
    pub responden: i64,
    /// Unsur id.
    pub unsur_id: String,
    /// Score.
    pub skor: crate::skm::Skor,
    /// Source.
    pub sumber: String,
}

/// One komponen of an AKIP evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AkipKomponen {
    /// Unit.
    pub kode_unit: String,
    /// Year.
    pub tahun: i32,
    /// Scheme.
    pub skema: crate::akip::SkemaAkip,
    /// Komponen id.
    pub komponen_id: String,
    /// Target score, if set.
    pub target: Option<Decimal>,
    /// Achieved score.
    pub realisasi: Decimal,
    /// Source.
    pub sumber: String,
}

/// A belanja line (by rekening).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnggaranBelanja {
    /// Unit.
    pub kode_unit: String,
    /// Year.
    pub tahun: i32,
    /// Rekening code (`5.1.02`).
    pub kode_rekening: String,
    /// Text.
    pub uraian: String,
    /// Anggaran (Rp).
    pub anggaran: Decimal,
    /// Realisasi (Rp).
    pub realisasi: Decimal,
    /// Source.
    pub sumber: String,
}

/// A program budget line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnggaranProgram {
    /// Unit.
    pub kode_unit: String,
    /// Year.
    pub tahun: i32,
    /// Program code (normalised Permendagri 90/2019).
    pub kode_program: String,
    /// Row number in the report.
    pub no_laporan: Option<i32>,
    /// Name.
    pub nama: String,
    /// Anggaran (Rp).
    pub anggaran: Decimal,
    /// Realisasi (Rp).
    pub realisasi: Decimal,
    /// Note (`PAPBD`).
    pub keterangan: Option<String>,
    /// Source.
    pub sumber: String,
}

/// Which sasaran a program serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramSasaran {
    /// Unit.
    pub kode_unit: String,
    /// Year.
    pub tahun: i32,
    /// Program code.
    pub kode_program: String,
    /// Sasaran id.
    pub sasaran_id: String,
    /// Source.
    pub sumber: String,
}

/// A derived figure as printed in the source, kept for verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tercetak {
    /// Stable id (`t3_16.total.persen`).
    pub id: String,
    /// Where it is printed.
    pub tabel: String,
    /// What it is.
    pub uraian: String,
    /// Verbatim as printed.
    pub nilai_tercetak: String,
    /// Where the printed figure contradicts the report's own rows: the
    /// value they actually give (the figure itself is kept as printed).
    pub nilai_dihitung: Option<String>,
    /// Note on how the figure is derived or where it disagrees.
    pub catatan: Option<String>,
}

/// Everything in a data directory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Dataset {
    pub wilayah: Vec<Wilayah>,
    pub desa_statistik: Vec<DesaStatistik>,
    pub renstra: Vec<Renstra>,
    pub tujuan: Vec<Tujuan>,
    pub sasaran: Vec<Sasaran>,
    pub strategi: Vec<Strategi>,
    pub indikator: Vec<Indikator>,
    pub sasaran_indikator: Vec<SasaranIndikator>,
    pub target: Vec<Target>,
    pub realisasi: Vec<Realisasi>,
    pub skm_survei: Vec<SkmSurvei>,
    pub skm_nrr: Vec<SkmNrr>,
    pub skm_jawaban: Vec<SkmJawaban>,
    pub akip_komponen: Vec<AkipKomponen>,
    pub anggaran_belanja: Vec<AnggaranBelanja>,
    pub anggaran_program: Vec<AnggaranProgram>,
    pub program_sasaran: Vec<ProgramSasaran>,
    pub tercetak: Vec<Tercetak>,
    /// The narasi texts (empty when a dataset serialised before the table
    /// existed is read).
    #[serde(default)]
    pub narasi: Vec<Narasi>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_codes_by_level() {
        assert!(check_kode_wilayah("12.19.07", TingkatWilayah::Kecamatan).is_ok());
        assert!(check_kode_wilayah("12.19.07.2001", TingkatWilayah::Desa).is_ok());
        assert!(check_kode_wilayah("1219070", TingkatWilayah::Kecamatan).is_err()); // BPS
        assert!(check_kode_wilayah("12.19.7", TingkatWilayah::Kecamatan).is_err());
        assert!(check_kode_wilayah("12.19", TingkatWilayah::Kecamatan).is_err());
    }

    #[test]
    fn target_kinds_round_trip() {
        for s in ["renstra", "pk", "pk_perubahan", "skenario:optimis"] {
            assert_eq!(JenisTarget::parse(s).unwrap().code(), s);
        }
        assert!(JenisTarget::parse("skenario:").is_err());
        assert!(JenisTarget::parse("rkpd").is_err());
        assert!(JenisTarget::PkPerubahan.precedence() < JenisTarget::Renstra.precedence());
    }

    #[test]
    fn synthetic_source() {
        assert!(is_sintetis("sintetis"));
        assert!(is_sintetis("  Sintetis (seed 7)"));
        assert!(!is_sintetis("LKjIP Kec. Sei Balai 2024, Tabel 3.9"));
        assert!(!is_sintetis("data sintetis"));
        assert!(!is_sintetis(""));
        assert!(is_sintetis("SINTETIS"));
        assert!(!is_sintetis("S\u{130}NTETIS"), "a dotted capital I is not an i");
    }
}

/// Per-unsur sum and count of SKM answers for one unit-year (the aggregate
/// the store keeps; what the browser needs to simulate respondents).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkmAgregat {
    /// Unit.
    pub kode_unit: String,
    /// Year.
    pub tahun: i32,
    /// Unsur id.
    pub unsur_id: String,
    /// Sum of scores.
    pub jumlah: i64,
    /// Number of answers.
    pub n: i64,
    /// Source.
    pub sumber: String,
}

/// The part of a kabupaten's data the browser planner uses: its regions,
/// indicators, Renstra sasaran, targets, realisasi, SKM, AKIP and program
/// budgets (field names as in [`Dataset`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct DataPerencana {
    pub wilayah: Vec<Wilayah>,
    pub indikator: Vec<Indikator>,
    pub renstra: Vec<Renstra>,
    pub tujuan: Vec<Tujuan>,
    pub sasaran: Vec<Sasaran>,
    pub sasaran_indikator: Vec<SasaranIndikator>,
    pub target: Vec<Target>,
    pub realisasi: Vec<Realisasi>,
    pub skm_survei: Vec<SkmSurvei>,
    pub skm_nrr: Vec<SkmNrr>,
    pub akip_komponen: Vec<AkipKomponen>,
    pub anggaran_program: Vec<AnggaranProgram>,
    pub program_sasaran: Vec<ProgramSasaran>,
}

pub use crate::selang::GalatSurvei;
/// Version of the snapshot format written by `kinerja export snapshot`.
/// Version 1 named the region `kode_kabupaten` and held one kabupaten;
/// version 2 names it `kode_wilayah` and may hold a provinsi or the nation.
pub const SNAPSHOT_VERSI: u32 = 2;

/// One region's data for the browser planner: a kabupaten, a provinsi or
/// the nation, with its kecamatan, indicators, Renstra, targets, realisasi,
/// SKM, AKIP and budgets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Format version ([`SNAPSHOT_VERSI`]).
    pub versi: u32,
    /// The region: a kabupaten code (`"12.19"`), a provinsi code (`"12"`),
    /// or empty for the whole nation.
    #[serde(alias = "kode_kabupaten")]
    pub kode_wilayah: String,
    /// When it was exported (ISO 8601, set by the exporter).
    pub dibuat: String,
    /// The data (raw SKM answers are summarised in `skm_agregat`).
    pub data: DataPerencana,
    /// SKM aggregates from raw answers.
    pub skm_agregat: Vec<SkmAgregat>,
    /// How sure each survey's IKM is (the database's `hasil_galat_ikm`),
    /// by unit and year.
    #[serde(default)]
    pub galat_ikm: Vec<GalatSurvei>,
    /// Only what the comparison and the planner of targets need (regions,
    /// indicators, Renstra periods, targets, realisasi): the nation's
    /// snapshot, which would otherwise hold every table of every kecamatan.
    #[serde(default)]
    pub ringkas: bool,
    /// The server that sent it also offers each kecamatan's documents
    /// (LKjIP, PK) for download; absent in an exported file.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dokumen: bool,
}
