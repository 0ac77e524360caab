// Recognises country names in any language ICU has locale data for.
//
// "Espagne", "España", "Spanien" and "Spain" all map to ES, with the English display name "Spain" as the
// canonical name. The table is built from ICU's locale display names the first time it is used (a few
// tens of milliseconds) and is immutable afterwards, so lookups are thread-safe.
#ifndef KG_TEXT_COUNTRY_GAZETTEER_H_
#define KG_TEXT_COUNTRY_GAZETTEER_H_

#include <optional>
#include <string>
#include <map>
#include <unordered_map>

namespace kg::text {

struct Country {
  std::string iso_code;        // ISO 3166-1 alpha-2, such as "ES"
  std::string canonical_name;  // English display name, such as "Spain"
};

class CountryGazetteer {
 public:
  // The process-wide table, built on first use.
  static const CountryGazetteer& Instance();

  // The country whose name, in any language, normalises to `normalized_name` (see NormalizeName).
  std::optional<Country> FindByName(const std::string& normalized_name) const;

  // The country with ISO 3166-1 alpha-2 code `iso_code` (upper or lower case).
  std::optional<Country> FindByCode(const std::string& iso_code) const;

  size_t name_count() const { return by_name_.size(); }

 private:
  CountryGazetteer();

  std::unordered_map<std::string, std::string> by_name_;  // normalised name -> ISO code
  std::map<std::string, std::string> names_;               // ISO code -> canonical English name
};

}  // namespace kg::text

#endif  // KG_TEXT_COUNTRY_GAZETTEER_H_
