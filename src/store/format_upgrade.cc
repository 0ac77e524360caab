#include "store/format_upgrade.h"

#include <rocksdb/iterator.h>
#include <rocksdb/write_batch.h>

#include <memory>
#include <string>

#include "store/key_codec.h"
#include "store/records.h"

namespace kg::store {
namespace {

constexpr size_t kBatchKeys = 100000;  // bounds the memory of one batch (about 6 MB)

}  // namespace

Status UpgradeToFormat2(RocksDb* db) {
  rocksdb::DB* rocks = db->db();
  rocksdb::ColumnFamilyHandle* groups = db->cf(kGroups);
  if (db->read_only() || groups == nullptr) return Internal("a format upgrade needs a writable store with groups");
  rocksdb::WriteBatch batch;
  auto flush_batch = [&]() -> Status {
    if (batch.Count() == 0) return Status::Ok();
    Status status = FromRocks(rocks->Write(rocksdb::WriteOptions(), &batch), "upgrading " + db->dir());
    batch.Clear();
    return status;
  };

  // What an earlier, interrupted upgrade left goes first, so that the family ends up exactly what
  // evidence says, whatever that attempt got to.
  {
    std::unique_ptr<rocksdb::Iterator> it(rocks->NewIterator(rocksdb::ReadOptions(), groups));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      KG_RETURN_IF_ERROR(FromRocks(batch.Delete(groups, it->key()), "upgrading " + db->dir()));
      if (batch.Count() >= kBatchKeys) KG_RETURN_IF_ERROR(flush_batch());
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "scanning groups"));
    KG_RETURN_IF_ERROR(flush_batch());
  }

  // Evidence keys are s p o qualifier_hash line_hash: the first key of each (s p o qualifier_hash) run
  // gives the set's values, which every line of the run shares.
  std::unique_ptr<rocksdb::Iterator> it(rocks->NewIterator(rocksdb::ReadOptions(), db->cf(kEvidence)));
  std::string previous;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const std::string_view key = it->key().ToStringView();
    if (key.size() != kEvidenceKeySize) return DataLoss("upgrading " + db->dir() + ": an evidence key of the wrong size");
    const std::string_view set = key.substr(0, kTripleKeySize + 8);
    if (set == previous) continue;
    previous.assign(set);
    auto line = DecodeEvidence(it->value().ToStringView());
    if (!line.ok()) return line.status().WithPrefix("upgrading " + db->dir());
    const std::string group_key = GroupKeyOfEvidence(key);
    const std::string value = EncodeGroupValues(line->amount, line->currency, line->date);
    KG_RETURN_IF_ERROR(FromRocks(batch.Put(groups, group_key, value), "upgrading " + db->dir()));
    if (batch.Count() >= kBatchKeys) KG_RETURN_IF_ERROR(flush_batch());
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "scanning evidence"));
  KG_RETURN_IF_ERROR(flush_batch());

  // The family must be durable before the version says it is complete.
  rocksdb::FlushOptions flush;
  flush.wait = true;
  KG_RETURN_IF_ERROR(FromRocks(rocks->Flush(flush, groups), "flushing groups of " + db->dir()));
  // One sorted run, as a fresh load leaves it: a query then scans one file rather than merging several.
  // Only speed depends on it.
  (void)rocks->CompactRange(rocksdb::CompactRangeOptions(), groups, nullptr, nullptr);
  rocksdb::WriteOptions sync;
  sync.sync = true;
  KG_RETURN_IF_ERROR(FromRocks(rocks->Put(sync, db->cf(kMeta), "format_version", std::to_string(kFormatVersion)),
                               "upgrading " + db->dir()));
  return Status::Ok();
}

}  // namespace kg::store
