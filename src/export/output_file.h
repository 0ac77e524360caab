// A file an export writes that appears under its name only once it is complete, so a failed or killed
// export never leaves a truncated file or half replaces an old one.
//
// Where the file system and the process's rights allow it (ext4, xfs, btrfs or tmpfs, and linking by
// descriptor or through /proc), the file is written without a name (O_TMPFILE) and linked in at
// Rename(): a process killed before then leaves nothing at all, and no other export's NAME.tmp is
// touched. Elsewhere it is written as NAME.tmp, which the destructor removes if the export did not
// finish (a killed process leaves that one file behind). The bytes go through a BackgroundFileBuf, so the kernel's share
// of the writing runs beside the formatting. Owned and used by one thread.
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

  // Creates the file, without a name or as NAME.tmp. IoError naming the file and the reason when it
  // cannot, or when the file is open already.
  Status Open();
  // Whether Open() made a file without a name, which a killed process cannot leave behind.
  bool unnamed() const { return link_fd_ >= 0; }
  // The stream to write into, between Open() and Finish().
  std::ostream& stream() { return stream_; }
  // Writes out and closes the file. IoError when any byte did not reach it.
  Status Finish();
  // Gives the finished file its name, replacing any file of that name. IoError, and no rename, unless
  // Finish() succeeded.
  Status Rename();
  // Finish() and then Rename().
  Status Commit();

 private:
  // Links the unnamed file `fd` in under a name no other export uses, NAME.tmp.<pid>.<n>, set in
  // `name`: 0, or the errno of the failure.
  int LinkUnderOwnName(int fd, std::string* name) const;

  std::string path_, temp_;
  std::unique_ptr<BackgroundFileBuf> buf_;
  std::ostream stream_{nullptr};
  int link_fd_ = -1;        // a second descriptor of the unnamed file, to link it in by
  std::string named_;       // the name the file has before its rename (NAME.tmp, or its own); removed
                            // by the destructor unless committed
  bool opened_ = false;     // Open() succeeded
  bool finished_ = false;   // Finish() succeeded
  bool committed_ = false;  // Rename() succeeded
};

}  // namespace kg::exporter

#endif  // KG_EXPORT_OUTPUT_FILE_H_
