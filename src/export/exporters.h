// The export formats behind GraphStore::Export. Each writes what an ExportSource streams, entities
// first and then edges, so that whole-graph exports hold one entity and one edge at a time. They return
// IoError when a stream fails and pass on the store's errors; on error the output is incomplete.
#ifndef KG_EXPORT_EXPORTERS_H_
#define KG_EXPORT_EXPORTERS_H_

#include <ostream>
#include <string>

#include "export/export_source.h"
#include "kg/export.h"
#include "kg/status.h"

namespace kg::exporter {

struct CsvOptions {
  bool neo4j_headers = false;  // neo4j-admin import's headers instead of Gephi's
  bool raw = false;            // text fields as they are, without the guard against spreadsheet formulas
};

// nodes.csv, edges.csv and evidence.csv (RFC 4180 with CRLF line ends, UTF-8 without BOM), with
// Gephi's headers or neo4j-admin import's. Unless `options.raw`, a text field that starts with = + - @,
// a tab or CR gets a ' in front (text/spreadsheet_formula.h); numeric columns are never changed.
Result<ExportReport> WriteCsv(ExportSource& source, const CsvOptions& options, std::ostream& nodes,
                              std::ostream& edges, std::ostream& evidence);

// networkx node-link JSON: {"directed":true,"multigraph":true,"graph":{…},"nodes":[…],"links":[…]}.
Result<ExportReport> WriteNodeLink(ExportSource& source, std::ostream& out);

// GraphML through Boost.Graph's write_graphml, every attribute typed.
Result<ExportReport> WriteGraphml(ExportSource& source, std::ostream& out);

// The evidence of the selected edges as canonical JSONL, as `kg ingest` reads it.
Result<ExportReport> WriteJsonl(ExportSource& source, std::ostream& out);

// N-Triples under `base` (see schemas/rdf_mapping.md). InvalidArgument for a base that is not an
// absolute IRI ending in '/' or '#'.
Result<ExportReport> WriteNTriples(ExportSource& source, const std::string& base, std::ostream& out);
Status CheckNTriplesBase(const std::string& base);

// Runs the format `options` names over the store.
Result<ExportReport> Export(const store::RocksDb& db, const ExportOptions& options, const ExportStreams& streams);

}  // namespace kg::exporter

#endif  // KG_EXPORT_EXPORTERS_H_
