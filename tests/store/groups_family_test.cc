// The `groups` family (store format 2): one key per qualifier set of a fact, kept exactly in step with
// evidence by every kind of unit, checked by `kg check`, and built by a writer that opens a format-1 store.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kg/graph_store.h"
#include "store/format_test_support.h"
#include "store/key_codec.h"
#include "store/records.h"
#include "store/rocks_db.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg {
namespace {

using testing::ExpectCheckPasses;
using testing::GroupRows;
using testing::IngestText;
using testing::MakeFormat1;
using Strings = std::vector<std::string>;

// Microsoft (1) invests_in (1) Spain (2): one set reported by a1 and b7, another by c3; Microsoft
// invests_in Germany (3), no amount, from a1; Microsoft acquires (2) Activision (4), from d4.
const char* const kFacts = R"(
{"subject":"Microsoft","predicate":"invests_in","object":"Spain","amount":1.9e9,"currency":"EUR","date":"2024-02","source":{"uri":"a1"}}
{"subject":"Microsoft","predicate":"invests_in","object":"Spain","amount":1.9e9,"currency":"EUR","date":"2024-02","source":{"uri":"b7"}}
{"subject":"Microsoft","predicate":"invests_in","object":"Spain","amount":0.5e9,"currency":"USD","date":"2022-06","source":{"uri":"c3"}}
{"subject":"Microsoft","predicate":"invests_in","object":"Germany","source":{"uri":"a1"}}
{"subject":"MSFT","predicate":"acquires","object":"Activision","source":{"uri":"d4"}}
)";

class GroupsFamilyTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    Reopen();
    IngestText(*store_, kFacts);
  }

  void Reopen(OpenMode mode = OpenMode::kReadWrite) {
    store_.reset();
    auto opened = GraphStore::Open(Path("kg.db"), mode);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value();
  }

  // Every `groups` row, sorted (their order follows the qualifier hashes).
  Strings Rows() {
    Strings rows = GroupRows(Path("kg.db"));
    std::sort(rows.begin(), rows.end());
    return rows;
  }

  std::vector<std::string> Problems() {
    auto report = store_->Check();
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? report->problems : Strings{"<error>"};
  }

  std::unique_ptr<GraphStore> store_;
};

TEST_F(GroupsFamilyTest, OneKeyPerQualifierSetWithItsValues) {
  EXPECT_EQ(Rows(), (Strings{"1 1 2 1900000000 EUR 2024-02", "1 1 2 500000000 USD 2022-06", "1 1 3 -  ",
                             "4 2 5 -  "}));
  ExpectCheckPasses(*store_);
}

TEST_F(GroupsFamilyTest, ASetStaysWhileALineReportsItAndGoesWithTheLast) {
  ASSERT_TRUE(store_->Forget("a1").ok());  // Spain 1.9e9 keeps b7's line; Germany loses its only one
  EXPECT_EQ(Rows(), (Strings{"1 1 2 1900000000 EUR 2024-02", "1 1 2 500000000 USD 2022-06", "4 2 5 -  "}));
  ExpectCheckPasses(*store_);
  ASSERT_TRUE(store_->Forget("b7").ok());
  EXPECT_EQ(Rows(), (Strings{"1 1 2 500000000 USD 2022-06", "4 2 5 -  "}));
  ExpectCheckPasses(*store_);
}

TEST_F(GroupsFamilyTest, MergeAndUnmergeRefileTheSets) {
  ASSERT_TRUE(store_->Merge("Microsoft", "MSFT").ok());  // MSFT (4) goes into Microsoft (1)
  EXPECT_EQ(Rows(), (Strings{"1 1 2 1900000000 EUR 2024-02", "1 1 2 500000000 USD 2022-06", "1 1 3 -  ",
                             "1 2 5 -  "}));
  ExpectCheckPasses(*store_);
  ASSERT_TRUE(store_->RemoveRule("MSFT").ok());  // back on a new entity, 6
  EXPECT_EQ(Rows(), (Strings{"1 1 2 1900000000 EUR 2024-02", "1 1 2 500000000 USD 2022-06", "1 1 3 -  ",
                             "6 2 5 -  "}));
  ExpectCheckPasses(*store_);
}

