#include "query/cypher_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "query/cypher_ast_text.h"

namespace kg::query {
namespace {

// The parsed query as DescribeQuery prints it, or the error.
std::string Describe(std::string_view text) {
  Result<Query> query = ParseCypher(text);
  if (!query.ok()) return "error: " + query.status().ToString();
  return DescribeQuery(*query);
}

// The WHERE condition of "MATCH (a), (b) WHERE <condition> RETURN a".
std::string Where(const std::string& condition) {
  Result<Query> query = ParseCypher("MATCH (a), (b) WHERE " + condition + " RETURN a");
  if (!query.ok()) return "error: " + query.status().ToString();
  return DescribeExpr(*query->where);
}

Query Parse(std::string_view text) {
  Result<Query> query = ParseCypher(text);
  EXPECT_TRUE(query.ok()) << text << ": " << query.status().ToString();
  return query.ok() ? *query : Query{};
}

TEST(CypherParserTest, ReadsTheSmallestQuery) {
  Query q = Parse("MATCH (a) RETURN a");
  ASSERT_EQ(q.patterns.size(), 1u);
  ASSERT_EQ(q.patterns[0].nodes.size(), 1u);
  EXPECT_EQ(q.patterns[0].nodes[0].variable, "a");
  EXPECT_EQ(q.patterns[0].nodes[0].position, 6u);
  ASSERT_EQ(q.items.size(), 1u);
  EXPECT_EQ(q.items[0].expr.kind, Expr::Kind::kVariable);
  EXPECT_EQ(q.items[0].alias, "a");
  EXPECT_FALSE(q.where.has_value());
  EXPECT_FALSE(q.distinct);
  EXPECT_FALSE(q.skip.has_value());
  EXPECT_FALSE(q.limit.has_value());
}

TEST(CypherParserTest, ReadsNodePatterns) {
  EXPECT_EQ(Describe("MATCH (), (a) RETURN a"), "MATCH (), (a) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (a:Organization) RETURN a"), "MATCH (a:Organization) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (a:Organization:Country) RETURN a"), "MATCH (a:Organization:Country) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (a {name: 'Microsoft', type: 'Organization'}) RETURN a"),
            "MATCH (a {name: 'Microsoft', type: 'Organization'}) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (:Country {code: 'ES'}), (a) RETURN a"),
            "MATCH (:Country {code: 'ES'}), (a) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (a {}) RETURN a"), "MATCH (a) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (`my node`:`Big Label`) RETURN `my node`"),
            "MATCH (my node:Big Label) RETURN my node AS `my node`");
}

TEST(CypherParserTest, PropertyMapsHoldLiterals) {
  Query q = Parse("MATCH (a {n: 1, f: -2.5, s: \"x\", b: true, z: null, l: [1, 'a', -3], neg: -7}) RETURN a");
  const auto& props = q.patterns[0].nodes[0].properties;
  ASSERT_EQ(props.size(), 7u);
  EXPECT_EQ(props[0].second.literal, Value(1));
  EXPECT_EQ(props[1].second.literal, Value(-2.5));
  EXPECT_EQ(props[2].second.literal, Value("x"));
  EXPECT_EQ(props[3].second.literal, Value(true));
  EXPECT_TRUE(props[4].second.literal.is_null());
  EXPECT_EQ(props[5].second.kind, Expr::Kind::kList);
  EXPECT_EQ(DescribeExpr(props[5].second), "[1, 'a', -3]");
  EXPECT_EQ(props[6].second.literal, Value(-7));
  EXPECT_EQ(props[6].second.position, 73u);
}

