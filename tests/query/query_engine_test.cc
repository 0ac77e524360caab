// Every query form against tests/data/query/fixture.jsonl, a hand-made graph whose answers are known:
// Microsoft invests in Spain twice (1.9 bn EUR in 2024-02, reported by two sources, and 0.5 bn EUR in
// 2022-06), in Germany and in OpenAI; Google invests in France and opens a facility in Paris; Brad Smith
// presides Microsoft and met Pedro Sánchez and Olaf Scholz; a chain of subsidiaries leads to Microsoft.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kg/graph_store.h"
#include "store/format_test_support.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg {
namespace {

class QueryEngineTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = testing::OpenStoreWithFixture(Path("kg.db"), "tests/data/query/fixture.jsonl");
    ASSERT_NE(store_, nullptr);
  }

  // The rows as text, one string per row with cells joined by " | "; strings bare, the rest as JSON.
  std::vector<std::string> Rows(const std::string& query) {
    auto result = store_->Query(query);
    EXPECT_TRUE(result.ok()) << query << "\n" << result.status().ToString();
    if (!result.ok()) return {"<error>"};
    columns_ = result->columns;
    std::vector<std::string> rows;
    for (const auto& row : result->rows) {
      std::string text;
      for (size_t i = 0; i < row.size(); ++i) {
        if (i) text += " | ";
        text += row[i].is_string() ? row[i].as_string() : ValueToJson(row[i]);
      }
      rows.push_back(text);
    }
    return rows;
  }

  std::string Error(const std::string& query) {
    auto result = store_->Query(query);
    EXPECT_FALSE(result.ok()) << query;
    return result.ok() ? "" : result.status().message();
  }

  std::unique_ptr<GraphStore> store_;
  std::vector<std::string> columns_;
};

using Strings = std::vector<std::string>;

TEST_F(QueryEngineTest, WhoInvestedWhereGivesOneRowPerReportedInvestment) {
  EXPECT_EQ(Rows("MATCH (a)-[r:invests_in]->(b) RETURN a.name AS investor, b.name AS target, r.amount AS amount, "
                 "r.currency AS currency, r.date AS date, r.evidence_count AS sources "
                 "ORDER BY investor, target, amount"),
            (Strings{"Google | France | 1000000000 | EUR | 2023-11 | 1",
                     "Microsoft | Germany | 3200000000 | EUR | 2024-02 | 1",
                     "Microsoft | OpenAI | 10000000000 | USD | 2023-01 | 1",
                     "Microsoft | Spain | 500000000 | EUR | 2022-06 | 1",
                     "Microsoft | Spain | 1900000000 | EUR | 2024-02 | 2"}));
  EXPECT_EQ(columns_, (Strings{"investor", "target", "amount", "currency", "date", "sources"}));
}

