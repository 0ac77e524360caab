// Scores an extractor's output against the gold corpus (tests/data/extract/).
//
//   kg_extract_eval --gold DIR (--predicted DIR | --run) [--split tune|test|all] [--format table|json]
//                   [--split-file SPLIT.md]
//
// Reads DIR/X.gold.jsonl and PREDICTED/X.jsonl (or, with --run, the built-in extractor's facts for
// DIR/X.txt) for every article X and prints precision, recall and F1
// per predicate and overall, qualifier accuracy and per-article counts. Exit codes: 0 success, 1 I/O
// failure, 2 usage error, 3 a malformed input line, 4 a missing directory or file.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "extract_eval/corpus.h"
#include "extract_eval/report_output.h"

namespace {

int ExitCode(const kg::Status& status) {
  switch (status.code()) {
    case kg::StatusCode::kInvalidArgument: return 3;
    case kg::StatusCode::kNotFound: return 4;
    default: return 1;
  }
}

int Fail(const kg::Status& status) {
  std::cerr << "kg_extract_eval: " << status.message() << "\n";
  return ExitCode(status);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("kg_extract_eval: score extracted facts against a gold corpus", "kg_extract_eval");
  std::string gold_dir, predicted_dir, split = "all", format = "table", split_file;
  app.add_option("--gold", gold_dir, "directory of X.gold.jsonl files (and their X.txt articles)")->required();
  bool run = false;
  auto* predicted = app.add_option("--predicted", predicted_dir, "directory of X.jsonl files written by the extractor");
  auto* run_flag = app.add_flag("--run", run, "run kg's built-in extractor on DIR/X.txt instead of reading predictions");
  predicted->excludes(run_flag);
  app.add_option("--split", split, "which articles to score (see SPLIT.md)")
      ->check(CLI::IsMember({"tune", "test", "all"}));
  app.add_option("--format", format, "output format")->check(CLI::IsMember({"table", "json"}));
  app.add_option("--split-file", split_file, "SPLIT.md to use (default: in --gold or its parent)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (!run && predicted_dir.empty()) {
    std::cerr << "kg_extract_eval: give --predicted DIR or --run\n";
    return 2;
  }

  auto articles = kg::eval::ListGoldArticles(gold_dir);
  if (!articles.ok()) return Fail(articles.status());
  std::vector<std::string> chosen = *articles;
  if (split != "all") {
    if (split_file.empty()) split_file = kg::eval::FindSplitFile(gold_dir);
    if (split_file.empty()) return Fail(kg::NotFound(gold_dir + ": no SPLIT.md in it or its parent (use --split-file)"));
    std::string text = [&] {
      std::ifstream in(split_file);
      return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    auto lists = kg::eval::ParseSplit(text);
    if (!lists.ok()) return Fail(lists.status().WithPrefix(split_file));
    const auto& wanted = split == "tune" ? lists->tune : lists->test;
    const std::set<std::string> present(articles->begin(), articles->end());
    for (const std::string& a : wanted) {
      if (!present.count(a)) return Fail(kg::NotFound(split_file + ": " + a + " has no gold file in " + gold_dir));
    }
    chosen = wanted;
  }

  std::vector<std::string> warnings;
  auto report = run ? kg::eval::EvaluateBuiltin(gold_dir, chosen)
                    : kg::eval::Evaluate(gold_dir, predicted_dir, chosen, &warnings);
  if (!report.ok()) return Fail(report.status());
  for (const std::string& w : warnings) std::cerr << "kg_extract_eval: warning: " << w << "\n";
  if (format == "json") {
    kg::eval::PrintJson(*report, std::cout);
  } else {
    kg::eval::PrintTable(*report, std::cout);
  }
  return 0;
}
