// The values kg's public API speaks in: assertions that go in, entities, facts and evidence that come out.
// Plain structs with no behaviour; see schemas/assertion.schema.json for the input contract they mirror.
#ifndef KG_MODEL_H_
#define KG_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kg {

enum class EntityType { kOther = 0, kOrganization, kCountry, kPerson, kCity, kRegion, kFacility };

// "Organization", "Country", ... as written in the schema.
const char* EntityTypeName(EntityType type);
// The type named `name` exactly as in the schema, or nullopt.
std::optional<EntityType> ParseEntityType(const std::string& name);

// A subject or object as an assertion names it.
struct EntityRef {
  std::string name;                 // as written
  std::optional<EntityType> type;   // when the input says
  std::string external_id;          // Wikidata QID or ISO code, when the input says
  std::string lang;                 // language of `name`, when known
};

// One line of input: a triple with its qualifiers and provenance. The qualifiers (amount, currency, date,
// period) tell one reported investment from another; the rest says who reported it and where.
struct Assertion {
  EntityRef subject;
  std::string predicate;
  EntityRef object;

  std::optional<double> amount;
  std::string currency;
  std::string date;
  std::string period;
  std::optional<double> confidence;

  std::string source_uri;
  std::string source_title;
  std::string source_published;

  std::string evidence_text;
  std::optional<int64_t> evidence_start;
  std::optional<int64_t> evidence_end;
  std::string extractor;
};

struct Alias {
  std::string name;
  std::string lang;
};

struct Entity {
  uint64_t id = 0;
  EntityType type = EntityType::kOther;
  std::string name;                // canonical display name
  std::vector<Alias> aliases;      // every distinct spelling seen, including the canonical one
  std::string iso_code;            // countries only
  std::string external_id;         // as given by the input (e.g. a Wikidata QID)
};

// One sighting of a fact, kept as the assertion that reported it.
struct Evidence {
  Assertion assertion;
};

// An edge of the graph with everything that supports it. `qualifier_sets` is the number of distinct
// (amount, currency, date, period) combinations among its evidence: two investments stay two.
struct Fact {
  uint64_t subject_id = 0;
  std::string predicate;
  uint64_t object_id = 0;
  std::vector<Evidence> evidence;
};

struct StoreStats {
  uint64_t entities = 0;
  uint64_t facts = 0;
  uint64_t evidence = 0;
  uint64_t sources = 0;
  uint64_t ledger_rules = 0;
};

}  // namespace kg

#endif  // KG_MODEL_H_
