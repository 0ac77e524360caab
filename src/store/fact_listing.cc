// ListFacts: the simple pattern scan behind `kg facts`. It picks the index whose prefix the filter
// fixes (spo for a subject, osp for an object, pos for a predicate) and groups each fact's evidence by
// qualifier set, which the evidence key already orders by.
#include <rocksdb/iterator.h>

#include <algorithm>
#include <map>
#include <memory>

#include "schema/assertion_json.h"
#include "schema/predicate_vocabulary.h"
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

    const std::string spo = SpoKey(t);
    std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(kEvidence)));
    uint64_t group = 0;
    bool first = true;
    for (it->Seek(spo); it->Valid() && it->key().starts_with(spo); it->Next()) {
      const uint64_t qualifiers = DecodeEvidenceQualifierHash(it->key().ToStringView());
      auto parsed = DecodeEvidence(it->value().ToStringView());
      if (!parsed.ok()) return parsed.status();
      const Assertion& a = *parsed;
      if (first || group != qualifiers) {
        FactRow row;
        row.subject = *subject;
        row.predicate = *predicate;
        row.object = *object;
        row.amount = a.amount;
        row.currency = a.currency;
        row.date = a.date;
        row.period = a.period;
        rows_.push_back(std::move(row));
        group = qualifiers;
        first = false;
      }
      FactRow& row = rows_.back();
      ++row.evidence_count;
      if (row.period.empty()) row.period = a.period;  // not part of the qualifier set: any source's will do
      if (!a.source_uri.empty() && std::find(row.sources.begin(), row.sources.end(), a.source_uri) == row.sources.end()) {
        row.sources.push_back(a.source_uri);
      }
    }
    return FromRocks(it->status(), "reading evidence");
  }

  const RocksDb& db_;
  std::map<EntityId, Entity> entities_;
  std::vector<FactRow> rows_;
};

}  // namespace

Result<std::vector<FactRow>> ListFacts(const RocksDb& db, const FactFilter& filter) {
  return FactLister(db).Run(filter);
}

}  // namespace kg::store
