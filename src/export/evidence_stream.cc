#include "export/evidence_stream.h"

#include "export/evidence_summary.h"
#include "export/export_source.h"

namespace kg::exporter {

StoreEvidence::StoreEvidence(const store::RocksDb& db, const rocksdb::ReadOptions& options)
    : it_(db.db()->NewIterator(options, db.cf(store::kEvidence))) {}

Status StoreEvidence::status() const { return store::FromRocks(it_->status(), "reading evidence"); }

ReadAheadEvidence::ReadAheadEvidence(const store::RocksDb& db, Values values)
    : it_(db.db()->NewIterator(store::WholeScanOptions(), db.cf(store::kEvidence))), values_(values), batches_(kBatches) {
  thread_ = std::thread([this] { ReadAhead(); });
  TakeBatch();
  Load();
}

ReadAheadEvidence::~ReadAheadEvidence() {
  stop_.store(true, std::memory_order_release);
  free_.release();  // wakes the thread if it waits for a batch; it then sees stop_
  thread_.join();
}

void ReadAheadEvidence::ReadAhead() {
  it_->SeekToFirst();
  EvidenceFields scratch;  // a summary scan's fields, reused from line to line
  for (size_t n = 0;; ++n) {
    free_.acquire();
    if (stop_.load(std::memory_order_acquire)) return;
    Batch& batch = batches_[n % kBatches];
    batch.bytes.clear();
    batch.lengths.clear();
    for (; it_->Valid() && batch.bytes.size() < kBatchBytes; it_->Next()) {
      const rocksdb::Slice key = it_->key(), value = it_->value();
      batch.bytes.append(key.data(), key.size());
      const size_t value_start = batch.bytes.size();
      if (values_ == Values::kSummaries) {
        AppendEvidenceSummary(value.ToStringView(), &scratch, &batch.bytes);
      } else {
        batch.bytes.append(value.data(), value.size());
      }
      batch.lengths.push_back(static_cast<uint32_t>(key.size()));
      batch.lengths.push_back(static_cast<uint32_t>(batch.bytes.size() - value_start));
    }
    batch.last = !it_->Valid();
    if (batch.last) batch.status = store::FromRocks(it_->status(), "reading evidence");
    full_.release();
    if (batch.last) return;
  }
}

void ReadAheadEvidence::TakeBatch() {
  if (current_ != nullptr) free_.release();
  full_.acquire();
  current_ = &batches_[taken_++ % kBatches];
  entry_ = 0;
  offset_ = 0;
}

void ReadAheadEvidence::Load() {
  while (entry_ == current_->lengths.size()) {
    if (current_->last) {
      valid_ = false;
      status_ = current_->status;
      return;
    }
    TakeBatch();
  }
  const size_t key_size = current_->lengths[entry_], value_size = current_->lengths[entry_ + 1];
  key_ = std::string_view(current_->bytes).substr(offset_, key_size);
  value_ = std::string_view(current_->bytes).substr(offset_ + key_size, value_size);
  valid_ = true;
}

Status ReadAheadEvidence::Summary(EvidenceFields* fields) const {
  return values_ == Values::kSummaries ? ReadEvidenceSummary(value_, fields) : EvidenceStream::Summary(fields);
}

void ReadAheadEvidence::Next() {
  if (!valid_) return;
  offset_ += key_.size() + value_.size();
  entry_ += 2;
  Load();
}

void ReadAheadEvidence::Seek(std::string_view) {
  valid_ = false;
  status_ = Internal("a read-ahead evidence stream cannot seek");
}

}  // namespace kg::exporter
