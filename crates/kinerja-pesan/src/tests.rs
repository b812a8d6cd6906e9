//! The catalogue and its rendering: both languages, plurals, nested
//! messages, and no entry that nothing uses.

use super::*;

#[test]
fn both_languages_and_plurals() {
    let check = |p: Pesan, en: &str, id: &str| {
        assert_eq!(p.render(Lang::En), en);
        assert_eq!(p.render(Lang::Id), id);
        assert_eq!(p.to_string(), en, "Display is English");
    };
    check(msg::data_problems(1), "1 problem in the data:", "1 masalah dalam data:");
    check(msg::data_problems(2), "2 problems in the data:", "2 masalah dalam data:");
    check(msg::data_problems(0), "0 problems in the data:", "0 masalah dalam data:");
}

#[test]
fn arguments_keep_their_kind() {
    // A user's value is printed as it is, even when it reads as a key or
    // as English; a nested message follows the language.
    let nested = msg::core_undefined("kj_capaian", msg::core_why_negative_target());
    assert_eq!(nested.render(Lang::En), "kj_capaian is undefined: negative target");
    assert_eq!(nested.render(Lang::Id), "kj_capaian tidak terdefinisi: target negatif");
    let user = msg::core_undefined("negative target", "data.problems");
    assert_eq!(user.render(Lang::Id), "negative target tidak terdefinisi: data.problems");
    let list = msg::audit_uraian_urutan("x", Arg::Daftar(vec![msg::audit_info_none(), msg::audit_info_none()], "; "));
    assert_eq!(list.render(Lang::Id), "urutan unsur x: tidak ada; tidak ada");
    assert_eq!(list.render(Lang::En), "order of the x unsur: none; none");
}

#[test]
fn keys_are_found_by_name_and_every_entry_has_both_texts() {
    assert_eq!(cari("data.problems").map(Entry::key), Some("data.problems"));
    assert!(cari("data.nothing").is_none());
    for e in msg::ALL {
        assert!(!e.text(Lang::En).is_empty() && !e.text(Lang::Id).is_empty(), "{} has an empty text", e.key());
    }
}

#[test]
fn language_codes_and_locales() {
    assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
    assert_eq!(Lang::parse("id_ID"), Some(Lang::Id));
    assert_eq!(Lang::parse("C.UTF-8"), None);
    let env = |k: &str| (k == "LC_MESSAGES").then(|| "en_US.UTF-8".to_string());
    assert_eq!(Lang::dari_lokal(env), Lang::En);
    assert_eq!(Lang::dari_lokal(|_| None), Lang::Id);
}

/// Every Rust source of the workspace that may use a message.
fn sources() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = String::new();
    let mut dirs = vec![root.join("crates"), root.join("web/src"), root.join("tests")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() && !p.ends_with("target") {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("kinerja-pesan/src/tests.rs") {
                out.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
            }
        }
    }
    out
}

#[test]
fn no_entry_is_dead() {
    let src = sources();
    let dead: Vec<&str> = msg::ALL
        .iter()
        .map(|e| e.key())
        .filter(|k| {
            let f = k.replace('.', "_");
            // Called, or passed as a function (`konteks(msg::cli_making_snapshot)`).
            let used = ["(", ",", ")", ";"].iter().any(|end| src.contains(&format!("msg::{f}{end}")));
            !used && !src.contains(&format!("\"{k}\""))
        })
        .collect();
    assert!(dead.is_empty(), "catalogue entries nothing uses: {dead:?}");
}

/// The compact form build.rs writes: braces doubled, arguments by
/// position, plurals by a count.
#[test]
fn compact_texts_render_braces_arguments_and_plurals() {
    static E: Entry = Entry { packed: "t.compact\u{1f}{{x}} {0}: {1} {1|row|rows}\u{1f}{0}: {1} baris", args: 2 };
    let p = |n: i128| Pesan::new(&E, vec![Arg::Text("f.csv".into()), Arg::Count(n)]);
    assert_eq!(p(1).render(Lang::En), "{x} f.csv: 1 row");
    assert_eq!(p(2).render(Lang::En), "{x} f.csv: 2 rows");
    assert_eq!(p(2).render(Lang::Id), "f.csv: 2 baris");
    assert_eq!(Pesan::new(&E, vec![Arg::Text("a".into()), Arg::Count(0)]).word(Lang::En), None);
}
