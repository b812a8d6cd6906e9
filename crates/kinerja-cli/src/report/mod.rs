//! The LKjIP report of a kecamatan-year as a document — titled tables of
//! typed cells — rendered to Markdown, HTML or XLSX. Numbers are formatted
//! by the core's notation module (Indonesian: `2.960.780.030`, `88,65%`).

pub mod html;
pub mod md;
pub mod xlsx;

use kinerja_core::Decimal;
use kinerja_core::notation::{format_number, format_persen, format_rupiah};
use kinerja_store::query::Laporan;

/// A cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Teks(String),
    /// A number with `dp` decimals.
    Angka(Decimal, u32),
    /// A percentage (two decimals, `%`).
    Persen(Decimal),
    /// Rupiah without decimals in tables (`2.960.780.030`).
    Rupiah(Decimal),
    /// A value with its predikat: `BB (72,62)`.
    Berlabel(String, Decimal),
    /// Nothing (`-`).
    Kosong,
}

impl Cell {
    /// The cell as Indonesian text.
    pub fn teks(&self) -> String {
        let r = match self {
            Cell::Teks(s) => Ok(s.clone()),
            Cell::Angka(d, dp) => format_number(*d, *dp),
            Cell::Persen(d) => format_persen(*d),
            Cell::Rupiah(d) => format_number(*d, 0),
            Cell::Berlabel(l, d) => format_number(*d, 2).map(|n| format!("{l} ({n})")),
            Cell::Kosong => Ok("-".into()),
        };
        r.unwrap_or_else(|e| format!("#{e}"))
    }
}

fn t(s: impl Into<String>) -> Cell {
    Cell::Teks(s.into())
}

fn num(d: Option<Decimal>) -> Cell {
    d.map_or(Cell::Kosong, |d| Cell::Angka(d, 2))
}

fn pct(d: Option<Decimal>) -> Cell {
    d.map_or(Cell::Kosong, Cell::Persen)
}

fn opt(s: &Option<String>) -> Cell {
    s.as_ref().map_or(Cell::Kosong, |s| t(s.clone()))
}

/// A value with its printed or computed label (`BB (71,00)`) for AKIP-like
/// indicators, a plain number otherwise.
fn nilai(d: Option<Decimal>, label: &Option<String>) -> Cell {
    match (d, label) {
        (Some(d), Some(l)) => Cell::Berlabel(l.clone(), d),
        (Some(d), None) => Cell::Angka(d, 2),
        _ => Cell::Kosong,
    }
}

/// One table of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Bagian {
    /// Title, e.g. `Tabel 3.2 Capaian Kinerja Tahun 2024`.
    pub judul: String,
    /// Column headers.
    pub kolom: Vec<String>,
    /// Rows.
    pub baris: Vec<Vec<Cell>>,
    /// Notes below the table (source, synthetic marking, summary lines).
    pub catatan: Vec<String>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Dokumen {
    /// Title.
    pub judul: String,
    /// Subtitle lines.
    pub sub: Vec<String>,
    /// Tables.
    pub bagian: Vec<Bagian>,
}

/// The banner every synthetic figure carries.
pub const SINTETIS: &str = "DATA SINTETIS — angka buatan untuk demo, bukan data resmi";

fn tanda(sintetis: bool, nama: String) -> String {
    if sintetis { format!("{nama} [sintetis]") } else { nama }
}

