#!/bin/bash
# Issue 17, "no crash, ever", on a full disk: `kg ingest` into a store whose file system is full must
# exit with code 1 (I/O failure) and a message, never die of a signal, and leave a store that
# `kg check` passes and that takes the next ingest once there is room again.
#
# It mounts an 8 MB tmpfs, so it runs only as root (exit 77, which ctest reports as skipped, otherwise).
# Before the fix, RocksDB's own info log aborted the process (SIGABRT, "Assertion
# `sync_without_flush_called_' failed") on the second line it tried to write to the full disk.
#
# Usage: disk_full_test.sh KG PYTHON3 SOURCE_DIR
set -u
kg=$1
python=$2
source_dir=$3

if [ "$(id -u)" != 0 ]; then
  echo "SKIP: mounting a small tmpfs needs root"
  exit 77
fi
work=$(mktemp -d)
mnt=$work/full
mkdir "$mnt"
cleanup() {
  if mountpoint -q "$mnt"; then umount "$mnt"; fi
  rm -rf "$work"
}
trap cleanup EXIT
if ! mount -t tmpfs -o size=8m tmpfs "$mnt"; then
  echo "SKIP: cannot mount a tmpfs here"
  exit 77
fi

fail() {
  echo "FAIL: $*"
  exit 1
}

# Runs kg with the arguments after the first; fails the test on a signal or an exit code other than the
# first argument.
expect_exit() {
  local want=$1
  shift
  "$kg" "$@" >"$work/out" 2>"$work/err"
  local code=$?
  if [ "$code" -ge 128 ]; then fail "kg $* died of signal $((code - 128)): $(head -c 400 "$work/err")"; fi
  if [ "$code" -ne "$want" ]; then fail "kg $* exited $code, expected $want: $(head -c 400 "$work/err")"; fi
}

"$python" "$source_dir/bench/gen_assertions.py" 60000 >"$work/big.jsonl" || fail "cannot generate input"
"$python" "$source_dir/bench/gen_assertions.py" 5000 --seed 7 >"$work/more.jsonl" || fail "cannot generate input"
db=$mnt/kg.db

# One ingest fills the tmpfs: 60,000 lines make a store of about 20 MB. Units of 3,000 lines commit
# through the WAL, and the first to find no room ends the ingest.
expect_exit 1 --db "$db" ingest --unit-lines 3000 "$work/big.jsonl"
grep -q "No space left on device" "$work/err" || fail "the failed ingest did not say why: $(head -c 400 "$work/err")"
grep -Eq "is committed through line [0-9]+; the lines after it are not|no line of .* is committed" "$work/err" ||
  fail "the failed ingest did not say which lines went in: $(head -c 400 "$work/err")"

# Take whatever room is left, then ingest again and again: each run must fail the same clean way.
dd if=/dev/zero of="$mnt/fill" bs=4k >/dev/null 2>&1
for attempt in 1 2 3 4; do
  expect_exit 1 --db "$db" ingest "$work/more.jsonl"
  grep -q "No space left on device" "$work/err" || fail "attempt $attempt did not say why: $(head -c 400 "$work/err")"
done
expect_exit 0 --db "$db" check

# With room again (the store alone nearly fills 8 MB, so the tmpfs grows), the store takes the next
# ingest and still checks.
rm "$mnt/fill"
mount -o remount,size=32m "$mnt" || fail "cannot grow the tmpfs"
expect_exit 0 --db "$db" ingest "$work/more.jsonl"
expect_exit 0 --db "$db" check
echo "PASS"
