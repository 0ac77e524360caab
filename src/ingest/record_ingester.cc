#include "ingest/record_ingester.h"

#include <deque>
#include <future>

#include "schema/predicate_vocabulary.h"
#include "text/utf8.h"

namespace kg::ingest {
namespace {

constexpr size_t kMaxReportedErrors = 100;
constexpr size_t kBlockRecords = 2048;  // records decoded per task
constexpr size_t kBlocksInFlight = 3;   // bounded read-ahead, so memory stays flat

// `merged` is a block the ingest thread has finished with: freeing its many small strings here, on a parse
// thread, keeps that work off the ingest thread, which is the bottleneck.
std::vector<DecodedItem> DecodeBlock(std::vector<Record> records, const RecordDecoder* decoder,
                                     std::vector<DecodedItem> merged) {
  merged.clear();
  std::vector<DecodedItem> items;
  items.reserve(records.size());
  for (Record& record : records) items.push_back(decoder->Decode(std::move(record)));
  return items;
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

  // Decoding is pure and runs on another thread, block by block, while this thread merges the blocks
  // before it in input order. The store is only ever touched from this thread.
  std::deque<std::future<std::vector<DecodedItem>>> in_flight;
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
      in_flight.push_back(std::async(std::launch::async, DecodeBlock, std::move(block), &decoder, std::move(merged)));
      merged = {};
    }
  };

  // Commits are pipelined: when Commit() returns, the unit before the one it started is durable, so
  // that is the one reported; Sync() at the end makes the last one durable.
  size_t in_unit = 0;
  uint64_t last_line = 0;
  uint64_t started_through = 0;
  auto report_durable = [&](uint64_t through) {
    if (options.on_commit && through > 0) options.on_commit(input_name, through);
  };
  auto commit = [&]() -> Status {
    uint64_t previous = started_through;
    KG_RETURN_IF_ERROR(writer.Commit());
    // Lines the decoder still holds are not in this unit, so the unit covers the lines before them.
    const uint64_t held = decoder.first_held_line();
    started_through = held > 0 ? std::min(last_line, held - 1) : last_line;
    in_unit = 0;
    report_durable(previous);
    return Status::Ok();
  };

  std::vector<DecodedItem> ready;
  // Merges what the decoder released. Returns false once --max-errors stops the load.
  auto merge_ready = [&]() -> Result<bool> {
    for (DecodedItem& item : ready) {
      if (item.line_number > last_line) last_line = item.line_number;
      if (std::holds_alternative<std::monostate>(item.value)) {
        if (item.skip_counter != nullptr) ++*item.skip_counter;
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
    ready.clear();
    return true;
  };
  auto fail = [&](Status status) -> Result<IngestReport> {
    writer.Abort();
    for (auto& pending : in_flight) pending.wait();
    return status;
  };

  read_ahead();
  while (!in_flight.empty() && !report.stopped_early) {
    std::vector<DecodedItem> items = in_flight.front().get();
    in_flight.pop_front();
    read_ahead();
    for (DecodedItem& item : items) {
      ++report.lines;
      decoder.Assemble(std::move(item), &report, &ready);
      auto go_on = merge_ready();
      if (!go_on.ok()) return fail(go_on.status());
      if (!*go_on) break;
    }
    merged = std::move(items);
  }
  if (!report.stopped_early) {
    decoder.Finish(&report, &ready);
    auto go_on = merge_ready();
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
