#!/usr/bin/env bash
# bench/server_ab.sh A_BINARY B_BINARY: two talentmatch servers on the same
# data, in alternation A/B/A/B, on loopback, with wrk -t2 -c32 (SECONDS_WRK,
# default 8 s) per run:
#   GET /v1/graduates/{id}/matches?k=10, GET /v1/jobs/{id}/candidates?k=10,
#   GET /v1/jobs/{id} (random ids, as bench/api_bench.sh).
# Per run: requests/s, p50, p99, the server's CPU per request (user + system
# during the run / requests) and the load average; then B/A of the means.
# A run with non-2xx answers or socket errors fails (bench/wrk_check.sh).
# Data: `generate --preset demo --seed 7` with JOBS (100000) and GRADUATES
# (20000); A imports the store (the older schema, if they differ), B opens a
# copy (and migrates it). ROUNDS (2) runs per side and route.
set -euo pipefail
cd "$(dirname "$0")/.."
a_tm=$(realpath "${1:?usage: bench/server_ab.sh A_BINARY B_BINARY}")
b_tm=$(realpath "${2:?usage: bench/server_ab.sh A_BINARY B_BINARY}")
rounds=${ROUNDS:-2}
wrk_seconds=${SECONDS_WRK:-8}
for tool in wrk curl awk; do
  command -v "$tool" >/dev/null || { echo "server_ab: $tool is not installed (scripts/setup.sh bench)" >&2; exit 1; }
done
work=$(realpath -m build/bench/server_ab)
rm -rf "$work" && mkdir -p "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

"$b_tm" generate --preset demo --seed 7 --jobs "${JOBS:-100000}" --graduates "${GRADUATES:-20000}" --out "$work/data" >/dev/null 2>"$work/setup.log"
"$a_tm" import --db "$work/A.db" "$work/data" >/dev/null 2>>"$work/setup.log"
key=$("$a_tm" keys create --db "$work/A.db" --role admin --label bench 2>/dev/null)
cp "$work/A.db" "$work/B.db"
for kind in graduates jobs; do
  grep -o '"id":"[^"]*"' "$work/data/$kind.jsonl" | cut -d'"' -f4 | shuf -n 2000 --random-source=<(yes) >"$work/$kind-ids.txt" || true
done
cat >"$work/random_path.lua" <<LUA
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
wrk.headers["Authorization"] = "Bearer $key"
math.randomseed(42)
request = function()
  return wrk.format("GET", (string.gsub(os.getenv("PATH_TEMPLATE"), "{id}", ids[math.random(#ids)])))
end
LUA
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
port=18971
run() {  # side route ids template round
  local side=$1 route=$2 ids=$3 template=$4 round=$5 bin=$a_tm
  [ "$side" = B ] && bin=$b_tm
  port=$((port + 1))  # a port just freed may refuse a bind
  "$bin" serve --db "$work/$side.db" --port $port >"$work/serve-$side.log" 2>&1 &
  local server=$!
  pids+=($server)
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done
  local load c0 c1 out=$work/wrk-$route-$side-$round.txt
  load=$(cut -d' ' -f1 /proc/loadavg)
  c0=$(cpu_ticks $server)
  IDS="$work/$ids" PATH_TEMPLATE="$template" wrk -t2 -c32 -d"${wrk_seconds}"s --latency \
    -s "$work/random_path.lua" "http://127.0.0.1:$port" >"$out"
  c1=$(cpu_ticks $server)
  kill $server; wait $server 2>/dev/null || true
  bench/wrk_check.sh "$out"
  awk -v side="$side" -v route="$route" -v load="$load" -v ticks=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" '
    /requests in/ {n=$1} /Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    END {printf "%-12s %-2s %12s %10s %10s %12.0f %6s\n", route, side, r, p50, p99, ticks / hz * 1e6 / n, load}' "$out" |
    tee -a "$work/runs.txt"
}
printf '\n%-12s %-2s %12s %10s %10s %12s %6s\n' route "" requests/s p50 p99 "cpu us/req" load
for route in matches candidates job; do
  case $route in
    matches) ids=graduates-ids.txt template="/v1/graduates/{id}/matches?k=10" ;;
    candidates) ids=jobs-ids.txt template="/v1/jobs/{id}/candidates?k=10" ;;
    job) ids=jobs-ids.txt template="/v1/jobs/{id}" ;;
  esac
  for round in $(seq 1 "$rounds"); do
    run A $route $ids "$template" "$round"
    run B $route $ids "$template" "$round"
  done
done
echo
awk '{rps[$1 " " $2] += $3; cpu[$1 " " $2] += $6; if (!($1 in seen)) {seen[$1] = 1; order[++n] = $1}}
  END {for (i = 1; i <= n; i++) {r = order[i];
    printf "%-12s B/A requests/s %6.3f   B/A server CPU per request %6.3f\n", r, rps[r " B"] / rps[r " A"], cpu[r " B"] / cpu[r " A"]}}' "$work/runs.txt"
echo "(A: $a_tm, B: $b_tm; data: ${JOBS:-100000} jobs, ${GRADUATES:-20000} graduates; raw output in $work)"
