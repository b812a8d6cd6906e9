"""Query benchmark: Kinerja's views against the limit and peers, same data,
same run. Prints, per query and engine, the median of 5 warm runs, min and
max (ms), the rows returned, the peak RSS, and the ratio to the limit
(DuckDB's bare scan of the answers) and to the query's first engine; writes
the same as JSON (--json) for scripts/bench/chart.py.

Usage: python queries.py KINERJA.duckdb PARQUET_DIR [--fraction F]
           [--json FILE] [--postgres WORK | --no-postgres]
The database is a national synthetic one (`kinerja demo synth --scale
national`); PARQUET_DIR holds its answers and facts as Parquet/CSV for the
dataframe peers and PostgreSQL. Kinerja's rows are its views, run by the
same DuckDB engine version that Kinerja bundles (2.0.x). With --postgres
WORK a private PostgreSQL cluster is made under WORK, loaded from
PARQUET_DIR, queried and removed (scripts/bench/postgres.py).

How each engine's rows are fetched (every engine materialises the whole
result in this process, so all timings include the transfer to the client):
  DuckDB (limit, Kinerja's views, plain SQL): con.sql(q).to_arrow_table()
      (DuckDB 2.0's name for fetch_arrow_table(): a columnar Arrow table,
      no Python object per value);
  PostgreSQL: psycopg 3 (binary wheel, libpq over the unix socket)
      execute + fetchall(): the rows as Python tuples — the way an
      application reads them; the results are small (≤ tens of thousands
      of rows), so the conversion is a small part of the time;
  polars: LazyFrame.collect() → DataFrame;  pandas: the result Series.

Peak RSS per engine is measured in one extra run after the timed ones, not
during them: for this Python process, VmHWM after resetting it through
/proc/self/clear_refs (the whole process, so DuckDB's cache and anything
held from earlier engines count too); for PostgreSQL, the sum of VmHWM over
the server's processes (sampled, to catch parallel workers; shared buffers
count in every process that touched them).
"""
import argparse
import datetime
import json
import os
import platform
import re
import resource
import statistics
import sys
import time

import duckdb
import pandas as pd
import polars as pl

RUNS = 5

ap = argparse.ArgumentParser()
ap.add_argument("db")
ap.add_argument("pq")
ap.add_argument("--fraction", type=float)
ap.add_argument("--json", help="write the results here")
g = ap.add_mutually_exclusive_group()
g.add_argument("--postgres", metavar="WORK", help="run the PostgreSQL peer in a private cluster under WORK")
g.add_argument("--no-postgres", action="store_true")
args = ap.parse_args()
db, pq = args.db, args.pq

con = duckdb.connect(db, read_only=True)
con.execute("SET enable_progress_bar = false")


def self_hwm_mb():
    with open("/proc/self/status") as f:
        return int(re.search(r"^VmHWM:\s+(\d+) kB", f.read(), re.M).group(1)) / 1024


def self_reset_hwm():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


HZ = os.sysconf("SC_CLK_TCK")


def cpu_snapshot():
    """(wall s, CPU s of the whole machine, of this process, of the
    PostgreSQL server) — to tell how much CPU other processes took during
    the run, since they disturb the timings on a shared machine."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    busy = (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / HZ  # user nice system irq softirq steal
    t = os.times()
    pg_s = 0.0
    for p in (pg.pids() if pg else []):
        try:
            with open(f"/proc/{p}/stat") as f:
                st = f.read().rsplit(")", 1)[1].split()
            pg_s += sum(int(x) for x in st[11:15]) / HZ  # utime stime cutime cstime (reaped workers)
        except (OSError, ValueError):
            pass
    return time.monotonic(), busy, t.user + t.system, pg_s


def timed(fn, runs=RUNS):
    fn()  # warm
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        n = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times), max(times), n


def sql(q):
    # DuckDB: the full result as an Arrow table (see the module docstring).
    return lambda: con.sql(q).to_arrow_table().num_rows


# Q1 from raw answers: NRR per unsur = mean of answers, IKM = 25 × Σ NRR / 9
# (PermenPANRB 14/2017, weight 1/9), the way an analyst writes it. The same
# text runs in DuckDB and PostgreSQL (explicit GROUP BY and a subquery alias
# for PostgreSQL 15); avg(skor) is a double in DuckDB, numeric in PostgreSQL.
Q1_PLAIN = """
SELECT kode_unit, tahun, 25 * sum(nrr) / 9 AS ikm FROM (
  SELECT kode_unit, tahun, unsur_id, avg(skor) AS nrr FROM skm_jawaban GROUP BY kode_unit, tahun, unsur_id) n
