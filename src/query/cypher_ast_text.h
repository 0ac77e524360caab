// A one-line text form of the query syntax tree, for tests, debugging and `kg query --explain`-style output.
// It reads like Cypher with every operator parenthesised and every default spelled out, so two trees print
// the same exactly when they are equal except for source positions, which it leaves out.
#ifndef KG_QUERY_CYPHER_AST_TEXT_H_
#define KG_QUERY_CYPHER_AST_TEXT_H_

#include <string>

#include "query/cypher_ast.h"

namespace kg::query {

// For example "(a = 1)", "count(DISTINCT b)", "[1, 'x']", "(NOT (a.name IS NULL))". Names are printed
// as they are, without backticks.
std::string DescribeExpr(const Expr& expr);

// For example "MATCH (a:Organization {name: 'Microsoft'})-[r:invests_in*1..3]->(b) WHERE (b.name <> 'x')
// RETURN DISTINCT a.name AS a.name ORDER BY a.name DESC SKIP 1 LIMIT 5". Every relationship is written
// with brackets, every return item with AS.
std::string DescribeQuery(const Query& query);

}  // namespace kg::query

#endif  // KG_QUERY_CYPHER_AST_TEXT_H_
