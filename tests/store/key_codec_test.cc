#include "store/key_codec.h"

#include <gtest/gtest.h>

namespace kg::store {
namespace {

TEST(KeyCodecTest, OutEdgeKeysSortBySubjectThenPredicateThenObject) {
  // Bytewise order must be numeric order, or prefix scans would walk neighbours out of order.
  EXPECT_LT(SpoKey({1, 9, 9}), SpoKey({2, 0, 0}));
  EXPECT_LT(SpoKey({1, 1, 300}), SpoKey({1, 2, 1}));
  EXPECT_LT(SpoKey({255, 1, 1}), SpoKey({256, 1, 1}));
  EXPECT_EQ(SpoKey({1, 2, 3}).size(), kTripleKeySize);
}

TEST(KeyCodecTest, EveryIndexDecodesToTheSameTriple) {
  Triple t{0x0102030405060708ULL, 0xA0B0C0D0, 0xFFFFFFFFFFFFFFFEULL};
  EXPECT_EQ(DecodeSpo(SpoKey(t)), t);
  EXPECT_EQ(DecodePos(PosKey(t)), t);
  EXPECT_EQ(DecodeOsp(OspKey(t)), t);
  std::string evidence = EvidenceKey(t, 7, 8);
  EXPECT_EQ(evidence.size(), kEvidenceKeySize);
  EXPECT_EQ(DecodeEvidenceTriple(evidence), t);
  EXPECT_EQ(DecodeEvidenceQualifierHash(evidence), 7u);
  EXPECT_EQ(evidence.substr(0, kTripleKeySize), SpoKey(t));  // evidence groups under its fact
}

TEST(KeyCodecTest, StableHashIsFnv1a) {
  // Published FNV-1a 64 test vectors: evidence keys on disk depend on these never changing.
  EXPECT_EQ(StableHash(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(StableHash("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(StableHash("foobar"), 0x85944171f73967e8ULL);
}

}  // namespace
}  // namespace kg::store
