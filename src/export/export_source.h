// What every export format reads: the entities and then the edges of the whole graph or of a selection,
// pulled one at a time from the store. ExportSource decides the scope once (Init); NodeCursor and
// EdgeCursor then stream it.
//
// An edge is one qualifier set of a fact: the run of evidence keys that share subject, predicate,
// object and qualifier hash (see schemas/store_layout.md), which the evidence column family keeps
// together in key order. So a whole-graph export is two sequential scans (entities, then evidence) and
// holds one entity and one edge at a time. A selection with seeds holds its entity ids and facts.
//
// An ExportSource borrows the RocksDb and must outlive its cursors. Not thread-safe.
#ifndef KG_EXPORT_EXPORT_SOURCE_H_
#define KG_EXPORT_EXPORT_SOURCE_H_

#include <rocksdb/iterator.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "graph/subgraph_selector.h"
#include "kg/diagram.h"
#include "kg/model.h"
#include "kg/status.h"
#include "store/index_reader.h"
#include "store/rocks_db.h"

namespace kg::exporter {

struct ExportEdge {
  std::string key;               // "<subject id>:<predicate>:<object id>:<n>", n counting the fact's
                                 // qualifier sets in key order from 0: unique and stable per store
  store::Triple fact;
  std::string predicate;
  bool symmetric = false;        // stored once (subject id < object id), meant both ways
  uint64_t evidence_count = 0;
  std::optional<double> amount;
  std::string currency, date, period;
  std::optional<double> confidence;   // the highest any piece of evidence gives
  std::vector<std::string> sources;   // distinct source uris, in key order
  std::vector<Assertion> evidence;    // each piece, when the cursor keeps them
  std::vector<std::string> evidence_lines;  // their canonical JSONL, when the cursor keeps them
};

class ExportSource {
 public:
  ExportSource(const store::RocksDb& db, const DiagramSelection& selection);

  // Resolves the selection: walks from its seeds, or prepares the filters for a whole-graph scan.
  // InvalidArgument for a bad selector, NotFound for an unknown entity.
  [[nodiscard]] Status Init();

  const store::RocksDb& db() const { return db_; }
  bool whole_graph() const { return !seeded_; }

 private:
  friend class NodeCursor;
  friend class EdgeCursor;

  bool EntityAllowed(store::EntityId id) const;

  const store::RocksDb& db_;
  const DiagramSelection& selection_;
  store::IndexReader reader_;
  graph::SelectionFilter filter_;
  bool seeded_ = false;
  graph::SelectedSubgraph subgraph_;   // when seeded
  std::vector<bool> allowed_types_;    // whole graph with a type filter: by entity id
};

// The entities, by id. Valid() is false at the end or on error; status() tells which.
class NodeCursor {
 public:
  explicit NodeCursor(const ExportSource& source);
  bool Valid() const { return valid_; }
  const Entity& node() const { return node_; }
  void Next();
  const Status& status() const { return status_; }

 private:
  void Load();

  const ExportSource& source_;
  std::unique_ptr<rocksdb::Iterator> it_;  // whole graph
  size_t index_ = 0;                       // selection
  bool valid_ = false;
  Entity node_;
  Status status_;
};

// The edges, by subject, predicate, object and qualifier hash. With keep_evidence each edge carries
// its evidence, decoded and as JSONL. Valid() is false at the end or on error; status() tells which.
class EdgeCursor {
 public:
  EdgeCursor(ExportSource& source, bool keep_evidence);
  bool Valid() const { return valid_; }
  const ExportEdge& edge() const { return edge_; }
  void Next();
  const Status& status() const { return status_; }

 private:
  // Puts it_ on the next evidence key in scope, moving to the next selected fact when one ends.
  bool Position();
  bool FactAllowed(const store::Triple& t) const;
  Status ReadGroup();

  ExportSource& source_;
  bool keep_evidence_;
  std::unique_ptr<rocksdb::Iterator> it_;
  size_t fact_index_ = 0;        // selection: the fact it_ is in
  std::string fact_prefix_;      // selection: its spo key
  std::unordered_set<std::string> edge_sources_;  // edge_.sources as a set: a fact may have many sources
  bool started_ = false;
  store::Triple last_fact_;
  uint64_t group_ordinal_ = 0;
  bool valid_ = false;
  ExportEdge edge_;
  Status status_;
};

}  // namespace kg::exporter

#endif  // KG_EXPORT_EXPORT_SOURCE_H_
