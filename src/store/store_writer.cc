#include "store/store_writer.h"

#include <rocksdb/iterator.h>

#include <algorithm>
#include <charconv>

#include "schema/assertion_json.h"
#include "store/store_reader.h"

namespace kg::store {
namespace {

constexpr size_t kMaxResolvedRefs = 1 << 20;

const std::vector<EntityType>& AnyType() {
  static const std::vector<EntityType> any;
  return any;
}

// The qualifiers that make one reported investment differ from another: amount, currency and date.
// Hashed into the evidence key, so evidence of one fact groups by qualifier set. The period is left
// out on purpose: one source saying "over two years" and another saying nothing still report the
// same investment.
uint64_t QualifierHash(const Assertion& a) {
  // The amount as printf's "%.17g" writes it (stored keys depend on these bytes); to_chars with that
  // precision is defined to give the same characters, at a fraction of the cost.
  char amount[40];
  const char* end = a.amount ? std::to_chars(amount, amount + sizeof(amount), *a.amount, std::chars_format::general, 17).ptr
                             : amount;
  std::string q;
  q.reserve(static_cast<size_t>(end - amount) + a.currency.size() + a.date.size() + 2);
  q.append(amount, static_cast<size_t>(end - amount)).append(1, '\x1f').append(a.currency).append(1, '\x1f').append(a.date);
  return StableHash(q);
}

// Everything resolution depends on, besides the store: the name, its type and external id, the types the
// position allows, and the language (for the alias it records).
void RefKey(const EntityRef& ref, const std::vector<EntityType>& allowed, std::string* k) {
  k->assign(ref.name);
  k->push_back('\x1f');
  k->push_back(ref.type ? static_cast<char>('0' + static_cast<int>(*ref.type)) : '-');
  for (auto t : allowed) k->push_back(static_cast<char>('a' + static_cast<int>(t)));
  k->push_back('\x1f');
  k->append(ref.lang);
  if (ref.type) {
    k->push_back('\x1f');
    k->append(ref.external_id);
  }
}

// A fact's part of EvidenceFingerprint.
uint64_t FactFingerprint(const Triple& t) {
  uint64_t h = t.s * 0x9E3779B97F4A7C15ULL;
  h = (h ^ (h >> 29) ^ t.p) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 31) ^ t.o) * 0x94D049BB133111EBULL;
  return h ^ (h >> 32);
}

// Identifies a piece of evidence (its key) in FingerprintSet, from the parts of the key.
uint64_t EvidenceFingerprint(uint64_t fact_print, const EvidenceLine& line) {
  uint64_t h = (fact_print ^ line.qualifier_hash) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 31) ^ line.line_hash) * 0x94D049BB133111EBULL;
  return h ^ (h >> 32);
}

// Which (entity, spelling, language) triples this writer has already recorded as aliases. A 64-bit hash
// is enough: a collision would only skip recording one alias spelling, never change a fact.
uint64_t SurfaceHash(EntityId id, const EntityRef& ref) {
  uint64_t h = StableHash(ref.name);
  h = (h ^ StableHash(ref.lang)) * 1099511628211ULL;
  return h ^ (id * 0x9E3779B97F4A7C15ULL);
}

}  // namespace

EvidenceLine MakeEvidenceLine(const Assertion& assertion) {
  EvidenceLine line;
  line.json = schema::ToCanonicalJson(assertion);
  line.qualifier_hash = QualifierHash(assertion);
  line.line_hash = StableHash(line.json);
  return line;
}

StoreWriter::StoreWriter(RocksDb* db) : db_(db), indexed_(db), unit_(&indexed_) {}

void StoreWriter::UseBulkUnits(size_t sst_min_entries) {
  bulk_ = std::make_unique<BulkUnit>(db_, sst_min_entries);
  unit_ = bulk_.get();
  // Loading into an empty store, the writer knows every key and every fact's evidence count, so these
  // families are seldom read during the load and need no compaction until it ends: one merge then
  // replaces the repeated rewrites of leveled compaction. Entities stay out, since a new spelling of a
  // name reads its entity record back; so do sources and their evidence, keyed by a source id that
  // grows, whose files mostly land in the last level as they come. Should deferring fail, compaction
  // just goes on.
  if (entity_ids_complete_ && source_ids_complete_ && fact_counts_complete_ && evidence_fingerprints_complete_) {
    (void)db_->DeferCompactions({kEvidence, kSpo, kPos, kOsp, kGroups, kSourceUris, kNames});
  }
}

