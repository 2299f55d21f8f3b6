#!/usr/bin/env bash
# Installs what talentmatch needs from Debian, idempotently: packages already
# present are skipped, and apt-get runs only when something is missing.
#   scripts/setup.sh          build + run (compiler, CMake, Ninja, libraries)
#   scripts/setup.sh test     ... plus what the tests use
#   scripts/setup.sh bench    ... plus what the benchmarks compare against
set -euo pipefail

build_packages=(
  g++ cmake ninja-build pkg-config ca-certificates
  libeigen3-dev libtbb-dev libcpp-httplib-dev libmicrohttpd-dev nlohmann-json3-dev libsqlite3-dev
  libcli11-dev libspdlog-dev libgtest-dev libjemalloc-dev
)
test_packages=(python3 python3-networkx sqlite3 curl clang-format clang-14 libclang-rt-14-dev
  libopenmpi-dev openmpi-bin  # Open MPI: talentmatch-mpi and its mpirun tests
  chromium chromium-driver python3-selenium fonts-noto-cjk)  # the web app in a real browser
bench_packages=(libfaiss-dev libbenchmark-dev libopenblas-dev wrk nginx-light
  time  # GNU time: peak RSS in bench/mpi_bench.sh
  python3-numpy)  # bench/quality/level_only_rankings.py

wanted=("${build_packages[@]}")
case "${1:-build}" in
  build) ;;
  test) wanted+=("${test_packages[@]}") ;;
  bench) wanted+=("${test_packages[@]}" "${bench_packages[@]}") ;;
  *) echo "usage: $0 [build|test|bench]" >&2; exit 2 ;;
esac

# npm (for the OpenAPI lint) may come with a nodesource nodejs that conflicts
# with Debian's npm package: ask for Debian's only when no npm is on PATH.
if [ "${1:-build}" != build ] && ! command -v npm >/dev/null 2>&1; then
  wanted+=(nodejs npm)
fi

missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
