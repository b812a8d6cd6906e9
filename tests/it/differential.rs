//! SQL macros and the core agree: every formula of the core's catalogue is
//! evaluated in Rust and in DuckDB on a dense grid (every band boundary,
//! ties at half a hundredth, zero targets, both polarities) and must give
//! identical results.

use duckdb::params;
use kinerja_core::Ratio;
use kinerja_core::band::ALL as BANDS;
use kinerja_core::catalogue;
use kinerja_core::formula::{ArgKind, Formula, Value};
use kinerja_core::{Decimal, Error};

/// Numbers for `Number` arguments: band edges in every scale (±0.005 and
/// ±0.01 around each), zero, negatives, money, small and repeating values.
fn numbers() -> Vec<Decimal> {
    let mut v: Vec<Decimal> = Vec::new();
    for t in BANDS {
        for b in t.bands {
            if b.min_hundredths == i64::MIN {
                continue;
            }
            for delta in [-100, -10, -5, -4, -1, 0, 1, 4, 5, 10] {
                // thousandths around the edge
                v.push(Decimal::new(b.min_hundredths * 10 + delta, 3));
            }
        }
    }
    for s in [
        "0",
        "0.0001",
        "0.01",
        "-0.005",
        "-5",
        "-10.295",
        "1",
        "2",
        "3",
        "3.0644",
        "3.064",
        "4",
        "7",
        "8",
        "9",
        "10",
        "12",
        "25",
        "27.15",
        "30.6",
        "71",
        "72.62",
        "75.35",
        "80.5",
        "85",
        "87.5",
        "90",
        "99.99",
        "100",
        "100.005",
        "101",
        "110",
        "119.995",
        "120",
        "150",
        "200",
        "250.5",
        "1000",
        "2960780030",
        "2823094761",
        "3001612",
        "2930000",
        "0.3333",
        "0.6667",
        "1.2345",
    ] {
        v.push(s.parse().unwrap());
    }
    v.sort();
    v.dedup();
    v
}

/// Fractions for `Fraction` arguments (counts of SKM answers and sums).
fn fractions() -> Vec<(i128, i128)> {
    let mut v = Vec::new();
    for den in [1i128, 3, 7, 9, 29, 97, 360, 9312] {
        for num in [den, den * 2, den * 3, den * 4, den * 9, den * 36, den * 27 + 1, den * 27 + den / 2, den * 30 - 1] {
            v.push((num, den));
        }
    }
    v.push((275_778, 10_000)); // Σ NRR giving IKM 76.605 with w = 1/9
    v.push((2300, 27));
    v
}

