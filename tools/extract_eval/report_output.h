// Prints an evaluation Report for people (an aligned table) or for programs (one JSON document).
// Stateless functions, safe to call from any thread with separate streams.
#ifndef KG_TOOLS_EXTRACT_EVAL_REPORT_OUTPUT_H_
#define KG_TOOLS_EXTRACT_EVAL_REPORT_OUTPUT_H_

#include <ostream>

#include "extract_eval/scoring.h"

namespace kg::eval {

// Per predicate (every vocabulary predicate, then any other one predicted), overall micro-averaged
// precision, recall and F1, qualifier accuracy on matched pairs, and one line per article.
void PrintTable(const Report& report, std::ostream& out);

// The same numbers as a JSON object: {"predicates": {...}, "overall": {...}, "qualifiers": {...},
// "articles": [...]}. Ratios are numbers from 0 to 1.
void PrintJson(const Report& report, std::ostream& out);

}  // namespace kg::eval

#endif  // KG_TOOLS_EXTRACT_EVAL_REPORT_OUTPUT_H_
