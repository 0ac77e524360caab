// A light, allocation-cheap scanner that the amount and date parsers match their patterns on.
//
// It differs from Segmenter's ICU word tokens on purpose: digits are never joined with separators
// ("1,9" is three tokens, so the parsers decide what a comma means), apostrophes split French elisions
// ("d’euros" is "d", "'", "euros"), and every word carries a lower-case form. Stateless and thread-safe.
#ifndef KG_EXTRACT_TOKEN_SCANNER_H_
#define KG_EXTRACT_TOKEN_SCANNER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kg/status.h"

namespace kg::extract {

// A half-open range of the analysed text, in two units. Byte offsets index the UTF-8 string; char offsets
// count Unicode code points, which is the unit of the assertion schema's evidence.start/end (a Python
// str index, a JSON consumer's "character"). Both are relative to the text the function was given.
struct TextSpan {
  size_t begin = 0;       // first byte
  size_t end = 0;         // one past the last byte
  size_t char_begin = 0;  // first code point
  size_t char_end = 0;    // one past the last code point
};

enum class ScanKind {
  kWord,    // letters (and combining marks), lower-cased in `lower`
  kDigits,  // a run of ASCII digits only
  kOther,   // any other single code point that is not white space: punctuation, symbols, controls
};

struct ScanToken {
  ScanKind kind = ScanKind::kOther;
  TextSpan span;
  std::string lower;          // lower-case text; apostrophes (’ ‘ ') read as "'"
  bool space_before = false;  // white space (including no-break spaces) separates it from the previous token
};

// OK when `text` is well-formed UTF-8; otherwise InvalidArgument naming the byte offset of the first bad
// sequence ("invalid UTF-8 at byte 17").
Status ValidateUtf8(std::string_view text);

// The tokens of `text`, white space dropped. InvalidArgument for malformed UTF-8 (see ValidateUtf8).
Result<std::vector<ScanToken>> ScanTokens(std::string_view text);

// True when `c` is a space that may group thousands or separate words: ASCII space, tab, U+00A0 or
// U+202F (the narrow no-break space French typography puts in "500 000").
bool IsSpaceCodePoint(int32_t c);

}  // namespace kg::extract

#endif  // KG_EXTRACT_TOKEN_SCANNER_H_