TEST(CypherParserTest, ReadsEveryRelationshipShape) {
  EXPECT_EQ(Describe("MATCH (a)-->(b) RETURN a"), "MATCH (a)-[]->(b) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (a)<--(b) RETURN a"), "MATCH (a)<-[]-(b) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (a)--(b) RETURN a"), "MATCH (a)-[]-(b) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (a)-[r]->(b) RETURN r"), "MATCH (a)-[r]->(b) RETURN r AS r");
  EXPECT_EQ(Describe("MATCH (a)<-[r]-(b) RETURN r"), "MATCH (a)<-[r]-(b) RETURN r AS r");
  EXPECT_EQ(Describe("MATCH (a)-[r]-(b) RETURN r"), "MATCH (a)-[r]-(b) RETURN r AS r");
  EXPECT_EQ(Describe("MATCH (a)-[]->(b) RETURN a"), "MATCH (a)-[]->(b) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (a)-[:invests_in|acquires]->(b) RETURN a"),
            "MATCH (a)-[:invests_in|acquires]->(b) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (a)-[:invests_in|:acquires]->(b) RETURN a"),
            "MATCH (a)-[:invests_in|acquires]->(b) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (a)-[r {currency: 'EUR'}]->(b) RETURN a"),
            "MATCH (a)-[r {currency: 'EUR'}]->(b) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (a) - [ r : x ] -> (b) RETURN a"), "MATCH (a)-[r:x]->(b) RETURN a AS a");
}

TEST(CypherParserTest, RelationshipFieldsAndPositions) {
  Query q = Parse("MATCH (a)<-[r:x]-(b) RETURN r");
  const RelPattern& rel = q.patterns[0].rels[0];
  EXPECT_EQ(rel.direction, Direction::kIn);
  EXPECT_EQ(rel.variable, "r");
  EXPECT_EQ(rel.types, std::vector<std::string>{"x"});
  EXPECT_FALSE(rel.variable_length);
  EXPECT_EQ(rel.min_hops, 1);
  EXPECT_EQ(rel.max_hops, 1);
  EXPECT_EQ(rel.position, 9u);
  EXPECT_EQ(q.patterns[0].nodes[1].position, 17u);
}

TEST(CypherParserTest, ReadsVariableLengthBounds) {
  auto hops = [](const std::string& range) {
    Query q = Parse("MATCH (a)-[r:subsidiary_of" + range + "]->(b) RETURN a");
    if (q.patterns.empty()) return std::string("error");
    const RelPattern& rel = q.patterns[0].rels[0];
    return std::to_string(rel.variable_length) + " " + std::to_string(rel.min_hops) + ".." +
           std::to_string(rel.max_hops);
  };
  EXPECT_EQ(hops(""), "0 1..1");
  EXPECT_EQ(hops("*"), "1 1..16");
  EXPECT_EQ(hops("*2"), "1 2..2");
  EXPECT_EQ(hops("*2.."), "1 2..16");
  EXPECT_EQ(hops("*..3"), "1 1..3");
  EXPECT_EQ(hops("*1..3"), "1 1..3");
  EXPECT_EQ(hops("* 1 .. 3"), "1 1..3");
  EXPECT_EQ(hops("*0..2"), "1 0..2");
  EXPECT_EQ(hops("*16"), "1 16..16");
  EXPECT_EQ(hops("*3..3"), "1 3..3");
  EXPECT_EQ(Describe("MATCH (a)-[*]-(b) RETURN a"), "MATCH (a)-[*1..16]-(b) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (a)-[r:x*1..3 {k: 1}]->(b) RETURN a"), "MATCH (a)-[r:x*1..3 {k: 1}]->(b) RETURN a AS a");
}

TEST(CypherParserTest, ReadsChainedAndCommaSeparatedPatterns) {
  Query q = Parse("MATCH (a)-[r]->(b)<-[s]-(c), (d) RETURN a");
  ASSERT_EQ(q.patterns.size(), 2u);
  EXPECT_EQ(q.patterns[0].nodes.size(), 3u);
  EXPECT_EQ(q.patterns[0].rels.size(), 2u);
  EXPECT_EQ(q.patterns[0].rels[0].direction, Direction::kOut);
  EXPECT_EQ(q.patterns[0].rels[1].direction, Direction::kIn);
  EXPECT_EQ(q.patterns[1].nodes.size(), 1u);
  EXPECT_EQ(DescribeQuery(q), "MATCH (a)-[r]->(b)<-[s]-(c), (d) RETURN a AS a");
}

