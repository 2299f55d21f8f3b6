#!/usr/bin/env bash
# wrk_check.sh WRK_OUTPUT: exits 1, naming the counts, when a wrk run had
# non-2xx/3xx answers or socket errors (connect, read, write, timeout): its
# requests/s and latencies would then describe errors, not the answers.
set -euo pipefail
out=${1:?usage: bench/wrk_check.sh WRK_OUTPUT}
if grep -qE 'Non-2xx or 3xx responses|Socket errors' "$out"; then
  echo "wrk_check: $out: $(grep -E 'Non-2xx or 3xx responses|Socket errors' "$out" | tr -s ' ' | paste -sd ';')" >&2
  exit 1
fi
