//! The planner's state: one [`State`] changed only through [`Action`]s by
//! a pure reducer (Yew's `Reducible`), so every user action is testable
//! natively. Side effects (fetching the snapshot, the browser's storage,
//! the clock) happen in components and arrive here as actions.

use std::rc::Rc;

use kinerja_core::Decimal;
use kinerja_core::model::Snapshot;
use kinerja_core::notation::{Notasi, parse_number};
use kinerja_skenario::{self as sk, Jenis, Restored, ScenarioFile, Skenario};
use yew::Reducible;

use crate::compute::SortBy;
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

/// Loading status.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LoadStatus {
    /// Fetching the snapshot.
    #[default]
    Loading,
    /// Ready.
    Ready,
    /// Could not load; the message says why.
    Failed(Msg),
}

/// A message to the user, worded in the current language when shown
/// ([`crate::i18n::message`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Information.
    Info(Msg),
    /// Something went wrong.
    Error(Msg),
}

/// How the comparison view is narrowed and ordered.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comparison {
    /// Text searched in kecamatan names and codes.
    pub search: String,
    /// Row order.
    pub sort: SortBy,
}

/// The whole state. Every action makes a new one ([`Reducible::reduce`]), so
/// two states are equal only when they are the same value: comparing by
/// identity tells the view what changed without comparing snapshots of
/// thousands of rows field by field (nor shipping that comparison's code).
#[derive(Debug, Clone)]
pub struct State {
    /// The loaded data.
    pub snapshot: Option<Rc<Snapshot>>,
    /// Whether it holds synthetic figures (found once, when it arrives).
    pub sintetis: bool,
    /// Loading status.
    pub load_status: LoadStatus,
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
    pub last_edited: Option<Key>,
    /// Saved scenarios.
    pub skenario: Vec<Skenario>,
    /// Open scenario.
    pub open_scenario: Option<String>,
    /// Two scenarios compared side by side.
    pub compared: [Option<String>; 2],
    /// Indicator and year of the kabupaten comparison.
    pub kab: Option<(String, i32)>,
    /// How the comparison is narrowed and ordered.
    pub comparison: Comparison,
    /// Messages.
    pub messages: Vec<Message>,
    /// Bumped whenever saved scenarios change (the storage effect watches it).
    pub revision: u64,
    /// Whether saved scenarios may be written to the browser (false when
    /// unreadable storage could not be backed up: it is left untouched).
    pub may_write: bool,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Default for State {
    fn default() -> Self {
        State {
            snapshot: None,
            sintetis: false,
            load_status: LoadStatus::default(),
            lang: Lang::default(),
            tab: Tab::default(),
            unit: None,
            edits: Rc::default(),
            undo: vec![],
            redo: vec![],
            last_edited: None,
            skenario: vec![],
            open_scenario: None,
            compared: [None, None],
            kab: None,
            comparison: Comparison::default(),
            messages: vec![],
            revision: 0,
            may_write: true,
        }
    }
}

/// Everything the user (or an effect) can do.
#[derive(Debug, Clone, PartialEq)]
#[allow(missing_docs)] // variant fields are described on their variant
pub enum Action {
    /// The snapshot arrived.
    Loaded(Rc<Snapshot>),
    /// The snapshot could not be loaded.
    LoadFailed(Msg),
    /// Choose a kecamatan.
    SelectUnit(String),
    /// Choose a view.
    SelectTab(Tab),
    /// Switch language.
    ToggleLanguage,
    /// Type into a cell.
    Edit(Key, String),
    /// The cell was left (blur or Enter): the next edit is a new undo step.
    EndEdit,
    /// Reset one cell to the baseline.
    Reset(Key),
    /// Reset every cell.
    ResetAll,
    /// Undo the last edit.
    Undo,
    /// Redo.
    Redo,
    /// Save the current edits as a named scenario, created at a time.
    Save { nama: String, dibuat: String },
    /// Open a saved scenario.
    Open(String),
    /// Delete a saved scenario.
    Delete(String),
    /// Import scenarios from JSON text.
    Import(String),
    /// Import a CSV of values as a scenario.
    ImportCsv { teks: String, nama: String },
    /// A file offered for import is larger than [`MAX_IMPOR`] (its size in
    /// bytes): refused before it is read.
    ImportTooLarge(u64),
    /// Writing the scenarios to the browser's storage failed (it is full):
    /// they stay in this page, and what was stored before is unchanged.
    StorageWriteFailed,
    /// Saved scenarios read from the browser (or why not), where the
    /// original was backed up if anything could not be read, and whether
    /// the app may write to the browser's storage.
    StorageRead { result: Result<Restored, String>, backup: Option<String>, may_write: bool },
    /// Choose a scenario for side-by-side comparison (slot 0 or 1).
    SelectCompared(usize, Option<String>),
    /// Choose the indicator and year of the kabupaten comparison.
    SelectKabupaten(String, i32),
    /// Search the comparison's kecamatan by name or code.
    Search(String),
    /// Order the comparison's rows.
    Sort(SortBy),
    /// Dismiss a message.
    DismissMessage(usize),
}

/// The largest import Kinerja reads, in bytes: a province's scenario is
/// well under it; a larger file is refused before it is parsed, so the page
/// stays responsive.
pub const MAX_IMPOR: usize = 5 << 20;

/// Imports scenarios from JSON text, or from CSV text as the scenario `csv`.
fn import(s: &mut State, teks: &str, csv: Option<String>) {
    if teks.len() > MAX_IMPOR {
        s.messages.push(Message::Error(Msg::ImporTerlaluBesar(teks.len() as u64)));
        return;
    }
    let read = match csv {
        None => sk::from_json(teks).map(|b| b.skenario).map_err(|e| Msg::ImporGagal(e.to_string())),
        Some(nama) => sk::from_csv(teks, &nama)
            .map(|mut x| {
                x.kode_kabupaten = s.kode_wilayah();
                vec![x]
            })
            .map_err(|e| Msg::ImporCsvGagal(e.to_string())),
    };
    match read {
        Ok(list) => {
            let names = add_scenarios(s, list);
            s.messages.push(Message::Info(Msg::Diimpor(names)));
        }
        Err(m) => s.messages.push(Message::Error(m)),
    }
}

fn record(s: &mut State, next: Edits, key: Option<Key>) {
    let coalesce = key.is_some() && key == s.last_edited;
    if !coalesce {
        s.undo.push(s.edits.clone());
    }
    s.redo.clear();
    s.edits = Rc::new(next);
    s.last_edited = key;
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
    s.revision += 1;
    names
}

impl State {
    /// The saved scenarios as a file.
    pub fn scenario_file(&self) -> ScenarioFile {
        ScenarioFile { skenario: self.skenario.clone(), ..ScenarioFile::default() }
    }

