//! A generated dataset that touches every rule the views apply: values at
//! every band boundary, ties in a ranking, negative indicators, zero and
//! negative targets, missing targets and realisasi, every target kind,
//! both SKM schemes and all three weights, skipped SKM answers, stored NRR,
//! every mutu band, an incomplete SKM and AKIP, budgets with zero anggaran
//! and unmapped programs, synthetic and real sources.

use kinerja_core::Decimal;
use kinerja_core::akip::SkemaAkip;
use kinerja_core::capaian::{JenisIndikator, Polaritas};
use kinerja_core::model::*;
use kinerja_core::skm::{Bobot, Skema, Skor};

/// Kabupaten `99.01` (eight kecamatan) and `99.02` (three kecamatan, and
/// data reported by the kabupaten itself).
pub const KECAMATAN: [&str; 11] = [
    "99.01.01", "99.01.02", "99.01.03", "99.01.04", "99.01.05", "99.01.06", "99.01.07", "99.01.08", "99.02.01",
    "99.02.02", "99.02.03",
];

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

/// The source of unit `i`: some synthetic (in several spellings), some real,
/// one that only looks synthetic after a tab (not synthetic: the marker
/// allows leading spaces only).
fn sumber(i: usize) -> String {
    match i % 5 {
        0 => "sintetis".into(),
        1 => "  Sintetis (seed 7)".into(),
        2 => "\tsintetis".into(),
        _ => format!("LKjIP uji {i}"),
    }
}

/// The whole generated dataset.
pub fn dataset() -> Dataset {
    let mut d = Dataset::default();
    wilayah(&mut d);
    indikator(&mut d);
    for (i, u) in KECAMATAN.iter().enumerate() {
        renstra(&mut d, u, i);
        fakta(&mut d, u, i);
        akip(&mut d, u, i);
        anggaran(&mut d, u, i);
    }
    skm(&mut d);
    kabupaten_itself(&mut d);
    d
}

fn wilayah(d: &mut Dataset) {
    let w = |kode: &str, tingkat, nama: &str, induk: Option<&str>| Wilayah {
        kode: kode.into(),
        tingkat,
        nama: nama.into(),
        induk: induk.map(Into::into),
        nama_dalam_laporan: None,
        sumber: "uji".into(),
    };
    d.wilayah.push(w("99", TingkatWilayah::Provinsi, "Provinsi Uji", None));
    d.wilayah.push(w("99.01", TingkatWilayah::Kabupaten, "Kabupaten Satu", Some("99")));
    d.wilayah.push(w("99.02", TingkatWilayah::Kabupaten, "Kabupaten Dua", Some("99")));
    for u in KECAMATAN {
        d.wilayah.push(w(u, TingkatWilayah::Kecamatan, &format!("Kecamatan {u}"), Some(&u[..5])));
    }
}

fn indikator(d: &mut Dataset) {
    for (id, polaritas, presisi, jenis) in [
        ("ikm", Polaritas::Positif, 2, JenisIndikator::Ikm),
        ("akip", Polaritas::Positif, 2, JenisIndikator::Akip),
        ("aduan", Polaritas::Negatif, 0, JenisIndikator::Umum),
        ("cakupan", Polaritas::Positif, 2, JenisIndikator::Umum),
    ] {
        let (nama, satuan, sumber) = (format!("Indikator {id}"), "nilai".into(), "uji".into());
        d.indikator.push(Indikator { id: id.into(), nama, satuan, polaritas, presisi, jenis, sumber });
    }
}

