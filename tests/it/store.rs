//! The DuckDB store: seed views, exact money, transactional and idempotent
//! loads, migrations, read-only access, Parquet, synthetic data, raw SKM.

use std::fs;

use duckdb::params;
use kinerja_core::Decimal;
use kinerja_core::model::Dataset;
use kinerja_store::{Error, Store};
use kinerja_tests::{data_dir, seed_store};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Every row of every table a load fills, as text, for before/after comparisons.
pub(crate) fn fingerprint(store: &Store) -> String {
    kinerja_tests::data_rows(store)
}

pub(crate) fn one(store: &Store, sql: &str) -> Vec<Option<String>> {
    let t = store.sql(sql).unwrap();
    assert_eq!(t.rows.len(), 1, "{sql}: {:?}", t.rows);
    t.rows[0].clone()
}

pub(crate) fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

#[test]
fn seed_views_give_the_printed_figures() {
    let store = seed_store();
    let q = |ind: &str| {
        one(
            &store,
            &format!(
                "SELECT target, realisasi, capaian, predikat, kategori, selisih FROM v_capaian WHERE kode_unit = '12.19.07' AND indikator_id = '{ind}' AND tahun = 2024"
            ),
        )
    };
    assert_eq!(q("ikm"), vec![s("85.0000"), s("75.3500"), s("88.65"), s("Tinggi"), s("Kurang Baik"), s("-9.65")]);
    assert_eq!(
        q("akip"),
        vec![s("71.0000"), s("72.6200"), s("102.28"), s("Sangat Tinggi"), s("Sangat Baik"), s("1.62")]
    );
    assert_eq!(
        one(
            &store,
            "SELECT target, realisasi, persen, predikat_target, predikat FROM v_akip WHERE kode_unit = '12.19.07' AND tahun = 2024"
        ),
        vec![s("71.0000"), s("72.6200"), s("102.28"), s("BB"), s("BB")]
    );
    assert_eq!(
        one(
            &store,
            "SELECT anggaran, realisasi, penyerapan, sisa FROM v_anggaran_belanja WHERE kode_unit = '12.19.07' AND kode_rekening = '5'"
        ),
        vec![s("2960780030.00"), s("2823094761.00"), s("95.35"), s("137685269.00")]
    );
    assert_eq!(one(&store, "SELECT penyerapan FROM v_anggaran_belanja WHERE kode_rekening = '5.1'"), vec![s("95.34")]);
    assert_eq!(
        one(&store, "SELECT rata_rata_penyerapan FROM v_anggaran_total WHERE kode_unit = '12.19.07'"),
        vec![s("98.34")]
    );
    let ef = store
        .sql("SELECT no_sasaran, capaian, penyerapan, efisiensi FROM v_efisiensi ORDER BY no_sasaran")
        .unwrap()
        .rows;
    assert_eq!(
        ef,
        vec![vec![s("1"), s("88.65"), s("98.94"), s("-10.29")], vec![s("2"), s("102.28"), s("95.07"), s("7.21")]]
    );
    // IKM recomputed from the printed (rounded) NRR with the report's weight
    // 0,111 (data/README.md), and per-unsur mutu.
    assert_eq!(
        one(&store, "SELECT dasar, jumlah_unsur, bobot_tercetak, ikm, mutu FROM v_ikm WHERE kode_unit = '12.19.07'"),
        vec![s("nrr"), s("9"), s("0,111"), s("75.34"), s("C")]
    );
    assert_eq!(one(&store, "SELECT mutu FROM v_skm_unsur WHERE unsur_id = 'pengaduan'"), vec![s("D")]);
    // Trends and changes the text states.
    let tren = store.sql("SELECT tahun, perubahan, tahun_terbaik, tahun_terburuk, capaian_target_akhir FROM v_tren WHERE kode_unit = '12.19.07' AND indikator_id = 'ikm' ORDER BY tahun").unwrap().rows;
    assert_eq!(tren.last().unwrap(), &vec![s("2024"), s("-5.15"), s("2022"), s("2024"), s("83.72")]);
    let ch = store.sql("SELECT tahun_dari, selisih FROM v_perubahan WHERE kode_unit = '12.19.07' AND indikator_id = 'akip' AND tahun_ke = 2024 ORDER BY tahun_dari").unwrap().rows;
    assert_eq!(ch, vec![vec![s("2021"), s("2.55")], vec![s("2022"), s("0.46")], vec![s("2023"), s("2.47")]]);
}

