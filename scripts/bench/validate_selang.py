"""Validates the IKM intervals of `kinerja calc ikm --jawaban FILE` against
numpy and scipy (prints a report; exits non-zero when a check fails).

The IKM of raw answers is 25/9 · Σ_u S_u/C_u (S_u, C_u: the sum and count
of the answers to unsur u; a skipped answer is left out of its unsur).
Synthetic surveys are generated with numpy (fixed seed): each respondent has
a level shared by their nine answers (latent = 3 + level + unsur offset +
noise, rounded and clipped to 1..4), about 2 % of answers skipped. Each
survey is written as a CSV (`responden,unsur_id,skor`) and given to the
binary (`--format json`). Checks:

1. The point IKM, and the analytic interval ("selang_95"), against an
   independent numpy implementation of the delta method: var = c² · n/(n−1)
   · Σ_i z_i², z_i = Σ_u (s_iu − NRR_u·c_iu)/C_u, c = 25/9, bounds IKM ±
   1.96·se. Bounds must agree to ±0.01 after rounding to 2 dp; the binary's
   standard error is rounded up at 4 dp, so 0 ≤ se_bin − se_numpy ≤ 0.0001.
2. The percentile bootstrap (`--bootstrap 2000`) against
   `scipy.stats.bootstrap(method='percentile', n_resamples=2000)`, the
   statistic being the IKM of a resample of respondent indices. Two
   independent 2000-resample estimates of a 2.5 % percentile differ by
   Monte-Carlo error only: the sd of one is σ·√(p(1−p)/B)/φ(z_p) = 0.0597σ
   (normal approximation, σ the bootstrap standard error), of the difference
   √2 times that. Tolerance: 4 such sd, plus 0.005 for the binary's
   rounding. The standard errors: sd of a sample sd of B draws ≈
   σ/√(2(B−1)); tolerance 4·√2 of those, plus 0.0001.
3. The analytic interval against both bootstraps: 4 MC sd of the bootstrap
   percentile, plus the two known systematic differences (the bootstrap's
   plug-in variance lacks the factor n/(n−1): 1.96σ(√(n/(n−1)) − 1); the
   percentile interval follows the skewness γ of the IKM, which the
   symmetric one does not: σ·|γ|·(1.96² − 1)/6, γ = skewness of z_i / √n),
   plus 0.01 for rounding.
4. Coverage: a fixed population of 20,000 synthetic respondents, whose IKM
   (same formula) is the truth; 2,000 surveys of 97 respondents drawn with
   replacement (so no --populasi); the binary's analytic interval and its
   bootstrap (2,000 resamples, a new --benih per survey) must each cover the
   truth in 93–97 % of them. scipy's percentile bootstrap (same resamples)
   is shown for reference.

Run: scripts/validate-selang   (or: python3 scripts/bench/validate_selang.py
--kinerja PATH/TO/kinerja [--surveys N] [--seed S]); needs numpy and scipy.
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import scipy
from scipy import stats

UNSUR = ["persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"]
UNSUR_OFFSET = np.array([0.10, 0.00, -0.30, 0.35, 0.05, 0.15, 0.20, -0.20, -0.10])
SCALE = 25 / 9
Z95 = 1.96
P_LOW = 0.025
SIZES = [60, 97, 200, 400]
RESAMPLES = 2000
MC_SDS = 4


# ---- data -------------------------------------------------------------------


def synth_answers(rng, n):
    """n respondents × 9 unsur, scores 1..4, 0 where skipped (~2 %)."""
    level = rng.normal(0.0, 0.55, size=(n, 1))
    noise = rng.normal(0.0, 0.55, size=(n, len(UNSUR)))
    scores = np.clip(np.rint(3.0 + level + UNSUR_OFFSET + noise), 1, 4).astype(np.uint8)
    scores[rng.random(scores.shape) < 0.02] = 0
    empty = ~scores.any(axis=1)  # a respondent who answered nothing is not one
    scores[empty, 0] = 3
    return scores


def write_csv(path, scores):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["responden", "unsur_id", "skor"])
        for i, row in enumerate(scores, start=1):
            w.writerows((i, UNSUR[u], int(s)) for u, s in enumerate(row) if s > 0)


def run_binary(kinerja, path, bootstrap=None, benih=None):
    cmd = [kinerja, "calc", "ikm", "--jawaban", path, "--format", "json"]
    if bootstrap:
        cmd += ["--bootstrap", str(bootstrap), "--benih", str(benih)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def interval(j, key):
    s = j[key]
    return float(s["bawah"]), float(s["atas"]), float(s["galat_baku"])


# ---- numpy / scipy ----------------------------------------------------------


def ikm(scores, idx=None):
    """The IKM of respondents `idx` (any leading batch shape) of `scores`."""
    rows = scores if idx is None else scores[idx]
    sums = rows.sum(axis=-2, dtype=np.int64)
    counts = (rows > 0).sum(axis=-2)
    return SCALE * (sums / counts).sum(axis=-1)


def influence(scores):
    """z_i = Σ_u (s_iu − NRR_u·c_iu)/C_u of every respondent."""
    answered = scores > 0
    counts = answered.sum(axis=0)
    nrr = scores.sum(axis=0, dtype=np.int64) / counts
    return ((scores - nrr * answered) / counts).sum(axis=1)


def delta_method(scores):
    """(IKM, se, lower, upper) by the delta method, bounds as printed."""
    n = len(scores)
    z = influence(scores)
    se = SCALE * math.sqrt(n / (n - 1) * float((z * z).sum()))
    v = float(ikm(scores))
    return v, se, round2(max(v - Z95 * se, 25.0)), round2(min(v + Z95 * se, 100.0))


def round2(x):
    return float(Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def scipy_bootstrap(scores, resamples, rng):
    """scipy's percentile bootstrap of the IKM, resampling respondents."""
    res = stats.bootstrap(
        (np.arange(len(scores)),),
        lambda idx, axis=-1: ikm(scores, idx),
        n_resamples=resamples,
        method="percentile",
        vectorized=True,
        batch=500,
        rng=rng,
    )
    ci = res.confidence_interval
    return float(ci.low), float(ci.high), float(res.standard_error)


