#include "query/query_planner.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "query/cypher_lexer.h"
#include "schema/predicate_vocabulary.h"

namespace kg::query {
namespace {

// Counting stops here: past this, a pattern is "large" and exact counts would cost a scan of their own.
constexpr uint64_t kCountCap = 100000;

const char* const kNodeProperties[] = {"name", "type", "aliases", "iso_code", "external_id"};
const char* const kRelProperties[] = {"amount",         "currency", "date",    "period",   "confidence",
                                      "evidence_count", "sources",  "predicate"};

std::string TypeList() {
  std::string list;
  for (auto type : {EntityType::kOrganization, EntityType::kCountry, EntityType::kPerson, EntityType::kCity,
                    EntityType::kRegion, EntityType::kFacility, EntityType::kOther}) {
    if (!list.empty()) list += ", ";
    list += EntityTypeName(type);
  }
  return list;
}

std::string UnknownNodeProperty(const std::string& key) {
  return "unknown node property '" + key + "'; nodes have name, type, aliases, iso_code and external_id";
}

std::string UnknownRelProperty(const std::string& key) {
  return "unknown relationship property '" + key + "'; relationships have amount, currency, date, period, "
         "confidence, evidence_count, sources and predicate";
}

// The value of a pattern property: a literal, a list of literals, or a negated number.
std::optional<Value> ConstantOf(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::kLiteral: return e.literal;
    case Expr::Kind::kNegate: {
      auto inner = e.args.empty() ? std::nullopt : ConstantOf(e.args[0]);
      if (!inner) return std::nullopt;
      if (inner->is_int() && inner->as_int() != INT64_MIN) return Value(-inner->as_int());
      if (inner->is_int()) return Value(-inner->as_number());
      if (inner->is_double()) return Value(-inner->as_number());
      return std::nullopt;
    }
    case Expr::Kind::kList: {
      ValueList items;
      for (const Expr& item : e.args) {
        auto v = ConstantOf(item);
        if (!v) return std::nullopt;
        items.push_back(std::move(*v));
      }
      return Value(std::move(items));
    }
    default: return std::nullopt;
  }
}

void CollectVariables(const Expr& e, std::set<std::string>* names) {
  if (e.kind == Expr::Kind::kVariable || e.kind == Expr::Kind::kProperty) names->insert(e.name);
  for (const Expr& arg : e.args) CollectVariables(arg, names);
}

void SplitConjuncts(const Expr& e, std::vector<const Expr*>* out) {
  if (e.kind == Expr::Kind::kAnd) {
    for (const Expr& arg : e.args) SplitConjuncts(arg, out);
  } else {
    out->push_back(&e);
  }
}

class Planner {
 public:
  Planner(const Query& query, std::string_view text, store::IndexReader& reader)
      : query_(query), text_(text), reader_(reader) {}

  Result<Plan> Build() {
    auto counters = reader_.ReadCounters();
    if (!counters.ok()) return counters.status();
    entities_ = std::max<double>(1, static_cast<double>(counters->stats.entities));
    facts_ = static_cast<double>(counters->stats.facts);

    KG_RETURN_IF_ERROR(CheckPatternSize());
    for (const PathPattern& path : query_.patterns) {
      std::vector<int> nodes;
      for (const NodePattern& node : path.nodes) {
        auto index = AddNode(node);
        if (!index.ok()) return index.status();
        nodes.push_back(*index);
      }
      for (size_t i = 0; i < path.rels.size(); ++i) {
        KG_RETURN_IF_ERROR(AddRel(path.rels[i], nodes[i], nodes[i + 1]));
      }
    }
    KG_RETURN_IF_ERROR(MarkReferences());
    KG_RETURN_IF_ERROR(OrderSteps());
    AttachFilters();
    return std::move(plan_);
  }

 private:
  Status Error(size_t position, const std::string& what) const {
    return InvalidArgument(LineColumn(text_, position) + ": " + what);
  }

