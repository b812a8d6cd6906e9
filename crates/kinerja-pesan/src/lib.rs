//! Kinerja's one message catalogue: every message, help text, summary
//! and interface word in Bahasa Indonesia (the default) and English, keyed.
//!
//! # Decisions
//!
//! - **Keys, checked by the compiler.** The catalogue (`katalog/*.txt`,
//!   one file per area) gives each message a key and its text in both
//!   languages. `build.rs` turns every entry into a function of [`msg`]
//!   (`msg::load_summary(dir, db, read, changed)`), so a key that does not
//!   exist, or a message given other arguments than its text names, does
//!   not compile. A program links only the messages it uses: the browser
//!   planner carries its own words and none of the command line's.
//! - **Messages are data.** Libraries build [`Pesan`] values (a key and
//!   its arguments) and typed errors that give one; they know no language.
//!   The edge (the command line, the browser) renders them once, in the
//!   language the user chose ([`Pesan::render`]). `Display` gives English,
//!   for logs and tests.
//! - **Arguments keep their kind.** A user's value ([`Arg::Text`]) is
//!   printed as it is, never translated; a nested message
//!   ([`Arg::Pesan`]) is rendered in the same language; a count
//!   ([`Arg::Count`]) chooses the plural of a word (`{n|problem|problems}`
//!   in English; Bahasa Indonesia does not inflect: "1 masalah", "2 masalah").
//! - **A text catalogue and `build.rs`, not Fluent.** Two languages with
//!   one plural rule between them need no runtime (Fluent's bundle,
//!   language negotiation and plural tables would take a quarter of the
//!   planner's size budget), and generated functions give compile-time
//!   keys without a procedural macro. Nothing here reads the environment:
//!   [`Lang::dari_lokal`] is given the locale variables by the caller.
//!
//! ```
//! use kinerja_pesan::{msg, Lang};
//! let p = msg::data_problems(3);
//! assert_eq!(p.render(Lang::En), "3 problems in the data:");
//! assert_eq!(p.render(Lang::Id), "3 masalah dalam data:");
//! assert_eq!(msg::data_problems(1).render(Lang::En), "1 problem in the data:");
//! ```

use std::fmt;

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

/// A catalogue entry: its key and texts in one string, and its number of
/// arguments. One string per entry keeps the planner small (a table of
/// parts or of three strings per message costs it kilobytes).
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    /// `key`, the English text and the Bahasa Indonesia text, separated by
    /// [`Entry::SEPARATOR`]. A text is compact: `{i}` is the argument at
    /// position `i`, `{i|one|other}` a word chosen by the count at `i`,
    /// `{{`/`}}` braces.
    pub packed: &'static str,
    /// How many arguments the constructor takes.
    pub args: u8,
}

impl Entry {
    /// What separates the key and the texts in [`Entry::packed`].
    pub const SEPARATOR: char = '\u{1f}';

    fn field(&self, i: usize) -> &'static str {
        self.packed.split(Self::SEPARATOR).nth(i).unwrap_or("")
    }

    /// The key (`load.summary`).
    pub fn key(&self) -> &'static str {
        self.field(0)
    }

    /// The text in `lang`, compact.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.field(1),
            Lang::Id => self.field(2),
        }
    }
}

/// A count, which may choose the plural of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub i128);

macro_rules! count_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Count {
            fn from(n: $t) -> Count {
                Count(n as i128)
            }
        }
    )*};
}
count_from!(u8, u16, u32, u64, usize, i8, i16, i32, i64, i128, isize);

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A value printed as it is (a file name, a number, a user's text).
    Text(String),
    /// A count: printed as its digits; chooses plurals.
    Count(i128),
    /// A message, rendered in the same language.
    Pesan(Box<Pesan>),
    /// Messages joined by a separator, each rendered in the same language.
    Daftar(Vec<Pesan>, &'static str),
    /// A message rendered in the same language and shown quoted, inner
    /// quotes escaped (as a found value is shown: `"(\"12.19.07\", 2021)"`).
    Quoted(Box<Pesan>),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&&str> for Arg {
    fn from(s: &&str) -> Arg {
        Arg::Text((*s).to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<std::path::Display<'_>> for Arg {
    fn from(d: std::path::Display<'_>) -> Arg {
        Arg::Text(d.to_string())
    }
}

impl From<Pesan> for Arg {
    fn from(p: Pesan) -> Arg {
        Arg::Pesan(Box::new(p))
    }
}

macro_rules! arg_from_display {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg::Text(v.to_string())
            }
        }
    )*};
}
arg_from_display!(u8, u16, u32, u64, usize, i8, i16, i32, i64, i128, char);

/// A message: a catalogue entry and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pesan {
    entry: &'static Entry,
    args: Vec<Arg>,
}

