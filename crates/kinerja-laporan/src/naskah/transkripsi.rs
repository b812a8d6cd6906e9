//! The audit transcription of a generated document (`docs/audit-format.md`):
//! every table as printed, the generated sentences with their figures, and
//! the relations the builder knows hold between them. `kinerja audit`
//! reads it like a reviewer's transcription of a printed report, so a
//! document Kinerja writes is proven consistent by the same checks that
//! find the contradictions of a typed one.
//!
//! Relations are stated where the figures are laid out (each table kind
//! below, the sentences in `bab3`), never guessed from the text.

use serde_json::{Map, Value, json};

use crate::doc::{Cell, Section};
use crate::model::{Akip, Laporan, Skm};

/// The transcription being written, table by table and sentence by
/// sentence.
#[derive(Debug, Default)]
pub(crate) struct Catatan {
    tabel: Vec<Value>,
    kalimat: Vec<Value>,
    relasi: Vec<Value>,
}

/// A table's id from its number: `Tabel 3.2` → `t3_2`.
pub(crate) fn id_tabel(nomor: &str) -> String {
    format!("t{}", nomor.trim_start_matches("Tabel ").replace('.', "_"))
}

/// The reference of a cell: row `r`, column `k` of table `t`.
pub(crate) fn sel(t: &str, r: usize, k: usize) -> String {
    format!("{t}.b{r}.k{k}")
}

/// Whether a cell holds a figure the audit can read (not text, not a
/// synthetic mark).
fn angka(c: &Cell) -> bool {
    !matches!(c, Cell::Text(_) | Cell::Empty)
}

