#include "kg/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

namespace kg::cli {
namespace {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument: return kExitUsage;
    case StatusCode::kNotFound: return kExitNotFound;
    case StatusCode::kUnavailable: return kExitInUse;
    case StatusCode::kDataLoss: return kExitCheckFailed;
    case StatusCode::kFailedPrecondition: return kExitWrongFormat;
    default: return kExitFailure;
  }
}

int RunWith(const std::vector<std::string>& args, Context& ctx) {
  CLI::App app("kg: a persistent knowledge graph with evidence for every fact", "kg");
  app.require_subcommand(1);
  const char* env_db = std::getenv("KG_DB");
  ctx.db_path = env_db != nullptr && *env_db != '\0' ? env_db : "kg.db";
  app.add_option("--db", ctx.db_path, "store directory (default ./kg.db, or $KG_DB)");
  app.add_option("--format", ctx.format_name, "output format: table, tsv, csv, json or jsonl")
      ->check(CLI::IsMember({"table", "tsv", "csv", "json", "jsonl"}));
  app.add_flag("--raw-csv", ctx.raw_csv,
               "csv: write text fields as they are, without the ' that keeps a spreadsheet from running = + - @ as a formula");
  // Subcommands accept --db and --format after their name too, as people type them.
  app.fallthrough();

  AddIngestCommand(app, ctx);
  AddStatsCommand(app, ctx);
  AddEntityCommand(app, ctx);
  AddExportCommand(app, ctx);
  AddExtractCommand(app, ctx);
  AddFactsCommand(app, ctx);
  AddQueryCommand(app, ctx);
  AddCheckCommand(app, ctx);
  AddForgetCommand(app, ctx);
  AddLedgerCommands(app, ctx);
  AddNeighborsCommand(app, ctx);
  AddPathCommand(app, ctx);
  AddRankCommand(app, ctx);
  AddComponentsCommand(app, ctx);
  AddRenderCommand(app, ctx);

  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last-first
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, *ctx.out, *ctx.err);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return ctx.exit_code;
}

}  // namespace

Format Context::OutputFormat() const {
  if (auto f = ParseFormat(format_name)) return *f;
  return out_is_terminal ? Format::kTable : Format::kTsv;
}

CsvStyle Context::OutputCsvStyle() const { return CsvStyle{!raw_csv, out_is_terminal}; }

void Context::Fail(const Status& status) {
  *err << "kg: " << status.message() << '\n';
  exit_code = ExitCodeFor(status);
}

std::unique_ptr<GraphStore> Context::OpenStore(OpenMode mode) {
  auto store = GraphStore::Open(db_path, mode);
  if (!store.ok()) {
    Fail(store.status());
    return nullptr;
  }
  return std::move(store).value();
}

int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  Context ctx;
  ctx.in = &in;
  ctx.out = &out;
  ctx.err = &err;
  return RunWith(args, ctx);
}

int Run(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  Context ctx;
  ctx.in = &std::cin;
  ctx.out = &std::cout;
  ctx.err = &std::cerr;
  ctx.out_is_terminal = isatty(STDOUT_FILENO) != 0;
  ctx.err_is_terminal = isatty(STDERR_FILENO) != 0;
  int code = RunWith(std::vector<std::string>(argv + 1, argv + argc), ctx);
  std::cout.flush();
  return code;
}

}  // namespace kg::cli
