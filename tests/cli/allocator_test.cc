// Which allocator the kg binary runs on, and with which settings (tools/allocator/jemalloc_config.cc).
// jemalloc prints its options at exit when MALLOC_CONF asks for stats_print; the settings compiled
// into the binary must show there, and a build without jemalloc must print nothing.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "test_support.h"

namespace kg::testing {
namespace {

// What `kg --help` writes to stderr when MALLOC_CONF asks jemalloc for its statistics at exit.
std::string AllocatorReport() {
  int code = 0;
  std::string report = RunCommand("MALLOC_CONF=stats_print:true " + KgBinary() + " --help 2>&1 >/dev/null", &code);
  EXPECT_EQ(code, 0) << report;
  return report;
}

#ifdef KG_JEMALLOC_CONF

TEST(AllocatorTest, KgRunsOnJemallocWithTheCompiledSettings) {
  const std::string report = AllocatorReport();
  ASSERT_NE(report.find("jemalloc statistics"), std::string::npos) << report.substr(0, 400);
  // Each "name:value" of the compiled configuration is in force, as jemalloc reports it: "opt.name: value".
  std::istringstream settings(KG_JEMALLOC_CONF);
  std::string setting;
  int checked = 0;
  while (std::getline(settings, setting, ',')) {
    const size_t colon = setting.find(':');
    ASSERT_NE(colon, std::string::npos) << setting;
    const std::string expected = "opt." + setting.substr(0, colon) + ": " + setting.substr(colon + 1);
    // Some options are followed by their arena's value in brackets: "opt.dirty_decay_ms: 30000 (arenas…)".
    const bool found = report.find("  " + expected + "\n") != std::string::npos ||
                       report.find("  " + expected + " (") != std::string::npos;
    EXPECT_TRUE(found)
        << expected << " not in force; jemalloc reported:\n"
        << report.substr(0, 2000);
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST(AllocatorTest, TheEnvironmentStillOverridesTheCompiledSettings) {
  // MALLOC_CONF is read after the compiled string, so a user can tune a run without a rebuild.
  int code = 0;
  const std::string report = RunCommand(
      "MALLOC_CONF=stats_print:true,dirty_decay_ms:1234 " + KgBinary() + " --help 2>&1 >/dev/null", &code);
  EXPECT_EQ(code, 0);
  EXPECT_NE(report.find("  opt.dirty_decay_ms: 1234 "), std::string::npos) << report.substr(0, 2000);
}

#else

TEST(AllocatorTest, KgRunsOnTheSystemAllocatorWhenBuiltWithoutJemalloc) {
  EXPECT_EQ(AllocatorReport().find("jemalloc"), std::string::npos);
}

#endif

}  // namespace
}  // namespace kg::testing
