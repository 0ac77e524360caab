// Helpers for store tests: ingest JSONL text into a GraphStore and read results back.
#ifndef KG_TESTS_STORE_STORE_TEST_SUPPORT_H_
#define KG_TESTS_STORE_STORE_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <vector>
#include <string>

#include "kg/graph_store.h"
#include "test_support.h"

namespace kg::testing {

inline IngestReport IngestText(GraphStore& store, const std::string& jsonl, IngestOptions options = {}) {
  std::istringstream in(jsonl);
  auto report = store.IngestJsonl(in, "test.jsonl", options);
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  return report.ok() ? *report : IngestReport{};
}

// Opens a new read-write store at `dir` and loads the JSONL file `fixture` of the source tree into it,
// failing the test on any rejected line.
inline std::unique_ptr<GraphStore> OpenStoreWithFixture(const std::string& dir, const std::string& fixture) {
  auto store = GraphStore::Open(dir, OpenMode::kReadWrite);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  if (!store.ok()) return nullptr;
  IngestReport report = IngestText(**store, ReadFileBytes(SourcePath(fixture)));
  EXPECT_EQ(report.rejected, 0u) << (report.errors.empty() ? "" : report.errors[0]);
  return std::move(store).value();
}

inline std::string Export(const GraphStore& store) {
  std::ostringstream out;
  auto lines = store.ExportJsonl(out);
  EXPECT_TRUE(lines.ok()) << lines.status().ToString();
  return out.str();
}

// The lines of an export as a sorted multiset. A store rebuilt from an export holds the same graph, but
// allocates entity ids in the export's order, so its own export may list the same lines in another order.
inline std::vector<std::string> SortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

inline StoreStats StatsOf(const GraphStore& store) {
  auto stats = store.Stats();
  EXPECT_TRUE(stats.ok()) << stats.status().ToString();
  return stats.ok() ? *stats : StoreStats{};
}

inline void ExpectCheckPasses(const GraphStore& store) {
  auto report = store.Check();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  for (const auto& problem : report->problems) ADD_FAILURE() << "kg check: " << problem;
}

}  // namespace kg::testing

#endif  // KG_TESTS_STORE_STORE_TEST_SUPPORT_H_
