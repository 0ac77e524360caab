// ScanEvidenceFields against store::DecodeEvidence: on lines kg stored (read back from real stores) and
// on hand-made canonical lines with escapes, surrogate pairs and odd numbers, the two must give the same
// fields; on corrupt lines the scanner must report DataLoss with the byte offset, never read past the end.
#include "export/evidence_fields.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "store/records.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg::exporter {
namespace {

void ExpectAgreement(const std::string& line) {
  SCOPED_TRACE(line);
  auto decoded = store::DecodeEvidence(line);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  const Assertion& a = *decoded;
  EvidenceFields f;
  // Dirty the fields first: a scan must overwrite every one, also those the line leaves out.
  f.amount = 7;
  f.currency = f.date = f.period = f.source_uri = f.source_title = f.source_published = "stale";
  f.evidence_text = f.extractor = "stale";
  f.confidence = 0.5;
  f.evidence_start = f.evidence_end = 3;
  ASSERT_TRUE(ScanEvidenceFields(line, &f).ok());
  EXPECT_EQ(f.amount, a.amount);
  EXPECT_EQ(f.currency, a.currency);
  EXPECT_EQ(f.date, a.date);
  EXPECT_EQ(f.period, a.period);
  EXPECT_EQ(f.confidence, a.confidence);
  EXPECT_EQ(f.source_uri, a.source_uri);
  EXPECT_EQ(f.source_title, a.source_title);
  EXPECT_EQ(f.source_published, a.source_published);
  EXPECT_EQ(f.evidence_text, a.evidence_text);
  EXPECT_EQ(f.evidence_start, a.evidence_start);
  EXPECT_EQ(f.evidence_end, a.evidence_end);
  EXPECT_EQ(f.extractor, a.extractor);

  // A summary scan keeps the edge's fields and leaves the rest empty.
  EvidenceFields summary;
  summary.source_title = summary.evidence_text = summary.extractor = "stale";
  summary.evidence_start = 3;
  ASSERT_TRUE(ScanEvidenceFields(line, &summary, EvidenceScope::kSummary).ok());
  EXPECT_EQ(summary.amount, a.amount);
  EXPECT_EQ(summary.currency, a.currency);
  EXPECT_EQ(summary.date, a.date);
  EXPECT_EQ(summary.period, a.period);
  EXPECT_EQ(summary.confidence, a.confidence);
  EXPECT_EQ(summary.source_uri, a.source_uri);
  EXPECT_EQ(summary.source_title, "");
  EXPECT_EQ(summary.source_published, "");
  EXPECT_EQ(summary.evidence_text, "");
  EXPECT_FALSE(summary.evidence_start);
  EXPECT_FALSE(summary.evidence_end);
  EXPECT_EQ(summary.extractor, "");
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class EvidenceFieldsStoreTest : public testing::TempDirTest {};

TEST_F(EvidenceFieldsStoreTest, AgreesWithDecodeEvidenceOnEveryStoredLine) {
  size_t checked = 0;
  for (const char* fixture : {"tests/data/export/provenance.jsonl", "tests/data/schema_fixtures/valid.jsonl",
                              "tests/data/graph/companies.jsonl"}) {
    auto store = testing::OpenStoreWithFixture(Path(std::to_string(checked) + ".db"), fixture);
    ASSERT_NE(store, nullptr);
    for (const std::string& line : Lines(testing::Export(*store))) {
      ExpectAgreement(line);
      ++checked;
    }
  }
  EXPECT_GT(checked, 50u);
}

TEST(EvidenceFieldsTest, AgreesOnEscapesSurrogatesAndNumbers) {
  // Escapes of every kind, \u for BMP characters and a surrogate pair for U+1F600, in the fields the
  // scanner keeps and in the subject and object it skips.
  ExpectAgreement(
      R"({"subject":{"name":"Caf\u00e9 \"Q\" \\ \/","type":"Organization","id":"Q1"},"predicate":"invests_in",)"
      R"("object":{"name":"Espa\u00F1a","type":"Country","lang":"es"},"amount":1.9e9,"currency":"EUR",)"
      R"("date":"2021-03","period":"Q1\t2021","confidence":0.875,)"
      R"("source":{"uri":"https://a.example/x?q=1&r=\u00e9","title":"Tab\there\nnew line \ud83d\ude00 \u0001",)"
      R"("published":"2021-03-04"},"evidence":{"text":"\"quoted\" \ud83d\ude00 \b\f\r","start":0,"end":42},)"
      R"("extractor":"rules/1.0"})");
  // Numbers: integer, fraction, exponent with sign, zero; offsets written as 1e2 and 5.0.
  ExpectAgreement(R"({"subject":"A","predicate":"invests_in","object":"B","amount":1900000000.0,"confidence":1})");
  ExpectAgreement(R"({"subject":"A","predicate":"invests_in","object":"B","amount":2.5E-3,"confidence":0})");
  ExpectAgreement(R"({"subject":"A","predicate":"invests_in","object":"B","amount":0,"evidence":{"start":1e2,"end":5.0}})");
  // Whitespace between tokens, fields in another order, and only the required fields.
  ExpectAgreement(R"( { "predicate" : "acquires" , "object" : "B" , "subject" : "A" , "extractor" : "x" } )");
  ExpectAgreement(R"({"subject":"A","predicate":"acquires","object":"B"})");
  ExpectAgreement(R"({"subject":"A","predicate":"acquires","object":"B","evidence":{}})");
  ExpectAgreement(R"({"subject":"A","predicate":"acquires","object":"B","source":{"uri":"u"},"evidence":{"text":"t"}})");
}

