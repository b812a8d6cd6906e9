//! What an audit gives: findings with their likely causes, results that
//! are not findings, and the problems that make a transcription unusable.
//! The crate's vocabulary, imported by every other module and importing
//! none of them. Every text is a keyed message ([`Pesan`]), rendered in the
//! reader's language at the edge.

use kinerja_pesan::{Arg, Pesan, msg};
use rust_decimal::Decimal;
use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A figure does not follow from its inputs.
    Galat,
    /// The report departs from a regulation without a wrong figure.
    Catatan,
    /// The transcription, not the report: a figure a relation uses reads
    /// as no number. Never counted as the report's error; the relations
    /// that use it are not checked.
    Transkripsi,
}

impl Severity {
    /// The word a reviewer reads (`GALAT`, `ERROR`).
    pub fn pesan(self) -> Pesan {
        match self {
            Severity::Galat => msg::audit_severity_galat(),
            Severity::Catatan => msg::audit_severity_catatan(),
            Severity::Transkripsi => msg::audit_severity_transkripsi(),
        }
    }

    /// The code stored and written to JSON (`galat`, `catatan`).
    pub fn code(self) -> &'static str {
        match self {
            Severity::Galat => "galat",
            Severity::Catatan => "catatan",
            Severity::Transkripsi => "transkripsi",
        }
    }
}

/// A likely cause of a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sebab {
    /// A digit typed twice: without it the figure is consistent.
    DigitGanda {
        /// The consistent printing.
        seharusnya: String,
    },
    /// An extra digit.
    DigitLebih {
        /// The consistent printing.
        seharusnya: String,
    },
    /// A digit dropped.
    DigitHilang {
        /// The consistent printing.
        seharusnya: String,
    },
    /// Two digits transposed.
    DigitTertukar {
        /// The consistent printing.
        seharusnya: String,
    },
    /// One digit typed wrong (`…405` for `…415`).
    DigitSalah {
        /// The consistent printing.
        seharusnya: String,
    },
    /// The decimal point shifted (`30,15` for `3,015`).
    DesimalBergeser {
        /// The consistent printing.
        seharusnya: String,
    },
    /// The figure follows from another year's figures.
    TahunLain {
        /// That year.
        tahun: i32,
        /// The figures it follows from.
        masukan: Vec<String>,
    },
    /// A total that leaves out one row.
    BarisTerlewat {
        /// The row.
        baris: String,
    },
    /// A total that counts one row twice.
    BarisGanda {
        /// The row.
        baris: String,
    },
    /// A simple mean where a weighted one was due.
    RataSederhana,
    /// The label belongs to another scale, on which the figure has it.
    SkalaLain {
        /// The scale.
        skala: String,
        /// Its regulation.
        regulasi: String,
    },
    /// The figure equals another figure of the report: the column holds
    /// another quantity.
    NilaiLain {
        /// The reference of that figure.
        rujukan: String,
        /// Where it is printed.
        letak: Pesan,
    },
    /// A percentage computed on another row's base (its denominator).
    DasarBarisLain {
        /// That row.
        baris: String,
    },
    /// A change in percentage points called a percent change.
    PoinPersen,
    /// The IKM weights the printed IKM is consistent with.
    Bobot {
        /// The weights as printed (`1/9`, `0,111`, `0,11`).
        cocok: Vec<String>,
    },
    /// The figure does not read as a number.
    TidakTerbaca {
        /// Why.
        alasan: Pesan,
    },
    /// None of the known slips explains the figure: said, never silence.
    TidakDikenali,
}

