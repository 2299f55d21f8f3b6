#!/usr/bin/env bash
# Refreshes the web app's vendored libraries (web/vendor/) from the npm
# registry: installs exactly what web/vendor/package-lock.json pins (npm ci
# checks each package's integrity), copies each browser build and licence
# next to it, and rewrites web/vendor/SHA256SUMS. The copies are committed:
# building and running need no network; the build refuses a vendored file
# whose checksum differs from SHA256SUMS (api/CMakeLists.txt).
#
# To upgrade: change the version in web/vendor/package.json, run
# `npm install --package-lock-only` in web/vendor, then this script.
set -euo pipefail
cd "$(dirname "$0")/../web/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp package.json package-lock.json "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
modules=$work/node_modules
cp "$modules/chart.js/dist/chart.umd.min.js" chart.umd.min.js
cp "$modules/chart.js/LICENSE.md" LICENSE-chart.js.md
# Bundled inside chart.umd.min.js.
cp "$modules/@kurkle/color/LICENSE" LICENSE-kurkle-color.md
sha256sum chart.umd.min.js LICENSE-chart.js.md LICENSE-kurkle-color.md >SHA256SUMS
cat SHA256SUMS
