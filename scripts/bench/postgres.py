"""PostgreSQL peer for the query benchmark: a private, throw-away cluster.

`Cluster(work)` makes a temporary directory under WORK, `initdb`s a cluster
there (as the `postgres` user when run as root: initdb refuses root), starts
it listening on a unix socket in that directory only (no TCP), loads the
tables the benchmark's queries read, and stops it and removes the directory
on `close()` — also on an exception or SIGTERM (the caller uses it as a
context manager; scripts/bench-queries additionally stops any cluster left
under WORK from its EXIT trap, in case this process is killed outright).

Settings are for this machine (2 cores, 24 GiB) and an analytic read load:
shared_buffers 1GB, work_mem 64MB, 2 parallel workers per gather, JIT left
at PostgreSQL's default (on). The cluster is a benchmark copy, so durability
settings only affect the (informational) load time: wal_level minimal lets
COPY into a table created in the same transaction skip the WAL. autovacuum
is off because the load ends with an explicit VACUUM ANALYZE and nothing is
written afterwards (so no autovacuum run can land inside a timed query).

Server binaries: $PG_BIN, else `pg_ctl` on PATH, else the newest
/usr/lib/postgresql/*/bin (Debian's `postgresql` package).
"""
import glob
import os
import pwd
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time

import duckdb
import psycopg

SETTINGS = {
    "listen_addresses": "''",  # unix socket only
    "port": "5432",  # the socket lives in our own directory: no clash with another server
    "shared_buffers": "'1GB'",
    "work_mem": "'64MB'",
    "maintenance_work_mem": "'512MB'",
    "effective_cache_size": "'16GB'",
    "max_worker_processes": "8",
    "max_parallel_workers": "2",
    "max_parallel_workers_per_gather": "2",
    "max_parallel_maintenance_workers": "2",
    "random_page_cost": "1.1",
    "wal_level": "minimal",
    "max_wal_senders": "0",
    "max_wal_size": "'8GB'",
    "checkpoint_timeout": "'30min'",
    "autovacuum": "off",
}

# The tables the benchmark's queries read, typed as Kinerja's schema types
# them (VARCHAR → text, DECIMAL(18,4) → numeric(18,4), TINYINT → smallint),
# with the same primary keys (skm_jawaban has none in Kinerja either).
TABLES = {
    "wilayah": """CREATE TABLE wilayah (kode text NOT NULL, tingkat text NOT NULL, nama text NOT NULL,
        induk text, nama_dalam_laporan text, sumber text NOT NULL)""",
    "target": """CREATE TABLE target (kode_unit text NOT NULL, indikator_id text NOT NULL, tahun smallint NOT NULL,
        jenis text NOT NULL, nilai numeric(18,4) NOT NULL, label text, sumber text NOT NULL)""",
    "realisasi": """CREATE TABLE realisasi (kode_unit text NOT NULL, indikator_id text NOT NULL, tahun smallint NOT NULL,
        nilai numeric(18,4) NOT NULL, label text, sumber text NOT NULL)""",
    "skm_jawaban": """CREATE TABLE skm_jawaban (kode_unit text NOT NULL, tahun smallint NOT NULL, responden integer NOT NULL,
        unsur_id text NOT NULL, skor smallint NOT NULL, sumber text NOT NULL)""",
    "indikator": """CREATE TABLE indikator (id text NOT NULL, nama text NOT NULL, satuan text NOT NULL,
        polaritas text NOT NULL, presisi integer NOT NULL, jenis text NOT NULL, sumber text NOT NULL)""",
    "renstra": """CREATE TABLE renstra (id text NOT NULL, kode_unit text NOT NULL, tahun_awal smallint NOT NULL,
        tahun_akhir smallint NOT NULL, visi text NOT NULL, misi text NOT NULL, sumber text NOT NULL)""",
    "tujuan": """CREATE TABLE tujuan (id text NOT NULL, renstra_id text NOT NULL, uraian text NOT NULL,
        sumber text NOT NULL)""",
    "sasaran": """CREATE TABLE sasaran (id text NOT NULL, tujuan_id text NOT NULL, no integer NOT NULL,
        uraian text NOT NULL, sumber text NOT NULL)""",
    "sasaran_indikator": """CREATE TABLE sasaran_indikator (sasaran_id text NOT NULL, indikator_id text NOT NULL,
        sumber text NOT NULL)""",
    "anggaran_program": """CREATE TABLE anggaran_program (kode_unit text NOT NULL, tahun smallint NOT NULL,
        kode_program text NOT NULL, no_laporan integer, nama text NOT NULL, anggaran numeric(18,2) NOT NULL,
        realisasi numeric(18,2) NOT NULL, keterangan text, sumber text NOT NULL)""",
    "program_sasaran": """CREATE TABLE program_sasaran (kode_unit text NOT NULL, tahun smallint NOT NULL,
        kode_program text NOT NULL, sasaran_id text NOT NULL, sumber text NOT NULL)""",
}
KEYS = [
    "ALTER TABLE wilayah ADD PRIMARY KEY (kode)",
    "ALTER TABLE target ADD PRIMARY KEY (kode_unit, indikator_id, tahun, jenis)",
    "ALTER TABLE realisasi ADD PRIMARY KEY (kode_unit, indikator_id, tahun)",
    "ALTER TABLE indikator ADD PRIMARY KEY (id)",
    "ALTER TABLE renstra ADD PRIMARY KEY (id)",
    "ALTER TABLE tujuan ADD PRIMARY KEY (id)",
    "ALTER TABLE sasaran ADD PRIMARY KEY (id)",
    "ALTER TABLE sasaran_indikator ADD PRIMARY KEY (sasaran_id, indikator_id)",
    "ALTER TABLE anggaran_program ADD PRIMARY KEY (kode_unit, tahun, kode_program)",
    "ALTER TABLE program_sasaran ADD PRIMARY KEY (kode_unit, tahun, kode_program)",
]