  // The Cypher parser refuses larger patterns as it reads them; this covers the shorthand and any other
  // source of a Query, since the executor's nesting and the step ordering grow with the pattern.
  Status CheckPatternSize() const {
    size_t count = 0;
    for (const PathPattern& path : query_.patterns) {
      for (const NodePattern& node : path.nodes) {
        if (++count > kMaxPatternNodes) {
          return Error(node.position, "the patterns hold more than " + std::to_string(kMaxPatternNodes) +
                                          " nodes; kg matches at most that many in one query");
        }
      }
    }
    return Status::Ok();
  }

  int SlotFor(const std::string& name, Slot::Kind kind, size_t position) {
    if (!name.empty()) {
      int existing = plan_.SlotOf(name);
      if (existing >= 0) return existing;
    }
    Slot slot;
    slot.kind = kind;
    slot.named = !name.empty();
    slot.position = position;
    slot.name = name.empty() ? "_" + std::to_string(plan_.slots.size() + 1) : name;
    plan_.slots.push_back(slot);
    return static_cast<int>(plan_.slots.size()) - 1;
  }

  Status SetType(NodeSpec& spec, const std::string& label, size_t position) {
    auto type = ParseEntityType(label);
    if (!type) return Error(position, "unknown label '" + label + "'; labels are " + TypeList());
    if (spec.type && *spec.type != *type) {
      plan_.no_rows = true;  // an entity has one type
      plan_.no_rows_reason = "a node cannot be both " + std::string(EntityTypeName(*spec.type)) + " and " + label;
    }
    spec.type = type;
    return Status::Ok();
  }

  Result<int> AddNode(const NodePattern& node) {
    const bool existing = !node.variable.empty() && plan_.SlotOf(node.variable) >= 0;
    const int slot = SlotFor(node.variable, Slot::Kind::kNode, node.position);
    if (plan_.slots[slot].kind != Slot::Kind::kNode) {
      return Error(node.position, "'" + node.variable + "' is a relationship and cannot be used as a node");
    }
    int index = -1;
    if (existing) {
      for (size_t i = 0; i < plan_.nodes.size(); ++i) {
        if (plan_.nodes[i].slot == slot) index = static_cast<int>(i);
      }
    } else {
      plan_.nodes.push_back(NodeSpec{});
      index = static_cast<int>(plan_.nodes.size()) - 1;
      plan_.nodes[index].slot = slot;
    }
    NodeSpec& spec = plan_.nodes[index];
    for (const std::string& label : node.labels) KG_RETURN_IF_ERROR(SetType(spec, label, node.position));
    for (const auto& [key, expr] : node.properties) {
      auto value = ConstantOf(expr);
      if (!value) return Error(expr.position, "pattern property '" + key + "' must be a literal value");
      if (key == "name") {
        if (!value->is_string()) return Error(expr.position, "name must be a string");
        auto id = reader_.Resolve(value->as_string());
        if (!id.ok()) return id.status();
        if (!*id) {
          plan_.no_rows = true;
          plan_.no_rows_reason = "no entity is named \"" + value->as_string() + "\"";
        } else if (spec.id && *spec.id != **id) {
          plan_.no_rows = true;
          plan_.no_rows_reason = "a node cannot have two names";
        }
        if (*id) spec.id = **id;
        spec.name = value->as_string();
      } else if (key == "type") {
        if (!value->is_string()) return Error(expr.position, "type must be a string");
        KG_RETURN_IF_ERROR(SetType(spec, value->as_string(), expr.position));
      } else if (key == "iso_code" || key == "external_id") {
        spec.filters.emplace_back(key, std::move(*value));
      } else if (key == "aliases") {
        return Error(expr.position, "aliases cannot be matched in a pattern; write WHERE 'X' IN n.aliases");
      } else {
        return Error(expr.position, UnknownNodeProperty(key));
      }
    }
    return index;
  }

