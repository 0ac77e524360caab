// Writes rows as an aligned table for people, as they come. The widths of the columns are set by the
// header and the first rows (kSampleRows): those rows are held until there are that many, or until the
// end, and then printed; every later row is printed at once in the same widths. A later cell wider than
// its column is printed whole and pushes the rest of its line to the right: nothing is ever cut off, and
// memory stays bounded by the sample however long the result. Not thread-safe; owned by its RowPrinter.
#ifndef KG_TOOLS_TABLE_WRITER_H_
#define KG_TOOLS_TABLE_WRITER_H_

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace kg::cli {

class TableWriter {
 public:
  static constexpr size_t kSampleRows = 1000;

  // `out` is borrowed and must outlive the writer. `sample_rows` (at least 1) is for tests.
  TableWriter(std::vector<std::string> columns, std::ostream& out, size_t sample_rows = kSampleRows);

  // Adds a row of cells that are already one line of visible text each (see TableCell).
  void Add(std::vector<std::string> cells);

  // Prints what is held and the "(N rows)" line. Call once.
  void Finish();

  // The text of a cell as a table shows it: control characters as their pictures (␊ for a line break, ␛
  // for ESC), C1 and bidi controls as <U+202E>, so a cell stays on its line and cannot drive the terminal.
  static std::string TableCell(const std::string& text);

 private:
  void PrintHead();
  void PrintLine(const std::vector<std::string>& cells);

  std::vector<std::string> columns_;
  std::ostream& out_;
  const size_t sample_rows_;
  std::vector<std::vector<std::string>> held_;  // the sample, until the head is printed
  std::vector<size_t> widths_;                  // set when the head is printed
  bool head_printed_ = false;
  uint64_t count_ = 0;
  std::string line_;  // the line being built, kept from row to row
};

}  // namespace kg::cli

#endif  // KG_TOOLS_TABLE_WRITER_H_
