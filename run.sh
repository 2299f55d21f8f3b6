#!/usr/bin/env bash
# The main job on the embedded default: set up, build, generate and import the
# demo data if absent, then print a summary of what the store holds.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh build
cmake --preset default >/dev/null
cmake --build --preset default
tm=build/talentmatch
db=talentmatch.db
if [ ! -f demo-data/.complete ]; then
  "$tm" generate --preset demo --seed 42 --out demo-data
fi
if [ ! -f "$db" ]; then
  "$tm" import --db "$db" demo-data
fi
"$tm" summary --db "$db"
