//! A table read from CSV or XLSX as text cells, and typed access to one row
//! that records every problem instead of stopping at the first.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

use kinerja_core::Decimal;
use kinerja_core::notation::{Notasi, parse_number, parse_number_dalam};

use crate::error::{Error, Problem, Result};

/// Cells of one file: headers and rows of text.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// File name for messages.
    pub file: String,
    /// Header names.
    pub headers: Vec<String>,
    /// `(row number, cells)`, the header being row 1.
    pub rows: Rows,
    /// How numbers are written: Indonesian in a `;` CSV, else either
    /// notation where unambiguous.
    pub notasi: Notasi,
    /// The encoding and delimiter detected, when not plain UTF-8 with `,`.
    pub dialek: Option<String>,
    /// Values read in the only notation their range allows, per column.
    tafsir: RefCell<Vec<Tafsir>>,
}

/// The values of one column that were ambiguous in notation but read in
/// the only reading their range allows (an NRR `3,532` is 3.532), for the
/// load summary; the first such value as an example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tafsir {
    /// File name.
    pub file: String,
    /// Column.
    pub column: String,
    /// How many values of the column were read so.
    pub jumlah: usize,
    /// The first one: its row, its text and the value read.
    pub row: usize,
    /// Its text as found.
    pub found: String,
    /// The value read.
    pub nilai: Decimal,
    /// The range that decided.
    pub min: Decimal,
    /// The range that decided.
    pub max: Decimal,
}

impl std::fmt::Display for Tafsir {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The value in plain notation, said so: the summary speaks of two
        // notations and must not be read in a third way.
        write!(
            f,
            "{}, column {}: {} value(s) read in the only notation that fits {}–{}, e.g. row {}: {:?} as {} (decimal point)",
            self.file, self.column, self.jumlah, self.min, self.max, self.row, self.found, self.nilai
        )
    }
}

/// The rows of a sheet: every cell's text in one string, with where each
/// cell ends and where each row starts. A national table of a million rows
/// and ten million cells is then a few allocations, not one per cell (which
/// took several times the file's size).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    text: String,
    /// End of each cell in `text`.
    ends: Vec<usize>,
    /// `(row number, index of its first cell in ends)`.
    starts: Vec<(usize, usize)>,
}

/// The cells of one row.
#[derive(Debug, Clone, Copy)]
pub struct Cells<'a> {
    rows: &'a Rows,
    from: usize,
    to: usize,
}

impl<'a> Cells<'a> {
    /// Cell `i`'s text.
    pub fn get(self, i: usize) -> Option<&'a str> {
        let at = self.from.checked_add(i).filter(|at| *at < self.to)?;
        let start = if at == 0 { 0 } else { self.rows.ends[at - 1] };
        self.rows.text.get(start..self.rows.ends[at])
    }

    /// Number of cells.
    pub fn len(self) -> usize {
        self.to - self.from
    }

    /// Whether the row has no cell.
    pub fn is_empty(self) -> bool {
        self.to == self.from
    }

    /// The cells' texts in order.
    pub fn iter(self) -> impl Iterator<Item = &'a str> {
        (0..self.len()).filter_map(move |i| self.get(i))
    }
}

