// ISO 4217 currencies as Debian's iso-codes package has them, compiled in at build time:
// cmake/currencies.cmake runs tools/gazetteer/make_currencies.py, which writes the definitions.
#ifndef KG_EXTRACT_ISO_CURRENCIES_H_
#define KG_EXTRACT_ISO_CURRENCIES_H_

#include <cstddef>

namespace kg::extract {

// Current currency codes ("EUR", "SEK"), sorted.
extern const char* const kIsoCurrencyCodes[];
extern const size_t kIsoCurrencyCodeCount;

// Currency names in English, French, Spanish and German, lower case, singular and plural
// ("couronnes suédoises" -> "SEK"); a name two currencies share is left out.
struct IsoCurrencyName {
  const char* name;
  const char* code;
};
extern const IsoCurrencyName kIsoCurrencyNames[];
extern const size_t kIsoCurrencyNameCount;

}  // namespace kg::extract

#endif  // KG_EXTRACT_ISO_CURRENCIES_H_