/// Renstra 2024–2026 with two sasaran (S1: ikm, cakupan; S2: akip, aduan);
/// every other kecamatan also a Renstra 2021–2023 with the sasaran in the
/// other order.
fn renstra(d: &mut Dataset, u: &str, i: usize) {
    let mut periods = vec![(2024, 2026, "R2")];
    if i.is_multiple_of(2) {
        periods.push((2021, 2023, "R1"));
    }
    for (awal, akhir, r) in periods {
        let rid = format!("{u}/{r}");
        let (visi, misi, sumber) = ("visi".into(), "misi".into(), sumber(i));
        d.renstra.push(Renstra {
            id: rid.clone(),
            kode_unit: u.into(),
            tahun_awal: awal,
            tahun_akhir: akhir,
            visi,
            misi,
            sumber,
        });
        let tid = format!("{rid}/T");
        d.tujuan.push(Tujuan {
            id: tid.clone(),
            renstra_id: rid.clone(),
            uraian: "tujuan".into(),
            sumber: "uji".into(),
        });
        let order = if r == "R1" { [2, 1] } else { [1, 2] };
        for (no, inds) in order.into_iter().zip([["ikm", "cakupan"], ["akip", "aduan"]]) {
            let sid = format!("{rid}/S{no}");
            d.sasaran.push(Sasaran {
                id: sid.clone(),
                tujuan_id: tid.clone(),
                no,
                uraian: format!("sasaran {no}"),
                sumber: "uji".into(),
            });
            for ind in inds {
                d.sasaran_indikator.push(SasaranIndikator {
                    sasaran_id: sid.clone(),
                    indikator_id: ind.into(),
                    sumber: "uji".into(),
                });
            }
        }
    }
}

/// Realisasi that land on band edges, ties between kecamatan, missing
/// values; targets of every kind, missing, zero and negative.
fn fakta(d: &mut Dataset, u: &str, i: usize) {
    // capaian = realisasi when the target is 100: every predikat edge.
    let cakupan =
        ["90.995", "90.9949", "75.995", "75.9949", "65.995", "50.995", "50.9949", "100", "150", "55", "90.995"];
    // IKM values around every mutu edge, and outside the scale.
    let ikm = ["76.605", "76.6049", "88.305", "88.3049", "64.995", "65", "25", "100", "24.99", "100.01", "76.605"];
    // AKIP values around every predikat edge.
    let akip =
        ["90.005", "90.0049", "80.005", "70.0049", "60.005", "50.005", "30.005", "30.0049", "55", "80.0049", "90.005"];
    let aduan = ["8", "12", "25", "0", "10", "8", "3", "30", "11", "9", "8"];
    let src = sumber(i);
    for tahun in 2021..=2024 {
        let k = (i + usize::try_from(tahun - 2021).unwrap_or(0)) % 11;
        for (ind, v) in [("cakupan", cakupan[k]), ("ikm", ikm[k]), ("akip", akip[k]), ("aduan", aduan[k])] {
            // A gap: some kecamatan have no data for some indicator-years.
            if (i + usize::try_from(tahun).unwrap_or(0)) % 7 == 3 && ind != "ikm" {
                continue;
            }
            let r = Realisasi {
                kode_unit: u.into(),
                indikator_id: ind.into(),
                tahun,
                nilai: dec(v),
                label: None,
                sumber: src.clone(),
            };
            d.realisasi.push(r);
        }
        targets(d, u, i, tahun);
    }
}

fn target(u: &str, ind: &str, tahun: i32, jenis: JenisTarget, nilai: &str, sumber: &str) -> Target {
    Target {
        kode_unit: u.into(),
        indikator_id: ind.into(),
        tahun,
        jenis,
        nilai: dec(nilai),
        label: None,
        sumber: sumber.into(),
    }
}

fn targets(d: &mut Dataset, u: &str, i: usize, tahun: i32) {
    let src = if i.is_multiple_of(3) { "sintetis".to_string() } else { "uji".to_string() };
    let aduan_target = match (i + usize::try_from(tahun).unwrap_or(0)) % 5 {
        0 => "0",
        1 => "-5",
        _ => "10",
    };
    for (ind, v) in [("cakupan", "100"), ("ikm", "85"), ("akip", "71"), ("aduan", aduan_target)] {
        match (i + usize::try_from(tahun).unwrap_or(0)) % 6 {
            // No target in force: only a scenario.
            0 => d.target.push(target(u, ind, tahun, JenisTarget::Skenario("uji".into()), "99", &src)),
            // Nothing at all.
            1 if ind == "cakupan" => {}
            // Every kind: the PK perubahan is in force.
            2 => {
                d.target.push(target(u, ind, tahun, JenisTarget::Renstra, "1", &src));
                d.target.push(target(u, ind, tahun, JenisTarget::Pk, "2", &src));
                d.target.push(target(u, ind, tahun, JenisTarget::PkPerubahan, v, &src));
            }
            3 => {
                d.target.push(target(u, ind, tahun, JenisTarget::Renstra, "1", &src));
                d.target.push(target(u, ind, tahun, JenisTarget::Pk, v, &src));
            }
            _ => d.target.push(target(u, ind, tahun, JenisTarget::Renstra, v, &src)),
        }
    }
    // Renstra final-year targets (2023 closes R1, 2026 closes R2).
    if tahun == 2023 && i.is_multiple_of(2) {
        for (ind, v) in [("cakupan", "95"), ("ikm", "90"), ("akip", "80"), ("aduan", "5")] {
            if !d.target.iter().any(|t| {
                t.kode_unit == u && t.indikator_id == ind && t.tahun == 2023 && t.jenis == JenisTarget::Renstra
            }) {
                d.target.push(target(u, ind, 2023, JenisTarget::Renstra, v, "uji"));
            }
        }
    }
    if tahun == 2024 && i % 4 != 1 {
        for (ind, v) in [("cakupan", "98.5"), ("ikm", "88.31"), ("akip", "90.01"), ("aduan", "4")] {
            d.target.push(target(u, ind, 2026, JenisTarget::Renstra, v, "uji"));
        }
    }
}

