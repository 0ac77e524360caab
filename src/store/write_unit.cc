#include "store/write_unit.h"

#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <filesystem>
#include <vector>

namespace kg::store {
namespace {

Result<std::string> FromGet(const rocksdb::Status& s, std::string value, Cf cf) {
  if (s.IsNotFound()) return NotFound(std::string(CfName(cf)) + " key not found");
  if (!s.ok()) return FromRocks(s, std::string("reading ") + CfName(cf));
  return value;
}

}  // namespace

IndexedUnit::IndexedUnit(RocksDb* db) : db_(db), batch_(rocksdb::BytewiseComparator(), 0, /*overwrite_key=*/true) {}

Result<std::string> IndexedUnit::Get(Cf cf, std::string_view key) {
  std::string value;
  rocksdb::Status s = batch_.GetFromBatchAndDB(db_->db(), rocksdb::ReadOptions(), db_->cf(cf),
                                               rocksdb::Slice(key.data(), key.size()), &value);
  return FromGet(s, std::move(value), cf);
}

Status IndexedUnit::Put(Cf cf, std::string_view key, std::string_view value) {
  return FromRocks(batch_.Put(db_->cf(cf), rocksdb::Slice(key.data(), key.size()),
                              rocksdb::Slice(value.data(), value.size())),
                   std::string("writing ") + CfName(cf));
}

Status IndexedUnit::Delete(Cf cf, const std::string& key) {
  return FromRocks(batch_.Delete(db_->cf(cf), key), std::string("deleting from ") + CfName(cf));
}

Result<std::unique_ptr<rocksdb::Iterator>> IndexedUnit::Scan(Cf cf) {
  return std::unique_ptr<rocksdb::Iterator>(
      batch_.NewIteratorWithBase(db_->cf(cf), db_->db()->NewIterator(rocksdb::ReadOptions(), db_->cf(cf))));
}

Status IndexedUnit::Commit() {
  if (batch_.GetWriteBatch()->Count() == 0) return Status::Ok();
  rocksdb::WriteOptions options;
  options.sync = true;  // a unit is reported done only once its WAL record is on disk
  Status status = FromRocks(db_->db()->Write(options, batch_.GetWriteBatch()), "committing to " + db_->dir());
  batch_.Clear();
  return status;
}

void IndexedUnit::Clear() { batch_.Clear(); }

size_t IndexedUnit::size() const { return batch_.GetWriteBatch()->Count(); }

BulkUnit::Writes::Writes() {
  for (int cf = 0; cf < kCfCount; ++cf) tables[cf] = UnitTable(/*indexed=*/!AppendOnly(static_cast<Cf>(cf)));
}

BulkUnit::BulkUnit(RocksDb* db, size_t sst_min_entries) : db_(db), sst_min_entries_(sst_min_entries) {}

BulkUnit::~BulkUnit() {
  (void)Sync();  // never leave a write running behind a destroyed unit
}

Result<std::string> BulkUnit::Get(Cf cf, std::string_view key) {
  if (AppendOnly(cf)) return Internal("a bulk ingest unit does not read " + std::string(CfName(cf)));
  if (auto value = writes_->tables[cf].Find(key)) return std::string(*value);
  if (in_flight_) {
    if (auto value = in_flight_->tables[cf].Find(key)) return std::string(*value);
  }
  std::string value;
  rocksdb::Status s =
      db_->db()->Get(rocksdb::ReadOptions(), db_->cf(cf), rocksdb::Slice(key.data(), key.size()), &value);
  return FromGet(s, std::move(value), cf);
}

Status BulkUnit::Put(Cf cf, std::string_view key, std::string_view value) {
  writes_->tables[cf].Put(key, value);
  ++entries_;
  return Status::Ok();
}

Status BulkUnit::Delete(Cf cf, const std::string& key) {
  return Internal("a bulk ingest unit cannot delete (" + std::string(CfName(cf)) + ")");
}

Result<std::unique_ptr<rocksdb::Iterator>> BulkUnit::Scan(Cf cf) {
  return Internal("a bulk ingest unit cannot scan (" + std::string(CfName(cf)) + ")");
}

Status BulkUnit::Commit() {
  Status previous = Sync();
  if (!previous.ok()) {
    Clear();
    return previous;
  }
  if (entries_ == 0) return Status::Ok();
  in_flight_ = std::move(writes_);
  writes_ = spare_ ? std::move(spare_) : std::make_unique<Writes>();
  const bool as_files = entries_ >= sst_min_entries_;
  const uint64_t sequence = ++file_sequence_;
  entries_ = 0;
  pending_ = std::async(std::launch::async, [this, as_files, sequence] {
    return as_files ? WriteFilesOf(*in_flight_, sequence) : WriteBatchOf(*in_flight_);
  });
  return Status::Ok();
}

Status BulkUnit::Sync() {
  if (!pending_.valid()) return Status::Ok();
  Status status = pending_.get();
  spare_ = std::move(in_flight_);
  for (auto& table : spare_->tables) table.Clear();
  return status;
}

void BulkUnit::Clear() {
  for (auto& table : writes_->tables) table.Clear();
  entries_ = 0;
}

Status BulkUnit::WriteBatchOf(const Writes& writes) {
  rocksdb::WriteBatch batch;
  rocksdb::Status s;
  for (int cf = 0; cf < kCfCount; ++cf) {
    // In write order, so that of two writes to one key the later wins in the batch too.
    writes.tables[cf].ForEach([&](std::string_view key, std::string_view value) {
      if (s.ok()) {
        s = batch.Put(db_->cf(static_cast<Cf>(cf)), rocksdb::Slice(key.data(), key.size()),
                      rocksdb::Slice(value.data(), value.size()));
      }
    });
  }
  KG_RETURN_IF_ERROR(FromRocks(s, "building a batch"));
  rocksdb::WriteOptions options;
  options.sync = true;
  return FromRocks(db_->db()->Write(options, &batch), "committing to " + db_->dir());
}

Status BulkUnit::WriteFilesOf(const Writes& writes, uint64_t sequence) {
  // One sorted SST file per column family, then one IngestExternalFiles call: RocksDB applies all of
  // them atomically and records them in the MANIFEST, which it syncs, before returning.
  const std::filesystem::path staging = std::filesystem::path(db_->dir()) / "ingest-staging";
  std::error_code ec;
  std::filesystem::remove_all(staging, ec);  // leftovers of a unit that was killed: never ingested
  std::filesystem::create_directories(staging, ec);
  if (ec) return IoError("cannot create " + staging.string() + ": " + ec.message());
  Status status = StageAndIngest(writes, sequence, staging.string());
  // Failed or not, the staged files are of no more use. After a failure (a full disk, most often) they
  // would hold on to the space the next command needs.
  std::filesystem::remove_all(staging, ec);
  return status;
}

Status BulkUnit::StageAndIngest(const Writes& writes, uint64_t sequence, const std::string& staging) {
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (int cf = 0; cf < kCfCount; ++cf) {
    if (writes.tables[cf].empty()) continue;

    const Cf family = static_cast<Cf>(cf);
    rocksdb::Options options(db_->db()->GetDBOptions(), db_->db()->GetOptions(db_->cf(family)));
    // A file that compaction will soon rewrite (and compress) is not worth compressing now.
    if (db_->CompactionDeferred(family)) options.compression = rocksdb::kNoCompression;
    rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options, db_->cf(family));
    const std::string path = staging + "/" + std::to_string(sequence) + "-" + CfName(family) + ".sst";
    KG_RETURN_IF_ERROR(FromRocks(writer.Open(path), "opening " + path));
    rocksdb::Status s;
    writes.tables[cf].ForEachSorted([&](std::string_view key, std::string_view value) {
      if (s.ok()) s = writer.Put(rocksdb::Slice(key.data(), key.size()), rocksdb::Slice(value.data(), value.size()));
    });
    KG_RETURN_IF_ERROR(FromRocks(s, "writing " + path));
    KG_RETURN_IF_ERROR(FromRocks(writer.Finish(), "finishing " + path));

    rocksdb::IngestExternalFileArg arg;
    arg.column_family = db_->cf(family);
    arg.external_files = {path};
    arg.options.move_files = true;
    arg.options.snapshot_consistency = true;
    arg.options.allow_global_seqno = true;
    arg.options.allow_blocking_flush = true;
    args.push_back(std::move(arg));
  }
  return FromRocks(db_->db()->IngestExternalFiles(args), "ingesting a unit into " + db_->dir());
}

}  // namespace kg::store
