// Turns an article file into the plain text the extractor reads, with its title and publication date.
//
// Plain text is kept as it is. Markdown loses its heading marks, emphasis, code ticks and link targets;
// HTML loses scripts, styles, comments and tags (block tags become line breaks) and has its character
// entities decoded. Both are cheap, single-pass strippings, not full parsers: evidence offsets index the
// stripped text. The title is the first line (when short enough to be one), the first "# " heading, or
// <title>; the publication date is an ISO date near the top ("2024-03-14", "date 2024-02") or a written
// date on the first lines. Stateless and thread-safe.
#ifndef KG_EXTRACT_ARTICLE_TEXT_H_
#define KG_EXTRACT_ARTICLE_TEXT_H_

#include <string>
#include <string_view>

#include "kg/status.h"

namespace kg::extract {

struct ArticleText {
  std::string text;       // what sentences are cut from
  std::string title;      // "" when none was found
  std::string published;  // "YYYY", "YYYY-MM" or "YYYY-MM-DD", or ""
};

// `format` is "txt", "md" or "html" ("htm" and "markdown" are accepted too). `bytes` must be valid UTF-8
// (the caller checks). InvalidArgument for an unknown format.
Result<ArticleText> PrepareArticle(std::string_view bytes, const std::string& format);

// The first ISO calendar date ("2024-03-14", "2024-02") in `text` standing as a word of its own, with a
// year in 1900..2100 and a valid month and day; "" when there is none.
std::string FirstIsoDate(std::string_view text);

}  // namespace kg::extract

#endif  // KG_EXTRACT_ARTICLE_TEXT_H_
