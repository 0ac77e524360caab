// `kg query TEXT [--explain]`: runs a read-only Cypher query or the one-line shorthand and prints its
// rows. Results stream in every format (a table once its first 1,000 rows set the widths), and a failed
// write (a closed pipe) stops the query. TEXT `-` reads the query from stdin.
#include <CLI/CLI.hpp>

#include <iterator>

#include "kg/cli.h"

namespace kg::cli {
namespace {

// Puts `v` in `cell`. A text cell keeps its string's storage from the row before: a long result
// assigns names into the same few strings rather than allocating them row after row.
void SetCell(const Value& v, Cell* cell) {
  if (v.is_string()) {
    if (auto* text = std::get_if<std::string>(cell)) {
      text->assign(v.as_string());
    } else {
      *cell = v.as_string();
    }
  } else if (v.is_null()) {
    *cell = std::monostate();
  } else if (v.is_int()) {
    *cell = v.as_int();
  } else if (v.is_double()) {
    *cell = v.as_number();
  } else {
    *cell = JsonText{ValueToJson(v)};  // booleans, lists and maps
  }
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
    RowPrinter printer((*prepared)->columns(), ctx.OutputFormat(), *ctx.out, ctx.OutputCsvStyle());
    std::vector<Cell> cells;
    Status status = (*prepared)->Run([&](const std::vector<Value>& row) {
      cells.resize(row.size());
      for (size_t i = 0; i < row.size(); ++i) SetCell(row[i], &cells[i]);
      printer.Add(cells);
      return static_cast<bool>(*ctx.out);
    });
    printer.Finish();
    if (!status.ok()) ctx.Fail(status);
  });
}

}  // namespace kg::cli
