// `kg neighbors NAME --hops K [--direction out|in|both] [--predicate P]…`: the entities within K facts of
// one entity, with the fact each was reached through. Loads only the seed's neighbourhood, not the graph.
#include <CLI/CLI.hpp>

#include "kg/cli.h"
#include "kg/graph.h"

namespace kg::cli {

void AddNeighborsCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string name;
    std::string direction = "both";
    NeighborOptions options;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("neighbors", "entities within K facts of an entity (found by any alias)");
  cmd->add_option("name", flags->name, "a name of the entity")->required();
  cmd->add_option("-k,--hops", flags->options.hops, "how many facts away (default 1)")->check(CLI::Range(1, 1000));
  cmd->add_option("--direction", flags->direction, "follow facts out of, into, or both ways (default both)")
      ->check(CLI::IsMember({"out", "in", "both"}));
  cmd->add_option("-p,--predicate", flags->options.predicates, "walk only facts with this predicate (repeatable)");
  cmd->callback([flags, &ctx] {
    auto store = ctx.OpenStore(OpenMode::kReadOnly);
    if (!store) return;
    NeighborOptions& options = flags->options;
    options.direction = flags->direction == "out" ? Direction::kOut
                        : flags->direction == "in" ? Direction::kIn
                                                   : Direction::kBoth;
    SnapshotFilter filter;
    filter.seeds = {flags->name};
    filter.hops = options.hops;
    filter.predicates = options.predicates;
    auto snapshot = store->Snapshot(filter);
    if (!snapshot.ok()) return ctx.Fail(snapshot.status());
    auto neighbors = (*snapshot)->Neighbors(flags->name, options);
    if (!neighbors.ok()) return ctx.Fail(neighbors.status());
    Rows rows{{"distance", "entity", "type", "id", "via_subject", "via_predicate", "via_object"}, {}};
    for (const NeighborRow& n : *neighbors) {
      rows.rows.push_back({static_cast<int64_t>(n.distance), n.entity.name, std::string(EntityTypeName(n.entity.type)),
                           static_cast<int64_t>(n.entity.id), n.via.subject, n.via.predicate, n.via.object});
    }
    PrintRows(rows, ctx.OutputFormat(), *ctx.out, ctx.OutputCsvStyle());
  });
}

}  // namespace kg::cli