fn rust_outcome(f: &Formula, args: &[Value<'_>]) -> String {
    match f.eval_output(args) {
        Ok(o) => o.to_string(),
        Err(Error::Undefined { .. } | Error::OutOfRange { .. }) => "NULL".into(),
        Err(e) => format!("error {e}"),
    }
}

/// All argument tuples of a formula: a product over per-argument choices,
/// thinned for formulas with many arguments.
fn grid(f: &Formula) -> Vec<Vec<GridArg>> {
    let nums = numbers();
    let fracs = fractions();
    let per_arg: Vec<Vec<GridArg>> = f
        .args
        .iter()
        .map(|a| match a.kind {
            ArgKind::Number => nums.iter().map(|d| GridArg::Num(*d)).collect(),
            ArgKind::Fraction => fracs.iter().map(|(n, d)| GridArg::Frac(*n, *d)).collect(),
            // Every code the argument takes, and one it does not.
            ArgKind::Text(codes) => codes.iter().chain(&["lain"]).map(|c| GridArg::Text(c)).collect(),
        })
        .collect();
    let mut out: Vec<Vec<GridArg>> = vec![vec![]];
    for choices in per_arg {
        let mut next = Vec::new();
        for prefix in &out {
            for c in &choices {
                let mut p = prefix.clone();
                p.push(c.clone());
                next.push(p);
            }
        }
        out = next;
    }
    out
}

#[derive(Debug, Clone)]
enum GridArg {
    Num(Decimal),
    Frac(i128, i128),
    Text(&'static str),
}

#[test]
fn sql_macros_equal_the_core_on_a_dense_grid() {
    let store = kinerja_store::Store::open_in_memory().unwrap();
    let conn = store.conn();
    let mut checked = 0usize;
    let mut mismatches = Vec::new();
    for f in catalogue() {
        let rows = grid(&f);
        // One table per formula: columns a0.. (DECIMAL / HUGEINT pairs / VARCHAR).
        let mut cols = Vec::new();
        let mut sql_args = Vec::new();
        for (i, a) in f.args.iter().enumerate() {
            match a.kind {
                ArgKind::Number => {
                    cols.push(format!("a{i} DECIMAL(38,4)"));
                    sql_args.push(format!("a{i}"));
                }
                ArgKind::Fraction => {
                    cols.push(format!("a{i}n HUGEINT, a{i}d HUGEINT"));
                    sql_args.push(format!("a{i}n, a{i}d"));
                }
                ArgKind::Text(_) => {
                    cols.push(format!("a{i} VARCHAR"));
                    sql_args.push(format!("a{i}"));
                }
            }
        }
        conn.execute_batch(&format!("CREATE OR REPLACE TEMP TABLE g (id INTEGER, {})", cols.join(", "))).unwrap();
        {
            let mut app = conn.appender_to_catalog_and_db("g", "temp", "main").unwrap();
            for (id, row) in rows.iter().enumerate() {
                let mut vals: Vec<Box<dyn duckdb::ToSql>> = vec![Box::new(id as i32)];
                for a in row {
                    match a {
                        GridArg::Num(d) => vals.push(Box::new(*d)),
                        GridArg::Frac(n, d) => {
                            vals.push(Box::new(*n));
                            vals.push(Box::new(*d));
                        }
                        GridArg::Text(t) => vals.push(Box::new(t.to_string())),
                    }
                }
                app.append_row(duckdb::appender_params_from_iter(vals.iter().map(|b| b.as_ref()))).unwrap();
            }
        }
        let mut stmt = conn
            .prepare(&format!("SELECT id, CAST({}({}) AS VARCHAR) FROM g ORDER BY id", f.name, sql_args.join(", ")))
            .unwrap();
        let sql: Vec<(i32, Option<String>)> =
            stmt.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
        assert_eq!(sql.len(), rows.len(), "{}", f.name);
        for (row, (_, got)) in rows.iter().zip(sql) {
            let args: Vec<Value<'_>> = row
                .iter()
                .map(|a| match a {
                    GridArg::Num(d) => Value::Num(Ratio::from_decimal(*d)),
                    GridArg::Frac(n, d) => Value::Num(Ratio::new(*n, *d).unwrap()),
                    GridArg::Text(t) => Value::Text(t),
                })
                .collect();
            let want = rust_outcome(&f, &args);
            let got = got.unwrap_or_else(|| "NULL".into());
            if want != got {
                mismatches.push(format!("{}{:?}: core {want}, SQL {got}", f.name, row));
            }
            checked += 1;
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {checked} differ:\n{}",
        mismatches.len(),
        mismatches.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
    assert!(checked > 100_000, "only {checked} evaluations");
    println!("{checked} evaluations of {} formulas agree between SQL and the core", catalogue().len());
}

/// The synthetic-data marker: `kj_sintetis` in SQL and `is_sintetis` in the
/// core agree on every spelling, including look-alikes.
#[test]
fn synthetic_marker_agrees() {
    let store = kinerja_store::Store::open_in_memory().unwrap();
    let cases = [
        "sintetis",
        "Sintetis (seed 7)",
        "  SINTETIS",
        "\tsintetis",
        "data sintetis",
        "sintet",
        "",
        "S\u{130}NTETIS",
        "\u{17f}intetis",
        "sintetis\u{301}",
        "LKjIP Kec. Sei Balai 2024, Tabel 3.9",
    ];
    for c in cases {
        let sql: bool = store.conn().query_row("SELECT kj_sintetis(?)", [c], |r| r.get(0)).unwrap();
        assert_eq!(sql, kinerja_core::model::is_sintetis(c), "{c:?}");
    }
    let null: bool = store.conn().query_row("SELECT kj_sintetis(NULL)", [], |r| r.get(0)).unwrap();
    assert!(!null);
}

/// How sure an IKM is agrees on every path. The standard error stored with
/// the results (`hasil_galat_ikm`: answers summed in SQL, finished by the
/// core) is the core's own from the same answers, byte for byte; and the
/// analysts' view `v_peringkat_selang` gives the intervals and rank ranges
/// of the core's `kepastian_ikm`, which `kinerja compare` and the report
/// print — for a kabupaten's demo and two years of a synthetic nation.
#[test]
fn stored_intervals_and_rank_ranges_equal_the_core() {
    use kinerja_core::selang::jawaban::Jawaban;
    use kinerja_core::selang::{Galat, Metode, kepastian_ikm};
    use kinerja_core::skm::{Bobot, Skema, Skor};
    let store = kinerja_tests::seed_store();
    store.synth("12.19", 3).unwrap();
    let p = kinerja_store::synth::National { seed: 9, fraksi_ppm: 3_000, tahun_awal: 2023, tahun_akhir: 2024 };
    store.synth_national(p).unwrap();
    let c = store.conn();
    let q = "SELECT g.kode_unit, g.tahun, g.galat_baku, s.skema, s.bobot, s.populasi FROM hasil_galat_ikm g \
             JOIN skm_survei s USING (kode_unit, tahun) WHERE g.metode = 'analitik' ORDER BY ALL";
    let mut stmt = c.prepare(q).unwrap();
    let stored: Vec<(String, i32, Decimal, String, String, Option<u64>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(stored.len() >= 30, "{}", stored.len());
    for (kode, tahun, se, skema, bobot, populasi) in &stored {
        let mut stmt =
            c.prepare("SELECT responden, unsur_id, skor FROM skm_jawaban WHERE kode_unit = ? AND tahun = ?").unwrap();
        let rows: Vec<(i64, String, u8)> = stmt
            .query_map(params![kode, tahun], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let skema = Skema::parse(skema).unwrap();
        let answers = rows.iter().map(|(n, u, s)| (*n, u.as_str(), Skor::try_from(*s).unwrap()));
        let j = Jawaban::from_answers(skema, answers).unwrap();
        let core = j.galat(Bobot::parse(bobot).unwrap(), *populasi).unwrap();
        assert_eq!(core.baku, *se, "{kode} {tahun}");
    }
    let q = "SELECT kode_kabupaten, tahun, realisasi, galat_baku, metode_selang, selang_bawah, selang_atas, \
             peringkat_terbaik, peringkat_terburuk FROM v_peringkat_selang WHERE indikator_id = 'ikm' \
             ORDER BY kode_kabupaten, tahun, kode_unit";
    let mut stmt = c.prepare(q).unwrap();
    type Row = (
        String,
        i32,
        Option<Decimal>,
        Option<Decimal>,
        Option<String>,
        Option<Decimal>,
        Option<Decimal>,
        Option<i64>,
        Option<i64>,
    );
    let rows: Vec<Row> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let (mut groups, mut ranged) = (0, 0);
    for group in rows.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        let input: Vec<_> = group
            .iter()
            .map(|r| {
                let metode = if r.4.as_deref() == Some("konservatif") { Metode::Konservatif } else { Metode::Analitik };
                (r.2, r.3.map(|baku| Galat { baku, metode }))
            })
            .collect();
        let core = kepastian_ikm(&input).unwrap();
        for (r, (selang, rentang)) in group.iter().zip(core) {
            assert_eq!((r.5, r.6), (selang.map(|s| s.bawah), selang.map(|s| s.atas)), "{r:?}");
            let view = r.7.zip(r.8).map(|(a, b)| (usize::try_from(a).unwrap(), usize::try_from(b).unwrap()));
            assert_eq!(view, rentang, "{r:?}");
            ranged += usize::from(rentang.is_some_and(|(a, b)| a < b));
        }
        groups += 1;
    }
    assert!(groups >= 10 && ranged >= 10, "{groups} groups, {ranged} uncertain ranks");
}

/// The analysts' year-on-year view `v_tren_selang` gives each IKM change
/// the interval and verdict of the core's `perubahan`, which the LKjIP's
/// sentence prints: five years of a synthetic nation.
#[test]
fn year_on_year_intervals_equal_the_core() {
    use kinerja_core::Ratio;
    use kinerja_core::selang::{Galat, Metode, perubahan};
    let store = kinerja_tests::seed_store();
    let p = kinerja_store::synth::National { seed: 4, fraksi_ppm: 2_000, tahun_awal: 2021, tahun_akhir: 2025 };
    store.synth_national(p).unwrap();
    let c = store.conn();
    let q = "SELECT v.realisasi, v.realisasi_sebelumnya, g1.galat_baku, g1.metode, g0.galat_baku, g0.metode, \
             v.perubahan, v.galat_baku_perubahan, v.selang_bawah, v.selang_atas, v.metode_selang, v.terbedakan \
             FROM v_tren_selang v \
             JOIN hasil_galat_ikm g1 ON g1.kode_unit = v.kode_unit AND g1.tahun = v.tahun \
             JOIN hasil_galat_ikm g0 ON g0.kode_unit = v.kode_unit AND g0.tahun = v.tahun_sebelumnya";
    let mut stmt = c.prepare(q).unwrap();
    let mut rows = stmt.query([]).unwrap();
    let (mut n, mut told) = (0, 0);
    while let Some(r) = rows.next().unwrap() {
        let g = |i: usize, j: usize| {
            let metode =
                if r.get::<_, String>(j).unwrap() == "konservatif" { Metode::Konservatif } else { Metode::Analitik };
            Galat { baku: r.get(i).unwrap(), metode }
        };
        let (baru, lama) = (Ratio::from_decimal(r.get(0).unwrap()), Ratio::from_decimal(r.get(1).unwrap()));
        let core =
            perubahan((baru, &g(2, 3).selang_ikm(baru).unwrap()), (lama, &g(4, 5).selang_ikm(lama).unwrap())).unwrap();
        let view: (Decimal, Decimal, Decimal, Decimal, String, bool) = (
            r.get(6).unwrap(),
            r.get(7).unwrap(),
            r.get(8).unwrap(),
            r.get(9).unwrap(),
            r.get(10).unwrap(),
            r.get(11).unwrap(),
        );
        let metode = if core.selang.metode == Metode::Konservatif { "konservatif" } else { "analitik" };
        let want = (
            core.selisih,
            core.selang.galat_baku,
            core.selang.bawah,
            core.selang.atas,
            metode.to_string(),
            core.terbedakan,
        );
        assert_eq!(view, want);
        n += 1;
        told += usize::from(core.terbedakan);
    }
    assert!(n >= 40 && told > 0 && told < n, "{n} changes, {told} told apart");
}
