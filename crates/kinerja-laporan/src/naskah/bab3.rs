//! Bab III Akuntabilitas Kinerja: every table of the report, each followed
//! by the sentences generated from its figures, and the charts drawn from
//! the same figures.

use kinerja_core::Decimal;
use kinerja_core::band::{AKIP_2021, BandTable, IKM_2017, PREDIKAT_CAPAIAN};

use kinerja_core::kata::{Gerak, Ketercapaian};
use serde_json::json;

use super::kalimat::Kalimat;
use super::transkripsi::sel;
use super::{Penulis, kalimat};
use crate::doc::{Cell, Section};
use crate::grafik::{self, Bar, Bars, Lines, Series};
use crate::lkjip;
use crate::model::{Akip, BarisCapaian, Laporan, Skm};

pub(super) fn tulis(w: &mut Penulis<'_>, l: &Laporan) {
    w.bab("3", "BAB III AKUNTABILITAS KINERJA");
    w.heading("A. Capaian Kinerja Organisasi");
    w.para(format!(
        "Capaian kinerja diukur dengan membandingkan realisasi dengan target setiap indikator, lalu diberi \
         predikat menurut skala {} berikut.",
        PREDIKAT_CAPAIAN.regulation
    ));
    w.table(skala(&PREDIKAT_CAPAIAN, "Persentase Capaian"), "Skala Nilai Peringkat Kinerja");
    let s = lkjip::capaian(l);
    let t = w.table(s.clone(), &format!("Capaian Kinerja Kantor Camat {} Tahun {}", l.unit.nama, l.tahun));
    w.catat.capaian(&t, &s, l);
    let nomor = t.trim_start_matches('t').replace('_', ".");
    w.para(format!(
        "Berdasarkan Tabel {nomor} di atas, capaian setiap indikator kinerja tahun {} adalah sebagai berikut.",
        l.tahun
    ));
    for (i, c) in l.capaian.iter().enumerate() {
        indikator(w, l, c, (&t, i));
    }
    if let Some(s) = &l.skm {
        skm(w, l, s);
    }
    if let Some(a) = &l.akip {
        akip(w, l, a);
    }
    perbandingan(w, l);
    w.heading("F. Analisis Keberhasilan, Kegagalan dan Solusi");
    w.narasi("analisis", "analisis keberhasilan, kegagalan dan solusi");
    anggaran(w, l);
}

/// One indicator: its sentence (figures related to the capaian table's
/// row) and its chart over the years.
fn indikator(w: &mut Penulis<'_>, l: &Laporan, c: &BarisCapaian, (t, row): (&str, usize)) {
    w.sub(c.indikator.clone());
    let k = kalimat::capaian(l, c);
    let id = w.kalimat(k.teks.clone(), &k.nilai);
    relasi_capaian(w, &k, &id, (t, row), c.polaritas.code());
    let Some(m) = l.multi_tahun.iter().find(|m| m.indikator_id == c.indikator_id) else { return };
    let renstra = l.renstra.iter().find(|r| r.indikator_id == c.indikator_id);
    let mut years: Vec<i32> = m.tahun.iter().map(|t| t.tahun).collect();
    years.extend(renstra.into_iter().flat_map(|r| r.tahun.iter().map(|t| t.tahun)));
    years.sort_unstable();
    years.dedup();
    let target = |y: i32| {
        m.tahun
            .iter()
            .find(|t| t.tahun == y)
            .and_then(|t| t.target)
            .or_else(|| renstra.and_then(|r| r.tahun.iter().find(|t| t.tahun == y)).map(|t| t.target))
    };
    let realisasi = |y: i32| m.tahun.iter().find(|t| t.tahun == y).map(|t| t.realisasi);
    let goal = renstra.and_then(|r| {
        let akhir = r.tahun.iter().find(|t| t.tahun == r.tahun_akhir)?;
        Some((akhir.target, format!("target akhir Renstra {}", r.tahun_akhir)))
    });
    let spec = Lines {
        years: years.clone(),
        series: vec![
            Series { name: "Realisasi".into(), points: years.iter().map(|y| realisasi(*y)).collect(), dashed: false },
            Series { name: "Target".into(), points: years.iter().map(|y| target(*y)).collect(), dashed: true },
        ],
        goal,
        unit: if c.satuan.trim() == "%" { "%".into() } else { String::new() },
        dp: 2,
    };
    let caption = format!(
        "Realisasi dan Target {} {}–{}",
        c.indikator,
        years.first().unwrap_or(&l.tahun),
        years.last().unwrap_or(&l.tahun)
    );
    let alt = grafik::alt_lines(&caption, &spec);
    w.figure(&caption, grafik::lines(&spec), alt);
}