TEST_F(QueryEngineTest, RelationshipPropertiesComeFromTheQualifierSet) {
  EXPECT_EQ(Rows("MATCH (:Organization {name: 'Microsoft'})-[r:invests_in {date: '2024-02'}]->(:Country {name: "
                 "'Spain'}) RETURN r.sources, r.confidence, r.predicate, type(r)"),
            (Strings{R"(["https://news.example/a1","https://news.example/a2"] | 0.9 | invests_in | invests_in)"}));
}

TEST_F(QueryEngineTest, NamesMatchThroughAliasesInAnyLanguage) {
  const Strings microsoft{"Microsoft", "Microsoft"};  // two investments in Spain
  EXPECT_EQ(Rows("MATCH (c {name: 'Espagne'})<-[:invests_in]-(b) RETURN b.name"), microsoft);
  EXPECT_EQ(Rows("MATCH (c {name: 'España'})<-[:invests_in]-(b) RETURN b.name"), microsoft);
  EXPECT_EQ(Rows("MATCH (b {name: 'MICROSOFT CORP'})-[:invests_in]->(c {name: 'Spanien'}) RETURN c.name, c.iso_code"),
            (Strings{"Spain | ES", "Spain | ES"}));
  EXPECT_EQ(Rows("MATCH (c {name: 'Spain'}) RETURN 'Espagne' IN c.aliases, 'Spanien' IN c.aliases"),
            (Strings{"true | false"}));
}

TEST_F(QueryEngineTest, ShorthandCompilesToTheSameQuery) {
  EXPECT_EQ(Rows("?who invests_in Spain"), Rows("MATCH (who)-[:invests_in]->({name: 'Spain'}) RETURN who.name AS who"));
  EXPECT_EQ(columns_, (Strings{"who"}));
  EXPECT_EQ(Rows("?p president_of ?c . ?c invests_in Germany"), (Strings{"Brad Smith | Microsoft"}));
  EXPECT_EQ(columns_, (Strings{"p", "c"}));
  EXPECT_EQ(Rows("Google ?rel ?x"), (Strings{"invests_in | France", "opens_facility_in | Paris"}));
}

TEST_F(QueryEngineTest, LabelsFilterByEntityType) {
  EXPECT_EQ(Rows("MATCH (p:Person)-[:head_of_government_of]->(c:Country) RETURN p.name, c.name ORDER BY p.name"),
            (Strings{"Olaf Scholz | Germany", "Pedro Sánchez | Spain"}));
  EXPECT_EQ(Rows("MATCH (c:City) RETURN c.name, c.type"), (Strings{"Paris | City"}));
  EXPECT_EQ(Rows("MATCH (p:Person)-[:head_of_government_of]->(c:City) RETURN p.name"), Strings{});
}

TEST_F(QueryEngineTest, SymmetricFactsMatchInBothDirections) {
  const Strings met{"Olaf Scholz", "Pedro Sánchez"};
  EXPECT_EQ(Rows("MATCH ({name: 'Brad Smith'})-[:met_with]->(b) RETURN b.name ORDER BY b.name"), met);
  EXPECT_EQ(Rows("MATCH ({name: 'Brad Smith'})<-[:met_with]-(b) RETURN b.name ORDER BY b.name"), met);
  EXPECT_EQ(Rows("MATCH ({name: 'Brad Smith'})-[:met_with]-(b) RETURN b.name ORDER BY b.name"), met);
  EXPECT_EQ(Rows("MATCH (a)-[:partner_of]->(b) RETURN a.name, b.name ORDER BY a.name"),
            (Strings{"Microsoft | OpenAI", "OpenAI | Microsoft"}));
}

TEST_F(QueryEngineTest, UndirectedPatternsMatchEachFactBothWays) {
  EXPECT_EQ(Rows("MATCH (a)-[:president_of]-(b) RETURN a.name, b.name ORDER BY a.name"),
            (Strings{"Brad Smith | Microsoft", "Microsoft | Brad Smith"}));
  EXPECT_EQ(Rows("MATCH (a {name: 'Microsoft'})<--(b:Person) RETURN b.name"), (Strings{"Brad Smith"}));
}

TEST_F(QueryEngineTest, VariableLengthPathsFollowChains) {
  EXPECT_EQ(Rows("MATCH (s)-[:subsidiary_of*1..3]->({name: 'Microsoft'}) RETURN s.name ORDER BY s.name"),
            (Strings{"LinkedIn", "Mojang", "Xbox Game Studios"}));
  EXPECT_EQ(Rows("MATCH (s)-[:subsidiary_of*1..1]->({name: 'Microsoft'}) RETURN s.name ORDER BY s.name"),
            (Strings{"LinkedIn", "Xbox Game Studios"}));
  EXPECT_EQ(Rows("MATCH (s)-[r:subsidiary_of*2..]->({name: 'Microsoft'}) RETURN s.name, size(r)"),
            (Strings{"Mojang | 2"}));
  EXPECT_EQ(Rows("MATCH ({name: 'Mojang'})-[r:subsidiary_of*]->(top) RETURN top.name ORDER BY size(r)"),
            (Strings{"Xbox Game Studios", "Microsoft"}));
}

TEST_F(QueryEngineTest, SeveralPredicatesInOnePattern) {
  EXPECT_EQ(Rows("MATCH ({name: 'Google'})-[r:invests_in|opens_facility_in]->(x) RETURN type(r) AS p, x.name ORDER BY p"),
            (Strings{"invests_in | France", "opens_facility_in | Paris"}));
}

TEST_F(QueryEngineTest, WhereFiltersWithComparisonsLogicAndStrings) {
  const std::string match = "MATCH (a)-[r:invests_in]->(b) ";
  EXPECT_EQ(Rows(match + "WHERE r.amount >= 2e9 AND r.currency = 'EUR' RETURN b.name"), (Strings{"Germany"}));
  EXPECT_EQ(Rows(match + "WHERE b.name IN ['France', 'Germany'] RETURN b.name ORDER BY b.name"),
            (Strings{"France", "Germany"}));
  EXPECT_EQ(Rows(match + "WHERE b.name STARTS WITH 'Open' RETURN b.name"), (Strings{"OpenAI"}));
  EXPECT_EQ(Rows(match + "WHERE b.name ENDS WITH 'many' RETURN b.name"), (Strings{"Germany"}));
  EXPECT_EQ(Rows(match + "WHERE b.name CONTAINS 'ran' RETURN b.name"), (Strings{"France"}));
  EXPECT_EQ(Rows(match + "WHERE NOT b.name = 'Spain' RETURN count(*)"), (Strings{"3"}));
  EXPECT_EQ(Rows(match + "WHERE r.date < '2023' OR r.currency <> 'EUR' RETURN b.name ORDER BY b.name"),
            (Strings{"OpenAI", "Spain"}));
  EXPECT_EQ(Rows("MATCH (a)-[r]->(b) WHERE r.amount IS NULL AND type(r) = 'subsidiary_of' RETURN count(*)"),
            (Strings{"4"}));
  EXPECT_EQ(Rows(match + "WHERE r.amount IS NOT NULL AND a.name = 'Google' RETURN b.name"), (Strings{"France"}));
}

TEST_F(QueryEngineTest, NullComparisonsNeverPass) {
  EXPECT_EQ(Rows("MATCH (a)-[r:president_of]->(b) WHERE r.amount > 0 RETURN a.name"), Strings{});
  EXPECT_EQ(Rows("MATCH (a)-[r:president_of]->(b) WHERE NOT r.amount > 0 RETURN a.name"), Strings{});
}

TEST_F(QueryEngineTest, AggregatesGroupByTheOtherColumns) {
  EXPECT_EQ(Rows("MATCH (a)-[r:invests_in]->(b) RETURN a.name AS investor, count(*) AS n, count(DISTINCT b) AS "
                 "targets, sum(r.amount) AS total ORDER BY n DESC"),
            (Strings{"Microsoft | 4 | 3 | 15600000000", "Google | 1 | 1 | 1000000000"}));
  EXPECT_EQ(Rows("MATCH (a)-[r:invests_in]->(b) RETURN min(r.date), max(r.amount), avg(r.evidence_count)"),
            (Strings{"2022-06 | 10000000000 | 1.2"}));
  EXPECT_EQ(Rows("MATCH (s)-[:subsidiary_of]->({name: 'Microsoft'}) RETURN collect(s.name) AS subs"),
            (Strings{R"(["LinkedIn","Xbox Game Studios"])"}));
}

TEST_F(QueryEngineTest, DistinctSkipAndLimit) {
  EXPECT_EQ(Rows("MATCH (a)-[:invests_in]->(b) RETURN DISTINCT b.name AS t ORDER BY t"),
            (Strings{"France", "Germany", "OpenAI", "Spain"}));
  EXPECT_EQ(Rows("MATCH (a)-[:invests_in]->(b) RETURN DISTINCT b.name AS t ORDER BY t SKIP 1 LIMIT 2"),
            (Strings{"Germany", "OpenAI"}));
  EXPECT_EQ(Rows("MATCH (a)-[:invests_in]->(b) RETURN b.name LIMIT 3").size(), 3u);
  EXPECT_EQ(Rows("MATCH (a)-[:invests_in]->(b) RETURN b.name LIMIT 0"), Strings{});
}

TEST_F(QueryEngineTest, ChainedAndCommaSeparatedPatternsJoin) {
  EXPECT_EQ(Rows("MATCH (p:Person)-[:president_of]->(c)-[:invests_in]->(x) RETURN DISTINCT p.name, x.name ORDER BY x.name"),
            (Strings{"Brad Smith | Germany", "Brad Smith | OpenAI", "Brad Smith | Spain"}));
  EXPECT_EQ(Rows("MATCH (p)-[:president_of]->(c), (c)-[:partner_of]-(q) RETURN p.name, q.name"),
            (Strings{"Brad Smith | OpenAI"}));
  EXPECT_EQ(Rows("MATCH (p:Person)-[:met_with]-(q:Person) MATCH (q)-[:head_of_government_of]->(c) "
                 "WHERE c.name = 'Germany' RETURN p.name"),
            (Strings{"Brad Smith"}));
}

TEST_F(QueryEngineTest, ARelationshipBindsOncePerRow) {
  // Microsoft's two facts with OpenAI: invests_in and partner_of. Without uniqueness, r1 = r2 would add rows.
  EXPECT_EQ(Rows("MATCH (a {name: 'Microsoft'})-[r1]-(b {name: 'OpenAI'})-[r2]-(a) RETURN type(r1), type(r2) "
                 "ORDER BY type(r1)"),
            (Strings{"invests_in | partner_of", "partner_of | invests_in"}));
}

TEST_F(QueryEngineTest, PathsAndSingleRelationshipsNeverShareAFact) {
  // From LinkedIn up to Microsoft and back down: the walk may not reuse the fact r already holds.
  EXPECT_EQ(Rows("MATCH (l {name: 'LinkedIn'})-[r:subsidiary_of]->(m)<-[:subsidiary_of*1..2]-(s) RETURN s.name "
                 "ORDER BY s.name"),
            (Strings{"Mojang", "Xbox Game Studios"}));
}

TEST_F(QueryEngineTest, ReviewedCornerCases) {
  EXPECT_EQ(Rows("MATCH (a {name: 'Google'})-[r:invests_in|invests_in]->(b) RETURN b.name"), (Strings{"France"}));
  EXPECT_EQ(Rows("MATCH (c:City) RETURN *, c.name AS n"), (Strings{R"({"id":7,"name":"Paris","type":"City"} | Paris)"}));
  EXPECT_EQ(columns_, (Strings{"c", "n"}));
  EXPECT_EQ(Rows("MATCH (p:Person) RETURN p.name AS n ORDER BY toLower(n) DESC"),
            (Strings{"Pedro Sánchez", "Olaf Scholz", "Brad Smith"}));
  EXPECT_EQ(Rows("MATCH (p {name: 'Pedro Sánchez'}) RETURN size(p.name), toUpper(p.name), toInteger(1e30)"),
            (Strings{"13 | PEDRO SÁNCHEZ | null"}));
}

TEST_F(QueryEngineTest, EmptyResults) {
  EXPECT_EQ(Rows("MATCH (a {name: 'Nobody'})-->(b) RETURN b.name"), Strings{});
  EXPECT_EQ(Rows("MATCH (a {name: 'Nobody'})-->(b) RETURN count(*)"), (Strings{"0"}));
  EXPECT_EQ(Rows("MATCH (a)-[:acquires]->(b) RETURN a.name"), Strings{});  // in the vocabulary, no facts yet
}

TEST_F(QueryEngineTest, NodesAndRelationshipsReturnAsMaps) {
  auto result = store_->Query("MATCH (g {name: 'Google'})-[r:opens_facility_in]->(c) RETURN *");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->columns, (Strings{"g", "r", "c"}));
  ASSERT_EQ(result->rows.size(), 1u);
  EXPECT_EQ(result->rows[0][0].Get("name"), Value("Google"));
  EXPECT_EQ(result->rows[0][0].Get("type"), Value("Organization"));
  EXPECT_EQ(result->rows[0][1].Get("object"), Value("Paris"));
  EXPECT_EQ(result->rows[0][1].Get("date"), Value("2024-02"));
  EXPECT_EQ(result->rows[0][2].Get("type"), Value("City"));
}

TEST_F(QueryEngineTest, PlannerStartsFromTheMostSelectivePattern) {
  auto named = store_->Prepare("MATCH (a)-[:invests_in]->(b {name: 'Germany'}) RETURN a.name");
  ASSERT_TRUE(named.ok()) << named.status().ToString();
  EXPECT_EQ((*named)->Explain().rfind("1. lookup (b {name: \"Germany\"})", 0), 0u) << (*named)->Explain();

  // president_of has one fact and invests_in four: the scan starts with president_of.
  auto joined = store_->Prepare("MATCH (a)-[:invests_in]->(b), (p)-[:president_of]->(a) RETURN b.name");
  ASSERT_TRUE(joined.ok()) << joined.status().ToString();
  const std::string plan = (*joined)->Explain();
  EXPECT_NE(plan.find("1. scan facts (p)-[_"), std::string::npos) << plan;
  EXPECT_NE(plan.find(":president_of]->"), std::string::npos) << plan;
  EXPECT_NE(plan.find("2. expand (a)-["), std::string::npos) << plan;
  EXPECT_EQ(Rows("MATCH (a)-[:invests_in]->(b), (p)-[:president_of]->(a) RETURN count(*)"), (Strings{"4"}));
}

// A format-2 store answers from `groups` what it can; a format-1 store (read-only, so not upgraded)
// answers everything from evidence. Same rows, in the same order, for every query form.
TEST_F(QueryEngineTest, GroupsAndEvidenceGiveTheSameRowsInTheSameOrder) {
  const Strings queries = {
      "MATCH (a)-[r:invests_in]->(b) RETURN a.name, b.name, r.amount",
      "MATCH (a)-[r:invests_in]->(b) RETURN a.name, b.name, r.amount, r.currency, r.date, r.evidence_count",
      "MATCH (a)-[r:invests_in]->(b) RETURN a.name, b.name",
      "MATCH (a)-[r:invests_in]-(b) RETURN a.name, b.name, r.date",
      "MATCH (a)<-[r:invests_in]-(b) RETURN a.name, b.name, r.currency",
      "MATCH (a)-[r:invests_in|opens_facility_in|partner_of]->(b) RETURN a.name, type(r), b.name, r.amount",
      "MATCH (a)-[r:partner_of]-(b) RETURN a.name, b.name, r.date",
      "MATCH (a)-[r]->(b) RETURN a.name, b.name, r.amount",
      "MATCH (a)-[r:invests_in {currency: 'EUR'}]->(b) RETURN b.name, r.amount",
      "MATCH (a)-[r:invests_in {date: '2024-02'}]->(b) RETURN b.name, r.sources",
      "MATCH (c {name: 'Espagne'})<-[r:invests_in]-(b) RETURN b.name, r.amount, r.date",
      "MATCH (b {name: 'Microsoft'})-[r:invests_in]->(c) RETURN c.name, r.amount",
      "MATCH (p:Person)-[:president_of]->(c)-[r:invests_in]->(x) RETURN p.name, x.name, r.amount",
      "MATCH (a)-[r1:invests_in]->(b), (a)-[r2:invests_in]->(b) RETURN b.name, r1.amount, r2.amount",
      "MATCH (a {name: 'Microsoft'})-[r1]-(b {name: 'OpenAI'})-[r2]-(a) RETURN type(r1), type(r2)",
      "MATCH (a)-[r:invests_in]->(b) WHERE r.amount >= 2e9 AND r.currency = 'EUR' RETURN b.name",
      "MATCH (a)-[r:invests_in]->(b) WHERE r.date < '2023' OR r.currency <> 'EUR' RETURN b.name, r.date",
      "MATCH (a)-[r]->(b) WHERE r.amount IS NULL RETURN a.name, type(r), b.name",
      "MATCH (a)-[r:invests_in]->(b) RETURN a.name, count(*), sum(r.amount), min(r.date)",
      "MATCH (a)-[r:invests_in]->(b) RETURN DISTINCT r.currency",
      "MATCH (a)-[r:invests_in]->(b) RETURN b.name, r.amount ORDER BY r.amount DESC SKIP 1 LIMIT 2",
      "MATCH (a)-[r:invests_in]->(b) RETURN r",
      "MATCH (a)-[r:invests_in]->(b) RETURN *",
      "MATCH (l {name: 'LinkedIn'})-[r:subsidiary_of]->(m)<-[:subsidiary_of*1..2]-(s) RETURN s.name, r.amount",
      "?who invests_in ?where",
      "?who invests_in Spain",
  };
  std::vector<QueryResult> from_groups;
  for (const auto& query : queries) {
    auto result = store_->Query(query);
    ASSERT_TRUE(result.ok()) << query << "\n" << result.status().ToString();
    from_groups.push_back(std::move(result).value());
  }
  store_.reset();
  testing::MakeFormat1(Path("kg.db"));
  auto format1 = GraphStore::Open(Path("kg.db"), OpenMode::kReadOnly);
  ASSERT_TRUE(format1.ok()) << format1.status().ToString();
  for (size_t i = 0; i < queries.size(); ++i) {
    auto result = (*format1)->Query(queries[i]);
    ASSERT_TRUE(result.ok()) << queries[i] << "\n" << result.status().ToString();
    EXPECT_EQ(result->columns, from_groups[i].columns) << queries[i];
    EXPECT_EQ(result->rows, from_groups[i].rows) << queries[i];
    EXPECT_FALSE(result->rows.empty()) << queries[i];
  }
}

// The amount, currency and date of a relationship come from `groups` (by a scan, or a seek when a walk
// reaches the fact), the rest from evidence: a doctored `groups` value shows which path answered.
TEST_F(QueryEngineTest, QualifierValuesComeFromTheGroupsFamily) {
  store_.reset();
  {
    auto db = store::RocksDb::Open(Path("kg.db"), store::RocksDb::Mode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    rocksdb::DB* rocks = (*db)->db();
    std::unique_ptr<rocksdb::Iterator> it(rocks->NewIterator(rocksdb::ReadOptions(), (*db)->cf(store::kGroups)));
    int doctored = 0;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      auto values = store::DecodeGroupValues(it->value().ToStringView());
      ASSERT_TRUE(values.ok());
      if (values->amount != 3.2e9) continue;
      ASSERT_TRUE(rocks->Put(rocksdb::WriteOptions(), (*db)->cf(store::kGroups), it->key(),
                             store::EncodeGroupValues(1.0, "XXX", "1999")).ok());
      ++doctored;
    }
    ASSERT_EQ(doctored, 1);
  }
  auto reopened = GraphStore::Open(Path("kg.db"), OpenMode::kReadOnly);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  store_ = std::move(reopened).value();
  EXPECT_EQ(Rows("MATCH (a)-[r:invests_in]->(b) WHERE b.name = 'Germany' RETURN r.amount, r.currency, r.date"),
            (Strings{"1 | XXX | 1999"}));
  EXPECT_EQ(Rows("MATCH (a)-[r:invests_in]->(b {name: 'Germany'}) RETURN r.amount"), (Strings{"1"}));
  EXPECT_EQ(Rows("MATCH (a)-[r:invests_in]->(b {name: 'Germany'}) RETURN r.amount, r.evidence_count"),
            (Strings{"3200000000 | 1"}));
}

TEST_F(QueryEngineTest, BadQueriesSayWhatIsWrongAndWhere) {
  EXPECT_EQ(Error("MATCH (a:Organisation) RETURN a"),
            "1:7: unknown label 'Organisation'; labels are Organization, Country, Person, City, Region, Facility, Other");
  EXPECT_EQ(Error("MATCH (a)-[:invest_in]->(b) RETURN a"),
            "1:10: unknown predicate 'invest_in'; see schemas/predicates.json");
  EXPECT_EQ(Error("MATCH (a)-[r:invests_in]->(b) RETURN r.price"),
            "1:38: unknown relationship property 'price'; relationships have amount, currency, date, period, "
            "confidence, evidence_count, sources and predicate");
  EXPECT_EQ(Error("MATCH (a) RETURN a.nmae"),
            "1:18: unknown node property 'nmae'; nodes have name, type, aliases, iso_code and external_id");
  EXPECT_EQ(Error("MATCH (a)-[r*1..2]->(b) RETURN r.amount"),
            "1:32: 'r' is a variable-length relationship, a list: it has no property 'amount'");
  EXPECT_EQ(Error("MATCH (a)-->(b) RETURN a.name, count(*) ORDER BY b.name"),
            "ORDER BY in a query with DISTINCT or aggregates can only use RETURN columns");
  EXPECT_NE(Error("MATCH (a RETURN a").find("1:10:"), std::string::npos);
}

}  // namespace
}  // namespace kg
