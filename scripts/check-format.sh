#!/usr/bin/env bash
# Fails when any tracked C++ file differs from what clang-format would write.
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files '*.cpp' '*.hpp' | xargs -r clang-format --dry-run -Werror
