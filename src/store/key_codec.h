// Encodes and decodes the keys of kg's column families; schemas/store_layout.md is the prose version.
//
// Ids are fixed-width big-endian so that RocksDB's bytewise order is numeric order and a prefix scan over
// a subject walks its out-edges grouped by predicate. All functions are pure.
//
// The fact, evidence and source-evidence keys come in two forms: a std::string, and a FixedKey built in
// place, for the ingest thread, which builds five of them per line: as strings of 20 bytes or more each
// would be a heap allocation (they are too long for the small-string buffer). Both hold the same bytes.
#ifndef KG_STORE_KEY_CODEC_H_
#define KG_STORE_KEY_CODEC_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kg::store {

using EntityId = uint64_t;
using PredicateId = uint32_t;
using SourceId = uint64_t;

constexpr size_t kTripleKeySize = 8 + 4 + 8;
constexpr size_t kEvidenceKeySize = kTripleKeySize + 8 + 8;
constexpr size_t kGroupKeySize = kTripleKeySize + 8;
constexpr size_t kSourceEvidenceKeySize = 8 + kEvidenceKeySize;

struct Triple {
  EntityId s = 0;
  PredicateId p = 0;
  EntityId o = 0;
  bool operator==(const Triple& other) const { return s == other.s && p == other.p && o == other.o; }
};

void PutFixed64(std::string* out, uint64_t v);
void PutFixed32(std::string* out, uint32_t v);
uint64_t GetFixed64(std::string_view in, size_t at = 0);
uint32_t GetFixed32(std::string_view in, size_t at = 0);

std::string Fixed64Key(uint64_t v);
std::string Fixed32Key(uint32_t v);

// A key of N bytes held by value, with no heap storage: a plain copyable value whose view() stays valid
// as long as the object does.
template <size_t N>
class FixedKey {
 public:
  static constexpr size_t kSize = N;

  char* data() { return bytes_.data(); }
  std::string_view view() const { return {bytes_.data(), N}; }
  operator std::string_view() const { return view(); }  // NOLINT: a key is used wherever bytes are
  std::string ToString() const { return std::string(view()); }

 private:
  std::array<char, N> bytes_;
};
using TripleKey = FixedKey<kTripleKeySize>;
using EvidenceKeyBytes = FixedKey<kEvidenceKeySize>;
using SourceEvidenceKeyBytes = FixedKey<kSourceEvidenceKeySize>;
using GroupKeyBytes = FixedKey<kGroupKeySize>;

// The same bytes as SpoKey, PosKey, OspKey, EvidenceKey, SourceEvidenceKey and GroupKey below, built in
// place.
TripleKey SpoKeyOf(const Triple& t);
TripleKey PosKeyOf(const Triple& t);
TripleKey OspKeyOf(const Triple& t);
EvidenceKeyBytes EvidenceKeyOf(const Triple& t, uint64_t qualifier_hash, uint64_t evidence_hash);
SourceEvidenceKeyBytes SourceEvidenceKeyOf(SourceId source, const EvidenceKeyBytes& evidence_key);
GroupKeyBytes GroupKeyOf(const Triple& t, uint64_t qualifier_hash);

std::string SpoKey(const Triple& t);  // s p o
std::string PosKey(const Triple& t);  // p o s
std::string OspKey(const Triple& t);  // o s p
Triple DecodeSpo(std::string_view key);
Triple DecodePos(std::string_view key);
Triple DecodeOsp(std::string_view key);

// s p o qualifier_hash evidence_hash: one piece of evidence, grouped by fact, then by qualifier set.
std::string EvidenceKey(const Triple& t, uint64_t qualifier_hash, uint64_t evidence_hash);
Triple DecodeEvidenceTriple(std::string_view key);
uint64_t DecodeEvidenceQualifierHash(std::string_view key);

// p o s qualifier_hash: one qualifier set of a fact, in pos order (the `groups` family).
std::string GroupKey(const Triple& t, uint64_t qualifier_hash);
// The same key from an evidence key (s p o qualifier_hash evidence_hash).
std::string GroupKeyOfEvidence(std::string_view evidence_key);
Triple DecodeGroupTriple(std::string_view key);
uint64_t DecodeGroupQualifierHash(std::string_view key);

// source_id evidence_key: which evidence a source contributed, for `kg forget`.
std::string SourceEvidenceKey(SourceId source, std::string_view evidence_key);

// 64-bit FNV-1a: stable across runs and machines, so evidence keys are too.
uint64_t StableHash(std::string_view data);

}  // namespace kg::store

#endif  // KG_STORE_KEY_CODEC_H_