  Status AddRel(const RelPattern& rel, int left, int right) {
    if (!rel.variable.empty() && plan_.SlotOf(rel.variable) >= 0) {
      const Slot& other = plan_.slots[plan_.SlotOf(rel.variable)];
      return Error(rel.position, other.kind == Slot::Kind::kNode
                                     ? "'" + rel.variable + "' is a node and cannot be used as a relationship"
                                     : "relationship variable '" + rel.variable + "' is used twice");
    }
    RelSpec spec;
    spec.slot = SlotFor(rel.variable, rel.variable_length ? Slot::Kind::kPath : Slot::Kind::kRel, rel.position);
    spec.left = left;
    spec.right = right;
    spec.direction = rel.direction;
    spec.variable_length = rel.variable_length;
    spec.min_hops = rel.min_hops;
    spec.max_hops = rel.max_hops;
    for (const std::string& name : rel.types) {
      auto id = reader_.FindPredicate(name);
      if (!id.ok()) return id.status();
      if (std::find(spec.predicate_names.begin(), spec.predicate_names.end(), name) != spec.predicate_names.end()) {
        continue;  // [:a|a] is [:a]
      }
      if (*id) {
        spec.predicates.push_back(**id);
      } else if (schema::PredicateVocabulary::Builtin().Find(name) == nullptr) {
        return Error(rel.position, "unknown predicate '" + name + "'; see schemas/predicates.json");
      }
      spec.predicate_names.push_back(name);
    }
    if (!rel.types.empty() && spec.predicates.empty()) {
      plan_.no_rows = true;
      plan_.no_rows_reason = "no fact uses " + spec.predicate_names.front() + " yet";
    }
    for (const auto& [key, expr] : rel.properties) {
      if (rel.variable_length) return Error(expr.position, "variable-length relationships take no properties");
      if (!IsRelProperty(key)) {
        return Error(expr.position, UnknownRelProperty(key));
      }
      auto value = ConstantOf(expr);
      if (!value) return Error(expr.position, "pattern property '" + key + "' must be a literal value");
      spec.filters.emplace_back(key, std::move(*value));
    }
    plan_.rels.push_back(std::move(spec));
    return Status::Ok();
  }

  // Checks property reads against the slot kinds, and marks the relationships whose qualifier values are
  // read: their evidence must be decoded. type(r), r.predicate and r.evidence_count need no decoding.
  Status CheckExpr(const Expr& e) {
    if (e.kind == Expr::Kind::kFunction && (e.name == "type" || e.name == "id" || e.name == "labels") &&
        e.args.size() == 1 && e.args[0].kind == Expr::Kind::kVariable) {
      return Status::Ok();
    }
    if (e.kind == Expr::Kind::kProperty || e.kind == Expr::Kind::kVariable) {
      const int slot = plan_.SlotOf(e.name);
      if (slot >= 0) {
        Slot& s = plan_.slots[slot];
        if (e.kind == Expr::Kind::kVariable || NeedsValues(e.property)) s.needs_values = true;
        if (e.kind == Expr::Kind::kVariable || NeedsEvidence(e.property)) s.needs_evidence = true;
        if (e.kind == Expr::Kind::kProperty) {
          if (s.kind == Slot::Kind::kPath) {
            return Error(e.position, "'" + e.name + "' is a variable-length relationship, a list: it has no "
                                     "property '" + e.property + "'");
          }
          if (s.kind == Slot::Kind::kNode && !IsNodeProperty(e.property)) {
            return Error(e.position, UnknownNodeProperty(e.property));
          }
          if (s.kind == Slot::Kind::kRel && !IsRelProperty(e.property)) {
            return Error(e.position, UnknownRelProperty(e.property));
          }
        }
      }
    }
    for (const Expr& arg : e.args) KG_RETURN_IF_ERROR(CheckExpr(arg));
    return Status::Ok();
  }

  static bool NeedsValues(const std::string& rel_property) {
    return rel_property != "predicate" && rel_property != "evidence_count";
  }

