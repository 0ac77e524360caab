// N-Triples, written as the export source streams: every entity's rdf:type and rdfs:label, then each
// fact as a plain triple followed by one rdf:Statement node per qualifier set (amount, currency, date,
// period) carrying that set's evidence count and sources. The mapping, and why it reifies rather than
// using n-ary nodes, are in schemas/rdf_mapping.md; IRIs follow rdf/iri_names.h. Memory is bounded by
// the source's (one edge for a whole graph) plus small name caches.
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_map>

#include "export/exporters.h"
#include "rdf/iri_names.h"
#include "store/store_reader.h"
#include "text/utf8.h"

namespace kg::exporter {
namespace {

constexpr size_t kFlushAt = 1 << 16;
constexpr size_t kMaxCachedNames = 1 << 20;  // entity IRIs kept for edge ends; the cache starts over when full

// Whether `iri` reads as an absolute IRI in N-Triples: what the N-Triples parser accepts between '<' and
// '>' without escapes (valid UTF-8, none of #x00-#x20 or <>"{}|^`\), starting with a scheme (a letter,
// then letters, digits, '+', '-' or '.', then ':'). Checked here directly rather than by parsing a
// line, because it runs for every source of every edge.
bool IsAbsoluteIri(std::string_view iri) {
  static constexpr auto kForbidden = [] {
    std::array<bool, 256> table{};
    for (int i = 0; i <= 0x20; ++i) table[i] = true;
    for (unsigned char x : std::string_view("<>\"{}|^`\\")) table[x] = true;
    return table;
  }();
  auto alpha = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
  if (iri.empty() || !alpha(static_cast<unsigned char>(iri[0]))) return false;
  size_t i = 1;
  for (; i < iri.size() && iri[i] != ':'; ++i) {
    const unsigned char c = static_cast<unsigned char>(iri[i]);
    if (!alpha(c) && !digit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  if (i == iri.size()) return false;
  for (unsigned char c : iri) {
    if (kForbidden[c]) return false;
  }
  return text::IsValidUtf8(iri);
}

// Terms that repeat on every edge (rdf: and vocab IRIs, predicate IRIs, entity IRIs) are
// built once and appended from caches, so an edge costs appends and no allocation.
class NTriplesWriter {
 public:
  NTriplesWriter(const store::RocksDb& db, std::ostream& out, const std::string& base)
      : db_(db), out_(out), base_(base) {
    const std::string rdf(rdf::kRdf);
    rdf_type_ = "<" + rdf + "type>";
    label_ = "<" + std::string(rdf::kRdfs) + "label>";
    statement_ = "<" + rdf + "Statement>";
    rdf_subject_ = "<" + rdf + "subject>";
    rdf_predicate_ = "<" + rdf + "predicate>";
    rdf_object_ = "<" + rdf + "object>";
    const std::string vocab = base + "vocab/";
    amount_ = "<" + vocab + "amount>";
    currency_ = "<" + vocab + "currency>";
    date_ = "<" + vocab + "date>";
    period_ = "<" + vocab + "period>";
    evidence_count_ = "<" + vocab + "evidenceCount>";
    source_ = "<" + vocab + "source>";
    integer_type_ = "\"^^<" + std::string(rdf::kXsd) + "integer>";
    buffer_.reserve(kFlushAt + 4096);
  }

  Status Node(const Entity& e) {
    // Edges refer to the entities the node pass has just written: remember their IRIs for them.
    const std::string& iri = CacheName(e.id, EntityIri(e.name));
    term_.assign("<").append(base_).append("type/").append(EntityTypeName(e.type)).append(">");
    Write(iri, rdf_type_, term_);
    term_.clear();
    rdf::AppendLiteral(&term_, e.name);
    Write(iri, label_, term_);
    return MaybeFlush();
  }

  Status Edge(const ExportEdge& edge) {
    // Starting over here, and only here, keeps the two IRIs below valid while the edge is written.
    if (other_names_.size() >= kMaxCachedNames) other_names_.clear();
    auto s = EntityIriById(edge.fact.s);
    if (!s.ok()) return s.status();
    auto o = EntityIriById(edge.fact.o);
    if (!o.ok()) return o.status();
    s = EntityIriById(edge.fact.s);  // reading o may have grown the cache and moved s's name
    if (!s.ok()) return s.status();
    const std::string& p = PredicateIri(edge.fact.p, edge.predicate);
    // A fact's qualifier sets come one after another: the plain triple is written once, before the first.
    if (!started_ || !(edge.fact == last_)) {
      Write(**s, p, **o);
      last_ = edge.fact;
      started_ = true;
    }
    node_.assign("_:q");
    AppendDecimal(&node_, ++statements_);
    Write(node_, rdf_type_, statement_);
    Write(node_, rdf_subject_, **s);
    Write(node_, rdf_predicate_, p);
    Write(node_, rdf_object_, **o);
    if (edge.amount) {
      term_.clear();
      AppendAmountLiteral(&term_, *edge.amount);
      Write(node_, amount_, term_);
    }
    if (!edge.currency.empty()) Write(node_, currency_, Plain(edge.currency));
    if (!edge.date.empty()) {
      Plain(edge.date);
      const size_t n = edge.date.size();
      term_.append("^^<").append(rdf::kXsd).append(n == 4 ? "gYear>" : n == 7 ? "gYearMonth>" : "date>");
      Write(node_, date_, term_);
    }
    if (!edge.period.empty()) Write(node_, period_, Plain(edge.period));
    term_.assign("\"");
    AppendDecimal(&term_, edge.evidence_count);
    term_.append(integer_type_);
    Write(node_, evidence_count_, term_);
    for (const std::string& source : edge.sources()) Write(node_, source_, SourceTerm(source));
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

  // Entity ids are dense from 1, so most names sit in a vector by id; ids past its bound go to a map
  // that starts over when full (only at the start of an edge, see Edge()).
  std::string& CacheName(store::EntityId id, std::string iri) {
    if (id < kMaxCachedNames) {
      if (id >= names_.size()) names_.resize(id + 1);
      return names_[id] = std::move(iri);
    }
    return other_names_[id] = std::move(iri);
  }

  Result<const std::string*> EntityIriById(store::EntityId id) {
    if (id < names_.size() && !names_[id].empty()) return &names_[id];
    if (id >= kMaxCachedNames) {
      auto cached = other_names_.find(id);
      if (cached != other_names_.end()) return &cached->second;
    }
    // Only when the node pass did not cover the entity.
    auto record = store::ReadEntity(db_, id);
    if (!record.ok()) return record.status();
    return &CacheName(id, EntityIri(record->entity.name));
  }

  const std::string& PredicateIri(store::PredicateId id, const std::string& name) {
    auto cached = predicates_.find(id);
    if (cached != predicates_.end()) return cached->second;
    return predicates_[id] = "<" + base_ + "predicate/" + rdf::EncodePredicateName(name) + ">";
  }

  // A source uri as an IRI when it is an absolute one, else as a literal so that it comes back
  // unchanged; in term_.
  const std::string& SourceTerm(const std::string& uri) {
    term_.clear();
    if (IsAbsoluteIri(uri)) {
      rdf::AppendIri(&term_, uri);
    } else {
      rdf::AppendLiteral(&term_, uri);
    }
    return term_;
  }

  // `text` as a plain literal, in term_.
  const std::string& Plain(const std::string& text) {
    term_.clear();
    rdf::AppendLiteral(&term_, text);
    return term_;
  }

  static void AppendDecimal(std::string* out, uint64_t value) {
    char digits[24];
    out->append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
  }

  // Whole amounts are exact decimals ("1900000000"^^xsd:decimal); others are doubles in their
  // shortest round-trip form.
  static void AppendAmountLiteral(std::string* out, double amount) {
    char digits[64];
    const bool whole = amount == std::floor(amount) && std::fabs(amount) < 1e15;
    const char* end = whole ? std::to_chars(digits, digits + sizeof(digits), static_cast<int64_t>(amount)).ptr
                            : std::to_chars(digits, digits + sizeof(digits), amount).ptr;
    out->push_back('"');
    out->append(digits, static_cast<size_t>(end - digits));
    out->append("\"^^<").append(rdf::kXsd).append(whole ? "decimal>" : "double>");
  }

  void Write(std::string_view s, std::string_view p, std::string_view o) {
    buffer_.append(s).append(" ").append(p).append(" ").append(o).append(" .\n");
  }

  Status MaybeFlush() { return buffer_.size() >= kFlushAt ? Flush() : Status::Ok(); }

  const store::RocksDb& db_;
  std::ostream& out_;
  std::string base_;
  std::string rdf_type_, label_, statement_, rdf_subject_, rdf_predicate_, rdf_object_;
  std::string amount_, currency_, date_, period_, evidence_count_, source_, integer_type_;
  std::string buffer_;
  std::string node_, term_;  // scratch for the statement node and one object term
  uint64_t statements_ = 0;
  bool started_ = false;
  store::Triple last_;
  std::vector<std::string> names_;                                // by entity id
  std::unordered_map<store::EntityId, std::string> other_names_;  // ids from kMaxCachedNames on
  std::unordered_map<store::PredicateId, std::string> predicates_;
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
  EdgeCursor edges(source, KeptEvidence::kNone);
  for (; edges.Valid(); edges.Next(), ++report.edges) KG_RETURN_IF_ERROR(writer.Edge(edges.edge()));
  KG_RETURN_IF_ERROR(edges.status());
  KG_RETURN_IF_ERROR(writer.Flush());
  return report;
}

}  // namespace kg::exporter
