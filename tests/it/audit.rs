//! `kinerja audit`: the seed's transcription gives exactly the
//! contradictions documented in `data/README.md`; the spreadsheet forms
//! read the same; every format and exit code of the command.

use std::fs;

use kinerja_audit::{Sebab, Severity, periksa};
use kinerja_pesan::Lang;
use kinerja_tests::{repo_root, seed_transcription};

use crate::support::{Run, kinerja, kinerja_in, load_seed, p};

/// Runs `kinerja args` in Bahasa Indonesia.
fn kinerja_id(args: &[&str]) -> Run {
    let o = kinerja_in("id").args(args).output().expect("kinerja runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    Run { code: o.status.code().unwrap_or(-1), out: text(&o.stdout), err: text(&o.stderr) }
}

#[test]
fn the_seed_gives_exactly_the_documented_contradictions() {
    let text = fs::read_to_string(seed_transcription()).unwrap();
    let t = kinerja_audit::baca::json(&text, "sei-balai-2024.json").unwrap();
    let h = periksa(&t).unwrap();
    let mut ids: Vec<&str> = h.temuan.iter().map(|t| t.id.as_str()).collect();
    ids.sort_unstable();
    let mut expected = vec![
        "cetak:k3_16.pagu",
        "k1_2a.penduduk.terdiri",
        "k1_c1.kecamatan",
        "k3_11.capaian",
        "k3_7.capaian",
        "k3_7.selisih",
        "t1_2.jumlah.l",
        "t1_2.jumlah.lp",
        "t1_2.jumlah.lp.l_p",
        "t1_2.jumlah.p",
        "t1_3.jumlah.tidak_melebihi",
        "t1_3.mekar_mulio.tidak_melebihi",
        "t3_15.pemerintahan_pelayanan.capaian_sasaran",
        "t3_15.penunjang.capaian_sasaran",
        "t3_3.urutan_unsur",
        "t3_9.akip.capaian_2021.predikat_capaian",
        "t3_9.akip.capaian_2022.predikat_capaian",
    ];
    expected.sort_unstable();
    assert_eq!(ids, expected);
    // Every finding id is named in data/README.md.
    let readme = fs::read_to_string(repo_root().join("data/README.md")).unwrap();
    for id in &ids {
        assert!(readme.contains(&format!("`{id}`")), "{id} is not documented in data/README.md");
    }
    let get = |id: &str| h.temuan.iter().find(|t| t.id == id).unwrap();
    assert_eq!(get("k3_7.capaian").sebab, vec![Sebab::DigitGanda { seharusnya: "102,28%".into() }]);
    assert!(matches!(&get("k3_7.selisih").sebab[0], Sebab::TahunLain { tahun: 2023, .. }));
    assert!(
        matches!(&get("t3_9.akip.capaian_2021.predikat_capaian").sebab[0], Sebab::SkalaLain { regulasi, .. } if regulasi == "PermenPANRB 88/2021")
    );
    assert!(
        matches!(&get("t3_15.penunjang.capaian_sasaran").sebab[0], Sebab::NilaiLain { rujukan, .. } if rujukan.ends_with(".persen")),
        "{:?}",
        get("t3_15.penunjang.capaian_sasaran").sebab
    );
    assert_eq!(get("t3_3.urutan_unsur").severity, Severity::Catatan);
    let (lo, hi) = get("t1_2.jumlah.l").konsisten.unwrap();
    assert_eq!((lo.to_string(), hi.to_string()), ("15103".into(), "15103".into()));
    // With 97 respondents only the weight 0,111 gives the printed IKM.
    let ikm = h.info.iter().map(|i| i.pesan.render(Lang::Id)).find(|i| i.starts_with("IKM 75,35")).unwrap();
    assert_eq!(ikm, "IKM 75,35 konsisten dengan bobot: 0,111, NRR sebagai k/97");
    // The report prints no population: the audit says what 97 respondents cover.
    let sampel = h.info.iter().map(|i| i.pesan.render(Lang::Id)).find(|i| i.starts_with("97 responden")).unwrap();
    assert!(sampel.starts_with("97 responden mencukupi populasi paling banyak 130 pengguna layanan"), "{sampel}");
    assert!(h.relasi > 250 && h.angka > 600, "{} relations, {} figures", h.relasi, h.angka);
}

const CLEAN: &str = r#"{"format":"kinerja-audit","versi":1,"dokumen":{"judul":"Uji"},
  "tabel":[{"id":"t","judul":"Tabel uji","kolom":["target","realisasi","capaian"],
    "baris":[{"id":"ikm","sel":{"target":"85,00","realisasi":"75,35","capaian":"88,64%"}}]}],
  "relasi":[{"jenis":"capaian","hasil":"t.ikm.capaian","target":"t.ikm.target","realisasi":"t.ikm.realisasi"}]}"#;

