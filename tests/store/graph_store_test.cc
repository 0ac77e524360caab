#include "kg/graph_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "store/rocks_db.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg {
namespace {

using testing::ExpectCheckPasses;
using testing::Export;
using testing::IngestText;
using testing::StatsOf;

const char* const kInvestments = R"(
{"subject":"Microsoft","predicate":"invests_in","object":{"name":"Espagne","lang":"fr"},"amount":1.9e9,"currency":"EUR","date":"2024-02","source":{"uri":"https://lemonde.example/a1"}}
{"subject":"Microsoft Corp.","predicate":"invests_in","object":"Spain","amount":1.9e9,"currency":"EUR","date":"2024-02","source":{"uri":"https://reuters.example/b7"}}
{"subject":"Microsoft","predicate":"invests_in","object":"España","amount":2.1e9,"currency":"EUR","date":"2025-06","source":{"uri":"https://elpais.example/c3"}}
{"subject":"Microsoft","predicate":"invests_in","object":"Allemagne","amount":3.2e9,"currency":"EUR","date":"2024-02","source":{"uri":"https://lemonde.example/a1"}}
)";

class GraphStoreTest : public testing::TempDirTest {
 protected:
  std::unique_ptr<GraphStore> OpenStore(OpenMode mode = OpenMode::kReadWrite) {
    auto store = GraphStore::Open(Path("kg.db"), mode);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }
};

TEST_F(GraphStoreTest, SameTripleFromManySourcesIsOneFactWithEvidenceEach) {
  auto store = OpenStore();
  IngestReport report = IngestText(*store, kInvestments);
  EXPECT_EQ(report.lines, 4u);
  EXPECT_EQ(report.new_facts, 2u);  // Microsoft->Spain, Microsoft->Germany
  EXPECT_EQ(report.merged, 2u);
  StoreStats stats = StatsOf(*store);
  EXPECT_EQ(stats.entities, 3u);    // Microsoft, Spain, Germany: "Microsoft Corp." and "España" resolve
  EXPECT_EQ(stats.facts, 2u);
  EXPECT_EQ(stats.evidence, 4u);
  EXPECT_EQ(stats.sources, 3u);
  ExpectCheckPasses(*store);
}

TEST_F(GraphStoreTest, DifferentInvestmentsStayDistinguishableSameOneCountsOnce) {
  auto store = OpenStore();
  IngestText(*store, kInvestments);
  auto spain = store->LookupEntity("Spanien");
  ASSERT_TRUE(spain.ok()) << spain.status().ToString();
  EXPECT_EQ(spain->entity.name, "Spain");
  EXPECT_EQ(spain->entity.iso_code, "ES");
  EXPECT_EQ(spain->entity.type, EntityType::kCountry);
  ASSERT_EQ(spain->facts.size(), 1u);
  const auto& evidence = spain->facts[0].evidence;
  ASSERT_EQ(evidence.size(), 3u);
  std::set<std::pair<double, std::string>> investments;
  for (const auto& a : evidence) investments.insert({*a.amount, a.date});
  // Two reported investments: 1.9 bn in 2024-02 (two sources) and 2.1 bn in 2025-06.
  EXPECT_EQ(investments.size(), 2u);
  EXPECT_TRUE(investments.count({1.9e9, "2024-02"}));
  EXPECT_TRUE(investments.count({2.1e9, "2025-06"}));
}

TEST_F(GraphStoreTest, SymmetricFactIsOneFactWhicheverDirection) {
  auto store = OpenStore();
  IngestReport report = IngestText(*store, R"(
{"subject":"Brad Smith","predicate":"met_with","object":"Pedro Sánchez","source":{"uri":"s1"}}
{"subject":"Pedro Sanchez","predicate":"met_with","object":"Brad Smith","source":{"uri":"s2"}}
{"subject":"Brad Smith","predicate":"president_of","object":"Microsoft","source":{"uri":"s1"}}
{"subject":"Microsoft","predicate":"subsidiary_of","object":"Brad Smith","source":{"uri":"s3"}}
)");
  EXPECT_EQ(report.new_facts, 3u);
  EXPECT_EQ(report.merged, 1u);
  EXPECT_EQ(StatsOf(*store).facts, 3u);  // president_of is not symmetric: its reverse is another fact
  ExpectCheckPasses(*store);
}

