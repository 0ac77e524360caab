// The evidence column family in key order, as the export's EdgeReader walks it. A whole-graph export
// reads it through ReadAheadEvidence: a thread of its own steps RocksDB's iterator (block reads, LZ4,
// key merging: about a third of an export's CPU time) and copies the keys and values into batches of
// contiguous bytes, which the exporting thread then reads in order. Handing over plain bytes, rather
// than decoded edges with their strings spread over the heap, keeps the cost of moving data between
// cores low: the reads are sequential. Memory stays constant: at most kBatches batches of about
// kBatchBytes each are in flight.
//
// An export that keeps no evidence (only each edge's summary: amounts, dates, sources) has the thread
// scan each line as well and hand over its summary record instead (see evidence_summary.h).
//
// A selection seeks fact by fact, so it reads the store directly (StoreEvidence).
#ifndef KG_EXPORT_EVIDENCE_STREAM_H_
#define KG_EXPORT_EVIDENCE_STREAM_H_

#include <rocksdb/db.h>
#include <rocksdb/iterator.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <semaphore>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "export/evidence_fields.h"
#include "kg/status.h"
#include "store/rocks_db.h"

namespace kg::exporter {

class EvidenceStream {
 public:
  virtual ~EvidenceStream() = default;
  virtual bool Valid() const = 0;
  // The current key and value, while Valid(); they stay readable until the next Next or Seek.
  virtual std::string_view key() const = 0;
  virtual std::string_view value() const = 0;
  // The current line's summary fields (EvidenceScope::kSummary), or DataLoss when it does not scan.
  [[nodiscard]] virtual Status Summary(EvidenceFields* fields) const {
    return ScanEvidenceFields(value(), fields, EvidenceScope::kSummary);
  }
  virtual void Next() = 0;
  // Only StoreEvidence seeks; ReadAheadEvidence reads the whole family once, from the start.
  virtual void Seek(std::string_view target) = 0;
  // The store's error once the stream has ended, OK otherwise.
  virtual Status status() const = 0;
};

// A RocksDB iterator over the evidence family, with `options`, not yet positioned.
class StoreEvidence : public EvidenceStream {
 public:
  StoreEvidence(const store::RocksDb& db, const rocksdb::ReadOptions& options);
  bool Valid() const override { return it_->Valid(); }
  std::string_view key() const override { return it_->key().ToStringView(); }
  std::string_view value() const override { return it_->value().ToStringView(); }
  void Next() override { it_->Next(); }
  void Seek(std::string_view target) override { it_->Seek(rocksdb::Slice(target.data(), target.size())); }
  Status status() const override;

 private:
  std::unique_ptr<rocksdb::Iterator> it_;
};

// The whole evidence family, from its first key, read ahead on a thread that starts at construction.
class ReadAheadEvidence : public EvidenceStream {
 public:
  // What the thread hands over besides the keys: the stored lines, or only their summaries, in which
  // case value() is the summary record (internal to the export) and Summary() reads it.
  enum class Values { kStored, kSummaries };

  explicit ReadAheadEvidence(const store::RocksDb& db, Values values = Values::kStored);
  ~ReadAheadEvidence() override;
  ReadAheadEvidence(const ReadAheadEvidence&) = delete;
  ReadAheadEvidence& operator=(const ReadAheadEvidence&) = delete;

  bool Valid() const override { return valid_; }
  std::string_view key() const override { return key_; }
  std::string_view value() const override { return value_; }
  Status Summary(EvidenceFields* fields) const override;
  void Next() override;
  void Seek(std::string_view target) override;  // not supported: ends the stream with an error
  Status status() const override { return status_; }

 private:
  static constexpr size_t kBatches = 4;
  static constexpr size_t kBatchBytes = 256 << 10;

  struct Batch {
    std::string bytes;              // key, value, key, value, … back to back
    std::vector<uint32_t> lengths;  // their lengths, in the same order
    bool last = false;              // the store's iterator has ended: `status` says how
    Status status;
  };

  // The thread: fills free batches in turn until the iterator ends or the stream goes.
  void ReadAhead();
  // Takes the next filled batch, handing the current one back.
  void TakeBatch();
  void Load();

  std::unique_ptr<rocksdb::Iterator> it_;  // the thread's
  const Values values_;
  std::vector<Batch> batches_;
  std::counting_semaphore<2 * kBatches> free_{kBatches};  // batches the thread may fill
  std::counting_semaphore<2 * kBatches> full_{0};         // batches filled and not yet taken
  std::atomic<bool> stop_{false};
  std::thread thread_;

  Batch* current_ = nullptr;  // the batch being read
  size_t taken_ = 0;          // batches taken so far
  size_t entry_ = 0;          // the current entry's index in current_->lengths (2 per entry)
  size_t offset_ = 0;         // its key's offset in current_->bytes
  bool valid_ = false;
  std::string_view key_, value_;
  Status status_;
};

}  // namespace kg::exporter

#endif  // KG_EXPORT_EVIDENCE_STREAM_H_
