// Parses kg's one-line query shorthand, such as
//
//   ?who invests_in Spain . ?who acquires ?company
//
// into the same syntax tree as the equivalent Cypher
//
//   MATCH (who)-[:invests_in]->({name: 'Spain'}), (who)-[:acquires]->(company)
//   RETURN who.name AS who, company.name AS company
//
// Stateless and thread-safe.
#ifndef KG_QUERY_SHORTHAND_PARSER_H_
#define KG_QUERY_SHORTHAND_PARSER_H_

#include <string_view>

#include "kg/status.h"
#include "query/cypher_ast.h"

namespace kg::query {

// Parses triples "subject predicate object" separated by " . " (a dot with space on both sides; one may
// also end the text). A subject or object is a ?variable, a quoted string ('Banco Santander') or a bare word
// (Microsoft), the last two naming an entity. A predicate is a name (invests_in) or a ?variable. Each
// triple becomes one pattern (s)-[:predicate]->(o); entities become anonymous nodes {name: '...'}. The
// query returns every variable in order of first appearance: x.name AS x for an entity variable, type(p)
// AS p for a predicate variable.
// Returns InvalidArgument "L:C: ..." for a triple without three terms, a predicate that is no name, a
// variable used both as an entity and as a predicate or as the predicate of two triples, and a text
// with no variable ("the pattern has no ?variable to return").
[[nodiscard]] Result<Query> ParseShorthand(std::string_view text);

// True when `text` should go to ParseShorthand rather than ParseCypher: it starts (after spaces) with '?',
// or its first word is no Cypher clause keyword (MATCH, RETURN, CREATE, OPTIONAL, WITH, ...) and no
// comment starts it. An entity whose name is such a keyword can be quoted: 'Match Group' acquires ?x.
bool LooksLikeShorthand(std::string_view text);

}  // namespace kg::query

#endif  // KG_QUERY_SHORTHAND_PARSER_H_
