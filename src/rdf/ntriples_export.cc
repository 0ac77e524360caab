#include "rdf/ntriples_export.h"

#include <rocksdb/iterator.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <unordered_map>
#include <vector>

#include "rdf/iri_names.h"
#include "rdf/ntriples_parser.h"
#include "store/records.h"
#include "store/store_reader.h"

namespace kg::rdf {
namespace {

constexpr size_t kFlushBytes = 1 << 16;
constexpr size_t kMaxCachedNames = 1 << 20;  // entity IRIs kept for objects; bounded, see NameCache

// One qualifier set of a fact and what its evidence says.
struct QualifierSet {
  std::optional<double> amount;
  std::string currency, date, period;
  uint64_t evidence = 0;
  std::vector<std::string> sources;  // distinct, in key order of first sighting
};

bool SameQualifiers(const QualifierSet& q, const Assertion& a) {
  return q.amount == a.amount && q.currency == a.currency && q.date == a.date && q.period == a.period;
}

bool IsAbsoluteIri(std::string_view iri) {
  std::string line = "<" + std::string(iri) + "> <a:b> <a:c> .";
  return iri.find_first_of(std::string_view("<>\"{}|^`\\ \t\n\r", 14)) == std::string_view::npos &&
         std::holds_alternative<Triple>(ParseNTriplesLine(line));
}

class Writer {
 public:
  Writer(const store::RocksDb& db, std::ostream& out, const std::string& base)
      : db_(db), out_(out), base_(base) {
    rdf_type_ = "<" + std::string(kRdf) + "type>";
    label_ = "<" + std::string(kRdfs) + "label>";
    vocab_ = base + "vocab/";
  }

  Status Entities() {
    std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(store::kEntities)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      const store::EntityId id = store::GetFixed64(it->key().ToStringView());
      auto head = store::DecodeEntityHead(id, it->value().ToStringView());
      if (!head.ok()) return head.status();
      const std::string iri = EntityIri(head->name);
      Triple3(iri, rdf_type_, "<" + base_ + "type/" + EntityTypeName(head->type) + ">");
      std::string label;
      AppendLiteral(&label, head->name);
      Triple3(iri, label_, label);
      KG_RETURN_IF_ERROR(MaybeFlush());
    }
    return store::FromRocks(it->status(), "exporting entities");
  }

  Status Facts() {
    std::unique_ptr<rocksdb::Iterator> it(db_.db()->NewIterator(rocksdb::ReadOptions(), db_.cf(store::kEvidence)));
    std::string fact;  // the spo prefix of the fact being gathered
    std::vector<QualifierSet> sets;
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string_view key = it->key().ToStringView();
      std::string_view spo = key.substr(0, store::kTripleKeySize);
      if (spo != fact) {
        if (!fact.empty()) KG_RETURN_IF_ERROR(WriteFact(fact, sets));
        fact.assign(spo);
        sets.clear();
      }
      auto evidence = store::DecodeEvidence(it->value().ToStringView());
      if (!evidence.ok()) return evidence.status();
      QualifierSet* set = nullptr;
      for (QualifierSet& q : sets) {
        if (SameQualifiers(q, *evidence)) set = &q;
      }
      if (set == nullptr) {
        set = &sets.emplace_back();
        set->amount = evidence->amount;
        set->currency = evidence->currency;
        set->date = evidence->date;
        set->period = evidence->period;
      }
      ++set->evidence;
      const std::string& uri = evidence->source_uri;
      if (!uri.empty() && std::find(set->sources.begin(), set->sources.end(), uri) == set->sources.end()) {
        set->sources.push_back(uri);
      }
    }
    KG_RETURN_IF_ERROR(store::FromRocks(it->status(), "exporting evidence"));
    if (!fact.empty()) KG_RETURN_IF_ERROR(WriteFact(fact, sets));
    return Status::Ok();
  }

