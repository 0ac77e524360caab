// Currencies by code and by name from ISO 4217 (iso_currencies.h), for the amount parser: "SEK",
// "couronnes suédoises", "Schweizer Franken", "dólares canadienses".
//
// The amount parser reads them only right after an amount: codes and names of one word ("AMD", "rand",
// "dong") are too often something else, and elsewhere a lookup per word would cost more than it finds.
#ifndef KG_EXTRACT_CURRENCY_NAMES_H_
#define KG_EXTRACT_CURRENCY_NAMES_H_

#include <string_view>
#include <vector>

#include "extract/phrase_table.h"
#include "extract/token_scanner.h"

namespace kg::extract {

struct IsoCurrencyMatch {
  std::string_view code;  // empty when nothing matches
  size_t length = 0;      // in tokens
};

// Whether `code` (upper case, three letters) is a current ISO 4217 code.
bool IsIsoCurrencyCode(std::string_view code);

// The longest ISO 4217 name that starts at tokens[i]; names of one word only when `one_word_too`.
IsoCurrencyMatch IsoCurrencyNameAt(const std::vector<ScanToken>& tokens, size_t i, bool one_word_too);

}  // namespace kg::extract

#endif  // KG_EXTRACT_CURRENCY_NAMES_H_