void StoreWriter::UseIndexedUnits() {
  if (bulk_) {
    Status unsynced = bulk_->Sync();
    if (!unsynced.ok()) Abort();  // the caller saw the error from Commit()/Sync() already or will not care
  }
  unit_ = &indexed_;
  bulk_.reset();
  // Every unit is durable by now; a failed compaction leaves a store that is correct, only slower to
  // read, and the next writer's automatic compactions catch up.
  (void)db_->FinishDeferredCompactions();
}

Result<std::unique_ptr<StoreWriter>> StoreWriter::Create(RocksDb* db) {
  if (db->read_only()) return FailedPrecondition("the store is open read-only");
  std::unique_ptr<StoreWriter> writer(new StoreWriter(db));
  KG_RETURN_IF_ERROR(writer->Load());
  return writer;
}

Status StoreWriter::Load() {
  // Until the counters are read, no cache may claim to be complete.
  entity_ids_complete_ = source_ids_complete_ = fact_counts_complete_ = evidence_fingerprints_complete_ = false;
  unit_->Clear();
  ForgetResolutions();
  known_surfaces_.clear();
  source_ids_.Clear();
  fact_counts_.Clear();
  evidence_fingerprints_.Clear();
  predicate_ids_.clear();
  rules_.clear();

  auto counters = ReadCounters(*db_);
  if (!counters.ok()) return counters.status();
  counters_ = committed_counters_ = *counters;
  entity_ids_complete_ = counters_.stats.entities == 0;
  source_ids_complete_ = counters_.stats.sources == 0;
  fact_counts_complete_ = counters_.stats.facts == 0;
  evidence_fingerprints_complete_ = counters_.stats.evidence == 0;

  std::unique_ptr<rocksdb::Iterator> it(db_->db()->NewIterator(rocksdb::ReadOptions(), db_->cf(kPredicates)));
  for (it->Seek("n"); it->Valid() && it->key().starts_with("n"); it->Next()) {
    predicate_ids_[it->key().ToString().substr(1)] = GetFixed32(it->value().ToStringView());
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "reading predicates"));

  auto rules = ReadLedger(*db_);
  if (!rules.ok()) return rules.status();
  rules_ = std::move(rules).value();
  return Status::Ok();
}

Result<std::string> StoreWriter::Get(Cf cf, std::string_view key) { return unit_->Get(cf, key); }

Status StoreWriter::Put(Cf cf, std::string_view key, std::string_view value) {
  return unit_->Put(cf, key, value);
}

Status StoreWriter::Delete(Cf cf, const std::string& key) { return unit_->Delete(cf, key); }

Result<bool> StoreWriter::HasPrefix(Cf cf, const std::string& prefix) {
  auto it = unit_->Scan(cf);
  if (!it.ok()) return it.status();
  (*it)->Seek(prefix);
  bool found = (*it)->Valid() && (*it)->key().starts_with(prefix);
  KG_RETURN_IF_ERROR(FromRocks((*it)->status(), std::string("scanning ") + CfName(cf)));
  return found;
}

Result<PredicateId> StoreWriter::PredicateIdFor(const std::string& name) {
  auto it = predicate_ids_.find(name);
  if (it != predicate_ids_.end()) return it->second;
  PredicateId id = counters_.next_predicate_id++;
  KG_RETURN_IF_ERROR(Put(kPredicates, "n" + name, Fixed32Key(id)));
  KG_RETURN_IF_ERROR(Put(kPredicates, "i" + Fixed32Key(id), name));
  predicate_ids_[name] = id;
  return id;
}

void StoreWriter::ForgetResolutions() {
  resolved_refs_.Clear();
  entity_ids_.clear();
  entity_ids_complete_ = false;
}

