//! One relation read, and — when serde refuses it — where and why, found
//! by trying the relation against a complete one of its kind
//! ([`Bentuk::contoh`]) field by field: no field list is kept by hand and
//! no message of serde's is read.

use kinerja_pesan::{Arg, Pesan, msg};
use serde_json::{Map, Value};

use crate::model::{Bentuk, Relasi};

/// Why a relation does not read: the field (when one is to blame), what
/// was expected there and what was found.
#[derive(Debug)]
pub(super) struct Salah {
    pub field: Option<String>,
    pub expected: Pesan,
    pub found: Arg,
}

/// The fields every relation may have besides its kind's own.
const UMUM: [&str; 4] = ["jenis", "id", "catatan", "kalimat"];

/// Reads one relation.
pub(super) fn read(v: Value) -> Result<Relasi, Salah> {
    serde_json::from_value::<Relasi>(v.clone()).map_err(|_| diagnose(&v))
}

fn salah(field: &str, expected: Pesan, found: Arg) -> Salah {
    Salah { field: Some(field.to_string()), expected, found }
}

fn diagnose(v: &Value) -> Salah {
    let Some(obj) = v.as_object() else {
        return Salah { field: None, expected: msg::audit_baca_relation_object(), found: shown(v) };
    };
    if let Some((k, x)) =
        obj.iter().find(|(k, x)| (*k == "id" || *k == "catatan" || *k == "kalimat") && !(x.is_string() || x.is_null()))
    {
        return salah(k, msg::audit_baca_text(), shown(x));
    }
    let jenis = obj.get("jenis");
    let Some(contoh) = jenis.and_then(Value::as_str).and_then(Bentuk::contoh) else {
        let found = jenis.map_or_else(|| msg::audit_baca_nothing().into(), shown);
        return salah("jenis", msg::audit_baca_jenis(Bentuk::JENIS.join(", ")), found);
    };
    let jenis = contoh.jenis();
    let Ok(Value::Object(full)) = serde_json::to_value(&contoh) else {
        return Salah { field: None, expected: msg::audit_baca_valid_relation(jenis), found: shown(v) };
    };
    let fields: Vec<&str> = full.keys().map(String::as_str).filter(|k| *k != "jenis").collect();
    if let Some(k) = obj.keys().find(|k| !UMUM.contains(&k.as_str()) && !full.contains_key(*k)) {
        return salah(k, msg::audit_baca_field_of(jenis, fields.join(", ")), Arg::Text(k.clone()));
    }
    let reads = |m: Map<String, Value>| serde_json::from_value::<Bentuk>(Value::Object(m)).is_ok();
    for (k, x) in obj.iter().filter(|(k, _)| !UMUM.contains(&k.as_str())) {
        let mut one = full.clone();
        one.insert(k.clone(), x.clone());
        if !reads(one) {
            return salah(k, msg::audit_baca_field_value(k, jenis), shown(x));
        }
    }
    for k in fields.iter().filter(|k| !obj.contains_key(**k)) {
        let mut without = full.clone();
        without.remove(*k);
        if !reads(without) {
            return salah(k, msg::audit_baca_field_needed(jenis), msg::audit_baca_nothing().into());
        }
    }
    Salah { field: None, expected: msg::audit_baca_valid_relation(jenis), found: shown(v) }
}

/// The longest found value shown whole, in characters.
const SHOWN: usize = 80;

/// A JSON value as a problem shows it (quoted, by [`Masalah`]): text as
/// it is, anything else as JSON, cut when long.
///
/// [`Masalah`]: crate::hasil::Masalah
pub(super) fn shown(v: &Value) -> Arg {
    let text = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match text.char_indices().nth(SHOWN) {
        None => Arg::Text(text),
        Some((end, _)) => Arg::Text(format!("{}…", &text[..end])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str, field: Option<&str>, expect: &str) {
        let v: Value = serde_json::from_str(json).unwrap();
        let s = read(v).unwrap_err();
        let said = format!("{}: expected {}, found {}", s.field.as_deref().unwrap_or("-"), s.expected, {
            let mut t = String::new();
            match &s.found {
                Arg::Text(x) => t.push_str(&format!("{x:?}")),
                Arg::Pesan(p) => t.push_str(&p.to_string()),
                other => t.push_str(&format!("{other:?}")),
            }
            t
        });
        assert_eq!(s.field.as_deref(), field, "{said}");
        assert_eq!(said, expect);
    }

    #[test]
    fn a_refused_relation_is_located_at_its_field() {
        check(
            r#"{"jenis":"rasio","hasil":"a"}"#,
            Some("jenis"),
            &format!(
                "jenis: expected a relation kind of docs/audit-format.md ({}), found \"rasio\"",
                Bentuk::JENIS.join(", ")
            ),
        );
        check(
            r#"{"hasil":"a"}"#,
            Some("jenis"),
            &format!(
                "jenis: expected a relation kind of docs/audit-format.md ({}), found nothing",
                Bentuk::JENIS.join(", ")
            ),
        );
        check(
            r#"{"jenis":"sama","hasil":"a","nilai":"b","dari":"c"}"#,
            Some("dari"),
            "dari: expected a field of sama: hasil, nilai, found \"dari\"",
        );
        check(
            r#"{"jenis":"jumlah","hasil":"a","dari":7}"#,
            Some("dari"),
            "dari: expected a valid value of dari for jumlah (docs/audit-format.md), found \"7\"",
        );
        check(
            r#"{"jenis":"persen","hasil":"a","pembilang":"b"}"#,
            Some("penyebut"),
            "penyebut: expected a field persen needs, found nothing",
        );
        check(
            r#"{"jenis":"label","hasil":"a","skala":"warna"}"#,
            Some("skala"),
            "skala: expected a valid value of skala for label (docs/audit-format.md), found \"warna\"",
        );
        check(r#"{"jenis":"sama","id":3,"hasil":"a","nilai":"b"}"#, Some("id"), "id: expected text, found \"3\"");
        check(r#"[1,2]"#, None, "-: expected a relation (a JSON object), found \"[1,2]\"");
    }

    /// Every kind has a complete example that reads back as itself.
    #[test]
    fn every_kind_has_an_example_that_reads_back() {
        for jenis in Bentuk::JENIS {
            let contoh = Bentuk::contoh(jenis).unwrap();
            assert_eq!(contoh.jenis(), jenis);
            let back: Bentuk = serde_json::from_value(serde_json::to_value(&contoh).unwrap()).unwrap();
            assert_eq!(back, contoh);
        }
    }
}
