// RowPrinter, which every data-printing command writes through: TSV escapes the way PostgreSQL's COPY
// does, CSV quotes as RFC 4180 says, numbers print as printf's "%.15g" would, and JSON keeps types.
#include "kg/row_output.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace kg::cli {
namespace {

std::string Print(Format format, const std::vector<std::vector<Cell>>& rows, CsvStyle csv = {}) {
  std::ostringstream out;
  RowPrinter printer({"name", "amount", "note"}, format, out, csv);
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

// A name with an escape sequence, a bell, NUL, DEL, a C1 control and a right-to-left override.
const std::vector<std::vector<Cell>> kHostile = {
    {std::string("Esc\x1b[31mRed\x07", 12), int64_t{-5}, std::string("Nul\0 Del\x7f", 9)},
    {std::string("Bidi\xE2\x80\xAE" "esreveR"), -2.5, std::string("Next\xC2\x85Line")},
};

TEST(RowOutputTest, TsvEscapesControlCharactersAsHexBytes) {
  EXPECT_EQ(Print(Format::kTsv, kHostile),
            "name\tamount\tnote\n"
            "Esc\\x1b[31mRed\\x07\t-5\tNul\\x00 Del\\x7f\n"
            "Bidi\\xe2\\x80\\xaeesreveR\t-2.5\tNext\\xc2\\x85Line\n");
}

TEST(RowOutputTest, TableShowsControlCharactersAsPictures) {
  EXPECT_EQ(Print(Format::kTable, kHostile),
            "name                 amount  note\n"
            "-------------------  ------  ----------------\n"
            "Esc\xE2\x90\x9B[31mRed\xE2\x90\x87         -5      Nul\xE2\x90\x80 Del\xE2\x90\xA1\n"
            "Bidi<U+202E>esreveR  -2.5    Next<U+0085>Line\n"
            "(2 rows)\n");
  // Line breaks and tabs too, so that every row stays on its line.
  EXPECT_EQ(Print(Format::kTable, {{std::string("a\nb\tc")}}),
            "name   amount  note\n"
            "-----  ------  ----\n"
            "a\xE2\x90\x8A" "b\xE2\x90\x89" "c          \n"
            "(1 row)\n");
}

TEST(RowOutputTest, CsvGuardsTextCellsThatStartLikeFormulasButNotNumbers) {
  const std::vector<std::vector<Cell>> rows = {
      {std::string("=HYPERLINK(\"http://evil.example\")"), int64_t{-5}, std::string("@SUM(A1:A9)")},
      {std::string("+1"), -2.5, std::string("-1, said \"x\"")},
      {std::string("\tTab"), Cell{}, std::string("\rCR")},
      {std::string("'=already"), 3.0, JsonText{"[\"=x\"]"}},
  };
  EXPECT_EQ(Print(Format::kCsv, rows),
            "name,amount,note\r\n"
            "\"'=HYPERLINK(\"\"http://evil.example\"\")\",-5,'@SUM(A1:A9)\r\n"
            "'+1,-2.5,\"'-1, said \"\"x\"\"\"\r\n"
            "'\tTab,,\"'\rCR\"\r\n"
            "'=already,3,\"[\"\"=x\"\"]\"\r\n");
  // --raw-csv: the bytes as they are.
  EXPECT_EQ(Print(Format::kCsv, rows, CsvStyle{/*guard_formulas=*/false, /*to_terminal=*/false}),
            "name,amount,note\r\n"
            "\"=HYPERLINK(\"\"http://evil.example\"\")\",-5,@SUM(A1:A9)\r\n"
            "+1,-2.5,\"-1, said \"\"x\"\"\"\r\n"
            "\tTab,,\"\rCR\"\r\n"
            "'=already,3,\"[\"\"=x\"\"]\"\r\n");
}

TEST(RowOutputTest, CsvKeepsControlBytesExceptOnATerminal) {
  EXPECT_EQ(Print(Format::kCsv, {kHostile[0]}),
            std::string("name,amount,note\r\nEsc\x1b[31mRed\x07,-5,Nul\0 Del\x7f\r\n", 45));
  EXPECT_EQ(Print(Format::kCsv, {kHostile[0]}, CsvStyle{/*guard_formulas=*/true, /*to_terminal=*/true}),
            "name,amount,note\r\n"
            "Esc\xE2\x90\x9B[31mRed\xE2\x90\x87,-5,Nul\xE2\x90\x80 Del\xE2\x90\xA1\r\n");
}

}  // namespace
}  // namespace kg::cli
