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

class IndexReader {
 public:
  explicit IndexReader(const RocksDb& db);

  // The entity `name` resolves to in any language and through the ledger, or nullopt.
  Result<std::optional<EntityId>> Resolve(const std::string& name);
  Result<const EntityRecord*> Entity(EntityId id);
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

  // Drops the evidence iterator that Groups keeps, so that later calls see writes made since. Call it
  // before each run of a query.
  void Refresh();

 private:
  const RocksDb& db_;
  std::unordered_map<EntityId, EntityRecord> entities_;
  std::unordered_map<std::string, std::optional<PredicateId>> predicate_ids_;
  std::unordered_map<PredicateId, std::string> predicate_names_;
  std::unordered_map<PredicateId, bool> symmetric_;
  // Created by the first Groups call and reused: a new RocksDB iterator per fact costs more than a Seek.
  mutable std::unique_ptr<rocksdb::Iterator> evidence_;
};

}  // namespace kg::store

#endif  // KG_STORE_INDEX_READER_H_
