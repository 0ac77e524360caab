#include "ingest/jsonl_ingester.h"

#include "ingest/line_reader.h"
#include "schema/assertion_json.h"
#include "schema/predicate_vocabulary.h"

namespace kg::ingest {
namespace {

constexpr size_t kMaxReportedErrors = 100;

bool IsBlank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

}  // namespace

Result<IngestReport> IngestJsonl(store::StoreWriter& writer, std::istream& in, const std::string& input_name,
                                 const IngestOptions& options) {
  IngestReport report;
  schema::ParseLimits limits;
  limits.max_line_bytes = options.max_line_bytes;
  limits.max_depth = options.max_depth;
  limits.allow_new_predicates = options.allow_new_predicates;
  const auto& vocabulary = schema::PredicateVocabulary::Builtin();

  LineReader reader(in, options.max_line_bytes);
  std::string line;
  size_t full_length = 0;
  size_t in_unit = 0;
  auto commit = [&]() -> Status {
    KG_RETURN_IF_ERROR(writer.Commit());
    in_unit = 0;
    if (options.on_commit) options.on_commit(input_name, reader.line_number());
    return Status::Ok();
  };

  while (reader.Next(&line, &full_length)) {
    if (IsBlank(line)) continue;
    ++report.lines;
    schema::ParsedLine parsed;
    if (full_length > options.max_line_bytes) {
      parsed = schema::LineError{1, "line", "line is " + std::to_string(full_length) + " bytes, over the limit of " +
                                                std::to_string(options.max_line_bytes)};
    } else {
      parsed = schema::ParseAssertionLine(line, vocabulary, limits);
    }
    if (const auto* error = std::get_if<schema::LineError>(&parsed)) {
      ++report.rejected;
      if (report.errors.size() < kMaxReportedErrors) {
        report.errors.push_back(input_name + ":" + std::to_string(reader.line_number()) + ":" + error->ToString());
      }
      if (options.rejects != nullptr) *options.rejects << line << '\n';
      if (report.rejected > options.max_errors) {
        report.stopped_early = true;
        break;
      }
      continue;
    }
    auto outcome = writer.Add(std::get<Assertion>(parsed));
    if (!outcome.ok()) {
      writer.Abort();
      return outcome.status().WithPrefix(input_name + ":" + std::to_string(reader.line_number()));
    }
    switch (*outcome) {
      case store::StoreWriter::Outcome::kNewFact: ++report.new_facts; break;
      case store::StoreWriter::Outcome::kNewEvidence: ++report.merged; break;
      case store::StoreWriter::Outcome::kDuplicate: ++report.duplicates; break;
    }
    if (++in_unit >= options.lines_per_unit) KG_RETURN_IF_ERROR(commit());
  }
  if (in.bad()) {
    writer.Abort();
    return IoError(input_name + ": read error after line " + std::to_string(reader.line_number()));
  }
  KG_RETURN_IF_ERROR(commit());
  return report;
}

}  // namespace kg::ingest
