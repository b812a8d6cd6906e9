//! Formulas as data: one definition, evaluated here and rendered to SQL by
//! the store.
//!
//! A SAKIP formula is written once, as a small expression tree ([`Expr`])
//! over exact fractions. The Rust API of this crate evaluates that tree
//! ([`Formula::eval`]); `kinerja-store` renders the same tree into a DuckDB
//! SQL macro. Neither side writes the arithmetic a second time, and a
//! differential test evaluates both on a dense grid of inputs.
//!
//! This module is the language only: it knows no SAKIP formula. The
//! formulas themselves live in the domain modules, and
//! [`crate::catalogue`] lists them.
//!
//! Semantics are SQL's: an [`Expr::Undefined`] result (e.g. capaian against
//! a zero target) is `NULL` in SQL and [`Error::Undefined`] in Rust; a
//! condition on an undefined value is false; `Max`/`Min` of an undefined
//! value are undefined.

use std::fmt;

use crate::band::{Band, BandTable};
use crate::exact::Ratio;
use crate::{Error, Result};
use kinerja_pesan::{Pesan, msg};

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `=`
    Eq,
    /// `>=`
    Ge,
    /// `>`
    Gt,
}

/// A numeric expression over exact fractions.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// An exact constant.
    Lit(Ratio),
    /// The numeric argument at this position.
    Arg(usize),
    /// Sum.
    Add(Box<Expr>, Box<Expr>),
    /// Difference.
    Sub(Box<Expr>, Box<Expr>),
    /// Product.
    Mul(Box<Expr>, Box<Expr>),
    /// Quotient (formulas guard their denominators).
    Div(Box<Expr>, Box<Expr>),
    /// Larger of two values.
    Max(Box<Expr>, Box<Expr>),
    /// Smaller of two values.
    Min(Box<Expr>, Box<Expr>),
    /// `if cond { then } else { otherwise }`.
    If(Box<Cond>, Box<Expr>, Box<Expr>),
    /// No defined value, with the reason (SQL `NULL`).
    Undefined(Pesan),
}

/// A condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    /// Exact comparison of two numbers.
    Cmp(CmpOp, Box<Expr>, Box<Expr>),
    /// The text argument at this position equals a code.
    TextIs(usize, &'static str),
    /// Both.
    And(Box<Cond>, Box<Cond>),
    /// Either.
    Or(Box<Cond>, Box<Cond>),
}

/// Builders that keep formula definitions readable.
pub mod build {
    use super::{CmpOp, Cond, Expr};
    use crate::exact::Ratio;

    /// Numeric argument `i`.
    pub fn arg(i: usize) -> Expr {
        Expr::Arg(i)
    }
    /// Integer constant.
    pub fn int(n: i128) -> Expr {
        Expr::Lit(Ratio::int(n))
    }
    /// Exact constant.
    pub fn lit(r: Ratio) -> Expr {
        Expr::Lit(r)
    }
    /// `a + b`
    pub fn add(a: Expr, b: Expr) -> Expr {
        Expr::Add(Box::new(a), Box::new(b))
    }
    /// `a - b`
    pub fn sub(a: Expr, b: Expr) -> Expr {
        Expr::Sub(Box::new(a), Box::new(b))
    }
    /// `a × b`
    pub fn mul(a: Expr, b: Expr) -> Expr {
        Expr::Mul(Box::new(a), Box::new(b))
    }
    /// `a / b`
    pub fn div(a: Expr, b: Expr) -> Expr {
        Expr::Div(Box::new(a), Box::new(b))
    }
    /// `max(a, b)`
    pub fn max(a: Expr, b: Expr) -> Expr {
        Expr::Max(Box::new(a), Box::new(b))
    }
    /// `min(a, b)`
    pub fn min(a: Expr, b: Expr) -> Expr {
        Expr::Min(Box::new(a), Box::new(b))
    }
    /// `if c { a } else { b }`
    pub fn iff(c: Cond, a: Expr, b: Expr) -> Expr {
        Expr::If(Box::new(c), Box::new(a), Box::new(b))
    }
    /// Undefined, with a reason.
    pub fn undefined(why: kinerja_pesan::Pesan) -> Expr {
        Expr::Undefined(why)
    }
    /// Comparison.
    pub fn cmp(op: CmpOp, a: Expr, b: Expr) -> Cond {
        Cond::Cmp(op, Box::new(a), Box::new(b))
    }
    /// Text argument `i` equals `code`.
    pub fn text_is(i: usize, code: &'static str) -> Cond {
        Cond::TextIs(i, code)
    }
}

