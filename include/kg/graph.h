// Graph walks over an in-memory snapshot of a kg store: k-hop neighbourhoods, shortest paths, ranking and
// connected components. GraphStore::Snapshot builds one, for the whole graph or a filtered part of it.
//
// Vertices are entities and edges are facts. A fact with a symmetric predicate (partner_of, met_with: see
// schemas/predicates.json) is stored once, yet every walk here treats it as going both ways.
#ifndef KG_GRAPH_H_
#define KG_GRAPH_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/model.h"
#include "kg/status.h"

namespace kg {

// Which part of the store a snapshot holds. Empty fields mean no restriction; the restrictions combine.
struct SnapshotFilter {
  // Only facts with one of these predicates. Names the store has never seen match nothing.
  std::vector<std::string> predicates;
  // Only facts whose subject and object both have one of these types.
  std::vector<EntityType> types;
  // Only facts with at least one piece of evidence dated within [date_from, date_to]. A date and a bound
  // are compared as text on their common length, so a bound covers its whole period ("2024" takes in
  // 2024-02-10) and a coarse date matches a range its period overlaps ("2024" lies in [2024-03, 2024-05]).
  // Evidence without a date never matches when either bound is set.
  std::string date_from, date_to;
  // Only what lies within `hops` edges of these entities, walking facts in both directions (-1: no
  // limit, the seeds' whole components). Names resolve as GraphStore::LookupEntity resolves them. The
  // snapshot holds the seeds, every entity reached, and the facts met while expanding entities closer
  // than `hops`, all of which pass the other filters. `hops` without seeds is InvalidArgument.
  std::vector<std::string> seeds;
  int hops = -1;
};

// An entity as walks report it.
struct GraphEntity {
  uint64_t id = 0;
  std::string name;
  EntityType type = EntityType::kOther;
};

// A fact by names, always in its stored direction (a symmetric fact has the smaller entity id first).
struct GraphFact {
  std::string subject;
  std::string predicate;
  std::string object;
  bool operator==(const GraphFact& other) const = default;
};

enum class Direction { kOut, kIn, kBoth };

struct NeighborOptions {
  int hops = 1;                          // at least 0
  Direction direction = Direction::kBoth;
  std::vector<std::string> predicates;   // walk only these; empty: all
};

// An entity reached from the seed, how far it lies, and the fact its walk arrived through.
struct NeighborRow {
  GraphEntity entity;
  int distance = 0;
  GraphFact via;
};

struct PathOptions {
  int max_hops = -1;                     // -1: no limit
  std::vector<std::string> predicates;   // walk only these; empty: all
  bool all = false;                      // every shortest path instead of one
  size_t max_paths = 1000;               // with `all`, stop after this many
};

// A path as the facts along it, from the first entity to the second.
using GraphPath = std::vector<GraphFact>;

enum class RankMeasure { kPageRank, kDegree, kBetweenness };

struct RankOptions {
  RankMeasure by = RankMeasure::kPageRank;
  std::vector<EntityType> types;  // report only these types (scores are computed on the whole snapshot)
  size_t limit = 0;               // 0: every entity
};

struct RankRow {
  GraphEntity entity;
  double score = 0;
};

// A weakly connected component: its size, how many facts it holds, and its highest-degree member.
struct GraphComponent {
  size_t size = 0;
  size_t facts = 0;
  GraphEntity representative;
  size_t representative_degree = 0;
};

// A vertex as a renderer draws it. `name` points into the snapshot and lives as long as it does.
struct SnapshotVertex {
  uint64_t entity_id = 0;
  std::string_view name;
  EntityType type = EntityType::kOther;
};

// A fact in its stored direction, between vertex indices (see GraphSnapshot::vertex).
struct SnapshotEdge {
  uint32_t subject = 0;
  uint32_t object = 0;
  std::string_view predicate;  // lives as long as the snapshot
  uint64_t evidence_count = 0;
};

// A neighbour as NeighborVertices reports it: by vertex index, with the fact through which the walk first
// reached it. Nothing is copied: the predicate name points into the snapshot.
struct VertexNeighbor {
  uint32_t vertex = 0;
  int distance = 0;
  SnapshotEdge via;
};

// An immutable, compact in-memory copy of (part of) the graph: a compressed sparse row graph with the
// entities' names and types, and the walks over it. The caller owns it. It stays valid after its store
// closes, but the walks that take names resolve them through the store (aliases, any language, the
// ledger), so those return FailedPrecondition once the store is gone. All methods are const; calls from
// several threads at once are safe only while the store stays open and is not written from them.
class GraphSnapshot {
 public:
  struct Impl;
  explicit GraphSnapshot(std::unique_ptr<Impl> impl);
  ~GraphSnapshot();
  GraphSnapshot(const GraphSnapshot&) = delete;
  GraphSnapshot& operator=(const GraphSnapshot&) = delete;

