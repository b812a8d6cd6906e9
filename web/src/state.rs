//! The planner's state: one [`State`] changed only through [`Action`]s by
//! a pure reducer (Yew's `Reducible`), so every user action is testable
//! natively. Side effects (fetching the snapshot, the browser's storage,
//! the clock) happen in components and arrive here as actions.

use std::rc::Rc;

use kinerja_core::Decimal;
use kinerja_core::model::Snapshot;
use kinerja_core::notation::{Notasi, parse_number};
use kinerja_skenario::{self as sk, Berkas, Dipulihkan, Jenis, Skenario};
use yew::Reducible;

use crate::i18n::{Lang, Msg};

/// Which view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[allow(missing_docs)]
pub enum Tab {
    #[default]
    Planner,
    Ikm,
    Akip,
    Kabupaten,
    Anggaran,
    Skenario,
}

/// What a what-if edit changes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)]
pub enum Kunci {
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
pub struct Isian {
    /// Raw text (kept so a half-typed number is not rewritten).
    pub teks: String,
    /// The value, or `None` while the text is not a number.
    pub nilai: Option<Decimal>,
}

impl Isian {
    /// Parses text in Indonesian or plain notation.
    pub fn baru(teks: &str) -> Isian {
        Isian { teks: teks.to_string(), nilai: parse_number(teks, Notasi::Otomatis).ok() }
    }
}

/// All what-if edits, in the order they were first made. A plain vector:
/// there are a handful of edits at a time, and map types cost code size in
/// the browser.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Edits(Vec<(Kunci, Isian)>);

impl Edits {
    /// No edits.
    pub fn new() -> Edits {
        Edits::default()
    }
    /// The edit of a cell.
    pub fn get(&self, k: &Kunci) -> Option<&Isian> {
        self.0.iter().find(|(x, _)| x == k).map(|(_, v)| v)
    }
    /// Sets a cell.
    pub fn insert(&mut self, k: Kunci, v: Isian) {
        match self.0.iter_mut().find(|(x, _)| *x == k) {
            Some(slot) => slot.1 = v,
            None => self.0.push((k, v)),
        }
    }
    /// Clears a cell.
    pub fn remove(&mut self, k: &Kunci) -> Option<Isian> {
        let i = self.0.iter().position(|(x, _)| x == k)?;
        Some(self.0.remove(i).1)
    }
    /// Whether a cell is edited.
    pub fn contains_key(&self, k: &Kunci) -> bool {
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
    pub fn iter(&self) -> impl Iterator<Item = (&Kunci, &Isian)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
    /// Their keys.
    pub fn keys(&self) -> impl Iterator<Item = &Kunci> {
        self.0.iter().map(|(k, _)| k)
    }
    /// Their values.
    pub fn values(&self) -> impl Iterator<Item = &Isian> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl std::ops::Index<&Kunci> for Edits {
    type Output = Isian;
    fn index(&self, k: &Kunci) -> &Isian {
        self.get(k).expect("an edited cell")
    }
}

/// Loading status.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Muat {
    /// Fetching the snapshot.
    #[default]
    Memuat,
    /// Ready.
    Siap,
    /// Could not load; the message says why.
    Gagal(Msg),
}

/// A message to the user, worded in the current language when shown
/// ([`crate::i18n::message`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pesan {
    /// Information.
    Info(Msg),
    /// Something went wrong.
    Galat(Msg),
}

/// The whole state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The loaded data.
    pub snapshot: Option<Rc<Snapshot>>,
    /// Loading status.
    pub muat: Muat,
    /// Language.
    pub lang: Lang,
    /// Current view.
    pub tab: Tab,
    /// Selected kecamatan.
    pub unit: Option<String>,
    /// Current edits.
    pub edits: Rc<Edits>,
    /// Undo history (oldest first).
    pub undo: Vec<Rc<Edits>>,
    /// Redo history.
    pub redo: Vec<Rc<Edits>>,
    /// Key of the last edit (consecutive keystrokes in one cell are one undo step).
    pub terakhir: Option<Kunci>,
    /// Saved scenarios.
    pub skenario: Vec<Skenario>,
    /// Open scenario.
    pub aktif: Option<String>,
    /// Two scenarios compared side by side.
    pub banding: [Option<String>; 2],
    /// Indicator and year of the kabupaten comparison.
    pub kab: Option<(String, i32)>,
    /// Messages.
    pub pesan: Vec<Pesan>,
    /// Bumped whenever saved scenarios change (the storage effect watches it).
    pub revisi: u64,
    /// Whether saved scenarios may be written to the browser (false when
    /// unreadable storage could not be backed up: it is left untouched).
    pub boleh_tulis: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            snapshot: None,
            muat: Muat::default(),
            lang: Lang::default(),
            tab: Tab::default(),
            unit: None,
            edits: Rc::default(),
            undo: vec![],
            redo: vec![],
            terakhir: None,
            skenario: vec![],
            aktif: None,
            banding: [None, None],
            kab: None,
            pesan: vec![],
            revisi: 0,
            boleh_tulis: true,
        }
    }
}

