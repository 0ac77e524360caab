// A unit of change on its way into the store: reads see the unit's own writes, and Commit() makes all
// of it durable at once or none of it.
//
// Two implementations, chosen by what the unit does:
// - IndexedUnit wraps a WriteBatchWithIndex. It supports deletes and prefix scans, which forgetting a
//   source and re-filing evidence need, and commits as one synced write.
// - BulkUnit is for ingest, which only adds. It keeps the unit in packed tables (unit_table.h) and
//   commits small units as a synced WriteBatch and large ones as sorted SST files ingested atomically
//   across column families, which skips the memtable (the bottleneck of Debian's assert-enabled
//   RocksDB; see store_layout.md).
// Units are owned by StoreWriter; not thread-safe.
#ifndef KG_STORE_WRITE_UNIT_H_
#define KG_STORE_WRITE_UNIT_H_

#include <rocksdb/utilities/write_batch_with_index.h>

#include <array>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kg/status.h"
#include "store/rocks_db.h"
#include "store/unit_table.h"

namespace kg::store {

class WriteUnit {
 public:
  virtual ~WriteUnit() = default;

  // The value under `key`, this unit's writes first. NotFound when absent.
  virtual Result<std::string> Get(Cf cf, std::string_view key) = 0;
  virtual Status Put(Cf cf, std::string_view key, std::string_view value) = 0;
  // Internal error on a BulkUnit, which only adds.
  virtual Status Delete(Cf cf, const std::string& key) = 0;
  // An iterator over the store with this unit's writes applied. Only IndexedUnit supports it.
  virtual Result<std::unique_ptr<rocksdb::Iterator>> Scan(Cf cf) = 0;

  // Makes every write durable, then empties the unit. On failure nothing was written. A pipelined
  // unit (BulkUnit) only starts the write and returns the outcome of the unit before it; Sync() waits
  // for the last one.
  virtual Status Commit() = 0;
  // Waits until every committed unit is durable. Returns the first failure.
  virtual Status Sync() { return Status::Ok(); }
  // Drops every write.
  virtual void Clear() = 0;
  virtual size_t size() const = 0;
};

class IndexedUnit : public WriteUnit {
 public:
  explicit IndexedUnit(RocksDb* db);
  Result<std::string> Get(Cf cf, std::string_view key) override;
  Status Put(Cf cf, std::string_view key, std::string_view value) override;
  Status Delete(Cf cf, const std::string& key) override;
  Result<std::unique_ptr<rocksdb::Iterator>> Scan(Cf cf) override;
  Status Commit() override;
  void Clear() override;
  size_t size() const override;

 private:
  RocksDb* db_;
  mutable rocksdb::WriteBatchWithIndex batch_;  // GetWriteBatch() is not const
};

class BulkUnit : public WriteUnit {
 public:
  // Units with at least `sst_min_entries` writes go in as SST files; smaller ones as a WriteBatch.
  // Commit() is pipelined: the unit is written by a background thread while the next one is built,
  // and reads see the unit in flight until it is in the store.
  BulkUnit(RocksDb* db, size_t sst_min_entries);
  ~BulkUnit() override;
  Result<std::string> Get(Cf cf, std::string_view key) override;
  Status Put(Cf cf, std::string_view key, std::string_view value) override;
  Status Delete(Cf cf, const std::string& key) override;
  Result<std::unique_ptr<rocksdb::Iterator>> Scan(Cf cf) override;
  Status Commit() override;
  Status Sync() override;
  void Clear() override;
  size_t size() const override { return entries_; }

 private:
  // Column families that ingest writes but never reads back (the secondary indexes) are only appended,
  // and deduplicated when sorted; the rest are indexed so that reads find them.
  struct Writes {
    Writes();
    std::array<UnitTable, kCfCount> tables;
  };
  static bool AppendOnly(Cf cf) { return cf == kPos || cf == kOsp || cf == kSourceEvidence || cf == kGroups; }

  Status WriteBatchOf(const Writes& writes);
  Status WriteFilesOf(const Writes& writes, uint64_t sequence);
  // Writes one SST file per column family into `staging` and ingests them all at once.
  Status StageAndIngest(const Writes& writes, uint64_t sequence, const std::string& staging);

  RocksDb* db_;
  size_t sst_min_entries_;
  size_t entries_ = 0;
  uint64_t file_sequence_ = 0;
  // The unit being built, the one being written (read-only while pending_ runs), and the one written
  // last, cleared: the next unit is built in it, so units reuse their tables' memory instead of growing
  // new ones page by page (a few percent of a large load's CPU time went to that).
  std::unique_ptr<Writes> writes_ = std::make_unique<Writes>();
  std::unique_ptr<Writes> in_flight_;
  std::unique_ptr<Writes> spare_;
  std::future<Status> pending_;
};

}  // namespace kg::store

#endif  // KG_STORE_WRITE_UNIT_H_
