// The errors of ParseCypher: every message, with its line and column.
#include <gtest/gtest.h>

#include <string>

#include "query/cypher_parser.h"

namespace kg::query {
namespace {

// The message of the InvalidArgument error that `text` must give.
std::string ErrorOf(std::string_view text) {
  Result<Query> query = ParseCypher(text);
  if (query.ok()) return "no error";
  EXPECT_EQ(query.status().code(), StatusCode::kInvalidArgument) << text;
  return query.status().message();
}

TEST(CypherParserErrorTest, NamesTheExpectedTokenAndWhatWasFound) {
  EXPECT_EQ(ErrorOf(""), "1:1: expected MATCH, found end of query");
  EXPECT_EQ(ErrorOf("MATCHH (a) RETURN a"), "1:1: expected MATCH, found 'MATCHH'");
  EXPECT_EQ(ErrorOf("MATCH (a:Organization WHERE a.name = 'x') RETURN a"),
            "1:23: expected ')' to close the node pattern, found 'WHERE'");
  EXPECT_EQ(ErrorOf("MATCH (a:Organization) WHERE a.name = 'Microsoft'"),
            "1:50: expected RETURN after the MATCH clause, found end of query");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURNS a"), "1:11: expected RETURN after the MATCH clause, found 'RETURNS'");
  EXPECT_EQ(ErrorOf("MATCH RETURN a"), "1:7: expected '(' to start a node pattern, found 'RETURN'");
  EXPECT_EQ(ErrorOf("MATCH (a:) RETURN a"), "1:10: expected a label after ':', found ')'");
  EXPECT_EQ(ErrorOf("MATCH (a)-(b) RETURN a"), "1:11: expected '-', '->' or '[' after '-', found '('");
  EXPECT_EQ(ErrorOf("MATCH (a)<-(b) RETURN a"), "1:12: expected '-' or '[' after '<-', found '('");
  EXPECT_EQ(ErrorOf("MATCH (a)-[r(b) RETURN a"), "1:13: expected ']' to close the relationship pattern, found '('");
  EXPECT_EQ(ErrorOf("MATCH (a)-[r]>(b) RETURN a"),
            "1:14: expected '-' or '->' to end the relationship pattern, found '>'");
  EXPECT_EQ(ErrorOf("MATCH (a)<-[r]->(b) RETURN a"),
            "1:10: a relationship pattern cannot point both ways; write -[...]- to match either direction");
  EXPECT_EQ(ErrorOf("MATCH (a)-[r]-> RETURN a"),
            "1:17: expected '(' for the node after the relationship, found 'RETURN'");
  EXPECT_EQ(ErrorOf("MATCH (a)-[:]->(b) RETURN a"), "1:13: expected a relationship type after ':', found ']'");
  EXPECT_EQ(ErrorOf("MATCH (a)-[:x|]->(b) RETURN a"), "1:15: expected a relationship type after '|', found ']'");
  EXPECT_EQ(ErrorOf("MATCH (a)-[*..]->(b) RETURN a"), "1:15: expected a maximum number of hops after '..', found ']'");
  EXPECT_EQ(ErrorOf("MATCH (a {name 'x'}) RETURN a"), "1:16: expected ':' after the property name, found ''x''");
  EXPECT_EQ(ErrorOf("MATCH (a {name: 'x' type: 'y'}) RETURN a"),
            "1:21: expected ',' or '}' in the property map, found 'type'");
  EXPECT_EQ(ErrorOf("MATCH (a {: 'x'}) RETURN a"), "1:11: expected a property name, found ':'");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN"), "1:17: expected an expression, found end of query");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a ORDER a"), "1:26: expected BY after ORDER, found 'a'");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a LIMIT -1"), "1:26: expected a non-negative integer after LIMIT, found '-'");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a SKIP 1.5"), "1:25: expected a non-negative integer after SKIP, found '1.5'");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a LIMIT"),
            "1:25: expected a non-negative integer after LIMIT, found end of query");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a.name a"),
            "1:25: expected ',', ORDER BY, SKIP, LIMIT or the end of the query, found 'a'");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a SKIP 1 SKIP 2"), "1:27: expected LIMIT or the end of the query, found 'SKIP'");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a LIMIT 1 LIMIT 2"), "1:28: expected the end of the query, found 'LIMIT'");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a ORDER BY a.x a"),
            "1:33: expected ',', SKIP, LIMIT or the end of the query, found 'a'");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a; RETURN a"), "1:21: expected the end of the query after ';', found 'RETURN'");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a AS"), "1:22: expected a column name after AS, found end of query");
}