def percentile_mc_sd(sigma, resamples, p=P_LOW):
    """Monte-Carlo sd of a p-percentile estimated from `resamples` draws of
    a normal distribution with sd `sigma`."""
    return sigma * math.sqrt(p * (1 - p) / resamples) / stats.norm.pdf(stats.norm.ppf(p))


def ikm_skewness(scores):
    """The skewness of the IKM's sampling distribution: that of the
    respondents' z_i over √n."""
    return float(stats.skew(influence(scores))) / math.sqrt(len(scores))


def skew_shift(sigma, gamma):
    """How far skewness γ moves a 2.5 %/97.5 % percentile from ±1.96σ
    (Cornish–Fisher, first order)."""
    return sigma * abs(gamma) * (Z95**2 - 1) / 6


# ---- checks -----------------------------------------------------------------


class Report:
    """Pass/fail of every check, and the largest differences seen."""

    def __init__(self):
        self.failed = []
        self.largest = {}

    def check(self, name, ok):
        if not ok:
            self.failed.append(name)
        return "pass" if ok else "FAIL"

    def seen(self, what, diff):
        self.largest[what] = max(self.largest.get(what, 0.0), abs(diff))


def survey_results(kinerja, tmp, seed):
    """One synthetic survey of each size, run through the binary, numpy's
    delta method and scipy's bootstrap."""
    rows = []
    for k, n in enumerate(SIZES):
        scores = synth_answers(np.random.default_rng([seed, 1, n]), n)
        path = os.path.join(tmp, f"survey-{n}.csv")
        write_csv(path, scores)
        j = run_binary(kinerja, path, RESAMPLES, benih=seed + k)
        sp = scipy_bootstrap(scores, RESAMPLES, np.random.default_rng([seed, 2, n]))
        skipped = float((scores == 0).mean())
        rows.append({"n": n, "scores": scores, "bin": j, "np": delta_method(scores), "sp": sp, "skipped": skipped})
    return rows


def check_analytic(rows, rep):
    print("\n1. Point IKM and analytic interval: binary vs numpy's delta method")
    print("   tolerance: IKM to 1e-9 (and the same 2-dp string); bounds ±0.01;")
    print("   se: 0 ≤ binary − numpy ≤ 0.0001 (the binary rounds se up at 4 dp)")
    print(f"   {'n':>4} {'skip%':>5} {'IKM bin':>8} {'IKM np':>10} {'se bin':>7} {'se np':>9}"
          f" {'bawah bin/np':>15} {'atas bin/np':>15}  result")
    for r in rows:
        v, se, lo, hi = r["np"]
        j = r["bin"]
        blo, bhi, bse = interval(j, "selang_95")
        ok_ikm = abs(float(j["ikm_tepat"]) - v) < 1e-9 and float(j["ikm"]) == round2(v)
        ok_se = -1e-8 <= bse - se <= 1e-4 + 1e-8
        ok_b = abs(blo - lo) <= 0.01 + 1e-9 and abs(bhi - hi) <= 0.01 + 1e-9
        rep.seen("analytic bound vs numpy", max(abs(blo - lo), abs(bhi - hi)))
        rep.seen("analytic se vs numpy", bse - se)
        res = rep.check(f"analytic n={r['n']}", ok_ikm and ok_se and ok_b)
        print(f"   {r['n']:>4} {100 * r['skipped']:>5.1f} {j['ikm']:>8} {v:>10.4f} {bse:>7.4f} {se:>9.6f}"
              f" {blo:>7.2f}/{lo:<7.2f} {bhi:>7.2f}/{hi:<7.2f}  {res}")


