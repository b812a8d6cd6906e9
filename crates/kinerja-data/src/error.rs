//! Located load errors, as data: every problem names its file, row and
//! column, what was expected (a keyed message) and what was found.

use std::fmt;
use std::path::PathBuf;

use kinerja_pesan::{Arg, Message, Pesan, msg};

/// One problem in one place of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// File name (as given, relative to the data directory).
    pub file: String,
    /// Line/row number, the header being row 1; `None` for the whole file.
    pub row: Option<usize>,
    /// Column name, if the problem is in one field.
    pub column: Option<String>,
    /// What would have been accepted.
    pub expected: Pesan,
    /// What was found: the text as found (shown quoted, a long one cut), or
    /// a description of it.
    pub found: Arg,
    /// The table a reference points into (`wilayah` for a `kode_unit`):
    /// when that table cannot be read, the problem is counted on it.
    pub rujukan: Option<&'static str>,
}

impl Problem {
    /// A problem whose found value is the text as found.
    pub fn new(file: &str, row: Option<usize>, column: Option<&str>, expected: Pesan, found: &str) -> Problem {
        Problem {
            file: file.to_string(),
            row,
            column: column.map(str::to_string),
            expected,
            found: Arg::Text(found.to_string()),
            rujukan: None,
        }
    }

    /// A problem whose found value is described by a message.
    pub fn described(file: &str, row: Option<usize>, column: Option<&str>, expected: Pesan, found: Pesan) -> Problem {
        Problem { found: Arg::Pesan(Box::new(found)), ..Problem::new(file, row, column, expected, "") }
    }

    /// What was found as text, unquoted, a description in English (for
    /// tests and logs; messages render it in the reader's language).
    pub fn found_text(&self) -> String {
        match &self.found {
            Arg::Text(t) => t.clone(),
            Arg::Pesan(p) => p.to_string(),
            other => format!("{other:?}"),
        }
    }

    /// Where the problem is.
    fn letak(&self) -> Pesan {
        let f = self.file.as_str();
        match (self.row, &self.column) {
            (Some(r), Some(c)) => msg::data_letak_row_column(f, r, c),
            (Some(r), None) => msg::data_letak_row(f, r),
            (None, Some(c)) => msg::data_letak_column(f, c),
            (None, None) => msg::data_letak_file(f),
        }
    }
}

impl Message for Problem {
    fn pesan(&self) -> Pesan {
        let found = match &self.found {
            Arg::Text(t) => shown(t),
            Arg::Pesan(p) => Arg::Quoted(p.clone()),
            other => other.clone(),
        };
        msg::data_problem(self.letak(), self.expected.clone(), found)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.pesan().fmt(f)
    }
}

/// The longest found value a message repeats whole, in characters.
const SHOWN: usize = 80;

/// A found value as a message shows it: quoted, whole when short, else its
/// start and its length (a 100 MB field is not echoed back).
fn shown(found: &str) -> Arg {
    match found.char_indices().nth(SHOWN) {
        None => Arg::Text(format!("{found:?}")),
        Some((end, _)) => {
            let quoted = format!("{:?}", &found[..end]);
            let start = quoted.trim_start_matches('"').trim_end_matches('"');
            msg::data_found_cut(start, found.chars().count()).into()
        }
    }
}

/// Errors of the data reader.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The data did not validate; every problem found is listed.
    #[error("{}", self.pesan())]
    Invalid(Vec<Problem>),
    /// A file or directory could not be read.
    #[error("{}", self.pesan())]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl Message for Error {
    fn pesan(&self) -> Pesan {
        match self {
            Error::Invalid(p) => {
                msg::data_problems_list(p.len(), Arg::Daftar(p.iter().map(Message::pesan).collect(), "\n  "))
            }
            Error::Io { path, source } => msg::data_cannot_read(path.display(), kinerja_pesan::io(source)),
        }
    }
}

impl Error {
    /// The located problems, if this is a validation error.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Invalid(p) => p,
            Error::Io { .. } => &[],
        }
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use kinerja_pesan::Lang;

    use super::*;

    #[test]
    fn long_found_values_are_cut() {
        let p = |found: &str| Problem::new("f.csv", Some(2), None, msg::data_expected_value(), found);
        assert_eq!(
            p(&"9".repeat(80)).to_string(),
            format!("f.csv, row 2: expected a value, found \"{}\"", "9".repeat(80))
        );
        let long = p(&"9".repeat(1_000_000)).to_string();
        assert_eq!(long, format!("f.csv, row 2: expected a value, found \"{}… (1000000 characters)\"", "9".repeat(80)));
    }

    #[test]
    fn problems_read_in_either_language() {
        let e = Error::Invalid(vec![
            Problem::new("t.csv", Some(3), Some("nilai"), msg::data_expected_value(), ""),
            Problem::described("t.csv", None, None, msg::data_expected_one_sheet(), msg::data_found_no_worksheet()),
        ]);
        assert_eq!(
            e.pesan().render(Lang::En),
            "2 problems in the data:\n  t.csv, row 3, column nilai: expected a value, found \"\"\n  \
             t.csv: expected one sheet holding the table, found \"no worksheet\""
        );
        assert_eq!(
            e.pesan().render(Lang::Id),
            "2 masalah dalam data:\n  t.csv, baris 3, kolom nilai: diharapkan sebuah nilai, ditemukan \"\"\n  \
             t.csv: diharapkan satu lembar yang berisi tabel, ditemukan \"tidak ada lembar kerja\""
        );
    }
}
