#include "export/output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace kg::exporter {
namespace {

std::string DirectoryOf(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

// Gives the unnamed file `fd` the name `name`: 0, or the errno of the failure. By the descriptor itself
// where the process may (CAP_DAC_READ_SEARCH), else through /proc.
int LinkAs(int fd, const std::string& name) {
  if (::linkat(fd, "", AT_FDCWD, name.c_str(), AT_EMPTY_PATH) == 0) return 0;
  if (errno == EEXIST) return EEXIST;
  const std::string self = "/proc/self/fd/" + std::to_string(fd);
  return ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
}

}  // namespace

OutputFile::OutputFile(std::string path) : path_(std::move(path)), temp_(path_ + ".tmp") {}

OutputFile::~OutputFile() {
  stream_.rdbuf(nullptr);
  buf_.reset();
  if (link_fd_ >= 0) ::close(link_fd_);  // an unnamed file that was never linked in goes with it
  if (committed_ || named_.empty()) return;
  std::error_code ignored;
  std::filesystem::remove(named_, ignored);
}

int OutputFile::LinkUnderOwnName(int fd, std::string* name) const {
  // NAME.tmp.<pid>.<n>: no other export, of this process or another, links a file under it, so no
  // other export's file is ever replaced or removed.
  static std::atomic<uint64_t> next{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    *name = temp_ + "." + std::to_string(::getpid()) + "." + std::to_string(next++);
    const int error = LinkAs(fd, *name);
    if (error != EEXIST) return error;
  }
  return EEXIST;
}

Status OutputFile::Open() {
  if (opened_) return IoError("cannot write " + path_ + ": the file is already open");
  int fd = -1;
  // Linking an unnamed file in takes a capability or /proc, which some sandboxes refuse. A second,
  // empty unnamed file finds that out now, under a name of its own that exists for an instant, rather
  // than after the whole export (a file can be linked in only once, so it cannot be the export's own).
  const std::string dir = DirectoryOf(path_);
  if (const int probe = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666); probe >= 0) {
    std::string probe_name;
    const bool linkable = LinkUnderOwnName(probe, &probe_name) == 0 && ::unlink(probe_name.c_str()) == 0;
    ::close(probe);
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
    if (fd < 0) {
      const int error = errno;
      return IoError("cannot write " + path_ + ": " + std::strerror(error));
    }
    named_ = temp_;
  }
  opened_ = true;
  buf_ = std::make_unique<BackgroundFileBuf>(fd, path_);
  stream_.rdbuf(buf_.get());  // also clears the stream's state
  return Status::Ok();
}

Status OutputFile::Finish() {
  if (!buf_) return IoError("writing " + path_ + " failed: " + (opened_ ? "already finished" : "never opened"));
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
    // Linked in under a name of its own first, since a link cannot replace a file; the rename does.
    std::string name;
    if (int error = LinkUnderOwnName(link_fd_, &name); error != 0) {
      return IoError("cannot write " + path_ + ": " + std::strerror(error));
    }
    ::close(link_fd_);
    link_fd_ = -1;
    named_ = std::move(name);
  }
  std::error_code error;
  std::filesystem::rename(named_, path_, error);
  if (error) return IoError("cannot write " + path_ + ": " + error.message());
  committed_ = true;
  return Status::Ok();
}

Status OutputFile::Commit() {
  KG_RETURN_IF_ERROR(Finish());
  return Rename();
}

}  // namespace kg::exporter