/// SKM: raw answers with skipped questions under both schemes and every
/// weight, stored NRR (one at IKM 76,605 exactly, one incomplete, one at
/// mutu A), surveys without answers. Mutu D comes from the raw answers
/// (uniform scores average 2,5: IKM near 62,5), C and B from the stored
/// NRR of 2023, A from the first kecamatan's NRR of 2022.
fn skm(d: &mut Dataset) {
    let mut rng = Rng(2024);
    let bobot = [Bobot::Tepat, Bobot::TigaDesimal, Bobot::DuaDesimal];
    for (i, u) in KECAMATAN.iter().enumerate() {
        let skema = if i % 4 == 3 { Skema::KepMenPan25_2004 } else { Skema::PermenPanRb14_2017 };
        let survei = |tahun| SkmSurvei {
            kode_unit: (*u).into(),
            tahun,
            skema,
            bobot: bobot[i % 3],
            responden: i64::try_from(20 + i).unwrap_or(0),
            periode: None,
            sumber: sumber(i),
            populasi: (i % 2 == 0).then_some(1000),
        };
        // 2024: raw answers (no survey row for the kecamatan 99.01.06: defaults apply).
        if i != 5 {
            d.skm_survei.push(survei(2024));
        }
        for responden in 1..=i64::try_from(5 + 3 * i).unwrap_or(0) {
            for un in skema.unsur() {
                if rng.next(10) == 0 {
                    continue; // a skipped question
                }
                let skor = Skor::try_from(u8::try_from(1 + rng.next(4)).unwrap()).unwrap();
                let (kode_unit, unsur_id, sumber) = ((*u).into(), un.id.into(), sumber(i));
                d.skm_jawaban.push(SkmJawaban { kode_unit, tahun: 2024, responden, unsur_id, skor, sumber });
            }
        }
        // 2023: stored NRR (the second kecamatan lacks one unsur); 2022: a
        // survey only, except for the first kecamatan (stored NRR, mutu A).
        if skema == Skema::PermenPanRb14_2017 {
            d.skm_survei.push(survei(2023));
            d.skm_survei.push(survei(2022));
            let n = if i == 1 { 8 } else { 9 };
            for (k, un) in skema.unsur().iter().take(n).enumerate() {
                let nrr = if i == 0 {
                    dec("3.0642")
                } else {
                    dec(&format!("{}.{:02}", 2 + (i + k) % 2, (7 * i + 13 * k) % 100))
                };
                let (kode_unit, unsur_id) = ((*u).into(), un.id.into());
                let no_laporan = i32::try_from(k + 1).ok();
                d.skm_nrr.push(SkmNrr {
                    kode_unit,
                    tahun: 2023,
                    unsur_id,
                    no_laporan,
                    nama_dalam_laporan: None,
                    nrr,
                    sumber: sumber(i),
                });
            }
            // NRR 3,60 for every unsur, weight 1/9: IKM 90,00, mutu A.
            if i == 0 {
                for (k, un) in skema.unsur().iter().enumerate() {
                    let (kode_unit, unsur_id) = ((*u).into(), un.id.into());
                    let no_laporan = i32::try_from(k + 1).ok();
                    d.skm_nrr.push(SkmNrr {
                        kode_unit,
                        tahun: 2022,
                        unsur_id,
                        no_laporan,
                        nama_dalam_laporan: None,
                        nrr: dec("3.60"),
                        sumber: sumber(i),
                    });
                }
            }
        }
    }
}

