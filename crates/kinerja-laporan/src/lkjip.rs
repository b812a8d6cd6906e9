//! The LKjIP report of a kecamatan-year (Bab II–III tables) as a
//! [`Document`]: one function per table, from the report's data model
//! ([`Laporan`], which the store fills); nothing here computes a figure.

use kinerja_core::Decimal;
use kinerja_core::band::{AKIP_2021, PREDIKAT_CAPAIAN};
use kinerja_core::capaian::JenisIndikator;
use kinerja_core::notation::format_rupiah;
use kinerja_core::selang::{Kepastian, Metode, Selang, kepastian_ikm};

use crate::doc::{Block, Cell, Document, Section};
use crate::model::{Akip, DasarIkm, Laporan, Skm};

fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn num(d: Option<Decimal>) -> Cell {
    d.map_or(Cell::Empty, |d| Cell::Number(d, 2))
}

fn pct(d: Option<Decimal>) -> Cell {
    d.map_or(Cell::Empty, Cell::Percent)
}

fn opt(s: &Option<String>) -> Cell {
    s.as_ref().map_or(Cell::Empty, |s| t(s.clone()))
}

fn or_dash(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "-".into())
}

/// A value with its printed or computed label (`BB (71,00)`) for AKIP-like
/// indicators, a plain number otherwise.
fn labelled(d: Option<Decimal>, label: &Option<String>) -> Cell {
    match (d, label) {
        (Some(d), Some(l)) => Cell::Labelled(l.clone(), d),
        (Some(d), None) => Cell::Number(d, 2),
        _ => Cell::Empty,
    }
}

fn columns(c: &[&str]) -> Vec<String> {
    c.iter().map(|s| (*s).to_string()).collect()
}

/// The banner every synthetic figure carries.
pub const SINTETIS: &str = "DATA SINTETIS — angka buatan untuk demo, bukan data resmi";

fn mark(sintetis: bool, nama: String) -> String {
    if sintetis { format!("{nama} [sintetis]") } else { nama }
}

/// Builds the document of a report.
pub fn document(l: &Laporan) -> Document {
    let kab = l.unit.nama_kabupaten.clone().unwrap_or_default();
    let mut sub = vec![format!("Kabupaten {kab} · kode {}", l.unit.kode)];
    if l.sintetis {
        sub.push(format!("⚠ {SINTETIS}. Baris bertanda [sintetis] memuat angka sintetis."));
    }
    let mut sections = vec![pk(l), capaian(l)];
    sections.extend(l.skm.as_ref().map(|s| skm(s, l.tahun)));
    sections.extend(l.akip.as_ref().map(|a| akip(a, l.tahun)));
    sections.extend(multi_tahun(l));
    sections.extend(renstra(l));
    sections.extend(pembanding(l));
    sections.extend(efisiensi(l));
    sections.extend(belanja(l));
    sections.extend(program(l));
    let mut sumber: Vec<String> = l.capaian.iter().map(|c| c.sumber.clone()).collect();
    sumber.sort();
    sumber.dedup();
    if let Some(b) = sections.last_mut() {
        b.notes.push(format!("Sumber realisasi: {}.", sumber.join("; ")));
        if let Some(asal) = &l.riwayat {
            let (id, waktu, perintah) = (asal.id, &asal.waktu, &asal.perintah);
            b.notes.push(format!(
                "Angka dari basis data sampai riwayat #{id} ({perintah}, {waktu} UTC); berkas dan SHA-256-nya: `kinerja riwayat`."
            ));
        }
    }
    let title = format!("Laporan Kinerja Kecamatan {} Tahun {}", l.unit.nama, l.tahun);
    Document { title, sub, blocks: sections.into_iter().map(Block::Table).collect(), ..Document::default() }
}

/// The name of an indicator as the report's capaian table gives it.
fn nama_indikator(l: &Laporan, id: &str) -> String {
    l.capaian.iter().find(|c| c.indikator_id == id).map_or(id.to_string(), |c| c.indikator.clone())
}