def find_bin():
    cands = [os.environ.get("PG_BIN", "")]
    if shutil.which("pg_ctl"):
        cands.append(os.path.dirname(shutil.which("pg_ctl")))
    ver = lambda p: [int(x) for x in re.findall(r"\d+", p)]
    cands += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=ver, reverse=True)
    for d in cands:
        if d and all(os.access(os.path.join(d, b), os.X_OK) for b in ("initdb", "pg_ctl", "postgres")):
            return d
    return None


def _kb(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            m = re.search(rf"^{field}:\s+(\d+) kB", f.read(), re.M)
        return int(m.group(1)) if m else 0
    except OSError:
        return 0


class Cluster:
    def __init__(self, work, label="pg"):
        self.bin = find_bin()
        if not self.bin:
            raise RuntimeError("PostgreSQL server binaries not found (set PG_BIN, or apt-get install postgresql)")
        self.version = subprocess.run([f"{self.bin}/postgres", "--version"], capture_output=True, text=True).stdout.strip()
        self.conn = None
        self.dir = tempfile.mkdtemp(prefix=f"{label}-", dir=os.path.abspath(work))
        if len(os.path.join(self.dir, ".s.PGSQL.5432")) > 107:  # sun_path's limit
            shutil.rmtree(self.dir)
            raise RuntimeError(f"{work}: too long a path for PostgreSQL's unix socket; use a shorter WORK")
        self.data = os.path.join(self.dir, "data")
        self.log = os.path.join(self.dir, "server.log")
        self.user = {}
        if os.geteuid() == 0:  # initdb and postgres refuse root: run them as the Debian package's user
            pw = pwd.getpwnam("postgres")
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
            self.user = dict(user=pw.pw_uid, group=pw.pw_gid, extra_groups=[])
        self._old_term = signal.signal(signal.SIGTERM, self._on_term)
        try:
            self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--locale=C",
                      "--encoding=UTF8", "--no-sync")
            with open(os.path.join(self.data, "postgresql.conf"), "a") as f:
                f.write("\n# scripts/bench/postgres.py\n")
                f.write(f"unix_socket_directories = '{self.dir}'\n")
                for k, v in SETTINGS.items():
                    f.write(f"{k} = {v}\n")
            self._run("pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "120", "start")
            self.conn = psycopg.connect(host=self.dir, port=5432, user="postgres", dbname="postgres",
                                        autocommit=True, prepare_threshold=None)
        except BaseException:
            self.close()
            raise

    def _on_term(self, *_):
        raise SystemExit(143)  # unwinds through close()

    def _run(self, exe, *args):
        r = subprocess.run([f"{self.bin}/{exe}", *args], cwd=self.dir, capture_output=True, text=True, **self.user)
        if r.returncode:
            log = open(self.log).read()[-2000:] if os.path.exists(self.log) else ""
            raise RuntimeError(f"{exe} failed ({r.returncode}):\n{r.stdout}{r.stderr}{log}")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
            self.conn = None
        if os.path.exists(os.path.join(self.data, "postmaster.pid")):
            try:
                self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "-t", "60", "stop")
            except Exception:
                subprocess.run([f"{self.bin}/pg_ctl", "-D", self.data, "-m", "immediate", "stop"],
                               cwd=self.dir, capture_output=True, **self.user)
        shutil.rmtree(self.dir, ignore_errors=True)
        if self._old_term is not None:
            signal.signal(signal.SIGTERM, self._old_term)
            self._old_term = None

    # ---- loading -------------------------------------------------------
    def load(self, pq):
        """Loads the tables from the directory `kinerja demo synth --out DIR
        --format parquet` wrote (answers as Parquet, other tables as CSV;
        either format is taken for any table): DuckDB writes each Parquet
        file as CSV, psycopg streams CSV files into COPY … FROM STDIN; then
        the primary keys and VACUUM ANALYZE. Returns seconds per phase."""
        t = {"convert_s": 0.0, "copy_s": 0.0, "keys_s": 0.0, "vacuum_analyze_s": 0.0}
        cur = self.conn.cursor()
        for name, ddl in TABLES.items():
            src = os.path.join(pq, f"{name}.csv")
            tmp = None
            if os.path.exists(os.path.join(pq, f"{name}.parquet")):
                t0 = time.perf_counter()
                tmp = os.path.join(self.dir, f"{name}.csv")
                duckdb.connect().execute(
                    f"COPY (SELECT * FROM read_parquet('{pq}/{name}.parquet')) TO '{tmp}' (HEADER, DELIMITER ',')")
                src = tmp
                t["convert_s"] += time.perf_counter() - t0
            t0 = time.perf_counter()
            with open(src, "rb") as f:
                cols = f.readline().decode().strip()  # copy by the header's column names, in its order
                with self.conn.transaction():
                    cur.execute(f"DROP TABLE IF EXISTS {name}")
                    cur.execute(ddl)
                    with cur.copy(f"COPY {name} ({cols}) FROM STDIN (FORMAT csv)") as cp:
                        while chunk := f.read(1 << 20):
                            cp.write(chunk)
            t["copy_s"] += time.perf_counter() - t0
            if tmp:
                os.remove(tmp)
        t0 = time.perf_counter()
        for k in KEYS:
            cur.execute(k)
        t["keys_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        cur.execute("VACUUM (ANALYZE)")
        t["vacuum_analyze_s"] = time.perf_counter() - t0
        t["total_s"] = sum(t.values())
        t = {k: round(v, 3) for k, v in t.items()}
        t["table_mb"] = round(cur.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 2**20, 1)
        return t

    # ---- memory ----------------------------------------------------------
    def pids(self):
        """The postmaster and its children (backends, background and
        parallel workers)."""
        try:
            with open(os.path.join(self.data, "postmaster.pid")) as f:
                pm = int(f.readline())
        except (OSError, ValueError):
            return []
        out = [pm]
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    with open(f"/proc/{d}/stat") as f:
                        ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                if ppid == pm:
                    out.append(int(d))
        return out

    def hwm_mb(self):
        """Sum of VmHWM (peak resident set) over the server's processes, MB.
        Best effort: shared buffers are counted in every process that
        touched them, so this overstates the machine's use."""
        return sum(_kb(p, "VmHWM") for p in self.pids()) / 1024

    def reset_hwm(self):
        for p in self.pids():
            try:
                with open(f"/proc/{p}/clear_refs", "w") as f:
                    f.write("5")  # resets VmHWM to the current RSS (Linux ≥ 4.0)
            except OSError:
                pass

    def peak_during(self, fn, interval=0.005):
        """Runs fn once and returns the peak of hwm_mb() sampled meanwhile
        (sampling catches parallel workers, which exit with the query)."""
        self.reset_hwm()
        peak, done = [self.hwm_mb()], threading.Event()

        def sample():
            while not done.is_set():
                peak[0] = max(peak[0], self.hwm_mb())
                time.sleep(interval)

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        try:
            fn()
        finally:
            done.set()
            th.join()
        return max(peak[0], self.hwm_mb())
