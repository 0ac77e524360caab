#include "store/info_log.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <ctime>
#include <string>

namespace kg::store {
namespace {

constexpr off_t kRotateBytes = 1 << 20;

class AppendOnlyLog : public rocksdb::Logger {
 public:
  AppendOnlyLog(int fd, rocksdb::InfoLogLevel level) : rocksdb::Logger(level), fd_(fd) {}
  ~AppendOnlyLog() override {
    if (fd_ >= 0) close(fd_);
  }

  void Logv(const char* format, va_list ap) override {
    if (fd_ < 0) return;
    char line[1024];
    timeval now;
    gettimeofday(&now, nullptr);
    tm local;
    localtime_r(&now.tv_sec, &local);
    int used = std::snprintf(line, sizeof(line), "%04d/%02d/%02d-%02d:%02d:%02d.%06ld ", local.tm_year + 1900,
                             local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec,
                             static_cast<long>(now.tv_usec));
    if (used < 0) return;
    size_t size = static_cast<size_t>(used);
    va_list copy;
    va_copy(copy, ap);
    int body = std::vsnprintf(line + size, sizeof(line) - size, format, copy);
    va_end(copy);
    if (body < 0) return;
    // A longer line is cut: the log only helps diagnosis, and one buffer keeps this allocation-free.
    size = std::min(size + static_cast<size_t>(body), sizeof(line) - 2);
    if (line[size - 1] != '\n') line[size++] = '\n';
    // One append per line, so that lines from several threads never interleave. A short or failed
    // write (a full disk) loses the line and nothing else.
    ssize_t written = write(fd_, line, size);
    (void)written;
  }

 private:
  int fd_;
};

}  // namespace

std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& dir, rocksdb::InfoLogLevel level) {
  const std::string path = dir + "/LOG";
  struct stat info;
  if (stat(path.c_str(), &info) == 0 && info.st_size > kRotateBytes) {
    (void)std::rename(path.c_str(), (path + ".old").c_str());
  }
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  return std::make_shared<AppendOnlyLog>(fd, level);
}

}  // namespace kg::store