#[test]
fn exit_codes_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("bersih.json");
    fs::write(&clean, CLEAN).unwrap();
    let Run { code, out, .. } = kinerja_id(&["audit", p(&clean)]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 relasi atas 3 angka tercetak diperiksa: 0 galat, 0 catatan."), "{out}");
    let english = kinerja(&["audit", p(&clean)]).out;
    assert!(english.contains("1 relation over 3 printed figures checked: 0 errors, 0 notes."), "{english}");
    let verbose = kinerja_id(&["audit", p(&clean), "--verbose"]).out;
    assert!(verbose.contains("konsisten dalam pembulatan") && verbose.contains("88,65"), "{verbose}");
    let Run { code, out: text, .. } = kinerja_id(&["audit", p(&seed_transcription())]);
    assert_eq!(code, 1);
    assert!(text.contains("[GALAT] k3_7.capaian") && text.contains("seharusnya 102,28%"), "{text}");
    let Run { code, out: text, .. } = kinerja(&["audit", p(&seed_transcription())]);
    assert_eq!(code, 1);
    assert!(
        text.contains("[ERROR] k3_7.capaian") && text.contains("a digit typed twice (should be 102,28%)"),
        "{text}"
    );
    let md = kinerja_id(&["audit", p(&seed_transcription()), "--format", "md"]).out;
    assert!(md.starts_with("# Reviu angka: Laporan Kinerja Kecamatan Sei Balai Tahun 2024"), "{md}");
    let html = kinerja(&["audit", p(&seed_transcription()), "--format", "html"]).out;
    assert!(html.contains("<h1>Figure review: Laporan Kinerja Kecamatan Sei Balai Tahun 2024</h1>"), "{html}");
    let json = kinerja(&["audit", p(&seed_transcription()), "--format", "json"]).out;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["temuan"].as_array().unwrap().len(), 17);
    let reasons = |v: &serde_json::Value| v[0]["temuan"][0]["uraian"].as_str().unwrap_or_default().to_string();
    let id: serde_json::Value =
        serde_json::from_str(&kinerja_id(&["audit", p(&seed_transcription()), "--format", "json"]).out).unwrap();
    assert_ne!(reasons(&v), reasons(&id), "the reasons follow the language");
    let xlsx = dir.path().join("reviu.xlsx");
    assert_eq!(kinerja(&["audit", p(&seed_transcription()), "--format", "xlsx", "--out", p(&xlsx)]).code, 1);
    use calamine::{Reader, open_workbook_auto};
    let mut wb = open_workbook_auto(&xlsx).unwrap();
    let range = wb.worksheet_range("Findings").unwrap();
    let header = range.rows().position(|r| r.first().is_some_and(|c| *c == "file")).unwrap();
    assert_eq!(range.rows().count() - header, 18, "a header and 17 findings");
    // What the database stores: its labels fit, its printed totals do not.
    let db = dir.path().join("k.duckdb");
    load_seed(&db);
    let Run { code, out, err } = kinerja_id(&["audit", "--db", p(&db), "--kecamatan", "Sei Balai", "--tahun", "2024"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("Data tersimpan: 12.19.07 Sei Balai tahun 2024"), "{out}");
    assert!(out.contains(": 3 galat, 0 catatan.") && out.contains("[GALAT] tercetak:t1_2.jumlah.l"), "{out}");
    let out = kinerja(&["audit", "--db", p(&db), "--kecamatan", "Sei Balai", "--tahun", "2024"]).out;
    assert!(out.contains("Stored data: 12.19.07 Sei Balai, year 2024"), "{out}");
    // Trouble is 2: a database that is not there, as a transcription that cannot be read.
    let Run { code, err, .. } = kinerja(&["audit", "--db", p(&dir.path().join("tidak-ada.duckdb"))]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no database at") && err.contains("kinerja load"), "{err}");
}

#[test]
fn unusable_transcriptions_exit_2_with_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("rusak.json");
    fs::write(&broken, CLEAN.replace("\"t.ikm.target\"", "\"t.ikm.sasaran\"")).unwrap();
    let Run { code, err, .. } = kinerja(&["audit", p(&broken)]);
    assert_eq!(code, 2);
    assert!(
        err.contains("relasi[0] (r1).target[0]: expected a reference to a printed figure")
            && err.contains("t.ikm.sasaran"),
        "{err}"
    );
    let truncated = dir.path().join("terpotong.json");
    fs::write(&truncated, &CLEAN[..120]).unwrap();
    let Run { code, err, .. } = kinerja(&["audit", p(&truncated)]);
    assert_eq!(code, 2);
    assert!(err.contains("terpotong.json, line 2, column"), "{err}");
    let unknown = dir.path().join("asing.json");
    fs::write(
        &unknown,
        CLEAN.replace("\"realisasi\":\"t.ikm.realisasi\"", "\"realisasi\":\"t.ikm.realisasi\",\"mutlaq\":true"),
    )
    .unwrap();
    let Run { code, err, .. } = kinerja(&["audit", p(&unknown)]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "asing.json, relasi[0].mutlaq: expected a field of capaian: hasil, metode, polaritas, realisasi, target, \
             found \"mutlaq\""
        ),
        "{err}"
    );
}

