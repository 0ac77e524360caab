#include "extract/lexicon.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

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
    EXPECT_GE(lexicon.PredicateIndex(name), 0) << name << " has no entry in schemas/lexicons/predicate_rules.json";
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

// The embedded lexicon files with the one at `path` replaced by `text` (or added, when it is new).
std::vector<LexiconFile> EmbeddedWith(const std::string& path, std::string_view text) {
  std::vector<LexiconFile> files = Lexicon::EmbeddedFiles();
  for (LexiconFile& f : files) {
    if (f.path == path) {
      f.text = text;
      return files;
    }
  }
  files.push_back({path, text});
  return files;
}

TEST(LexiconTest, TheEmbeddedFilesAreOnePerLanguageAndKind) {
  std::set<std::string> paths;
  for (const LexiconFile& f : Lexicon::EmbeddedFiles()) paths.insert(f.path);
  for (const char* lang : {"fr", "en", "es", "de"}) {
    for (const char* kind : {"triggers", "titles", "demonyms", "names"}) {
      EXPECT_EQ(paths.count(std::string(lang) + "/" + kind + ".json"), 1u) << lang << "/" << kind;
    }
  }
  EXPECT_EQ(paths.count("predicate_rules.json"), 1u);
  EXPECT_EQ(paths.count("places.json"), 1u);
  EXPECT_EQ(paths.count("names.json"), 1u);
}

TEST(LexiconTest, ALanguageFileFeedsThatLanguagesTable) {
  const Lexicon& lexicon = Lexicon::Default();
  auto tokens = Tokens("invertirá");
  EXPECT_GT(lexicon.trigger_phrases.at("es").LongestAt(tokens, 0).length, 0u);
  EXPECT_EQ(lexicon.trigger_phrases.at("de").LongestAt(tokens, 0).length, 0u);
  EXPECT_GT(lexicon.trigger_phrases.at("").LongestAt(tokens, 0).length, 0u);
}

TEST(LexiconTest, MalformedLexiconsAreRejectedWithTheFileName) {
  auto bad_json = Lexicon::Parse(EmbeddedWith("fr/triggers.json", "{"));
  ASSERT_FALSE(bad_json.ok());
  EXPECT_EQ(bad_json.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(bad_json.status().message(), HasSubstr("fr/triggers.json"));

  auto bad_type = Lexicon::Parse(
      EmbeddedWith("predicate_rules.json", R"({"predicates": {"x": {"subject": ["Planet"], "object": []}}})"));
  ASSERT_FALSE(bad_type.ok());
  EXPECT_THAT(bad_type.status().message(), HasSubstr("unknown entity type \"Planet\""));

  auto bad_code = Lexicon::Parse(EmbeddedWith("es/demonyms.json", R"({"countries": {"QQ": ["x"]}})"));
  ASSERT_FALSE(bad_code.ok());
  EXPECT_THAT(bad_code.status().message(), HasSubstr("es/demonyms.json: countries.QQ"));

  auto unknown_predicate = Lexicon::Parse(EmbeddedWith("de/triggers.json", R"({"predicates": {"sells_to": ["x"]}})"));
  ASSERT_FALSE(unknown_predicate.ok());
  EXPECT_THAT(unknown_predicate.status().message(), HasSubstr("de/triggers.json: predicates.sells_to"));

  auto trigger_for_a_role = Lexicon::Parse(EmbeddedWith("en/triggers.json", R"({"predicates": {"ceo_of": ["x"]}})"));
  ASSERT_FALSE(trigger_for_a_role.ok());
  EXPECT_THAT(trigger_for_a_role.status().message(), HasSubstr("takes titles"));

  auto misspelt_key = Lexicon::Parse(EmbeddedWith("fr/names.json", R"({"hegde_words": ["x"]})"));
  ASSERT_FALSE(misspelt_key.ok());
  EXPECT_THAT(misspelt_key.status().message(), HasSubstr("fr/names.json: unknown key \"hegde_words\""));

  auto stray_file = Lexicon::Parse(EmbeddedWith("it/triggers.json", "{}"));
  ASSERT_FALSE(stray_file.ok());
  EXPECT_THAT(stray_file.status().message(), HasSubstr("it/triggers.json: not a lexicon file"));

  auto wrong_shape = Lexicon::Parse(EmbeddedWith("fr/titles.json", R"({"predicates": {"ceo_of": 3}})"));
  ASSERT_FALSE(wrong_shape.ok());
  EXPECT_EQ(wrong_shape.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kg::extract