TEST(CypherParserErrorTest, ExpressionErrors) {
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE a.x = RETURN a"), "1:23: expected an expression, found 'RETURN'");
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE (a.x = 1 RETURN a"),
            "1:26: expected ')' to close the parenthesis, found 'RETURN'");
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE a.x IN [1 2] RETURN a"), "1:27: expected ',' or ']' in the list, found '2'");
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE a.x STARTS 'M' RETURN a"), "1:28: expected WITH after STARTS, found ''M''");
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE a.x ENDS 'M' RETURN a"), "1:26: expected WITH after ENDS, found ''M''");
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE a.x IS 1 RETURN a"), "1:24: expected NULL after IS, found '1'");
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE a.x IS NOT 1 RETURN a"), "1:28: expected NULL after IS NOT, found '1'");
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE a. = 1 RETURN a"), "1:20: expected a property name after '.', found '='");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a.b.c"),
            "1:21: property access is only supported on a variable, as in a.name, by kg's Cypher subset");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a[0]"), "1:19: list indexing is not supported by kg's Cypher subset");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a.x + 1"), "1:22: arithmetic ('+') is not supported by kg's Cypher subset");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a.x - 1"), "1:22: arithmetic ('-') is not supported by kg's Cypher subset");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a.x * 2"), "1:22: arithmetic ('*') is not supported by kg's Cypher subset");
  EXPECT_EQ(ErrorOf("MATCH (a), (b) WHERE (a)-->(b) RETURN a"),
            "1:25: pattern expressions such as (a)-->(b) are not supported in expressions by kg's Cypher subset; "
            "put the pattern in MATCH");
  EXPECT_EQ(ErrorOf("MATCH (a), (b) WHERE (a)<-[]-(b) RETURN a"),
            "1:25: pattern expressions such as (a)-->(b) are not supported in expressions by kg's Cypher subset; "
            "put the pattern in MATCH");
}

TEST(CypherParserErrorTest, FunctionErrors) {
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE exists(a.name) RETURN a"),
            "1:17: unknown function 'exists'; kg supports avg, coalesce, collect, count, id, labels, max, min, size, "
            "sum, toFloat, toInteger, toLower, toString, toUpper, type");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN toLower(DISTINCT a.name)"),
            "1:26: DISTINCT is only allowed in aggregate functions, not in toLower()");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN toLower(a.name, 1)"), "1:18: expected 1 argument for toLower(), found 2");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN count()"), "1:18: expected 1 argument for count(), found 0");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN coalesce()"), "1:18: expected at least 1 argument for coalesce(), found 0");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN size(a.x"),
            "1:26: expected ',' or ')' after the argument of size(), found end of query");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN count(* )x"),
            "1:27: expected ',', ORDER BY, SKIP, LIMIT or the end of the query, found 'x'");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN count(*"), "1:25: expected ')' after count(*, found end of query");
}

TEST(CypherParserErrorTest, HopRangeErrors) {
  EXPECT_EQ(ErrorOf("MATCH (a)-[*3..1]->(b) RETURN a"),
            "1:12: invalid hop range '*3..1': the minimum is larger than the maximum");
  EXPECT_EQ(ErrorOf("MATCH (a)-[*1..17]->(b) RETURN a"),
            "1:12: invalid hop range '*1..17': kg follows at most 16 hops");
  EXPECT_EQ(ErrorOf("MATCH (a)-[*20]->(b) RETURN a"), "1:12: invalid hop range '*20': kg follows at most 16 hops");
  EXPECT_EQ(ErrorOf("MATCH (a)-[*20..]->(b) RETURN a"),
            "1:12: invalid hop range '*20..': the minimum is larger than the maximum");
  EXPECT_EQ(ErrorOf("MATCH (a)-[*0]->(b) RETURN a"), "1:12: invalid hop range '*0': at least one hop is needed");
  EXPECT_EQ(ErrorOf("MATCH (a)-[*1.5]->(b) RETURN a"),
            "1:13: expected ']' to close the relationship pattern, found '1.5'");
}

TEST(CypherParserErrorTest, PropertyValuesMustBeLiterals) {
  EXPECT_EQ(ErrorOf("MATCH (a), (b {name: a.name}) RETURN a"),
            "1:22: expected a literal value for property 'name', found 'a.name'");
  EXPECT_EQ(ErrorOf("MATCH (a {name: 'x', name: 'y'}) RETURN a"), "1:22: property 'name' is given twice");
}

TEST(CypherParserErrorTest, VariablesMustBeBound) {
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE b.name = 'x' RETURN a"), "1:17: variable 'b' is not defined by a MATCH pattern");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a, count(DISTINCT c)"), "1:36: variable 'c' is not defined by a MATCH pattern");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a.name AS n ORDER BY m"), "1:39: variable 'm' is not defined by a MATCH pattern");
  // A WHERE sees the patterns of its own MATCH and the MATCHes before it, not later ones.
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE b.x = 1 MATCH (b) RETURN a"),
            "1:17: variable 'b' is not defined by a MATCH pattern");
  EXPECT_EQ(ErrorOf("MATCH (a)-[a]->(b) RETURN a"), "1:10: variable 'a' is used for both a node and a relationship");
  EXPECT_EQ(ErrorOf("MATCH (a)-[r]->(b), (r) RETURN a"),
            "1:21: variable 'r' is used for both a node and a relationship");
  EXPECT_EQ(ErrorOf("MATCH (a)-[r]->(b)-[r]->(c) RETURN a"),
            "1:19: relationship variable 'r' is used twice; each relationship pattern needs its own variable");
}

