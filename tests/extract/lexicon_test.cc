#include "extract/lexicon.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/token_scanner.h"
#include "schema/embedded_schemas.h"
#include "schema/predicate_vocabulary.h"

namespace kg::extract {
namespace {

using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

std::vector<ScanToken> Tokens(const std::string& text) {
  auto tokens = ScanTokens(text);
  EXPECT_TRUE(tokens.ok());
  return tokens.ok() ? *tokens : std::vector<ScanToken>{};
}

TEST(LexiconTest, EveryPredicateOfTheVocabularyHasTriggersOrTitles) {
  const Lexicon& lexicon = Lexicon::Default();
  for (const auto& [name, info] : schema::PredicateVocabulary::Builtin().all()) {
    EXPECT_GE(lexicon.PredicateIndex(name), 0) << name << " has no entry in schemas/lexicons/triggers.json";
  }
  for (const char* lang : {"fr", "en", "es", "de"}) {
    EXPECT_GT(lexicon.trigger_phrases.at(lang).size(), 20u) << lang;
    EXPECT_GT(lexicon.titles.at(lang).size(), 5u) << lang;
  }
}

TEST(LexiconTest, LexiconTypesAgreeWithThePredicateVocabulary) {
  // The extractor may be narrower than the schema, never wider: its facts must pass kg ingest.
  for (const PredicateRule& rule : Lexicon::Default().predicates) {
    const schema::PredicateInfo* info = schema::PredicateVocabulary::Builtin().Find(rule.name);
    ASSERT_NE(info, nullptr) << rule.name;
    for (EntityType t : rule.subject_types) EXPECT_TRUE(schema::TypeAllowed(info->domain, t)) << rule.name;
    for (EntityType t : rule.object_types) EXPECT_TRUE(schema::TypeAllowed(info->range, t)) << rule.name;
  }
}

TEST(LexiconTest, PhraseTableFindsTheLongestPhraseAndStems) {
  PhraseTable table;
  table.Add("président", 1);
  table.Add("président du gouvernement", 2);
  table.Add("invest*", 3);
  table.Add("s'est entretenu", 4);
  auto tokens = Tokens("le président du gouvernement a investi et s’est entretenu");
  EXPECT_EQ(table.LongestAt(tokens, 0).length, 0u);
  auto title = table.LongestAt(tokens, 1);
  EXPECT_EQ(title.length, 3u);
  EXPECT_EQ(title.payload, 2);
  auto stem = table.LongestAt(tokens, 5);
  EXPECT_EQ(stem.length, 1u);
  EXPECT_EQ(stem.payload, 3);
  auto elided = table.LongestAt(tokens, 7);  // the typographic apostrophe matches "'"
  EXPECT_EQ(elided.length, 4u);
  EXPECT_EQ(elided.payload, 4);
}

TEST(LexiconTest, FrenchAdjectivesAreInflected) {
  EXPECT_THAT(FrenchAdjectiveForms("espagnol"), UnorderedElementsAre("espagnol", "espagnole", "espagnols", "espagnoles"));
  EXPECT_THAT(FrenchAdjectiveForms("parisien"), UnorderedElementsAre("parisien", "parisienne", "parisiens", "parisiennes"));
  EXPECT_THAT(FrenchAdjectiveForms("français"), UnorderedElementsAre("français", "française", "françaises"));
  EXPECT_THAT(FrenchAdjectiveForms("belge"), UnorderedElementsAre("belge", "belges"));
}

TEST(LexiconTest, DemonymsPointToCountries) {
  const Lexicon& lexicon = Lexicon::Default();
  auto check = [&](const std::string& word, const std::string& iso) {
    auto tokens = Tokens(word);
    auto m = lexicon.adjectives.LongestAt(tokens, 0);
    ASSERT_EQ(m.length, tokens.size()) << word;
    EXPECT_EQ(lexicon.adjective_places[static_cast<size_t>(m.payload)].iso, iso) << word;
  };
  check("espagnole", "ES");
  check("allemands", "DE");
  check("outre-Rhin", "DE");
  check("Spanish", "ES");
  check("alemana", "DE");
  check("hexagone", "FR");
  check("parisienne", "FR");  // a city adjective carries the city's country
}

TEST(LexiconTest, MalformedLexiconsAreRejectedWithTheFileName) {
  auto bad_json = Lexicon::Parse("{", schema::kDemonymsJson, schema::kPlacesJson, schema::kEntitiesJson);
  ASSERT_FALSE(bad_json.ok());
  EXPECT_EQ(bad_json.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(bad_json.status().message(), HasSubstr("triggers.json"));

  auto bad_type = Lexicon::Parse(R"({"predicates": {"x": {"subject": ["Planet"], "object": [], "triggers": {}}}})",
                                 schema::kDemonymsJson, schema::kPlacesJson, schema::kEntitiesJson);
  ASSERT_FALSE(bad_type.ok());
  EXPECT_THAT(bad_type.status().message(), HasSubstr("unknown entity type \"Planet\""));

  auto bad_code = Lexicon::Parse(schema::kTriggersJson, R"({"countries": {"QQ": {"fr": ["x"]}}})", schema::kPlacesJson,
                                 schema::kEntitiesJson);
  ASSERT_FALSE(bad_code.ok());
  EXPECT_THAT(bad_code.status().message(), HasSubstr("demonyms.json: countries.QQ"));
}

}  // namespace
}  // namespace kg::extract
