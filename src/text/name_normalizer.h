// Turns a name as written into the key kg resolves entities by.
//
// "Microsoft Corp.", "MICROSOFT" and "microsoft" share one key; so do "España" and "espana". The rules are
// NFKC with case folding (ICU's nfkc_cf), accents removed, punctuation turned into spaces and whitespace
// collapsed. Stateless and thread-safe.
#ifndef KG_TEXT_NAME_NORMALIZER_H_
#define KG_TEXT_NAME_NORMALIZER_H_

#include <string>
#include <string_view>

namespace kg::text {

// The normalised form of `name`: lower case, no accents, words separated by single spaces. Returns an
// empty string when nothing but punctuation and space is left. Invalid UTF-8 is replaced by U+FFFD first.
std::string NormalizeName(std::string_view name);

// `normalized` (the output of NormalizeName) without a trailing legal-form suffix such as "inc", "corp",
// "s a", "se", "ag", "gmbh" or "ltd". A name that is nothing but a suffix is returned unchanged.
std::string StripLegalSuffix(const std::string& normalized);

}  // namespace kg::text

#endif  // KG_TEXT_NAME_NORMALIZER_H_