Result<EntityId> StoreWriter::ResolveEntity(const EntityRef& ref, const std::vector<EntityType>& allowed) {
  RefKey(ref, allowed, &ref_key_);
  if (auto resolved = resolved_refs_.Find(ref_key_)) return *resolved;
  auto id = ResolveKey(ref, allowed);
  if (!id.ok()) return id;
  if (resolved_refs_.size() >= kMaxResolvedRefs) resolved_refs_.Clear();
  resolved_refs_.Insert(ref_key_, *id);
  return id;
}

Result<EntityId> StoreWriter::ResolveKey(const EntityRef& ref, const std::vector<EntityType>& allowed) {
  const resolve::KeyedName keyed = resolve::KeyForName(ref, allowed);
  const std::string key = FollowLedger(rules_, keyed.key);

  auto known = entity_ids_.find(key);
  if (known != entity_ids_.end()) {
    KG_RETURN_IF_ERROR(NoteSurface(known->second, ref, keyed));
    return known->second;
  }
  if (!entity_ids_complete_) {
    auto stored = Get(kNames, key);
    if (stored.ok()) {
      EntityId id = GetFixed64(*stored);
      entity_ids_[key] = id;
      KG_RETURN_IF_ERROR(NoteSurface(id, ref, keyed));
      return id;
    }
    if (stored.status().code() != StatusCode::kNotFound) return stored.status();
  }

  EntityRecord record;
  record.key = key;
  record.entity.id = counters_.next_entity_id++;
  record.entity.type = keyed.type;
  record.entity.name = keyed.canonical_name;
  record.entity.aliases.push_back({ref.name, ref.lang});
  record.entity.iso_code = keyed.iso_code;
  if (keyed.iso_code.empty()) record.entity.external_id = ref.external_id;
  KG_RETURN_IF_ERROR(Put(kNames, key, Fixed64Key(record.entity.id)));
  KG_RETURN_IF_ERROR(Put(kEntities, Fixed64Key(record.entity.id), EncodeEntity(record)));
  ++counters_.stats.entities;
  entity_ids_[key] = record.entity.id;
  known_surfaces_.insert(SurfaceHash(record.entity.id, ref));
  return record.entity.id;
}

Status StoreWriter::NoteSurface(EntityId id, const EntityRef& ref, const resolve::KeyedName& keyed) {
  const uint64_t surface = SurfaceHash(id, ref);
  if (known_surfaces_.count(surface) != 0) return Status::Ok();
  auto value = Get(kEntities, Fixed64Key(id));
  if (!value.ok()) return value.status().WithPrefix("entity " + std::to_string(id));
  auto record = DecodeEntity(id, *value);
  if (!record.ok()) return record.status();
  Entity& e = record->entity;
  bool changed = false;
  auto same = [&](const Alias& a) { return a.name == ref.name && a.lang == ref.lang; };
  if (std::none_of(e.aliases.begin(), e.aliases.end(), same)) {
    e.aliases.push_back({ref.name, ref.lang});
    changed = true;
  }
  // A later, more specific type wins over Other; two specific types keep the first.
  if (e.type == EntityType::kOther && keyed.type != EntityType::kOther) {
    e.type = keyed.type;
    changed = true;
  }
  if (e.external_id.empty() && e.iso_code.empty() && !ref.external_id.empty()) {
    e.external_id = ref.external_id;
    changed = true;
  }
  if (changed) KG_RETURN_IF_ERROR(Put(kEntities, Fixed64Key(id), EncodeEntity(*record)));
  known_surfaces_.insert(surface);
  return Status::Ok();
}

Result<SourceId> StoreWriter::SourceIdFor(const Assertion& a) {
  if (auto cached = source_ids_.Find(a.source_uri)) return *cached;
  if (!source_ids_complete_) {
    auto stored = Get(kSourceUris, a.source_uri);
    if (stored.ok()) {
      const SourceId id = GetFixed64(*stored);
      source_ids_.Insert(a.source_uri, id);
      return id;
    }
    if (stored.status().code() != StatusCode::kNotFound) return stored.status();
  }
  const SourceId id = counters_.next_source_id++;
  SourceRecord record{id, a.source_uri, a.source_title, a.source_published, "", "", ""};
  KG_RETURN_IF_ERROR(Put(kSources, Fixed64Key(id), EncodeSource(record)));
  KG_RETURN_IF_ERROR(Put(kSourceUris, a.source_uri, Fixed64Key(id)));
  ++counters_.stats.sources;
  source_ids_.Insert(a.source_uri, id);
  return id;
}

