//! Generates the message functions from the catalogue (`katalog/*.txt`):
//! one `static` [`Entry`] and one constructor function per key, so that a
//! key that does not exist, or a message given the wrong arguments, does
//! not compile, and a program links only the texts it uses (the browser
//! planner's size budget).
//!
//! A catalogue file holds entries separated by blank lines:
//!
//! ```text
//! # a comment
//! [load.summary]
//! en = Loaded {dir} into {db}: {read} {read|row|rows} read.
//! id = Memuat {dir} ke {db}: {read} baris dibaca.
//! ```
//!
//! `{name}` is an argument; `{name|one|other}` chooses a word by the count
//! `name` (English: `one` for 1, `other` otherwise); `{{` and `}}` are
//! braces; `\n` is a line break and `\\` a backslash. Both languages must use the same
//! arguments, except that the Indonesian may leave out a count the English
//! uses only to choose a plural. The checks here fail the build with the
//! file and line.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// One piece of a text.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Lit(String),
    Arg(String),
    Plural(String, String, String),
}

#[derive(Debug)]
struct Entry {
    key: String,
    en: Vec<Part>,
    id: Vec<Part>,
    /// Arguments in order of first use in the English text.
    args: Vec<String>,
    /// Arguments a plural choice counts.
    counts: BTreeSet<String>,
    place: String,
}

fn main() {
    let dir = Path::new("katalog");
    println!("cargo::rerun-if-changed=katalog");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("crates/kinerja-pesan/katalog")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut entries = Vec::new();
    for f in &files {
        println!("cargo::rerun-if-changed={}", f.display());
        let text = std::fs::read_to_string(f).expect("a readable catalogue file");
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        entries.extend(parse_file(name, &text).unwrap_or_else(|e| panic!("katalog/{e}")));
    }
    check_unique(&entries);
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("msg.rs");
    std::fs::write(out, generate(&entries)).expect("writing msg.rs");
}

fn parse_file(name: &str, text: &str) -> Result<Vec<Entry>, String> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate().peekable();
    while let Some((n, line)) = lines.next() {
        let place = format!("{name}:{}", n + 1);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let key = line
            .strip_prefix('[')
            .and_then(|l| l.strip_suffix(']'))
            .ok_or_else(|| format!("{place}: expected [key], found {line:?}"))?;
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_')
        {
            return Err(format!("{place}: a key is lowercase words joined by . or _, found {key:?}"));
        }
        let mut text_of = |lang: &str| -> Result<Vec<Part>, String> {
            let (m, l) = lines.next().ok_or_else(|| format!("{place}: [{key}] needs a line `{lang} = …`"))?;
            let prefix = format!("{lang} = ");
            let v = l.strip_prefix(&prefix).or_else(|| (l == format!("{lang} =")).then_some(""));
            let v = v.ok_or_else(|| format!("{name}:{}: expected `{prefix}…`, found {l:?}", m + 1))?;
            parts(v).map_err(|e| format!("{name}:{}: {e}", m + 1))
        };
        let en = text_of("en")?;
        let id = text_of("id")?;
        out.push(entry(key, en, id, place)?);
    }
    Ok(out)
}

fn entry(key: &str, en: Vec<Part>, id: Vec<Part>, place: String) -> Result<Entry, String> {
    let names = |ps: &[Part]| -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for p in ps {
            if let Part::Arg(a) | Part::Plural(a, _, _) = p
                && !v.contains(a)
            {
                v.push(a.clone());
            }
        }
        v
    };
    let (args, id_args) = (names(&en), names(&id));
    // Bahasa Indonesia does not inflect: it may leave out a count that the
    // English uses only to choose a plural.
    let plural_only = |a: &String| {
        en.iter().all(|p| !matches!(p, Part::Arg(x) if x == a))
            && en.iter().any(|p| matches!(p, Part::Plural(x, ..) if x == a))
    };
    let extra = id_args.iter().any(|a| !args.contains(a));
    let missing = args.iter().any(|a| !id_args.contains(a) && !plural_only(a));
    if extra || missing {
        return Err(format!(
            "{place}: [{key}] en uses {args:?}, id uses {id_args:?}: both must use the same arguments"
        ));
    }
    let counts = en
        .iter()
        .chain(&id)
        .filter_map(|p| match p {
            Part::Plural(a, _, _) => Some(a.clone()),
            _ => None,
        })
        .collect();
    Ok(Entry { key: key.to_string(), en, id, args, counts, place })
}

/// Splits a text into literal parts, arguments and plural choices.
fn parts(s: &str) -> Result<Vec<Part>, String> {
    if s.contains('\u{1f}') {
        return Err(format!("a text holds U+001F, which separates the packed texts: {s:?}"));
    }
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                lit.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                lit.push('}');
            }
            '\\' if chars.peek() == Some(&'n') => {
                chars.next();
                lit.push('\n');
            }
            '\\' if chars.peek() == Some(&'\\') => {
                chars.next();
                lit.push('\\');
            }
            '{' => {
                let mut inner = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => inner.push(c),
                        None => return Err(format!("an unclosed {{ in {s:?}")),
                    }
                }
                if !lit.is_empty() {
                    out.push(Part::Lit(std::mem::take(&mut lit)));
                }
                out.push(placeholder(&inner).map_err(|e| format!("{e} in {s:?}"))?);
            }
            '}' => return Err(format!("a single }} in {s:?} (write }}}} for a brace)")),
            c => lit.push(c),
        }
    }
    if !lit.is_empty() {
        out.push(Part::Lit(lit));
    }
    Ok(out)
}

