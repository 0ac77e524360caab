// RowPrinter, which every data-printing command writes through: TSV escapes the way PostgreSQL's COPY
// does, CSV quotes as RFC 4180 says, numbers print as printf's "%.15g" would, and JSON keeps types.
#include "kg/row_output.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace kg::cli {
namespace {

std::string Print(Format format, const std::vector<std::vector<Cell>>& rows) {
  std::ostringstream out;
  RowPrinter printer({"name", "amount", "note"}, format, out);
  for (const auto& row : rows) printer.Add(row);
  printer.Finish();
  return out.str();
}

const std::vector<std::vector<Cell>> kRows = {
    {std::string("Microsoft"), 1.9e9, std::string("plain")},
    {std::string("Tab\there"), 0.1, std::string("line\nbreak\r and \\ backslash")},
    {std::string("Quote \"and\", comma"), 1e16, Cell{}},
    {std::string(""), int64_t{42}, JsonText{"[1,2]"}},
};

TEST(RowOutputTest, TsvEscapesTabsLineBreaksAndBackslashes) {
  EXPECT_EQ(Print(Format::kTsv, kRows),
            "name\tamount\tnote\n"
            "Microsoft\t1900000000\tplain\n"
            "Tab\\there\t0.1\tline\\nbreak\\r and \\\\ backslash\n"
            "Quote \"and\", comma\t1e+16\t\n"
            "\t42\t[1,2]\n");
}

TEST(RowOutputTest, CsvQuotesFieldsThatNeedIt) {
  EXPECT_EQ(Print(Format::kCsv, kRows),
            "name,amount,note\r\n"
            "Microsoft,1900000000,plain\r\n"
            "Tab\there,0.1,\"line\nbreak\r and \\ backslash\"\r\n"
            "\"Quote \"\"and\"\", comma\",1e+16,\r\n"
            ",42,\"[1,2]\"\r\n");
}

TEST(RowOutputTest, ShortRowsAndNumbersPrintLikePrintf) {
  // A row shorter than the columns leaves the rest empty.
  EXPECT_EQ(Print(Format::kTsv, {{std::string("only")}}), "name\tamount\tnote\nonly\t\t\n");
  for (double d : {0.0, -2.5, 1234567.891, 1e-5, 123456789012345678.0, 3.2e9}) {
    char expected[64];
    std::snprintf(expected, sizeof expected, "%.15g", d);
    EXPECT_EQ(CellText(Cell(d)), expected) << d;
  }
}

TEST(RowOutputTest, JsonlKeepsTypes) {
  EXPECT_EQ(Print(Format::kJsonl, {kRows[0], kRows[3]}),
            "{\"name\":\"Microsoft\",\"amount\":1900000000.0,\"note\":\"plain\"}\n"
            "{\"name\":\"\",\"amount\":42,\"note\":[1,2]}\n");
}

}  // namespace
}  // namespace kg::cli
