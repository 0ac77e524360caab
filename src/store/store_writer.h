// Applies changes to a kg store in atomic, durable units: assertions merged with their evidence, sources
// forgotten, ledger rules added or removed.
//
// Every change goes into a WriteUnit (so reads within a unit see the unit's own writes), and Commit()
// makes it durable at once: a unit is either entirely in the store or not at all. Ingest uses bulk
// units (see write_unit.h); forgetting and ledger changes use indexed ones, which can delete and scan.
// The writer caches name resolutions and counters between units; Abort() drops the unit and those
// caches. Owned by GraphStore; not thread-safe (kg has one writer thread per store, and one writer
// process).
#ifndef KG_STORE_STORE_WRITER_H_
#define KG_STORE_STORE_WRITER_H_

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kg/model.h"
#include "kg/status.h"
#include "resolve/entity_key.h"
#include "schema/predicate_vocabulary.h"
#include "store/fact_count_table.h"
#include "store/fingerprint_set.h"
#include "store/key_codec.h"
#include "store/records.h"
#include "store/rocks_db.h"
#include "store/string_id_map.h"
#include "store/write_unit.h"

namespace kg::store {

// The parts of filing an assertion that depend on nothing but the assertion: its canonical JSONL line
// and the hashes its evidence key is made of. Pure, so ingest computes them on its parse threads.
struct EvidenceLine {
  std::string json;             // schema::ToCanonicalJson(assertion)
  uint64_t qualifier_hash = 0;  // of amount, currency and date
  uint64_t line_hash = 0;       // StableHash(json)
};
EvidenceLine MakeEvidenceLine(const Assertion& assertion);

class StoreWriter {
 public:
  enum class Outcome { kNewFact, kNewEvidence, kDuplicate };

  // Loads counters, predicates and the ledger from `db`, which must be open for writing and outlive the
  // writer. DataLoss when the stored counters cannot be read.
  static Result<std::unique_ptr<StoreWriter>> Create(RocksDb* db);

  // Merges `assertion` into the current unit: resolves its names, files its evidence under the fact, and
  // creates the fact and entities that do not exist yet. Returns what happened; kDuplicate means the
  // exact same evidence was already there and nothing changed.
  Result<Outcome> Add(const Assertion& assertion);

  // As Add(), with `line` already computed as MakeEvidenceLine(assertion), so that callers can do that
  // work on another thread.
  Result<Outcome> Add(const Assertion& assertion, const EvidenceLine& line);

  // Makes the current unit durable. On failure the unit is dropped (as by Abort). With bulk units the
  // write is pipelined: Commit() returns once the unit before is durable, and Sync() waits for this one.
  Status Commit();
  Status Sync();

  // Drops the current unit and every cached value that may depend on it.
  void Abort();

  // Switches Add() to bulk units, committed as SST files once they hold `sst_min_entries` writes, or
  // back to indexed units. Only between units.
  void UseBulkUnits(size_t sst_min_entries);
  void UseIndexedUnits();

  // Removes every piece of evidence that `source_uri` contributed, then each fact left without evidence
  // and each entity left without facts, in one committed unit. NotFound when the source is unknown.
  // Returns the number of evidence records removed.
  Result<uint64_t> Forget(const std::string& source_uri);

  // What ReplaceDocument did.
  struct DocumentChange {
    bool unchanged = false;        // same content hash as stored: nothing was written
    bool existed = false;          // the document was known before
    uint64_t evidence_removed = 0;  // old evidence no longer reported (changed documents)
    uint64_t evidence_added = 0;    // evidence the document did not have before
    uint64_t evidence_kept = 0;     // evidence reported again
  };

