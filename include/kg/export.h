// Exports for analytics tools: the whole graph, or the part a DiagramSelection picks, as CSV (pandas,
// Gephi, neo4j-admin), networkx node-link JSON, GraphML, N-Triples or JSONL.
//
// Every edge is one qualifier set of a fact (the same grouping as FactRow): two investments of different
// amounts or dates between the same entities stay two edges, each with its evidence count, amount,
// currency, date, period, best confidence and sources. Whole-graph exports stream from the store in
// constant memory; a selection with seeds holds the chosen entity ids and facts. See README "Exporting".
#ifndef KG_EXPORT_H_
#define KG_EXPORT_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "kg/diagram.h"

namespace kg {

enum class ExportFormat { kJsonl, kCsv, kNodeLink, kGraphml, kNTriples };

struct ExportOptions {
  ExportFormat format = ExportFormat::kJsonl;
  // Which part of the graph. Without centres, entities or a query, the whole graph goes out, narrowed
  // only by the predicate, type and date filters.
  DiagramSelection selection;
  bool neo4j_headers = false;  // CSV: neo4j-admin import headers instead of Gephi's
  // CSV: text fields exactly as stored. By default a text field that starts with = + - @, a tab or CR
  // gets a ' in front, so that a spreadsheet shows it rather than running it as a formula (OWASP).
  bool raw_csv = false;
  std::string base = "https://kg.invalid/";  // N-Triples: the base IRI (absolute, ending in '/' or '#')
};

// Where an export goes: `out` for the one-stream formats; nodes, edges and evidence for CSV. Borrowed.
struct ExportStreams {
  std::ostream* out = nullptr;
  std::ostream* nodes = nullptr;
  std::ostream* edges = nullptr;
  std::ostream* evidence = nullptr;
};

struct ExportReport {
  uint64_t nodes = 0;
  uint64_t edges = 0;     // qualifier sets written (JSONL: 0, it writes evidence lines)
  uint64_t evidence = 0;  // pieces of evidence written (CSV evidence rows, JSONL lines)
};

}  // namespace kg

#endif  // KG_EXPORT_H_
