#include "store/key_codec.h"

namespace kg::store {

// One append of a filled buffer, not eight push_backs: key building runs several times per ingested line.
void PutFixed64(std::string* out, uint64_t v) {
  char buffer[8];
  for (int i = 7; i >= 0; --i, v >>= 8) buffer[i] = static_cast<char>(v & 0xFF);
  out->append(buffer, 8);
}

void PutFixed32(std::string* out, uint32_t v) {
  char buffer[4];
  for (int i = 3; i >= 0; --i, v >>= 8) buffer[i] = static_cast<char>(v & 0xFF);
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

std::string SpoKey(const Triple& t) {
  std::string k;
  k.reserve(kTripleKeySize);
  PutFixed64(&k, t.s);
  PutFixed32(&k, t.p);
  PutFixed64(&k, t.o);
  return k;
}

std::string PosKey(const Triple& t) {
  std::string k;
  k.reserve(kTripleKeySize);
  PutFixed32(&k, t.p);
  PutFixed64(&k, t.o);
  PutFixed64(&k, t.s);
  return k;
}

std::string OspKey(const Triple& t) {
  std::string k;
  k.reserve(kTripleKeySize);
  PutFixed64(&k, t.o);
  PutFixed64(&k, t.s);
  PutFixed32(&k, t.p);
  return k;
}

Triple DecodeSpo(std::string_view key) { return {GetFixed64(key, 0), GetFixed32(key, 8), GetFixed64(key, 12)}; }
Triple DecodePos(std::string_view key) { return {GetFixed64(key, 12), GetFixed32(key, 0), GetFixed64(key, 4)}; }
Triple DecodeOsp(std::string_view key) { return {GetFixed64(key, 8), GetFixed32(key, 16), GetFixed64(key, 0)}; }

std::string EvidenceKey(const Triple& t, uint64_t qualifier_hash, uint64_t evidence_hash) {
  std::string k = SpoKey(t);
  PutFixed64(&k, qualifier_hash);
  PutFixed64(&k, evidence_hash);
  return k;
}

Triple DecodeEvidenceTriple(std::string_view key) { return DecodeSpo(key); }
uint64_t DecodeEvidenceQualifierHash(std::string_view key) { return GetFixed64(key, kTripleKeySize); }

std::string GroupKey(const Triple& t, uint64_t qualifier_hash) {
  std::string k;
  k.reserve(kGroupKeySize);
  PutFixed32(&k, t.p);
  PutFixed64(&k, t.o);
  PutFixed64(&k, t.s);
  PutFixed64(&k, qualifier_hash);
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

uint64_t StableHash(std::string_view data) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace kg::store
