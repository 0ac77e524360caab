// The word-at-a-time run finders against a byte-by-byte definition, with every special byte at every
// position of strings long enough to cover whole words and the tail.
#include "text/byte_runs.h"

#include <gtest/gtest.h>

#include <string>

namespace kg::text {
namespace {

template <typename Stop>
size_t NaiveRun(std::string_view text, Stop stop) {
  size_t i = 0;
  while (i < text.size() && !stop(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

bool JsonStop(unsigned char c) { return c == '"' || c == '\\' || c < 0x20; }
bool CsvStop(unsigned char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; }
bool XmlStop(unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xEF; }

TEST(ByteRunsTest, AgreeWithAByteLoopForEveryByteAtEveryPosition) {
  // Plain filler of ASCII and UTF-8 (bytes at and above 0x80 must never stop a run, except 0xEF for XML).
  const std::string filler = "ab\xC3\xA9 z\xE2\x82\xAC" "0123456789-_./:;";
  for (size_t length = 0; length <= 24; ++length) {
    std::string base;
    while (base.size() < length) base += filler;
    base.resize(length);
    ASSERT_EQ(JsonPlainRun(base), NaiveRun(base, JsonStop)) << base;
    ASSERT_EQ(CsvPlainRun(base), NaiveRun(base, CsvStop)) << base;
    ASSERT_EQ(XmlPlainRun(base), NaiveRun(base, XmlStop)) << base;
    for (size_t at = 0; at < length; ++at) {
      for (int byte = 0; byte < 256; ++byte) {
        std::string text = base;
        text[at] = static_cast<char>(byte);
        ASSERT_EQ(JsonPlainRun(text), NaiveRun(text, JsonStop)) << "byte " << byte << " at " << at;
        ASSERT_EQ(CsvPlainRun(text), NaiveRun(text, CsvStop)) << "byte " << byte << " at " << at;
        ASSERT_EQ(XmlPlainRun(text), NaiveRun(text, XmlStop)) << "byte " << byte << " at " << at;
      }
    }
  }
}

TEST(ByteRunsTest, StopAtTheFirstSpecialByteNotALaterOne) {
  EXPECT_EQ(JsonPlainRun("0123456789\"abc\\def"), 10u);
  EXPECT_EQ(JsonPlainRun("01234567\x01"), 8u);
  EXPECT_EQ(CsvPlainRun("abcdefghij,klmnop\r\n"), 10u);
  EXPECT_EQ(CsvPlainRun("no separators in here at all"), 28u);
  EXPECT_EQ(XmlPlainRun("tab\tand\nnew lines\rpass\x0B"), 22u);
  EXPECT_EQ(XmlPlainRun("abcdefgh\xEF\xBF\xBE"), 8u);
}

}  // namespace
}  // namespace kg::text
