// `kg forget SOURCE_URI`: removes a source's evidence and whatever nothing else supports.
#include <CLI/CLI.hpp>

#include "kg/cli.h"

namespace kg::cli {

void AddForgetCommand(CLI::App& app, Context& ctx) {
  auto uri = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("forget", "remove a source's evidence, and facts and entities left unsupported");
  cmd->add_option("uri", *uri, "the source uri, as in the assertions' source.uri")->required();
  cmd->callback([uri, &ctx] {
    auto store = ctx.OpenStore(OpenMode::kReadWrite);
    if (!store) return;
    auto before = store->Stats();
    auto removed = store->Forget(*uri);
    if (!removed.ok()) return ctx.Fail(removed.status());
    auto after = store->Stats();
    if (!before.ok() || !after.ok()) return ctx.Fail(before.ok() ? after.status() : before.status());
    Rows rows{{"source", "evidence_removed", "facts_removed", "entities_removed"},
              {{*uri, static_cast<int64_t>(*removed), static_cast<int64_t>(before->facts - after->facts),
                static_cast<int64_t>(before->entities - after->entities)}}};
    PrintRows(rows, ctx.OutputFormat(), *ctx.out, ctx.OutputCsvStyle());
  });
}

}  // namespace kg::cli
