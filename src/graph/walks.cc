// Neighbors and ShortestPaths: breadth-first walks over the snapshot's CSR graph. They are written as
// plain loops over BGL's out_edges/in_edges rather than boost::breadth_first_search, because both stop
// early (at a hop limit, or once the two searches meet) and filter edges by predicate and direction,
// which BGL's BFS can only do through a filtered_graph and an exception to stop it.
//
// Walks work on vertex indices only: visited marks live in a reusable, epoch-stamped WalkScratch, and
// names are copied once, for the rows returned. A hub's neighbourhood is a large part of the graph, so
// the cost per reached vertex is what matters.
#include <algorithm>
#include <bit>

#include "graph/graph_snapshot.h"

namespace kg {
namespace {

using graph::CsrEdge;
using graph::VisitMap;
using graph::WalkScratch;

struct Hit {
  uint32_t vertex;
  CsrEdge edge;
};

uint64_t DegreeOf(const graph::Csr& g, uint32_t v) { return boost::out_degree(v, g) + boost::in_degree(v, g); }

// Puts hits[begin, end) in name order (the snapshot's name_rank). A level that covers much of the graph
// goes through a bitmap over ranks, which is linear; a small one is sorted.
void SortByName(const GraphSnapshot::Impl& s, WalkScratch& scratch, std::vector<Hit>& hits, size_t begin,
                size_t end) {
  const size_t count = end - begin;
  const size_t n = s.entity_ids.size();
  if (count < 2) return;
  if (count < n / 32) {
    std::sort(hits.begin() + begin, hits.begin() + end,
              [&](const Hit& a, const Hit& b) { return s.name_rank[a.vertex] < s.name_rank[b.vertex]; });
    return;
  }
  std::vector<uint64_t>& bits = scratch.bits;
  if (bits.size() < (n + 63) / 64) bits.assign((n + 63) / 64, 0);
  std::vector<CsrEdge> edges(count);
  // Every vertex appears once per walk, so its rank marks one hit and the edge can be found by vertex.
  VisitMap& slot = scratch.backward;
  slot.Reset(n);
  for (size_t i = begin; i < end; ++i) {
    const uint32_t rank = s.name_rank[hits[i].vertex];
    bits[rank / 64] |= uint64_t{1} << (rank % 64);
    slot.Set(hits[i].vertex, static_cast<uint32_t>(i - begin));
    edges[i - begin] = hits[i].edge;
  }
  size_t out = begin;
  for (size_t w = 0; w < bits.size() && out < end; ++w) {
    for (uint64_t word = bits[w]; word != 0; word &= word - 1) {
      const uint32_t v = s.by_rank[w * 64 + std::countr_zero(word)];
      hits[out++] = {v, edges[slot.Get(v)]};
    }
    bits[w] = 0;
  }
}

}  // namespace

Result<std::optional<uint32_t>> GraphSnapshot::ResolveVertex(const std::string& name) const {
  return impl_->Resolve(name);
}

Result<std::vector<VertexNeighbor>> GraphSnapshot::NeighborVertices(uint32_t seed, const NeighborOptions& options) const {
  if (options.hops < 0) return InvalidArgument("hops must be 0 or more, not " + std::to_string(options.hops));
  if (seed >= vertex_count()) {
    return InvalidArgument("vertex " + std::to_string(seed) + " is not in the snapshot (" +
                           std::to_string(vertex_count()) + " vertices)");
  }
  const Impl& s = *impl_;
  const graph::Csr& g = s.graph;
  const std::vector<uint8_t> mask = s.PredicateMask(options.predicates);
  s.EnsureNameRank();
  Impl::ScratchLease scratch(s);
  VisitMap& seen = scratch->forward;
  seen.Reset(vertex_count());
  seen.Set(seed, 0);

  // Level by level: hits[level_start[i], level_start[i + 1]) are the vertices at distance i + 1, in the
  // order the walk met them, each with the edge it first arrived through.
  std::vector<Hit> hits;
  std::vector<size_t> level_start{0};
  size_t frontier_begin = 0, frontier_end = 0;
  // Without a predicate filter the edge's data is never read: for in-edges it lies elsewhere in memory.
  const bool every_predicate = options.predicates.empty();
  for (int level = 0; level < options.hops; ++level) {
    auto visit = [&](CsrEdge e, uint32_t other) {
      if (seen.Has(other) || (!every_predicate && !mask[g[e].predicate])) return;
      seen.Set(other, 0);
      hits.push_back({other, e});
    };
    if (level == 0) {
      graph::ForEachIncident(g, seed, options.direction, visit);
    } else {
      for (size_t i = frontier_begin; i < frontier_end; ++i) {
        graph::ForEachIncident(g, hits[i].vertex, options.direction, visit);
      }
    }
    if (hits.size() == level_start.back()) break;
    frontier_begin = level_start.back();
    frontier_end = hits.size();
    level_start.push_back(hits.size());
  }
  // The next level's walk reads the frontier in discovery order, so sort only once every level is done.
  for (size_t i = 0; i + 1 < level_start.size(); ++i) SortByName(s, *scratch, hits, level_start[i], level_start[i + 1]);

  std::vector<VertexNeighbor> rows;
  rows.reserve(hits.size());
  for (size_t i = 0; i + 1 < level_start.size(); ++i) {
    for (size_t h = level_start[i]; h < level_start[i + 1]; ++h) {
      rows.push_back({hits[h].vertex, static_cast<int>(i + 1), s.EdgeOf(hits[h].edge)});
    }
  }
  return rows;
}

Result<std::vector<NeighborRow>> GraphSnapshot::Neighbors(const std::string& name, const NeighborOptions& options) const {
  if (options.hops < 0) return InvalidArgument("hops must be 0 or more, not " + std::to_string(options.hops));
  auto seed = impl_->Resolve(name);
  if (!seed.ok()) return seed.status();
  std::vector<NeighborRow> rows;
  if (!*seed) return rows;
  auto found = NeighborVertices(**seed, options);
  if (!found.ok()) return found.status();
  rows.reserve(found->size());
  for (const VertexNeighbor& n : *found) {
    rows.push_back({impl_->EntityOf(n.vertex), n.distance,
                    {std::string(impl_->NameOf(n.via.subject)), std::string(n.via.predicate),
                     std::string(impl_->NameOf(n.via.object))}});
  }
  return rows;
}

namespace {

// A bidirectional breadth-first search between two vertices, then the enumeration of shortest paths.
//
// The two searches grow in turns, each time the side whose frontier has fewer edges to walk, one whole
// level at a time, until a level meets the other side. If the source side has reached depth ks and the
// target side kt when they meet, every shortest path has length d = ks + kt and passes through a vertex
// at exactly (ks, kt). Paths are then enumerated backwards from the target exactly as a one-sided search
// from the source would: step to each neighbour u on a shortest path whose distance from the source is
// one less. Near the source that distance is known (forward marks); near the target it is d minus the
// distance to the target, and a vertex there is on a shortest path when it leads, with the distance to
// the target growing by one each step, to a meeting vertex (marked with kOnPath below).
class PathSearch {
 public:
  PathSearch(const GraphSnapshot::Impl& s, WalkScratch& scratch, const std::vector<uint8_t>& mask)
      : s_(s),
        g_(s.graph),
        mask_(mask),
        every_predicate_(std::find(mask.begin(), mask.end(), 0) == mask.end()),
        from_source_(scratch.forward),
        to_target_(scratch.backward) {}