#[test]
fn ranking_lists_every_kecamatan() {
    let store = seed_store();
    let rows = store.bandingkan("12.19", 2024, Some("ikm")).unwrap();
    assert_eq!(rows.len(), 12);
    assert_eq!((rows[0].nama_unit.as_str(), rows[0].peringkat), ("Datuk Tanah Datar", Some(1)));
    assert_eq!(
        (rows[1].nama_unit.as_str(), rows[1].peringkat, rows[1].kekurangan_ke_terbaik),
        ("Sei Balai", Some(2), Some(d("22.85")))
    );
    assert_eq!(rows.iter().filter(|r| !r.ada_data).count(), 10);
    assert!(rows.iter().all(|r| r.jumlah_kecamatan == 12 && r.jumlah_berdata == 2));
    assert!(matches!(store.bandingkan("12.99", 2024, None), Err(Error::NotFound(_))));
}

#[test]
fn rupiah_round_trip_exactly() {
    let store = Store::open_in_memory().unwrap();
    let c = store.conn();
    let values = [d("2960780030.00"), d("9999999999999999.99"), d("-0.01"), d("137685269"), d("0.10")];
    c.execute_batch("CREATE TEMP TABLE uang (v DECIMAL(18,2))").unwrap();
    for v in values {
        let back: Decimal = c.query_row("SELECT CAST(? AS DECIMAL(18,2))", params![v], |r| r.get(0)).unwrap();
        assert_eq!(back, v);
    }
    {
        let mut a = c.appender_to_catalog_and_db("uang", "temp", "main").unwrap();
        for v in values {
            a.append_row(params![v]).unwrap();
        }
    }
    let mut stmt = c.prepare("SELECT v FROM temp.uang").unwrap();
    let back: Vec<Decimal> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(back, values);
    // Money columns are DECIMAL, never floating point.
    let types = store.sql("SELECT data_type FROM duckdb_columns() WHERE table_name IN ('anggaran_belanja', 'anggaran_program') AND column_name IN ('anggaran', 'realisasi')").unwrap();
    assert!(types.rows.iter().all(|r| r[0].as_deref() == Some("DECIMAL(18,2)")), "{:?}", types.rows);
}

#[test]
fn reloading_the_same_data_changes_nothing() {
    let store = seed_store();
    let before = fingerprint(&store);
    let again = store.load_dir(&data_dir(), &mut |_, _, _| {}).unwrap();
    assert_eq!(again.changed(), 0, "{:?}", again.tables);
    assert_eq!(fingerprint(&store), before);
}

#[test]
fn a_failed_load_leaves_the_database_unchanged() {
    // A bad row at the end of a file: refused before anything is written.
    let dir = tempfile::tempdir().unwrap();
    kinerja_tests::copy_seed(dir.path());
    let mut text = fs::read_to_string(dir.path().join("realisasi.csv")).unwrap();
    text = text.replace("12.19.11,akip,2024,75.50", "12.19.11,akip,2024,77.70");
    text.push_str("12.19.11,ikm,2025,9x,,oops\n");
    fs::write(dir.path().join("realisasi.csv"), text).unwrap();
    let store = seed_store();
    let before = fingerprint(&store);
    let err = store.load_dir(dir.path(), &mut |_, _, _| {}).unwrap_err();
    assert!(err.to_string().contains("realisasi.csv, row 14, column nilai"), "{err}");
    assert_eq!(fingerprint(&store), before);

    // A failure inside the database after earlier tables were written is rolled back.
    let mut data = kinerja_data::read_dir(&data_dir()).unwrap();
    data.wilayah[0].nama = "Sumatera Utara (changed)".into();
    let mut bad = data.realisasi[0].clone();
    bad.nilai = Decimal::MAX; // does not fit DECIMAL(18,4)
    data.realisasi.push(bad);
    assert!(store.load(&data, &mut |_, _, _| {}).is_err());
    assert_eq!(fingerprint(&store), before);
}

