#include "store/rocks_db.h"

#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <future>
#include <memory>
#include <vector>

#include "store/format_upgrade.h"
#include "store/info_log.h"

namespace kg::store {
namespace {

constexpr const char* kCfNames[kCfCount] = {
    "default", "meta", "entities", "names", "predicates", "spo", "pos",
    "osp", "evidence", "sources", "source_uris", "source_evidence", "ledger", "groups",
};

constexpr const char* kFormatKey = "format_version";

// Secondary indexes are only ever scanned by prefix, never looked up by whole key.
bool ScannedOnly(int family) {
  return family == kPos || family == kOsp || family == kSourceEvidence || family == kGroups;
}

rocksdb::ColumnFamilyOptions CfOptions(int family) {
  rocksdb::ColumnFamilyOptions options;
  // The default skip-list memtable, not a vector one: merging reads the keys it is about to write, and
  // a vector memtable sorts itself again on every read, which made a 200k-line load take minutes.
  options.write_buffer_size = 64 << 20;
  rocksdb::BlockBasedTableOptions table;
  // Existence checks during merge are point lookups that mostly miss: a Bloom filter answers them. A
  // family that is only scanned would build and keep a filter for nothing.
  if (!ScannedOnly(family)) table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  // One cache for all families of the process: the family being read (evidence, during a query or an
  // export) may then use most of it, where a fixed share each would leave it 1/12th.
  static const std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(512 << 20);
  table.block_cache = cache;
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  options.compression = rocksdb::kLZ4Compression;
  return options;
}

bool IsKgFamily(const std::string& name) {
  for (const char* known : kCfNames) {
    if (name == known) return true;
  }
  return false;
}

// What the column families in an existing directory say about it.
enum class Layout {
  kComplete,     // every family of this format
  kInterrupted,  // some but not all, and nothing in them: a creation that was killed
  kFormat1,      // all but `groups`, with data: a store of format 1 (the version key says so)
};

// FailedPrecondition when `dir` holds a family kg does not know, or data in an incomplete set of families
// other than format 1's (a foreign database kg must not touch).
Result<Layout> InspectFamilies(const std::string& dir, const rocksdb::DBOptions& options) {
  std::vector<std::string> names;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(options, dir, &names);
  if (!s.ok()) return FromRocks(s, "reading the column families of " + dir);
  for (const auto& name : names) {
    if (!IsKgFamily(name)) {
      return FailedPrecondition(dir + " is not a kg store (it has a column family \"" + name + "\")");
    }
  }
  if (names.size() == static_cast<size_t>(kCfCount)) return Layout::kComplete;
  const bool all_but_groups = names.size() == static_cast<size_t>(kCfCount) - 1 &&
                              std::find(names.begin(), names.end(), kCfNames[kGroups]) == names.end();

  std::vector<rocksdb::ColumnFamilyDescriptor> present;
  for (const auto& name : names) present.emplace_back(name, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  s = rocksdb::DB::OpenForReadOnly(options, dir, present, &handles, &raw);
  if (!s.ok()) return FromRocks(s, "inspecting " + dir);
  std::unique_ptr<rocksdb::DB> db(raw);
  bool empty = true;
  for (auto* handle : handles) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), handle));
    it->SeekToFirst();
    empty = empty && !it->Valid();
  }
  for (auto* handle : handles) db->DestroyColumnFamilyHandle(handle);
  if (empty) return Layout::kInterrupted;
  if (all_but_groups) return Layout::kFormat1;
  return FailedPrecondition(dir + " is not a kg store (it holds data but lacks kg's column families)");
}

}  // namespace

const char* CfName(Cf cf) { return kCfNames[cf]; }

rocksdb::ReadOptions WholeScanOptions(size_t readahead) {
  rocksdb::ReadOptions options;
  options.fill_cache = false;
  options.readahead_size = readahead;
  return options;
}

Status FromRocks(const rocksdb::Status& status, const std::string& context) {
  if (status.ok()) return Status::Ok();
  std::string message = context + ": " + status.ToString();
  if (status.IsNotFound()) return NotFound(message);
  if (status.IsCorruption()) return DataLoss(message);
  if (status.IsInvalidArgument()) return InvalidArgument(message);
  if (status.IsBusy() || status.IsTryAgain()) return Unavailable(message);
  if (status.IsIOError()) return IoError(message);
  return Internal(message);
}

