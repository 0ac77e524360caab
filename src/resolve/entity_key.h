// Decides which entity a name as written refers to, before the curated ledger is applied: the resolution
// key, the entity type and, for countries, the canonical name and ISO code.
//
// Keys: "iso:ES" for a country recognised in any language; otherwise the normalised name, with a legal
// suffix stripped for organisations ("microsoft corp" -> "microsoft"). Pure and thread-safe.
#ifndef KG_RESOLVE_ENTITY_KEY_H_
#define KG_RESOLVE_ENTITY_KEY_H_

#include <string>
#include <vector>

#include "kg/model.h"

namespace kg::resolve {

struct KeyedName {
  std::string key;
  EntityType type = EntityType::kOther;
  std::string canonical_name;  // the name a new entity gets: "Spain" for "Espagne", else as written
  std::string iso_code;
};

// `allowed` lists the types the predicate allows in this position (its domain or range); empty means
// any. The type is the input's when it gives one, Country when the gazetteer knows the name and Country
// is allowed, and otherwise the first allowed type (Other when there is none).
KeyedName KeyForName(const EntityRef& ref, const std::vector<EntityType>& allowed);

// The keys a name typed by a person (`kg entity`, `kg merge`, ...) may be filed under, most likely first:
// its key as an untyped name, then its plain normalised form (a Person "John Co" keeps "co").
std::vector<std::string> CandidateKeys(const std::string& name);

}  // namespace kg::resolve

#endif  // KG_RESOLVE_ENTITY_KEY_H_
