#include "query/result_shaper.h"

#include <algorithm>

#include "query/value_ops.h"

namespace kg::query {
namespace {

bool SameExpr(const Expr& a, const Expr& b) {
  if (a.kind != b.kind || a.name != b.name || a.property != b.property || a.op != b.op ||
      a.distinct != b.distinct || !(a.literal == b.literal) || a.args.size() != b.args.size()) {
    return false;
  }
  for (size_t i = 0; i < a.args.size(); ++i) {
    if (!SameExpr(a.args[i], b.args[i])) return false;
  }
  return true;
}

// Replaces each variable that names a RETURN column with that column's expression: ORDER BY may use
// aliases inside expressions (ORDER BY toLower(n) for RETURN a.name AS n), and aliases shadow variables.
void SubstituteAliases(Expr& e, const std::vector<ReturnItem>& items) {
  if (e.kind == Expr::Kind::kVariable || e.kind == Expr::Kind::kProperty) {
    for (const ReturnItem& item : items) {
      if (item.alias != e.name) continue;
      if (e.kind == Expr::Kind::kVariable) {
        e = item.expr;
      } else if (item.expr.kind == Expr::Kind::kVariable) {
        e.name = item.expr.name;  // RETURN a AS n ... ORDER BY n.name
      }
      return;
    }
  }
  for (Expr& arg : e.args) SubstituteAliases(arg, items);
}

bool ContainsAggregate(const Expr& e) {
  if (IsAggregate(e)) return true;
  return std::any_of(e.args.begin(), e.args.end(), ContainsAggregate);
}

}  // namespace

// One aggregate item's running state within one group.
struct ResultShaper::Aggregate {
  const Expr* expr = nullptr;
  int64_t count = 0;
  bool all_int = true;
  int64_t int_sum = 0;
  double sum = 0;
  Value best;  // min or max so far
  ValueList items;
  std::unordered_set<std::string> seen;  // for DISTINCT

  Status Add(Evaluator& evaluator) {
    if (expr->kind == Expr::Kind::kCountStar) {
      ++count;
      return Status::Ok();
    }
    auto v = evaluator.Eval(expr->args.at(0));
    if (!v.ok()) return v.status();
    if (v->is_null()) return Status::Ok();
    if (expr->distinct && !seen.insert(GroupKey(*v)).second) return Status::Ok();
    ++count;
    const std::string& f = expr->name;
    if (f == "sum" || f == "avg") {
      if (!v->is_number()) return InvalidArgument(f + "() expects numbers, got " + ValueToJson(*v));
      if (v->is_int() && all_int && !__builtin_add_overflow(int_sum, v->as_int(), &int_sum)) {
        // exact while it fits
      } else {
        all_int = false;  // a float, or an integer sum past int64: continue in floating point
      }
      sum += v->as_number();
    } else if (f == "min" || f == "max") {
      const int c = best.is_null() ? 0 : SortCompare(*v, best);
      if (best.is_null() || (f == "min" ? c < 0 : c > 0)) best = *v;
    } else if (f == "collect") {
      items.push_back(std::move(v).value());
    }
    return Status::Ok();
  }

