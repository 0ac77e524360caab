// The snapshot's contents under each filter, and the walks over it, checked by hand against the graph
// drawn in graph_test_support.h.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "graph/snapshot_loader.h"
#include "graph/graph_test_support.h"

namespace kg {
namespace {

using ::testing::ElementsAre;
using testing::EdgeTexts;
using testing::VertexNames;

class GraphSnapshotTest : public testing::GraphFixture {};

std::vector<std::string> Names(const std::vector<NeighborRow>& rows) {
  std::vector<std::string> names;
  for (const auto& row : rows) names.push_back(row.entity.name + "@" + std::to_string(row.distance));
  return names;
}

TEST_F(GraphSnapshotTest, WholeGraphHoldsEveryEntityAndFactOnce) {
  auto s = Snap();
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->vertex_count(), 11u);
  EXPECT_EQ(s->edge_count(), 11u);
  EXPECT_THAT(EdgeTexts(*s), ::testing::Contains("Nordwind Energy partner_of Alpina Holding"));
  uint64_t alpina_spain = 0;
  s->ForEachEdge([&](const SnapshotEdge& e) {
    if (s->vertex(e.subject).name == "Alpina Holding" && s->vertex(e.object).name == "Spain") alpina_spain = e.evidence_count;
  });
  EXPECT_EQ(alpina_spain, 2u);
  const SnapshotVertex spain = s->vertex(*s->FindVertex(s->vertex(1).entity_id));
  EXPECT_EQ(spain.name, "Spain");
  EXPECT_EQ(spain.type, EntityType::kCountry);
  EXPECT_FALSE(s->FindVertex(999).has_value());
  EXPECT_GT(s->memory_bytes(), 0u);
}

TEST_F(GraphSnapshotTest, NeighborsWithinOneTwoAndThreeHops) {
  auto s = Snap();
  auto one = s->Neighbors("Nordwind Energy", {.hops = 1});
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_THAT(Names(*one), ElementsAre("Alpina Holding@1", "Cobalt Labs@1", "Maria Lopez@1", "Portugal@1", "Spain@1"));
  EXPECT_EQ((*one)[0].via, (GraphFact{"Nordwind Energy", "partner_of", "Alpina Holding"}));
  EXPECT_EQ((*one)[1].via, (GraphFact{"Cobalt Labs", "subsidiary_of", "Nordwind Energy"}));
  EXPECT_EQ((*one)[0].entity.type, EntityType::kOrganization);

  auto three = s->Neighbors("Nordwind Energy", {.hops = 3});
  ASSERT_TRUE(three.ok());
  EXPECT_EQ(three->size(), 7u);
  EXPECT_EQ((*three)[5].entity.name, "Dunmore Bank");
  EXPECT_EQ((*three)[5].via, (GraphFact{"Dunmore Bank", "invests_in", "Cobalt Labs"}));
  EXPECT_EQ((*three)[6].entity.name, "Fjord Shipping");
  EXPECT_EQ((*three)[6].distance, 3);
  EXPECT_TRUE(s->Neighbors("Nordwind Energy", {.hops = 0})->empty());
  EXPECT_EQ(s->Neighbors("Nordwind Energy", {.hops = -1}).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(GraphSnapshotTest, NeighborsFollowDirectionAndSymmetricPredicatesGoBothWays) {
  auto s = Snap();
  auto out = s->Neighbors("Nordwind Energy", {.hops = 1, .direction = Direction::kOut});
  EXPECT_THAT(Names(*out), ElementsAre("Alpina Holding@1", "Portugal@1", "Spain@1"));
  auto in = s->Neighbors("Nordwind Energy", {.hops = 1, .direction = Direction::kIn});
  EXPECT_THAT(Names(*in), ElementsAre("Alpina Holding@1", "Cobalt Labs@1", "Maria Lopez@1"));
  // partner_of is stored as Nordwind -> Alpina, yet Alpina reaches Nordwind going out.
  auto alpina_out = s->Neighbors("Alpina Holding", {.hops = 1, .direction = Direction::kOut});
  EXPECT_THAT(Names(*alpina_out), ElementsAre("Nordwind Energy@1", "Portugal@1", "Spain@1"));
  EXPECT_EQ((*alpina_out)[0].via, (GraphFact{"Nordwind Energy", "partner_of", "Alpina Holding"}));
  auto fjord_out = s->Neighbors("Fjord Shipping", {.hops = 2, .direction = Direction::kOut});
  EXPECT_THAT(Names(*fjord_out), ElementsAre("Dunmore Bank@1", "Cobalt Labs@2"));
}

TEST_F(GraphSnapshotTest, NeighborsOnlyAlongChosenPredicates) {
  auto s = Snap();
  auto rows = s->Neighbors("Spain", {.hops = 2, .predicates = {"invests_in"}});
  EXPECT_THAT(Names(*rows), ElementsAre("Alpina Holding@1", "Nordwind Energy@1", "Portugal@2"));
  EXPECT_TRUE(s->Neighbors("Spain", {.hops = 2, .predicates = {"no_such_predicate"}})->empty());
}

TEST_F(GraphSnapshotTest, SeedsResolveThroughAliasesLanguagesAndTheLedger) {
  auto s = Snap();
  auto rows = s->Neighbors("Espagne", {.hops = 1});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_THAT(Names(*rows), ElementsAre("Alpina Holding@1", "Nordwind Energy@1"));
  ASSERT_TRUE(store_->AddAlias("NWE", "Nordwind Energy").ok());
  EXPECT_EQ(s->Neighbors("NWE", {.hops = 1})->size(), 5u);
  auto missing = s->Neighbors("Atlantis", {.hops = 1});
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("Atlantis"), std::string::npos);
}

TEST_F(GraphSnapshotTest, OneShortestPathInStoredDirection) {
  auto s = Snap();
  auto paths = s->ShortestPaths("Maria Lopez", "Fjord Shipping", {});
  ASSERT_TRUE(paths.ok()) << paths.status().ToString();
  ASSERT_EQ(paths->size(), 1u);
  EXPECT_THAT((*paths)[0], ElementsAre(GraphFact{"Maria Lopez", "ceo_of", "Nordwind Energy"},
                                       GraphFact{"Cobalt Labs", "subsidiary_of", "Nordwind Energy"},
                                       GraphFact{"Dunmore Bank", "invests_in", "Cobalt Labs"},
                                       GraphFact{"Dunmore Bank", "partner_of", "Fjord Shipping"}));
  EXPECT_TRUE(s->ShortestPaths("Maria Lopez", "Fjord Shipping", {.max_hops = 3})->empty());
  EXPECT_EQ(s->ShortestPaths("Maria Lopez", "Fjord Shipping", {.max_hops = 4})->size(), 1u);
}

TEST_F(GraphSnapshotTest, AllShortestPaths) {
  auto s = Snap();
  auto one = s->ShortestPaths("Portugal", "Espagne", {});
  ASSERT_EQ(one->size(), 1u);
  auto all = s->ShortestPaths("Portugal", "Espagne", {.all = true});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  std::vector<GraphPath> expected{
      {{"Nordwind Energy", "invests_in", "Portugal"}, {"Nordwind Energy", "invests_in", "Spain"}},
      {{"Alpina Holding", "invests_in", "Portugal"}, {"Alpina Holding", "invests_in", "Spain"}}};
  EXPECT_THAT(*all, ::testing::UnorderedElementsAreArray(expected));
  EXPECT_EQ(s->ShortestPaths("Portugal", "Espagne", {.all = true, .max_paths = 1})->size(), 1u);
}

TEST_F(GraphSnapshotTest, NoPathIsEmptyNotAnError) {
  auto s = Snap();
  auto paths = s->ShortestPaths("Maria Lopez", "Chile", {.all = true});
  ASSERT_TRUE(paths.ok());
  EXPECT_TRUE(paths->empty());
  auto self = s->ShortestPaths("Spain", "Espagne", {});
  ASSERT_EQ(self->size(), 1u);
  EXPECT_TRUE((*self)[0].empty());
  EXPECT_EQ(s->ShortestPaths("Spain", "Atlantis", {}).status().code(), StatusCode::kNotFound);
  // Only invests_in: Cobalt is reached from Dunmore but not from Nordwind.
  EXPECT_TRUE(s->ShortestPaths("Nordwind Energy", "Cobalt Labs", {.predicates = {"invests_in"}})->empty());
}

TEST_F(GraphSnapshotTest, ComponentsLargestFirstWithHighestDegreeRepresentative) {
  auto s = Snap();
  auto components = s->Components();
  ASSERT_TRUE(components.ok());
  ASSERT_EQ(components->size(), 2u);
  EXPECT_EQ((*components)[0].size, 8u);
  EXPECT_EQ((*components)[0].facts, 9u);
  EXPECT_EQ((*components)[0].representative.name, "Nordwind Energy");
  EXPECT_EQ((*components)[0].representative_degree, 5u);
  EXPECT_EQ((*components)[1].size, 3u);
  EXPECT_EQ((*components)[1].facts, 2u);
  EXPECT_EQ((*components)[1].representative.name, "Eastgate Foods");
}

TEST_F(GraphSnapshotTest, DegreeRankCountsFactsThenSortsByName) {
  auto s = Snap();
  auto rows = s->Rank({.by = RankMeasure::kDegree});
  ASSERT_TRUE(rows.ok());
  std::vector<std::string> ranked;
  for (const auto& r : *rows) ranked.push_back(r.entity.name + "=" + std::to_string(static_cast<int>(r.score)));
  EXPECT_THAT(ranked, ElementsAre("Nordwind Energy=5", "Alpina Holding=3", "Cobalt Labs=2", "Dunmore Bank=2",
                                  "Eastgate Foods=2", "Portugal=2", "Spain=2", "Chile=1", "Fjord Shipping=1",
                                  "Maria Lopez=1", "Tom Reed=1"));
  auto countries = s->Rank({.by = RankMeasure::kDegree, .types = {EntityType::kCountry}, .limit = 2});
  ASSERT_EQ(countries->size(), 2u);
  EXPECT_EQ((*countries)[0].entity.name, "Portugal");
  EXPECT_EQ((*countries)[1].entity.name, "Spain");
}

TEST_F(GraphSnapshotTest, BetweennessOfTheHandGraph) {
  auto s = Snap();
  auto rows = s->Rank({.by = RankMeasure::kBetweenness, .limit = 3});
  ASSERT_TRUE(rows.ok());
  // Nordwind lies between its 5 neighbours and the rest: Cobalt's side (Cobalt, Dunmore, Fjord) against
  // Maria, Portugal, Spain, Alpina gives 12 pairs; Maria against Portugal, Spain, Alpina gives 3; Portugal
  // and Spain each have a second route through Alpina, which halves those pairs (Portugal-Spain itself:
  // 1/2). Total 12 + 3 + 0.5 = 15.5.
  EXPECT_EQ((*rows)[0].entity.name, "Nordwind Energy");
  EXPECT_DOUBLE_EQ((*rows)[0].score, 15.5);
  EXPECT_EQ((*rows)[1].entity.name, "Cobalt Labs");  // Dunmore and Fjord against the other 5
  EXPECT_DOUBLE_EQ((*rows)[1].score, 10.0);
  EXPECT_EQ((*rows)[2].entity.name, "Dunmore Bank");  // Fjord against the other 6
  EXPECT_DOUBLE_EQ((*rows)[2].score, 6.0);
}

TEST_F(GraphSnapshotTest, PredicateFilterKeepsOnlyThosePredicatesAndTheirEntities) {
  auto s = Snap({.predicates = {"invests_in"}});
  EXPECT_EQ(s->edge_count(), 6u);
  EXPECT_THAT(VertexNames(*s), ElementsAre("Alpina Holding", "Chile", "Cobalt Labs", "Dunmore Bank", "Eastgate Foods",
                                           "Nordwind Energy", "Portugal", "Spain"));
}

TEST_F(GraphSnapshotTest, TypeFilterNeedsBothEnds) {
  auto s = Snap({.types = {EntityType::kOrganization}});
  EXPECT_THAT(EdgeTexts(*s), ElementsAre("Cobalt Labs subsidiary_of Nordwind Energy", "Dunmore Bank invests_in Cobalt Labs",
                                         "Dunmore Bank partner_of Fjord Shipping",
                                         "Nordwind Energy partner_of Alpina Holding"));
  EXPECT_EQ(s->vertex_count(), 5u);
}

TEST_F(GraphSnapshotTest, DateFilterComparesIsoPrefixes) {
  auto year = Snap({.date_from = "2024", .date_to = "2024"});
  EXPECT_THAT(EdgeTexts(*year), ElementsAre("Alpina Holding invests_in Portugal", "Alpina Holding invests_in Spain",
                                            "Nordwind Energy invests_in Spain", "Nordwind Energy partner_of Alpina Holding"));
  // "2022" (Cobalt's subsidiary_of) overlaps the second half of 2022; 2021-11 does not.
  auto half = Snap({.date_from = "2022-06", .date_to = "2022-12"});
  EXPECT_THAT(EdgeTexts(*half), ElementsAre("Cobalt Labs subsidiary_of Nordwind Energy"));
  auto until = Snap({.date_to = "2020-12-31"});
  EXPECT_THAT(EdgeTexts(*until), ElementsAre("Dunmore Bank partner_of Fjord Shipping", "Eastgate Foods invests_in Chile"));
}

TEST(DateRangeTest, ComparesOnTheCommonPrefix) {
  EXPECT_TRUE(graph::DateInRange("2024-02-10", "2024", "2024"));
  EXPECT_TRUE(graph::DateInRange("2024", "2024-03", "2024-05"));
  EXPECT_FALSE(graph::DateInRange("2023-12-31", "2024", ""));
  EXPECT_FALSE(graph::DateInRange("2025-01", "", "2024"));
  EXPECT_FALSE(graph::DateInRange("", "2024", ""));
  EXPECT_TRUE(graph::DateInRange("", "", ""));
}

TEST_F(GraphSnapshotTest, SeedsAndHopsLoadOnlyTheNeighbourhood) {
  auto one = Snap({.seeds = {"Maria Lopez"}, .hops = 1});
  EXPECT_THAT(EdgeTexts(*one), ElementsAre("Maria Lopez ceo_of Nordwind Energy"));
  auto two = Snap({.seeds = {"Maria Lopez"}, .hops = 2});
  EXPECT_THAT(VertexNames(*two), ElementsAre("Alpina Holding", "Cobalt Labs", "Maria Lopez", "Nordwind Energy",
                                             "Portugal", "Spain"));
  EXPECT_EQ(two->edge_count(), 5u);
  auto spain = Snap({.seeds = {"Espagne"}, .hops = 1});
  EXPECT_THAT(VertexNames(*spain), ElementsAre("Alpina Holding", "Nordwind Energy", "Spain"));
  uint64_t evidence = 0;
  spain->ForEachEdge([&](const SnapshotEdge& e) { evidence += e.evidence_count; });
  EXPECT_EQ(evidence, 3u);  // Alpina's investment has two sources, found through osp
  auto whole = Snap({.seeds = {"Tom Reed"}});
  EXPECT_THAT(VertexNames(*whole), ElementsAre("Chile", "Eastgate Foods", "Tom Reed"));
  auto filtered = Snap({.predicates = {"partner_of"}, .seeds = {"Spain", "Dunmore Bank"}, .hops = 3});
  EXPECT_THAT(EdgeTexts(*filtered), ElementsAre("Dunmore Bank partner_of Fjord Shipping"));
  EXPECT_EQ(filtered->vertex_count(), 3u);  // the seeds stay, even Spain with no partner_of fact
  auto neighbors = filtered->Neighbors("Spain", {.hops = 1});
  ASSERT_TRUE(neighbors.ok());
  EXPECT_TRUE(neighbors->empty());
}

TEST_F(GraphSnapshotTest, BadFiltersAreRejected) {
  auto unknown = store_->Snapshot({.seeds = {"Atlantis"}, .hops = 1});
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_NE(unknown.status().message().find("Atlantis"), std::string::npos);
  EXPECT_EQ(store_->Snapshot({.hops = 2}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->Snapshot({.seeds = {"Spain"}, .hops = -2}).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(GraphSnapshotTest, SnapshotOutlivesItsStoreButNoLongerResolvesNames) {
  auto s = Snap();
  store_.reset();
  EXPECT_EQ(s->vertex_count(), 11u);
  EXPECT_EQ(s->Components()->size(), 2u);
  EXPECT_EQ(s->Neighbors("Spain", {}).status().code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace kg
