#!/usr/bin/env bash
# ./bench.sh --compare REV [matcher_bench options]: the standard way to state
# a speed change. Builds REV's matcher_bench and talentmatch (bench preset,
# build/bench/rev-<sha>/) beside the working tree's (build/), then runs them
# in alternation A/B/A/B (A = REV, B = the working tree) on the same machine
# in the same sitting, with the load average beside every round:
#   1. matcher_bench with the given options (default: a quarter of the
#      province, --graduates 250000 --jobs 25000 --faiss-graduates 20000):
#      every timing field both reports have, the mean of A's and B's rounds
#      and B/A (for seconds and ms lower is better, for per_second higher);
#   2. the HTTP server: bench/server_ab.sh A B (matches, candidates, GET job).
# ROUNDS=2 sets the rounds per side. Output: build/bench/compare-<sha>/.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: ./bench.sh --compare REV [matcher_bench options]}
shift
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--graduates 250000 --jobs 25000 --faiss-graduates 20000)
rounds=${ROUNDS:-2}
source bench/old_binary.sh
rev_build compare "$rev" matcher_bench talentmatch
a_dir=$rev_dir
cmake --preset bench >/dev/null
cmake --build --preset bench --target matcher_bench talentmatch >/dev/null
b_dir=$(realpath build)
a_sha=$(git rev-parse --short=10 "$rev^{commit}")
out=$(realpath -m "build/bench/compare-$a_sha")
rm -rf "$out" && mkdir -p "$out"
export OMP_WAIT_POLICY=PASSIVE  # as bench.sh: FAISS's OpenMP threads
echo "== compare $rev ($a_sha) [A] with the working tree at $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes') [B]: $(nproc) cores, $(date -u +%FT%TZ)"
echo "matcher_bench ${args[*]}"
for round in $(seq 1 "$rounds"); do
  for side in A B; do
    dir=$a_dir; [ $side = B ] && dir=$b_dir
    load=$(cut -d' ' -f1 /proc/loadavg)
    "$dir/bench/matcher_bench" --threads "$(nproc)" --out "$out/matcher-$side-$round.json" "${args[@]}" >"$out/matcher-$side-$round.log" 2>&1 ||
      { echo "compare: matcher_bench $side failed (log: $out/matcher-$side-$round.log)" >&2; exit 1; }
    echo "  round $round $side done (load average at start $load)"
  done
done
/usr/bin/python3 - "$out" "$rounds" <<'PY'
import json, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def leaves(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, f"{path}.{k}" if path else k)
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        yield path, float(node)
def timing(path):
    last = path.rsplit(".", 1)[-1]
    return last.endswith(("_ms", "_seconds", "per_second", "seconds")) or last in ("seconds", "peak_rss_gib")
runs = {s: [dict(leaves(json.load(open(f"{out}/matcher-{s}-{r}.json")))) for r in range(1, rounds + 1)] for s in "AB"}
keys = [k for k in runs["A"][0] if timing(k) and all(k in r for s in "AB" for r in runs[s])]
print(f"\n{'matcher_bench field':62} {'A (REV)':>12} {'B (tree)':>12} {'B/A':>7}")
for k in keys:
    a = sum(r[k] for r in runs["A"]) / rounds
    b = sum(r[k] for r in runs["B"]) / rounds
    better = "higher is better" if k.endswith("per_second") else "lower is better"
    ratio = f"{b / a:7.3f}" if a else "      -"
    print(f"{k:62} {a:12.4g} {b:12.4g} {ratio}  ({better})")
PY
ROUNDS=$rounds bench/server_ab.sh "$a_dir/talentmatch" "$b_dir/talentmatch"
echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); raw output in $out)"
