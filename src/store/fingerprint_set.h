// A set of 64-bit fingerprints in one open-addressing array: 8 bytes a member and no allocation per
// insert, so the writer can remember every fact it has seen (9M at 10M lines, about 128 MiB).
//
// MayContain() has no false negatives and, being a hash, rare false positives: callers use a miss to
// skip a store lookup, and treat a hit as "look it up". Not thread-safe.
#ifndef KG_STORE_FINGERPRINT_SET_H_
#define KG_STORE_FINGERPRINT_SET_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kg::store {

class FingerprintSet {
 public:
  void Insert(uint64_t fingerprint) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    if (Place(&slots_, Stored(fingerprint))) ++size_;
  }

  bool MayContain(uint64_t fingerprint) const {
    if (slots_.empty()) return false;
    const uint64_t stored = Stored(fingerprint);
    const size_t mask = slots_.size() - 1;
    for (size_t i = Mix(stored) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == stored) return true;
      if (slots_[i] == kEmpty) return false;
    }
  }

  void Clear() {
    slots_.clear();
    slots_.shrink_to_fit();
    size_ = 0;
  }

  size_t size() const { return size_; }

 private:
  static constexpr uint64_t kEmpty = 0;

  // 0 marks an empty slot, so fingerprint 0 is kept as 1: a false positive at worst.
  static uint64_t Stored(uint64_t fingerprint) { return fingerprint == kEmpty ? 1 : fingerprint; }

  // Fingerprints may come from weak hashes; spread them before they pick a slot.
  static uint64_t Mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
  }

  // True when `stored` was not there yet.
  static bool Place(std::vector<uint64_t>* slots, uint64_t stored) {
    const size_t mask = slots->size() - 1;
    for (size_t i = Mix(stored) & mask;; i = (i + 1) & mask) {
      uint64_t& slot = (*slots)[i];
      if (slot == stored) return false;
      if (slot == kEmpty) {
        slot = stored;
        return true;
      }
    }
  }

  void Grow() {
    std::vector<uint64_t> bigger(slots_.empty() ? 1024 : slots_.size() * 2, kEmpty);
    for (uint64_t stored : slots_) {
      if (stored != kEmpty) Place(&bigger, stored);
    }
    slots_.swap(bigger);
  }

  std::vector<uint64_t> slots_;  // a power of two long, at most three quarters full
  size_t size_ = 0;
};

}  // namespace kg::store

#endif  // KG_STORE_FINGERPRINT_SET_H_
