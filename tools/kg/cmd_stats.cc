// `kg stats`: store-wide counts. A JSON object unless --format asks for rows.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "kg/cli.h"

namespace kg::cli {

void AddStatsCommand(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("stats", "counts of entities, facts, evidence, sources and ledger rules");
  cmd->callback([&ctx] {
    auto store = ctx.OpenStore(OpenMode::kReadOnly);
    if (!store) return;
    auto stats = store->Stats();
    if (!stats.ok()) return ctx.Fail(stats.status());
    if (ctx.format_name.empty()) {
      nlohmann::ordered_json o;
      o["entities"] = stats->entities;
      o["facts"] = stats->facts;
      o["evidence"] = stats->evidence;
      o["sources"] = stats->sources;
      o["ledger_rules"] = stats->ledger_rules;
      *ctx.out << o.dump(2) << '\n';
      return;
    }
    Rows rows{{"entities", "facts", "evidence", "sources", "ledger_rules"},
              {{static_cast<int64_t>(stats->entities), static_cast<int64_t>(stats->facts),
                static_cast<int64_t>(stats->evidence), static_cast<int64_t>(stats->sources),
                static_cast<int64_t>(stats->ledger_rules)}}};
    PrintRows(rows, ctx.OutputFormat(), *ctx.out, ctx.OutputCsvStyle());
  });
}

}  // namespace kg::cli
