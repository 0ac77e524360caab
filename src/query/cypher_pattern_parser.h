// The pattern part of the Cypher parser: (a:Organization {name: 'Microsoft'})-[r:invests_in*1..3]->(b).
#ifndef KG_QUERY_CYPHER_PATTERN_PARSER_H_
#define KG_QUERY_CYPHER_PATTERN_PARSER_H_

#include "kg/status.h"
#include "query/cypher_ast.h"
#include "query/cypher_cursor.h"

namespace kg::query {

// Parses one path pattern, a node pattern followed by any number of (relationship, node) pairs, and leaves
// the cursor on the token after it. Returns InvalidArgument "L:C: ..." for a malformed pattern, a property
// value that is not a literal, a key given twice in one map, a bad hop range (the minimum above the
// maximum, or more than kUnboundedHops hops), and for path variables (p = ...), which kg does not support.
Result<PathPattern> ParsePathPattern(TokenCursor& cursor);

}  // namespace kg::query

#endif  // KG_QUERY_CYPHER_PATTERN_PARSER_H_
