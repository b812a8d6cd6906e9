//! Renders the core's formula trees ([`kinerja_core::formula`]) into DuckDB
//! SQL macros.
//!
//! Nothing here knows a SAKIP formula: it translates `Expr` nodes into SQL
//! over exact integer fractions, so a macro computes exactly what
//! `Formula::eval` computes.
//!
//! * Every numeric value is a pair `(num, den)`: `num` a `HUGEINT` SQL
//!   expression, `den` a positive constant or a positive `HUGEINT` SQL
//!   expression. `Number` arguments enter as `x × 10⁶ / 10⁶` (read at six
//!   decimals, exact for every column Kinerja stores); `Fraction` arguments
//!   as `x_num / x_den`.
//! * Sums over equal constant denominators stay on that denominator; a
//!   quotient moves the divisor's sign into the numerator, so denominators
//!   are always positive and comparisons are plain cross-multiplication.
//! * The result is rounded half away from zero to hundredths with integer
//!   division (`kj__hundredths`), the same rule as `Ratio::round2`, and
//!   returned as `DECIMAL(38,2)`, or banded with the core's band table.
//! * `Undefined` is `NULL`; `NULL` propagates as in the core's evaluator.

use kinerja_core::band::BandTable;
use kinerja_core::formula::{ArgKind, CmpOp, Cond, Expr, Formula, Output};
use kinerja_core::model::SourceMarker;
use kinerja_core::skm::{Bobot, Skema};

/// Scale at which `Number` arguments are read.
pub const ARG_SCALE: i128 = 1_000_000;

#[derive(Debug, Clone, PartialEq)]
enum Den {
    Const(i128),
    Sql(String),
}

impl Den {
    fn sql(&self) -> String {
        match self {
            Den::Const(c) => format!("CAST({c} AS HUGEINT)"),
            Den::Sql(s) => s.clone(),
        }
    }
}

#[derive(Debug, Clone)]
struct Q {
    num: String,
    den: Den,
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.abs(), b.abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

fn times(sql: &str, k: i128) -> String {
    if k == 1 { sql.to_string() } else { format!("({sql} * {k})") }
}

fn arg_name(f: &Formula, i: usize) -> &'static str {
    f.args.get(i).map_or("missing_argument", |a| a.name)
}

fn expr(f: &Formula, e: &Expr) -> Q {
    match e {
        Expr::Lit(r) => Q { num: format!("CAST({} AS HUGEINT)", r.numer()), den: Den::Const(r.denom()) },
        Expr::Arg(i) => {
            let name = arg_name(f, *i);
            match f.args.get(*i).map(|a| a.kind) {
                Some(ArgKind::Fraction) => Q {
                    num: format!("CAST({name}_num AS HUGEINT)"),
                    den: Den::Sql(format!("CAST({name}_den AS HUGEINT)")),
                },
                _ => Q { num: format!("kj__scaled({name})"), den: Den::Const(ARG_SCALE) },
            }
        }
        Expr::Add(a, b) => sum(expr(f, a), expr(f, b), "+"),
        Expr::Sub(a, b) => sum(expr(f, a), expr(f, b), "-"),
        Expr::Mul(a, b) => {
            let (a, b) = (expr(f, a), expr(f, b));
            let num = format!("({} * {})", a.num, b.num);
            let den = match (&a.den, &b.den) {
                (Den::Const(x), Den::Const(y)) => Den::Const(x * y),
                _ => Den::Sql(format!("({} * {})", a.den.sql(), b.den.sql())),
            };
            Q { num, den }
        }
        Expr::Div(a, b) => {
            let (a, b) = (expr(f, a), expr(f, b));
            // (an/ad) / (bn/bd) = an·bd·sign(bn) / (ad·|bn|)
            let num = format!("({} * {} * sign({}))", a.num, b.den.sql(), b.num);
            let den = Den::Sql(format!("({} * abs({}))", a.den.sql(), b.num));
            Q { num, den }
        }
        Expr::Max(a, b) | Expr::Min(a, b) => {
            let op = if matches!(e, Expr::Max(..)) { CmpOp::Ge } else { CmpOp::Le };
            let (a, b) = (expr(f, a), expr(f, b));
            let c = compare(op, &a, &b);
            let num = format!(
                "(CASE WHEN {an} IS NULL OR {bn} IS NULL THEN NULL WHEN {c} THEN {an} ELSE {bn} END)",
                an = a.num,
                bn = b.num
            );
            let den = choose(&c, &a.den, &b.den);
            Q { num, den }
        }
        Expr::If(c, a, b) => {
            let c = cond(f, c);
            let (a, b) = (expr(f, a), expr(f, b));
            let num = format!("(CASE WHEN {c} THEN {} ELSE {} END)", a.num, b.num);
            let den = choose(&c, &a.den, &b.den);
            Q { num, den }
        }
        Expr::Undefined(_) => Q { num: "CAST(NULL AS HUGEINT)".into(), den: Den::Const(1) },
    }
}

