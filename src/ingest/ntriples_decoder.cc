#include "ingest/ntriples_decoder.h"

#include <cmath>
#include <cstdlib>
#include <functional>

#include "rdf/iri_names.h"
#include "rdf/ntriples_parser.h"
#include "schema/predicate_vocabulary.h"

namespace kg::ingest {
namespace {

// The type cache holds rdf:type facts for the entities seen so far. It is bounded so that memory stays
// flat on any input; past the bound it starts over, and entities typed long before their facts fall
// back to the type their predicate implies.
constexpr size_t kMaxTypedEntities = 4'000'000;

const std::string kRdfType = std::string(rdf::kRdf) + "type";
const std::string kRdfStatement = std::string(rdf::kRdf) + "Statement";
const std::string kRdfSubject = std::string(rdf::kRdf) + "subject";
const std::string kRdfPredicate = std::string(rdf::kRdf) + "predicate";
const std::string kRdfObject = std::string(rdf::kRdf) + "object";

}  // namespace

struct NTriplesDecoder::Classified {
  enum class Kind { kPlain, kStatementPart, kType, kLiteral, kOther };
  Kind kind = Kind::kOther;
  Located subject, predicate, object;
  std::optional<EntityType> type;  // kType
  std::string raw;
  uint64_t line = 0;
};

struct NTriplesDecoder::Statement {
  std::string node;  // the subject's IRI or blank node label
  bool node_is_blank = false;
  uint64_t first_line = 0;
  std::string raw;  // its lines, for --rejects
  std::optional<Located> subject, predicate, object, amount, currency, date, period;
  std::vector<Located> sources;
  std::optional<schema::LineError> error;
  uint64_t error_line = 0;
};

NTriplesDecoder::NTriplesDecoder(const IngestOptions& options) {
  types_.reserve(1 << 16);
  keep_raw_ = options.rejects != nullptr;
  limits_ = LimitsFor(options);
}

NTriplesDecoder::~NTriplesDecoder() = default;

DecodedItem NTriplesDecoder::Decode(Record record) const {
  DecodedItem item;
  item.line_number = record.line_number;
  if (record.full_length > limits_.max_line_bytes) {
    item.value = schema::OverlongLineError(record.full_length, limits_);
    item.raw = std::move(record.text);
    return item;
  }
  rdf::ParsedTriple parsed = rdf::ParseNTriplesLine(record.text);
  if (auto* error = std::get_if<schema::LineError>(&parsed)) {
    item.value = *error;
    item.raw = std::move(record.text);
    return item;
  }
  if (std::holds_alternative<std::monostate>(parsed)) return item;  // a comment

  rdf::Triple& t = std::get<rdf::Triple>(parsed);
  Classified& c = item.pending.emplace<Classified>();  // built in place: it is the item's largest part
  c.line = record.line_number;
  auto locate = [&](rdf::Term& term, Located* out) {
    out->value = std::move(term.value);
    out->datatype = std::move(term.datatype);
    out->is_literal = term.kind == rdf::Term::Kind::kLiteral;
    out->is_blank = term.kind == rdf::Term::Kind::kBlank;
    out->line = record.line_number;
    out->column = schema::ColumnOf(record.text, term.offset);
  };
  locate(t.subject, &c.subject);
  locate(t.predicate, &c.predicate);
  locate(t.object, &c.object);
  const std::string& p = c.predicate.value;
  const bool object_iri = !c.object.is_literal && !c.object.is_blank;
  // What depends on this triple alone is worked out here, on a parse thread, so that Assemble, which
  // runs one call at a time, only groups and looks up: the names IRIs stand for and the type cache keys.
  auto name_entity = [](Located* iri) {
    iri->name = rdf::EntityNameFromIri(iri->value);
    iri->hash = std::hash<std::string>()(iri->value);
  };
  if (p == kRdfType && object_iri && c.object.value == kRdfStatement) {
    c.kind = Classified::Kind::kStatementPart;
  } else if (p == kRdfType) {
    c.type = object_iri && !c.subject.is_blank ? rdf::TypeFromIri(c.object.value) : std::nullopt;
    c.kind = c.type ? Classified::Kind::kType : Classified::Kind::kOther;
    if (c.type) c.subject.hash = std::hash<std::string>()(c.subject.value);
  } else if (p == kRdfSubject || p == kRdfPredicate || p == kRdfObject) {
    c.kind = Classified::Kind::kStatementPart;
    if (object_iri && p == kRdfPredicate) c.object.name = rdf::PredicateFromIri(c.object.value);
    if (object_iri && p != kRdfPredicate) name_entity(&c.object);
  } else if (c.object.is_literal) {
    c.kind = Classified::Kind::kLiteral;
  } else if (c.subject.is_blank || c.object.is_blank) {
    c.kind = Classified::Kind::kOther;
  } else {
    c.kind = Classified::Kind::kPlain;
    name_entity(&c.subject);
    c.predicate.name = rdf::PredicateFromIri(p);
    name_entity(&c.object);
  }
  c.raw = std::move(record.text);
  return item;
}

std::optional<EntityType> NTriplesDecoder::TypeOf(const Located& iri) const {
  auto found = types_.find(iri.hash);
  if (found == types_.end()) return std::nullopt;
  return found->second;
}

void NTriplesDecoder::AddToStatement(Classified& c, IngestReport* report) {
  Statement& s = *statement_;
  if (s.error) return;
  auto fail = [&](const Located& where, const char* field, std::string reason) {
    s.error = schema::LineError{where.column, field, std::move(reason)};
    s.error_line = where.line;
  };
  const std::string& p = c.predicate.value;
  if (p == kRdfSubject || p == kRdfPredicate || p == kRdfObject) {
    const char* field = p == kRdfSubject ? "subject" : p == kRdfPredicate ? "predicate" : "object";
    std::optional<Located>& slot = p == kRdfSubject ? s.subject : p == kRdfPredicate ? s.predicate : s.object;
    if (c.object.is_literal || c.object.is_blank) return fail(c.object, field, "a statement's rdf:" + std::string(field) + " must be an IRI");
    if (slot && slot->value != c.object.value) return fail(c.object, field, "the statement already has another rdf:" + std::string(field));
    slot = std::move(c.object);
    return;
  }
  if (p == kRdfType) return;
  const std::string_view local = rdf::LocalName(p);
  std::optional<Located>* qualifier = local == "amount" ? &s.amount : local == "currency" ? &s.currency
                                    : local == "date"   ? &s.date   : local == "period"   ? &s.period : nullptr;
  if (qualifier != nullptr) {
    if (!c.object.is_literal) return fail(c.object, std::string(local).c_str(), "expected a literal");
    if (*qualifier && (*qualifier)->value != c.object.value) return fail(c.object, std::string(local).c_str(), "the statement already has another " + std::string(local));
    *qualifier = std::move(c.object);
    return;
  }
  if (local == "source") {
    if (c.object.is_blank) return fail(c.object, "source", "expected an IRI or a literal");
    s.sources.push_back(std::move(c.object));
    return;
  }
  if (local == "evidenceCount") return;  // derived: the store counts the evidence it gets
  ++report->other_skipped;
  return;
}

void NTriplesDecoder::Assemble(DecodedItem item, IngestReport* report, std::vector<DecodedItem>* out) {
  if (!item.pending.has_value()) {
    out->push_back(std::move(item));
    return;
  }
  // Used in place: what is left of it is freed with its block, on a parse thread.
  Classified& c = *std::any_cast<Classified>(&item.pending);

  if (statement_ && c.subject.is_blank == statement_->node_is_blank && c.subject.value == statement_->node) {
    if (keep_raw_) {
      statement_->raw += '\n';
      statement_->raw += c.raw;
    }
    return AddToStatement(c, report);
  }
  if (statement_) CloseStatement(report, out);

  switch (c.kind) {
    case Classified::Kind::kStatementPart: {
      statement_ = std::make_unique<Statement>();
      statement_->node = c.subject.value;
      statement_->node_is_blank = c.subject.is_blank;
      statement_->first_line = c.line;
      if (keep_raw_) statement_->raw = c.raw;
      return AddToStatement(c, report);
    }
    case Classified::Kind::kType:
      if (types_.size() >= kMaxTypedEntities) types_.clear();
      types_[c.subject.hash] = *c.type;
      item.skip_counter = nullptr;
      out->push_back(std::move(item));
      return;
    case Classified::Kind::kPlain:
      FlushPlain(out);
      if (!plain_) plain_ = std::make_unique<Classified>();
      *plain_ = std::move(c);
      plain_held_ = true;
      return;
    case Classified::Kind::kLiteral:
      item.skip_counter = &IngestReport::literals_skipped;
      out->push_back(std::move(item));
      return;
    case Classified::Kind::kOther:
      item.skip_counter = &IngestReport::other_skipped;
      out->push_back(std::move(item));
      return;
  }
}

void NTriplesDecoder::EmitChecked(Assertion assertion, uint64_t line, const std::string& raw,
                                  std::initializer_list<std::pair<const char*, const Located*>> places,
                                  std::vector<DecodedItem>* out) {
  DecodedItem item;
  item.line_number = line;
  if (auto error = ValidateAssertion(assertion, limits_)) {
    const std::string head = error->field.substr(0, error->field.find('.'));
    error->column = 1;
    for (const auto& [name, place] : places) {
      if (name == head && place != nullptr) {
        item.line_number = place->line;
        error->column = place->column;
        break;
      }
    }
    item.value = *error;
    item.raw = raw;
  } else {
    item.evidence = store::MakeEvidenceLine(assertion);
    item.value = std::move(assertion);
  }
  out->push_back(std::move(item));
}

// The assertion for a fact between two IRIs. An rdf:type seen for an entity is given as its type
// when the predicate allows that type there; otherwise the entity stays untyped, as in a JSONL line
// that gives only a name, since rdf:type describes the entity and not this one fact.
Assertion NTriplesDecoder::FactAssertion(const Located& subject, const Located& predicate,
                                         const Located& object) const {
  Assertion a;
  a.subject.name = subject.name;
  a.predicate = predicate.name;
  a.object.name = object.name;
  const schema::PredicateInfo* info = schema::PredicateVocabulary::Builtin().Find(a.predicate);
  if (auto type = TypeOf(subject); type && (!info || schema::TypeAllowed(info->domain, *type))) a.subject.type = type;
  if (auto type = TypeOf(object); type && (!info || schema::TypeAllowed(info->range, *type))) a.object.type = type;
  return a;
}

void NTriplesDecoder::FlushPlain(std::vector<DecodedItem>* out) {
  if (!plain_held_) return;
  plain_held_ = false;
  const Classified& c = *plain_;
  EmitChecked(FactAssertion(c.subject, c.predicate, c.object), c.line, c.raw,
              {{"subject", &c.subject}, {"predicate", &c.predicate}, {"object", &c.object}}, out);
}

void NTriplesDecoder::CloseStatement(IngestReport* report, std::vector<DecodedItem>* out) {
  std::unique_ptr<Statement> s = std::move(statement_);
  // A rejected statement leaves the plain triple before it to stand on its own; an accepted one
  // replaces the plain triple it describes, which kg's export writes just before it.
  auto reject = [&](uint64_t line, schema::LineError error) {
    FlushPlain(out);
    DecodedItem item;
    item.line_number = line;
    item.value = std::move(error);
    item.raw = s->raw;
    out->push_back(std::move(item));
  };
  if (!s->error && (!s->subject || !s->predicate || !s->object)) {
    const char* missing = !s->subject ? "rdf:subject" : !s->predicate ? "rdf:predicate" : "rdf:object";
    s->error = schema::LineError{1, "statement",
                                 std::string("statement ") + (s->node_is_blank ? "_:" : "") + s->node + " has no " + missing +
                                     " among its triples (kg reads a statement's triples only when they are contiguous)"};
    s->error_line = s->first_line;
  }
  if (s->error) return reject(s->error_line, *s->error);

  Assertion base = FactAssertion(*s->subject, *s->predicate, *s->object);
  if (s->amount) {
    const std::string& text = s->amount->value;
    char* end = nullptr;
    double amount = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(amount)) {
      return reject(s->amount->line, {s->amount->column, "amount", "expected a number, got \"" + text + "\""});
    }
    base.amount = amount;
  }
  if (s->currency) base.currency = s->currency->value;
  if (s->date) base.date = s->date->value;
  if (s->period) base.period = s->period->value;