  Value Result() const {
    const std::string& f = expr->name;
    if (expr->kind == Expr::Kind::kCountStar || f == "count") return Value(count);
    if (f == "sum") return all_int ? Value(int_sum) : Value(sum);
    if (f == "avg") return count == 0 ? Value() : Value(sum / static_cast<double>(count));
    if (f == "collect") return Value(items);
    return best;
  }
};

struct ResultShaper::Group {
  std::vector<Value> keys;  // the non-aggregate items' values
  std::vector<Aggregate> aggregates;
};

std::vector<ReturnItem> ReturnItems(const Query& query, const Plan& plan) {
  if (!query.return_all) return query.items;
  // RETURN *, a.name AS n: the variables first, then the items written after the star.
  std::vector<const Slot*> named;
  for (const Slot& slot : plan.slots) {
    if (slot.named) named.push_back(&slot);
  }
  std::stable_sort(named.begin(), named.end(), [](const Slot* a, const Slot* b) { return a->position < b->position; });
  std::vector<ReturnItem> items;
  for (const Slot* slot_ptr : named) {
    const Slot& slot = *slot_ptr;
    ReturnItem item;
    item.expr.kind = Expr::Kind::kVariable;
    item.expr.name = slot.name;
    item.alias = slot.name;
    items.push_back(std::move(item));
  }
  items.insert(items.end(), query.items.begin(), query.items.end());
  return items;
}

ResultShaper::ResultShaper(const Query& query, const Plan& plan, Evaluator& evaluator, RowSink sink)
    : query_(query), evaluator_(evaluator), sink_(std::move(sink)), items_(ReturnItems(query, plan)) {}

ResultShaper::~ResultShaper() = default;

Result<std::unique_ptr<ResultShaper>> ResultShaper::Create(const Query& query, const Plan& plan,
                                                           Evaluator& evaluator, RowSink sink) {
  std::unique_ptr<ResultShaper> shaper(new ResultShaper(query, plan, evaluator, std::move(sink)));
  KG_RETURN_IF_ERROR(shaper->Prepare());
  return shaper;
}

Status ResultShaper::Prepare() {
  for (const ReturnItem& item : items_) {
    const bool aggregate = IsAggregate(item.expr);
    if (!aggregate && ContainsAggregate(item.expr)) {
      return InvalidArgument("an aggregate must be a whole RETURN item, as in count(x) AS n: " + item.alias);
    }
    for (const Expr& arg : item.expr.args) {
      if (aggregate && ContainsAggregate(arg)) return InvalidArgument("aggregates cannot be nested: " + item.alias);
    }
    aggregate_item_.push_back(aggregate);
    aggregating_ |= aggregate;
  }
  for (const SortItem& sort : query_.order_by) {
    SortKey key;
    key.descending = sort.descending;
    for (size_t i = 0; i < items_.size() && key.column < 0; ++i) {
      if ((sort.expr.kind == Expr::Kind::kVariable && sort.expr.name == items_[i].alias) ||
          SameExpr(sort.expr, items_[i].expr)) {
        key.column = static_cast<int>(i);
      }
    }
    if (key.column < 0) {
      if (aggregating_ || query_.distinct) {
        return InvalidArgument("ORDER BY in a query with DISTINCT or aggregates can only use RETURN columns");
      }
      rewritten_.push_back(sort.expr);
      SubstituteAliases(rewritten_.back(), items_);
      if (ContainsAggregate(rewritten_.back())) return InvalidArgument("ORDER BY cannot aggregate; name it in RETURN");
      key.expr_index = static_cast<int>(rewritten_.size()) - 1;
    }
    sort_keys_.push_back(key);
  }
  return Status::Ok();
}

bool ResultShaper::Send(const std::vector<Value>& row) {
  if (query_.limit && sent_ >= *query_.limit) return false;
  if (query_.skip && skipped_ < *query_.skip) {
    ++skipped_;
    return true;
  }
  ++sent_;
  if (!sink_(row)) return false;
  return !query_.limit || sent_ < *query_.limit;
}

bool ResultShaper::Output(std::vector<Value> row, std::vector<Value> sort_values) {
  if (query_.distinct) {
    std::string key;
    for (const Value& v : row) key += GroupKey(v) + "\x1f";
    if (!seen_.insert(key).second) return true;
  }
  if (sort_keys_.empty()) return Send(row);
  held_.push_back({std::move(row), std::move(sort_values), next_seq_++});
  if (query_.limit && held_.size() >= 2 * HeldLimit() + 1024) TrimHeld();
  return true;
}

size_t ResultShaper::HeldLimit() const {
  const uint64_t skip = query_.skip ? static_cast<uint64_t>(std::max<int64_t>(*query_.skip, 0)) : 0;
  const uint64_t limit = query_.limit ? static_cast<uint64_t>(std::max<int64_t>(*query_.limit, 0)) : 0;
  // Each is below 2^63, so the sum cannot wrap; the cap keeps 2 * this + 1024 from wrapping.
  return static_cast<size_t>(std::min<uint64_t>(skip + limit, SIZE_MAX / 4));
}

bool ResultShaper::HeldBefore(const Held& a, const Held& b) const {
  auto value_of = [&](const Held& held, size_t k) -> const Value& {
    return sort_keys_[k].column >= 0 ? held.row[sort_keys_[k].column] : held.sort_values[k];
  };
  for (size_t k = 0; k < sort_keys_.size(); ++k) {
    int c = SortCompare(value_of(a, k), value_of(b, k));
    if (sort_keys_[k].descending) c = -c;
    if (c != 0) return c < 0;
  }
  return a.seq < b.seq;
}

void ResultShaper::TrimHeld() {
  const size_t keep = HeldLimit();
  if (held_.size() <= keep) return;
  std::nth_element(held_.begin(), held_.begin() + static_cast<std::ptrdiff_t>(keep), held_.end(),
                   [&](const Held& a, const Held& b) { return HeldBefore(a, b); });
  held_.resize(keep);
}

Result<bool> ResultShaper::Accept() {
  std::vector<Value>& values = values_;
  values.resize(items_.size());
  for (size_t i = 0; i < items_.size(); ++i) {
    if (aggregate_item_[i]) continue;
    auto v = evaluator_.Eval(items_[i].expr);
    if (!v.ok()) return v.status();
    values[i] = std::move(v).value();
  }
  // A plain streamed row goes out as it is, and the buffer serves the next row.
  if (!aggregating_ && sort_keys_.empty() && !query_.distinct) return Send(values);
  if (!aggregating_) {
    std::vector<Value> sort_values(sort_keys_.size());
    for (size_t k = 0; k < sort_keys_.size(); ++k) {
      if (sort_keys_[k].expr_index < 0) continue;
      auto v = evaluator_.Eval(rewritten_[sort_keys_[k].expr_index]);
      if (!v.ok()) return v.status();
      sort_values[k] = std::move(v).value();
    }
    return Output(values, std::move(sort_values));
  }
  std::string key;
  for (size_t i = 0; i < items_.size(); ++i) {
    if (!aggregate_item_[i]) key += GroupKey(values[i]) + "\x1f";
  }
  Group*& group = group_index_[key];
  if (!group) {
    groups_.push_back(std::make_unique<Group>());
    group = groups_.back().get();
    group->keys = values;
    for (size_t i = 0; i < items_.size(); ++i) {
      if (!aggregate_item_[i]) continue;
      Aggregate aggregate;
      aggregate.expr = &items_[i].expr;
      group->aggregates.push_back(std::move(aggregate));
    }
  }
  for (Aggregate& aggregate : group->aggregates) KG_RETURN_IF_ERROR(aggregate.Add(evaluator_));
  return true;
}

Status ResultShaper::Finish() {
  if (aggregating_) {
    // With no grouping key, an empty match still gives one row: count(*) is 0.
    const bool only_aggregates = std::all_of(aggregate_item_.begin(), aggregate_item_.end(), [](bool b) { return b; });
    if (groups_.empty() && only_aggregates) {
      auto group = std::make_unique<Group>();
      group->keys.resize(items_.size());
      for (const ReturnItem& item : items_) {
        Aggregate aggregate;
        aggregate.expr = &item.expr;
        group->aggregates.push_back(std::move(aggregate));
      }
      groups_.push_back(std::move(group));
    }
    bool more = true;
    for (const auto& group : groups_) {
      std::vector<Value> row = group->keys;
      size_t next = 0;
      for (size_t i = 0; i < items_.size(); ++i) {
        if (aggregate_item_[i]) row[i] = group->aggregates[next++].Result();
      }
      if (more) more = Output(std::move(row), std::vector<Value>(sort_keys_.size()));
    }
  }
  if (sort_keys_.empty()) return Status::Ok();
  if (query_.limit) TrimHeld();
  // Arrival order breaks ties, so this sorts as a stable sort on the keys would.
  std::sort(held_.begin(), held_.end(), [&](const Held& a, const Held& b) { return HeldBefore(a, b); });
  for (const Held& held : held_) {
    if (!Send(held.row)) break;
  }
  return Status::Ok();
}

}  // namespace kg::query
