#include "test_support.h"

#include <fstream>
#include <sstream>
#include <random>

namespace kg::testing {

std::string SourcePath(const std::string& relative) { return std::string(KG_SOURCE_DIR) + "/" + relative; }

std::string KgBinary() { return KG_BINARY; }

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
