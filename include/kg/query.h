// Queries over a GraphStore: kg's read-only Cypher subset and the one-line shorthand
// (`?who invests_in ?where . ?who partner_of Google`), which compiles to the same plan.
//
// A PreparedQuery is parsed and planned once and can be run several times. It borrows the GraphStore
// that prepared it, which must outlive it. Not thread-safe: run one query per thread.
#ifndef KG_QUERY_H_
#define KG_QUERY_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kg/status.h"
#include "kg/value.h"

namespace kg {

struct QueryResult {
  std::vector<std::string> columns;      // the RETURN names (for the shorthand: variables without '?')
  std::vector<std::vector<Value>> rows;
};

// Receives one row at a time, in the columns' order. Returns false to stop the query early.
using RowCallback = std::function<bool(const std::vector<Value>& row)>;

class PreparedQuery {
 public:
  struct Impl;
  explicit PreparedQuery(std::unique_ptr<Impl> impl);
  ~PreparedQuery();

  const std::vector<std::string>& columns() const;

  // The plan, one step per line: where the query starts and how it expands, with row estimates.
  std::string Explain() const;

  // Streams the rows to `row`. Rows without ORDER BY or aggregates are produced as they are found.
  Status Run(const RowCallback& row);

  // Runs the query and keeps every row.
  Result<QueryResult> Collect();

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg

#endif  // KG_QUERY_H_
