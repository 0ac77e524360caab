// A whole-graph EdgeCursor reads the store ahead on a thread of its own, in batches of bytes
// (ReadAheadEvidence). These tests use a store with several times more evidence than the batches in
// flight hold, and check: the read-ahead stream gives the store's keys and values exactly, in order;
// the cursor gives every edge once, with all its evidence; an error after the first batches surfaces in
// order; and a stream dropped midway shuts its thread down.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <set>
#include <string>
#include <vector>

#include "export/evidence_stream.h"
#include "export/evidence_summary.h"
#include "export/export_source.h"
#include "store/rocks_db.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg::exporter {
namespace {

// What a test compares of an edge.
struct EdgeSummary {
  std::string key;
  std::optional<double> amount;
  uint64_t evidence_count = 0;
  std::vector<std::string> sources;
  size_t evidence_kept = 0;
  size_t lines_kept = 0;
  bool operator==(const EdgeSummary&) const = default;
};

EdgeSummary Summarize(const ExportEdge& e) {
  return {e.key, e.amount, e.evidence_count, {e.sources().begin(), e.sources().end()}, e.evidence().size(),
          e.evidence_lines().size()};
}

constexpr int kSubjects = 60;
constexpr int kObjects = 10;

class EdgeCursorTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    // Fact (Acme i, acquires, Target j) has i % 3 + 1 qualifier sets (amounts), each reported by j % 2 + 1
    // sources: 1,200 edges and 1,800 pieces of evidence.
    // Long evidence texts make the evidence family span many read-ahead batches.
    const std::string text = "Acme bought a target. " + std::string(1000, 'x');
    std::string jsonl;
    for (int i = 0; i < kSubjects; ++i) {
      for (int j = 0; j < kObjects; ++j) {
        for (int g = 0; g <= i % 3; ++g) {
          for (int e = 0; e <= j % 2; ++e) {
            jsonl += R"({"subject":{"name":"Acme )" + std::to_string(i) +
                     R"(","type":"Organization"},"predicate":"acquires","object":{"name":"Target )" +
                     std::to_string(j) + R"(","type":"Organization"},"amount":)" + std::to_string(1000 * (g + 1)) +
                     R"(,"currency":"EUR","date":"2024-02","source":{"uri":"https://news.example/)" +
                     std::to_string(i) + "/" + std::to_string(j) + "/" + std::to_string(g) + "/" + std::to_string(e) +
                     R"("},"evidence":{"text":")" + text + R"(","start":0,"end":)" +
                     std::to_string(text.size()) + "}}\n";
            ++evidence_;
          }
          ++edges_;
        }
      }
    }
    auto store = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    IngestReport report = testing::IngestText(**store, jsonl);
    ASSERT_EQ(report.rejected, 0u);
  }

  std::unique_ptr<store::RocksDb> OpenDb(store::RocksDb::Mode mode = store::RocksDb::Mode::kReadOnly) {
    auto db = store::RocksDb::Open(Path("kg.db"), mode);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }

  std::vector<EdgeSummary> ReadThroughCursor(const store::RocksDb& db, KeptEvidence kept, Status* status) {
    ExportSource source(db, selection_);
    EXPECT_TRUE(source.Init().ok());
    EdgeCursor cursor(source, kept);
    std::vector<EdgeSummary> edges;
    for (; cursor.Valid(); cursor.Next()) edges.push_back(Summarize(cursor.edge()));
    *status = cursor.status();
    return edges;
  }

  DiagramSelection selection_;
  size_t edges_ = 0;
  size_t evidence_ = 0;
};

TEST_F(EdgeCursorTest, ReadAheadGivesTheStoresKeysAndValuesInOrder) {
  auto db = OpenDb();
  ASSERT_NE(db, nullptr);
  StoreEvidence store(*db, rocksdb::ReadOptions());
  store.Seek("");
  ReadAheadEvidence ahead(*db);
  size_t n = 0, bytes = 0;
  for (; store.Valid(); store.Next(), ahead.Next(), ++n) {
    ASSERT_TRUE(ahead.Valid()) << "entry " << n;
    ASSERT_EQ(ahead.key(), store.key()) << "entry " << n;
    ASSERT_EQ(ahead.value(), store.value()) << "entry " << n;
    bytes += store.key().size() + store.value().size();
  }
  EXPECT_FALSE(ahead.Valid());
  EXPECT_TRUE(ahead.status().ok()) << ahead.status().ToString();
  EXPECT_EQ(n, evidence_);
  EXPECT_GT(bytes, 6u * (256 << 10));  // more than the batches in flight hold
  ahead.Seek("");
  EXPECT_EQ(ahead.status().code(), StatusCode::kInternal);
}

