#include "extract_eval/corpus.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>

#include "extract/extractor.h"
#include "schema/assertion_json.h"
#include "schema/predicate_vocabulary.h"

namespace kg::eval {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kGoldSuffix = ".gold.jsonl";

bool IsBlank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

Result<std::vector<Assertion>> ParseFacts(std::string_view text, const std::string& file_name,
                                          bool allow_new_predicates) {
  schema::ParseLimits limits;
  limits.allow_new_predicates = allow_new_predicates;
  std::vector<Assertion> facts;
  int line_number = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (IsBlank(line)) continue;
    schema::ParsedLine parsed = schema::ParseAssertionLine(line, schema::PredicateVocabulary::Builtin(), limits);
    if (auto* error = std::get_if<schema::LineError>(&parsed)) {
      return InvalidArgument(file_name + ":" + std::to_string(line_number) + ":" + error->ToString());
    }
    facts.push_back(std::move(std::get<Assertion>(parsed)));
  }
  return facts;
}

Result<std::vector<Assertion>> ReadFacts(const std::string& path, bool allow_new_predicates) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return NotFound(path + ": no such file");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in.good() && !in.eof()) return IoError(path + ": cannot read");
  return ParseFacts(content.str(), path, allow_new_predicates);
}

Result<std::vector<std::string>> ListGoldArticles(const std::string& gold_dir) {
  std::error_code ec;
  if (!fs::is_directory(gold_dir, ec)) return NotFound(gold_dir + ": no such directory");
  std::vector<std::string> articles;
  for (const auto& entry : fs::directory_iterator(gold_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > kGoldSuffix.size() && name.ends_with(kGoldSuffix)) {
      articles.push_back(name.substr(0, name.size() - kGoldSuffix.size()));
    }
  }
  if (ec) return IoError(gold_dir + ": " + ec.message());
  if (articles.empty()) return InvalidArgument(gold_dir + ": no *.gold.jsonl files");
  std::sort(articles.begin(), articles.end());
  return articles;
}

Result<SplitLists> ParseSplit(std::string_view markdown) {
  static const std::regex kArticle(R"(\b[a-z]{2}_[0-9]+\b)");
  SplitLists lists;
  std::vector<std::string>* section = nullptr;
  std::istringstream in{std::string(markdown)};
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("## ")) {
      const std::string heading = Lower(line);
      section = heading.find("test") != std::string::npos   ? &lists.test
                : heading.find("tune") != std::string::npos ? &lists.tune
                                                            : nullptr;
      continue;
    }
    // Only list items name articles, so prose in a section may mention one without adding it.
    if (section == nullptr || !(line.starts_with("- ") || line.starts_with("* "))) continue;
    std::smatch match;
    if (std::regex_search(line, match, kArticle)) section->push_back(match.str());
  }
  if (lists.tune.empty()) return InvalidArgument("no articles listed under a TUNE heading");
  if (lists.test.empty()) return InvalidArgument("no articles listed under a TEST heading");
  const std::set<std::string> test(lists.test.begin(), lists.test.end());
  for (const std::string& a : lists.tune) {
    if (test.count(a)) return InvalidArgument(a + " is in both TUNE and TEST");
  }
  std::sort(lists.tune.begin(), lists.tune.end());
  std::sort(lists.test.begin(), lists.test.end());
  return lists;
}

std::string FindSplitFile(const std::string& gold_dir) {
  std::error_code ec;
  // "articles/" has an empty filename and "articles" as its parent, so normalise to an absolute path first.
  fs::path dir = fs::absolute(gold_dir, ec).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  for (const fs::path& candidate : {dir / "SPLIT.md", dir.parent_path() / "SPLIT.md"}) {
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  }
  return "";
}

Result<Report> Evaluate(const std::string& gold_dir, const std::string& predicted_dir,
                        const std::vector<std::string>& articles, std::vector<std::string>* warnings) {
  std::error_code ec;
  if (!fs::is_directory(predicted_dir, ec)) return NotFound(predicted_dir + ": no such directory");
  Scorer scorer;
  for (const std::string& article : articles) {
    auto gold = ReadFacts((fs::path(gold_dir) / (article + std::string(kGoldSuffix))).string(), false);
    if (!gold.ok()) return gold.status();
    const std::string predicted_path = (fs::path(predicted_dir) / (article + ".jsonl")).string();
    std::vector<Assertion> predicted;
    if (fs::exists(predicted_path, ec)) {
      auto read = ReadFacts(predicted_path, true);
      if (!read.ok()) return read.status();
      predicted = std::move(*read);
    } else if (warnings != nullptr) {
      warnings->push_back(predicted_path + ": missing, scored as no predictions");
    }
    scorer.AddArticle(article, *gold, predicted);
  }
  return scorer.report();
}

Result<Report> EvaluateBuiltin(const std::string& gold_dir, const std::vector<std::string>& articles) {
  Scorer scorer;
  for (const std::string& article : articles) {
    auto gold = ReadFacts((fs::path(gold_dir) / (article + std::string(kGoldSuffix))).string(), false);
    if (!gold.ok()) return gold.status();
    const std::string text_path = (fs::path(gold_dir) / (article + ".txt")).string();
    std::ifstream in(text_path, std::ios::binary);
    if (!in) return NotFound(text_path + ": no such file");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    extract::ExtractOptions options;
    options.source_uri = text_path;
    auto extraction = extract::ExtractArticle(text, options);
    if (!extraction.ok()) return extraction.status().WithPrefix(text_path);
    scorer.AddArticle(article, *gold, extraction->assertions);
  }
  return scorer.report();
}

}  // namespace kg::eval
