"""Query benchmark: Kinerja's views against the limit and peers, same data,
same run. Prints, per query and engine, the median of 5 warm runs, min and
max (ms), the rows returned, the peak RSS, and the ratio to the limit
(DuckDB's bare scan of the answers) and to the query's first engine
(Kinerja); writes the same as JSON (--json) for scripts/bench/chart.py.

Every query Q1–Q5 has the same peers: plain SQL in DuckDB and PostgreSQL,
polars and pandas (scripts/bench/peers.py). Under each peer's row, "vs
kinerja" says how far its result is from Kinerja's, checked once outside
the timed runs: the rows matched by key and the largest difference of each
figure, so a peer that computes something else shows. With --kinerja BIN,
Q6 runs Kinerja's binary: the LKjIP reports of one kabupaten and of every
kecamatan (`BIN report --kabupaten … --out DIR`, one file per kecamatan),
as Markdown, and for every kecamatan also as XLSX and JSON.

Usage: python queries.py KINERJA.duckdb PARQUET_DIR [--fraction F]
           [--json FILE] [--postgres WORK | --no-postgres] [--kinerja BIN]
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
import shutil
import statistics
import subprocess
import sys
import time

import duckdb
import pandas as pd
import polars as pl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402

RUNS = 5

ap = argparse.ArgumentParser()
ap.add_argument("db")
ap.add_argument("pq")
ap.add_argument("--fraction", type=float)
ap.add_argument("--json", help="write the results here")
ap.add_argument("--kinerja", metavar="BIN", help="also time Q6, `BIN report --kabupaten … --out DIR`, on the database")
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


def report_run(kab, tahun, out, fmt):
    """Q6 once: `kinerja report --kabupaten KAB --format FMT` into a fresh directory.
    Returns (ms, files written, the child's peak RSS in MB: its VmHWM,
    sampled every 5 ms while it runs; wait4's ru_maxrss would include this
    Python process's own size, inherited through fork)."""
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    p = subprocess.Popen([args.kinerja, "--lang", "en", "report", "--kabupaten", kab, "--tahun", str(tahun),
                          "--format", fmt, "--out", out, "--db", db], stdout=subprocess.DEVNULL)
    peak = 0.0
    while p.poll() is None:
        try:
            with open(f"/proc/{p.pid}/status") as f:
                m = re.search(r"^VmHWM:\s+(\d+) kB", f.read(), re.M)
            peak = max(peak, int(m.group(1)) / 1024 if m else 0)
        except OSError:
            pass
        time.sleep(0.005)
    ms = (time.perf_counter() - t) * 1000
    if p.returncode != 0:
        sys.exit(f"Q6: kinerja report --kabupaten {kab} --format {fmt} failed (exit status {p.returncode})")
    return ms, len(os.listdir(out)), peak


def q6(limit):
    """Q6, the LKjIP report of every kecamatan of the kabupaten with the most
    kecamatan with figures, and of every kecamatan in the database, for the latest year,
    as Markdown; every kecamatan's also as XLSX and JSON: median, min and max
    of RUNS runs after one warm-up, as for the queries."""
    tahun = con.execute("SELECT max(tahun) FROM realisasi").fetchone()[0]
    kab = con.execute("SELECT u.kode_kabupaten FROM v_unit u JOIN realisasi r ON r.kode_unit = u.kode_unit "
                      "WHERE r.tahun = ? GROUP BY 1 ORDER BY count(DISTINCT u.kode_unit) DESC, 1 LIMIT 1",
                      [tahun]).fetchone()[0]
    out = os.path.join(os.path.dirname(os.path.abspath(db)), "q6-reports")
    rows = []
    for k, fmt in ((kab, "md"), ("semua", "md"), ("semua", "xlsx"), ("semua", "json")):
        label = f"kinerja report --kabupaten {k}" + ("" if fmt == "md" else f" --format {fmt}")
        report_run(k, tahun, out, fmt)  # warm
        runs = [report_run(k, tahun, out, fmt) for _ in range(RUNS)]
        ms = [r[0] for r in runs]
        med = statistics.median(ms)
        files, peak = runs[0][1], max(r[2] for r in runs)
        print(f"{'Q6 LKjIP reports, ' + str(tahun) if not rows else '':34} {label:28} {med:10.1f} "
              f"{min(ms):8.1f} {max(ms):8.1f} {files:9} {peak:8.0f} {med / limit:8.2f} {'':>8}")
        rows.append(dict(query="Q6", title="Q6 LKjIP reports, one file per kecamatan", engine="kinerja", label=label,
                         median_ms=round(med, 3), min_ms=round(min(ms), 3), max_ms=round(max(ms), 3), rows=files,
                         ratio_limit=round(med / limit, 3), ratio_first=None, peak_rss_mb=round(peak, 1),
                         rss_of="kinerja process (VmHWM, sampled)", agreement=None))
    shutil.rmtree(out, ignore_errors=True)
    return rows


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


def frame_sql(q):
    return lambda: con.sql(q).df()


pg = None
pg_load = None
if args.postgres:
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

        def frame_pg(q):
            def run():
                with pg.conn.cursor() as cur:
                    cur.execute(q)
                    return pd.DataFrame(cur.fetchall(), columns=[d.name for d in cur.description])
            return run

    tables_pl, tables_pd = peers.read_tables(pq)

    def peer_engines(qid):
        """The peers of a query: (engine, label, timed fn, fn giving the
        result as a pandas frame for the agreement check)."""
        raw = " (raw)" if qid == "Q1" else ""
        q = peers.SQL[qid]
        out = [("duckdb", f"duckdb plain{raw}", sql(q), frame_sql(q))]
        if pg:
            out.append(("postgres", f"postgres plain{raw}", pgsql(q), frame_pg(q)))
        if qid == "Q1":
            out += [("polars", "polars (raw)", lambda: peers.q1_polars(pq).height,
                     lambda: peers.q1_polars(pq).to_pandas()),
                    ("pandas", "pandas (raw)", lambda: len(peers.q1_pandas(pq)), lambda: peers.q1_pandas(pq))]
        else:
            fpl, fpd = peers.POLARS[qid], peers.PANDAS[qid]
            out += [("polars", "polars", lambda: fpl(tables_pl).height, lambda: fpl(tables_pl).to_pandas()),
                    ("pandas", "pandas", lambda: len(fpd(tables_pd)), lambda: fpd(tables_pd))]
        return out

    def kinerja(label, q):
        return ("kinerja", label, sql(q), frame_sql(q))

    # (id, title, [(engine, label, timed fn, frame fn or None)]); Kinerja's
    # rows come first, so "× first" is the ratio to Kinerja. Kinerja's views
    # are read for the columns the peers compute, so every engine returns
    # the same rows and columns.
    QUERIES = [
        ("limit", "limit: bare scan of answers",
         [("duckdb", "duckdb sum(skor)", sql("SELECT sum(skor) FROM skm_jawaban"), None)]),
        ("Q1", "Q1 IKM + mutu per kecamatan-year", [
            kinerja("kinerja v_ikm", "SELECT kode_unit, tahun, ikm, mutu FROM v_ikm"),
            # The same figures computed now, exactly, from the per-unsur
            # aggregates kept at load time (no stored result).
            kinerja("kinerja calc_ikm (computed)", "SELECT kode_unit, tahun, ikm, mutu FROM calc_ikm"),
            *peer_engines("Q1")]),
        ("Q2", "Q2 capaian + predikat", [kinerja("kinerja v_capaian",
                                                 "SELECT kode_unit, indikator_id, tahun, target, realisasi, capaian, predikat "
                                                 "FROM v_capaian"),
                                         *peer_engines("Q2")]),
        ("Q3", "Q3 rank within kabupaten + gap", [
            # The rows and columns the peers give: kecamatan with data, their
            # capaian, rank and the gap to the best.
            kinerja("kinerja v_peringkat",
                    "SELECT kode_kabupaten, kode_unit, indikator_id, tahun, capaian, peringkat, kekurangan_ke_terbaik "
                    "FROM v_peringkat WHERE ada_data"),
            *peer_engines("Q3")]),
        ("Q4", "Q4 trend + Renstra distance", [kinerja("kinerja v_tren",
                                                       "SELECT kode_unit, indikator_id, tahun, realisasi, perubahan, perubahan_persen, "
                                                       "target_akhir, kekurangan_target_akhir FROM v_tren"),
                                               *peer_engines("Q4")]),
        ("Q5a", "Q5 penyerapan", [kinerja("kinerja v_anggaran_program",
                                          "SELECT kode_unit, tahun, kode_program, anggaran, realisasi, penyerapan, sisa, "
                                          "sasaran_id FROM v_anggaran_program"),
                                  *peer_engines("Q5a")]),
        ("Q5b", "Q5 efisiensi", [kinerja("kinerja v_efisiensi",
                                         "SELECT kode_unit, tahun, sasaran_id, capaian, penyerapan, efisiensi FROM v_efisiensi"),
                                 *peer_engines("Q5b")]),
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
        # The peers are checked against the query's first engine, Kinerja's view.
        reference = engines[0][3]() if qid in peers.CHECKS else None
        for engine, label, fn, frame in engines:
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
            agrees = peers.agreement(qid, reference, frame()) if reference is not None and engine != "kinerja" else None
            if agrees:
                print(f"{'':34} {'':28} vs kinerja: {agrees}")
            results.append(dict(query=qid, title=title, engine=engine, label=label, median_ms=round(med, 3),
                                min_ms=round(lo, 3), max_ms=round(hi, 3), rows=n, ratio_limit=round(med / limit, 3),
                                ratio_first=round(med / first, 3),
                                peak_rss_mb=round(peak, 1) if peak is not None else None,
                                rss_of="postgres server (sum of VmHWM over its processes)" if engine == "postgres"
                                else "python process (VmHWM, reset before the run)",
                                client_peak_rss_mb=round(client_mb, 1) if client_mb is not None else None,
                                server_peak_rss_mb=round(server_mb, 1) if server_mb is not None else None,
                                agreement=agrees))

    cpu1 = cpu_snapshot()
    wall = cpu1[0] - cpu0[0]
    other_cores = ((cpu1[1] - cpu0[1]) - (cpu1[2] - cpu0[2]) - (cpu1[3] - cpu0[3])) / wall
    # Q6 runs Kinerja's binary as a child process, after the CPU accounting
    # above (which counts only this process and PostgreSQL's).
    if args.kinerja:
        results += q6(limit)
    print(f"other processes used {max(other_cores, 0):.2f} of {os.cpu_count()} cores on average "
          f"during the {wall:.0f} s of queries (0 on an idle machine)")
    # getrusage's peak restarts with every reset of VmHWM above, so the
    # whole run's peak is the largest of it and the peaks per engine.
    py_peak = max([resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]  # kB on Linux
                  + [r["client_peak_rss_mb"] for r in results if r.get("client_peak_rss_mb")])
    print(f"peak RSS: python process {py_peak:,.0f} MB (whole run)", end="")
    pg_peak = None
    if pg:
        pg_peak = max([pg_load_hwm] + [r["server_peak_rss_mb"] for r in results if r.get("server_peak_rss_mb")])
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
