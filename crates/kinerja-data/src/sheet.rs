//! A table read from CSV or XLSX as text cells, and typed access to one row
//! that records every problem instead of stopping at the first.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

use kinerja_core::Decimal;
use kinerja_core::notation::{Notasi, parse_number, parse_number_within};
use kinerja_pesan::{Message, Pesan, msg};

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
    pub dialek: Option<Pesan>,
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
        self.pesan().fmt(f)
    }
}

impl Message for Tafsir {
    fn pesan(&self) -> Pesan {
        // The value in plain notation, said so: the summary speaks of two
        // notations and must not be read in a third way.
        let (min, max, nilai) = (self.min.to_string(), self.max.to_string(), self.nilai.to_string());
        let found = format!("{:?}", self.found);
        msg::data_tafsir(&self.file, &self.column, self.jumlah, min, max, self.row, found, nilai)
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

/// The text of a CSV file and its encoding's name, or what was found.
fn decode(bytes: &[u8]) -> std::result::Result<(std::borrow::Cow<'_, str>, &'static str), Pesan> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(msg::data_found_utf16());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((std::borrow::Cow::Borrowed(s), "UTF-8"));
    }
    // Bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    // mean the file is in some other encoding.
    if let Some(i) = bytes.iter().position(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D) || *b == 0) {
        return Err(msg::data_found_bad_byte(format!("{:02X}", bytes[i]), i));
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

/// A field of several lines outside the columns that may hold them
/// (`multiline`): a quote left open, which would swallow the rows after it.
fn line_break(
    rec: &csv::StringRecord,
    headers: &[String],
    multiline: &[&str],
    name: &str,
    line: usize,
) -> Option<Problem> {
    let may = |i: usize| headers.get(i).is_some_and(|h| multiline.contains(&h.as_str()));
    let (i, c) = rec.iter().enumerate().find(|(i, c)| c.contains(['\n', '\r']) && !may(*i))?;
    let column = headers.get(i).map(String::as_str);
    Some(Problem::new(name, Some(line), column, msg::data_expected_one_line(), c))
}

/// Appends a record's cells, trimmed; where `lines` (a table with columns
/// of several lines), a cell's `\r\n` or `\r` as `\n`.
fn push_record(rows: &mut Rows, line: usize, rec: &csv::StringRecord, lines: bool) {
    if lines && rec.iter().any(|c| c.contains('\r')) {
        let cells: Vec<String> = rec.iter().map(|c| c.trim().replace("\r\n", "\n").replace('\r', "\n")).collect();
        rows.push(line, cells.iter().map(String::as_str));
    } else {
        rows.push(line, rec.iter().map(str::trim));
    }
}

fn dialect_text(encoding: &str, delimiter: u8) -> Pesan {
    match delimiter {
        b';' => msg::data_dialek_semicolon(encoding),
        b'\t' => msg::data_dialek_tab(encoding),
        _ => msg::data_dialek_comma(encoding),
    }
}

impl Sheet {
    /// Reads a CSV file: UTF-8 (with or without BOM) or Windows-1252, fields
    /// separated by `,`, `;` or tab (see [`Sheet::from_csv_bytes`]).
    pub fn from_csv(path: &Path, name: &str) -> Result<Sheet> {
        Sheet::from_csv_multiline(path, name, &[])
    }

    /// Reads a CSV file as [`Sheet::from_csv`] does, the columns `multiline`
    /// (a table's [`crate::Table::multiline`]) allowed to hold text of
    /// several lines (see [`Sheet::from_csv_bytes_multiline`]).
    pub fn from_csv_multiline(path: &Path, name: &str, multiline: &[&str]) -> Result<Sheet> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        Sheet::from_csv_bytes_multiline(&bytes, name, multiline)
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
    /// assert_eq!(s.dialek.unwrap().to_string(), "UTF-8, ';' between fields, ',' as decimal mark");
    /// # Ok::<(), kinerja_data::Error>(())
    /// ```
    pub fn from_csv_bytes(bytes: &[u8], name: &str) -> Result<Sheet> {
        Sheet::from_csv_bytes_multiline(bytes, name, &[])
    }

    /// Parses CSV bytes as [`Sheet::from_csv_bytes`] does, where the columns
    /// `multiline` may hold text of several lines: a quoted field with line
    /// breaks, each `\r\n` read as `\n` (a narasi's paragraphs). In any
    /// other column a line break is refused at its row.
    ///
    /// ```
    /// use kinerja_data::Sheet;
    /// let csv = b"bagian,teks\nsaran,\"Satu.\r\n\r\n- dua\"\n";
    /// let s = Sheet::from_csv_bytes_multiline(csv, "narasi.csv", &["teks"])?;
    /// assert_eq!(s.rows.to_vec()[0].1, ["saran", "Satu.\n\n- dua"]);
    /// assert!(Sheet::from_csv_bytes(csv, "narasi.csv").is_err());
    /// # Ok::<(), kinerja_data::Error>(())
    /// ```
    pub fn from_csv_bytes_multiline(bytes: &[u8], name: &str, multiline: &[&str]) -> Result<Sheet> {
        let problem = |row: Option<usize>, expected: Pesan, found: String| {
            Error::Invalid(vec![Problem::new(name, row, None, expected, &found)])
        };
        let (text, encoding) = decode(bytes).map_err(|found| {
            Error::Invalid(vec![Problem::described(name, None, None, msg::data_expected_encoding(), found)])
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let delimiter = delimiter_of(text);
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = rdr
            .headers()
            .map_err(|e| problem(Some(1), msg::data_expected_header(), e.to_string()))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let mut rows = Rows::default();
        let mut lines = Lines::new(text.as_bytes());
        for (i, rec) in rdr.records().enumerate() {
            let line = i + 2;
            let rec = rec.map_err(|e| match e.kind() {
                csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                    let row = e.position().map(|p| lines.at(p.byte())).or(Some(line));
                    let expected = msg::data_expected_fields(*expected_len, char::from(delimiter));
                    Error::Invalid(vec![Problem::described(name, row, None, expected, msg::data_found_fields(*len))])
                }
                _ => problem(Some(line), msg::data_expected_csv_row(), e.to_string()),
            })?;
            // Physical line in the file (blank lines and quoted newlines
            // count), as an editor shows it.
            let line = rec.position().map_or(line, |p| lines.at(p.byte()));
            if rec.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if let Some(p) = line_break(&rec, &headers, multiline, name, line) {
                return Err(Error::Invalid(vec![p]));
            }
            push_record(&mut rows, line, &rec, !multiline.is_empty());
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
            let (expected, found) = (msg::data_expected_one_visible_sheet(), msg::data_found_hidden_sheet(h));
            return Err(Error::Invalid(vec![Problem::described(name, None, None, expected, found)]));
        }
        let mut all = Sheet::from_xlsx_all(path, name)?;
        match all.len() {
            0 => {
                let found = msg::data_found_no_worksheet();
                Err(Error::Invalid(vec![Problem::described(name, None, None, msg::data_expected_xlsx(), found)]))
            }
            1 => Ok(all.swap_remove(0).1),
            n => {
                let names: Vec<String> = all.iter().map(|(s, _)| format!("{s:?}")).collect();
                let found = msg::data_found_sheets(n, names.join(", "));
                Err(Error::Invalid(vec![Problem::described(name, None, None, msg::data_expected_one_sheet(), found)]))
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
                let p = Problem::described(
                    &self.file,
                    Some(1),
                    Some(h),
                    msg::data_expected_column_once(),
                    msg::data_found_twice(h),
                );
                problems.push(p);
            } else if !required.contains(&h.as_str()) && !optional.contains(&h.as_str()) {
                let mut all: Vec<&str> = required.to_vec();
                all.extend(optional);
                let expected = msg::data_expected_one_of_columns(all.join(", "));
                problems.push(Problem::new(&self.file, Some(1), Some(h), expected, h));
            }
        }
        for r in required {
            if !self.headers.iter().any(|h| h == r) {
                let expected = msg::data_expected_column_in_header();
                problems.push(Problem::described(&self.file, Some(1), Some(r), expected, msg::data_found_no_column()));
            }
        }
        problems.len() == before
    }

    /// The columns whose values their range decided (see [`Row::decimal_within`]).
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
    Error::Invalid(vec![Problem::new(name, None, None, msg::data_expected_xlsx(), &found)])
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

/// What a value that a core parser refused should have been.
fn describe(e: &kinerja_core::Error) -> Pesan {
    match e {
        kinerja_core::Error::Invalid { expected, .. } => expected.clone(),
        kinerja_core::Error::Ambiguous { why, .. } => msg::data_expected_unambiguous(why.clone()),
        other => other.pesan(),
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
    pub fn problem(&mut self, col: &str, expected: Pesan, found: &str) {
        self.problems.push(Problem::new(self.file, Some(self.line), Some(col), expected, found));
    }

    /// Required, non-empty text.
    pub fn text(&mut self, col: &str) -> Option<String> {
        let v = self.raw(col).to_string();
        if v.is_empty() {
            self.problem(col, msg::data_expected_value(), "");
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
            self.problem(col, msg::data_expected_value(), "");
            return None;
        }
        match f(&raw) {
            Ok(v) => Some(v),
            Err(e) => {
                self.problem(col, describe(&e), &raw);
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
    /// text is ambiguous ([`parse_number_within`]): an NRR `3,532` is 3.532.
    /// Such values are counted per column for the load summary
    /// ([`Sheet::tafsir`]); a value outside the range is left to the checks
    /// that know the range's reason.
    pub fn decimal_within(&mut self, col: &str, min: Decimal, max: Decimal) -> Option<Decimal> {
        let n = self.notasi;
        let (nilai, oleh_rentang) = self.parse(col, |s| {
            let (d, r) = parse_number_within(s, n, min, max)?;
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
        self.parse(col, parse_count)
    }

    /// An optional count.
    pub fn opt_count(&mut self, col: &str) -> Option<Option<i64>> {
        self.opt_parse(col, parse_count)
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

/// A whole number, 0 or more.
fn parse_count(s: &str) -> kinerja_core::Result<i64> {
    parse_int(s).and_then(|n| {
        if n >= 0 {
            Ok(n)
        } else {
            Err(kinerja_core::Error::invalid(msg::data_what_count(), msg::data_expected_count(), s))
        }
    })
}

/// A value for a `DECIMAL(18,4)` column: stored exactly or refused.
fn parse_nilai(s: &str, notasi: Notasi) -> kinerja_core::Result<Decimal> {
    let d = parse_number(s, notasi)?;
    if d.scale() > 4 && d.normalize().scale() > 4 {
        return Err(kinerja_core::Error::invalid(msg::core_what_number(), msg::data_expected_four_decimals(), s));
    }
    if d.abs() >= Decimal::from(100_000_000_000_000i64) {
        return Err(kinerja_core::Error::invalid(msg::core_what_number(), msg::data_expected_below_10e14(), s));
    }
    Ok(d)
}

fn parse_int(s: &str) -> kinerja_core::Result<i64> {
    let bad = || kinerja_core::Error::invalid(msg::data_what_whole_number(), msg::data_expected_whole_number(), s);
    let d = parse_number(s, Notasi::Indonesia).map_err(|_| bad())?;
    if d.scale() != 0 {
        return Err(bad());
    }
    i64::try_from(d.mantissa()).map_err(|_| bad())
}

#[cfg(test)]
mod tests;