TEST(CypherParserErrorTest, AggregateAndColumnRules) {
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE count(*) > 1 RETURN a"),
            "1:17: aggregate function count() is not allowed in WHERE");
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE size(collect(a)) > 1 RETURN a"),
            "1:22: aggregate function collect() is not allowed in WHERE");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN count(sum(a.x))"),
            "1:24: aggregate function sum() cannot be used inside count()");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a.name, a.name"), "1:26: column 'a.name' is returned twice; rename one with AS");
  EXPECT_EQ(ErrorOf("MATCH (a), (b) RETURN a.name AS x, b.name AS x"),
            "1:36: column 'x' is returned twice; rename one with AS");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN *, a"), "1:21: column 'a' is returned twice; rename one with AS");
  EXPECT_EQ(ErrorOf("MATCH ()-->() RETURN *"),
            "1:22: RETURN * has nothing to return: no MATCH pattern names a variable");
}

TEST(CypherParserErrorTest, WritingClausesAreRefused) {
  EXPECT_EQ(ErrorOf("CREATE (a:Organization {name: 'x'})"), "1:1: kg queries are read-only: CREATE is not supported");
  EXPECT_EQ(ErrorOf("merge (a)"), "1:1: kg queries are read-only: MERGE is not supported");
  EXPECT_EQ(ErrorOf("MATCH (a) DELETE a"), "1:11: kg queries are read-only: DELETE is not supported");
  EXPECT_EQ(ErrorOf("MATCH (a) DETACH DELETE a"), "1:11: kg queries are read-only: DETACH DELETE is not supported");
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE a.x = 1 SET a.x = 2"), "1:25: kg queries are read-only: SET is not supported");
  EXPECT_EQ(ErrorOf("MATCH (a) REMOVE a.x"), "1:11: kg queries are read-only: REMOVE is not supported");
  EXPECT_EQ(ErrorOf("LOAD CSV FROM 'f' AS line"), "1:1: kg queries are read-only: LOAD CSV is not supported");
  EXPECT_EQ(ErrorOf("FOREACH (x IN [1] | CREATE ())"), "1:1: kg queries are read-only: FOREACH is not supported");
}

