// TableWriter: the first rows set the column widths and are printed once there are enough of them; later
// rows are printed as they come, in those widths, and a wider later cell is printed whole.
#include "kg/table_writer.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace kg::cli {
namespace {

TEST(TableWriterTest, PrintsTheSampleOnceFullThenEachRowAsItComes) {
  std::ostringstream out;
  TableWriter table({"name", "n"}, out, /*sample_rows=*/2);
  table.Add({"Microsoft", "1"});
  EXPECT_EQ(out.str(), "");  // held: the widths are not known yet
  table.Add({"Spain", "22"});
  const std::string head =
      "name       n\n"
      "---------  --\n"
      "Microsoft  1\n"
      "Spain      22\n";
  EXPECT_EQ(out.str(), head);
  table.Add({"OpenAI", "3"});
  EXPECT_EQ(out.str(), head + "OpenAI     3\n");  // printed at once, in the sample's widths
  table.Add({"A much longer name", "4"});            // wider than its column: whole, the rest pushed right
  table.Finish();
  EXPECT_EQ(out.str(), head +
                           "OpenAI     3\n"
                           "A much longer name  4\n"
                           "(4 rows)\n");
}

TEST(TableWriterTest, AShortResultIsAlignedToAllItsRows) {
  std::ostringstream out;
  TableWriter table({"a", "b"}, out);
  table.Add({"x", "y"});
  table.Add({"longer", ""});
  table.Finish();
  EXPECT_EQ(out.str(),
            "a       b\n"
            "------  -\n"
            "x       y\n"
            "longer  \n"
            "(2 rows)\n");
  std::ostringstream empty;
  TableWriter none({"col"}, empty);
  none.Finish();
  EXPECT_EQ(empty.str(), "col\n---\n(0 rows)\n");
}

TEST(TableWriterTest, HoldsAtMostTheSample) {
  // 1,001 rows of a result: the first 1,000 set the widths, and the 1,001st goes out at once.
  std::ostringstream out;
  TableWriter table({"n"}, out);
  for (int i = 0; i < 1000; ++i) table.Add({std::to_string(i % 10)});
  const size_t printed = out.str().size();
  EXPECT_GT(printed, 0u);
  table.Add({"12345"});
  EXPECT_EQ(out.str().substr(printed), "12345\n");
}

}  // namespace
}  // namespace kg::cli
