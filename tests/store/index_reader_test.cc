// IndexReader::EntityHead, the packed name-and-type cache a query reads on every row. Once a query has
// asked for many entities it loads them all in one pass (LoadAllHeads); the answers must not change
// when that happens, nor for ids it did not load.
#include "store/index_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "kg/graph_store.h"
#include "store/key_codec.h"
#include "store/rocks_db.h"
#include "store/store_reader.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg::store {
namespace {

// More entities than the misses that trigger the load (4096), of two types; half the companies have
// names too long to be kept inside the cache's slots (24 bytes), which then live in its arena.
constexpr int kPairs = 2600;

std::string CompanyName(int i) {
  if (i == 0) return std::string(24, 'c');  // just fits the slot
  if (i == 1) return std::string(25, 'c');  // just does not
  return i % 2 == 0 ? "Company " + std::to_string(i) : "Company with a long registered name, number " + std::to_string(i);
}

class IndexReaderTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    std::string jsonl;
    for (int i = 0; i < kPairs; ++i) {
      jsonl += R"({"subject":{"name":"Person )" + std::to_string(i) +
               R"(","type":"Person"},"predicate":"ceo_of","object":{"name":")" + CompanyName(i) +
               R"(","type":"Organization"},"source":{"uri":"https://news.example/)" + std::to_string(i) + "\"}}\n";
    }
    auto store = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_EQ(testing::IngestText(**store, jsonl).rejected, 0u);
  }

  std::unique_ptr<RocksDb> OpenDb(RocksDb::Mode mode = RocksDb::Mode::kReadOnly) {
    auto db = RocksDb::Open(Path("kg.db"), mode);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }

  // Asks `reader` for every entity but `skip`, last id first, and compares each answer with the stored
  // record.
  void ExpectEveryHeadMatchesItsRecord(const RocksDb& db, IndexReader* reader, EntityId skip = 0) {
    for (EntityId id = 2 * kPairs; id >= 1; --id) {
      if (id == skip) continue;
      auto head = reader->EntityHead(id);
      ASSERT_TRUE(head.ok()) << id << ": " << head.status().ToString();
      auto record = ReadEntity(db, id);
      ASSERT_TRUE(record.ok()) << id;
      ASSERT_EQ(head->name, record->entity.name) << id;
      ASSERT_EQ(head->type, record->entity.type) << id;
    }
  }
};

TEST_F(IndexReaderTest, HeadsReadOneByOneThenAllAtOnceAgreeWithTheRecords) {
  auto db = OpenDb();
  ASSERT_NE(db, nullptr);
  IndexReader reader(*db);
  // The 4095 first misses are read one by one; the 4096th loads every head in one pass.
  for (EntityId id = 1; id < 4096; ++id) ASSERT_TRUE(reader.EntityHead(id).ok());
  EXPECT_FALSE(reader.all_heads_loaded());
  ASSERT_TRUE(reader.EntityHead(4096).ok());
  EXPECT_TRUE(reader.all_heads_loaded());
  ExpectEveryHeadMatchesItsRecord(*db, &reader);
  // And again, now all from the cache.
  ExpectEveryHeadMatchesItsRecord(*db, &reader);
}

TEST_F(IndexReaderTest, LoadingAllHeadsFirstGivesTheSameAnswers) {
  auto db = OpenDb();
  ASSERT_NE(db, nullptr);
  IndexReader reader(*db);
  ASSERT_TRUE(reader.LoadAllHeads().ok());
  ExpectEveryHeadMatchesItsRecord(*db, &reader);
  // An id the pass did not find is still looked up, and reported missing.
  auto missing = reader.EntityHead(2 * kPairs + 5);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound) << missing.status().ToString();
}

TEST_F(IndexReaderTest, ABrokenRecordFailsOnlyTheLookupsThatReachIt) {
  // Entity 7's record no longer decodes. The one pass meets it and stops; lookups of every other entity
  // must still answer, and only entity 7's reports the damage.
  constexpr EntityId kBroken = 7;
  {
    auto db = OpenDb(RocksDb::Mode::kReadWrite);
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->db()->Put(rocksdb::WriteOptions(), db->cf(kEntities), Fixed64Key(kBroken), "{}").ok());
  }
  auto db = OpenDb();
  ASSERT_NE(db, nullptr);
  IndexReader reader(*db);
  ExpectEveryHeadMatchesItsRecord(*db, &reader, kBroken);
  EXPECT_TRUE(reader.all_heads_loaded());
  EXPECT_EQ(reader.EntityHead(kBroken).status().code(), StatusCode::kDataLoss);
}

}  // namespace
}  // namespace kg::store
