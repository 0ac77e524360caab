// The export's integer forms must match std::to_string.
#include "export/field_text.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>


namespace kg::exporter {
namespace {

TEST(FieldTextTest, IntegersMatchToString) {
  for (uint64_t v : {uint64_t{0}, uint64_t{7}, uint64_t{1234567890}, std::numeric_limits<uint64_t>::max()}) {
    std::string out = "x";
    AppendUnsigned(&out, v);
    EXPECT_EQ(out, "x" + std::to_string(v));
  }
  for (int64_t v : {int64_t{0}, int64_t{-5}, int64_t{9007199254740991}, std::numeric_limits<int64_t>::min()}) {
    std::string out;
    AppendSigned(&out, v);
    EXPECT_EQ(out, std::to_string(v));
  }
}

}  // namespace
}  // namespace kg::exporter
