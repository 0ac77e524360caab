// Prints rows of results as an aligned table for people, or as TSV, CSV (RFC 4180), JSON (one array of
// row objects) or JSONL for programs. Every data-printing subcommand goes through here, so `--format`
// means the same everywhere.
#ifndef KG_TOOLS_ROW_OUTPUT_H_
#define KG_TOOLS_ROW_OUTPUT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "kg/table_writer.h"

namespace kg::cli {

enum class Format { kTable, kTsv, kCsv, kJson, kJsonl };

// A value that is already JSON (a boolean, list or map from a query): JSON formats embed it as it is,
// text formats print the text.
struct JsonText {
  std::string text;
};

// A cell: text, a whole number, a real number, JSON, or nothing (empty in text formats, null in JSON).
using Cell = std::variant<std::monostate, std::string, int64_t, double, JsonText>;

struct Rows {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

// What CSV output does besides RFC 4180's quoting (the other formats ignore it).
struct CsvStyle {
  // A text cell (never a number) that starts with = + - @, a tab or CR gets a ' in front, so that a
  // spreadsheet shows it instead of running it as a formula (OWASP). False keeps it as it is (--raw-csv).
  bool guard_formulas = true;
  // The output is a terminal: control and bidi characters are shown as a table shows them, since on a
  // terminal they would act instead of being read. Files and pipes get every byte.
  bool to_terminal = false;
};

// Parses "table", "tsv", "csv", "json" or "jsonl".
std::optional<Format> ParseFormat(const std::string& name);

void PrintRows(const Rows& rows, Format format, std::ostream& out, CsvStyle csv = {});

// Prints rows as they come: TSV, CSV, JSON and JSONL row by row; a table once the rows that set its
// column widths are in (see TableWriter), then row by row too. So a long query result streams in every
// format, and a caller that sees the stream fail (a closed pipe) can stop.
//
// Text never drives the reader's terminal: a table shows control characters as pictures, TSV escapes
// them (\x1b), CSV follows `CsvStyle`, and JSON escapes C0 controls as \u001b.
class RowPrinter {
 public:
  RowPrinter(std::vector<std::string> columns, Format format, std::ostream& out, CsvStyle csv = {});
  void Add(const std::vector<Cell>& row);
  // Ends the output (the table's row count, the closing bracket of a JSON array). Call once.
  void Finish();

 private:
  std::vector<std::string> columns_;
  Format format_;
  std::ostream& out_;
  CsvStyle csv_;
  uint64_t count_ = 0;
  std::unique_ptr<TableWriter> table_;  // for Format::kTable only
  std::string line_, scratch_;         // CSV and TSV: the line being built, a cell's text

  void WriteDelimited(const std::vector<Cell>& row);
};

// The text form of a cell, as table, TSV and CSV print it: amounts without exponent, no trailing zeros.
std::string CellText(const Cell& cell);

}  // namespace kg::cli

#endif  // KG_TOOLS_ROW_OUTPUT_H_