  // What `groups` does not hold: see Slot::needs_evidence.
  static bool NeedsEvidence(const std::string& rel_property) {
    return rel_property != "predicate" && rel_property != "amount" && rel_property != "currency" &&
           rel_property != "date";
  }

  Status MarkReferences() {
    if (query_.where) KG_RETURN_IF_ERROR(CheckExpr(*query_.where));
    for (const ReturnItem& item : query_.items) KG_RETURN_IF_ERROR(CheckExpr(item.expr));
    for (const SortItem& item : query_.order_by) KG_RETURN_IF_ERROR(CheckExpr(item.expr));
    if (query_.return_all) {
      for (Slot& slot : plan_.slots) {
        slot.needs_values |= slot.named;
        slot.needs_evidence |= slot.named;
      }
    }
    for (const RelSpec& rel : plan_.rels) {
      for (const auto& [key, value] : rel.filters) {
        plan_.slots[rel.slot].needs_values |= NeedsValues(key);
        plan_.slots[rel.slot].needs_evidence |= NeedsEvidence(key);
      }
    }
    return Status::Ok();
  }

  // How many facts the relationship's predicates have, counted up to a cap, once per predicate.
  Result<double> RelCount(const RelSpec& rel) {
    if (rel.predicates.empty()) return facts_;
    double total = 0;
    for (store::PredicateId p : rel.predicates) {
      auto cached = predicate_counts_.find(p);
      if (cached == predicate_counts_.end()) {
        auto n = reader_.Count(store::kPos, store::Fixed32Key(p), kCountCap);
        if (!n.ok()) return n.status();
        cached = predicate_counts_.emplace(p, static_cast<double>(*n)).first;
      }
      total += cached->second;
    }
    return total;
  }

  // Expected rows when walking `rel` from its bound end `from`.
  Result<double> Fanout(const RelSpec& rel, int from) {
    const NodeSpec& node = plan_.nodes[from];
    double per_hop;
    if (node.id) {
      const std::string id = store::Fixed64Key(*node.id);
      per_hop = 0;
      auto add = [&](store::Cf cf, const std::string& prefix) -> Status {
        auto n = reader_.Count(cf, prefix, kCountCap);
        if (!n.ok()) return n.status();
        per_hop += static_cast<double>(*n);
        return Status::Ok();
      };
      if (rel.predicates.empty()) {
        KG_RETURN_IF_ERROR(add(store::kSpo, id));
        KG_RETURN_IF_ERROR(add(store::kOsp, id));
      } else {
        for (store::PredicateId p : rel.predicates) {
          KG_RETURN_IF_ERROR(add(store::kSpo, id + store::Fixed32Key(p)));
          KG_RETURN_IF_ERROR(add(store::kPos, store::Fixed32Key(p) + id));
        }
      }
    } else {
      auto count = RelCount(rel);
      if (!count.ok()) return count.status();
      per_hop = 2 * *count / entities_;
    }
    per_hop = std::max(per_hop, 1.0);
    double total = per_hop;
    for (int hop = 1; hop < rel.max_hops && rel.variable_length; ++hop) total *= per_hop;
    return total;
  }