TEST_F(GraphStoreTest, ReingestingChangesNothing) {
  auto store = OpenStore();
  IngestText(*store, kInvestments);
  const std::string first_export = Export(*store);
  const StoreStats first = StatsOf(*store);
  IngestReport again = IngestText(*store, kInvestments);
  EXPECT_EQ(again.duplicates, 4u);
  EXPECT_EQ(again.new_facts + again.merged, 0u);
  EXPECT_EQ(Export(*store), first_export);
  const StoreStats second = StatsOf(*store);
  EXPECT_EQ(second.entities, first.entities);
  EXPECT_EQ(second.facts, first.facts);
  EXPECT_EQ(second.evidence, first.evidence);
}

TEST_F(GraphStoreTest, ExportReadsBackToTheSameGraph) {
  std::string exported;
  {
    auto store = OpenStore();
    IngestText(*store, kInvestments);
    exported = Export(*store);
  }
  auto copy = GraphStore::Open(Path("copy.db"), OpenMode::kReadWrite);
  ASSERT_TRUE(copy.ok());
  IngestText(**copy, exported);
  EXPECT_EQ(testing::SortedLines(Export(**copy)), testing::SortedLines(exported));
  EXPECT_EQ(StatsOf(**copy).facts, 2u);
  EXPECT_EQ(StatsOf(**copy).evidence, 4u);
}

TEST_F(GraphStoreTest, ForgetRemovesWhatNothingElseSupports) {
  auto store = OpenStore();
  IngestText(*store, kInvestments);
  // lemonde supports Microsoft->Germany alone, and Microsoft->Spain together with two others.
  auto removed = store->Forget("https://lemonde.example/a1");
  ASSERT_TRUE(removed.ok()) << removed.status().ToString();
  EXPECT_EQ(*removed, 2u);
  StoreStats stats = StatsOf(*store);
  EXPECT_EQ(stats.facts, 1u);
  EXPECT_EQ(stats.evidence, 2u);
  EXPECT_EQ(stats.entities, 2u);  // Germany is gone
  EXPECT_EQ(stats.sources, 2u);
  EXPECT_EQ(store->LookupEntity("Germany").status().code(), StatusCode::kNotFound);
  ExpectCheckPasses(*store);

  EXPECT_EQ(store->Forget("https://lemonde.example/a1").status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(store->Forget("https://reuters.example/b7").ok());
  ASSERT_TRUE(store->Forget("https://elpais.example/c3").ok());
  stats = StatsOf(*store);
  EXPECT_EQ(stats.entities + stats.facts + stats.evidence + stats.sources, 0u);
  EXPECT_EQ(Export(*store), "");
  ExpectCheckPasses(*store);
}

TEST_F(GraphStoreTest, RejectedLinesWriteNothing) {
  auto store = OpenStore();
  IngestReport report = IngestText(*store, R"({"subject":"A","predicate":"acquires","object":"B","source":{"uri":"x"}}
{"subject":"C","predicate":"acquires","object":"D","amount":-5}
{"subject":"E","predicate":"acquires","object":"F","source":{"uri":"y","extra":1}}
)");
  EXPECT_EQ(report.rejected, 2u);
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(report.errors[0].rfind("test.jsonl:2:", 0), 0u) << report.errors[0];
  EXPECT_EQ(report.errors[1].rfind("test.jsonl:3:", 0), 0u) << report.errors[1];
  StoreStats stats = StatsOf(*store);
  EXPECT_EQ(stats.entities, 2u);  // C, D, E and F were never created
  EXPECT_EQ(stats.sources, 1u);
  ExpectCheckPasses(*store);
}

TEST_F(GraphStoreTest, MaxErrorsStopsTheLoadAndKeepsWhatWasCommitted) {
  auto store = OpenStore();
  IngestOptions options;
  options.max_errors = 1;
  IngestReport report = IngestText(*store, R"({"subject":"A","predicate":"acquires","object":"B"}
bad
also bad
{"subject":"C","predicate":"acquires","object":"D"}
)", options);
  EXPECT_TRUE(report.stopped_early);
  EXPECT_EQ(report.rejected, 2u);
  EXPECT_EQ(StatsOf(*store).facts, 1u);
  ExpectCheckPasses(*store);
}

TEST_F(GraphStoreTest, SecondWriterIsToldTheDatabaseIsInUse) {
  auto writer = OpenStore();
  ASSERT_NE(writer, nullptr);
  auto second = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(second.status().message().find("database in use"), std::string::npos);
}

TEST_F(GraphStoreTest, ReadersWorkWhileAWriterHoldsTheStore) {
  auto writer = OpenStore();
  IngestText(*writer, kInvestments);
  auto reader = OpenStore(OpenMode::kReadOnly);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(StatsOf(*reader).facts, 2u);
  EXPECT_TRUE(reader->LookupEntity("Microsoft").ok());
  EXPECT_EQ(reader->Forget("x").status().code(), StatusCode::kFailedPrecondition);
}

TEST_F(GraphStoreTest, ReadOnlyOpenOfMissingStoreIsNotFound) {
  auto store = GraphStore::Open(Path("nothing.db"), OpenMode::kReadOnly);
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
}

TEST_F(GraphStoreTest, OtherFormatVersionIsRefused) {
  {
    // Write the version the way a future kg would.
    auto db = store::RocksDb::Open(Path("kg.db"), store::RocksDb::Mode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE((*db)->db()->Put(rocksdb::WriteOptions(), (*db)->cf(store::kMeta), "format_version", "999").ok());
  }
  auto store = GraphStore::Open(Path("kg.db"), OpenMode::kReadOnly);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("store format 999"), std::string::npos) << store.status().message();
}

TEST_F(GraphStoreTest, DirectoryThatIsNotAKgStoreIsRefused) {
  {
    // Someone else's RocksDB database, with data of its own.
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, Path("plain.db"), &raw).ok());
    ASSERT_TRUE(raw->Put(rocksdb::WriteOptions(), "their key", "their value").ok());
    delete raw;
  }
  auto store = GraphStore::Open(Path("plain.db"), OpenMode::kReadWrite);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition) << store.status().ToString();
  EXPECT_NE(store.status().message().find("not a kg store"), std::string::npos) << store.status().message();
  {
    // Their data is untouched: kg added no column family.
    std::vector<std::string> families;
    ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), Path("plain.db"), &families).ok());
    EXPECT_EQ(families, std::vector<std::string>{"default"});
  }
}

