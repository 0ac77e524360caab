// The RETURN side of a query: projects each matched row onto the RETURN items, then groups for
// aggregates (count, sum, avg, min, max, collect), removes duplicates for DISTINCT, sorts for ORDER BY
// and applies SKIP and LIMIT. Without aggregates or ORDER BY, rows stream straight through and a LIMIT
// stops the match early. Owned by one query run; not thread-safe.
#ifndef KG_QUERY_RESULT_SHAPER_H_
#define KG_QUERY_RESULT_SHAPER_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kg/status.h"
#include "kg/value.h"
#include "query/cypher_ast.h"
#include "query/expression_evaluator.h"
#include "query/query_plan.h"

namespace kg::query {

using RowSink = std::function<bool(const std::vector<Value>& row)>;  // false: stop

// RETURN's items, with RETURN * spelled out as every named variable in order of first appearance.
std::vector<ReturnItem> ReturnItems(const Query& query, const Plan& plan);

class ResultShaper {
 public:
  // InvalidArgument when an aggregate is nested inside another expression, or when ORDER BY reads
  // something other than the RETURN columns of an aggregating or DISTINCT query.
  static Result<std::unique_ptr<ResultShaper>> Create(const Query& query, const Plan& plan, Evaluator& evaluator,
                                                      RowSink sink);
  ~ResultShaper();

  // Takes the evaluator's current row. Returns false once no more rows are wanted.
  Result<bool> Accept();
  // Sends what was held back for grouping or sorting.
  Status Finish();

 private:
  struct Aggregate;
  struct Group;
  struct SortKey {
    int column = -1;      // a RETURN column, or
    int expr_index = -1;  // an expression of rewritten_, evaluated on the matched row
    bool descending = false;
  };

  ResultShaper(const Query& query, const Plan& plan, Evaluator& evaluator, RowSink sink);
  Status Prepare();
  // Sends a finished row through DISTINCT, SKIP and LIMIT (streaming), or holds it for sorting.
  bool Output(std::vector<Value> row, std::vector<Value> sort_values);
  bool Send(const std::vector<Value>& row);

  const Query& query_;
  Evaluator& evaluator_;
  RowSink sink_;
  std::vector<ReturnItem> items_;
  std::vector<bool> aggregate_item_;
  bool aggregating_ = false;
  std::vector<SortKey> sort_keys_;
  std::vector<Expr> rewritten_;  // ORDER BY expressions with RETURN aliases spelled out

  std::unordered_set<std::string> seen_;  // DISTINCT
  std::vector<std::unique_ptr<Group>> groups_;
  std::unordered_map<std::string, Group*> group_index_;
  // Rows held for ORDER BY, with their sort values and arrival order (ties keep it). With a LIMIT only
  // the first SKIP + LIMIT can be sent, so at most twice that many are held: ORDER BY … LIMIT k keeps the
  // top k in bounded memory.
  struct Held {
    std::vector<Value> row;
    std::vector<Value> sort_values;
    uint64_t seq = 0;
  };
  bool HeldBefore(const Held& a, const Held& b) const;
  size_t HeldLimit() const;  // SKIP + LIMIT: the rows that can be sent
  void TrimHeld();
  std::vector<Held> held_;
  uint64_t next_seq_ = 0;
  int64_t skipped_ = 0;
  int64_t sent_ = 0;
  std::vector<Value> values_;  // the row being shaped; a streamed row reuses it (and its strings' buffers)
};

}  // namespace kg::query

#endif  // KG_QUERY_RESULT_SHAPER_H_
