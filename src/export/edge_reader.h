// What EdgeCursor runs on: one pass over the evidence column family (see evidence_stream.h) that turns
// each run of evidence keys sharing (subject, predicate, object, qualifier hash) into an ExportEdge. It
// fills whichever ExportEdge it is handed, reusing that edge's storage.
//
// An EdgeReader reads the ExportSource's selection and filters, which must not change while it runs,
// and resolves predicate names through the source's IndexReader. Not thread-safe itself.
#ifndef KG_EXPORT_EDGE_READER_H_
#define KG_EXPORT_EDGE_READER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "export/evidence_fields.h"
#include "export/evidence_stream.h"
#include "export/export_source.h"
#include "kg/status.h"

namespace kg::exporter {

class EdgeReader {
 public:
  EdgeReader(ExportSource& source, KeptEvidence kept);

  // Fills `edge` with the next edge in scope (reusing the storage its strings and lists already have)
  // and returns true; false at the end or on error (see status()).
  bool Next(ExportEdge* edge);
  // DataLoss for an evidence line that does not read, the store's error, or OK.
  const Status& status() const { return status_; }

 private:
  // Puts it_ on the next evidence key in scope, moving to the next selected fact when one ends.
  bool Position();
  bool FactAllowed(const store::Triple& t) const;
  Status ReadGroup(ExportEdge* edge);
  Status SetPredicate(store::PredicateId id, ExportEdge* edge);
  void AddSource(const std::string& uri, ExportEdge* edge);

  ExportSource& source_;
  KeptEvidence kept_;
  std::unique_ptr<EvidenceStream> it_;
  size_t fact_index_ = 0;        // selection: the fact it_ is in
  std::string fact_prefix_;      // selection: its spo key
  std::string group_prefix_;     // the current edge's evidence key prefix
  EvidenceFields scratch_;       // each piece, when the fields are not kept
  // The name and symmetry of the predicate last seen, copied into each edge: runs of one predicate
  // are long, and a copy of a short name costs less than a lookup.
  std::optional<store::PredicateId> predicate_id_;
  std::string predicate_;
  bool symmetric_ = false;
  // The edge's sources as a set, filled only once it has many: most edges have one or two, and a
  // linear search over those beats hashing each uri.
  std::unordered_set<std::string> edge_sources_;
  bool started_ = false;
  store::Triple last_fact_;
  uint64_t group_ordinal_ = 0;
  Status status_;
};

}  // namespace kg::exporter

#endif  // KG_EXPORT_EDGE_READER_H_
