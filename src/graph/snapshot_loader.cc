#include "graph/snapshot_loader.h"

#include <rocksdb/iterator.h>

#include <algorithm>
#include <unordered_map>

#include "graph/graph_snapshot.h"
#include "schema/predicate_vocabulary.h"
#include "store/records.h"
#include "store/store_reader.h"

namespace kg::graph {
namespace {

using store::EntityId;
using store::PredicateId;
using store::Triple;

constexpr uint64_t kUnknownCount = UINT64_MAX;

struct VertexHead {
  uint8_t type = 0;
  std::string name;
};

struct FoundFact {
  Triple t;
  uint64_t evidence_count = kUnknownCount;
};

void AddVertex(SnapshotParts& parts, EntityId id, uint8_t type, std::string_view name) {
  if (parts.name_offsets.empty()) parts.name_offsets.push_back(0);
  parts.entity_ids.push_back(id);
  parts.types.push_back(type);
  parts.names.append(name);
  parts.name_offsets.push_back(static_cast<uint32_t>(parts.names.size()));
}

EdgeData MakeEdgeData(PredicateId p, uint64_t evidence_count) {
  EdgeData data{};
  data.predicate = p;
  data.mirror = 0;
  data.evidence_count = static_cast<uint32_t>(std::min<uint64_t>(evidence_count, UINT32_MAX));
  return data;
}

class SnapshotLoader {
 public:
  SnapshotLoader(const store::RocksDb& db, const SnapshotFilter& filter) : db_(db), filter_(filter) {}

  Status ReadPredicates(SnapshotParts& parts);
  Result<SnapshotParts> LoadWhole();
  Result<SnapshotParts> LoadAround();

 private:
  std::unique_ptr<rocksdb::Iterator> NewIterator(store::Cf cf) const {
    return std::unique_ptr<rocksdb::Iterator>(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(cf)));
  }
  // For scans of a whole column family (see store::WholeScanOptions).
  std::unique_ptr<rocksdb::Iterator> NewFullScan(store::Cf cf) const {
    return std::unique_ptr<rocksdb::Iterator>(db_.db()->NewIterator(store::WholeScanOptions(4 << 20), db_.cf(cf)));
  }
  bool TypeWanted(uint8_t type) const { return type_mask_ == 0 || (type_mask_ >> type & 1) != 0; }
  bool PredicateWanted(PredicateId p) const { return all_predicates_ || (p < predicate_mask_.size() && predicate_mask_[p]); }
  bool DatesFiltered() const { return !filter_.date_from.empty() || !filter_.date_to.empty(); }
  Result<bool> HasEvidenceInRange(const Triple& t);
  Result<const VertexHead*> Head(EntityId id);
  // Whether fact `t` passes the predicate, type and date filters (for the seed walk).
  Result<bool> Wanted(const Triple& t);
  Status FillEvidenceCounts(std::vector<FoundFact>& facts);

