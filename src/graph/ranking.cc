// Rank and Components: the snapshot's calls into Boost.Graph algorithms (page_rank,
// brandes_betweenness_centrality, disjoint_sets). Exceptions from them (allocation failures) are caught
// here and become a Status.
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/pending/disjoint_sets.hpp>

#include <algorithm>
#include <cmath>
#include <exception>
#include <new>
#include <tuple>

#include "graph/graph_snapshot.h"

namespace kg {
namespace {

using graph::Csr;
using graph::CsrEdge;

constexpr double kDamping = 0.85;
constexpr double kTolerancePerVertex = 1e-10;
constexpr int kMaxIterations = 200;

// BGL's page_rank computes rank(v) = (1 - d) + d * sum(rank(u) / out_degree(u)) over in-edges, which
// neither sums to 1 nor passes on the rank of entities with no outgoing fact. Its `done` callback sees
// every iterate, so this one rewrites each iterate into the probability form networkx uses,
//   rank(v) = (1 - d) / n + d * sum(rank(u) / out_degree(u)) + d * dangling / n,
// where `dangling` is the previous iterate's total rank on vertices without out-edges, and stops once
// the L1 change is below n * kTolerancePerVertex.
class PageRankConvergence {
 public:
  PageRankConvergence(std::vector<double>& previous, int& iterations) : previous_(previous), iterations_(iterations) {}

  template <typename RankMap>
  bool operator()(const RankMap& rank, const Csr& g) {
    const size_t n = boost::num_vertices(g);
    if (iterations_ == 0) {
      for (uint32_t v = 0; v < n; ++v) previous_[v] = get(rank, v);
      ++iterations_;
      return false;
    }
    double dangling = 0;
    for (uint32_t v = 0; v < n; ++v) {
      if (boost::out_degree(v, g) == 0) dangling += previous_[v];
    }
    const double shift = -(1 - kDamping) + (1 - kDamping) / n + kDamping * dangling / n;
    double change = 0;
    for (uint32_t v = 0; v < n; ++v) {
      const double fixed = get(rank, v) + shift;
      put(rank, v, fixed);
      change += std::fabs(fixed - previous_[v]);
      previous_[v] = fixed;
    }
    return ++iterations_ > kMaxIterations || change < n * kTolerancePerVertex;
  }

 private:
  std::vector<double>& previous_;
  int& iterations_;
};

std::vector<double> PageRank(const Csr& g) {
  const size_t n = boost::num_vertices(g);
  std::vector<double> rank(n), previous(n);
  if (n == 0) return rank;
  int iterations = 0;
  boost::graph::page_rank(g, boost::make_iterator_property_map(rank.begin(), boost::get(boost::vertex_index, g)),
                   PageRankConvergence(previous, iterations), kDamping, n);
  return rank;
}

// Betweenness on the undirected simple graph: each pair of adjacent entities becomes two directed
// edges, and the directed scores (which count each unordered pair twice) are halved.
std::vector<double> Betweenness(const Csr& g) {
  using SimpleGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                         boost::no_property, uint32_t, uint32_t>;
  const uint32_t n = boost::num_vertices(g);
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  pairs.reserve(2 * boost::num_edges(g));
  auto [begin, end] = boost::edges(g);
  for (auto it = begin; it != end; ++it) {
    const uint32_t s = boost::source(*it, g), t = boost::target(*it, g);
    if (s == t) continue;
    pairs.emplace_back(s, t);
    pairs.emplace_back(t, s);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  SimpleGraph simple(boost::edges_are_sorted, pairs.begin(), pairs.end(), n);
  std::vector<double> centrality(n);
  boost::brandes_betweenness_centrality(
      simple, boost::make_iterator_property_map(centrality.begin(), boost::get(boost::vertex_index, simple)));
  for (double& c : centrality) c /= 2;
  return centrality;
}

std::vector<double> Degrees(const GraphSnapshot::Impl& s) {
  std::vector<double> degree(boost::num_vertices(s.graph));
  for (uint32_t v = 0; v < degree.size(); ++v) degree[v] = s.Degree(v);
  return degree;
}

}  // namespace

Result<std::vector<RankRow>> GraphSnapshot::Rank(const RankOptions& options) const {
  std::vector<double> scores;
  try {
    switch (options.by) {
      case RankMeasure::kPageRank: scores = PageRank(impl_->graph); break;
      case RankMeasure::kDegree: scores = Degrees(*impl_); break;
      case RankMeasure::kBetweenness: scores = Betweenness(impl_->graph); break;
    }
  } catch (const std::bad_alloc&) {
    return ResourceExhausted("out of memory ranking " + std::to_string(vertex_count()) + " entities");
  } catch (const std::exception& e) {
    return Internal(std::string("ranking entities: ") + e.what());
  }
  std::vector<uint32_t> order;
  for (uint32_t v = 0; v < scores.size(); ++v) {
    const auto type = static_cast<EntityType>(impl_->types[v]);
    if (options.types.empty() || std::find(options.types.begin(), options.types.end(), type) != options.types.end()) {
      order.push_back(v);
    }
  }
  auto by_score = [&](uint32_t a, uint32_t b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    const std::string_view name_a = impl_->NameOf(a), name_b = impl_->NameOf(b);
    return name_a != name_b ? name_a < name_b : a < b;
  };
  const size_t keep = options.limit == 0 ? order.size() : std::min(options.limit, order.size());
  std::partial_sort(order.begin(), order.begin() + keep, order.end(), by_score);
  std::vector<RankRow> rows;
  for (size_t i = 0; i < keep; ++i) rows.push_back({impl_->EntityOf(order[i]), scores[order[i]]});
  return rows;
}

Result<std::vector<GraphComponent>> GraphSnapshot::Components() const {
  const Csr& g = impl_->graph;
  const uint32_t n = vertex_count();
  std::vector<GraphComponent> components;
  try {
    std::vector<uint32_t> rank(n), parent(n);
    boost::disjoint_sets<uint32_t*, uint32_t*> sets(rank.data(), parent.data());
    for (uint32_t v = 0; v < n; ++v) sets.make_set(v);
    auto [begin, end] = boost::edges(g);
    for (auto it = begin; it != end; ++it) sets.union_set(boost::source(*it, g), boost::target(*it, g));

    std::vector<uint32_t> component_of(n, graph::kNoVertex);  // by root
    for (uint32_t v = 0; v < n; ++v) {
      const uint32_t root = sets.find_set(v);
      if (component_of[root] == graph::kNoVertex) {
        component_of[root] = static_cast<uint32_t>(components.size());
        components.emplace_back();
      }
      GraphComponent& c = components[component_of[root]];
      const uint32_t degree = impl_->Degree(v);
      ++c.size;
      c.facts += degree;  // each fact counted at both ends; halved below
      if (c.size == 1 || degree > c.representative_degree ||
          (degree == c.representative_degree && impl_->NameOf(v) < c.representative.name)) {
        c.representative = impl_->EntityOf(v);
        c.representative_degree = degree;
      }
    }
  } catch (const std::bad_alloc&) {
    return ResourceExhausted("out of memory finding the components of " + std::to_string(n) + " entities");
  }
  for (GraphComponent& c : components) c.facts /= 2;
  std::sort(components.begin(), components.end(), [](const GraphComponent& a, const GraphComponent& b) {
    return std::tie(b.size, b.facts, a.representative.name) < std::tie(a.size, a.facts, b.representative.name);
  });
  return components;
}

}  // namespace kg
