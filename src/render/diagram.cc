// GraphStore::Render's pipeline: select the subgraph, build its DOT with cgraph, and lay it out with gvc
// when SVG or PNG is asked for.
#include "render/diagram.h"

#include "render/diagram_graph.h"
#include "render/graphviz_diagram.h"

namespace kg {

bool DiagramFormatFromPath(const std::string& path, DiagramFormat* format) {
  auto ends_with = [&](const std::string& suffix) {
    if (path.size() < suffix.size()) return false;
    for (size_t i = 0; i < suffix.size(); ++i) {
      char c = path[path.size() - suffix.size() + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != suffix[i]) return false;
    }
    return true;
  };
  if (ends_with(".dot") || ends_with(".gv")) {
    *format = DiagramFormat::kDot;
  } else if (ends_with(".svg")) {
    *format = DiagramFormat::kSvg;
  } else if (ends_with(".png")) {
    *format = DiagramFormat::kPng;
  } else {
    return false;
  }
  return true;
}

namespace render {

Result<DiagramReport> RenderDiagram(const store::RocksDb& db, const DiagramSelection& selection,
                                    const DiagramOptions& options, std::string* out) {
  if (options.lang != "en" && options.lang != "fr") {
    return InvalidArgument("diagram labels come in en or fr, not '" + options.lang + "'");
  }
  if (options.layout_seconds <= 0) return InvalidArgument("the layout time limit must be positive");
  auto graph = SelectDiagramGraph(db, selection, options);
  if (!graph.ok()) return graph.status();
  auto dot = DiagramDot(*graph, options.lang);
  if (!dot.ok()) return dot.status();
  if (options.format == DiagramFormat::kDot) {
    *out = std::move(dot).value();
  } else {
    auto picture = LayOutDot(*dot, options.layout, options.format, options.layout_seconds);
    if (!picture.ok()) return picture.status();
    *out = std::move(picture).value();
  }
  return graph->report;
}

}  // namespace render
}  // namespace kg
