//! Bab I Pendahuluan: latar belakang, dasar hukum, gambaran umum (Tabel
//! 1.1–1.3 from the desa statistics, totals computed), tugas pokok dan
//! fungsi, struktur organisasi, sistematika.

use kinerja_core::Decimal;
use kinerja_core::band::{AKIP_2021, IKM_2017, PREDIKAT_CAPAIAN};

use super::{Penulis, kalimat};
use crate::doc::{Block, Cell, Section};
use crate::model::{Bahan, Desa, Laporan};

pub(super) fn tulis(w: &mut Penulis<'_>, l: &Laporan, b: &Bahan) {
    w.bab("1", "BAB I PENDAHULUAN");
    w.heading("A. Latar Belakang");
    w.narasi("latar_belakang", "latar belakang");
    w.heading("B. Dasar Hukum");
    if w.teks("dasar_hukum").is_some() {
        w.narasi("dasar_hukum", "dasar hukum");
    } else {
        w.para("Laporan ini disusun dan angkanya dihitung berdasarkan:");
        w.push(Block::List(dasar_hukum()));
    }
    w.heading("C. Gambaran Umum");
    if let Some(p) = kalimat::gambaran_umum(l, b) {
        w.para(p);
        let s = luas(&b.desa);
        let id = w.table(s.clone(), &format!("Daftar Desa dan Luas Wilayah Kecamatan {}", l.unit.nama));
        w.catat.jumlah_kolom(&id, &s, &[2]);
        let s = penduduk(&b.desa);
        let id =
            w.table(s.clone(), &format!("Jumlah Dusun, KK dan Penduduk Kecamatan {} Tahun {}", l.unit.nama, l.tahun));
        w.catat.penduduk(&id, &s);
        let s = lahan(&b.desa);
        let id = w.table(s.clone(), &format!("Penggunaan Lahan Kecamatan {}", l.unit.nama));
        w.catat.jumlah_kolom(&id, &s, &[2, 3, 4]);
    } else {
        w.data_kosong("desa_statistik", "gambaran umum wilayah: data desa_statistik belum dimuat");
    }
    w.heading("D. Tugas Pokok dan Fungsi");
    w.narasi("tugas_fungsi", "tugas pokok dan fungsi");
    w.heading("E. Struktur Organisasi");
    w.narasi("struktur_organisasi", "struktur organisasi");
    w.heading("F. Sistematika Penulisan");
    w.push(Block::List(vec![
        "Bab I Pendahuluan: latar belakang, dasar hukum, gambaran umum, tugas pokok dan fungsi, struktur organisasi.".into(),
        "Bab II Perencanaan Kinerja: Rencana Strategis, Perjanjian Kinerja dan rencana anggaran.".into(),
        "Bab III Akuntabilitas Kinerja: capaian kinerja, survei kepuasan masyarakat, evaluasi AKIP, perbandingan dan realisasi anggaran.".into(),
        "Bab IV Penutup: kesimpulan dan saran.".into(),
    ]));
}

/// The regulations the figures of this report follow: the predikat scale,
/// the SKM and the AKIP evaluation (the core's band tables name them).
fn dasar_hukum() -> Vec<String> {
    vec![
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.".into(),
        "Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah.".into(),
        format!("{} — skala predikat capaian kinerja.", PREDIKAT_CAPAIAN.regulation),
        format!("{} — Survei Kepuasan Masyarakat dan Indeks Kepuasan Masyarakat.", IKM_2017.regulation),
        format!("{} — evaluasi Akuntabilitas Kinerja Instansi Pemerintah.", AKIP_2021.regulation),
    ]
}

fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn no(i: usize, d: &Desa) -> Cell {
    t(format!("{}.", d.no.map_or(i + 1, |n| usize::try_from(n).unwrap_or(i + 1))))
}

fn count(n: i64) -> Cell {
    Cell::Number(Decimal::from(n), 0)
}

fn section(short: &str, columns: &[&str], rows: Vec<Vec<Cell>>) -> Section {
    Section {
        title: String::new(),
        short: short.into(),
        columns: columns.iter().map(|c| (*c).to_string()).collect(),
        rows,
        notes: vec![],
    }
}

fn luas(desa: &[Desa]) -> Section {
    let mut rows: Vec<Vec<Cell>> =
        desa.iter().enumerate().map(|(i, d)| vec![no(i, d), t(d.nama.clone()), Cell::Number(d.luas_ha, 2)]).collect();
    rows.push(vec![t(""), t("Jumlah"), Cell::Number(desa.iter().map(|d| d.luas_ha).sum(), 2)]);
    section("1.1 Desa", &["No.", "Desa", "Luas (Ha)"], rows)
}

fn penduduk(desa: &[Desa]) -> Section {
    let row = |d: &Desa| [d.dusun, d.kk, d.penduduk_l, d.penduduk_p, d.penduduk_l + d.penduduk_p];
    let mut rows: Vec<Vec<Cell>> = desa
        .iter()
        .enumerate()
        .map(|(i, d)| [no(i, d), t(d.nama.clone())].into_iter().chain(row(d).map(count)).collect())
        .collect();
    let mut total = [0i64; 5];
    for d in desa {
        for (s, v) in total.iter_mut().zip(row(d)) {
            *s += v;
        }
    }
    rows.push([t(""), t("Jumlah")].into_iter().chain(total.map(count)).collect());
    section("1.2 Penduduk", &["No.", "Desa", "Dusun", "KK", "Laki-laki", "Perempuan", "Jumlah Penduduk"], rows)
}

fn lahan(desa: &[Desa]) -> Section {
    let row = |d: &Desa| [d.luas_perkebunan_ha, d.luas_pertanian_ha, d.luas_perumahan_ha];
    let mut rows: Vec<Vec<Cell>> = desa
        .iter()
        .enumerate()
        .map(|(i, d)| [no(i, d), t(d.nama.clone())].into_iter().chain(row(d).map(|v| Cell::Number(v, 2))).collect())
        .collect();
    let total = [0, 1, 2].map(|k| desa.iter().map(|d| row(d)[k]).sum::<Decimal>());
    rows.push([t(""), t("Jumlah")].into_iter().chain(total.map(|v| Cell::Number(v, 2))).collect());
    section("1.3 Lahan", &["No.", "Desa", "Perkebunan (Ha)", "Pertanian (Ha)", "Perumahan (Ha)"], rows)
}