  uint32_t vertex_count() const;
  // Facts, each counted once (also the symmetric ones).
  uint64_t edge_count() const;
  // The bytes the snapshot's own arrays take: graph, names, types and the id index.
  size_t memory_bytes() const;

  // Vertex `v` for v < vertex_count(), in increasing entity-id order.
  SnapshotVertex vertex(uint32_t v) const;
  // The vertex of entity `entity_id`, or nullopt when the snapshot does not hold it.
  std::optional<uint32_t> FindVertex(uint64_t entity_id) const;
  // Calls `visit` once per fact, grouped by subject vertex.
  void ForEachEdge(const std::function<void(const SnapshotEdge&)>& visit) const;

  // The entities within options.hops of the one named `name`, without it, ordered by distance then
  // name. Each comes with the fact through which a breadth-first walk first reached it. NotFound names
  // `name` when no entity has it; an entity outside the snapshot has no neighbours. InvalidArgument for
  // negative hops.
  Result<std::vector<NeighborRow>> Neighbors(const std::string& name, const NeighborOptions& options) const;

  // The vertex of the entity called `name`, resolved through the store as Neighbors resolves it: NotFound
  // when no entity has that name, nullopt when the snapshot does not hold it, FailedPrecondition once the
  // store has closed.
  Result<std::optional<uint32_t>> ResolveVertex(const std::string& name) const;

  // Neighbors of vertex `seed` (below vertex_count()) on vertex indices: the same rows in the same order,
  // without copying a name and without touching the store. InvalidArgument for negative hops or a seed
  // out of range.
  Result<std::vector<VertexNeighbor>> NeighborVertices(uint32_t seed, const NeighborOptions& options) const;

  // The shortest paths from `from` to `to`, walking facts in either direction: one path, or with
  // options.all every one (up to max_paths). No path within max_hops gives an empty vector, and the same
  // entity at both ends gives one empty path. NotFound names an unknown entity.
  Result<std::vector<GraphPath>> ShortestPaths(const std::string& from, const std::string& to,
                                               const PathOptions& options) const;

  // Entities by score, highest first, then by name:
  // - kDegree: the number of facts an entity takes part in (a fact with itself counts twice);
  // - kPageRank: PageRank with damping 0.85 along facts' stored direction (symmetric facts both ways),
  //   as a probability (scores sum to 1). The rank of dangling entities (no outgoing fact) is spread
  //   evenly over all entities, as networkx does. Iterates until the scores change by less than
  //   1e-10 per entity in total, or 200 rounds;
  // - kBetweenness: Brandes' betweenness on the undirected simple graph (parallel facts and
  //   self-loops ignored), not normalised: the number of shortest paths between other pairs through
  //   an entity, each unordered pair counted once. It costs O(vertices × facts): use it on filtered
  //   snapshots.
  // ResourceExhausted when memory runs out.
  Result<std::vector<RankRow>> Rank(const RankOptions& options) const;

  // The weakly connected components, largest first (then by representative's name).
  Result<std::vector<GraphComponent>> Components() const;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg

#endif  // KG_GRAPH_H_
