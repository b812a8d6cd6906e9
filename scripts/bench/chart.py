"""Chart of the query benchmark as a small hand-written SVG (no plotting
library): for Q1 and Q3, the median time against the fraction of the
nation (log-log, one line per engine, DuckDB's bare scan — the limit — as a
dashed reference), and the ratios to the limit at the largest fraction
present.

Usage: python chart.py RESULTS_DIR OUT.svg
Reads RESULTS_DIR/results-*.json written by queries.py --json.
"""
import glob
import html
import json
import math
import os
import sys

ENGINES = {  # engine id → (legend, colour)
    "kinerja": ("Kinerja view", "#c0392b"),
    "duckdb": ("DuckDB plain SQL", "#e69f00"),
    "postgres": ("PostgreSQL plain SQL", "#336791"),
    "polars": ("polars", "#2e8b57"),
    "pandas": ("pandas", "#8e44ad"),
}
PANELS = [("Q1", "Q1: IKM per kecamatan-year"), ("Q3", "Q3: rank within kabupaten + gap")]
LIMIT = "#777777"


def load(d):
    runs = []
    for p in glob.glob(os.path.join(d, "results-*.json")):
        with open(p) as f:
            r = json.load(f)
        if r.get("fraction"):
            runs.append(r)
    return sorted(runs, key=lambda r: r["fraction"])


def nice_ticks(lo, hi):
    """Powers of ten with 2 and 5 between them while few decades span."""
    a, b = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    steps = (1, 2, 5) if b - a <= 3 else (1,)
    return [m * 10 ** e for e in range(a, b + 1) for m in steps if lo <= m * 10 ** e <= hi]


def fmt_ms(v):  # axis ticks
    if v >= 1000:
        return f"{v / 1000:g} s"
    return f"{v:g} ms"


def fmt_time(v):  # measured values
    if v >= 1000:
        return f"{v / 1000:.2f} s"
    return f"{v:.1f} ms"


def fmt_frac(f):
    return f"{f * 100:g} %"