  // Whether a path of at most `max_hops` facts (-1: any) joins the two; sets the depths if so.
  bool Meet(uint32_t source, uint32_t target, int max_hops);
  // Appends up to `max_paths` shortest paths (one unless `all`) as edges from source to target.
  void Collect(uint32_t target, bool all, size_t max_paths, std::vector<std::vector<CsrEdge>>& paths);

 private:
  static constexpr uint32_t kOnPath = 1u << 30;

  template <typename F>
  void ForEachWalkable(uint32_t v, F&& f) const {
    graph::ForEachIncident(g_, v, Direction::kBoth, [&](CsrEdge e, uint32_t other) {
      if (every_predicate_ || mask_[g_[e].predicate]) f(e, other);
    });
  }
  // Grows one side by a level. Returns whether it met the other side.
  bool Grow(VisitMap& mine, const VisitMap& theirs, std::vector<uint32_t>& frontier, uint64_t& cost, int depth);
  void MarkTargetSide();
  void CollectFrom(uint32_t v, int distance, std::vector<CsrEdge>& suffix, bool all, size_t max_paths,
                   std::vector<std::vector<CsrEdge>>& paths) const;

  const GraphSnapshot::Impl& s_;
  const graph::Csr& g_;
  const std::vector<uint8_t>& mask_;
  const bool every_predicate_;
  VisitMap& from_source_;  // distance from the source
  VisitMap& to_target_;    // distance to the target, | kOnPath once known to lie on a shortest path
  std::vector<std::vector<uint32_t>> target_levels_;
  int ks_ = 0, kt_ = 0;
};

bool PathSearch::Grow(VisitMap& mine, const VisitMap& theirs, std::vector<uint32_t>& frontier, uint64_t& cost,
                      int depth) {
  std::vector<uint32_t> next;
  uint64_t next_cost = 0;
  bool met = false;
  for (uint32_t v : frontier) {
    ForEachWalkable(v, [&](CsrEdge, uint32_t other) {
      if (mine.Has(other)) return;
      mine.Set(other, depth);
      next.push_back(other);
      next_cost += DegreeOf(g_, other);
      met = met || theirs.Has(other);
    });
  }
  frontier = std::move(next);
  cost = next_cost;
  return met;
}

bool PathSearch::Meet(uint32_t source, uint32_t target, int max_hops) {
  const size_t n = s_.entity_ids.size();
  from_source_.Reset(n);
  to_target_.Reset(n);
  from_source_.Set(source, 0);
  to_target_.Set(target, 0);
  std::vector<uint32_t> source_frontier{source};
  uint64_t source_cost = DegreeOf(g_, source), target_cost = DegreeOf(g_, target);
  target_levels_.assign(1, {target});
  while (max_hops < 0 || ks_ + kt_ < max_hops) {
    if (source_frontier.empty() || target_levels_.back().empty()) return false;
    if (source_cost <= target_cost) {
      if (Grow(from_source_, to_target_, source_frontier, source_cost, ++ks_)) return true;
    } else {
      std::vector<uint32_t> frontier = target_levels_.back();
      const bool met = Grow(to_target_, from_source_, frontier, target_cost, ++kt_);
      target_levels_.push_back(std::move(frontier));
      if (met) return true;
    }
  }
  return false;
}

void PathSearch::MarkTargetSide() {
  // Meeting vertices: distance kt to the target and ks from the source.
  for (uint32_t v : target_levels_[kt_]) {
    if (from_source_.Has(v)) to_target_.Set(v, to_target_.Get(v) | kOnPath);
  }
  for (int level = kt_ - 1; level >= 0; --level) {
    for (uint32_t v : target_levels_[level]) {
      bool on_path = false;
      ForEachWalkable(v, [&](CsrEdge, uint32_t other) {
        on_path = on_path || (to_target_.Has(other) && to_target_.Get(other) == (static_cast<uint32_t>(level + 1) | kOnPath));
      });
      if (on_path) to_target_.Set(v, to_target_.Get(v) | kOnPath);
    }
  }
}

void PathSearch::CollectFrom(uint32_t v, int distance, std::vector<CsrEdge>& suffix, bool all, size_t max_paths,
                             std::vector<std::vector<CsrEdge>>& paths) const {
  if (distance == 0) {
    paths.emplace_back(suffix.rbegin(), suffix.rend());
    return;
  }
  const int d = ks_ + kt_;
  const int want = distance - 1;
  graph::ForEachIncident(g_, v, Direction::kBoth, [&](CsrEdge e, uint32_t other) {
    if (paths.size() >= max_paths || (!all && !paths.empty())) return;
    // A symmetric fact is met twice (forward edge and mirror); take it through its forward edge only.
    if (!mask_[g_[e].predicate] || g_[e].mirror) return;
    const bool on_path = want <= ks_ ? from_source_.Has(other) && static_cast<int>(from_source_.Get(other)) == want
                                     : to_target_.Has(other) &&
                                           to_target_.Get(other) == (static_cast<uint32_t>(d - want) | kOnPath);
    if (!on_path) return;
    suffix.push_back(e);
    CollectFrom(other, want, suffix, all, max_paths, paths);
    suffix.pop_back();
  });
}

void PathSearch::Collect(uint32_t target, bool all, size_t max_paths, std::vector<std::vector<CsrEdge>>& paths) {
  MarkTargetSide();
  std::vector<CsrEdge> suffix;
  CollectFrom(target, ks_ + kt_, suffix, all, max_paths, paths);
}

}  // namespace

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

  const std::vector<uint8_t> mask = impl_->PredicateMask(options.predicates);
  Impl::ScratchLease scratch(*impl_);
  PathSearch search(*impl_, *scratch, mask);
  if (!search.Meet(**source, **target, options.max_hops)) return result;
  std::vector<std::vector<CsrEdge>> paths;
  search.Collect(**target, options.all, std::max<size_t>(options.max_paths, 1), paths);
  for (const auto& edges : paths) {
    GraphPath path;
    for (CsrEdge e : edges) path.push_back(impl_->FactOf(e));
    result.push_back(std::move(path));
  }
  return result;
}

}  // namespace kg
