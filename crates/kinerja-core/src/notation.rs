//! Strict Indonesian number notation: parse and format.
//!
//! Indonesian writes `2.960.780.030` (dot groups thousands) and `88,65`
//! (comma is the decimal mark); data exported by other tools writes `88.65`.
//! Kinerja reads both, and refuses to guess:
//!
//! * [`Notasi::Indonesia`]: optional sign, digits either ungrouped or in
//!   groups of three separated by `.`, optional `,` and decimals.
//! * [`Notasi::Polos`] (plain): optional sign, digits, optional `.` and
//!   decimals.
//! * [`Notasi::Inggris`] (English): digits in groups of three separated by
//!   `,`, optional `.` and decimals (`1,004,422,800.50`), when named.
//! * [`Notasi::Otomatis`]: accepts text that reads as a number in exactly
//!   one way. `1.234` (Indonesian 1234, plain 1.234) and `1,500` (Indonesian
//!   1.5, English 1500) are [`Error::Ambiguous`]; `1.234,5`, `75.35`,
//!   `88,65` and `2.960.780.030` are not.
//!
//! Also: a trailing `%` ([`parse_persen`]), Rupiah with `Rp`, `Rp.` and a
//! `,00` or `,-` tail ([`parse_rupiah`]), and a predikat with its value,
//! `BB (71,00)` or `71,00 (BB)` ([`parse_berlabel`]). Leading zeros
//! (`007`), empty groups, spaces inside numbers and stray characters are
//! errors. Formatting rounds half-up through [`crate::exact`] and always
//! reads back to the same value.

use rust_decimal::Decimal;

use crate::exact::Ratio;
use crate::{Error, Result};
use kinerja_pesan::{Pesan, msg};

/// Which notation to read; serialised by its lowercase name (`indonesia`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Notasi {
    /// `1.234.567,89`
    Indonesia,
    /// `1234567.89`
    Polos,
    /// `1,234,567.89`: English grouping, as web pages and SKM applications
    /// print; only when named (in automatic reading `1,500` is ambiguous).
    Inggris,
    /// Either, when unambiguous (default).
    #[default]
    Otomatis,
}

fn invalid(s: &str, expected: Pesan) -> Error {
    Error::invalid(msg::core_what_number(), expected, s)
}