    /// The region of the loaded snapshot (a kabupaten, a provinsi, or
    /// empty for the nation); scenarios record it as `kode_kabupaten`.
    pub fn kode_wilayah(&self) -> String {
        self.snapshot.as_ref().map(|s| s.kode_wilayah.clone()).unwrap_or_default()
    }

    /// The text shown in a cell: the edit if any, else `None` (show the baseline).
    pub fn teks(&self, k: &Key) -> Option<&Entry> {
        self.edits.get(k)
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Loaded(snap) => loaded(&mut s, snap),
            Action::LoadFailed(m) => s.load_status = LoadStatus::Failed(m),
            Action::SelectUnit(u) => s.unit = Some(u),
            Action::SelectTab(t) => s.tab = t,
            Action::ToggleLanguage => {
                s.lang = match s.lang {
                    Lang::Id => Lang::En,
                    Lang::En => Lang::Id,
                }
            }
            Action::Edit(k, teks) => {
                let mut next = (*s.edits).clone();
                next.insert(k.clone(), Entry::parse(&teks));
                record(&mut s, next, Some(k));
            }
            Action::EndEdit => s.last_edited = None,
            Action::Reset(k) => reset(&mut s, Some(&k)),
            Action::ResetAll => reset(&mut s, None),
            Action::Undo => undo(&mut s, true),
            Action::Redo => undo(&mut s, false),
            Action::Save { nama, dibuat } => save(&mut s, &nama, &dibuat),
            Action::Open(nama) => open(&mut s, nama),
            Action::Delete(nama) => delete(&mut s, &nama),
            Action::Import(teks) => import(&mut s, &teks, None),
            Action::ImportCsv { teks, nama } => import(&mut s, &teks, Some(nama)),
            Action::ImportTooLarge(bytes) => s.messages.push(Message::Error(Msg::ImporTerlaluBesar(bytes))),
            Action::StorageWriteFailed => s.messages.push(Message::Error(Msg::PenyimpananPenuh)),
            Action::StorageRead { result, backup, may_write } => restored(&mut s, result, backup, may_write),
            Action::SelectCompared(i, nama) => {
                if let Some(slot) = s.compared.get_mut(i) {
                    *slot = nama;
                }
            }
            Action::SelectKabupaten(ind, tahun) => s.kab = Some((ind, tahun)),
            Action::Search(text) => s.comparison.search = text,
            Action::Sort(by) => s.comparison.sort = by,
            Action::DismissMessage(i) => {
                if i < s.messages.len() {
                    s.messages.remove(i);
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
    s.sintetis = snap.data.realisasi.iter().any(|r| kinerja_core::model::is_sintetis(&r.sumber));
    if snap.ringkas && matches!(s.tab, Tab::Ikm | Tab::Akip | Tab::Anggaran) {
        s.tab = Tab::Kabupaten;
    }
    s.snapshot = Some(snap);
    s.load_status = LoadStatus::Ready;
}

/// Resets one cell (or every cell) to the baseline, as one undo step.
fn reset(s: &mut State, k: Option<&Key>) {
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
        s.last_edited = None;
    }
}

fn save(s: &mut State, nama: &str, dibuat: &str) {
    let nama = nama.trim().to_string();
    if nama.is_empty() {
        s.messages.push(Message::Error(Msg::NamaKosong));
        return;
    }
    let sk = to_skenario(&s.edits, &nama, dibuat, &s.kode_wilayah());
    let skipped = s.edits.values().filter(|v| v.nilai.is_none()).count();
    match s.skenario.iter_mut().find(|x| x.nama == nama) {
        Some(x) => *x = sk,
        None => s.skenario.push(sk),
    }
    s.open_scenario = Some(nama.clone());
    s.revision += 1;
    s.messages.push(Message::Info(Msg::Disimpan(nama)));
    if skipped > 0 {
        s.messages.push(Message::Error(Msg::BukanAngka(skipped)));
    }
}

fn open(s: &mut State, nama: String) {
    if let Some(x) = s.skenario.iter().find(|x| x.nama == nama) {
        let next = from_skenario(x);
        record(s, next, None);
        s.open_scenario = Some(nama);
    }
}

fn delete(s: &mut State, nama: &str) {
    s.skenario.retain(|x| x.nama != nama);
    if s.open_scenario.as_deref() == Some(nama) {
        s.open_scenario = None;
    }
    for b in &mut s.compared {
        if b.as_deref() == Some(nama) {
            *b = None;
        }
    }
    s.revision += 1;
}

/// Saved scenarios read from the browser's storage (or why not).
fn restored(s: &mut State, hasil: Result<Restored, String>, cadangan: Option<String>, may_write: bool) {
    s.may_write = may_write;
    if !may_write {
        s.messages.push(Message::Error(Msg::TidakDitulis));
    }
    match hasil {
        Ok(d) => {
            s.skenario = d.file.skenario;
            if !d.skipped.is_empty() {
                let why = d.skipped.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
                s.messages.push(Message::Error(Msg::Dilewati(why, cadangan)));
            }
            if d.from_version < sk::VERSI {
                s.messages.push(Message::Info(Msg::Diperbarui(d.from_version, sk::VERSI)));
                s.revision += 1;
            }
        }
        Err(m) => s.messages.push(Message::Error(Msg::TidakTerbaca(m, cadangan))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(tahun: i32) -> Key {
        Key::Nilai { kode_unit: "12.19.07".into(), indikator_id: "ikm".into(), tahun, jenis: Jenis::Target }
    }

    fn apply(s: Rc<State>, actions: Vec<Action>) -> Rc<State> {
        actions.into_iter().fold(s, |s, a| s.reduce(a))
    }

    #[test]
    fn typing_in_one_cell_is_one_undo_step() {
        let s = apply(
            Rc::new(State::default()),
            vec![
                Action::Edit(key(2025), "8".into()),
                Action::Edit(key(2025), "88".into()),
                Action::Edit(key(2025), "88,5".into()),
            ],
        );
        assert_eq!(s.edits[&key(2025)], Entry { teks: "88,5".into(), nilai: Some(Decimal::new(885, 1)) });
        assert_eq!(s.undo.len(), 1);
        let s = apply(s, vec![Action::EndEdit, Action::Edit(key(2025), "89".into())]);
        assert_eq!(s.undo.len(), 2, "leaving the cell ends the step");
        let s = apply(s, vec![Action::Undo]);
        assert_eq!(s.edits[&key(2025)].teks, "88,5");
        let s = apply(s, vec![Action::Edit(key(2026), "91".into()), Action::Undo]);
        assert!(!s.edits.contains_key(&key(2026)));
        let s = apply(s, vec![Action::Undo]);
        assert!(s.edits.is_empty());
        let s = apply(s, vec![Action::Redo, Action::Redo]);
        assert_eq!(s.edits.len(), 2);
        let s = apply(s, vec![Action::Undo, Action::Edit(key(2024), "1".into())]);
        assert!(s.redo.is_empty(), "a new edit clears redo");
    }

    #[test]
    fn bad_text_is_kept_but_has_no_value() {
        let s = apply(Rc::new(State::default()), vec![Action::Edit(key(2025), "1.234".into())]);
        assert_eq!(s.edits[&key(2025)].nilai, None);
        assert_eq!(s.edits[&key(2025)].teks, "1.234");
    }

    #[test]
    fn reset_one_and_all() {
        let s = apply(
            Rc::new(State::default()),
            vec![Action::Edit(key(2025), "88".into()), Action::Edit(key(2026), "90".into()), Action::Reset(key(2025))],
        );
        assert_eq!(s.edits.keys().collect::<Vec<_>>(), vec![&key(2026)]);
        let s = apply(s, vec![Action::ResetAll]);
        assert!(s.edits.is_empty());
        let s = apply(s, vec![Action::Undo]);
        assert_eq!(s.edits.len(), 1);
    }

    #[test]
    fn save_open_delete_scenarios() {
        let s = apply(
            Rc::new(State::default()),
            vec![
                Action::Edit(key(2025), "88,5".into()),
                Action::Edit(key(2026), "x".into()),
                Action::Save { nama: " optimis ".into(), dibuat: "2026-11-28T00:00:00Z".into() },
            ],
        );
        assert_eq!(s.skenario.len(), 1);
        assert_eq!(s.skenario[0].nama, "optimis");
        assert_eq!(s.skenario[0].nilai.len(), 1, "the unparsable cell is not saved");
        assert!(
            matches!(s.messages.last(), Some(Message::Error(m)) if crate::i18n::message(Lang::Id, m).contains("1 isian"))
        );
        let rev = s.revision;
        let s = apply(s, vec![Action::ResetAll, Action::Open("optimis".into())]);
        assert_eq!(s.edits[&key(2025)].nilai, Some(Decimal::new(885, 1)));
        let s = apply(s, vec![Action::Save { nama: String::new(), dibuat: String::new() }]);
        assert!(matches!(s.messages.last(), Some(Message::Error(_))));
        let s = apply(s, vec![Action::SelectCompared(0, Some("optimis".into())), Action::Delete("optimis".into())]);
        assert!(s.skenario.is_empty() && s.open_scenario.is_none() && s.compared[0].is_none());
        assert!(s.revision > rev);
    }

    #[test]
    fn import_merges_and_reports_located_errors() {
        let s = apply(Rc::new(State::default()), vec![Action::Save { nama: "a".into(), dibuat: String::new() }]);
        let json = r#"{"format":"kinerja-skenario","versi":1,"skenario":[{"nama":"a"},{"nama":"b"}]}"#;
        let s = apply(s, vec![Action::Import(json.into())]);
        assert_eq!(s.skenario.iter().map(|x| x.nama.as_str()).collect::<Vec<_>>(), ["a", "a (2)", "b"]);
        let bad = r#"{"versi":1,"skenario":[{"nama":"c","nilai":[{"kode_unit":"12.19.07","indikator_id":"ikm","tahun":2025,"jenis":"target","nilai":"8x"}]}]}"#;
        let s = apply(s, vec![Action::Import(bad.into())]);
        assert_eq!(s.skenario.len(), 3);
        assert!(
            matches!(s.messages.last(), Some(Message::Error(m)) if crate::i18n::message(Lang::En, m).contains("skenario[0].nilai[0].nilai"))
        );
        let s = apply(
            s,
            vec![Action::ImportCsv {
                teks: "kode_unit,indikator_id,tahun,jenis,nilai\n12.19.07,ikm,2025,target,87.5\n".into(),
                nama: "csv".into(),
            }],
        );
        assert_eq!(s.skenario.last().unwrap().nilai.len(), 1);
    }

    #[test]
    fn oversized_deep_and_huge_imports_are_refused_and_change_nothing() {
        let s = apply(Rc::new(State::default()), vec![Action::Save { nama: "a".into(), dibuat: String::new() }]);
        let rev = s.revision;
        // A million rows of CSV (about 40 MB): refused by size, not parsed.
        let row = "12.19.07,ikm,2025,target,87.5\n";
        let million = format!("kode_unit,indikator_id,tahun,jenis,nilai\n{}", row.repeat(1_000_000));
        let s = apply(s, vec![Action::ImportCsv { teks: million, nama: "besar".into() }]);
        assert!(matches!(s.messages.last(), Some(Message::Error(Msg::ImporTerlaluBesar(b))) if *b > 30_000_000));
        // A file refused before it is read.
        let s = apply(s, vec![Action::ImportTooLarge(6_000_000)]);
        assert!(matches!(s.messages.last(), Some(Message::Error(Msg::ImporTerlaluBesar(6_000_000)))));
        // Nesting 100,000 deep: refused by the JSON reader's depth limit.
        let s = apply(s, vec![Action::Import("[".repeat(100_000))]);
        assert!(
            matches!(s.messages.last(), Some(Message::Error(m)) if crate::i18n::message(Lang::En, m).contains("recursion limit"))
        );
        // Just under the limit, still read.
        let pad = " ".repeat(MAX_IMPOR - 100);
        let s = apply(s, vec![Action::Import(format!("{pad}{{\"versi\":1,\"skenario\":[{{\"nama\":\"b\"}}]}}"))]);
        assert_eq!(s.skenario.iter().map(|x| x.nama.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert!(s.revision > rev, "only the import that was read changed the scenarios");
    }

    #[test]
    fn a_full_storage_is_said_and_keeps_the_scenarios() {
        let s = apply(Rc::new(State::default()), vec![Action::Save { nama: "a".into(), dibuat: String::new() }]);
        let rev = s.revision;
        let s = apply(s, vec![Action::StorageWriteFailed]);
        assert!(matches!(s.messages.last(), Some(Message::Error(Msg::PenyimpananPenuh))));
        assert_eq!((s.skenario.len(), s.revision), (1, rev), "kept in the page; no new write is attempted");
        assert!(crate::i18n::message(Lang::Id, &Msg::PenyimpananPenuh).contains("penuh"));
    }

    #[test]
    fn storage_recovery_messages() {
        let d = kinerja_skenario::read_storage(r#"{"skenario":[{"nama":"lama"},{"nama":""}]}"#).unwrap();
        let s = apply(
            Rc::new(State::default()),
            vec![Action::StorageRead {
                result: Ok(d),
                backup: Some("kinerja.skenario.cadangan".into()),
                may_write: true,
            }],
        );
        assert_eq!(s.skenario.len(), 1);
        assert_eq!(s.messages.len(), 2);
        assert!(
            matches!(&s.messages[0], Message::Error(m) if { let m = crate::i18n::message(Lang::Id, m); m.contains("kinerja.skenario.cadangan") && m.contains("skenario[1].nama") })
        );
        assert_eq!(s.revision, 1, "an upgraded store is written back in the new version");
        let s = apply(s, vec![Action::DismissMessage(0)]);
        assert_eq!(s.messages.len(), 1);
        let s = apply(
            Rc::new(State::default()),
            vec![Action::StorageRead { result: Err("line 1".into()), backup: Some("k".into()), may_write: true }],
        );
        assert!(s.skenario.is_empty() && s.revision == 0, "nothing is written on start-up");
        let s = apply(
            Rc::new(State::default()),
            vec![Action::StorageRead { result: Err("line 1".into()), backup: None, may_write: false }],
        );
        assert!(!s.may_write, "an original that could not be backed up is never overwritten");
        assert_eq!(s.messages.len(), 2);
    }

    #[test]
    fn loading_selects_the_first_kecamatan_with_real_data() {
        let snap = Rc::new(crate::compute::tests::snapshot());
        let s = apply(Rc::new(State::default()), vec![Action::Loaded(snap.clone())]);
        assert_eq!((s.load_status.clone(), s.unit.as_deref()), (LoadStatus::Ready, Some("12.19.07")));
        assert_eq!((s.kode_wilayah().as_str(), s.sintetis), ("12.19", true));
        // A unit already chosen is kept when data arrives again.
        let s = apply(
            s,
            vec![
                Action::SelectUnit("12.19.11".into()),
                Action::Loaded(snap),
                Action::SelectKabupaten("akip".into(), 2023),
            ],
        );
        assert_eq!((s.unit.as_deref(), s.kab.clone()), (Some("12.19.11"), Some(("akip".to_string(), 2023))));
    }

    #[test]
    fn comparison_search_and_order() {
        let s = apply(Rc::new(State::default()), vec![Action::Search("sei".into()), Action::Sort(SortBy::Nama)]);
        assert_eq!(s.comparison, Comparison { search: "sei".into(), sort: SortBy::Nama });
        let s = apply(s, vec![Action::Search(String::new()), Action::Sort(SortBy::Peringkat)]);
        assert_eq!(s.comparison, Comparison::default());
    }

    #[test]
    fn language_tabs_units() {
        let s = apply(
            Rc::new(State::default()),
            vec![Action::ToggleLanguage, Action::SelectTab(Tab::Ikm), Action::SelectUnit("12.19.11".into())],
        );
        assert_eq!((s.lang, s.tab, s.unit.as_deref()), (Lang::En, Tab::Ikm, Some("12.19.11")));
        let s = apply(s, vec![Action::ToggleLanguage, Action::LoadFailed(Msg::SnapshotHttp(404))]);
        assert_eq!((s.lang, s.load_status.clone()), (Lang::Id, LoadStatus::Failed(Msg::SnapshotHttp(404))));
    }
}
