// kg export --to csv against spreadsheet formula injection: every text field of nodes.csv, edges.csv and
// evidence.csv that starts with = + - @, a tab or CR gets a ' in front (inside the quotes when the field
// needs them), numeric columns never do, and raw_csv writes the stored bytes unchanged.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

#include "kg/graph_store.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg {
namespace {

class CsvFormulaGuardTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    auto store = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    std::string jsonl;
    const nlohmann::json lines[] = {
        {{"subject", {{"name", "=HYPERLINK(\"http://evil.example\",\"x\")"}, {"type", "Organization"}}},
         {"predicate", "invests_in"},
         {"object", {{"name", "+Plus Country"}, {"type", "Country"}}},
         {"amount", 5},
         {"currency", "EUR"},
         {"period", "-P2Y"},
         {"source", {{"uri", "@uri"}, {"title", "\tTabbed title"}}},
         {"evidence", {{"text", "\rcarriage, return"}, {"start", 0}, {"end", 3}}},
         {"extractor", "=cmd|' /C calc'!A0"}},
        {{"subject", {{"name", "-Minus Works"}, {"type", "Organization"}}},
         {"predicate", "invests_in"},
         {"object", {{"name", "@Sum Land"}, {"type", "Country"}}},
         {"source", {{"uri", "https://plain.example/1"}, {"title", "'already quoted"}}}},
    };
    for (const auto& line : lines) jsonl += line.dump() + "\n";
    IngestReport report = testing::IngestText(*store_, jsonl);
    ASSERT_EQ(report.rejected, 0u) << (report.errors.empty() ? "" : report.errors[0]);
  }

  struct Csv {
    std::string nodes, edges, evidence;
  };

  Csv Export(bool raw) {
    ExportOptions options;
    options.format = ExportFormat::kCsv;
    options.raw_csv = raw;
    std::ostringstream nodes, edges, evidence;
    ExportStreams streams;
    streams.nodes = &nodes;
    streams.edges = &edges;
    streams.evidence = &evidence;
    auto report = store_->Export(options, streams);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return {nodes.str(), edges.str(), evidence.str()};
  }

  uint64_t IdOf(const std::string& name) {
    auto details = store_->LookupEntity(name);
    EXPECT_TRUE(details.ok()) << name;
    return details.ok() ? details->entity.id : 0;
  }

  std::unique_ptr<GraphStore> store_;
};

TEST_F(CsvFormulaGuardTest, TextFieldsThatStartLikeFormulasGetAQuote) {
  const Csv csv = Export(/*raw=*/false);
  // Names, in nodes.csv: the guard is part of the text, inside the quotes a field needs anyway.
  EXPECT_NE(csv.nodes.find(std::to_string(IdOf("=HYPERLINK(\"http://evil.example\",\"x\")")) +
                           ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",Organization,"),
            std::string::npos)
      << csv.nodes;
  EXPECT_NE(csv.nodes.find(std::to_string(IdOf("+Plus Country")) + ",'+Plus Country,Country,"), std::string::npos)
      << csv.nodes;
  EXPECT_NE(csv.nodes.find(std::to_string(IdOf("-Minus Works")) + ",'-Minus Works,Organization,"), std::string::npos)
      << csv.nodes;
  EXPECT_NE(csv.nodes.find(std::to_string(IdOf("@Sum Land")) + ",'@Sum Land,Country,"), std::string::npos)
      << csv.nodes;
  // edges.csv: the period is text; the amount and counts are numbers and stay as they are.
  EXPECT_NE(csv.edges.find(",5,EUR,,'-P2Y,"), std::string::npos) << csv.edges;
  // evidence.csv: uri, title, evidence text (tab and CR starts) and extractor.
  EXPECT_NE(csv.evidence.find(",'@uri,'\tTabbed title,,\"'\rcarriage, return\",0,3,,'=cmd|' /C calc'!A0,5,EUR,,'-P2Y\r\n"),
            std::string::npos)
      << csv.evidence;
  // A field that starts with a quote already is not a formula and keeps its text.
  EXPECT_NE(csv.evidence.find(",https://plain.example/1,'already quoted,"), std::string::npos) << csv.evidence;
  EXPECT_EQ(csv.evidence.find(",''already quoted,"), std::string::npos) << csv.evidence;
}

TEST_F(CsvFormulaGuardTest, RawCsvKeepsTheStoredBytes) {
  const Csv csv = Export(/*raw=*/true);
  EXPECT_NE(csv.nodes.find(",\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",Organization,"), std::string::npos)
      << csv.nodes;
  EXPECT_NE(csv.nodes.find(",-Minus Works,Organization,"), std::string::npos) << csv.nodes;
  EXPECT_NE(csv.evidence.find(",@uri,\tTabbed title,,\"\rcarriage, return\",0,3,,=cmd|' /C calc'!A0,5,EUR,,-P2Y\r\n"),
            std::string::npos)
      << csv.evidence;
  EXPECT_EQ(csv.nodes.find(",'"), std::string::npos) << csv.nodes;
}

TEST_F(CsvFormulaGuardTest, RawCsvGoesWithCsvOnly) {
  ExportOptions options;
  options.format = ExportFormat::kNodeLink;
  options.raw_csv = true;
  std::ostringstream out;
  ExportStreams streams;
  streams.out = &out;
  auto report = store_->Export(options, streams);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(report.status().message(), "--raw-csv applies to --to csv only");
}

}  // namespace
}  // namespace kg