TEST_F(GroupsFamilyTest, AnAliasRefilesTheSetsOfTheEntityItMoves) {
  ASSERT_TRUE(store_->AddAlias("Germany", "Spain").ok());  // Germany's fact moves to Spain
  EXPECT_EQ(Rows(), (Strings{"1 1 2 -  ", "1 1 2 1900000000 EUR 2024-02", "1 1 2 500000000 USD 2022-06",
                             "4 2 5 -  "}));
  ExpectCheckPasses(*store_);
}

TEST_F(GroupsFamilyTest, AChangedDocumentReplacesItsSets) {
  Document doc;
  doc.uri = "https://news.example/doc";
  doc.content_hash = "sha256:1";
  Assertion a;
  a.subject = {"Microsoft", std::nullopt, "", ""};
  a.predicate = "invests_in";
  a.object = {"France", std::nullopt, "", ""};
  a.amount = 1e9;
  a.currency = "EUR";
  a.source_uri = doc.uri;
  ASSERT_TRUE(store_->IngestDocument(doc, {a}, IngestOptions{}).ok());
  ExpectCheckPasses(*store_);
  Strings rows = Rows();
  EXPECT_NE(std::find(rows.begin(), rows.end(), "1 1 6 1000000000 EUR "), rows.end());

  doc.content_hash = "sha256:2";
  a.amount = 2e9;
  ASSERT_TRUE(store_->IngestDocument(doc, {a}, IngestOptions{}).ok());
  ExpectCheckPasses(*store_);
  rows = Rows();
  EXPECT_EQ(std::find(rows.begin(), rows.end(), "1 1 6 1000000000 EUR "), rows.end());
  EXPECT_NE(std::find(rows.begin(), rows.end(), "1 1 6 2000000000 EUR "), rows.end());
}

TEST_F(GroupsFamilyTest, CheckNamesAMissingAWrongAndAStrayKey) {
  store_.reset();
  {
    auto db = store::RocksDb::Open(Path("kg.db"), store::RocksDb::Mode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    rocksdb::DB* rocks = (*db)->db();
    std::unique_ptr<rocksdb::Iterator> it(rocks->NewIterator(rocksdb::ReadOptions(), (*db)->cf(store::kGroups)));
    std::vector<std::string> keys;
    for (it->SeekToFirst(); it->Valid(); it->Next()) keys.push_back(it->key().ToString());
    ASSERT_EQ(keys.size(), 4u);
    ASSERT_TRUE(rocks->Delete(rocksdb::WriteOptions(), (*db)->cf(store::kGroups), keys[0]).ok());
    ASSERT_TRUE(rocks->Put(rocksdb::WriteOptions(), (*db)->cf(store::kGroups), keys[1],
                           store::EncodeGroupValues(42.0, "EUR", "")).ok());
    ASSERT_TRUE(rocks->Put(rocksdb::WriteOptions(), (*db)->cf(store::kGroups),
                           store::GroupKey({7, 1, 8}, 99), store::EncodeGroupValues(std::nullopt, "", "")).ok());
  }
  Reopen(OpenMode::kReadOnly);
  const Strings problems = Problems();
  ASSERT_EQ(problems.size(), 3u) << ::testing::PrintToString(problems);
  auto mentions = [&](const std::string& text) {
    return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p.find(text) != std::string::npos; });
  };
  EXPECT_TRUE(mentions("groups lacks fact (")) << ::testing::PrintToString(problems);
  EXPECT_TRUE(mentions("groups has the wrong values for fact (")) << ::testing::PrintToString(problems);
  EXPECT_TRUE(mentions("groups has fact (7, 1, 8) qualifier set 99, which no evidence reports"))
      << ::testing::PrintToString(problems);
}

