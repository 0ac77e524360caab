// Neighbors and ShortestPaths: breadth-first walks over the snapshot's CSR graph. They are written as
// plain loops over BGL's out_edges/in_edges rather than boost::breadth_first_search, because both stop
// early (at a hop limit, or once the target is reached) and filter edges by predicate and direction,
// which BGL's BFS can only do through a filtered_graph and an exception to stop it.
#include <algorithm>
#include <tuple>

#include "graph/graph_snapshot.h"

namespace kg {
namespace {

using graph::CsrEdge;

// Appends to `paths` every shortest path from the BFS root to `v` (levels in `distance`), each as the
// edges from the root, with `suffix` (edges from v onwards, reversed) after them.
void CollectPaths(const GraphSnapshot::Impl& s, const std::vector<int32_t>& distance, const std::vector<bool>& mask,
                  uint32_t v, std::vector<CsrEdge>& suffix, bool all, size_t max_paths,
                  std::vector<std::vector<CsrEdge>>& paths) {
  if (distance[v] == 0) {
    paths.emplace_back(suffix.rbegin(), suffix.rend());
    return;
  }
  graph::ForEachIncident(s.graph, v, Direction::kBoth, [&](CsrEdge e, uint32_t other) {
    if (paths.size() >= max_paths || (!all && !paths.empty())) return;
    if (!mask[s.graph[e].predicate] || distance[other] != distance[v] - 1) return;
    // A symmetric fact is met twice (forward edge and mirror); take it through its forward edge only.
    if (s.graph[e].mirror) return;
    suffix.push_back(e);
    CollectPaths(s, distance, mask, other, suffix, all, max_paths, paths);
    suffix.pop_back();
  });
}

}  // namespace

Result<std::vector<NeighborRow>> GraphSnapshot::Neighbors(const std::string& name, const NeighborOptions& options) const {
  if (options.hops < 0) return InvalidArgument("hops must be 0 or more, not " + std::to_string(options.hops));
  auto seed = impl_->Resolve(name);
  if (!seed.ok()) return seed.status();
  std::vector<NeighborRow> rows;
  if (!*seed) return rows;

  const graph::Csr& g = impl_->graph;
  const std::vector<bool> mask = impl_->PredicateMask(options.predicates);
  std::vector<int32_t> distance(vertex_count(), -1);
  std::vector<uint32_t> frontier{**seed};
  distance[**seed] = 0;
  for (int level = 0; level < options.hops && !frontier.empty(); ++level) {
    std::vector<uint32_t> next;
    for (uint32_t v : frontier) {
      graph::ForEachIncident(g, v, options.direction, [&](CsrEdge e, uint32_t other) {
        if (distance[other] >= 0 || !mask[g[e].predicate]) return;
        distance[other] = level + 1;
        next.push_back(other);
        rows.push_back({impl_->EntityOf(other), level + 1, impl_->FactOf(e)});
      });
    }
    frontier = std::move(next);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const NeighborRow& a, const NeighborRow& b) {
    return std::tie(a.distance, a.entity.name, a.entity.id) < std::tie(b.distance, b.entity.name, b.entity.id);
  });
  return rows;
}

Result<std::vector<GraphPath>> GraphSnapshot::ShortestPaths(const std::string& from, const std::string& to,
                                                            const PathOptions& options) const {
  auto source = impl_->Resolve(from);
  if (!source.ok()) return source.status();
  auto target = impl_->Resolve(to);
  if (!target.ok()) return target.status();
  std::vector<GraphPath> result;
  if (!*source || !*target) return result;
  if (**source == **target) {
    result.emplace_back();
    return result;
  }

  const graph::Csr& g = impl_->graph;
  const std::vector<bool> mask = impl_->PredicateMask(options.predicates);
  std::vector<int32_t> distance(vertex_count(), -1);
  std::vector<uint32_t> frontier{**source};
  distance[**source] = 0;
  // Stop as soon as the target is reached: every vertex closer than it already has its final distance,
  // and the paths are rebuilt from those alone.
  bool reached = false;
  for (int level = 0; !reached && (options.max_hops < 0 || level < options.max_hops) && !frontier.empty(); ++level) {
    std::vector<uint32_t> next;
    for (uint32_t v : frontier) {
      graph::ForEachIncident(g, v, Direction::kBoth, [&](CsrEdge e, uint32_t other) {
        if (distance[other] >= 0 || !mask[g[e].predicate]) return;
        distance[other] = level + 1;
        next.push_back(other);
        reached = reached || other == **target;
      });
    }
    frontier = std::move(next);
  }
  if (!reached) return result;

  std::vector<std::vector<CsrEdge>> paths;
  std::vector<CsrEdge> suffix;
  CollectPaths(*impl_, distance, mask, **target, suffix, options.all, std::max<size_t>(options.max_paths, 1), paths);
  for (const auto& edges : paths) {
    GraphPath path;
    for (CsrEdge e : edges) path.push_back(impl_->FactOf(e));
    result.push_back(std::move(path));
  }
  return result;
}

}  // namespace kg