/// AKIP komponen: totals at 90,00 and 90,01, a missing komponen, a missing
/// target, the 2015 scheme.
fn akip(d: &mut Dataset, u: &str, i: usize) {
    let (skema, ids): (SkemaAkip, Vec<&str>) = if i == 7 {
        (SkemaAkip::PermenPanRb12_2015, vec!["perencanaan", "pengukuran", "pelaporan", "evaluasi", "capaian"])
    } else {
        (SkemaAkip::PermenPanRb88_2021, vec!["perencanaan", "pengukuran", "pelaporan", "evaluasi"])
    };
    let scores: [&[&str]; 6] = [
        &["30", "30", "15", "15"],
        &["30", "30", "15", "15.01"],
        &["24.39", "20.96", "11.40", "15.87"],
        &["15", "0", "15", "0.01"],
        &["30", "25", "15", "0"],
        &["20", "20", "10", "8", "15"],
    ];
    let s = if i == 7 { scores[5] } else { scores[i % 5] };
    for (k, (id, v)) in ids.iter().zip(s).enumerate() {
        if i == 4 && k == 3 {
            continue; // an incomplete evaluation
        }
        let target = if i == 2 && k == 0 { None } else { Some(dec("10")) };
        let (kode_unit, komponen_id, realisasi, sumber) = (u.into(), (*id).into(), dec(v), sumber(i));
        d.akip_komponen.push(AkipKomponen { kode_unit, tahun: 2024, skema, komponen_id, target, realisasi, sumber });
    }
}

/// Budget lines and programs; a program without a sasaran, one with zero
/// anggaran, realisasi above anggaran.
fn anggaran(d: &mut Dataset, u: &str, i: usize) {
    let base = i64::try_from(1_000_000 * (i + 1)).unwrap_or(0);
    for (kode, a, r) in
        [("5.1.01", base * 7, base * 7 - 1234), ("5.1.02", base * 2, base * 2 + 77), ("5.2.02", base, base / 3)]
    {
        d.anggaran_belanja.push(AnggaranBelanja {
            kode_unit: u.into(),
            tahun: 2024,
            kode_rekening: kode.into(),
            uraian: format!("belanja {kode}"),
            anggaran: Decimal::new(a, 2),
            realisasi: Decimal::new(r, 2),
            sumber: sumber(i),
        });
    }
    let programs = [
        ("7.01.01", base * 5, base * 4 + 1, Some("S2")),
        ("7.01.02", base, base, Some("S1")),
        ("7.01.03", 0, 0, Some("S1")),
        ("7.01.04", base, base / 2, None),
    ];
    for (k, (kode, a, r, sasaran)) in programs.into_iter().enumerate() {
        if i % 3 == 2 && kode == "7.01.03" {
            continue;
        }
        d.anggaran_program.push(AnggaranProgram {
            kode_unit: u.into(),
            tahun: 2024,
            kode_program: kode.into(),
            no_laporan: i32::try_from(k + 1).ok(),
            nama: format!("program {kode}"),
            anggaran: Decimal::from(a),
            realisasi: Decimal::from(r),
            keterangan: None,
            sumber: sumber(i),
        });
        if let Some(s) = sasaran {
            let sasaran_id = format!("{u}/R2/{s}");
            d.program_sasaran.push(ProgramSasaran {
                kode_unit: u.into(),
                tahun: 2024,
                kode_program: kode.into(),
                sasaran_id,
                sumber: "uji".into(),
            });
        }
    }
}

/// The kabupaten 99.02 reports an indicator for itself: it has a name and
/// kabupaten in every view, but is not ranked among its kecamatan.
fn kabupaten_itself(d: &mut Dataset) {
    let r = Realisasi {
        kode_unit: "99.02".into(),
        indikator_id: "cakupan".into(),
        tahun: 2024,
        nilai: dec("99.5"),
        label: None,
        sumber: "uji".into(),
    };
    d.realisasi.push(r);
    d.target.push(target("99.02", "cakupan", 2024, JenisTarget::Pk, "100", "uji"));
}
