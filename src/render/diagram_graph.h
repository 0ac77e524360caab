// The part of the graph a diagram shows: entities and the facts between them, with each fact's
// qualifier groups for its label. SelectDiagramGraph picks them from the store; GraphvizDiagram draws
// them. Plain data, sorted so that the same store and selection always give the same diagram.
#ifndef KG_RENDER_DIAGRAM_GRAPH_H_
#define KG_RENDER_DIAGRAM_GRAPH_H_

#include <string>
#include <vector>

#include "graph/subgraph_selector.h"
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

// A fact and its qualifier groups, as graph::SelectSubgraph picks them.
using DiagramEdge = graph::SelectedFact;

struct DiagramGraph {
  std::vector<DiagramNode> nodes;  // by id
  std::vector<DiagramEdge> edges;  // by subject, predicate, object
  DiagramReport report;
};

// Chooses what to draw with graph::SelectSubgraph, capped at options.max_nodes entities and
// options.max_edges facts, and reads the chosen entities' names and types.
Result<DiagramGraph> SelectDiagramGraph(const store::RocksDb& db, const DiagramSelection& selection,
                                        const DiagramOptions& options);

}  // namespace kg::render

#endif  // KG_RENDER_DIAGRAM_GRAPH_H_
