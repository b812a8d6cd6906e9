//! The charts of the LKjIP as standalone SVG strings: horizontal bar charts ([`bars`]: capaian
//! per indikator, AKIP komponen against their bobot, NRR per unsur against the mutu bands), line
//! charts over years ([`lines`]: realisasi and target with the Renstra's goal), and what each
//! shows in one sentence for readers that cannot see it ([`alt_bars`], [`alt_lines`]).
//!
//! Hand-written SVG, not a plotting crate: a chart is a few dozen elements, and writing them
//! directly keeps every coordinate exact — computed in [`Decimal`] from the report's figures,
//! rounded to two decimals — with no float arithmetic (denied in this workspace) and no
//! dependency. A plotting crate would bring floats, fonts and output that changes between its
//! versions; here the same figures always give the same bytes.
//!
//! Black-and-white rule: an LKjIP is printed and photocopied, so nothing is told by colour alone.
//! Bars are dark grey (`#555`), highlighted bars black, maxima white with a grey outline; series
//! differ by marker shape (circle, square, triangle, then hollow) and dash pattern; gridlines are
//! light grey. Visible numbers are Indonesian (`88,65%`, `2.960.780.030`); coordinates use `.`.

use kinerja_core::Decimal;
use kinerja_core::notation::format_number;

/// Width of every chart in SVG user units (pixels at 100 %).
const WIDTH: i64 = 600;
/// Fonts a printed report has, serif like its text.
const FONT: &str = "Liberation Serif, Times New Roman, serif";
/// Category labels longer than this many characters are shortened with `…`.
const LABEL_MAX: usize = 38;

/// Bar chart: labels end left of `BAR_X0`, bars run `BAR_LEN` to its right (room for the value
/// label after the longest bar); reference labels above `BAR_TOP`, tick labels below the bars.
const BAR_X0: i64 = 230;
const BAR_LEN: i64 = 280;
const BAR_TOP: i64 = 34;
const BAR_ROW: i64 = 26;
const BAR_H: i64 = 16;
const BAR_BOTTOM: i64 = 26;

/// Line chart: the legend above `LINE_TOP`, tick labels left of `LINE_X0`, years below.
const LINE_HEIGHT: i64 = 300;
const LINE_X0: i64 = 80;
const LINE_LEN: i64 = 490;
const LINE_TOP: i64 = 50;
const LINE_H: i64 = 200;

const GRID: &str = r##"stroke="#ccc""##;
const AXIS: &str = r##"stroke="#000""##;
const BAR_FILL: &str = r##"fill="#555""##;
const BAR_HIGHLIGHT: &str = r##"fill="#000""##;
const OUTLINE: &str = r##"fill="#fff" stroke="#888""##;
const REFERENCE: &str = r##"stroke="#000" stroke-dasharray="4 3""##;
const GOAL: &str = r##"stroke="#000" stroke-dasharray="1 3""##;
const SOLID: &str = r##"stroke="#000" stroke-width="1.5""##;
const DASHED: &str = r##"stroke="#000" stroke-width="1.5" stroke-dasharray="6 4""##;
/// Extra attributes of the smaller labels (values, reference lines): a white
/// halo keeps them legible where they cross a line or a gridline.
const SMALL: &str = r##" font-size="10" paint-order="stroke" stroke="#fff" stroke-width="3" stroke-linejoin="round""##;

/// One bar of a bar chart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bar {
    /// Category label, left of the bar (shortened beyond 38 characters).
    pub label: String,
    /// The value; `None` draws no bar and labels it `–`.
    pub value: Option<Decimal>,
    /// A maximum drawn as an outlined bar behind the value (a komponen's bobot).
    pub max: Option<Decimal>,
    /// Drawn black instead of grey, its label bold (the total, this kecamatan).
    pub highlight: bool,
}

/// A horizontal bar chart: one bar per item (value label at its end, "–"
/// when None), optional per-bar maximum drawn as an outlined bar behind it
/// (AKIP komponen against its bobot), optional vertical reference lines
/// with labels (mutu band thresholds of NRR, a 100 % line).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bars {
    /// The bars, top to bottom.
    pub items: Vec<Bar>,
    /// The scale reaches at least this far (100 for percentages, 4 for NRR),
    /// further when a value, maximum or reference line is larger.
    pub scale_max: Decimal,
    /// Appended to every value label as given: `""` or `"%"` (`88,65%`).
    pub unit: String,
    /// Decimals of the value labels.
    pub dp: u32,
    /// Vertical reference lines: position and label.
    pub lines: Vec<(Decimal, String)>,
}

