#include "ingest/ingester.h"

#include "ingest/csv_decoder.h"
#include "ingest/jsonl_ingester.h"
#include "ingest/line_reader.h"
#include "ingest/ntriples_decoder.h"

namespace kg {

std::optional<InputFormat> ParseInputFormat(const std::string& name) {
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "ntriples" || name == "nt") return InputFormat::kNTriples;
  if (name == "csv") return InputFormat::kCsv;
  if (name == "tsv") return InputFormat::kTsv;
  return std::nullopt;
}

std::optional<InputFormat> InputFormatForPath(const std::string& path) {
  auto ends_with = [&](const std::string& suffix) {
    return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".jsonl") || ends_with(".ndjson")) return InputFormat::kJsonl;
  if (ends_with(".nt")) return InputFormat::kNTriples;
  if (ends_with(".csv")) return InputFormat::kCsv;
  if (ends_with(".tsv") || ends_with(".tab")) return InputFormat::kTsv;
  return std::nullopt;
}

namespace ingest {

Result<IngestReport> Ingest(store::StoreWriter& writer, std::istream& in, const std::string& input_name,
                            const IngestOptions& options) {
  switch (options.format) {
    case InputFormat::kJsonl: {
      LineSource source(in, options.max_line_bytes);
      JsonlDecoder decoder(options);
      return IngestRecords(writer, source, decoder, in, input_name, options);
    }
    case InputFormat::kNTriples: {
      LineSource source(in, options.max_line_bytes);
      NTriplesDecoder decoder(options);
      return IngestRecords(writer, source, decoder, in, input_name, options);
    }
    case InputFormat::kCsv:
    case InputFormat::kTsv: {
      const char delimiter = options.format == InputFormat::kCsv ? ',' : '\t';
      CsvRecordSource source(in, delimiter, options.max_line_bytes);
      auto decoder = CsvDecoder::FromHeader(source, delimiter, options, input_name);
      if (!decoder.ok()) return decoder.status();
      return IngestRecords(writer, source, **decoder, in, input_name, options);
    }
  }
  return InvalidArgument("unknown input format");
}

}  // namespace ingest
}  // namespace kg
