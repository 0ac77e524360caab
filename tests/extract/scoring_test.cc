#include "extract_eval/scoring.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "extract_eval/corpus.h"
#include "extract_eval/report_output.h"
#include "test_support.h"

namespace kg::eval {
namespace {

using ::testing::HasSubstr;

Assertion Fact(const std::string& subject, const std::string& predicate, const std::string& object) {
  Assertion a;
  a.subject.name = subject;
  a.predicate = predicate;
  a.object.name = object;
  return a;
}

Assertion Investment(const std::string& subject, const std::string& object, double amount,
                     const std::string& currency, const std::string& date) {
  Assertion a = Fact(subject, "invests_in", object);
  a.amount = amount;
  a.currency = currency;
  a.date = date;
  return a;
}

Report Score(const std::vector<Assertion>& gold, const std::vector<Assertion>& predicted) {
  Scorer scorer;
  scorer.AddArticle("a", gold, predicted);
  return scorer.report();
}

TEST(ScoringTest, ExactTripleIsATruePositive) {
  Report r = Score({Fact("Nordalis", "headquartered_in", "Lyon")}, {Fact("Nordalis", "headquartered_in", "Lyon")});
  EXPECT_EQ(r.overall.tp, 1);
  EXPECT_EQ(r.overall.fp, 0);
  EXPECT_EQ(r.overall.fn, 0);
  EXPECT_DOUBLE_EQ(r.overall.F1(), 1.0);
}

TEST(ScoringTest, OtherPredicateOrObjectDoesNotMatch) {
  Report r = Score({Fact("Nordalis", "headquartered_in", "Lyon")},
                   {Fact("Nordalis", "opens_facility_in", "Lyon"), Fact("Nordalis", "headquartered_in", "Paris")});
  EXPECT_EQ(r.overall.tp, 0);
  EXPECT_EQ(r.overall.fp, 2);
  EXPECT_EQ(r.overall.fn, 1);
}

TEST(ScoringTest, NamesMatchThroughKgsResolutionKey) {
  // Country names in another language, legal suffixes, case and accents all resolve to one key.
  EXPECT_TRUE(TriplesMatch(Fact("Microsoft", "invests_in", "Spain"), Fact("Microsoft Corp.", "invests_in", "Espagne")));
  EXPECT_TRUE(TriplesMatch(Fact("Stratocloud", "invests_in", "Italy"), Fact("STRATOCLOUD S.A.", "invests_in", "Italie")));
  EXPECT_TRUE(TriplesMatch(Fact("Pedro Sánchez", "head_of_government_of", "Spain"),
                           Fact("Pedro Sanchez", "head_of_government_of", "España")));
  EXPECT_TRUE(TriplesMatch(Fact("Olaf Scholz", "head_of_government_of", "Germany"),
                           Fact("olaf scholz", "head_of_government_of", "Deutschland")));
  EXPECT_FALSE(TriplesMatch(Fact("Microsoft", "invests_in", "Spain"), Fact("Microsoft", "invests_in", "Portugal")));
}

TEST(ScoringTest, EntityTypesDoNotDecideAMatch) {
  Assertion typed = Fact("Luxembourg", "opens_facility_in", "Luxembourg");
  typed.subject.type = EntityType::kOrganization;
  typed.object.type = EntityType::kCity;
  EXPECT_TRUE(TriplesMatch(Fact("Luxembourg", "opens_facility_in", "Luxembourg"), typed));
}

TEST(ScoringTest, SymmetricPredicatesMatchEitherWay) {
  EXPECT_TRUE(TriplesMatch(Fact("Orange", "partner_of", "Proxalys"), Fact("Proxalys", "partner_of", "Orange")));
  EXPECT_TRUE(TriplesMatch(Fact("Luca de Meo", "met_with", "Aziz Akhannouch"),
                           Fact("Aziz Akhannouch", "met_with", "Luca de Meo")));
  EXPECT_FALSE(TriplesMatch(Fact("Veritane", "acquires", "Ondelia"), Fact("Ondelia", "acquires", "Veritane")));
  EXPECT_FALSE(TriplesMatch(Fact("Dacia", "subsidiary_of", "Renault"), Fact("Renault", "subsidiary_of", "Dacia")));
}

TEST(ScoringTest, PredictionsCountAsASetOfTriples) {
  const Assertion gold = Fact("Orange", "partner_of", "Proxalys");
  Report r = Score({gold}, {gold, Fact("Proxalys", "partner_of", "Orange"), gold});
  EXPECT_EQ(r.overall.tp, 1);
  EXPECT_EQ(r.overall.fp, 0);
  EXPECT_EQ(r.overall.fn, 0);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].predicted, 1);

