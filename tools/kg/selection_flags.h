// The selector flags that `kg render` and `kg export` share: --center, --hops, --query, --entity,
// --predicate, --type, --date-from and --date-to, filling a DiagramSelection.
#ifndef KG_TOOLS_SELECTION_FLAGS_H_
#define KG_TOOLS_SELECTION_FLAGS_H_

#include <string>
#include <vector>

#include "kg/diagram.h"
#include "kg/status.h"

namespace CLI {
class App;
}

namespace kg::cli {

struct SelectionFlags {
  DiagramSelection selection;
  std::vector<std::string> types;  // as typed; ResolveTypes fills selection.types
};

// Adds the selector flags to `cmd`; `what` is the verb in their help ("draw", "export").
void AddSelectionFlags(CLI::App* cmd, SelectionFlags* flags, const std::string& what);

// Fills flags->selection.types from the names given. InvalidArgument names an unknown type.
Status ResolveTypes(SelectionFlags* flags);

}  // namespace kg::cli

#endif  // KG_TOOLS_SELECTION_FLAGS_H_
