// The syntax tree of kg's read-only Cypher subset, shared by the Cypher parser, the shorthand parser
// (`?who invests_in ?where`) and the planner. Plain structs: the parser builds them, the planner only
// reads them. Positions are byte offsets into the query text, for error messages.
#ifndef KG_QUERY_CYPHER_AST_H_
#define KG_QUERY_CYPHER_AST_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kg/value.h"

namespace kg::query {

struct Expr {
  enum class Kind {
    kLiteral,     // literal: null, true, 42, 1.5, 'text'
    kList,        // args: the items of [a, b, c]
    kVariable,    // name: a
    kProperty,    // name.property: a.name
    kNot,         // args[0]
    kNegate,      // -args[0]
    kAnd,         // args[0] AND args[1] AND ...: two or more operands, one node for a whole chain
    kOr,          // args[0] OR args[1] OR ...: likewise
    kXor,         // args[0] XOR args[1] XOR ...: likewise
    kCompare,     // args[0] op args[1], op one of = <> < <= > >=
    kIn,          // args[0] IN args[1]
    kStartsWith,  // args[0] STARTS WITH args[1]
    kEndsWith,    // args[0] ENDS WITH args[1]
    kContains,    // args[0] CONTAINS args[1]
    kIsNull,      // args[0] IS NULL
    kIsNotNull,   // args[0] IS NOT NULL
    kFunction,    // name(args...), name lower-cased: count, sum, min, max, avg, collect, type, id, ...
    kCountStar,   // count(*)
  };

  Kind kind = Kind::kLiteral;
  Value literal;
  std::string name;      // kVariable, kProperty: the variable; kFunction: the function name
  std::string property;  // kProperty
  std::string op;        // kCompare
  bool distinct = false; // kFunction: count(DISTINCT x)
  std::vector<Expr> args;
  size_t position = 0;
};

// (a:Organization {name: 'Microsoft'}); every part optional.
struct NodePattern {
  std::string variable;                                 // empty when anonymous
  std::vector<std::string> labels;                      // entity types; all must hold
  std::vector<std::pair<std::string, Expr>> properties; // {key: value}, values are literals
  size_t position = 0;
};

enum class Direction { kOut, kIn, kBoth };  // -[]->, <-[]-, -[]-

// -[r:invests_in|acquires*1..3 {currency: 'EUR'}]->
struct RelPattern {
  std::string variable;                                 // empty when anonymous
  std::vector<std::string> types;                       // predicates; empty means any
  Direction direction = Direction::kBoth;
  std::vector<std::pair<std::string, Expr>> properties;
  bool variable_length = false;                         // written with *
  int min_hops = 1;                                     // *2.. gives 2; * alone gives 1
  int max_hops = 1;                                     // *..3 gives 3; * alone or *2.. gives kUnboundedHops
  size_t position = 0;
};

// The largest number of hops `*` or `*2..` stands for: a guard against walks over the whole graph.
inline constexpr int kUnboundedHops = 16;

// The most node patterns one query may hold, over all its MATCH patterns. The executor nests one loop
// per step and the planner compares every pair of relationships, so a pattern thousands of hops long
// would exhaust the stack or run for hours; no real question needs more than a few dozen.
inline constexpr size_t kMaxPatternNodes = 128;

// (a)-[r]->(b)<-[s]-(c): nodes.size() == rels.size() + 1, rels[i] joins nodes[i] and nodes[i + 1].
struct PathPattern {
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
};

struct ReturnItem {
  Expr expr;
  std::string alias;  // the AS name, or the expression's text as written (`a.name`, `count(*)`)
};

struct SortItem {
  Expr expr;
  bool descending = false;
};

// MATCH patterns [WHERE expr] RETURN [DISTINCT] items [ORDER BY ...] [SKIP n] [LIMIT n].
struct Query {
  std::vector<PathPattern> patterns;  // from every MATCH clause, in order, comma-separated ones included
  std::optional<Expr> where;          // several MATCH ... WHERE clauses are joined with AND
  bool distinct = false;
  bool return_all = false;            // RETURN *: every named variable, in order of first appearance
  std::vector<ReturnItem> items;
  std::vector<SortItem> order_by;
  std::optional<int64_t> skip;
  std::optional<int64_t> limit;
};

}  // namespace kg::query

#endif  // KG_QUERY_CYPHER_AST_H_
