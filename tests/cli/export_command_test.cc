// kg export on the command line: each format to a file or stdout, CSV into a directory, the selectors,
// dot as render draws it, and the errors for bad selectors and unwritable outputs. One run goes through
// the real binary as a subprocess.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "cli/cli_test_support.h"
#include "test_support.h"

namespace kg::cli {
namespace {

class ExportCommandTest : public CliStoreTest {
 protected:
  void SetUp() override {
    CliStoreTest::SetUp();
    IngestSourceFile("tests/data/export/provenance.jsonl");
  }

  static size_t Lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }
};

TEST_F(ExportCommandTest, CsvGoesIntoADirectoryAsThreeFiles) {
  Outcome r = Kg({"export", "--to", "csv", "-o", Path("out/csv")});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  const std::string nodes = testing::ReadFileBytes(Path("out/csv/nodes.csv"));
  const std::string edges = testing::ReadFileBytes(Path("out/csv/edges.csv"));
  const std::string evidence = testing::ReadFileBytes(Path("out/csv/evidence.csv"));
  EXPECT_EQ(nodes.rfind("Id,Label,", 0), 0u);
  EXPECT_EQ(edges.rfind("Source,Target,Type,Label,Weight,", 0), 0u);
  EXPECT_EQ(evidence.rfind("edge,source_uri,", 0), 0u);
  EXPECT_EQ(Lines(evidence), 1u + 8u + 1u);  // header, 8 pieces of evidence, one with a line break inside
  EXPECT_FALSE(std::filesystem::exists(Path("out/csv/nodes.csv.tmp")));

  r = Kg({"export", "--to", "csv", "--neo4j-headers", "-o", Path("neo4j")});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(testing::ReadFileBytes(Path("neo4j/nodes.csv")).rfind("id:ID,name,:LABEL,", 0), 0u);
  EXPECT_EQ(testing::ReadFileBytes(Path("neo4j/edges.csv")).rfind(":START_ID,:END_ID,:TYPE,", 0), 0u);
}

TEST_F(ExportCommandTest, SelectorsNarrowEveryFormat) {
  Outcome whole = Kg({"export", "--to", "node-link"});
  Outcome part = Kg({"export", "--to", "node-link", "--center", "Nestlé"});
  ASSERT_EQ(whole.code, kExitOk) << whole.err;
  ASSERT_EQ(part.code, kExitOk) << part.err;
  EXPECT_NE(part.out.find("\"name\":\"Blue Bottle, Inc.\""), std::string::npos);
  EXPECT_EQ(part.out.find("\"name\":\"Microsoft\""), std::string::npos);
  EXPECT_NE(whole.out.find("\"name\":\"Microsoft\""), std::string::npos);

  Outcome graphml = Kg({"export", "--to", "graphml", "--predicate", "acquires", "-o", Path("g.graphml")});
  ASSERT_EQ(graphml.code, kExitOk) << graphml.err;
  const std::string xml = testing::ReadFileBytes(Path("g.graphml"));
  const size_t edge = xml.find("<edge ");
  ASSERT_NE(edge, std::string::npos) << xml;
  EXPECT_EQ(xml.find("<edge ", edge + 1), std::string::npos);  // one acquisition
  EXPECT_NE(xml.find(">acquires</data>"), std::string::npos);

  Outcome jsonl = Kg({"export", "--type", "Person", "--type", "Organization", "--predicate", "ceo_of"});
  ASSERT_EQ(jsonl.code, kExitOk) << jsonl.err;
  EXPECT_EQ(Lines(jsonl.out), 1u);
  EXPECT_NE(jsonl.out.find("Satya Nadella"), std::string::npos);
}

TEST_F(ExportCommandTest, DotIsWhatRenderDraws) {
  Outcome exported = Kg({"export", "--to", "dot", "--center", "Microsoft"});
  Outcome rendered = Kg({"render", "--to", "dot", "--center", "Microsoft"});
  ASSERT_EQ(exported.code, kExitOk) << exported.err;
  EXPECT_EQ(exported.out, rendered.out);
  Outcome capped = Kg({"export", "--to", "dot", "--center", "Microsoft", "--max-nodes", "2", "-o", Path("m.dot")});
  ASSERT_EQ(capped.code, kExitOk) << capped.err;
  EXPECT_NE(capped.err.find("the export holds 2 entities"), std::string::npos) << capped.err;
  EXPECT_EQ(testing::ReadFileBytes(Path("m.dot")).rfind("digraph kg {", 0), 0u);
}

TEST_F(ExportCommandTest, DotWithNoSelectorDrawsTheWholeGraphMostConnectedFirst) {
  Outcome whole = Kg({"export", "--to", "dot"});
  ASSERT_EQ(whole.code, kExitOk) << whole.err;
  EXPECT_EQ(whole.err, "");  // nothing left out
  EXPECT_NE(whole.out.find("Microsoft"), std::string::npos);
  EXPECT_NE(whole.out.find("Satya Nadella"), std::string::npos);

  // Capped: the hub stays, and the message says how much of the graph the export holds.
  Outcome capped = Kg({"export", "--to", "dot", "--max-nodes", "1"});
  ASSERT_EQ(capped.code, kExitOk) << capped.err;
  EXPECT_NE(capped.out.find("label=Microsoft"), std::string::npos) << capped.out;
  EXPECT_EQ(capped.out.find("Satya Nadella"), std::string::npos);
  EXPECT_NE(capped.err.find("the export holds the 1 most connected"), std::string::npos) << capped.err;
}

TEST_F(ExportCommandTest, BadSelectorsAndOutputsGetClearErrors) {
  Outcome r = Kg({"export", "--to", "graphml", "--center", "Atlantis", "-o", Path("a.graphml")});
  EXPECT_EQ(r.code, kExitNotFound);
  EXPECT_EQ(r.err, "kg: no entity named \"Atlantis\"\n");
  EXPECT_FALSE(std::filesystem::exists(Path("a.graphml")));
  EXPECT_FALSE(std::filesystem::exists(Path("a.graphml.tmp")));

  r = Kg({"export", "--to", "csv", "--predicate", "sells_to", "-o", Path("csv")});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err, "kg: unknown predicate 'sells_to'; see schemas/predicates.json\n");
  EXPECT_FALSE(std::filesystem::exists(Path("csv/nodes.csv")));

