use super::*;

const UJI: &str = "\
# a small catalogue for the matcher
en: loading {} into {}: {}
id: memuat {} ke {}: {}

en: {} problem(s) in the data:
id: {} masalah dalam data:

en: {}, row {}, column {}: expected {}, found {}
id: {}, baris {}, kolom {}: diharapkan {}, ditemukan {}

en: {}, row {}: expected {}, found {}
id: {}, baris {}: diharapkan {}, ditemukan {}

en: a year not before tahun_awal {}
id: tahun yang tidak sebelum tahun_awal {}

en: {} fields
id: {} kolom

en: the code of {} in {}
id: kode {1} milik {0}

en: Options:
id: Opsi:

en: {}[default: {}]
id: {}[bawaan: {}]
";

/// Translates `input` into Bahasa Indonesia with the test catalogue.
fn check(input: &str, expect: &str) {
    let k = Katalog::parse(UJI).expect("the test catalogue");
    assert_eq!(k.teks(Lang::Id, input), expect, "{input:?}");
    assert_eq!(k.teks(Lang::En, input), input, "English is the message id");
}

#[test]
fn whole_lines_and_templates() {
    check("Options:", "Opsi:");
    check("Options: ", "Options: ");
    check(
        "realisasi.csv, row 2: expected 9 fields, found \"5 fields\"",
        "realisasi.csv, baris 2: diharapkan 9 kolom, ditemukan \"5 kolom\"",
    );
    check(
        "      --db <DB>  Database file [default: data/k.duckdb]",
        "      --db <DB>  Database file [bawaan: data/k.duckdb]",
    );
}

#[test]
fn the_more_literal_template_wins() {
    check(
        "r.csv, row 3, column tahun_akhir: expected a year not before tahun_awal 2024, found \"2023\"",
        "r.csv, baris 3, kolom tahun_akhir: diharapkan tahun yang tidak sebelum tahun_awal 2024, ditemukan \"2023\"",
    );
}

#[test]
fn nested_messages_and_lines() {
    check(
        "loading data into k.duckdb: 2 problem(s) in the data:\n  a.csv, row 2: expected 3 fields, found \"x\"\n  Sei Balai",
        "memuat data ke k.duckdb: 2 masalah dalam data:\n  a.csv, baris 2: diharapkan 3 kolom, ditemukan \"x\"\n  Sei Balai",
    );
}

#[test]
fn user_values_stay_as_found() {
    // A value is translated only when it is wholly a message; `fields` in
    // the user's text is not touched.
    check(
        "a.csv, row 2: expected 3 fields, found \"fields of rice\"",
        "a.csv, baris 2: diharapkan 3 kolom, ditemukan \"fields of rice\"",
    );
    check("Sei Bélai", "Sei Bélai");
}

#[test]
fn placeholders_may_be_reordered() {
    check("the code of a kecamatan in wilayah", "kode wilayah milik a kecamatan");
}

#[test]
fn bad_catalogues_name_their_line() {
    let e = |t: &str| Katalog::parse(t).expect_err(t);
    assert_eq!(e("en: a {}\nid: b").baris, 1);
    assert_eq!(e("# x\n\nen: a {}\n").baris, 3);
    assert_eq!(e("en: a\nid: b\n\nen: a\nid: c").baris, 4, "duplicates");
    assert_eq!(e("id: b").baris, 1);
    assert!(e("en: {}\nid: {}").pesan.contains("no word"));
    assert!(e("en: a {}\nid: b {1}").pesan.contains("once"));
}

#[test]
fn the_locale_decides_the_language() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    };
    assert_eq!(Lang::dari_lokal(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
    assert_eq!(Lang::dari_lokal(env(&[("LANG", "id_ID.UTF-8")])), Lang::Id);
    assert_eq!(Lang::dari_lokal(env(&[("LANG", "C.UTF-8")])), Lang::Id, "Bahasa Indonesia by default");
    assert_eq!(Lang::dari_lokal(env(&[("LC_ALL", "id_ID"), ("LANG", "en_US")])), Lang::Id, "LC_ALL first");
    assert_eq!(Lang::dari_lokal(env(&[("LC_MESSAGES", "en_GB"), ("LANG", "id_ID")])), Lang::En);
    assert_eq!(Lang::dari_lokal(env(&[("LC_ALL", ""), ("LANG", "en_US")])), Lang::En, "empty means unset");
    assert_eq!(Lang::parse("EN"), Some(Lang::En));
}

#[test]
fn the_shipped_catalogue_reads() {
    let k = Katalog::parse(include_str!("katalog.txt")).unwrap_or_else(|e| panic!("{e}"));
    assert!(k.len() > 100, "{} entries", k.len());
}

#[test]
fn a_core_error_quoted_in_the_reports_bahasa_is_translated() {
    let k = katalog();
    assert_eq!(
        k.teks(Lang::Id, "tidak dapat dihitung: division by zero"),
        "tidak dapat dihitung: pembagian dengan nol"
    );
    assert_eq!(k.teks(Lang::En, "tidak dapat dihitung: division by zero"), "tidak dapat dihitung: division by zero");
}
