#!/usr/bin/env bash
# GET /v1/jobs/{id}/candidates?k=10 on the province store (issue 17: 1M
# graduates, 100k jobs), over real HTTP: the code before the candidate index
# (BASE, default 1004eca, built from git into build/bench/candidates-old-BASE)
# beside this tree's binary, in the same run. Both servers run at once on the
# same store (read-only here) and are measured in turn, old, new, old, new ...
# (ROUNDS rounds of wrk -t2 -c32 -dDURATION s on random job ids), so load from
# other work falls on both. Before any timing, the answers of both servers to
# the same CHECK random jobs must be byte-identical.
#
# Per run: requests/s, p50, p99, server CPU ms per request (the server's
# user + system time over the run / requests), wrk's non-2xx and socket-error
# counts (a run with any is reported as FAILED and the script exits 1), and
# the load average. Then the medians per side and new/old ratios.
#
# Usage: bench/candidates_api_bench.sh [new-talentmatch]
#   default new: build/talentmatch. Env: BASE=1004eca ROUNDS=3 DURATION=15
#   CHECK=50 SEED=42 DATE=2026-12-01 (generation date), GRADUATES=1000000
#   JOBS=100000, DB=<an existing store to reuse instead of generating one>,
#   OLD_DB=<the same store at BASE's schema version, for a BASE older than
#   the store's schema (see store/schema.cpp); default: DB>.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${BASE:-1004eca}
rounds=${ROUNDS:-3}
duration=${DURATION:-15}
check=${CHECK:-50}
seed=${SEED:-42}
date=${DATE:-2026-12-01}
graduates=${GRADUATES:-1000000}
jobs=${JOBS:-100000}
new_tm=$(realpath "${1:-build/talentmatch}")
for tool in wrk curl awk git cmake sqlite3; do
  command -v "$tool" >/dev/null || { echo "candidates_api_bench: $tool is not installed (scripts/setup.sh bench)" >&2; exit 1; }
done
work=$(realpath -m build/bench/candidates_api)
mkdir -p "$work"

# The old binary: BASE's talentmatch, built once (git archive + cmake, ccache).
old_dir=$(realpath -m "build/bench/candidates-old-$base")
old_tm="$old_dir/build/talentmatch"
if [ ! -x "$old_tm" ]; then
  echo "building $base into $old_dir" >&2
  rm -rf "$old_dir" && mkdir -p "$old_dir"
  git archive "$base" | tar -x -C "$old_dir"
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  (cd "$old_dir" && cmake --preset default "${launcher[@]}" >/dev/null &&
    cmake --build --preset default -j2 --target talentmatch >/dev/null)
fi

echo "== candidates api bench: $(nproc) cores, $(date -u +%FT%TZ), new $(git rev-parse --short HEAD 2>/dev/null || echo ?) (+ working tree), old $base"
db=${DB:-}
if [ -z "$db" ]; then
  db="$work/province.db"
  rm -f "$db" "$db"-*
  echo "world: generate --preset province --graduates $graduates --jobs $jobs --seed $seed --date $date"
  "$new_tm" generate --preset province --graduates "$graduates" --jobs "$jobs" --seed "$seed" \
    --date "$date" --out "$work/data" >/dev/null
  "$new_tm" import --db "$db" "$work/data" >/dev/null
  rm -rf "$work/data"
fi
db=$(realpath "$db")
old_db=$(realpath "${OLD_DB:-$db}")
key=$("$new_tm" keys create --db "$db" --role admin --label candidates-bench 2>/dev/null)
if [ "$old_db" != "$db" ]; then  # the same key in the old side's copy
  sqlite3 "$old_db" "ATTACH '$db' AS current; INSERT OR REPLACE INTO api_keys
    SELECT * FROM current.api_keys WHERE label = 'candidates-bench'"
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
declare -A port=([old]=18951 [new]=18952) pid=()
for side in old new; do
  tm=$old_tm side_db=$old_db && [ "$side" = new ] && tm=$new_tm side_db=$db
  "$tm" serve --db "$side_db" --port "${port[$side]}" >"$work/serve-$side.log" 2>&1 &
  pid[$side]=$!
  pids+=("$!")
done
for side in old new; do
  for _ in $(seq 1 1800); do
    curl -sf "http://127.0.0.1:${port[$side]}/readyz" >/dev/null && break
    kill -0 "${pid[$side]}" 2>/dev/null || { echo "candidates_api_bench: $side server died" >&2; exit 1; }
    sleep 0.2
  done
  curl -sf "http://127.0.0.1:${port[$side]}/readyz" >/dev/null ||
    { echo "candidates_api_bench: $side server not ready" >&2; exit 1; }
done

# Random job ids (fixed seed) from the store's jobs.
awk -v n="$jobs" -v seed="$seed" 'BEGIN { srand(seed); for (i = 0; i < 5000; i++) printf "job-%06d\n", 1 + int(rand() * n) }' \
  >"$work/job_ids.txt"