TEST_F(GraphStoreTest, InterruptedCreationIsFinishedOnTheNextOpen) {
  {
    // What a kill between creating the first column family and the rest leaves behind.
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, Path("kg.db"), &raw).ok());
    rocksdb::ColumnFamilyHandle* meta = nullptr;
    ASSERT_TRUE(raw->CreateColumnFamily(rocksdb::ColumnFamilyOptions(), "meta", &meta).ok());
    raw->DestroyColumnFamilyHandle(meta);
    delete raw;
  }
  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  testing::IngestText(*store, kInvestments);
  EXPECT_EQ(testing::StatsOf(*store).facts, 2u);
  testing::ExpectCheckPasses(*store);
}

TEST_F(GraphStoreTest, ReadersFinishAnInterruptedCreationAndSeeAnEmptyStore) {
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    rocksdb::DB* raw = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(options, Path("kg.db"), &raw).ok());
    rocksdb::ColumnFamilyHandle* meta = nullptr;
    ASSERT_TRUE(raw->CreateColumnFamily(rocksdb::ColumnFamilyOptions(), "meta", &meta).ok());
    raw->DestroyColumnFamilyHandle(meta);
    delete raw;
  }
  auto reader = OpenStore(OpenMode::kReadOnly);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(testing::StatsOf(*reader).facts, 0u);
  testing::ExpectCheckPasses(*reader);
}

TEST_F(GraphStoreTest, TypesComeFromInputGazetteerOrPredicate) {
  auto store = OpenStore();
  IngestText(*store, R"({"subject":"Olaf Scholz","predicate":"head_of_government_of","object":"Deutschland"}
{"subject":"Google","predicate":"opens_facility_in","object":"Paris"}
{"subject":{"name":"Acme","type":"Organization","id":"Q1"},"predicate":"located_in","object":{"name":"Lyon","type":"City"}}
)");
  auto scholz = store->LookupEntity("olaf scholz");
  ASSERT_TRUE(scholz.ok());
  EXPECT_EQ(scholz->entity.type, EntityType::kPerson);
  auto germany = store->LookupEntity("Germany");
  ASSERT_TRUE(germany.ok());
  EXPECT_EQ(germany->entity.type, EntityType::kCountry);
  EXPECT_EQ(store->LookupEntity("Paris")->entity.type, EntityType::kCity);
  EXPECT_EQ(store->LookupEntity("Acme")->entity.external_id, "Q1");
}