TEST(CypherParserErrorTest, CypherOutsideTheSubsetIsNamed) {
  EXPECT_EQ(ErrorOf("OPTIONAL MATCH (a) RETURN a"), "1:1: OPTIONAL MATCH is not supported by kg's Cypher subset");
  EXPECT_EQ(ErrorOf("MATCH (a) OPTIONAL MATCH (b) RETURN a"),
            "1:11: OPTIONAL MATCH is not supported by kg's Cypher subset");
  EXPECT_EQ(ErrorOf("MATCH (a) WITH a RETURN a"), "1:11: WITH is not supported by kg's Cypher subset");
  EXPECT_EQ(ErrorOf("UNWIND [1] AS x RETURN x"), "1:1: UNWIND is not supported by kg's Cypher subset");
  EXPECT_EQ(ErrorOf("CALL db.labels()"), "1:1: CALL is not supported by kg's Cypher subset");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN a UNION MATCH (b) RETURN b"),
            "1:20: UNION is not supported by kg's Cypher subset");
  EXPECT_EQ(ErrorOf("MATCH (a) WHERE a.name = $name RETURN a"),
            "1:26: parameter $name is not supported by kg's Cypher subset");
  EXPECT_EQ(ErrorOf("MATCH (a {name: $name}) RETURN a"),
            "1:17: parameter $name is not supported by kg's Cypher subset");
  EXPECT_EQ(ErrorOf("MATCH p = (a)-->(b) RETURN p"), "1:7: path variable 'p' is not supported by kg's Cypher subset");
}

TEST(CypherParserErrorTest, ColumnsCountCodePointsAndLines) {
  EXPECT_EQ(ErrorOf("MATCH (société {name: 'Générale'}) RETRN société"),
            "1:36: expected RETURN after the MATCH clause, found 'RETRN'");
  EXPECT_EQ(ErrorOf("MATCH (a:日本)\nWHERE a.x = 1\n  RETURN b"),
            "3:10: variable 'b' is not defined by a MATCH pattern");
  EXPECT_EQ(ErrorOf("MATCH (a {name: '😀'}) RETURN a #"), "1:32: expected a Cypher token, found '#'");
}

TEST(CypherParserErrorTest, AnEarlierSyntaxErrorWinsOverALaterBadToken) {
  EXPECT_EQ(ErrorOf("MATCH (a b) RETURN 'unterminated"), "1:10: expected ')' to close the node pattern, found 'b'");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN 'unterminated"),
            "1:18: expected a closing ' for this string, found end of query");
  EXPECT_EQ(ErrorOf("MATCH (a) RETURN 99999999999999999999"),
            "1:18: expected an integer that fits in 64 bits, found '99999999999999999999'");
}

TEST(CypherParserErrorTest, DeepNestingIsRefusedNotCrashedOn) {
  std::string deep = "MATCH (a) WHERE " + std::string(5000, '(') + "a.x" + std::string(5000, ')') + " RETURN a";
  Result<Query> query = ParseCypher(deep);
  ASSERT_FALSE(query.ok());
  EXPECT_EQ(query.status().code(), StatusCode::kInvalidArgument);  // a bad query, exit 2
  EXPECT_EQ(query.status().message(), "1:217: expression nested deeper than 200 levels");
  EXPECT_TRUE(
      ParseCypher("MATCH (a) WHERE " + std::string(100, '(') + "a.x" + std::string(100, ')') + " RETURN a").ok());
}

TEST(CypherParserErrorTest, TreesTallerThanTheNestingAreRefusedAtTheirDeepestPoint) {
  // Each parenthesis holds an OR, an XOR and an AND node, one inside the other: 70 of them nest 70
  // deep, within the bound, but make a tree of 211 levels.
  std::string nested = "a.x";
  for (int i = 0; i < 70; ++i) nested = "(a.x OR a.x XOR a.x AND " + nested + ")";
  const std::string query = "MATCH (a) WHERE " + nested + " RETURN a";
  EXPECT_EQ(ErrorOf(query), "1:" + std::to_string(query.find("a.x)") + 1) + ": expression nested deeper than 200 levels");
  nested = "a.x";
  for (int i = 0; i < 60; ++i) nested = "(a.x OR a.x XOR a.x AND " + nested + ")";
  EXPECT_TRUE(ParseCypher("MATCH (a) WHERE " + nested + " RETURN a").ok());
}

}  // namespace
}  // namespace kg::query
