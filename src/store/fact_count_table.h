// The evidence count of every fact a writer has filed since it opened an empty store, held in memory so
// that a load never reads `spo` back: a fact the table lacks is new, and one it has gets its count
// without a store lookup. That keeps re-reports off the disk and lets `spo` skip compaction until the
// load ends.
//
// A fact is keyed by its ids packed into 64 bits (26 bits each for subject and object, 12 for the
// predicate), which is exact, unlike a hash: the table never mistakes one fact for another. Facts whose
// ids do not fit (beyond 67M entities or 4,096 predicates) are not Fits(): callers look those up in the
// store. One slot costs 12 bytes, so 9M facts take 192 MiB. Not thread-safe.
#ifndef KG_STORE_FACT_COUNT_TABLE_H_
#define KG_STORE_FACT_COUNT_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "store/key_codec.h"

namespace kg::store {

class FactCountTable {
 public:
  // Whether the table can hold `t` at all.
  static bool Fits(const Triple& t) {
    return t.s < (uint64_t{1} << kEntityBits) && t.o < (uint64_t{1} << kEntityBits) &&
           t.p < (uint32_t{1} << kPredicateBits);
  }

  // The count stored for `t`, or 0 when it has none. Requires Fits(t).
  uint32_t Find(const Triple& t) const {
    if (keys_.empty()) return 0;
    const uint64_t key = Pack(t);
    const size_t mask = keys_.size() - 1;
    for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
      if (counts_[i] == 0) return 0;
      if (keys_[i] == key) return counts_[i];
    }
  }

  // Stores `count` (at least 1) for `t`, replacing any count it had. Requires Fits(t).
  void Set(const Triple& t, uint32_t count) {
    if ((size_ + 1) * 4 > keys_.size() * 3) Grow();
    if (Place(Pack(t), count)) ++size_;
  }

  void Clear() {
    keys_ = {};
    counts_ = {};
    size_ = 0;
  }

  size_t size() const { return size_; }

 private:
  static constexpr int kEntityBits = 26;
  static constexpr int kPredicateBits = 12;

  static uint64_t Pack(const Triple& t) {
    return (t.s << (kEntityBits + kPredicateBits)) | (t.o << kPredicateBits) | t.p;
  }

  static uint64_t Mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
  }

  // True when `key` was not there yet. A count of 0 marks an empty slot.
  bool Place(uint64_t key, uint32_t count) {
    const size_t mask = keys_.size() - 1;
    for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
      if (counts_[i] == 0) {
        keys_[i] = key;
        counts_[i] = count;
        return true;
      }
      if (keys_[i] == key) {
        counts_[i] = count;
        return false;
      }
    }
  }

  void Grow() {
    std::vector<uint64_t> old_keys(keys_.empty() ? 1024 : keys_.size() * 2, 0);
    std::vector<uint32_t> old_counts(old_keys.size(), 0);
    old_keys.swap(keys_);
    old_counts.swap(counts_);
    for (size_t i = 0; i < old_keys.size(); ++i) {
      if (old_counts[i] != 0) Place(old_keys[i], old_counts[i]);
    }
  }

  std::vector<uint64_t> keys_;    // packed facts; a power of two long, at most three quarters used
  std::vector<uint32_t> counts_;  // evidence counts beside them; 0 where the slot is empty
  size_t size_ = 0;
};

}  // namespace kg::store

#endif  // KG_STORE_FACT_COUNT_TABLE_H_
