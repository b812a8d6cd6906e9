"""What a layout of the raw answers is worth for the analyst's ad-hoc Q1
(IKM per kecamatan-year from raw answers), against the limit the issue
sets: DuckDB's bare scan of the same columns, `sum(u1)+…+sum(u9)`.

Usage: python layout.py KINERJA.duckdb [WORK_DIR] [--parquet]
(a Python with duckdb 2.0.x, e.g. the venv scripts/bench-queries makes:
~/.cache/kinerja-bench/venv/bin/python)

Reads the stored answers of a Kinerja database (read-only; a national
synthetic one: `kinerja demo synth --scale national`), and writes into
WORK_DIR/layout.duckdb (default: next to the database) the same answers in
four layouts:
  wide_text  one row per respondent, the nine unsur of PermenPANRB 14/2017
             as u1..u9 (their order in ref_unsur), kode_unit text + tahun;
  wide_unit  the same with a dense integer unit number + tahun;
  wide_key   the same with one dense integer kecamatan-year key;
  long_key   one row per answer (as Kinerja stores them), integer
             kecamatan-year key and unsur number.
For each, Q1's sums and counts per kecamatan-year are timed against the
limit over the same table (median of 11 interleaved warm runs, the whole
result fetched as Arrow), under DuckDB's defaults and with its
perfect-hash aggregate allowed for up to 2^18 groups (2^24 for the long
layout, which groups by unsur too). Answers of the 2004 scheme (14 unsur)
are left out. Prints one line per layout and setting.

With --parquet, each layout is also written to one Parquet file in
WORK_DIR and the same two queries are timed over read_parquet (DuckDB's
defaults): what an analyst reading an export would see.
"""
import os
import statistics
import sys
import time

import duckdb

RUNS = 11


def build(con, src):
    order = [r[0] for r in con.execute(
        "SELECT unsur_id FROM k.ref_unsur WHERE skema = 'permenpanrb_14_2017' ORDER BY urutan").fetchall()]
    assert len(order) == 9, order
    cols = ", ".join(f"max(skor) FILTER (WHERE unsur_id = '{u}')::TINYINT AS u{i + 1}" for i, u in enumerate(order))
    con.execute(f"""CREATE OR REPLACE TABLE wide_text AS
        SELECT kode_unit, tahun, responden, {cols} FROM {src}
        WHERE unsur_id IN ({", ".join(f"'{u}'" for u in order)})
        GROUP BY ALL ORDER BY kode_unit, tahun, responden""")
    con.execute("""CREATE OR REPLACE TABLE unit AS
        SELECT (row_number() OVER (ORDER BY kode_unit))::INTEGER AS unit, kode_unit
        FROM (SELECT DISTINCT kode_unit FROM wide_text)""")
    us = ", ".join(f"u{i}" for i in range(1, 10))
    con.execute(f"""CREATE OR REPLACE TABLE wide_unit AS
        SELECT u.unit, w.tahun, w.responden, {us} FROM wide_text w JOIN unit u USING (kode_unit)
        ORDER BY unit, tahun, responden""")
    lo, hi = con.execute("SELECT min(tahun), max(tahun) FROM wide_text").fetchone()
    con.execute(f"""CREATE OR REPLACE TABLE wide_key AS
        SELECT ((unit - 1) * {hi - lo + 1} + (tahun - {lo}))::INTEGER AS kunci, responden, {us} FROM wide_unit
        ORDER BY kunci, responden""")
    con.execute(f"""CREATE OR REPLACE TABLE long_key AS
        SELECT kunci, responden, substr(kolom, 2)::UTINYINT AS unsur, skor
        FROM (UNPIVOT wide_key ON {us} INTO NAME kolom VALUE skor)
        ORDER BY kunci, unsur, responden""")


def sums(table, keys, src=None):
    """Q1 over a layout; src reads it from elsewhere (a Parquet file)."""
    if table == "long_key":
        return f"SELECT {keys}, sum(skor), count(skor) FROM {src or table} GROUP BY ALL"
    parts = ", ".join(f"sum(u{i}), count(u{i})" for i in range(1, 10))
    return f"SELECT {keys}, {parts} FROM {src or table} GROUP BY ALL"


def limit(table, src=None):
    if table == "long_key":
        return f"SELECT sum(skor) FROM {src or table}"
    return "SELECT " + " + ".join(f"sum(u{i})" for i in range(1, 10)) + f" FROM {src or table}"


def once(con, q):
    t = time.perf_counter()
    con.sql(q).to_arrow_table()
    return (time.perf_counter() - t) * 1000


def compare(con, lim, q):
    """Median ms of the limit and of Q1, interleaved, after one warm run each."""
    once(con, lim)
    once(con, q)
    a, b = [], []
    for _ in range(RUNS):
        a.append(once(con, lim))
        b.append(once(con, q))
    return statistics.median(a), statistics.median(b)


def over_parquet(con, work, layouts):
    print(f"the same layouts as Parquet files in {work}, read_parquet, DuckDB's defaults")
    for table, keys, _ in layouts:
        f = os.path.join(work, f"{table}.parquet")
        con.execute(f"COPY {table} TO '{f}' (FORMAT parquet)")
        src = f"read_parquet('{f}')"
        q, lim = sums(table, keys, src), limit(table, src)
        ma, mb = compare(con, lim, q)
        print(f"{table:10} {'parquet':26} {ma:8.1f} {mb:8.1f} {mb / ma:9.2f} {con.sql(q).to_arrow_table().num_rows:7}")
        os.remove(f)


def main():
    args = [a for a in sys.argv[1:] if a != "--parquet"]
    db = args[0]
    work = args[1] if len(args) > 1 else os.path.dirname(os.path.abspath(db))
    path = os.path.join(work, "layout.duckdb")
    for p in (path, path + ".wal"):
        if os.path.exists(p):
            os.remove(p)
    con = duckdb.connect(path)
    con.execute(f"ATTACH '{db}' AS k (READ_ONLY)")
    t = time.perf_counter()
    build(con, "k.skm_jawaban")
    respondents = con.execute("SELECT count(*) FROM wide_text").fetchone()[0]
    print(f"{respondents:,} respondents in four layouts, built in {time.perf_counter() - t:.1f} s; "
          f"median of {RUNS} interleaved warm runs (ms)")
    layouts = [("wide_text", "kode_unit, tahun", 18), ("wide_unit", "unit, tahun", 18),
               ("wide_key", "kunci", 18), ("long_key", "kunci, unsur", 24)]
    print(f"{'layout':10} {'setting':26} {'limit':>8} {'Q1':>8} {'Q1/limit':>9} {'rows':>7}")
    for table, keys, bits in layouts:
        for setting in ("perfect_ht_threshold = 12", f"perfect_ht_threshold = {bits}"):
            con.execute(f"SET {setting}")
            q, lim = sums(table, keys), limit(table)
            rows = con.sql(q).to_arrow_table().num_rows
            ma, mb = compare(con, lim, q)
            print(f"{table:10} {setting:26} {ma:8.1f} {mb:8.1f} {mb / ma:9.2f} {rows:7}")
    con.execute("RESET perfect_ht_threshold")
    if "--parquet" in sys.argv[1:]:
        over_parquet(con, work, layouts)


if __name__ == "__main__":
    main()
