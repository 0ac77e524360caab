#include "store/index_reader.h"

#include <algorithm>

#include "schema/predicate_vocabulary.h"
#include "store/store_reader.h"

namespace kg::store {

FactScan::FactScan(std::unique_ptr<rocksdb::Iterator> it, Cf cf, std::string prefix)
    : it_(std::move(it)), cf_(cf), prefix_(std::move(prefix)) {
  it_->Seek(prefix_);
  Load();
}

void FactScan::Next() {
  it_->Next();
  Load();
}

void FactScan::Load() {
  valid_ = it_->Valid() && it_->key().starts_with(prefix_);
  if (!valid_) return;
  std::string_view key = it_->key().ToStringView();
  triple_ = cf_ == kSpo ? DecodeSpo(key) : cf_ == kPos ? DecodePos(key) : DecodeOsp(key);
}

Status FactScan::status() const { return FromRocks(it_->status(), std::string("scanning ") + CfName(cf_)); }

GroupScan::GroupScan(std::unique_ptr<rocksdb::Iterator> it, std::string prefix, const IndexReader* heads)
    : it_(std::move(it)), prefix_(std::move(prefix)), heads_(heads) {
  it_->Seek(prefix_);
  Load();
}

void GroupScan::Next() {
  it_->Next();
  Load();
}

void GroupScan::Load() {
  valid_ = it_->Valid() && it_->key().starts_with(prefix_);
  if (!valid_) return;
  if (it_->key().size() != kGroupKeySize) {
    valid_ = false;  // status() reports it
    return;
  }
  triple_ = DecodeGroupTriple(it_->key().ToStringView());
  if (heads_ != nullptr) {
    heads_->PrefetchHead(triple_.s);
    heads_->PrefetchHead(triple_.o);
  }
}

Status GroupScan::Read(QualifierGroup* group) const {
  auto values = DecodeGroupValues(it_->value().ToStringView());
  if (!values.ok()) return values.status();
  group->amount = values->amount;
  group->currency.assign(values->currency);
  group->date.assign(values->date);
  return Status::Ok();
}

Status GroupScan::status() const {
  if (it_->Valid() && it_->key().starts_with(prefix_) && it_->key().size() != kGroupKeySize) {
    return DataLoss("a groups key of the wrong size");
  }
  return FromRocks(it_->status(), "scanning groups");
}

IndexReader::IndexReader(const RocksDb& db) : db_(db) {}

Result<std::optional<EntityId>> IndexReader::Resolve(const std::string& name) {
  auto id = FindEntity(db_, name);
  if (id.ok()) return std::optional<EntityId>(*id);
  if (id.status().code() == StatusCode::kNotFound) return std::optional<EntityId>();
  return id.status();
}

Result<const EntityRecord*> IndexReader::Entity(EntityId id) {
  if (id < kDenseEntityIds) {
    if (id < dense_entities_.size() && dense_entities_[id]) return dense_entities_[id].get();
    auto record = ReadEntity(db_, id);
    if (!record.ok()) return record.status();
    if (id >= dense_entities_.size()) dense_entities_.resize(id + 1);
    dense_entities_[id] = std::make_unique<EntityRecord>(std::move(record).value());
    return dense_entities_[id].get();
  }
  auto cached = entities_.find(id);
  if (cached != entities_.end()) return &cached->second;
  auto record = ReadEntity(db_, id);
  if (!record.ok()) return record.status();
  return &entities_.emplace(id, std::move(record).value()).first->second;
}

Result<IndexReader::Head> IndexReader::EntityHead(EntityId id) {
  auto packed = [this](EntityId id) {
    const HeadSlot& slot = heads_[id];
    return Head{NameIn(slot), static_cast<EntityType>(slot.type)};
  };
  auto whole = [this](EntityId id) -> Result<Head> {  // kept whole, where a pointer to the name stays valid
    auto record = Entity(id);
    if (!record.ok()) return record.status();
    return Head{(*record)->entity.name, (*record)->entity.type};
  };
  if (id < heads_.size() && heads_[id].loaded) return packed(id);
  if (id >= kDenseEntityIds) return whole(id);  // never packed: no miss to count
  NoteHeadMiss();
  if (id < heads_.size() && heads_[id].loaded) return packed(id);
  std::string value;
  rocksdb::Status s = db_.db()->Get(rocksdb::ReadOptions(), db_.cf(kEntities), Fixed64Key(id), &value);
  if (!s.ok()) return FromRocks(s, "reading entity " + std::to_string(id));
  auto head = DecodeEntityHead(id, value);
  if (!head.ok()) return head.status();
  if (PackHead(id, Head{head->name, head->type})) return packed(id);
  return whole(id);
}

bool IndexReader::PackHead(EntityId id, const Head& head) {
  if (id >= kDenseEntityIds || head.name.size() > UINT16_MAX || head_names_.size() + head.name.size() > UINT32_MAX) {
    return false;
  }
  if (id >= heads_.size()) heads_.resize(id + 1);
  HeadSlot& slot = heads_[id];
  slot.length = static_cast<uint16_t>(head.name.size());
  slot.type = static_cast<uint8_t>(head.type);
  slot.loaded = 1;
  if (head.name.size() <= HeadSlot::kInline) {
    head.name.copy(slot.text, head.name.size());
  } else {
    slot.offset = static_cast<uint32_t>(head_names_.size());
    head_names_.append(head.name);
  }
  return true;
}

void IndexReader::NoteHeadMiss() {
  if (all_heads_loaded_) return;
  if (!load_all_after_) {
    auto counters = ReadCounters();
    load_all_after_ = std::max(kMinMissesBeforeLoad, counters.ok() ? counters->stats.entities / kMissesPerLoadAll : 0);
  }
  // The pass is only a faster way to what the lookups one by one give: if it fails (a record that does
  // not decode, a read error), the lookups go on, and report the error if and when a query reaches it.
  if (++head_misses_ >= *load_all_after_) (void)LoadAllHeads();
}

Status IndexReader::LoadAllHeads() {
  all_heads_loaded_ = true;  // once, whatever it finds: entities written later are read one by one
  std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(WholeScanOptions(), db_.cf(kEntities)));
  // Sized once, for the highest id the pass can pack, rather than grown id by id.
  it->SeekForPrev(Fixed64Key(kDenseEntityIds - 1));
  if (it->Valid() && it->key().size() == 8) {
    const EntityId last = GetFixed64(it->key().ToStringView());
    if (last >= heads_.size()) heads_.resize(last + 1);
  }
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const std::string_view key = it->key().ToStringView();
    if (key.size() != 8) return DataLoss("an entities key of " + std::to_string(key.size()) + " bytes");
    const EntityId id = GetFixed64(key);
    if (id >= kDenseEntityIds) break;  // keys are in id order: the rest would not pack either
    if (id < heads_.size() && heads_[id].loaded) continue;
    auto head = DecodeEntityHead(id, it->value().ToStringView());
    if (!head.ok()) return head.status();
    PackHead(id, Head{head->name, head->type});
  }
  return FromRocks(it->status(), "scanning entities");
}

