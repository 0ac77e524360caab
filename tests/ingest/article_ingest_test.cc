// GraphStore::IngestArticle: an article goes through the built-in extractor into the store as one
// document, skipped when unchanged and replaced when edited.
#include <gtest/gtest.h>

#include "kg/graph_store.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg {
namespace {

using testing::ExpectCheckPasses;
using testing::Export;
using testing::StatsOf;

const char* const kArticle =
    "Quorvia Data expands in Kenya\n\n"
    "Nairobi, 3 June 2025 – Quorvia Data will invest 2 billion dollars in Kenya over the next three years.\n\n"
    "Quorvia Data is headquartered in Lyon.\n";

class ArticleIngestTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    auto store = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  ArticleReport Ingest(const std::string& text) {
    ArticleOptions options;
    options.uri = "news/quorvia.txt";
    auto report = store_->IngestArticle(text, options, IngestOptions{});
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : ArticleReport{};
  }

  std::vector<FactRow> Facts(const std::string& predicate) {
    auto rows = store_->ListFacts(FactFilter{predicate, "", ""});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? *rows : std::vector<FactRow>{};
  }

  std::unique_ptr<GraphStore> store_;
};

TEST_F(ArticleIngestTest, ArticleFactsAreFiledWithTheDocument) {
  ArticleReport report = Ingest(kArticle);
  EXPECT_EQ(report.change.change, DocumentReport::Change::kAdded);
  EXPECT_EQ(report.document.title, "Quorvia Data expands in Kenya");
  EXPECT_EQ(report.document.language, "en");
  EXPECT_EQ(report.document.content_hash.rfind("sha256:", 0), 0u);
  EXPECT_EQ(report.assertions, report.change.evidence_added);

  std::vector<FactRow> investments = Facts("invests_in");
  ASSERT_EQ(investments.size(), 1u);
  EXPECT_EQ(investments[0].subject.name, "Quorvia Data");
  EXPECT_EQ(investments[0].object.name, "Kenya");
  EXPECT_EQ(investments[0].amount, 2e9);
  EXPECT_EQ(investments[0].currency, "USD");
  EXPECT_EQ(investments[0].sources, std::vector<std::string>{"news/quorvia.txt"});
  EXPECT_EQ(Facts("headquartered_in").size(), 1u);
  ExpectCheckPasses(*store_);
}

TEST_F(ArticleIngestTest, UnchangedArticleIsANoOpAndAnEditReplacesItsFacts) {
  Ingest(kArticle);
  const std::string before = Export(*store_);
  EXPECT_EQ(Ingest(kArticle).change.change, DocumentReport::Change::kUnchanged);
  EXPECT_EQ(Export(*store_), before);

  // The correction moves the headquarters and drops nothing else.
  std::string edited = kArticle;
  edited.replace(edited.find("Lyon"), 4, "Nantes");
  ArticleReport report = Ingest(edited);
  EXPECT_EQ(report.change.change, DocumentReport::Change::kReplaced);
  EXPECT_EQ(report.change.evidence_removed, 1u);
  EXPECT_EQ(report.change.evidence_added, 1u);
  std::vector<FactRow> seats = Facts("headquartered_in");
  ASSERT_EQ(seats.size(), 1u);
  EXPECT_EQ(seats[0].object.name, "Nantes");
  EXPECT_EQ(store_->LookupEntity("Lyon").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Facts("invests_in").size(), 1u);
  ExpectCheckPasses(*store_);
}

TEST_F(ArticleIngestTest, AnotherReferenceDateReadsTheArticleAgain) {
  const char* undated = "Quorvia Data expands\n\nQuorvia Data will invest 2 billion dollars in Kenya.\n";
  ArticleOptions options;
  options.uri = "news/undated.txt";
  auto first = store_->IngestArticle(undated, options, IngestOptions{});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto same = store_->IngestArticle(undated, options, IngestOptions{});
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->change.change, DocumentReport::Change::kUnchanged);
  EXPECT_EQ(same->assertions, first->assertions);  // counted from the store, not extracted again

  options.reference_date = "2025-06-03";
  auto dated = store_->IngestArticle(undated, options, IngestOptions{});
  ASSERT_TRUE(dated.ok()) << dated.status().ToString();
  EXPECT_EQ(dated->change.change, DocumentReport::Change::kReplaced);
  std::vector<FactRow> investments = Facts("invests_in");
  ASSERT_EQ(investments.size(), 1u);
  EXPECT_EQ(investments[0].date, "2025-06");
  ExpectCheckPasses(*store_);
}

TEST_F(ArticleIngestTest, BinaryAndMalformedArticlesWriteNothing) {
  Ingest(kArticle);
  const std::string before = Export(*store_);
  ArticleOptions options;
  options.uri = "news/quorvia.txt";
  auto binary = store_->IngestArticle(std::string("\x89PNG\r\n\x1a\n\0\0", 10), options, IngestOptions{});
  ASSERT_EQ(binary.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(binary.status().message().find("news/quorvia.txt"), std::string::npos) << binary.status().ToString();
  auto latin1 = store_->IngestArticle("Quorvia Data investit \xe0 Nairobi.", options, IngestOptions{});
  EXPECT_EQ(latin1.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Export(*store_), before);
  ExpectCheckPasses(*store_);
}

TEST_F(ArticleIngestTest, EmptyArticleIsRecordedWithNoFacts) {
  ArticleReport report = Ingest("");
  EXPECT_EQ(report.change.change, DocumentReport::Change::kAdded);
  EXPECT_EQ(report.assertions, 0u);
  StoreStats stats = StatsOf(*store_);
  EXPECT_EQ(stats.sources, 1u);
  EXPECT_EQ(stats.facts, 0u);
  ExpectCheckPasses(*store_);
}

}  // namespace
}  // namespace kg
