#!/usr/bin/env bash
# Benchmarks N-Triples import (and export) at 10M triples.
#
#   bench/run_import.sh                        # 10M triples, 3 runs each, medians reported
#   bench/run_import.sh --triples 1000000 --runs 5
#
# The N-Triples come from a kg store: --store DIR (default bench/out/db-10000000, the store bench/run.sh
# --sizes 10000000 builds). When it is missing, the script builds a store from 2M generated lines first.
# `kg export --to ntriples` writes the whole store; its first N lines are the import input (entities
# first, then facts with their statements). Then, each R times: the export of the whole store to
# /dev/null, `kg ingest` of the N lines into an empty store, and kg_nt_parse_bench (the decoder alone,
# without the store). Wall time and CPU time (user + system) are medians; see bench/README.md.
# Options: --triples N  --runs R  --store DIR  --kg BIN (then --parse-bench BIN too)  --no-export
#          --out DIR (default bench/out)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
triples=10000000
runs=3
store=""
kg=""
parse_bench=""
export_runs=1

die() { echo "bench: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --triples) triples="${2:?--triples needs a number}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --store) store="${2:?--store needs a directory}"; shift 2 ;;
    --kg) kg="${2:?--kg needs a binary}"; shift 2 ;;
    --parse-bench) parse_bench="${2:?--parse-bench needs a binary}"; shift 2 ;;
    --no-export) export_runs=0; shift ;;
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
[[ "$triples" =~ ^[1-9][0-9]*$ ]] || die "--triples takes a positive number"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a positive number"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: run tools/setup.sh (Debian package 'time')"
mkdir -p "$out"
store="${store:-$out/db-10000000}"

if [ -z "$kg" ]; then
  echo "bench: building the release preset"
  [ -f "$root/build/release/build.ninja" ] || (cd "$root" && cmake --preset release) >/dev/null
  (cd "$root" && cmake --build --preset release --target kg kg_nt_parse_bench) >"$out/import-build.log" 2>&1 ||
    die "release build failed; see $out/import-build.log"
  kg="$root/build/release/kg"
  parse_bench="$root/build/release/kg_nt_parse_bench"
fi
cp "$kg" "$out/kg-import"
kg="$out/kg-import"

if [ ! -d "$store" ]; then
  echo "bench: no store at $store; building one from 2M generated lines"
  python3 "$root/bench/gen_assertions.py" 2000000 >"$out/import-source.jsonl"
  "$kg" --db "$store" ingest "$out/import-source.jsonl" >/dev/null
fi

nt="$out/import-$triples.nt"
if [ ! -s "$nt" ] || [ "$(wc -l <"$nt")" -ne "$triples" ]; then
  echo "bench: writing $triples triples from $store"
  "$kg" --db "$store" export --to ntriples | head -n "$triples" >"$nt" || true
  [ "$(wc -l <"$nt")" -eq "$triples" ] || die "the store gave fewer than $triples triples"
fi

# timed NAME CMD...: runs CMD under /usr/bin/time, appending "wall cpu rss_kb" to $out/NAME.runs.
timed() {
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/$name.time" "$@" >"$out/$name.out" 2>"$out/$name.err" ||
    die "$name failed: $(tail -3 "$out/$name.err")"
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$out/$name.time" >>"$out/$name.runs"
}
median() {  # median of column $2 of file $1
  python3 -c "import statistics,sys; print(statistics.median(float(l.split()[$2]) for l in open(sys.argv[1])))" "$1"
}

rm -f "$out"/nt-export.runs "$out"/nt-import.runs "$out"/nt-parse.runs "$out"/nt-decode.runs "$out"/nt-parse-bench.runs
for run in $(seq "$runs"); do
  echo "bench: run $run of $runs"
  if [ "$export_runs" -eq 1 ]; then
    timed nt-export "$kg" --db "$store" export --to ntriples -o /dev/null
  fi
  rm -rf "$out/nt-import.db"
  timed nt-import "$kg" --db "$out/nt-import.db" ingest "$nt" --allow-new-predicates
  if [ -n "$parse_bench" ]; then
    timed nt-parse-bench "$parse_bench" "$nt"
    # wall and CPU seconds of each phase (the CPU column is absent from older binaries' output)
    awk -F'\t' '$1 == "parse" {print $4, ($6 == "" ? $4 : $6)}' "$out/nt-parse-bench.out" >>"$out/nt-parse.runs"
    awk -F'\t' '$1 == "decode" {print $4, ($6 == "" ? $4 : $6)}' "$out/nt-parse-bench.out" >>"$out/nt-decode.runs"
  fi
done

facts=$("$kg" --db "$store" stats | python3 -c "import json,sys; print(json.load(sys.stdin)['facts'])")
{
  echo "| measurement | median wall s | median CPU s | throughput |"
  echo "|---|---|---|---|"
  if [ "$export_runs" -eq 1 ]; then
    w=$(median "$out/nt-export.runs" 0); c=$(median "$out/nt-export.runs" 1)
    echo "| export --to ntriples, whole store ($facts facts) | $w | $c | $(python3 -c "print(f'{$facts/$w:,.0f} edges/s')") |"
  fi
  w=$(median "$out/nt-import.runs" 0); c=$(median "$out/nt-import.runs" 1); rss=$(median "$out/nt-import.runs" 2)
  echo "| ingest $triples N-Triples into an empty store | $w | $c | $(python3 -c "print(f'{$triples/$w:,.0f} triples/s wall, {$triples/$c:,.0f} per CPU s, peak RSS {$rss/1024:,.0f} MB')") |"
  if [ -n "$parse_bench" ]; then
    p=$(median "$out/nt-parse.runs" 0); d=$(median "$out/nt-decode.runs" 0)
    pc=$(median "$out/nt-parse.runs" 1); dc=$(median "$out/nt-decode.runs" 1)
    echo "| parse only, one thread | $p | $pc | $(python3 -c "print(f'{$triples/$p:,.0f} triples/s wall, {$triples/$pc:,.0f} per CPU s')") |"
    echo "| decode (parse, map, group, validate), one thread | $d | $dc | $(python3 -c "print(f'{$triples/$d:,.0f} triples/s wall, {$triples/$dc:,.0f} per CPU s')") |"
  fi
  echo
  echo "Runs: $runs. Ingest summary of the last run:"
  echo
  echo '```'
  cat "$out/nt-import.out"
  echo '```'
} | tee "$out/import-results.md"
