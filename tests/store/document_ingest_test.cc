// GraphStore::IngestDocument: an article is a source that is skipped when unchanged and whose evidence
// is replaced, as one unit, when it changed.
#include <gtest/gtest.h>

#include "kg/graph_store.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg {
namespace {

using testing::ExpectCheckPasses;
using testing::Export;
using testing::IngestText;
using testing::StatsOf;

Assertion Fact(const std::string& subject, const std::string& predicate, const std::string& object,
               const std::string& sentence) {
  Assertion a;
  a.subject.name = subject;
  a.predicate = predicate;
  a.object.name = object;
  a.evidence_text = sentence;
  a.extractor = "test/1";
  return a;
}

Document Article(const std::string& hash) {
  return Document{"articles/nordalis.txt", hash, "Nordalis s'étend", "2024-03-02", "fr", "test-extractor/1"};
}

class DocumentIngestTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    auto store = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  DocumentReport Ingest(const Document& document, std::vector<Assertion> assertions) {
    auto report = store_->IngestDocument(document, std::move(assertions), IngestOptions{});
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : DocumentReport{};
  }

  std::unique_ptr<GraphStore> store_;
};

const std::vector<Assertion> kFirstVersion = {
    Fact("Nordalis", "invests_in", "Portugal", "Nordalis investit au Portugal."),
    Fact("Claire Vautrin", "ceo_of", "Nordalis", "Claire Vautrin dirige Nordalis."),
};

TEST_F(DocumentIngestTest, NewDocumentIsTheSourceOfItsFacts) {
  DocumentReport report = Ingest(Article("sha256:aa"), kFirstVersion);
  EXPECT_EQ(report.change, DocumentReport::Change::kAdded);
  EXPECT_EQ(report.evidence_added, 2u);
  StoreStats stats = StatsOf(*store_);
  EXPECT_EQ(stats.facts, 2u);
  EXPECT_EQ(stats.sources, 1u);
  auto facts = store_->ListFacts(FactFilter{"invests_in", "Nordalis", ""});
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  ASSERT_EQ(facts->size(), 1u);
  EXPECT_EQ((*facts)[0].sources, std::vector<std::string>{"articles/nordalis.txt"});
  // The document's title and date reach the evidence.
  EXPECT_NE(Export(*store_).find("\"title\":\"Nordalis s'étend\""), std::string::npos) << Export(*store_);
  ExpectCheckPasses(*store_);
}

TEST_F(DocumentIngestTest, UnchangedDocumentWritesNothing) {
  Ingest(Article("sha256:aa"), kFirstVersion);
  const std::string before = Export(*store_);
  // Even different assertions are ignored: the content is the same, so the extraction would be too.
  DocumentReport report = Ingest(Article("sha256:aa"), {Fact("Other", "acquires", "Thing", "x")});
  EXPECT_EQ(report.change, DocumentReport::Change::kUnchanged);
  EXPECT_EQ(Export(*store_), before);
  EXPECT_EQ(StatsOf(*store_).facts, 2u);
}

TEST_F(DocumentIngestTest, OtherExtractionSettingsReadTheDocumentAgain) {
  Ingest(Article("sha256:aa"), kFirstVersion);
  Document upgraded = Article("sha256:aa");
  upgraded.extraction = "test-extractor/2";
  DocumentReport report = Ingest(upgraded, {kFirstVersion[0]});
  EXPECT_EQ(report.change, DocumentReport::Change::kReplaced);
  EXPECT_EQ(report.evidence_kept, 1u);
  EXPECT_EQ(report.evidence_removed, 1u);
  auto stored = store_->FindDocument("articles/nordalis.txt");
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->document.extraction, "test-extractor/2");
  EXPECT_EQ(stored->document.language, "fr");
  EXPECT_EQ(stored->evidence, 1u);
  ExpectCheckPasses(*store_);
}

TEST_F(DocumentIngestTest, FindDocumentKnowsOnlyDocuments) {
  IngestText(*store_, R"({"subject":"A","predicate":"acquires","object":"B","source":{"uri":"https://wire.example/1"}}
)");
  EXPECT_EQ(store_->FindDocument("https://wire.example/1").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->FindDocument("nothing.txt").status().code(), StatusCode::kNotFound);
}