/// What the capaian sentence says, related to the table and its own
/// figures: the same figures, the change, the words.
fn relasi_capaian(w: &mut Penulis<'_>, k: &Kalimat, id: &str, (t, row): (&str, usize), polaritas: &str) {
    let has = |name: &str| k.nilai.iter().any(|(n, _)| *n == name);
    let f = |name: &str| format!("{id}.{name}");
    for (name, kolom) in [("realisasi", 4), ("target", 3), ("capaian", 5)] {
        if has(name) {
            w.catat.relasi(json!({"jenis": "sama", "hasil": f(name), "nilai": sel(t, row, kolom)}));
        }
    }
    if has("selisih") {
        w.catat.relasi(
            json!({"jenis": "selisih", "hasil": f("selisih"), "dari": f("dari"), "ke": f("realisasi"), "mutlak": true}),
        );
    }
    if has("persen") {
        let v = json!({"jenis": "perubahan_persen", "hasil": f("persen"), "dari": f("dari"), "ke": f("realisasi"), "mutlak": true});
        w.catat.relasi(v);
    }
    if let Some(kata @ (Gerak::Naik | Gerak::Turun)) = k.gerak {
        w.catat.relasi(json!({"jenis": "arah", "kata": kata.kata(), "dari": f("dari"), "ke": f("realisasi")}));
    }
    let arah = |kata: Ketercapaian| match kata {
        Ketercapaian::Melampaui => "melampaui",
        Ketercapaian::Tercapai => "tercapai",
        Ketercapaian::TidakTercapai => "tidak_tercapai",
    };
    if let Some(kata) = k.ketercapaian {
        let v = json!({"jenis": "arah", "kata": arah(kata), "target": f("target"), "realisasi": f("realisasi"), "polaritas": polaritas});
        w.catat.relasi(v);
    }
    if let Some(kata) = k.renstra {
        let v = json!({"jenis": "arah", "kata": arah(kata), "target": f("akhir"), "realisasi": f("realisasi"), "polaritas": polaritas});
        w.catat.relasi(v);
        if has("kurang") {
            w.catat.relasi(json!({"jenis": "selisih", "hasil": f("kurang"), "dari": f("realisasi"), "ke": f("akhir"), "mutlak": true}));
        }
    }
}

fn skm(w: &mut Penulis<'_>, l: &Laporan, s: &Skm) {
    w.heading("B. Survei Kepuasan Masyarakat");
    let t = w.table(lkjip::skm(s, l.tahun), &format!("Hasil Survei Kepuasan Masyarakat Tahun {}", l.tahun));
    w.catat.skm(&t, s);
    w.para(kalimat::skm(s, l.tahun, l.galat(&l.unit.kode, l.tahun)));
    w.table(skala(&IKM_2017, "Nilai IKM"), "Kategori Mutu Pelayanan (IKM)");
    // The mutu bands of one unsur are the IKM bands divided by 25 (NRR × 25).
    let lines = IKM_2017
        .bands
        .iter()
        .filter(|b| b.min_hundredths > 0)
        .map(|b| (Decimal::new(b.min_hundredths, 2) / Decimal::from(25), format!("batas {}", b.code)))
        .collect();
    let items = s
        .unsur
        .iter()
        .map(|u| Bar {
            label: u.nama_dalam_laporan.clone().or(u.unsur.clone()).unwrap_or(u.unsur_id.clone()),
            value: u.nrr,
            max: None,
            highlight: false,
        })
        .collect();
    let spec = Bars { items, scale_max: Decimal::from(4), unit: String::new(), dp: 2, lines };
    let caption = format!("Nilai Rata-Rata (NRR) per Unsur Pelayanan Tahun {}", l.tahun);
    let alt = grafik::alt_bars(&caption, &spec);
    w.figure(&caption, grafik::bars(&spec), alt);
}

fn akip(w: &mut Penulis<'_>, l: &Laporan, a: &Akip) {
    w.heading("C. Evaluasi Akuntabilitas Kinerja Instansi Pemerintah");
    w.table(skala(&AKIP_2021, "Nilai AKIP"), "Kategori Hasil Evaluasi AKIP");
    let sec = lkjip::akip(a, l.tahun);
    let t = w.table(sec.clone(), &format!("Hasil Aspek Penilaian Evaluasi AKIP Tahun {}", l.tahun));
    w.catat.akip(&t, &sec, a);
    w.para(kalimat::akip(a, l.tahun));
    let items = a
        .komponen
        .iter()
        .map(|k| Bar {
            label: k.komponen.clone().unwrap_or(k.komponen_id.clone()),
            value: Some(k.realisasi),
            max: k.bobot.map(Decimal::from),
            highlight: false,
        })
        .collect();
    let scale_max = a.komponen.iter().filter_map(|k| k.bobot).max().map_or(Decimal::from(100), Decimal::from);
    let spec = Bars { items, scale_max, unit: String::new(), dp: 2, lines: vec![] };
    let caption = format!("Nilai Komponen AKIP terhadap Bobotnya Tahun {}", l.tahun);
    let alt = grafik::alt_bars(&caption, &spec);
    w.figure(&caption, grafik::bars(&spec), alt);
}

