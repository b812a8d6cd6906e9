//! Bab II Perencanaan Kinerja: the Renstra (visi, misi, tujuan, sasaran,
//! strategi: Tabel 2.1), the Perjanjian Kinerja in force (Tabel 2.2) and
//! the budget plan per belanja and per program (Tabel 2.3, 2.4).

use super::transkripsi::sel;
use super::{Penulis, kalimat};
use crate::doc::{Block, Cell, Section};
use crate::lkjip;
use crate::model::{Bahan, BarisAnggaran, Laporan, RenstraDokumen};

pub(super) fn tulis(w: &mut Penulis<'_>, l: &Laporan, b: &Bahan) {
    w.bab("2", "BAB II PERENCANAAN KINERJA");
    w.heading("A. Rencana Strategis");
    match &b.renstra {
        Some(r) => renstra(w, l, r),
        None => w.data_kosong("renstra", "Rencana Strategis: data renstra belum dimuat"),
    }
    w.sub("Kebijakan");
    w.narasi("kebijakan", "kebijakan");
    w.heading("B. Perjanjian Kinerja");
    w.para(format!(
        "Perjanjian Kinerja tahun {} memuat sasaran strategis, indikator kinerja dan target yang disepakati \
         Camat {} dengan Bupati, sebagaimana tabel berikut.",
        l.tahun, l.unit.nama
    ));
    w.table(lkjip::pk(l), &format!("Perjanjian Kinerja Tahun {}", l.tahun));
    w.heading("C. Rencana Anggaran");
    let total: kinerja_core::Decimal = l.program.iter().map(|p| p.anggaran).sum();
    w.para(format!(
        "Untuk mencapai sasaran tersebut, Kantor Camat {} mendapat alokasi anggaran program tahun {} sebesar {}.",
        l.unit.nama,
        l.tahun,
        kalimat::rp(total)
    ));
    let s = rencana(&l.belanja, "2.3 Belanja", &["Kode", "Uraian Belanja", "Anggaran (Rp)"]);
    let id = w.table(s.clone(), &format!("Rencana Anggaran per Belanja Tahun {}", l.tahun));
    let dari: Vec<String> = l
        .belanja
        .iter()
        .enumerate()
        .filter(|(_, b)| b.tingkat.is_none_or(|t| t <= 1))
        .map(|(r, _)| sel(&id, r, 2))
        .collect();
    w.catat.relasi(serde_json::json!({"jenis": "jumlah", "hasil": sel(&id, l.belanja.len(), 2), "dari": dari}));
    let s = rencana(&l.program, "2.4 Program", &["Kode", "Program", "Anggaran (Rp)"]);
    let id = w.table(s.clone(), &format!("Rencana Anggaran per Program Tahun {}", l.tahun));
    w.catat.jumlah_kolom(&id, &s, &[2]);
}

fn renstra(w: &mut Penulis<'_>, l: &Laporan, r: &RenstraDokumen) {
    w.para(format!(
        "Rencana Strategis Kantor Camat {} periode {}–{} menjabarkan visi dan misi kepala daerah ke dalam \
         tujuan, sasaran dan strategi kecamatan.",
        l.unit.nama, r.tahun_awal, r.tahun_akhir
    ));
    w.push(Block::Paragraph(format!("Visi: {}", r.visi)));
    w.push(Block::Paragraph(format!("Misi: {}", r.misi)));
    let mut rows = Vec::new();
    for tj in &r.tujuan {
        for (i, s) in tj.sasaran.iter().enumerate() {
            let tujuan = if i == 0 { tj.uraian.clone() } else { String::new() };
            let strategi = s.strategi.iter().enumerate().map(|(k, x)| format!("{}. {x}", k + 1)).collect::<Vec<_>>();
            rows.push(vec![Cell::Text(tujuan), Cell::Text(s.uraian.clone()), Cell::Text(strategi.join("; "))]);
        }
    }
    let s = Section {
        title: String::new(),
        short: "2.1 Renstra".into(),
        columns: vec!["Tujuan".into(), "Sasaran".into(), "Strategi".into()],
        rows,
        notes: vec![],
    };
    w.table(s, &format!("Tujuan, Sasaran dan Strategi Kantor Camat {}", l.unit.nama));
}

/// The plan: each row's anggaran, and the total.
fn rencana(rows: &[BarisAnggaran], short: &str, columns: &[&str]) -> Section {
    let mut out: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            vec![Cell::Text(r.kode.clone()), Cell::Text(r.uraian.clone().unwrap_or_default()), Cell::Rupiah(r.anggaran)]
        })
        .collect();
    let top = rows.iter().filter(|r| r.tingkat.is_none_or(|t| t <= 1));
    out.push(vec![Cell::Text(String::new()), Cell::Text("Jumlah".into()), Cell::Rupiah(top.map(|r| r.anggaran).sum())]);
    Section {
        title: String::new(),
        short: short.into(),
        columns: columns.iter().map(|c| (*c).to_string()).collect(),
        rows: out,
        notes: vec![],
    }
}
