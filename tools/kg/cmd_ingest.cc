// `kg ingest FILE…|- [--input-format jsonl|ntriples|csv|tsv|txt|md|html]`: merges assertions into the store
// and reports what happened to each line; news articles (.txt, .md, .html) go through the built-in
// extractor, one document each, and get a table of their own.
#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <limits>
#include <sstream>

#include "extract/extractor.h"
#include "kg/cli.h"

namespace kg::cli {
namespace {

struct IngestFlags {
  std::vector<std::string> inputs;
  std::string format;  // empty: from each file's extension, jsonl for stdin
  size_t max_errors = std::numeric_limits<size_t>::max();
  std::string rejects_path;
  bool allow_new_predicates = false;
  size_t unit_lines = 20000;
  size_t sst_min_entries = 50000;
  size_t max_line_bytes = 1 << 20;
  bool progress = false;
  std::string language;        // articles: instead of detecting it
  std::string reference_date;  // articles: their date when the text gives none
};

// "txt", "md" or "html" when `input` is an article, by --format or by its extension; "" otherwise.
std::string ArticleFormatOf(const IngestFlags& flags, const std::string& input) {
  if (flags.format == "txt" || flags.format == "md" || flags.format == "html") return flags.format;
  if (!flags.format.empty() || input == "-") return "";
  return extract::ArticleFormatFromPath(input);
}

const char* ChangeName(DocumentReport::Change change) {
  switch (change) {
    case DocumentReport::Change::kAdded:
      return "added";
    case DocumentReport::Change::kUnchanged:
      return "unchanged";
    case DocumentReport::Change::kReplaced:
      return "replaced";
  }
  return "";
}

// Reads and ingests one article. A file that is not text (binary, another encoding) is rejected: false,
// with the reason on stderr. A store failure is returned.
Result<bool> IngestArticleFile(GraphStore& store, const std::string& path, const std::string& format,
                               const IngestFlags& flags, const IngestOptions& options, Rows* articles,
                               Context& ctx) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return NotFound("cannot open " + path);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  if (file.bad()) return IoError(path + ": read failed");
  ArticleOptions article;
  article.uri = path;
  article.format = format;
  article.language = flags.language;
  article.reference_date = flags.reference_date;
  auto report = store.IngestArticle(bytes.str(), article, options);
  if (!report.ok()) {
    if (report.status().code() != StatusCode::kInvalidArgument) return report.status();
    *ctx.err << report.status().message() << '\n';
    articles->rows.push_back({path, std::string("rejected"), std::string(""), std::string(""), int64_t{0},
                              int64_t{0}, int64_t{0}, int64_t{0}});
    return false;
  }
  articles->rows.push_back({path, std::string(ChangeName(report->change.change)), report->document.language,
                            report->document.title, static_cast<int64_t>(report->assertions),
                            static_cast<int64_t>(report->change.evidence_added),
                            static_cast<int64_t>(report->change.evidence_kept),
                            static_cast<int64_t>(report->change.evidence_removed)});
  return true;
}

void RunIngest(const IngestFlags& flags, Context& ctx) {
  auto store = ctx.OpenStore(OpenMode::kReadWrite);
  if (!store) return;

  std::ofstream rejects;
  IngestOptions options;
  options.lines_per_unit = flags.unit_lines;
  options.sst_min_entries = flags.sst_min_entries;
  options.max_line_bytes = flags.max_line_bytes;
  options.allow_new_predicates = flags.allow_new_predicates;
  if (!flags.rejects_path.empty()) {
    rejects.open(flags.rejects_path, std::ios::binary | std::ios::trunc);
    if (!rejects) return ctx.Fail(IoError("cannot write rejects file " + flags.rejects_path));
    options.rejects = &rejects;
  }
  const auto started = std::chrono::steady_clock::now();
  auto last_shown = started;
  // The last durable line, for the message of a failed ingest (README "A full disk").
  std::string committed_input;
  uint64_t committed_lines = 0;
  options.on_commit = [&](const std::string& input, uint64_t lines) {
    committed_input = input;
    committed_lines = lines;
    if (flags.progress) {
      *ctx.err << "kg: committed " << input << " through line " << lines << '\n' << std::flush;
      return;
    }
    auto now = std::chrono::steady_clock::now();
    if (!ctx.err_is_terminal || now - last_shown < std::chrono::seconds(1)) return;
    last_shown = now;
    double seconds = std::chrono::duration<double>(now - started).count();
    *ctx.err << "\rkg: " << input << ": " << lines << " lines, " << static_cast<uint64_t>(lines / seconds)
             << " lines/s   " << std::flush;
  };

  // N-Triples inputs also say how many triples carried no fact (README "Importing").
  bool any_ntriples = flags.format == "ntriples" || flags.format == "nt";
  for (const auto& input : flags.inputs) {
    if (flags.format.empty() && InputFormatForPath(input) == InputFormat::kNTriples) any_ntriples = true;
  }
  Rows rows{{"input", "lines", "accepted", "new_facts", "merged", "duplicates", "rejected"}, {}};
  if (any_ntriples) {
    rows.columns.push_back("literals_skipped");
    rows.columns.push_back("other_skipped");
  }
  Rows articles{{"article", "change", "lang", "title", "facts", "added", "kept", "removed"}, {}};
  size_t record_inputs = 0;
  bool article_rejected = false;
  IngestReport total;
  size_t errors_left = flags.max_errors;
  for (const auto& input : flags.inputs) {
    if (const std::string article_format = ArticleFormatOf(flags, input); !article_format.empty()) {
      if (input == "-") return ctx.Fail(InvalidArgument("articles are read from files, not from standard input"));
      auto accepted = IngestArticleFile(*store, input, article_format, flags, options, &articles, ctx);
      if (!accepted.ok()) return ctx.Fail(accepted.status());
      if (!*accepted) article_rejected = true;
      continue;
    }
    ++record_inputs;
    std::ifstream file;
    std::istream* stream = ctx.in;
    const std::string name = input == "-" ? "<stdin>" : input;
    if (input != "-") {
      file.open(input, std::ios::binary);
      if (!file) return ctx.Fail(NotFound("cannot open " + input));
      stream = &file;
    }
    options.max_errors = errors_left;
    std::optional<InputFormat> format =
        flags.format.empty() ? (input == "-" ? InputFormat::kJsonl : InputFormatForPath(input)) : ParseInputFormat(flags.format);
    if (!format) {
      return ctx.Fail(InvalidArgument("cannot tell the format of " + input +
                                      " from its extension (.jsonl, .nt, .csv, .tsv, .txt, .md, .html): pass --input-format"));
    }
    options.format = *format;
    auto report = store->Ingest(*stream, name, options);
    if (!report.ok()) {
      ctx.Fail(report.status());
      // What a re-run needs: merging is idempotent, so the whole file may simply be ingested again.
      if (committed_input == name && committed_lines > 0) {
        *ctx.err << "kg: " << name << " is committed through line " << committed_lines
                 << "; the lines after it are not\n";
      } else {
        *ctx.err << "kg: no line of " << name << " is committed\n";
      }
      return;
    }
    for (const auto& error : report->errors) *ctx.err << error << '\n';
    if (report->rejected > report->errors.size()) {
      *ctx.err << name << ": " << report->rejected - report->errors.size() << " more rejected lines not shown\n";
    }
    rows.rows.push_back({name, static_cast<int64_t>(report->lines), static_cast<int64_t>(report->accepted()),
                         static_cast<int64_t>(report->new_facts),
                         static_cast<int64_t>(report->merged), static_cast<int64_t>(report->duplicates),
                         static_cast<int64_t>(report->rejected)});
    if (any_ntriples) {
      rows.rows.back().push_back(static_cast<int64_t>(report->literals_skipped));
      rows.rows.back().push_back(static_cast<int64_t>(report->other_skipped));
    }
    total.lines += report->lines;
    total.literals_skipped += report->literals_skipped;
    total.other_skipped += report->other_skipped;
    total.new_facts += report->new_facts;
    total.merged += report->merged;
    total.duplicates += report->duplicates;
    total.rejected += report->rejected;
    errors_left = errors_left > report->rejected ? errors_left - report->rejected : 0;
    if (report->stopped_early) {
      *ctx.err << "kg: stopped after more than " << flags.max_errors
               << " rejected lines (--max-errors); lines before that are committed\n";
      total.stopped_early = true;
      break;
    }
  }
  if (ctx.err_is_terminal && !flags.progress) *ctx.err << "\r" << std::string(60, ' ') << "\r";
  if (record_inputs > 1) {
    rows.rows.push_back({std::string("total"), static_cast<int64_t>(total.lines), static_cast<int64_t>(total.accepted()),
                         static_cast<int64_t>(total.new_facts),
                         static_cast<int64_t>(total.merged), static_cast<int64_t>(total.duplicates),
                         static_cast<int64_t>(total.rejected)});
    if (any_ntriples) {
      rows.rows.back().push_back(static_cast<int64_t>(total.literals_skipped));
      rows.rows.back().push_back(static_cast<int64_t>(total.other_skipped));
    }
  }
  if (record_inputs > 0) PrintRows(rows, ctx.OutputFormat(), *ctx.out, ctx.OutputCsvStyle());
  if (!articles.rows.empty()) PrintRows(articles, ctx.OutputFormat(), *ctx.out, ctx.OutputCsvStyle());
  if (total.rejected > 0 || article_rejected) ctx.exit_code = kExitRejected;
}

}  // namespace

