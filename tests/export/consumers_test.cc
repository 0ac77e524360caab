// The exports read by the consumers they are for, under /usr/bin/python3 with Debian's packages:
// networkx's read_graphml and node_link_graph, and pandas' read_csv on all three CSV files, with both
// header sets. tests/export/check_exports.py compares what they read with what the store's own API says
// (ListFacts, LookupEntity, Stats), here written to expected.json. Needs python3-networkx and
// python3-pandas (tools/setup.sh).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "kg/graph_store.h"
#include "schema/predicate_vocabulary.h"
#include "store/store_test_support.h"
#include "test_support.h"
#include "text/control_characters.h"

namespace kg {
namespace {

class ConsumersTest : public testing::TempDirTest {
 protected:
  void Load(const std::string& jsonl) {
    auto store = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    IngestReport report = testing::IngestText(*store_, jsonl);
    ASSERT_EQ(report.rejected, 0u) << (report.errors.empty() ? "" : report.errors[0]);
  }

  void ExportTo(ExportFormat format, const std::string& name, bool neo4j = false, bool raw_csv = false) {
    ExportOptions options;
    options.format = format;
    options.neo4j_headers = neo4j;
    options.raw_csv = raw_csv;
    ExportStreams streams;
    if (format == ExportFormat::kCsv) {
      std::filesystem::create_directories(dir() / name);
      std::ofstream nodes(dir() / name / "nodes.csv", std::ios::binary), edges(dir() / name / "edges.csv", std::ios::binary),
          evidence(dir() / name / "evidence.csv", std::ios::binary);
      streams.nodes = &nodes;
      streams.edges = &edges;
      streams.evidence = &evidence;
      auto report = store_->Export(options, streams);
      ASSERT_TRUE(report.ok()) << report.status().ToString();
      return;
    }
    std::ofstream out(dir() / name, std::ios::binary);
    streams.out = &out;
    auto report = store_->Export(options, streams);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
  }

  // What the store says, through the public API only.
  void WriteExpected(bool nul_in_names) {
    auto rows = store_->ListFacts({});
    ASSERT_TRUE(rows.ok());
    nlohmann::json nodes = nlohmann::json::object(), edges = nlohmann::json::array();
    auto add_node = [&](const Entity& e) {
      nlohmann::json aliases = nlohmann::json::array();
      for (const Alias& alias : e.aliases) aliases.push_back({alias.name, alias.lang});
      nodes[std::to_string(e.id)] = {{"name", e.name}, {"type", EntityTypeName(e.type)}, {"iso_code", e.iso_code},
                                     {"external_id", e.external_id}, {"aliases", aliases}};
    };
    for (const FactRow& row : *rows) {
      add_node(row.subject);
      add_node(row.object);
      const auto* predicate = schema::PredicateVocabulary::Builtin().Find(row.predicate);
      ASSERT_NE(predicate, nullptr);
      edges.push_back({{"source", row.subject.id}, {"target", row.object.id}, {"predicate", row.predicate},
                       {"symmetric", predicate->symmetric}, {"evidence_count", row.evidence_count},
                       {"amount", row.amount ? nlohmann::json(*row.amount) : nlohmann::json()},
                       {"currency", row.currency}, {"date", row.date}, {"period", row.period},
                       {"sources", row.sources}});
    }
    StoreStats stats = testing::StatsOf(*store_);
    ASSERT_EQ(nodes.size(), stats.entities);  // every entity has a fact
    nlohmann::json expected = {{"nodes", nodes}, {"edges", edges}, {"evidence", stats.evidence},
                               {"nul_in_names", nul_in_names}};
    std::ofstream(dir() / "expected.json") << expected.dump();
  }

  void CheckWithPython(bool nul_in_names) {
    ASSERT_EQ(std::system("/usr/bin/python3 -c 'import networkx, pandas' >/dev/null 2>&1"), 0)
        << "/usr/bin/python3 needs python3-networkx and python3-pandas (tools/setup.sh)";
    ASSERT_NO_FATAL_FAILURE(WriteExpected(nul_in_names));
    ExportTo(ExportFormat::kGraphml, "graph.graphml");
    ExportTo(ExportFormat::kNodeLink, "graph.json");
    ExportTo(ExportFormat::kCsv, "csv");
    ExportTo(ExportFormat::kCsv, "neo4j", /*neo4j=*/true);
    ExportTo(ExportFormat::kCsv, "raw", /*neo4j=*/false, /*raw_csv=*/true);
    int code = -1;
    const std::string output = testing::RunCommand(
        "/usr/bin/python3 " + testing::SourcePath("tests/export/check_exports.py") + " " + Path("expected.json") + " " +
            dir().string() + " 2>&1",
        &code);
    EXPECT_EQ(code, 0) << output;
    EXPECT_EQ(output, "ok\n");
  }

  std::unique_ptr<GraphStore> store_;
};

TEST_F(ConsumersTest, NetworkxAndPandasReadWhatTheStoreHolds) {
  Load(testing::ReadFileBytes(testing::SourcePath("tests/data/export/provenance.jsonl")));
  CheckWithPython(/*nul_in_names=*/false);
}

// Another hostile text, control characters included, as a title; titles are limited to 1,000 characters.
std::string TitleFor(const std::string& text) { return text.size() <= 1000 ? text : "long"; }

TEST_F(ConsumersTest, HostileNamesSurviveEveryFormat) {
  const auto names = nlohmann::json::parse(testing::ReadFileBytes(testing::SourcePath("tests/data/render/hostile_names.json")));
  std::string jsonl;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string name = names[i];
    // Refused at ingest: names over 1,000 characters, and names with control characters or bidi controls
    // (which titles, periods and evidence may still hold).
    if (name.size() > 1000 || text::FindControlOrBidiControl(name)) continue;
    nlohmann::json line = {{"subject", {{"name", name}, {"type", "Organization"}}},
                           {"predicate", "invests_in"},
                           {"object", {{"name", "Target, \"Q\" " + std::to_string(i % 3)}, {"type", "Organization"}}},
                           {"currency", name.size() < 3 ? "EUR" : "USD"},
                           {"amount", 1.0 / (i + 1)},
                           {"source", {{"uri", "https://x.example/" + std::to_string(i) + "?q=" + name},
                                       {"title", TitleFor(names[(i + 17) % names.size()])}}},
                           {"evidence", {{"text", "A line\nbreak, \"quoted\", and \x1b\x07 controls " + name}}}};
    if (name.size() <= 200) line["period"] = name;  // the schema's limit for periods
    jsonl += line.dump() + "\n";
  }
  Load(jsonl);
  CheckWithPython(/*nul_in_names=*/true);
}

}  // namespace
}  // namespace kg