#[test]
fn older_files_are_migrated_newer_and_foreign_files_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lama.duckdb");
    {
        // A file written by the first schema version.
        let c = duckdb::Connection::open(&path).unwrap();
        c.execute_batch(include_str!("../../crates/kinerja-store/sql/migrations/001_initial.sql")).unwrap();
        c.execute_batch("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TIMESTAMP NOT NULL DEFAULT current_timestamp); INSERT INTO schema_version (version) VALUES (1);").unwrap();
        c.execute_batch("INSERT INTO wilayah VALUES ('12', 'provinsi', 'Sumatera Utara', NULL, NULL, 'uji')").unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), kinerja_store::SCHEMA_VERSION);
    assert_eq!(one(&store, "SELECT nama FROM wilayah"), vec![s("Sumatera Utara")]);
    let h = store.riwayat().unwrap();
    let expected = format!("schema 1 -> {}", kinerja_store::SCHEMA_VERSION);
    assert_eq!((h.len(), h[0].perintah.as_str(), h[0].keterangan.as_deref()), (1, "migrasi", Some(expected.as_str())));
    assert_eq!(one(&store, "SELECT count(*) FROM skenario"), vec![s("0")]);
    drop(store);

    let newer = dir.path().join("baru.duckdb");
    {
        let c = duckdb::Connection::open(&newer).unwrap();
        c.execute_batch("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TIMESTAMP); INSERT INTO schema_version VALUES (99, NULL);").unwrap();
    }
    assert!(matches!(Store::open(&newer), Err(Error::NewerSchema { found: 99, .. })));
    let c = duckdb::Connection::open(&newer).unwrap();
    let tables: i64 = c.query_row("SELECT count(*) FROM duckdb_tables()", [], |r| r.get(0)).unwrap();
    assert_eq!(tables, 1, "the newer file was not touched");
    drop(c);

    let foreign = dir.path().join("lain.duckdb");
    duckdb::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE x (a INTEGER)").unwrap();
    assert!(matches!(Store::open(&foreign), Err(Error::NotKinerja)));
}

#[test]
fn read_only_access_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.duckdb");
    Store::open(&path).unwrap().load_dir(&data_dir(), &mut |_, _, _| {}).unwrap();
    let ro = Store::open_read_only(&path).unwrap();
    assert_eq!(one(&ro, "SELECT count(*) FROM v_capaian WHERE kode_unit = '12.19.07'"), vec![s("8")]);
    let err = ro.sql("DELETE FROM realisasi").unwrap_err().to_string();
    assert!(err.contains("read-only"), "{err}");
    assert!(ro.load(&Dataset::default(), &mut |_, _, _| {}).is_err());
    assert!(matches!(Store::open_read_only(&dir.path().join("none.duckdb")), Err(Error::NotFound(_))));
    drop(ro);
    // Views derived by another build: a read-only open cannot rebuild them
    // and says so; a read-write open rebuilds them.
    Store::open(&path).unwrap().sql("UPDATE derived_fingerprint SET fingerprint = 'other'").unwrap();
    let err = Store::open_read_only(&path).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("another version of Kinerja"), "{err}");
    drop(Store::open(&path).unwrap());
    assert!(Store::open_read_only(&path).is_ok());
}

#[test]
fn snapshots_cover_a_kabupaten_a_provinsi_or_the_nation() {
    let store = seed_store();
    store.synth("12.19", 7).unwrap();
    let kecamatan = |snap: &kinerja_core::model::Snapshot| {
        let k = kinerja_core::model::TingkatWilayah::Kecamatan;
        snap.data.wilayah.iter().filter(|w| w.tingkat == k).count()
    };
    let kab = store.snapshot("12.19", "t").unwrap();
    let (prov, nation) = (store.snapshot("12", "t").unwrap(), store.snapshot("", "t").unwrap());
    assert_eq!(
        (kab.kode_wilayah.as_str(), prov.kode_wilayah.as_str(), nation.kode_wilayah.as_str()),
        ("12.19", "12", "")
    );
    let n = one(&store, "SELECT count(*) FROM wilayah WHERE tingkat = 'kecamatan' AND induk = '12.19'");
    assert_eq!(vec![s(&kecamatan(&kab).to_string())], n);
    assert!(kecamatan(&prov) >= kecamatan(&kab) && kecamatan(&nation) >= kecamatan(&prov));
    // The seed's only kabupaten: its facts are the same in all three.
    assert_eq!(
        (kab.data.realisasi.len(), kab.data.target.len()),
        (nation.data.realisasi.len(), nation.data.target.len())
    );
    assert_eq!(prov.data.realisasi, kab.data.realisasi);
    let err = store.snapshot("12.19.07", "t").unwrap_err().to_string();
    assert!(err.contains("no kabupaten or provinsi \"12.19.07\""), "{err}");
}

