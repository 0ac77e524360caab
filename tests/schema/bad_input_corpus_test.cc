// Runs the bad-input corpus (tests/data/bad_input, described in its README.md) through the line parser and
// through a real store. Each line must be rejected at the exact column and field that expected.tsv gives,
// with a reason that says why, and none of it may reach the graph.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kg/graph_store.h"
#include "schema/assertion_json.h"
#include "test_support.h"

namespace kg {
namespace {

constexpr size_t kMinCases = 50;
constexpr size_t kMaxLineBytes = 1 << 20;

struct BadCase {
  std::string file;
  int column = 0;
  std::string field;
  std::string reason;  // a substring of the reason kg gives
  std::string line;    // the file's one line, without its newline
};

std::string CorpusPath(const std::string& name) { return testing::SourcePath("tests/data/bad_input/" + name); }

std::vector<std::string> SplitTabs(const std::string& row) {
  std::vector<std::string> cells;
  std::istringstream in(row);
  for (std::string cell; std::getline(in, cell, '\t');) cells.push_back(cell);
  return cells;
}

// Reads expected.tsv and the line of each case. A malformed manifest or case file fails the calling test.
std::vector<BadCase> LoadCorpus() {
  std::vector<BadCase> cases;
  std::istringstream manifest(testing::ReadFileBytes(CorpusPath("expected.tsv")));
  std::string row;
  std::getline(manifest, row);
  EXPECT_EQ(row, "file\tcolumn\tfield\treason_substring") << "expected.tsv must start with its header";
  while (std::getline(manifest, row)) {
    std::vector<std::string> cells = SplitTabs(row);
    if (cells.size() != 4) {
      ADD_FAILURE() << "expected.tsv: want 4 tab-separated cells, got: " << row;
      continue;
    }
    BadCase c{cells[0], std::stoi(cells[1]), cells[2], cells[3], testing::ReadFileBytes(CorpusPath(cells[0]))};
    // One line per file, so that the store test can put them all in one stream.
    if (c.line.empty() || c.line.back() != '\n' || std::count(c.line.begin(), c.line.end(), '\n') != 1) {
      ADD_FAILURE() << c.file << ": must hold exactly one line ending in a newline";
      continue;
    }
    c.line.pop_back();
    cases.push_back(std::move(c));
  }
  return cases;
}

// A valid assertion padded with spaces (which JSON allows anywhere between tokens) to `bytes` bytes.
std::string ValidLineOfSize(size_t bytes) {
  std::string line = R"({"subject":"Acme","predicate":"acquires","object":"Widgets Ltd"})";
  line.insert(1, bytes - line.size(), ' ');
  return line;
}

schema::ParsedLine Parse(const std::string& line) {
  return schema::ParseAssertionLine(line, schema::PredicateVocabulary::Builtin(), schema::ParseLimits{});
}

TEST(BadInputCorpusTest, HasEnoughCases) { EXPECT_GE(LoadCorpus().size(), kMinCases); }

TEST(BadInputCorpusTest, EveryCaseFileIsInTheManifest) {
  std::set<std::string> listed;
  for (const BadCase& c : LoadCorpus()) EXPECT_TRUE(listed.insert(c.file).second) << c.file << " is listed twice";
  for (const auto& entry : std::filesystem::directory_iterator(CorpusPath(""))) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".jsonl") EXPECT_TRUE(listed.count(name)) << name << " is not in expected.tsv";
  }
}

TEST(BadInputCorpusTest, EachLineIsRejectedAtTheExpectedColumnAndField) {
  for (const BadCase& c : LoadCorpus()) {
    SCOPED_TRACE(c.file);
    schema::ParsedLine parsed = Parse(c.line);
    ASSERT_TRUE(std::holds_alternative<schema::LineError>(parsed)) << "accepted: " << c.line;
    const auto& error = std::get<schema::LineError>(parsed);
    EXPECT_EQ(error.column, c.column) << error.ToString();
    EXPECT_EQ(error.field, c.field) << error.ToString();
    EXPECT_NE(error.reason.find(c.reason), std::string::npos)
        << "reason \"" << error.reason << "\" does not contain \"" << c.reason << "\"";
    // The reason ends up on one line of kg's output, whatever the input held.
    EXPECT_EQ(error.reason.find('\n'), std::string::npos) << error.reason;
  }
}