impl Rows {
    /// Appends a row of cells, found at row number `line`.
    pub fn push<'c>(&mut self, line: usize, cells: impl IntoIterator<Item = &'c str>) {
        self.starts.push((line, self.ends.len()));
        for c in cells {
            self.text.push_str(c);
            self.ends.push(self.text.len());
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// `(row number, cells)` of each row.
    pub fn iter(&self) -> impl Iterator<Item = (usize, Cells<'_>)> {
        self.starts.iter().enumerate().map(move |(i, &(line, from))| {
            let to = self.starts.get(i + 1).map_or(self.ends.len(), |n| n.1);
            (line, Cells { rows: self, from, to })
        })
    }

    /// Every row as owned text: for tests and small sheets.
    pub fn to_vec(&self) -> Vec<(usize, Vec<String>)> {
        self.iter().map(|(line, c)| (line, c.iter().map(String::from).collect())).collect()
    }
}

impl<'a> IntoIterator for &'a Rows {
    type Item = (usize, Cells<'a>);
    type IntoIter = Box<dyn Iterator<Item = (usize, Cells<'a>)> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

const ENCODINGS: &str = "UTF-8 or Windows-1252 text (in Excel: Save As \"CSV UTF-8\" or \"CSV (Comma delimited)\")";

/// The text of a CSV file and its encoding's name, or what was found.
fn decode(bytes: &[u8]) -> std::result::Result<(std::borrow::Cow<'_, str>, &'static str), String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("UTF-16 text (Excel's \"Unicode Text\")".into());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((std::borrow::Cow::Borrowed(s), "UTF-8"));
    }
    // Bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    // mean the file is in some other encoding.
    if let Some(i) = bytes.iter().position(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D) || *b == 0) {
        return Err(format!("byte 0x{:02X} at offset {i}, which neither UTF-8 nor Windows-1252 defines", bytes[i]));
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    Ok((text, "Windows-1252"))
}

/// The delimiter that splits the header line: the most frequent of `,`,
/// `;` and tab outside quotes (`,` when none).
fn delimiter_of(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|c| c.0 == b) {
            c.1 += 1;
        }
    }
    counts.iter().filter(|c| c.1 > 0).max_by_key(|c| c.1).map_or(b',', |c| c.0)
}

fn dialect_text(encoding: &str, delimiter: u8) -> String {
    match delimiter {
        b';' => format!("{encoding}, ';' between fields, ',' as decimal mark"),
        b'\t' => format!("{encoding}, tab between fields"),
        _ => format!("{encoding}, ',' between fields"),
    }
}

