//! Kinerja's one message catalogue: every message, help text and summary
//! of the command line in Bahasa Indonesia (the default) and English.
//!
//! # Decisions
//!
//! - **English text is the message id**, as in gettext. The libraries
//!   (`kinerja-core`, `kinerja-data`, `kinerja-store`, `kinerja-skenario`)
//!   build their located problems and errors in English and stay free of a
//!   language setting; the edge (the CLI) translates what it prints through
//!   [`Katalog::teks`]. The Indonesian texts live in one file,
//!   `src/katalog.txt`, and nowhere else.
//! - **Templates, not keys.** An entry's English side is a template in which
//!   `{}` stands for any text (a file name, a number, a value as found). A
//!   message matches when its literal parts match exactly; the captured
//!   values are translated again when they are themselves a message
//!   (`loading {} into {}: {}` wraps `{} problem(s) in the data:`), and kept
//!   verbatim otherwise (a user's value is never rewritten). Of several
//!   matching entries, the one with the most literal text wins.
//! - **Lines are the unit.** A message of several lines is translated line
//!   by line, so a list of problems translates each problem.
//! - Nothing here reads the environment: [`Lang::dari_lokal`] is given the
//!   locale variables by the caller.
//!
//! ```
//! use kinerja_pesan::{katalog, Lang};
//! let k = katalog();
//! assert_eq!(k.teks(Lang::En, "3 problem(s) in the data:"), "3 problem(s) in the data:");
//! assert_eq!(k.teks(Lang::Id, "3 problem(s) in the data:"), "3 masalah dalam data:");
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Bahasa Indonesia, the default.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Reads a language code or a locale name: `id`, `en`, `en_US.UTF-8`,
    /// `id_ID`; `None` for anything else (`C`, `POSIX`, `fr_FR`).
    ///
    /// ```
    /// use kinerja_pesan::Lang;
    /// assert_eq!(Lang::parse("en_GB.UTF-8"), Some(Lang::En));
    /// assert_eq!(Lang::parse("C.UTF-8"), None);
    /// ```
    pub fn parse(code: &str) -> Option<Lang> {
        let base = code.trim().split(['_', '.', '@', '-']).next().unwrap_or_default().to_ascii_lowercase();
        match base.as_str() {
            "id" | "in" | "ind" => Some(Lang::Id),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the locale, as POSIX decides it: the first set of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` (given by `var`) names the locale;
    /// English when that locale is English (`en_*`), Bahasa Indonesia
    /// otherwise, also when none is set.
    ///
    /// ```
    /// use kinerja_pesan::Lang;
    /// let env = |k: &str| (k == "LANG").then(|| "en_US.UTF-8".to_string());
    /// assert_eq!(Lang::dari_lokal(env), Lang::En);
    /// assert_eq!(Lang::dari_lokal(|_| None), Lang::Id);
    /// ```
    pub fn dari_lokal(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| var(k).filter(|v| !v.trim().is_empty()))
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default()
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

/// One piece of a template: literal text or a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Bagian {
    Teks(String),
    /// The n-th value captured by the English template.
    Isian(usize),
}

/// One catalogue entry.
#[derive(Debug)]
struct Entri {
    /// The English template's literal parts: one more than placeholders.
    literal: Vec<String>,
    /// The Indonesian text.
    id: Vec<Bagian>,
    /// Characters of literal text: the more, the more specific.
    bobot: usize,
    /// The shortest text it can match, in bytes.
    min_len: usize,
}

/// Translations already made while translating one text: `(part, depth)`.
type Memo = HashMap<(String, usize), Option<String>>;

/// A catalogue that cannot be read: names the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KatalogError {
    /// 1-based line of `katalog.txt`.
    pub baris: usize,
    /// What is wrong.
    pub pesan: String,
}

impl std::fmt::Display for KatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "katalog.txt, line {}: {}", self.baris, self.pesan)
    }
}

impl std::error::Error for KatalogError {}

/// The translations: English templates and their Indonesian texts.
#[derive(Debug, Default)]
pub struct Katalog {
    /// Entries without placeholders, by their English text.
    tetap: HashMap<String, usize>,
    /// Entries with placeholders.
    pola: Vec<usize>,
    entri: Vec<Entri>,
}