TEST(CypherParserTest, JoinsSeveralMatchClausesAndAndsTheirWheres) {
  EXPECT_EQ(Describe("MATCH (a) WHERE a.x = 1 MATCH (a)-->(b) WHERE b.y = 2 MATCH (c) WHERE c.z = 3 RETURN a"),
            "MATCH (a), (a)-[]->(b), (c) WHERE ((a.x = 1) AND (b.y = 2) AND (c.z = 3)) RETURN a AS a");
  EXPECT_EQ(Describe("MATCH (a) MATCH (b) RETURN a, b"), "MATCH (a), (b) RETURN a AS a, b AS b");
}

TEST(CypherParserTest, KeywordsIgnoreCase) {
  EXPECT_EQ(Describe("match (a) where a.x is not null return distinct a order by a.x desc skip 1 limit 2"),
            "MATCH (a) WHERE (a.x IS NOT NULL) RETURN DISTINCT a AS a ORDER BY a.x DESC SKIP 1 LIMIT 2");
}

TEST(CypherParserTest, ReadsReturnOptions) {
  Query q = Parse("MATCH (a)-[r]->(b) RETURN DISTINCT a.name AS who, b ORDER BY who DESC, b.name SKIP 5 LIMIT 10;");
  EXPECT_TRUE(q.distinct);
  ASSERT_EQ(q.items.size(), 2u);
  EXPECT_EQ(q.items[0].alias, "who");
  EXPECT_EQ(q.items[0].expr.kind, Expr::Kind::kProperty);
  EXPECT_EQ(q.items[0].expr.name, "a");
  EXPECT_EQ(q.items[0].expr.property, "name");
  ASSERT_EQ(q.order_by.size(), 2u);
  EXPECT_TRUE(q.order_by[0].descending);
  EXPECT_EQ(q.order_by[0].expr.name, "who");
  EXPECT_FALSE(q.order_by[1].descending);
  EXPECT_EQ(q.skip, 5);
  EXPECT_EQ(q.limit, 10);
  EXPECT_EQ(Describe("MATCH (a) RETURN a ORDER BY a.x ASC, a.y ASCENDING, a.z DESCENDING"),
            "MATCH (a) RETURN a AS a ORDER BY a.x, a.y, a.z DESC");
  EXPECT_EQ(Describe("MATCH (a) RETURN a LIMIT 0"), "MATCH (a) RETURN a AS a LIMIT 0");
  EXPECT_EQ(Describe("MATCH (a) RETURN a SKIP 0"), "MATCH (a) RETURN a AS a SKIP 0");
}

TEST(CypherParserTest, ReturnStar) {
  Query q = Parse("MATCH (a)-[r]->(b) RETURN *");
  EXPECT_TRUE(q.return_all);
  EXPECT_TRUE(q.items.empty());
  EXPECT_EQ(Describe("MATCH (a)-->() RETURN *, a.name AS name"), "MATCH (a)-[]->() RETURN *, a.name AS name");
  EXPECT_EQ(Describe("MATCH (a) RETURN DISTINCT *"), "MATCH (a) RETURN DISTINCT *");
  EXPECT_EQ(Describe("MATCH (a) RETURN * ORDER BY a.name"), "MATCH (a) RETURN * ORDER BY a.name");
}

