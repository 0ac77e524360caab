// Read paths over a kg store that both read-only and writing handles use: counters, entity lookup with
// facts and evidence, the ledger, and the JSONL export. Functions only read, so they are safe to call
// from several threads on one RocksDb.
#ifndef KG_STORE_STORE_READER_H_
#define KG_STORE_STORE_READER_H_

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "kg/graph_store.h"
#include "store/records.h"
#include "store/rocks_db.h"

namespace kg::store {

Result<Counters> ReadCounters(const RocksDb& db);
Result<Ledger> ReadLedger(const RocksDb& db);
Result<EntityRecord> ReadEntity(const RocksDb& db, EntityId id);
Result<std::string> ReadPredicateName(const RocksDb& db, PredicateId id);

// The entity that `name` resolves to (through the ledger), or NotFound.
Result<EntityId> FindEntity(const RocksDb& db, const std::string& name);

// The entity with its facts in both directions and all their evidence.
Result<EntityDetails> DescribeEntity(const RocksDb& db, EntityId id);

// Facts matching `filter` (see GraphStore::ListFacts).
Result<std::vector<FactRow>> ListFacts(const RocksDb& db, const FactFilter& filter);

// The document stored under `uri` (see GraphStore::FindDocument).
Result<StoredDocument> ReadDocument(const RocksDb& db, const std::string& uri);

// Writes every piece of evidence as one canonical JSONL line, in key order. Returns the line count.
Result<uint64_t> ExportJsonl(const RocksDb& db, std::ostream& out);

}  // namespace kg::store

#endif  // KG_STORE_STORE_READER_H_
