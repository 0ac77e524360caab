#include "export/output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace kg::exporter {
namespace {

std::string DirectoryOf(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

}  // namespace

OutputFile::OutputFile(std::string path) : path_(std::move(path)), temp_(path_ + ".tmp") {}

OutputFile::~OutputFile() {
  stream_.rdbuf(nullptr);
  buf_.reset();
  if (link_fd_ >= 0) ::close(link_fd_);  // an unnamed file that was never linked goes with it
  if (committed_ || !created_) return;  // a NAME.tmp this object did not create may be another export's
  std::error_code ignored;
  std::filesystem::remove(temp_, ignored);
}

Status OutputFile::Open() {
  int fd = -1;
  // Linking an unnamed file in takes a capability or /proc, which some sandboxes refuse. A second,
  // empty unnamed file finds that out now, under a name that exists for an instant, rather than after
  // the whole export (a file can be linked in only once, so it cannot be the export's own).
  const std::string dir = DirectoryOf(path_);
  if (const int probe = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666); probe >= 0) {
    link_fd_ = probe;
    const bool linkable = LinkInAsTemp() == 0 && ::unlink(temp_.c_str()) == 0;
    ::close(probe);
    link_fd_ = -1;
    if (linkable) fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (fd >= 0) {
      link_fd_ = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
      if (link_fd_ < 0) {
        ::close(fd);
        fd = -1;
      }
    }
  }
  if (fd < 0) {
    // No unnamed files here (or no such directory, which the named file then reports).
    fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) return IoError("cannot write " + path_ + ": " + std::strerror(errno));
    created_ = true;
  }
  buf_ = std::make_unique<BackgroundFileBuf>(fd, path_);
  stream_.rdbuf(buf_.get());  // also clears the stream's state
  return Status::Ok();
}

Status OutputFile::Finish() {
  if (!buf_) {
    return IoError("writing " + path_ + " failed: " + (created_ || unnamed() ? "already finished" : "never opened"));
  }
  stream_.flush();
  Status closed = buf_->Close();
  stream_.rdbuf(nullptr);
  buf_.reset();
  finished_ = closed.ok();
  return closed;
}

Status OutputFile::Rename() {
  if (!finished_) return IoError("cannot write " + path_ + ": the file was not written completely");
  if (unnamed()) {
    // Linked in as NAME.tmp first, since a link cannot replace a file; the rename below then does.
    if (int error = LinkInAsTemp(); error != 0) return IoError("cannot write " + path_ + ": " + std::strerror(error));
    ::close(link_fd_);
    link_fd_ = -1;
    created_ = true;
  }
  std::error_code error;
  std::filesystem::rename(temp_, path_, error);
  if (error) return IoError("cannot write " + path_ + ": " + error.message());
  committed_ = true;
  return Status::Ok();
}

int OutputFile::LinkInAsTemp() const {
  int error = LinkAs(temp_);
  if (error == EEXIST) {
    std::error_code ignored;
    std::filesystem::remove(temp_, ignored);  // left behind by a killed export that wrote NAME.tmp
    error = LinkAs(temp_);
  }
  return error;
}

int OutputFile::LinkAs(const std::string& name) const {
  // By the descriptor itself where the process may (CAP_DAC_READ_SEARCH), else through /proc.
  if (::linkat(link_fd_, "", AT_FDCWD, name.c_str(), AT_EMPTY_PATH) == 0) return 0;
  if (errno == EEXIST) return EEXIST;
  const std::string self = "/proc/self/fd/" + std::to_string(link_fd_);
  return ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
}

Status OutputFile::Commit() {
  KG_RETURN_IF_ERROR(Finish());
  return Rename();
}

}  // namespace kg::exporter