Result<StoreWriter::Outcome> StoreWriter::Add(const Assertion& a) { return Add(a, MakeEvidenceLine(a)); }

Result<StoreWriter::Outcome> StoreWriter::Add(const Assertion& a, const EvidenceLine& line) {
  const schema::PredicateInfo* info = schema::PredicateVocabulary::Builtin().Find(a.predicate);
  auto subject = ResolveEntity(a.subject, info ? info->domain : AnyType());
  if (!subject.ok()) return subject.status();
  auto object = ResolveEntity(a.object, info ? info->range : AnyType());
  if (!object.ok()) return object.status();
  auto predicate = PredicateIdFor(a.predicate);
  if (!predicate.ok()) return predicate.status();

  Triple t{*subject, *predicate, *object};
  // A symmetric fact is stored once, from the smaller id, whichever way round it was reported.
  if (info != nullptr && info->symmetric && t.o < t.s) std::swap(t.s, t.o);

  const EvidenceKeyBytes evidence_key = EvidenceKeyOf(t, line.qualifier_hash, line.line_hash);
  const TripleKey spo = SpoKeyOf(t);
  const uint64_t fact_print = FactFingerprint(t);
  const uint64_t evidence_print = EvidenceFingerprint(fact_print, line);
  // A fact the table cannot hold would have to be looked up in spo, and so would every later re-report
  // of it: the table gives way to the store for good.
  if (fact_counts_complete_ && !FactCountTable::Fits(t)) StopCountingFacts();
  const bool counted = fact_counts_complete_;
  uint64_t evidence_count = 0;
  if (counted) {
    evidence_count = fact_counts_.Find(t);
  } else {
    auto fact = Get(kSpo, spo);
    if (fact.ok()) {
      evidence_count = GetFixed64(*fact);
    } else if (fact.status().code() != StatusCode::kNotFound) {
      return fact.status();
    }
  }
  Outcome outcome = Outcome::kNewEvidence;
  if (evidence_count > 0) {
    // Only an existing fact can already hold this evidence (evidence never outlives its fact).
    if (!evidence_fingerprints_complete_ || evidence_fingerprints_.MayContain(evidence_print)) {
      auto existing = Get(kEvidence, evidence_key);
      if (existing.ok()) return Outcome::kDuplicate;
      if (existing.status().code() != StatusCode::kNotFound) return existing.status();
    }
  } else {
    outcome = Outcome::kNewFact;
    KG_RETURN_IF_ERROR(Put(kPos, PosKeyOf(t), ""));
    KG_RETURN_IF_ERROR(Put(kOsp, OspKeyOf(t), ""));
    ++counters_.stats.facts;
  }
  KG_RETURN_IF_ERROR(Put(kSpo, spo, Fixed64Key(evidence_count + 1)));
  if (counted) {
    if (evidence_count + 1 < UINT32_MAX) {
      fact_counts_.Set(t, static_cast<uint32_t>(evidence_count + 1));
    } else {
      StopCountingFacts();  // a count the table cannot hold: the store has it
    }
  }
  KG_RETURN_IF_ERROR(Put(kEvidence, evidence_key, line.json));
  // The fact's qualifier set, for queries. Every line of a set writes the same value, so a Put needs
  // no read and is harmless when the set already exists.
  KG_RETURN_IF_ERROR(Put(kGroups, GroupKeyOf(t, line.qualifier_hash), EncodeGroupValues(a.amount, a.currency, a.date)));
  if (evidence_fingerprints_complete_) evidence_fingerprints_.Insert(evidence_print);
  ++counters_.stats.evidence;

  if (!a.source_uri.empty()) {
    auto source = SourceIdFor(a);
    if (!source.ok()) return source.status();
    KG_RETURN_IF_ERROR(Put(kSourceEvidence, SourceEvidenceKeyOf(*source, evidence_key), ""));
  }
  return outcome;
}

