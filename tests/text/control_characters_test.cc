// text/control_characters.h and text/spreadsheet_formula.h: which characters count as controls, where
// they are found, how they are shown, and which CSV cells a spreadsheet would run.
#include "text/control_characters.h"

#include <gtest/gtest.h>

#include <string>

#include "text/spreadsheet_formula.h"

namespace kg::text {
namespace {

TEST(ControlCharactersTest, CcAndBidiControlsAreControlsAndTheirNeighboursAreNot) {
  for (uint32_t cp : {0x00u, 0x07u, 0x09u, 0x0Au, 0x1Bu, 0x1Fu, 0x7Fu, 0x80u, 0x85u, 0x9Bu, 0x9Fu, 0x202Au, 0x202Eu,
                      0x2066u, 0x2069u}) {
    EXPECT_TRUE(IsControlOrBidiControl(cp)) << CodePointName(cp);
  }
  // Space, tilde, NBSP, the direction marks (LRM, RLM: format characters with legitimate uses in names
  // that mix scripts), the line separator, U+2065 and U+206A.
  for (uint32_t cp : {0x20u, 0x7Eu, 0xA0u, 0x200Eu, 0x200Fu, 0x2028u, 0x2029u, 0x2065u, 0x206Au, 0x1F680u}) {
    EXPECT_FALSE(IsControlOrBidiControl(cp)) << CodePointName(cp);
  }
}

TEST(ControlCharactersTest, FindsTheFirstControlWithItsOffsetAndLength) {
  EXPECT_FALSE(FindControlOrBidiControl("Plain ASCII longer than one word, and \xC3\xA9t\xC3\xA9").has_value());
  const std::string nul("BadCo\0x", 7);
  auto found = FindControlOrBidiControl(nul);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->offset, 5u);
  EXPECT_EQ(found->length, 1u);
  EXPECT_EQ(found->code_point, 0u);

  found = FindControlOrBidiControl("Twelve bytes\x1b[31m");  // past the first eight-byte word
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->offset, 12u);
  EXPECT_EQ(found->code_point, 0x1Bu);

  found = FindControlOrBidiControl("\xC3\xA9l\xC3\xA8ve \xE2\x80\xAE" "evil");  // U+202E after accents
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->offset, 8u);
  EXPECT_EQ(found->length, 3u);
  EXPECT_EQ(found->code_point, 0x202Eu);

  found = FindControlOrBidiControl("Next\xC2\x85Line");  // NEL, a C1 control
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->code_point, 0x85u);
  EXPECT_EQ(found->length, 2u);

  EXPECT_EQ(ControlOrBidiControlLength("\xE2\x81\xA9rest"), 3u);  // U+2069
  EXPECT_EQ(ControlOrBidiControlLength("\xE2\x80\x8Erest"), 0u);  // U+200E, LRM
  EXPECT_EQ(ControlOrBidiControlLength(""), 0u);
}

TEST(ControlCharactersTest, VisibleTextShowsPicturesAndCodePoints) {
  EXPECT_EQ(VisibleText(std::string("Nul\0Byte", 8)), "Nul\xE2\x90\x80" "Byte");        // ␀
  EXPECT_EQ(VisibleText("Esc\x1b[31mRed\x07"), "Esc\xE2\x90\x9B[31mRed\xE2\x90\x87");  // ␛ and ␇
  EXPECT_EQ(VisibleText("a\nb\tc\rd\x7F"), "a\xE2\x90\x8A" "b\xE2\x90\x89" "c\xE2\x90\x8D" "d\xE2\x90\xA1");
  EXPECT_EQ(VisibleText("Bidi\xE2\x80\xAEReversed\xC2\x9B"), "Bidi<U+202E>Reversed<U+009B>");
  EXPECT_EQ(VisibleText("Caf\xC3\xA9 \xF0\x9F\x9A\x80 \xE2\x80\x8F"), "Caf\xC3\xA9 \xF0\x9F\x9A\x80 \xE2\x80\x8F");
  EXPECT_EQ(CodePointName(0x1B), "U+001B");
  EXPECT_EQ(CodePointName(0x1F680), "U+1F680");
}

TEST(SpreadsheetFormulaTest, OwaspStartsAreFormulas) {
  for (const char* field : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=", "-"}) {
    EXPECT_TRUE(StartsLikeFormula(field)) << field;
  }
  for (const char* field : {"", "1", "'=1", " =1", "a=b", "[\"=x\"]", "\nx"}) {
    EXPECT_FALSE(StartsLikeFormula(field)) << field;
  }
}

}  // namespace
}  // namespace kg::text