fn choose(c: &str, a: &Den, b: &Den) -> Den {
    if a == b { a.clone() } else { Den::Sql(format!("(CASE WHEN {c} THEN {} ELSE {} END)", a.sql(), b.sql())) }
}

fn sum(a: Q, b: Q, op: &str) -> Q {
    match (&a.den, &b.den) {
        (Den::Const(x), Den::Const(y)) => {
            let l = x / gcd(*x, *y) * y;
            Q { num: format!("({} {op} {})", times(&a.num, l / x), times(&b.num, l / y)), den: Den::Const(l) }
        }
        _ => Q {
            num: format!("(({} * {}) {op} ({} * {}))", a.num, b.den.sql(), b.num, a.den.sql()),
            den: Den::Sql(format!("({} * {})", a.den.sql(), b.den.sql())),
        },
    }
}

fn compare(op: CmpOp, a: &Q, b: &Q) -> String {
    let o = match op {
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Eq => "=",
        CmpOp::Ge => ">=",
        CmpOp::Gt => ">",
    };
    match (&a.den, &b.den) {
        (Den::Const(x), Den::Const(y)) if x == y => format!("({} {o} {})", a.num, b.num),
        (Den::Const(x), Den::Const(y)) => {
            let l = x / gcd(*x, *y) * y;
            format!("({} {o} {})", times(&a.num, l / x), times(&b.num, l / y))
        }
        _ => format!("(({} * {}) {o} ({} * {}))", a.num, b.den.sql(), b.num, a.den.sql()),
    }
}

fn cond(f: &Formula, c: &Cond) -> String {
    match c {
        Cond::Cmp(op, a, b) => compare(*op, &expr(f, a), &expr(f, b)),
        Cond::TextIs(i, code) => format!("(CAST({} AS VARCHAR) = '{}')", arg_name(f, *i), code.replace('\'', "''")),
        Cond::And(a, b) => format!("({} AND {})", cond(f, a), cond(f, b)),
        Cond::Or(a, b) => format!("({} OR {})", cond(f, a), cond(f, b)),
    }
}

