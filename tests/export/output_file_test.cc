// OutputFile: the file takes its name only when finished and committed, an unfinished one leaves nothing
// behind (and an older file of that name untouched), even when its process is killed, another export's
// temporary file is neither replaced nor removed, and a file that cannot be created names itself and the
// reason.
#include "export/output_file.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

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
  EXPECT_EQ(std::filesystem::exists(path + ".tmp"), !file.unnamed());
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

TEST_F(OutputFileTest, AKilledWriterLeavesNothingBehind) {
  {
    OutputFile probe(Path("probe"));
    ASSERT_TRUE(probe.Open().ok());
    if (!probe.unnamed()) GTEST_SKIP() << "this file system has no unnamed files (O_TMPFILE)";
  }
  WriteFile("graph.nt", "old\n");
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Killed mid-export: the process ends with the file open and its writing thread at work.
    OutputFile file(Path("graph.nt"));
    if (!file.Open().ok()) ::_exit(2);
    const std::string chunk(1 << 16, 'x');
    for (int i = 0; i < 48; ++i) file.stream().write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    file.stream().flush();
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir())) names.push_back(entry.path().filename());
  EXPECT_EQ(names, std::vector<std::string>{"graph.nt"});
  EXPECT_EQ(testing::ReadFileBytes(Path("graph.nt")), "old\n");
}

TEST_F(OutputFileTest, AnotherExportsTemporaryFileIsNeitherReplacedNorRemoved) {
  // NAME.tmp of an export still being written by an earlier kg, which always wrote there.
  const std::string path = Path("graph.nt");
  WriteFile("graph.nt.tmp", "another export's\n");
  OutputFile file(path);
  ASSERT_TRUE(file.Open().ok());
  if (!file.unnamed()) GTEST_SKIP() << "this file system has no unnamed files (O_TMPFILE); NAME.tmp is shared";
  file.stream() << "new\n";
  WriteFile("graph.nt.tmp", "another export's, rewritten\n");  // it goes on writing meanwhile
  ASSERT_TRUE(file.Commit().ok());
  EXPECT_EQ(testing::ReadFileBytes(path), "new\n");
  EXPECT_EQ(testing::ReadFileBytes(path + ".tmp"), "another export's, rewritten\n");
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir())) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"graph.nt", "graph.nt.tmp"}));
}

TEST_F(OutputFileTest, OpenTwiceIsRefused) {
  OutputFile file(Path("graph.nt"));
  ASSERT_TRUE(file.Open().ok());
  EXPECT_EQ(file.Open().message(), "cannot write " + Path("graph.nt") + ": the file is already open");
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
