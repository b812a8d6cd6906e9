//! Printed figures: a number read exactly as a report prints it, with the
//! precision it is printed with.

use kinerja_core::Ratio;
use kinerja_core::notation::{Notasi, parse_number};
use kinerja_pesan::{Message, Pesan, msg};
use rust_decimal::Decimal;

/// A figure as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cetak {
    /// The printed text.
    pub teks: String,
    /// The number, when one is printed (`None` for `-`).
    pub nilai: Option<Decimal>,
    /// The label printed with it (`BB` of `BB (72,62)`), or the whole text
    /// when it is a label only (`Kurang Baik`).
    pub label: Option<String>,
    /// Exact rather than rounded at its printed precision.
    pub eksak: bool,
    /// The notation it was read in (a variant of it is read the same way).
    pub notasi: Notasi,
}

impl Cetak {
    /// Decimals printed.
    pub fn dp(&self) -> u32 {
        self.nilai.map_or(0, |d| d.scale())
    }

    /// The exact value printed.
    pub fn ratio(&self) -> Option<Ratio> {
        self.nilai.map(Ratio::from_decimal)
    }
}

/// Unit words reports print after a figure (`84,33 persen` as often as
/// `84,33 %`); matched without regard to case.
const UNITS: [&str; 12] =
    ["%", "persen", "ha", "jiwa", "poin", "orang", "responden", "kk", "rupiah", "dokumen", "desa", "kali"];

fn strip_units(s: &str) -> &str {
    let mut t = s.trim();
    loop {
        let before = t;
        t = t.strip_suffix(",-").unwrap_or(t).trim_end();
        for u in UNITS {
            if t.len() >= u.len()
                && t.is_char_boundary(t.len() - u.len())
                && t[t.len() - u.len()..].eq_ignore_ascii_case(u)
            {
                t = t[..t.len() - u.len()].trim_end();
            }
        }
        if t == before {
            return t;
        }
    }
}

fn strip_rp(s: &str) -> &str {
    let t = s.trim();
    match t.strip_prefix("Rp").or_else(|| t.strip_prefix("RP")) {
        Some(r) => r.strip_prefix('.').unwrap_or(r).trim_start(),
        None => t,
    }
}

/// The text before a trailing word of three or more letters (`12 paket` →
/// `12`), when there is one; shorter words may be codes (`A`, `BB`).
fn unit_word(s: &str) -> Option<&str> {
    let (rest, word) = s.trim().rsplit_once(' ')?;
    (word.chars().count() >= 3 && word.chars().all(char::is_alphabetic)).then(|| rest.trim_end())
}

/// A predikat code: one short word (`A`, `BB`, `ST`).
fn is_code(s: &str) -> bool {
    !s.is_empty() && s.chars().count() <= 3 && s.chars().all(char::is_alphabetic)
}

/// A label: a short word or code without digits (`BB`, `Kurang Baik`).
fn is_label(s: &str) -> bool {
    !s.is_empty() && !s.chars().any(|c| c.is_ascii_digit())
}

/// Why a printed text does not read as a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TidakTerbaca {
    /// The text.
    pub teks: String,
    /// Why.
    pub alasan: Pesan,
}

