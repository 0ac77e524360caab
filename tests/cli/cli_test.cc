#include "cli/cli_test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "store/store_test_support.h"
#include "test_support.h"

namespace kg::cli {
namespace {

const char* const kLines =
    R"({"subject":"Microsoft","predicate":"invests_in","object":"Espagne","amount":1.9e9,"currency":"EUR","date":"2024-02","source":{"uri":"https://a.example/1"}}
{"subject":"Microsoft","predicate":"invests_in","object":"Germany","amount":3.2e9,"currency":"EUR","date":"2024-02","source":{"uri":"https://a.example/1"}}
{"subject":"Microsoft Corp.","predicate":"invests_in","object":"Spain","amount":1.9e9,"currency":"EUR","date":"2024-02","source":{"uri":"https://b.example/9"}}
)";

class CliTest : public CliStoreTest {};

TEST_F(CliTest, IngestFromStdinReportsCountsAsTsvWhenPiped) {
  Outcome r = Kg({"ingest", "-"}, kLines);
  EXPECT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out, "input\tlines\taccepted\tnew_facts\tmerged\tduplicates\trejected\n<stdin>\t3\t3\t2\t1\t0\t0\n");
}

TEST_F(CliTest, MaxErrorsStopsTheLoadAcrossInputs) {
  const std::string bad = R"({"subject":"A","predicate":"no_such_predicate","object":"B"})" "\n";
  const std::string good = R"({"subject":"A","predicate":"acquires","object":"B"})" "\n";
  const std::string first = WriteFile("first.jsonl", good + bad + bad);
  const std::string second = WriteFile("second.jsonl", bad + good);
  Outcome r = Kg({"ingest", first, second, "--max-errors", "1", "--unit-lines", "1"});
  EXPECT_EQ(r.code, kExitRejected) << r.err;
  EXPECT_NE(r.err.find("stopped after more than 1 rejected lines"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("second.jsonl"), std::string::npos) << r.out;  // never read
  EXPECT_NE(Kg({"stats"}).out.find("\"facts\": 1"), std::string::npos);
}

TEST_F(CliTest, StatsPrintsAJsonObject) {
  Kg({"ingest", "-"}, kLines);
  Outcome r = Kg({"stats"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  auto stats = nlohmann::json::parse(r.out);
  EXPECT_EQ(stats["entities"], 3);
  EXPECT_EQ(stats["facts"], 2);
  EXPECT_EQ(stats["evidence"], 3);
  EXPECT_EQ(stats["sources"], 2);
}

TEST_F(CliTest, JsonFormatIsOneArrayOfRowObjects) {
  Kg({"ingest", "-"}, kLines);
  Outcome r = Kg({"facts", "--predicate", "invests_in", "--format", "json"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  auto rows = nlohmann::json::parse(r.out);
  ASSERT_TRUE(rows.is_array());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["subject"], "Microsoft");
  EXPECT_EQ(rows[0]["object"], "Spain");
  EXPECT_EQ(rows[0]["amount"], 1.9e9);
  EXPECT_EQ(rows[0]["sources"], 2);
  EXPECT_EQ(rows[1]["object"], "Germany");
}

TEST_F(CliTest, CsvAndJsonlFormats) {
  Kg({"ingest", "-"}, kLines);
  Outcome csv = Kg({"facts", "--format", "csv", "--object", "Espagne"});
  EXPECT_EQ(csv.out,
            "subject,predicate,object,amount,currency,date,period,evidence,sources\r\n"
            "Microsoft,invests_in,Spain,1900000000,EUR,2024-02,,2,2\r\n");
  Outcome jsonl = Kg({"facts", "--format", "jsonl", "--subject", "microsoft"});
  EXPECT_EQ(std::count(jsonl.out.begin(), jsonl.out.end(), '\n'), 2);
}

TEST_F(CliTest, EntityFindsAnyAliasAndShowsEvidence) {
  Kg({"ingest", "-"}, kLines);
  Outcome r = Kg({"entity", "España", "--format", "table"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_NE(r.out.find("Spain (Country"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ISO ES"), std::string::npos);
  EXPECT_NE(r.out.find("aliases: Espagne, Spain"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("https://b.example/9"), std::string::npos);
  EXPECT_EQ(Kg({"entity", "Atlantis"}).code, kExitNotFound);
}

TEST_F(CliTest, RejectedLinesNameFileLineColumnFieldAndExitThree) {
  std::string path = WriteFile("in.jsonl", std::string(kLines) + R"({"subject":"A","predicate":"invests_in","object":"B","currency":"euro"})" + "\n");
  Outcome r = Kg({"ingest", path, "--rejects", Path("rejects.jsonl")});
  EXPECT_EQ(r.code, kExitRejected);
  EXPECT_NE(r.err.find(path + ":4:65: currency: expected an ISO 4217 code"), std::string::npos) << r.err;
  Outcome stats = Kg({"stats"});
  EXPECT_EQ(nlohmann::json::parse(stats.out)["facts"], 2);
  EXPECT_EQ(Kg({"check"}).code, kExitOk);
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  Outcome r = Kg({"ingest"});
  EXPECT_EQ(r.code, kExitUsage);
  EXPECT_NE(r.err.find("inputs"), std::string::npos) << r.err;
  EXPECT_EQ(Kg({"stats", "--format", "xml"}).code, kExitUsage);
  EXPECT_EQ(Kg({"frobnicate"}).code, kExitUsage);
}

TEST_F(CliTest, MissingStoreIsNotFoundForReaders) {
  Outcome r = Kg({"stats"});
  EXPECT_EQ(r.code, kExitNotFound);
  EXPECT_NE(r.err.find("no kg store"), std::string::npos) << r.err;
}

TEST_F(CliTest, SecondWriterExitsFiveWithDatabaseInUse) {
  Kg({"ingest", "-"}, kLines);
  auto holder = GraphStore::Open(Path("kg.db"), OpenMode::kReadWrite);
  ASSERT_TRUE(holder.ok());
  Outcome r = Kg({"ingest", "-"}, kLines);
  EXPECT_EQ(r.code, kExitInUse);
  EXPECT_NE(r.err.find("database in use"), std::string::npos) << r.err;
  EXPECT_EQ(Kg({"stats"}).code, kExitOk);  // readers still work
}

TEST_F(CliTest, ForgetAliasMergeUnmergeAndLedger) {
  Kg({"ingest", "-"}, kLines + std::string(R"({"subject":"MSFT","predicate":"acquires","object":"Activision","source":{"uri":"https://c.example/2"}})") + "\n");
  EXPECT_EQ(Kg({"merge", "Microsoft", "MSFT"}).code, kExitOk);
  Outcome ledger = Kg({"ledger", "--format", "tsv"});
  EXPECT_EQ(ledger.out, "name\ttarget\tkind\nMSFT\tMicrosoft\tmerge\n");
  EXPECT_EQ(Kg({"facts", "--subject", "Microsoft", "--format", "jsonl"}).out.find("Activision") != std::string::npos, true);
  EXPECT_EQ(Kg({"unmerge", "MSFT"}).code, kExitOk);
  EXPECT_EQ(Kg({"facts", "--subject", "Microsoft", "--format", "jsonl"}).out.find("Activision"), std::string::npos);
  EXPECT_EQ(Kg({"alias", "Redmond giant", "Microsoft"}).code, kExitOk);
  Outcome forget = Kg({"forget", "https://a.example/1"});
  EXPECT_EQ(forget.code, kExitOk) << forget.err;
  EXPECT_EQ(forget.out, "source\tevidence_removed\tfacts_removed\tentities_removed\nhttps://a.example/1\t2\t1\t1\n");
  EXPECT_EQ(Kg({"forget", "https://a.example/1"}).code, kExitNotFound);
  EXPECT_EQ(Kg({"check"}).code, kExitOk);
}

TEST_F(CliTest, KgDbEnvironmentVariableChoosesTheStore) {
  ::setenv("KG_DB", Path("env.db").c_str(), 1);
  std::istringstream in(kLines);
  std::ostringstream out, err;
  int code = cli::Run({"ingest", "-"}, in, out, err);
  ::unsetenv("KG_DB");
  EXPECT_EQ(code, kExitOk) << err.str();
  EXPECT_TRUE(std::filesystem::exists(Path("env.db/CURRENT")));
}

TEST_F(CliTest, ExportRoundTripsThroughIngest) {
  Kg({"ingest", "-"}, kLines);
  Outcome exported = Kg({"export", "--to", "jsonl"});
  ASSERT_EQ(exported.code, kExitOk);
  std::istringstream in(exported.out);
  std::ostringstream out, err;
  ASSERT_EQ(cli::Run({"--db", Path("copy.db"), "ingest", "-"}, in, out, err), kExitOk) << err.str();
  std::istringstream none;
  std::ostringstream copy, copy_err;
  cli::Run({"--db", Path("copy.db"), "export", "--to", "jsonl"}, none, copy, copy_err);
  EXPECT_EQ(testing::SortedLines(copy.str()), testing::SortedLines(exported.out));
}

// Once end to end, as a user runs it: the real binary in a subprocess.
TEST_F(CliTest, BinaryRunsEndToEnd) {
  std::string input = WriteFile("in.jsonl", kLines);
  std::string db = Path("e2e.db");
  std::string command = testing::KgBinary() + " --db " + db + " ingest " + input + " >/dev/null && " +
                        testing::KgBinary() + " --db " + db + " facts -p invests_in --format csv && " +
                        testing::KgBinary() + " --db " + db + " check >/dev/null";
  int exit_code = 0;
  const std::string output = testing::RunCommand(command, &exit_code);
  EXPECT_EQ(exit_code, 0);
  EXPECT_NE(output.find("Microsoft,invests_in,Spain,1900000000,EUR,2024-02,,2,2"), std::string::npos) << output;
  EXPECT_NE(output.find("Microsoft,invests_in,Germany,3200000000,EUR,2024-02,,1,1"), std::string::npos) << output;
}

}  // namespace
}  // namespace kg::cli
