// Finds sums of money in a sentence: "1,9 milliard d'euros", "$10bn", "7.500 millones de euros".
//
// A number is money when a currency stands beside it (a symbol, an ISO code or a currency word, before or
// after, possibly behind "de"/"d'"/"of") or when a scale word follows it ("3,2 milliards"); in the second
// case the currency comes from the nearest currency mention in the text, else from the caller's default.
// Years, percentages and counts ("200 emplois", "2 millions d'habitants") are not amounts. Decimal commas
// and thousands separators are told apart by digit grouping and by the language (of the scale word when
// there is one, else the caller's). Stateless and thread-safe.
#ifndef KG_EXTRACT_AMOUNT_PARSER_H_
#define KG_EXTRACT_AMOUNT_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/token_scanner.h"
#include "kg/status.h"

namespace kg::extract {

struct AmountOptions {
  // "fr", "en", "es", "de" or "" (unknown). Settles "1.500"/"1,500" when nothing else does (unknown reads
  // them the English way) and whether "billion" is 1e9 (English, unknown) or 1e12 (French, German).
  std::string language;
  // ISO 4217 code for amounts with a scale word and no currency anywhere in the text; may be empty.
  std::string default_currency;
};

struct Amount {
  double value = 0;                // in units of the currency: "1,9 milliard" is 1.9e9
  std::string currency;            // ISO 4217 code, or "" when neither the text nor the default gives one
  bool currency_inferred = false;  // the currency is not beside the number but from context or the default
  TextSpan span;                   // the number with its scale word and adjacent currency
};

// The amounts in `text`, in order of appearance; offsets are relative to `text`. A value over 1e18 (the
// schema's maximum, which also keeps 400-digit strings from becoming inf) is not an amount and is skipped.
// InvalidArgument for malformed UTF-8, naming the byte offset.
Result<std::vector<Amount>> FindAmounts(std::string_view text, const AmountOptions& options = {});

}  // namespace kg::extract

#endif  // KG_EXTRACT_AMOUNT_PARSER_H_
