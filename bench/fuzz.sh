#!/usr/bin/env bash
# Builds the `fuzz` preset (clang, libFuzzer + ASan + UBSan; fuzz/README.md)
# and runs every fuzz target for SECONDS each, one at a time, single process,
# at nice 19. Each run starts from the committed corpus fuzz/corpus/<target>/
# plus what earlier runs found (build-fuzz/corpus/<target>/, not committed).
# Findings (crash-*, timeout-*, oom-*, leak-*) go to build-fuzz/findings/<target>/.
# Prints per target: CPU seconds, executions, findings; exits 1 if any.
#
# usage: bench/fuzz.sh SECONDS [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: bench/fuzz.sh SECONDS [TARGET...]}
shift
cmake --preset fuzz -DCMAKE_CXX_COMPILER_LAUNCHER="$(command -v ccache || true)" >/dev/null
nice -n 19 cmake --build --preset fuzz
if [ $# -gt 0 ]; then targets=("$@"); else mapfile -t targets <build-fuzz/fuzz_targets.txt; fi

# libFuzzer's -timeout and its slow-unit report (-report_slow_units, 10 s)
# are wall-clock: at nice 19 on a loaded machine an input can be starved past
# them. A timeout or slow unit counts only if the input is slow again when
# replayed at normal priority; otherwise it is set aside.
set_aside_starved() {  # target findings-dir
  local slow
  for slow in "$2"/timeout-* "$2"/slow-unit-*; do
    [ -e "$slow" ] || continue
    if "build-fuzz/fuzz/$1" -timeout=10 -rss_limit_mb=2048 "$slow" >/dev/null 2>&1; then
      mkdir -p "$2/unreproduced" && mv "$slow" "$2/unreproduced/"
      echo "  $1: $(basename "$slow") replayed in time (starved, not slow): set aside" >&2
    fi
  done
}

total_findings=0
printf '%-28s %10s %14s %9s\n' target cpu_s executions findings
for t in "${targets[@]}"; do
  work=build-fuzz/corpus/$t findings=build-fuzz/findings/$t log=build-fuzz/findings/$t.log
  mkdir -p "$work" "$findings"
  set_aside_starved "$t" "$findings"
  before=$(find "$findings" -maxdepth 1 -type f | wc -l)
  start=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  # -rss_limit_mb: ASan; -timeout: one input may take at most 10 s. libFuzzer
  # stops at its first timeout; when that input was only starved (set aside
  # above), the run goes on with the time left.
  : >"$log"
  deadline=$((SECONDS + seconds))
  while left=$((deadline - SECONDS)) && [ "$left" -gt 0 ]; do  # (0 would mean no limit)
    nice -n 19 "build-fuzz/fuzz/$t" "$work" "fuzz/corpus/$t" \
      -max_total_time="$left" -print_final_stats=1 -timeout=10 \
      -rss_limit_mb=2048 -artifact_prefix="$findings/" >"$log.round" 2>&1 || true
    cat "$log.round" >>"$log"
    set_aside_starved "$t" "$findings"
    grep -q 'ERROR: libFuzzer: timeout' "$log.round" || break
    [ "$(find "$findings" -maxdepth 1 -type f | wc -l)" -eq "$before" ] || break
  done
  rm -f "$log.round"
  end=$(awk '{print $14+$15+$16+$17}' /proc/$$/stat)
  cpu=$(awk -v a="$start" -v b="$end" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.1f", (b-a)/hz}')
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | awk '{n += $1} END {print n}')
  found=$(( $(find "$findings" -maxdepth 1 -type f | wc -l) - before ))
  total_findings=$((total_findings + found))
  printf '%-28s %10s %14s %9s\n' "$t" "$cpu" "${execs:-?}" "$found"
  if [ "$found" -gt 0 ]; then grep -m3 -E 'ERROR|FUZZ_CHECK|runtime error' "$log" | sed 's/^/    /' || true; fi
done
echo "findings: $total_findings (build-fuzz/findings/)"
[ "$total_findings" -eq 0 ]
