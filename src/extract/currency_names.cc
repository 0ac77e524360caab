#include "extract/currency_names.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "extract/iso_currencies.h"

namespace kg::extract {
namespace {

// The names split as ScanTokens splits text, in two tables; the payload is the name's index.
struct NameTables {
  PhraseTable one_word;
  PhraseTable longer;
};

const NameTables& Tables() {
  static const NameTables* tables = [] {
    auto* t = new NameTables;
    for (size_t i = 0; i < kIsoCurrencyNameCount; ++i) {
      auto tokens = ScanTokens(kIsoCurrencyNames[i].name);
      if (!tokens.ok() || tokens->empty()) continue;
      (tokens->size() == 1 ? t->one_word : t->longer).Add(kIsoCurrencyNames[i].name, static_cast<int>(i));
    }
    return t;
  }();
  return *tables;
}

}  // namespace

bool IsIsoCurrencyCode(std::string_view code) {
  if (code.size() != 3) return false;
  const char* const* end = kIsoCurrencyCodes + kIsoCurrencyCodeCount;
  return std::binary_search(kIsoCurrencyCodes, end, code,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

IsoCurrencyMatch IsoCurrencyNameAt(const std::vector<ScanToken>& tokens, size_t i, bool one_word_too) {
  const NameTables& tables = Tables();
  PhraseTable::Match m = tables.longer.LongestAt(tokens, i);
  if (m.length == 0 && one_word_too) m = tables.one_word.LongestAt(tokens, i);
  if (m.length == 0 || m.payload < 0) return {};
  return {kIsoCurrencyNames[m.payload].code, m.length};
}

}  // namespace kg::extract