#[test]
fn parquet_export_reads_back_identical() {
    let store = seed_store();
    store.synth("12.19", 7).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let written = store.export_parquet(dir.path()).unwrap();
    assert!(written.contains(&"capaian") && written.contains(&"skm_jawaban"));
    assert!(dir.path().join("realisasi/kode_kabupaten=12.19/tahun=2024").is_dir());
    for (name, source) in kinerja_store::export::PARQUET_TABLES {
        let p = dir.path().join(name).join("**").join("*.parquet");
        let glob = p.to_string_lossy();
        // Partition columns come back last; compare in that order.
        let rows = kinerja_store::export::export_rows(source).unwrap();
        let src = format!(
            "SELECT * EXCLUDE (kode_kabupaten, tahun), kode_kabupaten, CAST(tahun AS SMALLINT) AS tahun FROM ({rows})"
        );
        let back = format!(
            "SELECT * REPLACE (CAST(tahun AS SMALLINT) AS tahun) FROM read_parquet('{glob}', hive_partitioning = true, hive_types_autocast = false)"
        );
        for (a, b) in [(&src, &back), (&back, &src)] {
            let diff = store.sql(&format!("SELECT count(*) FROM (({a}) EXCEPT ALL ({b}))")).unwrap();
            assert_eq!(diff.rows[0][0].as_deref(), Some("0"), "{name}");
        }
    }
    for name in kinerja_store::export::PARQUET_DIMENSIONS {
        let file = dir.path().join(name).join(format!("{name}.parquet"));
        let back = format!("SELECT * FROM read_parquet('{}')", file.to_string_lossy());
        for (a, b) in [(back.clone(), format!("SELECT * FROM {name}")), (format!("SELECT * FROM {name}"), back)] {
            let diff = store.sql(&format!("SELECT count(*) FROM (({a}) EXCEPT ALL ({b}))")).unwrap();
            assert_eq!(diff.rows[0][0].as_deref(), Some("0"), "{name}");
        }
    }
}

#[test]
fn spark_export_holds_every_table_the_queries_and_duckdbs_results() {
    let store = seed_store();
    store.synth("12.19", 7).unwrap();
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(store.export_spark(dir.path()).unwrap(), kinerja_store::spark::QUERIES);
    let tables = kinerja_store::export::PARQUET_TABLES.iter().map(|(t, _)| *t);
    for t in tables.chain(kinerja_store::export::PARQUET_DIMENSIONS.iter().copied()) {
        assert!(dir.path().join("parquet").join(t).is_dir(), "{t}");
    }
    for q in kinerja_store::spark::queries().unwrap() {
        let spark = fs::read_to_string(dir.path().join("spark").join(format!("{}.sql", q.name))).unwrap();
        assert!(spark.contains("DECIMAL(38,0)") && !spark.contains("kj_"), "{}", q.name);
        let file = dir.path().join("duckdb").join(format!("{}.parquet", q.name));
        let back = format!("SELECT * FROM read_parquet('{}')", file.to_string_lossy());
        let n = store.sql(&format!("SELECT count(*) FROM ({back})")).unwrap();
        assert_ne!(n.rows[0][0].as_deref(), Some("0"), "{}", q.name);
        for (a, b) in [(back.as_str(), q.duckdb), (q.duckdb, back.as_str())] {
            let diff = store.sql(&format!("SELECT count(*) FROM (({a}) EXCEPT ALL ({b}))")).unwrap();
            assert_eq!(diff.rows[0][0].as_deref(), Some("0"), "{}", q.name);
        }
    }
}

