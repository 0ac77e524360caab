// Splits text into sentences and tokens with ICU's break iterators, so that what the extractor cites as
// evidence lines up with the text it read.
//
// Offsets come in bytes and in code points (TextSpan). The assertion schema leaves the unit of
// evidence.start/end unstated; kg writes code points, the unit of a JSON or Python string index, so an
// `evidence.text` can be checked with text[start:end] by any consumer. Sentence breaks are suppressed
// after the abbreviations news prose uses ("M.", "Mr.", "Dr.", "S.A.", "Inc.", "p. ex.", "etc.", "U.S.",
// …). The functions are thread-safe: each thread keeps its own ICU iterators.
#ifndef KG_EXTRACT_SEGMENTER_H_
#define KG_EXTRACT_SEGMENTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/token_scanner.h"
#include "kg/status.h"

namespace kg::extract {

enum class TokenKind {
  kWord,         // letters, possibly with inner apostrophes or hyphens as ICU joins them ("l'Espagne")
  kNumber,       // digits, with the separators ICU keeps inside ("1,9", "7.500")
  kPunctuation,  // everything else that is not white space: punctuation, symbols (€, %), controls
};

struct Token {
  TokenKind kind = TokenKind::kWord;
  TextSpan span;
  std::string text;  // the bytes of the span
};

struct Sentence {
  TextSpan span;  // trailing white space excluded
  std::vector<Token> tokens;
};

// The sentences of `text`, each with its tokens; offsets are relative to `text`. An empty or all-space
// text gives no sentences. InvalidArgument for malformed UTF-8 (with the byte offset), ResourceExhausted
// for a text over 256 MiB, Internal if ICU cannot build its iterators.
Result<std::vector<Sentence>> Segment(std::string_view text);

// The word, number and punctuation tokens of `text` (white space dropped), as in Segment.
Result<std::vector<Token>> Tokenize(std::string_view text);

}  // namespace kg::extract

#endif  // KG_EXTRACT_SEGMENTER_H_
