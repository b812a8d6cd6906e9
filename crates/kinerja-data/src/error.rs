//! Located load errors.

use std::fmt;
use std::path::PathBuf;

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
    pub expected: String,
    /// What was found.
    pub found: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(r) = self.row {
            write!(f, ", row {r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column {c}")?;
        }
        write!(f, ": expected {}, found {:?}", self.expected, shown(&self.found))
    }
}

/// The longest found value a message repeats whole, in characters.
const SHOWN: usize = 80;

/// A found value as a message shows it: whole when short, else its start
/// and its length (a 100 MB field is not echoed back).
fn shown(found: &str) -> std::borrow::Cow<'_, str> {
    match found.char_indices().nth(SHOWN) {
        None => found.into(),
        Some((end, _)) => format!("{}… ({} characters)", &found[..end], found.chars().count()).into(),
    }
}

/// Errors of the data reader.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The data did not validate; every problem found is listed.
    #[error("{} problem(s) in the data:\n{}", .0.len(), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
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
    use super::*;

    #[test]
    fn long_found_values_are_cut() {
        let p =
            |found: String| Problem { file: "f.csv".into(), row: Some(2), column: None, expected: "x".into(), found };
        assert_eq!(p("9".repeat(80)).to_string(), format!("f.csv, row 2: expected x, found \"{}\"", "9".repeat(80)));
        let long = p("9".repeat(1_000_000)).to_string();
        assert_eq!(long, format!("f.csv, row 2: expected x, found \"{}… (1000000 characters)\"", "9".repeat(80)));
    }
}