impl Sheet {
    /// Reads a CSV file: UTF-8 (with or without BOM) or Windows-1252, fields
    /// separated by `,`, `;` or tab (see [`Sheet::from_csv_bytes`]).
    pub fn from_csv(path: &Path, name: &str) -> Result<Sheet> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        Sheet::from_csv_bytes(&bytes, name)
    }

    /// Parses CSV bytes. The encoding is UTF-8 when the bytes are valid
    /// UTF-8, else Windows-1252 (Excel's "CSV" under the Indonesian locale);
    /// UTF-16 and bytes that Windows-1252 does not define are refused. The
    /// delimiter is the one of `,` `;` tab that splits the header; in a
    /// `;` file the comma is the decimal mark (Indonesian notation), as
    /// Excel writes it. What was detected is kept in [`Sheet::dialek`].
    ///
    /// ```
    /// use kinerja_data::Sheet;
    /// let s = Sheet::from_csv_bytes(b"kode;nilai\n12.19;88,65\n", "t.csv")?;
    /// assert_eq!(s.rows.to_vec()[0].1, ["12.19", "88,65"]);
    /// assert_eq!(s.dialek.as_deref(), Some("UTF-8, ';' between fields, ',' as decimal mark"));
    /// # Ok::<(), kinerja_data::Error>(())
    /// ```
    pub fn from_csv_bytes(bytes: &[u8], name: &str) -> Result<Sheet> {
        let problem = |row: Option<usize>, expected: &str, found: String| {
            Error::Invalid(vec![Problem {
                file: name.to_string(),
                row,
                column: None,
                expected: expected.into(),
                found,
            }])
        };
        let (text, encoding) = decode(bytes).map_err(|found| problem(None, ENCODINGS, found))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let delimiter = delimiter_of(text);
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = rdr
            .headers()
            .map_err(|e| problem(Some(1), "a header row", e.to_string()))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let mut rows = Rows::default();
        let mut lines = Lines::new(text.as_bytes());
        for (i, rec) in rdr.records().enumerate() {
            let line = i + 2;
            let rec = rec.map_err(|e| match e.kind() {
                csv::ErrorKind::UnequalLengths { expected_len, len, .. } => problem(
                    e.position().map(|p| lines.at(p.byte())).or(Some(line)),
                    &format!("{expected_len} fields like the header, separated by '{}'", char::from(delimiter)),
                    format!("{len} fields"),
                ),
                _ => problem(Some(line), "a well-formed CSV row", e.to_string()),
            })?;
            // Physical line in the file (blank lines and quoted newlines
            // count), as an editor shows it.
            let line = rec.position().map_or(line, |p| lines.at(p.byte()));
            if rec.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            // No table has a field of several lines: one is a quote left
            // open, which would swallow the rows after it.
            if let Some((i, c)) = rec.iter().enumerate().find(|(_, c)| c.contains(['\n', '\r'])) {
                return Err(Error::Invalid(vec![Problem {
                    file: name.to_string(),
                    row: Some(line),
                    column: headers.get(i).cloned(),
                    expected: "a field on one line (a quote opened here is not closed before the next row)".into(),
                    found: c.to_string(),
                }]));
            }
            rows.push(line, rec.iter().map(str::trim));
        }
        let notasi = if delimiter == b';' { Notasi::Indonesia } else { Notasi::Otomatis };
        let dialek = (encoding != "UTF-8" || delimiter != b',').then(|| dialect_text(encoding, delimiter));
        Ok(Sheet { file: name.to_string(), headers, rows, notasi, dialek, tafsir: RefCell::default() })
    }

    /// Reads the first worksheet of an XLSX file. Numeric cells are taken
    /// at their shortest round-trip decimal representation (`88.65`), the
    /// form a spreadsheet shows, and then parsed exactly like CSV text.
    ///
    /// A table's workbook holds that table alone: one sheet, visible. A
    /// second sheet (another year typed beside the first?) or a hidden one
    /// would otherwise be left unread without a word.
    pub fn from_xlsx(path: &Path, name: &str) -> Result<Sheet> {
        let hidden = hidden_sheets(path, name)?;
        if let Some(h) = hidden.first() {
            return Err(Error::Invalid(vec![Problem {
                file: name.to_string(),
                row: None,
                column: None,
                expected: "one visible sheet holding the table (unhide the others and remove them)".into(),
                found: format!("a hidden sheet {h}"),
            }]));
        }
        let mut all = Sheet::from_xlsx_all(path, name)?;
        match all.len() {
            0 => Err(xlsx_problem(name, "no worksheet".into())),
            1 => Ok(all.swap_remove(0).1),
            n => {
                let names: Vec<String> = all.iter().map(|(s, _)| format!("{s:?}")).collect();
                Err(Error::Invalid(vec![Problem {
                    file: name.to_string(),
                    row: None,
                    column: None,
                    expected: "one sheet holding the table".into(),
                    found: format!("{n} sheets: {}", names.join(", ")),
                }]))
            }
        }
    }

    /// Reads every worksheet of an XLSX file: `(sheet name, cells)`; each
    /// sheet's `file` is `workbook.xlsx [sheet]` for messages.
    pub fn from_xlsx_all(path: &Path, name: &str) -> Result<Vec<(String, Sheet)>> {
        use calamine::{Reader, open_workbook_auto};
        let mut wb = open_workbook_auto(path).map_err(|e| xlsx_problem(name, e.to_string()))?;
        let names = wb.sheet_names().clone();
        let mut out = Vec::new();
        for (i, sheet) in names.iter().enumerate() {
            let range = wb.worksheet_range(sheet).map_err(|e| xlsx_problem(name, e.to_string()))?;
            let file = if i == 0 && names.len() == 1 { name.to_string() } else { format!("{name} [{sheet}]") };
            out.push((sheet.clone(), sheet_of_range(&range, file)));
        }
        Ok(out)
    }

    /// Checks the header against the table's columns: every required column
    /// present, no unknown column, no duplicate.
    pub fn check_headers(&self, required: &[&str], optional: &[&str], problems: &mut Vec<Problem>) -> bool {
        let before = problems.len();
        let mut seen = HashMap::new();
        for h in &self.headers {
            if seen.insert(h.as_str(), ()).is_some() {
                problems.push(self.header_problem(h, "each column once", format!("{h} twice")));
            } else if !required.contains(&h.as_str()) && !optional.contains(&h.as_str()) {
                let mut all: Vec<&str> = required.to_vec();
                all.extend(optional);
                problems.push(self.header_problem(h, &format!("one of the columns {}", all.join(", ")), h.clone()));
            }
        }
        for r in required {
            if !self.headers.iter().any(|h| h == r) {
                problems.push(self.header_problem(r, "this column in the header", "no such column".into()));
            }
        }
        problems.len() == before
    }

    fn header_problem(&self, col: &str, expected: &str, found: String) -> Problem {
        Problem {
            file: self.file.clone(),
            row: Some(1),
            column: Some(col.to_string()),
            expected: expected.to_string(),
            found,
        }
    }

    /// The columns whose values their range decided (see [`Row::decimal_dalam`]).
    pub fn tafsir(&self) -> Vec<Tafsir> {
        self.tafsir.borrow().clone()
    }

    /// Iterates rows as typed accessors.
    pub fn each_row<T>(
        &self,
        problems: &mut Vec<Problem>,
        mut f: impl FnMut(&mut Row<'_>) -> Option<T>,
    ) -> Vec<(usize, T)> {
        let index: HashMap<&str, usize> = self.headers.iter().enumerate().map(|(i, h)| (h.as_str(), i)).collect();
        let mut out = Vec::new();
        for (line, cells) in &self.rows {
            let mut row = Row {
                file: &self.file,
                line,
                cells,
                index: &index,
                problems,
                notasi: self.notasi,
                tafsir: &self.tafsir,
            };
            if let Some(v) = f(&mut row) {
                out.push((line, v));
            }
        }
        out
    }
}

