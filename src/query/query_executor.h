// Runs a plan: nested loops over index scans, one level per step, binding slots as it goes and testing
// each WHERE conjunct as soon as its variables are bound. Every complete row goes to a callback, which
// can stop the run (LIMIT without ORDER BY stops reading early).
//
// Relationship semantics: a fact with several qualifier sets (two investments in the same country) binds
// once per set. A symmetric fact (partner_of) matches in both directions. Within one row no relationship
// binds twice, and a variable-length walk never repeats a fact. One executor per run; not thread-safe.
#ifndef KG_QUERY_QUERY_EXECUTOR_H_
#define KG_QUERY_QUERY_EXECUTOR_H_

#include <functional>
#include <vector>

#include "kg/status.h"
#include "query/expression_evaluator.h"
#include "query/query_plan.h"
#include "store/index_reader.h"

namespace kg::query {

class QueryExecutor {
 public:
  // `emit` sees the current row through `row()`; it returns false to stop the run.
  using Emit = std::function<Result<bool>()>;

  QueryExecutor(const Plan& plan, store::IndexReader& reader, Evaluator& evaluator);

  const std::vector<Binding>& row() const { return row_; }

  Status Run(const Emit& emit);

 private:
  using Visit = std::function<Status(const store::Triple& fact, store::EntityId other)>;

  Status RunStep(size_t step);
  Status Continue(size_t step);
  Status BindNode(size_t step, int node, store::EntityId id);
  // `groups_read`: groups_[step] already holds the fact's qualifier sets (a scan of `groups` read them).
  Status BindFact(size_t step, const RelSpec& rel, const store::Triple& fact, int to, store::EntityId other,
                  bool groups_read = false);
  Status ScanRels(size_t step);
  // ScanRels for a relationship with predicates whose qualifier sets come from `groups`: one scan of it,
  // instead of pos and a seek per fact.
  Status ScanRelGroups(size_t step, const std::function<Status(const store::Triple&, bool)>& visit);
  // Whether the relationship in `slot` takes its qualifier sets from `groups` rather than evidence.
  bool FromGroups(int slot) const { return reader_.has_groups() && !plan_.slots[slot].needs_evidence; }
  Status Expand(size_t step);
  Status Walk(size_t step, const RelSpec& rel, Direction dir, store::EntityId at, int depth, int to);
  // Calls `visit` for each fact at `x` in direction `dir` (relative to x) with one of `rel`'s predicates.
  Status ForEachAdjacent(store::EntityId x, Direction dir, const RelSpec& rel, const Visit& visit);
  Status ScanPrefix(store::Cf cf, const std::string& prefix, const std::function<Status(const store::Triple&)>& fn);
  Result<bool> NodeMatches(const NodeSpec& spec, store::EntityId id);
  bool FactInUse(const store::Triple& fact, int except_slot, int group) const;

  const Plan& plan_;
  store::IndexReader& reader_;
  Evaluator& evaluator_;
  Emit emit_;
  std::vector<Binding> row_;
  std::vector<bool> bound_;
  std::vector<std::vector<store::QualifierGroup>> groups_;  // per step, alive while deeper steps run
  bool stop_ = false;
};

}  // namespace kg::query

#endif  // KG_QUERY_QUERY_EXECUTOR_H_
