// The one ingest loop every input format goes through: records come from a RecordSource, a
// RecordDecoder turns each into an assertion or a LineError (on parse threads, block by block: Decode
// on several blocks at once, then Assemble in input order), and the loop merges the assertions through
// a StoreWriter in input order, committing a durable unit every IngestOptions::lines_per_unit
// assertions. The calling thread does only the reading and the merge.
//
// The bad-input rules are the loop's, so they are the same for JSONL, N-Triples and CSV: a bad record
// is rejected on its own with "input:line:column: field: reason", is copied to the rejects stream, and
// writes nothing; the records around it go in; --max-errors stops the load after the committed units.
// Borrows everything it is given; not thread-safe.
#ifndef KG_INGEST_RECORD_INGESTER_H_
#define KG_INGEST_RECORD_INGESTER_H_

#include <any>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kg/graph_store.h"
#include "schema/assertion_json.h"
#include "store/store_writer.h"

namespace kg::ingest {

// One unit of input: a line, or a CSV record that may span lines (line_number is where it starts).
struct Record {
  uint64_t line_number = 0;
  size_t full_length = 0;  // bytes, also when `text` was cut short at max_line_bytes + 1
  std::string text;
};

// Reads records in order. Not thread-safe.
class RecordSource {
 public:
  virtual ~RecordSource() = default;
  // The next non-blank record, or false at the end of the input.
  virtual bool Next(Record* record) = 0;
  // The last physical line read, for messages about read errors.
  virtual uint64_t line_number() const = 0;
};

// A record once decoded. Skipped records (comments, triples that carry no fact) hold std::monostate and
// count in the report's skip counter that the decoder's Assemble names, if any.
struct DecodedItem {
  uint64_t line_number = 0;
  std::variant<std::monostate, Assertion, schema::LineError> value;
  store::EvidenceLine evidence;  // MakeEvidenceLine(assertion), when value holds an Assertion
  std::string raw;               // the record as read, when value holds a LineError (for --rejects)
  uint64_t IngestReport::*skip_counter = nullptr;  // a member, not a pointer: Assemble may run ahead of the merge
  std::any pending;  // what a format's Decode leaves for its Assemble to finish (value is monostate)
};

// Turns records into assertions for one input format.
class RecordDecoder {
 public:
  virtual ~RecordDecoder() = default;

  // Decodes one record. Called from parse threads, several at once: must only read shared state.
  virtual DecodedItem Decode(Record record) const = 0;

  // Runs in input order, one call at a time, for formats whose assertions span records (an N-Triples
  // statement and its qualifiers). Appends what is ready to merge to `out`; may hold items back until
  // a later one completes them. It runs on a parse thread, ahead of the merge, so it must not touch the
  // store, and it may count only in `report`'s literals_skipped and other_skipped (the loop carries
  // those counts over when it merges what the call released). The default passes each item through.
  virtual void Assemble(DecodedItem item, IngestReport* report, std::vector<DecodedItem>* out) {
    out->push_back(std::move(item));
  }
  // At the end of the input, on the ingest thread: releases whatever Assemble still holds.
  virtual void Finish(IngestReport* report, std::vector<DecodedItem>* out) {}
  // The first line that Assemble holds back, or 0: units are reported durable only up to before it.
  virtual uint64_t first_held_line() const { return 0; }
};

// The validator's limits that `options` sets (line size, nesting depth, new predicates).
schema::ParseLimits LimitsFor(const IngestOptions& options);

// Checks `assertion` against schemas/assertion.schema.json and the predicate vocabulary as the JSONL
// validator does, so decoders of other formats apply exactly the JSONL rules. An assertion that passes
// schema::FastCheckAssertion is valid; any other is judged by the JSONL validator itself (its canonical
// JSON is parsed back), which gives the error. Returns the error with the JSON field path
// ("subject.type", "amount", ...), whose column refers to the JSON text: callers put their own column on
// it. nullopt when it is valid.
std::optional<schema::LineError> ValidateAssertion(const Assertion& assertion, const schema::ParseLimits& limits);

// Runs the loop over all of `source`. `input_name` prefixes every message. Returns the report; a
// non-OK Status means the store failed (I/O, corruption), and units committed before stay.
Result<IngestReport> IngestRecords(store::StoreWriter& writer, RecordSource& source, RecordDecoder& decoder,
                                   std::istream& in, const std::string& input_name, const IngestOptions& options);

}  // namespace kg::ingest

#endif  // KG_INGEST_RECORD_INGESTER_H_
