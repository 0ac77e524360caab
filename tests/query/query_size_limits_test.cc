// Issue 17, "no crash, ever", for queries: very long and very deep queries, built here by generators,
// either run or are refused with a positioned InvalidArgument (exit 2), and never overflow the stack.
// A flat chain of AND, OR or XOR is one node however long; other left-nested chains and patterns have
// bounds of their own.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kg/graph_store.h"
#include "query/cypher_ast_text.h"
#include "query/cypher_parser.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg {
namespace {

// `first`, then `count - 1` times `separator` and `term`: "true OR true OR true".
std::string Repeat(const std::string& term, const std::string& separator, size_t count) {
  std::string out;
  out.reserve(count * (term.size() + separator.size()));
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) out += separator;
    out += term;
  }
  return out;
}

// "1:<column>: ..." for a one-line query whose error is at byte `offset`.
std::string At(size_t offset) { return "1:" + std::to_string(offset + 1) + ": "; }

class QuerySizeLimitsTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = testing::OpenStoreWithFixture(Path("kg.db"), "tests/data/query/fixture.jsonl");
    ASSERT_NE(store_, nullptr);
  }

  // The single column of every row, as JSON unless a string.
  std::vector<std::string> Column(const std::string& query) {
    auto result = store_->Query(query);
    EXPECT_TRUE(result.ok()) << query.substr(0, 200) << "\n" << result.status().ToString();
    if (!result.ok()) return {"<error>"};
    std::vector<std::string> cells;
    for (const auto& row : result->rows) {
      cells.push_back(row.at(0).is_string() ? row.at(0).as_string() : ValueToJson(row.at(0)));
    }
    return cells;
  }

  // The message of the InvalidArgument that `query` must give.
  std::string Refusal(const std::string& query) {
    auto result = store_->Query(query);
    if (result.ok()) return "no error";
    EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument) << result.status().ToString();
    return result.status().message();
  }

  std::unique_ptr<GraphStore> store_;
};

using Strings = std::vector<std::string>;

TEST_F(QuerySizeLimitsTest, OrderByWithLimitKeepsTheTopRowsAsAFullSortWould) {
  // A cartesian product of thousands of rows, sorted on a key with many ties: ORDER BY … LIMIT holds only
  // about twice SKIP + LIMIT rows at a time, and must give what the full sort gives, ties in order.
  // Each row's three names, joined.
  auto rows = [&](const std::string& query) {
    Strings out;
    auto result = store_->Query(query);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    if (!result.ok()) return out;
    for (const auto& row : result->rows) out.push_back(ValueToJson(row.at(0)) + ValueToJson(row.at(1)) + ValueToJson(row.at(2)));
    return out;
  };
  const std::string product = "MATCH (a), (b), (c) RETURN a.name, b.name, c.name ORDER BY ";
  for (const std::string order : {"a.name DESC", "c.name, a.name DESC"}) {
    const Strings all = rows(product + order);
    ASSERT_GT(all.size(), 2500u);  // enough to trim the held rows at LIMIT 600 (2 × 600 + 1024 held)
    const Strings top = rows(product + order + " SKIP 2 LIMIT 5");
    EXPECT_EQ(top, Strings(all.begin() + 2, all.begin() + 7)) << order;
    const Strings many = rows(product + order + " LIMIT 600");
    EXPECT_EQ(many, Strings(all.begin(), all.begin() + 600)) << order;
  }
}

TEST_F(QuerySizeLimitsTest, TwelveThousandOrsRunAndMeanOr) {
  const std::string ors = Repeat("true", " OR ", 12000);
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) WHERE " + ors + " RETURN a.name"), Strings{"Spain"});
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) WHERE " + Repeat("false", " OR ", 12000) + " OR a.name = 'Spain' "
                   "RETURN a.name"),
            Strings{"Spain"});
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) WHERE " + Repeat("false", " OR ", 12000) + " RETURN a.name"), Strings{});
}

TEST_F(QuerySizeLimitsTest, FiftyThousandAndsRunAndMeanAnd) {
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) WHERE " + Repeat("a.name = 'Spain'", " AND ", 50000) + " RETURN a.name"),
            Strings{"Spain"});
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) WHERE " + Repeat("true", " AND ", 50000) + " AND false RETURN a.name"),
            Strings{});
}

TEST_F(QuerySizeLimitsTest, LongChainsKeepCyphersNullRules) {
  // AND: any false wins over null; OR: any true wins over null; XOR: null whenever an operand is null.
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) RETURN " + Repeat("true", " AND ", 1000) + " AND null AND false"),
            Strings{"false"});
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) RETURN " + Repeat("true", " AND ", 1000) + " AND null"), Strings{"null"});
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) RETURN " + Repeat("false", " OR ", 1000) + " OR null OR true"),
            Strings{"true"});
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) RETURN " + Repeat("false", " OR ", 1000) + " OR null"), Strings{"null"});
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) RETURN " + Repeat("true", " XOR ", 1001)), Strings{"true"});
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) RETURN " + Repeat("true", " XOR ", 1000)), Strings{"false"});
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) RETURN " + Repeat("true", " XOR ", 1000) + " XOR null"), Strings{"null"});
  EXPECT_EQ(Refusal("MATCH (a {name:'Spain'}) RETURN " + Repeat("true", " OR ", 1000) + " OR 1"),
            "AND, OR and XOR expect booleans");
}

TEST_F(QuerySizeLimitsTest, LongComparisonChainsRun) {
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) RETURN " + Repeat("1", " <= ", 20000)), Strings{"true"});
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) RETURN " + Repeat("1", " <= ", 20000) + " < 1"), Strings{"false"});
}

