//! The what-if edit model: which cell an edit changes ([`Key`]), what was
//! typed ([`Entry`]), every edit of the moment ([`Edits`]), and the
//! conversion between edits and a saved scenario. Shared by the state
//! (which records edits) and the view models (which apply them); it
//! depends on neither.

use kinerja_core::Decimal;
use kinerja_core::notation::{Notasi, parse_number};
use kinerja_skenario::{self as sk, Jenis, Skenario};

/// What a what-if edit changes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)]
pub enum Key {
    /// A target or hypothetical realisasi of an indicator.
    Nilai { kode_unit: String, indikator_id: String, tahun: i32, jenis: Jenis },
    /// The NRR of one unsur.
    Nrr { kode_unit: String, tahun: i32, unsur_id: String },
    /// An AKIP komponen score.
    Akip { kode_unit: String, tahun: i32, komponen_id: String },
    /// A program's realisasi anggaran.
    Anggaran { kode_unit: String, tahun: i32, kode_program: String },
}

/// An edited cell: the text as typed and its value when it parses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Raw text (kept so a half-typed number is not rewritten).
    pub teks: String,
    /// The value, or `None` while the text is not a number.
    pub nilai: Option<Decimal>,
}

impl Entry {
    /// Parses text in Indonesian or plain notation.
    pub fn parse(teks: &str) -> Entry {
        Entry { teks: teks.to_string(), nilai: parse_number(teks, Notasi::Otomatis).ok() }
    }
}

/// All what-if edits, in the order they were first made. A plain vector:
/// there are a handful of edits at a time, and map types cost code size in
/// the browser.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Edits(Vec<(Key, Entry)>);

impl Edits {
    /// No edits.
    pub fn new() -> Edits {
        Edits::default()
    }
    /// The edit of a cell.
    pub fn get(&self, k: &Key) -> Option<&Entry> {
        self.0.iter().find(|(x, _)| x == k).map(|(_, v)| v)
    }
    /// Sets a cell.
    pub fn insert(&mut self, k: Key, v: Entry) {
        match self.0.iter_mut().find(|(x, _)| *x == k) {
            Some(slot) => slot.1 = v,
            None => self.0.push((k, v)),
        }
    }
    /// Clears a cell.
    pub fn remove(&mut self, k: &Key) -> Option<Entry> {
        let i = self.0.iter().position(|(x, _)| x == k)?;
        Some(self.0.remove(i).1)
    }
    /// Whether a cell is edited.
    pub fn contains_key(&self, k: &Key) -> bool {
        self.get(k).is_some()
    }
    /// Number of edited cells.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// No edits.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Edited cells.
    pub fn iter(&self) -> impl Iterator<Item = (&Key, &Entry)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
    /// Their keys.
    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.0.iter().map(|(k, _)| k)
    }
    /// Their values.
    pub fn values(&self) -> impl Iterator<Item = &Entry> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl std::ops::Index<&Key> for Edits {
    type Output = Entry;
    fn index(&self, k: &Key) -> &Entry {
        self.get(k).expect("an edited cell")
    }
}

/// The scenario of a set of edits (cells that do not parse are left out).
pub fn to_skenario(edits: &Edits, nama: &str, dibuat: &str, kode_kabupaten: &str) -> Skenario {
    let mut s = Skenario {
        nama: nama.to_string(),
        dibuat: dibuat.to_string(),
        kode_kabupaten: kode_kabupaten.to_string(),
        catatan: String::new(),
        nilai: vec![],
        nrr: vec![],
        akip: vec![],
        anggaran: vec![],
    };
    for (k, v) in edits.iter() {
        let Some(n) = v.nilai else { continue };
        match k.clone() {
            Key::Nilai { kode_unit, indikator_id, tahun, jenis } => {
                s.nilai.push(sk::Nilai { kode_unit, indikator_id, tahun, jenis, nilai: n })
            }
            Key::Nrr { kode_unit, tahun, unsur_id } => s.nrr.push(sk::Nrr { kode_unit, tahun, unsur_id, nrr: n }),
            Key::Akip { kode_unit, tahun, komponen_id } => {
                s.akip.push(sk::Akip { kode_unit, tahun, komponen_id, nilai: n })
            }
            Key::Anggaran { kode_unit, tahun, kode_program } => {
                s.anggaran.push(sk::Anggaran { kode_unit, tahun, kode_program, realisasi: n })
            }
        }
    }
    s
}

