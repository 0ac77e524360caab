#!/usr/bin/env bash
# The main job, from a fresh Debian 12 machine: installs what kg needs, builds it, loads the bundled
# example news facts into a new store (demo.db) and answers "who invested where".
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh dev kg
kg=build/dev/kg
db=${KG_DEMO_DB:-demo.db}
rm -rf "$db"

echo "== Loading tools/demo/investments.jsonl into $db"
"$kg" --db "$db" ingest tools/demo/investments.jsonl --format table
echo
echo "== Who invested where"
"$kg" --db "$db" facts --predicate invests_in --format table
echo
echo "== Spain, found by its French name"
"$kg" --db "$db" entity Espagne --format table
echo
echo "== Store check"
"$kg" --db "$db" check --format table