TEST_F(EdgeCursorTest, ReadAheadSummariesGiveTheFieldsOfAScan) {
  auto db = OpenDb();
  ASSERT_NE(db, nullptr);
  StoreEvidence store(*db, rocksdb::ReadOptions());
  store.Seek("");
  ReadAheadEvidence ahead(*db, ReadAheadEvidence::Values::kSummaries);
  EvidenceFields scanned, summary;
  size_t n = 0;
  for (; store.Valid(); store.Next(), ahead.Next(), ++n) {
    ASSERT_TRUE(ahead.Valid()) << "entry " << n;
    ASSERT_EQ(ahead.key(), store.key()) << "entry " << n;
    ASSERT_TRUE(ScanEvidenceFields(store.value(), &scanned, EvidenceScope::kSummary).ok());
    ASSERT_TRUE(ahead.Summary(&summary).ok()) << "entry " << n;
    EXPECT_EQ(summary.amount, scanned.amount);
    EXPECT_EQ(summary.currency, scanned.currency);
    EXPECT_EQ(summary.date, scanned.date);
    EXPECT_EQ(summary.source_uri, scanned.source_uri);
    EXPECT_LT(ahead.value().size(), store.value().size() / 4) << "a summary, not the line";
  }
  EXPECT_EQ(n, evidence_);
  EXPECT_FALSE(ahead.Valid());
}

TEST(EvidenceSummaryTest, KeepsEverySummaryFieldAndReportsBadLinesAndCutRecords) {
  const std::string line =
      R"({"amount":1.9e9,"confidence":0.75,"currency":"EUR","date":"2024-02","object":"Spain","period":"2024-2026","predicate":"invests_in","source":{"uri":"https://news.example/a"},"subject":"Microsoft"})";
  EvidenceFields scratch, read;
  std::string record;
  AppendEvidenceSummary(line, &scratch, &record);
  read.currency = "stale";
  ASSERT_TRUE(ReadEvidenceSummary(record, &read).ok());
  EXPECT_EQ(read.amount, 1.9e9);
  EXPECT_EQ(read.confidence, 0.75);
  EXPECT_EQ(read.currency, "EUR");
  EXPECT_EQ(read.date, "2024-02");
  EXPECT_EQ(read.period, "2024-2026");
  EXPECT_EQ(read.source_uri, "https://news.example/a");
  // Without the optional fields, none is left over from the record before.
  record.clear();
  AppendEvidenceSummary(R"({"object":"Spain","predicate":"invests_in","subject":"Microsoft"})", &scratch, &record);
  ASSERT_TRUE(ReadEvidenceSummary(record, &read).ok());
  EXPECT_FALSE(read.amount);
  EXPECT_FALSE(read.confidence);
  EXPECT_EQ(read.currency, "");
  EXPECT_EQ(read.source_uri, "");
  // A line that does not scan carries the scanner's message to the reader.
  const std::string cut = line.substr(0, line.size() / 2);
  const Status direct = ScanEvidenceFields(cut, &scratch, EvidenceScope::kSummary);
  ASSERT_FALSE(direct.ok());
  record.clear();
  AppendEvidenceSummary(cut, &scratch, &record);
  const Status carried = ReadEvidenceSummary(record, &read);
  EXPECT_EQ(carried.code(), StatusCode::kDataLoss);
  EXPECT_EQ(carried.message(), direct.message());
  // A record cut short is DataLoss, never a read past its end.
  record.clear();
  AppendEvidenceSummary(line, &scratch, &record);
  for (size_t size = 0; size < record.size(); ++size) {
    EXPECT_EQ(ReadEvidenceSummary(std::string_view(record).substr(0, size), &read).code(), StatusCode::kDataLoss) << size;
  }
}

