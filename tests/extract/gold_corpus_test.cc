// Checks the gold corpus in tests/data/extract/ itself: that it parses, stays within the vocabulary,
// is big and varied enough to measure an extractor, and that SPLIT.md partitions it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "extract_eval/corpus.h"
#include "extract_eval/scoring.h"
#include "resolve/entity_key.h"
#include "schema/predicate_vocabulary.h"
#include "test_support.h"

namespace kg::eval {
namespace {

std::string ArticlesDir() { return kg::testing::SourcePath("tests/data/extract/articles"); }

std::vector<std::string> Articles() {
  auto articles = ListGoldArticles(ArticlesDir());
  EXPECT_TRUE(articles.ok()) << articles.status().ToString();
  return articles.ok() ? *articles : std::vector<std::string>{};
}

std::vector<Assertion> Gold(const std::string& article) {
  auto facts = ReadFacts(ArticlesDir() + "/" + article + ".gold.jsonl", false);
  EXPECT_TRUE(facts.ok()) << facts.status().ToString();
  return facts.ok() ? *facts : std::vector<Assertion>{};
}

TEST(GoldCorpusTest, EveryGoldFileParsesAgainstTheVocabulary) {
  for (const std::string& article : Articles()) {
    const std::vector<Assertion> facts = Gold(article);
    EXPECT_GE(facts.size(), 5u) << article;
    for (const Assertion& a : facts) {
      EXPECT_NE(schema::PredicateVocabulary::Builtin().Find(a.predicate), nullptr) << article << ": " << a.predicate;
    }
  }
}

TEST(GoldCorpusTest, HasAtLeastTwelveArticlesPerLanguage) {
  std::map<std::string, int> per_language;
  for (const std::string& article : Articles()) ++per_language[article.substr(0, 2)];
  EXPECT_GE(per_language["fr"], 12);
  EXPECT_GE(per_language["en"], 12);
  EXPECT_EQ(per_language.size(), 2u) << "articles are named fr_NN or en_NN";
}

TEST(GoldCorpusTest, CoversEveryPredicateAtLeastTwice) {
  std::map<std::string, int> per_predicate;
  for (const std::string& article : Articles()) {
    for (const Assertion& a : Gold(article)) ++per_predicate[a.predicate];
  }
  for (const auto& [name, info] : schema::PredicateVocabulary::Builtin().all()) {
    EXPECT_GE(per_predicate[name], 2) << name;
  }
}

TEST(GoldCorpusTest, EveryArticleHasTitleDateAndANewsLengthBody) {
  static const std::regex kDate(R"(\d{4}-\d{2}-\d{2})");
  for (const std::string& article : Articles()) {
    std::istringstream in(kg::testing::ReadFileBytes(ArticlesDir() + "/" + article + ".txt"));
    std::string title, date, word;
    ASSERT_TRUE(std::getline(in, title)) << article << ": no text file";
    std::getline(in, date);
    EXPECT_GE(title.size(), 10u) << article;
    EXPECT_TRUE(std::regex_match(date, kDate)) << article << ": second line is \"" << date << "\"";
    int words = 0;
    while (in >> word) ++words;
    EXPECT_GE(words, 150) << article;
    EXPECT_LE(words, 350) << article;
  }
}

TEST(GoldCorpusTest, CountriesAreNamedByTheirCanonicalName) {
  // "Spain", not "Espagne": gold files name each entity once, the way kg would display it.
  for (const std::string& article : Articles()) {
    for (const Assertion& a : Gold(article)) {
      const auto* info = schema::PredicateVocabulary::Builtin().Find(a.predicate);
      for (const auto& [ref, allowed] : {std::pair{&a.subject, &info->domain}, std::pair{&a.object, &info->range}}) {
        resolve::KeyedName keyed = resolve::KeyForName(*ref, *allowed);
        if (keyed.type == EntityType::kCountry && !keyed.iso_code.empty()) {
          EXPECT_EQ(ref->name, keyed.canonical_name) << article;
        }
      }
    }
  }
}

TEST(GoldCorpusTest, NoGoldFactIsListedTwice) {
  for (const std::string& article : Articles()) {
    const std::vector<Assertion> facts = Gold(article);
    for (size_t i = 0; i < facts.size(); ++i) {
      for (size_t j = i + 1; j < facts.size(); ++j) {
        EXPECT_FALSE(TriplesMatch(facts[i], facts[j]) && facts[i].amount == facts[j].amount &&
                     facts[i].date == facts[j].date)
            << article << ": lines " << i + 1 << " and " << j + 1;
      }
    }
  }
}

TEST(GoldCorpusTest, GoldScoredAgainstItselfIsPerfect) {
  Scorer scorer;
  for (const std::string& article : Articles()) scorer.AddArticle(article, Gold(article), Gold(article));
  EXPECT_EQ(scorer.report().overall.fp, 0);
  EXPECT_EQ(scorer.report().overall.fn, 0);
  EXPECT_DOUBLE_EQ(scorer.report().overall.F1(), 1.0);
}

TEST(GoldCorpusTest, SplitPartitionsTheCorpusWithAThirdHeldOut) {
  const std::string split_file = FindSplitFile(ArticlesDir());
  ASSERT_FALSE(split_file.empty());
  auto split = ParseSplit(kg::testing::ReadFileBytes(split_file));
  ASSERT_TRUE(split.ok()) << split.status().ToString();

  std::set<std::string> listed(split->tune.begin(), split->tune.end());
  listed.insert(split->test.begin(), split->test.end());
  const std::vector<std::string> articles = Articles();
  EXPECT_EQ(listed, std::set<std::string>(articles.begin(), articles.end()));

  std::map<std::string, int> test_per_language;
  std::set<std::string> test_predicates;
  for (const std::string& article : split->test) {
    ++test_per_language[article.substr(0, 2)];
    for (const Assertion& a : Gold(article)) test_predicates.insert(a.predicate);
  }
  EXPECT_EQ(test_per_language["fr"], 4);
  EXPECT_EQ(test_per_language["en"], 4);
  EXPECT_EQ(test_predicates.size(), schema::PredicateVocabulary::Builtin().all().size());
}

}  // namespace
}  // namespace kg::eval
