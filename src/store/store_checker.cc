#include "store/store_checker.h"

#include <rocksdb/iterator.h>

#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "schema/assertion_json.h"
#include "schema/predicate_vocabulary.h"
#include "store/key_codec.h"
#include "store/records.h"
#include "store/store_reader.h"

namespace kg::store {
namespace {

constexpr size_t kMaxProblems = 50;

class Checker {
 public:
  explicit Checker(const RocksDb& db) : db_(db) {}

  Result<CheckReport> Run() {
    KG_RETURN_IF_ERROR(CheckFacts());
    KG_RETURN_IF_ERROR(CheckIndex(kPos, spo_fingerprint_));
    KG_RETURN_IF_ERROR(CheckIndex(kOsp, spo_fingerprint_));
    KG_RETURN_IF_ERROR(CheckEntities());
    KG_RETURN_IF_ERROR(CheckSources());
    if (db_.has_groups()) KG_RETURN_IF_ERROR(CheckGroups());
    KG_RETURN_IF_ERROR(CheckCounters());
    rocksdb::Status checksums = db_.db()->VerifyChecksum();
    if (!checksums.ok()) Problem("RocksDB checksum verification failed: " + checksums.ToString());
    return report_;
  }

 private:
  void Problem(std::string text) {
    if (report_.problems.size() < kMaxProblems) report_.problems.push_back(std::move(text));
  }

  std::unique_ptr<rocksdb::Iterator> Scan(Cf cf) const {
    std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(cf)));
    it->SeekToFirst();
    return it;
  }

  bool Exists(Cf cf, const std::string& key) const {
    std::string value;
    return db_.db()->Get(rocksdb::ReadOptions(), db_.cf(cf), key, &value).ok();
  }

  static std::string Describe(const Triple& t) {
    return "(" + std::to_string(t.s) + ", " + std::to_string(t.p) + ", " + std::to_string(t.o) + ")";
  }

  // spo against evidence in one merge-join: both are ordered by the same 20-byte prefix.
  Status CheckFacts() {
    auto facts = Scan(kSpo);
    auto evidence = Scan(kEvidence);
    std::unordered_map<std::string, SourceId> source_ids;
    for (; facts->Valid(); facts->Next()) {
      std::string spo = facts->key().ToString();
      if (spo.size() != kTripleKeySize || facts->value().size() != 8) {
        Problem("spo key or value of the wrong size");
        continue;
      }
      Triple t = DecodeSpo(spo);
      spo_fingerprint_ += StableHash(spo);
      ++report_.facts;
      used_entities_.insert(t.s);
      used_entities_.insert(t.o);
      used_predicates_.insert(t.p);
      while (evidence->Valid() && evidence->key().compare(spo) < 0) {
        Problem("evidence without a fact: triple " + Describe(DecodeEvidenceTriple(evidence->key().ToStringView())));
        evidence->Next();
      }
      uint64_t count = 0;
      std::optional<uint64_t> set_hash;
      for (; evidence->Valid() && evidence->key().starts_with(spo); evidence->Next()) {
        ++count;
        ++report_.evidence;
        auto parsed = DecodeEvidence(evidence->value().ToStringView());
        if (!parsed.ok()) {
          Problem("evidence of " + Describe(t) + ": " + parsed.status().message());
          continue;
        }
        // The first line of each qualifier set stands for the set in `groups`.
        const uint64_t qualifiers = evidence->key().size() == kEvidenceKeySize
                                        ? DecodeEvidenceQualifierHash(evidence->key().ToStringView())
                                        : 0;
        if (set_hash != qualifiers) {
          set_hash = qualifiers;
          groups_fingerprint_ += GroupFingerprint(GroupKey(t, qualifiers),
                                                  EncodeGroupValues(parsed->amount, parsed->currency, parsed->date));
          ++groups_expected_;
        }
        const std::string& uri = parsed->source_uri;
        if (uri.empty()) continue;
        auto known = source_ids.find(uri);
        if (known == source_ids.end()) {
          std::string id;
          if (!db_.db()->Get(rocksdb::ReadOptions(), db_.cf(kSourceUris), uri, &id).ok() || id.size() != 8) {
            Problem("evidence of " + Describe(t) + " names source \"" + uri + "\", which is not registered");
            continue;
          }
          known = source_ids.emplace(uri, GetFixed64(id)).first;
        }
        source_evidence_fingerprint_ += StableHash(SourceEvidenceKey(known->second, evidence->key().ToStringView()));
      }
      uint64_t expected = GetFixed64(facts->value().ToStringView());
      if (count == 0) Problem("fact " + Describe(t) + " has no evidence");
      if (count != expected) {
        Problem("fact " + Describe(t) + " counts " + std::to_string(expected) + " evidence records, found " +
                std::to_string(count));
      }
    }
    for (; evidence->Valid(); evidence->Next()) {
      Problem("evidence without a fact: triple " + Describe(DecodeEvidenceTriple(evidence->key().ToStringView())));
    }
    KG_RETURN_IF_ERROR(FromRocks(facts->status(), "scanning spo"));
    return FromRocks(evidence->status(), "scanning evidence");
  }