/// Reads a printed figure: an optional `Rp`, the number in the document's
/// notation, an optional unit (`%`, `Ha`, `jiwa`, `poin`, …), or a value
/// with its label (`BB (72,62)`, `72,62 (BB)`), or a label alone, or `-`.
///
/// ```
/// use kinerja_audit::angka::baca;
/// use kinerja_core::notation::Notasi;
/// use rust_decimal::Decimal;
/// let c = baca("BB (72,62)", Notasi::Indonesia, false)?;
/// assert_eq!((c.label.as_deref(), c.nilai.map(|d| d.to_string())), (Some("BB"), Some("72.62".into())));
/// assert_eq!(baca("1.619,9 Ha", Notasi::Indonesia, true)?.dp(), 1);
/// assert!(baca("Rp. 2.960.780,030,-", Notasi::Indonesia, true).is_err());
/// assert_eq!(baca("84,33 persen", Notasi::Indonesia, false)?.nilai, Some(Decimal::new(8433, 2)));
/// assert_eq!(baca("12 paket", Notasi::Indonesia, true)?.nilai, Some(Decimal::from(12)));
/// assert_eq!(baca("Rp 9.349.027.544,00", Notasi::Indonesia, true)?.nilai, Some(Decimal::new(934902754400, 2)));
/// # Ok::<(), kinerja_audit::angka::TidakTerbaca>(())
/// ```
pub fn baca(teks: &str, notasi: Notasi, eksak: bool) -> Result<Cetak, TidakTerbaca> {
    let bad = |alasan: Pesan| TidakTerbaca { teks: teks.to_string(), alasan };
    // A table cell may print a colon before its value (`: C`).
    let s = teks.trim().trim_start_matches(':').trim();
    let (label, angka) = match (s.find('('), s.strip_suffix(')')) {
        (Some(open), Some(inner)) => {
            let (before, inside) = (inner[..open].trim(), inner[open + 1..].trim());
            if is_label(before) && is_label(inside) {
                // A code with its description, either way round (`C (Kurang
                // Baik)`, `Sangat Baik (A)`): the code is the label.
                let code = if is_code(inside) && !is_code(before) { inside } else { before };
                return Ok(Cetak { teks: teks.to_string(), nilai: None, label: Some(code.to_string()), eksak, notasi });
            }
            if is_label(before) && !before.is_empty() {
                (Some(before.to_string()), inside)
            } else if is_label(inside) {
                (Some(inside.to_string()), before)
            } else {
                return Err(bad(msg::audit_angka_label_brackets()));
            }
        }
        _ => (None, s),
    };
    let body = strip_units(strip_rp(angka));
    if body == "-" || body.is_empty() && label.is_none() && angka.trim() == "-" {
        return Ok(Cetak { teks: teks.to_string(), nilai: None, label, eksak, notasi });
    }
    if body.is_empty() && label.is_some() {
        // A description alone in brackets, `(Sangat Baik)`.
        return Ok(Cetak { teks: teks.to_string(), nilai: None, label, eksak, notasi });
    }
    if label.is_none() && is_label(body) {
        return Ok(Cetak { teks: teks.to_string(), nilai: None, label: Some(body.to_string()), eksak, notasi });
    }
    // Another unit word after a well-formed number (`12 paket`): the number,
    // the word kept in the printed text the messages quote.
    let read = |n: Notasi| {
        parse_number(body, n).or_else(|e| match unit_word(body) {
            Some(rest) => parse_number(rest, n).map_err(|_| e),
            None => Err(e),
        })
    };
    // A figure that does not read in the document's Indonesian notation but
    // reads one way only, as the loader reads unmarked figures (`93.6` in a
    // table of Rupiah `749.930.215`), is that number; an ambiguous one
    // (`1.500`) stays unreadable.
    let (nilai, notasi) = match (read(notasi), notasi) {
        (Ok(v), n) => (v, n),
        (Err(e), Notasi::Indonesia) => match read(Notasi::Otomatis) {
            Ok(v) => (v, Notasi::Polos),
            Err(_) => return Err(bad(e.pesan())),
        },
        (Err(e), _) => return Err(bad(e.pesan())),
    };
    if strip_rp(angka) != angka.trim() && nilai.scale() > 2 {
        return Err(bad(msg::audit_angka_rupiah_sen()));
    }
    Ok(Cetak { teks: teks.to_string(), nilai: Some(nilai), label, eksak, notasi })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        let got = match baca(input, Notasi::Indonesia, false) {
            Ok(c) => format!("{:?} {:?} dp{}", c.nilai.map(|d| d.to_string()), c.label, c.dp()),
            Err(_) => "error".into(),
        };
        assert_eq!(got, expect, "{input}");
    }

    #[test]
    fn printed_forms() {
        check("88,65%", "Some(\"88.65\") None dp2");
        check("88,65 %", "Some(\"88.65\") None dp2");
        check("1.619,9 Ha", "Some(\"1619.9\") None dp1");
        check("3.727 Ha", "Some(\"3727\") None dp0");
        check("BB (72,62)", "Some(\"72.62\") Some(\"BB\") dp2");
        check("72,62 (BB)", "Some(\"72.62\") Some(\"BB\") dp2");
        check("Kurang Baik", "None Some(\"Kurang Baik\") dp0");
        check(": C", "None Some(\"C\") dp0");
        check("1.234.5", "error");
        check("-", "None None dp0");
        check("- Ha", "None None dp0");
        check("Rp. 2.960.780.030,00", "Some(\"2960780030.00\") None dp2");
        check("Rp 137.685.269,-", "Some(\"137685269\") None dp0");
        check("Rp. 2.960.780,030,-", "error");
        check("1012,28%", "Some(\"1012.28\") None dp2");
        check("2,70 poin", "Some(\"2.70\") None dp2");
        check("30.336 jiwa", "Some(\"30336\") None dp0");
        // Unit words as reports print them, known or not.
        check("84,33 persen", "Some(\"84.33\") None dp2");
        check("84,33 Persen", "Some(\"84.33\") None dp2");
        check("12 dokumen", "Some(\"12\") None dp0");
        check("3 kali", "Some(\"3\") None dp0");
        check("1.250 paket", "Some(\"1250\") None dp0");
        check("RP 9.349.027.544,-", "Some(\"9349027544\") None dp0");
        // A code with its description is the code.
        check("C (Kurang Baik)", "None Some(\"C\") dp0");
        check("A (Sangat Baik)", "None Some(\"A\") dp0");
        check("Sangat Baik (A)", "None Some(\"A\") dp0");
        check("(Sangat Baik)", "None Some(\"Sangat Baik\") dp0");
        // A short code after a number is no unit: not guessed.
        check("3,99 A", "error");
        check("12 paket 3", "error");
    }
}
