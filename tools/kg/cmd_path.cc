// `kg path A B [--max-hops K] [--predicate P]… [--all]`: the shortest chain of facts linking two entities,
// walking facts either way but printing each as stored. Prints nothing when there is none.
#include <CLI/CLI.hpp>

#include "kg/cli.h"
#include "kg/graph.h"

namespace kg::cli {

void AddPathCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string from, to;
    PathOptions options;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("path", "the shortest chains of facts between two entities");
  cmd->add_option("from", flags->from, "a name of the first entity")->required();
  cmd->add_option("to", flags->to, "a name of the second entity")->required();
  cmd->add_option("--max-hops", flags->options.max_hops, "give up beyond this many facts")->check(CLI::Range(1, 1000));
  cmd->add_option("-p,--predicate", flags->options.predicates, "walk only facts with this predicate (repeatable)");
  cmd->add_flag("--all", flags->options.all, "every shortest path, not just one");
  cmd->callback([flags, &ctx] {
    auto store = ctx.OpenStore(OpenMode::kReadOnly);
    if (!store) return;
    SnapshotFilter filter;
    filter.predicates = flags->options.predicates;
    auto snapshot = store->Snapshot(filter);
    if (!snapshot.ok()) return ctx.Fail(snapshot.status());
    auto paths = (*snapshot)->ShortestPaths(flags->from, flags->to, flags->options);
    if (!paths.ok()) return ctx.Fail(paths.status());
    Rows rows{{"path", "step", "subject", "predicate", "object"}, {}};
    for (size_t p = 0; p < paths->size(); ++p) {
      const GraphPath& path = (*paths)[p];
      for (size_t step = 0; step < path.size(); ++step) {
        rows.rows.push_back({static_cast<int64_t>(p + 1), static_cast<int64_t>(step + 1), path[step].subject,
                             path[step].predicate, path[step].object});
      }
    }
    PrintRows(rows, ctx.OutputFormat(), *ctx.out, ctx.OutputCsvStyle());
  });
}

}  // namespace kg::cli
