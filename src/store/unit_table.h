// The writes of one column family in a bulk unit, packed for speed: keys and values are appended to one
// byte arena, so a write costs a copy and no allocation, and freeing a unit frees a few large buffers
// instead of a million small strings.
//
// An indexed table also answers Find() through an open-addressing index over the arena; an unindexed one
// (for the secondary indexes, which ingest never reads back) only appends. Either way, of two writes to one
// key the later wins. Owned by BulkUnit. Not thread-safe, but the const methods may run concurrently once
// no writer touches the table (a unit in flight is read by the ingest thread and its committer).
#ifndef KG_STORE_UNIT_TABLE_H_
#define KG_STORE_UNIT_TABLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::store {

class UnitTable {
 public:
  explicit UnitTable(bool indexed = true) : indexed_(indexed) {}

  // Records `value` under `key`, replacing an earlier value of an indexed table.
  void Put(std::string_view key, std::string_view value);

  // The latest value under `key`; nullopt when absent. Valid until the next Put() or Clear(). Only for
  // indexed tables (an unindexed one always answers nullopt).
  std::optional<std::string_view> Find(std::string_view key) const;

  // Calls visit(key, value) for each distinct key in bytewise key order, with its latest value.
  template <typename Visit>
  void ForEachSorted(Visit&& visit) const {
    for (uint32_t i : SortedUnique()) visit(KeyOf(entries_[i]), ValueOf(entries_[i]));
  }

  // Calls visit(key, value) for every write, in no particular order.
  template <typename Visit>
  void ForEach(Visit&& visit) const {
    for (const Entry& e : entries_) visit(KeyOf(e), ValueOf(e));
  }

  void Clear();
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    size_t key_at;
    size_t value_at;
    uint32_t key_size;
    uint32_t value_size;
  };

  std::string_view KeyOf(const Entry& e) const { return {arena_.data() + e.key_at, e.key_size}; }
  std::string_view ValueOf(const Entry& e) const { return {arena_.data() + e.value_at, e.value_size}; }
  // Indexes into entries_ in key order; of equal keys only the last written is kept.
  std::vector<uint32_t> SortedUnique() const;
  size_t SlotOf(std::string_view key) const;  // the index slot holding `key`, or the empty one it would take
  void GrowIndex();

  bool indexed_;
  std::string arena_;
  std::vector<Entry> entries_;
  std::vector<uint32_t> index_;  // entry number + 1, 0 when empty; a power of two long, at most half full
};

}  // namespace kg::store

#endif  // KG_STORE_UNIT_TABLE_H_
