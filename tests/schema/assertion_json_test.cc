#include "schema/assertion_json.h"

#include <gtest/gtest.h>

namespace kg::schema {
namespace {

ParsedLine Parse(const std::string& line, bool allow_new = false) {
  ParseLimits limits;
  limits.allow_new_predicates = allow_new;
  return ParseAssertionLine(line, PredicateVocabulary::Builtin(), limits);
}

LineError ErrorOf(const std::string& line) {
  auto parsed = Parse(line);
  EXPECT_TRUE(std::holds_alternative<LineError>(parsed)) << line;
  return std::holds_alternative<LineError>(parsed) ? std::get<LineError>(parsed) : LineError{};
}

TEST(AssertionJsonTest, ReadsEveryField) {
  auto parsed = Parse(
      R"({"subject":{"name":"Microsoft","type":"Organization","id":"Q2283","lang":"en"},"predicate":"invests_in",)"
      R"("object":"Espagne","amount":1.9e9,"currency":"EUR","date":"2024-02","period":"P2Y","confidence":0.8,)"
      R"("source":{"uri":"u:1","title":"T","published":"2024-02-19"},"evidence":{"text":"S","start":3,"end":9},)"
      R"("extractor":"x/1"})");
  ASSERT_TRUE(std::holds_alternative<Assertion>(parsed)) << std::get<LineError>(parsed).ToString();
  const Assertion& a = std::get<Assertion>(parsed);
  EXPECT_EQ(a.subject.name, "Microsoft");
  EXPECT_EQ(a.subject.type, EntityType::kOrganization);
  EXPECT_EQ(a.subject.external_id, "Q2283");
  EXPECT_EQ(a.object.name, "Espagne");
  EXPECT_DOUBLE_EQ(*a.amount, 1.9e9);
  EXPECT_EQ(a.currency, "EUR");
  EXPECT_EQ(a.date, "2024-02");
  EXPECT_EQ(a.period, "P2Y");
  EXPECT_DOUBLE_EQ(*a.confidence, 0.8);
  EXPECT_EQ(a.source_uri, "u:1");
  EXPECT_EQ(a.source_published, "2024-02-19");
  EXPECT_EQ(*a.evidence_start, 3);
  EXPECT_EQ(*a.evidence_end, 9);
  EXPECT_EQ(a.extractor, "x/1");
}

TEST(AssertionJsonTest, CanonicalJsonReadsBackToTheSameText) {
  const std::string line =
      R"({"object":"Spain","subject":{"lang":"fr","name":"Microsoft"},"predicate":"invests_in","amount":1900000000,)"
      R"("source":{"title":"T","uri":"u:1"}})";
  auto first = Parse(line);
  ASSERT_TRUE(std::holds_alternative<Assertion>(first));
  std::string canonical = ToCanonicalJson(std::get<Assertion>(first));
  EXPECT_EQ(canonical,
            R"({"subject":{"name":"Microsoft","lang":"fr"},"predicate":"invests_in","object":"Spain",)"
            R"("amount":1900000000.0,"source":{"uri":"u:1","title":"T"}})");
  auto second = Parse(canonical);
  ASSERT_TRUE(std::holds_alternative<Assertion>(second));
  EXPECT_EQ(ToCanonicalJson(std::get<Assertion>(second)), canonical);
}

TEST(AssertionJsonTest, ErrorsNameColumnFieldAndReason) {
  LineError e = ErrorOf(R"({"subject":12,"predicate":"invests_in","object":"Y"})");
  EXPECT_EQ(e.ToString(), "12: subject: expected string or object, got a number");
  e = ErrorOf(R"({"subject":"X","predicate":"loves","object":"Y"})");
  EXPECT_EQ(e.column, 28);
  EXPECT_EQ(e.field, "predicate");
  EXPECT_NE(e.reason.find("unknown predicate \"loves\""), std::string::npos);
  e = ErrorOf(R"({"subject":"X","predicate":"invests_in","object":"Y","source":{"uri":""}})");
  EXPECT_EQ(e.field, "source.uri");
  EXPECT_EQ(e.column, 70);
}

TEST(AssertionJsonTest, ColumnsCountCharactersNotBytes) {
  LineError e = ErrorOf(R"({"subject":"Sánchez","predicate":"met_with","object":7})");
  EXPECT_EQ(e.field, "object");
  EXPECT_EQ(e.column, 54);  // byte 55, but "á" is one character
}

TEST(AssertionJsonTest, NewPredicatesOnlyWhenAllowed) {
  const std::string line = R"({"subject":"X","predicate":"sponsors","object":"Y"})";
  EXPECT_TRUE(std::holds_alternative<LineError>(Parse(line)));
  EXPECT_TRUE(std::holds_alternative<Assertion>(Parse(line, /*allow_new=*/true)));
}

TEST(AssertionJsonTest, ExplicitTypesMustFitThePredicate) {
  LineError e = ErrorOf(R"({"subject":{"name":"Spain","type":"Country"},"predicate":"ceo_of","object":"Acme"})");
  EXPECT_EQ(e.field, "subject.type");
  EXPECT_NE(e.reason.find("ceo_of"), std::string::npos);
}

}  // namespace
}  // namespace kg::schema
