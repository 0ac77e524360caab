// `kg extract FILE…|-`: runs the built-in extractor on articles and prints their facts as JSONL in the
// input schema, ready for `kg ingest -`.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iterator>
#include <sstream>

#include "extract/extractor.h"
#include "kg/cli.h"
#include "schema/assertion_json.h"

namespace kg::cli {
namespace {

std::string FormatFor(const std::string& path, const std::string& forced) {
  if (!forced.empty()) return forced;
  const std::string format = extract::ArticleFormatFromPath(path);
  return format.empty() ? "txt" : format;
}

Result<std::string> ReadAll(const std::string& path, std::istream* in) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(*in), {});
  std::ifstream file(path, std::ios::binary);
  if (!file) return NotFound(path + ": cannot open (no such file, or not readable)");
  std::ostringstream buffer;
  buffer << file.rdbuf();
  if (file.bad()) return IoError(path + ": read failed");
  return buffer.str();
}

// "Safran" [140-146], or "(from the article's context)".
std::string Argument(const std::string& written, int64_t start, int64_t end) {
  if (start < 0) return "(from the article's context)";
  return "\"" + written + "\" [" + std::to_string(start) + "-" + std::to_string(end) + "]";
}

// One block per article: its language, then each proposed fact with + (asserted) or - (rejected), the
// rule and trigger, the arguments' spans in code points, and the reason for a rejection.
void PrintExplanations(const std::string& path, const extract::Extraction& extraction, std::ostream& out) {
  out << path << " (language " << (extraction.article.language.empty() ? "unknown" : extraction.article.language)
      << ", " << extraction.assertions.size() << " facts asserted)\n";
  int64_t sentence = -1;
  for (const extract::Explanation& e : extraction.explanations) {
    if (e.sentence_start != sentence) {
      sentence = e.sentence_start;
      out << "  sentence [" << e.sentence_start << "-" << e.sentence_end << "]\n";
    }
    out << "    " << (e.rejected.empty() ? "+ " : "- ") << e.subject << " " << e.predicate << " " << e.object << "\n"
        << "        rule " << e.rule;
    if (!e.trigger.empty()) out << ", trigger \"" << e.trigger << "\"";
    out << ", confidence " << e.confidence << "\n"
        << "        subject " << Argument(e.subject_text, e.subject_start, e.subject_end) << ", object "
        << Argument(e.object_text, e.object_start, e.object_end) << "\n";
    if (!e.rejected.empty()) out << "        rejected: " << e.rejected << "\n";
  }
}

}  // namespace

void AddExtractCommand(CLI::App& app, Context& ctx) {
  struct Flags {
    std::vector<std::string> files;
    std::string language;
    std::string date;
    std::string input_format;
    bool explain = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "extract facts from news articles (.txt, .md, .html; - for standard input) as JSONL for kg ingest");
  cmd->add_option("files", flags->files, "article files, or - for standard input")->required();
  cmd->add_option("--lang", flags->language, "the articles' language instead of detecting it")
      ->check(CLI::IsMember({"fr", "en", "es", "de"}));
  cmd->add_option("--date", flags->date, "the articles' date (YYYY[-MM[-DD]]) when the text gives none");
  cmd->add_option("--input-format", flags->input_format, "read every file as this format (default: by extension)")
      ->check(CLI::IsMember({"txt", "md", "html"}));
  cmd->add_flag("--explain", flags->explain,
                 "instead of JSONL, print for every proposed fact the rule, trigger and argument spans, and why a "
                 "rejected one was not asserted");
  cmd->callback([flags, &ctx] {
    for (const std::string& path : flags->files) {
      auto bytes = ReadAll(path, ctx.in);
      if (!bytes.ok()) {
        ctx.Fail(bytes.status());
        continue;
      }
      extract::ExtractOptions options;
      options.source_uri = path == "-" ? "stdin" : path;
      options.format = FormatFor(path, flags->input_format);
      options.reference_date = flags->date;
      options.language = flags->language;
      options.explain = flags->explain;
      auto extraction = extract::ExtractArticle(*bytes, options);
      if (!extraction.ok()) {
        ctx.Fail(extraction.status().WithPrefix(path == "-" ? "<stdin>" : path));
        continue;
      }
      if (flags->explain) {
        PrintExplanations(path == "-" ? "<stdin>" : path, *extraction, *ctx.out);
        continue;
      }
      for (const Assertion& a : extraction->assertions) *ctx.out << schema::ToCanonicalJson(a) << '\n';
    }
    ctx.out->flush();
  });
}

}  // namespace kg::cli