TEST_F(EdgeCursorTest, GivesEveryEdgeOnceWithAllItsEvidence) {
  auto db = OpenDb();
  ASSERT_NE(db, nullptr);
  for (KeptEvidence kept : {KeptEvidence::kNone, KeptEvidence::kFields, KeptEvidence::kLines}) {
    Status status;
    const std::vector<EdgeSummary> edges = ReadThroughCursor(*db, kept, &status);
    ASSERT_TRUE(status.ok()) << status.ToString();
    ASSERT_EQ(edges.size(), edges_);
    std::set<std::string> keys;
    size_t evidence = 0;
    for (const EdgeSummary& e : edges) {
      keys.insert(e.key);
      evidence += e.evidence_count;
      EXPECT_EQ(e.sources.size(), e.evidence_count) << e.key;  // each piece has its own source
      EXPECT_EQ(e.evidence_kept, kept == KeptEvidence::kFields ? e.evidence_count : 0u) << e.key;
      EXPECT_EQ(e.lines_kept, kept == KeptEvidence::kLines ? e.evidence_count : 0u) << e.key;
    }
    EXPECT_EQ(keys.size(), edges_);
    EXPECT_EQ(evidence, evidence_);
  }
}

TEST_F(EdgeCursorTest, ASelectionReadsTheStoreDirectly) {
  selection_.predicates = {"acquires"};
  selection_.centers = {"Acme 7"};
  selection_.hops = 1;
  auto db = OpenDb();
  ASSERT_NE(db, nullptr);
  Status status;
  const std::vector<EdgeSummary> edges = ReadThroughCursor(*db, KeptEvidence::kNone, &status);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(edges.size(), static_cast<size_t>(kObjects) * (7 % 3 + 1));
}

TEST_F(EdgeCursorTest, AStreamDroppedMidwayStopsItsThread) {
  auto db = OpenDb();
  ASSERT_NE(db, nullptr);
  // Dropped at once (the thread may still be filling its first batch), after a few entries, and after
  // more than the batches in flight hold: each destructor must return.
  for (auto values : {ReadAheadEvidence::Values::kStored, ReadAheadEvidence::Values::kSummaries}) {
    for (size_t read : {0u, 3u, 1500u}) {
      ReadAheadEvidence ahead(*db, values);
      for (size_t n = 0; n < read; ++n) {
        ASSERT_TRUE(ahead.Valid());
        ahead.Next();
      }
      EXPECT_TRUE(ahead.Valid());
    }
  }
}

TEST_F(EdgeCursorTest, ACorruptLineDeepInTheStoreEndsTheEdgesBeforeItWithDataLoss) {
  size_t corrupt_at = 0;  // the index of the edge whose evidence is cut
  {
    auto db = OpenDb(store::RocksDb::Mode::kReadWrite);
    ASSERT_NE(db, nullptr);
    std::unique_ptr<rocksdb::Iterator> it(db->db()->NewIterator(rocksdb::ReadOptions(), db->cf(store::kEvidence)));
    std::string previous_group, key, value;
    size_t n = 0;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const std::string group = it->key().ToString().substr(0, store::kTripleKeySize + 8);
      if (group != previous_group) {
        previous_group = group;
        if (++n == 1000) {
          key = it->key().ToString();
          value = it->value().ToString();
          break;
        }
      }
    }
    ASSERT_FALSE(key.empty());
    corrupt_at = n - 1;
    value.resize(value.size() / 2);
    it.reset();
    ASSERT_TRUE(db->db()->Put(rocksdb::WriteOptions(), db->cf(store::kEvidence), key, value).ok());
  }
  auto db = OpenDb();
  ASSERT_NE(db, nullptr);
  Status status;
  const std::vector<EdgeSummary> through = ReadThroughCursor(*db, KeptEvidence::kNone, &status);
  EXPECT_EQ(status.code(), StatusCode::kDataLoss) << status.ToString();
  EXPECT_EQ(through.size(), corrupt_at);
}

}  // namespace
}  // namespace kg::exporter
