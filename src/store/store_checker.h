// `kg check`: verifies every invariant of a kg store and RocksDB's block checksums.
//
// Invariants: spo, pos and osp hold the same facts; every fact has its entities, its predicate and as
// many evidence records as its count says; every evidence record parses and is indexed under its
// source; every name points to a live entity filed under that name; every entity has a fact; the
// counters match. Index agreement is checked with order-independent fingerprints in one pass each, so
// memory stays flat; on a mismatch a second pass names the offending keys. Read-only.
#ifndef KG_STORE_STORE_CHECKER_H_
#define KG_STORE_STORE_CHECKER_H_

#include "kg/graph_store.h"
#include "store/rocks_db.h"

namespace kg::store {

// Problems found go into the report; a non-OK Status means the check itself could not run.
Result<CheckReport> CheckStore(const RocksDb& db);

}  // namespace kg::store

#endif  // KG_STORE_STORE_CHECKER_H_
