// kg neighbors, path, rank and components, run in-process on the hand-made graph of
// tests/graph/graph_test_support.h.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "cli/cli_test_support.h"
#include "test_support.h"

namespace kg::cli {
namespace {

class GraphCommandsTest : public CliStoreTest {
 protected:
  void SetUp() override {
    CliStoreTest::SetUp();
    IngestSourceFile("tests/data/graph/companies.jsonl");
  }
};

TEST_F(GraphCommandsTest, NeighborsPrintsDistanceAndTheFactThatReachedEach) {
  Outcome r = Kg({"neighbors", "Espagne", "--hops", "2", "--format", "tsv"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out,
            "distance\tentity\ttype\tid\tvia_subject\tvia_predicate\tvia_object\n"
            "1\tAlpina Holding\tOrganization\t4\tAlpina Holding\tinvests_in\tSpain\n"
            "1\tNordwind Energy\tOrganization\t1\tNordwind Energy\tinvests_in\tSpain\n"
            "2\tCobalt Labs\tOrganization\t5\tCobalt Labs\tsubsidiary_of\tNordwind Energy\n"
            "2\tMaria Lopez\tPerson\t6\tMaria Lopez\tceo_of\tNordwind Energy\n"
            "2\tPortugal\tCountry\t3\tNordwind Energy\tinvests_in\tPortugal\n");
  Outcome out = Kg({"neighbors", "Alpina Holding", "--direction", "out", "--predicate", "partner_of", "--format", "jsonl"});
  ASSERT_EQ(out.code, kExitOk) << out.err;
  EXPECT_EQ(nlohmann::json::parse(out.out)["entity"], "Nordwind Energy");
}

TEST_F(GraphCommandsTest, NeighborsOfAnUnknownEntityExitsFour) {
  Outcome r = Kg({"neighbors", "Atlantis"});
  EXPECT_EQ(r.code, kExitNotFound);
  EXPECT_EQ(r.err, "kg: no entity named \"Atlantis\"\n");
}

TEST_F(GraphCommandsTest, BadFlagValuesAreUsageErrors) {
  EXPECT_EQ(Kg({"neighbors", "Spain", "--direction", "sideways"}).code, kExitUsage);
  EXPECT_EQ(Kg({"neighbors", "Spain", "--hops", "0"}).code, kExitUsage);
  EXPECT_EQ(Kg({"neighbors", "Spain", "--hops", "two"}).code, kExitUsage);
  EXPECT_EQ(Kg({"path", "Spain"}).code, kExitUsage);
  EXPECT_EQ(Kg({"path", "Spain", "Chile", "--max-hops", "-1"}).code, kExitUsage);
  EXPECT_EQ(Kg({"rank", "--by", "fame"}).code, kExitUsage);
  EXPECT_EQ(Kg({"rank", "--type", "Planet"}).code, kExitUsage);
  EXPECT_EQ(Kg({"components", "--limit", "-3"}).code, kExitUsage);
}

TEST_F(GraphCommandsTest, PathPrintsEachPathStepByStep) {
  Outcome r = Kg({"path", "Portugal", "Spain", "--all", "--format", "csv"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out,
            "path,step,subject,predicate,object\r\n"
            "1,1,Nordwind Energy,invests_in,Portugal\r\n"
            "1,2,Nordwind Energy,invests_in,Spain\r\n"
            "2,1,Alpina Holding,invests_in,Portugal\r\n"
            "2,2,Alpina Holding,invests_in,Spain\r\n");
  Outcome none = Kg({"path", "Maria Lopez", "Chile", "--format", "jsonl"});
  EXPECT_EQ(none.code, kExitOk);
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(Kg({"path", "Maria Lopez", "Fjord Shipping", "--max-hops", "3", "--format", "jsonl"}).out, "");
  EXPECT_EQ(Kg({"path", "Spain", "Atlantis"}).code, kExitNotFound);
}

TEST_F(GraphCommandsTest, RankByDegreePageRankAndBetweenness) {
  Outcome degree = Kg({"rank", "--by", "degree", "--limit", "2", "--format", "tsv"});
  ASSERT_EQ(degree.code, kExitOk) << degree.err;
  EXPECT_EQ(degree.out, "rank\tentity\ttype\tid\tdegree\n1\tNordwind Energy\tOrganization\t1\t5\n"
                        "2\tAlpina Holding\tOrganization\t4\t3\n");
  Outcome countries = Kg({"rank", "--type", "Country", "--format", "json"});
  ASSERT_EQ(countries.code, kExitOk) << countries.err;
  auto rows = nlohmann::json::parse(countries.out);
  ASSERT_EQ(rows.size(), 3u);
  // Portugal and Spain have the same investors, so the same score, and the tie goes by name.
  EXPECT_EQ(rows[0]["entity"], "Portugal");
  EXPECT_EQ(rows[1]["entity"], "Spain");
  EXPECT_NEAR(rows[0]["pagerank"].get<double>(), rows[1]["pagerank"].get<double>(), 1e-12);
  EXPECT_GE(rows[1]["pagerank"].get<double>(), rows[2]["pagerank"].get<double>());
  EXPECT_EQ(rows[2]["type"], "Country");
  Outcome between = Kg({"rank", "--by", "betweenness", "--limit", "1", "--format", "jsonl"});
  EXPECT_EQ(nlohmann::json::parse(between.out)["betweenness"], 15.5);
}

TEST_F(GraphCommandsTest, ComponentsLargestFirst) {
  Outcome r = Kg({"components", "--format", "tsv"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out, "component\tentities\tfacts\trepresentative\ttype\tdegree\n"
                   "1\t8\t9\tNordwind Energy\tOrganization\t5\n"
                   "2\t3\t2\tEastgate Foods\tOrganization\t2\n");
  EXPECT_EQ(Kg({"components", "--limit", "1", "--format", "jsonl"}).out.find("Eastgate"), std::string::npos);
}

}  // namespace
}  // namespace kg::cli
