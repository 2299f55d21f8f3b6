#!/usr/bin/env bash
# talentmatch-mpi under a real mpirun against the single-process batch
# (issue 15). One case per invocation (tests/mpi/CMakeLists.txt registers
# each as a CTest test):
#   equal    tiny worlds (two seeds), np 1, 2, 3, 4
#   empty    40 graduates (two kernel blocks), np 3 and 4: ranks with no graduates
#   demo     the demo preset (20,000 graduates), np 3
#   failure  a rank that fails (rank 0, rank 1), a rank killed by SIGKILL, and
#            rank 0 failing while it merges the lists
# "Equal" means: the same files in the published run, every one byte-identical
# except run.json, which must be identical once its timing and host fields
# (strip_run_json below) are removed.
#
# usage: mpi_batch_test.sh CASE TALENTMATCH TALENTMATCH_MPI MPIRUN WORKDIR
set -euo pipefail

case_name=$1 tm=$2 tm_mpi=$3 mpirun=$4 work=$5
here=$(dirname "$(realpath "$0")")
rm -rf "$work"
mkdir -p "$work"
cd "$work"

# Open MPI refuses root without these; CI containers run as root.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
readonly as_of=2026-06-01 limit=120
# The ASan build (.ci/run): LeakSanitizer would report Open MPI's own
# allocations kept past MPI_Finalize; lsan_openmpi.supp names its libraries.
# Harmless in a build without sanitizers.
lsan="suppressions=$here/lsan_openmpi.supp:fast_unwind_on_malloc=0"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# world NAME GENERATE-ARGS...: generates and imports into NAME.db (never run on).
world() {
  local name=$1
  shift
  "$tm" generate --date 2026-05-01 --out "$name.gen" "$@" >/dev/null
  "$tm" import --db "$name.db" "$name.gen" >/dev/null
}

# single WORLD: the single-process batch on a fresh copy; published in WORLD.one.
single() {
  cp "$1.db" "$1.one.db"
  "$tm" batch --db "$1.one.db" --out "$1.one" --as-of "$as_of" --threads 1 >"$1.one.log" 2>&1 ||
    { cat "$1.one.log" >&2; fail "single-process batch on $1"; }
}

# mpi NP DB OUT LOG [VAR=VALUE...]: talentmatch-mpi under mpirun, bounded by
# $limit seconds; sets $rc and $took (seconds). The variables reach every
# rank (-x).
mpi() {
  local np=$1 db=$2 out=$3 log=$4
  shift 4
  local forward=()
  for assignment in "$@"; do
    export "${assignment?}"
    forward+=(-x "${assignment%%=*}")
  done
  local start=$SECONDS
  rc=0
  LSAN_OPTIONS=${LSAN_OPTIONS:+$LSAN_OPTIONS:}$lsan timeout -k 5 "$limit" "$mpirun" \
    --map-by :OVERSUBSCRIBE --bind-to none --mca mpi_yield_when_idle 1 \
    -x LSAN_OPTIONS ${ASAN_OPTIONS+-x ASAN_OPTIONS} ${UBSAN_OPTIONS+-x UBSAN_OPTIONS} \
    "${forward[@]}" -np "$np" \
    "$tm_mpi" batch --db "$db" --out "$out" --as-of "$as_of" --threads 1 >"$log" 2>&1 || rc=$?
  for assignment in "$@"; do unset "${assignment%%=*}"; done
  took=$((SECONDS - start))
  if ((took >= limit)); then
    cat "$log" >&2
    fail "mpirun -np $np did not finish within $limit s (a rank hung)"
  fi
  # No rank of this job may outlive mpirun (zombies awaiting their parent
  # have no command line, so they do not match). Matched by this build's
  # binary and the database, so another test run on the machine (another
  # build's ranks on a file of the same name) is not taken for ours.
  local ranks="$tm_mpi batch --db $db "
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    pgrep -f -- "$ranks" >/dev/null || return 0
    sleep 0.5
  done
  pgrep -af -- "$ranks" >&2
  fail "a rank of mpirun -np $np is still running"
}

