#include "harness/atomic_file.h"

#include "ir/error.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <signal.h>
#include <sstream>
#include <unistd.h>

namespace qgold::harness {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTempMarker = ".tmp-";

[[noreturn]] void fail(const fs::path &path, std::string_view what) {
  throw InputError(fmt::format("{}: cannot {}: {}", path.string(), what, std::strerror(errno)));
}

void fsync_dir(const fs::path &dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return; // best effort: the rename itself is atomic
  ::fsync(fd);
  ::close(fd);
}

// The pid of a temporary ".<name>.tmp-<pid>", or -1 when `name` is not one.
long temp_owner(const std::string &name) {
  if (!name.starts_with("."))
    return -1;
  size_t marker = name.rfind(kTempMarker);
  if (marker == std::string::npos || marker + kTempMarker.size() == name.size())
    return -1;
  std::string digits = name.substr(marker + kTempMarker.size());
  if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9)
    return -1;
  return std::stol(digits);
}

} // namespace

void write_file_atomically(const fs::path &path, const std::string &text) {
  fs::path temp =
      path.parent_path() / fmt::format(".{}{}{}", path.filename().string(), kTempMarker, ::getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    fail(temp, "create");
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      int saved = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      errno = saved;
      fail(temp, "write");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int saved = errno;
    ::unlink(temp.c_str());
    errno = saved;
    fail(temp, "flush");
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(temp.c_str());
    errno = saved;
    fail(path, "replace");
  }
  fsync_dir(path.parent_path());
}

size_t remove_stale_temporaries(const fs::path &dir) {
  size_t removed = 0;
  std::error_code error;
  for (const auto &entry : fs::directory_iterator(dir, error)) {
    long pid = temp_owner(entry.path().filename().string());
    if (pid <= 0 || pid == ::getpid())
      continue;
    bool running = ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
    if (!running && fs::remove(entry.path(), error))
      ++removed;
  }
  return removed;
}

FileText read_file_text(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return {};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad())
    throw InputError(fmt::format("{}: cannot read", path.string()));
  return {true, text.str()};
}

} // namespace qgold::harness