/// The kind of one argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    /// A decimal number (SQL: any exact numeric, read at six decimals).
    Number,
    /// An exact fraction, passed to SQL as two integers `<name>_num`,
    /// `<name>_den` (used where a view sums fractions exactly).
    Fraction,
    /// A text code (SQL `VARCHAR`) out of a closed set, e.g. polaritas
    /// `'positif'`/`'negatif'`; the codes are listed so tests can try each.
    Text(&'static [&'static str]),
}

/// One argument of a formula.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgSpec {
    /// Name (also the SQL parameter name).
    pub name: &'static str,
    /// Kind.
    pub kind: ArgKind,
}

/// What a formula returns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Output {
    /// The value rounded half-up to two decimals.
    Round2,
    /// The code of the band the value falls in (`"BB"`).
    BandCode(&'static BandTable),
    /// The label of the band the value falls in (`"Sangat Baik"`).
    BandLabel(&'static BandTable),
    /// The band under the scale that a text argument selects (an indicator's
    /// jenis, an SKM skema): its code, or its label when `label` is true. A
    /// code without a scale has no band (SQL `NULL`).
    BandOf {
        /// Position of the text argument that selects the scale.
        text_arg: usize,
        /// `(code, scale)` pairs.
        scales: &'static [(&'static str, &'static BandTable)],
        /// Label instead of code.
        label: bool,
    },
}

impl Output {
    /// The scale a formula's value is banded on for these arguments:
    /// `Ok(None)` for a rounded number, `Err(Undefined)` when the selecting
    /// code has no scale.
    fn scale(&self, name: &'static str, args: &[Value<'_>]) -> Result<Option<(&'static BandTable, bool)>> {
        Ok(match *self {
            Output::Round2 => None,
            Output::BandCode(t) => Some((t, false)),
            Output::BandLabel(t) => Some((t, true)),
            Output::BandOf { text_arg, scales, label } => {
                let code = match args.get(text_arg) {
                    Some(Value::Text(t)) => Some(*t),
                    Some(Value::Null) => None,
                    _ => {
                        return Err(Error::Invalid {
                            what: msg::core_what_formula_argument(),
                            expected: msg::core_expected_text_code(),
                            found: msg::core_found_argument(text_arg).into(),
                        });
                    }
                };
                match code.and_then(|c| scales.iter().find(|(k, _)| *k == c)) {
                    Some((_, t)) => Some((*t, label)),
                    None => return Err(Error::Undefined { what: name, why: msg::core_why_no_scale() }),
                }
            }
        })
    }
}

/// An argument value for [`Formula::eval`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    /// A number or fraction.
    Num(Ratio),
    /// A text code.
    Text(&'a str),
    /// Missing (SQL `NULL`).
    Null,
}

/// What [`Formula::eval_output`] returns: the formula's presented result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// A rounded number.
    Number(rust_decimal::Decimal),
    /// A band label or code.
    Text(&'static str),
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Number(d) => write!(f, "{d}"),
            Outcome::Text(t) => f.write_str(t),
        }
    }
}

/// A named formula: SQL macro name, arguments, body and output.
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    /// SQL macro name (`kj_capaian`).
    pub name: &'static str,
    /// The formula in words, with its regulation.
    pub doc: &'static str,
    /// Arguments, in order.
    pub args: Vec<ArgSpec>,
    /// The value.
    pub body: Expr,
    /// How the value is presented.
    pub output: Output,
}

