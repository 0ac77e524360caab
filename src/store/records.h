// The values stored under kg's keys: entity and source records, counters and ledger rules, with their
// encodings. JSON for records (readable with `ldb`, and small next to evidence), fixed-width for counters.
#ifndef KG_STORE_RECORDS_H_
#define KG_STORE_RECORDS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "kg/model.h"
#include "kg/status.h"
#include "store/key_codec.h"

namespace kg::store {

// An entity as stored: the public Entity plus the resolution key it is filed under in `names`.
struct EntityRecord {
  Entity entity;
  std::string key;
};

// A source of evidence. Sources that `kg ingest` read as articles are documents: they also keep the
// hash of the bytes the facts were extracted from (so that an unchanged article is skipped) and the
// language it was read in.
struct SourceRecord {
  SourceId id = 0;
  std::string uri;
  std::string title;
  std::string published;
  std::string content_hash;  // "sha256:<hex>", documents only
  std::string language;      // documents only, when detected
  std::string extraction;    // documents only: the extractor and options that read it
};

// Store-wide counts, kept in meta under "counters" and rewritten by every unit.
struct Counters {
  StoreStats stats;
  EntityId next_entity_id = 1;
  SourceId next_source_id = 1;
  PredicateId next_predicate_id = 1;
};

// A curated resolution rule: names whose key is `from_key` resolve as `to_key` does.
struct LedgerRule {
  std::string from_key;
  std::string to_key;
  std::string from_name;  // as the person typed it
  std::string to_name;
  std::string kind;       // "alias" or "merge"
};

// An evidence record: the canonical JSONL line of the assertion that reported it. Predicates outside
// today's vocabulary are accepted, since the record may predate a vocabulary change. DataLoss when the
// record does not parse.
Result<Assertion> DecodeEvidence(std::string_view value);

using Ledger = std::map<std::string, LedgerRule>;  // by from_key

// Where `key` leads through the ledger's rules: the key of the entity it resolves to. Chains are
// followed for at most 64 steps, so a corrupt cycle cannot hang a lookup.
std::string FollowLedger(const Ledger& ledger, std::string key);

std::string EncodeEntity(const EntityRecord& record);
Result<EntityRecord> DecodeEntity(EntityId id, std::string_view value);

// What a graph snapshot keeps of an entity.
struct EntityHead {
  EntityType type = EntityType::kOther;
  std::string name;
};

// The type and name of an entity record, as DecodeEntity would give them. It scans the record's top
// level by hand, without building a JSON document, and hands anything unusual (escapes, whitespace, a
// missing or duplicate field) to DecodeEntity, which fails on it with DataLoss as usual. Unlike
// DecodeEntity it does not check the fields it skips (aliases, iso, xid); `kg check` does.
Result<EntityHead> DecodeEntityHead(EntityId id, std::string_view value);

std::string EncodeSource(const SourceRecord& record);
Result<SourceRecord> DecodeSource(SourceId id, std::string_view value);

std::string EncodeCounters(const Counters& counters);
Result<Counters> DecodeCounters(std::string_view value);

// The qualifier values of one qualifier set of a fact, the value of its `groups` key: binary, since a
// query streams them at a million a second. Every piece of evidence in the set has the same values (they
// are what the set's hash is taken over), so any of them gives the same encoding.
struct GroupValues {
  std::optional<double> amount;
  std::string_view currency;  // into the decoded value
  std::string_view date;
};
std::string EncodeGroupValues(const std::optional<double>& amount, std::string_view currency, std::string_view date);
// DataLoss when `value` is not an encoding EncodeGroupValues could have made.
Result<GroupValues> DecodeGroupValues(std::string_view value);

std::string EncodeRule(const LedgerRule& rule);
Result<LedgerRule> DecodeRule(std::string_view from_key, std::string_view value);

}  // namespace kg::store

#endif  // KG_STORE_RECORDS_H_