/// The edits of a scenario.
pub fn from_skenario(s: &Skenario) -> Edits {
    let mut e = Edits::new();
    let isi = |d: Decimal| Entry { teks: d.to_string(), nilai: Some(d) };
    for n in &s.nilai {
        e.insert(
            Key::Nilai {
                kode_unit: n.kode_unit.clone(),
                indikator_id: n.indikator_id.clone(),
                tahun: n.tahun,
                jenis: n.jenis,
            },
            isi(n.nilai),
        );
    }
    for n in &s.nrr {
        e.insert(Key::Nrr { kode_unit: n.kode_unit.clone(), tahun: n.tahun, unsur_id: n.unsur_id.clone() }, isi(n.nrr));
    }
    for n in &s.akip {
        e.insert(
            Key::Akip { kode_unit: n.kode_unit.clone(), tahun: n.tahun, komponen_id: n.komponen_id.clone() },
            isi(n.nilai),
        );
    }
    for n in &s.anggaran {
        e.insert(
            Key::Anggaran { kode_unit: n.kode_unit.clone(), tahun: n.tahun, kode_program: n.kode_program.clone() },
            isi(n.realisasi),
        );
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nilai(tahun: i32, jenis: Jenis) -> Key {
        Key::Nilai { kode_unit: "12.19.07".into(), indikator_id: "ikm".into(), tahun, jenis }
    }

    #[test]
    fn edits_keep_their_order_and_one_entry_per_cell() {
        let mut e = Edits::new();
        e.insert(nilai(2026, Jenis::Target), Entry::parse("90"));
        e.insert(nilai(2025, Jenis::Target), Entry::parse("8"));
        e.insert(nilai(2025, Jenis::Target), Entry::parse("88,5"));
        assert_eq!(e.len(), 2);
        assert_eq!(e.keys().collect::<Vec<_>>(), [&nilai(2026, Jenis::Target), &nilai(2025, Jenis::Target)]);
        assert_eq!(e[&nilai(2025, Jenis::Target)], Entry { teks: "88,5".into(), nilai: Some(Decimal::new(885, 1)) });
        assert_eq!(e.remove(&nilai(2026, Jenis::Target)).map(|x| x.teks), Some("90".into()));
        assert!(!e.contains_key(&nilai(2026, Jenis::Target)) && e.remove(&nilai(2026, Jenis::Target)).is_none());
        assert_eq!(Entry::parse("1.234").nilai, None, "a dot alone is not a decimal separator");
    }

    #[test]
    fn a_scenario_gives_back_its_edits() {
        let mut e = Edits::new();
        e.insert(nilai(2025, Jenis::Target), Entry::parse("87,5"));
        e.insert(nilai(2025, Jenis::Realisasi), Entry::parse("80"));
        e.insert(
            Key::Nrr { kode_unit: "12.19.07".into(), tahun: 2024, unsur_id: "pengaduan".into() },
            Entry::parse("3,58"),
        );
        e.insert(
            Key::Akip { kode_unit: "12.19.07".into(), tahun: 2024, komponen_id: "evaluasi".into() },
            Entry::parse("16"),
        );
        let program = Key::Anggaran { kode_unit: "12.19.07".into(), tahun: 2024, kode_program: "1.01".into() };
        e.insert(program, Entry::parse("1000000"));
        e.insert(nilai(2026, Jenis::Target), Entry::parse("x"));
        let s = to_skenario(&e, "optimis", "2026-01-01T00:00:00Z", "12.19");
        assert_eq!(
            (s.nilai.len(), s.nrr.len(), s.akip.len(), s.anggaran.len()),
            (2, 1, 1, 1),
            "the cell that is no number is left out"
        );
        assert_eq!((s.nama.as_str(), s.kode_kabupaten.as_str()), ("optimis", "12.19"));
        let back = from_skenario(&s);
        assert_eq!(back.len(), 5);
        for (k, v) in back.iter() {
            assert_eq!(v.nilai, e[k].nilai, "{k:?}");
            assert_eq!(v.teks, v.nilai.unwrap().to_string(), "a restored cell shows its value in plain notation");
        }
    }
}