pub(crate) fn pk(l: &Laporan) -> Section {
    let rows =
        l.pk.iter()
            .map(|p| {
                let (no, sasaran, ind, satuan) =
                    (format!("{}.", p.no), p.sasaran.clone(), p.indikator.clone(), p.satuan.clone());
                vec![t(no), t(sasaran), t(ind), t(satuan), labelled(p.target, &p.label_target)]
            })
            .collect();
    Section {
        title: format!("Tabel 2.2 Perjanjian Kinerja Tahun {}", l.tahun),
        short: "2.2 PK".into(),
        columns: columns(&["No.", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"]),
        rows,
        notes: vec![],
    }
}

pub(crate) fn capaian(l: &Laporan) -> Section {
    let rows = l
        .capaian
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // A nilai AKIP is printed with its predikat: BB (72,62).
            let akip_label = if c.jenis == JenisIndikator::Akip { c.kategori_kode.clone() } else { None };
            vec![
                t(format!("{}.", i + 1)),
                t(mark(c.sintetis, c.indikator.clone())),
                t(c.satuan.clone()),
                labelled(c.target, &c.label_target),
                labelled(Some(c.realisasi), &c.label_realisasi.clone().or(akip_label)),
                pct(c.capaian),
                opt(&c.predikat),
                opt(&c.kategori),
            ]
        })
        .collect();
    let selisih = l.capaian.iter().filter_map(|c| {
        c.selisih.map(|s| format!("{}: selisih realisasi terhadap target {}.", c.indikator, Cell::Number(s, 2).text()))
    });
    let skala = format!("Predikat: {} ({}).", PREDIKAT_CAPAIAN.regulation, PREDIKAT_CAPAIAN.ringkasan());
    Section {
        title: format!("Tabel 3.2 Capaian Kinerja Tahun {}", l.tahun),
        short: "3.2 Capaian".into(),
        columns: columns(&[
            "No.",
            "Indikator Kinerja",
            "Satuan",
            "Target",
            "Realisasi",
            "Capaian",
            "Predikat",
            "Kategori",
        ]),
        rows,
        notes: selisih.chain(std::iter::once(skala)).collect(),
    }
}

pub(crate) fn skm(s: &Skm, tahun: i32) -> Section {
    let mut rows: Vec<Vec<Cell>> = s
        .unsur
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let no = u.no.map_or(i + 1, |n| usize::try_from(n).unwrap_or(i + 1));
            let nama = u.nama_dalam_laporan.clone().or(u.unsur.clone()).unwrap_or(u.unsur_id.clone());
            vec![t(format!("{no}.")), t(nama), num(u.nrr), opt(&u.mutu)]
        })
        .collect();
    // The official IKM is the indicator's recorded realisasi (from the
    // survey application); the IKM recomputed from the table's NRR is
    // shown beside it when the two differ (rounded NRR).
    let (ikm, mutu, kinerja) = match s.ikm_resmi {
        Some(v) => (Some(v), s.mutu_resmi.clone(), s.kinerja_resmi.clone()),
        None => (s.ikm, s.mutu.clone(), s.kinerja.clone()),
    };
    rows.push(vec![t(""), t("IKM Unit Pelayanan"), num(ikm), opt(&mutu)]);
    let dasar = match s.dasar {
        Some(DasarIkm::Jawaban) => "jawaban responden",
        Some(DasarIkm::Nrr) => "NRR per unsur tercatat",
        None => "-",
    };
    let responden = s.responden.map_or("-".into(), |r| r.to_string());
    let synthetic = if s.sintetis { " [sintetis]" } else { "" };
    let mut notes = vec![
        format!(
            "IKM {} · mutu pelayanan {} · kinerja unit pelayanan {}{synthetic}.",
            num(ikm).text(),
            or_dash(&mutu),
            or_dash(&kinerja)
        ),
        format!(
            "Responden {responden} · bobot unsur {} · dasar perhitungan: {dasar} · PermenPANRB 14/2017 (IKM = Σ NRR × bobot × 25).",
            s.bobot_tercetak
        ),
    ];
    if s.ikm_resmi.is_some() && s.ikm != s.ikm_resmi {
        notes.push(format!(
            "IKM dihitung ulang dari NRR di atas: {} (mutu {}); IKM tercatat {} berasal dari aplikasi survei atas NRR yang tidak dibulatkan.",
            num(s.ikm).text(),
            or_dash(&s.mutu),
            num(s.ikm_resmi).text()
        ));
    }
    Section {
        title: format!("Tabel 3.3 Hasil Survei Kepuasan Masyarakat Tahun {tahun}"),
        short: "3.3 SKM".into(),
        columns: columns(&["No.", "Unsur Pelayanan", "Nilai Rata-Rata (NRR)", "Mutu"]),
        rows,
        notes,
    }
}