impl Pesan {
    /// The message of `entry` with `args` (in the entry's order); the
    /// functions of [`msg`] call it with the right number of arguments.
    pub fn new(entry: &'static Entry, args: Vec<Arg>) -> Pesan {
        debug_assert_eq!(usize::from(entry.args), args.len(), "{}", entry.key());
        Pesan { entry, args }
    }

    /// The entry's key (`load.summary`).
    pub fn key(&self) -> &'static str {
        self.entry.key()
    }

    /// The arguments, in the entry's order.
    pub fn args(&self) -> &[Arg] {
        &self.args
    }

    /// Whether `other` is this message or one of its nested messages (an
    /// error that already says its cause: `cannot read x: {why}`).
    pub fn contains(&self, other: &Pesan) -> bool {
        self == other
            || self.args.iter().any(|a| match a {
                Arg::Pesan(p) => p.contains(other),
                Arg::Daftar(list, _) => list.iter().any(|p| p.contains(other)),
                Arg::Quoted(p) => p.contains(other),
                Arg::Text(_) | Arg::Count(_) => false,
            })
    }

    /// The text in `lang` when it is one literal word or phrase (a message
    /// without arguments), without allocating: what an interface shows as
    /// a label.
    pub fn word(&self, lang: Lang) -> Option<&'static str> {
        let text = self.entry.text(lang);
        (!text.contains(['{', '}'])).then_some(text)
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.render_into(lang, &mut out);
        out
    }

    fn render_into(&self, lang: Lang, out: &mut String) {
        let mut rest = self.entry.text(lang);
        while let Some(i) = rest.find(['{', '}']) {
            out.push_str(&rest[..i]);
            let brace = &rest[i..];
            if brace.starts_with("{{") || brace.starts_with('}') {
                out.push_str(&brace[..1]);
                rest = if brace.starts_with("}}") || brace.starts_with("{{") { &brace[2..] } else { &brace[1..] };
                continue;
            }
            let end = brace.find('}').unwrap_or(brace.len() - 1);
            self.placeholder(&brace[1..end], lang, out);
            rest = &brace[end + 1..];
        }
        out.push_str(rest);
    }

    /// `i` or `i|one|other` of a compact text.
    fn placeholder(&self, inner: &str, lang: Lang, out: &mut String) {
        let mut fields = inner.split('|');
        let arg = fields.next().and_then(|i| i.parse::<usize>().ok()).and_then(|i| self.args.get(i));
        match (arg, fields.next(), fields.next()) {
            (Some(a), None, _) => a.render_into(lang, out),
            (Some(a), Some(one), Some(other)) => {
                let n = if let Arg::Count(n) = a { *n } else { 0 };
                out.push_str(if n == 1 { one } else { other });
            }
            _ => out.push_str("{?}"),
        }
    }
}

impl Arg {
    fn render_into(&self, lang: Lang, out: &mut String) {
        match self {
            Arg::Text(s) => out.push_str(s),
            Arg::Count(n) => out.push_str(&n.to_string()),
            Arg::Pesan(p) => p.render_into(lang, out),
            Arg::Quoted(p) => out.push_str(&format!("{:?}", p.render(lang))),
            Arg::Daftar(items, sep) => {
                for (i, p) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(sep);
                    }
                    p.render_into(lang, out);
                }
            }
        }
    }
}

/// English, for logs and tests; the edge renders in the user's language.
impl fmt::Display for Pesan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for Pesan {}

/// What can be said as a message: the typed errors of Kinerja's libraries.
pub trait Message {
    /// The message.
    fn pesan(&self) -> Pesan;
}

impl Message for Pesan {
    fn pesan(&self) -> Pesan {
        self.clone()
    }
}

/// Every message of the catalogue, one function per key (generated from
/// `katalog/*.txt` by `build.rs`).
#[allow(missing_docs)]
pub mod msg {
    use super::{Arg, Count, Entry, Pesan};
    include!(concat!(env!("OUT_DIR"), "/msg.rs"));
}

/// An IO error in words: the kinds users meet by their name in the
/// catalogue, any other as the operating system says it.
pub fn io(e: &std::io::Error) -> Pesan {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => msg::io_not_found(),
        K::PermissionDenied => msg::io_permission_denied(),
        K::AlreadyExists => msg::io_already_exists(),
        K::NotADirectory => msg::io_not_a_directory(),
        K::IsADirectory => msg::io_is_a_directory(),
        K::StorageFull => msg::io_storage_full(),
        K::ReadOnlyFilesystem => msg::io_read_only(),
        K::AddrInUse => msg::io_addr_in_use(),
        _ => msg::io_other(e.to_string()),
    }
}

/// The entry of a key, for texts found by name (the help of a command's
/// arguments).
pub fn cari(key: &str) -> Option<&'static Entry> {
    msg::ALL.iter().copied().find(|e| e.key() == key)
}

#[cfg(test)]
mod tests;