/// Everything the user (or an effect) can do.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)] // variant fields are described on their variant
pub enum Action {
    /// The snapshot arrived.
    Dimuat(Rc<Snapshot>),
    /// The snapshot could not be loaded.
    GagalMuat(Msg),
    /// Choose a kecamatan.
    PilihUnit(String),
    /// Choose a view.
    PilihTab(Tab),
    /// Switch language.
    GantiBahasa,
    /// Type into a cell.
    Ubah(Kunci, String),
    /// The cell was left (blur or Enter): the next edit is a new undo step.
    SelesaiUbah,
    /// Reset one cell to the baseline.
    Kembalikan(Kunci),
    /// Reset every cell.
    KembalikanSemua,
    /// Undo the last edit.
    Urungkan,
    /// Redo.
    Ulangi,
    /// Save the current edits as a named scenario, created at a time.
    Simpan { nama: String, dibuat: String },
    /// Open a saved scenario.
    Buka(String),
    /// Delete a saved scenario.
    Hapus(String),
    /// Import scenarios from JSON text.
    Impor(String),
    /// Import a CSV of values as a scenario.
    ImporCsv { teks: String, nama: String },
    /// Saved scenarios read from the browser (or why not), where the
    /// original was backed up if anything could not be read, and whether
    /// the app may write to the browser's storage.
    Penyimpanan { hasil: Result<Dipulihkan, String>, cadangan: Option<String>, boleh_tulis: bool },
    /// Choose a scenario for side-by-side comparison (slot 0 or 1).
    PilihBanding(usize, Option<String>),
    /// Choose the indicator and year of the kabupaten comparison.
    PilihKab(String, i32),
    /// Dismiss a message.
    TutupPesan(usize),
}

fn record(s: &mut State, next: Edits, key: Option<Kunci>) {
    let coalesce = key.is_some() && key == s.terakhir;
    if !coalesce {
        s.undo.push(s.edits.clone());
    }
    s.redo.clear();
    s.edits = Rc::new(next);
    s.terakhir = key;
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
            Kunci::Nilai { kode_unit, indikator_id, tahun, jenis } => {
                s.nilai.push(sk::Nilai { kode_unit, indikator_id, tahun, jenis, nilai: n })
            }
            Kunci::Nrr { kode_unit, tahun, unsur_id } => s.nrr.push(sk::Nrr { kode_unit, tahun, unsur_id, nrr: n }),
            Kunci::Akip { kode_unit, tahun, komponen_id } => {
                s.akip.push(sk::Akip { kode_unit, tahun, komponen_id, nilai: n })
            }
            Kunci::Anggaran { kode_unit, tahun, kode_program } => {
                s.anggaran.push(sk::Anggaran { kode_unit, tahun, kode_program, realisasi: n })
            }
        }
    }
    s
}

