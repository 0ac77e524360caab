#include "ingest/csv_decoder.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "schema/value_rules.h"
#include "text/utf8.h"

namespace kg::ingest {
namespace {

enum class Column {
  kSubject, kSubjectType, kSubjectId, kSubjectLang, kPredicate, kObject, kObjectType, kObjectId, kObjectLang,
  kAmount, kCurrency, kDate, kPeriod, kConfidence, kSourceUri, kSourceTitle, kSourcePublished, kEvidenceText,
  kEvidenceStart, kEvidenceEnd, kExtractor,
};

struct ColumnName {
  const char* name;
  Column column;
  const char* field;  // the JSONL field path its errors name
};

// Header names, after '.' is read as '_' and letters are lower-cased. "source" and "evidence" are
// short for their most used parts.
constexpr ColumnName kColumns[] = {
    {"subject", Column::kSubject, "subject"},
    {"subject_name", Column::kSubject, "subject"},
    {"subject_type", Column::kSubjectType, "subject.type"},
    {"subject_id", Column::kSubjectId, "subject.id"},
    {"subject_lang", Column::kSubjectLang, "subject.lang"},
    {"predicate", Column::kPredicate, "predicate"},
    {"object", Column::kObject, "object"},
    {"object_name", Column::kObject, "object"},
    {"object_type", Column::kObjectType, "object.type"},
    {"object_id", Column::kObjectId, "object.id"},
    {"object_lang", Column::kObjectLang, "object.lang"},
    {"amount", Column::kAmount, "amount"},
    {"currency", Column::kCurrency, "currency"},
    {"date", Column::kDate, "date"},
    {"period", Column::kPeriod, "period"},
    {"confidence", Column::kConfidence, "confidence"},
    {"source", Column::kSourceUri, "source.uri"},
    {"source_uri", Column::kSourceUri, "source.uri"},
    {"source_title", Column::kSourceTitle, "source.title"},
    {"source_published", Column::kSourcePublished, "source.published"},
    {"evidence", Column::kEvidenceText, "evidence.text"},
    {"evidence_text", Column::kEvidenceText, "evidence.text"},
    {"evidence_start", Column::kEvidenceStart, "evidence.start"},
    {"evidence_end", Column::kEvidenceEnd, "evidence.end"},
    {"extractor", Column::kExtractor, "extractor"},
};

std::string ColumnList() {
  std::string list;
  for (const ColumnName& c : kColumns) list += (list.empty() ? "" : ", ") + std::string(c.name);
  return list;
}

schema::LineError ErrorAt(std::string_view record, size_t offset, std::string field, std::string reason) {
  return {schema::ColumnOf(record, offset), std::move(field), std::move(reason)};
}

}  // namespace

bool CsvRecordSource::Next(Record* record) {
  record->text.clear();
  record->full_length = 0;
  std::string line;
  size_t length = 0;
  bool in_quotes = false;
  bool field_start = true;
  bool pending_quote = false;  // a quote inside quotes ended a chunk: it closes them or starts a ""
  // Follows the quotes over every byte of the line, those past a cut at the limit too, so that an
  // over-long line ends its record exactly where a whole one would.
  const std::function<void(std::string_view)> follow = [&](std::string_view chunk) {
    for (char c : chunk) {
      if (pending_quote) {
        pending_quote = false;
        if (c == '"') continue;  // "" inside quotes
        in_quotes = false;
      }
      if (in_quotes) {
        if (c == '"') pending_quote = true;
      } else if (c == delimiter_) {
        field_start = true;
      } else {
        if (c == '"' && field_start) in_quotes = true;
        field_start = false;
      }
    }
  };
  bool started = false;
  while (reader_.Next(&line, &length, follow)) {
    if (pending_quote) {  // the line ended right after a quote: it closed them
      pending_quote = false;
      in_quotes = false;
    }
    if (!started) {
      if (line.find_first_not_of(" \r") == std::string::npos) {
        field_start = true;  // what `follow` saw of a blank line is no part of the record
        continue;
      }
      started = true;
      record->line_number = reader_.line_number();
    } else {
      record->full_length += 1;
      if (record->text.size() <= max_record_bytes_) record->text.push_back('\n');
    }
    record->full_length += length;
    if (record->text.size() <= max_record_bytes_) {
      record->text.append(line, 0, std::min(line.size(), max_record_bytes_ + 1 - record->text.size()));
    }
    if (!in_quotes) return true;
  }
  return started;  // an unclosed quote at the end of the input: SplitCsvRecord reports it
}

std::variant<std::vector<CsvField>, schema::LineError> SplitCsvRecord(std::string_view record, char delimiter) {
  std::vector<CsvField> fields;
  size_t i = 0;
  while (true) {
    CsvField field;
    field.offset = i;
    if (i < record.size() && record[i] == '"') {
      ++i;
      while (true) {
        if (i >= record.size()) return ErrorAt(record, field.offset, "line", "quoted field is not closed");
        if (record[i] == '"') {
          if (i + 1 < record.size() && record[i + 1] == '"') {
            field.value.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.value.push_back(record[i++]);
      }
      if (i < record.size() && record[i] != delimiter) {
        return ErrorAt(record, i, "line", "expected a delimiter after the closing quote");
      }
    } else {
      while (i < record.size() && record[i] != delimiter) {
        if (record[i] == '"') return ErrorAt(record, i, "line", "quote inside an unquoted field (quote the whole field and double the quote)");
        field.value.push_back(record[i++]);
      }
    }
    fields.push_back(std::move(field));
    if (i >= record.size()) break;
    ++i;  // the delimiter
  }
  return fields;
}

Result<std::unique_ptr<CsvDecoder>> CsvDecoder::FromHeader(RecordSource& source, char delimiter,
                                                           const IngestOptions& options, const std::string& input_name) {
  std::unique_ptr<CsvDecoder> decoder(new CsvDecoder());
  decoder->delimiter_ = delimiter;
  decoder->limits_ = LimitsFor(options);

  Record header;
  if (!source.Next(&header)) return InvalidArgument(input_name + ": no header row (expected subject, predicate, object, ...)");
  auto where = [&](size_t offset) {
    return input_name + ":" + std::to_string(header.line_number) + ":" + std::to_string(schema::ColumnOf(header.text, offset));
  };
  auto split = SplitCsvRecord(header.text, delimiter);
  if (auto* error = std::get_if<schema::LineError>(&split)) {
    return InvalidArgument(input_name + ":" + std::to_string(header.line_number) + ":" + std::to_string(error->column) +
                           ": header: " + error->reason);
  }
  std::vector<bool> seen(std::size(kColumns), false);
  std::vector<bool> seen_column(static_cast<size_t>(Column::kExtractor) + 1, false);
  for (const CsvField& field : std::get<std::vector<CsvField>>(split)) {
    std::string name = field.value;
    if (decoder->columns_.empty() && name.rfind("\xEF\xBB\xBF", 0) == 0) name.erase(0, 3);  // a BOM
    for (char& c : name) c = c == '.' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    int found = -1;
    for (size_t k = 0; k < std::size(kColumns); ++k) {
      if (name == kColumns[k].name) found = static_cast<int>(k);
    }
    if (found < 0) {
      return InvalidArgument(where(field.offset) + ": header: unknown column \"" + field.value + "\" (known: " + ColumnList() + ")");
    }
    const size_t column = static_cast<size_t>(kColumns[found].column);
    if (seen_column[column]) return InvalidArgument(where(field.offset) + ": header: column \"" + field.value + "\" given twice");
    seen_column[column] = true;
    decoder->columns_.push_back(found);
  }
  for (Column required : {Column::kSubject, Column::kPredicate, Column::kObject}) {
    if (!seen_column[static_cast<size_t>(required)]) {
      const char* name = required == Column::kSubject ? "subject" : required == Column::kPredicate ? "predicate" : "object";
      return InvalidArgument(where(0) + ": header: no \"" + name + "\" column (subject, predicate and object are required)");
    }
  }
  return decoder;
}

DecodedItem CsvDecoder::Decode(Record record) const {
  DecodedItem item;
  item.line_number = record.line_number;
  auto reject = [&](schema::LineError error) {
    item.value = std::move(error);
    item.raw = std::move(record.text);
    return std::move(item);
  };
  if (record.full_length > limits_.max_line_bytes) return reject(schema::OverlongLineError(record.full_length, limits_));
  if (auto bad_at = text::FindInvalidUtf8(record.text)) {
    const size_t bad = *bad_at;
    return reject(ErrorAt(record.text, bad, "line", "invalid UTF-8 (byte " + std::to_string(bad + 1) + ")"));
  }
  auto split = SplitCsvRecord(record.text, delimiter_);
  if (auto* error = std::get_if<schema::LineError>(&split)) return reject(*error);
  std::vector<CsvField>& fields = std::get<std::vector<CsvField>>(split);
  if (fields.size() != columns_.size()) {
    const size_t at = fields.size() > columns_.size() ? fields[columns_.size()].offset : record.text.size();
    return reject(ErrorAt(record.text, at, "line",
                          "expected " + std::to_string(columns_.size()) + " fields, as in the header, got " +
                              std::to_string(fields.size())));
  }

  Assertion a;
  for (size_t k = 0; k < fields.size(); ++k) {
    std::string& v = fields[k].value;
    if (v.empty()) continue;
    const ColumnName& column = kColumns[columns_[k]];
    auto number = [&](double* out) -> bool {
      char* end = nullptr;
      errno = 0;
      *out = std::strtod(v.c_str(), &end);
      return end == v.c_str() + v.size() && errno == 0 && std::isfinite(*out);
    };
    auto bad = [&](const std::string& reason) { return ErrorAt(record.text, fields[k].offset, column.field, reason); };
    double x = 0;
    switch (column.column) {
      case Column::kSubject: a.subject.name = std::move(v); break;
      case Column::kObject: a.object.name = std::move(v); break;
      case Column::kPredicate: a.predicate = std::move(v); break;
      case Column::kSubjectType:
      case Column::kObjectType: {
        auto type = ParseEntityType(v);
        if (!type) return reject(bad("unknown type \"" + v + "\" (Organization, Country, Person, City, Region, Facility or Other)"));
        (column.column == Column::kSubjectType ? a.subject : a.object).type = type;
        break;
      }
      case Column::kSubjectId: a.subject.external_id = std::move(v); break;
      case Column::kObjectId: a.object.external_id = std::move(v); break;
      case Column::kSubjectLang: a.subject.lang = std::move(v); break;
      case Column::kObjectLang: a.object.lang = std::move(v); break;
      case Column::kAmount:
        if (!number(&x)) return reject(bad("expected a number, got \"" + v + "\""));
        a.amount = x;
        break;
      case Column::kConfidence:
        if (!number(&x)) return reject(bad("expected a number, got \"" + v + "\""));
        a.confidence = x;
        break;
      case Column::kEvidenceStart:
      case Column::kEvidenceEnd: {
        if (!number(&x) || x != std::floor(x)) return reject(bad("expected an integer, got \"" + v + "\""));
        // The schema's range (0 to 2^53 - 1); checked before the cast, which is undefined beyond int64.
        if (x < 0 || x > schema::kMaxOffset) return reject(bad("out of range: \"" + v + "\""));
        (column.column == Column::kEvidenceStart ? a.evidence_start : a.evidence_end) = static_cast<int64_t>(x);
        break;
      }
      case Column::kCurrency: a.currency = std::move(v); break;
      case Column::kDate: a.date = std::move(v); break;
      case Column::kPeriod: a.period = std::move(v); break;
      case Column::kSourceUri: a.source_uri = std::move(v); break;
      case Column::kSourceTitle: a.source_title = std::move(v); break;
      case Column::kSourcePublished: a.source_published = std::move(v); break;
      case Column::kEvidenceText: a.evidence_text = std::move(v); break;
      case Column::kExtractor: a.extractor = std::move(v); break;
    }
  }
  if (auto error = ValidateAssertion(a, limits_)) {
    // Put the JSONL validator's verdict on the cell it is about: the column for its field, else the
    // column its field is part of ("subject.name" is the subject column), else the record's start.
    size_t offset = 0;
    const std::string head = error->field.substr(0, error->field.find('.'));
    bool exact = false;
    for (size_t k = 0; k < fields.size() && !exact; ++k) {
      const std::string field = kColumns[columns_[k]].field;
      if (field == error->field) {
        offset = fields[k].offset;
        exact = true;
      } else if (field == head) {
        offset = fields[k].offset;
      }
    }
    error->column = schema::ColumnOf(record.text, offset);
    return reject(*error);
  }
  item.evidence = store::MakeEvidenceLine(a);
  item.value = std::move(a);
  return item;
}

}  // namespace kg::ingest
