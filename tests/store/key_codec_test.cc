#include "store/key_codec.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "store/store_writer.h"

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

TEST(KeyCodecTest, KeysBuiltInPlaceHoldTheSameBytesAsTheStringForms) {
  // The ingest thread writes the in-place forms and every other reader decodes or seeks with the string
  // forms, so they must agree byte for byte, at every byte position (ids that fill each byte).
  const std::vector<Triple> triples = {{0, 0, 0},
                                       {1, 2, 3},
                                       {0x0102030405060708ULL, 0xA0B0C0D0, 0xFFFFFFFFFFFFFFFEULL},
                                       {UINT64_MAX, UINT32_MAX, UINT64_MAX},
                                       {0x80, 0x8000, 0x8000000000000000ULL}};
  for (const Triple& t : triples) {
    EXPECT_EQ(SpoKeyOf(t).view(), SpoKey(t));
    EXPECT_EQ(PosKeyOf(t).view(), PosKey(t));
    EXPECT_EQ(OspKeyOf(t).view(), OspKey(t));
    const EvidenceKeyBytes evidence = EvidenceKeyOf(t, 0x1112131415161718ULL, 0xF1F2F3F4F5F6F7F8ULL);
    EXPECT_EQ(evidence.view(), EvidenceKey(t, 0x1112131415161718ULL, 0xF1F2F3F4F5F6F7F8ULL));
    EXPECT_EQ(DecodeEvidenceTriple(evidence), t);
    EXPECT_EQ(DecodeEvidenceQualifierHash(evidence), 0x1112131415161718ULL);
    const SourceEvidenceKeyBytes by_source = SourceEvidenceKeyOf(0x0A0B0C0D0E0F1011ULL, evidence);
    EXPECT_EQ(by_source.view(), SourceEvidenceKey(0x0A0B0C0D0E0F1011ULL, evidence.ToString()));
    EXPECT_EQ(by_source.view().size(), kSourceEvidenceKeySize);
    EXPECT_EQ(GetFixed64(by_source.view()), 0x0A0B0C0D0E0F1011ULL);
    // A qualifier set's key: its fact in pos order, then the qualifier hash the evidence key carries.
    const GroupKeyBytes group = GroupKeyOf(t, 0x1112131415161718ULL);
    EXPECT_EQ(group.view(), PosKey(t) + Fixed64Key(0x1112131415161718ULL));
    EXPECT_EQ(group.view(), GroupKeyOfEvidence(evidence.view()));
    EXPECT_EQ(DecodeGroupTriple(group), t);
    EXPECT_EQ(DecodeGroupQualifierHash(group), 0x1112131415161718ULL);
  }
}

TEST(KeyCodecTest, KeysBuiltInPlaceSortLikeTheirTriples) {
  EXPECT_LT(SpoKeyOf({1, 9, 9}).view(), SpoKeyOf({2, 0, 0}).view());
  EXPECT_LT(PosKeyOf({9, 1, 9}).view(), PosKeyOf({0, 2, 0}).view());
  EXPECT_LT(OspKeyOf({9, 9, 1}).view(), OspKeyOf({0, 0, 2}).view());
  EXPECT_LT(EvidenceKeyOf({1, 1, 1}, 5, UINT64_MAX).view(), EvidenceKeyOf({1, 1, 1}, 6, 0).view());
}

TEST(KeyCodecTest, StableHashIsFnv1a) {
  // Published FNV-1a 64 test vectors: evidence keys on disk depend on these never changing.
  EXPECT_EQ(StableHash(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(StableHash("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(StableHash("foobar"), 0x85944171f73967e8ULL);
}

}  // namespace
}  // namespace kg::store

namespace kg::store {
namespace {

// Stored evidence keys carry a hash of the amount as printf's "%.17g" writes it, then the currency and
// the date: a build that wrote those bytes differently would no longer recognise stored evidence as
// the same, and every re-ingest would duplicate it.
TEST(KeyCodecTest, TheQualifierHashIsOverTheAmountAsPercent17gThenCurrencyAndDate) {
  Assertion a;
  a.subject.name = "Microsoft";
  a.predicate = "invests_in";
  a.object.name = "Spain";
  a.currency = "EUR";
  a.date = "2024-02";
  for (double amount : {1.9e9, 0.1, 1e21, 123.456, -5e-7}) {
    a.amount = amount;
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", amount);
    EXPECT_EQ(MakeEvidenceLine(a).qualifier_hash, StableHash(std::string(text) + "\x1f" "EUR\x1f" "2024-02")) << text;
  }
  a.amount.reset();
  EXPECT_EQ(MakeEvidenceLine(a).qualifier_hash, StableHash("\x1f" "EUR\x1f" "2024-02"));
}

}  // namespace
}  // namespace kg::store
