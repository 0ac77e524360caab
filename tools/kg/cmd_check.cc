// `kg check`: verifies every store invariant and RocksDB's checksums; exit 0 only when all hold.
#include <CLI/CLI.hpp>

#include "kg/cli.h"

namespace kg::cli {

void AddCheckCommand(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("check", "verify indexes, references, counters and checksums");
  cmd->callback([&ctx] {
    auto store = ctx.OpenStore(OpenMode::kReadOnly);
    if (!store) return;
    auto report = store->Check();
    if (!report.ok()) return ctx.Fail(report.status());
    for (const auto& problem : report->problems) *ctx.err << "kg check: " << problem << '\n';
    Rows rows{{"status", "entities", "facts", "evidence", "sources", "problems"},
              {{std::string(report->ok() ? "ok" : "FAILED"), static_cast<int64_t>(report->entities),
                static_cast<int64_t>(report->facts), static_cast<int64_t>(report->evidence),
                static_cast<int64_t>(report->sources), static_cast<int64_t>(report->problems.size())}}};
    PrintRows(rows, ctx.OutputFormat(), *ctx.out, ctx.OutputCsvStyle());
    if (!report->ok()) ctx.exit_code = kExitCheckFailed;
  });
}

}  // namespace kg::cli