fn split_sign(s: &str) -> (bool, &str) {
    if let Some(r) = s.strip_prefix('-') {
        (true, r)
    } else if let Some(r) = s.strip_prefix('\u{2212}') {
        (true, r)
    } else {
        (false, s)
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn valid_int(s: &str) -> bool {
    all_digits(s) && (s == "0" || !s.starts_with('0'))
}

fn build(neg: bool, int: &str, frac: &str) -> Option<Decimal> {
    let digits = format!("{int}{frac}");
    let scale = u32::try_from(frac.len()).ok()?;
    if scale > 28 {
        return None;
    }
    let m: i128 = digits.parse().ok()?;
    let m = if neg { -m } else { m };
    Decimal::try_from_i128_with_scale(m, scale).ok()
}

fn parse_indonesia(s: &str) -> Option<Decimal> {
    let (neg, body) = split_sign(s);
    let (int, frac) = match body.split_once(',') {
        Some((i, f)) => {
            if !all_digits(f) {
                return None;
            }
            (i, f)
        }
        None => (body, ""),
    };
    let int_digits = if int.contains('.') {
        let mut groups = int.split('.');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || !valid_int(first) || first == "0" {
            return None;
        }
        let mut acc = first.to_string();
        for g in groups {
            if g.len() != 3 || !all_digits(g) {
                return None;
            }
            acc.push_str(g);
        }
        acc
    } else {
        if !valid_int(int) {
            return None;
        }
        int.to_string()
    };
    build(neg, &int_digits, frac)
}

fn parse_polos(s: &str) -> Option<Decimal> {
    let (neg, body) = split_sign(s);
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => {
            if !all_digits(f) {
                return None;
            }
            (i, f)
        }
        None => (body, ""),
    };
    if !valid_int(int) {
        return None;
    }
    build(neg, int, frac)
}

/// Looks like English thousands grouping with a comma: `1,500`, `12,345`.
fn english_grouping(s: &str) -> bool {
    let (_, body) = split_sign(s);
    match body.split_once(',') {
        Some((i, f)) => f.len() == 3 && all_digits(f) && valid_int(i) && i != "0" && i.len() <= 3,
        None => false,
    }
}

/// Parses a number.
///
/// ```
/// use kinerja_core::notation::{parse_number, Notasi};
/// use kinerja_core::Decimal;
/// assert_eq!(parse_number("2.960.780.030", Notasi::Otomatis)?, Decimal::new(2_960_780_030, 0));
/// assert_eq!(parse_number("88,65", Notasi::Otomatis)?, Decimal::new(8865, 2));
/// assert_eq!(parse_number("75.35", Notasi::Otomatis)?, Decimal::new(7535, 2));
/// assert!(parse_number("1.234", Notasi::Otomatis).is_err()); // 1234 or 1.234?
/// assert_eq!(parse_number("1.234", Notasi::Indonesia)?, Decimal::new(1234, 0));
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn parse_number(text: &str, notasi: Notasi) -> Result<Decimal> {
    let s = text.trim();
    match notasi {
        Notasi::Indonesia => parse_indonesia(s).ok_or_else(|| invalid(text, msg::core_expected_number_indonesia())),
        Notasi::Polos => parse_polos(s).ok_or_else(|| invalid(text, msg::core_expected_number_polos())),
        Notasi::Inggris => parse_inggris(s).ok_or_else(|| invalid(text, msg::core_expected_number_inggris())),
        Notasi::Otomatis => match (parse_indonesia(s), parse_polos(s)) {
            (Some(a), Some(b)) if a == b => Ok(a),
            (Some(a), Some(b)) => Err(Error::Ambiguous {
                found: text.to_string(),
                why: msg::core_ambiguous_two_readings(a.to_string(), b.to_string()),
            }),
            (Some(a), None) if english_grouping(s) => Err(Error::Ambiguous {
                found: text.to_string(),
                why: msg::core_ambiguous_english_grouping(a.to_string()),
            }),
            (Some(a), None) | (None, Some(a)) => Ok(a),
            (None, None) => Err(invalid(text, msg::core_expected_number())),
        },
    }
}

/// English notation is Indonesian notation with `,` and `.` swapped.
fn parse_inggris(s: &str) -> Option<Decimal> {
    let swapped: String = s
        .chars()
        .map(|c| match c {
            ',' => '.',
            '.' => ',',
            c => c,
        })
        .collect();
    parse_indonesia(&swapped)
}

/// Parses a number whose valid range decides between readings: when the
/// text is ambiguous ([`Error::Ambiguous`]) but exactly one of its readings
/// lies within `min..=max`, that reading; the `bool` says the range decided.
/// An NRR (1–4) written `3,532` can only be 3.532, never 3532; a value that
/// fits the range in both readings stays ambiguous.
///
/// ```
/// use kinerja_core::notation::{Notasi, parse_number_within};
/// use kinerja_core::Decimal;
/// let nrr = |s| parse_number_within(s, Notasi::Otomatis, Decimal::ONE, Decimal::from(4));
/// assert_eq!(nrr("3,532")?, (Decimal::new(3532, 3), true));
/// assert_eq!(nrr("1.234")?, (Decimal::new(1234, 3), true));
/// assert_eq!(nrr("3,50")?, (Decimal::new(350, 2), false)); // not ambiguous
/// let skor = |s| parse_number_within(s, Notasi::Otomatis, Decimal::ZERO, Decimal::from(2000));
/// assert!(skor("1,500").is_err()); // 1.5 and 1500 both fit
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn parse_number_within(text: &str, notasi: Notasi, min: Decimal, max: Decimal) -> Result<(Decimal, bool)> {
    match parse_number(text, notasi) {
        Ok(v) => Ok((v, false)),
        Err(e @ Error::Ambiguous { .. }) => {
            let s = text.trim();
            let english = english_grouping(s).then(|| parse_polos(&s.replace(',', ""))).flatten();
            let readings = [parse_indonesia(s), parse_polos(s), english];
            let mut fits: Vec<Decimal> = readings.into_iter().flatten().filter(|v| (min..=max).contains(v)).collect();
            fits.dedup();
            match fits.as_slice() {
                [v] => Ok((*v, true)),
                _ => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

/// Parses a percentage; the `%` sign is optional (`88,65%`, `88,65 %`, `88,65`).
pub fn parse_persen(text: &str, notasi: Notasi) -> Result<Decimal> {
    let s = text.trim();
    let s = s.strip_suffix('%').map_or(s, str::trim_end);
    parse_number(s, notasi).map_err(|e| relabel(e, text))
}

fn relabel(e: Error, text: &str) -> Error {
    match e {
        Error::Invalid { what, expected, .. } => Error::invalid(what, expected, text),
        other => other,
    }
}

/// Parses Rupiah: `Rp. 2.960.780.030,00`, `Rp2.960.780.030`, `Rp 137.685.269,-`,
/// or a bare number. After an `Rp` prefix the notation is Indonesian.
pub fn parse_rupiah(text: &str) -> Result<Decimal> {
    parse_rupiah_in(text, Notasi::Otomatis)
}

/// [`parse_rupiah`] with the notation of a bare number given (a file that
/// declares Indonesian notation reads `1.500` as fifteen hundred).
///
/// ```
/// use kinerja_core::notation::{Notasi, parse_rupiah_in};
/// assert_eq!(parse_rupiah_in("137.685.269", Notasi::Indonesia)?.to_string(), "137685269");
/// assert!(parse_rupiah_in("1.500", Notasi::Otomatis).is_err()); // ambiguous
/// assert_eq!(parse_rupiah_in("1.500", Notasi::Indonesia)?.to_string(), "1500");
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn parse_rupiah_in(text: &str, bare: Notasi) -> Result<Decimal> {
    let s = text.trim();
    let (body, notasi) = match s.strip_prefix("Rp") {
        Some(r) => (r.strip_prefix('.').unwrap_or(r).trim_start(), Notasi::Indonesia),
        None => (s, bare),
    };
    let body = body.strip_suffix(",-").unwrap_or(body);
    let value = parse_number(body, notasi).map_err(|e| match e {
        Error::Invalid { .. } => Error::Invalid {
            what: msg::core_what_rupiah(),
            expected: msg::core_expected_rupiah(),
            found: crate::quoted(text),
        },
        other => other,
    })?;
    if value.scale() > 2 {
        return Err(Error::Invalid {
            what: msg::core_what_rupiah(),
            expected: msg::core_expected_rupiah_sen(),
            found: crate::quoted(text),
        });
    }
    Ok(value)
}

/// A value printed with its predikat: `BB (71,00)` or `71,00 (BB)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Berlabel {
    /// The label (`"BB"`), if printed.
    pub label: Option<String>,
    /// The value.
    pub nilai: Decimal,
}

/// Parses `BB (71,00)`, `71,00 (BB)` or a bare number.
///
/// ```
/// use kinerja_core::notation::parse_berlabel;
/// let b = parse_berlabel("BB (72,62)")?;
/// assert_eq!((b.label.as_deref(), b.nilai.to_string().as_str()), (Some("BB"), "72.62"));
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn parse_berlabel(text: &str) -> Result<Berlabel> {
    let s = text.trim();
    let bad = || Error::Invalid {
        what: msg::core_what_labelled(),
        expected: msg::core_expected_labelled(),
        found: crate::quoted(text),
    };
    let is_label = |l: &str| !l.is_empty() && l.len() <= 3 && l.bytes().all(|b| b.is_ascii_uppercase());
    if let Some(open) = s.find('(') {
        let close = s.strip_suffix(')').ok_or_else(bad)?;
        let (before, inside) = (close[..open].trim(), &close[open + 1..]);
        if inside.contains('(') || inside.contains(')') {
            return Err(bad());
        }
        if is_label(before) {
            return Ok(Berlabel {
                label: Some(before.to_string()),
                nilai: parse_number(inside.trim(), Notasi::Otomatis)?,
            });
        }
        if is_label(inside.trim()) {
            return Ok(Berlabel {
                label: Some(inside.trim().to_string()),
                nilai: parse_number(before, Notasi::Otomatis)?,
            });
        }
        return Err(bad());
    }
    Ok(Berlabel { label: None, nilai: parse_number(s, Notasi::Otomatis)? })
}

fn group(int: &str) -> String {
    let mut out = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Formats in Indonesian notation with `dp` decimals, rounded half-up:
/// `2.960.780.030`, `88,65`, `-10,29`.
///
/// ```
/// use kinerja_core::notation::format_number;
/// use kinerja_core::Decimal;
/// assert_eq!(format_number(Decimal::new(2_960_780_030, 0), 0)?, "2.960.780.030");
/// assert_eq!(format_number(Decimal::new(886_47, 3), 2)?, "88,65");
/// # Ok::<(), kinerja_core::Error>(())
/// ```
pub fn format_number(d: Decimal, dp: u32) -> Result<String> {
    format_ratio(Ratio::from_decimal(d), dp)
}

/// Formats an exact value in Indonesian notation (see [`format_number`]).
pub fn format_ratio(r: Ratio, dp: u32) -> Result<String> {
    let v = r.round_dp(dp)?;
    let neg = v.is_sign_negative() && !v.is_zero();
    let digits = v.mantissa().unsigned_abs().to_string();
    let dp_us = dp as usize;
    let padded = format!("{digits:0>width$}", width = dp_us + 1);
    let (int, frac) = padded.split_at(padded.len() - dp_us);
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    out.push_str(&group(int));
    if dp > 0 {
        out.push(',');
        out.push_str(frac);
    }
    Ok(out)
}

/// `88,65%`.
pub fn format_persen(d: Decimal) -> Result<String> {
    Ok(format!("{}%", format_number(d, 2)?))
}

/// `Rp. 2.960.780.030,00` (the seed's style).
pub fn format_rupiah(d: Decimal) -> Result<String> {
    Ok(format!("Rp. {}", format_number(d, 2)?))
}

/// `BB (71,00)`.
pub fn format_berlabel(label: &str, d: Decimal) -> Result<String> {
    Ok(format!("{label} ({})", format_number(d, 2)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `expect`: the value, or "ambiguous"/"invalid".
    fn check(input: &str, notasi: Notasi, expect: &str) {
        let got = match parse_number(input, notasi) {
            Ok(d) => d.to_string(),
            Err(Error::Ambiguous { .. }) => "ambiguous".into(),
            Err(Error::Invalid { .. }) => "invalid".into(),
            Err(e) => format!("{e}"),
        };
        assert_eq!(got, expect, "{input:?} {notasi:?}");
    }

    #[test]
    fn otomatis() {
        use Notasi::Otomatis as O;
        check("2.960.780.030", O, "2960780030");
        check("2960780030", O, "2960780030");
        check("88,65", O, "88.65");
        check("75.35", O, "75.35");
        check("1.234,5", O, "1234.5");
        check("-10,29", O, "-10.29");
        check("\u{2212}10,29", O, "-10.29");
        check(" 97 ", O, "97");
        check("0,5", O, "0.5");
        check("0.500", O, "0.500");
        check("1.234", O, "ambiguous");
        check("12.345.678", O, "12345678");
        check("1,500", O, "ambiguous");
        check("1,5", O, "1.5");
        check("1,5000", O, "1.5000");
        check("1,234.56", O, "invalid");
        check("1.23.456", O, "invalid");
        check("007", O, "invalid");
        check("", O, "invalid");
        check("1 234", O, "invalid");
        check("12a", O, "invalid");
        check("-", O, "invalid");
        check(",5", O, "invalid");
        check("5,", O, "invalid");
    }

    /// `expect`: the value and `(rentang)` when the range decided, or
    /// "ambiguous"/"invalid".
    fn check_dalam(input: &str, (min, max): (i64, i64), expect: &str) {
        let got = match parse_number_within(input, Notasi::Otomatis, Decimal::from(min), Decimal::from(max)) {
            Ok((d, false)) => d.to_string(),
            Ok((d, true)) => format!("{d} (rentang)"),
            Err(Error::Ambiguous { .. }) => "ambiguous".into(),
            Err(e) => format!("{e}"),
        };
        assert_eq!(got, expect, "{input:?} in {min}..={max}");
    }

    #[test]
    fn the_range_decides_only_when_one_reading_fits() {
        let nrr = (1, 4);
        check_dalam("3,532", nrr, "3.532 (rentang)");
        check_dalam("3.532", nrr, "3.532 (rentang)");
        check_dalam("4,000", nrr, "4.000 (rentang)");
        check_dalam("1,000", nrr, "1.000 (rentang)");
        check_dalam("3,53", nrr, "3.53");
        check_dalam("3.5", nrr, "3.5");
        check_dalam("4,001", nrr, "ambiguous"); // 4.001 and 4001: neither fits
        check_dalam("3532", nrr, "3532"); // not ambiguous: the range check comes later
        check_dalam("1.500", (0, 2000), "ambiguous"); // both fit
        check_dalam("1.500", (0, 100), "1.500 (rentang)");
        check_dalam("1,500", (1000, 2000), "1500 (rentang)"); // English grouping
        check_dalam("-1,500", (-2, 0), "-1.500 (rentang)");
    }

    #[test]
    fn explicit_notations() {
        check("1.234", Notasi::Indonesia, "1234");
        check("1.234", Notasi::Polos, "1.234");
        check("1,5", Notasi::Polos, "invalid");
        check("1,004,422,800", Notasi::Inggris, "1004422800");
        check("1,004,422,800.50", Notasi::Inggris, "1004422800.50");
        check("93.6", Notasi::Inggris, "93.6");
        check("1.234,5", Notasi::Inggris, "invalid");
        check("1,23", Notasi::Inggris, "invalid");
        check("1234.5", Notasi::Indonesia, "invalid");
        check("0.123", Notasi::Indonesia, "invalid");
    }

    #[test]
    fn percent_rupiah_labelled() {
        assert_eq!(parse_persen("88,65%", Notasi::Otomatis).unwrap().to_string(), "88.65");
        assert_eq!(parse_persen("102,28 %", Notasi::Otomatis).unwrap().to_string(), "102.28");
        assert_eq!(parse_rupiah("Rp. 2.960.780.030,00").unwrap().to_string(), "2960780030.00");
        assert_eq!(parse_rupiah("Rp2.823.094.761").unwrap().to_string(), "2823094761");
        assert_eq!(parse_rupiah("Rp. 137.685.269,-").unwrap().to_string(), "137685269");
        assert!(parse_rupiah("Rp. 2.960.780,030,-").is_err()); // as misprinted in the seed's text
        let b = parse_berlabel("BB (71,00)").unwrap();
        assert_eq!((b.label.as_deref(), b.nilai.to_string().as_str()), (Some("BB"), "71.00"));
        let b = parse_berlabel("72,62 (BB)").unwrap();
        assert_eq!((b.label.as_deref(), b.nilai.to_string().as_str()), (Some("BB"), "72.62"));
        assert_eq!(parse_berlabel("78,01").unwrap().label, None);
        assert!(parse_berlabel("BB (71,00").is_err());
        assert!(parse_berlabel("bb (71,00)").is_err());
    }

    #[test]
    fn formatting() {
        let f = |s: &str, dp| format_number(s.parse().unwrap(), dp).unwrap();
        assert_eq!(f("2960780030", 0), "2.960.780.030");
        assert_eq!(f("2960780030", 2), "2.960.780.030,00");
        assert_eq!(f("88.645", 2), "88,65");
        assert_eq!(f("-10.295", 2), "-10,30");
        assert_eq!(f("0.004", 2), "0,00");
        assert_eq!(f("-0.004", 2), "0,00");
        assert_eq!(f("999.995", 2), "1.000,00");
        assert_eq!(f("123", 0), "123");
        assert_eq!(format_persen("88.65".parse().unwrap()).unwrap(), "88,65%");
        assert_eq!(format_rupiah("2960780030".parse().unwrap()).unwrap(), "Rp. 2.960.780.030,00");
        assert_eq!(format_berlabel("BB", "71".parse().unwrap()).unwrap(), "BB (71,00)");
    }
}
