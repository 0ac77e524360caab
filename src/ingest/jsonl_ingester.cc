#include "ingest/jsonl_ingester.h"

#include <deque>
#include <future>

#include "ingest/line_reader.h"
#include "schema/assertion_json.h"
#include "schema/predicate_vocabulary.h"
#include "store/store_writer.h"

namespace kg::ingest {
namespace {

constexpr size_t kMaxReportedErrors = 100;
constexpr size_t kBlockLines = 2048;   // lines parsed per task
constexpr size_t kBlocksInFlight = 3;  // bounded read-ahead, so memory stays flat

bool IsBlank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

// One line after the pure, parallel part of the work: parsing, validation and canonical JSON.
struct ParsedItem {
  uint64_t line_number = 0;
  schema::ParsedLine parsed;
  store::EvidenceLine evidence;  // when parsed is an Assertion
  std::string raw;               // when parsed is a LineError, for the rejects file
};

struct RawLine {
  uint64_t line_number;
  size_t full_length;
  std::string text;
};

// `merged` is a block the ingest thread has finished with: freeing its many small strings here, on a parse
// thread, keeps that work off the ingest thread, which is the bottleneck.
std::vector<ParsedItem> ParseBlock(std::vector<RawLine> lines, const schema::ParseLimits& limits,
                                   std::vector<ParsedItem> merged) {
  merged.clear();
  const auto& vocabulary = schema::PredicateVocabulary::Builtin();
  std::vector<ParsedItem> items(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    ParsedItem& item = items[i];
    item.line_number = lines[i].line_number;
    if (lines[i].full_length > limits.max_line_bytes) {
      item.parsed = schema::OverlongLineError(lines[i].full_length, limits);
    } else {
      item.parsed = schema::ParseAssertionLine(lines[i].text, vocabulary, limits);
    }
    if (const auto* assertion = std::get_if<Assertion>(&item.parsed)) {
      item.evidence = store::MakeEvidenceLine(*assertion);
    } else {
      item.raw = std::move(lines[i].text);
    }
  }
  return items;
}

}  // namespace

Result<IngestReport> IngestJsonl(store::StoreWriter& writer, std::istream& in, const std::string& input_name,
                                 const IngestOptions& options) {
  IngestReport report;
  schema::ParseLimits limits;
  limits.max_line_bytes = options.max_line_bytes;
  limits.max_depth = options.max_depth;
  limits.allow_new_predicates = options.allow_new_predicates;

  // Ingest only adds, so it can use bulk units; whatever happens, leave the writer as it found it.
  writer.UseBulkUnits(options.sst_min_entries);
  struct Restore {
    store::StoreWriter& w;
    ~Restore() { w.UseIndexedUnits(); }
  } restore{writer};

  // Parsing is pure and runs on another thread, block by block, while this thread merges the blocks
  // before it in input order. The store is only ever touched from this thread.
  LineReader reader(in, options.max_line_bytes);
  std::deque<std::future<std::vector<ParsedItem>>> in_flight;
  bool input_done = false;
  std::vector<ParsedItem> merged;  // the last block merged, handed to the next parse task to free
  auto read_ahead = [&] {
    while (!input_done && in_flight.size() < kBlocksInFlight) {
      std::vector<RawLine> block;
      std::string line;
      size_t full_length = 0;
      while (block.size() < kBlockLines) {
        if (!reader.Next(&line, &full_length)) {
          input_done = true;
          break;
        }
        if (IsBlank(line)) continue;
        block.push_back({reader.line_number(), full_length, std::move(line)});
      }
      if (block.empty()) break;
      in_flight.push_back(std::async(std::launch::async, ParseBlock, std::move(block), limits, std::move(merged)));
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
    started_through = last_line;
    in_unit = 0;
    report_durable(previous);
    return Status::Ok();
  };

  read_ahead();
  while (!in_flight.empty() && !report.stopped_early) {
    std::vector<ParsedItem> items = in_flight.front().get();
    in_flight.pop_front();
    read_ahead();
    for (ParsedItem& item : items) {
      ++report.lines;
      last_line = item.line_number;
      if (const auto* error = std::get_if<schema::LineError>(&item.parsed)) {
        ++report.rejected;
        if (report.errors.size() < kMaxReportedErrors) {
          report.errors.push_back(input_name + ":" + std::to_string(item.line_number) + ":" + error->ToString());
        }
        if (options.rejects != nullptr) *options.rejects << item.raw << '\n';
        if (report.rejected > options.max_errors) {
          report.stopped_early = true;
          break;
        }
        continue;
      }
      auto outcome = writer.Add(std::get<Assertion>(item.parsed), item.evidence);
      if (!outcome.ok()) {
        writer.Abort();
        for (auto& pending : in_flight) pending.wait();
        return outcome.status().WithPrefix(input_name + ":" + std::to_string(item.line_number));
      }
      switch (*outcome) {
        case store::StoreWriter::Outcome::kNewFact: ++report.new_facts; break;
        case store::StoreWriter::Outcome::kNewEvidence: ++report.merged; break;
        case store::StoreWriter::Outcome::kDuplicate: ++report.duplicates; break;
      }
      if (++in_unit >= options.lines_per_unit) KG_RETURN_IF_ERROR(commit());
    }
    merged = std::move(items);
  }
  for (auto& pending : in_flight) pending.wait();
  if (in.bad()) {
    writer.Abort();
    return IoError(input_name + ": read error after line " + std::to_string(reader.line_number()));
  }
  KG_RETURN_IF_ERROR(commit());
  KG_RETURN_IF_ERROR(writer.Sync());
  report_durable(started_through);
  return report;
}

}  // namespace kg::ingest
