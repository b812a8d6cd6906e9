"""The query benchmark's results as the Markdown table of BENCHMARKS.md: one
row per query and engine, the median (ms) at each fraction, and the ratio to
the limit at the largest fraction.

Usage: python table.py RESULTS_DIR
Reads RESULTS_DIR/results-*.json written by queries.py --json (those of one
run of scripts/bench-queries, so that every column comes from the same run).
"""
import glob
import json
import os
import sys

# How BENCHMARKS.md names each engine of a query.
NAMES = {
    ("limit", "duckdb"): "DuckDB `sum(skor)` over the answers",
    ("Q1", "duckdb"): "DuckDB plain SQL over raw answers",
    ("Q1", "polars"): "polars over Parquet",
    ("Q1", "pandas"): "pandas over Parquet",
    "duckdb": "DuckDB plain SQL",
    "postgres": "PostgreSQL 15 plain SQL",
    "polars": "polars",
    "pandas": "pandas",
}
TITLES = {
    "limit": "limit",
    "Q1": "Q1 IKM + mutu per kecamatan-year",
    "Q2": "Q2 capaian + predikat",
    "Q3": "Q3 rank within kabupaten + gap",
    "Q4": "Q4 trend + Renstra distance",
    "Q5a": "Q5 penyerapan per program",
    "Q5b": "Q5 efisiensi per sasaran",
    "Q6": "Q6 LKjIP reports",
}


def label(r):
    if r["query"] == "Q6":  # the kabupaten differs by fraction
        _, _, fmt = r["label"].partition(" --format ")
        fmt = f" --format {fmt}" if fmt else ""
        if " --kabupaten semua" in r["label"]:
            return f"`kinerja report --kabupaten semua{fmt}`"
        return f"`kinerja report --kabupaten …{fmt}` (one kabupaten)"
    if r["engine"] == "kinerja":
        view, _, note = r["label"].removeprefix("kinerja ").partition(" ")
        return f"Kinerja `{view}` {note}".rstrip()
    return NAMES.get((r["query"], r["engine"])) or NAMES[r["engine"]]


def ms(v):
    return f"{v:,.1f}"


def main(d):
    runs = []
    for p in glob.glob(os.path.join(d, "results-*.json")):
        with open(p) as f:
            runs.append(json.load(f))
    runs.sort(key=lambda r: r["fraction"])
    if not runs:
        sys.exit(f"table.py: no results-*.json in {d}")
    last = runs[-1]
    head = " | ".join(f"{r['fraction'] * 100:g} %" for r in runs)
    print(f"| query | engine | {head} | × limit at {last['fraction'] * 100:g} % |")
    print("|---|---|" + "---:|" * (len(runs) + 1))
    shown = set()
    for r in last["results"]:
        # Q6's kabupaten differs by fraction: its two rows are matched by position.
        i = [x for x in last["results"] if x["query"] == r["query"]].index(r)
        cells = []
        for run in runs:
            same = [x for x in run["results"] if x["query"] == r["query"]]
            cells.append(ms(same[i]["median_ms"]) if i < len(same) else "")
        title = TITLES.get(r["query"], r["query"]) if r["query"] not in shown else ""
        shown.add(r["query"])
        print(f"| {title} | {label(r)} | {' | '.join(cells)} | {r['ratio_limit']:.2f} |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