  const store::RocksDb& db_;
  const SnapshotFilter& filter_;
  bool all_predicates_ = true;
  std::vector<bool> predicate_mask_;
  uint32_t type_mask_ = 0;
  std::unique_ptr<rocksdb::Iterator> evidence_;
  std::unordered_map<EntityId, VertexHead> heads_;
};

Status SnapshotLoader::ReadPredicates(SnapshotParts& parts) {
  const auto& vocabulary = schema::PredicateVocabulary::Builtin();
  auto it = NewIterator(store::kPredicates);
  for (it->Seek("i"); it->Valid() && it->key().starts_with("i"); it->Next()) {
    const PredicateId p = store::GetFixed32(it->key().ToStringView(), 1);
    if (p >= parts.predicate_names.size()) {
      parts.predicate_names.resize(p + 1);
      parts.symmetric.resize(p + 1);
      predicate_mask_.resize(p + 1);
    }
    std::string name = it->value().ToString();
    const schema::PredicateInfo* info = vocabulary.Find(name);
    parts.symmetric[p] = info != nullptr && info->symmetric;
    predicate_mask_[p] = std::find(filter_.predicates.begin(), filter_.predicates.end(), name) != filter_.predicates.end();
    parts.predicate_names[p] = std::move(name);
  }
  all_predicates_ = filter_.predicates.empty();
  for (EntityType type : filter_.types) type_mask_ |= 1u << static_cast<int>(type);
  return store::FromRocks(it->status(), "reading predicates");
}

Result<bool> SnapshotLoader::HasEvidenceInRange(const Triple& t) {
  if (!evidence_) evidence_ = NewIterator(store::kEvidence);
  const std::string prefix = store::SpoKey(t);
  bool first = true;
  uint64_t group = 0;
  for (evidence_->Seek(prefix); evidence_->Valid() && evidence_->key().starts_with(prefix); evidence_->Next()) {
    // Every piece of evidence in a qualifier group carries the same date: parse one per group.
    const uint64_t qualifiers = store::DecodeEvidenceQualifierHash(evidence_->key().ToStringView());
    if (!first && qualifiers == group) continue;
    first = false;
    group = qualifiers;
    auto assertion = store::DecodeEvidence(evidence_->value().ToStringView());
    if (!assertion.ok()) return assertion.status();
    if (DateInRange(assertion->date, filter_.date_from, filter_.date_to)) return true;
  }
  KG_RETURN_IF_ERROR(store::FromRocks(evidence_->status(), "reading evidence"));
  return false;
}

Result<SnapshotParts> SnapshotLoader::LoadWhole() {
  SnapshotParts all;
  KG_RETURN_IF_ERROR(ReadPredicates(all));
  // Sized from the counters, so that the arrays below grow without copying; a stale count costs only that.
  auto counters = store::ReadCounters(db_);
  if (counters.ok()) {
    all.entity_ids.reserve(counters->stats.entities);
    all.types.reserve(counters->stats.entities);
    all.name_offsets.reserve(counters->stats.entities + 1);
    if (all_predicates_ && type_mask_ == 0 && !DatesFiltered()) {
      all.edges.reserve(counters->stats.facts);
      all.edge_data.reserve(counters->stats.facts);
    }
  }
  // Every entity first, so that the scan of spo can map ids to dense indexes as it goes.
  auto it = NewFullScan(store::kEntities);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const EntityId id = store::GetFixed64(it->key().ToStringView());
    auto head = store::DecodeEntityHead(id, it->value().ToStringView());
    if (!head.ok()) return head.status();
    AddVertex(all, id, static_cast<uint8_t>(head->type), head->name);
  }
  KG_RETURN_IF_ERROR(store::FromRocks(it->status(), "reading entities"));
  std::vector<uint32_t> index(all.entity_ids.empty() ? 0 : all.entity_ids.back() + 1, kNoVertex);
  for (size_t i = 0; i < all.entity_ids.size(); ++i) index[all.entity_ids[i]] = static_cast<uint32_t>(i);

  std::vector<bool> used(all.entity_ids.size());
  it = NewFullScan(store::kSpo);
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const Triple t = store::DecodeSpo(it->key().ToStringView());
    if (!PredicateWanted(t.p)) continue;
    const uint32_t s = t.s < index.size() ? index[t.s] : kNoVertex;
    const uint32_t o = t.o < index.size() ? index[t.o] : kNoVertex;
    if (s == kNoVertex || o == kNoVertex) {
      return DataLoss("fact " + std::to_string(t.s) + " " + std::to_string(t.p) + " " + std::to_string(t.o) +
                      " names a missing entity; run kg check");
    }
    if (!TypeWanted(all.types[s]) || !TypeWanted(all.types[o])) continue;
    if (DatesFiltered()) {
      auto in_range = HasEvidenceInRange(t);
      if (!in_range.ok()) return in_range.status();
      if (!*in_range) continue;
    }
    all.edges.emplace_back(s, o);
    all.edge_data.push_back(MakeEdgeData(t.p, store::GetFixed64(it->value().ToStringView())));
    used[s] = used[o] = true;
  }
  KG_RETURN_IF_ERROR(store::FromRocks(it->status(), "scanning facts"));
  if (std::find(used.begin(), used.end(), false) == used.end()) return all;

  // Filters left some entities without facts: keep only the ones that have some, renumbered.
  SnapshotParts kept;
  std::vector<uint32_t> renumber(all.entity_ids.size(), kNoVertex);
  for (size_t i = 0; i < all.entity_ids.size(); ++i) {
    if (!used[i]) continue;
    renumber[i] = static_cast<uint32_t>(kept.entity_ids.size());
    const std::string_view name(all.names.data() + all.name_offsets[i], all.name_offsets[i + 1] - all.name_offsets[i]);
    AddVertex(kept, all.entity_ids[i], all.types[i], name);
  }
  for (auto& [s, o] : all.edges) {
    s = renumber[s];
    o = renumber[o];
  }
  kept.edges = std::move(all.edges);
  kept.edge_data = std::move(all.edge_data);
  kept.predicate_names = std::move(all.predicate_names);
  kept.symmetric = std::move(all.symmetric);
  return kept;
}

