// N-Triples, written as the export source streams: every entity's rdf:type and rdfs:label, then each
// fact as a plain triple followed by one rdf:Statement node per qualifier set (amount, currency, date,
// period) carrying that set's evidence count and sources. The mapping, and why it reifies rather than
// using n-ary nodes, are in schemas/rdf_mapping.md; IRIs follow rdf/iri_names.h. Memory is bounded by
// the source's (one edge for a whole graph) plus small name caches.
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_map>

#include "export/exporters.h"
#include "rdf/iri_names.h"
#include "rdf/ntriples_parser.h"
#include "store/store_reader.h"

namespace kg::exporter {
namespace {

constexpr size_t kFlushAt = 1 << 16;
constexpr size_t kMaxCachedNames = 1 << 20;  // entity IRIs kept for edge ends; the cache starts over when full

bool IsAbsoluteIri(std::string_view iri) {
  std::string line = "<" + std::string(iri) + "> <a:b> <a:c> .";
  return iri.find_first_of(std::string_view("<>\"{}|^`\\ \t\n\r", 14)) == std::string_view::npos &&
         std::holds_alternative<rdf::Triple>(rdf::ParseNTriplesLine(line));
}

class NTriplesWriter {
 public:
  NTriplesWriter(const store::RocksDb& db, std::ostream& out, const std::string& base)
      : db_(db), out_(out), base_(base), vocab_(base + "vocab/") {
    rdf_type_ = "<" + std::string(rdf::kRdf) + "type>";
    label_ = "<" + std::string(rdf::kRdfs) + "label>";
  }

  Status Node(const Entity& e) {
    const std::string iri = EntityIri(e.name);
    Write(iri, rdf_type_, "<" + base_ + "type/" + EntityTypeName(e.type) + ">");
    Write(iri, label_, Plain(e.name));
    return MaybeFlush();
  }

  Status Edge(const ExportEdge& edge) {
    auto s = EntityIriById(edge.fact.s);
    if (!s.ok()) return s.status();
    auto o = EntityIriById(edge.fact.o);
    if (!o.ok()) return o.status();
    const std::string p = "<" + base_ + "predicate/" + rdf::EncodePredicateName(edge.predicate) + ">";
    // A fact's qualifier sets come one after another: the plain triple is written once, before the first.
    if (!started_ || !(edge.fact == last_)) {
      Write(*s, p, *o);
      last_ = edge.fact;
      started_ = true;
    }
    const std::string node = "_:q" + std::to_string(++statements_);
    Write(node, rdf_type_, "<" + std::string(rdf::kRdf) + "Statement>");
    Write(node, "<" + std::string(rdf::kRdf) + "subject>", *s);
    Write(node, "<" + std::string(rdf::kRdf) + "predicate>", p);
    Write(node, "<" + std::string(rdf::kRdf) + "object>", *o);
    if (edge.amount) Write(node, Vocab("amount"), AmountLiteral(*edge.amount));
    if (!edge.currency.empty()) Write(node, Vocab("currency"), Plain(edge.currency));
    if (!edge.date.empty()) Write(node, Vocab("date"), DateLiteral(edge.date));
    if (!edge.period.empty()) Write(node, Vocab("period"), Plain(edge.period));
    Write(node, Vocab("evidenceCount"),
           "\"" + std::to_string(edge.evidence_count) + "\"^^<" + std::string(rdf::kXsd) + "integer>");
    for (const std::string& source : edge.sources) {
      std::string term;
      if (IsAbsoluteIri(source)) {
        rdf::AppendIri(&term, source);
      } else {
        rdf::AppendLiteral(&term, source);  // not an IRI: kept as text, so that it comes back unchanged
      }
      Write(node, Vocab("source"), term);
    }
    return MaybeFlush();
  }

  Status Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    return out_ ? Status::Ok() : IoError("writing the export failed");
  }

 private:
  std::string EntityIri(const std::string& name) const {
    return "<" + base_ + "entity/" + rdf::EncodeEntityName(name) + ">";
  }

  Result<std::string> EntityIriById(store::EntityId id) {
    auto cached = names_.find(id);
    if (cached != names_.end()) return cached->second;
    auto record = store::ReadEntity(db_, id);
    if (!record.ok()) return record.status();
    // Edges come in subject order, so subjects hit the cache at once; objects are spread out.
    if (names_.size() >= kMaxCachedNames) names_.clear();
    return names_[id] = EntityIri(record->entity.name);
  }

  std::string Vocab(const char* name) const { return "<" + vocab_ + name + ">"; }

  static std::string Plain(const std::string& text) {
    std::string out;
    rdf::AppendLiteral(&out, text);
    return out;
  }

  // Whole amounts are exact decimals ("1900000000"^^xsd:decimal); others are doubles in their
  // shortest round-trip form.
  static std::string AmountLiteral(double amount) {
    char digits[64];
    if (amount == std::floor(amount) && std::fabs(amount) < 1e15) {
      auto end = std::to_chars(digits, digits + sizeof(digits), static_cast<int64_t>(amount)).ptr;
      return "\"" + std::string(digits, end) + "\"^^<" + std::string(rdf::kXsd) + "decimal>";
    }
    auto end = std::to_chars(digits, digits + sizeof(digits), amount).ptr;
    return "\"" + std::string(digits, end) + "\"^^<" + std::string(rdf::kXsd) + "double>";
  }

  // kg dates are YYYY, YYYY-MM or YYYY-MM-DD: xsd:gYear, xsd:gYearMonth or xsd:date.
  static std::string DateLiteral(const std::string& date) {
    const char* type = date.size() == 4 ? "gYear" : date.size() == 7 ? "gYearMonth" : "date";
    return Plain(date) + "^^<" + std::string(rdf::kXsd) + type + ">";
  }

  void Write(const std::string& s, const std::string& p, const std::string& o) {
    buffer_ += s;
    buffer_ += ' ';
    buffer_ += p;
    buffer_ += ' ';
    buffer_ += o;
    buffer_ += " .\n";
  }

  Status MaybeFlush() { return buffer_.size() >= kFlushAt ? Flush() : Status::Ok(); }

  const store::RocksDb& db_;
  std::ostream& out_;
  std::string base_, vocab_;
  std::string rdf_type_, label_;
  std::string buffer_;
  uint64_t statements_ = 0;
  bool started_ = false;
  store::Triple last_;
  std::unordered_map<store::EntityId, std::string> names_;
};

}  // namespace

Status CheckNTriplesBase(const std::string& base) {
  if (base.empty() || (base.back() != '/' && base.back() != '#') || !IsAbsoluteIri(base)) {
    return InvalidArgument("--base must be an absolute IRI ending in '/' or '#', such as https://example.org/kg/; got \"" +
                           base + "\"");
  }
  return Status::Ok();
}

Result<ExportReport> WriteNTriples(ExportSource& source, const std::string& base, std::ostream& out) {
  KG_RETURN_IF_ERROR(CheckNTriplesBase(base));
  NTriplesWriter writer(source.db(), out, base);
  ExportReport report;
  NodeCursor nodes(source);
  for (; nodes.Valid(); nodes.Next(), ++report.nodes) KG_RETURN_IF_ERROR(writer.Node(nodes.node()));
  KG_RETURN_IF_ERROR(nodes.status());
  EdgeCursor edges(source, /*keep_evidence=*/false);
  for (; edges.Valid(); edges.Next(), ++report.edges) KG_RETURN_IF_ERROR(writer.Edge(edges.edge()));
  KG_RETURN_IF_ERROR(edges.status());
  KG_RETURN_IF_ERROR(writer.Flush());
  return report;
}

}  // namespace kg::exporter