TEST_F(QuerySizeLimitsTest, ManyWhereClausesJoinIntoOneAnd) {
  std::string query;
  for (int i = 0; i < 100; ++i) query += "MATCH (a {name:'Spain'}) WHERE a.name = 'Spain' ";
  EXPECT_EQ(Column(query + "RETURN a.name"), Strings{"Spain"});
  Result<query::Query> parsed = query::ParseCypher(query + "RETURN a.name");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->where->kind, query::Expr::Kind::kAnd);
  EXPECT_EQ(parsed->where->args.size(), 100u);
}

TEST_F(QuerySizeLimitsTest, AHundredThousandElementListRuns) {
  const std::string list = "[" + Repeat("1", ", ", 100000) + "]";
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) RETURN size(" + list + ")"), Strings{"100000"});
  EXPECT_EQ(Column("MATCH (a {name:'Spain'}) WHERE 1 IN " + list + " RETURN a.name"), Strings{"Spain"});
}

TEST_F(QuerySizeLimitsTest, LongArithmeticIsRefusedAtItsFirstOperator) {
  const std::string query = "MATCH (a {name:'Spain'}) RETURN " + Repeat("'a'", " + ", 100000);
  EXPECT_EQ(Refusal(query), At(query.find('+')) + "arithmetic ('+') is not supported by kg's Cypher subset");
}

TEST_F(QuerySizeLimitsTest, DeepNestingOfEveryKindIsRefusedWithItsPosition) {
  const std::string head = "MATCH (a {name:'Spain'}) RETURN ";
  const size_t start = head.size();
  // The 201st level, where the refusal points, opens at byte start + 200 for one-byte openers.
  EXPECT_EQ(Refusal(head + std::string(50000, '(') + "1" + std::string(50000, ')')),
            At(start + 200) + "expression nested deeper than 200 levels");
  EXPECT_EQ(Refusal(head + std::string(50000, '[') + "1" + std::string(50000, ']')),
            At(start + 200) + "expression nested deeper than 200 levels");
  EXPECT_EQ(Refusal(head + std::string(50000, '-') + "1"), At(start + 200) + "expression nested deeper than 200 levels");
  EXPECT_EQ(Refusal(head + Repeat("NOT", " ", 50000) + " true"),
            At(start + 200 * 4) + "expression nested deeper than 200 levels");
  EXPECT_EQ(Refusal(head + Repeat("size(", "", 50000) + "'x'" + std::string(50000, ')')),
            At(start + 200 * 5) + "expression nested deeper than 200 levels");
  // Not a crash either when the query is otherwise broken.
  EXPECT_EQ(Refusal(head + std::string(50000, '(')), At(start + 200) + "expression nested deeper than 200 levels");
}

TEST_F(QuerySizeLimitsTest, LeftNestedChainsAreRefusedBeforeTheyAreDeep) {
  const std::string head = "MATCH (a {name:'Spain'}) RETURN ";
  // IN, the string tests and IS NULL nest to the left: each link is a level.
  std::string refusal = Refusal(head + "1" + Repeat(" IN [true]", "", 50000));
  EXPECT_NE(refusal.find("expression nested deeper than 200 levels"), std::string::npos) << refusal;
  refusal = Refusal(head + "'x'" + Repeat(" IS NULL", "", 50000));
  EXPECT_NE(refusal.find("expression nested deeper than 200 levels"), std::string::npos) << refusal;
  refusal = Refusal(head + "a.name" + Repeat(" STARTS WITH 'S' = true", "", 50000));
  EXPECT_NE(refusal.find("expression nested deeper than 200 levels"), std::string::npos) << refusal;
  // The refusal names the link that makes the tree too tall: ([true] is two levels) 1 IN [true] is
  // three, and each further IN one more, so the 199th IN makes 201.
  const std::string query = head + "1" + Repeat(" IN [true]", "", 500);
  EXPECT_EQ(Refusal(query), At(head.size() + 1 + 198 * 10 + 1) + "expression nested deeper than 200 levels");
  // Shorter chains run.
  EXPECT_EQ(Column(head + "'x'" + Repeat(" IS NULL", "", 150)), Strings{"false"});
}

TEST_F(QuerySizeLimitsTest, PatternsOfThousandsOfHopsAreRefused) {
  std::string path = "(n0)";
  for (int i = 1; i < 5000; ++i) path += "-->(n" + std::to_string(i) + ")";
  const std::string query = "MATCH " + path + " RETURN n0.name";
  const size_t node_129 = query.find("(n128)");
  EXPECT_EQ(Refusal(query),
            At(node_129) + "the MATCH patterns hold more than 128 nodes; kg matches at most that many in one query");
  EXPECT_EQ(Refusal("MATCH " + Repeat("()", "-->", 5000) + " RETURN 1").rfind(At(6 + 128 * 5), 0), 0u);
  // Across comma-separated patterns and MATCH clauses too.
  EXPECT_NE(Refusal("MATCH " + Repeat("(a)", ", ", 200) + " RETURN a").find("more than 128 nodes"), std::string::npos);
  EXPECT_NE(Refusal(Repeat("MATCH (a)", " ", 200) + " RETURN a").find("more than 128 nodes"), std::string::npos);
  // The shorthand goes through the same bound in the planner.
  EXPECT_NE(Refusal(Repeat("?a invests_in ?b", " . ", 100)).find("more than 128 nodes"), std::string::npos);
  // A long pattern within the bound runs: 127 hops along a chain the fixture does not have.
  EXPECT_EQ(Column("MATCH " + Repeat("()", "-[:subsidiary_of]->", 128) + " RETURN 1"), Strings{});
}

}  // namespace
}  // namespace kg
