//! Raw SKM answers in the store: the database's IKM equals the core's, and
//! answer files (CSV or Parquet, any column type) are checked and located
//! in the database before a row is stored.

use kinerja_store::{Error, Store};
use kinerja_tests::seed_store;

use kinerja_core::model::Dataset;

use crate::store::{assert_cache_current, fingerprint, one, s};

#[test]
fn raw_answers_give_the_core_ikm_exactly() {
    use kinerja_core::model::SkmJawaban;
    use kinerja_core::skm::{Bobot, Skema, Skor, Tally, UNSUR_2017};
    let store = seed_store();
    let mut data = Dataset::default();
    let mut tally = Tally::new(Skema::PermenPanRb14_2017);
    // 97 respondents; some skip unsur, so the counts differ (exercises the exact sum).
    for r in 1..=97i64 {
        for (i, u) in UNSUR_2017.iter().enumerate() {
            if (r + i as i64) % 13 == 0 {
                continue;
            }
            let skor = Skor::try_from(1 + ((r * 7 + i as i64 * 3) % 4) as u8).unwrap();
            tally.add(u.id, skor).unwrap();
            data.skm_jawaban.push(SkmJawaban {
                kode_unit: "12.19.11".into(),
                tahun: 2024,
                responden: r,
                unsur_id: u.id.into(),
                skor,
                sumber: "uji".into(),
            });
        }
    }
    let loaded = store.load(&data, &mut |_, _, _| {}).unwrap();
    assert!(loaded.segar);
    assert_cache_current(&store, "a load of raw answers only");
    let want = tally.ikm(Bobot::Tepat).unwrap();
    assert_eq!(
        one(&store, "SELECT dasar, ikm, mutu FROM v_ikm WHERE kode_unit = '12.19.11' AND tahun = 2024"),
        vec![s("jawaban"), Some(want.rounded().unwrap().to_string()), Some(want.mutu().unwrap().code.to_string())]
    );
    let n = one(&store, "SELECT n, jumlah FROM skm_agregat WHERE kode_unit = '12.19.11' AND unsur_id = 'waktu'");
    let (sum, cnt) = tally.get("waktu").unwrap();
    assert_eq!(n, vec![Some(cnt.to_string()), Some(sum.to_string())]);
    // Reloading the same answers changes nothing; changing one answer refreshes the aggregate.
    assert_eq!(store.load(&data, &mut |_, _, _| {}).unwrap().changed(), 0);
    let first = data.skm_jawaban[0].clone();
    data.skm_jawaban[0].skor = Skor::try_from(if first.skor.get() == 4 { 1 } else { 4 }).unwrap();
    store.load(&data, &mut |_, _, _| {}).unwrap();
    assert_cache_current(&store, "one raw answer changed");
    let after = one(
        &store,
        &format!("SELECT jumlah FROM skm_agregat WHERE kode_unit = '12.19.11' AND unsur_id = '{}'", first.unsur_id),
    );
    assert_ne!(after, vec![Some(tally.get(&first.unsur_id).unwrap().0.to_string())]);
    // Streamed answers of another unit-year: only what answers feed is
    // recomputed, and everything stored stays equal to its view.
    let dir = tempfile::tempdir().unwrap();
    let rows: Vec<String> = (1..=5)
        .flat_map(|r| UNSUR_2017.iter().map(move |u| format!("('12.19.11', '2025', '{r}', '{}', '3', 'uji')", u.id)))
        .collect();
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    answers_parquet(&dir.path().join("skm_jawaban.parquet"), ANSWER_COLUMNS, &rows);
    store.load_dir(dir.path(), &mut |_, _, _| {}).unwrap();
    assert_cache_current(&store, "streamed raw answers only");
    let ikm = one(&store, "SELECT ikm FROM v_ikm WHERE kode_unit = '12.19.11' AND tahun = 2025");
    assert_eq!(ikm, vec![s("75.00")], "NRR 3 on every unsur");
}

/// Writes raw answers as a Parquet file (columns as given, all text).
fn answers_parquet(path: &std::path::Path, columns: &str, rows: &[&str]) {
    let values = rows.join(", ");
    let q = format!("COPY (SELECT * FROM (VALUES {values}) t({columns})) TO '{}' (FORMAT parquet)", path.display());
    Store::open_in_memory().unwrap().sql(&q).unwrap();
}

