//! The language the command line speaks: chosen once at start (`--lang`,
//! else the locale, else Bahasa Indonesia), then every message, summary,
//! error and help text goes through the catalogue of `kinerja-pesan`.
//! Data (tables, reports, JSON) is printed as it is.

use std::ffi::OsString;
use std::sync::OnceLock;

pub use kinerja_pesan::Lang;

static LANG: OnceLock<Lang> = OnceLock::new();

/// Set by tests: lines the catalogue does not know are marked `[EN] `, so
/// a test can require that a path speaks Bahasa Indonesia throughout.
const KETAT: &str = "KINERJA_PESAN_KETAT";

/// Chooses the language from `--lang` in `args` (before clap reads them, so
/// its help and errors are translated too) or the locale.
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

/// `text` (English, the message id) in the chosen language, line by line.
pub fn t(text: &str) -> String {
    let lang = lang();
    if lang == Lang::En {
        return text.to_string();
    }
    let k = kinerja_pesan::katalog();
    if std::env::var_os(KETAT).is_some() {
        return text.split('\n').map(|l| tandai(k, l)).collect::<Vec<_>>().join("\n");
    }
    k.teks(lang, text).into_owned()
}

/// The English messages inside text that is otherwise not the catalogue's
/// (an audit finding quoting a core error, a help text clap laid out),
/// translated; never marked, since the rest is not in the catalogue by
/// design.
pub fn dalam_laporan(text: &str) -> String {
    kinerja_pesan::katalog().teks(lang(), text).into_owned()
}

fn tandai(k: &kinerja_pesan::Katalog, line: &str) -> String {
    match k.baris(line) {
        Some(t) => t,
        None if line.chars().any(char::is_alphabetic) && !contoh(line) => format!("[EN] {line}"),
        None => line.to_string(),
    }
}

/// A line that is the same in every language: a command given as an
/// example in a help text, or arguments as clap lists them
/// (`--kecamatan <KECAMATAN>`).
fn contoh(line: &str) -> bool {
    let l = line.trim_start();
    let perintah = (l.starts_with("kinerja ") || l == "kinerja" || l.starts_with("duckdb ")) && !l.contains(" # ");
    perintah || l.split_whitespace().all(|w| w.starts_with(['-', '<', '[']) || w == "|")
}

/// An error with its causes, each translated, joined as `{:#}` joins them;
/// a cause its error already shows at its end (`cannot read x: {source}`)
/// is not repeated.
pub fn galat(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut previous = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !(previous.ends_with(&text) && previous.len() > text.len()) {
            parts.push(t(&text));
        }
        previous = text;
    }
    parts.join(": ")
}

/// Prints a message on standard output in the chosen language.
macro_rules! say {
    ($($arg:tt)*) => { $crate::pesan::cetak(&$crate::pesan::t(&format!($($arg)*))) };
}

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

/// Prints `kinerja: ` and a message on standard error in the chosen language.
macro_rules! tell {
    ($($arg:tt)*) => { eprintln!("kinerja: {}", $crate::pesan::t(&format!($($arg)*))) };
}

pub(crate) use {say, tell};

/// The command's help texts in the chosen language.
pub fn perintah(cmd: clap::Command) -> clap::Command {
    if lang() == Lang::En {
        return cmd;
    }
    terjemah(cmd)
}

fn terjemah(cmd: clap::Command) -> clap::Command {
    let tr = |s: Option<&clap::builder::StyledStr>| s.map(|s| t(&s.to_string()));
    let (about, long, after) = (tr(cmd.get_about()), tr(cmd.get_long_about()), tr(cmd.get_after_help()));
    let mut cmd = cmd.mut_args(|a| match a.get_help().map(|h| t(&h.to_string())) {
        Some(h) => a.help(h),
        None => a,
    });
    if let Some(s) = about {
        cmd = cmd.about(s);
    }
    if let Some(s) = long {
        cmd = cmd.long_about(s);
    }
    if let Some(s) = after {
        cmd = cmd.after_help(s);
    }
    cmd.mut_subcommands(terjemah)
}

/// Prints a clap error (or the help and version clap answers with) in the
/// chosen language and gives its exit code.
///
/// A help text is translated before clap lays it out ([`perintah`]); here
/// only clap's own words are left (`Usage:`, `Options:`, `[default: …]`).
pub fn clap_keluar(e: &clap::Error) -> std::process::ExitCode {
    let text = e.render().to_string();
    if e.use_stderr() {
        eprintln!("{}", t(text.trim_end()));
    } else {
        cetak(&dalam_laporan(text.trim_end()));
    }
    std::process::ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}
