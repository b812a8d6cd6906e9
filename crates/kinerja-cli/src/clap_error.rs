//! clap's errors in the chosen language, rendered from the error's kind and
//! context by key, in the layout of clap's own formatter: the error, tips,
//! the usage line, where to find more.
//!
//! clap hands three tips over only as finished English text (`Suggested`);
//! [`tip`] reads those back by their quoted parts, the one place where the
//! CLI reads a library's words. A unit test pins each shape, so that a clap
//! that words them differently fails the test rather than a user.

use std::process::ExitCode;

use clap::error::{ContextKind as C, ContextValue, ErrorKind};
use kinerja_pesan::{Count, Pesan, msg};

/// clap's indentation of listed names and tips.
const TAB: &str = "  ";
use crate::pesan::{cetak, t};

/// Prints a clap error — or the help and version clap answers with — in
/// the chosen language, and gives its exit code.
pub fn keluar(e: &clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            cetak(e.render().to_string().trim_end());
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprintln!("{}", e.render().to_string().trim_end());
            return ExitCode::from(2);
        }
        _ => {}
    }
    let mut out = t(&msg::cli_error(what(e)));
    let tips = tips(e);
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str(&format!("\n{TAB}{}", t(&tip)));
        }
    }
    if let Some(u) = usage(e) {
        out.push_str(&format!("\n\n{} {u}", t(&msg::cli_usage_heading())));
    }
    out.push_str(&format!("\n\n{}", t(&msg::cli_try_help())));
    eprintln!("{out}");
    ExitCode::from(2)
}

/// What went wrong with the command line, by key.
fn what(e: &clap::Error) -> Pesan {
    let arg = text(e, C::InvalidArg);
    let value = text(e, C::InvalidValue);
    match e.kind() {
        ErrorKind::UnknownArgument => msg::cli_error_unknown_argument(arg),
        ErrorKind::InvalidSubcommand => msg::cli_error_invalid_subcommand(text(e, C::InvalidSubcommand)),
        ErrorKind::MissingRequiredArgument => msg::cli_error_missing_argument(list(e, C::InvalidArg)),
        ErrorKind::MissingSubcommand => {
            let sub = text(e, C::InvalidSubcommand);
            match values(e, C::ValidSubcommand) {
                Some(v) => msg::cli_error_missing_subcommand_of(sub, v),
                None => msg::cli_error_missing_subcommand(sub),
            }
        }
        ErrorKind::InvalidValue if value.is_empty() => msg::cli_error_value_missing(arg),
        ErrorKind::InvalidValue => match values(e, C::ValidValue) {
            Some(v) => msg::cli_error_invalid_value_one_of(value, arg, v),
            None => msg::cli_error_invalid_value(value, arg),
        },
        ErrorKind::ValueValidation => match reason(e) {
            Some(r) => msg::cli_error_invalid_value_because(value, arg, r),
            None => msg::cli_error_invalid_value(value, arg),
        },
        ErrorKind::ArgumentConflict => conflict(e),
        ErrorKind::NoEquals => msg::cli_error_no_equals(arg),
        ErrorKind::TooManyValues => msg::cli_error_too_many_values(value, arg),
        ErrorKind::TooFewValues => msg::cli_error_too_few_values(number(e, C::MinValues), arg, count(e)),
        ErrorKind::WrongNumberOfValues => {
            msg::cli_error_wrong_number_of_values(number(e, C::ExpectedNumValues), arg, count(e))
        }
        _ => msg::cli_error_usage(),
    }
}

/// An argument (or subcommand) given with one it cannot be given with.
fn conflict(e: &clap::Error) -> Pesan {
    let arg = text(e, C::InvalidArg);
    let prior = e.get(C::PriorArg);
    if matches!((e.get(C::InvalidArg), prior), (Some(a), Some(p)) if a == p) {
        return msg::cli_error_repeated(arg);
    }
    let with = match prior {
        Some(ContextValue::String(s)) => msg::cli_with_one(s.clone()),
        Some(ContextValue::Strings(v)) => {
            msg::cli_with_list(v.iter().map(|s| format!("\n{TAB}{s}")).collect::<String>())
        }
        _ => msg::cli_with_others(),
    };
    if e.get(C::InvalidArg).is_none() {
        return msg::cli_error_subcommand_conflict(text(e, C::InvalidSubcommand), with);
    }
    msg::cli_error_conflict(arg, with)
}

