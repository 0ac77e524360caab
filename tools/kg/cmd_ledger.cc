// The curated ledger: `kg alias NAME TARGET`, `kg merge KEEP OTHER`, `kg unmerge NAME` and `kg ledger`.
#include <CLI/CLI.hpp>

#include "kg/cli.h"

namespace kg::cli {
namespace {

void Change(Context& ctx, const std::function<Status(GraphStore&)>& change, const std::string& done) {
  auto store = ctx.OpenStore(OpenMode::kReadWrite);
  if (!store) return;
  Status status = change(*store);
  if (!status.ok()) return ctx.Fail(status);
  *ctx.err << "kg: " << done << '\n';
}

}  // namespace

void AddLedgerCommands(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<std::string>();
  auto b = std::make_shared<std::string>();

  CLI::App* alias = app.add_subcommand("alias", "make NAME resolve to the entity TARGET names, now and later");
  alias->add_option("name", *a, "the name to redirect")->required();
  alias->add_option("target", *b, "a name of the existing entity")->required();
  alias->callback([a, b, &ctx] {
    Change(ctx, [&](GraphStore& s) { return s.AddAlias(*a, *b); }, "\"" + *a + "\" now resolves to \"" + *b + "\"");
  });

  CLI::App* merge = app.add_subcommand("merge", "merge entity OTHER into entity KEEP (undo with kg unmerge OTHER)");
  merge->add_option("keep", *a, "the entity that stays")->required();
  merge->add_option("other", *b, "the entity merged into it")->required();
  merge->callback([a, b, &ctx] {
    Change(ctx, [&](GraphStore& s) { return s.Merge(*a, *b); }, "merged \"" + *b + "\" into \"" + *a + "\"");
  });

  CLI::App* unmerge = app.add_subcommand("unmerge", "undo the alias or merge rule for NAME");
  unmerge->add_option("name", *a, "the name given to kg alias or kg merge")->required();
  unmerge->callback([a, &ctx] {
    Change(ctx, [&](GraphStore& s) { return s.RemoveRule(*a); }, "removed the rule for \"" + *a + "\"");
  });

  CLI::App* ledger = app.add_subcommand("ledger", "list the curated alias and merge rules");
  ledger->callback([&ctx] {
    auto store = ctx.OpenStore(OpenMode::kReadOnly);
    if (!store) return;
    auto entries = store->Ledger();
    if (!entries.ok()) return ctx.Fail(entries.status());
    Rows rows{{"name", "target", "kind"}, {}};
    for (const auto& e : *entries) rows.rows.push_back({e.name, e.target, e.kind});
    PrintRows(rows, ctx.OutputFormat(), *ctx.out, ctx.OutputCsvStyle());
  });
}

}  // namespace kg::cli