// A read-only command that meets a store whose creation was killed finishes the creation first, as the
// next writer would (empty families and the format version, nothing else), so that `kg check` and the
// other readers see an empty store rather than refusing it. While a live writer is still creating it,
// this gives that writer's "database in use".
Result<std::unique_ptr<RocksDb>> RocksDb::FinishCreationThenOpenReadOnly(const std::string& dir) {
  {
    auto writer = Open(dir, Mode::kReadWrite);
    if (!writer.ok()) return writer.status();
  }
  return Open(dir, Mode::kReadOnly);
}

Result<std::unique_ptr<RocksDb>> RocksDb::Open(const std::string& dir, Mode mode) {
  std::unique_ptr<RocksDb> store(new RocksDb());
  store->dir_ = dir;
  store->read_only_ = mode == Mode::kReadOnly;

  std::error_code ec;
  const bool exists = std::filesystem::exists(std::filesystem::path(dir) / "CURRENT", ec);
  if (!exists && store->read_only_) return NotFound("no kg store at " + dir + " (run `kg ingest` first)");

  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = !exists;
  if (!store->read_only_) std::filesystem::create_directories(dir, ec);  // for the LOG; Open reports failures
  // Our own info log: RocksDB's aborts the process on the line after a failed write (see info_log.h).
  options.info_log = OpenInfoLog(dir, rocksdb::InfoLogLevel::WARN_LEVEL);
  options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  if (exists && !store->read_only_) {
    auto layout = InspectFamilies(dir, options);
    if (!layout.ok()) return layout.status();
    // A kill while the store was first created can leave some column families made and none written:
    // finishing the creation is safe, and refusing would leave a directory no kg command can open. A
    // format-1 store gets its `groups` family here, and its content below.
    options.create_missing_column_families = *layout != Layout::kComplete;
  }
  options.max_background_jobs = 2;
  options.paranoid_checks = true;

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (int i = 0; i < kCfCount; ++i) descriptors.emplace_back(kCfNames[i], CfOptions(i));

  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (store->read_only_) {
    s = rocksdb::DB::OpenForReadOnly(options, dir, descriptors, &store->handles_, &raw);
  } else {
    s = rocksdb::DB::Open(options, dir, descriptors, &store->handles_, &raw);
  }
  if (!s.ok()) {
    const std::string text = s.ToString();
    if (text.find("LOCK") != std::string::npos || text.find("lock") != std::string::npos) {
      return Unavailable("database in use: " + dir +
                         " is open for writing by another kg process; wait for it to finish (read-only "
                         "commands such as `kg stats` work meanwhile)");
    }
    if (text.find("olumn famil") != std::string::npos) {
      if (store->read_only_) {
        auto layout = InspectFamilies(dir, options);
        if (!layout.ok()) return layout.status();
        if (*layout == Layout::kInterrupted) return FinishCreationThenOpenReadOnly(dir);
        if (*layout == Layout::kFormat1) {
          // Read as it is, without `groups`: its handle stays null and format_version() says 1.
          descriptors.pop_back();
          s = rocksdb::DB::OpenForReadOnly(options, dir, descriptors, &store->handles_, &raw);
          store->handles_.push_back(nullptr);
          if (!s.ok()) return FromRocks(s, "opening " + dir);
        }
      }
    }
    if (!s.ok() && text.find("olumn famil") != std::string::npos) {
      return FailedPrecondition(dir + " is not a kg store of format " + std::to_string(kFormatVersion) + " (" +
                                text + ")");
    }
    if (!s.ok()) return FromRocks(s, "opening " + dir);
  }
  store->db_.reset(raw);

  std::string version;
  s = raw->Get(rocksdb::ReadOptions(), store->handles_[kMeta], kFormatKey, &version);
  std::string counters;
  // A store killed between creating its files and writing its version has no counters either: finish
  // initialising it rather than calling it foreign.
  const bool fresh = s.IsNotFound() && raw->Get(rocksdb::ReadOptions(), store->handles_[kMeta], "counters",
                                                &counters).IsNotFound();
  if (fresh && store->read_only_) {
    store.reset();
    return FinishCreationThenOpenReadOnly(dir);
  }
  if (fresh && !store->read_only_) {
    rocksdb::WriteOptions sync;
    sync.sync = true;
    KG_RETURN_IF_ERROR(
        FromRocks(raw->Put(sync, store->handles_[kMeta], kFormatKey, std::to_string(kFormatVersion)),
                  "initialising " + dir));
  } else if (!s.ok()) {
    return FailedPrecondition(dir + " has no kg format version: not a kg store");
  } else if (version == "1") {
    store->format_version_ = 1;
    if (!store->read_only_) {
      KG_RETURN_IF_ERROR(UpgradeToFormat2(store.get()));
      store->format_version_ = kFormatVersion;
    }
  } else if (version != std::to_string(kFormatVersion)) {
    return FailedPrecondition(dir + " has store format " + version + ", this kg reads formats 1 and " +
                              std::to_string(kFormatVersion));
  }
  if (store->handles_[kGroups] == nullptr && store->format_version_ >= 2) {
    return FailedPrecondition(dir + " has store format " + version + " but no groups column family");
  }
  return store;
}

