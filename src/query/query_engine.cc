#include "query/query_engine.h"

#include "query/cypher_parser.h"
#include "query/query_executor.h"
#include "query/query_planner.h"
#include "query/result_shaper.h"
#include "query/shorthand_parser.h"
#include "store/index_reader.h"

namespace kg {

struct PreparedQuery::Impl {
  std::string text;
  query::Query ast;
  std::unique_ptr<store::IndexReader> reader;
  query::Plan plan;
  std::vector<std::string> columns;
};

PreparedQuery::PreparedQuery(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PreparedQuery::~PreparedQuery() = default;

const std::vector<std::string>& PreparedQuery::columns() const { return impl_->columns; }

std::string PreparedQuery::Explain() const { return impl_->plan.Explain(); }

Status PreparedQuery::Run(const RowCallback& row) {
  impl_->reader->Refresh();
  query::Evaluator evaluator(impl_->plan, *impl_->reader);
  query::QueryExecutor executor(impl_->plan, *impl_->reader, evaluator);
  auto shaper = query::ResultShaper::Create(impl_->ast, impl_->plan, evaluator, row);
  if (!shaper.ok()) return shaper.status();
  KG_RETURN_IF_ERROR(executor.Run([&] { return (*shaper)->Accept(); }));
  return (*shaper)->Finish();
}

Result<QueryResult> PreparedQuery::Collect() {
  QueryResult result;
  result.columns = impl_->columns;
  KG_RETURN_IF_ERROR(Run([&](const std::vector<Value>& row) {
    result.rows.push_back(row);
    return true;
  }));
  return result;
}

namespace query {

Result<std::unique_ptr<PreparedQuery>> PrepareQuery(const store::RocksDb& db, const std::string& text) {
  auto impl = std::make_unique<PreparedQuery::Impl>();
  impl->text = text;
  auto ast = LooksLikeShorthand(text) ? ParseShorthand(impl->text) : ParseCypher(impl->text);
  if (!ast.ok()) return ast.status();
  impl->ast = std::move(ast).value();
  impl->reader = std::make_unique<store::IndexReader>(db);
  auto plan = PlanQuery(impl->ast, impl->text, *impl->reader);
  if (!plan.ok()) return plan.status();
  impl->plan = std::move(plan).value();
  for (const ReturnItem& item : ReturnItems(impl->ast, impl->plan)) impl->columns.push_back(item.alias);
  // Checks RETURN and ORDER BY now, so that a bad query fails at prepare time rather than at run time.
  Evaluator evaluator(impl->plan, *impl->reader);
  auto shaper = ResultShaper::Create(impl->ast, impl->plan, evaluator, [](const std::vector<Value>&) { return true; });
  if (!shaper.ok()) return shaper.status();
  return std::make_unique<PreparedQuery>(std::move(impl));
}

}  // namespace query
}  // namespace kg
