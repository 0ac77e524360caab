#include "ingest/jsonl_ingester.h"

#include "schema/predicate_vocabulary.h"

namespace kg::ingest {

JsonlDecoder::JsonlDecoder(const IngestOptions& options) : limits_(LimitsFor(options)) {}

DecodedItem JsonlDecoder::Decode(Record record) const {
  DecodedItem item;
  item.line_number = record.line_number;
  if (record.full_length > limits_.max_line_bytes) {
    item.value = schema::OverlongLineError(record.full_length, limits_);
  } else {
    schema::ParsedLine parsed = schema::ParseAssertionLine(record.text, schema::PredicateVocabulary::Builtin(), limits_);
    if (auto* assertion = std::get_if<Assertion>(&parsed)) {
      item.evidence = store::MakeEvidenceLine(*assertion);
      item.value = std::move(*assertion);
    } else {
      item.value = std::get<schema::LineError>(parsed);
    }
  }
  if (std::holds_alternative<schema::LineError>(item.value)) item.raw = std::move(record.text);
  return item;
}

}  // namespace kg::ingest
