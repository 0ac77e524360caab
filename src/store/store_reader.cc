#include "store/store_reader.h"

#include <rocksdb/iterator.h>

#include <algorithm>
#include <memory>

#include "resolve/entity_key.h"
#include "schema/assertion_json.h"
#include "schema/predicate_vocabulary.h"

namespace kg::store {
namespace {

Result<std::string> GetValue(const RocksDb& db, Cf cf, const std::string& key) {
  std::string value;
  rocksdb::Status s = db.db()->Get(rocksdb::ReadOptions(), db.cf(cf), key, &value);
  if (s.IsNotFound()) return NotFound(std::string(CfName(cf)) + " key not found");
  if (!s.ok()) return FromRocks(s, std::string("reading ") + CfName(cf));
  return value;
}

}  // namespace

Result<Counters> ReadCounters(const RocksDb& db) {
  auto value = GetValue(db, kMeta, "counters");
  if (!value.ok()) return value.status().code() == StatusCode::kNotFound ? Result<Counters>(Counters()) : value.status();
  return DecodeCounters(*value);
}

Result<Ledger> ReadLedger(const RocksDb& db) {
  Ledger rules;
  std::unique_ptr<rocksdb::Iterator> it(db.db()->NewIterator(rocksdb::ReadOptions(), db.cf(kLedger)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    auto rule = DecodeRule(it->key().ToStringView(), it->value().ToStringView());
    if (!rule.ok()) return rule.status();
    rules[rule->from_key] = *rule;
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "reading the ledger"));
  return rules;
}

Result<EntityRecord> ReadEntity(const RocksDb& db, EntityId id) {
  auto value = GetValue(db, kEntities, Fixed64Key(id));
  if (!value.ok()) return value.status().WithPrefix("entity " + std::to_string(id));
  return DecodeEntity(id, *value);
}

Result<StoredDocument> ReadDocument(const RocksDb& db, const std::string& uri) {
  auto id_value = GetValue(db, kSourceUris, uri);
  if (!id_value.ok()) {
    if (id_value.status().code() == StatusCode::kNotFound) return NotFound("no document \"" + uri + "\"");
    return id_value.status();
  }
  const SourceId id = GetFixed64(*id_value);
  auto value = GetValue(db, kSources, Fixed64Key(id));
  if (!value.ok()) return value.status().WithPrefix("source " + std::to_string(id));
  auto record = DecodeSource(id, *value);
  if (!record.ok()) return record.status();
  if (record->content_hash.empty()) return NotFound("source \"" + uri + "\" is not a document");
  StoredDocument stored;
  stored.document = Document{record->uri, record->content_hash, record->title, record->published,
                             record->language, record->extraction};
  const std::string prefix = Fixed64Key(id);
  std::unique_ptr<rocksdb::Iterator> it(db.db()->NewIterator(rocksdb::ReadOptions(), db.cf(kSourceEvidence)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) ++stored.evidence;
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "reading source evidence"));
  return stored;
}

Result<std::string> ReadPredicateName(const RocksDb& db, PredicateId id) {
  auto value = GetValue(db, kPredicates, "i" + Fixed32Key(id));
  if (!value.ok()) return value.status().WithPrefix("predicate " + std::to_string(id));
  return *value;
}

Result<EntityId> FindEntity(const RocksDb& db, const std::string& name) {
  auto rules = ReadLedger(db);
  if (!rules.ok()) return rules.status();
  for (const std::string& candidate : resolve::CandidateKeys(name)) {
    const std::string key = FollowLedger(*rules, candidate);
    auto value = GetValue(db, kNames, key);
    if (value.ok()) return GetFixed64(*value);
    if (value.status().code() != StatusCode::kNotFound) return value.status();
  }
  return NotFound("no entity named \"" + name + "\"");
}

Result<EntityDetails> DescribeEntity(const RocksDb& db, EntityId id) {
  auto record = ReadEntity(db, id);
  if (!record.ok()) return record.status();
  EntityDetails details;
  details.entity = record->entity;

  const std::string prefix = Fixed64Key(id);
  std::vector<Triple> triples;
  std::unique_ptr<rocksdb::Iterator> it(db.db()->NewIterator(rocksdb::ReadOptions(), db.cf(kSpo)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    triples.push_back(DecodeSpo(it->key().ToStringView()));
  }
  it.reset(db.db()->NewIterator(rocksdb::ReadOptions(), db.cf(kOsp)));
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    Triple t = DecodeOsp(it->key().ToStringView());
    if (t.s != id) triples.push_back(t);  // a self-loop was already listed as an out-edge
  }

  for (const Triple& t : triples) {
    FactView fact;
    auto subject = t.s == id ? record : ReadEntity(db, t.s);
    auto object = t.o == id ? record : ReadEntity(db, t.o);
    auto predicate = ReadPredicateName(db, t.p);
    if (!subject.ok()) return subject.status();
    if (!object.ok()) return object.status();
    if (!predicate.ok()) return predicate.status();
    fact.subject = subject->entity;
    fact.object = object->entity;
    fact.predicate = *predicate;
    const std::string spo = SpoKey(t);
    it.reset(db.db()->NewIterator(rocksdb::ReadOptions(), db.cf(kEvidence)));
    for (it->Seek(spo); it->Valid() && it->key().starts_with(spo); it->Next()) {
      auto assertion = DecodeEvidence(it->value().ToStringView());
      if (!assertion.ok()) return assertion.status();
      fact.evidence.push_back(std::move(assertion).value());
    }
    details.facts.push_back(std::move(fact));
  }
  return details;
}

Result<uint64_t> ExportJsonl(const RocksDb& db, std::ostream& out) {
  uint64_t lines = 0;
  std::unique_ptr<rocksdb::Iterator> it(db.db()->NewIterator(rocksdb::ReadOptions(), db.cf(kEvidence)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    rocksdb::Slice value = it->value();
    out.write(value.data(), static_cast<std::streamsize>(value.size()));
    out.put('\n');
    ++lines;
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "exporting evidence"));
  if (!out) return IoError("writing the export failed");
  return lines;
}

}  // namespace kg::store