const ANSWER_COLUMNS: &str = "kode_unit, tahun, responden, unsur_id, skor, sumber";

#[test]
fn parquet_answers_are_checked_in_the_database_and_located() {
    let dir = tempfile::tempdir().unwrap();
    let store = seed_store();
    let before = fingerprint(&store);
    let src = "'Survei 2025'";
    let ok = |r: u32, unsur: &str, skor: &str| format!("('12.19.07', '2025', '{r}', '{unsur}', '{skor}', {src})");
    let mut rows: Vec<String> = (1..=3).map(|r| ok(r, "waktu", "3")).collect();
    rows.push(ok(4, "waktu", "5")); // record 4: a 5-point scale
    rows.push(ok(5, "waktu", "3.5")); // record 5: not an integer
    rows.push(ok(6, "harga", "2")); // record 6: not an unsur of PermenPANRB 14/2017
    rows.push(ok(1, "waktu", "4")); // record 7: respondent 1 again
    rows.push(format!("('12.19.99', '2025', '1', 'waktu', '3', {src})")); // record 8: unknown unit
    rows.push(format!("('12.19.07', '20x5', '9', 'waktu', '3', {src})")); // record 9: no year
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    answers_parquet(&dir.path().join("skm_jawaban.parquet"), ANSWER_COLUMNS, &rows);
    let err = store.load_dir(dir.path(), &mut |_, _, _| {}).unwrap_err();
    let Error::Data(kinerja_data::Error::Invalid(problems)) = &err else { panic!("{err}") };
    let found: Vec<String> = problems.iter().map(kinerja_data::Problem::found_text).collect();
    let got: Vec<(Option<usize>, &str, &str)> =
        problems.iter().zip(&found).map(|(p, f)| (p.row, p.column.as_deref().unwrap(), f.as_str())).collect();
    assert_eq!(
        got,
        [
            (Some(1), "unsur_id", "respondent 1 answers waktu 2 times"),
            (Some(4), "skor", "5"),
            (Some(5), "skor", "3.5"),
            (Some(6), "unsur_id", "harga"),
            (Some(7), "unsur_id", "respondent 1 answers waktu 2 times"),
            (Some(8), "kode_unit", "12.19.99"),
            (Some(9), "tahun", "20x5"),
        ]
    );
    assert!(problems.iter().all(|p| p.file == "skm_jawaban.parquet"));
    assert_eq!(fingerprint(&store), before, "nothing written");
    // A file without the columns of skm_jawaban is refused before it is read.
    std::fs::remove_file(dir.path().join("skm_jawaban.parquet")).unwrap();
    answers_parquet(
        &dir.path().join("skm_jawaban_2.parquet"),
        "kode_unit, tahun, orang, unsur_id, skor, sumber",
        &rows[..1],
    );
    let err = store.load_dir(dir.path(), &mut |_, _, _| {}).unwrap_err().to_string();
    assert!(
        err.contains("skm_jawaban_2.parquet") && err.contains("a column responden") && err.contains("orang"),
        "{err}"
    );
    assert_eq!(fingerprint(&store), before);
    // Fixed, the answers replace the unit-year's and its aggregate is current.
    std::fs::remove_file(dir.path().join("skm_jawaban_2.parquet")).unwrap();
    answers_parquet(&dir.path().join("skm_jawaban.parquet"), ANSWER_COLUMNS, &rows[..3]);
    store.load_dir(dir.path(), &mut |_, _, _| {}).unwrap();
    let agg = one(
        &store,
        "SELECT jumlah, n FROM skm_agregat WHERE kode_unit = '12.19.07' AND tahun = 2025 AND unsur_id = 'waktu'",
    );
    assert_eq!(agg, vec![s("9"), s("3")]);
}

