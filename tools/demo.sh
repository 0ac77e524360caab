#!/usr/bin/env bash
# The main job, from a fresh Debian 12 machine: installs what kg needs, builds it, reads the bundled
# example news articles (tools/demo/articles, French and English) into a new store (demo.db) through the
# built-in extractor, answers "who invested where" and draws the graph around Microsoft
# (demo-graph.svg and demo-graph.png).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh dev kg
kg=build/dev/kg
db=${KG_DEMO_DB:-demo.db}
rm -rf "$db"

echo "== Reading the articles in tools/demo/articles into $db"
"$kg" --db "$db" ingest tools/demo/articles/*.txt --format table
echo
echo "== Who invested where"
"$kg" --db "$db" facts --predicate invests_in --format table
echo
echo "== The same question in kg's query shorthand, with Spain named in French"
"$kg" --db "$db" query --format table '?who invests_in Espagne'
echo
echo "== Spain, found by its French name, with the sentences behind each fact"
"$kg" --db "$db" entity Espagne --format table
echo
echo "== Reading the same articles again changes nothing"
"$kg" --db "$db" ingest tools/demo/articles/*.txt --format table
echo
echo "== Store check"
"$kg" --db "$db" check --format table
echo
echo "== Drawing Microsoft and what lies within two facts of it"
"$kg" --db "$db" render --center Microsoft --hops 2 -o demo-graph.svg
"$kg" --db "$db" render --center Microsoft --hops 2 -o demo-graph.png
echo "wrote demo-graph.svg and demo-graph.png"
