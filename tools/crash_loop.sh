#!/usr/bin/env bash
# Runs the kill -9 crash tests (tests/cli/crash_test.cc) N times, each with a fresh seed, and stops at the
# first failure, printing the seed that reproduces it (KG_CRASH_SEED=... ctest --preset dev -R CrashTest).
#
#   tools/crash_loop.sh 200              # 200 rounds against build/dev (about 40 s a round)
#   tools/crash_loop.sh 3 build/asan     # another build folder
#
# Every round kills `kg ingest` at random moments on one store and checks after each kill that the store
# passes `kg check`, holds every unit kg reported as committed, and no part of any other.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:?usage: tools/crash_loop.sh N [BUILD_DIR]}
build=${2:-build/dev}
tests="$build/tests/kg_tests"
[ -x "$tests" ] || { echo "crash_loop: $tests is not built (tools/build.sh dev kg_tests kg)" >&2; exit 2; }
[ -x "$build/kg" ] || { echo "crash_loop: $build/kg is not built" >&2; exit 2; }
for ((round = 1; round <= rounds; round++)); do
  seed=$(od -An -N8 -tu8 /dev/urandom | tr -d ' ')
  if ! KG_CRASH_SEED=$seed "$tests" --gtest_filter='CrashTest.*' >"/tmp/kg_crash_loop.$$" 2>&1; then
    cat "/tmp/kg_crash_loop.$$" >&2
    rm -f "/tmp/kg_crash_loop.$$"
    echo "crash_loop: round $round of $rounds FAILED with KG_CRASH_SEED=$seed" >&2
    exit 1
  fi
  echo "crash_loop: round $round of $rounds passed (seed $seed)"
done
rm -f "/tmp/kg_crash_loop.$$"
echo "crash_loop: $rounds rounds, 0 lost units, 0 half-written units, kg check clean after every kill"
