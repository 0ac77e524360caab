#include "store/string_id_map.h"

#include <gtest/gtest.h>

#include <string>

namespace kg::store {
namespace {

TEST(StringIdMapTest, FindsWhatWasInsertedAndNothingElse) {
  StringIdMap map;
  EXPECT_FALSE(map.Find("x").has_value());
  map.Insert("https://a.example/1", 1);
  map.Insert("", 2);
  EXPECT_EQ(map.Find("https://a.example/1"), 1u);
  EXPECT_EQ(map.Find(""), 2u);
  EXPECT_FALSE(map.Find("https://a.example/2").has_value());
  map.Insert("", 3);  // replaces
  EXPECT_EQ(map.Find(""), 3u);
  EXPECT_EQ(map.size(), 2u);
}

TEST(StringIdMapTest, EraseKeepsOtherKeysReachable) {
  StringIdMap map;
  for (uint64_t i = 0; i < 10000; ++i) map.Insert("uri" + std::to_string(i), i);
  for (uint64_t i = 0; i < 10000; i += 2) map.Erase("uri" + std::to_string(i));
  EXPECT_EQ(map.size(), 5000u);
  for (uint64_t i = 0; i < 10000; ++i) {
    auto found = map.Find("uri" + std::to_string(i));
    if (i % 2 == 0) {
      EXPECT_FALSE(found.has_value()) << i;
    } else {
      ASSERT_TRUE(found.has_value()) << i;
      EXPECT_EQ(*found, i);
    }
  }
  // Inserting again after erasing reuses room and still finds everything.
  for (uint64_t i = 0; i < 10000; i += 2) map.Insert("uri" + std::to_string(i), i + 1);
  for (uint64_t i = 0; i < 10000; i += 2) EXPECT_EQ(map.Find("uri" + std::to_string(i)), i + 1);
  map.Clear();
  EXPECT_FALSE(map.Find("uri1").has_value());
}

}  // namespace
}  // namespace kg::store