/// Builds the document of a report.
pub fn dokumen(l: &Laporan) -> Dokumen {
    let th = l.tahun;
    let mut sub =
        vec![format!("Kabupaten {} · kode {}", l.unit.nama_kabupaten.clone().unwrap_or_default(), l.unit.kode)];
    if l.sintetis {
        sub.push(format!("⚠ {SINTETIS}. Baris bertanda [sintetis] memuat angka sintetis."));
    }
    let mut bagian = Vec::new();
    let label_of = |id: &str| l.capaian.iter().find(|c| c.indikator_id == id);
    let nama_ind = |id: &str| label_of(id).map_or(id.to_string(), |c| c.indikator.clone());

    bagian.push(Bagian {
        judul: format!("Tabel 2.2 Perjanjian Kinerja Tahun {th}"),
        kolom: ["No.", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"].map(String::from).to_vec(),
        baris: l
            .pk
            .iter()
            .map(|p| {
                vec![
                    t(format!("{}.", p.no)),
                    t(p.sasaran.clone()),
                    t(p.indikator.clone()),
                    t(p.satuan.clone()),
                    nilai(p.target, &p.label_target),
                ]
            })
            .collect(),
        catatan: vec![],
    });

    bagian.push(Bagian {
        judul: format!("Tabel 3.2 Capaian Kinerja Tahun {th}"),
        kolom: ["No.", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian", "Predikat", "Kategori"]
            .map(String::from)
            .to_vec(),
        baris: l
            .capaian
            .iter()
            .enumerate()
            .map(|(i, c)| {
                vec![
                    t(format!("{}.", i + 1)),
                    t(tanda(c.sintetis, c.indikator.clone())),
                    t(c.satuan.clone()),
                    nilai(c.target, &c.label_target),
                    nilai(Some(c.realisasi), &c.label_realisasi.clone().or(if c.jenis == "akip" { c.kategori_kode.clone() } else { None })),
                    pct(c.capaian),
                    opt(&c.predikat),
                    opt(&c.kategori),
                ]
            })
            .collect(),
        catatan: l
            .capaian
            .iter()
            .filter_map(|c| {
                c.selisih.map(|s| {
                    format!("{}: selisih realisasi terhadap target {}.", c.indikator, Cell::Angka(s, 2).teks())
                })
            })
            .chain(std::iter::once("Predikat: Permendagri 86/2017 (≥91 Sangat Tinggi, ≥76 Tinggi, ≥66 Sedang, ≥51 Rendah, selainnya Sangat Rendah).".to_string()))
            .collect(),
    });

    if let Some(s) = &l.skm {
        let mut baris: Vec<Vec<Cell>> = s
            .unsur
            .iter()
            .enumerate()
            .map(|(i, u)| {
                vec![
                    t(format!("{}.", u.no.unwrap_or(i as i32 + 1))),
                    t(u.nama_dalam_laporan.clone().or(u.unsur.clone()).unwrap_or(u.unsur_id.clone())),
                    num(u.nrr),
                    opt(&u.mutu),
                ]
            })
            .collect();
        // The official IKM is the indicator's recorded realisasi (from the
        // survey application); the IKM recomputed from the table's NRR is
        // shown beside it when the two differ (rounded NRR).
        let (ikm, mutu, kinerja) = match s.ikm_resmi {
            Some(v) => (Some(v), s.mutu_resmi.clone(), s.kinerja_resmi.clone()),
            None => (s.ikm, s.mutu.clone(), s.kinerja.clone()),
        };
        baris.push(vec![t(""), t("IKM Unit Pelayanan"), num(ikm), opt(&mutu)]);
        let bobot = match s.bobot.as_str() {
            "tiga_desimal" => "0,111",
            "dua_desimal" => "0,11",
            _ => "1/9 (tepat)",
        };
        bagian.push(Bagian {
            judul: format!("Tabel 3.3 Hasil Survei Kepuasan Masyarakat Tahun {th}"),
            kolom: ["No.", "Unsur Pelayanan", "Nilai Rata-Rata (NRR)", "Mutu"].map(String::from).to_vec(),
            baris,
            catatan: vec![
                                format!(
                    "IKM {} · mutu pelayanan {} · kinerja unit pelayanan {}{}.",
                    num(ikm).teks(),
                    mutu.clone().unwrap_or("-".into()),
                    kinerja.clone().unwrap_or("-".into()),
                    if s.sintetis { " [sintetis]" } else { "" }
                ),
                format!(
                    "Responden {} · bobot unsur {bobot} · dasar perhitungan: {} · PermenPANRB 14/2017 (IKM = Σ NRR × bobot × 25).",
                    s.responden.map_or("-".into(), |r| r.to_string()),
                    match s.dasar.as_deref() {
                        Some("jawaban") => "jawaban responden",
                                                Some("nrr") => "NRR per unsur tercatat",
                        _ => "-",
                    }
                ),
            ]
            .into_iter()
            .chain((s.ikm_resmi.is_some() && s.ikm != s.ikm_resmi).then(|| {
                format!(
                    "IKM dihitung ulang dari NRR di atas: {} (mutu {}); IKM tercatat {} berasal dari aplikasi survei atas NRR yang tidak dibulatkan.",
                    num(s.ikm).teks(),
                    s.mutu.clone().unwrap_or("-".into()),
                    num(s.ikm_resmi).teks()
                )
            }))
            .collect(),
        });
    }

    if let Some(a) = &l.akip {
        let mut baris: Vec<Vec<Cell>> = a
            .komponen
            .iter()
            .enumerate()
            .map(|(i, k)| {
                vec![
                    t(format!("{}.", i + 1)),
                    t(k.komponen.clone().unwrap_or(k.komponen_id.clone())),
                    k.bobot.map_or(Cell::Kosong, |b| Cell::Angka(Decimal::from(b), 0)),
                    num(k.target),
                    Cell::Angka(k.realisasi, 2),
                    pct(k.persen),
                ]
            })
            .collect();
        baris.push(vec![
            t(""),
            t("Total"),
            Cell::Angka(Decimal::from(100), 0),
            num(a.target),
            Cell::Angka(a.realisasi, 2),
            pct(a.persen),
        ]);
        baris.push(vec![t(""), t("Kategori"), Cell::Kosong, opt(&a.predikat_target), opt(&a.predikat), Cell::Kosong]);
        bagian.push(Bagian {
            judul: format!("Tabel 3.8 Hasil Aspek Penilaian Evaluasi AKIP Tahun {th}"),
            kolom: ["No.", "Aspek Penilaian", "Bobot", "Target", "Realisasi", "Persentase"].map(String::from).to_vec(),
            baris,
            catatan: vec![format!(
                "Nilai AKIP {} ({}){} · PermenPANRB 88/2021.",
                Cell::Angka(a.realisasi, 2).teks(),
                a.predikat_label.clone().unwrap_or("-".into()),
                if a.sintetis { " [sintetis]" } else { "" }
            )],
        });
    }

    // Multi-year comparison: every year up to this one.
    let mut tahun: Vec<i32> = l.multi_tahun.iter().flat_map(|m| m.tahun.iter().map(|t| t.tahun)).collect();
    tahun.sort_unstable();
    tahun.dedup();
    if !tahun.is_empty() {
        let mut kolom = vec!["Indikator".to_string()];
        for y in &tahun {
            kolom.extend([format!("Target {y}"), format!("Realisasi {y}"), format!("% Capaian {y}")]);
        }
        let mut catatan = Vec::new();
        let baris = l
            .multi_tahun
            .iter()
            .map(|m| {
                let mut row = vec![t(nama_ind(&m.indikator_id))];
                for y in &tahun {
                    match m.tahun.iter().find(|x| x.tahun == *y) {
                        Some(x) => row.extend([
                            num(x.target),
                            t(tanda(x.sintetis, Cell::Angka(x.realisasi, 2).teks())),
                            pct(x.capaian),
                        ]),
                        None => row.extend([Cell::Kosong, Cell::Kosong, Cell::Kosong]),
                    }
                }
                for b in &m.dibanding {
                    if let Some(s) = b.selisih {
                        catatan.push(format!(
                            "{}: {th} dibanding {} ({}): {} {}.",
                            nama_ind(&m.indikator_id),
                            b.tahun_dari,
                            Cell::Angka(b.nilai_dari, 2).teks(),
                            if s < Decimal::ZERO { "turun" } else { "naik" },
                            Cell::Angka(s.abs(), 2).teks()
                        ));
                    }
                }
                row
            })
            .collect();
        bagian.push(Bagian {
            judul: format!("Tabel 3.9 Perbandingan Capaian Kinerja Tahun {th} dengan Tahun Sebelumnya"),
            kolom,
            baris,
            catatan,
        });
    }

    for r in &l.renstra {
        let mut kolom = vec!["Indikator".to_string()];
        let mut row = vec![t(nama_ind(&r.indikator_id))];
        for y in &r.tahun {
            kolom.extend([
                format!("Target {}", y.tahun),
                format!("Realisasi {}", y.tahun),
                format!("% Capaian {}", y.tahun),
            ]);
            row.extend([nilai(Some(y.target), &y.label), num(y.realisasi), pct(y.capaian)]);
        }
        bagian.push(Bagian {
            judul: format!(
                "Capaian {} terhadap Target Renstra {}–{}",
                nama_ind(&r.indikator_id),
                r.tahun_awal,
                r.tahun_akhir
            ),
            kolom,
            baris: vec![row],
            catatan: vec![],
        });
    }

    if l.pembanding.iter().any(|p| p.kode_unit != l.unit.kode && p.per_tahun.values().any(|v| v.ada_data)) {
        let prev = th - 1;
        let baris = l
            .pembanding
            .iter()
            .map(|p| {
                let g = |y: i32| p.per_tahun.get(&y);
                vec![
                    t(nama_ind(&p.indikator_id)),
                    t(tanda(p.sintetis, p.nama_unit.clone())),
                    num(g(prev).and_then(|v| v.target)),
                    num(g(th).and_then(|v| v.target)),
                    num(g(prev).and_then(|v| v.realisasi)),
                    num(g(th).and_then(|v| v.realisasi)),
                    g(th).and_then(|v| v.peringkat).map_or(
                        if g(th).is_some_and(|v| v.ada_data) { Cell::Kosong } else { t("tidak ada data") },
                        |r| Cell::Angka(Decimal::from(r), 0),
                    ),
                ]
            })
            .collect();
        bagian.push(Bagian {
            judul: format!(
                "Tabel 3.12 Perbandingan dengan Kecamatan Lain di Kabupaten {}",
                l.unit.nama_kabupaten.clone().unwrap_or_default()
            ),
            kolom: vec![
                "Indikator".into(),
                "Kecamatan".into(),
                format!("Target {prev}"),
                format!("Target {th}"),
                format!("Realisasi {prev}"),
                format!("Realisasi {th}"),
                format!("Peringkat {th}"),
            ],
            baris,
            catatan: vec!["Kecamatan tanpa data tetap dicantumkan.".into()],
        });
    }

    if !l.efisiensi.is_empty() {
        bagian.push(Bagian {
            judul: format!("Tabel 3.14 Analisis Efisiensi Penggunaan Sumber Daya Tahun {th}"),
            kolom: [
                "No.",
                "Sasaran",
                "Indikator Kinerja",
                "% Capaian Kinerja",
                "% Penyerapan Anggaran",
                "Tingkat Efisiensi (%)",
            ]
            .map(String::from)
            .to_vec(),
            baris: l
                .efisiensi
                .iter()
                .map(|e| {
                    vec![
                        t(e.no_sasaran.map_or(String::new(), |n| format!("{n}."))),
                        t(tanda(e.sintetis, e.sasaran.clone().unwrap_or_default())),
                        opt(&e.indikator),
                        num(e.capaian),
                        num(e.penyerapan),
                        num(e.efisiensi),
                    ]
                })
                .collect(),
            catatan: vec!["Tingkat efisiensi = % capaian kinerja − % penyerapan anggaran (positif: efisien).".into()],
        });
    }

    if !l.belanja.is_empty() {
        let baris = l
            .belanja
            .iter()
            .map(|b| {
                let indent = "  ".repeat(usize::try_from(b.tingkat.unwrap_or(1) - 1).unwrap_or(0));
                vec![
                    t(b.kode.clone()),
                    t(tanda(b.sintetis, format!("{indent}{}", b.uraian.clone().unwrap_or_default()))),
                    Cell::Rupiah(b.anggaran),
                    Cell::Rupiah(b.realisasi),
                    pct(b.penyerapan),
                    b.sisa.map_or(Cell::Kosong, Cell::Rupiah),
                ]
            })
            .collect();
        let total = l.belanja.iter().find(|b| b.tingkat == Some(1));
        bagian.push(Bagian {
            judul: format!("Tabel 3.16 Penyerapan Anggaran per Belanja Tahun {th}"),
            kolom: ["Kode", "Uraian Belanja", "Anggaran (Rp)", "Realisasi (Rp)", "Persentase", "Sisa (Rp)"]
                .map(String::from)
                .to_vec(),
            baris,
            catatan: total
                .map(|b| {
                    vec![format!(
                        "Total anggaran {}; realisasi {} ({}); sisa {}.",
                        format_rupiah(b.anggaran).unwrap_or_default(),
                        format_rupiah(b.realisasi).unwrap_or_default(),
                        pct(b.penyerapan).teks(),
                        b.sisa.and_then(|s| format_rupiah(s).ok()).unwrap_or_default()
                    )]
                })
                .unwrap_or_default(),
        });
    }

    if !l.program.is_empty() {
        let mut baris: Vec<Vec<Cell>> = l
            .program
            .iter()
            .map(|p| {
                vec![
                    t(p.no.map_or(String::new(), |n| format!("{n}."))),
                    t(p.kode.clone()),
                    t(tanda(p.sintetis, p.uraian.clone().unwrap_or_default())),
                    Cell::Rupiah(p.anggaran),
                    Cell::Rupiah(p.realisasi),
                    pct(p.penyerapan),
                ]
            })
            .collect();
        let mut catatan = Vec::new();
        if let Some(tp) = &l.total_program {
            baris.push(vec![
                t(""),
                t(""),
                t("JUMLAH"),
                Cell::Rupiah(tp.anggaran),
                Cell::Rupiah(tp.realisasi),
                pct(tp.penyerapan),
            ]);
            catatan.push(format!(
                "Rata-rata penyerapan program (tidak berbobot): {}.",
                pct(tp.rata_rata_penyerapan).teks()
            ));
        }
        bagian.push(Bagian {
            judul: format!("Tabel 3.17 Realisasi Anggaran per Program Tahun {th}"),
            kolom: ["No.", "Kode", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "Persentase"]
                .map(String::from)
                .to_vec(),
            baris,
            catatan,
        });
    }

    let sumber: Vec<String> = {
        let mut s: Vec<String> = l.capaian.iter().map(|c| c.sumber.clone()).collect();
        s.sort();
        s.dedup();
        s
    };
    if let Some(b) = bagian.last_mut() {
        b.catatan.push(format!("Sumber realisasi: {}.", sumber.join("; ")));
    }
    Dokumen { judul: format!("Laporan Kinerja Kecamatan {} Tahun {th}", l.unit.nama), sub, bagian }
}