def check_bootstrap(rows, rep):
    mc = percentile_mc_sd(1.0, RESAMPLES)
    print(f"\n2. Bootstrap ({RESAMPLES} resamples): binary vs scipy.stats.bootstrap(method='percentile')")
    print(f"   MC sd of one 2.5 % percentile = {mc:.4f}σ; tolerance on bounds = {MC_SDS}·√2·{mc:.4f}σ"
          f" + 0.005 = {MC_SDS * math.sqrt(2) * mc:.3f}σ + 0.005")
    se_mc = 1 / math.sqrt(2 * (RESAMPLES - 1))
    print(f"   tolerance on se = {MC_SDS}·√2·σ/√(2(B−1)) + 0.0001 = {MC_SDS * math.sqrt(2) * se_mc:.4f}σ + 0.0001")
    print(f"   {'n':>4} {'σ':>6} {'tol':>6} {'bawah bin':>9} {'scipy':>8} {'diff':>6}"
          f" {'atas bin':>9} {'scipy':>8} {'diff':>6} {'se bin':>7} {'scipy':>7} {'tol':>6}  result")
    for r in rows:
        lo, hi, sigma = r["sp"]
        blo, bhi, bse = interval(r["bin"], "selang_95_bootstrap")
        tol = MC_SDS * math.sqrt(2) * mc * sigma + 0.005
        tol_se = MC_SDS * math.sqrt(2) * se_mc * sigma + 1e-4
        dlo, dhi = blo - lo, bhi - hi
        rep.seen("bootstrap bound vs scipy", max(abs(dlo), abs(dhi)))
        rep.seen("bootstrap bound vs scipy, in tolerances", max(abs(dlo), abs(dhi)) / tol)
        rep.seen("bootstrap se vs scipy, relative", (bse - sigma) / sigma)
        ok = abs(dlo) <= tol and abs(dhi) <= tol and abs(bse - sigma) <= tol_se
        res = rep.check(f"bootstrap n={r['n']}", ok)
        print(f"   {r['n']:>4} {sigma:>6.3f} {tol:>6.3f} {blo:>9.2f} {lo:>8.3f} {dlo:>+6.3f}"
              f" {bhi:>9.2f} {hi:>8.3f} {dhi:>+6.3f} {bse:>7.4f} {sigma:>7.4f} {tol_se:>6.4f}  {res}")


def check_analytic_vs_bootstraps(rows, rep):
    mc = percentile_mc_sd(1.0, RESAMPLES)
    print("\n3. Analytic interval vs both bootstraps")
    print(f"   tolerance = {MC_SDS}·{mc:.4f}σ (MC) + 1.96σ(√(n/(n−1))−1) (variance divisor)"
          " + σ|γ|(1.96²−1)/6 (skewness) + 0.01 (rounding)")
    print(f"   {'n':>4} {'σ':>6} {'|γ|':>6} {'tol':>6} {'bawah an':>8} {'bin bs':>7} {'scipy':>7}"
          f" {'atas an':>8} {'bin bs':>7} {'scipy':>7} {'max diff':>8}  result")
    for r in rows:
        n, sigma = r["n"], r["sp"][2]
        alo, ahi, _ = interval(r["bin"], "selang_95")
        blo, bhi, _ = interval(r["bin"], "selang_95_bootstrap")
        slo, shi = r["sp"][0], r["sp"][1]
        gamma = abs(ikm_skewness(r["scores"]))
        tol = MC_SDS * mc * sigma + Z95 * sigma * (math.sqrt(n / (n - 1)) - 1) + skew_shift(sigma, gamma) + 0.01
        diff = max(abs(alo - blo), abs(alo - slo), abs(ahi - bhi), abs(ahi - shi))
        rep.seen("analytic vs bootstraps", diff)
        rep.seen("analytic vs bootstraps, in tolerances", diff / tol)
        res = rep.check(f"analytic vs bootstraps n={n}", diff <= tol)
        print(f"   {n:>4} {sigma:>6.3f} {gamma:>6.3f} {tol:>6.3f} {alo:>8.2f} {blo:>7.2f} {slo:>7.2f}"
              f" {ahi:>8.2f} {bhi:>7.2f} {shi:>7.2f} {diff:>8.3f}  {res}")


# ---- coverage ---------------------------------------------------------------