#[test]
fn synthetic_data_fills_only_empty_kecamatan_and_is_marked() {
    let store = seed_store();
    let real_before = store.sql("SELECT * FROM realisasi ORDER BY ALL").unwrap();
    let summary = store.synth("12.19", 2024).unwrap();
    assert_eq!(summary.filled.len(), 10);
    assert_eq!(summary.skipped.len(), 2);
    assert_eq!(store.synth("12.19", 2024).unwrap().rows, 0, "same seed, same data");
    let real_after = store.sql("SELECT * FROM realisasi WHERE NOT kj_sintetis(sumber) ORDER BY ALL").unwrap();
    assert_eq!(real_after.rows, real_before.rows, "real figures untouched");
    let rows = store.bandingkan("12.19", 2024, Some("ikm")).unwrap();
    assert!(rows.iter().all(|r| r.ada_data));
    assert_eq!(rows.iter().filter(|r| r.sintetis).count(), 10);
    // A synthetic unit's 2024 IKM is the IKM of its generated answers.
    let unit = rows.iter().find(|r| r.sintetis).unwrap();
    let ikm =
        one(&store, &format!("SELECT ikm, dasar FROM v_ikm WHERE kode_unit = '{}' AND tahun = 2024", unit.kode_unit));
    assert_eq!(ikm, vec![unit.realisasi.map(|v| v.round_dp(2).to_string()), s("jawaban")]);
    // Real data for a unit replaces its synthetic rows.
    let mut real = Dataset::default();
    let src = "LKjIP Kec. Medang Deras 2024, Tabel 3.2".to_string();
    real.realisasi.push(kinerja_core::model::Realisasi {
        kode_unit: "12.19.01".into(),
        indikator_id: "ikm".into(),
        tahun: 2024,
        nilai: d("81.00"),
        label: None,
        sumber: src,
    });
    store.load(&real, &mut |_, _, _| {}).unwrap();
    assert_eq!(one(&store, "SELECT count(*) FROM realisasi WHERE kode_unit = '12.19.01'"), vec![s("1")]);
    assert_eq!(one(&store, "SELECT count(*) FROM skm_jawaban WHERE kode_unit = '12.19.01'"), vec![s("0")]);
}

#[test]
fn snapshot_holds_the_kabupaten() {
    let store = seed_store();
    let snap = store.snapshot("12.19", "2026-11-28T00:00:00Z").unwrap();
    assert_eq!(
        snap.data.wilayah.iter().filter(|w| w.tingkat == kinerja_core::model::TingkatWilayah::Kecamatan).count(),
        12
    );
    assert_eq!(snap.data.realisasi.len(), 12);
    assert_eq!(snap.data.skm_nrr.len(), 9);
    let json = serde_json::to_string(&snap).unwrap();
    assert!(json.contains("\"nilai\":\"75.3500\""), "decimals travel as strings");
    assert!(matches!(store.snapshot("99.99", "x"), Err(Error::NotFound(_))));
}

#[test]
fn sql_answers_every_column_type_as_text() {
    let store = Store::open_in_memory().unwrap();
    let row = one(
        &store,
        "SELECT NULL AS nothing, getvariable('unset') AS var, [1, 2] AS list, 12.340::DECIMAL(9,3) AS d, \
         INTERVAL 2 DAY AS i, {'a': 1} AS s, 'teks' AS t;",
    );
    assert_eq!(row, vec![None, None, s("[1, 2]"), s("12.340"), s("2 days"), s("{'a': 1}"), s("teks")]);
    let t = store.sql("WITH x AS (SELECT 1 AS a) FROM x").unwrap();
    assert_eq!((t.columns, t.rows), (vec!["a".to_string()], vec![vec![s("1")]]));
    // Statements other than queries run as they are.
    assert!(store.sql("CREATE TEMP TABLE t AS SELECT 1 AS a").is_ok());
    assert_eq!(one(&store, "SELECT count(*) FROM t"), vec![s("1")]);
}

/// Synthetic respondents answer the unsur alike, as real ones do: the mean
/// Cronbach's α of the synthetic surveys lies in 0,80–0,90 and the mean
/// correlation of two unsur in 0,30–0,50 (`v_skm_keandalan`), for the
/// kabupaten's and the nation's generators alike; and no survey has fewer
/// service users than respondents.
#[test]
fn synthetic_answers_correlate_like_real_ones() {
    let check = |store: &Store, what: &str| {
        let q = "SELECT count(*), avg(alfa_cronbach), avg(korelasi_unsur) FROM v_skm_keandalan WHERE sintetis";
        let r: Vec<f64> = one(store, q).into_iter().map(|v| v.unwrap().parse().unwrap()).collect();
        assert!(r[0] >= 10.0, "{what}: {r:?}");
        assert!((0.80..=0.90).contains(&r[1]) && (0.30..=0.50).contains(&r[2]), "{what}: α, ρ = {r:?}");
        let q = "SELECT count(*) FROM skm_survei WHERE populasi < responden";
        assert_eq!(one(store, q), vec![s("0")], "{what}");
    };
    let store = seed_store();
    store.synth("12.19", 7).unwrap();
    check(&store, "kabupaten");
    let store = seed_store();
    national(&store, 5, 2_000);
    check(&store, "nation");
}

