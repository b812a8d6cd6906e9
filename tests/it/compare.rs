//! `kinerja compare`: the kecamatan of a kabupaten side by side, synthetic
//! figures marked.

use crate::support::{loaded, ok, p};

#[test]
fn compare_lists_all_twelve_kecamatan() {
    let (_dir, db) = loaded();
    let out = ok(&[
        "compare",
        "--kabupaten",
        "12.19",
        "--tahun",
        "2024",
        "--indikator",
        "ikm",
        "--format",
        "csv",
        "--db",
        p(&db),
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 13, "{out}");
    assert!(
        lines[1].starts_with(
            "ikm,1,12.19.11,Datuk Tanah Datar,83.0000,98.2000,118.31,Sangat Tinggi,Sangat Baik,0.00,-15.20,"
        ),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("ikm,2,12.19.07,Sei Balai,85.0000,75.3500,88.65,Tinggi,Kurang Baik,22.85,9.65,"),
        "{}",
        lines[2]
    );
    assert_eq!(lines.iter().filter(|l| l.ends_with("tidak ada data")).count(), 10);
    ok(&["demo", "synth", "--seed", "3", "--db", p(&db)]);
    let table = ok(&["compare", "--kabupaten", "12.19", "--tahun", "2024", "--db", p(&db)]);
    assert_eq!(table.matches("SINTETIS").count(), 21, "{table}"); // 10 units × 2 indicators + the footnote
    let md = ok(&["report", "--kecamatan", "Medang Deras", "--tahun", "2024", "--db", p(&db)]);
    assert!(md.contains("DATA SINTETIS"), "{md}");
    let sb = ok(&["report", "--kecamatan", "Sei Balai", "--tahun", "2024", "--db", p(&db)]);
    assert!(sb.contains("Medang Deras [sintetis]"), "peers in Sei Balai's report are marked");
    // Tabel 3.12 says how sure each IKM and its rank are: Sei Balai's from
    // its 97 respondents only (conservative, marked *), the synthetic
    // kecamatan's from their answers; AKIP ranks stay exact.
    let row = sb.lines().find(|l| l.starts_with("| Indeks Kepuasan Masyarakat (IKM) | Sei Balai |")).unwrap();
    assert!(row.contains("| 68,34 – 82,36* |"), "{row}");
    let akip = sb.lines().find(|l| l.starts_with("| Nilai AKIP | Sei Balai |")).unwrap();
    assert!(akip.ends_with("| - | - |"), "{akip}");
    assert!(sb.contains("Rentang peringkat adalah peringkat yang dimungkinkan selang itu"), "{sb}");
}

/// An IKM is an estimate: each gets its conservative interval and the
/// ranks that interval allows, which hold its exact rank; AKIP is not an
/// estimate and keeps its exact rank alone.
#[test]
fn compare_says_how_sure_each_ikm_rank_is() {
    let (_dir, db) = loaded();
    ok(&["demo", "synth", "--seed", "3", "--db", p(&db)]);
    let json = ok(&["compare", "--kabupaten", "12.19", "--tahun", "2024", "--format", "json", "--db", p(&db)]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let sei = rows.iter().find(|r| r["indikator_id"] == "ikm" && r["kode_unit"] == "12.19.07").unwrap();
    assert_eq!(sei["responden"], 97);
    assert_eq!((sei["selang_95"]["bawah"].as_str(), sei["selang_95"]["atas"].as_str()), (Some("68.34"), Some("82.36")));
    assert_eq!(sei["selang_95"]["metode"], "konservatif");
    for r in rows.iter().filter(|r| r["indikator_id"] == "ikm" && r["realisasi"].is_string()) {
        let (rank, range) = (r["peringkat"].as_u64().unwrap(), &r["rentang_peringkat"]);
        let (lo, hi) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
        assert!(lo <= rank && rank <= hi, "{r}");
    }
    assert!(rows.iter().filter(|r| r["indikator_id"] == "akip").all(|r| r["selang_95"].is_null()));
    // The synthetic kecamatan have raw answers: their intervals are the
    // analytic ones, narrower than the bound from the IKM alone.
    let synthetic: Vec<_> = rows.iter().filter(|r| r["indikator_id"] == "ikm" && r["sintetis"] == true).collect();
    assert_eq!(synthetic.len(), 10);
    for r in synthetic {
        assert_eq!(r["selang_95"]["metode"], "analitik", "{r}");
        let d = |v: &serde_json::Value| v.as_str().unwrap().parse::<kinerja_core::Decimal>().unwrap();
        let ikm = kinerja_core::Ratio::from_decimal(d(&r["realisasi"]));
        let n = u32::try_from(r["responden"].as_u64().unwrap()).unwrap();
        let bound = kinerja_core::selang::ikm_konservatif(ikm, n, r["populasi"].as_u64()).unwrap();
        let (lo, hi) = (d(&r["selang_95"]["bawah"]), d(&r["selang_95"]["atas"]));
        if r["populasi"] == r["responden"] {
            assert_eq!((lo, hi), (bound.bawah, bound.atas), "a census has no sampling error: {r}");
        } else {
            assert!(bound.bawah < lo && hi < bound.atas, "{r}: {bound:?}");
        }
    }
    let table = ok(&["--lang", "id", "compare", "--kabupaten", "12.19", "--tahun", "2024", "--db", p(&db)]);
    assert!(table.contains("Indikator yang bukan perkiraan (AKIP, anggaran) tetap berperingkat tepat"), "{table}");
}

/// `compare` gives each IKM's change from the year before with its
/// interval, the same as the analysts' `v_tren_selang` and the core.
#[test]
fn compare_says_whether_each_ikm_change_is_real() {
    let (_dir, db) = loaded();
    let args = ["demo", "synth", "--scale", "national", "--tahun", "2023-2024", "--fraction", "0.002", "--seed", "5"];
    ok(&[&args[..], &["--db", p(&db)]].concat());
    let q = "SELECT kode_kabupaten, kode_unit, perubahan, selang_bawah, selang_atas, terbedakan FROM v_tren_selang \
             WHERE tahun = 2024 ORDER BY kode_unit";
    let view = ok(&["sql", q, "--format", "csv", "--db", p(&db)]);
    let lines: Vec<&str> = view.lines().skip(1).collect();
    assert!(lines.len() >= 5, "{view}");
    let mut told = [0, 0];
    for line in lines {
        let f: Vec<&str> = line.split(',').collect();
        let json = ok(&[
            "compare",
            "--kabupaten",
            f[0],
            "--tahun",
            "2024",
            "--indikator",
            "ikm",
            "--format",
            "json",
            "--db",
            p(&db),
        ]);
        let rows: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
        let row = rows.iter().find(|r| r["kode_unit"] == f[1]).unwrap();
        let u = &row["perubahan"];
        assert_eq!(
            (u["selisih"].as_str(), u["selang"]["bawah"].as_str(), u["selang"]["atas"].as_str()),
            (Some(f[2]), Some(f[3]), Some(f[4])),
            "{row}"
        );
        assert_eq!(u["terbedakan"].as_bool(), Some(f[5] == "true"), "{row}");
        told[usize::from(f[5] == "true")] += 1;
    }
    assert!(told[0] > 0 && told[1] > 0, "both kinds of change occur: {told:?}");
    let table = ok(&["--lang", "id", "compare", "--kabupaten", "12.19", "--tahun", "2024", "--db", p(&db)]);
    assert!(table.contains("perubahan_terbedakan: apakah selang itu tidak memuat nol"), "{table}");
}