Result<std::optional<PredicateId>> IndexReader::FindPredicate(const std::string& name) {
  auto cached = predicate_ids_.find(name);
  if (cached != predicate_ids_.end()) return cached->second;
  std::string value;
  rocksdb::Status s = db_.db()->Get(rocksdb::ReadOptions(), db_.cf(kPredicates), "n" + name, &value);
  std::optional<PredicateId> id;
  if (s.ok()) {
    id = GetFixed32(value);
  } else if (!s.IsNotFound()) {
    return FromRocks(s, "reading predicates");
  }
  predicate_ids_[name] = id;
  return id;
}

Result<const std::string*> IndexReader::PredicateName(PredicateId id) {
  auto cached = predicate_names_.find(id);
  if (cached != predicate_names_.end()) return &cached->second;
  auto name = ReadPredicateName(db_, id);
  if (!name.ok()) return name.status();
  return &predicate_names_.emplace(id, std::move(name).value()).first->second;
}

Result<bool> IndexReader::Symmetric(PredicateId id) {
  if (last_symmetric_ && last_symmetric_->first == id) return last_symmetric_->second;
  auto cached = symmetric_.find(id);
  if (cached == symmetric_.end()) {
    auto name = PredicateName(id);
    if (!name.ok()) return name.status();
    const schema::PredicateInfo* info = schema::PredicateVocabulary::Builtin().Find(**name);
    cached = symmetric_.emplace(id, info != nullptr && info->symmetric).first;
  }
  last_symmetric_.emplace(id, cached->second);
  return cached->second;
}

