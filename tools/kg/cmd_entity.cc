// `kg entity NAME`: one entity, its aliases, and every fact around it with each piece of evidence.
#include <CLI/CLI.hpp>

#include "core/human_amount.h"
#include "kg/cli.h"
#include "text/control_characters.h"

namespace kg::cli {
namespace {

std::string AliasList(const Entity& e) {
  std::string out;
  for (const auto& alias : e.aliases) {
    if (!out.empty()) out += ", ";
    out += alias.name + (alias.lang.empty() ? "" : "@" + alias.lang);
  }
  return out;
}

void RunEntity(const std::string& name, Context& ctx) {
  auto store = ctx.OpenStore(OpenMode::kReadOnly);
  if (!store) return;
  auto details = store->LookupEntity(name);
  if (!details.ok()) return ctx.Fail(details.status());
  const Entity& e = details->entity;
  const Format format = ctx.OutputFormat();
  if (format == Format::kTable) {
    // For people, like the table below it: a stored name's control characters are shown, not obeyed.
    using text::VisibleText;
    *ctx.out << VisibleText(e.name) << " (" << EntityTypeName(e.type) << ", id " << e.id << ")";
    if (!e.iso_code.empty()) *ctx.out << " ISO " << VisibleText(e.iso_code);
    if (!e.external_id.empty()) *ctx.out << " external id " << VisibleText(e.external_id);
    *ctx.out << "\naliases: " << VisibleText(AliasList(e)) << "\n\n";
  }
  Rows rows{{"entity", "entity_type", "subject", "predicate", "object", "amount", "currency", "date", "period",
             "confidence", "source", "evidence"},
            {}};
  for (const auto& fact : details->facts) {
    for (const auto& a : fact.evidence) {
      Cell amount = !a.amount ? Cell() : format == Format::kTable ? Cell(HumanAmount(*a.amount)) : Cell(*a.amount);
      rows.rows.push_back({e.name, std::string(EntityTypeName(e.type)), fact.subject.name, fact.predicate,
                           fact.object.name, amount, a.currency, a.date, a.period,
                           a.confidence ? Cell(*a.confidence) : Cell(), a.source_uri, a.evidence_text});
    }
  }
  PrintRows(rows, format, *ctx.out, ctx.OutputCsvStyle());
}

}  // namespace

void AddEntityCommand(CLI::App& app, Context& ctx) {
  auto name = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("entity", "show an entity (found by any alias, in any language) with its facts");
  cmd->add_option("name", *name, "a name of the entity")->required();
  cmd->callback([name, &ctx] { RunEntity(*name, ctx); });
}

}  // namespace kg::cli
