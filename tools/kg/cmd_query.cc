// `kg query TEXT [--explain]`: runs a read-only Cypher query or the one-line shorthand and prints its
// rows. Results stream for every format but the table. TEXT `-` reads the query from stdin.
#include <CLI/CLI.hpp>

#include <iterator>

#include "kg/cli.h"

namespace kg::cli {
namespace {

Cell ToCell(const Value& v) {
  if (v.is_null()) return Cell();
  if (v.is_int()) return Cell(v.as_int());
  if (v.is_double()) return Cell(v.as_number());
  if (v.is_string()) return Cell(v.as_string());
  return Cell(JsonText{ValueToJson(v)});  // booleans, lists and maps
}

}  // namespace

void AddQueryCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string text;
    bool explain = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("query", "run a Cypher query (MATCH ... RETURN ...) or '?who invests_in ?where'");
  cmd->add_option("query", flags->text, "the query, or - to read it from stdin")->required();
  cmd->add_flag("--explain", flags->explain, "print the plan instead of running the query");
  cmd->callback([flags, &ctx] {
    if (flags->text == "-") flags->text.assign(std::istreambuf_iterator<char>(*ctx.in), {});
    auto store = ctx.OpenStore(OpenMode::kReadOnly);
    if (!store) return;
    auto prepared = store->Prepare(flags->text);
    if (!prepared.ok()) return ctx.Fail(prepared.status().WithPrefix("query"));
    if (flags->explain) {
      *ctx.out << (*prepared)->Explain();
      return;
    }
    RowPrinter printer((*prepared)->columns(), ctx.OutputFormat(), *ctx.out);
    std::vector<Cell> cells;
    Status status = (*prepared)->Run([&](const std::vector<Value>& row) {
      cells.clear();
      for (const Value& v : row) cells.push_back(ToCell(v));
      printer.Add(cells);
      return static_cast<bool>(*ctx.out);
    });
    printer.Finish();
    if (!status.ok()) ctx.Fail(status);
  });
}

}  // namespace kg::cli
