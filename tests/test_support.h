// Shared test fixtures: a fresh temporary directory per test, and paths into the source tree.
#ifndef KG_TESTS_TEST_SUPPORT_H_
#define KG_TESTS_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace kg::testing {

// The kg source tree (for schemas/ and tests/data/) and the built kg binary.
std::string SourcePath(const std::string& relative);
std::string KgBinary();

// The library example program tools/examples/who_invested_where.
std::string ExampleBinary();

// Runs `command` through the shell and returns what it printed on stdout; `exit_code` gets its status.
std::string RunCommand(const std::string& command, int* exit_code);

// The whole content of the file at `path`, as bytes; empty when it cannot be read.
std::string ReadFileBytes(const std::string& path);

// A test whose `dir()` is a new empty directory, removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  const std::filesystem::path& dir() const { return dir_; }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  // Writes `content` to a file in dir() and returns its path.
  std::string WriteFile(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace kg::testing

#endif  // KG_TESTS_TEST_SUPPORT_H_
