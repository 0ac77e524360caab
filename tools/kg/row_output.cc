#include "kg/row_output.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace kg::cli {
namespace {

size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// TSV has no quoting: tabs, newlines and backslashes are escaped the way PostgreSQL's COPY does.
std::string TsvField(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

// Table cells stay on one line whatever the data holds.
std::string TableField(const std::string& s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  return out;
}

nlohmann::ordered_json RowObject(const std::vector<std::string>& columns, const std::vector<Cell>& row) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  for (size_t i = 0; i < columns.size(); ++i) {
    const Cell& cell = i < row.size() ? row[i] : Cell{};
    if (const auto* s = std::get_if<std::string>(&cell)) {
      o[columns[i]] = *s;
    } else if (const auto* n = std::get_if<int64_t>(&cell)) {
      o[columns[i]] = *n;
    } else if (const auto* d = std::get_if<double>(&cell)) {
      o[columns[i]] = *d;
    } else if (const auto* j = std::get_if<JsonText>(&cell)) {
      o[columns[i]] = nlohmann::ordered_json::parse(j->text, nullptr, /*allow_exceptions=*/false);
    } else {
      o[columns[i]] = nullptr;
    }
  }
  return o;
}

// Indents every line of `text` by two spaces, to nest a pretty-printed object in an array.
std::string Indented(const std::string& text) {
  std::string out = "  ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

}  // namespace

std::optional<Format> ParseFormat(const std::string& name) {
  if (name == "table") return Format::kTable;
  if (name == "tsv") return Format::kTsv;
  if (name == "csv") return Format::kCsv;
  if (name == "json") return Format::kJson;
  if (name == "jsonl") return Format::kJsonl;
  return std::nullopt;
}

std::string CellText(const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* j = std::get_if<JsonText>(&cell)) return j->text;
  if (const auto* n = std::get_if<int64_t>(&cell)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&cell)) {
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.15g", *d);
    return buffer;
  }
  return "";
}

void PrintRows(const Rows& rows, Format format, std::ostream& out) {
  RowPrinter printer(rows.columns, format, out);
  for (const auto& row : rows.rows) printer.Add(row);
  printer.Finish();
}

RowPrinter::RowPrinter(std::vector<std::string> columns, Format format, std::ostream& out)
    : columns_(std::move(columns)), format_(format), out_(out) {
  if (format_ == Format::kCsv || format_ == Format::kTsv) {
    const bool csv = format_ == Format::kCsv;
    for (size_t i = 0; i < columns_.size(); ++i) {
      out_ << (i ? (csv ? "," : "\t") : "") << (csv ? CsvField(columns_[i]) : TsvField(columns_[i]));
    }
    out_ << (csv ? "\r\n" : "\n");
  }
}

void RowPrinter::Add(const std::vector<Cell>& row) {
  ++count_;
  switch (format_) {
    case Format::kJson:
      out_ << (count_ == 1 ? "[\n" : ",\n") << Indented(RowObject(columns_, row).dump(2));
      return;
    case Format::kJsonl:
      out_ << RowObject(columns_, row).dump() << '\n';
      return;
    case Format::kCsv:
    case Format::kTsv: {
      const bool csv = format_ == Format::kCsv;
      for (size_t i = 0; i < columns_.size(); ++i) {
        std::string text = i < row.size() ? CellText(row[i]) : "";
        out_ << (i ? (csv ? "," : "\t") : "") << (csv ? CsvField(text) : TsvField(text));
      }
      out_ << (csv ? "\r\n" : "\n");
      return;
    }
    case Format::kTable: {
      std::vector<std::string> line;
      for (size_t i = 0; i < columns_.size(); ++i) line.push_back(TableField(i < row.size() ? CellText(row[i]) : ""));
      table_.push_back(std::move(line));
      return;
    }
  }
}

void RowPrinter::Finish() {
  if (format_ == Format::kJson) {
    out_ << (count_ == 0 ? "[]\n" : "\n]\n");
    return;
  }
  if (format_ != Format::kTable) return;
  std::vector<size_t> widths;
  for (const auto& c : columns_) widths.push_back(DisplayWidth(c));
  for (const auto& line : table_) {
    for (size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(line[i]));
  }
  auto print_line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) text += "  ";
      text += cells[i];
      if (i + 1 < cells.size()) text += std::string(widths[i] - DisplayWidth(cells[i]), ' ');
    }
    out_ << text << '\n';
  };
  print_line(columns_);
  std::vector<std::string> rule;
  for (size_t w : widths) rule.push_back(std::string(w, '-'));
  print_line(rule);
  for (const auto& line : table_) print_line(line);
  out_ << "(" << count_ << (count_ == 1 ? " row)" : " rows)") << '\n';
}

}  // namespace kg::cli
