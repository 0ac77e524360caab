#include "render/diagram_graph.h"

#include "store/index_reader.h"

namespace kg::render {

Result<DiagramGraph> SelectDiagramGraph(const store::RocksDb& db, const DiagramSelection& selection,
                                        const DiagramOptions& options) {
  graph::SelectionLimits limits;
  limits.max_nodes = options.max_nodes;
  limits.max_edges = options.max_edges;
  auto selected = graph::SelectSubgraph(db, selection, limits);
  if (!selected.ok()) return selected.status();
  DiagramGraph graph;
  store::IndexReader reader(db);
  for (store::EntityId id : selected->nodes) {
    auto record = reader.Entity(id);
    if (!record.ok()) return record.status();
    graph.nodes.push_back({id, (*record)->entity.name, (*record)->entity.type});
  }
  graph.edges = std::move(selected->facts);
  graph.report = selected->report;
  return graph;
}

}  // namespace kg::render
