// `kg rank [--by pagerank|degree|betweenness] [--type T] [--limit N]`: the most central entities of the
// whole graph.
#include <CLI/CLI.hpp>

#include "kg/cli.h"
#include "kg/graph.h"

namespace kg::cli {

void AddRankCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string by = "pagerank";
    std::vector<std::string> types;
    RankOptions options;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("rank", "the most central entities: PageRank, degree or betweenness");
  cmd->add_option("--by", flags->by, "pagerank (default), degree or betweenness")
      ->check(CLI::IsMember({"pagerank", "degree", "betweenness"}));
  cmd->add_option("-t,--type", flags->types, "list only entities of this type (repeatable)")
      ->check(CLI::IsMember({"Organization", "Country", "Person", "City", "Region", "Facility", "Other"}));
  flags->options.limit = 20;
  cmd->add_option("-n,--limit", flags->options.limit, "how many rows (default 20, 0 for all)")
      ->check(CLI::NonNegativeNumber);
  cmd->callback([flags, &ctx] {
    auto store = ctx.OpenStore(OpenMode::kReadOnly);
    if (!store) return;
    RankOptions& options = flags->options;
    options.by = flags->by == "degree"        ? RankMeasure::kDegree
                 : flags->by == "betweenness" ? RankMeasure::kBetweenness
                                              : RankMeasure::kPageRank;
    for (const std::string& type : flags->types) options.types.push_back(*ParseEntityType(type));
    auto snapshot = store->Snapshot(SnapshotFilter());
    if (!snapshot.ok()) return ctx.Fail(snapshot.status());
    auto ranked = (*snapshot)->Rank(options);
    if (!ranked.ok()) return ctx.Fail(ranked.status());
    Rows rows{{"rank", "entity", "type", "id", flags->by}, {}};
    for (size_t i = 0; i < ranked->size(); ++i) {
      const RankRow& r = (*ranked)[i];
      Cell score = options.by == RankMeasure::kDegree ? Cell(static_cast<int64_t>(r.score)) : Cell(r.score);
      rows.rows.push_back({static_cast<int64_t>(i + 1), r.entity.name, std::string(EntityTypeName(r.entity.type)),
                           static_cast<int64_t>(r.entity.id), score});
    }
    PrintRows(rows, ctx.OutputFormat(), *ctx.out, ctx.OutputCsvStyle());
  });
}

}  // namespace kg::cli