TEST_F(DocumentIngestTest, ChangedDocumentReplacesItsEvidence) {
  Ingest(Article("sha256:aa"), kFirstVersion);
  DocumentReport report = Ingest(Article("sha256:bb"), {
                                                           kFirstVersion[1],
                                                           Fact("Nordalis", "invests_in", "Espagne", "Nordalis vise l'Espagne."),
                                                       });
  EXPECT_EQ(report.change, DocumentReport::Change::kReplaced);
  EXPECT_EQ(report.evidence_kept, 1u);
  EXPECT_EQ(report.evidence_added, 1u);
  EXPECT_EQ(report.evidence_removed, 1u);
  EXPECT_EQ(store_->LookupEntity("Portugal").status().code(), StatusCode::kNotFound);  // nothing else had it
  EXPECT_TRUE(store_->LookupEntity("Spain").ok());
  StoreStats stats = StatsOf(*store_);
  EXPECT_EQ(stats.facts, 2u);
  EXPECT_EQ(stats.evidence, 2u);
  EXPECT_EQ(stats.sources, 1u);
  ExpectCheckPasses(*store_);
}

TEST_F(DocumentIngestTest, ReplacingKeepsFactsOtherSourcesSupport) {
  IngestText(*store_, R"({"subject":"Nordalis","predicate":"invests_in","object":"Portugal","source":{"uri":"https://wire.example/1"}}
)");
  Ingest(Article("sha256:aa"), kFirstVersion);
  Ingest(Article("sha256:bb"), {kFirstVersion[1]});
  auto facts = store_->ListFacts(FactFilter{"invests_in", "Nordalis", ""});
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  ASSERT_EQ(facts->size(), 1u);
  EXPECT_EQ((*facts)[0].sources, std::vector<std::string>{"https://wire.example/1"});
  ExpectCheckPasses(*store_);
}

TEST_F(DocumentIngestTest, DocumentWithoutFactsIsStillRecorded) {
  DocumentReport report = Ingest(Article("sha256:aa"), {});
  EXPECT_EQ(report.change, DocumentReport::Change::kAdded);
  EXPECT_EQ(StatsOf(*store_).sources, 1u);
  EXPECT_EQ(Ingest(Article("sha256:aa"), {}).change, DocumentReport::Change::kUnchanged);
  ExpectCheckPasses(*store_);
  ASSERT_TRUE(store_->Forget("articles/nordalis.txt").ok());
  EXPECT_EQ(StatsOf(*store_).sources, 0u);
}

TEST_F(DocumentIngestTest, InvalidAssertionRejectsTheWholeDocument) {
  Ingest(Article("sha256:aa"), kFirstVersion);
  const std::string before = Export(*store_);
  Assertion bad = Fact("Nordalis", "invests_in", "Espagne", "…");
  bad.currency = "euros";
  auto report = store_->IngestDocument(Article("sha256:bb"), {kFirstVersion[0], bad}, IngestOptions{});
  ASSERT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(report.status().message().find("articles/nordalis.txt: assertion 2: currency"), std::string::npos)
      << report.status().ToString();
  EXPECT_EQ(Export(*store_), before);
  ExpectCheckPasses(*store_);
  // The document still counts as its old version, so the good new version goes in afterwards.
  EXPECT_EQ(Ingest(Article("sha256:bb"), {kFirstVersion[0]}).change, DocumentReport::Change::kReplaced);
}

TEST_F(DocumentIngestTest, ReplacementSurvivesReopening) {
  Ingest(Article("sha256:aa"), kFirstVersion);
  Ingest(Article("sha256:bb"), {kFirstVersion[0]});
  store_.reset();
  auto reopened = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ(StatsOf(**reopened).facts, 1u);
  auto again = (*reopened)->IngestDocument(Article("sha256:bb"), {}, IngestOptions{});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->change, DocumentReport::Change::kUnchanged);
  ExpectCheckPasses(**reopened);
}

}  // namespace
}  // namespace kg
