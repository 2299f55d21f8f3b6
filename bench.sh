#!/usr/bin/env bash
# Installs what the benchmarks need, builds the `bench` preset and runs the
# matcher benchmarks; writes build/bench/results.json and prints a table.
# Extra arguments go to matcher_bench (e.g. --graduates 100000 for a quick run).
#   ./bench.sh --compare REV [matcher_bench options]: REV against the working
#   tree, A/B/A/B in the same sitting, with ratios (bench/compare.sh).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh bench
if [ "${1:-}" = --compare ]; then
  shift
  exec bench/compare.sh "$@"
fi
cmake --preset bench >/dev/null
cmake --build --preset bench --target matcher_bench
mkdir -p build/bench
# FAISS's OpenMP threads otherwise spin against OpenBLAS's on 2 cores.
export OMP_WAIT_POLICY=PASSIVE
build/bench/matcher_bench --threads "$(nproc)" --out build/bench/results.json \
  --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$@"
# The other connections beside graduates x jobs, same world, same run (issue 13).
cmake --build --preset bench --target connections_bench
build/bench/connections_bench --threads "$(nproc)" --out build/bench/connections.json
cmake --build --preset bench --target talentmatch && bench/api_bench.sh build/talentmatch  # HTTP API: wrk, nginx ceiling, bulk ingest
bench/quality.sh  # match quality vs expert judgement (not a timing): build/bench/quality.json