# Same answers: byte-identical bodies from both servers.
mismatches=0
for id in $(head -n "$check" "$work/job_ids.txt"); do
  a=$(curl -s -H "Authorization: Bearer $key" "http://127.0.0.1:${port[old]}/v1/jobs/$id/candidates?k=10")
  b=$(curl -s -H "Authorization: Bearer $key" "http://127.0.0.1:${port[new]}/v1/jobs/$id/candidates?k=10")
  [ "$a" = "$b" ] || { mismatches=$((mismatches + 1)); echo "MISMATCH $id" >&2; }
  case "$b" in *'"matches"'*) ;; *) echo "candidates_api_bench: no matches list for $id: $b" >&2; exit 1 ;; esac
done
[ "$mismatches" = 0 ] || { echo "candidates_api_bench: $mismatches of $check answers differ" >&2; exit 1; }
echo "answers: $check random jobs, old and new bodies byte-identical"

cat >"$work/random_job.lua" <<LUA
local ids = {}
for line in io.lines("$work/job_ids.txt") do ids[#ids + 1] = line end
wrk.headers["Authorization"] = "Bearer $key"
math.randomseed(42)
request = function()
  return wrk.format("GET", "/v1/jobs/" .. ids[math.random(#ids)] .. "/candidates?k=10")
end
LUA
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
failed=0
printf '%-5s %-4s %10s %9s %9s %12s %8s %8s  %s\n' round side "req/s" p50 p99 "cpu_ms/req" non2xx sockerr "load (1 5 15 min)"
for round in $(seq 1 "$rounds"); do
  for side in old new; do
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    c0=$(cpu_ticks "${pid[$side]}")
    wrk -t2 -c32 -d"${duration}"s --latency -s "$work/random_job.lua" \
      "http://127.0.0.1:${port[$side]}" >"$work/wrk-$side-$round.txt"
    c1=$(cpu_ticks "${pid[$side]}")
    read -r rps p50 p99 requests non2xx sockerr < <(awk '
      /Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
      / requests in / {n=$1} /Non-2xx or 3xx responses/ {bad=$NF}
      /Socket errors/ {gsub(",", ""); s=$4 + $6 + $8 + $10}
      END {print r, p50, p99, n, bad + 0, s + 0}' "$work/wrk-$side-$round.txt")
    cpu=$(awk -v a="$c0" -v b="$c1" -v hz="$hz" -v n="$requests" 'BEGIN { printf "%.3f", (b - a) * 1000 / hz / n }')
    status=""
    if [ "$non2xx" != 0 ] || [ "$sockerr" != 0 ]; then status=" FAILED"; failed=1; fi
    printf '%-5s %-4s %10s %9s %9s %12s %8s %8s  %s%s\n' "$round" "$side" "$rps" "$p50" "$p99" "$cpu" \
      "$non2xx" "$sockerr" "$load" "$status"
    echo "$side $rps $p50 $p99 $cpu" >>"$work/runs.txt.$$"
  done
done
# Medians per side (latencies normalized to ms), then new/old.
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub("us","",v); v/=1000 } else if (v ~ /ms$/) { sub("ms","",v) } else if (v ~ /s$/) { sub("s","",v); v*=1000 } print v }'; }
median() { sort -g | awk '{v[NR]=$1} END { print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2 }'; }
declare -A med
for side in old new; do
  med[$side,rps]=$(awk -v s="$side" '$1 == s {print $2}' "$work/runs.txt.$$" | median)
  med[$side,p50]=$(awk -v s="$side" '$1 == s {print $3}' "$work/runs.txt.$$" | to_ms | median)
  med[$side,p99]=$(awk -v s="$side" '$1 == s {print $4}' "$work/runs.txt.$$" | to_ms | median)
  med[$side,cpu]=$(awk -v s="$side" '$1 == s {print $5}' "$work/runs.txt.$$" | median)
done
rm -f "$work/runs.txt.$$"
printf '\nmedian over %s rounds   %10s %10s %10s %12s\n' "$rounds" "req/s" "p50 ms" "p99 ms" "cpu_ms/req"
for side in old new; do
  printf '%-22s   %10s %10s %10s %12s\n' "$side" "${med[$side,rps]}" "${med[$side,p50]}" "${med[$side,p99]}" "${med[$side,cpu]}"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
printf '%-22s   %10s %10s %10s %12s\n' "new/old" "$(ratio "${med[new,rps]}" "${med[old,rps]}")" \
  "$(ratio "${med[new,p50]}" "${med[old,p50]}")" "$(ratio "${med[new,p99]}" "${med[old,p99]}")" \
  "$(ratio "${med[new,cpu]}" "${med[old,cpu]}")"
echo "(store: $db, old side: $old_db; wrk -t2 -c32 -d${duration}s, k=10, random jobs of $work/job_ids.txt; raw output in $work)"
exit "$failed"
