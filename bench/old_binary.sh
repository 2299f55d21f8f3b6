# Sourced by the A/B benches: old_binary NAME [PATH] sets old_tm to PATH, or to
# commit 0cf38c3's talentmatch built once into build/bench/old-server
# (git archive + cmake; ccache when present). Run from the repository root.
old_binary() {
  local name=$1 given=${2:-}
  if [ -n "$given" ]; then
    old_tm=$(realpath "$given")
    return
  fi
  local old_dir
  old_dir=$(realpath -m build/bench/old-server)
  old_tm="$old_dir/build/talentmatch"
  [ -x "$old_tm" ] && return
  echo "$name: building the old binary (0cf38c3) in $old_dir" >&2
  rm -rf "$old_dir" && mkdir -p "$old_dir"
  git archive 0cf38c3 | tar -x -C "$old_dir"
  local launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  (cd "$old_dir" && cmake --preset default "${launcher[@]}" >/dev/null &&
    cmake --build --preset default --target talentmatch >/dev/null)
}