fn placeholder(inner: &str) -> Result<Part, String> {
    let mut it = inner.split('|');
    let name = it.next().unwrap_or_default();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        return Err(format!("an argument is a lowercase name, found {{{inner}}}"));
    }
    match (it.next(), it.next(), it.next()) {
        (None, ..) => Ok(Part::Arg(name.to_string())),
        (Some(one), Some(other), None) => Ok(Part::Plural(name.to_string(), one.to_string(), other.to_string())),
        _ => Err(format!("a plural choice is {{name|one|other}}, found {{{inner}}}")),
    }
}

fn check_unique(entries: &[Entry]) {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for e in entries {
        if let Some(first) = seen.insert(fn_name(&e.key), &e.place) {
            panic!("katalog/{}: [{}] is in the catalogue twice (first at {first})", e.place, e.key);
        }
    }
}

/// The function of a key: `load.summary` → `load_summary`.
fn fn_name(key: &str) -> String {
    key.replace('.', "_")
}

/// A text in the compact form the library renders: literal text with `{`
/// and `}` doubled, `{i}` for the argument at position `i` and
/// `{i|one|other}` for a plural chosen by it. One string per text keeps
/// the planner small (no table of parts per message).
fn compact(ps: &[Part], args: &[String]) -> String {
    let index = |a: &str| args.iter().position(|x| x == a).expect("an argument of the entry");
    let mut out = String::new();
    for p in ps {
        match p {
            Part::Lit(s) => out.push_str(&s.replace('{', "{{").replace('}', "}}")),
            Part::Arg(a) => {
                let _ = write!(out, "{{{}}}", index(a));
            }
            Part::Plural(a, one, other) => {
                let _ = write!(out, "{{{}|{one}|{other}}}", index(a));
            }
        }
    }
    out
}

fn generate(entries: &[Entry]) -> String {
    let mut s = String::from("// Generated by build.rs from katalog/*.txt: do not edit.\n\n");
    for e in entries {
        let name = fn_name(&e.key);
        let upper = name.to_uppercase();
        let _ = writeln!(
            s,
            "#[doc(hidden)]\npub static {upper}: Entry = Entry {{ packed: {:?}, args: {} }};",
            format!("{}\u{1f}{}\u{1f}{}", e.key, compact(&e.en, &e.args), compact(&e.id, &e.args)),
            e.args.len(),
        );
        let en_text = doc_text(&e.en);
        let params: Vec<String> = e
            .args
            .iter()
            .map(|a| {
                let ty = if e.counts.contains(a) { "impl Into<Count>" } else { "impl Into<Arg>" };
                format!("{}: {ty}", param_name(a))
            })
            .collect();
        let values: Vec<String> = e
            .args
            .iter()
            .map(|a| {
                if e.counts.contains(a) {
                    format!("Arg::Count({}.into().0)", param_name(a))
                } else {
                    format!("{}.into()", param_name(a))
                }
            })
            .collect();
        let _ = writeln!(
            s,
            "/// `{}`: {}\n#[must_use]\n#[allow(clippy::too_many_arguments)] // one per argument of the text\npub fn {name}({}) -> Pesan {{ Pesan::new(&{upper}, vec![{}]) }}\n",
            e.key,
            en_text,
            params.join(", "),
            values.join(", "),
        );
    }
    let all: Vec<String> = entries.iter().map(|e| format!("&{}", fn_name(&e.key).to_uppercase())).collect();
    let _ = writeln!(
        s,
        "/// Every entry of the catalogue, in file order.\npub static ALL: &[&Entry] = &[{}];",
        all.join(", ")
    );
    s
}

/// A parameter name that is not a Rust keyword.
fn param_name(a: &str) -> String {
    match a {
        "type" | "in" | "fn" | "ref" | "mod" | "use" | "move" | "loop" | "match" | "self" | "as" | "box" | "dyn" => {
            format!("r#{a}")
        }
        _ => a.to_string(),
    }
}

/// The English text as a doc line.
fn doc_text(ps: &[Part]) -> String {
    let mut out = String::new();
    for p in ps {
        match p {
            Part::Lit(s) => out.push_str(&s.replace('\n', "⏎").replace('`', "'")),
            Part::Arg(a) => {
                let _ = write!(out, "{{{a}}}");
            }
            Part::Plural(a, one, other) => {
                let _ = write!(out, "{{{a}|{one}|{other}}}");
            }
        }
    }
    out.replace('[', "\\[").replace(']', "\\]")
}
