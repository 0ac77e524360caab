#include "store/fact_count_table.h"

#include <gtest/gtest.h>

namespace kg::store {
namespace {

TEST(FactCountTableTest, KeepsTheLastCountOfEveryFactThroughGrowth) {
  FactCountTable table;
  EXPECT_EQ(table.Find({1, 2, 3}), 0u);
  for (uint64_t i = 0; i < 50000; ++i) table.Set({i, static_cast<PredicateId>(i % 7), i * 3 + 1}, 1);
  for (uint64_t i = 0; i < 50000; i += 2) table.Set({i, static_cast<PredicateId>(i % 7), i * 3 + 1}, 5);
  EXPECT_EQ(table.size(), 50000u);
  for (uint64_t i = 0; i < 50000; ++i) {
    ASSERT_EQ(table.Find({i, static_cast<PredicateId>(i % 7), i * 3 + 1}), i % 2 == 0 ? 5u : 1u) << i;
  }
  table.Clear();
  EXPECT_EQ(table.Find({0, 0, 1}), 0u);
  EXPECT_EQ(table.size(), 0u);
}

TEST(FactCountTableTest, TellsFactsApartThatAHashWouldNot) {
  // Each of these differs from the first in one position only, including the predicate and a swap of
  // subject and object, and the largest ids that fit.
  const Triple facts[] = {{1, 0, 2}, {2, 0, 1}, {1, 1, 2}, {1, 0, 3}, {0, 0, 0}, {(1 << 26) - 1, 4095, (1 << 26) - 1}};
  FactCountTable table;
  uint32_t count = 1;
  for (const Triple& t : facts) {
    ASSERT_TRUE(FactCountTable::Fits(t));
    table.Set(t, count++);
  }
  count = 1;
  for (const Triple& t : facts) EXPECT_EQ(table.Find(t), count++);
}

TEST(FactCountTableTest, IdsBeyondThePackedWidthDoNotFit) {
  EXPECT_FALSE(FactCountTable::Fits({uint64_t{1} << 26, 0, 1}));
  EXPECT_FALSE(FactCountTable::Fits({1, 0, uint64_t{1} << 26}));
  EXPECT_FALSE(FactCountTable::Fits({1, 4096, 2}));
  EXPECT_TRUE(FactCountTable::Fits({1, 4095, 2}));
}

}  // namespace
}  // namespace kg::store