pub(crate) fn akip(a: &Akip, tahun: i32) -> Section {
    let mut rows: Vec<Vec<Cell>> = a
        .komponen
        .iter()
        .enumerate()
        .map(|(i, k)| {
            vec![
                t(format!("{}.", i + 1)),
                t(k.komponen.clone().unwrap_or(k.komponen_id.clone())),
                k.bobot.map_or(Cell::Empty, |b| Cell::Number(Decimal::from(b), 0)),
                num(k.target),
                Cell::Number(k.realisasi, 2),
                pct(k.persen),
            ]
        })
        .collect();
    let total = a.realisasi.map_or(Cell::Empty, |r| Cell::Number(r, 2));
    rows.push(vec![
        t(""),
        t("Total"),
        Cell::Number(Decimal::from(100), 0),
        num(a.target),
        total.clone(),
        pct(a.persen),
    ]);
    rows.push(vec![t(""), t("Kategori"), Cell::Empty, opt(&a.predikat_target), opt(&a.predikat), Cell::Empty]);
    let synthetic = if a.sintetis { " [sintetis]" } else { "" };
    Section {
        title: format!("Tabel 3.8 Hasil Aspek Penilaian Evaluasi AKIP Tahun {tahun}"),
        short: "3.8 AKIP".into(),
        columns: columns(&["No.", "Aspek Penilaian", "Bobot", "Target", "Realisasi", "Persentase"]),
        rows,
        notes: vec![format!(
            "Nilai AKIP {} ({}){synthetic} · {}.",
            total.text(),
            or_dash(&a.predikat_label),
            AKIP_2021.regulation
        )],
    }
}

/// Every year up to the report's, per indicator, and the changes (Tabel 3.9).
pub(crate) fn multi_tahun(l: &Laporan) -> Option<Section> {
    let mut tahun: Vec<i32> = l.multi_tahun.iter().flat_map(|m| m.tahun.iter().map(|t| t.tahun)).collect();
    tahun.sort_unstable();
    tahun.dedup();
    if tahun.is_empty() {
        return None;
    }
    let mut cols = vec!["Indikator".to_string()];
    for y in &tahun {
        cols.extend([format!("Target {y}"), format!("Realisasi {y}"), format!("% Capaian {y}")]);
    }
    let mut notes = Vec::new();
    let mut rows = Vec::new();
    for m in &l.multi_tahun {
        let nama = nama_indikator(l, &m.indikator_id);
        let mut row = vec![t(nama.clone())];
        for y in &tahun {
            match m.tahun.iter().find(|x| x.tahun == *y) {
                Some(x) => row.extend([
                    num(x.target),
                    if x.sintetis {
                        t(mark(true, Cell::Number(x.realisasi, 2).text()))
                    } else {
                        Cell::Number(x.realisasi, 2)
                    },
                    pct(x.capaian),
                ]),
                None => row.extend([Cell::Empty, Cell::Empty, Cell::Empty]),
            }
        }
        rows.push(row);
        for b in &m.dibanding {
            if let Some(s) = b.selisih {
                let arah = if s < Decimal::ZERO { "turun" } else { "naik" };
                let (dari, beda) = (Cell::Number(b.nilai_dari, 2).text(), Cell::Number(s.abs(), 2).text());
                notes.push(format!("{nama}: {} dibanding {} ({dari}): {arah} {beda}.", l.tahun, b.tahun_dari));
            }
        }
    }
    Some(Section {
        title: format!("Tabel 3.9 Perbandingan Capaian Kinerja Tahun {} dengan Tahun Sebelumnya", l.tahun),
        short: "3.9 Multi Tahun".into(),
        columns: cols,
        rows,
        notes,
    })
}

/// One table per indicator against the Renstra targets (Tabel 3.10, 3.11).
pub(crate) fn renstra(l: &Laporan) -> Vec<Section> {
    l.renstra
        .iter()
        .map(|r| {
            let nama = nama_indikator(l, &r.indikator_id);
            let mut cols = vec!["Indikator".to_string()];
            let mut row = vec![t(nama.clone())];
            for y in &r.tahun {
                let th = y.tahun;
                cols.extend([format!("Target {th}"), format!("Realisasi {th}"), format!("% Capaian {th}")]);
                row.extend([labelled(Some(y.target), &y.label), num(y.realisasi), pct(y.capaian)]);
            }
            Section {
                title: format!("Capaian {nama} terhadap Target Renstra {}–{}", r.tahun_awal, r.tahun_akhir),
                short: format!("Renstra {}", r.indikator_id),
                columns: cols,
                rows: vec![row],
                notes: vec![],
            }
        })
        .collect()
}

