#include "format/model_file.h"

#include "ir/error.h"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <unistd.h>

namespace qgold::format {
namespace {

std::string errno_text() { return std::strerror(errno); }

// Creates a new, uniquely named file next to `path`. O_EXCL makes a clash
// with another writer (or a stale file) fail instead of sharing the file.
int create_temporary_next_to(const std::filesystem::path &path, std::filesystem::path &temporary) {
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    temporary =
        path.parent_path() / fmt::format(".{}.{}.{}.tmp", path.filename().string(), ::getpid(), counter.fetch_add(1));
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST)
      return fd;
  }
  errno = EEXIST;
  return -1;
}

bool write_all(int fd, const std::vector<uint8_t> &bytes) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    written += static_cast<std::size_t>(n);
  }
  return true;
}

} // namespace

FileFormat format_from_path(const std::filesystem::path &path) {
  const std::string extension = path.extension().string();
  if (extension == ".circle")
    return FileFormat::Circle;
  if (extension == ".tflite")
    return FileFormat::TFLite;
  throw InputError(
      fmt::format("{}: unknown model file extension '{}', expected '.circle' or '.tflite'", path.string(), extension));
}

ir::Model read_model_file(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError(fmt::format("{}: cannot open model file: {}", path.string(), errno_text()));
  std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad())
    throw InputError(fmt::format("{}: cannot read model file: {}", path.string(), errno_text()));
  return deserialize(bytes, path.string());
}

// The destination either keeps its old content or gets the complete new one:
// the bytes go to a temporary file in the same folder (same file system, so
// rename is atomic), which is flushed to disk before it replaces `path`.
void write_model_file(const ir::Model &model, const std::filesystem::path &path) {
  const std::vector<uint8_t> bytes = serialize(model, format_from_path(path));
  std::filesystem::path temporary;
  const int fd = create_temporary_next_to(path, temporary);
  if (fd < 0)
    throw InputError(
        fmt::format("{}: cannot create temporary file '{}': {}", path.string(), temporary.string(), errno_text()));
  const bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
  const int saved_errno = errno;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed || std::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string reason = written ? errno_text() : std::strerror(saved_errno);
    ::unlink(temporary.c_str());
    throw InputError(fmt::format("{}: cannot write model file: {}", path.string(), reason));
  }
}

} // namespace qgold::format
