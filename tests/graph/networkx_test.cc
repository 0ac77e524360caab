// PageRank and betweenness compared with networkx on a random graph with dangling entities, symmetric
// facts and parallel facts. Needs /usr/bin/python3 with networkx (Debian's python3-networkx, installed
// by tools/setup.sh); skipped with a message when it is missing.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "graph/graph_test_support.h"

namespace kg {
namespace {

// Reads the edge list (subject id, object id, 1 when symmetric) and prints "id pagerank betweenness"
// per vertex. The pure-Python PageRank needs no scipy.
const char* const kScript = R"(
import sys
import networkx as nx
from networkx.algorithms.link_analysis import pagerank_alg
directed = nx.MultiDiGraph()
undirected = nx.Graph()
with open(sys.argv[1]) as f:
    for line in f:
        words = line.split()
        if words[0] == 'v':
            directed.add_node(int(words[1])); undirected.add_node(int(words[1])); continue
        s, o, symmetric = int(words[0]), int(words[1]), words[2] == '1'
        directed.add_edge(s, o)
        if symmetric and s != o: directed.add_edge(o, s)
        if s != o: undirected.add_edge(s, o)
rank_fn = getattr(pagerank_alg, '_pagerank_python', None) or nx.pagerank
rank = rank_fn(directed, alpha=0.85, tol=1e-13, max_iter=10000)
between = nx.betweenness_centrality(undirected, normalized=False)
for v in sorted(directed.nodes()):
    print(v, repr(rank[v]), repr(between[v]))
)";

bool HaveNetworkx() { return std::system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1") == 0; }

std::string RandomGraphJsonl(unsigned seed) {
  std::mt19937 random(seed);
  std::ostringstream out;
  auto org = [](int i) { return R"({"name":"Org )" + std::to_string(i) + R"(","type":"Organization"})"; };
  auto country = [](int i) { return R"({"name":"Land )" + std::to_string(i) + R"(","type":"Region"})"; };
  for (int line = 0; line < 400; ++line) {
    const int kind = random() % 10;
    const int a = random() % 90, b = random() % 90;
    std::string subject = org(a), object;
    std::string predicate = "invests_in";
    if (kind < 3) {
      predicate = "partner_of";
      object = org(b);
    } else if (kind < 6) {
      object = country(b % 30);  // regions never invest: dangling
    } else {
      object = org(b / 2);       // some orgs are only invested in: dangling too
      if (kind == 9) predicate = "acquires";
    }
    if (object == subject) continue;
    out << R"({"subject":)" << subject << R"(,"predicate":")" << predicate << R"(","object":)" << object
        << R"(,"source":{"uri":"https://rand.example/)" << line << R"("}})" << "\n";
  }
  return out.str();
}

class NetworkxTest : public testing::TempDirTest {};

TEST_F(NetworkxTest, PageRankAndBetweennessMatchNetworkx) {
  if (!HaveNetworkx()) GTEST_SKIP() << "/usr/bin/python3 has no networkx; install python3-networkx (tools/setup.sh)";
  auto store = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
  ASSERT_TRUE(store.ok());
  IngestReport report = testing::IngestText(**store, RandomGraphJsonl(7));
  ASSERT_EQ(report.rejected, 0u) << (report.errors.empty() ? "" : report.errors[0]);
  auto snapshot = (*store)->Snapshot({});
  ASSERT_TRUE(snapshot.ok());
  const GraphSnapshot& s = **snapshot;

  {
    std::ofstream edges(Path("edges.txt"));
    for (uint32_t v = 0; v < s.vertex_count(); ++v) edges << "v " << s.vertex(v).entity_id << "\n";
    s.ForEachEdge([&](const SnapshotEdge& e) {
      edges << s.vertex(e.subject).entity_id << " " << s.vertex(e.object).entity_id << " "
            << (e.predicate == "partner_of" ? 1 : 0) << "\n";
    });
  }
  std::ofstream(Path("score.py")) << kScript;
  FILE* pipe = popen(("/usr/bin/python3 " + Path("score.py") + " " + Path("edges.txt")).c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::map<uint64_t, std::pair<double, double>> expected;
  unsigned long long id;
  double rank, between;
  while (std::fscanf(pipe, "%llu %lf %lf", &id, &rank, &between) == 3) expected[id] = {rank, between};
  ASSERT_EQ(pclose(pipe), 0);
  ASSERT_EQ(expected.size(), s.vertex_count());

  auto ranks = s.Rank({.by = RankMeasure::kPageRank});
  auto betweenness = s.Rank({.by = RankMeasure::kBetweenness});
  ASSERT_TRUE(ranks.ok());
  ASSERT_TRUE(betweenness.ok());
  double total = 0;
  for (const RankRow& row : *ranks) {
    EXPECT_NEAR(row.score, expected[row.entity.id].first, 1e-6) << row.entity.name;
    total += row.score;
  }
  EXPECT_NEAR(total, 1.0, 1e-9);
  for (const RankRow& row : *betweenness) EXPECT_NEAR(row.score, expected[row.entity.id].second, 1e-6) << row.entity.name;
}

}  // namespace
}  // namespace kg
