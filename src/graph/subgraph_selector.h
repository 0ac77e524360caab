// The part of the graph that `kg render` draws and `kg export` writes out, chosen with DiagramSelection's
// selectors: entities around centres (k hops, either direction), listed entities, the nodes a query
// returns, narrowed by predicate, entity type and evidence date; then the facts among the chosen
// entities. One module, so that a diagram and an export of the same selection hold the same graph.
#ifndef KG_GRAPH_SUBGRAPH_SELECTOR_H_
#define KG_GRAPH_SUBGRAPH_SELECTOR_H_

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "kg/diagram.h"
#include "kg/status.h"
#include "store/index_reader.h"
#include "store/rocks_db.h"

namespace kg::graph {

// A fact among the chosen entities, with its qualifier groups (those inside the date range, when there
// is one) and their total evidence.
struct SelectedFact {
  store::Triple fact;
  std::string predicate;
  bool symmetric = false;
  uint64_t evidence_count = 0;
  std::vector<store::QualifierGroup> groups;  // empty unless SelectionLimits::keep_groups
};

struct SelectionLimits {
  size_t max_nodes = SIZE_MAX;  // entities beyond this are left out, nearest kept
  size_t max_edges = SIZE_MAX;  // facts beyond this are left out, best supported kept
  bool keep_groups = true;      // keep each fact's qualifier groups (a diagram labels edges with them)
};

struct SelectedSubgraph {
  std::vector<store::EntityId> nodes;  // by id
  std::vector<SelectedFact> facts;     // by subject, predicate, object
  DiagramReport report;                // the counts, and what the limits left out
};

// True when `selection` names somewhere to start: centres, entities or a query. Without one, a caller
// that wants the whole graph applies only the narrowing filters (see SelectionFilter).
bool HasSeeds(const DiagramSelection& selection);

// Chooses the subgraph: the entities nearest the centres first (breadth-first, either direction), then
// listed entities, then those the query returns, up to limits.max_nodes; then the facts among them, the
// best supported first, up to limits.max_edges. Left-out entities are counted as the walk goes on, for
// at most 100 times the node limit. InvalidArgument when the selection has no seeds, names an unknown
// predicate, or its query returns no nodes; NotFound names an unknown entity.
Result<SelectedSubgraph> SelectSubgraph(const store::RocksDb& db, const DiagramSelection& selection,
                                        const SelectionLimits& limits);

// The narrowing half of a selection (predicates, types, dates), for callers that stream the whole graph
// instead of walking from seeds. Borrows the reader, which must outlive it. Not thread-safe.
class SelectionFilter {
 public:
  SelectionFilter(store::IndexReader& reader, const DiagramSelection& selection);

  // Resolves the predicate names. InvalidArgument names a predicate neither the store nor the
  // vocabulary knows.
  [[nodiscard]] Status Init();

  bool restricts_predicates() const { return !selection_.predicates.empty(); }
  bool restricts_types() const { return !selection_.types.empty(); }
  bool restricts_dates() const { return !selection_.date_from.empty() || !selection_.date_to.empty(); }

  bool PredicateAllowed(store::PredicateId p) const;
  bool TypeAllowed(EntityType type) const;
  // Whether the entity's type passes; reads its record through the reader's cache.
  Result<bool> EntityAllowed(store::EntityId id);
  bool DateAllowed(std::string_view date) const;

 private:
  store::IndexReader& reader_;
  const DiagramSelection& selection_;
  std::set<store::PredicateId> predicates_;
  bool no_predicate_matches_ = false;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_SUBGRAPH_SELECTOR_H_
