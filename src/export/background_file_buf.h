// A std::streambuf over a file descriptor whose write(2) calls run on a thread of their own. Writing a
// large export into the page cache costs the kernel about 1.3 CPU seconds per GB on this machine, a fifth
// of an N-Triples export's CPU time; on the formatting thread that time adds to the wall time, on a
// second thread it overlaps with the formatting. The formatting thread fills 1 MiB buffers and hands each
// one over when it is full; at most kBuffers exist, so memory stays constant and a slow disk holds the
// formatting back rather than letting buffers pile up.
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
  // byte reached the file; IoError naming the file and the system's reason otherwise. Call it once.
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
  // On the writing thread, after `size` more bytes were written.
  void LetGoOfWrittenPages(size_t size);

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
  static constexpr size_t kWritebackBytes = 32 << 20;
  size_t written_ = 0;  // bytes written so far; the writing thread's
  size_t flushed_ = 0;  // bytes handed to sync_file_range so far; the writing thread's
};

}  // namespace kg::exporter

#endif  // KG_EXPORT_BACKGROUND_FILE_BUF_H_
