#include "kg/selection_flags.h"

#include <CLI/CLI.hpp>

namespace kg::cli {

void AddSelectionFlags(CLI::App* cmd, SelectionFlags* flags, const std::string& what) {
  DiagramSelection& s = flags->selection;
  cmd->add_option("--center", s.centers, what + " around this entity (repeatable)");
  cmd->add_option("--hops", s.hops, "how far from the centres to go (default 1)")->check(CLI::Range(0, 16));
  cmd->add_option("--query", s.query, what + " the entities this kg query returns");
  cmd->add_option("--entity", s.entities, what + " this entity (repeatable)");
  cmd->add_option("--predicate", s.predicates, "only facts with this predicate (repeatable)");
  cmd->add_option("--type", flags->types, "only entities of this type (repeatable)");
  cmd->add_option("--date-from", s.date_from, "only facts reported as dated on or after this");
  cmd->add_option("--date-to", s.date_to, "only facts reported as dated on or before this");
}

Status ResolveTypes(SelectionFlags* flags) {
  flags->selection.types.clear();
  for (const std::string& name : flags->types) {
    auto type = ParseEntityType(name);
    if (!type) return InvalidArgument("unknown type '" + name + "'");
    flags->selection.types.push_back(*type);
  }
  return Status::Ok();
}

}  // namespace kg::cli