/// The multi-year table, the Renstra tables and the other kecamatan.
fn perbandingan(w: &mut Penulis<'_>, l: &Laporan) {
    w.heading("D. Perbandingan dengan Tahun Sebelumnya dan Target Renstra");
    let polaritas =
        |id: &str| l.capaian.iter().find(|c| c.indikator_id == id).map_or("positif", |c| c.polaritas.code());
    if let Some(s) = lkjip::multi_tahun(l) {
        let t = w.table(s.clone(), &format!("Perbandingan Capaian Kinerja Tahun {} dengan Tahun Sebelumnya", l.tahun));
        let p: Vec<&str> = l.multi_tahun.iter().map(|m| polaritas(&m.indikator_id)).collect();
        w.catat.capaian_tahunan(&t, &s, &p);
    }
    for (s, r) in lkjip::renstra(l).into_iter().zip(&l.renstra) {
        let caption = s.title.clone();
        let t = w.table(s.clone(), &caption);
        w.catat.capaian_tahunan(&t, &s, &[polaritas(&r.indikator_id)]);
    }
    let Some(s) = lkjip::pembanding(l) else { return };
    w.heading("E. Perbandingan dengan Kecamatan Lain");
    let kab = l.unit.nama_kabupaten.clone().unwrap_or_default();
    w.table(s, &format!("Perbandingan dengan Kecamatan Lain di Kabupaten {kab} Tahun {}", l.tahun));
    for c in &l.capaian {
        let peers: Vec<_> = l.pembanding.iter().filter(|p| p.indikator_id == c.indikator_id).collect();
        if peers.is_empty() {
            continue;
        }
        w.para(kalimat::peringkat(l, &c.indikator_id, &c.indikator).unwrap_or_default());
        let items = peers
            .iter()
            .map(|p| Bar {
                label: p.nama_unit.clone(),
                value: p.per_tahun.get(&l.tahun).and_then(|t| t.realisasi),
                max: None,
                highlight: p.kode_unit == l.unit.kode,
            })
            .collect::<Vec<_>>();
        let scale_max = items.iter().filter_map(|b: &Bar| b.value).max().unwrap_or(Decimal::from(100));
        let spec = Bars { items, scale_max, unit: String::new(), dp: 2, lines: vec![] };
        let caption = format!("Realisasi {} Kecamatan di Kabupaten {kab} Tahun {}", c.indikator, l.tahun);
        let alt = grafik::alt_bars(&caption, &spec);
        w.figure(&caption, grafik::bars(&spec), alt);
    }
}

fn anggaran(w: &mut Penulis<'_>, l: &Laporan) {
    w.heading("G. Efisiensi dan Realisasi Anggaran");
    if let Some(s) = lkjip::efisiensi(l) {
        let t = w.table(s.clone(), &format!("Analisis Efisiensi Penggunaan Sumber Daya Tahun {}", l.tahun));
        w.catat.efisiensi(&t, &s);
        w.para(kalimat::efisiensi(&l.efisiensi).unwrap_or_default());
    }
    if let Some(s) = lkjip::belanja(l) {
        let t = w.table(s.clone(), &format!("Penyerapan Anggaran per Belanja Tahun {}", l.tahun));
        w.catat.belanja(&t, &s);
    }
    if let Some(s) = lkjip::program(l) {
        let t = w.table(s.clone(), &format!("Realisasi Anggaran per Program Tahun {}", l.tahun));
        w.catat.program(&t, &s, l.total_program.is_some());
    }
    if let Some(t) = &l.total_program {
        w.para(kalimat::anggaran(t, l.tahun));
    }
    if l.program.is_empty() {
        return;
    }
    let items = l
        .program
        .iter()
        .map(|p| Bar {
            label: p.uraian.clone().unwrap_or(p.kode.clone()),
            value: p.penyerapan,
            max: None,
            highlight: false,
        })
        .collect();
    let spec = Bars {
        items,
        scale_max: Decimal::from(100),
        unit: "%".into(),
        dp: 2,
        lines: vec![(Decimal::from(100), "100%".into())],
    };
    let caption = format!("Penyerapan Anggaran per Program Tahun {}", l.tahun);
    let alt = grafik::alt_bars(&caption, &spec);
    w.figure(&caption, grafik::bars(&spec), alt);
}

/// A scale's bands as a table: range, code, label (highest first).
pub(super) fn skala(table: &BandTable, what: &str) -> Section {
    let mut rows = Vec::new();
    let mut upper: Option<i64> = table.range.map(|(_, hi)| hi);
    for b in table.bands {
        let fmt = |h: i64| kalimat::n2(Decimal::new(h, 2));
        let range = match (b.min_hundredths, upper) {
            (i64::MIN, Some(u)) => format!("< {}", fmt(u + 1)),
            (i64::MIN, None) => "-".into(),
            (m, Some(u)) => format!("{} – {}", fmt(m), fmt(u)),
            (m, None) => format!("≥ {}", fmt(m)),
        };
        rows.push(vec![Cell::Text(range), Cell::Text(b.code.into()), Cell::Text(b.label.into())]);
        upper = Some(b.min_hundredths.saturating_sub(1));
    }
    Section {
        title: String::new(),
        short: format!("Skala {}", table.id),
        columns: vec![what.into(), "Kode".into(), "Predikat".into()],
        rows,
        notes: vec![format!("Sumber: {}.", table.regulation)],
    }
}
