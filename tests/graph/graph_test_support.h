// A store holding tests/data/graph/companies.jsonl, the hand-made graph the graph tests check by hand:
//
//   component 1 (8 entities, 9 facts)                      component 2 (3 entities, 2 facts)
//   Nordwind Energy -invests_in-> Spain (2024-02-10)         Tom Reed -ceo_of-> Eastgate Foods
//   Nordwind Energy -invests_in-> Portugal (2023-06)         Eastgate Foods -invests_in-> Chile (2019-07)
//   Alpina Holding  -invests_in-> Spain (2024-05-01, twice: "Spain" and "Espagne")
//   Alpina Holding  -invests_in-> Portugal (2024-08)
//   Nordwind Energy -partner_of-  Alpina Holding (2024-03; symmetric, stored from the smaller id)
//   Cobalt Labs -subsidiary_of-> Nordwind Energy (2022)
//   Maria Lopez -ceo_of-> Nordwind Energy (no date)
//   Dunmore Bank -invests_in-> Cobalt Labs (2021-11)
//   Dunmore Bank -partner_of-  Fjord Shipping (2020)
#ifndef KG_TESTS_GRAPH_GRAPH_TEST_SUPPORT_H_
#define KG_TESTS_GRAPH_GRAPH_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "kg/graph.h"
#include "kg/graph_store.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg::testing {

class GraphFixture : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    auto store = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    IngestReport report = IngestText(*store_, ReadFileBytes(SourcePath("tests/data/graph/companies.jsonl")));
    ASSERT_EQ(report.rejected, 0u) << (report.errors.empty() ? "" : report.errors[0]);
  }

  std::unique_ptr<GraphSnapshot> Snap(const SnapshotFilter& filter = {}) {
    auto snapshot = store_->Snapshot(filter);
    EXPECT_TRUE(snapshot.ok()) << snapshot.status().ToString();
    return snapshot.ok() ? std::move(snapshot).value() : nullptr;
  }

  std::unique_ptr<GraphStore> store_;
};

// The snapshot's vertex names, sorted.
inline std::vector<std::string> VertexNames(const GraphSnapshot& s) {
  std::vector<std::string> names;
  for (uint32_t v = 0; v < s.vertex_count(); ++v) names.emplace_back(s.vertex(v).name);
  std::sort(names.begin(), names.end());
  return names;
}

// The snapshot's facts as "subject predicate object", sorted.
inline std::vector<std::string> EdgeTexts(const GraphSnapshot& s) {
  std::vector<std::string> edges;
  s.ForEachEdge([&](const SnapshotEdge& e) {
    edges.push_back(std::string(s.vertex(e.subject).name) + " " + std::string(e.predicate) + " " +
                    std::string(s.vertex(e.object).name));
  });
  std::sort(edges.begin(), edges.end());
  return edges;
}

}  // namespace kg::testing

#endif  // KG_TESTS_GRAPH_GRAPH_TEST_SUPPORT_H_