Status StoreWriter::Commit() {
  // An empty unit (all duplicates) writes nothing, but callers report the unit before it as durable
  // once Commit returns, so a unit still in flight must land first.
  if (unit_->size() == 0) return Sync();
  Status status = Put(kMeta, "counters", EncodeCounters(counters_));
  if (status.ok()) status = unit_->Commit();
  if (!status.ok()) {
    Abort();
    return status;
  }
  committed_counters_ = counters_;
  return Status::Ok();
}

Status StoreWriter::Sync() {
  Status status = unit_->Sync();
  if (!status.ok()) Abort();
  return status;
}

void StoreWriter::Abort() {
  (void)unit_->Sync();  // a unit still being written must land (or fail) before the state is reloaded
  // Caches may name entities and sources that only the dropped unit created: reload from the store.
  Status reloaded = Load();
  if (!reloaded.ok()) counters_ = committed_counters_;
}

void StoreWriter::StopCountingFacts() {
  fact_counts_.Clear();
  fact_counts_complete_ = false;
  // From now on every fact is looked up in spo, which must not pile up uncompacted files meanwhile.
  (void)db_->ResumeCompaction(kSpo);
}

Status StoreWriter::RemoveEvidence(const std::string& evidence_key) {
  // The fact-count table only ever grows; once a count falls, the store is the one to ask.
  if (fact_counts_complete_) StopCountingFacts();
  auto value = Get(kEvidence, evidence_key);
  if (!value.ok()) return value.status().code() == StatusCode::kNotFound ? Status::Ok() : value.status();
  auto parsed = DecodeEvidence(*value);
  if (!parsed.ok()) return parsed.status();
  const std::string& uri = parsed->source_uri;
  if (!uri.empty()) {
    auto source = Get(kSourceUris, uri);
    if (source.ok()) KG_RETURN_IF_ERROR(Delete(kSourceEvidence, SourceEvidenceKey(GetFixed64(*source), evidence_key)));
  }
  KG_RETURN_IF_ERROR(Delete(kEvidence, evidence_key));
  --counters_.stats.evidence;
  // The qualifier set goes with its last line (the unit's scan sees the delete just made).
  auto set_left = HasPrefix(kEvidence, evidence_key.substr(0, kTripleKeySize + 8));
  if (!set_left.ok()) return set_left.status();
  if (!*set_left) KG_RETURN_IF_ERROR(Delete(kGroups, GroupKeyOfEvidence(evidence_key)));

  Triple t = DecodeEvidenceTriple(evidence_key);
  auto fact = Get(kSpo, SpoKey(t));
  if (!fact.ok()) return DataLoss("evidence without its fact").WithPrefix(fact.status().message());
  uint64_t count = GetFixed64(*fact);
  if (count > 1) return Put(kSpo, SpoKey(t), Fixed64Key(count - 1));
  KG_RETURN_IF_ERROR(Delete(kSpo, SpoKey(t)));
  KG_RETURN_IF_ERROR(Delete(kPos, PosKey(t)));
  KG_RETURN_IF_ERROR(Delete(kOsp, OspKey(t)));
  --counters_.stats.facts;
  unused_candidates_.push_back(t.s);
  unused_candidates_.push_back(t.o);
  return Status::Ok();
}

Status StoreWriter::DeleteUnusedEntities() {
  std::sort(unused_candidates_.begin(), unused_candidates_.end());
  unused_candidates_.erase(std::unique(unused_candidates_.begin(), unused_candidates_.end()),
                           unused_candidates_.end());
  for (EntityId id : unused_candidates_) {
    const std::string prefix = Fixed64Key(id);
    auto as_subject = HasPrefix(kSpo, prefix);
    if (!as_subject.ok()) return as_subject.status();
    auto as_object = HasPrefix(kOsp, prefix);
    if (!as_object.ok()) return as_object.status();
    if (*as_subject || *as_object) continue;
    auto value = Get(kEntities, prefix);
    if (!value.ok()) continue;  // already deleted
    auto record = DecodeEntity(id, *value);
    if (!record.ok()) return record.status();
    auto named = Get(kNames, record->key);
    if (named.ok() && GetFixed64(*named) == id) KG_RETURN_IF_ERROR(Delete(kNames, record->key));
    KG_RETURN_IF_ERROR(Delete(kEntities, prefix));
    --counters_.stats.entities;
    entity_ids_.erase(record->key);
    resolved_refs_.Clear();  // some may lead to the deleted entity
  }
  unused_candidates_.clear();
  return Status::Ok();
}

