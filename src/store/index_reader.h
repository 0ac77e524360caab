// Read access for the query engine: prefix scans over the fact indexes (spo, pos, osp), cached entity and
// predicate records, name resolution, and each fact's evidence grouped by qualifier set.
//
// One IndexReader serves one query on one thread; it borrows the RocksDb, which must outlive it. Pointers
// it returns stay valid as long as the reader does.
#ifndef KG_STORE_INDEX_READER_H_
#define KG_STORE_INDEX_READER_H_

#include <rocksdb/iterator.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/key_codec.h"
#include "store/records.h"
#include "store/rocks_db.h"

namespace kg::store {

// One reported version of a fact: the evidence that shares an (amount, currency, date) qualifier set.
struct QualifierGroup {
  std::optional<double> amount;
  std::string currency;
  std::string date;
  std::string period;                 // from the first piece of evidence that has one
  std::optional<double> confidence;   // the highest any piece of evidence gives
  uint64_t evidence_count = 0;
  std::vector<std::string> sources;   // distinct source uris, in key order
};

// An open prefix scan over spo, pos or osp that yields triples in key order.
class FactScan {
 public:
  FactScan(std::unique_ptr<rocksdb::Iterator> it, Cf cf, std::string prefix);

  bool Valid() const { return valid_; }
  const Triple& triple() const { return triple_; }
  void Next();
  // The iterator's error once the scan has ended, OK otherwise.
  Status status() const;

 private:
  void Load();

  std::unique_ptr<rocksdb::Iterator> it_;
  Cf cf_;
  std::string prefix_;
  bool valid_ = false;
  Triple triple_;
};

class IndexReader;

// An open prefix scan over the `groups` family (format 2): one qualifier set of a fact per position, in
// pos order and then by qualifier hash, the order in which the evidence path yields them.
class GroupScan {
 public:
  // With `heads`, each position prefetches its subject's and object's cached heads: a query reads the
  // current fact while the scan already stands on the next, so those fetches overlap a row's work.
  GroupScan(std::unique_ptr<rocksdb::Iterator> it, std::string prefix, const IndexReader* heads = nullptr);

  bool Valid() const { return valid_; }
  const Triple& triple() const { return triple_; }
  // Fills the amount, currency and date of `group` from the current set; leaves the other fields alone.
  Status Read(QualifierGroup* group) const;
  void Next();
  Status status() const;

 private:
  void Load();

  std::unique_ptr<rocksdb::Iterator> it_;
  std::string prefix_;
  const IndexReader* heads_;
  bool valid_ = false;
  Triple triple_;
};

class IndexReader {
 public:
  explicit IndexReader(const RocksDb& db);

  // The entity `name` resolves to in any language and through the ledger, or nullopt.
  Result<std::optional<EntityId>> Resolve(const std::string& name);
  Result<const EntityRecord*> Entity(EntityId id);
  // The entity's name and type alone, which a query reads on every row: from a packed cache that stays
  // in the CPU's caches, filled from the record's head without decoding all of it. The name is valid
  // until the next call.
  struct Head {
    std::string_view name;
    EntityType type = EntityType::kOther;
  };
  Result<Head> EntityHead(EntityId id);
  // Packs the heads of all entities below kDenseEntityIds in one pass over `entities`; EntityHead calls
  // it by itself once a query has asked for many, and then ignores its errors (see NoteHeadMiss). Once
  // per reader, until Refresh.
  Status LoadAllHeads();
  bool all_heads_loaded() const { return all_heads_loaded_; }
  // Asks the CPU to start fetching the cached head of `id`, which a scan is about to need.
  void PrefetchHead(EntityId id) const {
    if (id < heads_.size()) __builtin_prefetch(&heads_[id]);
  }
  // The id of a predicate the store has seen, or nullopt.
  Result<std::optional<PredicateId>> FindPredicate(const std::string& name);
  Result<const std::string*> PredicateName(PredicateId id);
  // Whether the vocabulary marks the predicate symmetric (stored once, with s < o).
  Result<bool> Symmetric(PredicateId id);

  // Facts whose key in `cf` starts with `prefix` (see key_codec.h), e.g. spo + Fixed64Key(s).
  std::unique_ptr<FactScan> Scan(Cf cf, std::string prefix) const;
  // Counts the keys of `cf` under `prefix`, stopping at `cap`.
  Result<uint64_t> Count(Cf cf, const std::string& prefix, uint64_t cap) const;
  // Every entity id, in order; the callback returns false to stop.
  Status ForEachEntity(const std::function<bool(EntityId)>& visit) const;
  Result<Counters> ReadCounters() const;

