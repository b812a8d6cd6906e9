#!/usr/bin/env bash
# A load into a database on a full disk (needs root, to mount a small tmpfs;
# prints what happened; not part of the tests).
# Usage: scripts/bench/fulldisk.sh KINERJA_BIN DATA_DIR [SIZE]
# DATA_DIR is larger than SIZE (default 40m) once loaded, e.g. national
# synthetic data at 10 % (`kinerja demo synth --scale national --fraction 0.1
# --out DIR --format parquet`). Checks: exit 1, a message saying the disk is
# full, every table as before, the database still readable.
set -euo pipefail
bin="$1"; data="$2"; size="${3:-40m}"
mnt="$(mktemp -d)"
mount -t tmpfs -o size="$size" tmpfs "$mnt"
trap 'umount "$mnt"; rmdir "$mnt"' EXIT
cd "$(dirname "$0")/../.."
"$bin" load data --db "$mnt/k.duckdb" >/dev/null
state() { "$bin" sql "SELECT (SELECT count(*) FROM realisasi), (SELECT count(*) FROM skm_jawaban), (SELECT count(*) FROM wilayah), (SELECT count(*) FROM riwayat)" --format csv --db "$mnt/k.duckdb"; }
before="$(state)"
for limit in 400MB 4GB; do
  set +e
  err="$("$bin" load "$data" --db "$mnt/k.duckdb" --memory-limit "$limit" 2>&1 >/dev/null)"; code=$?
  set -e
  after="$(state)"
  echo "memory limit $limit: exit $code; $(df -h "$mnt" | awk 'NR==2 {print $3 " of " $2 " used"}')"
  echo "  message: $(echo "$err" | tail -1)"
  [ "$code" = 1 ] && [ "$after" = "$before" ] && echo "  database unchanged and readable: $(echo "$after" | tail -1)" \
    || { echo "  FAILED: before $before, after $after"; exit 1; }
done
