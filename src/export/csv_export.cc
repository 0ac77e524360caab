// CSV export: three files, one row per entity, per edge (qualifier set) and per piece of evidence.
// Fields are quoted only when they hold a comma, a quote, CR or LF, with quotes doubled (RFC 4180);
// rows end in CRLF. Lists (aliases, sources) are JSON arrays in one field. A text field that a
// spreadsheet would run as a formula gets a ' in front unless the export is raw (see
// text/spreadsheet_formula.h); numbers never do.
#include <string>

#include "text/byte_runs.h"
#include "text/spreadsheet_formula.h"
#include "export/exporters.h"
#include "export/field_text.h"

namespace kg::exporter {
namespace {

// Collects rows and hands them to the stream in large writes.
class CsvWriter {
 public:
  CsvWriter(std::ostream& out, bool guard_formulas) : out_(out), guard_formulas_(guard_formulas) {
    buffer_.reserve(kFlushAt + 4096);
  }

  // A text field. Names, titles, evidence and uris come from the data, so any of them may start like a
  // formula; the guard is part of the field's text, quoted with it when the field needs quotes.
  void Field(std::string_view text) {
    Separate();
    const bool guard = guard_formulas_ && text::StartsLikeFormula(text);
    // Not find_first_of, which calls memchr once per byte of the field for its four characters.
    if (text::CsvPlainRun(text) == text.size()) {
      if (guard) buffer_.push_back(text::kFormulaGuard);
      buffer_.append(text);
      return;
    }
    buffer_.push_back('"');
    if (guard) buffer_.push_back(text::kFormulaGuard);
    for (size_t start = 0;;) {
      const size_t quote = text.find('"', start);
      if (quote == std::string_view::npos) {
        buffer_.append(text.substr(start));
        break;
      }
      buffer_.append(text.substr(start, quote + 1 - start));  // the quote, doubled below
      buffer_.push_back('"');
      start = quote + 1;
    }
    buffer_.push_back('"');
  }
  void Number(const std::optional<double>& value) {
    Separate();
    if (value) AppendNumber(&buffer_, *value);
  }
  void Integer(std::optional<int64_t> value) {
    Separate();
    if (value) AppendSigned(&buffer_, *value);
  }
  void Unsigned(uint64_t value) {
    Separate();
    AppendUnsigned(&buffer_, value);
  }
  void Header(std::initializer_list<std::string_view> names) {
    for (std::string_view name : names) Field(name);
    EndRow();
  }
  void EndRow() {
    buffer_.append("\r\n");
    first_ = true;
    if (buffer_.size() >= kFlushAt) Write();
  }
  // Writes what is buffered; IoError when any write so far failed.
  Status Flush() {
    Write();
    return out_ ? Status::Ok() : IoError("writing the CSV export failed");
  }

  // Scratch space for fields built from several parts.
  std::string scratch;

 private:
  static constexpr size_t kFlushAt = 1 << 16;

  void Write() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

  void Separate() {
    if (!first_) buffer_.push_back(',');
    first_ = false;
  }

