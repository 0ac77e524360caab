#include "ingest/record_ingester.h"

#include <deque>
#include <future>

#include "schema/fast_assertion_parser.h"
#include "schema/predicate_vocabulary.h"
#include "text/utf8.h"

namespace kg::ingest {
namespace {

constexpr size_t kMaxReportedErrors = 100;
constexpr size_t kBlockRecords = 2048;  // records decoded per task
constexpr size_t kBlocksInFlight = 3;   // bounded read-ahead, so memory stays flat

// What one Assemble call released: the block's items up to `end`, and what the decoder stood at then.
struct Step {
  size_t end = 0;
  uint64_t held_line = 0;         // decoder.first_held_line() after the call
  uint64_t literals_skipped = 0;  // counted by Assemble itself in the block so far
  uint64_t other_skipped = 0;
};

// A block of records, decoded and assembled, ready to merge step by step.
struct AssembledBlock {
  std::vector<DecodedItem> items;
  std::vector<Step> steps;  // one per record, in order
};

// Decodes a block (in parallel with the other blocks in flight), then assembles it once the block
// before it has been assembled (`previous`), so that Assemble sees the records in input order; `done`
// tells the next block. Both run here, off the ingest thread, which then only merges: for N-Triples the
// assembly (statement grouping, IRI -> name mapping, validation) would otherwise serialise with the store.
// `merged` is a block the ingest thread has finished with: freeing its many small strings here, on a
// parse thread, keeps that work off the ingest thread too.
AssembledBlock DecodeBlock(std::vector<Record> records, RecordDecoder* decoder, std::vector<DecodedItem> merged,
                           std::shared_future<void> previous, std::promise<void> done) {
  merged.clear();
  std::vector<DecodedItem> decoded;
  decoded.reserve(records.size());
  for (Record& record : records) decoded.push_back(decoder->Decode(std::move(record)));
  records.clear();

  if (previous.valid()) previous.wait();
  AssembledBlock block;
  block.items.reserve(decoded.size());
  block.steps.reserve(decoded.size());
  IngestReport counts;
  for (DecodedItem& item : decoded) {
    decoder->Assemble(std::move(item), &counts, &block.items);
    block.steps.push_back({block.items.size(), decoder->first_held_line(), counts.literals_skipped,
                           counts.other_skipped});
  }
  done.set_value();
  return block;
}

}  // namespace

schema::ParseLimits LimitsFor(const IngestOptions& options) {
  schema::ParseLimits limits;
  limits.max_line_bytes = options.max_line_bytes;
  limits.max_depth = options.max_depth;
  limits.allow_new_predicates = options.allow_new_predicates;
  return limits;
}

std::optional<schema::LineError> ValidateAssertion(const Assertion& assertion, const schema::ParseLimits& limits) {
  for (const std::string* text : {&assertion.subject.name, &assertion.object.name, &assertion.predicate,
                                  &assertion.currency, &assertion.date, &assertion.period, &assertion.source_uri,
                                  &assertion.source_title, &assertion.source_published, &assertion.evidence_text,
                                  &assertion.extractor, &assertion.subject.external_id, &assertion.object.external_id,
                                  &assertion.subject.lang, &assertion.object.lang}) {
    if (!text::IsValidUtf8(*text)) return schema::LineError{1, "line", "invalid UTF-8"};
  }
  if (schema::FastCheckAssertion(assertion, schema::PredicateVocabulary::Builtin(), limits)) return std::nullopt;
  schema::ParsedLine parsed =
      schema::ParseAssertionLine(schema::ToCanonicalJson(assertion), schema::PredicateVocabulary::Builtin(), limits);
  if (auto* error = std::get_if<schema::LineError>(&parsed)) return *error;
  return std::nullopt;
}

Result<IngestReport> IngestRecords(store::StoreWriter& writer, RecordSource& source, RecordDecoder& decoder,
                                   std::istream& in, const std::string& input_name, const IngestOptions& options) {
  IngestReport report;

  // Ingest only adds, so it can use bulk units; whatever happens, leave the writer as it found it.
  writer.UseBulkUnits(options.sst_min_entries);
  struct Restore {
    store::StoreWriter& w;
    ~Restore() { w.UseIndexedUnits(); }
  } restore{writer};

  // Decoding and assembly run on other threads, block by block, while this thread merges the blocks
  // before them in input order. The store is only ever touched from this thread.
  std::deque<std::future<AssembledBlock>> in_flight;
  std::shared_future<void> last_assembled;  // the assembly of the last block sent
  bool input_done = false;
  std::vector<DecodedItem> merged;  // the last block merged, handed to the next decode task to free
  auto read_ahead = [&] {
    while (!input_done && in_flight.size() < kBlocksInFlight) {
      std::vector<Record> block;
      Record record;
      while (block.size() < kBlockRecords) {
        if (!source.Next(&record)) {
          input_done = true;
          break;
        }
        block.push_back(std::move(record));
        record = Record();
      }
      if (block.empty()) break;
      std::promise<void> done;
      std::shared_future<void> assembled = done.get_future().share();
      in_flight.push_back(std::async(std::launch::async, DecodeBlock, std::move(block), &decoder, std::move(merged),
                                     last_assembled, std::move(done)));
      last_assembled = std::move(assembled);
      merged = {};
    }
  };

  // Commits are pipelined: when Commit() returns, the unit before the one it started is durable, so
  // that is the one reported; Sync() at the end makes the last one durable.
  size_t in_unit = 0;
  uint64_t last_line = 0;
  uint64_t held_line = 0;  // the decoder's first_held_line() after the record merged last
  uint64_t started_through = 0;
  auto report_durable = [&](uint64_t through) {
    if (options.on_commit && through > 0) options.on_commit(input_name, through);
  };
  auto commit = [&]() -> Status {
    uint64_t previous = started_through;
    KG_RETURN_IF_ERROR(writer.Commit());
    // Lines the decoder still holds are not in this unit, so the unit covers the lines before them.
    started_through = held_line > 0 ? std::min(last_line, held_line - 1) : last_line;
    in_unit = 0;
    report_durable(previous);
    return Status::Ok();
  };

  // Merges what the decoder released for one record. Returns false once --max-errors stops the load.
  auto merge_ready = [&](std::vector<DecodedItem>::iterator begin, std::vector<DecodedItem>::iterator end) -> Result<bool> {
    for (auto it = begin; it != end; ++it) {
      DecodedItem& item = *it;
      if (item.line_number > last_line) last_line = item.line_number;
      if (std::holds_alternative<std::monostate>(item.value)) {
        if (item.skip_counter != nullptr) ++(report.*item.skip_counter);
        continue;
      }
      if (const auto* error = std::get_if<schema::LineError>(&item.value)) {
        ++report.rejected;
        if (report.errors.size() < kMaxReportedErrors) {
          report.errors.push_back(input_name + ":" + std::to_string(item.line_number) + ":" + error->ToString());
        }
        if (options.rejects != nullptr) *options.rejects << item.raw << '\n';
        if (report.rejected > options.max_errors) {
          report.stopped_early = true;
          return false;
        }
        continue;
      }
      auto outcome = writer.Add(std::get<Assertion>(item.value), item.evidence);
      if (!outcome.ok()) return outcome.status().WithPrefix(input_name + ":" + std::to_string(item.line_number));
      switch (*outcome) {
        case store::StoreWriter::Outcome::kNewFact: ++report.new_facts; break;
        case store::StoreWriter::Outcome::kNewEvidence: ++report.merged; break;
        case store::StoreWriter::Outcome::kDuplicate: ++report.duplicates; break;
      }
      ++in_unit;
    }
    // Units end between records only: an N-Triples statement that became several assertions goes in whole.
    if (in_unit >= options.lines_per_unit) KG_RETURN_IF_ERROR(commit());
    return true;
  };
  auto fail = [&](Status status) -> Result<IngestReport> {
    writer.Abort();
    for (auto& pending : in_flight) pending.wait();
    return status;
  };

  read_ahead();
  while (!in_flight.empty() && !report.stopped_early) {
    AssembledBlock block = in_flight.front().get();
    in_flight.pop_front();
    read_ahead();
    size_t begin = 0;
    Step counted;  // the block's counts already carried over
    for (const Step& step : block.steps) {
      ++report.lines;
      report.literals_skipped += step.literals_skipped - counted.literals_skipped;
      report.other_skipped += step.other_skipped - counted.other_skipped;
      counted = step;
      held_line = step.held_line;
      auto go_on = merge_ready(block.items.begin() + begin, block.items.begin() + step.end);
      if (!go_on.ok()) return fail(go_on.status());
      if (!*go_on) break;
      begin = step.end;
    }
    merged = std::move(block.items);
  }
  if (!report.stopped_early) {
    std::vector<DecodedItem> ready;
    decoder.Finish(&report, &ready);
    held_line = decoder.first_held_line();
    auto go_on = merge_ready(ready.begin(), ready.end());
    if (!go_on.ok()) return fail(go_on.status());
  }
  for (auto& pending : in_flight) pending.wait();
  if (in.bad()) {
    writer.Abort();
    return IoError(input_name + ": read error after line " + std::to_string(source.line_number()));
  }
  KG_RETURN_IF_ERROR(commit());
  KG_RETURN_IF_ERROR(writer.Sync());
  report_durable(started_through);
  return report;
}

}  // namespace kg::ingest