  Status Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    if (!out_) return IoError("writing the export failed");
    return Status::Ok();
  }

  uint64_t triples() const { return triples_; }

 private:
  std::string EntityIri(const std::string& name) const { return "<" + base_ + "entity/" + EncodeEntityName(name) + ">"; }

  Result<std::string> EntityIriById(store::EntityId id) {
    auto cached = names_.find(id);
    if (cached != names_.end()) return cached->second;
    auto record = store::ReadEntity(db_, id);
    if (!record.ok()) return record.status();
    // Facts come in subject order, so subjects hit the cache at once; objects are spread out, and the
    // cache starts over when full so that memory stays bounded.
    if (names_.size() >= kMaxCachedNames) names_.clear();
    return names_[id] = EntityIri(record->entity.name);
  }

  Result<std::string> PredicateIri(store::PredicateId id) {
    auto cached = predicates_.find(id);
    if (cached != predicates_.end()) return cached->second;
    auto name = store::ReadPredicateName(db_, id);
    if (!name.ok()) return name.status();
    return predicates_[id] = "<" + base_ + "predicate/" + EncodePredicateName(*name) + ">";
  }

  Status WriteFact(std::string_view spo, const std::vector<QualifierSet>& sets) {
    const store::Triple t = store::DecodeSpo(spo);
    auto s = EntityIriById(t.s);
    if (!s.ok()) return s.status();
    auto p = PredicateIri(t.p);
    if (!p.ok()) return p.status();
    auto o = EntityIriById(t.o);
    if (!o.ok()) return o.status();
    Triple3(*s, *p, *o);
    for (const QualifierSet& q : sets) {
      const std::string node = "_:q" + std::to_string(++statements_);
      Triple3(node, rdf_type_, "<" + std::string(kRdf) + "Statement>");
      Triple3(node, "<" + std::string(kRdf) + "subject>", *s);
      Triple3(node, "<" + std::string(kRdf) + "predicate>", *p);
      Triple3(node, "<" + std::string(kRdf) + "object>", *o);
      if (q.amount) Triple3(node, Vocab("amount"), AmountLiteral(*q.amount));
      if (!q.currency.empty()) Triple3(node, Vocab("currency"), Plain(q.currency));
      if (!q.date.empty()) Triple3(node, Vocab("date"), DateLiteral(q.date));
      if (!q.period.empty()) Triple3(node, Vocab("period"), Plain(q.period));
      Triple3(node, Vocab("evidenceCount"), "\"" + std::to_string(q.evidence) + "\"^^<" + std::string(kXsd) + "integer>");
      for (const std::string& source : q.sources) {
        std::string term;
        if (IsAbsoluteIri(source)) {
          AppendIri(&term, source);
        } else {
          AppendLiteral(&term, source);  // not an IRI: kept as text, so that it comes back unchanged
        }
        Triple3(node, Vocab("source"), term);
      }
    }
    return MaybeFlush();
  }

  std::string Vocab(const char* name) const { return "<" + vocab_ + name + ">"; }

  static std::string Plain(const std::string& text) {
    std::string out;
    AppendLiteral(&out, text);
    return out;
  }

  // Whole amounts are exact decimals ("1900000000"^^xsd:decimal); others are doubles in their
  // shortest round-trip form.
  static std::string AmountLiteral(double amount) {
    char digits[64];
    if (amount == std::floor(amount) && std::fabs(amount) < 1e15) {
      auto end = std::to_chars(digits, digits + sizeof(digits), static_cast<int64_t>(amount)).ptr;
      return "\"" + std::string(digits, end) + "\"^^<" + std::string(kXsd) + "decimal>";
    }
    auto end = std::to_chars(digits, digits + sizeof(digits), amount).ptr;
    return "\"" + std::string(digits, end) + "\"^^<" + std::string(kXsd) + "double>";
  }

  // kg dates are YYYY, YYYY-MM or YYYY-MM-DD: xsd:gYear, xsd:gYearMonth or xsd:date.
  static std::string DateLiteral(const std::string& date) {
    const char* type = date.size() == 4 ? "gYear" : date.size() == 7 ? "gYearMonth" : "date";
    return Plain(date) + "^^<" + std::string(kXsd) + type + ">";
  }

  void Triple3(const std::string& s, const std::string& p, const std::string& o) {
    buffer_ += s;
    buffer_ += ' ';
    buffer_ += p;
    buffer_ += ' ';
    buffer_ += o;
    buffer_ += " .\n";
    ++triples_;
  }

  Status MaybeFlush() { return buffer_.size() >= kFlushBytes ? Flush() : Status::Ok(); }

  const store::RocksDb& db_;
  std::ostream& out_;
  std::string base_;
  std::string vocab_;
  std::string rdf_type_, label_;
  std::string buffer_;
  uint64_t triples_ = 0;
  uint64_t statements_ = 0;
  std::unordered_map<store::EntityId, std::string> names_;
  std::unordered_map<store::PredicateId, std::string> predicates_;
};

}  // namespace

Result<uint64_t> ExportNTriples(const store::RocksDb& db, std::ostream& out, const std::string& base) {
  if (base.empty() || (base.back() != '/' && base.back() != '#') || !IsAbsoluteIri(base)) {
    return InvalidArgument("--base must be an absolute IRI ending in '/' or '#', such as https://example.org/kg/; got \"" +
                           base + "\"");
  }
  Writer writer(db, out, base);
  KG_RETURN_IF_ERROR(writer.Entities());
  KG_RETURN_IF_ERROR(writer.Facts());
  KG_RETURN_IF_ERROR(writer.Flush());
  return writer.triples();
}

}  // namespace kg::rdf
