// `kg components [--limit N]`: the connected groups of entities (facts taken either way), largest first,
// each named by its most connected member.
#include <CLI/CLI.hpp>

#include <algorithm>

#include "kg/cli.h"
#include "kg/graph.h"

namespace kg::cli {

void AddComponentsCommand(CLI::App& app, Context& ctx) {
  auto limit = std::make_shared<size_t>(20);
  CLI::App* cmd = app.add_subcommand("components", "connected groups of entities, largest first");
  cmd->add_option("-n,--limit", *limit, "how many rows (default 20, 0 for all)")->check(CLI::NonNegativeNumber);
  cmd->callback([limit, &ctx] {
    auto store = ctx.OpenStore(OpenMode::kReadOnly);
    if (!store) return;
    auto snapshot = store->Snapshot(SnapshotFilter());
    if (!snapshot.ok()) return ctx.Fail(snapshot.status());
    auto components = (*snapshot)->Components();
    if (!components.ok()) return ctx.Fail(components.status());
    Rows rows{{"component", "entities", "facts", "representative", "type", "degree"}, {}};
    const size_t keep = *limit == 0 ? components->size() : std::min(*limit, components->size());
    for (size_t i = 0; i < keep; ++i) {
      const GraphComponent& c = (*components)[i];
      rows.rows.push_back({static_cast<int64_t>(i + 1), static_cast<int64_t>(c.size), static_cast<int64_t>(c.facts),
                           c.representative.name, std::string(EntityTypeName(c.representative.type)),
                           static_cast<int64_t>(c.representative_degree)});
    }
    PrintRows(rows, ctx.OutputFormat(), *ctx.out, ctx.OutputCsvStyle());
  });
}

}  // namespace kg::cli