impl Formula {
    /// Evaluates the body exactly. `Err(Error::Undefined)` where SQL gives
    /// `NULL`.
    pub fn eval(&self, args: &[Value<'_>]) -> Result<Ratio> {
        if args.len() != self.args.len() {
            return Err(Error::Arity { formula: self.name, expected: self.args.len(), found: args.len() });
        }
        match eval(&self.body, args)? {
            Ok(v) => Ok(v),
            Err(why) => Err(Error::Undefined { what: self.name, why }),
        }
    }

    /// Evaluates and presents: rounded number or band.
    pub fn eval_output(&self, args: &[Value<'_>]) -> Result<Outcome> {
        let scale = self.output.scale(self.name, args)?;
        let v = self.eval(args)?;
        Ok(match scale {
            None => Outcome::Number(v.round2()?),
            Some((t, false)) => Outcome::Text(t.classify(v)?.code),
            Some((t, true)) => Outcome::Text(t.classify(v)?.label),
        })
    }

    /// The band of the evaluated value, for band outputs.
    pub fn band(&self, args: &[Value<'_>]) -> Result<&'static Band> {
        match self.output.scale(self.name, args)? {
            Some((t, _)) => t.classify(self.eval(args)?),
            None => Err(Error::Invalid {
                what: msg::core_what_formula_output(),
                expected: msg::core_expected_band_formula(),
                found: crate::quoted(self.name),
            }),
        }
    }
}

/// `Ok(Ok(v))` a value, `Ok(Err(reason))` undefined, `Err` an arithmetic
/// failure (overflow, or a formula dividing by zero unguarded).
type Eval = Result<std::result::Result<Ratio, Pesan>>;

fn eval(e: &Expr, args: &[Value<'_>]) -> Eval {
    use std::result::Result::{Err as U, Ok as V};
    let bin = |a: &Expr, b: &Expr, f: &dyn Fn(Ratio, Ratio) -> Result<Ratio>| -> Eval {
        let a = eval(a, args)?;
        let b = eval(b, args)?;
        Ok(match (a, b) {
            (V(a), V(b)) => V(f(a, b)?),
            (U(w), _) | (_, U(w)) => U(w),
        })
    };
    match e {
        Expr::Lit(r) => Ok(V(*r)),
        Expr::Arg(i) => match args.get(*i) {
            Some(Value::Num(r)) => Ok(V(*r)),
            Some(Value::Null) => Ok(U(msg::core_why_argument_missing())),
            Some(Value::Text(_)) | None => Err(Error::Invalid {
                what: msg::core_what_formula_argument(),
                expected: msg::core_expected_a_number(),
                found: msg::core_found_argument(*i).into(),
            }),
        },
        Expr::Add(a, b) => bin(a, b, &|a, b| a.checked_add(b)),
        Expr::Sub(a, b) => bin(a, b, &|a, b| a.checked_sub(b)),
        Expr::Mul(a, b) => bin(a, b, &|a, b| a.checked_mul(b)),
        Expr::Div(a, b) => bin(a, b, &|a, b| a.checked_div(b)),
        Expr::Max(a, b) => bin(a, b, &|a, b| Ok(a.max(b))),
        Expr::Min(a, b) => bin(a, b, &|a, b| Ok(a.min(b))),
        Expr::If(c, a, b) => {
            if cond(c, args)? == Some(true) {
                eval(a, args)
            } else {
                eval(b, args)
            }
        }
        Expr::Undefined(why) => Ok(U(why.clone())),
    }
}

fn cond(c: &Cond, args: &[Value<'_>]) -> Result<Option<bool>> {
    Ok(match c {
        Cond::Cmp(op, a, b) => match (eval(a, args)?, eval(b, args)?) {
            (Ok(a), Ok(b)) => Some(match op {
                CmpOp::Lt => a < b,
                CmpOp::Le => a <= b,
                CmpOp::Eq => a == b,
                CmpOp::Ge => a >= b,
                CmpOp::Gt => a > b,
            }),
            _ => None,
        },
        Cond::TextIs(i, code) => match args.get(*i) {
            Some(Value::Text(t)) => Some(t == code),
            Some(Value::Null) => None,
            _ => {
                return Err(Error::Invalid {
                    what: msg::core_what_formula_argument(),
                    expected: msg::core_expected_text_code(),
                    found: msg::core_found_argument(*i).into(),
                });
            }
        },
        // SQL three-valued logic.
        Cond::And(a, b) => match (cond(a, args)?, cond(b, args)?) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (Some(true), Some(true)) => Some(true),
            _ => None,
        },
        Cond::Or(a, b) => match (cond(a, args)?, cond(b, args)?) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(false), Some(false)) => Some(false),
            _ => None,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::build::*;
    use super::*;

    fn check(f: &Formula, args: &[Value<'_>], expect: &str) {
        let got = match f.eval_output(args) {
            Ok(o) => o.to_string(),
            Err(Error::Undefined { .. }) => "NULL".to_string(),
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(got, expect);
    }

    fn f(body: Expr) -> Formula {
        Formula {
            name: "t",
            doc: "",
            args: vec![ArgSpec { name: "a", kind: ArgKind::Number }, ArgSpec { name: "b", kind: ArgKind::Number }],
            body,
            output: Output::Round2,
        }
    }

    #[test]
    fn null_semantics_follow_sql() {
        let n = |x: i128| Value::Num(Ratio::int(x));
        check(&f(max(arg(0), arg(1))), &[n(1), Value::Null], "NULL");
        check(&f(div(arg(0), arg(1))), &[n(1), n(3)], "0.33");
        check(&f(iff(cmp(CmpOp::Gt, arg(0), arg(1)), int(1), int(2))), &[Value::Null, n(3)], "2.00");
        check(&f(undefined(kinerja_pesan::msg::core_why_no_values())), &[n(1), n(1)], "NULL");
        check(&f(div(arg(0), arg(1))), &[n(1), n(0)], "error: division by zero");
    }

    #[test]
    fn catalogue_names_are_unique_sql_identifiers() {
        let all = crate::catalogue();
        let mut names: Vec<_> = all.iter().map(|f| f.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len());
        assert!(names.iter().all(|n| {
            n.starts_with("kj_") && n.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        }));
    }
}
