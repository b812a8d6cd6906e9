//! The tables of a data directory: columns and row parsers.

use kinerja_core::Decimal;
use kinerja_core::akip::SkemaAkip;
use kinerja_core::capaian::{JenisIndikator, Polaritas};
use kinerja_core::kode::{KodeProgram, KodeRekening};
use kinerja_core::model::*;
use kinerja_core::notation::parse_rupiah_in;
use kinerja_core::skm::{Bobot, Skema, Skor};

use kinerja_pesan::msg;

use crate::error::Problem;
use crate::sheet::{Row, Sheet};

/// A table: file stem and columns.
#[derive(Debug)]
pub struct Table {
    /// File stem (`target` for `target.csv`).
    pub name: &'static str,
    /// Columns that must be present.
    pub required: &'static [&'static str],
    /// Columns that may be present.
    pub optional: &'static [&'static str],
    /// Columns whose text may span several lines (a narasi's paragraphs);
    /// in any other column a line break is refused.
    pub multiline: &'static [&'static str],
}

/// Every table Kinerja reads, in load order.
pub static TABLES: &[Table] = &[
    Table {
        name: "wilayah",
        required: &["kode", "tingkat", "nama", "sumber"],
        optional: &["induk", "nama_dalam_laporan"],
        multiline: &[],
    },
    Table {
        name: "desa_statistik",
        required: &[
            "kode_desa",
            "tahun",
            "luas_ha",
            "dusun",
            "kk",
            "penduduk_l",
            "penduduk_p",
            "penduduk_total",
            "sumber",
        ],
        optional: &["no_laporan", "luas_perkebunan_ha", "luas_pertanian_ha", "luas_perumahan_ha"],
        multiline: &[],
    },
    Table {
        name: "renstra",
        required: &["id", "kode_unit", "tahun_awal", "tahun_akhir", "visi", "misi", "sumber"],
        optional: &[],
        multiline: &[],
    },
    Table { name: "tujuan", required: &["id", "renstra_id", "uraian", "sumber"], optional: &[], multiline: &[] },
    Table { name: "sasaran", required: &["id", "tujuan_id", "no", "uraian", "sumber"], optional: &[], multiline: &[] },
    Table {
        name: "strategi",
        required: &["id", "sasaran_id", "no", "uraian", "sumber"],
        optional: &[],
        multiline: &[],
    },
    Table {
        name: "indikator",
        required: &["id", "nama", "satuan", "polaritas", "presisi", "sumber"],
        optional: &["jenis"],
        multiline: &[],
    },
    Table {
        name: "sasaran_indikator",
        required: &["sasaran_id", "indikator_id", "sumber"],
        optional: &[],
        multiline: &[],
    },
    Table {
        name: "target",
        required: &["kode_unit", "indikator_id", "tahun", "jenis", "nilai", "sumber"],
        optional: &["label"],
        multiline: &[],
    },
    Table {
        name: "realisasi",
        required: &["kode_unit", "indikator_id", "tahun", "nilai", "sumber"],
        optional: &["label"],
        multiline: &[],
    },
    Table {
        name: "skm_survei",
        required: &["kode_unit", "tahun", "responden", "sumber"],
        optional: &["skema", "bobot", "periode", "populasi"],
        multiline: &[],
    },
    Table {
        name: "skm_nrr",
        required: &["kode_unit", "tahun", "unsur_id", "nrr", "sumber"],
        optional: &["no_laporan", "nama_dalam_laporan"],
        multiline: &[],
    },
    Table {
        name: "skm_jawaban",
        required: &["kode_unit", "tahun", "responden", "unsur_id", "skor", "sumber"],
        optional: &[],
        multiline: &[],
    },
    Table {
        name: "akip_komponen",
        required: &["kode_unit", "tahun", "komponen_id", "realisasi", "sumber"],
        optional: &["skema", "target"],
        multiline: &[],
    },
    Table {
        name: "anggaran_belanja",
        required: &["kode_unit", "tahun", "kode_rekening", "uraian", "anggaran", "realisasi", "sumber"],
        optional: &[],
        multiline: &[],
    },
    Table {
        name: "anggaran_program",
        required: &["kode_unit", "tahun", "kode_program", "nama", "anggaran", "realisasi", "sumber"],
        optional: &["no_laporan", "keterangan"],
        multiline: &[],
    },
    Table {
        name: "program_sasaran",
        required: &["kode_unit", "tahun", "kode_program", "sasaran_id", "sumber"],
        optional: &[],
        multiline: &[],
    },
    Table {
        name: "tercetak",
        required: &["id", "tabel", "uraian", "nilai_tercetak"],
        optional: &["nilai_dihitung", "catatan"],
        multiline: &[],
    },
    Table {
        name: "narasi",
        required: &["kode_unit", "tahun", "bagian", "teks", "sumber"],
        optional: &[],
        multiline: &["teks"],
    },
];