/// How sure each peer's IKM of the report's year is (the core's
/// [`kepastian_ikm`]): for the IKM indicator, each kecamatan's 95 %
/// interval and the ranks it allows; nothing for other indicators, whose
/// ranks are exact.
pub(crate) fn kepastian_pembanding(l: &Laporan, indikator_id: &str) -> Vec<(String, Kepastian)> {
    let ikm = l.capaian.iter().any(|c| c.indikator_id == indikator_id && c.jenis == JenisIndikator::Ikm);
    let peers: Vec<_> = l.pembanding.iter().filter(|p| p.indikator_id == indikator_id).collect();
    let input: Vec<_> = peers
        .iter()
        .map(|p| (p.per_tahun.get(&l.tahun).and_then(|v| v.realisasi), l.galat(&p.kode_unit, l.tahun)))
        .collect();
    let pasti = if ikm { kepastian_ikm(&input).unwrap_or_default() } else { Vec::new() };
    peers.iter().enumerate().map(|(i, p)| (p.kode_unit.clone(), pasti.get(i).copied().unwrap_or_default())).collect()
}

/// A 95 % interval as printed: `68,34 – 82,36`, a conservative one marked `*`.
pub(crate) fn selang_teks(s: &Selang) -> String {
    let mark = if s.metode == Metode::Konservatif { "*" } else { "" };
    format!("{} – {}{mark}", Cell::Number(s.bawah, 2).text(), Cell::Number(s.atas, 2).text())
}

/// A rank range as printed: `3` or `2–7`.
pub(crate) fn rentang_teks((a, b): (usize, usize)) -> String {
    if a == b { a.to_string() } else { format!("{a}–{b}") }
}

/// The other kecamatan of the kabupaten (Tabel 3.12), when any has data;
/// with each IKM's 95 % interval and the ranks it allows when any is known.
pub(crate) fn pembanding(l: &Laporan) -> Option<Section> {
    let peers_with_data =
        l.pembanding.iter().any(|p| p.kode_unit != l.unit.kode && p.per_tahun.values().any(|v| v.ada_data));
    if !peers_with_data {
        return None;
    }
    let (th, prev) = (l.tahun, l.tahun - 1);
    let mut ids: Vec<&str> = l.pembanding.iter().map(|p| p.indikator_id.as_str()).collect();
    ids.dedup();
    let pasti: Vec<(String, String, Kepastian)> = ids
        .iter()
        .flat_map(|id| kepastian_pembanding(l, id).into_iter().map(move |(k, p)| (id.to_string(), k, p)))
        .collect();
    let with_selang = pasti.iter().any(|(_, _, (s, _))| s.is_some());
    let rows = l
        .pembanding
        .iter()
        .map(|p| {
            let g = |y: i32| p.per_tahun.get(&y);
            let rank = match g(th).and_then(|v| v.peringkat) {
                Some(r) => Cell::Number(Decimal::from(r), 0),
                None if g(th).is_some_and(|v| v.ada_data) => Cell::Empty,
                None => t("tidak ada data"),
            };
            let mut row = vec![
                t(nama_indikator(l, &p.indikator_id)),
                t(mark(p.sintetis, p.nama_unit.clone())),
                num(g(prev).and_then(|v| v.target)),
                num(g(th).and_then(|v| v.target)),
                num(g(prev).and_then(|v| v.realisasi)),
                num(g(th).and_then(|v| v.realisasi)),
                rank,
            ];
            if with_selang {
                let (selang, rentang) = pasti
                    .iter()
                    .find(|(id, k, _)| *id == p.indikator_id && *k == p.kode_unit)
                    .map(|(_, _, x)| *x)
                    .unwrap_or_default();
                row.push(selang.map_or(Cell::Empty, |s| t(selang_teks(&s))));
                row.push(rentang.map_or(Cell::Empty, |r| t(rentang_teks(r))));
            }
            row
        })
        .collect();
    let kab = l.unit.nama_kabupaten.clone().unwrap_or_default();
    let mut columns = vec![
        "Indikator".into(),
        "Kecamatan".into(),
        format!("Target {prev}"),
        format!("Target {th}"),
        format!("Realisasi {prev}"),
        format!("Realisasi {th}"),
        format!("Peringkat {th}"),
    ];
    let mut notes = vec!["Kecamatan tanpa data tetap dicantumkan.".to_string()];
    if with_selang {
        columns.extend([format!("Selang 95% {th}"), format!("Rentang Peringkat {th}")]);
        notes.push(
            "IKM adalah perkiraan dari survei: selang 95% dihitung dari jawaban responden (analitik); yang bertanda * \
             konservatif, hanya dari IKM dan jumlah responden (batas Bhatia–Davis). Rentang peringkat adalah \
             peringkat yang dimungkinkan selang itu; kecamatan yang rentangnya bertumpang tindih belum dapat \
             dibedakan oleh sampelnya. IKM tanpa data responden dapat berada di mana saja pada skala 25–100. \
             Indikator lain bukan perkiraan dan berperingkat tepat."
                .into(),
        );
    }
    Some(Section {
        title: format!("Tabel 3.12 Perbandingan dengan Kecamatan Lain di Kabupaten {kab}"),
        short: "3.12 Pembanding".into(),
        columns,
        rows,
        notes,
    })
}

