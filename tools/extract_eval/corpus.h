// The files an evaluation reads: gold and predicted JSONL per article, and the SPLIT.md that says which
// articles are for tuning and which are held out for testing.
//
// Article X has its gold facts in GOLD_DIR/X.gold.jsonl and the extractor's in PRED_DIR/X.jsonl. Lines
// are kg assertions (schemas/assertion.schema.json); blank lines are skipped. Stateless functions, safe
// to call from any thread.
#ifndef KG_TOOLS_EXTRACT_EVAL_CORPUS_H_
#define KG_TOOLS_EXTRACT_EVAL_CORPUS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract_eval/scoring.h"
#include "kg/model.h"
#include "kg/status.h"

namespace kg::eval {

// Parses JSONL `text` read from `file_name`. Gold facts must use the vocabulary's predicates; predicted
// facts may use others (`allow_new_predicates`), which can only be false positives. On the first bad
// line returns InvalidArgument "file_name:line:column: field: reason".
[[nodiscard]] Result<std::vector<Assertion>> ParseFacts(std::string_view text, const std::string& file_name,
                                                        bool allow_new_predicates);

// ParseFacts on the content of `path`. NotFound when the file does not exist, IoError when it cannot be
// read.
[[nodiscard]] Result<std::vector<Assertion>> ReadFacts(const std::string& path, bool allow_new_predicates);

// The article names X of every X.gold.jsonl in `gold_dir`, sorted. NotFound when the directory does not
// exist, InvalidArgument when it holds no gold file.
[[nodiscard]] Result<std::vector<std::string>> ListGoldArticles(const std::string& gold_dir);

struct SplitLists {
  std::vector<std::string> tune;
  std::vector<std::string> test;
};

// Reads the article names (like "fr_03") listed under a "## ... TUNE ..." and a "## ... TEST ..." heading
// of a SPLIT.md document; other sections are ignored. InvalidArgument when either list is empty or an
// article is in both.
[[nodiscard]] Result<SplitLists> ParseSplit(std::string_view markdown);

// Where SPLIT.md is for `gold_dir`: in it, else in its parent. Empty when neither has one.
std::string FindSplitFile(const std::string& gold_dir);

// Scores `articles` (names as from ListGoldArticles). A missing prediction file counts as an empty one
// and adds a line to `warnings`. Errors from reading any file are returned as they are.
[[nodiscard]] Result<Report> Evaluate(const std::string& gold_dir, const std::string& predicted_dir,
                                      const std::vector<std::string>& articles,
                                      std::vector<std::string>* warnings);

// Scores `articles` with kg's built-in extractor (extract::ExtractArticle) run on GOLD_DIR/X.txt instead
// of reading predictions. NotFound when an article's text is missing; the extractor's errors are returned
// prefixed with the file name.
[[nodiscard]] Result<Report> EvaluateBuiltin(const std::string& gold_dir, const std::vector<std::string>& articles);

}  // namespace kg::eval

#endif  // KG_TOOLS_EXTRACT_EVAL_CORPUS_H_
