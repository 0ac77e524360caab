#!/usr/bin/env bash
# Installs the Debian 12 packages kg needs to build, test and run. Idempotent: packages already present
# are skipped, and apt is only called when something is missing. Used by the README and by CI.
set -euo pipefail

packages=(
  g++ cmake ninja-build ccache pkg-config            # toolchain
  librocksdb-dev                                     # the store
  libboost-graph-dev                                 # graph algorithms (header-only parts)
  nlohmann-json3-dev                                 # JSON parsing and output
  libgraphviz-dev                                    # cgraph and gvc
  fonts-dejavu-core                                  # the diagrams' font, the same on every machine
  libicu-dev                                         # normalisation, locale display names
  iso-codes libgeonames0 libgeonames-common          # the place gazetteer: ISO 3166-2 regions, GeoNames cities
  wamerican-small wbritish-small                     # everyday English words the gazetteer keeps out of place names
  libssl-dev                                         # SHA-256 of ingested articles (libcrypto)
  libcli11-dev                                       # command-line parsing
  libgtest-dev libgmock-dev                          # tests
  python3 python3-jsonschema                         # schema cross-check in tests
  python3-networkx                                   # PageRank and betweenness cross-check in tests, GraphML and node-link readers
  python3-pandas                                     # read_csv on the CSV export in tests
  python3-rdflib serdi                               # N-Triples export read back by RDF consumers in tests
  time                                               # /usr/bin/time -v for bench/run.sh
  libjemalloc-dev                                    # the allocator kg links against (optional: KG_USE_JEMALLOC)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