  r = Kg({"export", "--type", "Company"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err, "kg: unknown type 'Company'\n");

  r = Kg({"export", "--to", "csv"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_NE(r.err.find("name a directory with -o DIR"), std::string::npos) << r.err;

  r = Kg({"export", "--to", "graphml", "--neo4j-headers"});
  EXPECT_EQ(r.code, kExitUsage);

  r = Kg({"export", "--to", "xml"});
  EXPECT_EQ(r.code, kExitUsage);

  WriteFile("plain", "a file, not a directory");
  r = Kg({"export", "--to", "node-link", "-o", Path("plain/graph.json")});
  EXPECT_EQ(r.code, kExitFailure);
  EXPECT_EQ(r.err, "kg: cannot write " + Path("plain/graph.json") + ": Not a directory\n");

  r = Kg({"export", "--to", "csv", "-o", Path("plain/csv")});
  EXPECT_EQ(r.code, kExitFailure);
  EXPECT_EQ(r.err.rfind("kg: cannot create directory " + Path("plain/csv") + ": ", 0), 0u) << r.err;
}

TEST_F(ExportCommandTest, TheBinaryWritesGraphmlToStdout) {
  int code = -1;
  const std::string xml = testing::RunCommand(
      testing::KgBinary() + " --db " + Path("kg.db") + " export --to graphml --entity Microsoft --entity OpenAI", &code);
  ASSERT_EQ(code, 0);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml", 0), 0u);
  EXPECT_NE(xml.find(">partner_of</data>"), std::string::npos) << xml;
}

}  // namespace
}  // namespace kg::cli