// Too big to check in, so made here: kg refuses to read past 1 MiB on one line, valid or not.
TEST(BadInputCorpusTest, LineOverOneMebibyteIsRejectedAtColumnOne) {
  schema::ParsedLine parsed = Parse(ValidLineOfSize(kMaxLineBytes + 1));
  ASSERT_TRUE(std::holds_alternative<schema::LineError>(parsed));
  const auto& error = std::get<schema::LineError>(parsed);
  EXPECT_EQ(error.ToString(), "1: line: line is 1048577 bytes, over the limit of 1048576");

  EXPECT_TRUE(std::holds_alternative<Assertion>(Parse(ValidLineOfSize(kMaxLineBytes))));
}

class BadInputIngestTest : public testing::TempDirTest {};

// One line of the stream given to IngestJsonl, with what kg must say about it.
struct StreamLine {
  std::string text;
  bool good = false;
  std::string expected_prefix;  // "bad_input.jsonl:<line>:<column>: <field>: " for a bad line
  std::string reason;
};

// A good line that creates a fact of its own: two new entities and one new source.
std::string GoodLine(int n) {
  std::string id = std::to_string(n);
  return R"({"subject":"Good Investor )" + id + R"(","predicate":"invests_in","object":"Good Target )" + id +
         R"(","source":{"uri":"https://example.test/good/)" + id + R"("}})";
}

TEST_F(BadInputIngestTest, StoreRejectsEveryBadLineAndKeepsOnlyTheGoodOnes) {
  std::vector<BadCase> cases = LoadCorpus();
  ASSERT_GE(cases.size(), kMinCases);
  cases.push_back(
      {"(generated overlong line)", 1, "line", "over the limit of 1048576", ValidLineOfSize(kMaxLineBytes + 1)});

  auto store = GraphStore::Open(dir().string(), OpenMode::kReadWrite);
  ASSERT_TRUE(store.ok()) << store.status().ToString();

  // IngestReport keeps the first 100 messages, so the corpus goes in as several inputs of fewer bad lines,
  // each with good lines before, between and after them.
  constexpr size_t kBadPerInput = 40;
  constexpr size_t kBadBetweenGood = 7;
  int good_total = 0;
  for (size_t first = 0; first < cases.size(); first += kBadPerInput) {
    std::vector<StreamLine> lines;
    auto add_good = [&] { lines.push_back({GoodLine(++good_total), true, "", ""}); };
    size_t last = std::min(cases.size(), first + kBadPerInput);
    for (size_t i = first; i < last; ++i) {
      if ((i - first) % kBadBetweenGood == 0) add_good();
      const BadCase& c = cases[i];
      std::string prefix = "bad_input.jsonl:" + std::to_string(lines.size() + 1) + ":" + std::to_string(c.column) +
                           ": " + c.field + ": ";
      lines.push_back({c.line, false, prefix, c.reason});
    }
    add_good();

    std::string stream_text;
    for (const StreamLine& line : lines) stream_text += line.text + "\n";
    std::istringstream in(stream_text);
    auto report = (*store)->IngestJsonl(in, "bad_input.jsonl", IngestOptions{});
    ASSERT_TRUE(report.ok()) << report.status().ToString();

    size_t good = std::count_if(lines.begin(), lines.end(), [](const StreamLine& l) { return l.good; });
    size_t bad = lines.size() - good;
    EXPECT_EQ(report->lines, lines.size());
    EXPECT_EQ(report->new_facts, good);
    EXPECT_EQ(report->accepted(), good);
    EXPECT_EQ(report->rejected, bad);
    EXPECT_FALSE(report->stopped_early);
    ASSERT_EQ(report->errors.size(), bad);
    size_t next_error = 0;
    for (const StreamLine& line : lines) {
      if (line.good) continue;
      const std::string& message = report->errors[next_error++];
      EXPECT_TRUE(message.starts_with(line.expected_prefix))
          << "want prefix " << line.expected_prefix << "\n got " << message.substr(0, 300);
      EXPECT_NE(message.find(line.reason, line.expected_prefix.size()), std::string::npos)
          << "want reason containing \"" << line.reason << "\"\n got " << message.substr(0, 300);
    }
  }

  auto stats = (*store)->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->facts, static_cast<uint64_t>(good_total));
  EXPECT_EQ(stats->evidence, static_cast<uint64_t>(good_total));
  EXPECT_EQ(stats->entities, static_cast<uint64_t>(2 * good_total));
  EXPECT_EQ(stats->sources, static_cast<uint64_t>(good_total));

  auto check = (*store)->Check();
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  for (const std::string& problem : check->problems) ADD_FAILURE() << "kg check: " << problem;
  EXPECT_TRUE(check->ok());
}

}  // namespace
}  // namespace kg