/// The same small transcription as an XLSX workbook and as CSV files.
fn spreadsheet(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let sheets: [(&str, Vec<Vec<&str>>); 5] = [
        (
            "dokumen",
            vec![vec!["kunci", "nilai"], vec!["format", "kinerja-audit"], vec!["versi", "1"], vec!["judul", "Uji"]],
        ),
        ("tabel", vec![vec!["id", "judul", "eksak"], vec!["t", "Tabel uji", ""]]),
        (
            "t",
            vec![
                vec!["baris", "target", "realisasi", "capaian"],
                vec!["#judul", "Target", "Realisasi", "Capaian"],
                vec!["akip", "71,00", "72,62", "102,28%"],
            ],
        ),
        (
            "kalimat",
            vec![vec!["id", "letak", "teks", "nama", "nilai"], vec!["k", "teks", "adalah 1012,28%", "c", "1012,28%"]],
        ),
        (
            "relasi",
            vec![
                vec!["id", "jenis", "hasil", "target", "realisasi", "nilai"],
                vec!["t.capaian", "capaian", "t.akip.capaian", "t.akip.target", "t.akip.realisasi", ""],
                vec!["k.c", "sama", "k.c", "", "", "t.akip.capaian"],
            ],
        ),
    ];
    let xlsx = dir.join("uji.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in &sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(u32::try_from(r).unwrap(), u16::try_from(c).unwrap(), *v).unwrap();
            }
        }
    }
    wb.save(&xlsx).unwrap();
    let csv = dir.join("uji-csv");
    fs::create_dir_all(&csv).unwrap();
    for (name, rows) in &sheets {
        let text: Vec<String> =
            rows.iter().map(|r| r.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(",")).collect();
        fs::write(csv.join(format!("{name}.csv")), text.join("\n") + "\n").unwrap();
    }
    (xlsx, csv)
}

#[test]
fn spreadsheet_forms_read_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let (xlsx, csv) = spreadsheet(dir.path());
    for path in [&xlsx, &csv] {
        let Run { code, out, err } = kinerja(&["audit", p(path), "--format", "json"]);
        assert_eq!(code, 1, "{}: {err}", path.display());
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let temuan = v[0]["temuan"].as_array().unwrap();
        let ids: Vec<&str> = temuan.iter().filter_map(|t| t["id"].as_str()).collect();
        assert_eq!(ids, ["k.c"], "{}", path.display());
        assert_eq!(temuan[0]["sebab"][0], serde_json::json!({"jenis": "digit_ganda", "seharusnya": "102,28%"}));
        assert!(temuan[0]["konsisten"].is_array(), "{out}");
        let letak = v[0]["temuan"][0]["letak"].as_str().unwrap();
        assert_eq!(letak, "teks", "the sentence's place");
    }
    // The column's printed header names a figure of the table.
    let text = fs::read_to_string(csv.join("relasi.csv")).unwrap().replace(
        "\"k.c\",\"sama\",\"k.c\",\"\",\"\",\"t.akip.capaian\"",
        "\"t.c\",\"sama\",\"t.akip.capaian\",\"\",\"\",\"k.c\"",
    );
    fs::write(csv.join("relasi.csv"), text).unwrap();
    let out = kinerja(&["audit", p(&csv), "--format", "json"]).out;
    assert!(out.contains("Tabel uji, row akip, column Capaian"), "{out}");
    // A misspelt relation kind is located at its row.
    let bad = csv.join("relasi.csv");
    let text = fs::read_to_string(&bad).unwrap().replace("\"sama\"", "\"sama_dengan\"");
    fs::write(&bad, text).unwrap();
    let Run { code, err, .. } = kinerja(&["audit", p(&csv)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("relasi.csv, row 3") && err.contains("sama_dengan"), "{err}");
    assert!(Sebab::RataSederhana.pesan().render(Lang::En).contains("weighted"));
}

