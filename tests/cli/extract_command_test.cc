// `kg extract`: in-process through cli::Run, and once end to end as `kg extract a.txt | kg ingest -`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "cli/cli_test_support.h"
#include "schema/assertion_json.h"
#include "schema/predicate_vocabulary.h"
#include "test_support.h"

namespace kg::cli {
namespace {

using ::testing::HasSubstr;

constexpr const char* kArticle =
    "Quorvia Data opens a plant in Recife\n"
    "2024-04-09\n"
    "Quorvia Data, the Boston-based software group, will invest $2bn in Brazil over the next three years. "
    "Its chief executive, Ana Vidal, met the Brazilian president, Rui Costa, in Brasília.\n"
    "The company will open a plant in Recife.\n";

class ExtractCommandTest : public CliStoreTest {};

TEST_F(ExtractCommandTest, PrintsValidAssertionsForEachArticle) {
  const std::string path = WriteFile("quorvia.txt", kArticle);
  Outcome r = Kg({"extract", path});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    auto parsed = schema::ParseAssertionLine(line, schema::PredicateVocabulary::Builtin(), {});
    ASSERT_TRUE(std::holds_alternative<Assertion>(parsed)) << line << "\n" << std::get<schema::LineError>(parsed).ToString();
    const Assertion& a = std::get<Assertion>(parsed);
    EXPECT_EQ(a.source_uri, path);
    EXPECT_EQ(a.source_published, "2024-04-09");
    ++count;
  }
  EXPECT_GE(count, 4);
  EXPECT_THAT(r.out, HasSubstr(R"("subject":{"name":"Quorvia Data","type":"Organization"},"predicate":"invests_in")"));
  EXPECT_THAT(r.out, HasSubstr(R"("amount":2000000000)"));
}

TEST_F(ExtractCommandTest, ErrorsNameTheFileAndOtherFilesStillRun) {
  const std::string good = WriteFile("good.txt", kArticle);
  const std::string binary = WriteFile("photo.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  Outcome r = Kg({"extract", binary, Path("missing.txt"), good});
  EXPECT_EQ(r.code, kExitNotFound);
  EXPECT_THAT(r.err, HasSubstr(binary + ": binary data, not a text article (NUL byte at offset 8)"));
  EXPECT_THAT(r.err, HasSubstr("missing.txt: cannot open"));
  EXPECT_THAT(r.out, HasSubstr("invests_in"));
}

TEST_F(ExtractCommandTest, ReadsStandardInputAndHonoursLanguageAndDate) {
  Outcome r = Kg({"extract", "-", "--lang", "en", "--date", "2021-02"}, "Quorvia Data will invest $1bn in Kenya.\n");
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_THAT(r.out, HasSubstr(R"("date":"2021-02")"));
  EXPECT_THAT(r.out, HasSubstr(R"("uri":"stdin")"));
  EXPECT_EQ(Kg({"extract", "-", "--lang", "xx"}).code, kExitUsage);
}

TEST_F(ExtractCommandTest, PipesIntoIngestEndToEnd) {
  const std::string article = WriteFile("quorvia.txt", kArticle);
  const std::string db = Path("e2e.db");
  const std::string kg = kg::testing::KgBinary();
  int code = 0;
  kg::testing::RunCommand(kg + " extract " + article + " | " + kg + " --db " + db + " ingest - >/dev/null", &code);
  ASSERT_EQ(code, 0);
  std::string facts = kg::testing::RunCommand(kg + " --db " + db + " facts --subject \"Quorvia Data\" --format tsv", &code);
  EXPECT_EQ(code, 0);
  EXPECT_THAT(facts, HasSubstr("invests_in"));
  EXPECT_THAT(facts, HasSubstr("Brazil"));
  kg::testing::RunCommand(kg + " --db " + db + " check >/dev/null", &code);
  EXPECT_EQ(code, 0);
}

}  // namespace
}  // namespace kg::cli
