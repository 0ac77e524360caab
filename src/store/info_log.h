// The store's RocksDB info log, `<store>/LOG`, written so that no failure to write it can end the process.
//
// RocksDB's own file logger writes through a WritableFileWriter, which remembers a failed write and, in a
// build with assertions (Debian's librocksdb keeps them), aborts on the next line it is asked to write.
// A full disk makes the first warning fail and the second one kill `kg ingest` with SIGABRT (issue 17).
// This logger appends each line with one write(2) and drops the lines it cannot write: the log is for
// diagnosis, and losing a line of it is better than losing the process.
//
// Thread-safe: RocksDB logs from its background threads, and each line is a single append.
#ifndef KG_STORE_INFO_LOG_H_
#define KG_STORE_INFO_LOG_H_

#include <rocksdb/env.h>

#include <memory>
#include <string>

namespace kg::store {

// A logger that appends lines at `level` and above to `dir`/LOG. A LOG grown past a megabyte is first
// renamed to LOG.old (replacing an older one), so the two stay small however many runs log. Never
// fails: when the file cannot be opened, lines are dropped.
std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& dir, rocksdb::InfoLogLevel level);

}  // namespace kg::store

#endif  // KG_STORE_INFO_LOG_H_
