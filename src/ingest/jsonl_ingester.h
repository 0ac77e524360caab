// Decodes JSONL input: each line is one assertion, validated against schemas/assertion.schema.json
// and the predicate vocabulary (see schema/assertion_json.h). Immutable once built; Decode() is
// thread-safe.
#ifndef KG_INGEST_JSONL_INGESTER_H_
#define KG_INGEST_JSONL_INGESTER_H_

#include "ingest/record_ingester.h"

namespace kg::ingest {

class JsonlDecoder : public RecordDecoder {
 public:
  explicit JsonlDecoder(const IngestOptions& options);
  DecodedItem Decode(Record record) const override;

 private:
  schema::ParseLimits limits_;
};

}  // namespace kg::ingest

#endif  // KG_INGEST_JSONL_INGESTER_H_