def coverage_counts(kinerja, tmp, args):
    """Draws the surveys and counts, per interval, the misses below and
    above the truth and the summed widths."""
    population = synth_answers(np.random.default_rng([args.seed, 3]), args.population)
    truth = float(ikm(population))
    draw, boot_rng = np.random.default_rng([args.seed, 4]), np.random.default_rng([args.seed, 5])
    kinds = ["analytic", "bootstrap", "scipy"] if args.coverage_bootstrap else ["analytic"]
    tally = {k: {"below": 0, "above": 0, "width": 0.0} for k in kinds}
    path = os.path.join(tmp, "coverage.csv")
    for s in range(args.surveys):
        scores = population[draw.integers(0, len(population), args.sample)]
        write_csv(path, scores)
        j = run_binary(kinerja, path, args.coverage_bootstrap, benih=s + 1)
        bounds = {"analytic": interval(j, "selang_95")[:2]}
        if args.coverage_bootstrap:
            bounds["bootstrap"] = interval(j, "selang_95_bootstrap")[:2]
            bounds["scipy"] = scipy_bootstrap(scores, args.coverage_bootstrap, boot_rng)[:2]
        for k, (lo, hi) in bounds.items():
            tally[k]["below"] += truth < lo  # the interval lies above the truth
            tally[k]["above"] += truth > hi
            tally[k]["width"] += hi - lo
    return truth, tally


def check_coverage(kinerja, tmp, args, rep):
    print(f"\n4. Coverage: {args.surveys} surveys of {args.sample} respondents drawn with replacement from a"
          f" population of {args.population:,}")
    started = time.monotonic()
    truth, tally = coverage_counts(kinerja, tmp, args)
    elapsed = time.monotonic() - started
    runs = args.surveys
    sd = 100 * math.sqrt(0.95 * 0.05 / runs)
    print(f"   truth (population IKM) = {truth:.4f}; required 93–97 % (binomial sd at 95 % = {sd:.2f} points)")
    print(f"   {'interval':<28} {'covered':>9} {'%':>6} {'miss low':>9} {'miss high':>9} {'mean width':>10}  result")
    names = {"analytic": "binary analytic", "bootstrap": f"binary bootstrap ({args.coverage_bootstrap})",
             "scipy": f"scipy percentile ({args.coverage_bootstrap})"}
    for k, t in tally.items():
        covered = runs - t["below"] - t["above"]
        pct = 100 * covered / runs
        res = rep.check(f"coverage {k}", 93 <= pct <= 97) if k != "scipy" else "(reference)"
        rep.largest[f"coverage {k} %"] = pct
        print(f"   {names[k]:<28} {covered:>5}/{runs:<4} {pct:>5.1f} {t['above']:>9} {t['below']:>9}"
              f" {t['width'] / runs:>10.2f}  {res}")
    print("   (miss low: the interval lies wholly below the truth; miss high: wholly above)")
    print(f"   time: {elapsed:.1f} s ({1000 * elapsed / runs:.0f} ms per survey)")


# ---- main -------------------------------------------------------------------


def summary(rep, elapsed):
    print("\nLargest differences")
    for what, v in rep.largest.items():
        if not what.startswith("coverage"):
            print(f"   {what:<42} {v:.6f}")
    print(f"\nTotal time: {elapsed:.1f} s")
    if rep.failed:
        print(f"FAIL: {len(rep.failed)} check(s) failed: {', '.join(rep.failed)}")
        return 1
    print("PASS: every check passed")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kinerja", required=True, help="the kinerja binary")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--surveys", type=int, default=2000, help="surveys of the coverage check")
    ap.add_argument("--sample", type=int, default=97, help="respondents per coverage survey")
    ap.add_argument("--population", type=int, default=20_000)
    ap.add_argument("--coverage-bootstrap", type=int, default=RESAMPLES, help="resamples in coverage (0: analytic only)")
    args = ap.parse_args()
    started = time.monotonic()
    print("Validation of `kinerja calc ikm --jawaban` intervals against numpy and scipy")
    print(f"   binary {args.kinerja}; numpy {np.__version__}, scipy {scipy.__version__}; seed {args.seed}")
    print(f"   surveys of {', '.join(map(str, SIZES))} respondents; IKM = 25/9 · Σ_u S_u/C_u")
    rep = Report()
    with tempfile.TemporaryDirectory(prefix="validate-selang-") as tmp:
        rows = survey_results(args.kinerja, tmp, args.seed)
        check_analytic(rows, rep)
        check_bootstrap(rows, rep)
        check_analytic_vs_bootstraps(rows, rep)
        check_coverage(args.kinerja, tmp, args, rep)
    return summary(rep, time.monotonic() - started)


if __name__ == "__main__":
    sys.exit(main())
