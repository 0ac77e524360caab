// CSV and TSV input (RFC 4180 quoting, with ',' or a tab between fields).
//
// The first record is a header naming the columns: subject, predicate and object are required, and
// the optional ones carry the JSONL schema's fields under the same names, nested fields joined by '_'
// or '.' (subject_type, amount, currency, date, period, confidence, source_uri or source, source_title,
// evidence_text or evidence, evidence_start, ...; see kColumns in the .cc and README "Importing"). An
// unknown, repeated or missing column fails the whole input before anything is written. Each later
// record becomes one assertion, checked by the JSONL rules; an empty cell is an absent field.
//
// CsvRecordSource is not thread-safe; CsvDecoder is immutable once built and Decode() is thread-safe.
#ifndef KG_INGEST_CSV_DECODER_H_
#define KG_INGEST_CSV_DECODER_H_

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "ingest/line_reader.h"
#include "ingest/record_ingester.h"

namespace kg::ingest {

// Splits the input into records: a record ends at a line end outside quotes, so a quoted field may
// hold line breaks (kept as "\n"). Records longer than max_record_bytes are cut at max + 1 bytes,
// with full_length telling their real size; quotes are followed past the cut, so records end where
// they would without it. Blank lines between records are skipped.
class CsvRecordSource : public RecordSource {
 public:
  CsvRecordSource(std::istream& in, char delimiter, size_t max_record_bytes)
      : reader_(in, max_record_bytes), delimiter_(delimiter), max_record_bytes_(max_record_bytes) {}
  bool Next(Record* record) override;
  uint64_t line_number() const override { return reader_.line_number(); }

 private:
  LineReader reader_;
  char delimiter_;
  size_t max_record_bytes_;
};

// One field of a record: its unquoted value and the byte offset where it starts.
struct CsvField {
  std::string value;
  size_t offset = 0;
};

// Splits `record` into fields. LineError (column counted from the record's start) for a quote that
// is not closed, text after a closing quote, or a quote inside an unquoted field.
std::variant<std::vector<CsvField>, schema::LineError> SplitCsvRecord(std::string_view record, char delimiter);

class CsvDecoder : public RecordDecoder {
 public:
  // Reads the header record from `source`. InvalidArgument "input:line:column: header: reason" for a
  // missing header, an unknown or repeated column, or a missing required one.
  static Result<std::unique_ptr<CsvDecoder>> FromHeader(RecordSource& source, char delimiter,
                                                        const IngestOptions& options, const std::string& input_name);

  DecodedItem Decode(Record record) const override;

 private:
  CsvDecoder() = default;

  char delimiter_ = ',';
  schema::ParseLimits limits_;
  std::vector<int> columns_;  // for each header position, an index into kColumns
};

}  // namespace kg::ingest

#endif  // KG_INGEST_CSV_DECODER_H_
