#!/usr/bin/env bash
# Benchmarks kg's ingest on generated investment news (and on NELL-995 when it is present).
#
#   bench/run.sh                               # 1M lines, each measurement 3 times, medians reported
#   bench/run.sh --sizes 1000000,10000000      # the full run (the 10M size once)
#   bench/run.sh --kg path/to/kg               # benchmark that binary instead of building the release preset
#
# Options: --sizes N[,N...]  --runs R (default 3 for sizes up to 1M, 1 above)  --nell DIR  --no-nell
#          --kg BIN  --out DIR (default bench/out)
# Results go to the terminal and to bench/out/results.md; see bench/README.md for what each figure means.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out"
sizes="1000000"
runs=""
nell_dir="/work/shared/data/nell-995"
kg=""

die() { echo "bench: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="${2:?--sizes needs a list such as 1000000,10000000}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --nell) nell_dir="${2:?--nell needs a directory}"; shift 2 ;;
    --no-nell) nell_dir=""; shift ;;
    --kg) kg="${2:?--kg needs the path of a kg binary}"; shift 2 ;;
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
[[ "$sizes" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--sizes takes numbers separated by commas, such as 1000000,10000000"
[ -z "$runs" ] || [[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a positive number"

[ -x /usr/bin/time ] || die "/usr/bin/time is missing: run tools/setup.sh (Debian package 'time')"
command -v python3 >/dev/null || die "python3 is missing: run tools/setup.sh"
mkdir -p "$out"

if [ -z "$kg" ]; then
  echo "bench: building the release preset (a few minutes the first time)"
  [ -f "$root/build/release/build.ninja" ] || (cd "$root" && cmake --preset release) >/dev/null
  (cd "$root" && cmake --build --preset release) >"$out/build.log" 2>&1 || die "release build failed; see $out/build.log"
  kg="$root/build/release/kg"
fi
[ -x "$kg" ] || die "no kg binary at $kg"
# Measure a private copy: a rebuild while the benchmark runs must not swap the binary under it.
cp "$kg" "$out/kg"
kg_bin="$out/kg"

# --- helpers ---------------------------------------------------------------------------------------

# timed NAME CMD...: runs CMD under /usr/bin/time -v, keeping its report in $out/NAME.time and CMD's
# output in $out/NAME.out and $out/NAME.err. Sets wall (seconds) and rss_kb. Fails the benchmark when
# CMD fails.
timed() {
  local name="$1"; shift
  local status=0
  /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.out" 2>"$out/$name.err" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "bench: '$*' exited with $status; its stderr:" >&2
    tail -n 5 "$out/$name.err" >&2
    exit 1
  fi
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/$name.time")"
  rss_kb="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/$name.time")"
}

# median X...: the median of the numbers given, with two decimals.
median() {
  printf '%s\n' "$@" | sort -g |
    awk '{ v[NR] = $1 } END { printf "%.2f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# json_field FILE KEY: an integer field of kg's stats object.
json_field() {
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}

fmt_rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
fmt_mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
thousands() { awk -v n="$1" 'BEGIN { printf "%.0fk", n / 1000 }'; }

# Generated input, regenerated only when missing or written by another version of the generator.
input_for() {
  local lines="$1"
  local file="$out/assertions-$lines.jsonl"
  local stamp
  stamp="$(sha256sum "$root/bench/gen_assertions.py" | cut -d' ' -f1)"
  if [ ! -s "$file" ] || [ "$(cat "$file.sha256" 2>/dev/null || true)" != "$stamp" ]; then
    echo "bench: generating $lines lines into $file" >&2
    local started=$SECONDS
    python3 "$root/bench/gen_assertions.py" "$lines" --stats "$file.stats.json" >"$file.tmp"
    mv "$file.tmp" "$file"
    echo "$stamp" >"$file.sha256"
    echo "bench: generated in $((SECONDS - started)) s" >&2
  fi
  echo "$file"
}

# --- measurements ------------------------------------------------------------------------------------

started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$root" status --porcelain -- src include tools CMakeLists.txt 2>/dev/null || true)" ]; then
  commit="$commit (with uncommitted changes)"
fi
cpu="$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
table_rows=()
notes=()

IFS=',' read -r -a size_list <<<"$sizes"
for lines in "${size_list[@]}"; do
  file="$(input_for "$lines")"
  n_runs="${runs:-$([ "$lines" -le 1000000 ] && echo 3 || echo 1)}"
  db="$out/db-$lines"
  ingest_s=(); rss=(); disk=(); reopen_s=(); check_s=(); again_s=()
  for run in $(seq 1 "$n_runs"); do
    echo "bench: $lines lines, run $run of $n_runs" >&2
    rm -rf "$db"
    timed "ingest-$lines" "$kg_bin" --db "$db" ingest "$file"
    ingest_s+=("$wall"); rss+=("$rss_kb")
    disk+=("$(du -sk "$db" | cut -f1)")
    timed "stats-$lines" "$kg_bin" --db "$db" stats
    reopen_s+=("$wall")
    timed "check-$lines" "$kg_bin" --db "$db" check
    check_s+=("$wall")
    cp "$out/stats-$lines.out" "$out/stats-$lines.json"
    timed "again-$lines" "$kg_bin" --db "$db" ingest "$file"
    again_s+=("$wall")
    timed "stats-again-$lines" "$kg_bin" --db "$db" stats
    if [ "$(json_field "$out/stats-again-$lines.out" evidence)" != "$(json_field "$out/stats-$lines.json" evidence)" ]; then
      notes+=("$lines lines, run $run: the second ingest of the same file changed the evidence count")
    fi
  done

  # What kg stored against what the generator wrote.
  expected="$file.stats.json"
  for field in evidence:lines facts:facts entities:entities_used; do
    got="$(json_field "$out/stats-$lines.json" "${field%%:*}")"
    want="$(json_field "$expected" "${field##*:}")"
    if [ "$got" != "$want" ]; then
      notes+=("$lines lines: kg stored $got ${field%%:*}, the generator wrote $want")
    fi
  done

  t="$(median "${ingest_s[@]}")"
  rate="$(fmt_rate "$lines" "$t")"
  again="$(median "${again_s[@]}")"
  table_rows+=("| $(thousands "$lines") | $n_runs | $t | $rate | $(fmt_mib "$(median "${rss[@]}")") | $(fmt_mib "$(median "${disk[@]}")") | $(median "${reopen_s[@]}") | $(median "${check_s[@]}") | $again | $(fmt_rate "$lines" "$again") |")
  rm -rf "$db"
done

nell_row=""
if [ -n "$nell_dir" ] && [ -f "$nell_dir/entity2id.txt" ]; then
  nell="$out/nell-995.jsonl"
  stamp="$(cat "$root/bench/nell_to_jsonl.py" "$root/schemas/predicates.json" | sha256sum | cut -d' ' -f1)"
  if [ ! -s "$nell" ] || [ "$(cat "$nell.sha256" 2>/dev/null || true)" != "$stamp" ]; then
    echo "bench: converting NELL-995 from $nell_dir" >&2
    python3 "$root/bench/nell_to_jsonl.py" "$nell_dir" >"$nell.tmp" 2>/dev/null
    mv "$nell.tmp" "$nell"
    echo "$stamp" >"$nell.sha256"
  fi
  nell_lines="$(wc -l <"$nell")"
  db="$out/db-nell"
  nell_s=(); nell_rss=()
  for run in $(seq 1 "${runs:-3}"); do
    echo "bench: NELL-995, run $run" >&2
    rm -rf "$db"
    timed "ingest-nell" "$kg_bin" --db "$db" ingest "$nell" --allow-new-predicates
    nell_s+=("$wall"); nell_rss+=("$rss_kb")
  done
  timed "stats-nell" "$kg_bin" --db "$db" stats
  t="$(median "${nell_s[@]}")"
  nell_row="| NELL-995 | ${#nell_s[@]} | $nell_lines | $t | $(fmt_rate "$nell_lines" "$t") | $(fmt_mib "$(median "${nell_rss[@]}")") | $(json_field "$out/stats-nell.out" entities) | $(json_field "$out/stats-nell.out" facts) |"
  rm -rf "$db"
fi

# --- report ------------------------------------------------------------------------------------------

{
  echo "# kg ingest benchmark"
  echo
  echo "- started: $started_at"
  echo "- kg: $commit, binary $kg"
  echo "- machine: $(nproc) cores, ${cpu:-unknown CPU}, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(uname -sr)"
  echo "- figures are medians of the runs listed; wall times in seconds, memory and disk in MiB"
  echo
  echo "| lines | runs | ingest s | assertions/s | peak RSS | on disk | reopen (stats) s | check s | 2nd ingest s | 2nd ingest lines/s |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${table_rows[@]}"
  if [ -n "$nell_row" ]; then
    echo
    echo "| data | runs | lines | ingest s | lines/s | peak RSS | entities | facts |"
    echo "|---|---|---|---|---|---|---|---|"
    echo "$nell_row"
  fi
  echo
  echo "Goals: at least 300k assertions/s from 1M to 10M lines, at most 2048 MiB peak RSS at 10M."
  if [ ${#notes[@]} -gt 0 ]; then
    echo
    echo "Observations:"
    printf -- '- %s\n' "${notes[@]}"
  fi
} >"$out/results.md"

echo
cat "$out/results.md"
echo
echo "bench: written to $out/results.md"
