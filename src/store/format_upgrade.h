// Brings a format-1 store up to format 2 when a writer opens it: fills the `groups` family (one key per
// qualifier set of a fact, see schemas/store_layout.md) from one scan of `evidence`, then writes the new
// version.
//
// The version is written last, after the family is flushed, so a crash mid-upgrade leaves a format-1
// store whose `groups` family is partly filled: readers ignore it (they go by the version), and the next
// writer clears the family and does the upgrade again. Called by RocksDb::Open only.
#ifndef KG_STORE_FORMAT_UPGRADE_H_
#define KG_STORE_FORMAT_UPGRADE_H_

#include "kg/status.h"
#include "store/rocks_db.h"

namespace kg::store {

// Requires a store opened for writing whose version is 1 and whose `groups` handle exists. On success
// the store is format 2 on disk (the caller updates what `db` says).
Status UpgradeToFormat2(RocksDb* db);

}  // namespace kg::store

#endif  // KG_STORE_FORMAT_UPGRADE_H_
