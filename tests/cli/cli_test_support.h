// The in-process harness of the CLI tests: run `kg --db <temp>/kg.db ARGS…` through kg::cli::Run with
// string streams and get back the exit code and both outputs.
#ifndef KG_TESTS_CLI_CLI_TEST_SUPPORT_H_
#define KG_TESTS_CLI_CLI_TEST_SUPPORT_H_

#include <sstream>
#include <string>
#include <vector>

#include "kg/cli.h"
#include "test_support.h"

namespace kg::cli {

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

class CliStoreTest : public testing::TempDirTest {
 protected:
  // Runs kg on the test's store, with `input` as stdin.
  Outcome Kg(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--db", Path("kg.db")});
    std::istringstream in(input);
    std::ostringstream out, err;
    int code = cli::Run(args, in, out, err);
    return {code, out.str(), err.str()};
  }

  // Ingests a file of the source tree (such as tests/data/query/fixture.jsonl) into the test's store.
  void IngestSourceFile(const std::string& relative) {
    Outcome r = Kg({"ingest", testing::SourcePath(relative)});
    ASSERT_EQ(r.code, kExitOk) << r.err;
  }
};

}  // namespace kg::cli

#endif  // KG_TESTS_CLI_CLI_TEST_SUPPORT_H_
