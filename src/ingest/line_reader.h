// Splits a byte stream into lines without ever holding more than a bounded amount of one line, so a
// multi-gigabyte line without a newline is reported as overlong instead of exhausting memory.
// Not thread-safe; borrows the stream.
#ifndef KG_INGEST_LINE_READER_H_
#define KG_INGEST_LINE_READER_H_

#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "ingest/record_ingester.h"

namespace kg::ingest {

class LineReader {
 public:
  LineReader(std::istream& in, size_t max_line_bytes) : in_(in), max_line_bytes_(max_line_bytes) {}

  // Reads the next line into `line` without its "\n" (and a "\r" before it). Returns false at the end
  // of the stream. When the line is longer than max_line_bytes, `line` keeps only the first
  // max_line_bytes + 1 bytes and `full_length` says how long it was.
  bool Next(std::string* line, size_t* full_length);
  // As Next(), and hands every byte of the line to `see`, in order and in chunks, those past the cut
  // too: a caller can follow state across a line it does not keep whole (CSV quotes).
  bool Next(std::string* line, size_t* full_length, const std::function<void(std::string_view)>& see);

  uint64_t line_number() const { return line_number_; }
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  bool Fill();
  bool Read(std::string* line, size_t* full_length, const std::function<void(std::string_view)>* see);

  std::istream& in_;
  size_t max_line_bytes_;
  std::string buffer_;
  size_t pos_ = 0;
  bool eof_ = false;
  uint64_t line_number_ = 0;
  uint64_t bytes_read_ = 0;
};

// The records of a line-oriented format (JSONL, N-Triples): every line that is not blank (only spaces,
// tabs or a carriage return). Not thread-safe; borrows the stream.
class LineSource : public RecordSource {
 public:
  LineSource(std::istream& in, size_t max_line_bytes) : reader_(in, max_line_bytes) {}
  bool Next(Record* record) override;
  uint64_t line_number() const override { return reader_.line_number(); }

 private:
  LineReader reader_;
};

}  // namespace kg::ingest

#endif  // KG_INGEST_LINE_READER_H_
