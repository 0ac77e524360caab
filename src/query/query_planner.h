// Turns a parsed query into a plan: resolves names and predicates against the store, checks property
// names, and orders the pattern so the executor starts from the most selective part.
//
// The order is greedy. The first step is the cheapest anchor: a node fixed by name (one row), else the
// relationship whose predicates have the fewest facts (counted in the pos index, up to a cap), else a
// scan of the entities. Each next step expands from a bound node across the relationship with the
// smallest expected fan-out: counted for nodes fixed by name, averaged over the graph otherwise. WHERE
// conjuncts run as soon as their variables are bound.
#ifndef KG_QUERY_QUERY_PLANNER_H_
#define KG_QUERY_QUERY_PLANNER_H_

#include <string>
#include <string_view>

#include "kg/status.h"
#include "query/cypher_ast.h"
#include "query/query_plan.h"
#include "store/index_reader.h"

namespace kg::query {

// The plan for `query`, which must outlive it (the plan points into its WHERE clause). InvalidArgument
// for an unknown label, predicate or property, with the line and column in `text` it was written at.
Result<Plan> PlanQuery(const Query& query, std::string_view text, store::IndexReader& reader);

// Node and relationship properties a query may read, as documented in the README.
bool IsNodeProperty(const std::string& key);
bool IsRelProperty(const std::string& key);

}  // namespace kg::query

#endif  // KG_QUERY_QUERY_PLANNER_H_
