// Draws a DiagramGraph with Graphviz: cgraph builds the graph through its API (agopen, agnode, agedge,
// agsafeset) and agwrite prints the DOT; gvc lays that DOT out into SVG or PNG.
//
// The only file that includes Graphviz. Graphviz is not thread-safe, so every cgraph call here holds
// one process-wide mutex. Layout and rendering run in a child process: a layout that takes too long is
// killed there, which bounds its time, and the picture is drawn from exactly the DOT text returned.
#ifndef KG_RENDER_GRAPHVIZ_DIAGRAM_H_
#define KG_RENDER_GRAPHVIZ_DIAGRAM_H_

#include <string>
#include <string_view>

#include "kg/diagram.h"
#include "kg/status.h"
#include "render/diagram_graph.h"

namespace kg::render {

// A name as Graphviz must be given it to show it as plain text: backslashes doubled, so that `\N`,
// `\G` or `\l` in data are not escapes; ampersands as `&amp;`, since Graphviz reads entity references
// in labels (and would pass `&lt;` through to SVG as markup's escape); control characters as their
// visible Unicode pictures (U+2400 and on), since XML cannot carry them. Everything else, quotes and
// markup included, is unchanged: cgraph quotes it in DOT and Graphviz escapes it in SVG.
std::string LabelText(std::string_view text);

// The DOT text of `graph`, with node shapes and colours by entity type, a legend of the types present,
// edge labels in `lang` ("en" or "fr") and a note on what was left out.
Result<std::string> DiagramDot(const DiagramGraph& graph, const std::string& lang);

// Lays out `dot` with the engine and renders SVG or PNG bytes. ResourceExhausted when it takes longer
// than `seconds`; Internal when Graphviz fails.
Result<std::string> LayOutDot(const std::string& dot, DiagramLayout layout, DiagramFormat format, double seconds);

}  // namespace kg::render

#endif  // KG_RENDER_GRAPHVIZ_DIAGRAM_H_