# run.json less its timing and host fields: one field per line (the batch
# writes it indented), so dropping those lines leaves every other byte.
strip_run_json() {
  grep -vE '^ *"(started_at|finished_at|seconds|graduate_job_pairs_per_second|peak_rss_mib)":' "$1"
}

# same_run A B: the published runs A/latest and B/latest are equal (see above).
same_run() {
  local a=$1/latest b=$2/latest
  diff <(ls "$a") <(ls "$b") >&2 || fail "$2 published other files than $1"
  local f
  for f in $(ls "$a"); do
    if [ "$f" = run.json ]; then
      diff <(strip_run_json "$a/run.json") <(strip_run_json "$b/run.json") >&2 ||
        fail "$2/latest/run.json differs from $1's beyond timing fields"
    else
      cmp "$a/$f" "$b/$f" >&2 || fail "$2/latest/$f differs from $1's"
    fi
  done
  echo "equal: $2 and $1 ($(ls "$a" | wc -l) files)"
}

# equal_at WORLD NP...: mpirun at each NP on a fresh copy equals the single run.
equal_at() {
  local w=$1 np
  shift
  for np in "$@"; do
    cp "$w.db" "$w.np$np.db"
    mpi "$np" "$w.np$np.db" "$w.np$np" "$w.np$np.log"
    [ "$rc" -eq 0 ] || { cat "$w.np$np.log" >&2; fail "mpirun -np $np on $w exited $rc"; }
    grep '^mpi: ' "$w.np$np.log"
    same_run "$w.one" "$w.np$np"
  done
}

# published OUT: every published file and where latest points, with digests.
published() {
  (cd "$1" && readlink latest && find . -type f -print0 | sort -z | xargs -0 sha256sum)
}

# must_fail NP WHAT VAR=VALUE: the job exits non-zero, in time, nothing published.
must_fail() {
  local np=$1 what=$2 before after
  before=$(published f.out)
  mpi "$np" f.db f.out "f.$what.log" "$3"
  [ "$rc" -ne 0 ] || { cat "f.$what.log" >&2; fail "mpirun -np $np with $what exited 0"; }
  after=$(published f.out)
  [ "$before" = "$after" ] || fail "$what changed the published run"
  local status
  status=$("$tm" runs list --db f.db | sed -n 2p | cut -f2)
  case "$status" in
    failed*) ;;
    *) fail "$what: the newest run is '$status', not failed" ;;
  esac
  echo "ok: $what at np $np: exit $rc in ${took}s, latest unchanged, run $status"
}

case "$case_name" in
  equal)
    world a --preset tiny --seed 3
    single a
    equal_at a 1 2 3 4
    world b --preset tiny --seed 11
    single b
    equal_at b 2
    ;;
  empty)
    world e --preset tiny --seed 7 --graduates 40
    single e
    equal_at e 3 4
    # Rank 0 (np 3) and ranks 0 and 2 (np 4) had no graduates.
    grep -q '^mpi: 3 ranks; graduates per rank 0 32 8;' e.np3.log || fail "np 3: no empty rank"
    grep -q '^mpi: 4 ranks; graduates per rank 0 32 0 8;' e.np4.log || fail "np 4: no empty ranks"
    ;;
  demo)
    world d --preset demo --seed 3
    single d
    equal_at d 3
    ;;
  failure)
    world f --preset tiny --seed 3
    mpi 2 f.db f.out f.first.log
    [ "$rc" -eq 0 ] || { cat f.first.log >&2; fail "the first run exited $rc"; }
    [ "$(readlink f.out/latest)" = runs/run-000001 ] || fail "the first run was not published"
    must_fail 3 rank-1-error TALENTMATCH_MPI_FAIL_RANK=1
    grep -q 'rank 1: injected failure' f.rank-1-error.log || fail "rank 1's error was not shown"
    must_fail 2 rank-0-error TALENTMATCH_MPI_FAIL_RANK=0
    must_fail 3 rank-2-killed TALENTMATCH_MPI_KILL_RANK=2
    must_fail 3 rank-0-merging TALENTMATCH_MPI_FAIL_GATHER=1
    grep -q 'injected failure while merging' f.rank-0-merging.log ||
      fail "rank 0's merging error was not shown"
    ;;
  *) fail "unknown case $case_name" ;;
esac
