#include "export/export_source.h"

#include "export/edge_reader.h"
#include "store/records.h"
#include "store/store_reader.h"

namespace kg::exporter {

ExportSource::ExportSource(const store::RocksDb& db, const DiagramSelection& selection)
    : db_(db), selection_(selection), reader_(db), filter_(reader_, selection) {}

Status ExportSource::Init() {
  if (graph::HasSeeds(selection_)) {
    seeded_ = true;
    graph::SelectionLimits limits;
    limits.keep_groups = false;  // the edge cursor reads the evidence again, one fact at a time
    auto selected = graph::SelectSubgraph(db_, selection_, limits);
    if (!selected.ok()) return selected.status();
    subgraph_ = std::move(selected).value();
    return Status::Ok();
  }
  if (selection_.hops != 1) return InvalidArgument("--hops needs --center");
  KG_RETURN_IF_ERROR(filter_.Init());
  if (!filter_.restricts_types()) return Status::Ok();
  // One bit per entity id answers the type filter for both ends of every edge without caching records.
  auto counters = store::ReadCounters(db_);
  if (!counters.ok()) return counters.status();
  allowed_types_.assign(counters->next_entity_id, false);
  std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(store::kEntities)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const store::EntityId id = store::GetFixed64(it->key().ToStringView());
    auto head = store::DecodeEntityHead(id, it->value().ToStringView());
    if (!head.ok()) return head.status();
    if (id >= allowed_types_.size()) allowed_types_.resize(id + 1, false);
    allowed_types_[id] = filter_.TypeAllowed(head->type);
  }
  return store::FromRocks(it->status(), "reading entities");
}

bool ExportSource::EntityAllowed(store::EntityId id) const {
  if (allowed_types_.empty()) return true;
  return id < allowed_types_.size() && allowed_types_[id];
}

NodeCursor::NodeCursor(const ExportSource& source) : source_(source) {
  if (!source_.seeded_) {
    it_.reset(source_.db_.db()->NewIterator(store::WholeScanOptions(), source_.db_.cf(store::kEntities)));
    it_->SeekToFirst();
  }
  Load();
}

void NodeCursor::Next() {
  if (!valid_) return;
  if (it_) {
    it_->Next();
  } else {
    ++index_;
  }
  Load();
}

void NodeCursor::Load() {
  valid_ = false;
  if (!it_) {
    if (index_ >= source_.subgraph_.nodes.size()) return;
    auto record = store::ReadEntity(source_.db_, source_.subgraph_.nodes[index_]);
    if (!record.ok()) {
      status_ = record.status();
      return;
    }
    node_ = std::move(record->entity);
    valid_ = true;
    return;
  }
  for (; it_->Valid(); it_->Next()) {
    const store::EntityId id = store::GetFixed64(it_->key().ToStringView());
    if (!source_.EntityAllowed(id)) continue;
    auto record = store::DecodeEntity(id, it_->value().ToStringView());
    if (!record.ok()) {
      status_ = record.status();
      return;
    }
    node_ = std::move(record->entity);
    valid_ = true;
    return;
  }
  status_ = store::FromRocks(it_->status(), "reading entities");
}

EdgeCursor::EdgeCursor(ExportSource& source, KeptEvidence kept)
    : reader_(std::make_unique<EdgeReader>(source, kept)) {
  Next();
}

EdgeCursor::~EdgeCursor() = default;

void EdgeCursor::Next() {
  valid_ = reader_->Next(&edge_);
  if (!valid_) status_ = reader_->status();
}

}  // namespace kg::exporter
