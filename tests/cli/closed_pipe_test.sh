#!/bin/bash
# `kg query … | head -1` on a huge result must stop at once in every format, table included, with bounded
# memory, and end the way the other formats end on a closed pipe: by SIGPIPE (status 141, which shells
# do not report), or with status 0 and no message when the parent ignores SIGPIPE (write fails with EPIPE,
# the query stops). Before table output streamed, the table held every row: on this 27M-row cartesian
# product it grew past 2 GB and ran until killed.
#
# Usage: closed_pipe_test.sh KG PYTHON3
set -u
kg=$1
python=$2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "FAIL: $*"
  exit 1
}

# 300 organisations investing in Spain: 301 entities, so MATCH (a),(b),(c) has 27,270,901 rows.
"$python" -c '
import json
for i in range(300):
    print(json.dumps({"subject": "Org %d" % i, "predicate": "invests_in", "object": "Spain",
                      "source": {"uri": "https://x.example/%d" % i}}))' > "$work/g.jsonl"
"$kg" --db "$work/kg.db" ingest "$work/g.jsonl" > /dev/null || fail "ingest failed"

query='MATCH (a),(b),(c) RETURN a.name, b.name, c.name'
max_rss_kb=$((200 * 1024))
max_seconds=10

# Runs the query in format $1, with SIGPIPE ignored when $2 is "ignore", into `head -1`; checks the
# status against $3, the time and the memory.
check() {
  local format=$1 sigpipe=$2 want=$3
  local report="$work/time.$format.$sigpipe" first="$work/first.$format.$sigpipe" err="$work/err.$format.$sigpipe"
  (
    if [ "$sigpipe" = ignore ]; then trap '' PIPE; fi
    ulimit -t 60  # CPU seconds: a run that does not stop is killed (SIGXCPU) rather than hanging the suite
    exec /usr/bin/time -v -o "$report" "$kg" --db "$work/kg.db" query "$query" --format "$format" 2> "$err"
  ) | head -1 > "$first"
  local status=${PIPESTATUS[0]}
  [ "$status" = "$want" ] || fail "$format (SIGPIPE $sigpipe): status $status, want $want; $(cat "$err")"
  local want_first='a.name'
  if [ "$format" = json ]; then want_first='^\[$'; fi
  grep -q "$want_first" "$first" || fail "$format: first line is $(cat "$first")"
  if [ "$sigpipe" = ignore ]; then
    [ -s "$err" ] && fail "$format (SIGPIPE ignored): printed $(cat "$err")"
  fi
  local rss seconds
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$report")
  seconds=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$report" | awk -F: '{ print ($1 * 60 + $2) }')
  [ -n "$rss" ] && [ "$rss" -lt "$max_rss_kb" ] || fail "$format: max RSS ${rss} kB, over ${max_rss_kb} kB"
  awk -v s="$seconds" -v m="$max_seconds" 'BEGIN { exit !(s < m) }' || fail "$format: took ${seconds} s"
  echo "ok: $format, SIGPIPE $sigpipe: status $status, ${seconds} s, ${rss} kB"
}

for format in tsv csv json jsonl table; do
  check "$format" default 141
  check "$format" ignore 0
done