/// The names of the sheets of a workbook that Excel does not show.
pub(crate) fn hidden_sheets(path: &Path, name: &str) -> Result<Vec<String>> {
    use calamine::{Reader, SheetVisible, open_workbook_auto};
    let wb = open_workbook_auto(path).map_err(|e| xlsx_problem(name, e.to_string()))?;
    Ok(wb.sheets_metadata().iter().filter(|s| s.visible != SheetVisible::Visible).map(|s| s.name.clone()).collect())
}

fn xlsx_problem(name: &str, found: String) -> Error {
    Error::Invalid(vec![Problem {
        file: name.to_string(),
        row: None,
        column: None,
        expected: "a readable XLSX workbook".into(),
        found,
    }])
}

/// Cells of one worksheet as text; rows numbered as the spreadsheet shows
/// them.
fn sheet_of_range(range: &calamine::Range<calamine::Data>, file: String) -> Sheet {
    use calamine::Data;
    let cell = |d: &Data| -> String {
        match d {
            Data::Empty => String::new(),
            Data::String(s) => s.trim().to_string(),
            Data::Int(i) => i.to_string(),
            Data::Float(f) => format!("{f}"),
            Data::Bool(b) => b.to_string(),
            Data::DateTime(dt) => dt.to_string(),
            Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
            Data::Error(e) => format!("#ERROR {e:?}"),
        }
    };
    let first = range.start().map_or(0, |(r, _)| r as usize);
    let mut it = range.rows();
    let headers = it.next().map(|r| r.iter().map(cell).collect()).unwrap_or_default();
    let mut rows = Rows::default();
    for (i, r) in it.enumerate() {
        let cells: Vec<String> = r.iter().map(cell).collect();
        if cells.iter().any(|c| !c.is_empty()) {
            rows.push(first + i + 2, cells.iter().map(String::as_str));
        }
    }
    Sheet { file, headers, rows, notasi: Notasi::Otomatis, dialek: None, tafsir: RefCell::default() }
}

/// The line number of byte offsets met in increasing order: each call
/// counts only the newlines since the previous one, so numbering every
/// record of a file costs one pass over it.
struct Lines<'a> {
    text: &'a [u8],
    pos: usize,
    line: usize,
    /// Bytes examined so far (for the test that numbering stays linear).
    scanned: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a [u8]) -> Lines<'a> {
        Lines { text, pos: 0, line: 1, scanned: 0 }
    }

    /// The 1-based line of the record starting at `byte`.
    fn at(&mut self, byte: u64) -> usize {
        let mut end = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        // The reader may report a record's start at the blank lines before it.
        while matches!(self.text.get(end), Some(b'\n' | b'\r')) {
            end += 1;
        }
        if end < self.pos {
            (self.pos, self.line) = (0, 1);
        }
        self.scanned += end - self.pos;
        self.line += self.text[self.pos..end].iter().filter(|b| **b == b'\n').count();
        self.pos = end;
        self.line
    }
}

/// One row being read; problems go to the shared list.
pub struct Row<'a> {
    file: &'a str,
    line: usize,
    cells: Cells<'a>,
    index: &'a HashMap<&'a str, usize>,
    problems: &'a mut Vec<Problem>,
    notasi: Notasi,
    tafsir: &'a RefCell<Vec<Tafsir>>,
}

