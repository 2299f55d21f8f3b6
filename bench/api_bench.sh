#!/usr/bin/env bash
# HTTP API benchmarks (issue 4), all measured in the same run on this machine:
#   1. GET /v1/graduates/{id}/matches?k=10, 100,000 jobs loaded, random graduates
#   2. GET /v1/jobs/{id}, random jobs (a light read)
#   3. nginx serving a static JSON file the size of a match answer (the ceiling)
#   4. bulk ingest of 100,000 jobs over HTTP (JSON Lines, 5,000 per request,
#      durable: each 2xx has committed) vs `talentmatch import` of the same file
#      (the store's own bulk path, no HTTP) vs raw prepared SQLite INSERTs of
#      the same rows, 5,000 per transaction (store_insert_bench --raw-jobs),
#      all into copies of one file without jobs.
#   5. write -> visible: PUT one job (or graduate), then poll a match query on
#      it (GET /v1/jobs/{id}/candidates, /v1/graduates/{id}/matches) until it
#      answers 200, over real HTTP with the data loaded; idle, and again
#      during a second, 20 s matches run (reported on its own row, so the
#      publications it triggers do not blur the pure read figures of 1).
#      Timed inside one process (bench/write_visible.py: kept-alive
#      connections, polls back to back), from the PUT's 2xx to the first 200;
#      jobs and graduates are reported apart.
#   6. the matches of 1 again on a server without the query gate
#      (serve --query-slots 0; api/query_gate.hpp), the gate's baseline.
#   7. GET /v1/jobs/{id}/candidates?k=10 and /v1/programs/{id}/matches?k=10
#      (random jobs, programs), and the server's resident memory once ready
#      and its peak at the end.
# --scale province runs 1, 2, 3, 5 and 7 on the province preset (1,000,000
# graduates, 100,000 jobs; ingest and the gate baseline do not depend on the
# scale and are skipped). wrk: 2 threads, 32 connections, 10 s each; a run
# with non-2xx answers or socket errors fails (bench/wrk_check.sh).
# Usage: bench/api_bench.sh [--scale demo|province] [talentmatch-binary]
# (store_insert_bench is taken from <binary dir>/bench/, built there if missing.)
set -euo pipefail
cd "$(dirname "$0")/.."
scale=demo
if [ "${1:-}" = --scale ]; then scale=${2:?--scale demo|province}; shift 2; fi
case $scale in demo|province) ;; *) echo "api_bench: --scale demo|province" >&2; exit 2 ;; esac
tm=$(realpath "${1:-build/talentmatch}")
sib="$(dirname "$tm")/bench/store_insert_bench"
[ -x "$sib" ] || cmake --build "$(dirname "$tm")" --target store_insert_bench >/dev/null
for tool in wrk nginx curl awk python3; do
  command -v "$tool" >/dev/null || { echo "api_bench: $tool is not installed (scripts/setup.sh bench)" >&2; exit 1; }
done
work=$(realpath -m build/bench/api-$scale)
rm -rf "$work" && mkdir -p "$work"
port=18931
nginx_port=18932
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== api bench ($scale): $(nproc) cores, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
if [ "$scale" = province ]; then
  "$tm" generate --preset province --seed 42 --out "$work/data" >/dev/null 2>"$work/generate.log"
else
  "$tm" generate --preset demo --seed 7 --jobs 100000 --graduates 20000 --out "$work/data" >/dev/null
fi

wait_ready() {  # port
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return 0
    sleep 0.2
  done
  echo "api_bench: server on $1 not ready" >&2; exit 1
}
seconds() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }

