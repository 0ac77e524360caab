#include "store/unit_table.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace kg::store {
namespace {

std::vector<std::pair<std::string, std::string>> Sorted(const UnitTable& table) {
  std::vector<std::pair<std::string, std::string>> out;
  table.ForEachSorted([&](std::string_view k, std::string_view v) { out.emplace_back(k, v); });
  return out;
}

TEST(UnitTableTest, IndexedTableFindsTheLatestValue) {
  UnitTable table;
  EXPECT_FALSE(table.Find("a").has_value());
  table.Put("a", "1");
  table.Put("b", "22");
  table.Put("a", "333");  // longer: moves
  table.Put("b", "4");    // shorter: in place
  EXPECT_EQ(*table.Find("a"), "333");
  EXPECT_EQ(*table.Find("b"), "4");
  EXPECT_FALSE(table.Find("c").has_value());
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(Sorted(table), (Pairs{{"a", "333"}, {"b", "4"}}));
}

TEST(UnitTableTest, ManyKeysSurviveIndexGrowth) {
  UnitTable table;
  for (int i = 0; i < 5000; ++i) table.Put("key" + std::to_string(i), std::to_string(i));
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(*table.Find("key" + std::to_string(i)), std::to_string(i));
  table.Clear();
  EXPECT_TRUE(table.empty());
  EXPECT_FALSE(table.Find("key1").has_value());
}

TEST(UnitTableTest, AppendOnlyTableSortsAndKeepsTheLastWriteOfAKey) {
  UnitTable table(/*indexed=*/false);
  table.Put(std::string("b\0x", 3), "first");
  table.Put("a", "");
  table.Put(std::string("b\0x", 3), "second");
  table.Put("abcdefghij", "long");  // shares its first eight bytes with the next one
  table.Put("abcdefghi", "shorter");
  EXPECT_FALSE(table.Find("a").has_value());
  EXPECT_EQ(table.size(), 5u);
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(Sorted(table), (Pairs{{"a", ""}, {"abcdefghi", "shorter"}, {"abcdefghij", "long"},
                                  {std::string("b\0x", 3), "second"}}));
}

}  // namespace
}  // namespace kg::store
