// The built-in extractor scored on the gold corpus (tests/data/extract/), and on the seed article of
// ../shared/seeds/ when it is there.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "extract_eval/corpus.h"
#include "extract_test_support.h"
#include "test_support.h"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;

// Set a few points below what the extractor reaches on the held-out TEST split (see README), so that a
// change that loses facts fails here.
// The invented corpus predates the real-news guidelines (../shared/eval-dev/GUIDELINES.md): its gold leaves
// out headquartered_in from a nationality adjective ("le fabricant danois de capteurs X"), which the
// guidelines require and kg now extracts; 13 of the 18 headquartered_in "false positives" on TUNE are such
// facts. So the floors sit below the scores of the rules tuned on invented text alone (TEST 0.54, TUNE 0.94).
constexpr double kMinTestF1 = 0.45;  // reached: 0.50
constexpr double kMinTuneF1 = 0.78;  // reached: 0.82

eval::Report Score(const std::string& split) {
  const std::string gold = kg::testing::SourcePath("tests/data/extract/articles");
  auto lists = eval::ParseSplit(kg::testing::ReadFileBytes(kg::testing::SourcePath("tests/data/extract/SPLIT.md")));
  EXPECT_TRUE(lists.ok());
  auto report = eval::EvaluateBuiltin(gold, split == "test" ? lists->test : lists->tune);
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  return report.ok() ? *report : eval::Report{};
}

TEST(ExtractorEvalTest, HeldOutArticlesReachTheFloor) {
  const eval::Report report = Score("test");
  EXPECT_GE(report.overall.F1(), kMinTestF1) << "P=" << report.overall.Precision() << " R=" << report.overall.Recall();
}

TEST(ExtractorEvalTest, TuningArticlesReachTheFloor) {
  const eval::Report report = Score("tune");
  EXPECT_GE(report.overall.F1(), kMinTuneF1) << "P=" << report.overall.Precision() << " R=" << report.overall.Recall();
}

std::vector<std::string> SeedArticles() {
  std::vector<std::string> out;
  const fs::path dir = fs::path(KG_SOURCE_DIR) / ".." / "shared" / "seeds";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".txt") out.push_back(entry.path().string());
  }
  return out;
}

TEST(ExtractorEvalTest, SeedArticleGivesTheExpectedFacts) {
  const std::vector<std::string> seeds = SeedArticles();
  if (seeds.empty()) GTEST_SKIP() << "no ../shared/seeds/*.txt next to the source tree";
  std::vector<Assertion> facts;
  for (const std::string& path : seeds) {
    ExtractOptions options;
    options.source_uri = path;
    auto extraction = ExtractArticle(kg::testing::ReadFileBytes(path), options);
    ASSERT_TRUE(extraction.ok()) << path << ": " << extraction.status().ToString();
    facts.insert(facts.end(), extraction->assertions.begin(), extraction->assertions.end());
  }
  const std::vector<std::string> expected = {
      "Microsoft|invests_in|Spain",          "Microsoft|invests_in|Germany",
      "Microsoft|invests_in|OpenAI",         "Brad Smith|president_of|Microsoft",
      "Pedro Sánchez|head_of_government_of|Spain", "Olaf Scholz|head_of_government_of|Germany",
      "Brad Smith|met_with|Pedro Sánchez",   "Brad Smith|met_with|Olaf Scholz",
      "Google|opens_facility_in|Paris"};
  for (const std::string& triple : expected) EXPECT_NE(Find(facts, triple), nullptr) << triple;

  const Assertion* spain = Find(facts, "Microsoft|invests_in|Spain");
  if (spain != nullptr) {
    ASSERT_TRUE(spain->amount.has_value());
    EXPECT_DOUBLE_EQ(*spain->amount, 1.9e9);
    EXPECT_EQ(spain->currency, "EUR");
    EXPECT_EQ(spain->date, "2024-02");
  }
  const Assertion* germany = Find(facts, "Microsoft|invests_in|Germany");
  if (germany != nullptr) {
    ASSERT_TRUE(germany->amount.has_value());
    EXPECT_DOUBLE_EQ(*germany->amount, 3.2e9);
    EXPECT_EQ(germany->currency, "EUR");
  }

  std::vector<std::string> unexpected;
  for (const std::string& triple : Triples(facts)) {
    if (std::find(expected.begin(), expected.end(), triple) == expected.end()) unexpected.push_back(triple);
  }
  EXPECT_LE(unexpected.size(), 2u) << ::testing::PrintToString(unexpected);
}

}  // namespace
}  // namespace kg::extract
