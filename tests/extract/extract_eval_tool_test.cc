// kg_extract_eval end to end, as a subprocess over the checked-in corpus.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace kg::eval {
namespace {

using ::testing::HasSubstr;

class ExtractEvalToolTest : public kg::testing::TempDirTest {
 protected:
  std::string Run(const std::string& args, int* exit_code) {
    return kg::testing::RunCommand(std::string(KG_EXTRACT_EVAL_BINARY) + " " + args + " 2>&1", exit_code);
  }
  std::string Gold() const { return kg::testing::SourcePath("tests/data/extract/articles"); }
};

TEST_F(ExtractEvalToolTest, GoldAsPredictionsScoresPerfectlyOnTheTestSplit) {
  std::filesystem::create_directories(dir() / "pred");
  for (const auto& entry : std::filesystem::directory_iterator(Gold())) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".gold.jsonl")) continue;
    std::filesystem::copy_file(entry.path(), dir() / "pred" / (name.substr(0, name.size() - 11) + ".jsonl"));
  }
  int code = -1;
  std::string out = Run("--gold " + Gold() + " --predicted " + Path("pred") + " --split test --format json", &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_THAT(out, HasSubstr("\"fn\": 0"));
  EXPECT_THAT(out, HasSubstr("\"article\": \"en_03\""));
  EXPECT_THAT(out, ::testing::Not(HasSubstr("\"article\": \"en_01\"")));  // a TUNE article

  out = Run("--gold " + Gold() + " --predicted " + Path("pred"), &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_THAT(out, HasSubstr("overall (micro)"));
  EXPECT_THAT(out, HasSubstr("1.000   1.000"));
}

TEST_F(ExtractEvalToolTest, MalformedPredictionExitsWithItsPosition) {
  std::filesystem::create_directories(dir() / "pred");
  WriteFile("pred/fr_01.jsonl", "{\"subject\": \"Nordalis\", \"predicate\": \"acquires\"}\n");
  int code = -1;
  std::string out = Run("--gold " + Gold() + " --predicted " + Path("pred"), &code);
  EXPECT_EQ(code, 3);
  EXPECT_THAT(out, HasSubstr("fr_01.jsonl:1:1: object: missing required field \"object\""));
}

TEST_F(ExtractEvalToolTest, BadFlagsAreAUsageError) {
  int code = -1;
  Run("--gold " + Gold() + " --predicted " + Path("") + " --split dev", &code);
  EXPECT_EQ(code, 2);
  Run("--predicted " + Path(""), &code);
  EXPECT_EQ(code, 2);
}

}  // namespace
}  // namespace kg::eval
