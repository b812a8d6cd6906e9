//! `kinerja sql` without a query: the analyst's prompt.
//!
//! On a terminal it edits lines (rustyline): arrows, Home/End, Ctrl-R
//! search, history kept between sessions in `$XDG_DATA_HOME/kinerja/
//! sql_history` (or `~/.local/share/…`), and Tab completing the analyst
//! views, their columns and the `kj_*` macros. From a pipe it reads
//! statements line by line and prints only results. Statements end with
//! `;`; `.quit`, `.exit` or `\q` leave.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use anyhow::Result;
use kinerja_store::Store;
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use kinerja_pesan::{Message, msg};

use crate::args::TableFormat;
use crate::output;
use crate::pesan::t;

/// Lines gathered into statements ending with `;`.
#[derive(Default)]
struct Statements {
    buf: String,
}

/// What one line of input asks for.
#[derive(Debug, PartialEq, Eq)]
enum Input {
    /// Leave the prompt.
    Quit,
    /// A complete statement, without its `;`.
    Run(String),
    /// The statement goes on.
    More,
}

impl Statements {
    fn push(&mut self, line: &str) -> Input {
        if self.buf.is_empty() && matches!(line.trim(), ".quit" | ".exit" | "\\q") {
            return Input::Quit;
        }
        self.buf.push_str(line);
        self.buf.push('\n');
        if line.trim_end().ends_with(';') { self.finish().map_or(Input::More, Input::Run) } else { Input::More }
    }

    /// What is left at the end of the input, if anything.
    fn finish(&mut self) -> Option<String> {
        let s = self.buf.trim().trim_end_matches(';').trim_end().to_string();
        self.buf.clear();
        (!s.is_empty()).then_some(s)
    }

    fn prompt(&self) -> &'static str {
        if self.buf.is_empty() { "kinerja> " } else { "    ...> " }
    }
}

fn run_one(store: &Store, sql: &str, format: TableFormat) -> Result<()> {
    match store.sql(sql) {
        Ok(t) => output::print_table(&t, format),
        Err(e) => {
            eprintln!("{}", t(&msg::cli_error(e.pesan())));
            Ok(())
        }
    }
}

/// The prompt: line editing on a terminal, plain lines from a pipe.
pub fn run(store: &Store, format: TableFormat) -> Result<()> {
    if std::io::stdin().is_terminal() { interactive(store, format) } else { piped(store, format) }
}

fn piped(store: &Store, format: TableFormat) -> Result<()> {
    let mut s = Statements::default();
    for line in std::io::stdin().lock().lines() {
        match s.push(&line?) {
            Input::Quit => return Ok(()),
            Input::Run(sql) => run_one(store, &sql, format)?,
            Input::More => {}
        }
    }
    match s.finish() {
        Some(sql) => run_one(store, &sql, format),
        None => Ok(()),
    }
}

/// Where the history is kept between sessions.
fn history_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(base.join("kinerja").join("sql_history"))
}

fn interactive(store: &Store, format: TableFormat) -> Result<()> {
    let mut rl: Editor<Names, DefaultHistory> = Editor::new()?;
    rl.set_helper(Some(Names(store.sql_names()?)));
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h); // none yet on the first run
    }
    eprintln!("{}", t(&msg::cli_prompt_intro()));
    let mut s = Statements::default();
    loop {
        let line = match rl.readline(s.prompt()) {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => {
                s.finish();
                continue;
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e.into()),
        };
        match s.push(&line) {
            Input::Quit => break,
            Input::Run(sql) => {
                rl.add_history_entry(format!("{sql};"))?;
                run_one(store, &sql, format)?;
            }
            Input::More => {}
        }
    }
    if let Some(h) = &history {
        if let Some(dir) = h.parent() {
            std::fs::create_dir_all(dir)?;
        }
        rl.save_history(h)?;
    }
    Ok(())
}

/// Tab completion over a sorted list of names.
struct Names(Vec<String>);

/// The word before `pos` and the names it begins (case-insensitive).
fn complete(names: &[String], line: &str, pos: usize) -> (usize, Vec<String>) {
    let head = &line[..pos];
    let start = head.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
    let word = head[start..].to_lowercase();
    if word.is_empty() {
        return (start, vec![]);
    }
    (start, names.iter().filter(|n| n.to_lowercase().starts_with(&word)).cloned().collect())
}

impl Completer for Names {
    type Candidate = String;

    fn complete(&self, line: &str, pos: usize, _: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
        Ok(complete(&self.0, line, pos))
    }
}

impl Hinter for Names {
    type Hint = String;
}
impl Highlighter for Names {}
impl Validator for Names {}
impl Helper for Names {}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lines: &[&str], expect: &[Input]) {
        let mut s = Statements::default();
        let got: Vec<Input> = lines.iter().map(|l| s.push(l)).filter(|i| *i != Input::More).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn statements_end_with_a_semicolon() {
        check(&["SELECT 1", "  AS satu;"], &[Input::Run("SELECT 1\n  AS satu".into())]);
        check(&["SELECT 1; ", ".quit"], &[Input::Run("SELECT 1".into()), Input::Quit]);
        check(&["SELECT '.quit'", ".quit;"], &[Input::Run("SELECT '.quit'\n.quit".into())]);
        check(&[";"], &[]);
    }

    #[test]
    fn completes_the_word_before_the_cursor() {
        let names: Vec<String> = ["ikm", "kj_capaian", "kj_predikat", "v_ikm", "v_capaian"].map(String::from).into();
        let c = |line: &str| complete(&names, line, line.len());
        assert_eq!(c("SELECT * FROM v_i"), (14, vec!["v_ikm".to_string()]));
        assert_eq!(c("select KJ_"), (7, vec!["kj_capaian".to_string(), "kj_predikat".to_string()]));
        assert_eq!(c("SELECT kj_capaian(target, "), (26, vec![]));
        assert_eq!(c("SELECT x FROM"), (9, vec![]));
    }
}
