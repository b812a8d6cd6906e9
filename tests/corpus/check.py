#!/usr/bin/env python3
"""Runs every case of tests/corpus/cases the way the Rust runner does and
reports pass/fail (see tests/corpus/README.md for the case format).

    KINERJA_BIN=/path/to/kinerja python3 tests/corpus/check.py [--show] [CASE-PREFIX...]

Without KINERJA_BIN the binary is $CARGO_TARGET_DIR/debug/kinerja
(default ~/.cache/kinerja-target/debug/kinerja). --show prints each case's
exit code and stderr. Exit status: 0 when every case passes.

Besides the case's own expectations it checks, for every case:
  * stderr holds no Rust panic ("panicked at");
  * exit code is the one expected;
  * for load and plan-import cases that fail: the database holds exactly
    what it held before (row count and content hash of every data table).
"""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEED = ROOT / "data"
CASES = HERE / "cases"

TABLES = [
    "wilayah", "desa_statistik", "renstra", "tujuan", "sasaran", "strategi", "indikator",
    "sasaran_indikator", "target", "realisasi", "skm_survei", "skm_nrr", "skm_jawaban",
    "skm_agregat", "akip_komponen", "anggaran_belanja", "anggaran_program", "program_sasaran",
    "tercetak", "narasi", "skenario", "audit_temuan",
]
FINGERPRINT = " UNION ALL ".join(
    f"SELECT '{t}' AS t, count(*) AS n, "
    f"md5(coalesce(string_agg(x::VARCHAR, '|' ORDER BY x::VARCHAR), '')) AS h FROM {t} x"
    for t in TABLES
)


def binary():
    if os.environ.get("KINERJA_BIN"):
        return os.environ["KINERJA_BIN"]
    target = os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/kinerja-target"))
    return os.path.join(target, "debug", "kinerja")


def parse_case(path):
    spec = {"desc": "", "command": None, "exit": None, "expect": [], "remove": [], "generate": [], "bug": []}
    for raw in (path / "case.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            text = line[1:].strip()
            if text.startswith("BUG:"):
                spec["bug"].append(text)
            elif not spec["desc"]:
                spec["desc"] = text
            continue
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key == "command":
            spec["command"] = value
        elif key == "exit":
            spec["exit"] = int(value)
        elif key == "expect":
            spec["expect"].append(value)
        elif key == "remove":
            spec["remove"].append(value)
        elif key == "generate":
            spec["generate"].append(value.split())
        else:
            raise ValueError(f"{path.name}: unknown key {key!r}")
    if spec["command"] is None or spec["exit"] is None:
        raise ValueError(f"{path.name}: command and exit are required")
    return spec


def run(args, cwd):
    # The cases are written against the English messages (`LANG=en_*`);
    # tests/it/corpus.rs also runs them in Bahasa Indonesia.
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "en_US.UTF-8"
    p = subprocess.run(args, cwd=cwd, capture_output=True, timeout=600, env=env)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def fingerprint(db):
    code, out, err = run([binary(), "sql", "--db", str(db), "--format", "csv", FINGERPRINT], cwd=ROOT)
    if code != 0:
        return f"(fingerprint failed: {err.strip()})"
    return out


def generate(kind, name, size, data_dir):
    """`generate: long-line FILE N`: FILE as it is (seed or case file) plus
    one line of N bytes '9' and a newline."""
    if kind != "long-line":
        raise ValueError(f"unknown generator {kind}")
    target = data_dir / name
    with open(target, "ab") as f:
        chunk = b"9" * (1 << 20)
        left = int(size)
        while left > 0:
            f.write(chunk[: min(left, len(chunk))])
            left -= len(chunk)
        f.write(b"\n")


class Seeded:
    """A database with the seed loaded, copied for each case."""

    def __init__(self, tmp):
        self.template = Path(tmp) / "seed.duckdb"
        code, _, err = run([binary(), "load", str(SEED), "--db", str(self.template)], cwd=ROOT)
        if code != 0:
            sys.exit(f"loading the seed failed:\n{err}")

    def fresh(self, dest):
        shutil.copyfile(self.template, dest)
        return dest


def run_case(case, spec, seeded, tmp, max_generate=None):
    work = Path(tempfile.mkdtemp(dir=tmp, prefix=case.name[:3] + "-"))
    db = seeded.fresh(work / "k.duckdb")
    words = spec["command"].split()
    cmd, rest = words[0], words[1:]
    check_db = False
    if cmd == "load":
        data = work / "data"
        data.mkdir()
        for f in sorted(SEED.glob("*.csv")):
            shutil.copyfile(f, data / f.name)
        files = case / "files"
        if files.is_dir():
            for f in sorted(files.iterdir()):
                if f.is_file():
                    shutil.copyfile(f, data / f.name)
        for name in spec["remove"]:
            (data / name).unlink()
        for g in spec["generate"]:
            kind, name, size = g
            if max_generate is not None:
                size = str(min(int(size), max_generate))
            generate(kind, name, size, data)
        args = [binary(), "load", str(data), "--db", str(db)]
        check_db = True
    elif cmd == "calc":
        args = [binary(), "calc", *rest]
    elif cmd == "plan-import":
        args = [binary(), "plan", "import", str(case / "files" / rest[0]), "--scenario", "corpus", "--db", str(db)]
        check_db = True
    elif cmd == "audit":
        args = [binary(), "audit", "files/" + rest[0]]
    else:
        raise ValueError(f"{case.name}: unknown command {cmd}")
    before = fingerprint(db) if check_db else None
    code, out, err = run(args, cwd=case)
    problems = []
    if code != spec["exit"]:
        problems.append(f"exit {code}, expected {spec['exit']}")
    for e in spec["expect"]:
        if e not in err:
            problems.append(f"stderr lacks {e!r}")
    if "panicked at" in err:
        problems.append("panic")
    if check_db and code != 0:
        after = fingerprint(db)
        if after != before:
            problems.append("the failed command changed the database")
    shutil.rmtree(work, ignore_errors=True)
    return problems, code, out, err


def main():
    argv = sys.argv[1:]
    show = "--show" in argv
    only = [a for a in argv if not a.startswith("--")]
    max_generate = int(os.environ["CORPUS_MAX_GENERATE"]) if os.environ.get("CORPUS_MAX_GENERATE") else None
    cases = sorted(p for p in CASES.iterdir() if p.is_dir() and (p / "case.txt").exists())
    if only:
        cases = [c for c in cases if any(c.name.startswith(o) for o in only)]
    failed, bugs = [], []
    with tempfile.TemporaryDirectory(prefix="kinerja-corpus-") as tmp:
        seeded = Seeded(tmp)
        for case in cases:
            spec = parse_case(case)
            problems, code, out, err = run_case(case, spec, seeded, tmp, max_generate)
            status = "ok  " if not problems else "FAIL"
            print(f"{status} {case.name}" + ("" if not problems else ": " + "; ".join(problems)))
            if show:
                print(f"     exit {code}")
                shown = err if len(err) < 4000 else err[:2000] + f"\n     … ({len(err)} bytes) …\n" + err[-1000:]
                for line in shown.splitlines():
                    print("     | " + line)
            if problems:
                failed.append(case.name)
            bugs.extend(f"{case.name}: {b}" for b in spec["bug"])
    print(f"\n{len(cases) - len(failed)} of {len(cases)} cases pass.")
    if bugs:
        print(f"{len(bugs)} recorded BUG line(s):")
        for b in bugs:
            print("  " + b)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
