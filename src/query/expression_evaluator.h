// Evaluates WHERE, RETURN and ORDER BY expressions against one row of bindings, with Cypher's null
// rules: a comparison with null is null, and WHERE keeps a row only when its condition is true.
//
// Nodes read their properties from the entity records and relationships from their qualifier set, both
// through the IndexReader's caches. One Evaluator per query; not thread-safe.
#ifndef KG_QUERY_EXPRESSION_EVALUATOR_H_
#define KG_QUERY_EXPRESSION_EVALUATOR_H_

#include <vector>

#include "kg/status.h"
#include "kg/value.h"
#include "query/cypher_ast.h"
#include "query/query_plan.h"
#include "store/index_reader.h"

namespace kg::query {

// What a slot is bound to in the current row.
struct Binding {
  store::EntityId node = 0;                         // Slot::Kind::kNode
  store::Triple fact;                               // kRel
  int group = 0;                                    // kRel: which qualifier set of the fact
  const store::QualifierGroup* values = nullptr;    // kRel: that set, when the slot needs values; valid
                                                    // only while the slot is bound
  uint64_t evidence_count = 0;                      // kRel: that set's pieces of evidence
  std::vector<store::Triple> path;                  // kPath: the facts walked, in order
};

bool IsAggregate(const Expr& e);

class Evaluator {
 public:
  Evaluator(const Plan& plan, store::IndexReader& reader) : plan_(plan), reader_(reader) {}

  // The row the next calls read; it must outlive them.
  void set_row(const std::vector<Binding>* row) { row_ = row; }

  Result<Value> Eval(const Expr& e);
  // Whether `e` is true (not false, not null).
  Result<bool> Test(const Expr& e);

  // How a bound slot reads as a value: a node or relationship map, or a list of relationship maps.
  Result<Value> SlotValue(int slot);
  Result<Value> NodeProperty(store::EntityId id, const std::string& key);
  Result<Value> NodeMap(store::EntityId id);
  // A single-hop relationship's property; its binding must carry values for all but "predicate".
  Result<Value> RelProperty(const Binding& b, const std::string& key);
  Result<Value> FactMap(const store::Triple& fact, const store::QualifierGroup* values);

 private:
  Result<Value> Property(const Expr& e);
  Result<Value> Function(const Expr& e);
  Result<Value> Logic(const Expr& e);      // AND, OR, XOR
  Result<Value> Predicate(const Expr& e);  // comparisons, IN, string tests, null tests, NOT

  const Plan& plan_;
  store::IndexReader& reader_;
  const std::vector<Binding>* row_ = nullptr;
};

}  // namespace kg::query

#endif  // KG_QUERY_EXPRESSION_EVALUATOR_H_
