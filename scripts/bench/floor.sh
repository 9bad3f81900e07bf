# shellcheck shell=bash
# Sourced by scripts/bench-load and scripts/bench-audit: the libyaml floor measured in the same run.
# libyaml_floor_ms DIR GLOB: compiles scripts/bench/libyaml-floor.c into DIR and prints the best of
# 5 runs, in ms (libyaml's parser, events only, over every file matching GLOB; no process start-up).
libyaml_floor_ms() {
  local dir=$1 glob=$2 best="" ms flags
  read -ra flags <<< "$(pkg-config --cflags --libs yaml-0.1)"
  cc -O2 scripts/bench/libyaml-floor.c -o "$dir/libyaml-floor" "${flags[@]}"
  "$dir/libyaml-floor" "$glob" >/dev/null   # warm the page cache
  for _ in 1 2 3 4 5; do
    ms=$("$dir/libyaml-floor" "$glob" | awk '{ print $(NF-1) }')
    if [ -z "$best" ] || awk -v a="$ms" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$ms; fi
  done
  echo "$best"
}

# ratio A B: A / B with one decimal.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
