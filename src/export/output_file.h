// A file an export writes that appears under its name only once it is complete: until Commit() it is
// NAME.tmp, which the destructor removes if the export did not finish, so a failed export never leaves
// a truncated file or half replaces an old one. The bytes go through a BackgroundFileBuf, so the
// kernel's share of the writing runs beside the formatting. Owned and used by one thread.
#ifndef KG_EXPORT_OUTPUT_FILE_H_
#define KG_EXPORT_OUTPUT_FILE_H_

#include <memory>
#include <ostream>
#include <string>

#include "export/background_file_buf.h"
#include "kg/status.h"

namespace kg::exporter {

class OutputFile {
 public:
  explicit OutputFile(std::string path);
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  // Creates (or truncates) NAME.tmp. IoError naming the file and the reason when it cannot.
  Status Open();
  // The stream to write into, between Open() and Finish().
  std::ostream& stream() { return stream_; }
  // Writes out and closes the temporary file. IoError when any byte did not reach it.
  Status Finish();
  // Gives the finished file its name, replacing any file of that name. IoError, and no rename, unless
  // Finish() succeeded.
  Status Rename();
  // Finish() and then Rename().
  Status Commit();

 private:
  std::string path_, temp_;
  std::unique_ptr<BackgroundFileBuf> buf_;
  std::ostream stream_{nullptr};
  bool created_ = false;    // Open() created NAME.tmp
  bool finished_ = false;   // Finish() succeeded
  bool committed_ = false;  // Rename() succeeded
};

}  // namespace kg::exporter

#endif  // KG_EXPORT_OUTPUT_FILE_H_