TEST(CypherParserTest, AliasesAreTheSourceTextUnlessGiven) {
  Query q =
      Parse("MATCH (a)-[r]->(b) RETURN a.name, count(*), count( DISTINCT b ), type(r) AS t, (a.x), toLower(a.name) ,a");
  ASSERT_EQ(q.items.size(), 7u);
  EXPECT_EQ(q.items[0].alias, "a.name");
  EXPECT_EQ(q.items[1].alias, "count(*)");
  EXPECT_EQ(q.items[2].alias, "count( DISTINCT b )");
  EXPECT_EQ(q.items[3].alias, "t");
  EXPECT_EQ(q.items[4].alias, "(a.x)");
  EXPECT_EQ(q.items[5].alias, "toLower(a.name)");
  EXPECT_EQ(q.items[6].alias, "a");
  EXPECT_EQ(Parse("MATCH (a) RETURN a.name AS `the name`").items[0].alias, "the name");
  EXPECT_EQ(Parse("MATCH (a) RETURN a.name AS order").items[0].alias, "order");  // a keyword is fine here
  EXPECT_EQ(Parse("MATCH (a) RETURN a.x = 'a' /* c */ AND true").items[0].alias, "a.x = 'a' /* c */ AND true");
}

TEST(CypherParserTest, OrderByMayUseReturnAliases) {
  EXPECT_EQ(Describe("MATCH (a)-->(b) RETURN a.name AS who, count(*) AS n ORDER BY n DESC, who"),
            "MATCH (a)-[]->(b) RETURN a.name AS who, count(*) AS n ORDER BY n DESC, who");
  EXPECT_EQ(Describe("MATCH (a) RETURN count(*) ORDER BY count(*)"),
            "MATCH (a) RETURN count(*) AS count(*) ORDER BY count(*)");
}

TEST(CypherParserTest, PrecedenceOfLogicalOperators) {
  EXPECT_EQ(Where("a.x OR a.y AND b.z"), "(a.x OR (a.y AND b.z))");
  EXPECT_EQ(Where("a.x AND a.y OR b.z"), "((a.x AND a.y) OR b.z)");
  EXPECT_EQ(Where("a.x OR a.y XOR b.z"), "(a.x OR (a.y XOR b.z))");
  EXPECT_EQ(Where("a.x XOR a.y AND b.z"), "(a.x XOR (a.y AND b.z))");
  EXPECT_EQ(Where("a.x OR a.y OR b.z"), "(a.x OR a.y OR b.z)");
  EXPECT_EQ(Where("a.x XOR a.y XOR b.z AND b.y AND a.y"), "(a.x XOR a.y XOR (b.z AND b.y AND a.y))");
  EXPECT_EQ(Where("NOT a.x AND b.y"), "((NOT a.x) AND b.y)");
  EXPECT_EQ(Where("NOT a.x = 1"), "(NOT (a.x = 1))");
  EXPECT_EQ(Where("NOT NOT a.x"), "(NOT (NOT a.x))");
  EXPECT_EQ(Where("(a.x OR a.y) AND b.z"), "((a.x OR a.y) AND b.z)");
}

TEST(CypherParserTest, ComparisonsAndStringPredicates) {
  EXPECT_EQ(Where("a.x = 1 AND a.y <> 2 AND a.z < 3 AND b.w <= 4 AND b.v > 5 AND b.u >= 6"),
            "((a.x = 1) AND (a.y <> 2) AND (a.z < 3) AND (b.w <= 4) AND (b.v > 5) AND (b.u >= 6))");
  EXPECT_EQ(Where("a.name STARTS WITH 'Micro'"), "(a.name STARTS WITH 'Micro')");
  EXPECT_EQ(Where("a.name ends with 'soft'"), "(a.name ENDS WITH 'soft')");
  EXPECT_EQ(Where("a.name CONTAINS 'cros'"), "(a.name CONTAINS 'cros')");
  EXPECT_EQ(Where("a.name IN ['x', \"y\"]"), "(a.name IN ['x', 'y'])");
  EXPECT_EQ(Where("a.name IS NULL OR b.name IS NOT NULL"), "((a.name IS NULL) OR (b.name IS NOT NULL))");
  EXPECT_EQ(Where("a.x = b.x"), "(a.x = b.x)");
  EXPECT_EQ(Where("1 < a.x < 3"), "((1 < a.x) AND (a.x < 3))");
  EXPECT_EQ(Where("1 < a.x <= 3 < b.y"), "((1 < a.x) AND (a.x <= 3) AND (3 < b.y))");
  EXPECT_EQ(Where("1 < a.x IN [true] = true"), "(((1 < a.x) IN [true]) = true)");
  EXPECT_EQ(Where("a.x<-1"), "(a.x < -1)");
  EXPECT_EQ(Where("a.x = -b.y"), "(a.x = (-b.y))");
  EXPECT_EQ(Where("-a.x = 1"), "((-a.x) = 1)");
  EXPECT_EQ(Where("- - 1 = 1"), "(1 = 1)");
}

