"""Times Kinerja's documents: process start to file, wall clock.

One LKjIP (PDF, DOCX, HTML) and one PK (PDF, DOCX) of Sei Balai 2024 from
the seed (median of RUNS), the seed kabupaten's 12 LKjIP after `demo synth`
(median of RUNS), and, unless --no-nation, every kecamatan of the national
synthetic data (one run per format; peak RSS from wait4). Checks each
single PDF with poppler: pages, and every font embedded. Prints a Markdown
table for BENCHMARKS.md.

Usage: python3 scripts/bench/documents.py BIN WORK [--runs N] [--fraction F] [--no-nation]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time


def run(cmd):
    """Runs cmd; gives (seconds, peak RSS in MB)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - start
    err = p.stderr.read().decode()
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return seconds, usage.ru_maxrss / 1024


def median_run(make, runs, before=None):
    times, rss = [], []
    for _ in range(runs):
        if before:
            before()
        t, m = run(make())
        times.append(t)
        rss.append(m)
    return statistics.median(times), max(rss)


def pdf_facts(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    pages = next((l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")), "?")
    fonts = subprocess.run(["pdffonts", path], capture_output=True, text=True).stdout.splitlines()[2:]
    embedded = all(l.split()[-5] == "yes" for l in fonts if l.strip())
    return pages, len(fonts), embedded


def du(path):
    out = subprocess.run(["du", "-sb", path], capture_output=True, text=True).stdout
    return int(out.split()[0]) / 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("work")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--fraction", default="1")
    ap.add_argument("--no-nation", action="store_true")
    a = ap.parse_args()
    k, w = a.bin, a.work
    os.makedirs(w, exist_ok=True)
    seed = os.path.join(w, "dokumen-seed.duckdb")
    for f in (seed, seed + ".wal"):
        if os.path.exists(f):
            os.remove(f)
    run([k, "load", "data", "--db", seed])
    rows = []
    one = ["--kecamatan", "Sei Balai", "--tahun", "2024", "--db", seed]
    for cmd, fmt in [("report", "pdf"), ("report", "docx"), ("report", "html"), ("pk", "pdf"), ("pk", "docx")]:
        out = os.path.join(w, f"{cmd}-sei-balai.{fmt}")
        t, m = median_run(lambda: [k, cmd, *one, "--format", fmt, "--out", out], a.runs)
        size = os.path.getsize(out) / 1e6
        facts = ""
        if fmt == "pdf":
            pages, nfonts, emb = pdf_facts(out)
            facts = f"{pages} pages, {nfonts} fonts, {'all' if emb else 'NOT all'} embedded"
        what = "LKjIP" if cmd == "report" else "PK"
        rows.append((f"{what} Sei Balai 2024, {fmt}", 1, f"{t:.2f} s", f"{m:.0f} MB", f"{size:.2f} MB", facts))
    kab = os.path.join(w, "dokumen-kab.duckdb")
    shutil.copy(seed, kab)
    run([k, "demo", "synth", "--db", kab])
    for fmt in ["pdf", "docx"]:
        out = os.path.join(w, f"kab-{fmt}")
        t, m = median_run(
            lambda: [k, "report", "--kabupaten", "12.19", "--tahun", "2024", "--format", fmt, "--out", out, "--db", kab],
            a.runs, before=lambda: shutil.rmtree(out, ignore_errors=True))
        rows.append((f"LKjIP kabupaten 12.19 (12, 11 sintetis), {fmt}", 12, f"{t:.2f} s", f"{m:.0f} MB", f"{du(out):.1f} MB", ""))
    if not a.no_nation:
        nat = os.path.join(w, f"dokumen-nasional-{a.fraction}.duckdb")
        if not os.path.exists(nat):
            run([k, "demo", "synth", "--scale", "national", "--fraction", a.fraction, "--db", nat])
        for fmt in ["pdf", "docx"]:
            out = os.path.join(w, f"nasional-{fmt}")
            shutil.rmtree(out, ignore_errors=True)
            t, m = run([k, "report", "--kabupaten", "semua", "--tahun", "2024", "--format", fmt, "--out", out, "--db", nat])
            n = len(os.listdir(out))
            rows.append((f"LKjIP nasional (sintetis, fraction {a.fraction}), {fmt}", n, f"{t:.1f} s ({t / 60:.1f} min)",
                         f"{m:.0f} MB", f"{du(out) / 1e3:.2f} GB", f"{t / n * 1000:.0f} ms per document"))
    print("| what | documents | time | peak RSS | written | notes |")
    print("|---|---:|---:|---:|---:|---|")
    for r in rows:
        print("| " + " | ".join(str(x) for x in r) + " |")


if __name__ == "__main__":
    main()
