// `kg export --to jsonl|csv|node-link|graphml|ntriples|dot [-o FILE|DIR]` with render's selectors (DOT
// with none draws the whole graph, most connected entities first, within its caps): the
// whole graph, or the part the selectors pick, for kg itself (jsonl, lossless), pandas, Gephi and
// neo4j-admin (csv), networkx and d3 (node-link), GraphML readers (graphml), RDF stores (ntriples, under
// --base; schemas/rdf_mapping.md) and Graphviz (dot, as `kg render`). Files take their name only when
// complete (exporter::OutputFile), so a failed export leaves none.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <initializer_list>

#include "export/output_file.h"
#include "kg/cli.h"
#include "kg/diagram_output.h"
#include "kg/selection_flags.h"

namespace kg::cli {
namespace {

using exporter::OutputFile;

// When an export fails on a stream (IoError), the output file's own error names the file and the
// system's reason ("No space left on device"), which the exporter's cannot. Other errors (the store's)
// stand as they are. Every file is finished either way, so that its writing thread stops.
Status FailureOf(const Status& exported, std::initializer_list<OutputFile*> files) {
  Status failure = exported;
  bool replaced = false;
  for (OutputFile* file : files) {
    Status written = file->Finish();
    if (!written.ok() && !replaced && exported.code() == StatusCode::kIoError) {
      failure = written;
      replaced = true;
    }
  }
  return failure;
}

ExportFormat FormatNamed(const std::string& name) {
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "node-link") return ExportFormat::kNodeLink;
  if (name == "graphml") return ExportFormat::kGraphml;
  if (name == "ntriples") return ExportFormat::kNTriples;
  return ExportFormat::kJsonl;
}

// With no centre, list or query, a DOT export draws the whole graph: its entities by degree, most
// connected first, as many as --max-nodes allows, so that a capped diagram keeps the graph's hubs.
// Returns how many entities the graph (narrowed by the selection's predicates, types and dates) holds.
Result<size_t> SelectWholeGraph(const GraphStore& store, size_t max_nodes, DiagramSelection* selection) {
  SnapshotFilter filter;
  filter.predicates = selection->predicates;
  filter.types = selection->types;
  filter.date_from = selection->date_from;
  filter.date_to = selection->date_to;
  auto snapshot = store.Snapshot(filter);
  if (!snapshot.ok()) return snapshot.status();
  RankOptions by_degree;
  by_degree.by = RankMeasure::kDegree;
  auto rows = (*snapshot)->Rank(by_degree);
  if (!rows.ok()) return rows.status();
  for (const RankRow& row : *rows) {
    if (selection->entities.size() >= max_nodes) break;
    selection->entities.push_back(row.entity.name);
  }
  return rows->size();
}

}  // namespace

void AddExportCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string to = "jsonl";
    std::string output = "-";
    SelectionFlags selection;
    bool neo4j_headers = false;
    DiagramOptions dot;
    std::string base = "https://kg.invalid/";
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "export", "write the graph, or the part the selectors pick, as jsonl (lossless), csv, node-link, graphml, ntriples or dot");
  cmd->add_option("--to", flags->to, "export format: jsonl (default), csv, node-link, graphml, ntriples or dot")
      ->check(CLI::IsMember({"jsonl", "csv", "node-link", "graphml", "ntriples", "dot"}));
  cmd->add_option("-o,--output", flags->output, "output file, or - for standard output; for csv, a directory");
  AddSelectionFlags(cmd, &flags->selection, "export");
  cmd->add_flag("--neo4j-headers", flags->neo4j_headers, "csv: headers for neo4j-admin import instead of Gephi's");
  cmd->add_option("--max-nodes", flags->dot.max_nodes, "dot: at most this many entities (default 200)");
  cmd->add_option("--max-edges", flags->dot.max_edges, "dot: at most this many facts (default 1000)");
  cmd->add_option("--base", flags->base, "ntriples: the base IRI of entities, predicates and kg's terms (default https://kg.invalid/)");
  cmd->callback([flags, &ctx] {
    if (Status s = ResolveTypes(&flags->selection); !s.ok()) return ctx.Fail(s);
    const bool csv = flags->to == "csv";
    if (flags->neo4j_headers && !csv) return ctx.Fail(InvalidArgument("--neo4j-headers goes with --to csv"));
    if (ctx.raw_csv && !csv) return ctx.Fail(InvalidArgument("--raw-csv goes with --to csv"));
    if (csv && flags->output == "-") {
      return ctx.Fail(InvalidArgument("--to csv writes nodes.csv, edges.csv and evidence.csv: name a directory with -o DIR"));
    }
    auto store = ctx.OpenStore(OpenMode::kReadOnly);
    if (!store) return;

    if (flags->to == "dot") {
      // The DOT that `kg render --to dot` draws, with its caps (see README "Exporting").
      flags->dot.format = DiagramFormat::kDot;
      DiagramSelection selection = flags->selection.selection;
      const bool whole = selection.centers.empty() && selection.entities.empty() && selection.query.empty();
      size_t graph_entities = 0;
      if (whole) {
        auto count = SelectWholeGraph(*store, flags->dot.max_nodes, &selection);
        if (!count.ok()) return ctx.Fail(count.status());
        graph_entities = *count;
        if (selection.entities.empty()) return ctx.Fail(NotFound("the graph holds no entity to draw"));
      }
      std::string bytes;
      auto report = store->Render(selection, flags->dot, &bytes);
      if (!report.ok()) return ctx.Fail(report.status());
      if (!WriteDiagram(ctx, flags->output, bytes)) return;
      if (whole && graph_entities > selection.entities.size()) {
        *ctx.err << "kg: the graph holds " << graph_entities << " entities; the export holds the "
                 << selection.entities.size() << " most connected and the facts among them (raise --max-nodes)\n";
      }
      ReportLeftOut(ctx, *report, "export holds", "");
      return;
    }

    ExportOptions options;
    options.format = FormatNamed(flags->to);
    options.selection = flags->selection.selection;
    options.neo4j_headers = flags->neo4j_headers;
    options.raw_csv = ctx.raw_csv;
    options.base = flags->base;
    ExportStreams streams;
    if (csv) {
      std::error_code error;
      std::filesystem::create_directories(flags->output, error);
      if (error) return ctx.Fail(IoError("cannot create directory " + flags->output + ": " + error.message()));
      const std::filesystem::path dir(flags->output);
      OutputFile nodes((dir / "nodes.csv").string()), edges((dir / "edges.csv").string()),
          evidence((dir / "evidence.csv").string());
      for (OutputFile* file : {&nodes, &edges, &evidence}) {
        if (Status s = file->Open(); !s.ok()) return ctx.Fail(s);
      }
      streams.nodes = &nodes.stream();
      streams.edges = &edges.stream();
      streams.evidence = &evidence.stream();
      auto report = store->Export(options, streams);
      if (!report.ok()) return ctx.Fail(FailureOf(report.status(), {&nodes, &edges, &evidence}));
      // All three are complete before any takes its name, so a failure leaves no mix of old and new.
      for (OutputFile* file : {&nodes, &edges, &evidence}) {
        if (Status s = file->Finish(); !s.ok()) return ctx.Fail(s);
      }
      for (OutputFile* file : {&nodes, &edges, &evidence}) {
        if (Status s = file->Rename(); !s.ok()) return ctx.Fail(s);
      }
      return;
    }
    if (flags->output == "-") {
      streams.out = ctx.out;
      auto report = store->Export(options, streams);
      if (!report.ok()) return ctx.Fail(report.status());
      ctx.out->flush();
      if (!*ctx.out) return ctx.Fail(IoError("writing the export failed"));
      return;
    }
    OutputFile file(flags->output);
    if (Status s = file.Open(); !s.ok()) return ctx.Fail(s);
    streams.out = &file.stream();
    auto report = store->Export(options, streams);
    if (!report.ok()) return ctx.Fail(FailureOf(report.status(), {&file}));
    if (Status s = file.Commit(); !s.ok()) return ctx.Fail(s);
  });
}

}  // namespace kg::cli
