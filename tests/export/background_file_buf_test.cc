// BackgroundFileBuf: bytes reach the file whole and in order however they are inserted (one at a time,
// small runs, runs larger than a buffer, flushes in between), also past the point where written pages
// are dropped from the cache; and a failed write comes back from Close() with the file's name and the
// system's reason.
#include "export/background_file_buf.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <ostream>
#include <string>

#include "test_support.h"

namespace kg::exporter {
namespace {

class BackgroundFileBufTest : public testing::TempDirTest {
 protected:
  int OpenForWriting(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    EXPECT_GE(fd, 0) << std::strerror(errno);
    return fd;
  }
};

// A run of bytes that differs with its offset, so a lost, repeated or reordered buffer shows.
std::string Pattern(size_t offset, size_t size) {
  std::string bytes(size, '\0');
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>('a' + (offset + i) * 7 % 26);
  return bytes;
}

TEST_F(BackgroundFileBufTest, WritesEveryByteInOrderHoweverItIsInserted) {
  const std::string path = Path("out.txt");
  BackgroundFileBuf buf(OpenForWriting(path), path);
  std::ostream out(&buf);
  std::string expected;
  auto insert = [&](const std::string& bytes) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    expected += bytes;
  };
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 1000; ++i) {
      const std::string one = Pattern(expected.size(), 1);
      out.put(one[0]);
      expected += one;
    }
    for (int i = 0; i < 5000; ++i) insert(Pattern(expected.size(), 1 + i % 97));
    insert(Pattern(expected.size(), 3 * BackgroundFileBuf::kBufferBytes + 17));  // spans buffers
    out.flush();
  }
  ASSERT_TRUE(out.good());
  ASSERT_TRUE(buf.Close().ok());
  const std::string written = testing::ReadFileBytes(path);
  EXPECT_EQ(written.size(), expected.size());
  EXPECT_TRUE(written == expected);
}

TEST_F(BackgroundFileBufTest, LargeFilesAreWholeAfterTheirPagesLeaveTheCache) {
  // Past 64 MiB the writing thread has synced and dropped the first stretches from the page cache.
  const std::string path = Path("large.txt");
  BackgroundFileBuf buf(OpenForWriting(path), path);
  std::ostream out(&buf);
  constexpr size_t kChunk = 1 << 16, kChunks = 1400;  // about 92 MiB
  for (size_t i = 0; i < kChunks; ++i) {
    const std::string chunk = Pattern(i * kChunk, kChunk);
    out.write(chunk.data(), kChunk);
  }
  ASSERT_TRUE(buf.Close().ok());
  const std::string written = testing::ReadFileBytes(path);
  ASSERT_EQ(written.size(), kChunk * kChunks);
  for (size_t i = 0; i < kChunks; ++i) {
    ASSERT_EQ(written.compare(i * kChunk, kChunk, Pattern(i * kChunk, kChunk)), 0) << "chunk " << i;
  }
}

TEST_F(BackgroundFileBufTest, AFailedWriteIsReportedWithTheFileAndTheReason) {
  // A descriptor open for reading only: every write(2) fails with EBADF.
  const std::string path = WriteFile("read-only.txt", "");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  BackgroundFileBuf buf(fd, "exports/graph.nt");
  std::ostream out(&buf);
  const std::string chunk = Pattern(0, 1 << 16);
  for (size_t i = 0; i < 10 * BackgroundFileBuf::kBuffers * (BackgroundFileBuf::kBufferBytes >> 16) && out; ++i) {
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  }
  EXPECT_FALSE(out.good()) << "insertions after the failed write must fail";
  Status closed = buf.Close();
  EXPECT_EQ(closed.code(), StatusCode::kIoError);
  EXPECT_EQ(closed.message(), std::string("writing exports/graph.nt failed: ") + std::strerror(EBADF));
  EXPECT_EQ(testing::ReadFileBytes(path), "");
}

TEST_F(BackgroundFileBufTest, AFullDeviceIsReportedAsSuch) {
  struct stat info {};
  if (::stat("/dev/full", &info) != 0 || !S_ISCHR(info.st_mode)) GTEST_SKIP() << "no /dev/full device here";
  const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  BackgroundFileBuf buf(fd, "graph.nt");
  std::ostream out(&buf);
  out << "one line\n";
  out.flush();  // hands the line over; the failure may come back with this or with Close()
  Status closed = buf.Close();
  EXPECT_EQ(closed.code(), StatusCode::kIoError);
  EXPECT_EQ(closed.message(), std::string("writing graph.nt failed: ") + std::strerror(ENOSPC));
}

}  // namespace
}  // namespace kg::exporter
