// The query pipeline behind GraphStore::Prepare: parse (Cypher or shorthand), plan against the store,
// then run plans through the executor and the result shaper.
#ifndef KG_QUERY_QUERY_ENGINE_H_
#define KG_QUERY_QUERY_ENGINE_H_

#include <memory>
#include <string>

#include "kg/query.h"
#include "store/rocks_db.h"

namespace kg::query {

// Prepares `text` against `db`, which must outlive the result.
Result<std::unique_ptr<PreparedQuery>> PrepareQuery(const store::RocksDb& db, const std::string& text);

}  // namespace kg::query

#endif  // KG_QUERY_QUERY_ENGINE_H_
