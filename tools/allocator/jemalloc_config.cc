// The allocator configuration compiled into kg's programs when they are linked against jemalloc
// (CMake option KG_USE_JEMALLOC; see the README's "Memory allocator" section).
//
// jemalloc reads the global `malloc_conf` once, at its first allocation, before the MALLOC_CONF
// environment variable (which can still override any setting). Debian's libjemalloc2 is built without
// a symbol prefix, so the name is the plain one. Why these settings (bench/README.md has the runs):
// - dirty_decay_ms: ingest frees whole units (tens of MiB of arenas and tables) every few hundred
//   milliseconds and allocates them again right after. With the default of 10 s jemalloc still gives
//   those pages back to the kernel and faults them in again, which doubled the system time of an
//   import; 30 s keeps them for the next unit.
// - narenas: kg runs a handful of threads (parse workers, the ingest thread, the committer, RocksDB's
//   background jobs); the default of four arenas per CPU only spreads their memory thinner.
#include <jemalloc/jemalloc.h>

const char* malloc_conf = KG_JEMALLOC_CONF;
