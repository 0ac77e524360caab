#include "text/utf8.h"

#include <gtest/gtest.h>

namespace kg::text {
namespace {

TEST(Utf8Test, FindsTheFirstIllFormedSequence) {
  EXPECT_FALSE(FindInvalidUtf8("Espa\xC3\xB1" "a \xF0\x9F\x98\x80 and a long ASCII tail").has_value());
  EXPECT_FALSE(FindInvalidUtf8(std::string_view("nul\0inside", 10)).has_value());
  EXPECT_EQ(FindInvalidUtf8("ab\xC3"), 2u);                          // truncated
  EXPECT_EQ(FindInvalidUtf8("a\xED\xA0\x80"), 1u);                   // a surrogate
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);                        // an overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);                // past U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("0123456789abcdef\xFF"), 16u);          // after the ASCII fast path
  EXPECT_EQ(FindInvalidUtf8("fran\xe7" "ais"), 4u);                  // Latin-1
}

TEST(Utf8Test, AppendsEveryLength) {
  std::string out;
  for (uint32_t cp : {0x41u, 0xF1u, 0x20ACu, 0x1F600u}) AppendUtf8(cp, &out);
  EXPECT_EQ(out, "A\xC3\xB1\xE2\x82\xAC\xF0\x9F\x98\x80");
  EXPECT_TRUE(IsValidUtf8(out));
}

}  // namespace
}  // namespace kg::text
