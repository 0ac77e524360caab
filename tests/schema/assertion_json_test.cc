#include "schema/assertion_json.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "schema/value_rules.h"
#include "test_support.h"

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

TEST(AssertionJsonTest, DatesMustExistInTheirMonth) {
  for (const char* date : {"2024", "2024-02", "2024-02-29", "2000-02-29", "0000-02-29", "2023-02-28", "2024-04-30",
                           "2024-12-31", "1999-01-31"}) {
    EXPECT_TRUE(IsDate(date)) << date;
    EXPECT_FALSE(IsDayPastMonthEnd(date)) << date;
  }
  for (const char* date : {"2023-02-29", "1900-02-29", "2100-02-29", "2024-02-30", "2024-04-31", "2024-06-31",
                           "2024-09-31", "2024-11-31"}) {
    EXPECT_FALSE(IsDate(date)) << date;
    EXPECT_TRUE(IsDayPastMonthEnd(date)) << date;
  }
  for (const char* date : {"2024-02-32", "2024-13-01", "2024-00", "2024-02-00", "24-02-01", "2024/02/01"}) {
    EXPECT_FALSE(IsDate(date)) << date;
    EXPECT_FALSE(IsDayPastMonthEnd(date)) << date;  // wrong in form, not past the month's end
  }
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2023, 4), 30);
  EXPECT_EQ(DaysInMonth(2023, 12), 31);

  const LineError e = ErrorOf(R"({"subject":"Acme","predicate":"acquires","object":"Widgets Ltd","date":"2023-02-29"})");
  EXPECT_EQ(e.field, "date");
  EXPECT_EQ(e.column, 72);
  EXPECT_EQ(e.reason, "\"2023-02-29\" is not a calendar date: that month has 28 days");
}

TEST(AssertionJsonTest, ExplicitTypesMustFitThePredicate) {
  LineError e = ErrorOf(R"({"subject":{"name":"Spain","type":"Country"},"predicate":"ceo_of","object":"Acme"})");
  EXPECT_EQ(e.field, "subject.type");
  EXPECT_NE(e.reason.find("ceo_of"), std::string::npos);
}

}  // namespace
}  // namespace kg::schema

namespace kg::schema {
namespace {

// The nlohmann-built form the hand-written serializer must match byte for byte.
nlohmann::ordered_json ReferenceEntity(const EntityRef& e) {
  if (!e.type && e.external_id.empty() && e.lang.empty()) return e.name;
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  o["name"] = e.name;
  if (e.type) o["type"] = EntityTypeName(*e.type);
  if (!e.external_id.empty()) o["id"] = e.external_id;
  if (!e.lang.empty()) o["lang"] = e.lang;
  return o;
}

std::string ReferenceCanonicalJson(const Assertion& a) {
  nlohmann::ordered_json o;
  o["subject"] = ReferenceEntity(a.subject);
  o["predicate"] = a.predicate;
  o["object"] = ReferenceEntity(a.object);
  if (a.amount) o["amount"] = *a.amount;
  if (!a.currency.empty()) o["currency"] = a.currency;
  if (!a.date.empty()) o["date"] = a.date;
  if (!a.period.empty()) o["period"] = a.period;
  if (a.confidence) o["confidence"] = *a.confidence;
  if (!a.source_uri.empty()) {
    nlohmann::ordered_json s;
    s["uri"] = a.source_uri;
    if (!a.source_title.empty()) s["title"] = a.source_title;
    if (!a.source_published.empty()) s["published"] = a.source_published;
    o["source"] = s;
  }
  if (!a.evidence_text.empty() || a.evidence_start || a.evidence_end) {
    nlohmann::ordered_json e = nlohmann::ordered_json::object();
    if (!a.evidence_text.empty()) e["text"] = a.evidence_text;
    if (a.evidence_start) e["start"] = *a.evidence_start;
    if (a.evidence_end) e["end"] = *a.evidence_end;
    o["evidence"] = e;
  }
  if (!a.extractor.empty()) o["extractor"] = a.extractor;
  return o.dump();
}

TEST(CanonicalJsonTest, MatchesNlohmannDumpOnEveryValidFixture) {
  std::ifstream in(kg::testing::SourcePath("tests/data/schema_fixtures/valid.jsonl"));
  ASSERT_TRUE(in) << "missing tests/data/schema_fixtures/valid.jsonl";
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto parsed = Parse(line);
    ASSERT_TRUE(std::holds_alternative<Assertion>(parsed)) << line;
    const Assertion& a = std::get<Assertion>(parsed);
    EXPECT_EQ(ToCanonicalJson(a), ReferenceCanonicalJson(a)) << line;
    ++checked;
  }
  EXPECT_GE(checked, 30);
  Assertion tricky;
  tricky.subject.name = std::string("quote\" back\\ tab\t nl\n bell\x07 del\x7f é ") + '\x01';
  tricky.predicate = "acquires";
  tricky.object.name = "x";
  tricky.amount = 1e20;
  tricky.confidence = 0.1 + 0.2;
  tricky.evidence_start = 0;
  EXPECT_EQ(ToCanonicalJson(tricky), ReferenceCanonicalJson(tricky));
}

// AppendJsonString copies runs of plain bytes at once; it must escape exactly what a byte-by-byte writer
// in nlohmann's style does, whatever byte comes where in the 8-byte words it reads.
std::string JsonStringByteByByte(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
      out += c == '\b' ? "\\b" : c == '\f' ? "\\f" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

TEST(AssertionJsonTest, JsonStringsEscapeEveryByteAtEveryPosition) {
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t at = 0; at < 19; ++at) {
      std::string text = "0123456789abcdefghi";
      text[at] = static_cast<char>(byte);
      std::string out;
      AppendJsonString(&out, text);
      ASSERT_EQ(out, JsonStringByteByByte(text)) << "byte " << byte << " at " << at;
    }
  }
  std::string out;
  AppendJsonString(&out, "a\"b\\c\nd\x01");
  EXPECT_EQ(out, R"("a\"b\\c\nd\u0001")");
  out.clear();
  AppendJsonString(&out, "");
  EXPECT_EQ(out, "\"\"");
}

}  // namespace
}  // namespace kg::schema
