#include "format/output_file.h"

#include "ir/error.h"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace qgold::format {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTempMarker = ".tmp-";
constexpr std::string_view kPartialSuffix = ".partial";
constexpr int kMaxSymlinkHops = 40; // Linux's own limit

[[noreturn]] void fail(const fs::path &path, std::string_view what, int error) {
  throw InputError(fmt::format("{}: cannot {}: {}", path.string(), what, std::strerror(error)));
}

bool write_all(int fd, const char *data, size_t size) {
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

bool copy_all(int from, int to) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(from, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return n == 0;
    if (!write_all(to, buffer, static_cast<size_t>(n)))
      return false;
  }
}

// Follows `path` while it is a symlink, dangling or not, to the file it finally names.
fs::path final_target(fs::path path) {
  std::error_code error;
  for (int hops = 0; fs::is_symlink(path, error); ++hops) {
    if (hops == kMaxSymlinkHops)
      fail(path, "follow the symlink", ELOOP);
    const fs::path link = fs::read_symlink(path, error);
    if (error)
      fail(path, "follow the symlink", error.value());
    path = link.is_absolute() ? link : path.parent_path() / link;
  }
  return path;
}

// A new temporary for `target` in `folder`. O_EXCL makes a clash with another writer (or a
// stale file) take the next name instead of sharing the file.
int create_temporary(const fs::path &folder, const fs::path &target, fs::path &temporary) {
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 100; ++attempt) {
    temporary = folder / fmt::format(".{}{}{}-{}", target.filename().string(), kTempMarker,
                                     ::getpid(), counter.fetch_add(1));
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0)
      return fd;
    if (errno != EEXIST)
      break;
  }
  const int error = errno;
  throw InputError(fmt::format("{}: cannot create a temporary file in {}: {}", target.string(),
                               folder.empty() ? "." : folder.string(), std::strerror(error)));
}

// Flushes the temporary (open as `fd`, closed here), renames it over `target` and flushes
// the folder. Removes the temporary on failure.
void replace(const fs::path &temporary, int fd, const fs::path &target) {
  struct stat old;
  if (::stat(target.c_str(), &old) == 0)
    (void)::fchmod(fd, old.st_mode & 07777); // best effort: keep the replaced file's mode
  int error = ::fsync(fd) == 0 ? 0 : errno;
  if (::close(fd) != 0 && error == 0)
    error = errno;
  if (error == 0 && ::rename(temporary.c_str(), target.c_str()) != 0)
    error = errno;
  if (error != 0) {
    ::unlink(temporary.c_str());
    fail(target, "write", error);
  }
  const fs::path folder = target.parent_path().empty() ? "." : target.parent_path();
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) { // best effort: the rename itself is atomic
    ::fsync(dir);
    ::close(dir);
  }
}

// Writes through `write(fd)` into a non-regular file or one of qgold's own descriptors.
template <class Write> void write_in_place(const OutputTarget &target, Write write) {
  int fd = target.descriptor;
  if (target.kind == OutputTarget::Kind::Descriptor)
    std::fflush(nullptr); // what stdio buffered for the same descriptor goes first
  else if ((fd = ::open(target.path.c_str(), O_WRONLY | O_CLOEXEC)) < 0)
    fail(target.path, "open for writing", errno);
  bool written = write(fd);
  int error = errno;
  if (target.kind == OutputTarget::Kind::InPlace && ::close(fd) != 0 && written) {
    written = false;
    error = errno;
  }
  if (!written)
    fail(target.path, "write", error);
}

bool all_digits(std::string_view text, size_t max_size) {
  return !text.empty() && text.size() <= max_size &&
         text.find_first_not_of("0123456789") == std::string_view::npos;
}

} // namespace

OutputTarget resolve_output(const fs::path &path) {
  if (path == "/dev/stdout")
    return {OutputTarget::Kind::Descriptor, path, STDOUT_FILENO};
  if (path == "/dev/stderr")
    return {OutputTarget::Kind::Descriptor, path, STDERR_FILENO};
  struct stat status;
  if (::stat(path.c_str(), &status) == 0 && !S_ISREG(status.st_mode))
    return {OutputTarget::Kind::InPlace, path};
  return {OutputTarget::Kind::Replace, final_target(path)};
}

void write_output_file(const fs::path &path, std::string_view bytes) {
  const OutputTarget target = resolve_output(path);
  if (target.kind != OutputTarget::Kind::Replace) {
    write_in_place(target, [&](int fd) { return write_all(fd, bytes.data(), bytes.size()); });
    return;
  }
  fs::path temporary;
  const int fd = create_temporary(target.path.parent_path(), target.path, temporary);
  if (!write_all(fd, bytes.data(), bytes.size())) {
    const int error = errno;
    ::close(fd);
    ::unlink(temporary.c_str());
    fail(target.path, "write", error);
  }
  replace(temporary, fd, target.path);
}

StagedOutput::StagedOutput(const fs::path &target) : target_(resolve_output(target)) {
  const bool replace = target_.kind == OutputTarget::Kind::Replace;
  const fs::path folder = replace ? target_.path.parent_path() : fs::temp_directory_path();
  ::close(create_temporary(folder, target_.path, temporary_));
}

StagedOutput::~StagedOutput() {
  if (!renamed_)
    ::unlink(temporary_.c_str());
}

void StagedOutput::commit() {
  const int fd = ::open(temporary_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    fail(temporary_, "open", errno);
  if (target_.kind == OutputTarget::Kind::Replace) {
    renamed_ = true;
    replace(temporary_, fd, target_.path);
    return;
  }
  try {
    write_in_place(target_, [&](int to) { return copy_all(fd, to); });
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

std::optional<long> temporary_owner(std::string_view name) {
  if (name.ends_with(kPartialSuffix))
    name.remove_suffix(kPartialSuffix.size());
  const size_t marker = name.rfind(kTempMarker);
  if (!name.starts_with(".") || marker == std::string_view::npos)
    return std::nullopt;
  std::string_view pid = name.substr(marker + kTempMarker.size());
  const size_t dash = pid.find('-');
  if (dash != std::string_view::npos) {
    if (!all_digits(pid.substr(dash + 1), 10))
      return std::nullopt;
    pid = pid.substr(0, dash);
  }
  if (!all_digits(pid, 9))
    return std::nullopt;
  return std::stol(std::string(pid));
}

void check_output_folder(const fs::path &path) {
  const OutputTarget target = resolve_output(path);
  if (target.kind != OutputTarget::Kind::Replace || target.path.parent_path().empty())
    return;
  const fs::path folder = target.path.parent_path();
  std::error_code error;
  const fs::file_status status = fs::status(folder, error);
  if (!fs::exists(status))
    throw InputError(fmt::format("{}: folder {} does not exist", path.string(), folder.string()));
  if (!fs::is_directory(status))
    throw InputError(fmt::format("{}: {} is not a folder", path.string(), folder.string()));
}

} // namespace qgold::format
