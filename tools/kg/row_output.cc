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

nlohmann::ordered_json RowObject(const Rows& rows, const std::vector<Cell>& row) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  for (size_t i = 0; i < rows.columns.size(); ++i) {
    const Cell& cell = i < row.size() ? row[i] : Cell{};
    if (const auto* s = std::get_if<std::string>(&cell)) {
      o[rows.columns[i]] = *s;
    } else if (const auto* n = std::get_if<int64_t>(&cell)) {
      o[rows.columns[i]] = *n;
    } else if (const auto* d = std::get_if<double>(&cell)) {
      o[rows.columns[i]] = *d;
    } else {
      o[rows.columns[i]] = nullptr;
    }
  }
  return o;
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
  if (const auto* n = std::get_if<int64_t>(&cell)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&cell)) {
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.15g", *d);
    return buffer;
  }
  return "";
}

std::string HumanAmount(double amount) {
  struct Scale {
    double factor;
    const char* suffix;
  };
  static const Scale kScales[] = {{1e12, " tn"}, {1e9, " bn"}, {1e6, " m"}, {1e3, " k"}};
  for (const Scale& scale : kScales) {
    if (amount >= scale.factor) {
      char buffer[64];
      std::snprintf(buffer, sizeof(buffer), "%.4g%s", amount / scale.factor, scale.suffix);
      return buffer;
    }
  }
  return CellText(Cell(amount));
}

void PrintRows(const Rows& rows, Format format, std::ostream& out) {
  switch (format) {
    case Format::kJson: {
      nlohmann::ordered_json array = nlohmann::ordered_json::array();
      for (const auto& row : rows.rows) array.push_back(RowObject(rows, row));
      out << array.dump(2) << '\n';
      return;
    }
    case Format::kJsonl:
      for (const auto& row : rows.rows) out << RowObject(rows, row).dump() << '\n';
      return;
    case Format::kCsv:
    case Format::kTsv: {
      const bool csv = format == Format::kCsv;
      const char* sep = csv ? "," : "\t";
      const char* eol = csv ? "\r\n" : "\n";
      for (size_t i = 0; i < rows.columns.size(); ++i) {
        out << (i ? sep : "") << (csv ? CsvField(rows.columns[i]) : TsvField(rows.columns[i]));
      }
      out << eol;
      for (const auto& row : rows.rows) {
        for (size_t i = 0; i < rows.columns.size(); ++i) {
          std::string text = i < row.size() ? CellText(row[i]) : "";
          out << (i ? sep : "") << (csv ? CsvField(text) : TsvField(text));
        }
        out << eol;
      }
      return;
    }
    case Format::kTable: {
      std::vector<size_t> widths;
      for (const auto& c : rows.columns) widths.push_back(DisplayWidth(c));
      std::vector<std::vector<std::string>> texts;
      for (const auto& row : rows.rows) {
        std::vector<std::string> line;
        for (size_t i = 0; i < rows.columns.size(); ++i) {
          line.push_back(TableField(i < row.size() ? CellText(row[i]) : ""));
          widths[i] = std::max(widths[i], DisplayWidth(line.back()));
        }
        texts.push_back(std::move(line));
      }
      auto print_line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (size_t i = 0; i < cells.size(); ++i) {
          if (i) text += "  ";
          text += cells[i];
          if (i + 1 < cells.size()) text += std::string(widths[i] - DisplayWidth(cells[i]), ' ');
        }
        out << text << '\n';
      };
      print_line(rows.columns);
      std::vector<std::string> rule;
      for (size_t w : widths) rule.push_back(std::string(w, '-'));
      print_line(rule);
      for (const auto& line : texts) print_line(line);
      out << "(" << rows.rows.size() << (rows.rows.size() == 1 ? " row)" : " rows)") << '\n';
      return;
    }
  }
}

}  // namespace kg::cli
