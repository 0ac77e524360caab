#!/usr/bin/env bash
# Runs kg_graph_bench (graph walks, snapshot build, query streaming) on one or more existing stores.
#
#   bench/run_graph.sh --db /tmp/g1m                                  # one store
#   bench/run_graph.sh --db /tmp/g1m --db bench/out/db-10000000       # both sizes, one table each
#   bench/run_graph.sh --bench path/to/kg_graph_bench --db DIR -- --runs 50 --store-runs 3
#
# Options: --db DIR (repeatable; default bench/out/db-1000000 and bench/out/db-10000000 when present)
#          --bench BIN (use that binary instead of building the release preset)
#          --out FILE (default bench/out/graph-results.md)
#          -- ARGS... (passed to kg_graph_bench, e.g. --builds 3 --runs 200 --store-runs 5 --query-runs 3)
# Stores are opened read-only. See bench/README.md for what each figure means.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out/graph-results.md"
bench=""
dbs=()
extra=()

die() { echo "run_graph: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --db) dbs+=("${2:?--db needs a store directory}"); shift 2 ;;
    --bench) bench="${2:?--bench needs the path of a kg_graph_bench binary}"; shift 2 ;;
    --out) out="${2:?--out needs a file}"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
if [ ${#dbs[@]} -eq 0 ]; then
  for d in "$root/bench/out/db-1000000" "$root/bench/out/db-10000000"; do
    [ -d "$d" ] && dbs+=("$d")
  done
fi
[ ${#dbs[@]} -gt 0 ] || die "no store given and none in bench/out; build one with: kg --db DIR ingest FILE"

if [ -z "$bench" ]; then
  echo "run_graph: building the release preset" >&2
  [ -f "$root/build/release/build.ninja" ] || (cd "$root" && cmake --preset release) >/dev/null
  (cd "$root" && cmake --build --preset release --target kg_graph_bench) >/dev/null 2>&1 ||
    die "release build failed; run: cmake --build --preset release"
  bench="$root/build/release/kg_graph_bench"
fi
[ -x "$bench" ] || die "no kg_graph_bench binary at $bench"
mkdir -p "$(dirname "$out")"

{
  echo "# kg_graph_bench, $(date -u +%Y-%m-%d), commit $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo
  for db in "${dbs[@]}"; do
    [ -d "$db" ] || die "no store at $db"
    "$bench" --db "$db" "${extra[@]}"
    echo
  done
} | tee "$out"
echo "run_graph: results in $out" >&2