/// Integer columns are read by their range alone; a decimal column holds an
/// answer only where it reads as the integer itself (3.0 is not one).
#[test]
fn parquet_answers_of_any_column_type_are_checked_alike() {
    let check = |rows: &[&str], expect: &[(usize, &str, &str)]| {
        let dir = tempfile::tempdir().unwrap();
        let store = seed_store();
        let before = fingerprint(&store);
        answers_parquet(&dir.path().join("skm_jawaban.parquet"), ANSWER_COLUMNS, rows);
        let err = store.load_dir(dir.path(), &mut |_, _, _| {}).expect_err(&format!("{rows:?}"));
        let Error::Data(kinerja_data::Error::Invalid(problems)) = &err else { panic!("{err}") };
        let found: Vec<String> = problems.iter().map(kinerja_data::Problem::found_text).collect();
        let got: Vec<(usize, &str, &str)> = problems
            .iter()
            .zip(&found)
            .map(|(p, f)| (p.row.unwrap(), p.column.as_deref().unwrap(), f.as_str()))
            .collect();
        assert_eq!(got, expect, "{rows:?}");
        assert_eq!(fingerprint(&store), before, "nothing written");
    };
    // INTEGER and BIGINT columns: beyond a year, a respondent number, a score.
    check(
        &[
            "('12.19.07', 2025, 1, 'waktu', 3, 'S')",
            "('12.19.07', 70000, 2, 'waktu', 3, 'S')",
            "('12.19.07', 2025, 3000000000, 'waktu', 3, 'S')",
            "('12.19.07', 2025, 4, 'waktu', 300, 'S')",
            "('12.19.07', 2025, 5, 'waktu', 5, 'S')",
        ],
        &[(2, "tahun", "70000"), (3, "responden", "3000000000"), (4, "skor", "300"), (5, "skor", "5")],
    );
    // DOUBLE columns: 3.0 and 2025.5 are not integers, 2.0 and 2025.0 neither.
    check(
        &[
            "('12.19.07', 2025.0::DOUBLE, 1.0::DOUBLE, 'waktu', 3.0::DOUBLE, 'S')",
            "('12.19.07', 2025.5::DOUBLE, 2.0::DOUBLE, 'waktu', 3.5::DOUBLE, 'S')",
        ],
        &[
            (1, "responden", "1.0"),
            (1, "skor", "3.0"),
            (1, "tahun", "2025.0"),
            (2, "responden", "2.0"),
            (2, "skor", "3.5"),
            (2, "tahun", "2025.5"),
        ],
    );
}

/// A respondent answering an unsur twice is found whatever their numbers:
/// within [`kinerja_store::RESPONDEN_SPAN_MAX`] of each other (one bit each, in the
/// aggregating scan) and beyond it (hashing), at the boundary both ways.
#[test]
fn answering_twice_is_found_however_far_apart_the_respondent_numbers_lie() {
    let check = |respondents: &[i64], twice: Option<i64>| {
        let dir = tempfile::tempdir().unwrap();
        let store = seed_store();
        let before = fingerprint(&store);
        let rows: Vec<String> =
            respondents.iter().map(|r| format!("('12.19.07', 2025, {r}, 'waktu', 3, 'Survei 2025')")).collect();
        let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
        answers_parquet(&dir.path().join("skm_jawaban.parquet"), ANSWER_COLUMNS, &rows);
        let got = store.load_dir(dir.path(), &mut |_, _, _| {});
        match twice {
            None => {
                got.unwrap_or_else(|e| panic!("{respondents:?}: {e}"));
                let n = one(
                    &store,
                    "SELECT n FROM skm_agregat WHERE kode_unit = '12.19.07' AND tahun = 2025 AND unsur_id = 'waktu'",
                );
                assert_eq!(n, vec![Some(respondents.len().to_string())], "{respondents:?}");
            }
            Some(r) => {
                let err = got.expect_err(&format!("{respondents:?}")).to_string();
                assert!(err.contains(&format!("respondent {r} answers waktu 2 times")), "{respondents:?}: {err}");
                assert_eq!(fingerprint(&store), before, "nothing written");
            }
        }
    };
    let far = kinerja_store::RESPONDEN_SPAN_MAX;
    // One bit per number: the range is RESPONDEN_SPAN_MAX − 1 wide.
    check(&[1, 2, far], None);
    check(&[1, far, far], Some(far));
    check(&[1, 1, far], Some(1));
    // Hashing: the range is RESPONDEN_SPAN_MAX wide, and far wider.
    check(&[1, 2, far + 1], None);
    check(&[1, far + 1, far + 1], Some(far + 1));
    check(&[7, 900_000_000, 7], Some(7));
    check(&[-5, 900_000_000], None);
}