  // Two versions of a wrong triple (two amounts) are one false positive, not two.
  Assertion first = Fact("Orange", "invests_in", "Italy"), second = first;
  first.amount = 1e9;
  second.amount = 2e9;
  r = Score({gold}, {first, second});
  EXPECT_EQ(r.overall.fp, 1);
  EXPECT_EQ(r.overall.fn, 1);
}

TEST(ScoringTest, PerPredicateAndMicroAveragedNumbersOnAHandMadeCase) {
  // Gold: 3 invests_in, 1 ceo_of, 1 met_with. Predicted: 2 right and 1 wrong invests_in, the met_with
  // reversed (right), and a wrong ceo_of.
  const std::vector<Assertion> gold = {
      Fact("A", "invests_in", "France"), Fact("A", "invests_in", "Spain"), Fact("B", "invests_in", "Italy"),
      Fact("Ann Lee", "ceo_of", "A"), Fact("Ann Lee", "met_with", "Bo Chen")};
  const std::vector<Assertion> predicted = {
      Fact("A", "invests_in", "Frankreich"), Fact("A", "invests_in", "Espagne"), Fact("A", "invests_in", "Italy"),
      Fact("Bo Chen", "met_with", "Ann Lee"), Fact("Bo Chen", "ceo_of", "A")};
  Report r = Score(gold, predicted);

  const Counts& invests = r.by_predicate.at("invests_in");  // tp 2, fp 1, fn 1
  EXPECT_EQ(invests.tp, 2);
  EXPECT_EQ(invests.fp, 1);
  EXPECT_EQ(invests.fn, 1);
  EXPECT_DOUBLE_EQ(invests.Precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(invests.Recall(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(invests.F1(), 2.0 / 3);

  const Counts& ceo = r.by_predicate.at("ceo_of");  // tp 0, fp 1, fn 1
  EXPECT_EQ(ceo.tp, 0);
  EXPECT_EQ(ceo.fp, 1);
  EXPECT_EQ(ceo.fn, 1);
  EXPECT_DOUBLE_EQ(ceo.F1(), 0.0);

  const Counts& met = r.by_predicate.at("met_with");
  EXPECT_EQ(met.tp, 1);
  EXPECT_DOUBLE_EQ(met.F1(), 1.0);

  // Micro: tp 3, fp 2, fn 2 -> P = 3/5, R = 3/5, F1 = 3/5.
  EXPECT_EQ(r.overall.tp, 3);
  EXPECT_EQ(r.overall.fp, 2);
  EXPECT_EQ(r.overall.fn, 2);
  EXPECT_DOUBLE_EQ(r.overall.Precision(), 0.6);
  EXPECT_DOUBLE_EQ(r.overall.Recall(), 0.6);
  EXPECT_DOUBLE_EQ(r.overall.F1(), 0.6);

  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].gold, 5);
  EXPECT_EQ(r.articles[0].predicted, 5);
  EXPECT_EQ(r.articles[0].counts.tp, 3);
}

TEST(ScoringTest, UnevenPrecisionAndRecallGiveTheHarmonicMean) {
  // 1 of 4 gold found with 2 predictions: P = 1/2, R = 1/4, F1 = 2 * 1/8 / (3/4) = 1/3.
  Report r = Score({Fact("A", "acquires", "B"), Fact("A", "acquires", "C"), Fact("A", "acquires", "D"),
                    Fact("A", "acquires", "E")},
                   {Fact("A", "acquires", "B"), Fact("A", "acquires", "Z")});
  EXPECT_DOUBLE_EQ(r.overall.Precision(), 0.5);
  EXPECT_DOUBLE_EQ(r.overall.Recall(), 0.25);
  EXPECT_DOUBLE_EQ(r.overall.F1(), 1.0 / 3);
}

TEST(ScoringTest, EmptyInputsGiveZerosNotNaN) {
  Report r = Score({}, {});
  EXPECT_EQ(r.overall.Precision(), 0.0);
  EXPECT_EQ(r.overall.Recall(), 0.0);
  EXPECT_EQ(r.overall.F1(), 0.0);
  EXPECT_EQ(r.amount.Accuracy(), 0.0);
}

TEST(ScoringTest, QualifiersAreTalliedOnMatchedPairsOnly) {
  const std::vector<Assertion> gold = {Investment("Nordalis", "Portugal", 1.2e9, "EUR", "2024-03"),
                                       Investment("Renault", "Morocco", 3.5e8, "EUR", "2023-10"),
                                       Fact("Kestrel Data", "invests_in", "India")};
  const std::vector<Assertion> predicted = {
      Investment("Nordalis", "Portugal", 1.205e9, "EUR", "2024-03"),  // within 1%, all right
      Investment("Renault", "Morocco", 3.6e8, "USD", "2023"),        // 2.9% off, wrong currency and date
      Investment("Kestrel Data", "India", 1e10, "USD", ""),          // stated where gold is silent: wrong
      Investment("Nobody", "Spain", 5, "EUR", "2024")};              // unmatched: not tallied
  Report r = Score(gold, predicted);
  EXPECT_EQ(r.overall.tp, 3);
  EXPECT_EQ(r.amount.compared, 3);
  EXPECT_EQ(r.amount.correct, 1);
  EXPECT_EQ(r.currency.compared, 3);
  EXPECT_EQ(r.currency.correct, 1);
  EXPECT_EQ(r.date.compared, 2);
  EXPECT_EQ(r.date.correct, 1);
}

TEST(ScoringTest, AGoldFactMissingItsQualifiersLeavesThemUncompared) {
  Report r = Score({Fact("A", "invests_in", "Spain")}, {Fact("A", "invests_in", "Spain")});
  EXPECT_EQ(r.amount.compared, 0);
  EXPECT_EQ(r.currency.compared, 0);
  EXPECT_EQ(r.date.compared, 0);
}

TEST(ScoringTest, APredictionTakesTheGoldFactWhoseQualifiersAgree) {
  // Two investments in the same country: each prediction should meet its own one, not the first.
  const std::vector<Assertion> gold = {Investment("A", "Spain", 1e9, "EUR", "2023"),
                                       Investment("A", "Spain", 2e9, "EUR", "2024")};
  Report r = Score(gold, {Investment("A", "Spain", 2e9, "EUR", "2024"), Investment("A", "Spain", 1e9, "EUR", "2023")});
  EXPECT_EQ(r.overall.tp, 2);
  EXPECT_EQ(r.amount.correct, 2);
  EXPECT_EQ(r.date.correct, 2);
}

TEST(ScoringTest, ScoresAddUpOverArticles) {
  Scorer scorer;
  scorer.AddArticle("fr_01", {Fact("A", "acquires", "B")}, {Fact("A", "acquires", "B")});
  scorer.AddArticle("en_01", {Fact("A", "acquires", "B")}, {});
  // The same triple in another article is not a match for the first one's gold.
  EXPECT_EQ(scorer.report().overall.tp, 1);
  EXPECT_EQ(scorer.report().overall.fn, 1);
  ASSERT_EQ(scorer.report().articles.size(), 2u);
  EXPECT_EQ(scorer.report().articles[1].article, "en_01");
  EXPECT_EQ(scorer.report().articles[1].counts.fn, 1);
}

TEST(FactFileTest, ParsesLinesAndSkipsBlankOnes) {
  auto facts = ParseFacts(
      "{\"subject\": \"A\", \"predicate\": \"acquires\", \"object\": \"B\", \"amount\": 3e8, \"currency\": \"EUR\"}\n"
      "\n"
      "{\"subject\": {\"name\": \"Spain\", \"type\": \"Country\"}, \"predicate\": \"partner_of\", \"object\": \"C\"}\r\n",
      "x.gold.jsonl", false);
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  ASSERT_EQ(facts->size(), 2u);
  EXPECT_EQ((*facts)[0].amount.value_or(0), 3e8);
  EXPECT_EQ((*facts)[1].subject.name, "Spain");
}

TEST(FactFileTest, MalformedLineIsReportedWithFileLineAndColumn) {
  auto facts = ParseFacts(
      "{\"subject\": \"A\", \"predicate\": \"acquires\", \"object\": \"B\"}\n"
      "{\"subject\": \"A\", \"predicate\": \"acquires\"}\n",
      "fr_01.gold.jsonl", false);
  ASSERT_FALSE(facts.ok());
  EXPECT_EQ(facts.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(facts.status().message(), "fr_01.gold.jsonl:2:1: object: missing required field \"object\"");
}

TEST(FactFileTest, BrokenJsonIsReportedWithItsLine) {
  auto facts = ParseFacts("\n\n{\"subject\": \"A\",, }\n", "p.jsonl", true);
  ASSERT_FALSE(facts.ok());
  EXPECT_EQ(facts.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(facts.status().message(), ::testing::StartsWith("p.jsonl:3:"));
  EXPECT_THAT(facts.status().message(), HasSubstr("json"));
}

TEST(FactFileTest, GoldMustUseTheVocabularyButPredictionsMayNot) {
  const std::string line = "{\"subject\": \"A\", \"predicate\": \"rivals\", \"object\": \"B\"}\n";
  auto gold = ParseFacts(line, "g.gold.jsonl", false);
  ASSERT_FALSE(gold.ok());
  EXPECT_EQ(gold.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(gold.status().message(), HasSubstr("g.gold.jsonl:1:"));
  EXPECT_THAT(gold.status().message(), HasSubstr("predicate: unknown predicate \"rivals\""));

  auto predicted = ParseFacts(line, "g.jsonl", true);
  ASSERT_TRUE(predicted.ok());
  Scorer scorer;
  scorer.AddArticle("g", {}, *predicted);
  EXPECT_EQ(scorer.report().by_predicate.at("rivals").fp, 1);
}

TEST(SplitTest, ReadsTheListedArticlesOfEachSection) {
  auto split = ParseSplit(
      "# Split\nProse mentions fr_99 but is not a list item.\n"
      "## TUNE\n- fr_02\n- en_01 — a title\n\n## TEST (held out)\n* fr_01\n## Notes\n- en_07\n");
  ASSERT_TRUE(split.ok()) << split.status().ToString();
  EXPECT_EQ(split->tune, (std::vector<std::string>{"en_01", "fr_02"}));
  EXPECT_EQ(split->test, (std::vector<std::string>{"fr_01"}));
}

TEST(SplitTest, RejectsAnArticleInBothListsAndEmptyLists) {
  auto both = ParseSplit("## TUNE\n- fr_01\n## TEST\n- fr_01\n");
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(both.status().message(), "fr_01 is in both TUNE and TEST");

  auto no_test = ParseSplit("## TUNE\n- fr_01\n");
  ASSERT_FALSE(no_test.ok());
  EXPECT_EQ(no_test.status().message(), "no articles listed under a TEST heading");
}

class EvaluateTest : public kg::testing::TempDirTest {};

TEST_F(EvaluateTest, ScoresADirectoryAndWarnsAboutAMissingPrediction) {
  std::filesystem::create_directories(dir() / "gold");
  std::filesystem::create_directories(dir() / "pred");
  WriteFile("gold/a.gold.jsonl", "{\"subject\": \"A\", \"predicate\": \"acquires\", \"object\": \"B\"}\n");
  WriteFile("gold/b.gold.jsonl", "{\"subject\": \"A\", \"predicate\": \"acquires\", \"object\": \"C\"}\n");
  WriteFile("pred/a.jsonl", "{\"subject\": \"A Inc.\", \"predicate\": \"acquires\", \"object\": \"B\"}\n");

  auto articles = ListGoldArticles(Path("gold"));
  ASSERT_TRUE(articles.ok());
  EXPECT_EQ(*articles, (std::vector<std::string>{"a", "b"}));

  std::vector<std::string> warnings;
  auto report = Evaluate(Path("gold"), Path("pred"), *articles, &warnings);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->overall.tp, 1);
  EXPECT_EQ(report->overall.fn, 1);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("b.jsonl: missing"));

  std::ostringstream table, json;
  PrintTable(*report, table);
  PrintJson(*report, json);
  EXPECT_THAT(table.str(), HasSubstr("overall (micro)"));
  EXPECT_THAT(table.str(), HasSubstr("acquires"));
  EXPECT_THAT(json.str(), HasSubstr("\"overall\""));
}

TEST_F(EvaluateTest, AMalformedPredictionStopsTheEvaluationWithItsPosition) {
  std::filesystem::create_directories(dir() / "gold");
  std::filesystem::create_directories(dir() / "pred");
  WriteFile("gold/a.gold.jsonl", "{\"subject\": \"A\", \"predicate\": \"acquires\", \"object\": \"B\"}\n");
  WriteFile("pred/a.jsonl", "{\"subject\": \"A\", \"predicate\": \"acquires\", \"object\": \"B\"}\nnot json\n");
  auto report = Evaluate(Path("gold"), Path("pred"), {"a"}, nullptr);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(report.status().message(), HasSubstr("a.jsonl:2:"));
}

TEST_F(EvaluateTest, MissingDirectoriesAreNotFound) {
  EXPECT_EQ(ListGoldArticles(Path("nowhere")).status().code(), StatusCode::kNotFound);
  std::filesystem::create_directories(dir() / "gold");
  EXPECT_EQ(ListGoldArticles(Path("gold")).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Evaluate(Path("gold"), Path("nowhere"), {}, nullptr).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace kg::eval
