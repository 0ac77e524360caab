#include "test_support.h"

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <random>

namespace kg::testing {

std::string SourcePath(const std::string& relative) { return std::string(KG_SOURCE_DIR) + "/" + relative; }

std::string KgBinary() { return KG_BINARY; }
std::string ExampleBinary() { return KG_EXAMPLE_BINARY; }

std::string RunCommand(const std::string& command, int* exit_code) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    *exit_code = -1;
    return output;
  }
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof(buffer), pipe)) output.append(buffer, n);
  const int status = pclose(pipe);
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void TempDirTest::SetUp() {
  std::random_device random;
  dir_ = std::filesystem::temp_directory_path() / ("kg_test_" + std::to_string(random()) + std::to_string(random()));
  std::filesystem::create_directories(dir_);
}

void TempDirTest::TearDown() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string TempDirTest::WriteFile(const std::string& name, const std::string& content) const {
  std::string path = Path(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace kg::testing
