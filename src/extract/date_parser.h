// Finds dates and periods in text: "le 12 mars 2023", "February 2024", "au premier trimestre 2024",
// "over the next two years", "d'ici 2026", "l'an dernier".
//
// A mention has a calendar value at the precision the text states ("2024", "2024-02" or "2024-02-12", the
// schema's `date` form) and/or a period (the schema's free `period`):
//   - quarters and halves keep the year as the value and name the part: "Q1".."Q4", "H1", "H2" (ISO 8601
//     has no quarter notation that readers know, and the fact really is dated to that year);
//   - spans of time are ISO 8601 durations with no value: "au cours des deux prochaines années" is "P2Y";
//   - deadlines are "until <date>" with no value: "d'ici 2026" is "until 2026", "by June 2026" "until 2026-06".
// Relative dates ("hier", "last year", "el año pasado") are resolved against the reference date; without
// one, or when it is less precise than the mention needs, they are left out. Month names and phrasings
// cover French, English, Spanish and German. Stateless and thread-safe.
#ifndef KG_EXTRACT_DATE_PARSER_H_
#define KG_EXTRACT_DATE_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/token_scanner.h"
#include "kg/status.h"

namespace kg::extract {

struct DateOptions {
  // When the text was written, "YYYY", "YYYY-MM" or "YYYY-MM-DD" (typically the article's date); may be
  // empty. Relative mentions need it.
  std::string reference_date;
  // "fr", "en", "es", "de" or "": decides day-month order in "03/04/2024" (month first only in English).
  std::string language;
};

struct DateMention {
  std::string value;   // "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty for durations and deadlines
  std::string period;  // "Q1".."Q4", "H1", "H2", an ISO 8601 duration ("P2Y"), "until <date>", or empty
  TextSpan span;
};

// The date mentions of `text` in order of appearance; offsets are relative to `text`. A four-digit
// number standing alone is read as a year only between 1900 and 2100 and only when a preposition such as
// "en", "in", "depuis", "seit" introduces it or punctuation ends it ("2000 emplois" is a count).
// InvalidArgument for malformed UTF-8 (with the byte offset) or a malformed reference_date.
Result<std::vector<DateMention>> FindDates(std::string_view text, const DateOptions& options = {});

}  // namespace kg::extract

#endif  // KG_EXTRACT_DATE_PARSER_H_
