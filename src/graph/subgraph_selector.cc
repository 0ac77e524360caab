#include "graph/subgraph_selector.h"

#include <algorithm>
#include <tuple>
#include <unordered_set>

#include "graph/snapshot_loader.h"
#include "query/query_engine.h"
#include "schema/predicate_vocabulary.h"

namespace kg::graph {

bool HasSeeds(const DiagramSelection& selection) {
  return !selection.centers.empty() || !selection.entities.empty() || !selection.query.empty();
}

SelectionFilter::SelectionFilter(store::IndexReader& reader, const DiagramSelection& selection)
    : reader_(reader), selection_(selection) {}

Status SelectionFilter::Init() {
  for (const std::string& name : selection_.predicates) {
    auto id = reader_.FindPredicate(name);
    if (!id.ok()) return id.status();
    if (*id) {
      predicates_.insert(**id);
    } else if (schema::PredicateVocabulary::Builtin().Find(name) == nullptr) {
      return InvalidArgument("unknown predicate '" + name + "'; see schemas/predicates.json");
    }
  }
  // A predicate filter that only names predicates without facts lets nothing through.
  no_predicate_matches_ = !selection_.predicates.empty() && predicates_.empty();
  return Status::Ok();
}

bool SelectionFilter::PredicateAllowed(store::PredicateId p) const {
  if (no_predicate_matches_) return false;
  return predicates_.empty() || predicates_.count(p) > 0;
}

bool SelectionFilter::TypeAllowed(EntityType type) const {
  return selection_.types.empty() ||
         std::find(selection_.types.begin(), selection_.types.end(), type) != selection_.types.end();
}

Result<bool> SelectionFilter::EntityAllowed(store::EntityId id) {
  if (selection_.types.empty()) return true;
  auto record = reader_.Entity(id);
  if (!record.ok()) return record.status();
  return TypeAllowed((*record)->entity.type);
}

bool SelectionFilter::DateAllowed(std::string_view date) const {
  return !restricts_dates() || DateInRange(date, selection_.date_from, selection_.date_to);
}

namespace {

class Selector {
 public:
  Selector(const store::RocksDb& db, const DiagramSelection& selection, const SelectionLimits& limits)
      : db_(db), reader_(db), filter_(reader_, selection), selection_(selection), limits_(limits) {}

  Result<SelectedSubgraph> Run() {
    if (!HasSeeds(selection_)) {
      return InvalidArgument("choose what to draw: centre entities, a list of entities or a query");
    }
    if (selection_.hops < 0) return InvalidArgument("hops must be 0 or more");
    KG_RETURN_IF_ERROR(filter_.Init());
    KG_RETURN_IF_ERROR(WalkFromCenters());
    for (const std::string& name : selection_.entities) {
      auto id = Resolve(name);
      if (!id.ok()) return id.status();
      Offer(*id);
    }
    if (!selection_.query.empty()) KG_RETURN_IF_ERROR(AddQueryNodes());
    KG_RETURN_IF_ERROR(CollectFacts());
    return Finish();
  }

 private:
  Result<store::EntityId> Resolve(const std::string& name) {
    auto id = reader_.Resolve(name);
    if (!id.ok()) return id.status();
    if (!*id) return NotFound("no entity named \"" + name + "\"");
    return **id;
  }

  // Takes `id` into the subgraph while there is room; counts it as left out otherwise.
  bool Offer(store::EntityId id) {
    if (chosen_set_.count(id)) return true;
    if (chosen_.size() >= limits_.max_nodes) {
      if (left_out_.insert(id).second) ++report_.nodes_left_out;
      return false;
    }
    chosen_.push_back(id);
    chosen_set_.insert(id);
    return true;
  }

  Status WalkFromCenters() {
    std::vector<store::EntityId> frontier;
    std::unordered_set<store::EntityId> seen;
    for (const std::string& name : selection_.centers) {
      auto id = Resolve(name);
      if (!id.ok()) return id.status();
      if (seen.insert(*id).second) frontier.push_back(*id);
      Offer(*id);
    }
    // Without a node limit there is nothing left out to count, so the walk is never cut short.
    const size_t search_limit =
        limits_.max_nodes == SIZE_MAX ? SIZE_MAX : 100 * std::max<size_t>(limits_.max_nodes, 1);
    for (int depth = 0; depth < selection_.hops && !frontier.empty(); ++depth) {
      std::vector<store::EntityId> next;
      for (store::EntityId at : frontier) {
        std::vector<store::EntityId> around;
        KG_RETURN_IF_ERROR(Adjacent(at, &around));
        for (store::EntityId other : around) {
          if (!seen.insert(other).second) continue;
          auto allowed = filter_.EntityAllowed(other);
          if (!allowed.ok()) return allowed.status();
          if (!*allowed) continue;
          Offer(other);
          next.push_back(other);
          if (seen.size() >= search_limit) {
            report_.count_is_lower_bound = true;
            return Status::Ok();
          }
        }
      }
      frontier = std::move(next);
    }
    return Status::Ok();
  }

