// Opens kg's RocksDB database with its column families, checks the format version and owns the handles.
//
// The only place that knows RocksDB options, and (with rocks_status.cc) the only place that turns a
// rocksdb::Status into a kg::Status. A RocksDb is owned by one GraphStore; RocksDB itself makes its read
// calls thread-safe, and kg allows one writing process per database (RocksDB's LOCK file enforces it).
#ifndef KG_STORE_ROCKS_DB_H_
#define KG_STORE_ROCKS_DB_H_

#include <rocksdb/db.h>

#include <memory>
#include <mutex>
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
  kGroups,  // format 2: missing from a format-1 store opened read-only, whose handle is then null
  kCfCount,
};

const char* CfName(Cf cf);

// The format this build writes. It also reads format 1 (no `groups` family): read-only as it is, and a
// writer upgrades it at open (see format_upgrade.h). Any other version is refused at open.
constexpr int kFormatVersion = 2;

// Converts RocksDB's status; `context` says what kg was doing ("opening kg.db").
Status FromRocks(const rocksdb::Status& status, const std::string& context);

// Read options for a pass over a whole column family, which reads each block once: keeping the blocks
// out of the block cache spares its churn (an insert and an eviction per block) and the entries point
// lookups need, and reading `readahead` bytes at a time makes the reads large.
rocksdb::ReadOptions WholeScanOptions(size_t readahead = 2 << 20);

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
  // The store's format: kFormatVersion, or 1 for a format-1 store opened read-only. Only from format 2
  // on does the `groups` family hold every qualifier set.
  int format_version() const { return format_version_; }
  bool has_groups() const { return format_version_ >= 2; }

  // Stops automatic compaction of `families` until FinishDeferredCompactions(). A bulk load into an
  // empty store uses it for the families it writes but never reads back: their files are then merged
  // once, at the end, instead of being rewritten level by level as the load goes on. Durability does
  // not depend on compaction, so a crash in between loses nothing; the next open compacts as usual.
  // List the largest families first. Call between units.
  Status DeferCompactions(const std::vector<Cf>& families);
  // Turns automatic compaction of `family` back on before the others, if it was deferred: for a family
  // the load has to read after all. OK when it was not deferred.
  Status ResumeCompaction(Cf family);
  // Compacts the deferred families into one sorted run each and turns automatic compaction back on.
  // OK when nothing was deferred.
  Status FinishDeferredCompactions();
  // True between DeferCompactions() and FinishDeferredCompactions() for a family named there: its
  // ingested files will be rewritten before anyone reads much of them.
  bool CompactionDeferred(Cf family) const;

 private:
  RocksDb() = default;
  static Result<std::unique_ptr<RocksDb>> FinishCreationThenOpenReadOnly(const std::string& dir);
  Status CompactIntoLastLevel(Cf family);  // every file of `family` into one sorted run

  std::string dir_;
  bool read_only_ = false;
  int format_version_ = kFormatVersion;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  // The commit thread asks CompactionDeferred() while the ingest thread may call ResumeCompaction().
  mutable std::mutex deferred_mutex_;
  std::vector<Cf> deferred_;
};

}  // namespace kg::store

#endif  // KG_STORE_ROCKS_DB_H_
