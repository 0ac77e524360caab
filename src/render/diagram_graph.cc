#include "render/diagram_graph.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_set>

#include "graph/snapshot_loader.h"
#include "query/query_engine.h"
#include "schema/predicate_vocabulary.h"

namespace kg::render {
namespace {

class Selector {
 public:
  Selector(const store::RocksDb& db, const DiagramSelection& selection, const DiagramOptions& options)
      : db_(db), reader_(db), selection_(selection), options_(options) {}

  Result<DiagramGraph> Run() {
    if (selection_.centers.empty() && selection_.entities.empty() && selection_.query.empty()) {
      return InvalidArgument("choose what to draw: centre entities, a list of entities or a query");
    }
    if (selection_.hops < 0) return InvalidArgument("hops must be 0 or more");
    KG_RETURN_IF_ERROR(ResolvePredicates());
    KG_RETURN_IF_ERROR(WalkFromCenters());
    for (const std::string& name : selection_.entities) {
      auto id = Resolve(name);
      if (!id.ok()) return id.status();
      Offer(*id);
    }
    if (!selection_.query.empty()) KG_RETURN_IF_ERROR(AddQueryNodes());
    KG_RETURN_IF_ERROR(CollectEdges());
    return Finish();
  }

 private:
  Status ResolvePredicates() {
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

  bool PredicateAllowed(store::PredicateId p) const {
    if (no_predicate_matches_) return false;
    return predicates_.empty() || predicates_.count(p) > 0;
  }

  Result<store::EntityId> Resolve(const std::string& name) {
    auto id = reader_.Resolve(name);
    if (!id.ok()) return id.status();
    if (!*id) return NotFound("no entity named \"" + name + "\"");
    return **id;
  }

  Result<bool> TypeAllowed(store::EntityId id) {
    if (selection_.types.empty()) return true;
    auto record = reader_.Entity(id);
    if (!record.ok()) return record.status();
    return std::find(selection_.types.begin(), selection_.types.end(), (*record)->entity.type) !=
           selection_.types.end();
  }

  // Takes `id` into the diagram while there is room; counts it as left out otherwise.
  bool Offer(store::EntityId id) {
    if (chosen_set_.count(id)) return true;
    if (chosen_.size() >= options_.max_nodes) {
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
    const size_t search_limit = 100 * std::max<size_t>(options_.max_nodes, 1);
    for (int depth = 0; depth < selection_.hops && !frontier.empty(); ++depth) {
      std::vector<store::EntityId> next;
      for (store::EntityId at : frontier) {
        std::vector<store::EntityId> around;
        KG_RETURN_IF_ERROR(Adjacent(at, &around));
        for (store::EntityId other : around) {
          if (!seen.insert(other).second) continue;
          auto allowed = TypeAllowed(other);
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
        if (PredicateAllowed(t.p)) out->push_back(cf == store::kSpo ? t.o : t.s);
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
      auto allowed = TypeAllowed(id);
      if (!allowed.ok()) return allowed.status();
      if (*allowed) Offer(id);
    }
    return Status::Ok();
  }

  Status CollectEdges() {
    const bool dated = !selection_.date_from.empty() || !selection_.date_to.empty();
    for (store::EntityId s : chosen_) {
      auto scan = reader_.Scan(store::kSpo, store::Fixed64Key(s));
      for (; scan->Valid(); scan->Next()) {
        const store::Triple t = scan->triple();
        if (!chosen_set_.count(t.o) || !PredicateAllowed(t.p)) continue;
        DiagramEdge edge;
        edge.fact = t;
        KG_RETURN_IF_ERROR(reader_.Groups(t, /*with_values=*/true, &edge.groups));
        if (dated) {
          std::erase_if(edge.groups, [&](const store::QualifierGroup& g) {
            return !graph::DateInRange(g.date, selection_.date_from, selection_.date_to);
          });
          if (edge.groups.empty()) continue;
        }
        for (const auto& g : edge.groups) edge.evidence_count += g.evidence_count;
        auto predicate = reader_.PredicateName(t.p);
        if (!predicate.ok()) return predicate.status();
        edge.predicate = **predicate;
        auto symmetric = reader_.Symmetric(t.p);
        if (!symmetric.ok()) return symmetric.status();
        edge.symmetric = *symmetric;
        edges_.push_back(std::move(edge));
      }
      KG_RETURN_IF_ERROR(scan->status());
    }
    return Status::Ok();
  }

  static bool FactOrder(const DiagramEdge& a, const DiagramEdge& b) {
    return std::tie(a.fact.s, a.fact.p, a.fact.o) < std::tie(b.fact.s, b.fact.p, b.fact.o);
  }

  Result<DiagramGraph> Finish() {
    DiagramGraph graph;
    if (edges_.size() > options_.max_edges) {
      std::stable_sort(edges_.begin(), edges_.end(), [](const DiagramEdge& a, const DiagramEdge& b) {
        if (a.evidence_count != b.evidence_count) return a.evidence_count > b.evidence_count;
        return FactOrder(a, b);
      });
      report_.edges_left_out = edges_.size() - options_.max_edges;
      edges_.resize(options_.max_edges);
    }
    std::sort(edges_.begin(), edges_.end(), FactOrder);
    std::vector<store::EntityId> ids = chosen_;
    std::sort(ids.begin(), ids.end());
    for (store::EntityId id : ids) {
      auto record = reader_.Entity(id);
      if (!record.ok()) return record.status();
      graph.nodes.push_back({id, (*record)->entity.name, (*record)->entity.type});
    }
    graph.edges = std::move(edges_);
    report_.nodes = graph.nodes.size();
    report_.edges = graph.edges.size();
    graph.report = report_;
    return graph;
  }

  const store::RocksDb& db_;
  store::IndexReader reader_;
  const DiagramSelection& selection_;
  const DiagramOptions& options_;
  std::set<store::PredicateId> predicates_;
  bool no_predicate_matches_ = false;
  std::vector<store::EntityId> chosen_;
  std::unordered_set<store::EntityId> chosen_set_;
  std::unordered_set<store::EntityId> left_out_;
  std::vector<DiagramEdge> edges_;
  DiagramReport report_;
};

}  // namespace

Result<DiagramGraph> SelectDiagramGraph(const store::RocksDb& db, const DiagramSelection& selection,
                                        const DiagramOptions& options) {
  return Selector(db, selection, options).Run();
}

}  // namespace kg::render