/// A parsed table: file name and `(row, record)` pairs.
#[derive(Debug, Clone)]
pub struct Rows<T> {
    pub file: String,
    pub rows: Vec<(usize, T)>,
}

impl<T> Default for Rows<T> {
    fn default() -> Self {
        Rows { file: String::new(), rows: Vec::new() }
    }
}

impl<T> Rows<T> {
    pub fn iter(&self) -> impl Iterator<Item = &(usize, T)> {
        self.rows.iter()
    }
    fn values(self) -> Vec<T> {
        self.rows.into_iter().map(|(_, v)| v).collect()
    }
}

/// Every table with row numbers, before validation.
#[derive(Debug, Default)]
pub struct Located {
    pub wilayah: Rows<Wilayah>,
    pub desa_statistik: Rows<DesaStatistik>,
    pub renstra: Rows<Renstra>,
    pub tujuan: Rows<Tujuan>,
    pub sasaran: Rows<Sasaran>,
    pub strategi: Rows<Strategi>,
    pub indikator: Rows<Indikator>,
    pub sasaran_indikator: Rows<SasaranIndikator>,
    pub target: Rows<Target>,
    pub realisasi: Rows<Realisasi>,
    pub skm_survei: Rows<SkmSurvei>,
    pub skm_nrr: Rows<SkmNrr>,
    pub skm_jawaban: Rows<SkmJawaban>,
    pub akip_komponen: Rows<AkipKomponen>,
    pub anggaran_belanja: Rows<AnggaranBelanja>,
    pub anggaran_program: Rows<AnggaranProgram>,
    pub program_sasaran: Rows<ProgramSasaran>,
    pub tercetak: Rows<Tercetak>,
    pub narasi: Rows<Narasi>,
}

impl Located {
    pub fn into_dataset(self) -> Dataset {
        Dataset {
            wilayah: self.wilayah.values(),
            desa_statistik: self.desa_statistik.values(),
            renstra: self.renstra.values(),
            tujuan: self.tujuan.values(),
            sasaran: self.sasaran.values(),
            strategi: self.strategi.values(),
            indikator: self.indikator.values(),
            sasaran_indikator: self.sasaran_indikator.values(),
            target: self.target.values(),
            realisasi: self.realisasi.values(),
            skm_survei: self.skm_survei.values(),
            skm_nrr: self.skm_nrr.values(),
            skm_jawaban: self.skm_jawaban.values(),
            akip_komponen: self.akip_komponen.values(),
            anggaran_belanja: self.anggaran_belanja.values(),
            anggaran_program: self.anggaran_program.values(),
            program_sasaran: self.program_sasaran.values(),
            tercetak: self.tercetak.values(),
            narasi: self.narasi.values(),
        }
    }
}

