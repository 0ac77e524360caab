// The inside of a GraphSnapshot: a Boost.Graph compressed sparse row graph over uint32 vertex indices,
// with the entities' ids, types and names stored once beside it.
//
// Vertex v is the v-th entity of the snapshot in increasing id order. Each fact is one forward edge; a
// fact with a symmetric predicate gets a second, "mirror" edge the other way, so that out_edges and
// in_edges already treat it as going both ways and BGL algorithms need no special case. Mirrors are
// skipped wherever facts are counted or listed. Built once by BuildSnapshot, then read-only.
#ifndef KG_GRAPH_GRAPH_SNAPSHOT_H_
#define KG_GRAPH_GRAPH_SNAPSHOT_H_

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <cstdint>
#include <algorithm>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "kg/graph.h"

namespace kg::graph {

struct EdgeData {
  uint32_t predicate : 31;
  uint32_t mirror : 1;
  uint32_t evidence_count;  // saturates at 2^32 - 1
};

using Csr = boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property, EdgeData,
                                               boost::no_property, uint32_t, uint32_t>;
using CsrEdge = boost::graph_traits<Csr>::edge_descriptor;

constexpr uint32_t kNoVertex = std::numeric_limits<uint32_t>::max();

// Resolves a name to an entity id the way the store does (aliases, languages, ledger).
using NameResolver = std::function<Result<uint64_t>(const std::string&)>;

// Marks for the vertices one walk has reached, each with a 31-bit value (a distance, a slot). Starting
// a new walk is O(1): marks carry the walk's epoch, and older epochs count as unmarked, so the arrays are
// allocated and cleared once per snapshot rather than once per walk.
class VisitMap {
 public:
  // Forgets every mark; sizes the map for `n` vertices.
  void Reset(size_t n) {
    if (stamps_.size() != n) {
      stamps_.assign(n, 0);
      values_.assign(n, 0);
      epoch_ = 0;
    }
    if (++epoch_ == 0) {  // wrapped around: old stamps could collide with new epochs
      std::fill(stamps_.begin(), stamps_.end(), 0);
      epoch_ = 1;
    }
  }
  bool Has(uint32_t v) const { return stamps_[v] == epoch_; }
  // The value of a marked vertex.
  uint32_t Get(uint32_t v) const { return values_[v]; }
  void Set(uint32_t v, uint32_t value) {
    stamps_[v] = epoch_;
    values_[v] = value;
  }

 private:
  std::vector<uint32_t> stamps_;
  std::vector<uint32_t> values_;
  uint32_t epoch_ = 0;
};

// What one walk needs besides its result, kept between walks (see GraphSnapshot::Impl::LeaseScratch).
struct WalkScratch {
  VisitMap forward, backward;
  std::vector<uint64_t> bits;  // all zero between walks
};

// What the loader hands to BuildSnapshot: vertices sorted by entity id, and the facts between them.
struct SnapshotParts {
  std::vector<uint64_t> entity_ids;        // strictly increasing
  std::vector<uint8_t> types;              // EntityType per vertex
  std::vector<uint32_t> name_offsets;      // vertex v's name is names[offsets[v], offsets[v + 1])
  std::string names;
  std::vector<std::pair<uint32_t, uint32_t>> edges;  // (subject vertex, object vertex), one per fact
  std::vector<EdgeData> edge_data;                   // parallel to edges, mirror = 0
  std::vector<std::string> predicate_names;          // by predicate id
  std::vector<bool> symmetric;                       // by predicate id
  NameResolver resolve;
};

// Adds the mirror edges and builds the CSR graph. ResourceExhausted when memory runs out or the graph
// has 2^32 edges or more.
Result<std::unique_ptr<GraphSnapshot>> BuildSnapshot(SnapshotParts parts);

}  // namespace kg::graph

namespace kg {

struct GraphSnapshot::Impl {
  graph::Csr graph;
  uint64_t fact_count = 0;
  std::vector<uint64_t> entity_ids;
  std::vector<uint8_t> types;
  std::vector<uint32_t> name_offsets;
  std::string names;
  std::vector<uint32_t> dense_index;  // entity id -> vertex, when ids are dense enough; else empty
  std::vector<std::string> predicate_names;
  graph::NameResolver resolve;

  // Vertices ordered by (name, entity id), the order walks report in, built by the first walk that needs
  // it: name_rank[v] is v's position, by_rank its inverse.
  mutable std::once_flag rank_once;
  mutable std::vector<uint32_t> name_rank, by_rank;
  // Scratch arrays of finished walks, handed to the next ones; one per concurrent walk at most.
  mutable std::mutex scratch_mutex;
  mutable std::vector<std::unique_ptr<graph::WalkScratch>> scratch_pool;

  // Scratch for one walk, returned to the pool when the lease ends. Safe from several threads.
  class ScratchLease {
   public:
    explicit ScratchLease(const Impl& impl);
    ~ScratchLease();
    ScratchLease(const ScratchLease&) = delete;
    ScratchLease& operator=(const ScratchLease&) = delete;
    graph::WalkScratch& operator*() const { return *scratch_; }
    graph::WalkScratch* operator->() const { return scratch_.get(); }

   private:
    const Impl& impl_;
    std::unique_ptr<graph::WalkScratch> scratch_;
  };
  // name_rank and by_rank, built on first use.
  void EnsureNameRank() const;

  std::optional<uint32_t> VertexOf(uint64_t entity_id) const;
  std::string_view NameOf(uint32_t v) const {
    return std::string_view(names).substr(name_offsets[v], name_offsets[v + 1] - name_offsets[v]);
  }
  GraphEntity EntityOf(uint32_t v) const {
    return {entity_ids[v], std::string(NameOf(v)), static_cast<EntityType>(types[v])};
  }
  // The fact behind edge `e`, in its stored direction.
  GraphFact FactOf(graph::CsrEdge e) const;
  // The vertex of the entity called `name`: NotFound when no entity has that name, nullopt when the
  // entity is not in this snapshot.
  Result<std::optional<uint32_t>> Resolve(const std::string& name) const;
  // Which predicate ids `names` selects (1) or not (0); an empty list selects every one.
  std::vector<uint8_t> PredicateMask(const std::vector<std::string>& names) const;
  // The edge `e` as a fact in its stored direction, by vertex index.
  SnapshotEdge EdgeOf(graph::CsrEdge e) const;
  // The facts vertex v takes part in (mirrors not counted).
  uint32_t Degree(uint32_t v) const;
};

}  // namespace kg

namespace kg::graph {

// Calls f(edge, other end) for each edge of v that goes `direction`; both directions visit a symmetric
// fact twice, through its forward edge and its mirror.
template <typename F>
void ForEachIncident(const Csr& g, uint32_t v, Direction direction, F&& f) {
  if (direction != Direction::kIn) {
    auto [begin, end] = boost::out_edges(v, g);
    for (auto it = begin; it != end; ++it) f(*it, static_cast<uint32_t>(boost::target(*it, g)));
  }
  if (direction != Direction::kOut) {
    auto [begin, end] = boost::in_edges(v, g);
    for (auto it = begin; it != end; ++it) f(*it, static_cast<uint32_t>(boost::source(*it, g)));
  }
}

}  // namespace kg::graph

#endif  // KG_GRAPH_GRAPH_SNAPSHOT_H_
