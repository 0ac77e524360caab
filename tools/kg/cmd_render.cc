// `kg render`: draws part of the graph as DOT, SVG or PNG through Graphviz. What to draw: --center NAME
// (with --hops), --query, or --entity NAME…, narrowed by --predicate, --type and --date-from/--date-to.
#include <CLI/CLI.hpp>

#include "kg/cli.h"
#include "kg/diagram_output.h"
#include "kg/selection_flags.h"

namespace kg::cli {
namespace {

bool ParseFormatName(const std::string& name, DiagramFormat* format) {
  if (name == "dot") *format = DiagramFormat::kDot;
  else if (name == "svg") *format = DiagramFormat::kSvg;
  else if (name == "png") *format = DiagramFormat::kPng;
  else return false;
  return true;
}

}  // namespace

void AddRenderCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    SelectionFlags selection;
    DiagramOptions options;
    std::string output = "-";
    std::string format;
    std::string layout = "dot";
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("render", "draw part of the graph as DOT, SVG or PNG (Graphviz)");
  AddSelectionFlags(cmd, &flags->selection, "draw");
  cmd->add_option("-o,--output", flags->output, "output file; its extension (.dot, .svg, .png) sets the format; - is stdout");
  cmd->add_option("--to", flags->format, "output format: dot, svg or png")->check(CLI::IsMember({"dot", "svg", "png"}));
  cmd->add_option("--layout", flags->layout, "Graphviz layout: dot (default), sfdp or neato")
      ->check(CLI::IsMember({"dot", "sfdp", "neato"}));
  cmd->add_option("--lang", flags->options.lang, "predicate labels in en (default) or fr")->check(CLI::IsMember({"en", "fr"}));
  cmd->add_option("--max-nodes", flags->options.max_nodes, "draw at most this many entities (default 200)");
  cmd->add_option("--max-edges", flags->options.max_edges, "draw at most this many facts (default 1000)");
  cmd->add_option("--layout-seconds", flags->options.layout_seconds, "stop the layout after this long (default 60)")
      ->check(CLI::PositiveNumber);
  cmd->callback([flags, &ctx] {
    DiagramOptions& options = flags->options;
    if (!flags->format.empty()) {
      ParseFormatName(flags->format, &options.format);
    } else if (flags->output == "-") {
      options.format = DiagramFormat::kDot;
    } else if (!DiagramFormatFromPath(flags->output, &options.format)) {
      return ctx.Fail(InvalidArgument("cannot tell the format from \"" + flags->output +
                                      "\": name it .dot, .svg or .png, or pass --to"));
    }
    options.layout = flags->layout == "sfdp" ? DiagramLayout::kSfdp
                     : flags->layout == "neato" ? DiagramLayout::kNeato
                                                : DiagramLayout::kDot;
    if (Status s = ResolveTypes(&flags->selection); !s.ok()) return ctx.Fail(s);
    auto store = ctx.OpenStore(OpenMode::kReadOnly);
    if (!store) return;
    std::string bytes;
    auto report = store->Render(flags->selection.selection, options, &bytes);
    if (!report.ok()) return ctx.Fail(report.status());
    if (!WriteDiagram(ctx, flags->output, bytes)) return;
    ReportLeftOut(ctx, *report, "diagram shows", " to draw more");
  });
}

}  // namespace kg::cli