/// The facts of each table, of one unit, as text (values compared by value).
fn facts(db: &std::path::Path) -> Vec<String> {
    let store = kinerja_store::Store::open_read_only(db).unwrap();
    let queries = [
        "SELECT 'target', indikator_id, tahun, jenis, CAST(nilai AS DOUBLE) FROM target WHERE kode_unit = '12.19.07' ORDER BY ALL",
        "SELECT 'realisasi', indikator_id, tahun, label, CAST(nilai AS DOUBLE) FROM realisasi WHERE kode_unit = '12.19.07' ORDER BY ALL",
        "SELECT 'nrr', unsur_id, tahun, CAST(nrr AS DOUBLE) FROM skm_nrr WHERE kode_unit = '12.19.07' ORDER BY ALL",
        "SELECT 'akip', komponen_id, CAST(target AS DOUBLE), CAST(realisasi AS DOUBLE) FROM akip_komponen ORDER BY ALL",
        "SELECT 'belanja', kode_rekening, uraian, anggaran, realisasi FROM anggaran_belanja ORDER BY ALL",
        "SELECT 'program', kode_program, anggaran, realisasi FROM anggaran_program ORDER BY ALL",
        "SELECT 'capaian', indikator_id, tahun, capaian, predikat FROM v_capaian WHERE kode_unit = '12.19.07' ORDER BY ALL",
    ];
    queries.iter().flat_map(|q| store.sql(q).unwrap().rows.into_iter().map(|r| format!("{r:?}"))).collect()
}

#[test]
fn a_transcription_loads_its_facts() {
    let dir = tempfile::tempdir().unwrap();
    // The reference: the seed's data files.
    let full = dir.path().join("full.duckdb");
    load_seed(&full);
    // Only the regions and indicators, then the transcription.
    let base = dir.path().join("base");
    fs::create_dir_all(&base).unwrap();
    for f in ["wilayah.csv", "indikator.csv"] {
        fs::copy(kinerja_tests::data_dir().join(f), base.join(f)).unwrap();
    }
    let db = dir.path().join("t.duckdb");
    assert_eq!(kinerja(&["load", p(&base), "--db", p(&db)]).code, 0);
    let before = facts(&db);
    let Run { code, err, .. } = kinerja(&["load", p(&seed_transcription()), "--db", p(&db)]);
    assert_eq!(code, 1, "refused while the audit finds errors");
    assert!(err.contains("the audit finds 15 errors") && err.contains("--terima-temuan"), "{err}");
    assert_eq!(facts(&db), before, "nothing loaded");
    let Run { code, out, err } = kinerja(&["load", p(&seed_transcription()), "--db", p(&db), "--terima-temuan"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("17 findings recorded in audit_temuan"), "{out}");
    assert_eq!(facts(&db), facts(&full), "the transcription gives the seed's facts and capaian");
    let store = kinerja_store::Store::open_read_only(&db).unwrap();
    let recorded = store.sql("SELECT count(*), count(DISTINCT berkas) FROM audit_temuan").unwrap().rows;
    assert_eq!(recorded, vec![vec![Some("17".to_string()), Some("1".to_string())]]);
}

/// The format documentation lists every scheme with its unsur ids in the
/// core's order and every label scale with the core's bands, so a
/// reviewer transcribing from the documentation alone uses the right ids.
#[test]
fn the_format_documentation_lists_the_cores_schemes_unsur_and_scales() {
    use kinerja_core::skm::Skema;
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/audit-format.md")).unwrap();
    for skema in [Skema::PermenPanRb14_2017, Skema::KepMenPan25_2004] {
        let ids: Vec<String> = skema.unsur().iter().map(|u| format!("`{}`", u.id)).collect();
        let row = doc
            .lines()
            .find(|l| l.starts_with(&format!("| `{}`", skema.code())))
            .unwrap_or_else(|| panic!("{}", skema.code()));
        assert!(row.ends_with(&format!("| {} |", ids.join(", "))), "{row}");
    }
    for table in kinerja_core::band::ALL {
        assert!(doc.contains(&format!("| `{}`", table.id)), "{}", table.id);
        let row = doc.lines().find(|l| l.starts_with(&format!("| `{}`", table.id))).unwrap();
        assert!(row.ends_with(&format!("| {} |", table.regulation)), "{row}");
        for b in table.bands.iter().filter(|b| b.min_hundredths != i64::MIN) {
            let min =
                kinerja_core::notation::format_number(kinerja_core::Decimal::new(b.min_hundredths, 2), 2).unwrap();
            assert!(row.contains(&format!("{} ≥ {min}", b.label)), "{row}: {} {min}", b.label);
        }
    }
    for skala in ["kinerja_ikm_2017", "mutu_nrr_2017", "kinerja_nrr_2017", "mutu_nrr_2004"] {
        let t: kinerja_audit::model::Skala = serde_json::from_str(&format!("\"{skala}\"")).unwrap();
        assert!(doc.contains(&format!("`{skala}`")), "{skala} {t:?}");
    }
}

/// Real-world printing patterns (`tests/audit-pola`): each transcription,
/// written as reports print (unit words, English notation, labels with
/// descriptions, NRR labels, unsigned changes, conversions, rows whose
/// totals are not printed), gives exactly the findings its `.harapan` file
/// lists, with their first cause — `bersih` for the consistent ones.
#[test]
fn printing_patterns_give_exactly_their_findings() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/audit-pola"));
    let mut cases: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    cases.retain(|p| p.extension().is_some_and(|x| x == "json"));
    cases.sort();
    assert!(cases.len() >= 12, "{cases:?}");
    let check = |json: &std::path::Path, expect: &str| {
        let name = json.file_name().unwrap().to_string_lossy().into_owned();
        let t = kinerja_audit::baca::json(&std::fs::read_to_string(json).unwrap(), &name).unwrap();
        let h = periksa(&t).unwrap();
        let got: Vec<String> =
            h.temuan.iter().map(|f| format!("{} {}", f.id, f.sebab.first().map_or("-", |s| s.jenis()))).collect();
        let want: Vec<String> = expect.lines().filter(|l| *l != "bersih").map(String::from).collect();
        assert_eq!(got, want, "{name}");
    };
    for json in cases {
        check(&json, &std::fs::read_to_string(json.with_extension("harapan")).unwrap());
    }
}