  Status CheckIndex(Cf cf, uint64_t expected_fingerprint) {
    uint64_t fingerprint = 0;
    uint64_t count = 0;
    auto it = Scan(cf);
    for (; it->Valid(); it->Next()) {
      if (it->key().size() != kTripleKeySize) {
        Problem(std::string(CfName(cf)) + " key of the wrong size");
        continue;
      }
      Triple t = cf == kPos ? DecodePos(it->key().ToStringView()) : DecodeOsp(it->key().ToStringView());
      fingerprint += StableHash(SpoKey(t));
      ++count;
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), std::string("scanning ") + CfName(cf)));
    if (fingerprint == expected_fingerprint && count == report_.facts) return Status::Ok();
    // Only now pay for point lookups, to name what differs.
    for (it = Scan(cf); it->Valid(); it->Next()) {
      Triple t = cf == kPos ? DecodePos(it->key().ToStringView()) : DecodeOsp(it->key().ToStringView());
      if (!Exists(kSpo, SpoKey(t))) Problem(std::string(CfName(cf)) + " has fact " + Describe(t) + ", spo does not");
    }
    for (it = Scan(kSpo); it->Valid(); it->Next()) {
      Triple t = DecodeSpo(it->key().ToStringView());
      const std::string key = cf == kPos ? PosKey(t) : OspKey(t);
      if (!Exists(cf, key)) Problem("spo has fact " + Describe(t) + ", " + CfName(cf) + " does not");
    }
    return Status::Ok();
  }

  static uint64_t GroupFingerprint(std::string_view key, std::string_view value) {
    return StableHash(key) * 0x9E3779B97F4A7C15ULL ^ StableHash(value);
  }

  // `groups` against the qualifier sets of evidence: an order-independent fingerprint of (key, value)
  // pairs first, as for pos and osp; only on a mismatch a second pass that names what differs.
  Status CheckGroups() {
    uint64_t fingerprint = 0;
    uint64_t count = 0;
    auto it = Scan(kGroups);
    for (; it->Valid(); it->Next()) {
      fingerprint += GroupFingerprint(it->key().ToStringView(), it->value().ToStringView());
      ++count;
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "scanning groups"));
    if (fingerprint == groups_fingerprint_ && count == groups_expected_) return Status::Ok();

    std::map<std::string, std::string> expected;  // group key -> value, from evidence
    auto evidence = Scan(kEvidence);
    for (; evidence->Valid(); evidence->Next()) {
      const std::string_view key = evidence->key().ToStringView();
      if (key.size() != kEvidenceKeySize) continue;
      const std::string group = GroupKeyOfEvidence(key);
      if (expected.count(group) != 0) continue;
      auto parsed = DecodeEvidence(evidence->value().ToStringView());
      if (!parsed.ok()) continue;  // reported by CheckFacts
      expected.emplace(group, EncodeGroupValues(parsed->amount, parsed->currency, parsed->date));
    }
    KG_RETURN_IF_ERROR(FromRocks(evidence->status(), "scanning evidence"));
    auto describe = [](std::string_view key) {
      return "fact " + Describe(DecodeGroupTriple(key)) + " qualifier set " + std::to_string(DecodeGroupQualifierHash(key));
    };
    for (it = Scan(kGroups); it->Valid(); it->Next()) {
      const std::string key = it->key().ToString();
      if (key.size() != kGroupKeySize) {
        Problem("groups key of the wrong size");
        continue;
      }
      auto want = expected.find(key);
      if (want == expected.end()) {
        Problem("groups has " + describe(key) + ", which no evidence reports");
        continue;
      }
      if (it->value().ToStringView() != want->second) {
        auto values = DecodeGroupValues(it->value().ToStringView());
        Problem("groups has the wrong values for " + describe(key) +
                (values.ok() ? std::string(" (they differ from its evidence)") : ": " + values.status().message()));
      }
      expected.erase(want);
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "scanning groups"));
    for (const auto& [key, value] : expected) Problem("groups lacks " + describe(key) + " of its evidence");
    return Status::Ok();
  }

  Status CheckEntities() {
    std::unordered_set<EntityId> live;
    for (auto it = Scan(kEntities); it->Valid(); it->Next()) {
      EntityId id = GetFixed64(it->key().ToStringView());
      auto record = DecodeEntity(id, it->value().ToStringView());
      if (!record.ok()) {
        Problem(record.status().message());
        continue;
      }
      live.insert(id);
      ++report_.entities;
      std::string named;
      if (!db_.db()->Get(rocksdb::ReadOptions(), db_.cf(kNames), record->key, &named).ok() || named.size() != 8 ||
          GetFixed64(named) != id) {
        Problem("entity " + std::to_string(id) + " (\"" + record->entity.name + "\") is not reachable by its name key");
      }
      if (used_entities_.count(id) == 0) {
        Problem("entity " + std::to_string(id) + " (\"" + record->entity.name + "\") has no fact");
      }
    }
    for (EntityId id : used_entities_) {
      if (live.count(id) == 0) Problem("a fact refers to entity " + std::to_string(id) + ", which does not exist");
    }
    for (auto it = Scan(kNames); it->Valid(); it->Next()) {
      if (it->value().size() != 8 || live.count(GetFixed64(it->value().ToStringView())) == 0) {
        Problem("name \"" + it->key().ToString() + "\" points to no live entity");
      }
    }
    for (PredicateId p : used_predicates_) {
      if (!Exists(kPredicates, "i" + Fixed32Key(p))) Problem("predicate id " + std::to_string(p) + " has no name");
    }
    return Status::Ok();
  }

  Status CheckSources() {
    for (auto it = Scan(kSources); it->Valid(); it->Next()) {
      SourceId id = GetFixed64(it->key().ToStringView());
      auto record = DecodeSource(id, it->value().ToStringView());
      if (!record.ok()) {
        Problem(record.status().message());
        continue;
      }
      ++report_.sources;
      std::string back;
      if (!db_.db()->Get(rocksdb::ReadOptions(), db_.cf(kSourceUris), record->uri, &back).ok() ||
          back.size() != 8 || GetFixed64(back) != id) {
        Problem("source \"" + record->uri + "\" is not reachable by its uri");
      }
    }
    uint64_t fingerprint = 0;
    for (auto it = Scan(kSourceEvidence); it->Valid(); it->Next()) fingerprint += StableHash(it->key().ToStringView());
    if (fingerprint != source_evidence_fingerprint_) {
      Problem("the source_evidence index does not match the sources named by evidence records");
    }
    return Status::Ok();
  }

  Status CheckCounters() {
    auto counters = ReadCounters(db_);
    if (!counters.ok()) {
      Problem(counters.status().message());
      return Status::Ok();
    }
    const StoreStats& s = counters->stats;
    auto compare = [&](const char* what, uint64_t stored, uint64_t found) {
      if (stored != found) {
        Problem(std::string("counter ") + what + " says " + std::to_string(stored) + ", found " + std::to_string(found));
      }
    };
    compare("entities", s.entities, report_.entities);
    compare("facts", s.facts, report_.facts);
    compare("evidence", s.evidence, report_.evidence);
    compare("sources", s.sources, report_.sources);
    return Status::Ok();
  }

  const RocksDb& db_;
  CheckReport report_;
  uint64_t spo_fingerprint_ = 0;
  uint64_t source_evidence_fingerprint_ = 0;
  uint64_t groups_fingerprint_ = 0;
  uint64_t groups_expected_ = 0;
  std::unordered_set<EntityId> used_entities_;
  std::unordered_set<PredicateId> used_predicates_;
};

}  // namespace

Result<CheckReport> CheckStore(const RocksDb& db) { return Checker(db).Run(); }

}  // namespace kg::store