/// The edits of a scenario.
pub fn from_skenario(s: &Skenario) -> Edits {
    let mut e = Edits::new();
    let isi = |d: Decimal| Isian { teks: d.to_string(), nilai: Some(d) };
    for n in &s.nilai {
        e.insert(
            Kunci::Nilai {
                kode_unit: n.kode_unit.clone(),
                indikator_id: n.indikator_id.clone(),
                tahun: n.tahun,
                jenis: n.jenis,
            },
            isi(n.nilai),
        );
    }
    for n in &s.nrr {
        e.insert(
            Kunci::Nrr { kode_unit: n.kode_unit.clone(), tahun: n.tahun, unsur_id: n.unsur_id.clone() },
            isi(n.nrr),
        );
    }
    for n in &s.akip {
        e.insert(
            Kunci::Akip { kode_unit: n.kode_unit.clone(), tahun: n.tahun, komponen_id: n.komponen_id.clone() },
            isi(n.nilai),
        );
    }
    for n in &s.anggaran {
        e.insert(
            Kunci::Anggaran { kode_unit: n.kode_unit.clone(), tahun: n.tahun, kode_program: n.kode_program.clone() },
            isi(n.realisasi),
        );
    }
    e
}

fn unique_name(existing: &[Skenario], nama: &str) -> String {
    if !existing.iter().any(|s| s.nama == nama) {
        return nama.to_string();
    }
    (2..).map(|i| format!("{nama} ({i})")).find(|n| !existing.iter().any(|s| &s.nama == n)).unwrap_or_default()
}

fn add_scenarios(s: &mut State, incoming: Vec<Skenario>) -> Vec<String> {
    let mut names = Vec::new();
    for mut x in incoming {
        x.nama = unique_name(&s.skenario, &x.nama);
        names.push(x.nama.clone());
        s.skenario.push(x);
    }
    s.revisi += 1;
    names
}

impl State {
    /// The saved scenarios as a file.
    pub fn berkas(&self) -> Berkas {
        Berkas { skenario: self.skenario.clone(), ..Berkas::default() }
    }

    /// The kabupaten of the loaded snapshot.
    pub fn kode_kabupaten(&self) -> String {
        self.snapshot.as_ref().map(|s| s.kode_kabupaten.clone()).unwrap_or_default()
    }

    /// The text shown in a cell: the edit if any, else `None` (show the baseline).
    pub fn teks(&self, k: &Kunci) -> Option<&Isian> {
        self.edits.get(k)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Dimuat(snap) => loaded(&mut s, snap),
            Action::GagalMuat(m) => s.muat = Muat::Gagal(m),
            Action::PilihUnit(u) => s.unit = Some(u),
            Action::PilihTab(t) => s.tab = t,
            Action::GantiBahasa => {
                s.lang = match s.lang {
                    Lang::Id => Lang::En,
                    Lang::En => Lang::Id,
                }
            }
            Action::Ubah(k, teks) => {
                let mut next = (*s.edits).clone();
                next.insert(k.clone(), Isian::baru(&teks));
                record(&mut s, next, Some(k));
            }
            Action::SelesaiUbah => s.terakhir = None,
            Action::Kembalikan(k) => reset(&mut s, Some(&k)),
            Action::KembalikanSemua => reset(&mut s, None),
            Action::Urungkan => undo(&mut s, true),
            Action::Ulangi => undo(&mut s, false),
            Action::Simpan { nama, dibuat } => save(&mut s, &nama, &dibuat),
            Action::Buka(nama) => open(&mut s, nama),
            Action::Hapus(nama) => delete(&mut s, &nama),
            Action::Impor(teks) => match sk::from_json(&teks) {
                Ok(b) => {
                    let names = add_scenarios(&mut s, b.skenario);
                    s.pesan.push(Pesan::Info(Msg::Diimpor(names)));
                }
                Err(e) => s.pesan.push(Pesan::Galat(Msg::ImporGagal(e.to_string()))),
            },
            Action::ImporCsv { teks, nama } => match sk::from_csv(&teks, &nama) {
                Ok(mut x) => {
                    x.kode_kabupaten = s.kode_kabupaten();
                    let names = add_scenarios(&mut s, vec![x]);
                    s.pesan.push(Pesan::Info(Msg::Diimpor(names)));
                }
                Err(e) => s.pesan.push(Pesan::Galat(Msg::ImporCsvGagal(e.to_string()))),
            },
            Action::Penyimpanan { hasil, cadangan, boleh_tulis } => restored(&mut s, hasil, cadangan, boleh_tulis),
            Action::PilihBanding(i, nama) => {
                if let Some(slot) = s.banding.get_mut(i) {
                    *slot = nama;
                }
            }
            Action::PilihKab(ind, tahun) => s.kab = Some((ind, tahun)),
            Action::TutupPesan(i) => {
                if i < s.pesan.len() {
                    s.pesan.remove(i);
                }
            }
        }
        Rc::new(s)
    }
}

