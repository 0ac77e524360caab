// A query plan: the pattern's nodes and relationships with their constraints resolved against the store,
// and the order in which the executor binds them. QueryPlanner builds it; QueryExecutor runs it.
#ifndef KG_QUERY_QUERY_PLAN_H_
#define KG_QUERY_QUERY_PLAN_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kg/model.h"
#include "kg/value.h"
#include "query/cypher_ast.h"
#include "store/key_codec.h"

namespace kg::query {

// One variable of the pattern; anonymous pattern parts get a slot too, named "_1", "_2", ...
struct Slot {
  enum class Kind { kNode, kRel, kPath };  // kPath: a variable-length relationship, bound to its facts
  std::string name;
  Kind kind = Kind::kNode;
  bool named = false;   // written by the user, so RETURN * lists it
  bool needs_values = false;  // read by WHERE, RETURN or ORDER BY: relationships must decode evidence
  // A relationship read whole or for evidence_count, period, confidence or sources: only the evidence
  // has those. Without it, its amount, currency and date come from the `groups` family when the store
  // has one, with no read of evidence at all.
  bool needs_evidence = false;
  size_t position = 0;        // where it first appears in the query, for RETURN *'s column order
};

struct NodeSpec {
  int slot = 0;
  std::optional<EntityType> type;              // from labels and {type: ...}
  std::optional<store::EntityId> id;           // from {name: ...}, resolved through aliases
  std::string name;                            // that name as written, for Explain
  std::vector<std::pair<std::string, Value>> filters;  // other {key: value} properties
};

struct RelSpec {
  int slot = 0;
  int left = 0, right = 0;                     // NodeSpec indexes, in the order written
  Direction direction = Direction::kBoth;      // as written, from left to right
  std::vector<store::PredicateId> predicates;  // empty: any predicate
  std::vector<std::string> predicate_names;    // as written, for Explain
  bool variable_length = false;
  int min_hops = 1, max_hops = 1;
  std::vector<std::pair<std::string, Value>> filters;  // {key: value} on the qualifier set
};

struct Step {
  enum class Kind {
    kLookupNode,  // bind a node fixed by name
    kScanNodes,   // bind a node from every entity
    kScanRels,    // bind a relationship and both its ends from a predicate (or the whole spo) scan
    kExpand,      // from a bound node across a relationship to its other end
  };
  Kind kind = Kind::kLookupNode;
  int node = -1;           // kLookupNode, kScanNodes
  int rel = -1;            // kScanRels, kExpand
  bool from_left = true;   // kExpand: walk from rel.left to rel.right, else the other way
  double estimate = 0;     // the planner's guess of rows per input row, for Explain
  std::vector<const Expr*> filters;  // WHERE conjuncts whose variables are all bound after this step
};

struct Plan {
  std::vector<Slot> slots;
  std::vector<NodeSpec> nodes;
  std::vector<RelSpec> rels;
  std::vector<Step> steps;
  std::vector<const Expr*> constant_filters;  // WHERE conjuncts with no variable
  bool no_rows = false;    // a named entity or predicate does not exist: nothing can match
  std::string no_rows_reason;

  int SlotOf(const std::string& name) const;  // -1 when no variable has that name
  // One line per step, e.g. "1. lookup (a) = Microsoft [1 row]".
  std::string Explain() const;
};

}  // namespace kg::query

#endif  // KG_QUERY_QUERY_PLAN_H_