/// One series of a line chart over years.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Series {
    /// Name in the legend: `Realisasi`, `Target`.
    pub name: String,
    /// One per year of [`Lines::years`]; `None` is a gap in the line.
    pub points: Vec<Option<Decimal>>,
    /// Drawn dashed (a target) instead of solid (a realisasi).
    pub dashed: bool,
}

/// A line chart over years: realisasi and target per year, with an optional
/// goal marker (the Renstra's final-year target) drawn as a labelled
/// horizontal dotted line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lines {
    /// The years along the x axis, left to right.
    pub years: Vec<i32>,
    /// The series; the first three get a filled circle, square and triangle.
    pub series: Vec<Series>,
    /// The goal and its label: `(95, "Target Renstra 2026")`.
    pub goal: Option<(Decimal, String)>,
    /// Appended to every value label as given: `""` or `"%"`.
    pub unit: String,
    /// Decimals of the value labels.
    pub dp: u32,
}

/// Draws a horizontal bar chart as a standalone SVG document, 600 wide and
/// 26 high per bar plus margins; "tidak ada data" when there are no items.
/// The scale runs from 0 to a round maximum covering `scale_max`, every
/// value, maximum and reference line; negative values draw no bar.
pub fn bars(spec: &Bars) -> String {
    if spec.items.is_empty() {
        return no_data();
    }
    let axis = Axis::new(Decimal::ZERO, bars_max(spec), true);
    let bottom = dec(BAR_TOP) + dec(BAR_ROW) * Decimal::from(spec.items.len());
    let mut svg = Svg::new(bottom + dec(BAR_BOTTOM));
    bar_grid(&mut svg, axis, bottom);
    for (i, bar) in spec.items.iter().enumerate() {
        bar_row(&mut svg, axis, spec, i, bar);
    }
    bar_lines(&mut svg, axis, &spec.lines, bottom);
    svg.finish()
}

/// Draws a line chart over years as a standalone SVG document, 600 × 300;
/// "tidak ada data" when there is no year or no value. The y axis starts at
/// 0, or at a round value below the lowest when every value exceeds 50 (an
/// IKM of 80–92 would otherwise be a flat line at the top).
pub fn lines(spec: &Lines) -> String {
    let (Some(min), Some(max)) = (line_values(spec).min(), line_values(spec).max()) else {
        return no_data();
    };
    let axis = Axis::new(min, max, min <= dec(50));
    let mut svg = Svg::new(dec(LINE_HEIGHT));
    line_grid(&mut svg, axis, &spec.years);
    let goal = spec.goal.as_ref().map(|(goal, label)| {
        goal_line(&mut svg, axis, *goal);
        format!("{label} ({})", value_text(Some(*goal), spec.dp, &spec.unit))
    });
    for (k, series) in spec.series.iter().enumerate() {
        draw_series(&mut svg, axis, spec, k, series);
    }
    legend(&mut svg, &spec.series, goal.as_deref());
    svg.finish()
}

/// What a bar chart shows, in one Indonesian sentence listing its values:
/// `Grafik 3.1: grafik batang, Perencanaan 20,50 dari 30,00; Evaluasi tidak ada data.`
/// Parts are separated by `;` because the numbers carry commas.
pub fn alt_bars(title: &str, spec: &Bars) -> String {
    let text = |v: Option<Decimal>| alt_value(v, spec.dp, &spec.unit);
    let mut parts: Vec<String> = (spec.items.iter())
        .map(|b| match (b.value, b.max) {
            (Some(_), Some(max)) => format!("{} {} dari {}", b.label, text(b.value), text(Some(max))),
            _ => format!("{} {}", b.label, text(b.value)),
        })
        .collect();
    if parts.is_empty() {
        return format!("{title}: grafik batang, tidak ada data.");
    }
    for (k, (v, label)) in spec.lines.iter().enumerate() {
        let lead = if k == 0 { "garis acuan " } else { "" };
        parts.push(format!("{lead}{label} pada {}", text(Some(*v))));
    }
    format!("{title}: grafik batang, {}.", parts.join("; "))
}

