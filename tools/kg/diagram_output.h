// What `kg render` and `kg export --to dot` do with a diagram once it is drawn: write its bytes to
// stdout (-o -) or to a file, and tell the user what the caps left out.
#ifndef KG_TOOLS_DIAGRAM_OUTPUT_H_
#define KG_TOOLS_DIAGRAM_OUTPUT_H_

#include <string>
#include <string_view>

#include "kg/cli.h"
#include "kg/diagram.h"

namespace kg::cli {

// Writes `bytes` to ctx.out when `output` is "-", else to the file `output`, which takes its name only
// when complete (a failed write leaves an older file as it was). On failure, reports it through
// ctx.Fail and returns false.
bool WriteDiagram(Context& ctx, const std::string& output, const std::string& bytes);

// When the caps left entities or facts out, says so on ctx.err: "kg: the <holds> 3 entities and 5
// facts; 4 more entities and 9 more facts were left out (raise --max-nodes or --max-edges<hint>)".
void ReportLeftOut(Context& ctx, const DiagramReport& report, std::string_view holds, std::string_view hint);

}  // namespace kg::cli

#endif  // KG_TOOLS_DIAGRAM_OUTPUT_H_