fn describe(e: &kinerja_core::Error) -> (String, Option<String>) {
    match e {
        kinerja_core::Error::Invalid { expected, .. } => ((*expected).to_string(), None),
        kinerja_core::Error::Ambiguous { why, .. } => (format!("an unambiguous number ({why})"), None),
        other => (other.to_string(), None),
    }
}

impl Row<'_> {
    /// How the file writes numbers.
    pub fn notasi(&self) -> Notasi {
        self.notasi
    }

    /// The row number.
    pub fn line(&self) -> usize {
        self.line
    }

    /// Raw text of a column ("" when absent).
    pub fn raw(&self, col: &str) -> &str {
        self.index.get(col).and_then(|i| self.cells.get(*i)).unwrap_or("")
    }

    /// Records a problem in this row.
    pub fn problem(&mut self, col: &str, expected: &str, found: &str) {
        self.problems.push(Problem {
            file: self.file.to_string(),
            row: Some(self.line),
            column: Some(col.to_string()),
            expected: expected.to_string(),
            found: found.to_string(),
        });
    }

    /// Required, non-empty text.
    pub fn text(&mut self, col: &str) -> Option<String> {
        let v = self.raw(col).to_string();
        if v.is_empty() {
            self.problem(col, "a value", "");
            return None;
        }
        Some(v)
    }

    /// Optional text (empty → `None`).
    pub fn opt_text(&mut self, col: &str) -> Option<String> {
        let v = self.raw(col);
        (!v.is_empty()).then(|| v.to_string())
    }

    /// Required value through a core parser.
    pub fn parse<T>(&mut self, col: &str, f: impl FnOnce(&str) -> kinerja_core::Result<T>) -> Option<T> {
        let raw = self.raw(col).to_string();
        if raw.is_empty() {
            self.problem(col, "a value", "");
            return None;
        }
        match f(&raw) {
            Ok(v) => Some(v),
            Err(e) => {
                let (expected, _) = describe(&e);
                self.problem(col, &expected, &raw);
                None
            }
        }
    }

    /// Optional value through a core parser: `Some(None)` when empty,
    /// `None` when present but invalid.
    pub fn opt_parse<T>(&mut self, col: &str, f: impl FnOnce(&str) -> kinerja_core::Result<T>) -> Option<Option<T>> {
        if self.raw(col).is_empty() {
            return Some(None);
        }
        self.parse(col, f).map(Some)
    }

    /// A decimal in Indonesian or plain notation that the database stores
    /// exactly (`DECIMAL(18,4)`: at most 4 decimals, below 10^14).
    pub fn decimal(&mut self, col: &str) -> Option<Decimal> {
        let n = self.notasi;
        self.parse(col, |s| parse_nilai(s, n))
    }

    /// A decimal whose valid range `min..=max` decides its notation when the
    /// text is ambiguous ([`parse_number_dalam`]): an NRR `3,532` is 3.532.
    /// Such values are counted per column for the load summary
    /// ([`Sheet::tafsir`]); a value outside the range is left to the checks
    /// that know the range's reason.
    pub fn decimal_dalam(&mut self, col: &str, min: Decimal, max: Decimal) -> Option<Decimal> {
        let n = self.notasi;
        let (nilai, oleh_rentang) = self.parse(col, |s| {
            let (d, r) = parse_number_dalam(s, n, min, max)?;
            parse_nilai(&d.to_string(), Notasi::Polos).map(|d| (d, r))
        })?;
        if oleh_rentang {
            let mut t = self.tafsir.borrow_mut();
            match t.iter_mut().find(|t| t.column == col) {
                Some(t) => t.jumlah += 1,
                None => t.push(Tafsir {
                    file: self.file.to_string(),
                    column: col.to_string(),
                    jumlah: 1,
                    row: self.line,
                    found: self.raw(col).to_string(),
                    nilai,
                    min,
                    max,
                }),
            }
        }
        Some(nilai)
    }

    /// An optional decimal (see [`Row::decimal`]).
    pub fn opt_decimal(&mut self, col: &str) -> Option<Option<Decimal>> {
        let n = self.notasi;
        self.opt_parse(col, |s| parse_nilai(s, n))
    }

    /// A whole number; thousands may be grouped Indonesian-style (`8.727`).
    pub fn int(&mut self, col: &str) -> Option<i64> {
        self.parse(col, parse_int)
    }

    /// A count: a whole number, 0 or more.
    pub fn count(&mut self, col: &str) -> Option<i64> {
        self.parse(col, |s| {
            parse_int(s).and_then(|n| {
                if n >= 0 {
                    Ok(n)
                } else {
                    Err(kinerja_core::Error::Invalid {
                        what: "count",
                        expected: "a count of 0 or more",
                        found: s.to_string(),
                    })
                }
            })
        })
    }

    /// An optional whole number.
    pub fn opt_int(&mut self, col: &str) -> Option<Option<i64>> {
        self.opt_parse(col, parse_int)
    }

    /// A year ([`kinerja_core::model::parse_tahun`]).
    pub fn year(&mut self, col: &str) -> Option<i32> {
        self.parse(col, kinerja_core::model::parse_tahun)
    }
}

