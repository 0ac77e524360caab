#include "export/export_source.h"

#include <algorithm>

#include "export/field_text.h"
#include "store/records.h"
#include "store/store_reader.h"

namespace kg::exporter {
namespace {

rocksdb::ReadOptions ScanOptions(bool whole_graph) {
  return whole_graph ? WholeGraphScanOptions() : rocksdb::ReadOptions();
}

}  // namespace

rocksdb::ReadOptions WholeGraphScanOptions() {
  // A whole-graph pass reads each block once: keeping the blocks out of the block cache spares the
  // cache churn (an insert and an eviction per block), and readahead makes the reads large.
  rocksdb::ReadOptions options;
  options.fill_cache = false;
  options.readahead_size = 2 << 20;
  return options;
}

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
    it_.reset(source_.db_.db()->NewIterator(ScanOptions(true), source_.db_.cf(store::kEntities)));
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

EdgeCursor::EdgeCursor(ExportSource& source, KeptEvidence kept) : source_(source), kept_(kept) {
  it_.reset(source_.db_.db()->NewIterator(ScanOptions(!source_.seeded_), source_.db_.cf(store::kEvidence)));
  if (source_.seeded_) {
    if (!source_.subgraph_.facts.empty()) {
      fact_prefix_ = store::SpoKey(source_.subgraph_.facts[0].fact);
      it_->Seek(fact_prefix_);
    }
  } else {
    it_->SeekToFirst();
  }
  Next();
}

bool EdgeCursor::Position() {
  if (!source_.seeded_) return it_->Valid();
  const auto& facts = source_.subgraph_.facts;
  while (fact_index_ < facts.size()) {
    if (it_->Valid() && it_->key().starts_with(fact_prefix_)) return true;
    if (!it_->status().ok()) return false;
    if (++fact_index_ == facts.size()) break;
    fact_prefix_ = store::SpoKey(facts[fact_index_].fact);
    it_->Seek(fact_prefix_);
  }
  return false;
}

bool EdgeCursor::FactAllowed(const store::Triple& t) const {
  if (source_.seeded_) return true;  // the selection has applied the filters
  return source_.filter_.PredicateAllowed(t.p) && source_.EntityAllowed(t.s) && source_.EntityAllowed(t.o);
}

void EdgeCursor::Next() {
  valid_ = false;
  if (!status_.ok()) return;
  while (Position()) {
    const std::string_view key = it_->key().ToStringView();
    const store::Triple t = store::DecodeEvidenceTriple(key);
    if (!FactAllowed(t)) {
      it_->Next();
      continue;
    }
    group_ordinal_ = started_ && t == last_fact_ ? group_ordinal_ + 1 : 0;
    started_ = true;
    last_fact_ = t;
    status_ = ReadGroup();
    if (!status_.ok()) return;
    if (source_.filter_.restricts_dates() && !source_.filter_.DateAllowed(edge_.date)) continue;
    valid_ = true;
    return;
  }
  status_ = store::FromRocks(it_->status(), "reading evidence");
}

namespace {

// Puts `value` at `*count` in `pool`, reusing the storage an earlier edge left there.
template <typename T, typename V>
T& Keep(std::vector<T>* pool, size_t* count, V&& value) {
  if (*count == pool->size()) pool->emplace_back();
  T& slot = (*pool)[(*count)++];
  slot = std::forward<V>(value);
  return slot;
}

constexpr size_t kLinearSourceSearch = 16;  // sources an edge holds before the set takes over

}  // namespace

Status EdgeCursor::SetPredicate(store::PredicateId id) {
  if (predicate_id_ == id) return Status::Ok();
  auto predicate = source_.reader_.PredicateName(id);
  if (!predicate.ok()) return predicate.status();
  auto symmetric = source_.reader_.Symmetric(id);
  if (!symmetric.ok()) return symmetric.status();
  edge_.predicate = **predicate;
  edge_.symmetric = *symmetric;
  predicate_id_ = id;
  return Status::Ok();
}

void EdgeCursor::AddSource(const std::string& uri) {
  const auto begin = edge_.source_pool.begin();
  const auto end = begin + static_cast<std::ptrdiff_t>(edge_.source_count);
  if (edge_.source_count < kLinearSourceSearch) {
    if (std::find(begin, end, uri) != end) return;
  } else {
    if (edge_sources_.empty()) edge_sources_.insert(begin, end);
    if (!edge_sources_.insert(uri).second) return;
  }
  Keep(&edge_.source_pool, &edge_.source_count, uri);
}

// Reads the run of evidence that shares the current key's fact and qualifier hash, leaving it_ after it.
Status EdgeCursor::ReadGroup() {
  group_prefix_.assign(it_->key().data(), store::kTripleKeySize + 8);
  edge_.fact = last_fact_;
  edge_.evidence_count = 0;
  edge_.confidence.reset();
  edge_.period.clear();
  edge_.source_count = 0;
  edge_.evidence_kept = 0;
  edge_.lines_kept = 0;
  if (!edge_sources_.empty()) edge_sources_.clear();
  KG_RETURN_IF_ERROR(SetPredicate(last_fact_.p));
  edge_.key.clear();
  AppendUnsigned(&edge_.key, last_fact_.s);
  edge_.key.push_back(':');
  edge_.key.append(edge_.predicate);
  edge_.key.push_back(':');
  AppendUnsigned(&edge_.key, last_fact_.o);
  edge_.key.push_back(':');
  AppendUnsigned(&edge_.key, group_ordinal_);
  for (; it_->Valid() && it_->key().starts_with(group_prefix_); it_->Next()) {
    const std::string_view value = it_->value().ToStringView();
    EvidenceFields* fields = &scratch_;
    if (kept_ == KeptEvidence::kFields) {
      if (edge_.evidence_kept == edge_.evidence_pool.size()) edge_.evidence_pool.emplace_back();
      fields = &edge_.evidence_pool[edge_.evidence_kept++];
    }
    Status scanned = ScanEvidenceFields(value, fields, fields == &scratch_ ? EvidenceScope::kSummary : EvidenceScope::kAll);
    if (!scanned.ok()) return DataLoss("evidence of edge " + edge_.key + ": " + scanned.message());
    const EvidenceFields& f = *fields;
    if (edge_.evidence_count++ == 0) {
      edge_.amount = f.amount;
      edge_.currency = f.currency;
      edge_.date = f.date;
    }
    if (edge_.period.empty()) edge_.period = f.period;
    if (f.confidence && (!edge_.confidence || *f.confidence > *edge_.confidence)) edge_.confidence = f.confidence;
    if (!f.source_uri.empty()) AddSource(f.source_uri);
    if (kept_ == KeptEvidence::kLines) Keep(&edge_.line_pool, &edge_.lines_kept, value);
  }
  return Status::Ok();
}

}  // namespace kg::exporter
