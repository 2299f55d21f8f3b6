#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through CTest.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh test
# The OpenAPI lint test runs @redocly/cli, pinned in tests/api/tools/package-lock.json.
if [ ! -x tests/api/tools/node_modules/.bin/redocly ]; then
  (cd tests/api/tools && npm ci --no-audit --no-fund --loglevel=error)
fi
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default -j "$(nproc)" "$@"
