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
#include <rocksdb/options.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "export/evidence_fields.h"
#include "graph/subgraph_selector.h"
#include "kg/diagram.h"
#include "kg/model.h"
#include "kg/status.h"
#include "store/index_reader.h"
#include "store/rocks_db.h"

namespace kg::exporter {

// One edge as the cursor holds it. The cursor reuses one ExportEdge, and the storage of its strings and
// lists, from edge to edge, so that a warm whole-graph scan allocates nothing per edge: read the lists
// through sources(), evidence() and evidence_lines(), which show only the current edge's part.
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

  // Distinct source uris, in key order.
  std::span<const std::string> sources() const { return {source_pool.data(), source_count}; }
  // Each piece of evidence, when the cursor keeps fields.
  std::span<const EvidenceFields> evidence() const { return {evidence_pool.data(), evidence_kept}; }
  // Each piece's canonical JSONL, when the cursor keeps lines.
  std::span<const std::string> evidence_lines() const { return {line_pool.data(), lines_kept}; }

  // The storage behind the spans above; only the first *_count / *_kept elements belong to this edge.
  std::vector<std::string> source_pool;
  size_t source_count = 0;
  std::vector<EvidenceFields> evidence_pool;
  size_t evidence_kept = 0;
  std::vector<std::string> line_pool;
  size_t lines_kept = 0;
};

// What an EdgeCursor keeps of each piece of evidence besides the edge's summary.
enum class KeptEvidence { kNone, kFields, kLines };

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
  friend class EdgeReader;

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

class EdgeReader;

// The edges, by subject, predicate, object and qualifier hash. Each edge carries its evidence as fields
// or as JSONL lines when `kept` asks for them. Valid() is false at the end or on error; status() tells
// which (DataLoss for an evidence line that does not read). A whole-graph cursor reads the store on a
// thread of its own (see evidence_stream.h), which starts when the cursor is built.
class EdgeCursor {
 public:
  EdgeCursor(ExportSource& source, KeptEvidence kept);
  ~EdgeCursor();

  bool Valid() const { return valid_; }
  const ExportEdge& edge() const { return edge_; }
  void Next();
  const Status& status() const { return status_; }

 private:
  std::unique_ptr<EdgeReader> reader_;
  bool valid_ = false;
  ExportEdge edge_;
  Status status_;
};

}  // namespace kg::exporter

#endif  // KG_EXPORT_EXPORT_SOURCE_H_
