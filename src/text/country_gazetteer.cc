#include "text/country_gazetteer.h"

#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include <cctype>
#include <string_view>
#include <vector>

#include "text/name_normalizer.h"

namespace kg::text {
namespace {

// Display languages tried first: where two countries share a name in different languages, the earlier
// language wins, so the English, French, Spanish and German readings of a name take precedence.
constexpr std::string_view kPreferredLanguages[] = {"en", "fr", "es", "de", "it", "pt", "nl"};

std::vector<std::string> DisplayLanguages() {
  std::vector<std::string> languages(std::begin(kPreferredLanguages), std::end(kPreferredLanguages));
  int32_t count = uloc_countAvailable();
  for (int32_t i = 0; i < count; ++i) {
    std::string locale = uloc_getAvailable(i);
    // Only plain languages ("fr", "de"); regional variants repeat the same country names.
    if (locale.find('_') != std::string::npos) continue;
    bool seen = false;
    for (const auto& l : languages) seen = seen || l == locale;
    if (!seen) languages.push_back(locale);
  }
  return languages;
}

}  // namespace

const CountryGazetteer& CountryGazetteer::Instance() {
  static const CountryGazetteer* instance = new CountryGazetteer();  // never destroyed: used at exit too
  return *instance;
}

CountryGazetteer::CountryGazetteer() {
  std::vector<std::string> codes;
  for (const char* const* c = uloc_getISOCountries(); *c != nullptr; ++c) codes.emplace_back(*c);

  icu::Locale english("en");
  for (const auto& code : codes) {
    icu::UnicodeString display;
    icu::Locale("und", code.c_str()).getDisplayCountry(english, display);
    std::string name;
    display.toUTF8String(name);
    // ICU answers with the code itself when it has no name: such codes are left out.
    if (name.empty() || name == code) continue;
    names_[code] = name;
  }

  for (const auto& language : DisplayLanguages()) {
    icu::Locale display_locale(language.c_str());
    for (const auto& [code, unused] : names_) {
      icu::UnicodeString display;
      icu::Locale("und", code.c_str()).getDisplayCountry(display_locale, display);
      std::string name;
      display.toUTF8String(name);
      if (name.empty() || name == code) continue;
      std::string key = NormalizeName(name);
      if (!key.empty()) by_name_.emplace(key, code);  // emplace keeps the earlier language's reading
    }
  }
}

std::optional<Country> CountryGazetteer::FindByName(const std::string& normalized_name) const {
  auto it = by_name_.find(normalized_name);
  if (it == by_name_.end()) return std::nullopt;
  return Country{it->second, names_.at(it->second)};
}

std::optional<Country> CountryGazetteer::FindByCode(const std::string& iso_code) const {
  std::string upper = iso_code;
  for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  auto it = names_.find(upper);
  if (it == names_.end()) return std::nullopt;
  return Country{it->first, it->second};
}

}  // namespace kg::text
