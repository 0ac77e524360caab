// Helpers for store tests: ingest JSONL text into a GraphStore and read results back.
#ifndef KG_TESTS_STORE_STORE_TEST_SUPPORT_H_
#define KG_TESTS_STORE_STORE_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "kg/graph_store.h"

namespace kg::testing {

inline IngestReport IngestText(GraphStore& store, const std::string& jsonl, IngestOptions options = {}) {
  std::istringstream in(jsonl);
  auto report = store.IngestJsonl(in, "test.jsonl", options);
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  return report.ok() ? *report : IngestReport{};
}

inline std::string Export(const GraphStore& store) {
  std::ostringstream out;
  auto lines = store.ExportJsonl(out);
  EXPECT_TRUE(lines.ok()) << lines.status().ToString();
  return out.str();
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