TEST_F(GroupsFamilyTest, AFormat1StoreIsReadAsItIsAndUpgradedByTheNextWriter) {
  const Strings sets = Rows();
  const std::string query = "MATCH (a)-[r:invests_in]->(b) RETURN a.name, b.name, r.amount, r.currency, r.date";
  auto before = store_->Query(query);
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  store_.reset();
  MakeFormat1(Path("kg.db"));

  {
    auto db = store::RocksDb::Open(Path("kg.db"), store::RocksDb::Mode::kReadOnly);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    EXPECT_EQ((*db)->format_version(), 1);
    EXPECT_FALSE((*db)->has_groups());
    EXPECT_EQ((*db)->cf(store::kGroups), nullptr);
  }
  Reopen(OpenMode::kReadOnly);
  auto old_path = store_->Query(query);
  ASSERT_TRUE(old_path.ok()) << old_path.status().ToString();
  EXPECT_EQ(old_path->rows, before->rows);
  ExpectCheckPasses(*store_);

  Reopen(OpenMode::kReadWrite);  // upgrades
  store_.reset();
  {
    auto db = store::RocksDb::Open(Path("kg.db"), store::RocksDb::Mode::kReadOnly);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    EXPECT_EQ((*db)->format_version(), 2);
    std::string version;
    ASSERT_TRUE((*db)->db()->Get(rocksdb::ReadOptions(), (*db)->cf(store::kMeta), "format_version", &version).ok());
    EXPECT_EQ(version, "2");
  }
  EXPECT_EQ(Rows(), sets);
  Reopen(OpenMode::kReadOnly);
  ExpectCheckPasses(*store_);
  auto after = store_->Query(query);
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ(after->rows, before->rows);
}

TEST_F(GroupsFamilyTest, AnInterruptedUpgradeIsIgnoredByReadersAndRedoneByTheNextWriter) {
  const Strings sets = Rows();
  store_.reset();
  MakeFormat1(Path("kg.db"), /*keep_family=*/true);
  {
    // What a kill mid-upgrade can leave: some sets written, others not, maybe stale ones from before.
    auto db = store::RocksDb::Open(Path("kg.db"), store::RocksDb::Mode::kReadOnly);
    ASSERT_TRUE(db.ok());
    EXPECT_EQ((*db)->format_version(), 1);
  }
  {
    rocksdb::Options options;
    std::vector<std::string> names;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(options, Path("kg.db"), &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const auto& name : names) families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), Path("kg.db"), families, &handles, &raw).ok());
    rocksdb::ColumnFamilyHandle* groups = nullptr;
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == "groups") groups = handles[i];
    }
    ASSERT_NE(groups, nullptr);
    std::unique_ptr<rocksdb::Iterator> it(raw->NewIterator(rocksdb::ReadOptions(), groups));
    it->SeekToFirst();
    ASSERT_TRUE(it->Valid());
    ASSERT_TRUE(raw->Delete(rocksdb::WriteOptions(), groups, it->key()).ok());
    it.reset();
    ASSERT_TRUE(raw->Put(rocksdb::WriteOptions(), groups, store::GroupKey({9, 9, 9}, 9),
                         store::EncodeGroupValues(1.0, "EUR", "")).ok());
    for (auto* handle : handles) raw->DestroyColumnFamilyHandle(handle);
    delete raw;
  }
  Reopen(OpenMode::kReadOnly);  // format 1: the evidence path, and groups is not checked
  ExpectCheckPasses(*store_);
  auto rows = store_->Query("MATCH (a)-[r:invests_in]->(b) RETURN count(*)");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(ValueToJson(rows->rows.at(0).at(0)), "3");

  Reopen(OpenMode::kReadWrite);
  store_.reset();
  EXPECT_EQ(Rows(), sets);
  Reopen(OpenMode::kReadOnly);
  ExpectCheckPasses(*store_);
}

}  // namespace
}  // namespace kg
