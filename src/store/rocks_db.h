// Opens kg's RocksDB database with its column families, checks the format version and owns the handles.
//
// The only place that knows RocksDB options, and (with rocks_status.cc) the only place that turns a
// rocksdb::Status into a kg::Status. A RocksDb is owned by one GraphStore; RocksDB itself makes its read
// calls thread-safe, and kg allows one writing process per database (RocksDB's LOCK file enforces it).
#ifndef KG_STORE_ROCKS_DB_H_
#define KG_STORE_ROCKS_DB_H_

#include <rocksdb/db.h>

#include <memory>
#include <string>
#include <vector>

#include "kg/status.h"

namespace kg::store {

// The column families, in the order their handles are kept. See schemas/store_layout.md.
enum Cf : int {
  kDefault = 0,
  kMeta,
  kEntities,
  kNames,
  kPredicates,
  kSpo,
  kPos,
  kOsp,
  kEvidence,
  kSources,
  kSourceUris,
  kSourceEvidence,
  kLedger,
  kCfCount,
};

const char* CfName(Cf cf);

// The format this build writes and reads; a store with another version is refused at open.
constexpr int kFormatVersion = 1;

// Converts RocksDB's status; `context` says what kg was doing ("opening kg.db").
Status FromRocks(const rocksdb::Status& status, const std::string& context);

class RocksDb {
 public:
  enum class Mode { kReadWrite, kReadOnly };

  // Opens (and with kReadWrite creates) the database in `dir`. Unavailable when another process writes
  // to it; FailedPrecondition when it is not a kg store or has another format version; NotFound when a
  // read-only open finds no store.
  static Result<std::unique_ptr<RocksDb>> Open(const std::string& dir, Mode mode);
  ~RocksDb();

  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* cf(Cf which) const { return handles_[which]; }
  const std::string& dir() const { return dir_; }
  bool read_only() const { return read_only_; }

 private:
  RocksDb() = default;

  std::string dir_;
  bool read_only_ = false;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
};

}  // namespace kg::store

#endif  // KG_STORE_ROCKS_DB_H_