fn national(store: &Store, seed: u64, fraksi_ppm: u32) -> kinerja_store::synth::NationalSummary {
    let p = kinerja_store::synth::National { seed, fraksi_ppm, tahun_awal: 2023, tahun_akhir: 2024 };
    store.synth_national(p).unwrap()
}

#[test]
fn national_synthesis_has_the_real_counts_is_marked_and_reloads_from_its_files() {
    let store = seed_store();
    let real_before = store.sql("SELECT * FROM realisasi ORDER BY ALL").unwrap();
    let summary = national(&store, 5, 2_000);
    let counts = one(
        &store,
        "SELECT count(*) FILTER (tingkat = 'provinsi'), count(*) FILTER (tingkat = 'kabupaten'), count(*) FILTER (tingkat = 'kecamatan') FROM wilayah",
    );
    assert_eq!(counts, vec![s("38"), s("514"), s("7285")]);
    assert_eq!(summary.kecamatan, 7285);
    assert!((5..=40).contains(&summary.diisi), "0,2 % of 7.285 kecamatan, found {}", summary.diisi);
    assert!(summary.jawaban > 0);
    // Every generated fact is marked, and the real Sei Balai figures are untouched.
    let real_after = store.sql("SELECT * FROM realisasi WHERE NOT kj_sintetis(sumber) ORDER BY ALL").unwrap();
    assert_eq!(real_after.rows, real_before.rows);
    let unmarked =
        one(&store, "SELECT count(*) FROM skm_jawaban WHERE NOT kj_sintetis(sumber) AND kode_unit <> '12.19.07'");
    assert_eq!(unmarked, vec![s("0")]);
    // Respondents per kecamatan-year within 100–400, answers 1..4, aggregates current.
    let r = one(
        &store,
        "SELECT min(n), max(n) FROM (SELECT count(DISTINCT responden) AS n FROM skm_jawaban WHERE kj_sintetis(sumber) GROUP BY kode_unit, tahun)",
    );
    let (lo, hi): (u32, u32) = (r[0].as_deref().unwrap().parse().unwrap(), r[1].as_deref().unwrap().parse().unwrap());
    assert!(100 <= lo && hi <= 400, "{lo}..{hi}");
    let stale = one(
        &store,
        "SELECT count(*) FROM (SELECT kode_unit, tahun, unsur_id, sum(skor) AS jumlah, count(*) AS n FROM skm_jawaban GROUP BY ALL) j FULL JOIN skm_agregat a USING (kode_unit, tahun, unsur_id) WHERE j.jumlah IS DISTINCT FROM a.jumlah OR j.n IS DISTINCT FROM a.n",
    );
    assert_eq!(stale, vec![s("0")]);
    // Every filled kecamatan-year has its IKM and AKIP as realisasi, as the views compute them.
    let q = "SELECT count(*), count(*) FILTER (NOT EXISTS (SELECT 1 FROM v_capaian c WHERE c.kode_unit = i.kode_unit \
             AND c.tahun = i.tahun AND c.indikator_id = 'ikm' AND c.realisasi = i.ikm)) FROM v_ikm i WHERE i.sintetis";
    assert_eq!(one(&store, q), vec![Some((summary.diisi * 2).to_string()), s("0")]);
    let q = "SELECT count(*) FILTER (NOT EXISTS (SELECT 1 FROM v_capaian c WHERE c.kode_unit = a.kode_unit \
             AND c.tahun = a.tahun AND c.indikator_id = 'akip' AND c.realisasi = a.realisasi)) FROM v_akip a WHERE a.sintetis";
    assert_eq!(one(&store, q), vec![s("0")]);
    // The same seed gives the same data.
    let again = seed_store();
    national(&again, 5, 2_000);
    assert_eq!(fingerprint(&again), fingerprint(&store));
    // Written as files, the data loads into a fresh database as it was.
    let dir = tempfile::tempdir().unwrap();
    let files = store.export_load_files(dir.path(), false).unwrap();
    assert!(files.contains(&"skm_jawaban.csv".to_string()), "{files:?}");
    let fresh = Store::open_in_memory().unwrap();
    fresh.load_dir(dir.path(), &mut |_, _, _| {}).unwrap();
    assert_eq!(fingerprint(&fresh), fingerprint(&store));
    // The same with the answers as Parquet, streamed into the database.
    let pq = tempfile::tempdir().unwrap();
    let files = store.export_load_files(pq.path(), true).unwrap();
    assert!(files.contains(&"skm_jawaban.parquet".to_string()), "{files:?}");
    let fresh = Store::open_in_memory().unwrap();
    let summary = fresh.load_dir(pq.path(), &mut |_, _, _| {}).unwrap();
    assert!(summary.tables.contains(&("skm_jawaban", summary.jawaban(), summary.jawaban())));
    assert_eq!(fingerprint(&fresh), fingerprint(&store));
    // Loading the same files again leaves every table as it was.
    fresh.load_dir(pq.path(), &mut |_, _, _| {}).unwrap();
    assert_eq!(fingerprint(&fresh), fingerprint(&store));
}

