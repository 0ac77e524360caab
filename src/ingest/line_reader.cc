#include "ingest/line_reader.h"

#include <cstring>

namespace kg::ingest {

bool LineReader::Fill() {
  if (eof_) return false;
  buffer_.erase(0, pos_);
  pos_ = 0;
  const size_t chunk = 1 << 20;
  size_t old = buffer_.size();
  buffer_.resize(old + chunk);
  in_.read(buffer_.data() + old, static_cast<std::streamsize>(chunk));
  size_t got = static_cast<size_t>(in_.gcount());
  buffer_.resize(old + got);
  bytes_read_ += got;
  if (got == 0) eof_ = true;
  return got > 0;
}

bool LineReader::Next(std::string* line, size_t* full_length) { return Read(line, full_length, nullptr); }

bool LineReader::Next(std::string* line, size_t* full_length, const std::function<void(std::string_view)>& see) {
  return Read(line, full_length, &see);
}

bool LineReader::Read(std::string* line, size_t* full_length, const std::function<void(std::string_view)>* see) {
  line->clear();
  *full_length = 0;
  bool any = false;
  while (true) {
    if (pos_ >= buffer_.size() && !Fill()) break;
    any = true;
    const char* start = buffer_.data() + pos_;
    size_t available = buffer_.size() - pos_;
    const void* newline = std::memchr(start, '\n', available);
    size_t take = newline ? static_cast<size_t>(static_cast<const char*>(newline) - start) : available;
    *full_length += take;
    if (see != nullptr) (*see)(std::string_view(start, take));
    size_t room = max_line_bytes_ + 1 > line->size() ? max_line_bytes_ + 1 - line->size() : 0;
    line->append(start, std::min(take, room));
    pos_ += take;
    if (newline) {
      ++pos_;
      break;
    }
  }
  if (!any) return false;
  ++line_number_;
  if (!line->empty() && line->back() == '\r' && *full_length <= max_line_bytes_ + 1) {
    line->pop_back();
    --*full_length;
  }
  return true;
}

bool LineSource::Next(Record* record) {
  while (reader_.Next(&record->text, &record->full_length)) {
    if (record->text.find_first_not_of(" \t\r") == std::string::npos) continue;
    record->line_number = reader_.line_number();
    return true;
  }
  return false;
}

}  // namespace kg::ingest
