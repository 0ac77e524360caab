// GraphStore::Export's dispatch: checks the streams, resolves the selection, and runs the format.
#include "export/exporters.h"

#include <memory>
#include <string>

#include "export/evidence_stream.h"
#include "store/store_reader.h"

namespace kg::exporter {
namespace {

// The whole graph as stored: every evidence value in key order, each followed by a newline, with no
// decoding; as store::ExportJsonl, but past the block cache, read ahead on a second thread, and in large
// writes.
Result<ExportReport> CopyStoredJsonl(const store::RocksDb& db, std::ostream& out) {
  constexpr size_t kFlushAt = 1 << 16;
  ExportReport report;
  std::string buffer;
  buffer.reserve(kFlushAt + 4096);
  ReadAheadEvidence evidence(db);
  for (; evidence.Valid(); evidence.Next()) {
    buffer.append(evidence.value());
    buffer.push_back('\n');
    ++report.evidence;
    if (buffer.size() >= kFlushAt) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  }
  KG_RETURN_IF_ERROR(evidence.status());
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  if (!out) return IoError("writing the export failed");
  return report;
}

}  // namespace

Result<ExportReport> Export(const store::RocksDb& db, const ExportOptions& options, const ExportStreams& streams) {
  const bool csv = options.format == ExportFormat::kCsv;
  if (csv ? !(streams.nodes && streams.edges && streams.evidence) : streams.out == nullptr) {
    return InvalidArgument(csv ? "a CSV export needs streams for nodes, edges and evidence"
                               : "an export needs an output stream");
  }
  if (options.neo4j_headers && !csv) return InvalidArgument("--neo4j-headers applies to --to csv only");
  if (options.raw_csv && !csv) return InvalidArgument("--raw-csv applies to --to csv only");
  if (options.format == ExportFormat::kNTriples) KG_RETURN_IF_ERROR(CheckNTriplesBase(options.base));
  const DiagramSelection& selection = options.selection;
  const bool whole = !graph::HasSeeds(selection) && selection.predicates.empty() && selection.types.empty() &&
                     selection.date_from.empty() && selection.date_to.empty();
  if (options.format == ExportFormat::kJsonl && whole && selection.hops == 1) {
    return CopyStoredJsonl(db, *streams.out);
  }
  ExportSource source(db, selection);
  KG_RETURN_IF_ERROR(source.Init());
  switch (options.format) {
    case ExportFormat::kCsv:
      return WriteCsv(source, CsvOptions{options.neo4j_headers, options.raw_csv}, *streams.nodes, *streams.edges,
                      *streams.evidence);
    case ExportFormat::kNodeLink:
      return WriteNodeLink(source, *streams.out);
    case ExportFormat::kGraphml:
      return WriteGraphml(source, *streams.out);
    case ExportFormat::kJsonl:
      return WriteJsonl(source, *streams.out);
    case ExportFormat::kNTriples:
      return WriteNTriples(source, options.base, *streams.out);
  }
  return Internal("unknown export format");
}

}  // namespace kg::exporter
