#include "extract/extractor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "extract/article_text.h"
#include "extract_test_support.h"

namespace kg::extract {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr const char* kArticle =
    "Quorvia Systems investit en Italie\n"
    "2024-06-03\n"
    "Le groupe Quorvia Systems, dont le siège est à Lyon, va investir 300 millions d’euros en Italie. "
    "Sa directrice générale, Léa Morin, l’a annoncé à Milan.\n";

// Code-point slicing, as a Python or JSON consumer would do it.
std::string Slice(const std::string& text, int64_t begin, int64_t end) {
  size_t b = 0, cp = 0;
  for (; b < text.size() && cp < static_cast<size_t>(begin); ++cp) {
    unsigned char c = static_cast<unsigned char>(text[b]);
    b += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  size_t e = b;
  for (; e < text.size() && cp < static_cast<size_t>(end); ++cp) {
    unsigned char c = static_cast<unsigned char>(text[e]);
    e += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return text.substr(b, e - b);
}

TEST(ExtractorTest, ArticleInfoAndProvenance) {
  ExtractOptions options;
  options.source_uri = "articles/quorvia.txt";
  auto extraction = ExtractArticle(kArticle, options);
  ASSERT_TRUE(extraction.ok()) << extraction.status().ToString();
  EXPECT_EQ(extraction->article.title, "Quorvia Systems investit en Italie");
  EXPECT_EQ(extraction->article.published, "2024-06-03");
  EXPECT_EQ(extraction->article.language, "fr");
  ASSERT_FALSE(extraction->assertions.empty());
  for (const Assertion& a : extraction->assertions) {
    EXPECT_EQ(a.source_uri, "articles/quorvia.txt");
    EXPECT_EQ(a.source_title, "Quorvia Systems investit en Italie");
    EXPECT_EQ(a.source_published, "2024-06-03");
    EXPECT_EQ(a.extractor, kExtractorName);
    ASSERT_TRUE(a.confidence.has_value());
    EXPECT_GT(*a.confidence, 0.0);
    EXPECT_LE(*a.confidence, 1.0);
    ASSERT_TRUE(a.evidence_start && a.evidence_end);
    EXPECT_EQ(Slice(kArticle, *a.evidence_start, *a.evidence_end), a.evidence_text);
  }
  auto triples = Triples(extraction->assertions);
  EXPECT_THAT(triples, Contains("Quorvia Systems|invests_in|Italy"));
  EXPECT_THAT(triples, Contains("Quorvia Systems|headquartered_in|Lyon"));
  EXPECT_THAT(triples, Contains("Léa Morin|ceo_of|Quorvia Systems"));
}

TEST(ExtractorTest, EmptyAndBlankArticlesGiveNothing) {
  for (const char* text : {"", "   \n\t\n", "\n"}) {
    auto extraction = ExtractArticle(text, {});
    ASSERT_TRUE(extraction.ok());
    EXPECT_THAT(extraction->assertions, IsEmpty());
  }
}

TEST(ExtractorTest, BinaryDataIsRefusedWithTheOffset) {
  const std::string binary("PK\x03\x04\x00\x00rest", 10);
  auto extraction = ExtractArticle(binary, {});
  ASSERT_FALSE(extraction.ok());
  EXPECT_EQ(extraction.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(extraction.status().message(), HasSubstr("NUL byte at offset 4"));
}

TEST(ExtractorTest, Latin1IsRefusedWithTheOffset) {
  auto extraction = ExtractArticle("Le groupe fran\xe7" "ais investit.", {});
  ASSERT_FALSE(extraction.ok());
  EXPECT_EQ(extraction.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(extraction.status().message(), HasSubstr("invalid UTF-8 at byte 14"));
}

TEST(ExtractorTest, HugeSingleLineDoesNotCrash) {
  std::string line;
  while (line.size() < 10u * 1024 * 1024) line += "Quorvia Systems investit 3 millions d'euros en Italie et ";
  auto extraction = ExtractArticle(line, {});
  ASSERT_TRUE(extraction.ok()) << extraction.status().ToString();
  // One sentence of ten million characters is over the schema's evidence limit: nothing is cited from it.
  EXPECT_THAT(extraction->assertions, IsEmpty());
}

TEST(ExtractorTest, BadOptionsAreRefused) {
  ExtractOptions options;
  options.format = "pdf";
  EXPECT_EQ(ExtractArticle("x", options).status().code(), StatusCode::kInvalidArgument);
  options.format = "txt";
  options.reference_date = "March 2024";
  EXPECT_THAT(ExtractArticle("x", options).status().message(), HasSubstr("reference date"));
}

TEST(ExtractorTest, ReferenceDateIsTheFallbackForUndatedArticles) {
  ExtractOptions options;
  options.reference_date = "2022-09";
  auto extraction = ExtractArticle("Quorvia Data will invest $2bn in Kenya.", options);
  ASSERT_TRUE(extraction.ok());
  const Assertion* a = Find(extraction->assertions, "Quorvia Data|invests_in|Kenya");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->date, "2022-09");

  // A full article date is kept to the month: it dates the report, not the event.
  options.reference_date = "2022-09-14";
  extraction = ExtractArticle("Quorvia Data will invest $2bn in Kenya.", options);
  ASSERT_TRUE(extraction.ok());
  a = Find(extraction->assertions, "Quorvia Data|invests_in|Kenya");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->date, "2022-09");
}

TEST(ExtractorTest, DatelineDatesTheReportNotTheEvent) {
  // Two reports of one announcement, filed on different days: the same qualifiers, so one fact version.
  std::vector<std::string> dates;
  for (const char* text : {"Nairobi, 3 June 2025 \u2013 Quorvia Data will invest $2bn in Kenya over the next two years.",
                           "Nairobi, 5 June 2025 \u2013 Quorvia Data will invest $2bn in Kenya over the next two years."}) {
    auto extraction = ExtractArticle(text, {});
    ASSERT_TRUE(extraction.ok());
    const Assertion* a = Find(extraction->assertions, "Quorvia Data|invests_in|Kenya");
    ASSERT_NE(a, nullptr) << text;
    EXPECT_EQ(a->period, "P2Y");
    dates.push_back(a->date);
  }
  EXPECT_EQ(dates[0], "2025-06");
  EXPECT_EQ(dates[1], "2025-06");

  // A date after the dateline is the event's own.
  auto later = ExtractArticle("Nairobi, 3 June 2025 \u2013 Quorvia Data invested $2bn in Kenya in March 2023.", {});
  ASSERT_TRUE(later.ok());
  const Assertion* a = Find(later->assertions, "Quorvia Data|invests_in|Kenya");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->date, "2023-03");
}

TEST(ExtractorTest, TwoInvestmentsInOneCountryStayTwo) {
  auto extraction = ExtractArticle(
      "Quorvia Data will invest $2bn in Kenya in 2025. Quorvia Data will also invest $500m in Kenya in 2027. "
      "Quorvia Data will invest in Kenya again.", {});
  ASSERT_TRUE(extraction.ok());
  std::vector<double> amounts;
  for (const Assertion& a : extraction->assertions) {
    if (a.predicate == "invests_in" && a.object.name == "Kenya" && a.amount) amounts.push_back(*a.amount);
  }
  EXPECT_EQ(amounts, (std::vector<double>{2e9, 5e8}));
  // The restatement without an amount adds no third assertion.
  EXPECT_EQ(std::count_if(extraction->assertions.begin(), extraction->assertions.end(),
                          [](const Assertion& a) { return a.predicate == "invests_in"; }),
            2);
}

TEST(ArticleTextTest, MarkdownAndHtmlAreStripped) {
  auto md = PrepareArticle("# Quorvia grows\n\n*Quorvia Data* will [invest](http://x.example) in **Kenya**.\n", "md");
  ASSERT_TRUE(md.ok());
  EXPECT_EQ(md->title, "Quorvia grows");
  EXPECT_THAT(md->text, HasSubstr("Quorvia Data will invest in Kenya."));

  auto html = PrepareArticle(
      "<html><head><title>Quorvia &amp; Kenya</title><script>var a = '<p>';</script></head>"
      "<body><p>Published 2024-01-05</p><p>Quorvia Data will invest in Kenya&#39;s north.</p></body></html>", "html");
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->title, "Quorvia & Kenya");
  EXPECT_EQ(html->published, "2024-01-05");
  EXPECT_THAT(html->text, HasSubstr("Quorvia Data will invest in Kenya's north."));
  EXPECT_THAT(html->text, ::testing::Not(HasSubstr("var a")));
}

TEST(ArticleTextTest, PublishedDateNearTheTop) {
  EXPECT_EQ(FirstIsoDate("Titre\n2024-03-14\nTexte"), "2024-03-14");
  EXPECT_EQ(FirstIsoDate(" date 2023-11 Quorvia"), "2023-11");
  EXPECT_EQ(FirstIsoDate("code 12024-03-14 and 2024-13-01"), "");
  // A day the month does not have makes the whole token something other than a date.
  EXPECT_EQ(FirstIsoDate("ref 2024-02-30 then 2023-02-29 then 2024-02-29"), "2024-02-29");
  EXPECT_EQ(FirstIsoDate("2100-02-29 2000-02-29"), "2000-02-29");
  EXPECT_EQ(FirstIsoDate("2024-04-31"), "");
  auto written = PrepareArticle("Titre\nParis, le 12 mars 2024\nTexte.", "txt");
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(written->published, "2024-03-12");
}

}  // namespace
}  // namespace kg::extract
