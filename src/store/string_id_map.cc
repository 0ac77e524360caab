#include "store/string_id_map.h"

#include <algorithm>
#include <cstdint>
#include <functional>

namespace kg::store {

namespace {
constexpr size_t kBlockBytes = 1 << 20;
}  // namespace

uint64_t StringIdMap::Store(std::string_view key) {
  if (blocks_.empty() || blocks_.back().size() + key.size() > blocks_.back().capacity()) {
    blocks_.emplace_back();
    blocks_.back().reserve(std::max(kBlockBytes, key.size()));
  }
  std::string& block = blocks_.back();
  const uint64_t at = (static_cast<uint64_t>(blocks_.size() - 1) << 32) | block.size();
  block.append(key);
  return at;
}

uint64_t StringIdMap::HashOf(std::string_view key) {
  const uint64_t h = std::hash<std::string_view>()(key);
  return h <= kErased ? h + 2 : h;
}

std::optional<uint64_t> StringIdMap::Find(std::string_view key) const {
  const size_t at = Locate(key, HashOf(key));
  if (at == SIZE_MAX) return std::nullopt;
  return slots_[at].id;
}

size_t StringIdMap::Locate(std::string_view key, uint64_t hash) const {
  if (slots_.empty()) return SIZE_MAX;
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash == kEmpty) return SIZE_MAX;
    if (slot.hash == hash && KeyOf(slot) == key) return i;
  }
}

void StringIdMap::Insert(std::string_view key, uint64_t id) {
  const uint64_t hash = HashOf(key);
  const size_t found = Locate(key, hash);
  if (found != SIZE_MAX) {
    slots_[found].id = id;
    return;
  }
  if ((used_ + 1) * 4 > slots_.size() * 3) Rebuild(size_ * 2 < slots_.size() / 2 ? slots_.size() : slots_.size() * 2);
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].hash != kEmpty) i = (i + 1) & mask;
  slots_[i] = Slot{hash, id, Store(key), key.size()};
  ++size_;
  ++used_;
}

void StringIdMap::Erase(std::string_view key) {
  const size_t at = Locate(key, HashOf(key));
  if (at == SIZE_MAX) return;
  slots_[at].hash = kErased;  // keeps the probe chains through it intact
  --size_;
}

void StringIdMap::Clear() {
  blocks_.clear();
  blocks_.shrink_to_fit();
  slots_.clear();
  slots_.shrink_to_fit();
  size_ = used_ = 0;
}

void StringIdMap::Rebuild(size_t slot_count) {
  if (slot_count < 1024) slot_count = 1024;
  std::vector<Slot> old(slot_count);
  old.swap(slots_);
  // Erased keys leave dead bytes behind; only then are the blocks worth copying.
  const bool compact = used_ != size_;
  std::vector<std::string> old_blocks;
  if (compact) old_blocks.swap(blocks_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.hash <= kErased) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].hash != kEmpty) i = (i + 1) & mask;
    slots_[i] = slot;
    if (compact) {
      const std::string& block = old_blocks[slot.key_at >> 32];
      slots_[i].key_at = Store(std::string_view(block.data() + (slot.key_at & 0xFFFFFFFF), slot.key_size));
    }
  }
  used_ = size_;
}

}  // namespace kg::store
