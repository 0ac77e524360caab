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
#include <functional>
#include <limits>
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
  // Which predicate ids `names` selects; an empty list selects every one.
  std::vector<bool> PredicateMask(const std::vector<std::string>& names) const;
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
