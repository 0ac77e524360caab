#include "core/content_hash.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

TEST(ContentHashTest, IsSha256InHex) {
  // FIPS 180-2's test vectors.
  EXPECT_EQ(ContentHash("abc"), "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(ContentHash(""), "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(ContentHashTest, EveryByteCounts) {
  EXPECT_NE(ContentHash(std::string_view("a\0b", 3)), ContentHash(std::string_view("a\0c", 3)));
}

}  // namespace
}  // namespace kg