# --- 4. ingest: store import baseline, then HTTP bulk into a store without jobs.
if [ "$scale" = demo ]; then
mkdir -p "$work/nojobs" && for f in "$work"/data/*.jsonl; do
  case "$(basename "$f")" in jobs.jsonl|graduates.jsonl) ;; *) cp "$f" "$work/nojobs/" ;; esac
done
"$tm" import --db "$work/base.db" "$work/nojobs" >/dev/null
mkdir -p "$work/jobsonly" && cp "$work/data/jobs.jsonl" "$work/jobsonly/"
cp "$work/base.db" "$work/import.db"
t0=$(seconds); "$tm" import --db "$work/import.db" "$work/jobsonly" >/dev/null; t1=$(seconds)
import_rate=$(calc "100000 / ($t1 - $t0)")
cp "$work/base.db" "$work/raw.db"
raw_rate=$("$sib" --raw-jobs "$work/data/jobs.jsonl" --db "$work/raw.db" --batch 5000 | awk '/raw_jobs_per_second/ {print $2}')

cp "$work/base.db" "$work/http.db"
key=$("$tm" keys create --db "$work/http.db" --role admin --label bench 2>/dev/null)
"$tm" serve --db "$work/http.db" --port $port --threads 8 >"$work/serve-ingest.log" 2>&1 &
pids+=($!)
wait_ready $port
split -l 5000 -d -a 3 "$work/data/jobs.jsonl" "$work/chunk-"
t0=$(seconds)
for chunk in "$work"/chunk-*; do
  code=$(curl -s -o "$work/bulk-answer.json" -w '%{http_code}' -X POST \
    -H "Authorization: Bearer $key" -H 'Content-Type: application/x-ndjson' \
    --data-binary @"$chunk" "http://127.0.0.1:$port/v1/jobs:bulk")
  [ "$code" = 200 ] || { echo "api_bench: bulk answered $code" >&2; head -c 500 "$work/bulk-answer.json" >&2; exit 1; }
done
t1=$(seconds)
http_rate=$(calc "100000 / ($t1 - $t0)")
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
fi

# --- 1-2. queries over the full data set.
"$tm" import --db "$work/full.db" "$work/data" >/dev/null 2>"$work/import.log"
key=$("$tm" keys create --db "$work/full.db" --role admin --label bench 2>/dev/null)
"$tm" serve --db "$work/full.db" --port $port >"$work/serve.log" 2>&1 &  # default threads
pids+=($!)
server_pid=$!
t0=$(seconds); wait_ready $port; t1=$(seconds)
ready_seconds=$(calc "$t1 - $t0")
rss_gib() { awk -v f="$1" '$1 == f":" {printf "%.2f", $2 / 1048576}' "/proc/$server_pid/status"; }
ready_rss=$(rss_gib VmRSS)

# --- 5. write -> visible. Entity bodies: lines of the generated files, renamed.
visible_samples() {  # tag count -> "kind milliseconds polls" per sample
  python3 bench/write_visible.py $port "$key" "$work/data" "$1" "$2"
}
percentiles() {  # file kind -> "p50 max n" of that kind's samples
  awk -v k="$2" '$1 == k {print $2}' "$1" | sort -n |
    awk '{v[NR]=$1} END {printf "%.1f %.1f %d\n", v[int((NR+1)/2)], v[NR], NR}'
}
visible_samples idle 10 >"$work/visible-idle.txt"
grep -o '"id":"[^"]*"' "$work/data/graduates.jsonl" | cut -d'"' -f4 | shuf -n 2000 --random-source=<(yes) >"$work/graduate_ids.txt" || true
grep -o '"id":"[^"]*"' "$work/data/jobs.jsonl" | cut -d'"' -f4 | shuf -n 2000 --random-source=<(yes) >"$work/job_ids.txt" || true
grep -o '"id":"[^"]*"' "$work/data/programs.jsonl" | cut -d'"' -f4 >"$work/program_ids.txt"
cat >"$work/random_path.lua" <<LUA
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
wrk.headers["Authorization"] = "Bearer $key"
math.randomseed(42)
request = function()
  local path = string.gsub(os.getenv("PATH_TEMPLATE"), "{id}", ids[math.random(#ids)])
  return wrk.format("GET", path)
end
LUA
run_wrk() {  # name ids template [seconds]
  IDS="$2" PATH_TEMPLATE="$3" wrk -t2 -c32 -d"${4:-10}"s --latency -s "$work/random_path.lua" \
    "http://127.0.0.1:$port" >"$work/wrk-$1.txt"
  bench/wrk_check.sh "$work/wrk-$1.txt"
}
summarize() {  # file -> "rps p50 p99"
  awk '/Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print r, p50, p99}' "$1"
}
# The matches answer's first graduate id must be a real one (sanity).
first=$(head -1 "$work/graduate_ids.txt")
curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$port/v1/graduates/$first/matches?k=10" >"$work/match.json"
run_wrk matches "$work/graduate_ids.txt" "/v1/graduates/{id}/matches?k=10"
run_wrk job "$work/job_ids.txt" "/v1/jobs/{id}"
run_wrk candidates "$work/job_ids.txt" "/v1/jobs/{id}/candidates?k=10"
run_wrk program-matches "$work/program_ids.txt" "/v1/programs/{id}/matches?k=10"
# The same matches load for 20 s while PUTs land and get published.
visible_samples load 8 >"$work/visible-load.txt" &
visible_pid=$!
run_wrk matches-writes "$work/graduate_ids.txt" "/v1/graduates/{id}/matches?k=10" 20
wait "$visible_pid"
peak_rss=$(rss_gib VmHWM)
# The baseline of the query gate: the same matches load on a server without it.
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
if [ "$scale" = demo ]; then
  "$tm" serve --db "$work/full.db" --port $port --query-slots 0 >"$work/serve-ungated.log" 2>&1 &
  pids+=($!)
  wait_ready $port
  run_wrk matches-ungated "$work/graduate_ids.txt" "/v1/graduates/{id}/matches?k=10"
fi

# --- 3. nginx ceiling: a static file of the match answer's size.
mkdir -p "$work/nginx/www" "$work/nginx/tmp"
cp "$work/match.json" "$work/nginx/www/match.json"
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp; proxy_temp_path $work/nginx/tmp;
  fastcgi_temp_path $work/nginx/tmp; uwsgi_temp_path $work/nginx/tmp; scgi_temp_path $work/nginx/tmp;
  server { listen 127.0.0.1:$nginx_port; root $work/nginx/www;
           location / { default_type application/json; } }
}
NGINX
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
sleep 0.5
wrk -t2 -c32 -d10s --latency "http://127.0.0.1:$nginx_port/match.json" >"$work/wrk-nginx.txt"
bench/wrk_check.sh "$work/wrk-nginx.txt"

row() {  # label wrk-name
  local r p50 p99
  read -r r p50 p99 < <(summarize "$work/wrk-$2.txt")
  printf '%-48s %12s %10s %10s %10.3f\n' "$1" "$r" "$p50" "$p99" "$(calc "$r / $n_rps")"
}
read -r n_rps n_p50 n_p99 < <(summarize "$work/wrk-nginx.txt")
printf '\n%-48s %12s %10s %10s %10s\n' "benchmark (wrk -t2 -c32 -d10s), $scale" "requests/s" "p50" "p99" "vs nginx"
row "GET /v1/graduates/{id}/matches?k=10" matches
row "GET /v1/jobs/{id}/candidates?k=10" candidates
row "GET /v1/programs/{id}/matches?k=10" program-matches
row "GET /v1/jobs/{id}" job
row "same matches, 20 s, while 8 PUTs publish" matches-writes
[ "$scale" = demo ] && row "same matches, no query gate (--query-slots 0)" matches-ungated
printf '%-48s %12s %10s %10s %10s\n' "nginx static $(stat -c %s "$work/match.json") B JSON (ceiling)" "$n_rps" "$n_p50" "$n_p99" "1"
if [ "$scale" = demo ]; then
  printf '\n%-48s %12.0f jobs/s\n' "bulk ingest over HTTP (JSONL, 5000/request)" "$http_rate"
  printf '%-48s %12.0f jobs/s   (HTTP / import = %.2f)\n' "talentmatch import (store bulk, no HTTP)" "$import_rate" "$(calc "$http_rate / $import_rate")"
  printf '%-48s %12.0f jobs/s   (HTTP / raw = %.2f)\n' "raw SQLite INSERTs, same rows, 5000/txn" "$raw_rate" "$(calc "$http_rate / $raw_rate")"
fi
printf '\n%-48s %12.2f s\n' "serve start to /readyz" "$ready_seconds"
printf '%-48s %12s GiB ready, %s GiB peak\n' "server resident memory" "$ready_rss" "$peak_rss"
for phase in idle load; do
  for kind in jobs graduates; do
    read -r v_p50 v_max v_n < <(percentiles "$work/visible-$phase.txt" "$kind")
    label="write -> visible, PUT $kind, $([ "$phase" = idle ] && echo idle || echo 'during matches')"
    printf '%-48s %9s ms p50 %6s ms max (%s samples)\n' "$label" "$v_p50" "$v_max" "$v_n"
  done
done
echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "(data: $(wc -l <"$work/data/jobs.jsonl") jobs, $(wc -l <"$work/data/graduates.jsonl") graduates, $scale preset; raw wrk output in $work)"