  std::vector<DecodedItem> made;
  const size_t copies = std::max<size_t>(1, s->sources.size());
  for (size_t i = 0; i < copies; ++i) {
    Assertion a = i + 1 < copies ? base : std::move(base);
    const Located* source = s->sources.empty() ? nullptr : &s->sources[i];
    if (source != nullptr) a.source_uri = source->value;
    EmitChecked(std::move(a), s->first_line, s->raw,
                {{"subject", &*s->subject}, {"predicate", &*s->predicate}, {"object", &*s->object},
                 {"amount", s->amount ? &*s->amount : nullptr}, {"currency", s->currency ? &*s->currency : nullptr},
                 {"date", s->date ? &*s->date : nullptr}, {"period", s->period ? &*s->period : nullptr},
                 {"source", source}},
                &made);
    // One bad assertion rejects the whole statement, so that a statement goes in whole or not at all.
    if (std::holds_alternative<schema::LineError>(made.back().value)) {
      return reject(made.back().line_number, std::get<schema::LineError>(made.back().value));
    }
  }
  if (plain_held_ && plain_->subject.value == s->subject->value && plain_->predicate.value == s->predicate->value &&
      plain_->object.value == s->object->value) {
    plain_held_ = false;
  }
  FlushPlain(out);
  for (DecodedItem& item : made) out->push_back(std::move(item));
}

void NTriplesDecoder::Finish(IngestReport* report, std::vector<DecodedItem>* out) {
  if (statement_) CloseStatement(report, out);
  FlushPlain(out);
}

uint64_t NTriplesDecoder::first_held_line() const {
  uint64_t held = 0;
  if (plain_held_) held = plain_->line;
  if (statement_ && (held == 0 || statement_->first_line < held)) held = statement_->first_line;
  return held;
}

}  // namespace kg::ingest