/// Rows on which each stored result (cache_*) and its computing view
/// (calc_*) disagree, both ways, and the rows each holds.
fn cache_state(store: &Store) -> Vec<(String, i64, i64)> {
    let names = store
        .sql("SELECT substr(table_name, 7) FROM duckdb_tables() WHERE table_name LIKE 'cache\\_%' ESCAPE '\\' ORDER BY 1")
        .unwrap();
    assert!(names.rows.len() >= 9, "{:?}", names.rows);
    names
        .rows
        .iter()
        .map(|r| {
            let t = r[0].as_deref().unwrap();
            let q = format!(
                "SELECT (SELECT count(*) FROM (SELECT * FROM cache_{t} EXCEPT ALL SELECT * FROM calc_{t})) \
                      + (SELECT count(*) FROM (SELECT * FROM calc_{t} EXCEPT ALL SELECT * FROM cache_{t})), \
                        (SELECT count(*) FROM cache_{t})"
            );
            let r = one(store, &q);
            let n = |i: usize| r[i].as_deref().unwrap().parse::<i64>().unwrap();
            (t.to_string(), n(0), n(1))
        })
        .collect()
}

/// Asserts every stored result equals its view and holds at least one row.
pub(crate) fn assert_cache_current(store: &Store, after: &str) {
    for (t, differ, rows) in cache_state(store) {
        assert_eq!(differ, 0, "cache_{t} differs from calc_{t} in {differ} rows after {after}");
        assert!(rows > 0, "cache_{t} is empty after {after}");
    }
}

#[test]
fn stored_results_equal_their_computing_views_after_every_write() {
    let store = seed_store();
    assert_cache_current(&store, "a load");
    // Other kabupaten in the database, synthetic.
    national(&store, 5, 2_000);
    let mut data = kinerja_data::read_dir(&data_dir()).unwrap();
    let again = store.load(&data, &mut |_, _, _| {}).unwrap();
    assert!(!again.segar && again.changed() == 0, "the same data again: nothing to recompute");
    assert_cache_current(&store, "a reload of the same data");
    let r = data.realisasi.iter_mut().find(|r| r.indikator_id == "ikm" && r.tahun == 2024).unwrap();
    r.nilai = d("91.25");
    let unit = r.kode_unit.clone();
    assert!(store.load(&data, &mut |_, _, _| {}).unwrap().segar);
    assert_cache_current(&store, "a reload with a changed figure");
    let w = data.wilayah.iter_mut().find(|w| w.kode == unit).unwrap();
    w.nama = "Sei Balai (baru)".into();
    assert!(store.load(&data, &mut |_, _, _| {}).unwrap().segar, "a region renamed");
    assert_cache_current(&store, "a reload with a region renamed");
    data.wilayah.iter_mut().find(|w| w.kode == unit).unwrap().nama = "Sei Balai".into();
    store.load(&data, &mut |_, _, _| {}).unwrap();
    let q =
        format!("SELECT realisasi FROM v_capaian WHERE indikator_id = 'ikm' AND tahun = 2024 AND kode_unit = '{unit}'");
    let shown = one(&store, &q);
    assert_eq!(shown, vec![s("91.2500")]);
    store.synth("12.19", 7).unwrap();
    assert_cache_current(&store, "kabupaten synthesis");
    national(&store, 3, 1_000);
    assert_cache_current(&store, "national synthesis");
    // Real data replacing a unit's synthetic rows refreshes its kabupaten.
    let synthetic =
        one(&store, "SELECT min(kode_unit) FROM realisasi WHERE sumber = 'sintetis' AND kode_unit LIKE '12.19.%'");
    let mut real = data.clone();
    for r in real.realisasi.iter_mut() {
        r.kode_unit = synthetic[0].clone().unwrap();
    }
    real.realisasi.truncate(1);
    assert!(store.load(&real, &mut |_, _, _| {}).unwrap().segar);
    assert_cache_current(&store, "real data replacing synthetic rows");
    let target = data.target[0].clone();
    store.import_skenario("uji", "2026-11-29T00:00:00", "uji.json", &[target]).unwrap();
    assert_cache_current(&store, "a plan import");
    data.realisasi.retain(|r| r.indikator_id == "ikm");
    data.realisasi[0].nilai = d("80.10");
    store.load_transkripsi(&data, "laporan.json", "2026-11-29T00:00:00", &[]).unwrap();
    assert_cache_current(&store, "loading a transcription");
}