GROUP BY kode_unit, tahun"""


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
# The same text runs in DuckDB and PostgreSQL.
Q3_PLAIN = """
SELECT w.induk, r.kode_unit, r.indikator_id, r.tahun, r.nilai / t.nilai * 100 AS capaian,
       rank() OVER (PARTITION BY w.induk, r.indikator_id, r.tahun ORDER BY r.nilai / t.nilai DESC) AS peringkat,
       max(r.nilai / t.nilai * 100) OVER (PARTITION BY w.induk, r.indikator_id, r.tahun) - r.nilai / t.nilai * 100 AS gap
FROM realisasi r JOIN target t USING (kode_unit, indikator_id, tahun) JOIN wilayah w ON w.kode = r.kode_unit
WHERE t.jenis = 'pk'"""

pg = None
pg_load = None
if args.postgres:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import postgres

    pg = postgres.Cluster(args.postgres, label=f"pg-{args.fraction if args.fraction is not None else 'x'}")

try:
    if pg:
        pg_load = pg.load(pq)
        pg_load_hwm = pg.hwm_mb()

        def pgsql(q):
            # PostgreSQL: the full result as Python tuples (see the module docstring).
            def run():
                with pg.conn.cursor() as cur:
                    cur.execute(q)
                    return len(cur.fetchall())
            return run

    # (id, title, [(engine, label, fn)])
    QUERIES = [
        ("limit", "limit: bare scan of answers", [("duckdb", "duckdb sum(skor)", sql("SELECT sum(skor) FROM skm_jawaban"))]),
        ("Q1", "Q1 IKM + mutu per kecamatan-year", [
            ("kinerja", "kinerja v_ikm", sql("SELECT kode_unit, tahun, ikm, mutu FROM v_ikm")),
            # The same figures computed now, exactly, from the per-unsur
            # aggregates kept at load time (no stored result).
            ("kinerja", "kinerja calc_ikm (computed)", sql("SELECT kode_unit, tahun, ikm, mutu FROM calc_ikm")),
            ("duckdb", "duckdb plain (raw)", sql(Q1_PLAIN)),
            *([("postgres", "postgres plain (raw)", pgsql(Q1_PLAIN))] if pg else []),
            ("polars", "polars (raw)", q1_polars),
            ("pandas", "pandas (raw)", q1_pandas),
        ]),
        ("Q2", "Q2 capaian + predikat", [("kinerja", "kinerja v_capaian", sql("SELECT * FROM v_capaian"))]),
        ("Q3", "Q3 rank within kabupaten + gap", [
            # The rows and columns the plain query gives: kecamatan with data,
            # their rank and the gap to the best.
            ("kinerja", "kinerja v_peringkat", sql(
                "SELECT kode_kabupaten, kode_unit, indikator_id, tahun, capaian, peringkat, kekurangan_ke_terbaik "
                "FROM v_peringkat WHERE ada_data")),
            ("duckdb", "duckdb plain", sql(Q3_PLAIN)),
            *([("postgres", "postgres plain", pgsql(Q3_PLAIN))] if pg else []),
        ]),
        ("Q4", "Q4 trend + Renstra distance", [("kinerja", "kinerja v_tren", sql("SELECT * FROM v_tren"))]),
        ("Q5a", "Q5 penyerapan", [("kinerja", "kinerja v_anggaran_program", sql("SELECT * FROM v_anggaran_program"))]),
        ("Q5b", "Q5 efisiensi", [("kinerja", "kinerja v_efisiensi", sql("SELECT * FROM v_efisiensi"))]),
    ]

    answers = con.execute("SELECT count(*) FROM skm_jawaban").fetchall()[0][0]
    units = con.execute("SELECT count(DISTINCT kode_unit) FROM skm_jawaban").fetchall()[0][0]
    print(f"answers {answers:,}, units with answers {units:,}; median of {RUNS} warm runs")
    if pg:
        print(f"{pg.version}: loaded in {pg_load['total_s']:.2f} s (Parquet→CSV {pg_load['convert_s']:.2f}, "
              f"COPY {pg_load['copy_s']:.2f}, keys {pg_load['keys_s']:.2f}, VACUUM ANALYZE "
              f"{pg_load['vacuum_analyze_s']:.2f}), database {pg_load['table_mb']:,.0f} MB")

    cpu0 = cpu_snapshot()
    rss_ok = self_reset_hwm()
    results = []
    limit = None
    print(f"{'query':34} {'engine':28} {'median ms':>10} {'min':>8} {'max':>8} {'rows':>9} {'peak MB':>8} {'× limit':>8} {'× first':>8}")
    for qid, title, engines in QUERIES:
        first = None
        name = title
        for engine, label, fn in engines:
            med, lo, hi, n = timed(fn)
            limit = limit or med
            first = first or med
            # one extra, untimed run for memory
            server_mb = None
            self_reset_hwm()
            if engine == "postgres":
                server_mb = pg.peak_during(fn)
            else:
                fn()
            client_mb = self_hwm_mb() if rss_ok else None
            peak = server_mb if engine == "postgres" else client_mb
            shown = f"{peak:8.0f}" if peak is not None else f"{'-':>8}"
            print(f"{name:34} {label:28} {med:10.1f} {lo:8.1f} {hi:8.1f} {n:9} {shown} {med / limit:8.2f} {med / first:8.2f}")
            name = ""
            results.append(dict(query=qid, title=title, engine=engine, label=label, median_ms=round(med, 3),
                                min_ms=round(lo, 3), max_ms=round(hi, 3), rows=n, ratio_limit=round(med / limit, 3),
                                ratio_first=round(med / first, 3),
                                peak_rss_mb=round(peak, 1) if peak is not None else None,
                                rss_of="postgres server (sum of VmHWM over its processes)" if engine == "postgres"
                                else "python process (VmHWM, reset before the run)",
                                client_peak_rss_mb=round(client_mb, 1) if client_mb is not None else None,
                                server_peak_rss_mb=round(server_mb, 1) if server_mb is not None else None))

    cpu1 = cpu_snapshot()
    wall = cpu1[0] - cpu0[0]
    other_cores = ((cpu1[1] - cpu0[1]) - (cpu1[2] - cpu0[2]) - (cpu1[3] - cpu0[3])) / wall
    print(f"other processes used {max(other_cores, 0):.2f} of {os.cpu_count()} cores on average "
          f"during the {wall:.0f} s of queries (0 on an idle machine)")
    py_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(f"peak RSS: python process {py_peak:,.0f} MB (getrusage, whole run)", end="")
    pg_peak = None
    if pg:
        pg_peak = max([pg_load_hwm] + [r["server_peak_rss_mb"] for r in results if r["server_peak_rss_mb"]])
        print(f"; postgres server {pg_peak:,.0f} MB (sum of VmHWM over its processes, best effort: "
              f"after load {pg_load_hwm:,.0f} MB)", end="")
    print()

    if args.json:
        import importlib.metadata as md

        def ver(p):
            try:
                return md.version(p)
            except md.PackageNotFoundError:
                return None

        meminfo = open("/proc/meminfo").read()
        out = dict(
            fraction=args.fraction, date=datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            data="national synthetic data (sintetis), kinerja demo synth --scale national",
            answers=answers, units_with_answers=units, runs=RUNS, warmup_runs=1,
            machine=dict(cores=os.cpu_count(), mem_gib=round(int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1)) / 2**20, 1),
                         system=platform.platform(), queries_wall_s=round(wall, 1),
                         other_processes_cores=round(max(other_cores, 0), 2)),
            versions=dict(python=platform.python_version(), duckdb=duckdb.__version__, pandas=pd.__version__,
                          polars=pl.__version__, pyarrow=ver("pyarrow"), psycopg=ver("psycopg"),
                          postgres=pg.version if pg else None),
            fetch=dict(duckdb="con.sql(q).to_arrow_table()", postgres="psycopg cursor.fetchall()",
                       polars="LazyFrame.collect()", pandas="result Series"),
            postgres=dict(load=pg_load, settings=postgres.SETTINGS, peak_rss_mb=round(pg_peak, 1),
                          load_peak_rss_mb=round(pg_load_hwm, 1)) if pg else None,
            python_peak_rss_mb=round(py_peak, 1),
            results=results,
        )
        with open(args.json, "w") as f:
            json.dump(out, f, indent=1)
finally:
    if pg:
        pg.close()
