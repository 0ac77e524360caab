// Neighbors, NeighborVertices and ShortestPaths on a random graph, compared with plain reference walks
// written here over ForEachEdge: a one-sided breadth-first search and an exhaustive list of shortest
// paths. The walks under test use name-ranked ordering, epoch-stamped scratch and a bidirectional search,
// so these hold them to the simple definitions.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include "graph/graph_test_support.h"

namespace kg {
namespace {

// Organisations with partner_of (symmetric), invests_in and acquires facts, some parallel, plus a
// few isolated pairs, so that some walks stay in a small component.
std::string RandomGraphJsonl(unsigned seed) {
  std::mt19937 random(seed);
  std::ostringstream out;
  auto org = [](int i) { return R"({"name":"Org )" + std::to_string(i) + R"(","type":"Organization"})"; };
  for (int line = 0; line < 300; ++line) {
    const int kind = random() % 10;
    int a = random() % 70, b = random() % 70;
    if (line % 25 == 0) a = 70 + line / 25, b = 80 + line / 25;  // small separate components
    const std::string predicate = kind < 3 ? "partner_of" : kind < 8 ? "invests_in" : "acquires";
    if (a == b) continue;
    out << R"({"subject":)" << org(a) << R"(,"predicate":")" << predicate << R"(","object":)" << org(b)
        << R"(,"source":{"uri":"https://rand.example/)" << line << R"("}})" << "\n";
  }
  return out.str();
}

struct Arc {
  uint32_t to;
  SnapshotEdge edge;
};

// Adjacency by vertex in the walk's sense: out-arcs follow a fact's stored direction, in-arcs go
// against it, and a symmetric fact gives both in both lists.
struct Reference {
  explicit Reference(const GraphSnapshot& s) : out(s.vertex_count()), in(s.vertex_count()) {
    s.ForEachEdge([&](const SnapshotEdge& e) {
      const bool symmetric = e.predicate == "partner_of" && e.subject != e.object;
      out[e.subject].push_back({e.object, e});
      in[e.object].push_back({e.subject, e});
      if (symmetric) {
        out[e.object].push_back({e.subject, e});
        in[e.subject].push_back({e.object, e});
      }
    });
  }
  std::vector<Arc> Arcs(uint32_t v, Direction d) const {
    std::vector<Arc> arcs;
    if (d != Direction::kIn) arcs.insert(arcs.end(), out[v].begin(), out[v].end());
    if (d != Direction::kOut) arcs.insert(arcs.end(), in[v].begin(), in[v].end());
    return arcs;
  }
  std::map<uint32_t, int> Distances(uint32_t from, Direction d, int max_hops, const std::string& only) const {
    std::map<uint32_t, int> distance{{from, 0}};
    std::vector<uint32_t> frontier{from};
    for (int level = 0; level < max_hops && !frontier.empty(); ++level) {
      std::vector<uint32_t> next;
      for (uint32_t v : frontier) {
        for (const Arc& a : Arcs(v, d)) {
          if (!only.empty() && a.edge.predicate != only) continue;
          if (distance.emplace(a.to, level + 1).second) next.push_back(a.to);
        }
      }
      frontier = std::move(next);
    }
    return distance;
  }
  std::vector<std::vector<Arc>> out, in;
};

std::string Text(const GraphSnapshot& s, const SnapshotEdge& e) {
  return std::string(s.vertex(e.subject).name) + " " + std::string(e.predicate) + " " + std::string(s.vertex(e.object).name);
}

std::string Text(const GraphFact& f) { return f.subject + " " + f.predicate + " " + f.object; }

class WalksTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    auto store = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok());
    store_ = std::move(store).value();
    IngestReport report = testing::IngestText(*store_, RandomGraphJsonl(11));
    ASSERT_EQ(report.rejected, 0u) << (report.errors.empty() ? "" : report.errors[0]);
    auto snapshot = store_->Snapshot({});
    ASSERT_TRUE(snapshot.ok());
    snapshot_ = std::move(snapshot).value();
  }

  std::unique_ptr<GraphStore> store_;
  std::unique_ptr<GraphSnapshot> snapshot_;
};

