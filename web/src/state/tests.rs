//! The reducer's tests: every user action, natively.

use kinerja_core::Decimal;
use kinerja_skenario::Jenis;

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
    assert!(
        matches!(s.messages.last(), Some(Message::Error(Notice::ImporTerlaluBesar { bytes, .. })) if *bytes > 30_000_000)
    );
    // A file refused before it is read.
    let s = apply(s, vec![Action::ImportTooLarge(6_000_000)]);
    assert!(
        matches!(s.messages.last(), Some(Message::Error(Notice::ImporTerlaluBesar { bytes: 6_000_000, limit })) if *limit == MAX_IMPOR as u64)
    );
    // Nesting 100,000 deep: refused by the reader's depth limit before parsing.
    let s = apply(s, vec![Action::Import("[".repeat(100_000))]);
    assert!(
        matches!(s.messages.last(), Some(Message::Error(m)) if crate::i18n::message(Lang::En, m).contains("nested more than 64 deep"))
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
    assert!(matches!(s.messages.last(), Some(Message::Error(Notice::PenyimpananPenuh))));
    assert_eq!((s.skenario.len(), s.revision), (1, rev), "kept in the page; no new write is attempted");
    assert!(crate::i18n::message(Lang::Id, &Notice::PenyimpananPenuh).contains("penuh"));
}

#[test]
fn storage_recovery_messages() {
    let d = kinerja_skenario::read_storage(r#"{"skenario":[{"nama":"lama"},{"nama":""}]}"#).unwrap();
    let s = apply(
        Rc::new(State::default()),
        vec![Action::StorageRead { result: Ok(d), backup: Some("kinerja.skenario.cadangan".into()), may_write: true }],
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
        vec![Action::StorageRead {
            result: Err(kinerja_pesan::msg::teks("line 1")),
            backup: Some("k".into()),
            may_write: true,
        }],
    );
    assert!(s.skenario.is_empty() && s.revision == 0, "nothing is written on start-up");
    let s = apply(
        Rc::new(State::default()),
        vec![Action::StorageRead { result: Err(kinerja_pesan::msg::teks("line 1")), backup: None, may_write: false }],
    );
    assert!(!s.may_write, "an original that could not be backed up is never overwritten");
    assert_eq!(s.messages.len(), 2);
}

#[test]
fn loading_selects_the_first_kecamatan_with_real_data() {
    let snap = Rc::new(crate::fixture::snapshot());
    let s = apply(Rc::new(State::default()), vec![Action::Loaded(snap.clone())]);
    assert_eq!((s.load_status.clone(), s.unit.as_deref()), (LoadStatus::Ready, Some("12.19.07")));
    assert_eq!((s.kode_wilayah().as_str(), s.sintetis), ("12.19", true));
    // A unit already chosen is kept when data arrives again.
    let s = apply(
        s,
        vec![Action::SelectUnit("12.19.11".into()), Action::Loaded(snap), Action::SelectKabupaten("akip".into(), 2023)],
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
    let s = apply(s, vec![Action::ToggleLanguage, Action::LoadFailed(Notice::SnapshotHttp(404))]);
    assert_eq!((s.lang, s.load_status.clone()), (Lang::Id, LoadStatus::Failed(Notice::SnapshotHttp(404))));
}