Result<const VertexHead*> SnapshotLoader::Head(EntityId id) {
  auto cached = heads_.find(id);
  if (cached != heads_.end()) return &cached->second;
  std::string value;
  const rocksdb::Status read = db_.db()->Get(rocksdb::ReadOptions(), db_.cf(store::kEntities), store::Fixed64Key(id), &value);
  if (read.IsNotFound()) return NotFound("entity " + std::to_string(id) + ": entities key not found");
  KG_RETURN_IF_ERROR(store::FromRocks(read, "reading entities").WithPrefix("entity " + std::to_string(id)));
  auto decoded = store::DecodeEntityHead(id, value);
  if (!decoded.ok()) return decoded.status();
  VertexHead& head = heads_[id];
  head.type = static_cast<uint8_t>(decoded->type);
  head.name = std::move(decoded->name);
  return &head;
}

Result<bool> SnapshotLoader::Wanted(const Triple& t) {
  if (!PredicateWanted(t.p)) return false;
  if (type_mask_ != 0) {
    auto subject = Head(t.s);
    if (!subject.ok()) return subject.status();
    auto object = Head(t.o);
    if (!object.ok()) return object.status();
    if (!TypeWanted((*subject)->type) || !TypeWanted((*object)->type)) return false;
  }
  if (DatesFiltered()) return HasEvidenceInRange(t);
  return true;
}

Status SnapshotLoader::FillEvidenceCounts(std::vector<FoundFact>& facts) {
  std::vector<std::string> keys;
  std::vector<FoundFact*> missing;
  for (FoundFact& f : facts) {
    if (f.evidence_count != kUnknownCount) continue;
    keys.push_back(store::SpoKey(f.t));
    missing.push_back(&f);
  }
  if (keys.empty()) return Status::Ok();
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<rocksdb::ColumnFamilyHandle*> families(keys.size(), db_.cf(store::kSpo));
  std::vector<std::string> values;
  std::vector<rocksdb::Status> statuses = db_.db()->MultiGet(rocksdb::ReadOptions(), families, slices, &values);
  for (size_t i = 0; i < keys.size(); ++i) {
    KG_RETURN_IF_ERROR(store::FromRocks(statuses[i], "reading a fact's evidence count"));
    missing[i]->evidence_count = store::GetFixed64(values[i]);
  }
  return Status::Ok();
}