pub(crate) fn efisiensi(l: &Laporan) -> Option<Section> {
    if l.efisiensi.is_empty() {
        return None;
    }
    let rows = l
        .efisiensi
        .iter()
        .map(|e| {
            vec![
                t(e.no_sasaran.map_or(String::new(), |n| format!("{n}."))),
                t(mark(e.sintetis, e.sasaran.clone().unwrap_or_default())),
                opt(&e.indikator),
                num(e.capaian),
                num(e.penyerapan),
                num(e.efisiensi),
            ]
        })
        .collect();
    Some(Section {
        title: format!("Tabel 3.14 Analisis Efisiensi Penggunaan Sumber Daya Tahun {}", l.tahun),
        short: "3.14 Efisiensi".into(),
        columns: columns(&[
            "No.",
            "Sasaran",
            "Indikator Kinerja",
            "% Capaian Kinerja",
            "% Penyerapan Anggaran",
            "Tingkat Efisiensi (%)",
        ]),
        rows,
        notes: vec!["Tingkat efisiensi = % capaian kinerja − % penyerapan anggaran (positif: efisien).".into()],
    })
}

pub(crate) fn belanja(l: &Laporan) -> Option<Section> {
    if l.belanja.is_empty() {
        return None;
    }
    let rows = l
        .belanja
        .iter()
        .map(|b| {
            let indent = "  ".repeat(usize::try_from(b.tingkat.unwrap_or(1) - 1).unwrap_or(0));
            vec![
                t(b.kode.clone()),
                t(mark(b.sintetis, format!("{indent}{}", b.uraian.clone().unwrap_or_default()))),
                Cell::Rupiah(b.anggaran),
                Cell::Rupiah(b.realisasi),
                pct(b.penyerapan),
                b.sisa.map_or(Cell::Empty, Cell::Rupiah),
            ]
        })
        .collect();
    let rp = |d: Decimal| format_rupiah(d).unwrap_or_else(|e| format!("#{e}"));
    let notes = l.belanja.iter().find(|b| b.tingkat == Some(1)).map(|b| {
        let sisa = b.sisa.map(rp).unwrap_or_default();
        let persen = pct(b.penyerapan).text();
        format!("Total anggaran {}; realisasi {} ({persen}); sisa {sisa}.", rp(b.anggaran), rp(b.realisasi))
    });
    Some(Section {
        title: format!("Tabel 3.16 Penyerapan Anggaran per Belanja Tahun {}", l.tahun),
        short: "3.16 Belanja".into(),
        columns: columns(&["Kode", "Uraian Belanja", "Anggaran (Rp)", "Realisasi (Rp)", "Persentase", "Sisa (Rp)"]),
        rows,
        notes: notes.into_iter().collect(),
    })
}

pub(crate) fn program(l: &Laporan) -> Option<Section> {
    if l.program.is_empty() {
        return None;
    }
    let mut rows: Vec<Vec<Cell>> = l
        .program
        .iter()
        .map(|p| {
            vec![
                t(p.no.map_or(String::new(), |n| format!("{n}."))),
                t(p.kode.clone()),
                t(mark(p.sintetis, p.uraian.clone().unwrap_or_default())),
                Cell::Rupiah(p.anggaran),
                Cell::Rupiah(p.realisasi),
                pct(p.penyerapan),
            ]
        })
        .collect();
    let mut notes = Vec::new();
    if let Some(tp) = &l.total_program {
        let total =
            vec![t(""), t(""), t("JUMLAH"), Cell::Rupiah(tp.anggaran), Cell::Rupiah(tp.realisasi), pct(tp.penyerapan)];
        rows.push(total);
        notes.push(format!("Rata-rata penyerapan program (tidak berbobot): {}.", pct(tp.rata_rata_penyerapan).text()));
    }
    Some(Section {
        title: format!("Tabel 3.17 Realisasi Anggaran per Program Tahun {}", l.tahun),
        short: "3.17 Program".into(),
        columns: columns(&["No.", "Kode", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "Persentase"]),
        rows,
        notes,
    })
}
