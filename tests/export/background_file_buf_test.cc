// BackgroundFileBuf: bytes reach the file whole and in order however they are inserted (one at a time,
// small runs, runs larger than a buffer, flushes in between), also past the point where written pages
// are dropped from the cache; a failed write comes back from Close() with the file's name and the
// system's reason. WritebackPlanner: which stretches go to disk and which leave the cache.
#include "export/background_file_buf.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <ostream>
#include <string>
#include <vector>

#include "test_support.h"

namespace kg::exporter {
namespace {

class BackgroundFileBufTest : public testing::TempDirTest {
 protected:
  // A descriptor for `path`; a failed open fails the test where the buffer then reports EBADF.
  static int OpenForWriting(const std::string& path) {
    return ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
};

constexpr size_t kMiB = 1 << 20;

TEST(WritebackPlannerTest, StartsEachStretchAndDropsTheOneBefore) {
  WritebackPlanner planner;
  for (int i = 0; i < 31; ++i) {
    PageRelease r = planner.Advance(kMiB);
    EXPECT_TRUE(r.writeback.empty() && r.drop.empty()) << "after " << i + 1 << " MiB";
  }
  PageRelease first = planner.Advance(kMiB);  // 32 MiB: the first stretch goes to disk, nothing to drop yet
  EXPECT_EQ(first.writeback, (ByteRange{0, 32 * kMiB}));
  EXPECT_TRUE(first.drop.empty());
  for (int i = 0; i < 31; ++i) EXPECT_TRUE(planner.Advance(kMiB).writeback.empty());
  PageRelease second = planner.Advance(kMiB);  // 64 MiB: the second stretch starts, the first is dropped
  EXPECT_EQ(second.writeback, (ByteRange{32 * kMiB, 64 * kMiB}));
  EXPECT_EQ(second.drop, (ByteRange{0, 32 * kMiB}));
}

TEST(WritebackPlannerTest, UnevenWritesLeaveNoGapBetweenStretches) {
  // Flushes hand over partial buffers: stretches then end where the writes do, and each is dropped whole.
  WritebackPlanner planner;
  std::vector<ByteRange> written, dropped;
  size_t total = 0;
  for (int i = 0; i < 500; ++i) {
    const size_t size = kMiB / 3 + static_cast<size_t>(i) * 7919 % kMiB;
    total += size;
    PageRelease r = planner.Advance(size);
    if (!r.writeback.empty()) {
      EXPECT_EQ(r.writeback.to, total);
      EXPECT_GE(r.writeback.to - r.writeback.from, WritebackPlanner::kStretchBytes);
      written.push_back(r.writeback);
    }
    if (!r.drop.empty()) dropped.push_back(r.drop);
  }
  ASSERT_GE(written.size(), 3u);
  EXPECT_EQ(written.front().from, 0u);
  for (size_t i = 1; i < written.size(); ++i) EXPECT_EQ(written[i].from, written[i - 1].to);
  ASSERT_EQ(dropped.size(), written.size() - 1);
  for (size_t i = 0; i < dropped.size(); ++i) EXPECT_EQ(dropped[i], written[i]);  // never one not yet written out
}

// A run of bytes that differs with its offset, so a lost, repeated or reordered buffer shows.
std::string Pattern(size_t offset, size_t size) {
  std::string bytes(size, '\0');
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>('a' + (offset + i) * 7 % 26);
  return bytes;
}

TEST_F(BackgroundFileBufTest, WritesEveryByteInOrderHoweverItIsInserted) {
  const std::string path = Path("out.txt");
  const int fd = OpenForWriting(path);
  ASSERT_GE(fd, 0) << std::strerror(errno);
  BackgroundFileBuf buf(fd, path);
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
  const int fd = OpenForWriting(path);
  ASSERT_GE(fd, 0) << std::strerror(errno);
  BackgroundFileBuf buf(fd, path);
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
  if (fd < 0) GTEST_SKIP() << "/dev/full cannot be opened: " << std::strerror(errno);
  BackgroundFileBuf buf(fd, "graph.nt");
  std::ostream out(&buf);
  out << "one line\n";
  out.flush();  // hands the line over; the failure may come back with this or with Close()
  Status closed = buf.Close();
  EXPECT_EQ(closed.code(), StatusCode::kIoError);
  EXPECT_EQ(closed.message(), std::string("writing graph.nt failed: ") + std::strerror(ENOSPC));
  EXPECT_EQ(buf.Close().message(), "writing graph.nt failed: the file was already closed");
}

TEST_F(BackgroundFileBufTest, ADescriptorThatIsNotOpenFailsCleanly) {
  BackgroundFileBuf buf(-1, "graph.nt");
  std::ostream out(&buf);
  out << "text\n";
  Status closed = buf.Close();
  EXPECT_EQ(closed.message(), std::string("writing graph.nt failed: ") + std::strerror(EBADF));
}

}  // namespace
}  // namespace kg::exporter
