#include "schema/fast_assertion_parser.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>
#include <vector>

#include "schema/assertion_json.h"
#include "schema/value_rules.h"
#include "test_support.h"

namespace kg::schema {
namespace {

// The lines of the valid schema fixtures, without blank ones.
std::vector<std::string> ValidFixtureLines() {
  std::ifstream in(kg::testing::SourcePath("tests/data/schema_fixtures/valid.jsonl"));
  EXPECT_TRUE(in);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

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
  const std::vector<std::string> valid = ValidFixtureLines();
  const int lines = static_cast<int>(valid.size());
  int fast = 0;
  for (const std::string& line : valid) {
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
      R"({"subject":"Caf\u00e9 \"X\" \ud83d\ude00","predicate":"acquires","object":{"name":"a\/b\\c","lang":"fr"},)"
      R"("amount":1.5e3,"evidence":{"text":"line\nbreak\t\u001b","start":3.0,"end":7}})";
  auto quick = FastParseAssertion(line, PredicateVocabulary::Builtin(), ParseLimits());
  ASSERT_TRUE(quick.has_value());
  EXPECT_EQ(quick->subject.name, "Café \"X\" 😀");
  EXPECT_EQ(quick->evidence_text, "line\nbreak\t\x1b");
  EXPECT_EQ(quick->object.name, "a/b\\c");
  EXPECT_EQ(*quick->evidence_start, 3);
  auto reference = ParseAssertionLine(line, PredicateVocabulary::Builtin(), FullParserOnly());
  ASSERT_TRUE(std::holds_alternative<Assertion>(reference));
  EXPECT_EQ(ToCanonicalJson(*quick), ToCanonicalJson(std::get<Assertion>(reference)));
}

// What the JSONL reader makes of an assertion's canonical JSON: the reference FastCheckAssertion must
// never be more lenient than.
bool RoundTripAccepts(const Assertion& a, const ParseLimits& limits) {
  ParseLimits reference = limits;
  reference.fast_path = false;
  return std::holds_alternative<Assertion>(
      ParseAssertionLine(ToCanonicalJson(a), PredicateVocabulary::Builtin(), reference));
}

TEST(FastCheckAssertionTest, PassesEveryValidFixture) {
  const std::vector<std::string> valid = ValidFixtureLines();
  const int lines = static_cast<int>(valid.size());
  int fast = 0;
  for (const std::string& line : valid) {
    auto parsed = ParseAssertionLine(line, PredicateVocabulary::Builtin(), FullParserOnly());
    ASSERT_TRUE(std::holds_alternative<Assertion>(parsed)) << line;
    const Assertion& a = std::get<Assertion>(parsed);
    ASSERT_TRUE(RoundTripAccepts(a, ParseLimits())) << line;
    if (FastCheckAssertion(a, PredicateVocabulary::Builtin(), ParseLimits())) ++fast;
  }
  EXPECT_GE(lines, 30);
  // Every fixture is valid and within the limits, so none has a reason to fall back.
  EXPECT_EQ(fast, lines);
}

// Each case breaks (or stretches) one field of a valid assertion. Whatever the direct check says must
// agree with the round trip through the JSONL reader; it may only fall back where the round trip
// accepts, which costs time, never correctness.
TEST(FastCheckAssertionTest, AgreesWithTheRoundTripFieldByField) {
  struct Case {
    const char* what;
    std::function<void(Assertion*)> change;
    bool valid;
  };
  const std::string big(1000, 'x');
  const std::vector<Case> cases = {
      {"as is", [](Assertion*) {}, true},
      {"name of spaces", [](Assertion* a) { a->subject.name = " \t\u00a0"; }, false},
      {"name of an ideographic space", [](Assertion* a) { a->object.name = "\u3000"; }, false},
      {"empty name", [](Assertion* a) { a->object.name.clear(); }, false},
      {"name of 1000 characters", [&](Assertion* a) { a->subject.name = big; }, true},
      {"name of 1001 characters", [&](Assertion* a) { a->subject.name = big + "\u00e9"; }, false},
      {"name with control characters", [](Assertion* a) { a->subject.name = "A\n\"B\"\x01"; }, false},
      {"name with a bidi override", [](Assertion* a) { a->object.name = "Germ\xE2\x80\xAE" "any"; }, false},
      {"title and evidence with control characters", [](Assertion* a) {
         a->source_title = "A\n\"B\"\x01";
         a->evidence_text = "\x1b[31mred\xE2\x80\xAE";
       }, true},
      {"predicate not an identifier", [](Assertion* a) { a->predicate = "Invests-In"; }, false},
      {"unknown predicate", [](Assertion* a) { a->predicate = "admires"; }, false},
      {"subject type outside the domain", [](Assertion* a) { a->subject.type = EntityType::kCity; }, false},
      {"object type outside the range", [](Assertion* a) { a->object.type = EntityType::kPerson; }, false},
      {"types that fit", [](Assertion* a) { a->subject.type = EntityType::kOrganization; a->object.type = EntityType::kCountry; }, true},
      {"bad language tag", [](Assertion* a) { a->subject.lang = "english"; }, false},
      {"good language tag", [](Assertion* a) { a->subject.lang = "pt-BR"; }, true},
      {"external id of 201 characters", [](Assertion* a) { a->object.external_id = std::string(201, 'Q'); }, false},
      {"negative amount", [](Assertion* a) { a->amount = -1; }, false},
      {"negative zero amount", [](Assertion* a) { a->amount = -0.0; }, true},
      {"amount at the maximum", [](Assertion* a) { a->amount = kMaxAmount; }, true},
      {"amount over the maximum", [](Assertion* a) { a->amount = std::nextafter(kMaxAmount, 2 * kMaxAmount); }, false},
      {"infinite amount", [](Assertion* a) { a->amount = std::numeric_limits<double>::infinity(); }, false},
      {"not-a-number amount", [](Assertion* a) { a->amount = std::nan(""); }, false},
      {"lower-case currency", [](Assertion* a) { a->currency = "eur"; }, false},
      {"month 13", [](Assertion* a) { a->date = "2024-13"; }, false},
      {"period of 201 characters", [](Assertion* a) { a->period = std::string(201, 'p'); }, false},
      {"confidence over one", [](Assertion* a) { a->confidence = 1.5; }, false},
      {"source URI of 2049 characters", [](Assertion* a) { a->source_uri = "https://x/" + std::string(2039, 'u'); }, false},
      {"title of 1001 characters without a URI", [&](Assertion* a) { a->source_uri.clear(); a->source_title = big + "t"; }, true},
      {"title of 1001 characters", [&](Assertion* a) { a->source_title = big + "t"; }, false},
      {"bad publication date", [](Assertion* a) { a->source_published = "May 2024"; }, false},
      {"evidence of 10001 characters", [](Assertion* a) { a->evidence_text = std::string(10001, 'e'); }, false},
      {"negative offset", [](Assertion* a) { a->evidence_start = -1; }, false},
      {"largest offset", [](Assertion* a) { a->evidence_end = 9007199254740991; }, true},
      {"offset past 2^53 - 1", [](Assertion* a) { a->evidence_end = 9007199254740992; }, false},
      {"extractor of 201 characters", [](Assertion* a) { a->extractor = std::string(201, 'x'); }, false},
  };
  int fast = 0;
  for (const Case& c : cases) {
    Assertion a;
    a.subject.name = "Airbus";
    a.predicate = "invests_in";
    a.object.name = "Germany";
    a.amount = 2.5e8;
    a.currency = "EUR";
    a.date = "2024-05";
    a.source_uri = "https://news.example/1";
    a.source_title = "Airbus invests";
    a.source_published = "2024-05-02";
    a.evidence_text = "Airbus will invest 250 million euros in Germany.";
    a.evidence_start = 0;
    a.evidence_end = 48;
    a.extractor = "test";
    c.change(&a);
    const bool reference = RoundTripAccepts(a, ParseLimits());
    const bool quick = FastCheckAssertion(a, PredicateVocabulary::Builtin(), ParseLimits());
    EXPECT_EQ(reference, c.valid) << c.what;
    if (quick) {
      ++fast;
      EXPECT_TRUE(reference) << c.what << ": the direct check passed what the JSONL reader rejects";
    }
  }
  int valid = 0;
  for (const Case& c : cases) valid += c.valid ? 1 : 0;
  EXPECT_EQ(fast, valid - 1);  // all the valid cases but the negative zero, which is left to the round trip
}

TEST(FastCheckAssertionTest, LeavesAssertionsNearTheLimitsToTheRoundTrip) {
  Assertion a;
  a.subject.name = "Airbus";
  a.predicate = "invests_in";
  a.object.name = "Germany";
  a.evidence_text = std::string(9000, '\x01');  // valid, but six bytes each once escaped
  ParseLimits small;
  small.max_line_bytes = 50000;
  EXPECT_FALSE(RoundTripAccepts(a, small));
  EXPECT_FALSE(FastCheckAssertion(a, PredicateVocabulary::Builtin(), small));
  ParseLimits shallow;
  shallow.max_depth = 1;
  a.evidence_text.clear();
  a.subject.type = EntityType::kOrganization;
  EXPECT_FALSE(RoundTripAccepts(a, shallow));
  EXPECT_FALSE(FastCheckAssertion(a, PredicateVocabulary::Builtin(), shallow));
  EXPECT_FALSE(FastCheckAssertion(a, PredicateVocabulary::Builtin(), FullParserOnly()));
  EXPECT_TRUE(FastCheckAssertion(a, PredicateVocabulary::Builtin(), ParseLimits()));
}

}  // namespace
}  // namespace kg::schema
