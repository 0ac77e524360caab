// The export's own JSON string writer must write exactly what the canonical writer does, since both
// kinds of output are read by the same consumers; and the integer forms must match std::to_string.
#include "export/field_text.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "schema/assertion_json.h"

namespace kg::exporter {
namespace {

std::string Json(std::string_view text) {
  std::string out;
  AppendJsonText(&out, text);
  return out;
}

std::string Canonical(std::string_view text) {
  std::string out;
  schema::AppendJsonString(&out, text);
  return out;
}

TEST(FieldTextTest, JsonTextMatchesTheCanonicalWriterOnEveryByte) {
  for (int byte = 0; byte < 256; ++byte) {
    for (const std::string& text : {std::string(1, static_cast<char>(byte)),
                                    "0123456789" + std::string(1, static_cast<char>(byte)) + "abcdefghij"}) {
      ASSERT_EQ(Json(text), Canonical(text)) << "byte " << byte;
    }
  }
  for (std::string_view text : {"", "plain", "Caf\xC3\xA9 \"quoted\" back\\slash", "tab\there\r\nline\x01\x1F",
                                "\"\"\"\\\\\\", "a long run of plain text before an escape at the end\n"}) {
    EXPECT_EQ(Json(text), Canonical(text)) << text;
  }
  EXPECT_EQ(Json("a\"b\\c\nd\x01"), R"("a\"b\\c\nd\u0001")");
}

TEST(FieldTextTest, IntegersMatchToString) {
  for (uint64_t v : {uint64_t{0}, uint64_t{7}, uint64_t{1234567890}, std::numeric_limits<uint64_t>::max()}) {
    std::string out = "x";
    AppendUnsigned(&out, v);
    EXPECT_EQ(out, "x" + std::to_string(v));
  }
  for (int64_t v : {int64_t{0}, int64_t{-5}, int64_t{9007199254740991}, std::numeric_limits<int64_t>::min()}) {
    std::string out;
    AppendSigned(&out, v);
    EXPECT_EQ(out, std::to_string(v));
  }
}

}  // namespace
}  // namespace kg::exporter
