// Builds the CSR graph and answers the snapshot's accessors. The one place that constructs Boost.Graph
// structures, so the only place here that can meet an exception from them (allocation failures).
#include "graph/graph_snapshot.h"

#include <algorithm>
#include <exception>
#include <new>

namespace kg::graph {

Result<std::unique_ptr<GraphSnapshot>> BuildSnapshot(SnapshotParts parts) {
  auto impl = std::make_unique<GraphSnapshot::Impl>();
  const size_t vertex_count = parts.entity_ids.size();
  const size_t fact_count = parts.edges.size();
  try {
    auto mirrored = [&](size_t i) {
      const uint32_t p = parts.edge_data[i].predicate;
      return parts.edges[i].first != parts.edges[i].second && p < parts.symmetric.size() && parts.symmetric[p];
    };
    size_t mirrors = 0;
    for (size_t i = 0; i < fact_count; ++i) mirrors += mirrored(i);
    // Exactly, so that adding the mirrors never doubles the capacity (and the peak memory) of the list.
    parts.edges.reserve(fact_count + mirrors);
    parts.edge_data.reserve(fact_count + mirrors);
    for (size_t i = 0; i < fact_count; ++i) {
      if (!mirrored(i)) continue;
      const auto [s, o] = parts.edges[i];
      EdgeData data = parts.edge_data[i];
      data.mirror = 1;
      parts.edges.emplace_back(o, s);
      parts.edge_data.push_back(data);
    }
    if (parts.edges.size() >= kNoVertex || vertex_count >= kNoVertex) {
      return ResourceExhausted("the graph has too many facts for a snapshot (2^32 edges at most)");
    }
    impl->graph = Csr(boost::edges_are_unsorted_multi_pass, parts.edges.begin(), parts.edges.end(),
                      parts.edge_data.begin(), static_cast<uint32_t>(vertex_count));
    // The edge list is no longer needed; free it before the indexes below are allocated.
    std::vector<std::pair<uint32_t, uint32_t>>().swap(parts.edges);
    std::vector<EdgeData>().swap(parts.edge_data);

    const uint64_t max_id = parts.entity_ids.empty() ? 0 : parts.entity_ids.back();
    // A dense table costs 4 bytes per possible id; use it when at least a quarter of the ids are here.
    if (max_id < 4 * vertex_count + 1024) {
      impl->dense_index.assign(max_id + 1, kNoVertex);
      for (size_t v = 0; v < vertex_count; ++v) impl->dense_index[parts.entity_ids[v]] = static_cast<uint32_t>(v);
    }
  } catch (const std::bad_alloc&) {
    return ResourceExhausted("out of memory building a snapshot of " + std::to_string(fact_count) + " facts");
  } catch (const std::exception& e) {
    return Internal(std::string("building the snapshot graph: ") + e.what());
  }
  impl->fact_count = fact_count;
  impl->entity_ids = std::move(parts.entity_ids);
  impl->types = std::move(parts.types);
  impl->name_offsets = std::move(parts.name_offsets);
  impl->names = std::move(parts.names);
  impl->predicate_names = std::move(parts.predicate_names);
  impl->resolve = std::move(parts.resolve);
  return std::make_unique<GraphSnapshot>(std::move(impl));
}

}  // namespace kg::graph

