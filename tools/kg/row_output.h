// Prints rows of results as an aligned table for people, or as TSV, CSV (RFC 4180), JSON (one array of
// row objects) or JSONL for programs. Every data-printing subcommand goes through here, so `--format`
// means the same everywhere.
#ifndef KG_TOOLS_ROW_OUTPUT_H_
#define KG_TOOLS_ROW_OUTPUT_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

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

// Parses "table", "tsv", "csv", "json" or "jsonl".
std::optional<Format> ParseFormat(const std::string& name);

void PrintRows(const Rows& rows, Format format, std::ostream& out);

// Prints rows as they come: TSV, CSV, JSON and JSONL are written row by row, so a long query result
// streams; a table is held until Finish() because its columns are aligned to the widest cell.
class RowPrinter {
 public:
  RowPrinter(std::vector<std::string> columns, Format format, std::ostream& out);
  void Add(const std::vector<Cell>& row);
  // Ends the output (the table, the closing bracket of a JSON array). Call once.
  void Finish();

 private:
  std::vector<std::string> columns_;
  Format format_;
  std::ostream& out_;
  uint64_t count_ = 0;
  std::vector<std::vector<std::string>> table_;  // table cells, held for alignment
  std::string line_, scratch_;                   // CSV and TSV: the line being built, a cell's text

  void WriteDelimited(const std::vector<Cell>& row);
};

// The text form of a cell, as table, TSV and CSV print it: amounts without exponent, no trailing zeros.
std::string CellText(const Cell& cell);

}  // namespace kg::cli

#endif  // KG_TOOLS_ROW_OUTPUT_H_