TEST(EvidenceFieldsTest, ReusedFieldsAreClearedBetweenLines) {
  EvidenceFields f;
  ASSERT_TRUE(ScanEvidenceFields(R"({"subject":"A","predicate":"p","object":"B","amount":5,"currency":"USD",)"
                                 R"("source":{"uri":"u","title":"t"},"evidence":{"text":"x","start":1}})",
                                 &f)
                  .ok());
  EXPECT_EQ(f.currency, "USD");
  ASSERT_TRUE(ScanEvidenceFields(R"({"subject":"A","predicate":"p","object":"B"})", &f).ok());
  EXPECT_FALSE(f.amount);
  EXPECT_EQ(f.currency, "");
  EXPECT_EQ(f.source_uri, "");
  EXPECT_EQ(f.source_title, "");
  EXPECT_EQ(f.evidence_text, "");
  EXPECT_FALSE(f.evidence_start);
}

// The message of the scanner's error for `line`, which must be DataLoss.
std::string ErrorOf(std::string_view line) {
  EvidenceFields f;
  Status status = ScanEvidenceFields(line, &f);
  EXPECT_EQ(status.code(), StatusCode::kDataLoss) << line;
  return status.message();
}

TEST(EvidenceFieldsTest, CorruptLinesNameTheByteAndTheReason) {
  EXPECT_EQ(ErrorOf(""), "stored evidence is corrupt at byte 0: expected '{' (run kg check)");
  EXPECT_EQ(ErrorOf(R"({"subject":"A","predicate":"p","object":"B"}x)"),
            "stored evidence is corrupt at byte 44: unexpected bytes after the object (run kg check)");
  EXPECT_EQ(ErrorOf(R"({"subject":"A","predicate":"p","object":"B","colour":"red"})"),
            "stored evidence is corrupt at byte 44: unknown field (run kg check)");
  EXPECT_EQ(ErrorOf(R"({"subject":"A","predicate":"p","object":"B","date":"1","date":"2"})"),
            "stored evidence is corrupt at byte 55: repeated field (run kg check)");
  EXPECT_EQ(ErrorOf(R"({"subject":"A","object":"B"})"),
            "stored evidence is corrupt at byte 28: subject, predicate or object missing (run kg check)");
  EXPECT_EQ(ErrorOf(R"({"subject":"A","predicate":"p","object":"B","period":"\x"})"),
            "stored evidence is corrupt at byte 54: bad escape in a string (run kg check)");
  EXPECT_EQ(ErrorOf(R"({"subject":"A","predicate":"p","object":"B","period":"\ud83d"})"),
            "stored evidence is corrupt at byte 54: high surrogate without its low surrogate (run kg check)");
  EXPECT_EQ(ErrorOf(R"({"subject":"A","predicate":"p","object":"B","period":"\ude00x"})"),
            "stored evidence is corrupt at byte 54: unpaired low surrogate (run kg check)");
  EXPECT_EQ(ErrorOf(R"({"subject":"A","predicate":"p","object":"B","period":"\u12G4"})"),
            "stored evidence is corrupt at byte 58: bad hex digit in \\u escape (run kg check)");
  EXPECT_EQ(ErrorOf(R"({"subject":"A","predicate":"p","object":"B","amount":1e999})"),
            "stored evidence is corrupt at byte 53: number out of range (run kg check)");
  EXPECT_EQ(ErrorOf(R"({"subject":"A","predicate":"p","object":"B","amount":01})"),
            "stored evidence is corrupt at byte 54: expected ',' or '}' (run kg check)");
  EXPECT_EQ(ErrorOf(R"({"subject":"A","predicate":"p","object":"B","amount":1.})"),
            "stored evidence is corrupt at byte 55: expected a digit after '.' (run kg check)");
  EXPECT_EQ(ErrorOf(R"({"subject":"A","predicate":"p","object":"B","evidence":{"start":1.5}})"),
            "stored evidence is corrupt at byte 64: offset is not a whole number in range (run kg check)");
  EXPECT_EQ(ErrorOf(R"({"subject":"A","predicate":"p","object":"B","source":{"url":"u"}})"),
            "stored evidence is corrupt at byte 54: unknown source field (run kg check)");
  EXPECT_EQ(ErrorOf("{\"subject\":\"A\",\"predicate\":\"p\",\"object\":\"B\",\"period\":\"A\nB\"}"),
            "stored evidence is corrupt at byte 55: control character in a string (run kg check)");
  std::string deep = R"({"subject":)" + std::string(20, '[') + std::string(20, ']') + "}";
  EXPECT_EQ(ErrorOf(deep), "stored evidence is corrupt at byte 20: nested too deeply (run kg check)");
}

TEST(EvidenceFieldsTest, EveryTruncationOfAValidLineIsCorrupt) {
  const std::string line =
      R"({"subject":{"name":"M\u00e9","type":"Organization"},"predicate":"invests_in","object":"Spain",)"
      R"("amount":1.5e9,"currency":"USD","date":"2020","confidence":0.9,"source":{"uri":"https://x.example/1",)"
      R"("title":"T \ud83d\ude00"},"evidence":{"text":"a \"b\"","start":0,"end":5},"extractor":"e"})";
  EvidenceFields f;
  ASSERT_TRUE(ScanEvidenceFields(line, &f).ok());
  for (size_t n = 0; n < line.size(); ++n) {
    // A copy of exactly n bytes, so that a read past the end shows under the sanitizers.
    const std::string prefix = line.substr(0, n);
    for (EvidenceScope scope : {EvidenceScope::kAll, EvidenceScope::kSummary}) {
      Status status = ScanEvidenceFields(prefix, &f, scope);
      EXPECT_EQ(status.code(), StatusCode::kDataLoss) << "prefix of " << n << " bytes was accepted";
    }
  }
}

}  // namespace
}  // namespace kg::exporter
