// Parses kg's read-only Cypher subset into the syntax tree of cypher_ast.h:
//
//   MATCH pattern, ... [WHERE expr] [MATCH ... [WHERE ...]]...
//   RETURN [DISTINCT] (* | expr [AS name]), ... [ORDER BY expr [ASC|DESC], ...] [SKIP n] [LIMIT n] [;]
//
// Stateless and thread-safe.
#ifndef KG_QUERY_CYPHER_PARSER_H_
#define KG_QUERY_CYPHER_PARSER_H_

#include <string_view>

#include "kg/status.h"
#include "query/cypher_ast.h"

namespace kg::query {

// Parses one query. On failure returns InvalidArgument with a message "L:C: ..." (1-based line, and column
// in code points) such as "1:1: expected MATCH, found 'MATCHH'". Besides syntax errors it rejects:
// - clauses that write ("kg queries are read-only: CREATE is not supported") and Cypher outside kg's subset
//   (OPTIONAL MATCH, WITH, UNWIND, CALL, UNION, $parameters, path variables, arithmetic);
// - a variable used in WHERE, RETURN or ORDER BY that no earlier pattern binds (ORDER BY may also name a
//   RETURN column), and one variable used for both a node and a relationship, or for two relationships;
// - aggregates in WHERE or inside another aggregate, two RETURN columns with the same name, and RETURN *
//   when no pattern names a variable.
// Returns ResourceExhausted for expressions nested over 200 levels deep.
[[nodiscard]] Result<Query> ParseCypher(std::string_view text);

}  // namespace kg::query

#endif  // KG_QUERY_CYPHER_PARSER_H_