/// A value for a `DECIMAL(18,4)` column: stored exactly or refused.
fn parse_nilai(s: &str, notasi: Notasi) -> kinerja_core::Result<Decimal> {
    let d = parse_number(s, notasi)?;
    if d.scale() > 4 && d.normalize().scale() > 4 {
        return Err(kinerja_core::Error::Invalid {
            what: "number",
            expected: "at most 4 decimals (values are stored exactly)",
            found: s.to_string(),
        });
    }
    if d.abs() >= Decimal::from(100_000_000_000_000i64) {
        return Err(kinerja_core::Error::Invalid {
            what: "number",
            expected: "a value below 100.000.000.000.000",
            found: s.to_string(),
        });
    }
    Ok(d)
}

fn parse_int(s: &str) -> kinerja_core::Result<i64> {
    let bad = || kinerja_core::Error::Invalid {
        what: "whole number",
        expected: "a whole number such as 97 or 8.727",
        found: s.to_string(),
    };
    let d = parse_number(s, Notasi::Indonesia).map_err(|_| bad())?;
    if d.scale() != 0 {
        return Err(bad());
    }
    i64::try_from(d.mantissa()).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_are_numbered_like_a_spreadsheet() {
        let s = Sheet::from_csv_bytes("\u{feff}a,b\n1,2\n\n3,\"4,5\"\n".as_bytes(), "t.csv").unwrap();
        assert_eq!(s.headers, vec!["a", "b"]);
        assert_eq!(s.rows.to_vec(), vec![(2, vec!["1".into(), "2".into()]), (4, vec!["3".into(), "4,5".into()])]);
    }

    /// `(encoding and delimiter detected, rows)` or the problem's expected
    /// and found.
    /// What a CSV reads as: `(dialect detected, rows)`, or `(expected, found)`.
    type Reading<'a> = std::result::Result<(Option<&'a str>, Vec<Vec<&'a str>>), (&'a str, &'a str)>;

    fn check_csv(bytes: &[u8], expect: Reading<'_>) {
        let got = match Sheet::from_csv_bytes(bytes, "t.csv") {
            Ok(s) => Ok((s.dialek, s.rows.to_vec().into_iter().map(|r| r.1).collect::<Vec<_>>())),
            Err(Error::Invalid(p)) => Err((p[0].expected.clone(), p[0].found.clone())),
            Err(e) => panic!("{e}"),
        };
        let expect = expect
            .map(|(d, rows)| {
                (d.map(str::to_string), rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect())
            })
            .map_err(|(e, f)| (e.to_string(), f.to_string()));
        assert_eq!(got, expect);
    }

    #[test]
    fn excel_dialects_are_detected() {
        check_csv(b"a,b\n1,2\n", Ok((None, vec![vec!["1", "2"]])));
        check_csv(
            b"kode;nama;nilai\r\n12.19.07;Sei B\xe9lai;88,65\r\n",
            Ok((
                Some("Windows-1252, ';' between fields, ',' as decimal mark"),
                vec![vec!["12.19.07", "Sei Bélai", "88,65"]],
            )),
        );
        check_csv(
            "\u{feff}kode\tnama\n12.19.07\tSei Bélai\n".as_bytes(),
            Ok((Some("UTF-8, tab between fields"), vec![vec!["12.19.07", "Sei Bélai"]])),
        );
        // A quoted header field holding a delimiter does not decide.
        check_csv(b"\"a;x\",b,c\n1,2,3\n", Ok((None, vec![vec!["1", "2", "3"]])));
        check_csv(b"\xff\xfea\x00,\x00", Err((ENCODINGS, "UTF-16 text (Excel's \"Unicode Text\")")));
        check_csv(
            b"a,b\n\x81,2\n",
            Err((ENCODINGS, "byte 0x81 at offset 4, which neither UTF-8 nor Windows-1252 defines")),
        );
        check_csv(b"a;b\n1;2;3\n", Err(("2 fields like the header, separated by ';'", "3 fields")));
    }

    #[test]
    fn a_semicolon_file_reads_numbers_the_indonesian_way() {
        let s = Sheet::from_csv_bytes(b"n;m\n1.500;88,65\n", "t.csv").unwrap();
        let mut problems = Vec::new();
        let got = s.each_row(&mut problems, |r| Some((r.decimal("n")?, r.decimal("m")?)));
        assert_eq!(got[0].1, (Decimal::from(1500), "88.65".parse().unwrap()));
        // In a comma file the same `1.500` is ambiguous and refused.
        let s = Sheet::from_csv_bytes(b"n\n1.500\n", "t.csv").unwrap();
        assert!(s.each_row(&mut problems, |r| r.decimal("n")).is_empty());
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn numbering_every_record_reads_the_file_once() {
        // 200 000 records with blank lines and quoted newlines in between:
        // numbering them all examines each byte once (it was once quadratic).
        let mut text = String::from("a,b\n");
        for i in 0..200_000 {
            text.push_str(&format!("{i},x\n"));
            if i % 1000 == 0 {
                text.push_str("\n7,\"two\nlines\"\n");
            }
        }
        let mut csv = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let mut lines = Lines::new(text.as_bytes());
        let mut last = 0;
        for rec in csv.records() {
            let line = lines.at(rec.unwrap().position().unwrap().byte());
            assert!(line > last);
            last = line;
        }
        assert!(lines.scanned <= text.len(), "{} bytes examined for a {}-byte file", lines.scanned, text.len());
        assert_eq!(last, text.lines().count(), "the last record is on the last line");
    }

    #[test]
    fn ragged_rows_and_bad_bytes_are_located() {
        let e = Sheet::from_csv_bytes(b"a,b\n1,2\n3\n", "t.csv").unwrap_err();
        assert_eq!(
            e.problems()[0].to_string(),
            "t.csv, row 3: expected 2 fields like the header, separated by ',', found \"1 fields\""
        );
        let e = Sheet::from_csv_bytes(b"a\n\x9d\n", "t.csv").unwrap_err();
        assert!(e.problems()[0].to_string().contains("UTF-8 or Windows-1252"), "{e}");
    }

    #[test]
    fn typed_access_collects_every_problem() {
        let s = Sheet::from_csv_bytes(b"n,d,y\n8.727,\"88,65\",2024\n1.5,1.234,24\n", "t.csv").unwrap();
        let mut p = Vec::new();
        let rows = s.each_row(&mut p, |r| {
            let n = r.int("n");
            let d = r.decimal("d");
            let y = r.year("y");
            Some((n?, d?, y?))
        });
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].1.0, 8727);
        let msgs: Vec<String> = p.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 3, "{msgs:#?}");
        assert!(msgs[0].starts_with("t.csv, row 3, column n: expected a whole number"));
        assert!(msgs[1].starts_with("t.csv, row 3, column d: expected an unambiguous number"));
        assert!(msgs[2].starts_with("t.csv, row 3, column y: expected a year"));
    }

    #[test]
    fn headers_are_checked() {
        let s = Sheet::from_csv_bytes(b"kode,nmaa\n1,x\n", "w.csv").unwrap();
        let mut p = Vec::new();
        assert!(!s.check_headers(&["kode", "nama"], &["sumber"], &mut p));
        let msgs: Vec<String> = p.iter().map(ToString::to_string).collect();
        assert_eq!(
            msgs[0],
            "w.csv, row 1, column nmaa: expected one of the columns kode, nama, sumber, found \"nmaa\""
        );
        assert_eq!(msgs[1], "w.csv, row 1, column nama: expected this column in the header, found \"no such column\"");
    }
}