/// The workbook form names notations per table column (`#notasi` row) and
/// per sentence figure (`notasi` column); a notation that is none is a
/// problem located by file, row and column, and nothing is audited.
#[test]
fn spreadsheet_forms_name_notations_and_refuse_unknown_ones() {
    let dir = tempfile::tempdir().unwrap();
    let write = |tabel_notasi: &str, kolom_notasi: &str| {
        let csv = dir.path().join("notasi");
        fs::create_dir_all(&csv).unwrap();
        let files = [
            ("dokumen", "kunci,nilai\nformat,kinerja-audit\nversi,1\njudul,Uji\n".to_string()),
            ("tabel", format!("id,judul,eksak,notasi\nt,Tabel uji,anggaran;realisasi,{tabel_notasi}\n")),
            ("t", format!("baris,anggaran,realisasi,persen\n#notasi,,,{kolom_notasi}\na,801.207.500,749.930.215,93.600\n")),
            ("kalimat", "id,letak,teks,nama,nilai,notasi\nk,teks,bobot 1.500,x,1.500,polos\n".to_string()),
            (
                "relasi",
                "id,jenis,hasil,pembilang,penyebut,nilai\np,persen,t.a.persen,t.a.realisasi,t.a.anggaran,\nb,sama,k.x,,,\"=1,5\"\n"
                    .to_string(),
            ),
        ];
        for (name, text) in files {
            fs::write(csv.join(format!("{name}.csv")), text).unwrap();
        }
        csv
    };
    // 93.600 as a plain decimal (the column's own notation) is 93,6 %; 1.500
    // as a plain decimal (the figure's own) is 1,5.
    let Run { code, out, err } = kinerja(&["audit", p(&write("", "polos")), "--format", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    // Read in the document's Indonesian notation, 93.600 is 93600 %.
    let Run { code, out, .. } = kinerja(&["audit", p(&write("", "")), "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("\"id\": \"p\""), "{out}");
    let Run { code, err, .. } = kinerja(&["audit", p(&write("jawa", "polos"))]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("tabel.csv") && err.contains("notasi") && err.contains("\"jawa\""), "{err}");
}

/// An audit that can check no relation (every one uses a figure that reads
/// as no number) says so and exits 2, after its findings.
#[test]
fn an_audit_that_can_check_nothing_exits_2() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/audit-pola/11-angka-tak-terbaca.json");
    let Run { code, out, err } = kinerja_id(&["audit", path]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.contains("[TRANSKRIPSI] cetak:k.p"), "{out}");
    assert!(err.contains("tidak ada relasi yang dapat diperiksa: 1 relasi"), "{err}");
}