  Status OrderSteps() {
    std::vector<bool> bound(plan_.nodes.size(), false), placed(plan_.rels.size(), false);
    while (true) {
      Step best;
      double best_cost = -1;
      auto consider = [&](const Step& step, double cost) {
        if (best_cost < 0 || cost < best_cost) {
          best = step;
          best_cost = cost;
        }
      };
      // Expansions from what is bound come first: anchoring anew would multiply rows.
      for (size_t r = 0; r < plan_.rels.size(); ++r) {
        if (placed[r]) continue;
        const RelSpec& rel = plan_.rels[r];
        for (bool from_left : {true, false}) {
          const int from = from_left ? rel.left : rel.right;
          const int to = from_left ? rel.right : rel.left;
          if (!bound[from]) continue;
          Step step;
          step.kind = Step::Kind::kExpand;
          step.rel = static_cast<int>(r);
          step.from_left = from_left;
          if (bound[to]) {
            consider(step, 0.5);
          } else {
            auto cost = Fanout(rel, from);
            if (!cost.ok()) return cost.status();
            consider(step, *cost);
          }
        }
      }
      if (best_cost < 0) {
        for (size_t n = 0; n < plan_.nodes.size(); ++n) {
          if (bound[n] || !plan_.nodes[n].id) continue;
          Step step;
          step.kind = Step::Kind::kLookupNode;
          step.node = static_cast<int>(n);
          consider(step, 1);
        }
        for (size_t r = 0; r < plan_.rels.size(); ++r) {
          const RelSpec& rel = plan_.rels[r];
          if (placed[r] || rel.variable_length) continue;
          auto cost = RelCount(rel);
          if (!cost.ok()) return cost.status();
          Step step;
          step.kind = Step::Kind::kScanRels;
          step.rel = static_cast<int>(r);
          consider(step, *cost);
        }
        if (best_cost < 0) {
          // Only variable-length relationships or lone nodes are left: scan the entities for one end.
          for (size_t n = 0; n < plan_.nodes.size(); ++n) {
            if (bound[n]) continue;
            Step step;
            step.kind = Step::Kind::kScanNodes;
            step.node = static_cast<int>(n);
            consider(step, plan_.nodes[n].type ? entities_ / 2 : entities_);
          }
        }
      }
      if (best_cost < 0) break;
      best.estimate = best_cost;
      if (best.kind == Step::Kind::kLookupNode || best.kind == Step::Kind::kScanNodes) {
        bound[best.node] = true;
      } else {
        placed[best.rel] = true;
        bound[plan_.rels[best.rel].left] = bound[plan_.rels[best.rel].right] = true;
      }
      plan_.steps.push_back(best);
    }
    return Status::Ok();
  }

  // Each WHERE conjunct runs after the first step that binds all its variables.
  void AttachFilters() {
    if (!query_.where) return;
    std::vector<const Expr*> conjuncts;
    SplitConjuncts(*query_.where, &conjuncts);
    std::vector<int> bound_after(plan_.slots.size(), -1);
    for (size_t i = 0; i < plan_.steps.size(); ++i) {
      const Step& step = plan_.steps[i];
      std::vector<int> slots;
      if (step.node >= 0) slots.push_back(plan_.nodes[step.node].slot);
      if (step.rel >= 0) {
        const RelSpec& rel = plan_.rels[step.rel];
        slots.insert(slots.end(), {rel.slot, plan_.nodes[rel.left].slot, plan_.nodes[rel.right].slot});
      }
      for (int slot : slots) {
        if (bound_after[slot] < 0) bound_after[slot] = static_cast<int>(i);
      }
    }
    for (const Expr* conjunct : conjuncts) {
      std::set<std::string> names;
      CollectVariables(*conjunct, &names);
      int step = -1;
      for (const std::string& name : names) {
        const int slot = plan_.SlotOf(name);
        if (slot >= 0) step = std::max(step, bound_after[slot]);
      }
      if (step < 0) {
        plan_.constant_filters.push_back(conjunct);
      } else {
        plan_.steps[step].filters.push_back(conjunct);
      }
    }
  }

  const Query& query_;
  std::string_view text_;
  store::IndexReader& reader_;
  Plan plan_;
  double entities_ = 1, facts_ = 0;
  std::map<store::PredicateId, double> predicate_counts_;
};

}  // namespace

bool IsNodeProperty(const std::string& key) {
  return std::find(std::begin(kNodeProperties), std::end(kNodeProperties), key) != std::end(kNodeProperties);
}

bool IsRelProperty(const std::string& key) {
  return std::find(std::begin(kRelProperties), std::end(kRelProperties), key) != std::end(kRelProperties);
}

Result<Plan> PlanQuery(const Query& query, std::string_view text, store::IndexReader& reader) {
  return Planner(query, text, reader).Build();
}

}  // namespace kg::query
