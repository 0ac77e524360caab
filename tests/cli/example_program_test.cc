// The library example (tools/examples/who_invested_where.cc) builds against include/kg alone and answers
// who invested where from a real store.
#include <gtest/gtest.h>

#include "kg/graph_store.h"
#include "store/store_test_support.h"
#include "test_support.h"

namespace kg {
namespace {

class ExampleProgramTest : public testing::TempDirTest {};

TEST_F(ExampleProgramTest, AnswersWhoInvestedWhereFromAStore) {
  {
    auto store = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    testing::IngestText(**store, testing::ReadFileBytes(testing::SourcePath("tests/data/query/fixture.jsonl")));
  }
  int exit_code = 0;
  std::string all = testing::RunCommand(testing::ExampleBinary() + " " + Path("kg.db"), &exit_code);
  EXPECT_EQ(exit_code, 0);
  EXPECT_EQ(all,
            "Google -> France: 1e+09 EUR (2023-11), 1 source(s)\n"
            "Microsoft -> Germany: 3.2e+09 EUR (2024-02), 1 source(s)\n"
            "Microsoft -> OpenAI: 1e+10 USD (2023-01), 1 source(s)\n"
            "Microsoft -> Spain: 5e+08 EUR (2022-06), 1 source(s)\n"
            "Microsoft -> Spain: 1.9e+09 EUR (2024-02), 2 source(s)\n");

  std::string one = testing::RunCommand(testing::ExampleBinary() + " " + Path("kg.db") + " 'Microsoft Corp.'", &exit_code);
  EXPECT_EQ(exit_code, 0);
  EXPECT_EQ(one.find("Google"), std::string::npos) << one;
  EXPECT_NE(one.find("Microsoft -> Germany"), std::string::npos) << one;

  testing::RunCommand(testing::ExampleBinary() + " " + Path("kg.db") + " Nobody 2>/dev/null", &exit_code);
  EXPECT_EQ(exit_code, 1);
}

}  // namespace
}  // namespace kg
