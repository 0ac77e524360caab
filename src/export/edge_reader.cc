#include "export/edge_reader.h"

#include <algorithm>

#include "export/field_text.h"
#include "store/key_codec.h"
#include "store/store_reader.h"

namespace kg::exporter {
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

EdgeReader::EdgeReader(ExportSource& source, KeptEvidence kept) : source_(source), kept_(kept) {
  if (source_.seeded_) {
    it_ = std::make_unique<StoreEvidence>(source_.db_, rocksdb::ReadOptions());
    if (!source_.subgraph_.facts.empty()) {
      fact_prefix_ = store::SpoKey(source_.subgraph_.facts[0].fact);
      it_->Seek(fact_prefix_);
    }
  } else {
    // An edge's summary is all that kNone keeps: the read-ahead thread scans the lines for it. Not when
    // predicates or types filter the facts, though: that thread would scan the lines of every fact,
    // most of which this reader then skips by their keys alone.
    const bool summaries = kept_ == KeptEvidence::kNone && !source_.filter_.restricts_predicates() &&
                           !source_.filter_.restricts_types();
    it_ = std::make_unique<ReadAheadEvidence>(
        source_.db_, summaries ? ReadAheadEvidence::Values::kSummaries : ReadAheadEvidence::Values::kStored);
  }
}

bool EdgeReader::Position() {
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

bool EdgeReader::FactAllowed(const store::Triple& t) const {
  if (source_.seeded_) return true;  // the selection has applied the filters
  return source_.filter_.PredicateAllowed(t.p) && source_.EntityAllowed(t.s) && source_.EntityAllowed(t.o);
}

bool EdgeReader::Next(ExportEdge* edge) {
  if (!status_.ok()) return false;
  while (Position()) {
    const std::string_view key = it_->key();
    const store::Triple t = store::DecodeEvidenceTriple(key);
    if (!FactAllowed(t)) {
      it_->Next();
      continue;
    }
    group_ordinal_ = started_ && t == last_fact_ ? group_ordinal_ + 1 : 0;
    started_ = true;
    last_fact_ = t;
    status_ = ReadGroup(edge);
    if (!status_.ok()) return false;
    if (source_.filter_.restricts_dates() && !source_.filter_.DateAllowed(edge->date)) continue;
    return true;
  }
  status_ = it_->status();
  return false;
}

Status EdgeReader::SetPredicate(store::PredicateId id, ExportEdge* edge) {
  if (predicate_id_ != id) {
    auto predicate = source_.reader_.PredicateName(id);
    if (!predicate.ok()) return predicate.status();
    auto symmetric = source_.reader_.Symmetric(id);
    if (!symmetric.ok()) return symmetric.status();
    predicate_ = **predicate;
    symmetric_ = *symmetric;
    predicate_id_ = id;
  }
  edge->predicate = predicate_;
  edge->symmetric = symmetric_;
  return Status::Ok();
}

void EdgeReader::AddSource(const std::string& uri, ExportEdge* edge) {
  const auto begin = edge->source_pool.begin();
  const auto end = begin + static_cast<std::ptrdiff_t>(edge->source_count);
  if (edge->source_count < kLinearSourceSearch) {
    if (std::find(begin, end, uri) != end) return;
  } else {
    if (edge_sources_.empty()) edge_sources_.insert(begin, end);
    if (!edge_sources_.insert(uri).second) return;
  }
  Keep(&edge->source_pool, &edge->source_count, uri);
}

// Reads the run of evidence that shares the current key's fact and qualifier hash, leaving it_ after it.
Status EdgeReader::ReadGroup(ExportEdge* edge) {
  group_prefix_.assign(it_->key().substr(0, store::kTripleKeySize + 8));
  edge->fact = last_fact_;
  edge->evidence_count = 0;
  edge->confidence.reset();
  edge->period.clear();
  edge->source_count = 0;
  edge->evidence_kept = 0;
  edge->lines_kept = 0;
  if (!edge_sources_.empty()) edge_sources_.clear();
  KG_RETURN_IF_ERROR(SetPredicate(last_fact_.p, edge));
  edge->key.clear();
  AppendUnsigned(&edge->key, last_fact_.s);
  edge->key.push_back(':');
  edge->key.append(edge->predicate);
  edge->key.push_back(':');
  AppendUnsigned(&edge->key, last_fact_.o);
  edge->key.push_back(':');
  AppendUnsigned(&edge->key, group_ordinal_);
  for (; it_->Valid() && it_->key().starts_with(group_prefix_); it_->Next()) {
    const std::string_view value = it_->value();
    EvidenceFields* fields = &scratch_;
    if (kept_ == KeptEvidence::kFields) {
      if (edge->evidence_kept == edge->evidence_pool.size()) edge->evidence_pool.emplace_back();
      fields = &edge->evidence_pool[edge->evidence_kept++];
    }
    Status scanned = fields == &scratch_ ? it_->Summary(fields) : ScanEvidenceFields(value, fields, EvidenceScope::kAll);
    if (!scanned.ok()) return DataLoss("evidence of edge " + edge->key + ": " + scanned.message());
    const EvidenceFields& f = *fields;
    if (edge->evidence_count++ == 0) {
      edge->amount = f.amount;
      edge->currency = f.currency;
      edge->date = f.date;
    }
    if (edge->period.empty()) edge->period = f.period;
    if (f.confidence && (!edge->confidence || *f.confidence > *edge->confidence)) edge->confidence = f.confidence;
    if (!f.source_uri.empty()) AddSource(f.source_uri, edge);
    if (kept_ == KeptEvidence::kLines) Keep(&edge->line_pool, &edge->lines_kept, value);
  }
  return Status::Ok();
}

}  // namespace kg::exporter
