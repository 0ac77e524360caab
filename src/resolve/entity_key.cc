#include "resolve/entity_key.h"

#include <algorithm>

#include "schema/predicate_vocabulary.h"
#include "text/country_gazetteer.h"
#include "text/name_normalizer.h"

namespace kg::resolve {
namespace {

std::string TrimmedRaw(const std::string& name) {
  size_t b = name.find_first_not_of(" \t\r\n");
  size_t e = name.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? name : name.substr(b, e - b + 1);
}

}  // namespace

KeyedName KeyForName(const EntityRef& ref, const std::vector<EntityType>& allowed) {
  KeyedName out;
  out.canonical_name = TrimmedRaw(ref.name);
  const std::string normalized = text::NormalizeName(ref.name);
  const auto& gazetteer = text::CountryGazetteer::Instance();

  const bool may_be_country = ref.type ? *ref.type == EntityType::kCountry : schema::TypeAllowed(allowed, EntityType::kCountry);
  if (may_be_country) {
    std::optional<text::Country> country;
    if (ref.type && !ref.external_id.empty()) country = gazetteer.FindByCode(ref.external_id);
    if (!country) country = gazetteer.FindByName(normalized);
    if (country) {
      out.key = "iso:" + country->iso_code;
      out.type = EntityType::kCountry;
      out.canonical_name = country->canonical_name;
      out.iso_code = country->iso_code;
      return out;
    }
  }

  if (ref.type) {
    out.type = *ref.type;
  } else if (!allowed.empty()) {
    out.type = allowed.front();
  }
  const bool organisation_like = out.type == EntityType::kOrganization || out.type == EntityType::kOther;
  out.key = organisation_like ? text::StripLegalSuffix(normalized) : normalized;
  // A name of nothing but punctuation ("???") still needs a key of its own; the raw form keeps it apart
  // from every normalised key, which never starts with "raw:".
  if (out.key.empty()) out.key = "raw:" + out.canonical_name;
  return out;
}

std::vector<std::string> CandidateKeys(const std::string& name) {
  std::vector<std::string> keys{KeyForName(EntityRef{name, std::nullopt, "", ""}, {}).key};
  std::string plain = text::NormalizeName(name);
  if (plain != keys.front() && !plain.empty()) keys.push_back(std::move(plain));
  return keys;
}

}  // namespace kg::resolve
