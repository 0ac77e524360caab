#include "store/unit_table.h"

#include <algorithm>
#include <cstring>
#include <functional>

namespace kg::store {
namespace {

size_t HashOf(std::string_view key) { return std::hash<std::string_view>()(key); }

// The first eight bytes of a key as a big-endian number: most comparisons in a sort end there, without
// a call to memcmp.
uint64_t PrefixOf(std::string_view key) {
  unsigned char bytes[8] = {};
  std::memcpy(bytes, key.data(), std::min<size_t>(8, key.size()));
  uint64_t v = 0;
  for (unsigned char b : bytes) v = (v << 8) | b;
  return v;
}

}  // namespace

void UnitTable::Put(std::string_view key, std::string_view value) {
  if (indexed_) {
    if ((entries_.size() + 1) * 2 > index_.size()) GrowIndex();
    const size_t slot = SlotOf(key);
    if (index_[slot] != 0) {
      Entry& e = entries_[index_[slot] - 1];
      if (value.size() <= e.value_size) {
        std::memcpy(arena_.data() + e.value_at, value.data(), value.size());
      } else {
        e.value_at = arena_.size();
        arena_.append(value);
      }
      e.value_size = static_cast<uint32_t>(value.size());
      return;
    }
    index_[slot] = static_cast<uint32_t>(entries_.size() + 1);
  }
  Entry e{arena_.size(), arena_.size() + key.size(), static_cast<uint32_t>(key.size()),
          static_cast<uint32_t>(value.size())};
  arena_.append(key);
  arena_.append(value);
  entries_.push_back(e);
}

std::optional<std::string_view> UnitTable::Find(std::string_view key) const {
  if (!indexed_ || index_.empty()) return std::nullopt;
  const uint32_t at = index_[SlotOf(key)];
  if (at == 0) return std::nullopt;
  return ValueOf(entries_[at - 1]);
}

size_t UnitTable::SlotOf(std::string_view key) const {
  const size_t mask = index_.size() - 1;
  for (size_t i = HashOf(key) & mask;; i = (i + 1) & mask) {
    if (index_[i] == 0 || KeyOf(entries_[index_[i] - 1]) == key) return i;
  }
}

void UnitTable::GrowIndex() {
  index_.assign(index_.empty() ? 1024 : index_.size() * 2, 0);
  const size_t mask = index_.size() - 1;
  for (size_t n = 0; n < entries_.size(); ++n) {
    size_t i = HashOf(KeyOf(entries_[n])) & mask;
    while (index_[i] != 0) i = (i + 1) & mask;
    index_[i] = static_cast<uint32_t>(n + 1);
  }
}

std::vector<uint32_t> UnitTable::SortedUnique() const {
  struct Sortable {
    uint64_t prefix;
    uint32_t entry;
  };
  std::vector<Sortable> order(entries_.size());
  for (size_t n = 0; n < entries_.size(); ++n) order[n] = {PrefixOf(KeyOf(entries_[n])), static_cast<uint32_t>(n)};
  // Ties on the key go by entry number, so that the last write of a key comes last and wins below.
  std::sort(order.begin(), order.end(), [this](const Sortable& a, const Sortable& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    const int c = KeyOf(entries_[a.entry]).compare(KeyOf(entries_[b.entry]));
    return c != 0 ? c < 0 : a.entry < b.entry;
  });
  std::vector<uint32_t> sorted;
  sorted.reserve(order.size());
  for (size_t n = 0; n < order.size(); ++n) {
    const bool superseded =
        n + 1 < order.size() && order[n + 1].prefix == order[n].prefix &&
        KeyOf(entries_[order[n + 1].entry]) == KeyOf(entries_[order[n].entry]);
    if (!superseded) sorted.push_back(order[n].entry);
  }
  return sorted;
}

void UnitTable::Clear() {
  arena_.clear();
  entries_.clear();
  std::fill(index_.begin(), index_.end(), 0);
}

}  // namespace kg::store