fn rows<T>(sheet: &Sheet, p: &mut Vec<Problem>, f: impl FnMut(&mut Row<'_>) -> Option<T>) -> Rows<T> {
    Rows { file: sheet.file.clone(), rows: sheet.each_row(p, f) }
}

fn rupiah(r: &mut Row<'_>, col: &str) -> Option<kinerja_core::Decimal> {
    let notasi = r.notasi();
    r.parse(col, |s| {
        let d = parse_rupiah_in(s, notasi)?;
        if d.abs() >= kinerja_core::Decimal::from(10_000_000_000_000_000i64) {
            return Err(kinerja_core::Error::invalid(msg::core_what_rupiah(), msg::data_expected_rupiah_max(), s));
        }
        Ok(d)
    })
}

fn small(r: &mut Row<'_>, col: &str) -> Option<Option<i32>> {
    match r.opt_int(col)? {
        None => Some(None),
        Some(v) => match i32::try_from(v) {
            Ok(v) => Some(Some(v)),
            Err(_) => {
                r.problem(col, msg::data_expected_small_whole(), &v.to_string());
                None
            }
        },
    }
}

/// Reads every sheet's rows into the model, freeing each sheet's cells once
/// read; also gives the columns whose ambiguous numbers their range decided.
pub fn parse_all(sheets: Vec<(&str, Sheet)>, p: &mut Vec<Problem>) -> (Located, Vec<crate::Tafsir>) {
    let mut l = Located::default();
    let mut tafsir = Vec::new();
    for (name, sheet) in sheets {
        let Some(table) = TABLES.iter().find(|t| t.name == name) else {
            continue;
        };
        if !sheet.check_headers(table.required, table.optional, p) {
            continue;
        }
        parse_one(&mut l, name, &sheet, p);
        tafsir.extend(sheet.tafsir());
    }
    (l, tafsir)
}

/// Reads one table's sheet into its place in the model.
fn parse_one(l: &mut Located, name: &str, sheet: &Sheet, p: &mut Vec<Problem>) {
    match name {
        "wilayah" => l.wilayah = rows(sheet, p, wilayah),
        "desa_statistik" => l.desa_statistik = rows(sheet, p, desa_statistik),
        "renstra" => l.renstra = rows(sheet, p, renstra),
        "tujuan" => l.tujuan = rows(sheet, p, tujuan),
        "sasaran" => l.sasaran = rows(sheet, p, sasaran),
        "strategi" => l.strategi = rows(sheet, p, strategi),
        "indikator" => l.indikator = rows(sheet, p, indikator),
        "sasaran_indikator" => l.sasaran_indikator = rows(sheet, p, sasaran_indikator),
        "target" => l.target = rows(sheet, p, target),
        "realisasi" => l.realisasi = rows(sheet, p, realisasi),
        "skm_survei" => l.skm_survei = rows(sheet, p, skm_survei),
        "skm_nrr" => l.skm_nrr = rows(sheet, p, skm_nrr),
        "skm_jawaban" => l.skm_jawaban = rows(sheet, p, skm_jawaban),
        "akip_komponen" => l.akip_komponen = rows(sheet, p, akip_komponen),
        "anggaran_belanja" => l.anggaran_belanja = rows(sheet, p, anggaran_belanja),
        "anggaran_program" => l.anggaran_program = rows(sheet, p, anggaran_program),
        "program_sasaran" => l.program_sasaran = rows(sheet, p, program_sasaran),
        "tercetak" => l.tercetak = rows(sheet, p, tercetak),
        "narasi" => l.narasi = rows(sheet, p, narasi),
        _ => {}
    }
}

fn wilayah(r: &mut Row<'_>) -> Option<Wilayah> {
    let kode = r.text("kode");
    let tingkat = r.parse("tingkat", TingkatWilayah::parse);
    let nama = r.text("nama");
    let sumber = r.text("sumber");
    if let (Some(k), Some(t)) = (&kode, tingkat)
        && let Err(e) = check_kode_wilayah(k, t)
    {
        if let kinerja_core::Error::Invalid { expected, .. } = e {
            r.problem("kode", expected.clone(), k);
        }
        return None;
    }
    Some(Wilayah {
        kode: kode?,
        tingkat: tingkat?,
        nama: nama?,
        induk: r.opt_text("induk"),
        nama_dalam_laporan: r.opt_text("nama_dalam_laporan"),
        sumber: sumber?,
    })
}

fn desa_statistik(r: &mut Row<'_>) -> Option<DesaStatistik> {
    let (kode, tahun, no) = (r.text("kode_desa"), r.year("tahun"), small(r, "no_laporan"));
    let (luas, dusun, kk) = (r.decimal("luas_ha"), r.count("dusun"), r.count("kk"));
    let (l, pr, total) = (r.count("penduduk_l"), r.count("penduduk_p"), r.count("penduduk_total"));
    let kebun = r.opt_decimal("luas_perkebunan_ha");
    let tani = r.opt_decimal("luas_pertanian_ha");
    let rumah = r.opt_decimal("luas_perumahan_ha");
    let sumber = r.text("sumber");
    Some(DesaStatistik {
        kode_desa: kode?,
        tahun: tahun?,
        no_laporan: no?,
        luas_ha: luas?,
        dusun: dusun?,
        kk: kk?,
        penduduk_l: l?,
        penduduk_p: pr?,
        penduduk_total: total?,
        luas_perkebunan_ha: kebun?.unwrap_or_default(),
        luas_pertanian_ha: tani?.unwrap_or_default(),
        luas_perumahan_ha: rumah?.unwrap_or_default(),
        sumber: sumber?,
    })
}

fn renstra(r: &mut Row<'_>) -> Option<Renstra> {
    let (id, unit, a, b) = (r.text("id"), r.text("kode_unit"), r.year("tahun_awal"), r.year("tahun_akhir"));
    let (visi, misi, sumber) = (r.text("visi"), r.text("misi"), r.text("sumber"));
    Some(Renstra {
        id: id?,
        kode_unit: unit?,
        tahun_awal: a?,
        tahun_akhir: b?,
        visi: visi?,
        misi: misi?,
        sumber: sumber?,
    })
}

fn tujuan(r: &mut Row<'_>) -> Option<Tujuan> {
    let (id, rid, u, s) = (r.text("id"), r.text("renstra_id"), r.text("uraian"), r.text("sumber"));
    Some(Tujuan { id: id?, renstra_id: rid?, uraian: u?, sumber: s? })
}

fn sasaran(r: &mut Row<'_>) -> Option<Sasaran> {
    let (id, tid, no, u, s) = (r.text("id"), r.text("tujuan_id"), small(r, "no"), r.text("uraian"), r.text("sumber"));
    Some(Sasaran { id: id?, tujuan_id: tid?, no: no.flatten().unwrap_or(0), uraian: u?, sumber: s? })
}

fn strategi(r: &mut Row<'_>) -> Option<Strategi> {
    let (id, sid, no, u, s) = (r.text("id"), r.text("sasaran_id"), small(r, "no"), r.text("uraian"), r.text("sumber"));
    Some(Strategi { id: id?, sasaran_id: sid?, no: no.flatten().unwrap_or(0), uraian: u?, sumber: s? })
}

fn indikator(r: &mut Row<'_>) -> Option<Indikator> {
    let (id, nama, satuan) = (r.text("id"), r.text("nama"), r.text("satuan"));
    let pol = r.parse("polaritas", Polaritas::parse);
    let presisi = r.int("presisi");
    let presisi = match presisi {
        Some(v @ 0..=6) => u32::try_from(v).ok(),
        Some(v) => {
            r.problem("presisi", msg::data_expected_decimals(), &v.to_string());
            None
        }
        None => None,
    };
    let jenis = r.opt_parse("jenis", JenisIndikator::parse);
    let sumber = r.text("sumber");
    Some(Indikator {
        id: id?,
        nama: nama?,
        satuan: satuan?,
        polaritas: pol?,
        presisi: presisi?,
        jenis: jenis?.unwrap_or(JenisIndikator::Umum),
        sumber: sumber?,
    })
}

fn sasaran_indikator(r: &mut Row<'_>) -> Option<SasaranIndikator> {
    let (s, i, src) = (r.text("sasaran_id"), r.text("indikator_id"), r.text("sumber"));
    Some(SasaranIndikator { sasaran_id: s?, indikator_id: i?, sumber: src? })
}

fn target(r: &mut Row<'_>) -> Option<Target> {
    let (u, i, t) = (r.text("kode_unit"), r.text("indikator_id"), r.year("tahun"));
    let j = r.parse("jenis", JenisTarget::parse);
    let n = r.decimal("nilai");
    let s = r.text("sumber");
    Some(Target {
        kode_unit: u?,
        indikator_id: i?,
        tahun: t?,
        jenis: j?,
        nilai: n?,
        label: r.opt_text("label"),
        sumber: s?,
    })
}

fn realisasi(r: &mut Row<'_>) -> Option<Realisasi> {
    let (u, i, t, n, s) =
        (r.text("kode_unit"), r.text("indikator_id"), r.year("tahun"), r.decimal("nilai"), r.text("sumber"));
    Some(Realisasi { kode_unit: u?, indikator_id: i?, tahun: t?, nilai: n?, label: r.opt_text("label"), sumber: s? })
}

fn skm_survei(r: &mut Row<'_>) -> Option<SkmSurvei> {
    let (u, t) = (r.text("kode_unit"), r.year("tahun"));
    let skema = r.opt_parse("skema", Skema::parse);
    let bobot = r.opt_parse("bobot", Bobot::parse);
    let n = r.int("responden");
    let s = r.text("sumber");
    let populasi = r.opt_count("populasi");
    Some(SkmSurvei {
        kode_unit: u?,
        tahun: t?,
        skema: skema?.unwrap_or_default(),
        bobot: bobot?.unwrap_or_default(),
        responden: n?,
        periode: r.opt_text("periode"),
        sumber: s?,
        populasi: populasi?,
    })
}

/// An NRR is a mean of scores, so its range is the scores' range, 1–4: it
/// decides an ambiguous notation (`3,532` is 3.532).
fn skm_nrr(r: &mut Row<'_>) -> Option<SkmNrr> {
    let (min, max) = (Decimal::from(Skor::MIN), Decimal::from(Skor::MAX));
    let (u, t, id, nrr, s) =
        (r.text("kode_unit"), r.year("tahun"), r.text("unsur_id"), r.decimal_within("nrr", min, max), r.text("sumber"));
    let no = small(r, "no_laporan");
    Some(SkmNrr {
        kode_unit: u?,
        tahun: t?,
        unsur_id: id?,
        no_laporan: no?,
        nama_dalam_laporan: r.opt_text("nama_dalam_laporan"),
        nrr: nrr?,
        sumber: s?,
    })
}

fn skm_jawaban(r: &mut Row<'_>) -> Option<SkmJawaban> {
    let (u, t, n, id) = (r.text("kode_unit"), r.year("tahun"), r.int("responden"), r.text("unsur_id"));
    let skor = r.parse("skor", Skor::parse);
    let s = r.text("sumber");
    Some(SkmJawaban { kode_unit: u?, tahun: t?, responden: n?, unsur_id: id?, skor: skor?, sumber: s? })
}

fn akip_komponen(r: &mut Row<'_>) -> Option<AkipKomponen> {
    let (u, t, k) = (r.text("kode_unit"), r.year("tahun"), r.text("komponen_id"));
    let skema = r.opt_parse("skema", SkemaAkip::parse);
    // A komponen's score is part of the AKIP total, whose range decides an
    // ambiguous notation (`22,500` is 22.5).
    let (min, max) = JenisIndikator::Akip.rentang().unwrap_or((Decimal::ZERO, Decimal::ONE_HUNDRED));
    let target = if r.raw("target").is_empty() { Some(None) } else { r.decimal_within("target", min, max).map(Some) };
    let real = r.decimal_within("realisasi", min, max);
    let s = r.text("sumber");
    Some(AkipKomponen {
        kode_unit: u?,
        tahun: t?,
        skema: skema?.unwrap_or_default(),
        komponen_id: k?,
        target: target?,
        realisasi: real?,
        sumber: s?,
    })
}

fn anggaran_belanja(r: &mut Row<'_>) -> Option<AnggaranBelanja> {
    let (u, t) = (r.text("kode_unit"), r.year("tahun"));
    let k = r.parse("kode_rekening", KodeRekening::parse);
    let (uraian, a, re, s) = (r.text("uraian"), rupiah(r, "anggaran"), rupiah(r, "realisasi"), r.text("sumber"));
    Some(AnggaranBelanja {
        kode_unit: u?,
        tahun: t?,
        kode_rekening: k?.to_string(),
        uraian: uraian?,
        anggaran: a?,
        realisasi: re?,
        sumber: s?,
    })
}

fn anggaran_program(r: &mut Row<'_>) -> Option<AnggaranProgram> {
    let (u, t) = (r.text("kode_unit"), r.year("tahun"));
    let k = r.parse("kode_program", KodeProgram::parse);
    let no = small(r, "no_laporan");
    let (nama, a, re, s) = (r.text("nama"), rupiah(r, "anggaran"), rupiah(r, "realisasi"), r.text("sumber"));
    Some(AnggaranProgram {
        kode_unit: u?,
        tahun: t?,
        kode_program: k?.to_string(),
        no_laporan: no?,
        nama: nama?,
        anggaran: a?,
        realisasi: re?,
        keterangan: r.opt_text("keterangan"),
        sumber: s?,
    })
}

fn program_sasaran(r: &mut Row<'_>) -> Option<ProgramSasaran> {
    let (u, t) = (r.text("kode_unit"), r.year("tahun"));
    let k = r.parse("kode_program", KodeProgram::parse);
    let (sid, s) = (r.text("sasaran_id"), r.text("sumber"));
    Some(ProgramSasaran { kode_unit: u?, tahun: t?, kode_program: k?.to_string(), sasaran_id: sid?, sumber: s? })
}

fn tercetak(r: &mut Row<'_>) -> Option<Tercetak> {
    let (id, t, u, n) = (r.text("id"), r.text("tabel"), r.text("uraian"), r.text("nilai_tercetak"));
    Some(Tercetak {
        id: id?,
        tabel: t?,
        uraian: u?,
        nilai_tercetak: n?,
        nilai_dihitung: r.opt_text("nilai_dihitung"),
        catatan: r.opt_text("catatan"),
    })
}

/// A narasi text: the section key is checked against the list of sections
/// with the other rows (`validate`), so every unknown key is reported.
fn narasi(r: &mut Row<'_>) -> Option<Narasi> {
    let (u, t, b) = (r.text("kode_unit"), r.year("tahun"), r.text("bagian"));
    let (teks, s) = (r.text("teks"), r.text("sumber"));
    Some(Narasi { kode_unit: u?, tahun: t?, bagian: b?, teks: teks?, sumber: s? })
}