namespace kg {

std::optional<uint32_t> GraphSnapshot::Impl::VertexOf(uint64_t entity_id) const {
  if (!dense_index.empty() || entity_ids.empty()) {
    if (entity_id >= dense_index.size() || dense_index[entity_id] == graph::kNoVertex) return std::nullopt;
    return dense_index[entity_id];
  }
  auto it = std::lower_bound(entity_ids.begin(), entity_ids.end(), entity_id);
  if (it == entity_ids.end() || *it != entity_id) return std::nullopt;
  return static_cast<uint32_t>(it - entity_ids.begin());
}

SnapshotEdge GraphSnapshot::Impl::EdgeOf(graph::CsrEdge e) const {
  const graph::EdgeData& data = graph[e];
  uint32_t s = static_cast<uint32_t>(boost::source(e, graph));
  uint32_t o = static_cast<uint32_t>(boost::target(e, graph));
  if (data.mirror) std::swap(s, o);
  return {s, o, predicate_names[data.predicate], data.evidence_count};
}

GraphSnapshot::Impl::ScratchLease::ScratchLease(const Impl& impl) : impl_(impl) {
  {
    std::lock_guard<std::mutex> lock(impl_.scratch_mutex);
    if (!impl_.scratch_pool.empty()) {
      scratch_ = std::move(impl_.scratch_pool.back());
      impl_.scratch_pool.pop_back();
    }
  }
  if (!scratch_) scratch_ = std::make_unique<graph::WalkScratch>();
}

GraphSnapshot::Impl::ScratchLease::~ScratchLease() {
  std::lock_guard<std::mutex> lock(impl_.scratch_mutex);
  impl_.scratch_pool.push_back(std::move(scratch_));
}

void GraphSnapshot::Impl::EnsureNameRank() const {
  std::call_once(rank_once, [this] {
    const uint32_t n = static_cast<uint32_t>(entity_ids.size());
    by_rank.resize(n);
    for (uint32_t v = 0; v < n; ++v) by_rank[v] = v;
    // Vertex order is entity-id order, so ties between equal names fall to the smaller vertex.
    std::sort(by_rank.begin(), by_rank.end(), [this](uint32_t a, uint32_t b) {
      const int c = NameOf(a).compare(NameOf(b));
      return c != 0 ? c < 0 : a < b;
    });
    name_rank.resize(n);
    for (uint32_t r = 0; r < n; ++r) name_rank[by_rank[r]] = r;
  });
}

GraphFact GraphSnapshot::Impl::FactOf(graph::CsrEdge e) const {
  const graph::EdgeData& data = graph[e];
  uint32_t s = static_cast<uint32_t>(boost::source(e, graph));
  uint32_t o = static_cast<uint32_t>(boost::target(e, graph));
  if (data.mirror) std::swap(s, o);
  return {std::string(NameOf(s)), predicate_names[data.predicate], std::string(NameOf(o))};
}

Result<std::optional<uint32_t>> GraphSnapshot::Impl::Resolve(const std::string& name) const {
  auto id = resolve(name);
  if (!id.ok()) return id.status();
  return VertexOf(*id);
}

std::vector<uint8_t> GraphSnapshot::Impl::PredicateMask(const std::vector<std::string>& wanted) const {
  std::vector<uint8_t> mask(predicate_names.size(), wanted.empty());
  for (size_t p = 0; p < predicate_names.size(); ++p) {
    if (std::find(wanted.begin(), wanted.end(), predicate_names[p]) != wanted.end()) mask[p] = true;
  }
  return mask;
}

uint32_t GraphSnapshot::Impl::Degree(uint32_t v) const {
  uint32_t degree = 0;
  graph::ForEachIncident(graph, v, Direction::kBoth, [&](graph::CsrEdge e, uint32_t) {
    if (!graph[e].mirror) ++degree;
  });
  return degree;
}

GraphSnapshot::GraphSnapshot(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphSnapshot::~GraphSnapshot() = default;

uint32_t GraphSnapshot::vertex_count() const { return static_cast<uint32_t>(impl_->entity_ids.size()); }

uint64_t GraphSnapshot::edge_count() const { return impl_->fact_count; }

size_t GraphSnapshot::memory_bytes() const {
  const size_t n = impl_->entity_ids.size();
  const size_t m = boost::num_edges(impl_->graph);
  // Forward: row starts, targets and edge data. Backward: row starts, sources and forward edge indexes.
  const size_t graph_bytes = 2 * (n + 1) * sizeof(uint32_t) + m * (sizeof(uint32_t) + sizeof(graph::EdgeData)) +
                             m * 2 * sizeof(uint32_t);
  // The name order (name_rank, by_rank) is left out: walks build it on first use.
  return graph_bytes + n * (sizeof(uint64_t) + sizeof(uint8_t) + sizeof(uint32_t)) + impl_->names.capacity() +
         impl_->dense_index.capacity() * sizeof(uint32_t);
}

SnapshotVertex GraphSnapshot::vertex(uint32_t v) const {
  return {impl_->entity_ids[v], impl_->NameOf(v), static_cast<EntityType>(impl_->types[v])};
}

std::optional<uint32_t> GraphSnapshot::FindVertex(uint64_t entity_id) const { return impl_->VertexOf(entity_id); }

void GraphSnapshot::ForEachEdge(const std::function<void(const SnapshotEdge&)>& visit) const {
  const graph::Csr& g = impl_->graph;
  auto [begin, end] = boost::edges(g);
  for (auto it = begin; it != end; ++it) {
    const graph::EdgeData& data = g[*it];
    if (data.mirror) continue;
    visit({static_cast<uint32_t>(boost::source(*it, g)), static_cast<uint32_t>(boost::target(*it, g)),
           impl_->predicate_names[data.predicate], data.evidence_count});
  }
}

}  // namespace kg
