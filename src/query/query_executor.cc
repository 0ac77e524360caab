#include "query/query_executor.h"

#include <algorithm>

#include "query/value_ops.h"

namespace kg::query {
namespace {

Direction Reverse(Direction d) {
  return d == Direction::kOut ? Direction::kIn : d == Direction::kIn ? Direction::kOut : Direction::kBoth;
}

bool HasPredicate(const RelSpec& rel, store::PredicateId p) {
  return rel.predicates.empty() || std::find(rel.predicates.begin(), rel.predicates.end(), p) != rel.predicates.end();
}

}  // namespace

QueryExecutor::QueryExecutor(const Plan& plan, store::IndexReader& reader, Evaluator& evaluator)
    : plan_(plan), reader_(reader), evaluator_(evaluator) {}

Status QueryExecutor::Run(const Emit& emit) {
  emit_ = emit;
  stop_ = false;
  row_.assign(plan_.slots.size(), Binding());
  bound_.assign(plan_.slots.size(), false);
  groups_.assign(plan_.steps.size(), {});
  evaluator_.set_row(&row_);
  if (plan_.no_rows) return Status::Ok();
  for (const Expr* filter : plan_.constant_filters) {
    auto pass = evaluator_.Test(*filter);
    if (!pass.ok()) return pass.status();
    if (!*pass) return Status::Ok();
  }
  return RunStep(0);
}

Status QueryExecutor::RunStep(size_t step) {
  if (stop_) return Status::Ok();
  if (step == plan_.steps.size()) {
    auto more = emit_();
    if (!more.ok()) return more.status();
    if (!*more) stop_ = true;
    return Status::Ok();
  }
  const Step& s = plan_.steps[step];
  switch (s.kind) {
    case Step::Kind::kLookupNode: return BindNode(step, s.node, *plan_.nodes[s.node].id);
    case Step::Kind::kScanNodes: {
      Status status;
      KG_RETURN_IF_ERROR(reader_.ForEachEntity([&](store::EntityId id) {
        status = BindNode(step, s.node, id);
        return status.ok() && !stop_;
      }));
      return status;
    }
    case Step::Kind::kScanRels: return ScanRels(step);
    case Step::Kind::kExpand: return Expand(step);
  }
  return Status::Ok();
}

Status QueryExecutor::Continue(size_t step) {
  for (const Expr* filter : plan_.steps[step].filters) {
    auto pass = evaluator_.Test(*filter);
    if (!pass.ok()) return pass.status();
    if (!*pass) return Status::Ok();
  }
  return RunStep(step + 1);
}

Result<bool> QueryExecutor::NodeMatches(const NodeSpec& spec, store::EntityId id) {
  if (spec.id && *spec.id != id) return false;
  if (!spec.type && spec.filters.empty()) return true;
  if (spec.type) {
    auto head = reader_.EntityHead(id);
    if (!head.ok()) return head.status();
    if (head->type != *spec.type) return false;
  }
  for (const auto& [key, value] : spec.filters) {
    auto actual = evaluator_.NodeProperty(id, key);
    if (!actual.ok()) return actual.status();
    if (Equals(*actual, value) != true) return false;
  }
  return true;
}

// Binds `node` to `id` when it is free and fits its pattern, or checks that it is already `id`.
Status QueryExecutor::BindNode(size_t step, int node, store::EntityId id) {
  const int slot = plan_.nodes[node].slot;
  if (bound_[slot]) return row_[slot].node == id ? Continue(step) : Status::Ok();
  auto matches = NodeMatches(plan_.nodes[node], id);
  if (!matches.ok()) return matches.status();
  if (!*matches) return Status::Ok();
  row_[slot].node = id;
  bound_[slot] = true;
  Status status = Continue(step);
  bound_[slot] = false;
  return status;
}

// Whether `fact` is already bound in this row: by another single-hop relationship (for the same
// qualifier set when `group` is not -1) or inside a variable-length one other than `except_slot`.
bool QueryExecutor::FactInUse(const store::Triple& fact, int except_slot, int group) const {
  for (const RelSpec& rel : plan_.rels) {
    const int o = rel.slot;
    if (o == except_slot || !bound_[o]) continue;
    if (plan_.slots[o].kind == Slot::Kind::kRel) {
      if (row_[o].fact == fact && (group < 0 || row_[o].group == group)) return true;
    } else if (std::find(row_[o].path.begin(), row_[o].path.end(), fact) != row_[o].path.end()) {
      return true;
    }
  }
  return false;
}

// Binds a single-hop relationship once per qualifier set of `fact`, then its far end `to` to `other`.
Status QueryExecutor::BindFact(size_t step, const RelSpec& rel, const store::Triple& fact, int to,
                               store::EntityId other, bool groups_read) {
  const int slot = rel.slot;
  // The far end is tested first: evidence is only read for facts that can still match.
  const int to_slot = plan_.nodes[to].slot;
  if (bound_[to_slot]) {
    if (row_[to_slot].node != other) return Status::Ok();
  } else {
    auto matches = NodeMatches(plan_.nodes[to], other);
    if (!matches.ok()) return matches.status();
    if (!*matches) return Status::Ok();
  }
  std::vector<store::QualifierGroup>& groups = groups_[step];
  // From `groups` the values come at no extra cost, so a binding always carries them.
  const bool from_groups = FromGroups(slot);
  const bool needs_values = plan_.slots[slot].needs_values || from_groups;
  if (!groups_read) {
    KG_RETURN_IF_ERROR(from_groups ? reader_.StoredGroups(fact, &groups) : reader_.Groups(fact, needs_values, &groups));
  }
  for (size_t g = 0; g < groups.size() && !stop_; ++g) {
    if (FactInUse(fact, slot, static_cast<int>(g))) continue;
    Binding& b = row_[slot];
    b.fact = fact;
    b.group = static_cast<int>(g);
    b.values = needs_values ? &groups[g] : nullptr;
    b.evidence_count = groups[g].evidence_count;
    bool pass = true;
    for (const auto& [key, value] : rel.filters) {
      auto actual = evaluator_.RelProperty(b, key);
      if (!actual.ok()) return actual.status();
      if (Equals(*actual, value) != true) pass = false;
    }
    if (!pass) continue;
    bound_[slot] = true;
    Status status = BindNode(step, to, other);
    bound_[slot] = false;
    KG_RETURN_IF_ERROR(status);
  }
  return Status::Ok();
}

Status QueryExecutor::ScanPrefix(store::Cf cf, const std::string& prefix,
                                 const std::function<Status(const store::Triple&)>& fn) {
  auto scan = reader_.Scan(cf, prefix);
  for (; scan->Valid() && !stop_; scan->Next()) KG_RETURN_IF_ERROR(fn(scan->triple()));
  return scan->status();
}

Status QueryExecutor::ScanRels(size_t step) {
  const RelSpec& rel = plan_.rels[plan_.steps[step].rel];
  bool groups_read = false;  // set while a scan of `groups` has filled groups_[step] for the fact
  // Binds the fact with `left` and `right` as the pattern's two ends.
  auto bind = [&](const store::Triple& t, store::EntityId left, store::EntityId right) -> Status {
    const int left_slot = plan_.nodes[rel.left].slot;
    auto matches = NodeMatches(plan_.nodes[rel.left], left);
    if (!matches.ok()) return matches.status();
    if (!*matches) return Status::Ok();
    row_[left_slot].node = left;
    bound_[left_slot] = true;
    Status status = BindFact(step, rel, t, rel.right, right, groups_read);
    bound_[left_slot] = false;
    return status;
  };
  auto visit = [&](const store::Triple& t) -> Status {
    auto symmetric = reader_.Symmetric(t.p);
    if (!symmetric.ok()) return symmetric.status();
    const bool loop = t.s == t.o;
    switch (rel.direction) {
      case Direction::kOut:
        KG_RETURN_IF_ERROR(bind(t, t.s, t.o));
        if (*symmetric && !loop) KG_RETURN_IF_ERROR(bind(t, t.o, t.s));
        break;
      case Direction::kIn:
        KG_RETURN_IF_ERROR(bind(t, t.o, t.s));
        if (*symmetric && !loop) KG_RETURN_IF_ERROR(bind(t, t.s, t.o));
        break;
      case Direction::kBoth:
        KG_RETURN_IF_ERROR(bind(t, t.s, t.o));
        if (!loop) KG_RETURN_IF_ERROR(bind(t, t.o, t.s));
        break;
    }
    return Status::Ok();
  };
  if (rel.predicates.empty()) return ScanPrefix(store::kSpo, "", visit);
  if (FromGroups(rel.slot)) {
    return ScanRelGroups(step, [&](const store::Triple& t, bool read) {
      groups_read = read;
      return visit(t);
    });
  }
  for (store::PredicateId p : rel.predicates) KG_RETURN_IF_ERROR(ScanPrefix(store::kPos, store::Fixed32Key(p), visit));
  return Status::Ok();
}

Status QueryExecutor::ScanRelGroups(size_t step, const std::function<Status(const store::Triple&, bool)>& visit) {
  const RelSpec& rel = plan_.rels[plan_.steps[step].rel];
  std::vector<store::QualifierGroup>& groups = groups_[step];
  for (store::PredicateId p : rel.predicates) {
    auto scan = reader_.ScanGroups(store::Fixed32Key(p));
    // A fact's sets are adjacent: gather them, then bind the fact as the pos scan would.
    while (scan->Valid() && !stop_) {
      const store::Triple fact = scan->triple();
      size_t n = 0;
      do {
        if (n == groups.size()) groups.emplace_back();
        KG_RETURN_IF_ERROR(scan->Read(&groups[n++]));
        scan->Next();
      } while (scan->Valid() && scan->triple() == fact);
      groups.resize(n);
      KG_RETURN_IF_ERROR(visit(fact, true));
    }
    KG_RETURN_IF_ERROR(scan->status());
  }
  return Status::Ok();
}

Status QueryExecutor::ForEachAdjacent(store::EntityId x, Direction dir, const RelSpec& rel, const Visit& visit) {
  const std::string id = store::Fixed64Key(x);
  // Out-edges are x's spo keys and in-edges its osp (or, with a predicate, pos) keys. A symmetric fact is
  // stored once, so its other direction is found in the opposite index. The second scan skips self-loops,
  // which the first already gave.
  auto outgoing = [&](bool symmetric_only, bool skip_loops) -> Status {
    auto each = [&](const store::Triple& t) -> Status {
      if (skip_loops && t.s == t.o) return Status::Ok();
      if (symmetric_only) {
        auto symmetric = reader_.Symmetric(t.p);
        if (!symmetric.ok()) return symmetric.status();
        if (!*symmetric) return Status::Ok();
      }
      return visit(t, t.o);
    };
    if (rel.predicates.empty()) return ScanPrefix(store::kSpo, id, each);
    for (store::PredicateId p : rel.predicates) KG_RETURN_IF_ERROR(ScanPrefix(store::kSpo, id + store::Fixed32Key(p), each));
    return Status::Ok();
  };
  auto incoming = [&](bool symmetric_only, bool skip_loops) -> Status {
    auto each = [&](const store::Triple& t) -> Status {
      if (skip_loops && t.s == t.o) return Status::Ok();
      if (!HasPredicate(rel, t.p)) return Status::Ok();
      if (symmetric_only) {
        auto symmetric = reader_.Symmetric(t.p);
        if (!symmetric.ok()) return symmetric.status();
        if (!*symmetric) return Status::Ok();
      }
      return visit(t, t.s);
    };
    if (rel.predicates.empty()) return ScanPrefix(store::kOsp, id, each);
    for (store::PredicateId p : rel.predicates) KG_RETURN_IF_ERROR(ScanPrefix(store::kPos, store::Fixed32Key(p) + id, each));
    return Status::Ok();
  };
  switch (dir) {
    case Direction::kOut:
      KG_RETURN_IF_ERROR(outgoing(false, false));
      return incoming(true, true);
    case Direction::kIn:
      KG_RETURN_IF_ERROR(incoming(false, false));
      return outgoing(true, true);
    case Direction::kBoth:
      KG_RETURN_IF_ERROR(outgoing(false, false));
      return incoming(false, true);
  }
  return Status::Ok();
}

Status QueryExecutor::Expand(size_t step) {
  const Step& s = plan_.steps[step];
  const RelSpec& rel = plan_.rels[s.rel];
  const int from = s.from_left ? rel.left : rel.right;
  const int to = s.from_left ? rel.right : rel.left;
  const Direction dir = s.from_left ? rel.direction : Reverse(rel.direction);
  const store::EntityId x = row_[plan_.nodes[from].slot].node;
  if (rel.variable_length) {
    row_[rel.slot].path.clear();
    return Walk(step, rel, dir, x, 0, to);
  }
  return ForEachAdjacent(x, dir, rel, [&](const store::Triple& t, store::EntityId other) {
    return BindFact(step, rel, t, to, other);
  });
}

// Depth-first walk for a variable-length relationship: every node reached within min..max hops binds
// `to`, with the facts walked as the relationship's value.
Status QueryExecutor::Walk(size_t step, const RelSpec& rel, Direction dir, store::EntityId at, int depth, int to) {
  std::vector<store::Triple>& path = row_[rel.slot].path;
  if (depth >= rel.min_hops) {
    bound_[rel.slot] = true;
    Status status = BindNode(step, to, at);
    bound_[rel.slot] = false;
    KG_RETURN_IF_ERROR(status);
  }
  if (depth == rel.max_hops || stop_) return Status::Ok();
  return ForEachAdjacent(at, dir, rel, [&](const store::Triple& t, store::EntityId other) -> Status {
    if (std::find(path.begin(), path.end(), t) != path.end() || FactInUse(t, rel.slot, -1)) return Status::Ok();
    path.push_back(t);
    Status status = Walk(step, rel, dir, other, depth + 1, to);
    path.pop_back();
    return status;
  });
}

}  // namespace kg::query
