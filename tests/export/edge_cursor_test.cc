// EdgeCursor reads ahead on a thread of its own, in batches. These tests use a store with many more edges
// than the cursor keeps in flight, and hold the cursor to an EdgeReader run directly on the same store:
// the same edges in the same order, nothing lost or repeated at batch boundaries, errors after the first
// batches surfacing in order, and a cursor dropped midway shutting its thread down.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <set>
#include <string>
#include <vector>

#include "export/edge_reader.h"
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
                     R"("},"evidence":{"text":"Acme bought a target.","start":0,"end":21}})" + "\n";
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

  // Every edge an EdgeReader gives on its own thread, and its final status.
  std::vector<EdgeSummary> ReadDirectly(const store::RocksDb& db, KeptEvidence kept, Status* status) {
    ExportSource source(db, selection_);
    EXPECT_TRUE(source.Init().ok());
    store::IndexReader names(db);
    EdgeReader reader(source, kept, names);
    std::vector<EdgeSummary> edges;
    for (ExportEdge edge; reader.Next(&edge);) edges.push_back(Summarize(edge));
    *status = reader.status();
    return edges;
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

TEST_F(EdgeCursorTest, GivesEveryEdgeOnceInKeyOrderAsTheReaderDoes) {
  auto db = OpenDb();
  ASSERT_NE(db, nullptr);
  for (KeptEvidence kept : {KeptEvidence::kNone, KeptEvidence::kFields, KeptEvidence::kLines}) {
    Status direct_status, cursor_status;
    const std::vector<EdgeSummary> direct = ReadDirectly(*db, kept, &direct_status);
    const std::vector<EdgeSummary> through = ReadThroughCursor(*db, kept, &cursor_status);
    ASSERT_TRUE(direct_status.ok()) << direct_status.ToString();
    ASSERT_TRUE(cursor_status.ok()) << cursor_status.ToString();
    ASSERT_EQ(direct.size(), edges_);
    EXPECT_TRUE(through == direct);
    std::set<std::string> keys;
    size_t evidence = 0;
    for (const EdgeSummary& e : through) {
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

TEST_F(EdgeCursorTest, ASelectionReadsAheadToo) {
  selection_.predicates = {"acquires"};
  selection_.centers = {"Acme 7"};
  selection_.hops = 1;
  auto db = OpenDb();
  ASSERT_NE(db, nullptr);
  Status direct_status, cursor_status;
  const std::vector<EdgeSummary> direct = ReadDirectly(*db, KeptEvidence::kNone, &direct_status);
  const std::vector<EdgeSummary> through = ReadThroughCursor(*db, KeptEvidence::kNone, &cursor_status);
  ASSERT_TRUE(cursor_status.ok()) << cursor_status.ToString();
  EXPECT_EQ(direct.size(), static_cast<size_t>(kObjects) * (7 % 3 + 1));
  EXPECT_TRUE(through == direct);
}

TEST_F(EdgeCursorTest, ACursorDroppedMidwayStopsItsThread) {
  auto db = OpenDb();
  ASSERT_NE(db, nullptr);
  ExportSource source(*db, selection_);
  ASSERT_TRUE(source.Init().ok());
  // Dropped at once (the thread may still be filling its first batch), after a few edges, and after
  // more than the batches in flight: each destructor must return.
  for (size_t read : {0u, 3u, 700u}) {
    EdgeCursor cursor(source, KeptEvidence::kFields);
    for (size_t n = 0; n < read; ++n) {
      ASSERT_TRUE(cursor.Valid());
      cursor.Next();
    }
    EXPECT_TRUE(cursor.Valid());
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