  // The fact's evidence grouped by qualifier set, in key order. Without `with_values` only the counts
  // are filled in, which spares decoding the evidence lines. Reads through one iterator that the reader
  // keeps between calls (see Refresh).
  Status Groups(const Triple& t, bool with_values, std::vector<QualifierGroup>* groups) const;

  // Whether the store has the `groups` family (format 2), which StoredGroups and ScanGroups read.
  bool has_groups() const { return db_.has_groups(); }
  // The fact's qualifier sets from `groups`, in the order Groups gives them, with amount, currency and
  // date only (no counts, periods, confidences or sources). Requires has_groups().
  Status StoredGroups(const Triple& t, std::vector<QualifierGroup>* groups) const;
  // The qualifier sets whose `groups` key starts with `prefix` (p, or p and o). Requires has_groups().
  std::unique_ptr<GroupScan> ScanGroups(std::string prefix) const;

  // Drops the iterators that Groups and StoredGroups keep, so that later calls see writes made since,
  // and on a writable store the cached entities too. Call it before each run of a query.
  void Refresh();

 private:
  // Entity ids are allocated from 1 upward, so below this bound the cache is a table indexed by id: a
  // query streaming a million rows asks for two entities a row, and a hash lookup was a quarter of it.
  static constexpr EntityId kDenseEntityIds = EntityId{1} << 24;

  const RocksDb& db_;
  std::vector<std::unique_ptr<EntityRecord>> dense_entities_;  // by id, below kDenseEntityIds
  std::unordered_map<EntityId, EntityRecord> entities_;        // the rest
  // EntityHead's cache, by id below kDenseEntityIds: 32 bytes an entity, holding its name when the name
  // fits, so that a row's entity costs one cache miss (a slot), not two (a slot, then its name).
  struct alignas(32) HeadSlot {  // aligned, so that a slot never straddles two cache lines
    static constexpr size_t kInline = 24;
    uint8_t loaded = 0;
    uint8_t type = 0;
    uint16_t length = 0;   // of the name
    uint32_t offset = 0;   // into head_names_, for a name longer than kInline
    char text[kInline];    // the name, when it fits
  };
  static_assert(sizeof(HeadSlot) == 32);
  std::string_view NameIn(const HeadSlot& slot) const {
    return slot.length <= HeadSlot::kInline ? std::string_view(slot.text, slot.length)
                                            : std::string_view(head_names_).substr(slot.offset, slot.length);
  }
  std::vector<HeadSlot> heads_;
  std::string head_names_;
  // A query that reads many entities reads them all in one pass over `entities` instead: a Get costs
  // about ten times what a step of a scan does. The pass is made once, after head_misses_ reaches
  // max(kMinMissesBeforeLoad, the entity count / kMissesPerLoadAll); see LoadAllHeads.
  static constexpr uint64_t kMinMissesBeforeLoad = 4096;
  static constexpr uint64_t kMissesPerLoadAll = 64;
  uint64_t head_misses_ = 0;
  std::optional<uint64_t> load_all_after_;  // misses; read from the counters at the first miss
  bool all_heads_loaded_ = false;
  // Puts `head` in the packed cache; false when it does not fit there (a very long name or a high id).
  bool PackHead(EntityId id, const Head& head);
  // Counts a miss of the packed cache, and loads every head once there have been enough.
  void NoteHeadMiss();

  std::unordered_map<std::string, std::optional<PredicateId>> predicate_ids_;
  std::unordered_map<PredicateId, std::string> predicate_names_;
  std::unordered_map<PredicateId, bool> symmetric_;
  // The last answer of Symmetric: a scan asks it once per fact, for the same predicate.
  std::optional<std::pair<PredicateId, bool>> last_symmetric_;
  // Created by the first Groups call and reused: a new RocksDB iterator per fact costs more than a Seek.
  mutable std::unique_ptr<rocksdb::Iterator> evidence_;
  mutable std::unique_ptr<rocksdb::Iterator> groups_;  // the same, for StoredGroups
};

}  // namespace kg::store

#endif  // KG_STORE_INDEX_READER_H_
