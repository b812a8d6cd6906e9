"""Crash tests of Kinerja's writes (prints a table; not part of the tests).

Usage:
  python3 crash.py load BIN WORK DATA [KILLS]
  python3 crash.py plan BIN WORK SCENARIO_FILE [KILLS]
  python3 crash.py migrate BIN WORK DATA [KILLS]

Each mode makes a starting database, measures one complete write, then
repeats the write KILLS times (default 24), killing it with SIGKILL at
moments spread over 150 % of its duration. After each kill the database
must hold one of the states a complete transaction leaves, never a mix, and
the write run again must succeed and give the complete state. The state is
every row of every table, compared by count and MD5 per table (`kinerja
sql`); the history (`riwayat`) by its number of writes, since its times
differ.

  load     DATA loaded into a copy of a database holding the seed.
  plan     `kinerja plan import SCENARIO_FILE --scenario crash` into a copy
           of the database DATA of the `load` mode left (WORK/full.duckdb).
  migrate  the seed loaded again into a database written by schema
           version 1 that holds the seed and DATA (needs Python's duckdb);
           the migration to the current version (which rebuilds every
           stored result) and the load are two transactions, so a kill may
           also leave the migrated database without the load. Its states
           are read with Python's duckdb (CRASH_READER=duckdb is set).
"""
import csv
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time

SEED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")
MIGRATION_1 = os.path.join(SEED, "..", "crates", "kinerja-store", "sql", "migrations", "001_initial.sql")


def run(bin_, *args):
    return subprocess.run([bin_, *args], capture_output=True, text=True)


def sql(bin_, db, query):
    """`(ok, csv text)` of a read-only query: through `kinerja sql`, or, for
    a schema-1 file that Kinerja opens only to migrate it, Python's duckdb."""
    if os.environ.get("CRASH_READER") == "duckdb":
        import duckdb  # noqa: PLC0415
        try:
            c = duckdb.connect(db, read_only=True)
            cur = c.execute(query)
            out = io.StringIO()
            w = csv.writer(out, lineterminator="\n")
            w.writerow([d[0] for d in cur.description])
            w.writerows(cur.fetchall())
            c.close()
            return True, out.getvalue()
        except duckdb.Error as e:
            return False, str(e)
    r = run(bin_, "sql", query, "--format", "csv", "--db", db)
    return r.returncode == 0, r.stdout if r.returncode == 0 else r.stderr


def state(bin_, db):
    """Every table's row count and MD5; riwayat by its count of writes."""
    ok, tables = sql(bin_, db, "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1")
    if not ok:
        return f"unreadable: {tables.strip()}"
    names = [t for t in tables.split("\n")[1:] if t and not t.startswith("riwayat")]
    # Times of writing (skenario.diimpor, schema_version.applied) differ
    # between runs: every other column is compared.
    ok, cols = sql(bin_, db, "SELECT table_name, string_agg(column_name, ' ' ORDER BY column_index) FROM duckdb_columns() "
                   "WHERE schema_name = 'main' AND data_type NOT LIKE 'TIMESTAMP%' GROUP BY 1")
    if not ok:
        return f"unreadable: {cols.strip()}"
    rows = list(csv.reader(io.StringIO(cols)))[1:]
    kept = {t: ", ".join(f'"{c}"' for c in names_.split()) for t, names_ in rows}
    parts = " UNION ALL ".join(
        f"SELECT '{t}' AS t, count(*) AS n, md5(coalesce(string_agg(x::VARCHAR, '|' ORDER BY x::VARCHAR), '')) AS h "
        f"FROM (SELECT row({kept[t]}) AS x FROM \"{t}\")"
        for t in names)
    if "riwayat" in tables.split("\n"):
        parts += " UNION ALL SELECT 'riwayat', count(*), '' FROM riwayat"
    ok, out = sql(bin_, db, parts + " ORDER BY t")
    return out if ok else f"unreadable: {out.strip()}"

def copy(src, dst):
    for ext in ("", ".wal"):
        if os.path.exists(dst + ext):
            os.remove(dst + ext)
        if os.path.exists(src + ext):
            shutil.copy(src + ext, dst + ext)


