#include "extract/segmenter.h"

#include <gtest/gtest.h>

#include <string>

namespace kg::extract {
namespace {

std::vector<std::string> SentenceTexts(std::string_view text) {
  Result<std::vector<Sentence>> sentences = Segment(text);
  EXPECT_TRUE(sentences.ok()) << sentences.status().ToString();
  std::vector<std::string> out;
  if (!sentences.ok()) return out;
  for (const auto& s : *sentences) out.emplace_back(text.substr(s.span.begin, s.span.end - s.span.begin));
  return out;
}

using Texts = std::vector<std::string>;

TEST(SegmenterTest, SplitsPlainSentences) {
  EXPECT_EQ(SentenceTexts("Le conseil a voté. La mesure entre en vigueur lundi! Qui paiera?"),
            (Texts{"Le conseil a voté.", "La mesure entre en vigueur lundi!", "Qui paiera?"}));
}

TEST(SegmenterTest, EmptyAndBlankTextsHaveNoSentences) {
  EXPECT_TRUE(SentenceTexts("").empty());
  EXPECT_TRUE(SentenceTexts("  \n\n \t ").empty());
}

TEST(SegmenterTest, KeepsFrenchTitlesTogether) {
  EXPECT_EQ(SentenceTexts("M. Dupont a rencontré Mme. Martin hier. Ils ont signé."),
            (Texts{"M. Dupont a rencontré Mme. Martin hier.", "Ils ont signé."}));
}

TEST(SegmenterTest, KeepsEnglishTitlesTogether) {
  EXPECT_EQ(SentenceTexts("Mr. Jones met Dr. Patel in Boston. They agreed."),
            (Texts{"Mr. Jones met Dr. Patel in Boston.", "They agreed."}));
}

TEST(SegmenterTest, KeepsCompanyFormsTogether) {
  EXPECT_EQ(SentenceTexts("Acme Inc. Bought a rival. Globex S.A. Sold it later."),
            (Texts{"Acme Inc. Bought a rival.", "Globex S.A. Sold it later."}));
}

TEST(SegmenterTest, KeepsUsAndEtcAndParExempleTogether) {
  EXPECT_EQ(SentenceTexts("The U.S. Treasury agreed. Fruits, légumes, etc. Tout augmente."),
            (Texts{"The U.S. Treasury agreed.", "Fruits, légumes, etc. Tout augmente."}));
  EXPECT_EQ(SentenceTexts("Certains pays, p. ex. Malte, hésitent. Rien n'est fait."),
            (Texts{"Certains pays, p. ex. Malte, hésitent.", "Rien n'est fait."}));
}

TEST(SegmenterTest, DoesNotSplitInsideNumbers) {
  EXPECT_EQ(SentenceTexts("Il investit 1.5 milliard. Puis 2,5 millions."),
            (Texts{"Il investit 1.5 milliard.", "Puis 2,5 millions."}));
}

TEST(SegmenterTest, SplitsAtLineBreaksBetweenHeadlineAndBody) {
  EXPECT_EQ(SentenceTexts("Un titre sans point\n\nLe texte commence ici."),
            (Texts{"Un titre sans point", "Le texte commence ici."}));
}

TEST(SegmenterTest, ReportsByteAndCodePointOffsets) {
  std::string text = "Été chaud. Ça va.";
  Result<std::vector<Sentence>> sentences = Segment(text);
  ASSERT_TRUE(sentences.ok());
  ASSERT_EQ(sentences->size(), 2u);
  const TextSpan& second = (*sentences)[1].span;
  EXPECT_EQ(second.begin, 13u);  // "Été" is 5 bytes and 3 code points
  EXPECT_EQ(second.end, text.size());
  EXPECT_EQ(second.char_begin, 11u);
  EXPECT_EQ(second.char_end, 17u);
  EXPECT_EQ(text.substr(second.begin, second.end - second.begin), "Ça va.");
}

TEST(SegmenterTest, CountsCodePointsNotUtf16UnitsForAstralCharacters) {
  std::string text = "😀 Oui. Non.";  // the emoji is one code point, two UTF-16 units, four bytes
  Result<std::vector<Sentence>> sentences = Segment(text);
  ASSERT_TRUE(sentences.ok());
  ASSERT_EQ(sentences->size(), 2u);
  EXPECT_EQ((*sentences)[1].span.char_begin, 7u);
  EXPECT_EQ((*sentences)[1].span.begin, 10u);
}

TEST(SegmenterTest, GivesEachSentenceItsTokens) {
  Result<std::vector<Sentence>> sentences = Segment("Il pleut. Le vent souffle fort.");
  ASSERT_TRUE(sentences.ok());
  ASSERT_EQ(sentences->size(), 2u);
  EXPECT_EQ((*sentences)[0].tokens.size(), 3u);
  ASSERT_EQ((*sentences)[1].tokens.size(), 5u);
  EXPECT_EQ((*sentences)[1].tokens[0].text, "Le");
  EXPECT_EQ((*sentences)[1].tokens[4].kind, TokenKind::kPunctuation);
}

TEST(SegmenterTest, TokenKinds) {
  Result<std::vector<Token>> tokens = Tokenize("Acme paie 1,9 milliard (30 %).");
  ASSERT_TRUE(tokens.ok());
  std::vector<std::pair<std::string, TokenKind>> got;
  for (const auto& t : *tokens) got.emplace_back(t.text, t.kind);
  std::vector<std::pair<std::string, TokenKind>> want = {
      {"Acme", TokenKind::kWord},       {"paie", TokenKind::kWord},        {"1,9", TokenKind::kNumber},
      {"milliard", TokenKind::kWord},   {"(", TokenKind::kPunctuation},    {"30", TokenKind::kNumber},
      {"%", TokenKind::kPunctuation},   {")", TokenKind::kPunctuation},    {".", TokenKind::kPunctuation}};
  EXPECT_EQ(got, want);
}

TEST(SegmenterTest, SplitsFrenchElisions) {
  Result<std::vector<Token>> tokens = Tokenize("l'Espagne d’euros aujourd'hui");
  ASSERT_TRUE(tokens.ok());
  std::vector<std::string> got;
  for (const auto& t : *tokens) got.push_back(t.text);
  EXPECT_EQ(got, (std::vector<std::string>{"l'", "Espagne", "d’", "euros", "aujourd'hui"}));
  EXPECT_EQ((*tokens)[3].span.char_begin, 12u);
  EXPECT_EQ((*tokens)[3].span.begin, 14u);
}

TEST(SegmenterTest, RejectsInvalidUtf8WithItsOffset) {
  Result<std::vector<Sentence>> sentences = Segment("Bon début \xC3\x28 puis rien.");
  ASSERT_FALSE(sentences.ok());
  EXPECT_EQ(sentences.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(sentences.status().message(), "invalid UTF-8 at byte 11");
  Result<std::vector<Token>> tokens = Tokenize("\xFF");
  ASSERT_FALSE(tokens.ok());
  EXPECT_EQ(tokens.status().message(), "invalid UTF-8 at byte 0");
  EXPECT_FALSE(Segment("\xED\xA0\x80").ok());  // an encoded surrogate
  EXPECT_FALSE(Segment("\xC0\xAF").ok());      // an overlong slash
}

TEST(SegmenterTest, SurvivesControlBytes) {
  std::string text("a\0b\x01\x02. c\x7F.", 10);
  Result<std::vector<Sentence>> sentences = Segment(text);
  ASSERT_TRUE(sentences.ok());
  EXPECT_FALSE(sentences->empty());
}

TEST(SegmenterTest, HandlesAMegabyteLineWithoutSpaces) {
  std::string line(1 << 20, 'x');
  Result<std::vector<Sentence>> sentences = Segment(line);
  ASSERT_TRUE(sentences.ok());
  ASSERT_EQ(sentences->size(), 1u);
  EXPECT_EQ((*sentences)[0].span.end, line.size());
  ASSERT_EQ((*sentences)[0].tokens.size(), 1u);
  EXPECT_EQ((*sentences)[0].tokens[0].span.char_end, line.size());
}

}  // namespace
}  // namespace kg::extract