/// The catalogue built into Kinerja (`src/katalog.txt`).
///
/// # Panics
/// Never for the shipped file: its test reads it whole.
pub fn katalog() -> &'static Katalog {
    static K: OnceLock<Katalog> = OnceLock::new();
    K.get_or_init(|| Katalog::parse(include_str!("katalog.txt")).unwrap_or_else(|e| panic!("{e}")))
}

/// Splits a template on `{}` / `{n}` placeholders; `{{` and `}}` are braces.
fn bagian(s: &str) -> Result<Vec<Bagian>, String> {
    let (mut out, mut lit, mut urut) = (Vec::new(), String::new(), 0);
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
            '{' => {
                let mut n = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(d) if d.is_ascii_digit() => n.push(d),
                        _ => return Err(format!("expected {{}} or {{n}}, found {s:?}")),
                    }
                }
                out.push(Bagian::Teks(std::mem::take(&mut lit)));
                let i = if n.is_empty() { urut } else { n.parse().map_err(|_| format!("placeholder {{{n}}}"))? };
                urut += 1;
                out.push(Bagian::Isian(i));
            }
            '}' => return Err(format!("a single }} in {s:?} (write }}}} for a brace)")),
            c => lit.push(c),
        }
    }
    out.push(Bagian::Teks(lit));
    Ok(out)
}

