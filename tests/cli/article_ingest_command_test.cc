// `kg ingest ARTICLE.txt|.md|.html`: articles go through the extractor as documents, with their own
// summary table; unchanged articles are no-ops, edited ones replace their facts, bad ones are rejected.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/cli_test_support.h"
#include "test_support.h"

namespace kg::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kArticle =
    "Quorvia Data grows in Kenya\n\n"
    "Nairobi, 3 June 2025 – Quorvia Data will invest 2 billion dollars in Kenya.\n\n"
    "Quorvia Data is headquartered in Lyon.\n";

class ArticleIngestCommandTest : public CliStoreTest {};

TEST_F(ArticleIngestCommandTest, ArticleIsAddedThenUnchangedThenReplaced) {
  const std::string path = WriteFile("quorvia.txt", kArticle);
  Outcome first = Kg({"--format", "tsv", "ingest", path});
  ASSERT_EQ(first.code, kExitOk) << first.err;
  EXPECT_THAT(first.out, HasSubstr("article\tchange\tlang\ttitle\tfacts\tadded\tkept\tremoved"));
  EXPECT_THAT(first.out, HasSubstr(path + "\tadded\ten\tQuorvia Data grows in Kenya\t2\t2\t0\t0"));

  Outcome again = Kg({"ingest", path});
  ASSERT_EQ(again.code, kExitOk) << again.err;
  EXPECT_THAT(again.out, HasSubstr("unchanged"));

  std::string edited = kArticle;
  edited.replace(edited.find("Lyon"), 4, "Nantes");
  WriteFile("quorvia.txt", edited);
  Outcome replaced = Kg({"--format", "tsv", "ingest", path});
  ASSERT_EQ(replaced.code, kExitOk) << replaced.err;
  EXPECT_THAT(replaced.out, HasSubstr(path + "\treplaced\ten\tQuorvia Data grows in Kenya\t2\t1\t1\t1"));

  Outcome facts = Kg({"facts", "-p", "headquartered_in", "--format", "tsv"});
  EXPECT_THAT(facts.out, HasSubstr("Nantes"));
  EXPECT_THAT(facts.out, Not(HasSubstr("Lyon")));
  EXPECT_EQ(Kg({"check"}).code, kExitOk);
}

TEST_F(ArticleIngestCommandTest, BinaryArticleIsRejectedAndTheOthersGoIn) {
  const std::string good = WriteFile("good.txt", kArticle);
  const std::string binary = WriteFile("scan.txt", std::string("%PDF-1.7\n\0\0\x01", 12));
  Outcome r = Kg({"--format", "tsv", "ingest", binary, good});
  EXPECT_EQ(r.code, kExitRejected) << r.err;
  EXPECT_THAT(r.err, HasSubstr(binary + ": binary data"));
  EXPECT_THAT(r.out, HasSubstr(binary + "\trejected"));
  EXPECT_THAT(r.out, HasSubstr(good + "\tadded"));
  EXPECT_EQ(Kg({"check"}).code, kExitOk);
}

TEST_F(ArticleIngestCommandTest, ArticlesAndJsonlMixInOneCommand) {
  const std::string article = WriteFile("quorvia.md", std::string("# Quorvia\n\n") + kArticle);
  const std::string jsonl =
      WriteFile("more.jsonl", R"({"subject":"Quorvia Data","predicate":"acquires","object":"Lumo Labs"})" "\n");
  Outcome r = Kg({"--format", "tsv", "ingest", article, jsonl});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_THAT(r.out, HasSubstr("input\tlines\taccepted"));
  EXPECT_THAT(r.out, HasSubstr(article + "\tadded\ten\tQuorvia\t"));
  Outcome stats = Kg({"stats"});
  EXPECT_THAT(stats.out, HasSubstr("\"facts\": 3"));
}

TEST_F(ArticleIngestCommandTest, ArticlesAreNotReadFromStandardInput) {
  Outcome r = Kg({"ingest", "-", "--input-format", "txt"}, kArticle);
  EXPECT_EQ(r.code, kExitUsage) << r.err;
  EXPECT_THAT(r.err, HasSubstr("standard input"));
}

}  // namespace
}  // namespace kg::cli
