#include "extract/token_scanner.h"

#include <gtest/gtest.h>

#include <string>

namespace kg::extract {
namespace {

// Named Extract… so that the extract suites run together under one --gtest_filter.
TEST(ExtractTokenScannerTest, SplitsDigitsFromSeparatorsAndLowersWords) {
  Result<std::vector<ScanToken>> tokens = ScanTokens("Soit 1,9 Milliard d’EUROS");
  ASSERT_TRUE(tokens.ok());
  std::vector<std::string> lower;
  for (const auto& t : *tokens) lower.push_back(t.lower);
  EXPECT_EQ(lower, (std::vector<std::string>{"soit", "1", ",", "9", "milliard", "d", "'", "euros"}));
  EXPECT_EQ((*tokens)[1].kind, ScanKind::kDigits);
  EXPECT_EQ((*tokens)[2].kind, ScanKind::kOther);
  EXPECT_EQ((*tokens)[4].kind, ScanKind::kWord);
}

TEST(ExtractTokenScannerTest, RecordsSpacesIncludingNoBreakSpaces) {
  Result<std::vector<ScanToken>> tokens = ScanTokens("500\xC2\xA0" "000 x\xE2\x80\xAFy z");
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 5u);
  EXPECT_FALSE((*tokens)[0].space_before);
  EXPECT_TRUE((*tokens)[1].space_before);
  EXPECT_TRUE((*tokens)[3].space_before);
  EXPECT_TRUE(IsSpaceCodePoint(0x202F));
  EXPECT_FALSE(IsSpaceCodePoint('\n'));
}

TEST(ExtractTokenScannerTest, SpansCountBytesAndCodePoints) {
  Result<std::vector<ScanToken>> tokens = ScanTokens("été 2024");
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 2u);
  EXPECT_EQ((*tokens)[0].span.end, 5u);
  EXPECT_EQ((*tokens)[0].span.char_end, 3u);
  EXPECT_EQ((*tokens)[1].span.begin, 6u);
  EXPECT_EQ((*tokens)[1].span.char_begin, 4u);
  EXPECT_EQ((*tokens)[1].span.char_end, 8u);
}

TEST(ExtractTokenScannerTest, CombiningMarksStayInTheWord) {
  Result<std::vector<ScanToken>> tokens = ScanTokens("re\xCC\x81sume\xCC\x81");  // decomposed accents
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ((*tokens)[0].span.char_end, 8u);
}

TEST(ExtractTokenScannerTest, EmptyAndBlankTexts) {
  EXPECT_TRUE(ScanTokens("")->empty());
  EXPECT_TRUE(ScanTokens(" \t\n\xC2\xA0")->empty());
}

TEST(ExtractTokenScannerTest, RejectsMalformedUtf8) {
  for (std::string bad : {"\x80", "ab\xC3", "\xE2\x82", "\xF4\x90\x80\x80", "\xED\xA0\x80", "\xC1\xBF"}) {
    Status status = ValidateUtf8(bad);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_FALSE(ScanTokens(bad).ok());
  }
  EXPECT_EQ(ValidateUtf8("ab\xC3").message(), "invalid UTF-8 at byte 2");
  EXPECT_TRUE(ValidateUtf8(std::string("nul\0inside", 10)).ok());
}

TEST(ExtractTokenScannerTest, LongRunsAreSingleTokens) {
  Result<std::vector<ScanToken>> tokens = ScanTokens(std::string(1 << 20, '7'));
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 1u);
  EXPECT_EQ((*tokens)[0].span.end, 1u << 20);
}

}  // namespace
}  // namespace kg::extract