std::unique_ptr<FactScan> IndexReader::Scan(Cf cf, std::string prefix) const {
  std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(cf)));
  return std::make_unique<FactScan>(std::move(it), cf, std::move(prefix));
}

Result<uint64_t> IndexReader::Count(Cf cf, const std::string& prefix, uint64_t cap) const {
  std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(cf)));
  uint64_t n = 0;
  for (it->Seek(prefix); n < cap && it->Valid() && it->key().starts_with(prefix); it->Next()) ++n;
  KG_RETURN_IF_ERROR(FromRocks(it->status(), std::string("counting ") + CfName(cf)));
  return n;
}

Status IndexReader::ForEachEntity(const std::function<bool(EntityId)>& visit) const {
  std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(kEntities)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (!visit(GetFixed64(it->key().ToStringView()))) break;
  }
  return FromRocks(it->status(), "scanning entities");
}

Result<Counters> IndexReader::ReadCounters() const { return store::ReadCounters(db_); }

void IndexReader::Refresh() {
  evidence_.reset();
  groups_.reset();
  // A read-only store never changes under its reader; a writable one may have renamed or retyped an
  // entity since the last run, so its cached entities go.
  if (!db_.read_only()) {
    dense_entities_.clear();
    entities_.clear();
    heads_.clear();
    head_names_.clear();
    head_misses_ = 0;
    load_all_after_.reset();
    all_heads_loaded_ = false;
  }
}

std::unique_ptr<GroupScan> IndexReader::ScanGroups(std::string prefix) const {
  std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(kGroups)));
  return std::make_unique<GroupScan>(std::move(it), std::move(prefix), this);
}

Status IndexReader::StoredGroups(const Triple& t, std::vector<QualifierGroup>* groups) const {
  groups->clear();
  const std::string pos = PosKey(t);
  if (!groups_) groups_.reset(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(kGroups)));
  rocksdb::Iterator* it = groups_.get();
  for (it->Seek(pos); it->Valid() && it->key().starts_with(pos); it->Next()) {
    auto values = DecodeGroupValues(it->value().ToStringView());
    if (!values.ok()) return values.status();
    QualifierGroup& group = groups->emplace_back();
    group.amount = values->amount;
    group.currency.assign(values->currency);
    group.date.assign(values->date);
  }
  return FromRocks(it->status(), "reading groups");
}

Status IndexReader::Groups(const Triple& t, bool with_values, std::vector<QualifierGroup>* groups) const {
  groups->clear();
  const std::string spo = SpoKey(t);
  if (!evidence_) evidence_.reset(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(kEvidence)));
  rocksdb::Iterator* it = evidence_.get();
  uint64_t group_hash = 0;
  for (it->Seek(spo); it->Valid() && it->key().starts_with(spo); it->Next()) {
    const uint64_t qualifiers = DecodeEvidenceQualifierHash(it->key().ToStringView());
    const bool new_group = groups->empty() || qualifiers != group_hash;
    if (new_group) {
      groups->emplace_back();
      group_hash = qualifiers;
    }
    QualifierGroup& group = groups->back();
    ++group.evidence_count;
    if (!with_values) continue;
    auto parsed = DecodeEvidence(it->value().ToStringView());
    if (!parsed.ok()) return parsed.status();
    const Assertion& a = *parsed;
    if (new_group) {
      group.amount = a.amount;
      group.currency = a.currency;
      group.date = a.date;
    }
    if (group.period.empty()) group.period = a.period;
    if (a.confidence && (!group.confidence || *a.confidence > *group.confidence)) group.confidence = a.confidence;
    if (!a.source_uri.empty() &&
        std::find(group.sources.begin(), group.sources.end(), a.source_uri) == group.sources.end()) {
      group.sources.push_back(a.source_uri);
    }
  }
  return FromRocks(it->status(), "reading evidence");
}

}  // namespace kg::store