TEST_F(WalksTest, NeighborVerticesReachWhatABreadthFirstSearchReachesInNameOrder) {
  const GraphSnapshot& s = *snapshot_;
  const Reference ref(s);
  for (uint32_t seed = 0; seed < s.vertex_count(); seed += 3) {
    for (Direction d : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
      for (int hops : {1, 2, 4}) {
        for (const std::string only : {"", "invests_in"}) {
          NeighborOptions options{.hops = hops, .direction = d};
          if (!only.empty()) options.predicates = {only};
          auto rows = s.NeighborVertices(seed, options);
          ASSERT_TRUE(rows.ok());
          auto distance = ref.Distances(seed, d, hops, only);
          distance.erase(seed);
          ASSERT_EQ(rows->size(), distance.size()) << "seed " << seed << " hops " << hops;
          for (size_t i = 0; i < rows->size(); ++i) {
            const VertexNeighbor& row = (*rows)[i];
            EXPECT_EQ(row.distance, distance[row.vertex]);
            // The fact joins the vertex to one a level closer.
            const uint32_t other = row.via.subject == row.vertex ? row.via.object : row.via.subject;
            EXPECT_EQ(other == seed ? 0 : distance[other], row.distance - 1) << Text(s, row.via);
            if (i > 0) {
              const VertexNeighbor& prev = (*rows)[i - 1];
              EXPECT_LT(std::make_tuple(prev.distance, s.vertex(prev.vertex).name, prev.vertex),
                        std::make_tuple(row.distance, s.vertex(row.vertex).name, row.vertex));
            }
          }
          // Neighbors gives the same rows with names.
          auto named = s.Neighbors(std::string(s.vertex(seed).name), options);
          ASSERT_TRUE(named.ok());
          ASSERT_EQ(named->size(), rows->size());
          for (size_t i = 0; i < rows->size(); ++i) {
            EXPECT_EQ((*named)[i].entity.name, s.vertex((*rows)[i].vertex).name);
            EXPECT_EQ(Text((*named)[i].via), Text(s, (*rows)[i].via));
          }
        }
      }
    }
  }
  EXPECT_EQ(s.NeighborVertices(s.vertex_count(), {}).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(WalksTest, ShortestPathsAreEveryShortestPathAndNoOther) {
  const GraphSnapshot& s = *snapshot_;
  const Reference ref(s);
  std::mt19937 random(5);
  for (int trial = 0; trial < 150; ++trial) {
    const uint32_t a = random() % s.vertex_count(), b = random() % s.vertex_count();
    if (a == b) continue;
    const std::string only = trial % 4 == 0 ? "invests_in" : "";
    const auto from_a = ref.Distances(a, Direction::kBoth, 100, only);
    // Every shortest path, by extending paths from a one level at a time and keeping those that end at b.
    std::set<std::vector<std::string>> expected;
    if (from_a.count(b)) {
      const auto to_b = ref.Distances(b, Direction::kBoth, 100, only);
      const int d = from_a.at(b);
      std::vector<std::pair<uint32_t, std::vector<std::string>>> partial{{a, {}}};
      for (int step = 0; step < d; ++step) {
        std::vector<std::pair<uint32_t, std::vector<std::string>>> longer;
        for (const auto& [at, facts] : partial) {
          std::set<std::string> taken;  // a symmetric fact appears as two arcs; walk it once
          for (const Arc& arc : ref.Arcs(at, Direction::kBoth)) {
            if (!only.empty() && arc.edge.predicate != only) continue;
            auto left = to_b.find(arc.to);
            if (left == to_b.end() || left->second != d - step - 1) continue;
            std::vector<std::string> next = facts;
            next.push_back(Text(s, arc.edge));
            if (!taken.insert(next.back() + "|" + std::to_string(arc.to)).second) continue;
            longer.push_back({arc.to, std::move(next)});
          }
        }
        partial = std::move(longer);
      }
      for (const auto& [at, facts] : partial) expected.insert(facts);
    }
    PathOptions all{.all = true, .max_paths = 100000};
    if (!only.empty()) all.predicates = {only};
    const std::string from(s.vertex(a).name), to(s.vertex(b).name);
    auto paths = s.ShortestPaths(from, to, all);
    ASSERT_TRUE(paths.ok());
    std::set<std::vector<std::string>> got;
    for (const GraphPath& path : *paths) {
      std::vector<std::string> facts;
      for (const GraphFact& f : path) facts.push_back(Text(f));
      got.insert(facts);
    }
    EXPECT_EQ(got.size(), paths->size()) << "a path came twice, " << from << " to " << to;
    EXPECT_EQ(got, expected) << from << " to " << to;

    PathOptions one;
    if (!only.empty()) one.predicates = {only};
    auto single = s.ShortestPaths(from, to, one);
    ASSERT_TRUE(single.ok());
    ASSERT_EQ(single->size(), expected.empty() ? 0u : 1u);
    if (!expected.empty()) {
      std::vector<std::string> facts;
      for (const GraphFact& f : (*single)[0]) facts.push_back(Text(f));
      EXPECT_TRUE(expected.count(facts)) << from << " to " << to;
      std::vector<std::string> first;
      for (const GraphFact& f : paths->front()) first.push_back(Text(f));
      EXPECT_EQ(facts, first) << "the single path is the first of all paths";
      // A hop limit below the distance finds nothing; at the distance, the path.
      one.max_hops = static_cast<int>(facts.size()) - 1;
      EXPECT_TRUE(s.ShortestPaths(from, to, one)->empty());
      one.max_hops = static_cast<int>(facts.size());
      EXPECT_EQ(s.ShortestPaths(from, to, one)->size(), 1u);
    }
  }
}

}  // namespace
}  // namespace kg
