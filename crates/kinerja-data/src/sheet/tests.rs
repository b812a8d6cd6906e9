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
        Ok(s) => Ok((s.dialek.map(|d| d.to_string()), s.rows.to_vec().into_iter().map(|r| r.1).collect::<Vec<_>>())),
        Err(Error::Invalid(p)) => {
            let found = match &p[0].found {
                kinerja_pesan::Arg::Pesan(f) => f.to_string(),
                other => format!("{other:?}"),
            };
            Err((p[0].expected.to_string(), found))
        }
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
    let encodings = r#"UTF-8 or Windows-1252 text (in Excel: Save As "CSV UTF-8" or "CSV (Comma delimited)")"#;
    check_csv(b"\xff\xfea\x00,\x00", Err((encodings, "UTF-16 text (Excel's \"Unicode Text\")")));
    check_csv(
        b"a,b\n\x81,2\n",
        Err((encodings, "byte 0x81 at offset 4, which neither UTF-8 nor Windows-1252 defines")),
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
        "t.csv, row 3: expected 2 fields like the header, separated by ',', found \"1 field\""
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
    assert_eq!(msgs[0], "w.csv, row 1, column nmaa: expected one of the columns kode, nama, sumber, found \"nmaa\"");
    assert_eq!(msgs[1], "w.csv, row 1, column nama: expected this column in the header, found \"no such column\"");
}
