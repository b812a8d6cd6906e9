"""How far the order of the answers' two scans moves ingest, stripped of
everything but the scans: a prototype, not Kinerja's load.

Usage: python ingest_order.py ANSWERS.parquet [RUNS] [WORK_DIR]
(the venv scripts/bench-queries makes; ANSWERS.parquet from `kinerja demo
synth --scale national --format parquet --out DIR`)

Three ways into a fresh database file, each with DuckDB's memory limited to
Kinerja's default 350MB, interleaved RUNS times (default 3), medians and
ratios to the CTAS printed:
  ctas           CREATE TABLE AS SELECT * FROM read_parquet (the limit);
  parquet_first  Kinerja's order: the range of respondent numbers, the
                 aggregate (sums, counts, min(sumber), the respondent bits)
                 from the Parquet file, then the insert, in one transaction;
  store_first    the insert first, then the range and the same aggregate
                 from the stored rows, in one transaction.
Kinerja's load checks more (unreadable fields, units, unsur), refreshes its
stored results and reads the directory's other tables; none of that is here.
"""
import os
import statistics
import sys
import time

import duckdb

DDL = """CREATE TABLE t (kode_unit VARCHAR NOT NULL, tahun SMALLINT NOT NULL, responden INTEGER NOT NULL,
    unsur_id VARCHAR NOT NULL, skor TINYINT NOT NULL CHECK (skor BETWEEN 1 AND 4), sumber VARCHAR NOT NULL)"""
AGG = """CREATE TEMP TABLE a AS SELECT kode_unit, tahun, unsur_id, sum(skor) AS jumlah, count(*) AS n,
    min(sumber) AS sumber, count(responden) > bit_count(bitstring_agg(responden, {lo}, {hi})) AS ganda
    FROM {src} GROUP BY ALL"""


def fresh(work, name):
    db = os.path.join(work, f"order-{name}.duckdb")
    for f in (db, db + ".wal"):
        if os.path.exists(f):
            os.remove(f)
    con = duckdb.connect(db)
    con.execute("SET memory_limit = '350MB'; SET preserve_insertion_order = false")
    return con, db


def timed(work, name, statements):
    con, db = fresh(work, name)
    t = time.perf_counter()
    statements(con)
    elapsed = time.perf_counter() - t
    con.close()
    os.remove(db)
    return elapsed


def ctas(pq):
    return lambda con: con.execute(f"CREATE TABLE t AS SELECT * FROM read_parquet('{pq}')")


def parquet_first(pq):
    def run(con):
        con.execute(DDL)
        con.execute("BEGIN")
        src = f"read_parquet('{pq}')"
        lo, hi = con.execute(f"SELECT min(responden), max(responden) FROM {src}").fetchone()
        con.execute(AGG.format(lo=lo, hi=hi, src=src))
        con.execute(f"INSERT INTO t SELECT kode_unit, tahun, responden, unsur_id, skor, sumber FROM {src}")
        con.execute("COMMIT")
    return run


def store_first(pq):
    def run(con):
        con.execute(DDL)
        con.execute("BEGIN")
        con.execute(f"INSERT INTO t SELECT kode_unit, tahun, responden, unsur_id, skor, sumber FROM read_parquet('{pq}')")
        lo, hi = con.execute("SELECT min(responden), max(responden) FROM t").fetchone()
        con.execute(AGG.format(lo=lo, hi=hi, src="t"))
        con.execute("COMMIT")
    return run


def main():
    pq = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    work = sys.argv[3] if len(sys.argv) > 3 else os.path.dirname(os.path.abspath(pq))
    ways = {"ctas": ctas(pq), "parquet_first": parquet_first(pq), "store_first": store_first(pq)}
    times = {k: [] for k in ways}
    for _ in range(runs):
        for k, f in ways.items():
            times[k].append(timed(work, k, f))
            print(f"{k:14} {times[k][-1]:6.2f} s", flush=True)
    limit = statistics.median(times["ctas"])
    for k, v in times.items():
        print(f"{k:14} median {statistics.median(v):6.2f} s  × CTAS {statistics.median(v) / limit:.2f}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main()
