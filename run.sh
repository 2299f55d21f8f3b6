#!/usr/bin/env bash
# The main job on the embedded default: set up, build, generate and import the
# demo data if absent, run the nightly batch, print its summary and report path.
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
echo
"$tm" batch --db "$db" --out out
cat <<MSG

Open the report: $(pwd)/out/latest/report.html
Serve the API:   $tm keys create --db $db --role admin   # prints a key once
                 $tm serve --db $db --port 8080
                 curl -H "Authorization: Bearer <key>" 'localhost:8080/v1/graduates/g-0000001/matches?k=5'
MSG