TEST_F(GraphStoreTest, BulkLoadIntoAnEmptyStoreLeavesNoOverlappingFiles) {
  // Units of 5 lines, each ingested as SST files: a fresh store defers compacting the families the load
  // never reads back, and must merge their overlapping (level 0) files before the ingest returns.
  std::string jsonl;
  for (int i = 0; i < 40; ++i) {
    jsonl += R"({"subject":"Org )" + std::to_string(i % 7) + R"(","predicate":"invests_in","object":"Org )" +
             std::to_string(i % 11 + 20) + R"(","date":"2024-0)" + std::to_string(i % 3 + 1) +
             R"(","source":{"uri":"https://news.example/)" + std::to_string(i) + "\"}}\n";
  }
  IngestOptions options;
  options.lines_per_unit = 5;
  options.sst_min_entries = 1;
  {
    auto store = OpenStore();
    IngestText(*store, jsonl, options);
    EXPECT_EQ(StatsOf(*store).evidence, 40u);
    ExpectCheckPasses(*store);
  }
  {
    auto db = store::RocksDb::Open(Path("kg.db"), store::RocksDb::Mode::kReadOnly);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    for (store::Cf family : {store::kEvidence, store::kPos, store::kOsp, store::kSpo, store::kNames,
                             store::kSources, store::kSourceUris, store::kSourceEvidence}) {
      rocksdb::ColumnFamilyMetaData meta;
      (*db)->db()->GetColumnFamilyMetaData((*db)->cf(family), &meta);
      EXPECT_TRUE(meta.levels.front().files.empty()) << store::CfName(family);
      // Evidence keys begin with the subject, so every unit's file overlaps the others: one run.
      if (family == store::kEvidence) EXPECT_EQ(meta.file_count, 1u);
    }
  }
  // A second load goes into a store that is no longer empty: it looks keys up, and changes nothing.
  auto store = OpenStore();
  IngestReport again = IngestText(*store, jsonl, options);
  EXPECT_EQ(again.duplicates, 40u);
  EXPECT_EQ(StatsOf(*store).evidence, 40u);
  ExpectCheckPasses(*store);
}

TEST_F(GraphStoreTest, ReReportsAcrossUnitsOfAFreshLoadCountEveryPieceOfEvidence) {
  // A load into an empty store keeps each fact's evidence count in memory instead of reading spo back.
  // 12 facts, each reported by 5 sources spread over units of 4 lines, then the same 60 lines again.
  std::string jsonl;
  for (int i = 0; i < 60; ++i) {
    jsonl += R"({"subject":"Org )" + std::to_string(i % 3) + R"(","predicate":"invests_in","object":"Org )" +
             std::to_string(i % 4 + 20) + R"(","source":{"uri":"https://news.example/)" + std::to_string(i) +
             "\"}}\n";
  }
  IngestOptions options;
  options.lines_per_unit = 4;
  options.sst_min_entries = 1;
  auto store = OpenStore();
  IngestReport report = IngestText(*store, jsonl + jsonl, options);
  EXPECT_EQ(report.new_facts, 12u);
  EXPECT_EQ(report.merged, 48u);
  EXPECT_EQ(report.duplicates, 60u);
  auto facts = store->ListFacts({});
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  ASSERT_EQ(facts->size(), 12u);
  for (const FactRow& row : *facts) EXPECT_EQ(row.evidence_count, 5u) << row.subject.name << " " << row.object.name;
  ExpectCheckPasses(*store);
}

TEST_F(GraphStoreTest, AFactBeyondTheCountTablesPackingFallsBackToTheStoreMidLoad) {
  // The in-memory fact counts hold predicate ids below 4,096. A fresh load that meets more predicates
  // than that goes on by reading spo, from the unit and the store, and must count the same.
  std::string jsonl;
  for (int i = 0; i < 4200; ++i) {
    jsonl += R"({"subject":"Org A","predicate":"rel_)" + std::to_string(i) +
             R"(","object":"Org B","source":{"uri":"https://news.example/)" + std::to_string(i) + "\"}}\n";
  }
  // Re-reports, from other sources, of facts under predicates counted in memory and beyond.
  for (int i : {5, 4095, 4096, 4150, 4199, 5, 4150}) {
    jsonl += R"({"subject":"Org A","predicate":"rel_)" + std::to_string(i) +
             R"(","object":"Org B","source":{"uri":"https://again.example/)" + std::to_string(jsonl.size()) + "\"}}\n";
  }
  IngestOptions options;
  options.allow_new_predicates = true;
  options.lines_per_unit = 1000;
  options.sst_min_entries = 1;
  auto store = OpenStore();
  IngestReport report = IngestText(*store, jsonl, options);
  EXPECT_EQ(report.new_facts, 4200u);
  EXPECT_EQ(report.merged, 7u);
  StoreStats stats = StatsOf(*store);
  EXPECT_EQ(stats.facts, 4200u);
  EXPECT_EQ(stats.evidence, 4207u);
  FactFilter filter;
  filter.predicate = "rel_4150";
  auto facts = store->ListFacts(filter);
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  ASSERT_EQ(facts->size(), 1u);
  EXPECT_EQ((*facts)[0].evidence_count, 3u);
  ExpectCheckPasses(*store);
}

}  // namespace
}  // namespace kg