Status RocksDb::DeferCompactions(const std::vector<Cf>& families) {
  for (Cf family : families) {
    KG_RETURN_IF_ERROR(FromRocks(db_->SetOptions(handles_[family], {{"disable_auto_compactions", "true"}}),
                                 std::string("deferring compactions of ") + CfName(family)));
    std::lock_guard<std::mutex> lock(deferred_mutex_);
    deferred_.push_back(family);
  }
  return Status::Ok();
}

Status RocksDb::ResumeCompaction(Cf family) {
  {
    std::lock_guard<std::mutex> lock(deferred_mutex_);
    auto deferred = std::find(deferred_.begin(), deferred_.end(), family);
    if (deferred == deferred_.end()) return Status::Ok();
    deferred_.erase(deferred);
  }
  return FromRocks(db_->SetOptions(handles_[family], {{"disable_auto_compactions", "false"}}),
                   std::string("resuming compactions of ") + CfName(family));
}

Status RocksDb::FinishDeferredCompactions() {
  // Two threads (this one and one more) take the families in turn, largest first, so that neither
  // waits long for the other: evidence holds the most bytes, but the index families hold more keys.
  auto compact = [this](Cf family) {
    Status status = CompactIntoLastLevel(family);
    Status resumed = FromRocks(db_->SetOptions(handles_[family], {{"disable_auto_compactions", "false"}}),
                               std::string("resuming compactions of ") + CfName(family));
    return status.ok() ? resumed : status;
  };
  std::vector<Cf> families;
  {
    std::lock_guard<std::mutex> lock(deferred_mutex_);
    families.swap(deferred_);
  }
  if (families.empty()) return Status::Ok();
  std::atomic<size_t> next{0};
  auto work = [&]() {
    Status first = Status::Ok();
    for (size_t i = next++; i < families.size(); i = next++) {
      Status status = compact(families[i]);
      if (first.ok()) first = status;
    }
    return first;
  };
  std::future<Status> other = std::async(std::launch::async, work);
  Status mine = work();
  Status theirs = other.get();
  return mine.ok() ? theirs : mine;
}

bool RocksDb::CompactionDeferred(Cf family) const {
  std::lock_guard<std::mutex> lock(deferred_mutex_);
  return std::find(deferred_.begin(), deferred_.end(), family) != deferred_.end();
}

Status RocksDb::CompactIntoLastLevel(Cf family) {
  // Ingested files land on whichever level they fit, often one file a level. CompactRange would merge
  // them level by level, rewriting the data once per level; one CompactFiles call rewrites it once.
  rocksdb::ColumnFamilyMetaData meta;
  db_->GetColumnFamilyMetaData(handles_[family], &meta);
  std::vector<std::string> files;
  for (const auto& level : meta.levels) {
    for (const auto& file : level.files) files.push_back(file.name);
  }
  // Files ingested into an empty level, or one above all that overlaps them, are already in order.
  if (meta.levels.empty() || meta.levels.front().files.empty()) return Status::Ok();
  rocksdb::CompactionOptions options;
  options.compression = rocksdb::kDisableCompressionOption;  // the family's own, LZ4
  options.output_file_size_limit = 64 << 20;
  return FromRocks(db_->CompactFiles(options, handles_[family], files, static_cast<int>(meta.levels.size()) - 1),
                   std::string("compacting ") + CfName(family));
}

RocksDb::~RocksDb() {
  if (!db_) return;
  for (auto* handle : handles_) {
    if (handle != nullptr) db_->DestroyColumnFamilyHandle(handle);
  }
  handles_.clear();
  db_->Close().PermitUncheckedError();
}

}  // namespace kg::store