Result<std::vector<std::string>> StoreWriter::EvidenceOf(EntityId id) {
  const std::string prefix = Fixed64Key(id);
  std::vector<std::string> facts;
  auto scan = [&](Cf cf, const std::string& from, auto&& visit) -> Status {
    auto it = unit_->Scan(cf);
    if (!it.ok()) return it.status();
    for ((*it)->Seek(from); (*it)->Valid() && (*it)->key().starts_with(from); (*it)->Next()) visit((*it)->key());
    return FromRocks((*it)->status(), std::string("scanning ") + CfName(cf));
  };
  KG_RETURN_IF_ERROR(scan(kSpo, prefix, [&](const rocksdb::Slice& key) { facts.push_back(key.ToString()); }));
  KG_RETURN_IF_ERROR(scan(kOsp, prefix, [&](const rocksdb::Slice& key) {
    std::string spo = SpoKey(DecodeOsp(key.ToStringView()));
    if (std::find(facts.begin(), facts.end(), spo) == facts.end()) facts.push_back(spo);
  }));
  std::vector<std::string> evidence;
  for (const auto& spo : facts) {
    KG_RETURN_IF_ERROR(scan(kEvidence, spo, [&](const rocksdb::Slice& key) { evidence.push_back(key.ToString()); }));
  }
  return evidence;
}

Status StoreWriter::Refile(EntityId id) {
  auto keys = EvidenceOf(id);
  if (!keys.ok()) return keys.status();
  std::vector<Assertion> assertions;
  for (const auto& key : *keys) {
    auto value = Get(kEvidence, key);
    if (!value.ok()) return value.status();
    auto parsed = DecodeEvidence(*value);
    if (!parsed.ok()) return parsed.status();
    assertions.push_back(std::move(parsed).value());
    KG_RETURN_IF_ERROR(RemoveEvidence(key));
  }
  // Entities are only deleted after everything is re-added, so the ones that keep facts keep their ids.
  for (const auto& a : assertions) {
    auto outcome = Add(a);
    if (!outcome.ok()) return outcome.status();
  }
  return DeleteUnusedEntities();
}

Result<EntityId> StoreWriter::FindEntityId(const std::string& name) {
  for (const std::string& candidate : resolve::CandidateKeys(name)) {
    auto stored = Get(kNames, FollowLedger(rules_, candidate));
    if (stored.ok()) return GetFixed64(*stored);
  }
  return NotFound("no entity named \"" + name + "\"");
}

Result<uint64_t> StoreWriter::Forget(const std::string& source_uri) {
  auto stored = Get(kSourceUris, source_uri);
  if (!stored.ok()) {
    if (stored.status().code() == StatusCode::kNotFound) return NotFound("no source with uri \"" + source_uri + "\"");
    return stored.status();
  }
  const SourceId source = GetFixed64(*stored);
  const std::string prefix = Fixed64Key(source);
  auto keys = EvidenceOfSource(source);
  if (!keys.ok()) return keys.status();
  for (const auto& key : *keys) KG_RETURN_IF_ERROR(RemoveEvidence(key));
  KG_RETURN_IF_ERROR(DeleteUnusedEntities());
  KG_RETURN_IF_ERROR(Delete(kSources, prefix));
  KG_RETURN_IF_ERROR(Delete(kSourceUris, source_uri));
  --counters_.stats.sources;
  source_ids_.Erase(source_uri);
  KG_RETURN_IF_ERROR(Commit());
  return static_cast<uint64_t>(keys->size());
}

Result<std::vector<std::string>> StoreWriter::EvidenceOfSource(SourceId source) {
  const std::string prefix = Fixed64Key(source);
  std::vector<std::string> keys;
  auto it = unit_->Scan(kSourceEvidence);
  if (!it.ok()) return it.status();
  for ((*it)->Seek(prefix); (*it)->Valid() && (*it)->key().starts_with(prefix); (*it)->Next()) {
    keys.push_back((*it)->key().ToString().substr(prefix.size()));
  }
  KG_RETURN_IF_ERROR(FromRocks((*it)->status(), "reading source evidence"));
  return keys;
}

}  // namespace kg::store
