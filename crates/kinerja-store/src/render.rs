//! Renders the core's formula trees ([`kinerja_core::formula`]) into DuckDB
//! SQL macros, and inline into Spark SQL ([`Dialect`], used by
//! [`crate::spark`]).
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

use std::fmt;

use kinerja_core::band::BandTable;
use kinerja_core::formula::{ArgKind, CmpOp, Cond, Expr, Formula, Output};
use kinerja_core::model::SourceMarker;
use kinerja_core::skm::{Bobot, Skema};

/// Scale at which `Number` arguments are read.
pub const ARG_SCALE: i128 = 1_000_000;

/// The SQL a formula is rendered in.
///
/// Both dialects compute on exact integers: DuckDB on `HUGEINT` through the
/// `kj__*` helper macros, Spark SQL on `DECIMAL(38,0)` with the helpers
/// written out inline (Spark SQL has no macros). Spark's `div` on decimals
/// is exact integer division, and in ANSI mode an overflow is an error, not
/// a rounded or `NULL` value; `sign()` is avoided there because Spark's
/// returns a `DOUBLE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// DuckDB (the store's own macros and views).
    DuckDb,
    /// Apache Spark SQL (`scripts/spark`).
    Spark,
}

impl Dialect {
    fn int(self) -> &'static str {
        match self {
            Dialect::DuckDb => "HUGEINT",
            Dialect::Spark => "DECIMAL(38,0)",
        }
    }

    fn text(self) -> &'static str {
        match self {
            Dialect::DuckDb => "VARCHAR",
            Dialect::Spark => "STRING",
        }
    }

    /// `x` read at six decimals, as an integer (`kj__scaled`).
    pub(crate) fn scaled(self, x: &str) -> String {
        match self {
            Dialect::DuckDb => format!("kj__scaled({x})"),
            Dialect::Spark => format!("CAST(CAST({x} AS DECIMAL(38,6)) * {ARG_SCALE} AS DECIMAL(38,0))"),
        }
    }

    /// `n / d` rounded half away from zero to hundredths, as an integer
    /// (`kj__hundredths`; `d` is positive).
    fn hundredths(self, n: &str, d: &str) -> String {
        match self {
            Dialect::DuckDb => format!("kj__hundredths({n}, {d})"),
            Dialect::Spark => format!(
                "(CASE WHEN {n} < 0 THEN -((-({n}) * 200 + {d}) div (2 * {d})) ELSE ((({n}) * 200 + {d}) div (2 * {d})) END)"
            ),
        }
    }

    /// Hundredths as `DECIMAL(38,2)` (`kj__from_hundredths`).
    fn decimal_of_hundredths(self, h: &str) -> String {
        match self {
            Dialect::DuckDb => format!("kj__from_hundredths({h})"),
            Dialect::Spark => format!("CAST(CAST({h} AS DECIMAL(38,0)) * 0.01 AS DECIMAL(38,2))"),
        }
    }

    fn sign(self, x: &str) -> String {
        match self {
            Dialect::DuckDb => format!("sign({x})"),
            Dialect::Spark => format!("(CASE WHEN {x} > 0 THEN 1 WHEN {x} < 0 THEN -1 ELSE 0 END)"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Den {
    Const(i128),
    Sql(String),
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

/// Renders one formula: in a dialect, with its parameters either named (a
/// macro body) or bound to SQL expressions (written out inline).
struct Renderer<'a> {
    f: &'a Formula,
    d: Dialect,
    /// For inline rendering: one SQL expression per [`params`] entry.
    bound: Option<&'a [String]>,
}

impl Renderer<'_> {
    fn int(&self, v: impl fmt::Display) -> String {
        format!("CAST({v} AS {})", self.d.int())
    }

    fn den(&self, den: &Den) -> String {
        match den {
            Den::Const(c) => self.int(c),
            Den::Sql(s) => s.clone(),
        }
    }

    /// A parameter by name: itself in a macro, its bound expression inline.
    fn param(&self, name: &str) -> String {
        match self.bound {
            None => name.to_string(),
            Some(bound) => {
                let i = params(self.f).iter().position(|p| p == name);
                i.and_then(|i| bound.get(i)).map_or_else(|| "missing_argument".into(), |e| format!("({e})"))
            }
        }
    }

    fn arg_name(&self, i: usize) -> &'static str {
        self.f.args.get(i).map_or("missing_argument", |a| a.name)
    }

    fn expr(&self, e: &Expr) -> Q {
        match e {
            Expr::Lit(r) => Q { num: self.int(r.numer()), den: Den::Const(r.denom()) },
            Expr::Arg(i) => {
                let name = self.arg_name(*i);
                match self.f.args.get(*i).map(|a| a.kind) {
                    Some(ArgKind::Fraction) => Q {
                        num: self.int(self.param(&format!("{name}_num"))),
                        den: Den::Sql(self.int(self.param(&format!("{name}_den")))),
                    },
                    _ => Q { num: self.d.scaled(&self.param(name)), den: Den::Const(ARG_SCALE) },
                }
            }
            Expr::Add(a, b) => self.sum(self.expr(a), self.expr(b), "+"),
            Expr::Sub(a, b) => self.sum(self.expr(a), self.expr(b), "-"),
            Expr::Mul(a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                let num = format!("({} * {})", a.num, b.num);
                let den = match (&a.den, &b.den) {
                    (Den::Const(x), Den::Const(y)) => Den::Const(x * y),
                    _ => Den::Sql(format!("({} * {})", self.den(&a.den), self.den(&b.den))),
                };
                Q { num, den }
            }
            Expr::Div(a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                // (an/ad) / (bn/bd) = an·bd·sign(bn) / (ad·|bn|)
                let num = format!("({} * {} * {})", a.num, self.den(&b.den), self.d.sign(&b.num));
                let den = Den::Sql(format!("({} * abs({}))", self.den(&a.den), b.num));
                Q { num, den }
            }
            Expr::Max(a, b) | Expr::Min(a, b) => {
                let op = if matches!(e, Expr::Max(..)) { CmpOp::Ge } else { CmpOp::Le };
                let (a, b) = (self.expr(a), self.expr(b));
                let c = self.compare(op, &a, &b);
                let num = format!(
                    "(CASE WHEN {an} IS NULL OR {bn} IS NULL THEN NULL WHEN {c} THEN {an} ELSE {bn} END)",
                    an = a.num,
                    bn = b.num
                );
                let den = self.choose(&c, &a.den, &b.den);
                Q { num, den }
            }
            Expr::If(c, a, b) => {
                let c = self.cond(c);
                let (a, b) = (self.expr(a), self.expr(b));
                let num = format!("(CASE WHEN {c} THEN {} ELSE {} END)", a.num, b.num);
                let den = self.choose(&c, &a.den, &b.den);
                Q { num, den }
            }
            Expr::Undefined(_) => Q { num: self.int("NULL"), den: Den::Const(1) },
        }
    }

    fn choose(&self, c: &str, a: &Den, b: &Den) -> Den {
        if a == b {
            a.clone()
        } else {
            Den::Sql(format!("(CASE WHEN {c} THEN {} ELSE {} END)", self.den(a), self.den(b)))
        }
    }

    fn sum(&self, a: Q, b: Q, op: &str) -> Q {
        match (&a.den, &b.den) {
            (Den::Const(x), Den::Const(y)) => {
                let l = x / gcd(*x, *y) * y;
                Q { num: format!("({} {op} {})", times(&a.num, l / x), times(&b.num, l / y)), den: Den::Const(l) }
            }
            _ => Q {
                num: format!("(({} * {}) {op} ({} * {}))", a.num, self.den(&b.den), b.num, self.den(&a.den)),
                den: Den::Sql(format!("({} * {})", self.den(&a.den), self.den(&b.den))),
            },
        }
    }

    fn compare(&self, op: CmpOp, a: &Q, b: &Q) -> String {
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
            _ => format!("(({} * {}) {o} ({} * {}))", a.num, self.den(&b.den), b.num, self.den(&a.den)),
        }
    }

    fn text_arg(&self, i: usize) -> String {
        format!("CAST({} AS {})", self.param(self.arg_name(i)), self.d.text())
    }

    fn cond(&self, c: &Cond) -> String {
        match c {
            Cond::Cmp(op, a, b) => self.compare(*op, &self.expr(a), &self.expr(b)),
            Cond::TextIs(i, code) => format!("({} = '{}')", self.text_arg(*i), code.replace('\'', "''")),
            Cond::And(a, b) => format!("({} AND {})", self.cond(a), self.cond(b)),
            Cond::Or(a, b) => format!("({} OR {})", self.cond(a), self.cond(b)),
        }
    }

    /// `CASE` over the scale a text argument selects; a code without a scale
    /// gives `NULL`, as the core's evaluator gives `Undefined`.
    fn band_of_case(&self, text_arg: usize, scales: &[(&str, &'static BandTable)], label: bool, h: &str) -> String {
        let mut s = format!("CASE {}", self.text_arg(text_arg));
        for (code, table) in scales {
            s.push_str(&format!(" WHEN '{}' THEN ({})", code.replace('\'', "''"), band_case(table, label, h)));
        }
        s.push_str(" END");
        s
    }

    /// The formula's value: a rounded number or a band.
    fn value(&self) -> String {
        let q = self.expr(&self.f.body);
        let h = self.d.hundredths(&q.num, &self.den(&q.den));
        match self.f.output {
            Output::Round2 => self.d.decimal_of_hundredths(&h),
            Output::BandCode(t) => band_case(t, false, &h),
            Output::BandLabel(t) => band_case(t, true, &h),
            Output::BandOf { text_arg, scales, label } => self.band_of_case(text_arg, scales, label, &h),
        }
    }
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
    let body = Renderer { f, d: Dialect::DuckDb, bound: None }.value();
    format!("CREATE OR REPLACE MACRO {}({}) AS ({body});", f.name, params(f).join(", "))
}

/// One formula written out inline in a dialect, its parameters ([`params`],
/// in order) bound to the SQL expressions `args`. `None` when the number of
/// expressions is not the number of parameters.
///
/// ```
/// use kinerja_store::render::{Dialect, inline_sql};
/// let f = kinerja_core::anggaran::formulas().into_iter().find(|f| f.name == "kj_sisa").unwrap();
/// let sql = inline_sql(&f, Dialect::Spark, &["p.anggaran".into(), "p.realisasi".into()]).unwrap();
/// assert!(sql.contains("CAST((p.anggaran) AS DECIMAL(38,6))") && sql.contains(" div "));
/// ```
pub fn inline_sql(f: &Formula, d: Dialect, args: &[String]) -> Option<String> {
    (args.len() == params(f).len()).then(|| format!("({})", Renderer { f, d, bound: Some(args) }.value()))
}

/// The helper macros every formula macro uses, and the exact sum of
/// fractions the views use to add NRR without rounding: over the least
/// common multiple `L` of the denominators, `Σ nᵢ/dᵢ = (Σ nᵢ·L/dᵢ) / L`
/// (`kj__sum_q_den(ds)` is `L`; `kj__sum_q_num(ns, ds, l)` the numerator,
/// given `L` as `l`, a column computed before: a macro's argument is
/// written out wherever it is used, so an expression there would be
/// evaluated again for every fraction).
pub fn helpers_sql() -> String {
    format!(
        "CREATE OR REPLACE MACRO kj__scaled(x) AS CAST(CAST(x AS DECIMAL(38,6)) * {ARG_SCALE} AS HUGEINT);\n\
         CREATE OR REPLACE MACRO kj__scale() AS CAST({ARG_SCALE} AS HUGEINT);\n\
         CREATE OR REPLACE MACRO kj__hundredths(n, d) AS sign(n) * ((abs(n) * 200 + d) // (2 * d));\n\
         CREATE OR REPLACE MACRO kj__from_hundredths(h) AS CAST(CAST(h AS DECIMAL(38,0)) * 0.01 AS DECIMAL(38,2));\n\
         CREATE OR REPLACE MACRO kj__sum_q_den(ds) AS list_reduce(list_transform(ds, lambda d: CAST(d AS HUGEINT)), lambda x, y: lcm(x, y));\n\
         CREATE OR REPLACE MACRO kj__sum_q_num(ns, ds, l) AS list_sum(list_transform(ns, lambda x, i: CAST(x AS HUGEINT) * (l // CAST(ds[i] AS HUGEINT))));\n"
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

/// A call of a rule or helper as Spark SQL: the counterpart of
/// [`rules_sql`] and [`helpers_sql`] (Spark SQL has no macros), and of a
/// formula through [`inline_sql`]. `args` are Spark SQL expressions; `None`
/// for a name this module does not define or a wrong number of arguments.
///
/// The exact sum of fractions takes one array of `(j, n)` structs (a
/// `collect_list(named_struct('j', jumlah, 'n', n))`, one list so that
/// numerators and denominators cannot be paired out of order) and sums
/// `Σ jᵢ/nᵢ` over the product of the denominators: not reduced, exact, and
/// an error rather than a wrong value should the product overflow 38
/// digits.
pub fn spark_call(name: &str, args: &[String]) -> Option<String> {
    let d = Dialect::Spark;
    let int = |x: &str| format!("CAST({x} AS {})", d.int());
    let one = |a: &[String]| (a.len() == 1).then(|| a[0].clone());
    Some(match name {
        "kj_sintetis" => {
            format!("coalesce(({}) RLIKE '{}', false)", one(args)?, marker_regex(&kinerja_core::model::SINTETIS))
        }
        "kj_skema_skm" => format!("coalesce({}, '{}')", one(args)?, Skema::default().code()),
        "kj_bobot_ikm" => format!("coalesce({}, '{}')", one(args)?, Bobot::default().code()),
        "kj__scaled" => d.scaled(&one(args)?),
        "kj__scale" if args.is_empty() => int(&ARG_SCALE.to_string()),
        "kj__sum_q_den" => {
            format!("aggregate({}, {}, (a, x) -> a * {})", one(args)?, int("1"), int("x.n"))
        }
        "kj__sum_q_num" => format!(
            "aggregate({}, named_struct('n', {}, 'd', {}), (a, x) -> named_struct('n', a.n * {n} + {j} * a.d, 'd', a.d * {n}), a -> a.n)",
            one(args)?,
            int("0"),
            int("1"),
            n = int("x.n"),
            j = int("x.j")
        ),
        _ => {
            let f = kinerja_core::catalogue().into_iter().find(|f| f.name == name)?;
            inline_sql(&f, d, args)?
        }
    })
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
