// The expression part of the Cypher parser: WHERE conditions, RETURN and ORDER BY items, and property map
// values. Precedence, loosest first: OR, XOR, AND, NOT, then one level for comparisons (= <> < <= > >=),
// IN, STARTS WITH, ENDS WITH, CONTAINS and IS [NOT] NULL, then unary minus, then property access, function
// calls and atoms. Arithmetic has no place in the syntax tree and is refused by name.
#ifndef KG_QUERY_CYPHER_EXPR_PARSER_H_
#define KG_QUERY_CYPHER_EXPR_PARSER_H_

#include <string_view>

#include "kg/status.h"
#include "query/cypher_ast.h"
#include "query/cypher_cursor.h"

namespace kg::query {

// Parses one expression at the cursor and leaves the cursor on the first token that cannot continue it.
// Returns InvalidArgument "L:C: ..." for a malformed or unsupported expression, an unknown function, or a
// function called with the wrong number of arguments.
Result<Expr> ParseExpression(TokenCursor& cursor);

// True for count, sum, min, max, avg and collect (lower case).
bool IsAggregateFunction(std::string_view name);

// The first aggregate call (kFunction with an aggregate name, or kCountStar) in `expr`, searched depth
// first and `expr` itself first; nullptr when there is none.
const Expr* FindAggregate(const Expr& expr);

// True when `expr` is a literal or a list of such: what a property map {key: value} may hold.
bool IsConstant(const Expr& expr);

}  // namespace kg::query

#endif  // KG_QUERY_CYPHER_EXPR_PARSER_H_
