#include "query/shorthand_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "query/cypher_ast_text.h"
#include "query/cypher_parser.h"

namespace kg::query {
namespace {

std::string Describe(std::string_view text) {
  Result<Query> query = ParseShorthand(text);
  if (!query.ok()) return "error: " + query.status().ToString();
  return DescribeQuery(*query);
}

std::string DescribeCypher(std::string_view text) {
  Result<Query> query = ParseCypher(text);
  if (!query.ok()) return "error: " + query.status().ToString();
  return DescribeQuery(*query);
}

std::string ErrorOf(std::string_view text) {
  Result<Query> query = ParseShorthand(text);
  if (query.ok()) return "no error";
  EXPECT_EQ(query.status().code(), StatusCode::kInvalidArgument) << text;
  return query.status().message();
}

TEST(ShorthandParserTest, OneTripleBecomesOnePattern) {
  Result<Query> query = ParseShorthand("?who invests_in Spain");
  ASSERT_TRUE(query.ok()) << query.status().ToString();
  const Query& q = *query;
  ASSERT_EQ(q.patterns.size(), 1u);
  const PathPattern& path = q.patterns[0];
  ASSERT_EQ(path.nodes.size(), 2u);
  ASSERT_EQ(path.rels.size(), 1u);
  EXPECT_EQ(path.nodes[0].variable, "who");
  EXPECT_EQ(path.nodes[0].position, 0u);
  EXPECT_EQ(path.rels[0].direction, Direction::kOut);
  EXPECT_EQ(path.rels[0].types, std::vector<std::string>{"invests_in"});
  EXPECT_EQ(path.rels[0].position, 5u);
  EXPECT_TRUE(path.nodes[1].variable.empty());
  ASSERT_EQ(path.nodes[1].properties.size(), 1u);
  EXPECT_EQ(path.nodes[1].properties[0].first, "name");
  EXPECT_EQ(path.nodes[1].properties[0].second.literal, Value("Spain"));
  EXPECT_EQ(path.nodes[1].position, 16u);
  ASSERT_EQ(q.items.size(), 1u);
  EXPECT_EQ(q.items[0].alias, "who");
  EXPECT_EQ(q.items[0].expr.kind, Expr::Kind::kProperty);
  EXPECT_EQ(q.items[0].expr.name, "who");
  EXPECT_EQ(q.items[0].expr.property, "name");
  EXPECT_FALSE(q.where.has_value());
  EXPECT_FALSE(q.distinct);
}

TEST(ShorthandParserTest, GivesTheSameTreeAsTheEquivalentCypher) {
  const std::pair<const char*, const char*> cases[] = {
      {"?who invests_in Spain", "MATCH (who)-[:invests_in]->({name: 'Spain'}) RETURN who.name AS who"},
      {"Microsoft ?p ?place", "MATCH ({name: 'Microsoft'})-[p]->(place) RETURN type(p) AS p, place.name AS place"},
      {"?x invests_in ?y . ?y located_in 'Banco Santander' .",
       "MATCH (x)-[:invests_in]->(y), (y)-[:located_in]->({name: 'Banco Santander'}) "
       "RETURN x.name AS x, y.name AS y"},
      {"  ?a acquires ?b .\n?c acquires ?b  ",
       "MATCH (a)-[:acquires]->(b), (c)-[:acquires]->(b) RETURN a.name AS a, b.name AS b, c.name AS c"},
      {"\"Société Générale\" ?rel ?x",
       "MATCH ({name: 'Société Générale'})-[rel]->(x) RETURN type(rel) AS rel, x.name AS x"},
  };
  for (const auto& [shorthand, cypher] : cases) {
    std::string expected = DescribeCypher(cypher);
    EXPECT_EQ(expected.rfind("error", 0), std::string::npos) << expected;
    EXPECT_EQ(Describe(shorthand), expected) << shorthand;
  }
}

TEST(ShorthandParserTest, BareWordsAndQuotedStringsNameEntities) {
  EXPECT_EQ(Describe("?x acquires AT&T"), "MATCH (x)-[:acquires]->({name: 'AT&T'}) RETURN x.name AS x");
  EXPECT_EQ(Describe("?x acquires O'Reilly"), "MATCH (x)-[:acquires]->({name: 'O\\'Reilly'}) RETURN x.name AS x");
  EXPECT_EQ(Describe("?x invests_in Espagne"), "MATCH (x)-[:invests_in]->({name: 'Espagne'}) RETURN x.name AS x");
  EXPECT_EQ(Describe("?x invests_in Coca-Cola_2"),
            "MATCH (x)-[:invests_in]->({name: 'Coca-Cola_2'}) RETURN x.name AS x");
  EXPECT_EQ(Describe("?x is_in 'a . b'"), "MATCH (x)-[:is_in]->({name: 'a . b'}) RETURN x.name AS x");
  EXPECT_EQ(Describe("?x is_in 'it\\'s'"), "MATCH (x)-[:is_in]->({name: 'it\\'s'}) RETURN x.name AS x");
  EXPECT_EQ(Describe("?x is_in U.S."), "MATCH (x)-[:is_in]->({name: 'U.S.'}) RETURN x.name AS x");
  EXPECT_EQ(Describe("?x is_in ?x"), "MATCH (x)-[:is_in]->(x) RETURN x.name AS x");
}

TEST(ShorthandParserTest, ReturnsVariablesInOrderOfFirstAppearance) {
  Result<Query> query = ParseShorthand("Microsoft ?p ?b . ?a ?q ?b");
  ASSERT_TRUE(query.ok());
  ASSERT_EQ(query->items.size(), 4u);
  EXPECT_EQ(query->items[0].alias, "p");
  EXPECT_EQ(query->items[0].expr.kind, Expr::Kind::kFunction);
  EXPECT_EQ(query->items[0].expr.name, "type");
  ASSERT_EQ(query->items[0].expr.args.size(), 1u);
  EXPECT_EQ(query->items[0].expr.args[0].kind, Expr::Kind::kVariable);
  EXPECT_EQ(query->items[0].expr.args[0].name, "p");
  EXPECT_EQ(query->items[1].alias, "b");
  EXPECT_EQ(query->items[2].alias, "a");
  EXPECT_EQ(query->items[3].alias, "q");
}

TEST(ShorthandParserTest, ReportsTriplesOfTheWrongShape) {
  EXPECT_EQ(ErrorOf(""), "1:1: expected a triple such as ?who invests_in Spain, found end of query");
  EXPECT_EQ(ErrorOf("?x"), "1:3: expected a predicate after the subject, found end of query");
  EXPECT_EQ(ErrorOf("?x invests_in"), "1:14: expected an object after the predicate, found end of query");
  EXPECT_EQ(ErrorOf("?x invests_in . ?y p ?z"), "1:15: expected an object after the predicate, found '.'");
  EXPECT_EQ(ErrorOf("?x invests_in Banco Santander"), "1:21: expected ' . ' between triples, found 'Santander'");
  EXPECT_EQ(ErrorOf("?x p ?y . . ?y p ?z"), "1:11: expected a triple such as ?who invests_in Spain, found '.'");
  EXPECT_EQ(ErrorOf(". ?x p ?y"), "1:1: expected a triple such as ?who invests_in Spain, found '.'");
  EXPECT_EQ(ErrorOf("?x p ?y ?z p ?w"), "1:9: expected ' . ' between triples, found '?z'");
}

TEST(ShorthandParserTest, ReportsBadTerms) {
  EXPECT_EQ(ErrorOf("?x 'invests in' Spain"),
            "1:4: expected a predicate (a name such as invests_in, or a ?variable), found ''invests in''");
  EXPECT_EQ(ErrorOf("?x invests-in Spain"),
            "1:4: expected a predicate (a name such as invests_in, or a ?variable), found 'invests-in'");
  EXPECT_EQ(ErrorOf("? p Spain"), "1:1: expected a variable such as ?who, found '?'");
  EXPECT_EQ(ErrorOf("?x, p Spain"), "1:1: expected a variable such as ?who, found '?x,'");
  EXPECT_EQ(ErrorOf("?x p 'Spain"), "1:6: expected a closing ' for this string, found end of query");
  EXPECT_EQ(ErrorOf("?x p 'Spain'."), "1:13: expected a space after the closing quote, found '.'");
}

TEST(ShorthandParserTest, ReportsVariableMisuse) {
  EXPECT_EQ(ErrorOf("?x ?x Spain"), "1:4: ?x is used both as an entity and as a predicate");
  EXPECT_EQ(ErrorOf("?p knows ?y . ?y ?p Spain"), "1:18: ?p is used both as an entity and as a predicate");
  EXPECT_EQ(ErrorOf("?x ?p ?y . ?y ?p ?z"),
            "1:15: ?p is already the predicate of another triple; a predicate variable can appear only once");
  EXPECT_EQ(ErrorOf("Microsoft invests_in Spain"), "1:1: the pattern has no ?variable to return");
  EXPECT_EQ(ErrorOf("Microsoft invests_in Spain ."), "1:1: the pattern has no ?variable to return");
}

TEST(ShorthandParserTest, ColumnsCountCodePoints) {
  EXPECT_EQ(ErrorOf("?société est_à Paris Nord"), "1:22: expected ' . ' between triples, found 'Nord'");
  EXPECT_EQ(ErrorOf("?x p ?y .\n?z p"), "2:5: expected an object after the predicate, found end of query");
}

TEST(ShorthandParserTest, LooksLikeShorthandPicksTheParser) {
  EXPECT_TRUE(LooksLikeShorthand("?who invests_in Spain"));
  EXPECT_TRUE(LooksLikeShorthand("  \n?who invests_in Spain"));
  EXPECT_TRUE(LooksLikeShorthand("Microsoft ?p ?x"));
  EXPECT_TRUE(LooksLikeShorthand("'Match Group' acquires ?x"));
  EXPECT_TRUE(LooksLikeShorthand("Matches ?p ?x"));
  EXPECT_TRUE(LooksLikeShorthand(""));
  EXPECT_FALSE(LooksLikeShorthand("MATCH (a) RETURN a"));
  EXPECT_FALSE(LooksLikeShorthand("  match (a) RETURN a"));
  EXPECT_FALSE(LooksLikeShorthand("MATCH(a) RETURN a"));
  EXPECT_FALSE(LooksLikeShorthand("OPTIONAL MATCH (a) RETURN a"));
  EXPECT_FALSE(LooksLikeShorthand("CREATE (a)"));
  EXPECT_FALSE(LooksLikeShorthand("// comment\nMATCH (a) RETURN a"));
  EXPECT_FALSE(LooksLikeShorthand("/* c */ MATCH (a) RETURN a"));
}

}  // namespace
}  // namespace kg::query
