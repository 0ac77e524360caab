#include "schema/fast_assertion_parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "schema/assertion_json.h"
#include "test_support.h"

namespace kg::schema {
namespace {

ParseLimits FullParserOnly() {
  ParseLimits limits;
  limits.fast_path = false;
  return limits;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::string s = kg::testing::ReadFileBytes(path.string());
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

TEST(FastAssertionParserTest, AgreesWithTheFullParserOnEveryValidFixture) {
  std::ifstream in(kg::testing::SourcePath("tests/data/schema_fixtures/valid.jsonl"));
  ASSERT_TRUE(in);
  int lines = 0, fast = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    ++lines;
    auto reference = ParseAssertionLine(line, PredicateVocabulary::Builtin(), FullParserOnly());
    ASSERT_TRUE(std::holds_alternative<Assertion>(reference)) << line;
    auto quick = FastParseAssertion(line, PredicateVocabulary::Builtin(), ParseLimits());
    if (!quick) continue;  // unusual but valid lines may fall back; that only costs time
    ++fast;
    EXPECT_EQ(ToCanonicalJson(*quick), ToCanonicalJson(std::get<Assertion>(reference))) << line;
  }
  EXPECT_GE(lines, 30);
  // Nearly every fixture is plain; if the fast path stopped taking them, ingest would silently slow down.
  EXPECT_GE(fast * 10, lines * 8) << fast << " of " << lines << " fixtures took the fast path";
}

TEST(FastAssertionParserTest, NeverAcceptsALineOfTheBadInputCorpus) {
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kg::testing::SourcePath("tests/data/bad_input"))) {
    if (entry.path().extension() != ".jsonl") continue;
    ++cases;
    const std::string line = ReadFile(entry.path());
    // The fast path is only called on valid UTF-8; the corpus has some that is not.
    auto full = ParseAssertionLine(line, PredicateVocabulary::Builtin(), FullParserOnly());
    ASSERT_TRUE(std::holds_alternative<LineError>(full)) << entry.path();
    if (std::get<LineError>(full).field == "line") continue;
    EXPECT_FALSE(FastParseAssertion(line, PredicateVocabulary::Builtin(), ParseLimits()).has_value()) << entry.path();
  }
  EXPECT_GE(cases, 50);
}

TEST(FastAssertionParserTest, LeavesUnusualButValidLinesToTheFullParser) {
  const auto& vocabulary = PredicateVocabulary::Builtin();
  for (const char* line : {
           R"({"subject":"A","predicate":"acquires","object":"B","subject":"C"})",  // duplicate key: last wins
           "\xEF\xBB\xBF{\"subject\":\"A\",\"predicate\":\"acquires\",\"object\":\"B\"}",  // byte order mark
           R"({"subj\u0065ct":"A","predicate":"acquires","object":"B"})",            // escaped key
           R"({"subject":"A","predicate":"acquires","object":"B","amount":1000000000000000000})",
       }) {
    EXPECT_FALSE(FastParseAssertion(line, vocabulary, ParseLimits()).has_value()) << line;
    EXPECT_TRUE(std::holds_alternative<Assertion>(ParseAssertionLine(line, vocabulary, ParseLimits()))) << line;
  }
}

TEST(FastAssertionParserTest, DecodesEscapesLikeTheFullParser) {
  const std::string line =
      R"({"subject":"Caf\u00e9 \"X\"\n\ud83d\ude00","predicate":"acquires","object":{"name":"a\/b\\c","lang":"fr"},)"
      R"("amount":1.5e3,"evidence":{"start":3.0,"end":7}})";
  auto quick = FastParseAssertion(line, PredicateVocabulary::Builtin(), ParseLimits());
  ASSERT_TRUE(quick.has_value());
  EXPECT_EQ(quick->subject.name, "Café \"X\"\n😀");
  EXPECT_EQ(quick->object.name, "a/b\\c");
  EXPECT_EQ(*quick->evidence_start, 3);
  auto reference = ParseAssertionLine(line, PredicateVocabulary::Builtin(), FullParserOnly());
  ASSERT_TRUE(std::holds_alternative<Assertion>(reference));
  EXPECT_EQ(ToCanonicalJson(*quick), ToCanonicalJson(std::get<Assertion>(reference)));
}

}  // namespace
}  // namespace kg::schema
