#include "kg/row_output.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <string_view>

#include "text/control_characters.h"
#include "text/spreadsheet_formula.h"

namespace kg::cli {
namespace {

// Appends `s` as one CSV field, quoted only when it holds a separator, a quote or a line break, with
// `guard` (the formula guard, or nothing) as the first character of its text.
void AppendCsvField(std::string* out, std::string_view s, std::string_view guard) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(guard).append(s);
    return;
  }
  out->push_back('"');
  out->append(guard);
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// Appends `s` as one TSV field. TSV has no quoting: tabs, newlines and backslashes are escaped the way
// PostgreSQL's COPY does. So are the characters that would drive a terminal, as \xHH for each of their
// UTF-8 bytes (ESC is \x1b, U+202E is \xe2\x80\xae), which COPY FROM reads back as those bytes.
void AppendTsvField(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  size_t plain = 0;  // the start of the bytes not yet appended, which need no escape
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const char* escape = nullptr;
    switch (c) {
      case '\t': escape = "\\t"; break;
      case '\n': escape = "\\n"; break;
      case '\r': escape = "\\r"; break;
      case '\\': escape = "\\\\"; break;
      default: break;
    }
    size_t length = 1;
    if (escape == nullptr) {
      // Plain ASCII and continuation bytes skip the decoding.
      length = c >= 0x20 && c != 0x7F && c < 0xC2 ? 0 : text::ControlOrBidiControlLength(s.substr(i));
      if (length == 0) {
        ++i;
        continue;
      }
    }
    out->append(s.substr(plain, i - plain));
    if (escape != nullptr) {
      out->append(escape);
    } else {
      for (size_t k = 0; k < length; ++k) {
        const unsigned char b = static_cast<unsigned char>(s[i + k]);
        out->append("\\x").push_back(kHex[b >> 4]);
        out->push_back(kHex[b & 0xF]);
      }
    }
    i += length;
    plain = i;
  }
  out->append(s.substr(plain));
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

void PrintRows(const Rows& rows, Format format, std::ostream& out, CsvStyle csv) {
  RowPrinter printer(rows.columns, format, out, csv);
  for (const auto& row : rows.rows) printer.Add(row);
  printer.Finish();
}

RowPrinter::RowPrinter(std::vector<std::string> columns, Format format, std::ostream& out, CsvStyle csv)
    : columns_(std::move(columns)), format_(format), out_(out), csv_(csv) {
  if (format_ == Format::kTable) table_ = std::make_unique<TableWriter>(columns_, out_);
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
      if (csv_.to_terminal) {
        scratch_ = text::VisibleText(*text);
        text = &scratch_;
      }
      // Only text cells: a number's minus sign stays as it is.
      const bool guard = csv_.guard_formulas && std::holds_alternative<std::string>(cell) && text::StartsLikeFormula(*text);
      AppendCsvField(&line_, *text, guard ? std::string_view(&text::kFormulaGuard, 1) : std::string_view());
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
      std::vector<std::string> cells;
      cells.reserve(columns_.size());
      for (size_t i = 0; i < columns_.size(); ++i) {
        cells.push_back(TableWriter::TableCell(i < row.size() ? CellText(row[i]) : ""));
      }
      table_->Add(std::move(cells));
      return;
    }
  }
}

void RowPrinter::Finish() {
  if (format_ == Format::kJson) out_ << (count_ == 0 ? "[]\n" : "\n]\n");
  if (format_ == Format::kTable) table_->Finish();
}

}  // namespace kg::cli
