// Parses one line of N-Triples (W3C RDF 1.1 N-Triples grammar) into a triple of terms.
//
// A line holds one triple, or only white space and an optional comment. IRIs must be absolute (have a
// scheme); \u and \U escapes are decoded in IRIs and literals, ECHAR escapes in literals; a blank node
// label follows BLANK_NODE_LABEL with its Unicode ranges; literals may carry a language tag or a ^^
// datatype. Errors name the column (in code points, 1-based) of the offending character and the term
// ("subject", "predicate", "object", or "line" for what surrounds them). Stateless and thread-safe.
#ifndef KG_RDF_NTRIPLES_PARSER_H_
#define KG_RDF_NTRIPLES_PARSER_H_

#include <string>
#include <string_view>
#include <variant>

#include "schema/assertion_json.h"

namespace kg::rdf {

struct Term {
  enum class Kind { kIri, kBlank, kLiteral };
  Kind kind = Kind::kIri;
  std::string value;     // the IRI or blank node label, or a literal's lexical form, escapes decoded
  std::string datatype;  // a literal's datatype IRI; empty for a plain or language-tagged literal
  std::string lang;      // a literal's language tag, without '@'
  size_t offset = 0;     // byte offset of the term in its line, for error columns
};

struct Triple {
  Term subject;
  Term predicate;
  Term object;
};

// std::monostate for a blank or comment-only line.
using ParsedTriple = std::variant<std::monostate, Triple, schema::LineError>;

// Parses `line` (without its end-of-line characters).
ParsedTriple ParseNTriplesLine(std::string_view line);

}  // namespace kg::rdf

#endif  // KG_RDF_NTRIPLES_PARSER_H_