Result<SnapshotParts> SnapshotLoader::LoadAround() {
  SnapshotParts parts;
  KG_RETURN_IF_ERROR(ReadPredicates(parts));
  std::unordered_map<EntityId, int> distance;
  std::vector<EntityId> frontier;
  for (const std::string& name : filter_.seeds) {
    auto id = store::FindEntity(db_, name);
    if (!id.ok()) return id.status();
    if (distance.emplace(*id, 0).second) frontier.push_back(*id);
  }

  std::vector<FoundFact> found;
  auto spo = NewIterator(store::kSpo);
  auto osp = NewIterator(store::kOsp);
  for (int level = 0; (filter_.hops < 0 || level < filter_.hops) && !frontier.empty(); ++level) {
    std::vector<EntityId> next;
    auto reach = [&](EntityId other) {
      if (distance.emplace(other, level + 1).second) next.push_back(other);
    };
    for (EntityId v : frontier) {
      const std::string prefix = store::Fixed64Key(v);
      for (spo->Seek(prefix); spo->Valid() && spo->key().starts_with(prefix); spo->Next()) {
        const Triple t = store::DecodeSpo(spo->key().ToStringView());
        auto wanted = Wanted(t);
        if (!wanted.ok()) return wanted.status();
        if (!*wanted) continue;
        found.push_back({t, store::GetFixed64(spo->value().ToStringView())});
        reach(t.o);
      }
      KG_RETURN_IF_ERROR(store::FromRocks(spo->status(), "scanning facts"));
      for (osp->Seek(prefix); osp->Valid() && osp->key().starts_with(prefix); osp->Next()) {
        const Triple t = store::DecodeOsp(osp->key().ToStringView());
        if (t.s == v) continue;  // a self-loop, already met in spo
        auto wanted = Wanted(t);
        if (!wanted.ok()) return wanted.status();
        if (!*wanted) continue;
        found.push_back({t, kUnknownCount});
        reach(t.s);
      }
      KG_RETURN_IF_ERROR(store::FromRocks(osp->status(), "scanning facts"));
    }
    frontier = std::move(next);
  }

  // A fact between two expanded entities was met from both ends: keep one copy, with its count if known.
  std::sort(found.begin(), found.end(), [](const FoundFact& a, const FoundFact& b) {
    return std::tie(a.t.s, a.t.p, a.t.o, a.evidence_count) < std::tie(b.t.s, b.t.p, b.t.o, b.evidence_count);
  });
  found.erase(std::unique(found.begin(), found.end(), [](const FoundFact& a, const FoundFact& b) { return a.t == b.t; }),
              found.end());
  KG_RETURN_IF_ERROR(FillEvidenceCounts(found));

  std::vector<EntityId> ids;
  ids.reserve(distance.size());
  for (const auto& [id, d] : distance) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  for (EntityId id : ids) {
    auto head = Head(id);
    if (!head.ok()) return head.status();
    AddVertex(parts, id, (*head)->type, (*head)->name);
  }
  auto vertex_of = [&](EntityId id) {
    return static_cast<uint32_t>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
  };
  for (const FoundFact& f : found) {
    parts.edges.emplace_back(vertex_of(f.t.s), vertex_of(f.t.o));
    parts.edge_data.push_back(MakeEdgeData(f.t.p, f.evidence_count));
  }
  return parts;
}

}  // namespace

bool DateInRange(std::string_view date, std::string_view from, std::string_view to) {
  if (from.empty() && to.empty()) return true;
  if (date.empty()) return false;
  auto compare = [](std::string_view a, std::string_view b) {
    const size_t n = std::min(a.size(), b.size());
    return a.substr(0, n).compare(b.substr(0, n));
  };
  return (from.empty() || compare(date, from) >= 0) && (to.empty() || compare(date, to) <= 0);
}

Result<std::unique_ptr<GraphSnapshot>> LoadSnapshot(std::shared_ptr<const store::RocksDb> db,
                                                    const SnapshotFilter& filter) {
  if (filter.hops < -1) return InvalidArgument("hops must be -1 (no limit) or more, not " + std::to_string(filter.hops));
  if (filter.seeds.empty() && filter.hops >= 0) return InvalidArgument("hops needs at least one seed entity");
  SnapshotLoader loader(*db, filter);
  auto parts = filter.seeds.empty() ? loader.LoadWhole() : loader.LoadAround();
  if (!parts.ok()) return parts.status();
  std::weak_ptr<const store::RocksDb> weak = db;
  parts->resolve = [weak](const std::string& name) -> Result<uint64_t> {
    std::shared_ptr<const store::RocksDb> open = weak.lock();
    if (!open) return FailedPrecondition("cannot resolve \"" + name + "\": the snapshot's store is closed");
    return store::FindEntity(*open, name);
  };
  return BuildSnapshot(std::move(parts).value());
}

}  // namespace kg::graph
