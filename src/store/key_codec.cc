#include "store/key_codec.h"

#include <cstring>

namespace kg::store {
namespace {

void StoreFixed64(char* out, uint64_t v) {
  for (int i = 7; i >= 0; --i, v >>= 8) out[i] = static_cast<char>(v & 0xFF);
}

void StoreFixed32(char* out, uint32_t v) {
  for (int i = 3; i >= 0; --i, v >>= 8) out[i] = static_cast<char>(v & 0xFF);
}

}  // namespace

// One append of a filled buffer, not eight push_backs: key building runs several times per ingested line.
void PutFixed64(std::string* out, uint64_t v) {
  char buffer[8];
  StoreFixed64(buffer, v);
  out->append(buffer, 8);
}

void PutFixed32(std::string* out, uint32_t v) {
  char buffer[4];
  StoreFixed32(buffer, v);
  out->append(buffer, 4);
}

uint64_t GetFixed64(std::string_view in, size_t at) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(in[at + i]);
  return v;
}

uint32_t GetFixed32(std::string_view in, size_t at) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(in[at + i]);
  return v;
}

std::string Fixed64Key(uint64_t v) {
  std::string k;
  PutFixed64(&k, v);
  return k;
}

std::string Fixed32Key(uint32_t v) {
  std::string k;
  PutFixed32(&k, v);
  return k;
}

std::string SpoKey(const Triple& t) { return SpoKeyOf(t).ToString(); }
std::string PosKey(const Triple& t) { return PosKeyOf(t).ToString(); }
std::string OspKey(const Triple& t) { return OspKeyOf(t).ToString(); }

TripleKey SpoKeyOf(const Triple& t) {
  TripleKey k;
  StoreFixed64(k.data(), t.s);
  StoreFixed32(k.data() + 8, t.p);
  StoreFixed64(k.data() + 12, t.o);
  return k;
}

TripleKey PosKeyOf(const Triple& t) {
  TripleKey k;
  StoreFixed32(k.data(), t.p);
  StoreFixed64(k.data() + 4, t.o);
  StoreFixed64(k.data() + 12, t.s);
  return k;
}

TripleKey OspKeyOf(const Triple& t) {
  TripleKey k;
  StoreFixed64(k.data(), t.o);
  StoreFixed64(k.data() + 8, t.s);
  StoreFixed32(k.data() + 16, t.p);
  return k;
}

Triple DecodeSpo(std::string_view key) { return {GetFixed64(key, 0), GetFixed32(key, 8), GetFixed64(key, 12)}; }
Triple DecodePos(std::string_view key) { return {GetFixed64(key, 12), GetFixed32(key, 0), GetFixed64(key, 4)}; }
Triple DecodeOsp(std::string_view key) { return {GetFixed64(key, 8), GetFixed32(key, 16), GetFixed64(key, 0)}; }

std::string EvidenceKey(const Triple& t, uint64_t qualifier_hash, uint64_t evidence_hash) {
  return EvidenceKeyOf(t, qualifier_hash, evidence_hash).ToString();
}

EvidenceKeyBytes EvidenceKeyOf(const Triple& t, uint64_t qualifier_hash, uint64_t evidence_hash) {
  EvidenceKeyBytes k;
  StoreFixed64(k.data(), t.s);
  StoreFixed32(k.data() + 8, t.p);
  StoreFixed64(k.data() + 12, t.o);
  StoreFixed64(k.data() + kTripleKeySize, qualifier_hash);
  StoreFixed64(k.data() + kTripleKeySize + 8, evidence_hash);
  return k;
}

Triple DecodeEvidenceTriple(std::string_view key) { return DecodeSpo(key); }
uint64_t DecodeEvidenceQualifierHash(std::string_view key) { return GetFixed64(key, kTripleKeySize); }

std::string GroupKey(const Triple& t, uint64_t qualifier_hash) { return GroupKeyOf(t, qualifier_hash).ToString(); }

GroupKeyBytes GroupKeyOf(const Triple& t, uint64_t qualifier_hash) {
  GroupKeyBytes k;
  StoreFixed32(k.data(), t.p);
  StoreFixed64(k.data() + 4, t.o);
  StoreFixed64(k.data() + 12, t.s);
  StoreFixed64(k.data() + kTripleKeySize, qualifier_hash);
  return k;
}

std::string GroupKeyOfEvidence(std::string_view evidence_key) {
  return GroupKey(DecodeEvidenceTriple(evidence_key), DecodeEvidenceQualifierHash(evidence_key));
}

Triple DecodeGroupTriple(std::string_view key) { return DecodePos(key); }
uint64_t DecodeGroupQualifierHash(std::string_view key) { return GetFixed64(key, kTripleKeySize); }

std::string SourceEvidenceKey(SourceId source, std::string_view evidence_key) {
  std::string k;
  k.reserve(8 + evidence_key.size());
  PutFixed64(&k, source);
  k.append(evidence_key);
  return k;
}

SourceEvidenceKeyBytes SourceEvidenceKeyOf(SourceId source, const EvidenceKeyBytes& evidence_key) {
  SourceEvidenceKeyBytes k;
  StoreFixed64(k.data(), source);
  std::memcpy(k.data() + 8, evidence_key.view().data(), kEvidenceKeySize);
  return k;
}

uint64_t StableHash(std::string_view data) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace kg::store