  // The entities one allowed fact away from `at`, in key order: objects of its facts, then subjects.
  Status Adjacent(store::EntityId at, std::vector<store::EntityId>* out) {
    const std::string id = store::Fixed64Key(at);
    for (store::Cf cf : {store::kSpo, store::kOsp}) {
      auto scan = reader_.Scan(cf, id);
      for (; scan->Valid(); scan->Next()) {
        const store::Triple& t = scan->triple();
        if (filter_.PredicateAllowed(t.p)) out->push_back(cf == store::kSpo ? t.o : t.s);
      }
      KG_RETURN_IF_ERROR(scan->status());
    }
    return Status::Ok();
  }

  // Every node a query row holds, in lists and maps too: maps with an "id" and a "type" are nodes.
  void CollectNodes(const Value& v, std::vector<store::EntityId>* ids) {
    if (v.is_list()) {
      for (const Value& item : v.as_list()) CollectNodes(item, ids);
    } else if (v.is_map()) {
      const Value& id = v.Get("id");
      if (id.is_int() && v.Get("type").is_string() && v.Get("subject").is_null()) {
        ids->push_back(static_cast<store::EntityId>(id.as_int()));
      }
    }
  }

  Status AddQueryNodes() {
    auto prepared = query::PrepareQuery(db_, selection_.query);
    if (!prepared.ok()) return prepared.status().WithPrefix("query");
    std::vector<store::EntityId> ids;
    KG_RETURN_IF_ERROR((*prepared)->Run([&](const std::vector<Value>& row) {
      for (const Value& v : row) CollectNodes(v, &ids);
      return true;
    }));
    if (ids.empty()) {
      return InvalidArgument("the query returns no nodes to draw; return them whole, as in RETURN a, b");
    }
    for (store::EntityId id : ids) {
      auto allowed = filter_.EntityAllowed(id);
      if (!allowed.ok()) return allowed.status();
      if (*allowed) Offer(id);
    }
    return Status::Ok();
  }

  Status CollectFacts() {
    const bool dated = filter_.restricts_dates();
    std::vector<store::QualifierGroup> groups;
    for (store::EntityId s : chosen_) {
      auto scan = reader_.Scan(store::kSpo, store::Fixed64Key(s));
      for (; scan->Valid(); scan->Next()) {
        const store::Triple t = scan->triple();
        if (!chosen_set_.count(t.o) || !filter_.PredicateAllowed(t.p)) continue;
        SelectedFact fact;
        fact.fact = t;
        // Values are decoded only when they are kept or a date range needs them.
        KG_RETURN_IF_ERROR(reader_.Groups(t, /*with_values=*/limits_.keep_groups || dated, &groups));
        if (dated) {
          std::erase_if(groups, [&](const store::QualifierGroup& g) { return !filter_.DateAllowed(g.date); });
          if (groups.empty()) continue;
        }
        for (const auto& g : groups) fact.evidence_count += g.evidence_count;
        if (limits_.keep_groups) fact.groups = std::move(groups);
        auto predicate = reader_.PredicateName(t.p);
        if (!predicate.ok()) return predicate.status();
        fact.predicate = **predicate;
        auto symmetric = reader_.Symmetric(t.p);
        if (!symmetric.ok()) return symmetric.status();
        fact.symmetric = *symmetric;
        facts_.push_back(std::move(fact));
      }
      KG_RETURN_IF_ERROR(scan->status());
    }
    return Status::Ok();
  }

  static bool FactOrder(const SelectedFact& a, const SelectedFact& b) {
    return std::tie(a.fact.s, a.fact.p, a.fact.o) < std::tie(b.fact.s, b.fact.p, b.fact.o);
  }

  Result<SelectedSubgraph> Finish() {
    SelectedSubgraph graph;
    if (facts_.size() > limits_.max_edges) {
      std::stable_sort(facts_.begin(), facts_.end(), [](const SelectedFact& a, const SelectedFact& b) {
        if (a.evidence_count != b.evidence_count) return a.evidence_count > b.evidence_count;
        return FactOrder(a, b);
      });
      report_.edges_left_out = facts_.size() - limits_.max_edges;
      facts_.resize(limits_.max_edges);
    }
    std::sort(facts_.begin(), facts_.end(), FactOrder);
    graph.nodes = chosen_;
    std::sort(graph.nodes.begin(), graph.nodes.end());
    graph.facts = std::move(facts_);
    report_.nodes = graph.nodes.size();
    report_.edges = graph.facts.size();
    graph.report = report_;
    return graph;
  }

  const store::RocksDb& db_;
  store::IndexReader reader_;
  SelectionFilter filter_;
  const DiagramSelection& selection_;
  const SelectionLimits& limits_;
  std::vector<store::EntityId> chosen_;
  std::unordered_set<store::EntityId> chosen_set_;
  std::unordered_set<store::EntityId> left_out_;
  std::vector<SelectedFact> facts_;
  DiagramReport report_;
};

}  // namespace

Result<SelectedSubgraph> SelectSubgraph(const store::RocksDb& db, const DiagramSelection& selection,
                                        const SelectionLimits& limits) {
  return Selector(db, selection, limits).Run();
}

}  // namespace kg::graph
