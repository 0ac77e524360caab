// A std::streambuf over a file descriptor whose write(2) calls run on a thread of their own. Writing a
// large export into the page cache costs the kernel about 1.3 CPU seconds per GB on this machine, a fifth
// of an N-Triples export's CPU time; on the formatting thread that time adds to the wall time, on a
// second thread it overlaps with the formatting. The formatting thread fills 1 MiB buffers and hands each
// one over when it is full; at most kBuffers exist, so memory stays constant and a slow disk holds the
// formatting back rather than letting buffers pile up.
//
// A multi-gigabyte export would also fill the page cache with dirty pages, which the kernel then has to
// write back and reclaim under pressure (on the 10M store that cost an N-Triples export 13 s of system
// time instead of 5), evicting the store's own cached blocks on the way. So the writing thread starts
// writeback of every 32 MiB stretch as soon as it is written, and drops the stretch before it from the
// cache once it is on disk (WritebackPlanner). The last two stretches stay cached.
//
// Owned and used by one thread (the one that writes into the stream); the writing thread is internal.
// After a write fails, every later insertion fails (the stream goes bad) and Close() reports the error.
#ifndef KG_EXPORT_BACKGROUND_FILE_BUF_H_
#define KG_EXPORT_BACKGROUND_FILE_BUF_H_

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

#include "kg/status.h"

namespace kg::exporter {

struct ByteRange {
  size_t from = 0, to = 0;  // [from, to) in the file
  bool empty() const { return to == from; }
  bool operator==(const ByteRange&) const = default;
};

// What to do with the page cache after a write: start writing `writeback` to disk, and wait for `drop`
// to be on disk and drop its pages. Either may be empty.
struct PageRelease {
  ByteRange writeback, drop;
};

// Decides PageRelease stretch by stretch as a file grows. Pure bookkeeping, so it is tested alone.
class WritebackPlanner {
 public:
  static constexpr size_t kStretchBytes = 32 << 20;
  // After `size` more bytes were written at the end of the file.
  PageRelease Advance(size_t size);

 private:
  size_t written_ = 0;  // bytes written so far
  size_t started_ = 0;  // bytes handed to writeback so far
  ByteRange previous_;  // the stretch handed to writeback last, not yet dropped
};

class BackgroundFileBuf : public std::streambuf {
 public:
  static constexpr size_t kBufferBytes = 1 << 20;
  static constexpr size_t kBuffers = 4;

  // Takes ownership of `fd`, open for writing; `name` is the file's name for error messages.
  BackgroundFileBuf(int fd, std::string name);
  BackgroundFileBuf(const BackgroundFileBuf&) = delete;
  BackgroundFileBuf& operator=(const BackgroundFileBuf&) = delete;
  // Closes the file if Close() was not called, ignoring errors.
  ~BackgroundFileBuf() override;

  // Writes what is buffered, waits for every write to finish and closes the descriptor. Ok when every
  // byte reached the file; IoError naming the file and the system's reason otherwise, or when called again.
  Status Close();

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  // Hands the bytes buffered so far to the writing thread without waiting for them to be written.
  int sync() override;

 private:
  using Buffer = std::unique_ptr<char[]>;

  // Queues the current buffer (if it holds anything) and makes a free one current. False once a write
  // has failed.
  bool HandOver();
  void Run();
  // On the writing thread: sync_file_range and posix_fadvise as `release` says.
  void LetGoOfWrittenPages(const PageRelease& release);

  int fd_;
  std::string name_;
  Buffer current_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::pair<Buffer, size_t>> queued_;   // full buffers and their sizes, oldest first; guarded
  std::vector<Buffer> spare_;                      // written buffers, ready for reuse; guarded
  size_t allocated_ = 0;                           // buffers that exist; guarded
  bool closing_ = false;                           // no more buffers will come; guarded
  int error_ = 0;                                  // errno of the first failed write; guarded
  std::thread thread_;
  WritebackPlanner planner_;  // the writing thread's
  bool closed_ = false;       // Close() was called; the formatting thread's
};

}  // namespace kg::exporter

#endif  // KG_EXPORT_BACKGROUND_FILE_BUF_H_