/// The snapshot arrived: select the first kecamatan with real data (else
/// the first kecamatan) unless one is selected.
fn loaded(s: &mut State, snap: Rc<Snapshot>) {
    let real = snap.data.realisasi.iter().filter(|r| !kinerja_core::model::is_sintetis(&r.sumber));
    let first = real.map(|r| r.kode_unit.clone()).min().or_else(|| {
        let kecamatan = snap.data.wilayah.iter().find(|w| w.tingkat == kinerja_core::model::TingkatWilayah::Kecamatan);
        kecamatan.map(|w| w.kode.clone())
    });
    s.unit = s.unit.clone().or(first);
    s.snapshot = Some(snap);
    s.muat = Muat::Siap;
}

/// Resets one cell (or every cell) to the baseline, as one undo step.
fn reset(s: &mut State, k: Option<&Kunci>) {
    match k {
        Some(k) if s.edits.contains_key(k) => {
            let mut next = (*s.edits).clone();
            next.remove(k);
            record(s, next, None);
        }
        None if !s.edits.is_empty() => record(s, Edits::new(), None),
        _ => {}
    }
}

/// Undo (or redo) one step.
fn undo(s: &mut State, back: bool) {
    let (from, to) = if back { (&mut s.undo, &mut s.redo) } else { (&mut s.redo, &mut s.undo) };
    if let Some(edits) = from.pop() {
        to.push(s.edits.clone());
        s.edits = edits;
        s.terakhir = None;
    }
}

fn save(s: &mut State, nama: &str, dibuat: &str) {
    let nama = nama.trim().to_string();
    if nama.is_empty() {
        s.pesan.push(Pesan::Galat(Msg::NamaKosong));
        return;
    }
    let sk = to_skenario(&s.edits, &nama, dibuat, &s.kode_kabupaten());
    let skipped = s.edits.values().filter(|v| v.nilai.is_none()).count();
    match s.skenario.iter_mut().find(|x| x.nama == nama) {
        Some(x) => *x = sk,
        None => s.skenario.push(sk),
    }
    s.aktif = Some(nama.clone());
    s.revisi += 1;
    s.pesan.push(Pesan::Info(Msg::Disimpan(nama)));
    if skipped > 0 {
        s.pesan.push(Pesan::Galat(Msg::BukanAngka(skipped)));
    }
}

fn open(s: &mut State, nama: String) {
    if let Some(x) = s.skenario.iter().find(|x| x.nama == nama) {
        let next = from_skenario(x);
        record(s, next, None);
        s.aktif = Some(nama);
    }
}

fn delete(s: &mut State, nama: &str) {
    s.skenario.retain(|x| x.nama != nama);
    if s.aktif.as_deref() == Some(nama) {
        s.aktif = None;
    }
    for b in &mut s.banding {
        if b.as_deref() == Some(nama) {
            *b = None;
        }
    }
    s.revisi += 1;
}

