#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: installs what kg needs, builds everything and
# runs ctest. Its last lines are ctest's summary. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh dev
ctest --preset dev -j2
