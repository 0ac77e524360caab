#include "export/output_file.h"

#include <fcntl.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace kg::exporter {

OutputFile::OutputFile(std::string path) : path_(std::move(path)), temp_(path_ + ".tmp") {}

OutputFile::~OutputFile() {
  if (committed_ || !created_) return;  // a NAME.tmp this object did not create may be another export's
  stream_.rdbuf(nullptr);
  buf_.reset();
  std::error_code ignored;
  std::filesystem::remove(temp_, ignored);
}

Status OutputFile::Open() {
  const int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return IoError("cannot write " + path_ + ": " + std::strerror(errno));
  created_ = true;
  buf_ = std::make_unique<BackgroundFileBuf>(fd, path_);
  stream_.rdbuf(buf_.get());  // also clears the stream's state
  return Status::Ok();
}

Status OutputFile::Finish() {
  if (!buf_) return IoError("writing " + path_ + " failed: " + (created_ ? "already finished" : "never opened"));
  stream_.flush();
  Status closed = buf_->Close();
  stream_.rdbuf(nullptr);
  buf_.reset();
  finished_ = closed.ok();
  return closed;
}

Status OutputFile::Rename() {
  if (!finished_) return IoError("cannot write " + path_ + ": the file was not written completely");
  std::error_code error;
  std::filesystem::rename(temp_, path_, error);
  if (error) return IoError("cannot write " + path_ + ": " + error.message());
  committed_ = true;
  return Status::Ok();
}

Status OutputFile::Commit() {
  KG_RETURN_IF_ERROR(Finish());
  return Rename();
}

}  // namespace kg::exporter
