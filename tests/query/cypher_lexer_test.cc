#include "query/cypher_lexer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace kg::query {
namespace {

std::vector<TokenKind> Kinds(std::string_view text) {
  std::vector<TokenKind> kinds;
  for (const Token& token : TokenizeCypher(text)) kinds.push_back(token.kind);
  return kinds;
}

// The error message of the kError token that must end the tokens of `text`.
std::string LexError(std::string_view text) {
  std::vector<Token> tokens = TokenizeCypher(text);
  EXPECT_EQ(tokens.back().kind, TokenKind::kError) << text;
  return tokens.back().value;
}

Token Single(std::string_view text) {
  std::vector<Token> tokens = TokenizeCypher(text);
  EXPECT_EQ(tokens.size(), 2u) << text;
  EXPECT_EQ(tokens.back().kind, TokenKind::kEnd) << text << ": " << tokens.back().value;
  return tokens.front();
}

using K = TokenKind;

TEST(CypherLexerTest, KeywordsMatchWithoutRegardToCase) {
  std::vector<Token> tokens = TokenizeCypher("match Match MATCH matcH where ReTuRn count");
  ASSERT_EQ(tokens.size(), 8u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(tokens[i].keyword, Keyword::kMatch);
  EXPECT_EQ(tokens[1].value, "Match");  // the spelling is kept
  EXPECT_EQ(tokens[4].keyword, Keyword::kWhere);
  EXPECT_EQ(tokens[5].keyword, Keyword::kReturn);
  EXPECT_EQ(tokens[6].keyword, Keyword::kNone);  // function names are not keywords
}

TEST(CypherLexerTest, TokensCarryTheirByteRange) {
  std::vector<Token> tokens = TokenizeCypher("MATCH (é)");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].offset, 0u);
  EXPECT_EQ(tokens[0].end, 5u);
  EXPECT_EQ(tokens[2].offset, 7u);
  EXPECT_EQ(tokens[2].end, 9u);  // é is two bytes
  EXPECT_EQ(tokens[3].offset, 9u);
  EXPECT_EQ(tokens[4].offset, 10u);
}

TEST(CypherLexerTest, ReadsNames) {
  EXPECT_EQ(Single("_a1").value, "_a1");
  EXPECT_EQ(Single("España").value, "España");
  EXPECT_EQ(Single("Москва").kind, K::kIdentifier);
  Token quoted = Single("`weird name``s`");
  EXPECT_EQ(quoted.kind, K::kQuotedName);
  EXPECT_EQ(quoted.value, "weird name`s");
  EXPECT_EQ(Single("`MATCH`").keyword, Keyword::kNone);
}

TEST(CypherLexerTest, ReadsStringsWithEscapes) {
  EXPECT_EQ(Single("'Banco Santander'").value, "Banco Santander");
  EXPECT_EQ(Single("\"it's\"").value, "it's");
  EXPECT_EQ(Single(R"('a\'b\"c\\d\ne\tf\rg')").value, "a'b\"c\\d\ne\tf\rg");
  EXPECT_EQ(Single(R"('caf\u00e9')").value, "café");
  EXPECT_EQ(Single(R"('\uD83D\uDE00')").value, "\xF0\x9F\x98\x80");
  EXPECT_EQ(Single("'Zürich'").value, "Zürich");
}

TEST(CypherLexerTest, ReadsNumbers) {
  EXPECT_EQ(Single("42").int_value, 42);
  EXPECT_EQ(Single("9223372036854775807").int_value, INT64_MAX);
  EXPECT_DOUBLE_EQ(Single("1.5").float_value, 1.5);
  EXPECT_DOUBLE_EQ(Single(".5").float_value, 0.5);
  EXPECT_DOUBLE_EQ(Single("1e9").float_value, 1e9);
  EXPECT_DOUBLE_EQ(Single("1.9e9").float_value, 1.9e9);
  EXPECT_DOUBLE_EQ(Single("2E-3").float_value, 2e-3);
  EXPECT_EQ(Single("1e9").kind, K::kFloat);
  EXPECT_EQ(Kinds("1..3"), (std::vector<K>{K::kInteger, K::kDotDot, K::kInteger, K::kEnd}));
  EXPECT_EQ(Kinds("*..3"), (std::vector<K>{K::kStar, K::kDotDot, K::kInteger, K::kEnd}));
}

