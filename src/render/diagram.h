// The diagram pipeline behind GraphStore::Render: SelectDiagramGraph, then DiagramDot, then LayOutDot.
#ifndef KG_RENDER_DIAGRAM_H_
#define KG_RENDER_DIAGRAM_H_

#include <string>

#include "kg/diagram.h"
#include "kg/status.h"
#include "store/rocks_db.h"

namespace kg::render {

Result<DiagramReport> RenderDiagram(const store::RocksDb& db, const DiagramSelection& selection,
                                    const DiagramOptions& options, std::string* out);

}  // namespace kg::render

#endif  // KG_RENDER_DIAGRAM_H_