void AddIngestCommand(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "merge assertions (JSONL, N-Triples, CSV or TSV files, or - for stdin) or news articles (.txt, .md, .html) into the store");
  cmd->add_option("inputs", flags->inputs, "input files, or - for standard input")->required();
  cmd->add_option("--input-format", flags->format,
                  "jsonl, ntriples, csv, tsv, or txt/md/html for articles (default: from the extension; jsonl for -)")
      ->check(CLI::IsMember({"jsonl", "ntriples", "nt", "csv", "tsv", "txt", "md", "html"}));
  cmd->add_option("--lang", flags->language, "articles: their language instead of detecting it")
      ->check(CLI::IsMember({"fr", "en", "es", "de"}));
  cmd->add_option("--date", flags->reference_date, "articles: their date (YYYY[-MM[-DD]]) when the text gives none");
  cmd->add_option("--max-errors", flags->max_errors, "stop once more than N lines were rejected");
  cmd->add_option("--rejects", flags->rejects_path, "write each rejected line (or record, or N-Triples statement) to this file");
  cmd->add_flag("--allow-new-predicates", flags->allow_new_predicates,
                "accept predicates that schemas/predicates.json does not define");
  cmd->add_option("--unit-lines", flags->unit_lines, "lines per atomic, synced unit (default 20000)")
      ->check(CLI::Range(size_t{1}, size_t{10000000}));
  cmd->add_option("--sst-min-entries", flags->sst_min_entries,
                  "units with at least this many key writes are ingested as SST files (default 50000)");
  cmd->add_option("--max-line-bytes", flags->max_line_bytes, "reject lines longer than this (default 1 MiB)");
  cmd->add_flag("--progress", flags->progress, "print a line on stderr after every committed unit");
  cmd->callback([flags, &ctx] { RunIngest(*flags, ctx); });
}

}  // namespace kg::cli
