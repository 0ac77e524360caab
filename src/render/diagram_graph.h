// The part of the graph a diagram shows: entities and the facts between them, with each fact's
// qualifier groups for its label. SelectDiagramGraph picks them from the store; GraphvizDiagram draws
// them. Plain data, sorted so that the same store and selection always give the same diagram.
#ifndef KG_RENDER_DIAGRAM_GRAPH_H_
#define KG_RENDER_DIAGRAM_GRAPH_H_

#include <string>
#include <vector>

#include "kg/diagram.h"
#include "kg/status.h"
#include "store/index_reader.h"
#include "store/rocks_db.h"

namespace kg::render {

struct DiagramNode {
  store::EntityId id = 0;
  std::string name;
  EntityType type = EntityType::kOther;
};

struct DiagramEdge {
  store::Triple fact;
  std::string predicate;
  bool symmetric = false;
  uint64_t evidence_count = 0;
  std::vector<store::QualifierGroup> groups;  // those inside the date range, when there is one
};

struct DiagramGraph {
  std::vector<DiagramNode> nodes;  // by id
  std::vector<DiagramEdge> edges;  // by subject, predicate, object
  DiagramReport report;
};

// Chooses what to draw: the entities nearest the centres first (breadth-first, either direction), then
// listed entities, then those a query returns, up to options.max_nodes; then the facts among them,
// the best supported first, up to options.max_edges. Left-out entities are counted as the walk goes
// on, for at most 100 times the cap.
Result<DiagramGraph> SelectDiagramGraph(const store::RocksDb& db, const DiagramSelection& selection,
                                        const DiagramOptions& options);

}  // namespace kg::render

#endif  // KG_RENDER_DIAGRAM_GRAPH_H_
