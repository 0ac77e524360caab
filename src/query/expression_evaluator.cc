#include "query/expression_evaluator.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "query/cypher_expr_parser.h"
#include "query/value_ops.h"

namespace kg::query {
namespace {

Value OrNull(const std::string& s) { return s.empty() ? Value() : Value(s); }

Value FromBool(std::optional<bool> b) { return b ? Value(*b) : Value(); }

// Case mapping and length in Unicode terms, as Cypher's toLower, toUpper and size are: 'ÉCOLE' lowers
// to 'école', and 'España' has six characters.
std::string Lower(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toLower(icu::Locale::getRoot()).toUTF8String(out);
  return out;
}

std::string Upper(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toUpper(icu::Locale::getRoot()).toUTF8String(out);
  return out;
}

int64_t CodePoints(const std::string& s) {
  int64_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// A float as an integer, truncated toward zero; null when it does not fit in 64 bits.
Value TruncatedInteger(double d) {
  if (!std::isfinite(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0) return Value();
  return Value(static_cast<int64_t>(d));
}

Value ToText(const Value& v) {
  if (v.is_null() || v.is_string()) return v;
  if (v.is_bool()) return Value(v.as_bool() ? "true" : "false");
  return Value(ValueToJson(v));
}

Value ToInteger(const Value& v) {
  if (v.is_int()) return v;
  if (v.is_double()) return TruncatedInteger(v.as_number());
  if (v.is_string()) {
    char* end = nullptr;
    const std::string& s = v.as_string();
    const double d = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0') return Value();
    return TruncatedInteger(d);
  }
  return Value();
}

Value ToFloat(const Value& v) {
  if (v.is_number()) return Value(v.as_number());
  if (v.is_string()) {
    char* end = nullptr;
    const std::string& s = v.as_string();
    const double d = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0') return Value();
    return Value(d);
  }
  return Value();
}

}  // namespace

bool IsAggregate(const Expr& e) {
  return e.kind == Expr::Kind::kCountStar || (e.kind == Expr::Kind::kFunction && IsAggregateFunction(e.name));
}

Result<Value> Evaluator::NodeMap(store::EntityId id) {
  auto record = reader_.Entity(id);
  if (!record.ok()) return record.status();
  const Entity& e = (*record)->entity;
  ValueMap map = {{"id", Value(static_cast<int64_t>(id))}, {"name", Value(e.name)}, {"type", Value(EntityTypeName(e.type))}};
  if (!e.iso_code.empty()) map.emplace_back("iso_code", Value(e.iso_code));
  if (!e.external_id.empty()) map.emplace_back("external_id", Value(e.external_id));
  return Value(std::move(map));
}

Result<Value> Evaluator::NodeProperty(store::EntityId id, const std::string& key) {
  if (key == "name" || key == "type") {  // read on every row of most queries: the reader's packed cache
    auto head = reader_.EntityHead(id);
    if (!head.ok()) return head.status();
    return key == "name" ? Value(std::string(head->name)) : Value(EntityTypeName(head->type));
  }
  auto record = reader_.Entity(id);
  if (!record.ok()) return record.status();
  const Entity& e = (*record)->entity;
  if (key == "name") return Value(e.name);
  if (key == "type") return Value(EntityTypeName(e.type));
  if (key == "iso_code") return OrNull(e.iso_code);
  if (key == "external_id") return OrNull(e.external_id);
  if (key == "aliases") {
    ValueList names;
    for (const Alias& alias : e.aliases) names.emplace_back(alias.name);
    return Value(std::move(names));
  }
  return Value();
}

Result<Value> Evaluator::FactMap(const store::Triple& fact, const store::QualifierGroup* values) {
  auto subject = reader_.Entity(fact.s);
  auto object = reader_.Entity(fact.o);
  auto predicate = reader_.PredicateName(fact.p);
  if (!subject.ok()) return subject.status();
  if (!object.ok()) return object.status();
  if (!predicate.ok()) return predicate.status();
  ValueMap map = {{"subject", Value((*subject)->entity.name)},
                  {"predicate", Value(**predicate)},
                  {"object", Value((*object)->entity.name)}};
  if (values) {
    if (values->amount) map.emplace_back("amount", Value(*values->amount));
    if (!values->currency.empty()) map.emplace_back("currency", Value(values->currency));
    if (!values->date.empty()) map.emplace_back("date", Value(values->date));
    if (!values->period.empty()) map.emplace_back("period", Value(values->period));
    if (values->confidence) map.emplace_back("confidence", Value(*values->confidence));
    map.emplace_back("evidence_count", Value(static_cast<int64_t>(values->evidence_count)));
    ValueList sources(values->sources.begin(), values->sources.end());
    map.emplace_back("sources", Value(std::move(sources)));
  }
  return Value(std::move(map));
}

Result<Value> Evaluator::SlotValue(int slot) {
  const Binding& b = (*row_)[slot];
  switch (plan_.slots[slot].kind) {
    case Slot::Kind::kNode: return NodeMap(b.node);
    case Slot::Kind::kRel: return FactMap(b.fact, b.values);
    case Slot::Kind::kPath: {
      ValueList facts;
      for (const store::Triple& t : b.path) {
        auto map = FactMap(t, nullptr);
        if (!map.ok()) return map.status();
        facts.push_back(std::move(map).value());
      }
      return Value(std::move(facts));
    }
  }
  return Value();
}

Result<Value> Evaluator::Property(const Expr& e) {
  const int slot = plan_.SlotOf(e.name);
  if (slot < 0) return Internal("unbound variable " + e.name);
  const Binding& b = (*row_)[slot];
  if (plan_.slots[slot].kind == Slot::Kind::kNode) return NodeProperty(b.node, e.property);
  if (plan_.slots[slot].kind != Slot::Kind::kRel) return Value();
  return RelProperty(b, e.property);
}

Result<Value> Evaluator::RelProperty(const Binding& b, const std::string& key) {
  if (key == "predicate") {
    auto name = reader_.PredicateName(b.fact.p);
    if (!name.ok()) return name.status();
    return Value(**name);
  }
  if (key == "evidence_count") return Value(static_cast<int64_t>(b.evidence_count));
  const store::QualifierGroup* g = b.values;
  if (!g) return Internal("a relationship was bound without its values");
  if (key == "amount") return g->amount ? Value(*g->amount) : Value();
  if (key == "currency") return OrNull(g->currency);
  if (key == "date") return OrNull(g->date);
  if (key == "period") return OrNull(g->period);
  if (key == "confidence") return g->confidence ? Value(*g->confidence) : Value();
  if (key == "evidence_count") return Value(static_cast<int64_t>(g->evidence_count));
  if (key == "sources") return Value(ValueList(g->sources.begin(), g->sources.end()));
  return Value();
}

Result<Value> Evaluator::Function(const Expr& e) {
  if (IsAggregate(e)) return Internal("aggregate " + e.name + "() evaluated per row");
  if (e.name == "coalesce") {
    for (const Expr& arg : e.args) {
      auto v = Eval(arg);
      if (!v.ok() || !v->is_null()) return v;
    }
    return Value();
  }
  if (e.args.size() != 1) return InvalidArgument(e.name + "() takes one argument");
  const Expr& arg = e.args[0];
  if (e.name == "type" || e.name == "id" || e.name == "labels") {
    const int slot = arg.kind == Expr::Kind::kVariable ? plan_.SlotOf(arg.name) : -1;
    if (slot < 0) return InvalidArgument(e.name + "() takes a node or relationship variable");
    const Binding& b = (*row_)[slot];
    const Slot::Kind kind = plan_.slots[slot].kind;
    if (e.name == "type") {
      if (kind != Slot::Kind::kRel) return Value();
      auto name = reader_.PredicateName(b.fact.p);
      if (!name.ok()) return name.status();
      return Value(**name);
    }
    if (kind != Slot::Kind::kNode) return Value();
    if (e.name == "id") return Value(static_cast<int64_t>(b.node));
    auto type = NodeProperty(b.node, "type");
    if (!type.ok()) return type.status();
    return Value(ValueList{*type});
  }
  auto v = Eval(arg);
  if (!v.ok()) return v;
  if (e.name == "size") {
    if (v->is_list()) return Value(static_cast<int64_t>(v->as_list().size()));
    if (v->is_string()) return Value(CodePoints(v->as_string()));
    return Value();
  }
  if (e.name == "tolower") return v->is_string() ? Value(Lower(v->as_string())) : Value();
  if (e.name == "toupper") return v->is_string() ? Value(Upper(v->as_string())) : Value();
  if (e.name == "tostring") return ToText(*v);
  if (e.name == "tointeger") return ToInteger(*v);
  if (e.name == "tofloat") return ToFloat(*v);
  return InvalidArgument("unknown function " + e.name + "()");
}

// AND, OR and XOR over all of a chain's operands, with Cypher's null rules. Every operand is evaluated,
// so that a non-boolean is an error wherever it stands rather than hidden behind an early false.
Result<Value> Evaluator::Logic(const Expr& e) {
  bool any_true = false, any_false = false, any_null = false, odd = false;
  for (const Expr& arg : e.args) {
    auto v = Eval(arg);
    if (!v.ok()) return v;
    if (v->is_null()) {
      any_null = true;
    } else if (!v->is_bool()) {
      return InvalidArgument("AND, OR and XOR expect booleans");
    } else if (v->as_bool()) {
      any_true = true;
      odd = !odd;
    } else {
      any_false = true;
    }
  }
  switch (e.kind) {
    case Expr::Kind::kAnd:
      if (any_false) return Value(false);
      return any_null ? Value() : Value(true);
    case Expr::Kind::kOr:
      if (any_true) return Value(true);
      return any_null ? Value() : Value(false);
    default:
      return any_null ? Value() : Value(odd);
  }
}

Result<Value> Evaluator::Predicate(const Expr& e) {
  auto a = Eval(e.args[0]);
  if (!a.ok()) return a;
  switch (e.kind) {
    case Expr::Kind::kIsNull: return Value(a->is_null());
    case Expr::Kind::kIsNotNull: return Value(!a->is_null());
    case Expr::Kind::kNot:
      if (a->is_null()) return Value();
      if (!a->is_bool()) return InvalidArgument("NOT expects a boolean");
      return Value(!a->as_bool());
    default: break;
  }
  auto b = Eval(e.args[1]);
  if (!b.ok()) return b;
  switch (e.kind) {
    case Expr::Kind::kCompare: {
      if (e.op == "=") return FromBool(Equals(*a, *b));
      if (e.op == "<>") {
        auto eq = Equals(*a, *b);
        return eq ? Value(!*eq) : Value();
      }
      auto c = Compare(*a, *b);
      if (!c) return Value();
      if (e.op == "<") return Value(*c < 0);
      if (e.op == "<=") return Value(*c <= 0);
      if (e.op == ">") return Value(*c > 0);
      if (e.op == ">=") return Value(*c >= 0);
      return Internal("unknown comparison " + e.op);
    }
    case Expr::Kind::kIn: {
      if (b->is_null()) return Value();
      if (!b->is_list()) return InvalidArgument("IN expects a list on its right");
      bool unknown = false;
      for (const Value& item : b->as_list()) {
        auto eq = Equals(*a, item);
        if (eq == true) return Value(true);
        if (!eq) unknown = true;
      }
      return unknown ? Value() : Value(false);
    }
    case Expr::Kind::kStartsWith:
    case Expr::Kind::kEndsWith:
    case Expr::Kind::kContains: {
      if (!a->is_string() || !b->is_string()) return Value();
      const std::string& s = a->as_string();
      const std::string& t = b->as_string();
      if (e.kind == Expr::Kind::kStartsWith) return Value(s.compare(0, t.size(), t) == 0 && s.size() >= t.size());
      if (e.kind == Expr::Kind::kEndsWith) {
        return Value(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
      }
      return Value(s.find(t) != std::string::npos);
    }
    default: return Internal("not a predicate expression");
  }
}

Result<Value> Evaluator::Eval(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::kLiteral: return e.literal;
    case Expr::Kind::kList: {
      ValueList items;
      for (const Expr& arg : e.args) {
        auto v = Eval(arg);
        if (!v.ok()) return v;
        items.push_back(std::move(v).value());
      }
      return Value(std::move(items));
    }
    case Expr::Kind::kVariable: {
      const int slot = plan_.SlotOf(e.name);
      if (slot < 0) return Internal("unbound variable " + e.name);
      return SlotValue(slot);
    }
    case Expr::Kind::kProperty: return Property(e);
    case Expr::Kind::kNegate: {
      auto v = Eval(e.args[0]);
      if (!v.ok() || v->is_null()) return v;
      if (v->is_int() && v->as_int() != INT64_MIN) return Value(-v->as_int());
      if (v->is_number()) return Value(-v->as_number());
      return InvalidArgument("unary minus expects a number");
    }
    case Expr::Kind::kFunction:
    case Expr::Kind::kCountStar: return Function(e);
    case Expr::Kind::kAnd:
    case Expr::Kind::kOr:
    case Expr::Kind::kXor: return Logic(e);
    default: return Predicate(e);
  }
}

Result<bool> Evaluator::Test(const Expr& e) {
  auto v = Eval(e);
  if (!v.ok()) return v.status();
  return v->is_bool() && v->as_bool();
}

}  // namespace kg::query