/// The tips clap adds: similar names, and what to type instead.
fn tips(e: &clap::Error) -> Vec<Pesan> {
    let mut tips = Vec::new();
    for (kind, key) in [
        (C::SuggestedSubcommand, Similar::Subcommand),
        (C::SuggestedArg, Similar::Argument),
        (C::SuggestedValue, Similar::Value),
    ] {
        let names: Vec<String> = match e.get(kind) {
            Some(ContextValue::String(s)) => vec![format!("'{s}'")],
            Some(ContextValue::Strings(v)) => v.iter().map(|s| format!("'{s}'")).collect(),
            _ => continue,
        };
        if !names.is_empty() {
            tips.push(similar(key, names));
        }
    }
    if let Some(ContextValue::StyledStrs(v)) = e.get(C::Suggested) {
        tips.extend(v.iter().map(|s| tip(&s.to_string())));
    }
    tips
}

#[derive(Clone, Copy)]
enum Similar {
    Subcommand,
    Argument,
    Value,
}

fn similar(kind: Similar, names: Vec<String>) -> Pesan {
    let n = names.len();
    let names = names.join(", ");
    match kind {
        Similar::Subcommand => msg::cli_tip_similar_subcommand(n, names),
        Similar::Argument => msg::cli_tip_similar_argument(n, names),
        Similar::Value => msg::cli_tip_similar_value(n, names),
    }
}

/// One of clap's finished tips, by its quoted parts: "to pass 'X' as a
/// value, use 'Y'", "'X' exists", "subcommand 'X' exists; to use it,
/// remove the '--' before it".
fn tip(s: &str) -> Pesan {
    let quoted: Vec<&str> = s.split('\'').skip(1).step_by(2).collect();
    match (s.starts_with("to pass"), s.starts_with("subcommand"), quoted.as_slice()) {
        (true, _, [value, instead]) => msg::cli_tip_pass_as_value(*value, *instead),
        (_, true, [sub, _]) => msg::cli_tip_remove_dashes(*sub),
        (false, false, [exists]) => msg::cli_tip_exists(*exists),
        _ => msg::cli_tip_other(s),
    }
}

/// The usage line clap writes for the command of an error, without clap's
/// `Usage:` (the catalogue's heading is put before it).
fn usage(e: &clap::Error) -> Option<String> {
    match e.get(C::Usage)? {
        ContextValue::StyledStr(s) => {
            let s = s.to_string();
            let line = s.split_once(": ").map_or(s.as_str(), |(_, rest)| rest).trim().to_string();
            Some(line)
        }
        _ => None,
    }
}

fn text(e: &clap::Error, k: C) -> String {
    match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn number(e: &clap::Error, k: C) -> String {
    text(e, k)
}

/// How many values were given, as a count for the plural.
fn count(e: &clap::Error) -> Count {
    match e.get(C::ActualNumValues) {
        Some(ContextValue::Number(n)) => Count::from(*n),
        _ => Count(0),
    }
}

/// A list of names, or nothing when clap gave none.
fn values(e: &clap::Error, k: C) -> Option<String> {
    match e.get(k) {
        Some(ContextValue::Strings(v)) if !v.is_empty() => Some(v.join(", ")),
        _ => None,
    }
}

fn list(e: &clap::Error, k: C) -> String {
    match e.get(k) {
        Some(ContextValue::Strings(v)) => v.iter().map(|s| format!("\n{TAB}{s}")).collect(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| format!("\n{TAB}{s}")).collect(),
        _ => format!("\n{TAB}{}", text(e, k)),
    }
}

/// Why a value did not parse, when the parser says so by key.
fn reason(e: &clap::Error) -> Option<Pesan> {
    let source = std::error::Error::source(e)?;
    if let Some(p) = source.downcast_ref::<Pesan>() {
        return Some(p.clone());
    }
    source.downcast_ref::<std::num::ParseIntError>().map(|p| match p.kind() {
        std::num::IntErrorKind::Empty => msg::cli_int_empty(),
        std::num::IntErrorKind::PosOverflow => msg::cli_int_too_large(),
        std::num::IntErrorKind::NegOverflow => msg::cli_int_too_small(),
        _ => msg::cli_int_digit(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// clap's finished tips of this version, each read by its shape.
    #[test]
    fn every_tip_clap_writes_is_read_by_its_shape() {
        let check = |s: &str, key: &str| assert_eq!(tip(s).key(), key, "{s}");
        check("to pass '-x' as a value, use '-- -x'", "cli.tip_pass_as_value");
        check("to pass 'foo' as a value, use 'kinerja -- foo'", "cli.tip_pass_as_value");
        check("'report --tahun' exists", "cli.tip_exists");
        check("subcommand 'report' exists; to use it, remove the '--' before it", "cli.tip_remove_dashes");
        check("something clap says one day", "cli.tip_other");
    }
}
