#!/usr/bin/env bash
# The distributed batch (talentmatch-mpi, issue 15) against the
# single-process batch on the same data, in the same run, interleaved:
#   single   talentmatch batch --threads 2           (the baseline)
#   np1-t2   mpirun -np 1 talentmatch-mpi --threads 2
#   np2-t1   mpirun -np 2 talentmatch-mpi --threads 1  (one core per rank)
#   np2-t2   mpirun -np 2 talentmatch-mpi --threads 2  (oversubscribed in top-k;
#            rank 0 keeps 2 threads for the stages it runs alone)
# Each round runs every variant once, in an order rotated per round, each on a
# fresh copy of the same imported store and a fresh output directory (the
# copy is not timed). Before timing counts, every run's published files are
# compared with the baseline's (all bytes; run.json less its timing fields
# and its thread count).
# Printed per run: wall seconds, the stage seconds of run.json (rank 0), the
# "mpi:" line (graduates and top-k seconds per rank, bytes rank 0 received,
# largest message), peak RSS of the largest process (GNU time: mpirun's
# waited-for children), and the `uptime` load average beside it. At the end:
# the median wall per variant and its ratio to the single-process median.
# mpirun runs with --bind-to none (its default binds np <= 2 to one core
# each, which would starve the threads) and --map-by :OVERSUBSCRIBE.
#
# Usage: bench/mpi_bench.sh [build-dir]
#   GRADUATES=100000 JOBS=10000 ROUNDS=3 SEED=5 set the sizes (province preset;
#   at 200,000 x 20,000 one run took ~5 min here, the assignment most of it).
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build}")
graduates=${GRADUATES:-100000}
jobs=${JOBS:-10000}
rounds=${ROUNDS:-3}
seed=${SEED:-5}
tm=$build/talentmatch
tm_mpi=$build/talentmatch-mpi
for tool in "$tm" "$tm_mpi"; do
  [ -x "$tool" ] || { echo "mpi_bench: $tool is not built (needs libopenmpi-dev)" >&2; exit 1; }
done
command -v mpirun >/dev/null || { echo "mpi_bench: mpirun is not installed (openmpi-bin)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "mpi_bench: GNU time (/usr/bin/time) is not installed" >&2; exit 1; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
work=$build/bench/mpi
mkdir -p "$work"
as_of=2026-06-01

echo "== mpi bench: $(nproc) cores, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
echo "   data: generate --preset province --graduates $graduates --jobs $jobs --seed $seed --date 2026-05-01; batch --as-of $as_of"
data="$work/g$graduates-j$jobs-s$seed"
if [ ! -f "$data.db" ]; then
  "$tm" generate --preset province --graduates "$graduates" --jobs "$jobs" --seed "$seed" \
    --date 2026-05-01 --out "$data.gen" >/dev/null 2>&1
  "$tm" import --db "$data.db.tmp" "$data.gen" >/dev/null 2>&1
  mv "$data.db.tmp" "$data.db"
fi

variants=(single np1-t2 np2-t1 np2-t2)
command_of() {
  local db=$1 out=$2
  case $3 in
    single) echo "$tm batch --db $db --out $out --as-of $as_of --threads 2" ;;
    np*-t*)
      local np=${3#np} threads=${3#*-t}
      np=${np%%-*}
      echo "mpirun --map-by :OVERSUBSCRIBE --bind-to none -np $np $tm_mpi batch --db $db --out $out --as-of $as_of --threads $threads"
      ;;
  esac
}

for v in "${variants[@]}"; do echo "   $v: $(command_of "$work/$v.db" "$work/$v" "$v")"; done

# run.json less its timing fields and "threads" (which the variants set).
strip_run_json() {
  grep -vE '^ *"(started_at|finished_at|seconds|graduate_job_pairs_per_second|peak_rss_mib|threads)":' "$1"
}
same_as_baseline() {
  local a=$work/single/latest b=$1/latest f
  diff -q <(ls "$a") <(ls "$b") >/dev/null || return 1
  for f in $(ls "$a"); do
    if [ "$f" = run.json ]; then
      diff -q <(strip_run_json "$a/$f") <(strip_run_json "$b/$f") >/dev/null || return 1
    else
      cmp -s "$a/$f" "$b/$f" || return 1
    fi
  done
}
stages() {  # "snapshot 1.2 top-k graduates 3.4 ..." from run.json
  awk -F'"' '/"seconds":/ {s=$3; gsub(/[:, ]/, "", s)} /"stage":/ {printf "%s=%.2f ", $4, s}' "$1"
}

stage_of() {  # stage_of RUN_JSON NAME: that stage's seconds
  awk -F'"' -v want="$2" '/"seconds":/ {s=$3; gsub(/[:, ]/, "", s)} /"stage":/ && $4 == want {print s}' "$1"
}

declare -A walls topks
for ((round = 1; round <= rounds; ++round)); do
  n=${#variants[@]}
  for ((i = 0; i < n; ++i)); do
    v=${variants[(i + round - 1) % n]}
    rm -rf "$work/$v" "$work/$v.db"*
    cp "$data.db" "$work/$v.db"
    load=$(uptime | sed 's/.*load average: //')
    # shellcheck disable=SC2046
    /usr/bin/time -f "%e %M" -o "$work/$v.time" $(command_of "$work/$v.db" "$work/$v" "$v") \
      >"$work/$v.log" 2>&1 || { cat "$work/$v.log" >&2; echo "mpi_bench: $v failed" >&2; exit 1; }
    read -r wall rss_kib <"$work/$v.time"
    if [ "$v" != single ] && ! same_as_baseline "$work/$v"; then
      echo "mpi_bench: $v's published files differ from the single-process run's" >&2
      exit 1
    fi
    walls[$v]+="$wall "
    topks[$v]+="$(stage_of "$work/$v/latest/run.json" "top-k graduates") "
    printf 'round %d %-7s wall %6.2f s  peak RSS %5d MiB  load before %s\n' "$round" "$v" "$wall" \
      $((rss_kib / 1024)) "$load"
    printf '    stages: %s\n' "$(stages "$work/$v/latest/run.json")"
    grep '^mpi: ' "$work/$v.log" | sed 's/^/    /' || true
  done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
base=$(echo "${walls[single]}" | median)
base_topk=$(echo "${topks[single]}" | median)
echo "== medians over $rounds rounds (load now: $(uptime | sed 's/.*load average: //'))"
for v in "${variants[@]}"; do
  m=$(echo "${walls[$v]}" | median)
  t=$(echo "${topks[$v]}" | median)
  printf '%-7s median wall %7.2f s (%.3f x single)  top-k graduates %7.2f s (%.3f x single)  walls: %s\n' \
    "$v" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN {print a / b}')" \
    "$t" "$(awk -v a="$t" -v b="$base_topk" 'BEGIN {print a / b}')" "${walls[$v]}"
done
