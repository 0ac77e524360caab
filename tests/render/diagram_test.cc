// Diagrams through GraphStore::Render: the golden DOT of a fixture, DOT parse-back with cgraph, SVG
// that parses as XML and stays inert with hostile names, PNG validity, determinism, caps, selections and
// the layout time bound.
#include <graphviz/cgraph.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <string>

#include "kg/graph_store.h"
#include "render/graphviz_diagram.h"
#include "store/store_test_support.h"
#include "test_support.h"
#include "text/control_characters.h"

namespace kg {
namespace {

// What a person sees of a label: LabelText without the doubled backslashes and with & for &amp;.
std::string Displayed(const std::string& label) {
  std::string out;
  for (size_t i = 0; i < label.size(); ++i) {
    if (label[i] == '\\' && i + 1 < label.size() && label[i + 1] == '\\') ++i;
    if (label.compare(i, 5, "&amp;") == 0) {
      out += '&';
      i += 4;
      continue;
    }
    out += label[i];
  }
  return out;
}

class DiagramTest : public testing::TempDirTest {
 protected:
  std::unique_ptr<GraphStore> Store(const std::string& jsonl) {
    auto store = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    IngestReport report = testing::IngestText(**store, jsonl);
    EXPECT_EQ(report.rejected, 0u) << (report.errors.empty() ? "" : report.errors[0]);
    return std::move(store).value();
  }

  std::unique_ptr<GraphStore> Fixture() {
    return Store(testing::ReadFileBytes(testing::SourcePath("tests/data/query/fixture.jsonl")));
  }

  std::string Render(const GraphStore& store, const DiagramSelection& selection, DiagramOptions options = {},
                     DiagramReport* report = nullptr) {
    std::string out;
    auto result = store.Render(selection, options, &out);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    if (report && result.ok()) *report = *result;
    return out;
  }

  static DiagramOptions Format(DiagramFormat format) {
    DiagramOptions options;
    options.format = format;
    return options;
  }

  // Entity nodes of a DOT text (legend nodes aside), by name, with their label attribute.
  static std::map<std::string, std::string> ParsedLabels(const std::string& dot) {
    std::map<std::string, std::string> labels;
    Agraph_t* g = agmemread(dot.c_str());
    EXPECT_NE(g, nullptr) << "agmemread failed";
    if (g == nullptr) return labels;
    for (Agnode_t* n = agfstnode(g); n != nullptr; n = agnxtnode(g, n)) {
      const std::string id = agnameof(n);
      if (id == "legend") continue;
      EXPECT_EQ(labels.count(id), 0u) << "two nodes named " << id;
      char* label = agget(n, const_cast<char*>("label"));
      labels[id] = label == nullptr ? "" : label;
    }
    agclose(g);
    return labels;
  }
};

TEST_F(DiagramTest, GoldenDotForTheFixture) {
  auto store = Fixture();
  DiagramSelection selection;
  selection.centers = {"Microsoft"};
  EXPECT_EQ(Render(*store, selection, Format(DiagramFormat::kDot)),
            testing::ReadFileBytes(testing::SourcePath("tests/data/render/microsoft.dot")));
}

TEST_F(DiagramTest, FrenchLabelsAndWidthByEvidence) {
  auto store = Fixture();
  DiagramSelection selection;
  selection.entities = {"Microsoft", "Spain"};
  DiagramOptions options = Format(DiagramFormat::kDot);
  options.lang = "fr";
  const std::string dot = Render(*store, selection, options);
  EXPECT_NE(dot.find("investit dans\\n500 m EUR, 2022-06\\n1.9 bn EUR, 2024-02"), std::string::npos) << dot;
  EXPECT_NE(dot.find("penwidth=2.58"), std::string::npos) << dot;  // three pieces of evidence: 1 + log2(3)
  EXPECT_NE(dot.find("3 pieces of evidence, from:"), std::string::npos) << dot;
}

TEST_F(DiagramTest, HostileNamesParseBackToOneNodeEachWithTheirLabel) {
  const auto names = nlohmann::json::parse(testing::ReadFileBytes(testing::SourcePath("tests/data/render/hostile_names.json")));
  ASSERT_GE(names.size(), 50u);
  std::string jsonl;
  DiagramSelection selection;
  size_t refused = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string name = names[i];
    if (name.size() > 1000) continue;  // longer names are refused at ingest; see LongNamesStayIntact
    // Control characters and bidi controls are refused at ingest too; see ControlCharactersBecomePictures.
    if (text::FindControlOrBidiControl(name)) {
      ++refused;
      continue;
    }
    nlohmann::json line = {{"subject", {{"name", name}, {"type", "Organization"}}},
                           {"predicate", "invests_in"},
                           {"object", "Spain"},
                           {"source", {{"uri", "https://x.example/" + std::to_string(i)}}}};
    jsonl += line.dump() + "\n";
    selection.entities.push_back(name);
  }
  auto store = Store(jsonl);
  DiagramOptions options = Format(DiagramFormat::kDot);
  DiagramReport report;
  const std::string dot = Render(*store, selection, options, &report);
  const auto labels = ParsedLabels(dot);
  EXPECT_EQ(labels.size(), report.nodes);
  size_t exact = 0;
  for (const std::string& name : selection.entities) {
    auto entity = store->LookupEntity(name);
    ASSERT_TRUE(entity.ok()) << name;
    const std::string id = "e" + std::to_string(entity->entity.id);
    ASSERT_EQ(labels.count(id), 1u) << name;
    EXPECT_EQ(labels.at(id), render::LabelText(entity->entity.name)) << name;
    if (entity->entity.name == name) ++exact;
  }
  EXPECT_EQ(refused, 9u);
  EXPECT_GE(exact + refused, 55u);  // names with nothing to normalise keep their spelling as the canonical name

