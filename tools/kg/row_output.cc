#include "kg/row_output.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <string_view>

namespace kg::cli {
namespace {

size_t DisplayWidth(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Appends `s` as one CSV field, quoted only when it holds a separator, a quote or a line break.
void AppendCsvField(std::string* out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// Appends `s` as one TSV field. TSV has no quoting: tabs, newlines and backslashes are escaped the way
// PostgreSQL's COPY does.
void AppendTsvField(std::string* out, std::string_view s) {
  size_t plain = 0;  // the start of the bytes not yet appended, which need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    const char* escape = nullptr;
    switch (s[i]) {
      case '\t': escape = "\\t"; break;
      case '\n': escape = "\\n"; break;
      case '\r': escape = "\\r"; break;
      case '\\': escape = "\\\\"; break;
      default: continue;
    }
    out->append(s.substr(plain, i - plain)).append(escape);
    plain = i + 1;
  }
  out->append(s.substr(plain));
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
    // As printf's "%.15g" would write it (the standard defines it so), without printf's cost, which
    // was a sixth of a long query's time.
    char buffer[64];
    const auto end = std::to_chars(buffer, buffer + sizeof(buffer), *d, std::chars_format::general, 15).ptr;
    return std::string(buffer, end);
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
    std::vector<Cell> header(columns_.begin(), columns_.end());
    WriteDelimited(header);
  }
}

// One CSV or TSV line, built in a buffer kept from row to row and written whole: a long result spends
// its time here, so cells are appended as they are, without a copy or a stream insertion each.
void RowPrinter::WriteDelimited(const std::vector<Cell>& row) {
  const bool csv = format_ == Format::kCsv;
  line_.clear();
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (i) line_.push_back(csv ? ',' : '\t');
    const Cell& cell = i < row.size() ? row[i] : Cell{};
    const std::string* text = std::get_if<std::string>(&cell);
    if (text == nullptr) {
      scratch_ = CellText(cell);
      text = &scratch_;
    }
    if (csv) {
      AppendCsvField(&line_, *text);
    } else {
      AppendTsvField(&line_, *text);
    }
  }
  line_.append(csv ? "\r\n" : "\n");
  out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
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
    case Format::kTsv:
      WriteDelimited(row);
      return;
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
