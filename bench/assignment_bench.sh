#!/usr/bin/env bash
# The nightly batch end to end (issue 11: the assignment over every eligible
# pair), the code before the change (commit 0cf38c3: deferred acceptance over
# each graduate's best --depth jobs only) against this one, in the same run:
# the same generated province-shaped world imported by each binary into its
# own store, then `batch` A, B, A, B ... (ROUNDS rounds), each into a fresh
# output directory. Prints per run: wall, user and system CPU seconds, peak
# RSS, the assignment stage's seconds, filled openings, placed graduates and
# the blocking pairs the run reports; then new / old for wall and peak RSS.
#
# Usage: bench/assignment_bench.sh [new-talentmatch] [old-talentmatch]
#   default new: build/talentmatch; default old: 0cf38c3 built into
#   build/bench/old-server (git archive + cmake, once; shared with
#   slow_clients_bench.sh).
#   GRADUATES=1000000 JOBS=100000 (the province preset) ROUNDS=2 SEED=42
#   DATE=2026-12-01 (generation date and the runs' --as-of) set the world.
set -euo pipefail
cd "$(dirname "$0")/.."
graduates=${GRADUATES:-1000000}
jobs=${JOBS:-100000}
rounds=${ROUNDS:-2}
seed=${SEED:-42}
date=${DATE:-2026-12-01}
new_tm=$(realpath "${1:-build/talentmatch}")
source bench/old_binary.sh
old_binary assignment_bench "${2:-}"
[ -x /usr/bin/time ] || { echo "assignment_bench: /usr/bin/time is not installed (apt-get install time)" >&2; exit 1; }
work=$(realpath -m build/bench/assignment)
rm -rf "$work" && mkdir -p "$work"

echo "== assignment bench: $(nproc) cores, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
echo "world: generate --preset province --graduates $graduates --jobs $jobs --seed $seed --date $date"
"$new_tm" generate --preset province --graduates "$graduates" --jobs "$jobs" --seed "$seed" \
  --date "$date" --out "$work/generated" >/dev/null
# The world both binaries read: the kinds 0cf38c3 knows, without the fields
# added since (a certificate's evidenced skills, a job's description), so
# both stores hold the same graduates, jobs and programs.
bench/common_world.py "$work/generated" "$work/data"
"$old_tm" import --db "$work/old.db" "$work/data" >/dev/null
"$new_tm" import --db "$work/new.db" "$work/data" >/dev/null

# Field $2 of a JSON file's `"name": value` line (the files are pretty-printed).
json_field() { grep -m1 "\"$2\":" "$1" | sed -E 's/.*: *//; s/[,}]*$//'; }
stage_seconds() {
  /usr/bin/python3 -c 'import json,sys
r=json.load(open(sys.argv[1]))
print("%.1f" % next(s["seconds"] for s in r["stage_seconds"] if s["stage"]=="assignment"))' "$1"
}

declare -A wall_sum user_sum rss_max
for side in old new; do wall_sum[$side]=0; user_sum[$side]=0; rss_max[$side]=0; done
printf '%-5s %-4s %8s %8s %7s %9s %9s %9s %9s %9s  %s\n' round side wall_s user_s sys_s rss_mib assign_s filled placed blocking load
for round in $(seq 1 "$rounds"); do
  for side in old new; do
    tm=$old_tm && [ "$side" = new ] && tm=$new_tm
    out="$work/out-$side"
    rm -rf "$out"
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    as_of=(--as-of "$date") && [ "$side" = old ] && as_of=()  # 0cf38c3 ignored valid_until
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$tm" batch --db "$work/$side.db" --out "$out" \
      "${as_of[@]}" >/dev/null 2>"$work/batch-$side.err"
    read -r wall user sys rss_kb <"$work/time"
    latest="$out/latest"
    printf '%-5s %-4s %8.1f %8.1f %7.1f %9d %9s %9s %9s %9s  %s\n' "$round" "$side" "$wall" "$user" "$sys" \
      $((rss_kb / 1024)) "$(stage_seconds "$latest/run.json")" \
      "$(json_field "$latest/assignment.json" filled_openings)" \
      "$(json_field "$latest/assignment.json" placed_graduates)" \
      "$(json_field "$latest/assignment.json" blocking_pairs)" "$load"
    wall_sum[$side]=$(awk -v a="${wall_sum[$side]}" -v b="$wall" 'BEGIN { print a + b }')
    user_sum[$side]=$(awk -v a="${user_sum[$side]}" -v b="$user" 'BEGIN { print a + b }')
    [ "$rss_kb" -gt "${rss_max[$side]}" ] && rss_max[$side]=$rss_kb
  done
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
echo "new/old wall (sum over rounds): $(ratio "${wall_sum[new]}" "${wall_sum[old]}")"
echo "new/old user CPU (sum over rounds; steadier than wall when the machine is shared): $(ratio "${user_sum[new]}" "${user_sum[old]}")"
echo "new/old peak RSS: $(ratio "${rss_max[new]}" "${rss_max[old]}")"
echo "(old: stable only within each graduate's --depth best jobs, blocking pairs counted inside them,"
echo " expired jobs included; new: over every eligible pair, jobs past valid_until on $date left out)"
