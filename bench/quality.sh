#!/usr/bin/env bash
# bench/quality.sh [--judge FILE] [--formulas] [--level-only] [generate options...]
#
# Match quality against expert judgement (issue 10): imports O*NET 29.2 with
# the product's importer (`talentmatch generate --onet`, which also writes one
# worker profile per occupation) into a fresh store (`talentmatch import`),
# asks the graduate-facing ranking for every worker profile (quality_bench:
# the snapshot and query the API runs) and scores the lists with
# bench/quality/quality_metric.py: recall@10, MRR and the share of related
# occupations that were ineligible, on Skills only and on Skills + Knowledge,
# beside the cosine-of-levels and cosine-of-importance baselines computed in
# the same run from the same tables. Writes build/bench/quality.json.
# Extra arguments go to `generate` (e.g. --onet-keep-importance 3 for an
# ablation). --formulas also re-ranks the same worlds under candidate score
# formulas (bench/quality/formula_sim.py, after checking that it reproduces
# the engine's lists exactly) and writes build/bench/quality_formulas.json.
# --level-only also ranks O*NET's own tables under rankings the engine does
# not compute (bench/quality/level_only_rankings.py, after checking that its
# model of the shipped score reproduces the figures above): how far a
# level-only worker profile can go.
# Only this script, the metric and the simulator read the judge.
set -euo pipefail
judge=""
formulas=0
level_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --judge) judge="$(realpath "$2")"; shift 2 ;;  # relative to the caller's directory
    --formulas) formulas=1; shift ;;
    --level-only) level_only=1; shift ;;
    *) break ;;
  esac
done
cd "$(dirname "$0")/.."
[ -n "$judge" ] || judge="$(cd .. && pwd)/shared/judge/onet-29.2-related-occupations-dev.tsv"
[ -f "$judge" ] || { echo "quality.sh: no judge file $judge" >&2; exit 2; }
onet=data/realdata/onet-29.2
cmake --preset default >/dev/null
cmake --build --preset default --target talentmatch quality_bench >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rank() {  # rank NAME [generate options]: a fresh world, every worker's ranking
  local name="$1"
  shift
  build/talentmatch generate --onet "$onet" --graduates 0 --seed 1 --out "$work/$name" "$@" >/dev/null 2>&1
  build/talentmatch import --db "$work/$name.db" "$work/$name" >/dev/null 2>&1
  build/bench/quality/quality_bench --db "$work/$name.db" --out "$work/$name.tsv"
}
rank sk "$@"
rank s --onet-skills-only "$@"
mkdir -p build/bench
python3 bench/quality/quality_metric.py --judge "$judge" --onet "$onet" \
  --sk "$work/sk.tsv" --s "$work/s.tsv" --out build/bench/quality.json
echo "wrote build/bench/quality.json"
if [ "$formulas" = 1 ]; then
  python3 bench/quality/formula_sim.py --judge "$judge" --onet "$onet" \
    --sk-data "$work/sk" --s-data "$work/s" --sk "$work/sk.tsv" --s "$work/s.tsv" \
    --out build/bench/quality_formulas.json
  echo "wrote build/bench/quality_formulas.json"
fi
if [ "$level_only" = 1 ]; then
  expect=$(python3 -c 'import json, sys; q = json.load(open(sys.argv[1]))
print(q["skills_only"]["product"]["recall_at_10"], q["skills_knowledge"]["product"]["recall_at_10"])' build/bench/quality.json)
  # Debian's numpy is seen by /usr/bin/python3 only.
  /usr/bin/python3 bench/quality/level_only_rankings.py --judge "$judge" --onet "$onet" --expect $expect
fi