/// `CASE` over the scale a text argument selects; a code without a scale
/// gives `NULL`, as the core's evaluator gives `Undefined`.
fn band_of_case(f: &Formula, text_arg: usize, scales: &[(&str, &'static BandTable)], label: bool, h: &str) -> String {
    let mut s = format!("CASE CAST({} AS VARCHAR)", arg_name(f, text_arg));
    for (code, table) in scales {
        s.push_str(&format!(" WHEN '{}' THEN ({})", code.replace('\'', "''"), band_case(table, label, h)));
    }
    s.push_str(" END");
    s
}

fn band_case(table: &BandTable, label: bool, h: &str) -> String {
    let mut s = format!("CASE WHEN {h} IS NULL THEN NULL");
    if let Some((lo, hi)) = table.range {
        s.push_str(&format!(" WHEN {h} < {lo} OR {h} > {hi} THEN NULL"));
    }
    for b in table.bands {
        let text = if label { b.label } else { b.code };
        if b.min_hundredths == i64::MIN {
            s.push_str(&format!(" ELSE '{text}'"));
        } else {
            s.push_str(&format!(" WHEN {h} >= {} THEN '{text}'", b.min_hundredths));
        }
    }
    s.push_str(" END");
    s
}

/// The SQL parameter list of a formula.
pub fn params(f: &Formula) -> Vec<String> {
    f.args
        .iter()
        .flat_map(|a| match a.kind {
            ArgKind::Fraction => vec![format!("{}_num", a.name), format!("{}_den", a.name)],
            _ => vec![a.name.to_string()],
        })
        .collect()
}

/// `CREATE OR REPLACE MACRO` for one formula.
pub fn macro_sql(f: &Formula) -> String {
    let q = expr(f, &f.body);
    let h = format!("kj__hundredths({}, {})", q.num, q.den.sql());
    let body = match f.output {
        Output::Round2 => format!("kj__from_hundredths({h})"),
        Output::BandCode(t) => band_case(t, false, &h),
        Output::BandLabel(t) => band_case(t, true, &h),
        Output::BandOf { text_arg, scales, label } => band_of_case(f, text_arg, scales, label, &h),
    };
    format!("CREATE OR REPLACE MACRO {}({}) AS ({body});", f.name, params(f).join(", "))
}

/// The helper macros every formula macro uses, and the exact sum of
/// fractions the views use to add NRR without rounding: over the least
/// common multiple `L` of the denominators, `Σ nᵢ/dᵢ = (Σ nᵢ·L/dᵢ) / L`.
pub fn helpers_sql() -> String {
    format!(
        "CREATE OR REPLACE MACRO kj__scaled(x) AS CAST(CAST(x AS DECIMAL(38,6)) * {ARG_SCALE} AS HUGEINT);\n\
         CREATE OR REPLACE MACRO kj__scale() AS CAST({ARG_SCALE} AS HUGEINT);\n\
         CREATE OR REPLACE MACRO kj__hundredths(n, d) AS sign(n) * ((abs(n) * 200 + d) // (2 * d));\n\
         CREATE OR REPLACE MACRO kj__from_hundredths(h) AS CAST(CAST(h AS DECIMAL(38,0)) * 0.01 AS DECIMAL(38,2));\n\
         CREATE OR REPLACE MACRO kj__sum_q_den(ds) AS list_reduce(list_transform(ds, lambda d: CAST(d AS HUGEINT)), lambda x, y: lcm(x, y));\n\
         CREATE OR REPLACE MACRO kj__sum_q_num(ns, ds) AS list_sum(list_transform(ns, lambda x, i: CAST(x AS HUGEINT) * (kj__sum_q_den(ds) // CAST(ds[i] AS HUGEINT))));\n"
    )
}

/// The core's data rules that SQL needs besides formulas: the synthetic
/// marker ([`kinerja_core::model::SINTETIS`]) and the default SKM scheme
/// and weight ([`Skema::default`], [`Bobot::default`]).
pub fn rules_sql() -> String {
    format!(
        "CREATE OR REPLACE MACRO kj_sintetis(sumber) AS coalesce(regexp_matches(sumber, '{}'), false);\n\
         CREATE OR REPLACE MACRO kj_skema_skm(skema) AS coalesce(skema, '{}');\n\
         CREATE OR REPLACE MACRO kj_bobot_ikm(bobot) AS coalesce(bobot, '{}');\n",
        marker_regex(&kinerja_core::model::SINTETIS),
        Skema::default().code(),
        Bobot::default().code()
    )
}

/// A [`SourceMarker`] as a regular expression: leading spaces, then each
/// letter of the prefix in either ASCII case (`^ *[sS][iI]…`).
fn marker_regex(m: &SourceMarker) -> String {
    let mut re = String::from("^ *");
    for c in m.prefix.chars() {
        if c.is_ascii_alphabetic() {
            re.push_str(&format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase()));
        } else if c.is_ascii_alphanumeric() || c == ' ' {
            re.push(c);
        } else {
            re.push_str(&format!("\\x{{{:x}}}", u32::from(c)));
        }
    }
    re
}

/// All macros: helpers, the data rules, then every formula of the core's
/// catalogue.
pub fn all_macros_sql() -> String {
    let mut s = helpers_sql();
    s.push_str(&rules_sql());
    for f in kinerja_core::catalogue() {
        s.push_str(&macro_sql(&f));
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_formula_renders_with_its_parameters() {
        for f in kinerja_core::catalogue() {
            let sql = macro_sql(&f);
            assert!(sql.starts_with(&format!("CREATE OR REPLACE MACRO {}(", f.name)), "{sql}");
            for p in params(&f) {
                assert!(sql.contains(&p), "{} lacks {p}", f.name);
            }
            assert!(!sql.contains("missing_argument"), "{sql}");
        }
    }

    #[test]
    fn constant_denominators_are_folded() {
        let f = kinerja_core::anggaran::formulas().into_iter().find(|f| f.name == "kj_sisa").unwrap();
        assert_eq!(
            macro_sql(&f),
            "CREATE OR REPLACE MACRO kj_sisa(anggaran, realisasi) AS (kj__from_hundredths(kj__hundredths((kj__scaled(anggaran) - kj__scaled(realisasi)), CAST(1000000 AS HUGEINT))));"
        );
    }
}
