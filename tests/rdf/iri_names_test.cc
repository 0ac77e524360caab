#include "rdf/iri_names.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace kg::rdf {
namespace {

TEST(IriNamesTest, EntityNamesEncodeSpacesAsUnderscoresAndEscapeTheRest) {
  EXPECT_EQ(EncodeEntityName("Microsoft"), "Microsoft");
  EXPECT_EQ(EncodeEntityName("Satya Nadella"), "Satya_Nadella");
  EXPECT_EQ(EncodeEntityName("Foo_Bar 100%"), "Foo%5FBar_100%25");
  EXPECT_EQ(EncodeEntityName("AC/DC #1"), "AC%2FDC_%231");
  EXPECT_EQ(EncodeEntityName("Soci\xC3\xA9t\xC3\xA9"), "Soci%C3%A9t%C3%A9");
  EXPECT_EQ(EncodeEntityName("a-b.c~d"), "a-b.c~d");
  EXPECT_EQ(EncodePredicateName("invests_in"), "invests_in");
}

TEST(IriNamesTest, IrisDecodeToNamesByTheirLocalName) {
  EXPECT_EQ(EntityNameFromIri("https://kg.invalid/entity/Satya_Nadella"), "Satya Nadella");
  EXPECT_EQ(EntityNameFromIri("https://kg.invalid/entity/Foo%5FBar_100%25"), "Foo_Bar 100%");
  EXPECT_EQ(EntityNameFromIri("http://example.org/ns#Thing_One"), "Thing One");
  EXPECT_EQ(EntityNameFromIri("urn:x:100%zz"), "urn:x:100%zz");  // a stray '%' stays
  EXPECT_EQ(PredicateFromIri("https://kg.invalid/predicate/invests_in"), "invests_in");
  EXPECT_EQ(PredicateFromIri("http://dbpedia.org/ontology/headquarteredIn"), "headquartered_in");
  EXPECT_EQ(PredicateFromIri("http://xmlns.com/foaf/0.1/based_near"), "based_near");
  EXPECT_EQ(PredicateFromIri("http://example.org/has-part.v2"), "has_part_v2");
  EXPECT_EQ(TypeFromIri("https://kg.invalid/type/Person"), EntityType::kPerson);
  EXPECT_EQ(TypeFromIri("http://schema.org/Organization"), EntityType::kOrganization);
  EXPECT_EQ(TypeFromIri("http://www.w3.org/2002/07/owl#Thing"), std::nullopt);
}

TEST(IriNamesTest, EveryHostileNameRoundTrips) {
  const auto names = nlohmann::json::parse(testing::ReadFileBytes(testing::SourcePath("tests/data/render/hostile_names.json")));
  for (const std::string name : names) {
    const std::string local = EncodeEntityName(name);
    EXPECT_EQ(local.find_first_of("/#<>\" \\{}|^`"), std::string::npos) << name;
    EXPECT_EQ(EntityNameFromIri("https://kg.invalid/entity/" + local), name);
  }
}

TEST(IriNamesTest, TermsAreEscapedForNTriples) {
  std::string out;
  AppendLiteral(&out, "say \"hi\"\\\n\r\t\x01\x7f\xC3\xA9");
  EXPECT_EQ(out, "\"say \\\"hi\\\"\\\\\\n\\r\\t\\u0001\\u007F\xC3\xA9\"");
  out.clear();
  AppendIri(&out, "https://x.example/a b<c>");
  EXPECT_EQ(out, "<https://x.example/a%20b%3Cc%3E>");
}

TEST(IriNamesTest, Utf8Validation) {
}

}  // namespace
TEST(IriNamesTest, TrailingSeparatorsLeaveTheSegmentBefore) {
  EXPECT_EQ(LocalName("http://x.example/a/b#"), "b");
  EXPECT_EQ(LocalName("http://x.example/a/"), "a");
  EXPECT_EQ(EntityNameFromIri("scheme:!$/@AB_cd~?#"), "@AB cd~?");
  EXPECT_EQ(LocalName("//#"), "//#");
}

}  // namespace kg::rdf
