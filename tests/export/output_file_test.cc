// OutputFile: the file takes its name only when finished and committed, an unfinished one leaves nothing
// behind (and an older file of that name untouched), another export's temporary file is not touched, and
// a file that cannot be created names itself and the reason.
#include "export/output_file.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace kg::exporter {
namespace {

using OutputFileTest = testing::TempDirTest;

TEST_F(OutputFileTest, TheFileTakesItsNameOnlyWhenCommitted) {
  const std::string path = Path("graph.nt");
  OutputFile file(path);
  ASSERT_TRUE(file.Open().ok());
  file.stream() << "<a> <b> <c> .\n";
  file.stream().flush();
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_TRUE(std::filesystem::exists(path + ".tmp"));
  ASSERT_TRUE(file.Commit().ok());
  EXPECT_EQ(testing::ReadFileBytes(path), "<a> <b> <c> .\n");
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST_F(OutputFileTest, AnUnfinishedFileLeavesTheOldOneAsItWas) {
  const std::string path = WriteFile("graph.nt", "old\n");
  {
    OutputFile file(path);
    ASSERT_TRUE(file.Open().ok());
    file.stream() << "new, but never committed\n";
  }
  EXPECT_EQ(testing::ReadFileBytes(path), "old\n");
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));

  // Finished but not renamed (as when a second file of a CSV export fails): the same.
  {
    OutputFile file(path);
    ASSERT_TRUE(file.Open().ok());
    file.stream() << "new\n";
    ASSERT_TRUE(file.Finish().ok());
  }
  EXPECT_EQ(testing::ReadFileBytes(path), "old\n");
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST_F(OutputFileTest, OnlyAFinishedFileTakesItsName) {
  const std::string path = WriteFile("graph.nt", "old\n");
  OutputFile file(path);
  ASSERT_TRUE(file.Open().ok());
  file.stream() << "new\n";
  Status renamed = file.Rename();
  EXPECT_EQ(renamed.message(), "cannot write " + path + ": the file was not written completely");
  EXPECT_EQ(testing::ReadFileBytes(path), "old\n");
  ASSERT_TRUE(file.Finish().ok());
  EXPECT_EQ(file.Finish().message(), "writing " + path + " failed: already finished");
  ASSERT_TRUE(file.Rename().ok());
  EXPECT_EQ(testing::ReadFileBytes(path), "new\n");
}

TEST_F(OutputFileTest, ATemporaryFileItDidNotCreateIsLeftAlone) {
  // Another export's NAME.tmp, while this one failed before opening its own.
  const std::string path = Path("edges.csv");
  WriteFile("edges.csv.tmp", "someone else's\n");
  { OutputFile file(path); }
  EXPECT_EQ(testing::ReadFileBytes(path + ".tmp"), "someone else's\n");
}

TEST_F(OutputFileTest, AFileThatCannotBeCreatedNamesItselfAndTheReason) {
  const std::string path = Path("missing/graph.nt");
  OutputFile file(path);
  Status opened = file.Open();
  EXPECT_EQ(opened.code(), StatusCode::kIoError);
  EXPECT_EQ(opened.message(), "cannot write " + path + ": No such file or directory");
}

}  // namespace
}  // namespace kg::exporter
