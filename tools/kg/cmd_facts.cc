// `kg facts [--predicate P] [--subject NAME] [--object NAME]`: facts with their qualifiers and sources,
// one row per reported version. `kg facts --predicate invests_in` answers "who invested where".
#include <CLI/CLI.hpp>

#include "core/human_amount.h"
#include "kg/cli.h"

namespace kg::cli {

void AddFactsCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    FactFilter filter;
    bool show_sources = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("facts", "list facts with amounts, dates and how many sources report them");
  cmd->add_option("-p,--predicate", flags->filter.predicate, "only this predicate, e.g. invests_in");
  cmd->add_option("-s,--subject", flags->filter.subject, "only facts whose subject has this name");
  cmd->add_option("-o,--object", flags->filter.object, "only facts whose object has this name");
  cmd->add_flag("--sources", flags->show_sources, "add a column listing the source uris");
  cmd->callback([flags, &ctx] {
    auto store = ctx.OpenStore(OpenMode::kReadOnly);
    if (!store) return;
    auto facts = store->ListFacts(flags->filter);
    if (!facts.ok()) return ctx.Fail(facts.status());
    Rows rows{{"subject", "predicate", "object", "amount", "currency", "date", "period", "evidence", "sources"}, {}};
    if (flags->show_sources) rows.columns.push_back("source_uris");
    const bool for_people = ctx.OutputFormat() == Format::kTable;
    for (const auto& f : *facts) {
      Cell amount = !f.amount ? Cell() : for_people ? Cell(HumanAmount(*f.amount)) : Cell(*f.amount);
      std::vector<Cell> row{f.subject.name, f.predicate, f.object.name, amount,
                            f.currency, f.date, f.period, static_cast<int64_t>(f.evidence_count),
                            static_cast<int64_t>(f.sources.size())};
      if (flags->show_sources) {
        std::string uris;
        for (const auto& uri : f.sources) uris += (uris.empty() ? "" : " ") + uri;
        row.push_back(uris);
      }
      rows.rows.push_back(std::move(row));
    }
    PrintRows(rows, ctx.OutputFormat(), *ctx.out, ctx.OutputCsvStyle());
  });
}

}  // namespace kg::cli
