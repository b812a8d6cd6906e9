//! The language the command line speaks: chosen once at start (`--lang`,
//! else the locale, else Bahasa Indonesia); every message, summary, error
//! and help text is a keyed message of `kinerja-pesan`, rendered here.
//! Data (tables, reports, JSON) is printed as it is.
//!
//! Errors are rendered cause by cause: a cause that is one of Kinerja's
//! typed errors (or a message) is rendered by key; any other (an error of
//! a library Kinerja does not wrap) is printed in its own words, and marked
//! `[EN]` when `KINERJA_PESAN_KETAT` is set, so the tests that run every
//! command in Bahasa Indonesia fail on a line that escapes the catalogue.

use std::ffi::OsString;
use std::sync::OnceLock;

pub use kinerja_pesan::Lang;
use kinerja_pesan::{Message, Pesan};

static LANG: OnceLock<Lang> = OnceLock::new();

/// Set by tests: words from outside the catalogue are marked `[EN] `.
const KETAT: &str = "KINERJA_PESAN_KETAT";

/// Chooses the language from `--lang` in `args` (before clap reads them, so
/// its help and errors are in it too) or the locale.
pub fn pilih(args: &[OsString]) -> Lang {
    let dari_arg = args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1)?.to_str().and_then(Lang::parse),
            Some(v) => v.strip_prefix('=').and_then(Lang::parse),
            None => None,
        }
    });
    let lang = dari_arg.unwrap_or_else(|| Lang::dari_lokal(|k| std::env::var(k).ok()));
    *LANG.get_or_init(|| lang)
}

/// The chosen language.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// A message in the chosen language.
pub fn t(p: &Pesan) -> String {
    p.render(lang())
}

/// A help text in the chosen language (clap's `help = h(…)`).
pub fn h(p: Pesan) -> String {
    t(&p)
}

/// Prints a message on standard output in the chosen language.
macro_rules! say {
    ($p:expr) => {
        $crate::pesan::cetak(&$crate::pesan::t(&$p))
    };
}

/// Prints `kinerja: ` and a message on standard error in the chosen language.
macro_rules! tell {
    ($p:expr) => {
        eprintln!("kinerja: {}", $crate::pesan::t(&$p))
    };
}

pub(crate) use {say, tell};

/// Writes a line on standard output. When the reader has gone (`kinerja sql
/// … | head`), Kinerja stops quietly, as a Unix filter does; every write it
/// makes has committed before it prints.
pub fn cetak(line: &str) {
    use std::io::Write;
    if let Err(e) = writeln!(std::io::stdout().lock(), "{line}")
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        std::process::exit(0);
    }
}

/// Whether an error is standard output's reader having gone away.
pub fn pipa_tertutup(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

/// The message of an error cause, when it is one of Kinerja's.
pub fn pesan_of(e: &(dyn std::error::Error + 'static)) -> Option<Pesan> {
    if let Some(p) = e.downcast_ref::<Pesan>() {
        return Some(p.clone());
    }
    if let Some(k) = e.downcast_ref::<Konteks>() {
        return Some(k.pesan.clone());
    }
    if let Some(e) = e.downcast_ref::<kinerja_store::Error>() {
        return Some(e.pesan());
    }
    if let Some(e) = e.downcast_ref::<kinerja_data::Error>() {
        return Some(e.pesan());
    }
    if let Some(e) = e.downcast_ref::<kinerja_core::Error>() {
        return Some(e.pesan());
    }
    if let Some(e) = e.downcast_ref::<kinerja_skenario::Error>() {
        return Some(e.pesan());
    }
    if let Some(e) = e.downcast_ref::<kinerja_cetak::Error>() {
        return Some(e.pesan());
    }
    e.downcast_ref::<std::io::Error>().map(kinerja_pesan::io)
}

/// An error with its causes in the chosen language, joined by `: ` as
/// `{:#}` joins them. A cause its error already says is not repeated: a
/// message nested in the error's message (`cannot read x: {why}`), or,
/// for a library's untyped error, the text its error's text ends with.
pub fn galat(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut previous: (String, Option<Pesan>) = (String::new(), None);
    for cause in e.chain() {
        let english = cause.to_string();
        let pesan = pesan_of(cause);
        let said = match (&previous.1, &pesan) {
            (Some(outer), Some(inner)) => outer.contains(inner),
            _ => previous.0.ends_with(&english) && previous.0.len() > english.len(),
        };
        if !said {
            parts.push(match &pesan {
                Some(p) => t(p),
                None if std::env::var_os(KETAT).is_some() => format!("[EN] {english}"),
                None => english.clone(),
            });
        }
        previous = (english, pesan);
    }
    parts.join(": ")
}

/// Prints an error on standard error, `kinerja: ` first.
pub fn cetak_galat(e: &anyhow::Error) {
    eprintln!("kinerja: {}", galat(e));
}

/// What was being done when an error happened, as a message: the context
/// of an error, rendered by key like the error itself.
#[derive(Debug)]
pub struct Konteks {
    pesan: Pesan,
    source: anyhow::Error,
}

impl std::fmt::Display for Konteks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.pesan.fmt(f)
    }
}

impl std::error::Error for Konteks {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.source)
    }
}

/// [`Konteks`] for results: `.konteks(|| msg::cli_opening(path))`.
pub trait KonteksExt<T> {
    /// The error, if any, with what was being done.
    fn konteks(self, f: impl FnOnce() -> Pesan) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> KonteksExt<T> for Result<T, E> {
    fn konteks(self, f: impl FnOnce() -> Pesan) -> anyhow::Result<T> {
        self.map_err(|e| anyhow::Error::new(Konteks { pesan: f(), source: e.into() }))
    }
}

/// An error that is a message (`return Err(gagal(msg::…))`).
pub fn gagal(p: Pesan) -> anyhow::Error {
    anyhow::Error::new(p)
}
