// StoreWriter's document operation: an article `kg ingest` extracted facts from is a source that knows
// the hash of its content, so that reading it again is free when it is unchanged and replaces its
// evidence when it changed.
#include <unordered_set>

#include "store/store_writer.h"

namespace kg::store {
namespace {

uint64_t LineHashOfKey(const std::string& evidence_key) {
  return GetFixed64(std::string_view(evidence_key).substr(evidence_key.size() - 8));
}

}  // namespace

Result<StoreWriter::DocumentChange> StoreWriter::ReplaceDocument(const SourceRecord& document,
                                                                 const std::vector<Assertion>& assertions) {
  if (document.uri.empty() || document.content_hash.empty()) {
    return InvalidArgument("a document needs a uri and a content hash");
  }
  for (const auto& a : assertions) {
    if (a.source_uri != document.uri) {
      return InvalidArgument("an assertion of document \"" + document.uri + "\" names source \"" + a.source_uri + "\"");
    }
  }

  DocumentChange change;
  std::optional<SourceId> id;
  auto stored = Get(kSourceUris, document.uri);
  if (stored.ok()) {
    id = GetFixed64(*stored);
    auto value = Get(kSources, Fixed64Key(*id));
    if (!value.ok()) return value.status();
    auto record = DecodeSource(*id, *value);
    if (!record.ok()) return record.status();
    change.existed = true;
    if (record->content_hash == document.content_hash && record->extraction == document.extraction) {
      change.unchanged = true;
      return change;
    }
  } else if (stored.status().code() != StatusCode::kNotFound) {
    return stored.status();
  }

  // Old evidence goes first and entities are only deleted after the new evidence is in, so evidence
  // reported again is kept as it was and entities that keep a fact keep their ids.
  Status status = [&]() -> Status {
    std::unordered_set<uint64_t> old_lines;
    if (id) {
      auto keys = EvidenceOfSource(*id);
      if (!keys.ok()) return keys.status();
      for (const auto& key : *keys) {
        old_lines.insert(LineHashOfKey(key));
        KG_RETURN_IF_ERROR(RemoveEvidence(key));
      }
    } else {
      id = counters_.next_source_id++;
      ++counters_.stats.sources;
      KG_RETURN_IF_ERROR(Put(kSourceUris, document.uri, Fixed64Key(*id)));
      source_ids_.Insert(document.uri, *id);
    }
    SourceRecord record = document;
    record.id = *id;
    KG_RETURN_IF_ERROR(Put(kSources, Fixed64Key(*id), EncodeSource(record)));

    std::unordered_set<uint64_t> new_lines;
    for (const auto& a : assertions) {
      const EvidenceLine line = MakeEvidenceLine(a);
      if (!new_lines.insert(line.line_hash).second) continue;  // stated twice in the document
      auto outcome = Add(a, line);
      if (!outcome.ok()) return outcome.status();
      (old_lines.count(line.line_hash) != 0 ? change.evidence_kept : change.evidence_added)++;
    }
    change.evidence_removed = old_lines.size() - change.evidence_kept;
    KG_RETURN_IF_ERROR(DeleteUnusedEntities());
    return Commit();
  }();
  if (!status.ok()) {
    Abort();
    return status;
  }
  return change;
}

}  // namespace kg::store
