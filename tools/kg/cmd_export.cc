// `kg export --to jsonl|ntriples [--base IRI] [-o FILE]`: jsonl is a lossless dump that `kg ingest` reads
// back to the same graph; ntriples is RDF under a base IRI (schemas/rdf_mapping.md).
#include <CLI/CLI.hpp>
#include <fstream>

#include "kg/cli.h"

namespace kg::cli {

void AddExportCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string to = "jsonl";
    std::string output = "-";
    std::string base = "https://kg.invalid/";
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("export", "write the graph out (jsonl: every piece of evidence, lossless)");
  cmd->add_option("--to", flags->to, "export format")->check(CLI::IsMember({"jsonl", "ntriples"}));
  cmd->add_option("--base", flags->base, "ntriples: the base IRI of entities, predicates and kg's terms (default https://kg.invalid/)");
  cmd->add_option("-o,--output", flags->output, "output file, or - for standard output");
  cmd->callback([flags, &ctx] {
    auto store = ctx.OpenStore(OpenMode::kReadOnly);
    if (!store) return;
    std::ofstream file;
    std::ostream* out = ctx.out;
    if (flags->output != "-") {
      file.open(flags->output, std::ios::binary | std::ios::trunc);
      if (!file) return ctx.Fail(IoError("cannot write " + flags->output));
      out = &file;
    }
    auto lines = flags->to == "ntriples" ? store->ExportNTriples(*out, flags->base) : store->ExportJsonl(*out);
    if (!lines.ok()) return ctx.Fail(lines.status());
    out->flush();
    if (!*out) return ctx.Fail(IoError("writing " + flags->output + " failed"));
  });
}

}  // namespace kg::cli
