// A map from strings to 64-bit ids for the writer's large caches (source uris, resolved names): keys are
// packed in 1 MiB blocks and slots in one open-addressing array, so a lookup touches two cache lines and
// an insert allocates nothing, where std::unordered_map<std::string, uint64_t> chases a node and a heap
// string and spends about 130 bytes an entry. Blocks never move, so growing copies only the slots.
// Not thread-safe.
#ifndef KG_STORE_STRING_ID_MAP_H_
#define KG_STORE_STRING_ID_MAP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::store {

class StringIdMap {
 public:
  // The id stored under `key`, or nullopt.
  std::optional<uint64_t> Find(std::string_view key) const;
  // Stores `id` under `key`, replacing any id it had.
  void Insert(std::string_view key, uint64_t id);
  void Erase(std::string_view key);
  void Clear();
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;  // of the key; kEmpty and kErased are reserved
    uint64_t id = 0;
    uint64_t key_at = 0;  // block number << 32 | offset in the block
    uint64_t key_size = 0;
  };
  static constexpr uint64_t kEmpty = 0;
  static constexpr uint64_t kErased = 1;

  static uint64_t HashOf(std::string_view key);
  std::string_view KeyOf(const Slot& slot) const {
    return {blocks_[slot.key_at >> 32].data() + (slot.key_at & 0xFFFFFFFF), slot.key_size};
  }
  uint64_t Store(std::string_view key);  // copies `key` into a block, returns its key_at
  // The slot holding `key`, or SIZE_MAX.
  size_t Locate(std::string_view key, uint64_t hash) const;
  void Rebuild(size_t slot_count);  // drops erased slots and their bytes

  std::vector<std::string> blocks_;  // each filled only up to the capacity it was given
  std::vector<Slot> slots_;  // a power of two long
  size_t size_ = 0;
  size_t used_ = 0;  // live and erased slots: what probing walks over
};

}  // namespace kg::store

#endif  // KG_STORE_STRING_ID_MAP_H_