/// Saved scenarios read from the browser's storage (or why not).
fn restored(s: &mut State, hasil: Result<Dipulihkan, String>, cadangan: Option<String>, boleh_tulis: bool) {
    s.boleh_tulis = boleh_tulis;
    if !boleh_tulis {
        s.pesan.push(Pesan::Galat(Msg::TidakDitulis));
    }
    match hasil {
        Ok(d) => {
            s.skenario = d.berkas.skenario;
            if !d.dilewati.is_empty() {
                let why = d.dilewati.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
                s.pesan.push(Pesan::Galat(Msg::Dilewati(why, cadangan)));
            }
            if d.versi_asal < sk::VERSI {
                s.pesan.push(Pesan::Info(Msg::Diperbarui(d.versi_asal, sk::VERSI)));
                s.revisi += 1;
            }
        }
        Err(m) => s.pesan.push(Pesan::Galat(Msg::TidakTerbaca(m, cadangan))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(tahun: i32) -> Kunci {
        Kunci::Nilai { kode_unit: "12.19.07".into(), indikator_id: "ikm".into(), tahun, jenis: Jenis::Target }
    }

    fn apply(s: Rc<State>, actions: Vec<Action>) -> Rc<State> {
        actions.into_iter().fold(s, |s, a| s.reduce(a))
    }

    #[test]
    fn typing_in_one_cell_is_one_undo_step() {
        let s = apply(
            Rc::new(State::default()),
            vec![
                Action::Ubah(key(2025), "8".into()),
                Action::Ubah(key(2025), "88".into()),
                Action::Ubah(key(2025), "88,5".into()),
            ],
        );
        assert_eq!(s.edits[&key(2025)], Isian { teks: "88,5".into(), nilai: Some(Decimal::new(885, 1)) });
        assert_eq!(s.undo.len(), 1);
        let s = apply(s, vec![Action::SelesaiUbah, Action::Ubah(key(2025), "89".into())]);
        assert_eq!(s.undo.len(), 2, "leaving the cell ends the step");
        let s = apply(s, vec![Action::Urungkan]);
        assert_eq!(s.edits[&key(2025)].teks, "88,5");
        let s = apply(s, vec![Action::Ubah(key(2026), "91".into()), Action::Urungkan]);
        assert!(!s.edits.contains_key(&key(2026)));
        let s = apply(s, vec![Action::Urungkan]);
        assert!(s.edits.is_empty());
        let s = apply(s, vec![Action::Ulangi, Action::Ulangi]);
        assert_eq!(s.edits.len(), 2);
        let s = apply(s, vec![Action::Urungkan, Action::Ubah(key(2024), "1".into())]);
        assert!(s.redo.is_empty(), "a new edit clears redo");
    }

    #[test]
    fn bad_text_is_kept_but_has_no_value() {
        let s = apply(Rc::new(State::default()), vec![Action::Ubah(key(2025), "1.234".into())]);
        assert_eq!(s.edits[&key(2025)].nilai, None);
        assert_eq!(s.edits[&key(2025)].teks, "1.234");
    }

    #[test]
    fn reset_one_and_all() {
        let s = apply(
            Rc::new(State::default()),
            vec![
                Action::Ubah(key(2025), "88".into()),
                Action::Ubah(key(2026), "90".into()),
                Action::Kembalikan(key(2025)),
            ],
        );
        assert_eq!(s.edits.keys().collect::<Vec<_>>(), vec![&key(2026)]);
        let s = apply(s, vec![Action::KembalikanSemua]);
        assert!(s.edits.is_empty());
        let s = apply(s, vec![Action::Urungkan]);
        assert_eq!(s.edits.len(), 1);
    }

    #[test]
    fn save_open_delete_scenarios() {
        let s = apply(
            Rc::new(State::default()),
            vec![
                Action::Ubah(key(2025), "88,5".into()),
                Action::Ubah(key(2026), "x".into()),
                Action::Simpan { nama: " optimis ".into(), dibuat: "2026-11-28T00:00:00Z".into() },
            ],
        );
        assert_eq!(s.skenario.len(), 1);
        assert_eq!(s.skenario[0].nama, "optimis");
        assert_eq!(s.skenario[0].nilai.len(), 1, "the unparsable cell is not saved");
        assert!(
            matches!(s.pesan.last(), Some(Pesan::Galat(m)) if crate::i18n::message(Lang::Id, m).contains("1 isian"))
        );
        let rev = s.revisi;
        let s = apply(s, vec![Action::KembalikanSemua, Action::Buka("optimis".into())]);
        assert_eq!(s.edits[&key(2025)].nilai, Some(Decimal::new(885, 1)));
        let s = apply(s, vec![Action::Simpan { nama: String::new(), dibuat: String::new() }]);
        assert!(matches!(s.pesan.last(), Some(Pesan::Galat(_))));
        let s = apply(s, vec![Action::PilihBanding(0, Some("optimis".into())), Action::Hapus("optimis".into())]);
        assert!(s.skenario.is_empty() && s.aktif.is_none() && s.banding[0].is_none());
        assert!(s.revisi > rev);
    }

    #[test]
    fn import_merges_and_reports_located_errors() {
        let s = apply(Rc::new(State::default()), vec![Action::Simpan { nama: "a".into(), dibuat: String::new() }]);
        let json = r#"{"format":"kinerja-skenario","versi":1,"skenario":[{"nama":"a"},{"nama":"b"}]}"#;
        let s = apply(s, vec![Action::Impor(json.into())]);
        assert_eq!(s.skenario.iter().map(|x| x.nama.as_str()).collect::<Vec<_>>(), ["a", "a (2)", "b"]);
        let bad = r#"{"versi":1,"skenario":[{"nama":"c","nilai":[{"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2025,"jenis":"target","nilai":"8x"}]}]}"#;
        let s = apply(s, vec![Action::Impor(bad.into())]);
        assert_eq!(s.skenario.len(), 3);
        assert!(
            matches!(s.pesan.last(), Some(Pesan::Galat(m)) if crate::i18n::message(Lang::En, m).contains("skenario[0].nilai[0].nilai"))
        );
        let s = apply(
            s,
            vec![Action::ImporCsv {
                teks: "kode_unit,indikator_id,tahun,jenis,nilai\n12.19.07,ikm,2025,target,87.5\n".into(),
                nama: "csv".into(),
            }],
        );
        assert_eq!(s.skenario.last().unwrap().nilai.len(), 1);
    }

    #[test]
    fn storage_recovery_messages() {
        let d = kinerja_skenario::read_storage(r#"{"skenario":[{"nama":"lama"},{"nama":""}]}"#).unwrap();
        let s = apply(
            Rc::new(State::default()),
            vec![Action::Penyimpanan {
                hasil: Ok(d),
                cadangan: Some("kinerja.skenario.cadangan".into()),
                boleh_tulis: true,
            }],
        );
        assert_eq!(s.skenario.len(), 1);
        assert_eq!(s.pesan.len(), 2);
        assert!(
            matches!(&s.pesan[0], Pesan::Galat(m) if { let m = crate::i18n::message(Lang::Id, m); m.contains("kinerja.skenario.cadangan") && m.contains("skenario[1].nama") })
        );
        assert_eq!(s.revisi, 1, "an upgraded store is written back in the new version");
        let s = apply(s, vec![Action::TutupPesan(0)]);
        assert_eq!(s.pesan.len(), 1);
        let s = apply(
            Rc::new(State::default()),
            vec![Action::Penyimpanan { hasil: Err("line 1".into()), cadangan: Some("k".into()), boleh_tulis: true }],
        );
        assert!(s.skenario.is_empty() && s.revisi == 0, "nothing is written on start-up");
        let s = apply(
            Rc::new(State::default()),
            vec![Action::Penyimpanan { hasil: Err("line 1".into()), cadangan: None, boleh_tulis: false }],
        );
        assert!(!s.boleh_tulis, "an original that could not be backed up is never overwritten");
        assert_eq!(s.pesan.len(), 2);
    }

    #[test]
    fn loading_selects_the_first_kecamatan_with_real_data() {
        let snap = Rc::new(crate::compute::tests::snapshot());
        let s = apply(Rc::new(State::default()), vec![Action::Dimuat(snap.clone())]);
        assert_eq!((s.muat.clone(), s.unit.as_deref()), (Muat::Siap, Some("12.19.07")));
        assert_eq!(s.kode_kabupaten(), "12.19");
        // A unit already chosen is kept when data arrives again.
        let s = apply(
            s,
            vec![Action::PilihUnit("12.19.11".into()), Action::Dimuat(snap), Action::PilihKab("akip".into(), 2023)],
        );
        assert_eq!((s.unit.as_deref(), s.kab.clone()), (Some("12.19.11"), Some(("akip".to_string(), 2023))));
    }

    #[test]
    fn language_tabs_units() {
        let s = apply(
            Rc::new(State::default()),
            vec![Action::GantiBahasa, Action::PilihTab(Tab::Ikm), Action::PilihUnit("12.19.11".into())],
        );
        assert_eq!((s.lang, s.tab, s.unit.as_deref()), (Lang::En, Tab::Ikm, Some("12.19.11")));
        let s = apply(s, vec![Action::GantiBahasa, Action::GagalMuat(Msg::SnapshotHttp(404))]);
        assert_eq!((s.lang, s.muat.clone()), (Lang::Id, Muat::Gagal(Msg::SnapshotHttp(404))));
    }
}
