#!/usr/bin/env bash
# Measures the built-in extractor's throughput: `kg extract` over the gold articles of
# tests/data/extract/articles (and ../shared/seeds when present), copied until the corpus is at least
# --mb megabytes, one file per article copy.
#
#   bench/run_extract.sh                 # 20 MB, 5 runs, medians reported
#   bench/run_extract.sh --mb 50 --runs 7
#   bench/run_extract.sh --kg path/to/kg # measure that binary instead of building the release preset
#
# Prints MB of text per second of wall time and per second of CPU time (user + system), medians over the
# runs; the machine is shared, so CPU time is the steadier figure. Output goes to bench/out/extract/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out/extract"
mb=20
runs=5
kg=""

die() { echo "bench: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb="${2:?--mb needs a number}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --kg) kg="${2:?--kg needs the path of a kg binary}"; shift 2 ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
[[ "$mb" =~ ^[1-9][0-9]*$ ]] || die "--mb takes a positive number"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs takes a positive number"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing: run tools/setup.sh (Debian package 'time')"

if [ -z "$kg" ]; then
  (cd "$root" && cmake --preset release >/dev/null && cmake --build --preset release --target kg >/dev/null) ||
    die "release build failed"
  kg="$root/build/release/kg"
fi
[ -x "$kg" ] || die "$kg is not an executable"
mkdir -p "$out"
cp "$kg" "$out/kg"

# The corpus: numbered copies of every article, regenerated when the articles change.
sources=("$root"/tests/data/extract/articles/*.txt)
if compgen -G "$root/../shared/seeds/*.txt" >/dev/null; then sources+=("$root"/../shared/seeds/*.txt); fi
stamp="$(cat "${sources[@]}" | md5sum | cut -c1-12)-$mb"
corpus="$out/corpus"
if [ "$(cat "$out/corpus.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$corpus"
  mkdir -p "$corpus"
  target=$((mb * 1000000))
  total=0
  copy=0
  while [ "$total" -lt "$target" ]; do
    for f in "${sources[@]}"; do
      cp "$f" "$corpus/$(printf '%05d' "$copy")_$(basename "$f")"
      total=$((total + $(stat -c %s "$f")))
    done
    copy=$((copy + 1))
  done
  echo "$stamp" > "$out/corpus.stamp"
fi
bytes="$(cat "$corpus"/*.txt | wc -c)"
files="$(ls "$corpus" | wc -l)"

walls=()
cpus=()
facts=0
for run in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S" -o "$out/time.txt" "$out/kg" extract "$corpus"/*.txt > "$out/facts.jsonl"
  read -r wall user sys < "$out/time.txt"
  walls+=("$wall")
  cpus+=("$(python3 -c "print($user + $sys)")")
  facts="$(wc -l < "$out/facts.jsonl")"
done

python3 - "$bytes" "$files" "$facts" "${walls[*]}" "${cpus[*]}" <<'PY' | tee "$out/results.md"
import statistics, sys
size, files, facts = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
walls = [float(x) for x in sys.argv[4].split()]
cpus = [float(x) for x in sys.argv[5].split()]
mb = size / 1e6
w, c = statistics.median(walls), statistics.median(cpus)
print(f"kg extract: {mb:.1f} MB in {files} articles, {facts} facts, {len(walls)} runs")
print(f"| median wall s | median CPU s | MB/s (wall) | MB/s per CPU second |")
print(f"|---|---|---|---|")
print(f"| {w:.2f} | {c:.2f} | {mb / w:.2f} | {mb / c:.2f} |")
print("runs (wall s): " + " ".join(f"{x:.2f}" for x in walls))
PY
