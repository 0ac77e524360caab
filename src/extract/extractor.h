// kg's built-in extractor: from a news article (French or English, with Spanish and German lexicons
// too) to assertions in the input schema, offline and with no model.
//
// ExtractArticle cuts the article into sentences (ICU), finds the entities of each sentence
// (entity_finder.h), applies the title and trigger rules (relation_rules.h) with the article's context
// (document_context.h), and attaches amounts (FindAmounts) and dates (FindDates, the article's date as a
// fallback) to the events. The word lists are data in schemas/lexicons/ (lexicon.h). Every assertion
// names its source, cites its sentence with code-point offsets into the article text, and carries a
// confidence and the extractor's name and version (kExtractorName). Stateless and thread-safe.
#ifndef KG_EXTRACT_EXTRACTOR_H_
#define KG_EXTRACT_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "kg/model.h"
#include "kg/status.h"

namespace kg::extract {

// The value of every assertion's `extractor` field; the version changes when the rules or lexicons do.
inline constexpr const char* kExtractorName = "kg-extract/0.1";

struct ArticleInfo {
  std::string title;      // first line, markdown "# " heading or <title>; "" when none
  std::string published;  // "YYYY[-MM[-DD]]" found near the top; "" when none
  std::string language;   // "fr", "en", "es", "de", or "" when it could not be told
};

// Why a fact was or was not asserted: what `kg extract --explain` prints.
struct Explanation {
  std::string subject, predicate, object;
  std::string rule;     // "title", "trigger/svo", "nationality", "place-comma", ...
  std::string trigger;  // the words that fired the rule, as written
  // The arguments as written, with code-point offsets into the article text; empty text and -1 when the
  // argument comes from the article's context ("la société" resolved earlier, the article's company).
  std::string subject_text, object_text;
  int64_t subject_start = -1, subject_end = -1, object_start = -1, object_end = -1;
  int64_t sentence_start = 0, sentence_end = 0;
  double confidence = 0;
  std::string rejected;  // "" when asserted; otherwise why not ("the sentence talks of a deal not made")
};

struct ExtractOptions {
  std::string source_uri;          // the article's path or URI, copied to every assertion's source.uri
  std::string format = "txt";      // txt | md | html
  std::string reference_date;      // the article's date when the text gives none; may be empty
  std::string language;            // force "fr", "en", "es" or "de" instead of detecting it
  bool explain = false;            // fill Extraction::explanations
};

struct Extraction {
  ArticleInfo article;
  // In the order of the sentences, one per triple: a restated fact keeps its first sentence (and takes a
  // later amount when the first had none).
  std::vector<Assertion> assertions;
  // With ExtractOptions::explain: every fact a rule proposed, in sentence order, asserted or not.
  std::vector<Explanation> explanations;
};

// The article format a path's extension names: "txt" (.txt, .text), "md" (.md, .markdown) or "html"
// (.html, .htm), in any case; "" for any other extension.
std::string ArticleFormatFromPath(std::string_view path);

// Extracts the facts of one article. An empty or all-space article gives an empty extraction.
// InvalidArgument when the bytes hold a NUL (binary data) or are not valid UTF-8 (naming the byte
// offset), or for an unknown format or a malformed reference_date; ResourceExhausted for a text over
// 256 MiB. Sentences over 10,000 code points (the schema's evidence limit) are skipped.
Result<Extraction> ExtractArticle(std::string_view bytes, const ExtractOptions& options);

}  // namespace kg::extract

#endif  // KG_EXTRACT_EXTRACTOR_H_
