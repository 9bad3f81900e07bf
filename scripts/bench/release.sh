# shellcheck shell=bash
# Sourced by the bench scripts: they time the binary that ships, the one scripts/release builds (static
# Swift runtime, libstdc++ and libyaml; stripped), not a development build.
# release_rigctl: builds it (a no-op when it is up to date) and prints its absolute path; on failure
# says where scripts/release's output is and returns 1.
release_rigctl() {
  local binary log=.build/bench-release.log
  mkdir -p .build
  # scripts/release prints the binary's path on its first line of output.
  binary=$(scripts/release .build/release-dist 2>"$log" | sed -n 1p)
  if [ ! -f "$binary" ] || [ ! -x "$binary" ]; then
    echo "scripts/release failed; its output is in $log" >&2
    return 1
  fi
  echo "$PWD/$binary"
}
