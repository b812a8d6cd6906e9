"""Crash test of `kinerja load` (prints a table; not part of the tests).

Usage: python3 crash.py KINERJA_BIN WORKDIR DATA_DIR [KILLS]

Loads DATA_DIR into a copy of a database holding the seed, and kills the
load with SIGKILL at KILLS (default 24) moments spread over 150 % of its
duration (validation, staging, upsert, stored results, commit, and a few
after the commit). After each kill
the database must equal its state before the load or its state after a
complete load, never a mix, and the next load must succeed and give the
complete state. The state is every row of every table, compared by count
and MD5 per table (`kinerja sql`).
"""
import os
import shutil
import signal
import subprocess
import sys
import time

BIN, WORK, DATA = sys.argv[1], sys.argv[2], sys.argv[3]
KILLS = int(sys.argv[4]) if len(sys.argv) > 4 else 24
SEED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")


def run(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True)


def state(db):
    tables = run("sql", "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1",
                 "--format", "csv", "--db", db)
    if tables.returncode != 0:
        return f"unreadable: {tables.stderr.strip()}"
    # The history is compared by its number of writes (below): its times differ.
    names = [t for t in tables.stdout.split("\n")[1:] if t and not t.startswith("riwayat")]
    parts = " UNION ALL ".join(
        f"SELECT '{t}' AS t, count(*) AS n, md5(coalesce(string_agg(x::VARCHAR, '|' ORDER BY x::VARCHAR), '')) AS h FROM \"{t}\" x"
        for t in names)
    parts += " UNION ALL SELECT 'riwayat', count(*), '' FROM riwayat"
    out = run("sql", parts + " ORDER BY t", "--format", "csv", "--db", db)
    return out.stdout if out.returncode == 0 else f"unreadable: {out.stderr.strip()}"


def copy(src, dst):
    for ext in ("", ".wal"):
        if os.path.exists(dst + ext):
            os.remove(dst + ext)
        if os.path.exists(src + ext):
            shutil.copy(src + ext, dst + ext)


os.makedirs(WORK, exist_ok=True)
base = os.path.join(WORK, "base.duckdb")
copy("/nonexistent", base)
assert run("load", SEED, "--db", base).returncode == 0
before = state(base)
full = os.path.join(WORK, "full.duckdb")
copy(base, full)
t = time.perf_counter()
r = run("load", DATA, "--db", full)
duration = time.perf_counter() - t
assert r.returncode == 0, r.stderr
after = state(full)
assert before != after
print(f"a complete load takes {duration:.2f} s; killing it at {KILLS} moments")
print(f"{'kill at s':>9}  {'state after the kill':22}  next load")
counts = {"before": 0, "after": 0, "mixed": 0}
db = os.path.join(WORK, "k.duckdb")
for i in range(KILLS):
    at = 1.5 * duration * (i + 0.5) / KILLS
    copy(base, db)
    p = subprocess.Popen([BIN, "load", DATA, "--db", db], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(at)
    p.send_signal(signal.SIGKILL)
    p.wait()
    s = state(db)
    kind = "before" if s == before else "after" if s == after else "mixed"
    counts[kind] += 1
    again = run("load", DATA, "--db", db)
    # A reload after a committed load records one more write; else the same.
    expect = after.replace("riwayat,2,", "riwayat,3,") if kind == "after" else after
    ok = again.returncode == 0 and state(db) == expect
    print(f"{at:9.2f}  {kind:22}  {'ok' if ok else 'FAILED: ' + again.stderr.strip()[:200]}")
    if not ok:
        counts["mixed"] += 1
print(f"before: {counts['before']}, after: {counts['after']}, mixed or failed: {counts['mixed']}")
sys.exit(1 if counts["mixed"] else 0)