def schema_1(bin_, db, data):
    """A database as schema version 1 wrote it, holding the seed and DATA:
    both loaded now, then the tables of later migrations, the derived
    objects and the versions after 1 removed (with Python's duckdb: the
    kinerja binary's SQL is read-only)."""
    import duckdb  # noqa: PLC0415 (only this mode needs it)
    copy("/nonexistent", db)
    assert run(bin_, "load", SEED, "--db", db).returncode == 0
    assert run(bin_, "load", data, "--db", db).returncode == 0
    with open(MIGRATION_1, encoding="utf-8") as f:
        tables_1 = set(re.findall(r"CREATE TABLE (\w+)", f.read()))
    c = duckdb.connect(db)
    for (name,) in c.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall():
        c.execute(f'DROP VIEW IF EXISTS "{name}" CASCADE')
    for (name,) in c.execute("SELECT table_name FROM duckdb_tables()").fetchall():
        if name not in tables_1 and name != "schema_version":
            c.execute(f'DROP TABLE "{name}" CASCADE')
    for name, kind in c.execute("SELECT DISTINCT function_name, function_type FROM duckdb_functions() "
                                "WHERE NOT internal AND function_type IN ('macro', 'table_macro')").fetchall():
        c.execute(f'DROP MACRO {"TABLE " if kind == "table_macro" else ""}IF EXISTS "{name}"')
    c.execute("DROP SEQUENCE IF EXISTS riwayat_id")
    c.execute("DELETE FROM schema_version WHERE version > 1")
    c.close()


def setup(mode, bin_, work, arg):
    """The starting database, the write as arguments, and the states a
    complete transaction may leave (name → state), the last being the
    complete write's."""
    os.makedirs(work, exist_ok=True)
    base = os.path.join(work, "base.duckdb")
    if mode == "load":
        copy("/nonexistent", base)
        assert run(bin_, "load", SEED, "--db", base).returncode == 0
        write = ["load", arg]
    elif mode == "plan":
        full = os.path.join(work, "full.duckdb")
        assert os.path.exists(full), "run the load mode first: it leaves WORK/full.duckdb"
        copy(full, base)
        write = ["plan", "import", arg, "--scenario", "crash"]
    else:
        os.environ["CRASH_READER"] = "duckdb"
        schema_1(bin_, base, arg)
        write = ["load", SEED]
    states = {"before": state(bin_, base)}
    if mode == "migrate":
        migrated = os.path.join(work, "migrated.duckdb")
        copy(base, migrated)
        # Opening for writing migrates; an empty directory loads nothing.
        empty = os.path.join(work, "empty")
        os.makedirs(empty, exist_ok=True)
        run(bin_, "load", empty, "--db", migrated)
        states["migrated"] = state(bin_, migrated)
    return base, write, states


def main():
    mode, bin_, work, arg = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    kills = int(sys.argv[5]) if len(sys.argv) > 5 else 24
    base, write, states = setup(mode, bin_, work, arg)
    full = os.path.join(work, "full.duckdb" if mode == "load" else f"full-{mode}.duckdb")
    copy(base, full)
    t = time.perf_counter()
    r = run(bin_, *write, "--db", full)
    duration = time.perf_counter() - t
    assert r.returncode == 0, r.stderr
    states["after"] = state(bin_, full)
    assert states["before"] != states["after"]
    print(f"{mode}: a complete write takes {duration:.2f} s; killing it at {kills} moments")
    print(f"{'kill at s':>9}  {'state after the kill':22}  write again")
    counts = {k: 0 for k in [*states, "mixed"]}
    db = os.path.join(work, "k.duckdb")
    for i in range(kills):
        at = 1.5 * duration * (i + 0.5) / kills
        copy(base, db)
        p = subprocess.Popen([bin_, *write, "--db", db], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(at)
        p.send_signal(signal.SIGKILL)
        p.wait()
        s = state(bin_, db)
        kind = next((k for k, v in states.items() if v == s), "mixed")
        counts[kind] += 1
        again = run(bin_, *write, "--db", db)
        # A write after a committed one records one more entry in riwayat.
        expect = states["after"]
        if kind == "after":
            n = next(line for line in expect.split("\n") if line.startswith("riwayat,")).split(",")[1]
            expect = expect.replace(f"riwayat,{n},", f"riwayat,{int(n) + 1},")
        ok = again.returncode == 0 and state(bin_, db) == expect
        print(f"{at:9.2f}  {kind:22}  {'ok' if ok else 'FAILED: ' + again.stderr.strip()[:200]}")
        if not ok:
            counts["mixed"] += 1
    print(", ".join(f"{k}: {v}" for k, v in counts.items() if k != "mixed") + f", mixed or failed: {counts['mixed']}")
    sys.exit(1 if counts["mixed"] else 0)


if __name__ == "__main__":
    main()
