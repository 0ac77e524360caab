// node-link JSON, written as it streams: the nodes array, then the links array, each element built in
// a buffer and flushed in large writes. The layout is what networkx's node_link_graph (2.8 and later,
// with its default "links" key) and d3 read.
#include <string>

#include "export/exporters.h"
#include "export/field_text.h"
#include "schema/assertion_json.h"

namespace kg::exporter {
namespace {

constexpr size_t kFlushAt = 1 << 16;

Status Flush(std::string* buffer, std::ostream& out) {
  out.write(buffer->data(), static_cast<std::streamsize>(buffer->size()));
  buffer->clear();
  return out ? Status::Ok() : IoError("writing the export failed");
}

void AppendKey(std::string* out, std::string_view key) {
  schema::AppendJsonString(out, key);
  out->push_back(':');
}

void AppendStringField(std::string* out, std::string_view key, std::string_view value) {
  out->push_back(',');
  AppendKey(out, key);
  schema::AppendJsonString(out, value);
}

void AppendNumberField(std::string* out, std::string_view key, const std::optional<double>& value) {
  out->push_back(',');
  AppendKey(out, key);
  if (value) {
    AppendNumber(out, *value);
  } else {
    out->append("null");
  }
}

void AppendNode(std::string* out, const Entity& e) {
  out->append("{\"id\":");
  AppendUnsigned(out, e.id);
  AppendStringField(out, "name", e.name);
  AppendStringField(out, "type", EntityTypeName(e.type));
  AppendStringField(out, "iso_code", e.iso_code);
  AppendStringField(out, "external_id", e.external_id);
  out->append(",\"aliases\":");
  AppendAliasesJson(out, e.aliases);
  out->push_back('}');
}

void AppendLink(std::string* out, const ExportEdge& edge) {
  out->append("{\"source\":");
  AppendUnsigned(out, edge.fact.s);
  out->append(",\"target\":");
  AppendUnsigned(out, edge.fact.o);
  AppendStringField(out, "key", edge.key);
  AppendStringField(out, "predicate", edge.predicate);
  out->append(edge.symmetric ? ",\"symmetric\":true" : ",\"symmetric\":false");
  out->append(",\"evidence_count\":");
  AppendUnsigned(out, edge.evidence_count);
  AppendNumberField(out, "amount", edge.amount);
  AppendStringField(out, "currency", edge.currency);
  AppendStringField(out, "date", edge.date);
  AppendStringField(out, "period", edge.period);
  AppendNumberField(out, "confidence", edge.confidence);
  out->append(",\"sources\":");
  AppendStringsJson(out, edge.sources());
  out->push_back('}');
}

}  // namespace

Result<ExportReport> WriteNodeLink(ExportSource& source, std::ostream& out) {
  ExportReport report;
  std::string buffer;
  buffer.reserve(kFlushAt + 4096);
  buffer.append("{\"directed\":true,\"multigraph\":true,\"graph\":{\"name\":\"kg\",\"edge_grouping\":\"qualifier set\"},\n");
  buffer.append("\"nodes\":[");
  NodeCursor nodes(source);
  for (; nodes.Valid(); nodes.Next()) {
    buffer.append(report.nodes++ ? ",\n" : "\n");
    AppendNode(&buffer, nodes.node());
    if (buffer.size() >= kFlushAt) KG_RETURN_IF_ERROR(Flush(&buffer, out));
  }
  KG_RETURN_IF_ERROR(nodes.status());
  buffer.append("],\n\"links\":[");
  EdgeCursor edges(source, KeptEvidence::kNone);
  for (; edges.Valid(); edges.Next()) {
    buffer.append(report.edges++ ? ",\n" : "\n");
    AppendLink(&buffer, edges.edge());
    if (buffer.size() >= kFlushAt) KG_RETURN_IF_ERROR(Flush(&buffer, out));
  }
  KG_RETURN_IF_ERROR(edges.status());
  buffer.append("]}\n");
  KG_RETURN_IF_ERROR(Flush(&buffer, out));
  return report;
}

Result<ExportReport> WriteJsonl(ExportSource& source, std::ostream& out) {
  ExportReport report;
  std::string buffer;
  EdgeCursor edges(source, KeptEvidence::kLines);
  for (; edges.Valid(); edges.Next()) {
    for (const std::string& line : edges.edge().evidence_lines()) {
      buffer.append(line);
      buffer.push_back('\n');
      ++report.evidence;
    }
    if (buffer.size() >= kFlushAt) KG_RETURN_IF_ERROR(Flush(&buffer, out));
  }
  KG_RETURN_IF_ERROR(edges.status());
  KG_RETURN_IF_ERROR(Flush(&buffer, out));
  return report;
}

}  // namespace kg::exporter
