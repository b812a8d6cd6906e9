"""Query benchmark: Kinerja's views against the limit and peers, same data,
same run. Prints, per query and engine, the median of 5 warm runs, min and
max (ms), the rows returned, and the ratio to the limit (DuckDB's bare scan
of the answers) and to Kinerja.

Usage: python queries.py KINERJA.duckdb PARQUET_DIR
The database is a national synthetic one (`kinerja demo synth --scale
national`); PARQUET_DIR holds its answers and facts as Parquet for the
dataframe peers. Kinerja's rows are its views, run by the same DuckDB
engine version that Kinerja bundles (2.0.x).
"""
import statistics
import sys
import time

import duckdb
import pandas as pd
import polars as pl

db, pq = sys.argv[1], sys.argv[2]
con = duckdb.connect(db, read_only=True)
con.execute("SET enable_progress_bar = false")


def timed(fn, runs=5):
    fn()  # warm
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        n = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times), max(times), n


def sql(q):
    return lambda: len(con.execute(q).fetchall())


# Q1 from raw answers: NRR per unsur = mean of answers, IKM = 25 × Σ NRR / 9
# (PermenPANRB 14/2017, weight 1/9), the way an analyst writes it.
Q1_PLAIN = """
SELECT kode_unit, tahun, 25 * sum(nrr) / 9 AS ikm FROM (
  SELECT kode_unit, tahun, unsur_id, avg(skor) AS nrr FROM skm_jawaban GROUP BY ALL) GROUP BY ALL"""


def q1_pandas():
    j = pd.read_parquet(f"{pq}/skm_jawaban.parquet", columns=["kode_unit", "tahun", "unsur_id", "skor"])
    nrr = j.groupby(["kode_unit", "tahun", "unsur_id"], observed=True)["skor"].mean()
    return len(nrr.groupby(level=[0, 1]).sum() * 25 / 9)


def q1_polars():
    return (
        pl.scan_parquet(f"{pq}/skm_jawaban.parquet")
        .group_by("kode_unit", "tahun", "unsur_id").agg(pl.col("skor").mean().alias("nrr"))
        .group_by("kode_unit", "tahun").agg((pl.col("nrr").sum() * 25 / 9).alias("ikm"))
        .collect().height
    )


# Q3 the obvious way: capaian per unit-indicator-year, rank within kabupaten.
Q3_PLAIN = """
SELECT w.induk, r.kode_unit, r.indikator_id, r.tahun, r.nilai / t.nilai * 100 AS capaian,
       rank() OVER (PARTITION BY w.induk, r.indikator_id, r.tahun ORDER BY r.nilai / t.nilai DESC) AS peringkat,
       max(r.nilai / t.nilai * 100) OVER (PARTITION BY w.induk, r.indikator_id, r.tahun) - r.nilai / t.nilai * 100 AS gap
FROM realisasi r JOIN target t USING (kode_unit, indikator_id, tahun) JOIN wilayah w ON w.kode = r.kode_unit
WHERE t.jenis = 'pk'"""

QUERIES = [
    ("limit: bare scan of answers", [("duckdb", sql("SELECT sum(skor) FROM skm_jawaban"))]),
    ("Q1 IKM + mutu per kecamatan-year", [
        ("kinerja v_ikm", sql("SELECT kode_unit, tahun, ikm, mutu FROM v_ikm")),
        ("duckdb plain (raw)", sql(Q1_PLAIN)),
        ("polars (raw)", q1_polars),
        ("pandas (raw)", q1_pandas),
    ]),
    ("Q2 capaian + predikat", [("kinerja v_capaian", sql("SELECT * FROM v_capaian"))]),
    ("Q3 rank within kabupaten + gap", [
        ("kinerja v_peringkat", sql("SELECT * FROM v_peringkat")),
        ("duckdb plain", sql(Q3_PLAIN)),
    ]),
    ("Q4 trend + Renstra distance", [("kinerja v_tren", sql("SELECT * FROM v_tren"))]),
    ("Q5 penyerapan + efisiensi", [
        ("kinerja v_anggaran_program", sql("SELECT * FROM v_anggaran_program")),
        ("kinerja v_efisiensi", sql("SELECT * FROM v_efisiensi")),
    ]),
]

limit = None
print(f"{'query':34} {'engine':28} {'median ms':>10} {'min':>8} {'max':>8} {'rows':>9} {'× limit':>8} {'× first':>8}")
for name, engines in QUERIES:
    first = None
    for engine, fn in engines:
        med, lo, hi, n = timed(fn)
        limit = limit or med
        first = first or med
        print(f"{name:34} {engine:28} {med:10.1f} {lo:8.1f} {hi:8.1f} {n:9} {med / limit:8.2f} {med / first:8.2f}")
        name = ""