  // Makes `document` (a source whose content_hash is set) hold exactly `assertions` as its evidence, in
  // one committed unit: a new document is added; one stored with the same content hash and extraction
  // is left alone;
  // one stored with another hash (or none) loses the evidence it no longer reports, and with it the facts
  // and entities nothing else supports. Every assertion must have document.uri as its source_uri
  // (InvalidArgument otherwise). On failure nothing is written.
  Result<DocumentChange> ReplaceDocument(const SourceRecord& document, const std::vector<Assertion>& assertions);

  // Adds a ledger rule making `name` resolve to the entity `target` names, and re-files the evidence
  // that used `name`. NotFound when `target` names no entity; AlreadyExists when both already resolve
  // to the same entity; InvalidArgument when the rule would make a cycle. Committed as one unit.
  Status AddRule(const std::string& name, const std::string& target, const std::string& kind);

  // Removes the ledger rule for `name` and re-files the evidence it had redirected. NotFound when no
  // rule starts at `name`.
  Status RemoveRule(const std::string& name);

  const Counters& counters() const { return counters_; }
  const Ledger& rules() const { return rules_; }

 private:
  explicit StoreWriter(RocksDb* db);

  Status Load();
  Result<std::string> Get(Cf cf, std::string_view key);  // NotFound when absent, batch first
  Status Put(Cf cf, std::string_view key, std::string_view value);
  Status Delete(Cf cf, const std::string& key);
  Result<bool> HasPrefix(Cf cf, const std::string& prefix);

  Result<PredicateId> PredicateIdFor(const std::string& name);
  Result<EntityId> ResolveEntity(const EntityRef& ref, const std::vector<EntityType>& allowed);
  Result<EntityId> ResolveKey(const EntityRef& ref, const std::vector<EntityType>& allowed);
  void ForgetResolutions();  // after anything that may send a name to another entity
  Status NoteSurface(EntityId id, const EntityRef& ref, const resolve::KeyedName& keyed);
  Result<SourceId> SourceIdFor(const Assertion& a);
  Result<std::vector<std::string>> EvidenceOfSource(SourceId source);  // evidence keys

  void StopCountingFacts();  // fact_counts_ is no longer exact: drop it, and read spo from now on
  Status RemoveEvidence(const std::string& evidence_key);
  Status DeleteUnusedEntities();  // those in unused_candidates_ that have no fact left
  Result<std::vector<std::string>> EvidenceOf(EntityId id);
  Status Refile(EntityId id);
  Result<EntityId> FindEntityId(const std::string& name);

  RocksDb* db_;
  IndexedUnit indexed_;
  std::unique_ptr<BulkUnit> bulk_;
  WriteUnit* unit_;  // indexed_ or bulk_
  Counters counters_;
  Counters committed_counters_;

  Ledger rules_;
  std::unordered_map<std::string, PredicateId> predicate_ids_;
  // Entity references (name, language, types, position) already resolved, and their ids: a repeated
  // reference skips normalisation, the ledger and alias bookkeeping, whose effects it already had.
  StringIdMap resolved_refs_;
  std::string ref_key_;                                   // reused buffer for resolved_refs_ lookups
  std::unordered_map<std::string, EntityId> entity_ids_;  // resolution key -> id
  std::unordered_set<uint64_t> known_surfaces_;           // SurfaceHash of aliases recorded
  StringIdMap source_ids_;                                // uri -> id
  std::vector<EntityId> unused_candidates_;               // lost a fact in this unit

  // When the writer started from an empty store, it has seen every entity, source and fact the store
  // holds, so a name, uri or fact it does not know is new and needs no store lookup. Load() sets these;
  // anything that makes a cache partial clears them.
  bool entity_ids_complete_ = false;
  bool source_ids_complete_ = false;
  bool fact_counts_complete_ = false;
  bool evidence_fingerprints_complete_ = false;
  FactCountTable fact_counts_;            // every fact filed since Load(), with its evidence count
  FingerprintSet evidence_fingerprints_;  // of every evidence key filed since Load(); a superset once deletes happen
};

}  // namespace kg::store

#endif  // KG_STORE_STORE_WRITER_H_