TEST(CypherParserTest, ReadsLiteralsAndLists) {
  EXPECT_EQ(Where("a.x IN [1, 2.5, .5, 1e9, 'a', true, FALSE, Null, [], [1, [2]]]"),
            "(a.x IN [1, 2.5, 0.5, 1e+09, 'a', true, false, null, [], [1, [2]]])");
  Query q = Parse("MATCH (a) WHERE a.x = 'it\\'s \\u00e9' RETURN a");
  EXPECT_EQ(q.where->args[1].literal, Value("it's é"));
  EXPECT_EQ(q.where->position, 16u);
  EXPECT_EQ(q.where->args[1].position, 22u);
}

TEST(CypherParserTest, ReadsFunctionCalls) {
  Query q = Parse(
      "MATCH (a)-[r]->(b) RETURN COUNT(*), Count(DISTINCT b.name), toLower(a.name), type(r), "
      "coalesce(a.x, b.x, 'none'), collect(b)");
  ASSERT_EQ(q.items.size(), 6u);
  EXPECT_EQ(q.items[0].expr.kind, Expr::Kind::kCountStar);
  EXPECT_EQ(q.items[1].expr.kind, Expr::Kind::kFunction);
  EXPECT_EQ(q.items[1].expr.name, "count");
  EXPECT_TRUE(q.items[1].expr.distinct);
  EXPECT_EQ(q.items[2].expr.name, "tolower");
  EXPECT_FALSE(q.items[2].expr.distinct);
  EXPECT_EQ(q.items[3].expr.args[0].kind, Expr::Kind::kVariable);
  EXPECT_EQ(q.items[4].expr.args.size(), 3u);
  EXPECT_EQ(DescribeExpr(q.items[1].expr), "count(DISTINCT b.name)");
  for (const char* fn :
       {"sum", "min", "max", "avg", "collect", "id", "labels", "size", "toupper", "tostring", "tointeger", "tofloat"}) {
    EXPECT_EQ(Describe(std::string("MATCH (a) RETURN ") + fn + "(a.x) AS v"),
              std::string("MATCH (a) RETURN ") + fn + "(a.x) AS v");
  }
  EXPECT_EQ(Describe("MATCH (a) RETURN sum(DISTINCT a.x) AS s"), "MATCH (a) RETURN sum(DISTINCT a.x) AS s");
  EXPECT_EQ(Where("size(a.name) > 3"), "(size(a.name) > 3)");
}

TEST(CypherParserTest, KeywordsMayNameLabelsTypesAndKeys) {
  EXPECT_EQ(Describe("MATCH (a:Match {order: 1})-[:in]->(b) RETURN a.limit AS l"),
            "MATCH (a:Match {order: 1})-[:in]->(b) RETURN a.limit AS l");
}

TEST(CypherParserTest, CommentsAndNewlines) {
  EXPECT_EQ(Describe("// who invested where\nMATCH (a)-[:invests_in]->(b) /* any b */\nRETURN a.name\n;\n"),
            "MATCH (a)-[:invests_in]->(b) RETURN a.name AS a.name");
}

TEST(CypherParserTest, UnicodeNamesAndStrings) {
  EXPECT_EQ(Describe("MATCH (société {name: 'Société Générale'})-->(país) RETURN país.name"),
            "MATCH (société {name: 'Société Générale'})-[]->(país) RETURN país.name AS país.name");
}

}  // namespace
}  // namespace kg::query