  std::ostream& out_;
  const bool guard_formulas_;
  std::string buffer_;
  bool first_ = true;
};

// Both header sets name the same columns: id, name, type (Gephi's Id and Label; neo4j's ID and LABEL).
void WriteNodeRow(CsvWriter& csv, const Entity& e) {
  csv.Unsigned(e.id);
  csv.Field(e.name);
  csv.Field(EntityTypeName(e.type));
  csv.Field(e.iso_code);
  csv.Field(e.external_id);
  csv.scratch.clear();
  AppendAliasesJson(&csv.scratch, e.aliases);
  csv.Field(csv.scratch);
  csv.EndRow();
}

void WriteEdgeRow(CsvWriter& csv, const ExportEdge& edge, bool neo4j) {
  csv.Unsigned(edge.fact.s);
  csv.Unsigned(edge.fact.o);
  if (neo4j) {
    csv.Field(edge.predicate);
    csv.Field(edge.key);
  } else {
    csv.Field(edge.symmetric ? "Undirected" : "Directed");
    csv.Field(edge.predicate);
    csv.Unsigned(edge.evidence_count);
    csv.Field(edge.key);
  }
  csv.Field(edge.symmetric ? "true" : "false");
  csv.Unsigned(edge.evidence_count);
  csv.Number(edge.amount);
  csv.Field(edge.currency);
  csv.Field(edge.date);
  csv.Field(edge.period);
  csv.Number(edge.confidence);
  csv.scratch.clear();
  AppendStringsJson(&csv.scratch, edge.sources());
  csv.Field(csv.scratch);
  csv.EndRow();
}

void WriteEvidenceRow(CsvWriter& csv, const ExportEdge& edge, const EvidenceFields& a) {
  csv.Field(edge.key);
  csv.Field(a.source_uri);
  csv.Field(a.source_title);
  csv.Field(a.source_published);
  csv.Field(a.evidence_text);
  csv.Integer(a.evidence_start);
  csv.Integer(a.evidence_end);
  csv.Number(a.confidence);
  csv.Field(a.extractor);
  csv.Number(a.amount);
  csv.Field(a.currency);
  csv.Field(a.date);
  csv.Field(a.period);
  csv.EndRow();
}

}  // namespace

Result<ExportReport> WriteCsv(ExportSource& source, const CsvOptions& options, std::ostream& nodes_out,
                              std::ostream& edges_out, std::ostream& evidence_out) {
  ExportReport report;
  const bool neo4j = options.neo4j_headers;
  const bool guard = !options.raw;
  CsvWriter nodes(nodes_out, guard), edges(edges_out, guard), evidence(evidence_out, guard);
  if (neo4j) {
    nodes.Header({"id:ID", "name", ":LABEL", "iso_code", "external_id", "aliases"});
    edges.Header({":START_ID", ":END_ID", ":TYPE", "id", "symmetric:boolean", "evidence_count:long", "amount:double",
                  "currency", "date", "period", "confidence:double", "sources"});
    evidence.Header({"edge", "source_uri", "source_title", "source_published", "evidence_text",
                     "evidence_start:long", "evidence_end:long", "confidence:double", "extractor", "amount:double",
                     "currency", "date", "period"});
  } else {
    nodes.Header({"Id", "Label", "type", "iso_code", "external_id", "aliases"});
    edges.Header({"Source", "Target", "Type", "Label", "Weight", "Id", "symmetric", "evidence_count", "amount",
                  "currency", "date", "period", "confidence", "sources"});
    evidence.Header({"edge", "source_uri", "source_title", "source_published", "evidence_text", "evidence_start",
                     "evidence_end", "confidence", "extractor", "amount", "currency", "date", "period"});
  }
  NodeCursor node_cursor(source);
  for (; node_cursor.Valid(); node_cursor.Next()) {
    WriteNodeRow(nodes, node_cursor.node());
    ++report.nodes;
  }
  KG_RETURN_IF_ERROR(node_cursor.status());
  KG_RETURN_IF_ERROR(nodes.Flush());
  EdgeCursor edge_cursor(source, KeptEvidence::kFields);
  for (; edge_cursor.Valid(); edge_cursor.Next()) {
    const ExportEdge& edge = edge_cursor.edge();
    WriteEdgeRow(edges, edge, neo4j);
    ++report.edges;
    for (const EvidenceFields& a : edge.evidence()) {
      WriteEvidenceRow(evidence, edge, a);
      ++report.evidence;
    }
  }
  KG_RETURN_IF_ERROR(edge_cursor.status());
  KG_RETURN_IF_ERROR(edges.Flush());
  KG_RETURN_IF_ERROR(evidence.Flush());
  return report;
}

}  // namespace kg::exporter
