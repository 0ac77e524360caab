// ListFacts: the simple pattern scan behind `kg facts`. It picks the index whose prefix the filter
// fixes (spo for a subject, osp for an object, pos for a predicate) and lists each fact's qualifier
// groups (IndexReader::Groups).
#include <rocksdb/iterator.h>

#include <algorithm>
#include <map>
#include <memory>

#include "schema/assertion_json.h"
#include "schema/predicate_vocabulary.h"
#include "store/index_reader.h"
#include "store/store_reader.h"

namespace kg::store {
namespace {

class FactLister {
 public:
  explicit FactLister(const RocksDb& db) : db_(db) {}

  Result<std::vector<FactRow>> Run(const FactFilter& filter) {
    std::optional<EntityId> subject, object;
    std::optional<PredicateId> predicate;
    if (!filter.subject.empty()) {
      auto id = FindEntity(db_, filter.subject);
      if (!id.ok()) return id.status();
      subject = *id;
    }
    if (!filter.object.empty()) {
      auto id = FindEntity(db_, filter.object);
      if (!id.ok()) return id.status();
      object = *id;
    }
    if (!filter.predicate.empty()) {
      std::string value;
      rocksdb::Status s = db_.db()->Get(rocksdb::ReadOptions(), db_.cf(kPredicates), "n" + filter.predicate, &value);
      if (s.IsNotFound()) return std::vector<FactRow>();  // a known name with no facts yet, or a new one
      KG_RETURN_IF_ERROR(FromRocks(s, "reading predicates"));
      predicate = GetFixed32(value);
    }

    Cf cf = kSpo;
    std::string prefix;
    if (subject) {
      prefix = Fixed64Key(*subject);
    } else if (object) {
      cf = kOsp;
      prefix = Fixed64Key(*object);
    } else if (predicate) {
      cf = kPos;
      prefix = Fixed32Key(*predicate);
    }
    std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(cf)));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      std::string_view key = it->key().ToStringView();
      Triple t = cf == kSpo ? DecodeSpo(key) : cf == kOsp ? DecodeOsp(key) : DecodePos(key);
      if ((subject && t.s != *subject) || (object && t.o != *object) || (predicate && t.p != *predicate)) continue;
      KG_RETURN_IF_ERROR(AddRows(t));
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "scanning facts"));
    return std::move(rows_);
  }

 private:
  Result<Entity> EntityOf(EntityId id) {
    auto cached = entities_.find(id);
    if (cached != entities_.end()) return cached->second;
    auto record = ReadEntity(db_, id);
    if (!record.ok()) return record.status();
    return entities_[id] = record->entity;
  }

  Status AddRows(const Triple& t) {
    auto subject = EntityOf(t.s);
    auto object = EntityOf(t.o);
    if (!subject.ok()) return subject.status();
    if (!object.ok()) return object.status();
    auto predicate = ReadPredicateName(db_, t.p);
    if (!predicate.ok()) return predicate.status();
    KG_RETURN_IF_ERROR(IndexReader(db_).Groups(t, /*with_values=*/true, &groups_));
    for (QualifierGroup& group : groups_) {
      FactRow row;
      row.subject = *subject;
      row.predicate = *predicate;
      row.object = *object;
      row.amount = group.amount;
      row.currency = std::move(group.currency);
      row.date = std::move(group.date);
      row.period = std::move(group.period);
      row.evidence_count = group.evidence_count;
      row.sources = std::move(group.sources);
      rows_.push_back(std::move(row));
    }
    return Status::Ok();
  }

  const RocksDb& db_;
  std::map<EntityId, Entity> entities_;
  std::vector<QualifierGroup> groups_;
  std::vector<FactRow> rows_;
};

}  // namespace

Result<std::vector<FactRow>> ListFacts(const RocksDb& db, const FactFilter& filter) {
  return FactLister(db).Run(filter);
}

}  // namespace kg::store