  // The SVG of the same graph parses as XML, holds nothing active, and shows every name as text.
  options.format = DiagramFormat::kSvg;
  const std::string svg = Render(*store, selection, options);
  std::ofstream(Path("hostile.svg"), std::ios::binary) << svg;
  nlohmann::json expected = nlohmann::json::array();
  for (const auto& [id, label] : labels) expected.push_back(Displayed(label));
  std::ofstream(Path("expected.json")) << expected.dump();
  int exit_code = 0;
  const std::string checked = testing::RunCommand("/usr/bin/python3 " + testing::SourcePath("tests/render/check_svg.py") +
                                                      " " + Path("hostile.svg") + " " + Path("expected.json"),
                                                  &exit_code);
  EXPECT_EQ(exit_code, 0) << checked;
}

// A store written before names were checked for control characters may still hold some: Graphviz gets
// their pictures, never the characters themselves.
TEST(LabelTextTest, ControlCharactersBecomePictures) {
  EXPECT_EQ(render::LabelText(std::string("Nul\0Esc\x1b[31m\nDel\x7f", 17)),
            "Nul\xE2\x90\x80" "Esc\xE2\x90\x9B[31m\xE2\x90\x8A" "Del\xE2\x90\xA1");
  EXPECT_EQ(render::LabelText("a\\N & b"), "a\\\\N &amp; b");
}

TEST_F(DiagramTest, LongNamesStayIntact) {
  render::DiagramGraph graph;
  const std::string name = "Long \\N<script>" + std::string(12000, 'x');
  graph.nodes.push_back({1, name, EntityType::kOrganization});
  graph.nodes.push_back({2, "Spain", EntityType::kCountry});
  render::DiagramEdge edge;
  edge.fact = {1, 1, 2};
  edge.predicate = "invests_in";
  edge.evidence_count = 1;
  edge.groups.push_back({});
  edge.groups.back().sources = {std::string(11000, 'u')};
  graph.edges.push_back(edge);
  auto dot = render::DiagramDot(graph, "en");
  ASSERT_TRUE(dot.ok()) << dot.status().ToString();
  const auto labels = ParsedLabels(*dot);
  EXPECT_EQ(labels.at("e1"), render::LabelText(name));
  EXPECT_EQ(Displayed(labels.at("e1")), name);
  auto svg = render::LayOutDot(*dot, DiagramLayout::kDot, DiagramFormat::kSvg, 60);
  ASSERT_TRUE(svg.ok()) << svg.status().ToString();
  EXPECT_NE(svg->find("Long \\N&lt;script&gt;" + std::string(12000, 'x') + "</text>"), std::string::npos);
}

TEST_F(DiagramTest, PngIsAValidImage) {
  auto store = Fixture();
  DiagramSelection selection;
  selection.centers = {"Microsoft"};
  selection.hops = 2;
  const std::string png = Render(*store, selection, Format(DiagramFormat::kPng));
  ASSERT_GT(png.size(), 5000u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  auto be32 = [&](size_t at) {
    return (uint32_t(uint8_t(png[at])) << 24) | (uint32_t(uint8_t(png[at + 1])) << 16) |
           (uint32_t(uint8_t(png[at + 2])) << 8) | uint32_t(uint8_t(png[at + 3]));
  };
  EXPECT_GT(be32(16), 300u);  // width
  EXPECT_GT(be32(20), 200u);  // height
  EXPECT_EQ(png.substr(png.size() - 8, 4), "IEND");
}

TEST_F(DiagramTest, TheSameGraphGivesTheSameBytes) {
  auto store = Fixture();
  DiagramSelection selection;
  selection.centers = {"Brad Smith"};
  selection.hops = 3;
  for (DiagramFormat format : {DiagramFormat::kDot, DiagramFormat::kSvg, DiagramFormat::kPng}) {
    EXPECT_EQ(Render(*store, selection, Format(format)), Render(*store, selection, Format(format)));
  }
}

TEST_F(DiagramTest, CapsLeaveOutTheFarthestAndSaySo) {
  std::string jsonl;
  for (int i = 0; i < 500; ++i) {
    jsonl += R"({"subject":"Hub Holdings","predicate":"invests_in","object":{"name":"Target )" + std::to_string(i) +
             R"(","type":"Organization"},"source":{"uri":"https://x.example/)" + std::to_string(i) + "\"}}\n";
  }
  auto store = Store(jsonl);
  DiagramSelection selection;
  selection.centers = {"Hub Holdings"};
  DiagramReport report;
  const std::string dot = Render(*store, selection, Format(DiagramFormat::kDot), &report);
  EXPECT_EQ(report.nodes, 200u);
  EXPECT_EQ(report.nodes_left_out, 301u);
  EXPECT_EQ(report.edges, 199u);
  EXPECT_NE(dot.find("Partial view: 301 more entities left out"), std::string::npos);

  DiagramOptions options = Format(DiagramFormat::kDot);
  options.max_nodes = 1000;
  options.max_edges = 50;
  Render(*store, selection, options, &report);
  EXPECT_EQ(report.nodes, 501u);
  EXPECT_EQ(report.edges, 50u);
  EXPECT_EQ(report.edges_left_out, 450u);
}

TEST_F(DiagramTest, SelectByQueryEntitiesAndFilters) {
  auto store = Fixture();
  DiagramSelection by_query;
  by_query.query = "MATCH (s)-[:subsidiary_of*1..3]->(m {name: 'Microsoft'}) RETURN s, m";
  DiagramReport report;
  Render(*store, by_query, Format(DiagramFormat::kDot), &report);
  EXPECT_EQ(report.nodes, 4u);  // LinkedIn, Mojang, Xbox Game Studios, Microsoft
  EXPECT_EQ(report.edges, 3u);

  DiagramSelection invest;
  invest.centers = {"Microsoft"};
  invest.predicates = {"invests_in"};
  invest.types = {EntityType::kCountry};
  Render(*store, invest, Format(DiagramFormat::kDot), &report);
  EXPECT_EQ(report.nodes, 3u);  // Microsoft stays as the centre; Spain and Germany
  EXPECT_EQ(report.edges, 2u);

  invest.date_from = "2022";
  invest.date_to = "2022-12";
  const std::string dot = Render(*store, invest, Format(DiagramFormat::kDot), &report);
  EXPECT_EQ(report.edges, 1u);  // only the 2022 investment in Spain
  EXPECT_NE(dot.find("500 m EUR, 2022-06"), std::string::npos);
  EXPECT_EQ(dot.find("1.9 bn"), std::string::npos);
}

TEST_F(DiagramTest, BadSelectionsSayWhy) {
  auto store = Fixture();
  std::string out;
  DiagramSelection none;
  EXPECT_EQ(store->Render(none, {}, &out).status().code(), StatusCode::kInvalidArgument);
  DiagramSelection unknown;
  unknown.centers = {"Atlantis"};
  EXPECT_EQ(store->Render(unknown, {}, &out).status().message(), "no entity named \"Atlantis\"");
  DiagramSelection names_only;
  names_only.query = "MATCH (a)-[:invests_in]->(b) RETURN a.name";
  EXPECT_EQ(store->Render(names_only, {}, &out).status().message(),
            "the query returns no nodes to draw; return them whole, as in RETURN a, b");
}

TEST_F(DiagramTest, EveryLayoutEngineDrawsTheSameGraph) {
  auto store = Fixture();
  DiagramSelection selection;
  selection.centers = {"Microsoft"};
  for (DiagramLayout layout : {DiagramLayout::kDot, DiagramLayout::kSfdp, DiagramLayout::kNeato}) {
    DiagramOptions options = Format(DiagramFormat::kSvg);
    options.layout = layout;
    const std::string svg = Render(*store, selection, options);
    EXPECT_NE(svg.find(">Xbox Game Studios</text>"), std::string::npos) << static_cast<int>(layout);
    EXPECT_NE(svg.find(">Legend</text>"), std::string::npos) << static_cast<int>(layout);
  }
}

TEST_F(DiagramTest, LayoutTimeIsBounded) {
  auto store = Fixture();
  DiagramSelection selection;
  selection.centers = {"Microsoft"};
  DiagramOptions options;
  options.layout_seconds = 1e-4;
  std::string out;
  auto report = store->Render(selection, options, &out);
  EXPECT_EQ(report.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(report.status().message().find("layout took longer than 0.0001 s"), std::string::npos)
      << report.status().message();
}

}  // namespace
}  // namespace kg
