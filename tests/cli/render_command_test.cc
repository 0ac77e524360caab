// kg render on the command line, in-process: the format from -o's extension or --to, stdout with -o -,
// the message when caps leave things out, an unwritable output, and usage errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "cli/cli_test_support.h"
#include "test_support.h"

namespace kg::cli {
namespace {

class RenderCommandTest : public CliStoreTest {
 protected:
  void SetUp() override {
    CliStoreTest::SetUp();
    IngestSourceFile("tests/data/query/fixture.jsonl");
  }
};

TEST_F(RenderCommandTest, TheExtensionChoosesTheFormat) {
  ASSERT_EQ(Kg({"render", "--center", "Google", "-o", Path("g.svg")}).code, kExitOk);
  EXPECT_EQ(testing::ReadFileBytes(Path("g.svg")).rfind("<?xml", 0), 0u);
  ASSERT_EQ(Kg({"render", "--center", "Google", "-o", Path("g.PNG")}).code, kExitOk);
  EXPECT_EQ(testing::ReadFileBytes(Path("g.PNG")).substr(1, 3), "PNG");
  ASSERT_EQ(Kg({"render", "--center", "Google", "-o", Path("g.gv")}).code, kExitOk);
  EXPECT_EQ(testing::ReadFileBytes(Path("g.gv")).rfind("digraph kg {", 0), 0u);
  ASSERT_EQ(Kg({"render", "--center", "Google", "--to", "svg", "-o", Path("g.out")}).code, kExitOk);
  EXPECT_EQ(testing::ReadFileBytes(Path("g.out")).rfind("<?xml", 0), 0u);
}

TEST_F(RenderCommandTest, DashWritesToStdoutAsDotByDefault) {
  Outcome r = Kg({"render", "--entity", "Google", "--entity", "Paris", "-o", "-", "--lang", "fr"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out.rfind("digraph kg {", 0), 0u);
  EXPECT_NE(r.out.find("ouvre un site"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

TEST_F(RenderCommandTest, CapsAreReportedWithHowToRaiseThem) {
  Outcome r = Kg({"render", "--center", "Microsoft", "--hops", "2", "--max-nodes", "3"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_NE(r.err.find("the diagram shows 3 entities"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("raise --max-nodes or --max-edges"), std::string::npos) << r.err;
}

TEST_F(RenderCommandTest, AnUnwritableOutputNamesTheReasonAndLeavesTheOldDiagram) {
  WriteFile("plain", "a file, not a directory\n");
  Outcome r = Kg({"render", "--center", "Google", "-o", Path("plain/g.svg")});
  EXPECT_EQ(r.code, kExitFailure);
  EXPECT_EQ(r.err, "kg: cannot write " + Path("plain/g.svg") + ": Not a directory\n");

  WriteFile("g.svg", "the diagram before\n");
  ASSERT_EQ(Kg({"render", "--center", "Atlantis", "-o", Path("g.svg")}).code, kExitNotFound);
  EXPECT_EQ(testing::ReadFileBytes(Path("g.svg")), "the diagram before\n");
  EXPECT_FALSE(std::filesystem::exists(Path("g.svg.tmp")));
}

TEST_F(RenderCommandTest, UsageErrors) {
  EXPECT_EQ(Kg({"render", "--center", "Google", "-o", Path("g.jpeg")}).code, kExitUsage);
  EXPECT_EQ(Kg({"render", "--center", "Google", "--layout", "circo"}).code, kExitUsage);
  EXPECT_EQ(Kg({"render", "--center", "Google", "--type", "Company"}).code, kExitUsage);
  EXPECT_EQ(Kg({"render"}).code, kExitUsage);
  EXPECT_EQ(Kg({"render", "--center", "Atlantis"}).code, kExitNotFound);
}

}  // namespace
}  // namespace kg::cli