impl Catatan {
    /// Records a table as printed.
    pub(crate) fn tabel(&mut self, id: &str, s: &Section) {
        let kolom: Vec<String> = (0..s.columns.len()).map(|i| format!("k{i}")).collect();
        let judul: Map<String, Value> =
            s.columns.iter().enumerate().map(|(i, c)| (format!("k{i}"), json!(c))).collect();
        let exact = |k: usize| {
            let cells: Vec<&Cell> = s.rows.iter().filter_map(|r| r.get(k)).filter(|c| angka(c)).collect();
            !cells.is_empty() && cells.iter().all(|c| matches!(c, Cell::Rupiah(_) | Cell::Number(_, 0)))
        };
        let eksak: Vec<String> = (0..s.columns.len()).filter(|k| exact(*k)).map(|k| format!("k{k}")).collect();
        let baris: Vec<Value> = s
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                let sel: Map<String, Value> = row
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| !matches!(c, Cell::Empty))
                    .map(|(k, c)| (format!("k{k}"), json!(c.text())))
                    .collect();
                json!({"id": format!("b{r}"), "sel": sel})
            })
            .collect();
        self.tabel.push(
            json!({"id": id, "judul": s.title, "kolom": kolom, "judul_kolom": judul, "eksak": eksak, "baris": baris}),
        );
    }

    /// Records a sentence and the figures it prints, by name.
    pub(crate) fn kalimat(&mut self, id: &str, letak: &str, teks: &str, nilai: &[(&str, String)]) {
        let nilai: Map<String, Value> = nilai.iter().map(|(k, v)| ((*k).to_string(), json!(v))).collect();
        self.kalimat.push(json!({"id": id, "letak": letak, "teks": teks, "nilai": nilai}));
    }

    /// Records a relation.
    pub(crate) fn relasi(&mut self, v: Value) {
        self.relasi.push(v);
    }

    /// The transcription as JSON.
    pub(crate) fn json(&self, judul: &str, kode_unit: &str, tahun: i32) -> Value {
        json!({
            "format": "kinerja-audit",
            "versi": 1,
            "notasi": "indonesia",
            "dokumen": {"judul": judul, "sumber": format!("Kinerja: {judul}"), "kode_unit": kode_unit, "tahun": tahun},
            "tabel": self.tabel,
            "kalimat": self.kalimat,
            "relasi": self.relasi,
        })
    }

    /// `hasil` of column `k` in the last row is the sum of the rows above.
    pub(crate) fn jumlah_kolom(&mut self, t: &str, s: &Section, kolom: &[usize]) {
        let last = s.rows.len().saturating_sub(1);
        for &k in kolom {
            let dari: Vec<String> =
                (0..last).filter(|r| s.rows[*r].get(k).is_some_and(angka)).map(|r| sel(t, r, k)).collect();
            self.relasi(json!({"jenis": "jumlah", "hasil": sel(t, last, k), "dari": dari}));
        }
    }

    /// `hasil = pembilang / penyebut × 100` on every row where all three
    /// are figures.
    fn persen_baris(&mut self, t: &str, s: &Section, (hasil, pembilang, penyebut): (usize, usize, usize)) {
        for (r, row) in s.rows.iter().enumerate() {
            if [hasil, pembilang, penyebut].iter().all(|k| row.get(*k).is_some_and(angka)) {
                let (h, a, b) = (sel(t, r, hasil), sel(t, r, pembilang), sel(t, r, penyebut));
                self.relasi(json!({"jenis": "persen", "hasil": h, "pembilang": a, "penyebut": b}));
            }
        }
    }

    /// Tabel 1.2: each row's population is L + P; the totals.
    pub(crate) fn penduduk(&mut self, t: &str, s: &Section) {
        for r in 0..s.rows.len().saturating_sub(1) {
            self.relasi(json!({"jenis": "jumlah", "hasil": sel(t, r, 6), "dari": [sel(t, r, 4), sel(t, r, 5)]}));
        }
        self.jumlah_kolom(t, s, &[2, 3, 4, 5, 6]);
    }

    /// The capaian table: every capaian by the core's formula, its
    /// predikat, labelled figures and the kategori.
    pub(crate) fn capaian(&mut self, t: &str, s: &Section, l: &Laporan) {
        for (r, c) in l.capaian.iter().enumerate() {
            let row = &s.rows[r];
            if [3, 4, 5].iter().all(|k| row.get(*k).is_some_and(angka)) {
                let (h, tg, re) = (sel(t, r, 5), sel(t, r, 3), sel(t, r, 4));
                self.relasi(json!({"jenis": "capaian", "hasil": h, "target": tg, "realisasi": re, "polaritas": c.polaritas.code()}));
                if c.predikat.is_some() {
                    self.relasi(
                        json!({"jenis": "label", "hasil": sel(t, r, 6), "nilai": h, "skala": "predikat_capaian"}),
                    );
                }
            }
            for k in [3, 4] {
                if matches!(row.get(k), Some(Cell::Labelled(..))) {
                    self.relasi(json!({"jenis": "label", "hasil": sel(t, r, k), "skala": "predikat_akip"}));
                }
            }
        }
    }

    /// Multi-year and Renstra tables: a capaian per indicator and year
    /// (columns: name, then target, realisasi, % capaian per year).
    pub(crate) fn capaian_tahunan(&mut self, t: &str, s: &Section, polaritas: &[&str]) {
        for (r, row) in s.rows.iter().enumerate() {
            let p = polaritas.get(r).copied().unwrap_or("positif");
            for j in 0..(row.len().saturating_sub(1) / 3) {
                let (tg, re, cp) = (1 + 3 * j, 2 + 3 * j, 3 + 3 * j);
                if [tg, re, cp].iter().all(|k| row.get(*k).is_some_and(angka)) {
                    let v = json!({"jenis": "capaian", "hasil": sel(t, r, cp), "target": sel(t, r, tg), "realisasi": sel(t, r, re), "polaritas": p});
                    self.relasi(v);
                }
            }
        }
    }

    /// The SKM table: the IKM from the NRR (scheme order), its mutu.
    pub(crate) fn skm(&mut self, t: &str, s: &Skm) {
        let ikm_row = s.unsur.len();
        let mut unsur: Vec<(usize, &str)> = s.unsur.iter().enumerate().map(|(r, u)| (r, u.unsur_id.as_str())).collect();
        let order = s.skema.unsur();
        unsur.sort_by_key(|(_, id)| order.iter().position(|x| x.id == *id).unwrap_or(usize::MAX));
        if unsur.iter().any(|(r, _)| s.unsur[*r].nrr.is_none()) {
            return;
        }
        let nrr: Vec<String> = unsur.iter().map(|(r, _)| sel(t, *r, 2)).collect();
        let ids: Vec<&str> = unsur.iter().map(|(_, id)| *id).collect();
        let bobot = match s.bobot {
            kinerja_core::skm::Bobot::Tepat => "1/9",
            kinerja_core::skm::Bobot::TigaDesimal => "0,111",
            kinerja_core::skm::Bobot::DuaDesimal => "0,11",
        };
        let h = sel(t, ikm_row, 2);
        self.relasi(
            json!({"jenis": "ikm", "hasil": h, "nrr": nrr, "unsur": ids, "skema": s.skema.code(), "bobot": bobot}),
        );
        self.relasi(json!({"jenis": "label", "hasil": sel(t, ikm_row, 3), "nilai": h, "skala": "mutu_ikm_2017"}));
    }

    /// The AKIP table: each komponen's percentage, the totals and the
    /// predikat of the total.
    pub(crate) fn akip(&mut self, t: &str, s: &Section, a: &Akip) {
        let n = a.komponen.len();
        for r in 0..n {
            if [3, 4, 5].iter().all(|k| s.rows[r].get(*k).is_some_and(angka)) {
                self.relasi(json!({"jenis": "persen", "hasil": sel(t, r, 5), "pembilang": sel(t, r, 4), "penyebut": sel(t, r, 3)}));
            }
        }
        for k in [3, 4] {
            if (0..=n).all(|r| s.rows[r].get(k).is_some_and(angka)) {
                let dari: Vec<String> = (0..n).map(|r| sel(t, r, k)).collect();
                self.relasi(json!({"jenis": "jumlah", "hasil": sel(t, n, k), "dari": dari}));
            }
            if s.rows.get(n + 1).and_then(|row| row.get(k)).is_some_and(|c| !matches!(c, Cell::Empty)) {
                self.relasi(json!({"jenis": "label", "hasil": sel(t, n + 1, k), "nilai": sel(t, n, k), "skala": "predikat_akip"}));
            }
        }
    }

    /// Budget per belanja: penyerapan and sisa of every row.
    pub(crate) fn belanja(&mut self, t: &str, s: &Section) {
        self.persen_baris(t, s, (4, 3, 2));
        for (r, row) in s.rows.iter().enumerate() {
            if [2, 3, 5].iter().all(|k| row.get(*k).is_some_and(angka)) {
                self.relasi(
                    json!({"jenis": "selisih", "hasil": sel(t, r, 5), "dari": sel(t, r, 3), "ke": sel(t, r, 2)}),
                );
            }
        }
    }

    /// Budget per program: penyerapan of every row, the totals.
    pub(crate) fn program(&mut self, t: &str, s: &Section, total: bool) {
        self.persen_baris(t, s, (5, 4, 3));
        if total {
            self.jumlah_kolom(t, s, &[3, 4]);
        }
    }

    /// Efisiensi: capaian − penyerapan on every row.
    pub(crate) fn efisiensi(&mut self, t: &str, s: &Section) {
        for (r, row) in s.rows.iter().enumerate() {
            if [3, 4, 5].iter().all(|k| row.get(*k).is_some_and(angka)) {
                self.relasi(json!({"jenis": "efisiensi", "hasil": sel(t, r, 5), "capaian": sel(t, r, 3), "penyerapan": sel(t, r, 4)}));
            }
        }
    }
}
