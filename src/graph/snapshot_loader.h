// Reads a snapshot's facts and entities out of the store (schemas/store_layout.md): one pass over `spo`
// for the whole graph, or prefix scans of `spo` and `osp` outward from seed entities.
#ifndef KG_GRAPH_SNAPSHOT_LOADER_H_
#define KG_GRAPH_SNAPSHOT_LOADER_H_

#include <memory>
#include <string>

#include "kg/graph.h"
#include "store/rocks_db.h"

namespace kg::graph {

// Builds the snapshot of what `filter` selects (see SnapshotFilter). The snapshot resolves names through
// `db` for as long as `db` lives, holding only a weak reference to it. NotFound names a seed that no
// entity has; InvalidArgument for hops without seeds or below -1; DataLoss when a fact names a missing
// entity; ResourceExhausted when the graph does not fit.
Result<std::unique_ptr<GraphSnapshot>> LoadSnapshot(std::shared_ptr<const store::RocksDb> db,
                                                    const SnapshotFilter& filter);

// Whether an evidence date lies in [from, to], compared as text on their common length; an empty bound
// is open. An empty date lies in no range that has a bound.
bool DateInRange(std::string_view date, std::string_view from, std::string_view to);

}  // namespace kg::graph

#endif  // KG_GRAPH_SNAPSHOT_LOADER_H_
