# Sourced by the A/B benches (run from the repository root):
#   rev_build NAME REV TARGET...  builds TARGETs of commit REV once into
#     build/bench/rev-<sha>/ (git archive + cmake `bench` preset, ccache when
#     present) and sets rev_dir to its build directory;
#   old_binary NAME [PATH]  sets old_tm to PATH, or to commit 0cf38c3's
#     talentmatch (the server and batch before issue 16's and 11's changes).
rev_build() {
  local name=$1 rev=$2
  shift 2
  local sha
  sha=$(git rev-parse --short=10 "$rev^{commit}") || { echo "$name: unknown revision $rev" >&2; return 1; }
  local root
  root=$(realpath -m "build/bench/rev-$sha")
  rev_dir="$root/build"
  local missing=0 t
  for t in "$@"; do [ -n "$(find "$rev_dir" -name "$t" -type f -perm -u+x 2>/dev/null | head -1)" ] || missing=1; done
  [ "$missing" = 0 ] && return
  echo "$name: building $* of $rev ($sha) in $root" >&2
  if [ ! -f "$root/CMakePresets.json" ]; then
    rm -rf "$root" && mkdir -p "$root"
    git archive "$sha" | tar -x -C "$root"
  fi
  local launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  (cd "$root" && cmake --preset bench "${launcher[@]}" >/dev/null &&
    cmake --build --preset bench --target "$@" >/dev/null)
}

old_binary() {
  local name=$1 given=${2:-}
  if [ -n "$given" ]; then
    old_tm=$(realpath "$given")
    return
  fi
  rev_build "$name" 0cf38c3 talentmatch
  old_tm="$rev_dir/talentmatch"
}
