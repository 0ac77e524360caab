#include "export/background_file_buf.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kg::exporter {

PageRelease WritebackPlanner::Advance(size_t size) {
  written_ += size;
  PageRelease release;
  if (written_ - started_ < kStretchBytes) return release;
  release.writeback = {started_, written_};
  release.drop = previous_;  // written out by the time the latest stretch starts: wait for it, drop it
  previous_ = release.writeback;
  started_ = written_;
  return release;
}

BackgroundFileBuf::BackgroundFileBuf(int fd, std::string name)
    : fd_(fd), name_(std::move(name)), current_(new char[kBufferBytes]), allocated_(1) {
  setp(current_.get(), current_.get() + kBufferBytes);
  thread_ = std::thread([this] { Run(); });
}

BackgroundFileBuf::~BackgroundFileBuf() {
  if (!closed_) (void)Close();
}

Status BackgroundFileBuf::Close() {
  if (closed_) return IoError("writing " + name_ + " failed: the file was already closed");
  closed_ = true;
  HandOver();
  setp(nullptr, nullptr);
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  thread_.join();
  int error = error_;
  if (fd_ >= 0 && ::close(fd_) != 0 && error == 0) error = errno;
  if (fd_ < 0 && error == 0) error = EBADF;
  fd_ = -1;
  if (error != 0) return IoError("writing " + name_ + " failed: " + std::strerror(error));
  return Status::Ok();
}

BackgroundFileBuf::int_type BackgroundFileBuf::overflow(int_type c) {
  if (!HandOver()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

std::streamsize BackgroundFileBuf::xsputn(const char* s, std::streamsize n) {
  std::streamsize done = 0;
  while (done < n) {
    if (pptr() == epptr() && !HandOver()) return done;
    const std::streamsize room = std::min<std::streamsize>(n - done, epptr() - pptr());
    std::memcpy(pptr(), s + done, static_cast<size_t>(room));
    pbump(static_cast<int>(room));
    done += room;
  }
  return done;
}

int BackgroundFileBuf::sync() { return HandOver() ? 0 : -1; }

bool BackgroundFileBuf::HandOver() {
  if (pbase() == nullptr) return false;  // closed, or failed before
  const size_t size = static_cast<size_t>(pptr() - pbase());
  std::unique_lock lock(mutex_);
  if (error_ == 0 && size == 0) return true;
  if (error_ == 0) {
    queued_.emplace_back(std::move(current_), size);
    changed_.notify_all();
    if (spare_.empty() && allocated_ < kBuffers) {
      ++allocated_;
      current_.reset(new char[kBufferBytes]);
    } else {
      changed_.wait(lock, [this] { return !spare_.empty() || error_ != 0; });
      if (error_ == 0) {
        current_ = std::move(spare_.back());
        spare_.pop_back();
      }
    }
  }
  if (error_ != 0) {
    setp(nullptr, nullptr);  // the put area may point into a buffer handed over: never write there again
    return false;
  }
  setp(current_.get(), current_.get() + kBufferBytes);
  return true;
}

void BackgroundFileBuf::Run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return !queued_.empty() || closing_; });
    if (queued_.empty()) return;  // closing, and everything is written
    auto [buffer, size] = std::move(queued_.front());
    queued_.pop_front();
    const bool failed = error_ != 0;
    lock.unlock();
    int error = 0;
    // After a failure the rest is dropped: the file is incomplete whatever follows.
    for (size_t written = 0; !failed && written < size;) {
      const ssize_t n = ::write(fd_, buffer.get() + written, size - written);
      if (n <= 0) {
        if (n < 0 && errno == EINTR) continue;
        error = n < 0 ? errno : EIO;  // a write of nothing would only repeat
        break;
      }
      written += static_cast<size_t>(n);
    }
    if (!failed && error == 0) LetGoOfWrittenPages(planner_.Advance(size));
    lock.lock();
    if (error != 0 && error_ == 0) error_ = error;
    spare_.push_back(std::move(buffer));
    changed_.notify_all();
  }
}

void BackgroundFileBuf::LetGoOfWrittenPages(const PageRelease& release) {
  // Errors are ignored: these calls are advice (tmpfs, for one, has no writeback), and a real write
  // error shows in the writes themselves.
  auto length = [](const ByteRange& r) { return static_cast<off_t>(r.to - r.from); };
  if (!release.writeback.empty()) {
    (void)::sync_file_range(fd_, static_cast<off_t>(release.writeback.from), length(release.writeback),
                            SYNC_FILE_RANGE_WRITE);
  }
  if (!release.drop.empty()) {
    const off_t from = static_cast<off_t>(release.drop.from);
    (void)::sync_file_range(fd_, from, length(release.drop),
                            SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
    (void)::posix_fadvise(fd_, from, length(release.drop), POSIX_FADV_DONTNEED);
  }
}

}  // namespace kg::exporter
