//! The planner's state: one [`State`] changed only through [`Action`]s by
//! a pure reducer (Yew's `Reducible`), so every user action is testable
//! natively. Side effects (fetching the snapshot, the browser's storage,
//! the clock) happen in components through `crate::browser` and arrive
//! here as actions.

use std::rc::Rc;

use kinerja_core::model::Snapshot;
use kinerja_skenario::{self as sk, Restored, ScenarioFile, Skenario};
use yew::Reducible;

use crate::edit::{Edits, Entry, Key, from_skenario, to_skenario};
use kinerja_pesan::{Arg, Message as _, msg};

use crate::i18n::{Lang, Notice};

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

/// Loading status.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LoadStatus {
    /// Fetching the snapshot.
    #[default]
    Loading,
    /// Ready.
    Ready,
    /// Could not load; the message says why.
    Failed(Notice),
}

/// A message to the user: a [`Notice`] and whether it is information or an
/// error, worded in the current language when shown
/// ([`crate::i18n::message`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Information.
    Info(Notice),
    /// Something went wrong.
    Error(Notice),
}

/// How the comparison lists its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    /// By rank, best first (kecamatan without data last).
    #[default]
    Peringkat,
    /// By name.
    Nama,
    /// By code.
    Kode,
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
    LoadFailed(Notice),
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
    StorageRead { result: Result<Restored, kinerja_pesan::Pesan>, backup: Option<String>, may_write: bool },
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

/// The message refusing an import of `bytes`, with the limit it exceeds.
fn too_large(bytes: u64) -> Notice {
    Notice::ImporTerlaluBesar { bytes, limit: MAX_IMPOR as u64 }
}

/// Imports scenarios from JSON text, or from CSV text as the scenario `csv`.
fn import(s: &mut State, teks: &str, csv: Option<String>) {
    if teks.len() > MAX_IMPOR {
        s.messages.push(Message::Error(too_large(teks.len() as u64)));
        return;
    }
    let read = match csv {
        None => sk::from_json(teks).map(|b| b.skenario).map_err(|e| Notice::ImporGagal(e.pesan())),
        Some(nama) => sk::from_csv(teks, &nama)
            .map(|mut x| {
                x.kode_kabupaten = s.kode_wilayah();
                vec![x]
            })
            .map_err(|e| Notice::ImporCsvGagal(e.pesan())),
    };
    match read {
        Ok(list) => {
            let names = add_scenarios(s, list);
            s.messages.push(Message::Info(Notice::Diimpor(names)));
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
            Action::ImportTooLarge(bytes) => s.messages.push(Message::Error(too_large(bytes))),
            Action::StorageWriteFailed => s.messages.push(Message::Error(Notice::PenyimpananPenuh)),
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
        s.messages.push(Message::Error(Notice::NamaKosong));
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
    s.messages.push(Message::Info(Notice::Disimpan(nama)));
    if skipped > 0 {
        s.messages.push(Message::Error(Notice::BukanAngka(skipped)));
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
fn restored(s: &mut State, hasil: Result<Restored, kinerja_pesan::Pesan>, cadangan: Option<String>, may_write: bool) {
    s.may_write = may_write;
    if !may_write {
        s.messages.push(Message::Error(Notice::TidakDitulis));
    }
    match hasil {
        Ok(d) => {
            s.skenario = d.file.skenario;
            if !d.skipped.is_empty() {
                let why = msg::teks(Arg::Daftar(d.skipped.iter().map(kinerja_pesan::Message::pesan).collect(), "; "));
                s.messages.push(Message::Error(Notice::Dilewati(why, cadangan)));
            }
            if d.from_version < sk::VERSI {
                s.messages.push(Message::Info(Notice::Diperbarui(d.from_version, sk::VERSI)));
                s.revision += 1;
            }
        }
        Err(m) => s.messages.push(Message::Error(Notice::TidakTerbaca(m, cadangan))),
    }
}

#[cfg(test)]
mod tests;
