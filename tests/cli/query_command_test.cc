// kg query through the command line, in-process: output formats, the shorthand's column names, --explain,
// and how a bad query is reported.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "cli/cli_test_support.h"
#include "store/format_test_support.h"
#include "test_support.h"

namespace kg::cli {
namespace {

class QueryCommandTest : public CliStoreTest {
 protected:
  void SetUp() override {
    CliStoreTest::SetUp();
    IngestSourceFile("tests/data/query/fixture.jsonl");
  }
};

TEST_F(QueryCommandTest, JsonRowsAreKeyedByTheReturnNames) {
  Outcome r = Kg({"query", "--format", "json",
                  "MATCH (a)-[r:invests_in]->(b {name: 'Allemagne'}) RETURN a.name AS investor, r.amount, r.sources"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  const auto rows = nlohmann::json::parse(r.out);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["investor"], "Microsoft");
  EXPECT_EQ(rows[0]["r.amount"], 3.2e9);
  EXPECT_EQ(rows[0]["r.sources"], nlohmann::json::array({"https://news.example/a1"}));
}

TEST_F(QueryCommandTest, ShorthandColumnsAreTheVariablesWithoutTheQuestionMark) {
  Outcome r = Kg({"query", "--format", "jsonl", "?person head_of_government_of ?country"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out,
            "{\"person\":\"Pedro Sánchez\",\"country\":\"Spain\"}\n"
            "{\"person\":\"Olaf Scholz\",\"country\":\"Germany\"}\n");
}

TEST_F(QueryCommandTest, TextFormatsPrintListsAsJson) {
  Outcome tsv = Kg({"query", "--format", "tsv", "MATCH (c:City) RETURN c.name, c.aliases, c.iso_code"});
  ASSERT_EQ(tsv.code, kExitOk) << tsv.err;
  EXPECT_EQ(tsv.out, "c.name\tc.aliases\tc.iso_code\nParis\t[\"Paris\"]\t\n");
  Outcome table = Kg({"query", "--format", "table", "MATCH (c:City) RETURN c.name AS city"});
  EXPECT_EQ(table.out, "city\n-----\nParis\n(1 row)\n");
}

TEST_F(QueryCommandTest, QueryCanComeFromStdin) {
  Outcome r = Kg({"query", "--format", "csv", "-"}, "MATCH (p:Person)-[:president_of]->(o)\nRETURN p.name, o.name\n");
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out, "p.name,o.name\r\nBrad Smith,Microsoft\r\n");
}

TEST_F(QueryCommandTest, ExplainPrintsThePlanWithoutRunning) {
  Outcome r = Kg({"query", "--explain", "MATCH (a {name: 'Google'})-[r]->(b) RETURN b.name"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out.rfind("1. lookup (a {name: \"Google\"})", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("2. expand (a {name: \"Google\"})-[r]->(b)"), std::string::npos) << r.out;
}

TEST_F(QueryCommandTest, ABadQueryIsAUsageErrorWithItsPosition) {
  Outcome r = Kg({"query", "MATCH (a)-[:invests_in]->(b RETURN b.name"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_EQ(r.err.rfind("kg: query: 1:29: expected ", 0), 0u) << r.err;
  Outcome write = Kg({"query", "CREATE (a {name: 'X'})"});
  EXPECT_EQ(write.code, kExitUsage);
  EXPECT_NE(write.err.find("read-only"), std::string::npos) << write.err;
}

TEST_F(QueryCommandTest, AQueryTooDeepOrTooLongIsAUsageErrorWithItsPosition) {
  Outcome deep = Kg({"query", "MATCH (a) RETURN " + std::string(300, '(') + "1" + std::string(300, ')')});
  EXPECT_EQ(deep.code, kExitUsage);
  EXPECT_EQ(deep.err, "kg: query: 1:218: expression nested deeper than 200 levels\n");
  std::string hops = "MATCH (a)";
  for (int i = 0; i < 3000; ++i) hops += "-->()";
  Outcome chain = Kg({"query", hops + " RETURN a.name"});
  EXPECT_EQ(chain.code, kExitUsage);
  EXPECT_EQ(chain.err.rfind("kg: query: 1:" + std::to_string(13 + 127 * 5) + ": the MATCH patterns hold more than 128", 0),
            0u)
      << chain.err;
  std::string ors = "MATCH (a {name: 'Spain'}) WHERE true";
  for (int i = 0; i < 12000; ++i) ors += " OR true";
  Outcome wide = Kg({"query", "--format", "tsv", ors + " RETURN a.name"});
  EXPECT_EQ(wide.code, kExitOk) << wide.err;
  EXPECT_EQ(wide.out, "a.name\nSpain\n");
}

TEST_F(QueryCommandTest, AMissingStoreIsNotFound) {
  std::istringstream in;
  std::ostringstream out, err;
  EXPECT_EQ(cli::Run({"--db", Path("none.db"), "query", "MATCH (a) RETURN a"}, in, out, err), kExitNotFound);
}

// A store an older kg wrote (format 1) answers read-only commands as it is, and `kg ingest` upgrades it.
TEST_F(QueryCommandTest, AFormat1StoreAnswersAsItIsAndAWriterUpgradesIt) {
  const std::string query = "MATCH (a)-[r:invests_in]->(b) RETURN a.name, b.name, r.amount";
  Outcome before = Kg({"query", "--format", "tsv", query});
  ASSERT_EQ(before.code, kExitOk) << before.err;
  const size_t sets = testing::GroupRows(Path("kg.db")).size();
  ASSERT_GT(sets, 5u);
  testing::MakeFormat1(Path("kg.db"));
  Outcome old = Kg({"query", "--format", "tsv", query});
  ASSERT_EQ(old.code, kExitOk) << old.err;
  EXPECT_EQ(old.out, before.out);
  EXPECT_EQ(Kg({"check"}).code, kExitOk);

  Outcome ingest = Kg({"ingest", "-"}, R"({"subject":"Google","predicate":"invests_in","object":"Spain","amount":7e8,"currency":"EUR"})"
                                       "\n");
  ASSERT_EQ(ingest.code, kExitOk) << ingest.err;
  Outcome check = Kg({"check"});
  EXPECT_EQ(check.code, kExitOk) << check.out << check.err;
  EXPECT_EQ(testing::GroupRows(Path("kg.db")).size(), sets + 1);  // Google -> Spain is new
  Outcome after = Kg({"query", "--format", "tsv", query + " ORDER BY r.amount"});
  ASSERT_EQ(after.code, kExitOk) << after.err;
  EXPECT_NE(after.out.find("Google\tSpain\t700000000\n"), std::string::npos) << after.out;
}

TEST_F(QueryCommandTest, CheckNamesAQualifierSetMissingFromGroups) {
  {
    auto db = store::RocksDb::Open(Path("kg.db"), store::RocksDb::Mode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    std::unique_ptr<rocksdb::Iterator> it((*db)->db()->NewIterator(rocksdb::ReadOptions(), (*db)->cf(store::kGroups)));
    it->SeekToFirst();
    ASSERT_TRUE(it->Valid());
    ASSERT_TRUE((*db)->db()->Delete(rocksdb::WriteOptions(), (*db)->cf(store::kGroups), it->key()).ok());
  }
  Outcome check = Kg({"check"});
  EXPECT_EQ(check.code, kExitCheckFailed);
  EXPECT_NE(check.err.find("kg check: groups lacks fact ("), std::string::npos) << check.err;
}

}  // namespace
}  // namespace kg::cli