#[test]
fn stored_results_are_rebuilt_when_the_file_was_derived_by_other_code() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.duckdb");
    {
        let store = Store::open(&path).unwrap();
        store.load_dir(&data_dir(), &mut |_, _, _| {}).unwrap();
        // As an older Kinerja would have left it: other derived code, other stored rows.
        store
            .conn()
            .execute_batch("UPDATE derived_fingerprint SET fingerprint = 'lama'; DELETE FROM cache_ikm;")
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_cache_current(&store, "opening a file derived by other code");
    drop(store);
    let ro = Store::open_read_only(&path).unwrap();
    assert_eq!(one(&ro, "SELECT ikm FROM v_ikm WHERE kode_unit = '12.19.07'"), vec![s("75.34")]);
}

fn sha256_hex(path: &std::path::Path) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(fs::read(path).unwrap()).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn every_write_is_recorded_with_its_files_and_a_refused_load_with_nothing() {
    let dir = tempfile::tempdir().unwrap();
    kinerja_tests::copy_seed(dir.path());
    let store = Store::open_in_memory().unwrap();
    store.load_dir(dir.path(), &mut |_, _, _| {}).unwrap();
    store.load_dir(dir.path(), &mut |_, _, _| {}).unwrap();
    let h = store.riwayat().unwrap();
    assert_eq!(h.iter().map(|w| w.perintah.as_str()).collect::<Vec<_>>(), ["muat", "muat"]);
    let realisasi = dir.path().join("realisasi.csv");
    let file = h[0].berkas.iter().find(|b| b.berkas == realisasi.display().to_string()).unwrap();
    assert_eq!((file.sha256.clone(), file.ukuran), (sha256_hex(&realisasi), fs::metadata(&realisasi).unwrap().len()));
    assert_eq!(h[0].berkas.len(), fs::read_dir(dir.path()).unwrap().count());
    let changed = |i: usize| h[i].tabel.iter().map(|t| t.diubah).sum::<u64>();
    assert!(changed(0) > 0);
    assert_eq!(changed(1), 0, "the same files again change nothing");
    assert_eq!(h[0].berkas, h[1].berkas);

    // A changed figure: another hash, one row replaced.
    let text = fs::read_to_string(&realisasi).unwrap().replace("12.19.11,akip,2024,75.50", "12.19.11,akip,2024,77.70");
    fs::write(&realisasi, text).unwrap();
    store.load_dir(dir.path(), &mut |_, _, _| {}).unwrap();
    let h = store.riwayat().unwrap();
    let sha = |i: usize| h[i].berkas.iter().find(|b| b.berkas.ends_with("realisasi.csv")).unwrap().sha256.clone();
    assert_ne!(sha(2), sha(1));
    let real = h[2].tabel.iter().find(|t| t.tabel == "realisasi").unwrap();
    assert_eq!(real.diubah, 1);

    // A refused load records nothing.
    fs::write(&realisasi, "kode_unit,indikator_id,tahun,nilai,label,sumber\n12.19.11,akip,2024,9x,,oops\n").unwrap();
    assert!(store.load_dir(dir.path(), &mut |_, _, _| {}).is_err());
    assert_eq!(store.riwayat().unwrap(), h);

    // Synthesis and a plan import are recorded as such.
    store.synth("12.19", 3).unwrap();
    let target = kinerja_data::read_dir(&data_dir()).unwrap().target[0].clone();
    store.import_skenario("uji", "2026-11-29T00:00:00", "tidak-ada.json", &[target]).unwrap();
    let h = store.riwayat().unwrap();
    let last: Vec<_> = h[3..].iter().map(|w| (w.perintah.as_str(), w.keterangan.as_deref(), w.berkas.len())).collect();
    assert_eq!(last, [("sintetis", Some("kabupaten 12.19, seed 3"), 0), ("impor skenario", Some("uji"), 0)]);
}
