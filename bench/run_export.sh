#!/usr/bin/env bash
# Measures `kg export` on an existing store: each format, several runs, medians of wall time, CPU time
# (user + system) and peak RSS from /usr/bin/time -v, and edges per second.
#
#   bench/run_export.sh                                    # the 10M store, every format, 3 runs
#   bench/run_export.sh --db DIR --runs 5 --formats csv,graphml
#   bench/run_export.sh --kg path/to/kg                    # measure that binary instead of building
#
# Options: --db DIR (default bench/out/db-10000000, which bench/run.sh --sizes 10000000 builds)
#          --kg BIN (default: build the release preset and measure a private copy of build/release/kg)
#          --runs R (default 3)   --formats F[,F…] (default jsonl,csv,node-link,graphml,ntriples)
#          --out DIR (where exports and results.md go; default bench/out/export)
#          --edges N (the store's edge count, when known; spares the counting pass)
# The store is opened read-only. Exports are deleted after each run; results go to DIR/results.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
db=""
kg=""
runs=3
formats="jsonl,csv,node-link,graphml,ntriples"
out="$root/bench/out/export"
edges=""

die() { echo "run_export: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="${2:?--db needs a store directory}"; shift 2 ;;
    --kg) kg="${2:?--kg needs a binary}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --formats) formats="${2:?--formats needs a list}"; shift 2 ;;
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    --edges) edges="${2:?--edges needs a number}"; shift 2 ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
[ -n "$db" ] || db="$root/bench/out/db-10000000"
[ -n "$db" ] && [ -d "$db" ] || die "no store; build one with bench/run.sh --sizes 10000000, or pass --db DIR"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing; run tools/setup.sh (Debian package 'time')"
mkdir -p "$out"

if [ -z "$kg" ]; then
  echo "run_export: building the release preset" >&2
  [ -f "$root/build/release/build.ninja" ] || (cd "$root" && cmake --preset release) >/dev/null
  (cd "$root" && cmake --build --preset release --target kg) >/dev/null 2>&1 ||
    die "release build failed; run: cmake --build --preset release"
  kg="$root/build/release/kg"
fi
[ -x "$kg" ] || die "no kg binary at $kg"
cp "$kg" "$out/kg"
kg="$out/kg"

# The number of edges (qualifier sets): one node-link link per line.
if [ -z "$edges" ]; then
  echo "run_export: counting edges" >&2
  "$kg" --db "$db" export --to node-link -o "$out/count.json"
  edges=$(grep -c '^{"source":' "$out/count.json" || true)
  rm -f "$out/count.json"
fi
nodes=$("$kg" --db "$db" stats | awk -F'[:,]' '/"entities"/ { gsub(/ /, "", $2); print $2 }')

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

results="$out/results.md"
{
  echo "# kg export benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- kg: $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$root" && git diff --quiet HEAD -- src include tools 2>/dev/null || echo ' (uncommitted changes)')"
  echo "- store: $db ($nodes entities, $edges edges)"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "- medians of $runs runs; wall and CPU (user + system) in seconds, peak RSS in MiB"
  echo
  echo "| format | runs | wall s | CPU s | edges/s (wall) | edges/s (CPU) | peak RSS | output MiB |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$results"

IFS=, read -r -a format_list <<< "$formats"
for format in "${format_list[@]}"; do
  walls=() cpus=() rsss=() sizes=()
  for run in $(seq 1 "$runs"); do
    target="$out/export.$format"
    [ "$format" = csv ] && target="$out/export-csv"
    rm -rf "$target"
    /usr/bin/time -v -o "$out/time.txt" "$kg" --db "$db" export --to "$format" -o "$target" 2> "$out/err.txt" ||
      { cat "$out/err.txt" >&2; die "export --to $format failed"; }
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/time.txt")
    cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$out/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$out/time.txt")
    size=$(du -sm "$target" | cut -f1)
    echo "run_export: $format run $run: ${wall}s wall, ${cpu}s CPU, ${rss} MiB peak" >&2
    walls+=("$wall") cpus+=("$cpu") rsss+=("$rss") sizes+=("$size")
    rm -rf "$target"
  done
  wall=$(printf '%s\n' "${walls[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  rss=$(printf '%s\n' "${rsss[@]}" | median)
  size=$(printf '%s\n' "${sizes[@]}" | median)
  awk -v f="$format" -v r="$runs" -v w="$wall" -v c="$cpu" -v e="$edges" -v m="$rss" -v s="$size" \
    'BEGIN { printf "| %s | %d | %.1f | %.1f | %.0f | %.0f | %s | %s |\n", f, r, w, c, e / w, e / c, m, s }' >> "$results"
done
rm -f "$out/time.txt" "$out/err.txt"
cat "$results"
echo "run_export: results in $results" >&2
