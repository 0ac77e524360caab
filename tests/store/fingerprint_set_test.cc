#include "store/fingerprint_set.h"

#include <gtest/gtest.h>

namespace kg::store {
namespace {

TEST(FingerprintSetTest, NeverMissesAnInsertedFingerprint) {
  FingerprintSet set;
  EXPECT_FALSE(set.MayContain(42));
  for (uint64_t i = 0; i < 100000; ++i) set.Insert(i * 0x9E3779B97F4A7C15ULL);
  for (uint64_t i = 0; i < 100000; ++i) ASSERT_TRUE(set.MayContain(i * 0x9E3779B97F4A7C15ULL)) << i;
  EXPECT_EQ(set.size(), 100000u);  // fingerprint 0 (i = 0) counts once, as 1
  set.Clear();
  EXPECT_FALSE(set.MayContain(0x9E3779B97F4A7C15ULL));
}

TEST(FingerprintSetTest, SequentialFingerprintsAreFoundAndOthersAreNot) {
  FingerprintSet set;
  for (uint64_t i = 2; i < 5000; ++i) set.Insert(i);
  for (uint64_t i = 2; i < 5000; ++i) ASSERT_TRUE(set.MayContain(i));
  EXPECT_FALSE(set.MayContain(5000));
  EXPECT_FALSE(set.MayContain(0));  // stored as 1, which was never inserted
}

}  // namespace
}  // namespace kg::store