def main(d, out):
    runs = load(d)
    if not runs:
        sys.exit(f"chart.py: no results-*.json in {d}")
    e = html.escape
    last = runs[-1]
    bars = [(q, x) for q, _ in PANELS for x in last["results"] if x["query"] == q and x.get("ratio_limit")]
    W, H = 860, 400 + (len(bars) + len(PANELS) - 1) * 18 + 70
    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
         'font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
         f'<rect width="{W}" height="{H}" fill="#fff"/>',
         f'<text x="{W / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">'
         'Kinerja query benchmark: national synthetic data (sintetis)</text>']
    dates = sorted({r["date"][:10] for r in runs})
    m = runs[-1].get("machine", {})
    sub = (f"median of {runs[-1].get('runs', 5)} warm runs, rows fetched to the client; "
           f"{m.get('cores', '?')} cores, {m.get('mem_gib', '?')} GiB; measured {', '.join(dates)}")
    busy = max(r.get("machine", {}).get("other_processes_cores") or 0 for r in runs)
    if busy > 0.25:
        sub += f"; machine shared (other processes used up to {busy:.1f} cores)"
    s.append(f'<text x="{W / 2}" y="42" text-anchor="middle" fill="#444">{e(sub)}</text>')
    # one legend for both panels
    legend = [("limit: DuckDB bare scan", LIMIT, ' stroke-dasharray="5,4"')] + [(n, c, "") for n, c in ENGINES.values()]
    lx = 40
    for name, col, dash in legend:
        s.append(f'<line x1="{lx}" x2="{lx + 18}" y1="62" y2="62" stroke="{col}" stroke-width="2"{dash}/>')
        s.append(f'<text x="{lx + 22}" y="66">{e(name)}</text>')
        lx += 30 + 6.2 * len(name)

    fracs = [r["fraction"] for r in runs]
    xlo, xhi = min(fracs), max(fracs)
    if xlo == xhi:
        xlo, xhi = xlo / 2, xhi * 2
    xlo, xhi = xlo / 1.25, xhi * 1.25
    med = {}
    for r in runs:  # an engine's first row of a query: Kinerja's is the view it serves
        for x in r["results"]:
            med.setdefault((r["fraction"], x["query"], x["engine"]), x["median_ms"])
    vals = [v for (f, q, _), v in med.items() if q in ("limit", "Q1", "Q3") and v > 0]
    ylo, yhi = min(vals) / 1.5, max(vals) * 1.5

    # ---- two scaling panels ------------------------------------------------
    pw, ph, top = 330, 250, 102
    for i, (qid, title) in enumerate(PANELS):
        x0 = 80 + i * (pw + 90)
        X = lambda f: x0 + (math.log(f) - math.log(xlo)) / (math.log(xhi) - math.log(xlo)) * pw
        Y = lambda v: top + ph - (math.log(v) - math.log(ylo)) / (math.log(yhi) - math.log(ylo)) * ph
        s.append(f'<text x="{x0 + pw / 2}" y="{top - 12}" text-anchor="middle" font-size="13" '
                 f'font-weight="bold">{e(title)}</text>')
        s.append(f'<rect x="{x0}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#999"/>')
        for t in nice_ticks(ylo, yhi):
            y = Y(t)
            s.append(f'<line x1="{x0}" x2="{x0 + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e5e5"/>')
            s.append(f'<text x="{x0 - 4}" y="{y + 4:.1f}" text-anchor="end">{fmt_ms(t)}</text>')
        for r in runs:
            x = X(r["fraction"])
            s.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + ph}" stroke="#e5e5e5"/>')
            s.append(f'<text x="{x:.1f}" y="{top + ph + 14}" text-anchor="middle">{fmt_frac(r["fraction"])}</text>')
            s.append(f'<text x="{x:.1f}" y="{top + ph + 26}" text-anchor="middle" fill="#666" font-size="9">'
                     f'{r["answers"] / 1e6:.1f} M answers</text>')
        s.append(f'<text x="{x0 + pw / 2}" y="{top + ph + 42}" text-anchor="middle" fill="#444">'
                 'fraction of the nation (log)</text>')
        s.append(f'<text transform="translate({x0 - 56},{top + ph / 2}) rotate(-90)" text-anchor="middle" '
                 'fill="#444">median time (log)</text>')
        series = [("limit", "duckdb", "limit: DuckDB bare scan", LIMIT, ' stroke-dasharray="5,4"')]
        series += [(qid, k, name, col, "") for k, (name, col) in ENGINES.items()]
        for q, k, name, col, dash in series:
            pts = [(X(f), Y(med[(f, q, k)])) for f in fracs if med.get((f, q, k), 0) > 0]
            if not pts:
                continue
            if len(pts) > 1:
                s.append(f'<polyline fill="none" stroke="{col}" stroke-width="2"{dash} points="'
                         + " ".join(f"{x:.1f},{y:.1f}" for x, y in pts) + '"/>')
            s += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{col}"><title>{e(name)}</title></circle>'
                  for x, y in pts]

    # ---- ratios to the limit at the largest fraction -----------------------
    bt = top + ph + 80
    s.append(f'<text x="{W / 2}" y="{bt - 12}" text-anchor="middle" font-size="13" font-weight="bold">'
             f'{e("Time / limit (DuckDB bare scan of the answers) at " + fmt_frac(last["fraction"]) + " of the nation")}'
             '</text>')
    if bars:
        bx0, bw, bh = 260, 480, 14
        rmax = max(10.0, max(x["ratio_limit"] for _, x in bars) * 1.3)
        BX = lambda v: bx0 + math.log(max(v, 1)) / math.log(rmax) * bw
        rows = len(bars) + len(PANELS) - 1
        bottom = bt + rows * (bh + 4) + 4
        for t in nice_ticks(1, rmax):
            if t >= 1:
                s.append(f'<line x1="{BX(t):.1f}" x2="{BX(t):.1f}" y1="{bt - 4}" y2="{bottom}" stroke="#e5e5e5"/>')
                s.append(f'<text x="{BX(t):.1f}" y="{bottom + 12}" text-anchor="middle">×{t:g}</text>')
        y, prev = bt, None
        for q, x in bars:
            if prev and q != prev:
                y += bh + 4
            prev = q
            col = ENGINES.get(x["engine"], (None, "#999"))[1]
            s.append(f'<text x="{bx0 - 6}" y="{y + bh - 3}" text-anchor="end">{e(q + " " + x["label"])}</text>')
            s.append(f'<rect x="{bx0}" y="{y}" width="{max(BX(x["ratio_limit"]) - bx0, 1):.1f}" height="{bh}" fill="{col}"/>')
            s.append(f'<text x="{BX(x["ratio_limit"]) + 4:.1f}" y="{y + bh - 3}">×{x["ratio_limit"]:.1f} '
                     f'({fmt_time(x["median_ms"])})</text>')
            y += bh + 4
        s.append(f'<line x1="{bx0}" x2="{bx0}" y1="{bt - 4}" y2="{bottom}" stroke="#999"/>')
        s.append(f'<text x="{bx0 + bw / 2}" y="{bottom + 26}" text-anchor="middle" fill="#444">'
                 'ratio to the limit (log); lower is better</text>')
    s.append("</svg>")
    text = "\n".join(s) + "\n"
    with open(out, "w") as f:
        f.write(text)
    if len(text) > 30_000:
        print(f"chart.py: warning: {out} is {len(text):,} bytes", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
