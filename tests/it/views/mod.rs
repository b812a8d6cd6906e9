//! The analyst views and the core agree: on a generated dataset that
//! touches every rule (see [`data`]), every derived column of every view
//! equals what `kinerja-core` computes for the same rows. The views may
//! join, group and rank in SQL; this test is what keeps them to the core's
//! definitions ([`oracle`] calls the core for every figure, and only finds
//! the rows in Rust).

mod data;
mod oracle;

use std::collections::BTreeMap;

use kinerja_core::Decimal;

/// What a column holds, for comparing SQL text with the core's values.
#[derive(Clone, Copy)]
pub enum Kind {
    /// A number: compared by value (`88.6500` equals `88.65`).
    Num,
    /// Text, an integer or a boolean: compared as printed.
    Text,
}

/// Rows by key (`|`-joined key columns), each a list of cells as text.
pub type Rows = BTreeMap<String, Vec<String>>;

/// One view under test: its key columns and derived columns.
pub struct View {
    pub name: &'static str,
    pub keys: &'static [&'static str],
    pub cols: &'static [(&'static str, Kind)],
}

fn canonical(text: Option<String>, kind: Kind) -> String {
    match (text, kind) {
        (None, _) => "NULL".into(),
        (Some(t), Kind::Num) => t.parse::<Decimal>().map_or(t.clone(), |d| d.normalize().to_string()),
        (Some(t), Kind::Text) => t,
    }
}

fn sql_rows(store: &kinerja_store::Store, v: &View) -> Rows {
    let key = v
        .keys
        .iter()
        .map(|k| format!("coalesce(CAST({k} AS VARCHAR), 'NULL')"))
        .collect::<Vec<_>>()
        .join(" || '|' || ");
    let cols = v.cols.iter().map(|(c, _)| format!("CAST({c} AS VARCHAR)")).collect::<Vec<_>>().join(", ");
    let sql = format!("SELECT {key}, {cols} FROM {}", v.name);
    let mut stmt = store.conn().prepare(&sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    let mut out = Rows::new();
    let rows = stmt
        .query_map([], |r| {
            let k: String = r.get(0)?;
            let cells =
                (0..v.cols.len()).map(|i| r.get::<_, Option<String>>(i + 1)).collect::<duckdb::Result<Vec<_>>>()?;
            Ok((k, cells))
        })
        .unwrap();
    for row in rows {
        let (k, cells) = row.unwrap();
        let cells = cells.into_iter().zip(v.cols).map(|(c, (_, kind))| canonical(c, *kind)).collect();
        assert!(out.insert(k.clone(), cells).is_none(), "{}: key {k} twice", v.name);
    }
    out
}

/// Differences between the view's rows and the core's, as readable lines.
fn diff(v: &View, sql: &Rows, core: &Rows) -> Vec<String> {
    let mut out = Vec::new();
    for (k, want) in core {
        match sql.get(k) {
            None => out.push(format!("{} {k}: missing in SQL", v.name)),
            Some(got) => {
                for ((c, _), (w, g)) in v.cols.iter().zip(want.iter().zip(got)) {
                    if w != g {
                        out.push(format!("{} {k} {c}: core {w}, SQL {g}", v.name));
                    }
                }
            }
        }
    }
    out.extend(sql.keys().filter(|k| !core.contains_key(*k)).map(|k| format!("{} {k}: only in SQL", v.name)));
    out
}

#[test]
fn every_view_column_equals_the_core() {
    let d = data::dataset();
    let store = kinerja_store::Store::open_in_memory().unwrap();
    store.load(&d, &mut |_, _, _| {}).unwrap();
    let o = oracle::Oracle::new(&d);
    let mut problems = Vec::new();
    let mut cells = 0;
    for (view, core) in o.all() {
        let sql = sql_rows(&store, &view);
        assert!(!core.is_empty(), "{}: the generated data gives no rows", view.name);
        cells += core.len() * view.cols.len();
        problems.extend(diff(&view, &sql, &core));
    }
    assert!(
        problems.is_empty(),
        "{} differences:\n{}",
        problems.len(),
        problems.iter().take(60).cloned().collect::<Vec<_>>().join("\n")
    );
    assert!(cells > 5_000, "only {cells} cells compared");
    println!("{cells} derived cells of the views agree with the core");
}

#[test]
fn the_generated_data_reaches_every_band_and_edge() {
    let d = data::dataset();
    let store = kinerja_store::Store::open_in_memory().unwrap();
    store.load(&d, &mut |_, _, _| {}).unwrap();
    let distinct = |sql: &str| -> Vec<String> {
        let mut stmt = store.conn().prepare(sql).unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap).collect()
    };
    let predikat = distinct("SELECT DISTINCT predikat FROM v_capaian WHERE predikat IS NOT NULL ORDER BY 1");
    assert_eq!(predikat, ["Rendah", "Sangat Rendah", "Sangat Tinggi", "Sedang", "Tinggi"]);
    let akip = distinct(
        "SELECT DISTINCT kategori_kode FROM v_capaian WHERE jenis = 'akip' AND kategori_kode IS NOT NULL ORDER BY 1",
    );
    assert_eq!(akip, ["A", "AA", "B", "BB", "C", "CC", "D"]);
    let mutu = distinct("SELECT DISTINCT mutu FROM v_ikm WHERE mutu IS NOT NULL ORDER BY 1");
    assert_eq!(mutu, ["A", "B", "C", "D"], "every mutu band");
    let ties = distinct(
        "SELECT CAST(count(*) AS VARCHAR) FROM v_peringkat GROUP BY kode_kabupaten, indikator_id, tahun, peringkat HAVING count(*) > 1 AND peringkat IS NOT NULL",
    );
    assert!(!ties.is_empty(), "no tie in any ranking");
    let edges = distinct("SELECT DISTINCT CAST(ikm AS VARCHAR) FROM v_ikm WHERE ikm = 76.61");
    assert_eq!(edges, ["76.61"], "the stored NRR at IKM 76,605 round to 76,61");
}

#[test]
fn every_analyst_view_carries_the_identifying_columns() {
    let store = kinerja_tests::seed_store();
    for v in [
        "v_capaian",
        "v_tren",
        "v_perubahan",
        "v_peringkat",
        "v_ikm",
        "v_skm_unsur",
        "v_akip",
        "v_akip_komponen",
        "v_anggaran_belanja",
        "v_anggaran_program",
        "v_anggaran_total",
        "v_anggaran_sasaran",
        "v_efisiensi",
    ] {
        let t = store.sql(&format!("SELECT * FROM {v} LIMIT 0")).unwrap();
        for c in ["kode_kabupaten", "kode_unit", "nama_unit", "tahun"] {
            assert!(t.columns.iter().any(|k| k == c), "{v} lacks {c}: {:?}", t.columns);
        }
    }
    let t = store.sql("SELECT count(*), count(*) FILTER (tahun = tahun_ke) FROM v_perubahan").unwrap();
    assert_eq!(t.rows[0][0], t.rows[0][1], "v_perubahan.tahun is the later year");
    assert_ne!(t.rows[0][0].as_deref(), Some("0"), "the seed has changes between years");
}
