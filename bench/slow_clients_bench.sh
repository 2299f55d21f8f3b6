#!/usr/bin/env bash
# The HTTP front under slow and idle clients (issue 16), the old server
# (cpp-httplib, thread per connection, commit 0cf38c3) against this one, in
# the same run, on loopback:
#   1. GET /v1/graduates/{id}/matches?k=10 with wrk -t2 -c32 -d10s, random
#      graduates (as bench/api_bench.sh): requests/s, p50, p99, and new / old;
#   2. while 300 slow senders (a header byte per second each) and 1,000 idle
#      connections are held (bench/slow_clients.py hold, from 16 source
#      addresses 127.0.1.x so the per-address cap does not refuse them; a
#      dropped one is reopened), a fresh client from 127.0.0.1 opens a new
#      connection per request: GET /healthz and a match query, 200 samples
#      each, p50 / p99 / max and timeouts (5 s each; a server that times out
#      3 times in a row is reported starved).
# The new server runs with --keep-alive-timeout/--header-timeout 300 so the
# held connections stay held for the whole measurement (its defaults would
# shed them in 5-10 s, which only helps it).
#
# Usage: bench/slow_clients_bench.sh [new-talentmatch] [old-talentmatch]
#   default new: build/talentmatch; default old: commit 0cf38c3 built into
#   build/bench/old-server (git archive + cmake, once).
#   JOBS=100000 GRADUATES=20000 SECONDS_WRK=10 SAMPLES=200 set the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=${JOBS:-100000}
graduates=${GRADUATES:-20000}
wrk_seconds=${SECONDS_WRK:-10}
samples=${SAMPLES:-200}
new_tm=$(realpath "${1:-build/talentmatch}")
source bench/old_binary.sh
old_binary slow_clients_bench "${2:-}"
for tool in wrk curl awk python3; do
  command -v "$tool" >/dev/null || { echo "slow_clients_bench: $tool is not installed (scripts/setup.sh bench)" >&2; exit 1; }
done
ulimit -n "$(ulimit -Hn)"  # 1,300 held connections on both sides of loopback
work=$(realpath -m build/bench/slow_clients)
rm -rf "$work" && mkdir -p "$work"
port=18951  # the old server; the new one on port + 1 (a port just freed may refuse a bind)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== slow clients bench: $(nproc) cores, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
"$new_tm" generate --preset demo --seed 7 --jobs "$jobs" --graduates "$graduates" --out "$work/generated" >/dev/null
bench/common_world.py "$work/generated" "$work/data"  # the kinds and fields 0cf38c3 reads
# The old binary makes the store (schema 2): the old server cannot open a
# newer schema, and the new one migrates it when it opens it after the old run.
"$old_tm" import --db "$work/full.db" "$work/data" >/dev/null
key=$("$old_tm" keys create --db "$work/full.db" --role admin --label bench 2>/dev/null)
grep -o '"id":"[^"]*"' "$work/data/graduates.jsonl" | cut -d'"' -f4 | shuf -n 2000 --random-source=<(yes) >"$work/graduate_ids.txt" || true
graduate=$(head -1 "$work/graduate_ids.txt")
cat >"$work/random_path.lua" <<LUA
local ids = {}
for line in io.lines("$work/graduate_ids.txt") do ids[#ids + 1] = line end
wrk.headers["Authorization"] = "Bearer $key"
math.randomseed(42)
request = function()
  return wrk.format("GET", "/v1/graduates/" .. ids[math.random(#ids)] .. "/matches?k=10")
end
LUA

wait_ready() {  # port
  local port=$1
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && return 0
    sleep 0.2
  done
  echo "slow_clients_bench: server not ready" >&2; exit 1
}
summarize() {  # wrk output -> "rps p50 p99"
  awk '/Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print r, p50, p99}' "$1"
}

run_server() {  # name binary port [serve flags...]
  local name=$1 bin=$2 port=$3
  shift 3
  "$bin" serve --db "$work/full.db" --port $port "$@" >"$work/serve-$name.log" 2>&1 &
  pids+=($!)
  local server=$!
  wait_ready $port
  wrk -t2 -c32 -d"${wrk_seconds}"s --latency -s "$work/random_path.lua" "http://127.0.0.1:$port" >"$work/wrk-$name.txt"
  bench/wrk_check.sh "$work/wrk-$name.txt"
  python3 bench/slow_clients.py hold $port --slow 300 --idle 1000 >"$work/hold-$name.log" 2>&1 &
  pids+=($!)
  local holder=$!
  for _ in $(seq 1 100); do grep -q held "$work/hold-$name.log" && break; sleep 0.1; done
  sleep 2  # every held connection accepted and dribbling
  python3 bench/slow_clients.py probe $port /healthz --samples "$samples" >"$work/probe-$name-healthz.txt"
  python3 bench/slow_clients.py probe $port "/v1/graduates/$graduate/matches?k=10" --key "$key" \
    --samples "$samples" >"$work/probe-$name-matches.txt"
  kill "$holder" "$server"; wait "$holder" "$server" 2>/dev/null || true
}

run_server old "$old_tm" $port
run_server new "$new_tm" $((port + 1)) --keep-alive-timeout 300 --header-timeout 300

read -r o_rps o_p50 o_p99 < <(summarize "$work/wrk-old.txt")
read -r n_rps n_p50 n_p99 < <(summarize "$work/wrk-new.txt")
printf '\n%-52s %12s %10s %10s\n' "matches, wrk -t2 -c32 -d${wrk_seconds}s" "requests/s" "p50" "p99"
printf '%-52s %12s %10s %10s\n' "old server (cpp-httplib, 0cf38c3)" "$o_rps" "$o_p50" "$o_p99"
printf '%-52s %12s %10s %10s\n' "new server (libmicrohttpd)" "$n_rps" "$n_p50" "$n_p99"
printf '%-52s %12.3f   (target >= 0.9; p99 target <= 5 ms)\n' "throughput new / old" "$(awk "BEGIN { print $n_rps / $o_rps }")"
printf '\n%-52s %8s %8s %8s %6s %9s\n' "fresh client, 300 slow + 1,000 idle held" "p50 ms" "p99 ms" "max ms" "ok" "timeouts"
for name in old new; do
  for what in healthz matches; do
    read -r p50 p99 max ok timeouts <"$work/probe-$name-$what.txt"
    label="$name server, GET $([ "$what" = healthz ] && echo /healthz || echo 'a match query')"
    [ "$timeouts" -ge 3 ] && [ "$ok" -lt "$samples" ] && label="$label (starved)"
    printf '%-52s %8s %8s %8s %6s %9s\n' "$label" "$p50" "$p99" "$max" "$ok" "$timeouts"
  done
done
echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); data: $jobs jobs, $graduates graduates; raw output in $work)"