impl Katalog {
    /// Reads a catalogue: entries of an `en: ` line followed by an `id: `
    /// line, separated by blank lines; `#` starts a comment line.
    pub fn parse(text: &str) -> Result<Katalog, KatalogError> {
        let mut k = Katalog::default();
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
        while let Some((n, line)) = lines.next() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let salah = |pesan: String| KatalogError { baris: n, pesan };
            let en = line.strip_prefix("en: ").ok_or_else(|| salah(format!("expected \"en: \", found {line:?}")))?;
            let id = match lines.next() {
                Some((_, l)) => l.strip_prefix("id: "),
                None => None,
            };
            let id = id.ok_or_else(|| salah("expected an \"id: \" line after it".into()))?;
            k.tambah(en, id).map_err(salah)?;
        }
        // The most literal first: the first template that matches is the
        // most specific one (entries of equal weight keep the file's order).
        let entri = &k.entri;
        k.pola.sort_by_key(|&i| std::cmp::Reverse(entri[i].bobot));
        Ok(k)
    }

    fn tambah(&mut self, en: &str, id: &str) -> Result<(), String> {
        let en_bagian = bagian(en)?;
        let literal: Vec<String> = en_bagian
            .iter()
            .filter_map(|b| match b {
                Bagian::Teks(t) => Some(t.clone()),
                Bagian::Isian(_) => None,
            })
            .collect();
        let isian = literal.len() - 1;
        if !literal.iter().any(|l| l.chars().any(char::is_alphabetic)) {
            return Err(format!("the English text {en:?} has no word to match on"));
        }
        let id = bagian(id)?;
        let dipakai = id.iter().filter(|b| matches!(b, Bagian::Isian(_))).count();
        if dipakai != isian || id.iter().any(|b| matches!(b, Bagian::Isian(i) if *i >= isian)) {
            return Err(format!("the Indonesian text must use each of the {isian} placeholder(s) of {en:?} once"));
        }
        let kunci = literal.concat();
        let entri = Entri { bobot: kunci.chars().count(), min_len: kunci.len() + isian, literal, id };
        let i = self.entri.len();
        if isian == 0 {
            if self.tetap.insert(kunci, i).is_some() {
                return Err(format!("{en:?} is in the catalogue twice"));
            }
        } else {
            if self.pola.iter().any(|&j| self.entri[j].literal == entri.literal) {
                return Err(format!("{en:?} is in the catalogue twice"));
            }
            self.pola.push(i);
        }
        self.entri.push(entri);
        Ok(())
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entri.len()
    }

    /// Whether the catalogue is empty.
    pub fn is_empty(&self) -> bool {
        self.entri.is_empty()
    }

    /// `text` in `lang`, line by line; a line the catalogue does not know
    /// stays as it is.
    pub fn teks<'a>(&self, lang: Lang, text: &'a str) -> Cow<'a, str> {
        if lang == Lang::En {
            return text.into();
        }
        let mut out = String::with_capacity(text.len());
        let mut changed = false;
        // Lines of one text repeat their parts (the expected value of every
        // problem of a column): each part is looked up once.
        let mut memo = Memo::new();
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
            }
            match self.terjemah(line, 0, &mut memo) {
                Some(t) => {
                    out.push_str(&t);
                    changed = true;
                }
                None => out.push_str(line),
            }
        }
        if changed { out.into() } else { text.into() }
    }

    /// The Indonesian of one whole line, if the catalogue knows it.
    ///
    /// ```
    /// let k = kinerja_pesan::katalog();
    /// assert_eq!(k.baris("Options:").as_deref(), Some("Opsi:"));
    /// assert_eq!(k.baris("Sei Balai"), None);
    /// ```
    pub fn baris(&self, line: &str) -> Option<String> {
        self.terjemah(line, 0, &mut Memo::new())
    }

    fn terjemah(&self, s: &str, dalam: usize, memo: &mut Memo) -> Option<String> {
        if dalam > 4 || s.is_empty() {
            return None;
        }
        let key = (s.to_string(), dalam);
        if let Some(t) = memo.get(&key) {
            return t.clone();
        }
        let t = match self.tetap.get(s) {
            Some(&i) => Some(self.susun(i, &[], dalam, memo)),
            None => {
                let hit = self.pola.iter().find_map(|&i| {
                    let e = &self.entri[i];
                    if s.len() < e.min_len {
                        return None;
                    }
                    cocok(s, &e.literal).map(|isi| (i, isi))
                });
                hit.map(|(i, isi)| self.susun(i, &isi, dalam, memo))
            }
        };
        // Whole lines rarely repeat; their parts do.
        if dalam > 0 {
            memo.insert(key, t.clone());
        }
        t
    }

    /// The Indonesian of entry `i` with the captured values, each
    /// translated when it is a message itself.
    fn susun(&self, i: usize, isi: &[&str], dalam: usize, memo: &mut Memo) -> String {
        let mut out = String::new();
        for b in &self.entri[i].id {
            match b {
                Bagian::Teks(t) => out.push_str(t),
                Bagian::Isian(n) => {
                    let v = isi[*n];
                    match self.isian(v, dalam + 1, memo) {
                        Some(t) => out.push_str(&t),
                        None => out.push_str(v),
                    }
                }
            }
        }
        out
    }

    /// A captured value as a message: whole, or inside the quotes a found
    /// value is shown in.
    fn isian(&self, v: &str, dalam: usize, memo: &mut Memo) -> Option<String> {
        if let Some(inner) = v.strip_prefix('"').and_then(|r| r.strip_suffix('"')).filter(|r| !r.contains('"')) {
            return self.terjemah(inner, dalam, memo).map(|t| format!("\"{t}\""));
        }
        self.terjemah(v, dalam, memo)
    }
}

/// The values `s` gives the placeholders between `literal`'s parts, if it
/// matches them; each value is at least one character.
fn cocok<'a>(s: &'a str, literal: &[String]) -> Option<Vec<&'a str>> {
    let (first, last) = (literal.first()?, literal.last()?);
    let rest = s.strip_prefix(first.as_str())?;
    let rest = rest.strip_suffix(last.as_str())?;
    let mut isi = Vec::with_capacity(literal.len() - 1);
    cari(rest, &literal[1..literal.len() - 1], &mut isi).then_some(isi)
}

/// Fills `isi` with values for the placeholders around `tengah`, the
/// literals between them, trying each place a literal occurs.
fn cari<'a>(s: &'a str, tengah: &[String], isi: &mut Vec<&'a str>) -> bool {
    let Some((lit, sisa)) = tengah.split_first() else {
        isi.push(s);
        return !s.is_empty();
    };
    let mut from = s.chars().next().map_or(1, char::len_utf8);
    while from <= s.len() {
        let Some(off) = s.get(from..).and_then(|t| t.find(lit.as_str())) else { return false };
        let at = from + off;
        isi.push(&s[..at]);
        if cari(&s[at + lit.len()..], sisa, isi) {
            return true;
        }
        isi.pop();
        from = at + s[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests;
