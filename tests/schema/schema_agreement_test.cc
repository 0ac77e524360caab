// Checks kg's hand-written validator against a real JSON Schema 2020-12 validator: every line of
// tests/data/schema_fixtures/valid.jsonl and every case of tests/data/bad_input goes through both kg and
// tests/schema/validate_with_jsonschema.py (python3-jsonschema), and the verdicts must match line by line.
//
// Left out: the line over 1 MiB, which bad_input_corpus_test.cc makes in code. Padded with spaces, a valid
// assertion stays valid to the schema, so its rejection is kg's own limit. The nesting cases stay in: no
// field of the schema nests deeper than two levels, so it rejects them as well.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "schema/assertion_json.h"
#include "test_support.h"

namespace kg {
namespace {

constexpr char kPython[] = "/usr/bin/python3";

struct FixtureLine {
  std::string origin;  // file, and line number within it
  std::string text;
  bool valid = false;  // what both validators must say
};

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<FixtureLine> LoadFixtures() {
  std::vector<FixtureLine> fixtures;
  const std::string valid_path = "tests/data/schema_fixtures/valid.jsonl";
  std::vector<std::string> valid = SplitLines(testing::ReadFileBytes(testing::SourcePath(valid_path)));
  for (size_t i = 0; i < valid.size(); ++i) {
    fixtures.push_back({valid_path + ":" + std::to_string(i + 1), valid[i], true});
  }
  std::vector<std::filesystem::path> bad_files;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SourcePath("tests/data/bad_input"))) {
    if (entry.path().extension() == ".jsonl") bad_files.push_back(entry.path());
  }
  std::sort(bad_files.begin(), bad_files.end());
  for (const auto& path : bad_files) {
    for (const std::string& line : SplitLines(testing::ReadFileBytes(path.string()))) {
      fixtures.push_back({"tests/data/bad_input/" + path.filename().string(), line, false});
    }
  }
  return fixtures;
}

struct Verdict {
  bool valid = false;
  std::string reason;
};

Verdict KgVerdict(const std::string& line) {
  auto parsed = schema::ParseAssertionLine(line, schema::PredicateVocabulary::Builtin(), schema::ParseLimits{});
  if (const auto* error = std::get_if<schema::LineError>(&parsed)) return {false, error->ToString()};
  return {true, ""};
}

// "valid" or "invalid<TAB>reason", one per line, as the script prints them.
Verdict ParsePythonVerdict(const std::string& output_line) {
  size_t tab = output_line.find('\t');
  std::string word = output_line.substr(0, tab);
  std::string reason = tab == std::string::npos ? "" : output_line.substr(tab + 1);
  if (word != "valid" && word != "invalid") ADD_FAILURE() << "unexpected script output: " << output_line;
  return {word == "valid", reason};
}

class SchemaAgreementTest : public testing::TempDirTest {
 protected:
  // Runs the script over `input`; fails the test with the script's own message when it cannot run.
  std::vector<std::string> RunScript(const std::string& input) {
    // The setup script installs python3 and python3-jsonschema: missing, they are a broken machine, and
    // a skipped test would hide that kg's validator has lost its second opinion.
    if (access(kPython, X_OK) != 0) {
      ADD_FAILURE() << kPython << " is missing; install it with: apt-get install python3 python3-jsonschema";
      return {};
    }
    std::string script = testing::SourcePath("tests/schema/validate_with_jsonschema.py");
    std::string errors = Path("stderr.txt");
    std::string command = std::string(kPython) + " '" + script + "' '" + input + "' 2>'" + errors + "'";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
      ADD_FAILURE() << "popen failed: " << command;
      return {};
    }
    std::string output;
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    int status = pclose(pipe);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      ADD_FAILURE() << command << " failed (wait status " << status << "):\n" << testing::ReadFileBytes(errors);
      return {};
    }
    return SplitLines(output);
  }
};

TEST_F(SchemaAgreementTest, KgAndJsonSchemaValidatorAgreeOnEveryFixtureLine) {
  std::vector<FixtureLine> fixtures = LoadFixtures();
  size_t valid_count = std::count_if(fixtures.begin(), fixtures.end(), [](const FixtureLine& f) { return f.valid; });
  ASSERT_GE(valid_count, 30u);
  ASSERT_GE(fixtures.size() - valid_count, 50u);

  std::string input_text;
  for (const FixtureLine& f : fixtures) input_text += f.text + "\n";
  std::vector<std::string> output = RunScript(WriteFile("fixtures.jsonl", input_text));
  ASSERT_EQ(output.size(), fixtures.size()) << "the script must print one verdict per line";

  for (size_t i = 0; i < fixtures.size(); ++i) {
    const FixtureLine& f = fixtures[i];
    Verdict kg = KgVerdict(f.text);
    Verdict python = ParsePythonVerdict(output[i]);
    EXPECT_EQ(kg.valid, python.valid) << f.origin
                                      << ": kg and jsonschema disagree\n  kg: " << (kg.valid ? "valid" : kg.reason)
                                      << "\n  jsonschema: " << (python.valid ? "valid" : python.reason);
    EXPECT_EQ(kg.valid, f.valid) << f.origin << ": kg says " << (kg.valid ? "valid" : kg.reason);
    EXPECT_EQ(python.valid, f.valid) << f.origin << ": jsonschema says " << (python.valid ? "valid" : python.reason);
  }
}

}  // namespace
}  // namespace kg