TEST(CypherLexerTest, ReadsPunctuation) {
  EXPECT_EQ(
      Kinds("( ) [ ] { } , . : | * .. -> <- - < > = <> <= >= + / % ;"),
      (std::vector<K>{K::kLParen, K::kRParen, K::kLBracket, K::kRBracket,  K::kLBrace, K::kRBrace,     K::kComma,
                      K::kDot,    K::kColon,  K::kPipe,     K::kStar,      K::kDotDot, K::kArrowRight, K::kArrowLeft,
                      K::kDash,   K::kLt,     K::kGt,       K::kEq,        K::kNe,     K::kLe,         K::kGe,
                      K::kPlus,   K::kSlash,  K::kPercent,  K::kSemicolon, K::kEnd}));
  // Arrows split so that the pattern parser sees -->, <-- and -- as two tokens each.
  EXPECT_EQ(Kinds("-->"), (std::vector<K>{K::kDash, K::kArrowRight, K::kEnd}));
  EXPECT_EQ(Kinds("<--"), (std::vector<K>{K::kArrowLeft, K::kDash, K::kEnd}));
  EXPECT_EQ(Kinds("$name"), (std::vector<K>{K::kParameter, K::kEnd}));
}

TEST(CypherLexerTest, SkipsCommentsAndUnicodeSpaces) {
  EXPECT_EQ(Kinds("a // to the end\n/* and\nblocks */ b\xC2\xA0"
                  "c"),
            (std::vector<K>{K::kIdentifier, K::kIdentifier, K::kIdentifier, K::kEnd}));
}

TEST(CypherLexerTest, StopsWithAnErrorTokenAfterTheGoodOnes) {
  std::vector<Token> tokens = TokenizeCypher("MATCH (a) # x");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[3].kind, K::kRParen);
  EXPECT_EQ(tokens[4].kind, K::kError);
  EXPECT_EQ(tokens[4].value, "1:11: expected a Cypher token, found '#'");
}

TEST(CypherLexerTest, ReportsMalformedTokens) {
  EXPECT_EQ(LexError("x = 99999999999999999999"),
            "1:5: expected an integer that fits in 64 bits, found '99999999999999999999'");
  EXPECT_EQ(LexError("x = 1e999"), "1:5: expected a number within the range of a double, found '1e999'");
  EXPECT_EQ(LexError("x = 12abc"), "1:5: expected a number, found '12abc'");
  EXPECT_EQ(LexError("x = 'abc"), "1:5: expected a closing ' for this string, found end of query");
  EXPECT_EQ(LexError("x = \"abc"), "1:5: expected a closing \" for this string, found end of query");
  EXPECT_EQ(LexError(R"(x = 'a\qb')"), R"(1:7: expected an escape such as \n or \u00e9 after '\', found '\q')");
  EXPECT_EQ(LexError(R"(x = '\u12')"), R"(1:6: expected four hex digits after \u, found '\u12')");
  EXPECT_EQ(LexError(R"(x = '\uD83Dx')"), R"(1:6: expected a low surrogate \uDC00-\uDFFF after '\uD83D', found 'x')");
  EXPECT_EQ(LexError(R"(x = '\uDE00')"), R"(1:6: expected a high surrogate before the low surrogate, found '\uDE00')");
  EXPECT_EQ(LexError("a /* never closed"), "1:3: expected '*/' to close this comment, found end of query");
  EXPECT_EQ(LexError("`open"), "1:1: expected '`' to close this name, found end of query");
  EXPECT_EQ(LexError("``"), "1:1: expected a name between the backticks, found '``'");
  EXPECT_EQ(LexError("a != b"), "1:3: expected '<>' (Cypher's not-equal), found '!='");
  EXPECT_EQ(LexError("a = '\xFF'"), "1:6: expected UTF-8 text, found byte 0xFF");
  EXPECT_EQ(LexError("a \xFF"), "1:3: expected UTF-8 text, found byte 0xFF");
}

TEST(CypherLexerTest, ColumnsCountCodePointsAndLinesRestartThem) {
  EXPECT_EQ(LineColumn("España x", 8), "1:8");  // ñ is two bytes, one column
  EXPECT_EQ(LineColumn("a\nbc", 3), "2:2");
  EXPECT_EQ(LineColumn("", 0), "1:1");
  EXPECT_EQ(LexError("'日本' #"), "1:6: expected a Cypher token, found '#'");
}

TEST(CypherLexerTest, QuoteSourceShortensLongTokens) {
  std::string long_text(60, 'x');
  EXPECT_EQ(QuoteSource(long_text, 0, 60), "'" + std::string(40, 'x') + "...'");
  EXPECT_EQ(QuoteSource("ab", 2, 2), "end of query");
}

}  // namespace
}  // namespace kg::query