impl Sebab {
    /// The kind, as written to JSON (`digit_ganda`).
    pub fn jenis(&self) -> &'static str {
        match self {
            Sebab::DigitGanda { .. } => "digit_ganda",
            Sebab::DigitLebih { .. } => "digit_lebih",
            Sebab::DigitHilang { .. } => "digit_hilang",
            Sebab::DigitTertukar { .. } => "digit_tertukar",
            Sebab::DigitSalah { .. } => "digit_salah",
            Sebab::DesimalBergeser { .. } => "desimal_bergeser",
            Sebab::TahunLain { .. } => "tahun_lain",
            Sebab::BarisTerlewat { .. } => "baris_terlewat",
            Sebab::BarisGanda { .. } => "baris_ganda",
            Sebab::RataSederhana => "rata_sederhana",
            Sebab::SkalaLain { .. } => "skala_lain",
            Sebab::NilaiLain { .. } => "nilai_lain",
            Sebab::DasarBarisLain { .. } => "dasar_baris_lain",
            Sebab::PoinPersen => "poin_persen",
            Sebab::Bobot { .. } => "bobot",
            Sebab::TidakTerbaca { .. } => "tidak_terbaca",
            Sebab::TidakDikenali => "tidak_dikenali",
        }
    }

    /// The cause in words.
    pub fn pesan(&self) -> Pesan {
        match self {
            Sebab::DigitGanda { seharusnya } => msg::audit_sebab_digit_ganda(seharusnya),
            Sebab::DigitLebih { seharusnya } => msg::audit_sebab_digit_lebih(seharusnya),
            Sebab::DigitHilang { seharusnya } => msg::audit_sebab_digit_hilang(seharusnya),
            Sebab::DigitTertukar { seharusnya } => msg::audit_sebab_digit_tertukar(seharusnya),
            Sebab::DigitSalah { seharusnya } => msg::audit_sebab_digit_salah(seharusnya),
            Sebab::DesimalBergeser { seharusnya } => msg::audit_sebab_desimal_bergeser(seharusnya),
            Sebab::TahunLain { tahun, masukan } => msg::audit_sebab_tahun_lain(*tahun, masukan.join(", ")),
            Sebab::BarisTerlewat { baris } => msg::audit_sebab_baris_terlewat(baris),
            Sebab::BarisGanda { baris } => msg::audit_sebab_baris_ganda(baris),
            Sebab::RataSederhana => msg::audit_sebab_rata_sederhana(),
            Sebab::SkalaLain { skala, .. } => msg::audit_sebab_skala_lain(skala),
            Sebab::NilaiLain { letak, .. } => msg::audit_sebab_nilai_lain(letak.clone()),
            Sebab::DasarBarisLain { baris } => msg::audit_sebab_dasar_baris_lain(baris),
            Sebab::PoinPersen => msg::audit_sebab_poin_persen(),
            Sebab::Bobot { cocok } if cocok.is_empty() => msg::audit_sebab_bobot_none(),
            Sebab::Bobot { cocok } => msg::audit_sebab_bobot(cocok.join(", ")),
            Sebab::TidakTerbaca { alasan } => msg::audit_sebab_tidak_terbaca(alasan.clone()),
            Sebab::TidakDikenali => msg::audit_sebab_tidak_dikenali(),
        }
    }
}

/// A finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Temuan {
    /// The relation's id.
    pub id: String,
    /// The relation's kind.
    pub jenis: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// Where the figure is: table, row and column, or the sentence's place.
    pub letak: Pesan,
    /// The sentence, quoted, when the figure is in one.
    pub kutipan: Option<String>,
    /// The figure as printed.
    pub tercetak: String,
    /// What was checked.
    pub uraian: Pesan,
    /// The printings that would be consistent: lowest and highest.
    pub konsisten: Option<(Decimal, Decimal)>,
    /// The value recomputed from the printed inputs at face value.
    pub dihitung: Option<Decimal>,
    /// Likely causes, most likely first.
    pub sebab: Vec<Sebab>,
    /// The transcriber's remark.
    pub catatan: Option<String>,
}

/// A result that is not a finding: a figure consistent only within
/// rounding, or the IKM weights a printed IKM fits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Info {
    /// The relation's id.
    pub id: String,
    /// Where.
    pub letak: Pesan,
    /// What.
    pub pesan: Pesan,
    /// The weights an IKM fits: shown without `--verbose`.
    pub ikm: bool,
}

/// A transcription that cannot be checked: a broken reference, a figure a
/// relation needs that is missing, a duplicate id, a form that does not
/// read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masalah {
    /// Where in the transcription (`relasi[3].dari[1]`, or a file, row and
    /// column of its spreadsheet form).
    pub letak: Pesan,
    /// What was expected.
    pub expected: Pesan,
    /// What was found: the text as found (shown quoted), or a message.
    pub found: Arg,
}

impl Masalah {
    /// A problem at a place in the transcription (a path such as
    /// `tabel[2].baris[5].id`).
    pub fn at(letak: impl Into<String>, expected: Pesan, found: impl Into<String>) -> Masalah {
        Masalah { letak: msg::audit_letak_teks(letak.into()), expected, found: Arg::Text(found.into()) }
    }

    /// The problem in words.
    pub fn pesan(&self) -> Pesan {
        let found = match &self.found {
            Arg::Text(t) => Arg::Text(format!("{t:?}")),
            other => other.clone(),
        };
        msg::audit_masalah(self.letak.clone(), self.expected.clone(), found)
    }
}

/// The outcome of an audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hasil {
    /// Findings, in the order of the relations.
    pub temuan: Vec<Temuan>,
    /// Results that are not findings.
    pub info: Vec<Info>,
    /// Relations checked.
    pub relasi: usize,
    /// Relations that could not be checked because an input does not read
    /// as a number (their ids); its finding says which.
    pub tidak_diperiksa: Vec<String>,
    /// Figures transcribed.
    pub angka: usize,
}

impl Hasil {
    /// The findings that are errors.
    pub fn galat(&self) -> impl Iterator<Item = &Temuan> {
        self.temuan.iter().filter(|t| t.severity == Severity::Galat)
    }

    /// The findings about the transcription rather than the report.
    pub fn transkripsi(&self) -> impl Iterator<Item = &Temuan> {
        self.temuan.iter().filter(|t| t.severity == Severity::Transkripsi)
    }

    /// Whether no relation could be checked: every one uses a figure that
    /// does not read as a number.
    pub fn tak_terperiksa(&self) -> bool {
        self.relasi == 0 && !self.tidak_diperiksa.is_empty()
    }
}