/// What a line chart shows, in one Indonesian sentence listing its values:
/// `Grafik 3.2: grafik garis tahun 2022–2024, Realisasi (2022: 85,00%; …), Target (…), Target Renstra 2026 95,00%.`
pub fn alt_lines(title: &str, spec: &Lines) -> String {
    let text = |v: Option<Decimal>| alt_value(v, spec.dp, &spec.unit);
    let (Some(first), Some(last)) = (spec.years.first(), spec.years.last()) else {
        return format!("{title}: grafik garis, tidak ada data.");
    };
    let mut parts = Vec::new();
    for s in &spec.series {
        let values: Vec<String> =
            (spec.years.iter().enumerate()).map(|(i, y)| format!("{y}: {}", text(point(s, i)))).collect();
        parts.push(format!("{} ({})", s.name, values.join("; ")));
    }
    parts.extend(spec.goal.iter().map(|(goal, label)| format!("{label} {}", text(Some(*goal)))));
    if parts.is_empty() {
        parts.push("tidak ada data".to_string());
    }
    let period = if first == last { first.to_string() } else { format!("{first}–{last}") };
    format!("{title}: grafik garis tahun {period}, {}.", parts.join(", "))
}

/// An SVG document being written, element by element.
struct Svg(String);

impl Svg {
    /// The root element, 600 wide, and its white background.
    fn new(height: Decimal) -> Svg {
        let (w, h, font) = (WIDTH, coord(height), FONT);
        Svg(format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
             font-family=\"{font}\" font-size=\"11\">\n\
             <rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>\n"
        ))
    }

    fn rect(&mut self, x: Decimal, y: Decimal, w: Decimal, h: Decimal, style: &str) {
        let (x, y, w, h) = (coord(x), coord(y), coord(w), coord(h));
        self.0.push_str(&format!("<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" {style}/>\n"));
    }

    fn line(&mut self, x1: Decimal, y1: Decimal, x2: Decimal, y2: Decimal, style: &str) {
        let (x1, y1, x2, y2) = (coord(x1), coord(y1), coord(x2), coord(y2));
        self.0.push_str(&format!("<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" {style}/>\n"));
    }

    /// Text at baseline `y`, anchored `start`, `middle` or `end`; `extra`
    /// holds further attributes with a leading space; the text is escaped.
    fn text(&mut self, x: Decimal, y: Decimal, anchor: &str, extra: &str, text: &str) {
        let (x, y, text) = (coord(x), coord(y), esc(text));
        self.0.push_str(&format!("<text x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\"{extra}>{text}</text>\n"));
    }

    fn raw(&mut self, element: &str) {
        self.0.push_str(element);
        self.0.push('\n');
    }

    fn finish(mut self) -> String {
        self.0.push_str("</svg>");
        self.0
    }
}

/// A value axis from `lo` in four equal round steps: five ticks.
#[derive(Clone, Copy)]
struct Axis {
    lo: Decimal,
    step: Decimal,
}

impl Axis {
    /// The axis covering `min..=max` (and 0 when `from_zero`) whose top is
    /// the lowest reachable in four round steps; when not `from_zero` it
    /// starts at a multiple of the step strictly below `min`. Inputs are
    /// clamped to ±10²⁰ so that no arithmetic can overflow.
    fn new(min: Decimal, max: Decimal, from_zero: bool) -> Axis {
        let limit = Decimal::from(100_000_000_000_000_000_000_i128);
        let (min, max) = (min.clamp(-limit, limit), max.clamp(-limit, limit));
        let (min, max) = if from_zero { (min.min(Decimal::ZERO), max.max(Decimal::ZERO)) } else { (min, max) };
        let max = max.max(min);
        let least = if max.is_zero() { Decimal::ONE } else { max.abs() / dec(40) };
        let mut lo = min;
        for _ in 0..8 {
            let step = nice_step((max - lo).max(least) / dec(4));
            let Some(mut floor) = min.checked_div(step).map(|q| q.floor() * step) else {
                break;
            };
            if !from_zero && floor >= min {
                floor -= step;
            }
            if floor + step * dec(4) >= max {
                return Axis { lo: floor, step };
            }
            lo = floor;
        }
        Axis { lo: min, step: nice_step((max - min).max(least) / dec(4)) }
    }

    fn span(self) -> Decimal {
        self.step * dec(4)
    }

    fn ticks(self) -> impl Iterator<Item = Decimal> {
        (0..=4).map(move |i| self.lo + self.step * dec(i))
    }

    /// Decimals of the tick labels: as many as the step has (`25`, `0,25`).
    fn tick_dp(self) -> u32 {
        self.step.normalize().scale()
    }

    /// Distance of `v` from the axis start along a length `len`, `v`
    /// clamped to the axis.
    fn pos(self, v: Decimal, len: Decimal) -> Decimal {
        let v = v.clamp(self.lo, self.lo + self.span());
        (v - self.lo) * len / self.span()
    }
}

/// The smallest step of the form 1; 1,5; 2; 2,5; 3; 4; 5; 6 or 8 × 10ⁿ
/// that is at least `raw`: ticks at such steps read as round numbers.
fn nice_step(raw: Decimal) -> Decimal {
    let raw = raw.max(Decimal::new(1, 12));
    let mut p = Decimal::ONE;
    while let Some(next) = p.checked_mul(Decimal::TEN).filter(|next| *next <= raw) {
        p = next;
    }
    while p > raw && p.scale() < 12 {
        p /= Decimal::TEN;
    }
    let factors = [10, 15, 20, 25, 30, 40, 50, 60, 80, 100].map(|f| Decimal::new(f, 1));
    factors.into_iter().filter_map(|f| p.checked_mul(f)).find(|step| *step >= raw).map_or(raw, |s| s.normalize())
}

/// The top the bar scale must reach: `scale_max`, every value, maximum and
/// reference line.
fn bars_max(spec: &Bars) -> Decimal {
    let values = spec.items.iter().flat_map(|b| [b.value, b.max]).flatten();
    let lines = spec.lines.iter().map(|(v, _)| *v);
    values.chain(lines).fold(spec.scale_max, Decimal::max)
}

/// Vertical gridlines with their tick labels below, and the two axes.
fn bar_grid(svg: &mut Svg, axis: Axis, bottom: Decimal) {
    let (top, x0) = (dec(BAR_TOP), dec(BAR_X0));
    for t in axis.ticks() {
        let x = x0 + axis.pos(t, dec(BAR_LEN));
        svg.line(x, top, x, bottom, GRID);
        svg.text(x, bottom + dec(14), "middle", "", &number(t, axis.tick_dp()));
    }
    svg.line(x0, top, x0, bottom, AXIS);
    svg.line(x0, bottom, x0 + dec(BAR_LEN), bottom, AXIS);
}

/// Row `i`: the label, the outlined maximum, the bar and its value label.
fn bar_row(svg: &mut Svg, axis: Axis, spec: &Bars, i: usize, bar: &Bar) {
    let (x0, len, height) = (dec(BAR_X0), dec(BAR_LEN), dec(BAR_H));
    let top = dec(BAR_TOP) + dec(BAR_ROW) * Decimal::from(i);
    let y = top + dec((BAR_ROW - BAR_H) / 2);
    let baseline = top + dec(BAR_ROW / 2 + 4);
    let weight = if bar.highlight { r#" font-weight="bold""# } else { "" };
    svg.text(x0 - dec(6), baseline, "end", weight, &shorten(&bar.label));
    if let Some(w) = bar.max.map(|max| axis.pos(max, len)).filter(|w| *w > Decimal::ZERO) {
        svg.rect(x0, y, w, height, OUTLINE);
    }
    // No bar for a missing or non-positive value; its label at the axis.
    let w = bar.value.map_or(Decimal::ZERO, |v| axis.pos(v, len));
    if w > Decimal::ZERO {
        svg.rect(x0, y, w, height, if bar.highlight { BAR_HIGHLIGHT } else { BAR_FILL });
    }
    svg.text(x0 + w + dec(4), baseline, "start", "", &value_text(bar.value, spec.dp, &spec.unit));
}

/// Dashed vertical reference lines over the bars, their labels above in two
/// alternating rows so that close thresholds stay readable.
fn bar_lines(svg: &mut Svg, axis: Axis, lines: &[(Decimal, String)], bottom: Decimal) {
    for (k, (v, label)) in lines.iter().enumerate() {
        let x = dec(BAR_X0) + axis.pos(*v, dec(BAR_LEN));
        let y = if k.is_multiple_of(2) { dec(12) } else { dec(24) };
        svg.line(x, dec(BAR_TOP - 6), x, bottom, REFERENCE);
        svg.text(x, y, "middle", SMALL, label);
    }
}

/// Every value a line chart shows, the goal included; nothing without years.
fn line_values(spec: &Lines) -> impl Iterator<Item = Decimal> + '_ {
    let n = spec.years.len();
    let points = spec.series.iter().flat_map(move |s| s.points.iter().take(n).flatten().copied());
    let goal = spec.goal.iter().map(|(g, _)| *g).filter(move |_| n > 0);
    points.chain(goal)
}

/// The value of series `s` in year number `i`, if any.
fn point(s: &Series, i: usize) -> Option<Decimal> {
    s.points.get(i).copied().flatten()
}

/// The x of year number `i` of `n`: the middle of its equal slot.
fn year_x(i: usize, n: usize) -> Decimal {
    dec(LINE_X0) + dec(LINE_LEN) * Decimal::from(2 * i + 1) / Decimal::from(2 * n)
}

/// The y of value `v` (downwards, as SVG counts).
fn line_y(axis: Axis, v: Decimal) -> Decimal {
    dec(LINE_TOP + LINE_H) - axis.pos(v, dec(LINE_H))
}

/// Horizontal gridlines with their tick labels, the axes, the years below.
fn line_grid(svg: &mut Svg, axis: Axis, years: &[i32]) {
    let (x0, x1) = (dec(LINE_X0), dec(LINE_X0 + LINE_LEN));
    let (top, bottom) = (dec(LINE_TOP), dec(LINE_TOP + LINE_H));
    for t in axis.ticks() {
        let y = line_y(axis, t);
        svg.line(x0, y, x1, y, GRID);
        svg.text(x0 - dec(6), y + dec(4), "end", "", &number(t, axis.tick_dp()));
    }
    svg.line(x0, top, x0, bottom, AXIS);
    svg.line(x0, bottom, x1, bottom, AXIS);
    for (i, year) in years.iter().enumerate() {
        // Plain digits: a year is not grouped (2024, never 2.024).
        svg.text(year_x(i, years.len()), bottom + dec(18), "middle", "", &year.to_string());
    }
}

/// The goal as a dotted line across the plot; its label is in the legend,
/// where no value label can fall on it.
fn goal_line(svg: &mut Svg, axis: Axis, goal: Decimal) {
    let y = line_y(axis, goal);
    svg.line(dec(LINE_X0), y, dec(LINE_X0 + LINE_LEN), y, GOAL);
}

/// Series number `k`: a polyline per run of present values (a gap breaks
/// it), a marker and a value label per value (see [`on_top`]).
fn draw_series(svg: &mut Svg, axis: Axis, spec: &Lines, k: usize, series: &Series) {
    let n = spec.years.len();
    let points: Vec<Option<(Decimal, Decimal, Decimal)>> =
        (0..n).map(|i| point(series, i).map(|v| (year_x(i, n), line_y(axis, v), v))).collect();
    let stroke = if series.dashed { DASHED } else { SOLID };
    for run in points.split(|p| p.is_none()) {
        if run.len() >= 2 {
            let coords: Vec<String> =
                run.iter().flatten().map(|(x, y, _)| format!("{},{}", coord(*x), coord(*y))).collect();
            svg.raw(&format!("<polyline points=\"{}\" fill=\"none\" {stroke}/>", coords.join(" ")));
        }
    }
    for (i, (x, y, v)) in points.iter().enumerate().filter_map(|(i, p)| Some((i, (*p)?))) {
        marker(svg, k, x, y);
        let text = value_text(Some(v), spec.dp, &spec.unit);
        if on_top(spec, k, i, v) {
            svg.text(x, y - dec(8), "middle", SMALL, &text);
        } else if y + dec(16) <= dec(LINE_TOP + LINE_H - 3) {
            svg.text(x, y + dec(16), "middle", SMALL, &text);
        } else {
            // Below would fall on the year under the axis: beside the marker.
            svg.text(x + dec(7), y - dec(3), "start", SMALL, &text);
        }
    }
}

/// Whether value `v` of series `k` is the highest of year number `i` (the
/// first of equals): its label goes above its point, the others' below, so
/// that a target close to its realisasi keeps both labels readable.
fn on_top(spec: &Lines, k: usize, i: usize, v: Decimal) -> bool {
    let lower = |(j, s): (usize, &Series)| j == k || point(s, i).is_none_or(|w| w < v || (w == v && j > k));
    spec.series.iter().enumerate().all(lower)
}

/// The marker of series `k` centred on (`x`, `y`): circle, square, triangle,
/// filled black for the first three series and hollow for the next three.
fn marker(svg: &mut Svg, k: usize, x: Decimal, y: Decimal) {
    let fill = if (k / 3).is_multiple_of(2) { "#000" } else { "#fff" };
    let style = format!("fill=\"{fill}\" stroke=\"#000\"");
    let r = Decimal::new(35, 1);
    let element = match k % 3 {
        0 => format!("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" {style}/>", coord(x), coord(y)),
        1 => format!("<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" {style}/>", coord(x - r), coord(y - r)),
        _ => {
            let (top, base) = (coord(y - dec(5)), coord(y + dec(3)));
            let (left, right) = (coord(x - dec(4)), coord(x + dec(4)));
            format!("<polygon points=\"{},{top} {right},{base} {left},{base}\" {style}/>", coord(x))
        }
    };
    svg.raw(&element);
}

/// The legend above the plot: per series a sample of its line with its
/// marker, then its name.
fn legend(svg: &mut Svg, series: &[Series], goal: Option<&str>) {
    let y = dec(16);
    let mut x = dec(LINE_X0);
    let advance = |name: &str| dec(46) + dec(6) * Decimal::from(name.chars().count());
    for (k, s) in series.iter().enumerate() {
        svg.line(x, y, x + dec(24), y, if s.dashed { DASHED } else { SOLID });
        marker(svg, k, x + dec(12), y);
        svg.text(x + dec(30), y + dec(4), "start", "", &s.name);
        x += advance(&s.name);
    }
    if let Some(label) = goal {
        svg.line(x, y, x + dec(24), y, GOAL);
        svg.text(x + dec(30), y + dec(4), "start", "", label);
    }
}

/// A chart with nothing to draw: says so.
fn no_data() -> String {
    let mut svg = Svg::new(dec(60));
    svg.text(dec(WIDTH / 2), dec(34), "middle", "", "tidak ada data");
    svg.finish()
}

fn dec(i: i64) -> Decimal {
    Decimal::from(i)
}

/// A coordinate for SVG: at most two decimals, `.` as the decimal point,
/// no trailing zeros (`140`, `116.67`).
fn coord(d: Decimal) -> String {
    d.round_dp(2).normalize().to_string()
}

/// A visible number in Indonesian notation (`2.960.780.030`, `88,65`).
fn number(v: Decimal, dp: u32) -> String {
    format_number(v, dp).unwrap_or_else(|_| v.round_dp(dp).to_string())
}

/// A value label: the number and the unit without a space (`88,65%`), or
/// `–` when there is no value.
fn value_text(v: Option<Decimal>, dp: u32, unit: &str) -> String {
    v.map_or_else(|| "–".to_string(), |v| format!("{}{unit}", number(v, dp)))
}

/// A value in a description: words instead of `–`, which is not read aloud.
fn alt_value(v: Option<Decimal>, dp: u32, unit: &str) -> String {
    if v.is_some() { value_text(v, dp, unit) } else { "tidak ada data".to_string() }
}

/// A category label of at most 38 characters, ending in `…` when shortened.
fn shorten(label: &str) -> String {
    if label.chars().count() <= LABEL_MAX {
        return label.to_string();
    }
    let cut: String = label.chars().take(LABEL_MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Text for XML: the markup characters as entities, control characters (invalid in XML) as spaces.
fn esc(text: &str) -> String {
    let clean: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    clean.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("a decimal literal")
    }

    fn bar(label: &str, value: Option<&str>) -> Bar {
        Bar { label: label.into(), value: value.map(d), max: None, highlight: false }
    }

    fn chart(items: Vec<Bar>, unit: &str, dp: u32) -> Bars {
        Bars { items, scale_max: d("100"), unit: unit.into(), dp, lines: Vec::new() }
    }

    /// One solid series `Realisasi` in percent from 2020 on.
    fn yearly(points: &[Option<&str>]) -> Lines {
        let series =
            Series { name: "Realisasi".into(), points: points.iter().map(|p| p.map(d)).collect(), dashed: false };
        let years = (2020..).take(points.len()).collect();
        Lines { years, series: vec![series], goal: None, unit: "%".into(), dp: 2 }
    }

    /// A whole SVG document holding every `expect` and none of `absent`.
    fn check(svg: &str, expect: &[&str], absent: &[&str]) {
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.ends_with("</svg>"), "{svg}");
        for e in expect {
            assert!(svg.contains(e), "{e:?} missing from\n{svg}");
        }
        for a in absent {
            assert!(!svg.contains(a), "{a:?} found in\n{svg}");
        }
    }

    /// The widths of the drawn bars (grey or black rects), top to bottom.
    fn bar_widths(svg: &str) -> Vec<Decimal> {
        svg.split("<rect ")
            .skip(1)
            .map(|r| r.split("/>").next().unwrap_or(""))
            .filter(|r| r.contains(BAR_FILL) || r.contains(BAR_HIGHLIGHT))
            .map(|r| d(r.split("width=\"").nth(1).and_then(|w| w.split('"').next()).expect("a width")))
            .collect()
    }

    #[test]
    fn values_are_labelled_the_indonesian_way() {
        for (value, dp, unit, label) in [
            ("88.647", 2, "%", ">88,65%<"),
            ("2960780030", 0, "", ">2.960.780.030<"),
            ("3.532", 3, "", ">3,532<"),
            ("-10.29", 2, "%", ">-10,29%<"),
        ] {
            check(&bars(&chart(vec![bar("Capaian", Some(value))], unit, dp)), &[label], &[]);
        }
    }

    #[test]
    fn axes_run_in_four_round_steps() {
        for (value, scale, ticks) in [
            ("88.65", "100", vec![">0<", ">25<", ">50<", ">75<", ">100<"]),
            ("3.53", "4", vec![">0<", ">1<", ">2<", ">3<", ">4<"]),
            ("120", "100", vec![">30<", ">60<", ">120<"]),
            ("0.4", "0", vec![">0,0<", ">0,1<", ">0,4<"]),
        ] {
            let spec = Bars { scale_max: d(scale), ..chart(vec![bar("A", Some(value))], "", 2) };
            check(&bars(&spec), &ticks, &[]);
        }
        // A line axis starts at 0 unless every value exceeds 50.
        check(&lines(&yearly(&[Some("80"), Some("92")])), &[">76<", ">92<"], &[">0<"]);
        check(&lines(&yearly(&[Some("30"), Some("92")])), &[">0<", ">100<"], &[]);
    }

    #[test]
    fn bars_are_proportional_and_a_missing_value_shows_a_dash_without_a_bar() {
        let svg = bars(&chart(vec![bar("A", Some("50")), bar("B", None), bar("C", Some("100"))], "%", 2));
        check(&svg, &[">–<", ">50,00%<", ">100,00%<"], &[]);
        let widths = bar_widths(&svg);
        assert_eq!(widths.len(), 2, "{svg}");
        assert!(widths[0] > Decimal::ZERO);
        assert_eq!(widths[1], widths[0] * Decimal::TWO, "{svg}");
    }

    #[test]
    fn maxima_are_outlined_highlights_black_and_reference_lines_labelled() {
        let komponen = Bar { max: Some(d("30")), ..bar("Perencanaan", Some("20.5")) };
        let total = Bar { highlight: true, ..bar("Total", Some("72")) };
        let lines = vec![(d("76.61"), "B".to_string()), (d("88.31"), "A".to_string())];
        let spec = Bars { lines, ..chart(vec![komponen, total], "", 2) };
        let svg = bars(&spec);
        let expect =
            [OUTLINE, BAR_FILL, BAR_HIGHLIGHT, REFERENCE, ">B<", ">A<", ">20,50<", ">72,00<", "font-weight=\"bold\""];
        check(&svg, &expect, &[]);
        // The bobot 30 of a 0–100 scale over 280 units.
        assert!(svg.contains(&format!("width=\"84\" height=\"16\" {OUTLINE}")), "{svg}");
    }

    #[test]
    fn a_line_has_one_marker_per_value_and_breaks_at_gaps() {
        // (points, circles counting the legend's, polylines)
        for (points, circles, polylines) in [
            (vec![Some("80"), Some("85"), None, Some("90"), Some("92")], 5, 2),
            (vec![Some("80"), None, Some("90")], 3, 0),
            (vec![Some("80"), Some("85"), Some("90")], 4, 1),
        ] {
            let svg = lines(&yearly(&points));
            check(&svg, &[">2020<", ">80,00%<", ">90,00%<", ">Realisasi<"], &[">2.020<"]);
            assert_eq!(svg.matches("<circle").count(), circles, "{svg}");
            assert_eq!(svg.matches("<polyline").count(), polylines, "{svg}");
        }
    }

    #[test]
    fn series_differ_by_marker_and_dash_and_the_goal_is_dotted() {
        let mut spec = yearly(&[Some("85"), Some("90")]);
        let target = Series { name: "Target".into(), points: vec![Some(d("88")), Some(d("91"))], dashed: true };
        spec.series.push(target);
        spec.goal = Some((d("95"), "Target Renstra 2026".into()));
        let expect = ["<circle", "width=\"7\" height=\"7\"", DASHED, SOLID, GOAL, ">Target Renstra 2026 (95,00%)<"];
        check(&lines(&spec), &expect, &[]);
    }

    #[test]
    fn labels_are_escaped_and_shortened() {
        let svg = bars(&chart(vec![bar("A & B <C>", Some("1"))], "", 0));
        check(&svg, &["A &amp; B &lt;C&gt;"], &["A & B", "<C>"]);
        let mut spec = yearly(&[Some("1")]);
        spec.series[0].name = "\"Q\" & R".into();
        check(&lines(&spec), &["&quot;Q&quot; &amp; R"], &["& R"]);
        let long = "Persentase penyelesaian pengaduan masyarakat tepat waktu";
        let svg = bars(&chart(vec![bar(long, Some("1"))], "", 0));
        check(&svg, &[">Persentase penyelesaian pengaduan mas…<"], &[long]);
    }

    #[test]
    fn the_same_figures_give_the_same_bytes() {
        let spec = chart(vec![bar("A", Some("50")), bar("B", None)], "%", 2);
        assert_eq!(bars(&spec), bars(&spec));
        let spec = yearly(&[Some("80.5"), None, Some("91.25")]);
        assert_eq!(lines(&spec), lines(&spec));
    }

    #[test]
    fn empty_charts_say_so() {
        check(&bars(&chart(Vec::new(), "%", 2)), &[">tidak ada data<"], &[]);
        check(&lines(&yearly(&[])), &[">tidak ada data<"], &[]);
        check(&lines(&yearly(&[None, None])), &[">tidak ada data<"], &["<circle"]);
        assert_eq!(alt_bars("Grafik 1", &chart(Vec::new(), "%", 2)), "Grafik 1: grafik batang, tidak ada data.");
        assert_eq!(alt_lines("Grafik 2", &yearly(&[])), "Grafik 2: grafik garis, tidak ada data.");
    }

    #[test]
    fn alt_texts_list_the_values() {
        let komponen = Bar { max: Some(d("30")), ..bar("Perencanaan", Some("20.5")) };
        let spec =
            Bars { lines: vec![(d("76.61"), "mutu B".into())], ..chart(vec![komponen, bar("Evaluasi", None)], "", 2) };
        assert_eq!(
            alt_bars("Grafik 3.1", &spec),
            "Grafik 3.1: grafik batang, Perencanaan 20,50 dari 30,00; Evaluasi tidak ada data; garis acuan mutu B pada 76,61."
        );
        let mut spec = yearly(&[Some("85"), None]);
        spec.goal = Some((d("95"), "Target Renstra 2026".into()));
        assert_eq!(
            alt_lines("Grafik 3.2", &spec),
            "Grafik 3.2: grafik garis tahun 2020–2021, Realisasi (2020: 85,00%; 2021: tidak ada data), Target Renstra 2026 95,00%."
        );
    }
}
