#include "kg/table_writer.h"

#include <algorithm>

#include "text/control_characters.h"

namespace kg::cli {
namespace {

// Columns on a terminal, counted as code points: exact for the Latin, Greek and Cyrillic text kg mostly
// holds; wide CJK characters count as one.
size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

TableWriter::TableWriter(std::vector<std::string> columns, std::ostream& out, size_t sample_rows)
    : columns_(std::move(columns)), out_(out), sample_rows_(std::max<size_t>(sample_rows, 1)) {
  for (std::string& c : columns_) c = TableCell(c);
}

std::string TableWriter::TableCell(const std::string& text) { return text::VisibleText(text); }

void TableWriter::Add(std::vector<std::string> cells) {
  ++count_;
  cells.resize(columns_.size());
  if (head_printed_) {
    PrintLine(cells);
    return;
  }
  held_.push_back(std::move(cells));
  if (held_.size() >= sample_rows_) PrintHead();
}

void TableWriter::Finish() {
  if (!head_printed_) PrintHead();
  out_ << "(" << count_ << (count_ == 1 ? " row)" : " rows)") << '\n';
}

void TableWriter::PrintHead() {
  for (const auto& c : columns_) widths_.push_back(DisplayWidth(c));
  for (const auto& row : held_) {
    for (size_t i = 0; i < row.size(); ++i) widths_[i] = std::max(widths_[i], DisplayWidth(row[i]));
  }
  head_printed_ = true;
  PrintLine(columns_);
  std::vector<std::string> rule;
  for (size_t w : widths_) rule.push_back(std::string(w, '-'));
  PrintLine(rule);
  for (const auto& row : held_) PrintLine(row);
  held_.clear();
  held_.shrink_to_fit();
}

void TableWriter::PrintLine(const std::vector<std::string>& cells) {
  line_.clear();
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) line_ += "  ";
    line_ += cells[i];
    const size_t width = DisplayWidth(cells[i]);
    if (i + 1 < cells.size() && width < widths_[i]) line_.append(widths_[i] - width, ' ');
  }
  line_ += '\n';
  out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
}

}  // namespace kg::cli
