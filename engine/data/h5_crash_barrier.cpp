#include "data/h5_crash_barrier.h"

#include "data/h5_util.h"

#include "ir/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <initializer_list>
#include <poll.h>
#include <string>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>

// The child is a fork of a possibly multi-threaded process and does more than
// POSIX promises to be safe there (it allocates, throws and calls libhdf5).
// That holds on Linux/glibc: fork() resets malloc's locks in the child, the
// unwinder finds frames without locks (_dl_find_object), and the one lock the
// child needs, HDF5's, is taken across fork() and re-created in the child.

namespace qgold::data {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr const char *kTimeoutVariable = "QGOLD_H5_CHECK_TIMEOUT_SECONDS";

// How the child exits besides 0 (success); the error's message goes through the pipe.
constexpr int kChildInputError = 70, kChildUnsupported = 71, kChildOtherError = 72;

std::system_error os_error(const std::string &what) {
  return std::system_error(errno, std::generic_category(), what);
}

// One file descriptor, closed on destruction.
class Fd {
public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd &) = delete;
  Fd &operator=(const Fd &) = delete;
  ~Fd() { ::close(fd_); }
  int get() const { return fd_; }

private:
  int fd_;
};

// The forked child; killed and reaped if the parent leaves before waiting for it.
class Child {
public:
  explicit Child(pid_t pid) : pid_(pid) {}
  Child(const Child &) = delete;
  Child &operator=(const Child &) = delete;
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      reap();
    }
  }
  void kill() { ::kill(pid_, SIGKILL); }
  // Waits for the child to end and returns its wait status.
  int wait() {
    const int status = reap();
    if (status < 0)
      throw os_error("cannot wait for the process checking an HDF5 file");
    return status;
  }

private:
  int reap() {
    int status = 0;
    pid_t done;
    while ((done = ::waitpid(pid_, &status, 0)) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    return done < 0 ? -1 : status;
  }

  pid_t pid_;
};

void write_all(int fd, const std::string &text) {
  for (size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return; // the parent is gone or killed us; nobody is left to tell
    done += static_cast<size_t>(n);
  }
}

// The child's whole life. Crash signals get their default action first, so a
// crash ends the child with that signal even where a sanitizer or libFuzzer
// installed handlers in the parent. It ends with _exit: it must never return
// into the caller's copy of the program, nor run atexit handlers or static
// destructors (libhdf5's would flush the parent's open files from here).
[[noreturn]] void run_child(int to_parent, const std::function<void()> &work) {
  for (int crash : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
    std::signal(crash, SIG_DFL);
  h5::reset_library_mutex_in_child();
  int status = 0;
  std::string message;
  try {
    work();
  } catch (const UnsupportedError &error) {
    status = kChildUnsupported;
    message = error.what();
  } catch (const InputError &error) {
    status = kChildInputError;
    message = error.what();
  } catch (const std::exception &error) {
    status = kChildOtherError;
    message = error.what();
  } catch (...) {
    status = kChildOtherError;
    message = "unknown internal error";
  }
  write_all(to_parent, message);
  ::_exit(status);
}

// Appends what the child writes to `out` until it closes the pipe by exiting;
// false when `deadline` comes first. Reading while waiting keeps a long message
// from filling the pipe and blocking the child.
bool read_until_closed(int fd, Clock::time_point deadline, std::string &out) {
  char buffer[4096];
  for (;;) {
    const auto left = std::chrono::ceil<milliseconds>(deadline - Clock::now()).count();
    if (left <= 0)
      return false;
    pollfd ready{fd, POLLIN, 0};
    const int count = ::poll(&ready, 1, static_cast<int>(std::min<int64_t>(left, INT_MAX)));
    if (count < 0 && errno == EINTR)
      continue;
    if (count < 0)
      throw os_error("cannot wait for the process checking an HDF5 file");
    if (count == 0)
      return false;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0)
      return true;
    if (n > 0)
      out.append(buffer, static_cast<size_t>(n));
    else if (errno != EINTR)
      throw os_error("cannot read from the process checking an HDF5 file");
  }
}

std::string signal_text(int number) {
  const char *name = sigabbrev_np(number);
  return "signal " + std::to_string(number) + (name ? std::string(": SIG") + name : "");
}

} // namespace

void run_behind_crash_barrier(const std::filesystem::path &file, const std::function<void()> &work,
                              milliseconds timeout) {
  const std::string name = file.string();
  const Clock::time_point deadline = Clock::now() + timeout;
  int ends[2];
  pid_t pid;
  {
    // Holding the lock across fork() means no other thread is inside libhdf5,
    // so the child's copy of it is consistent; and as this end of the pipe is
    // closed before the lock is released, no other barrier's child inherits it.
    h5::Lock lock(h5::library_mutex());
    if (::pipe2(ends, O_CLOEXEC) != 0)
      throw os_error(name + ": cannot create a pipe to check the file");
    Fd to_parent(ends[1]);
    pid = ::fork();
    if (pid < 0) {
      ::close(ends[0]);
      throw os_error(name + ": cannot start a process to check the file");
    }
    if (pid == 0)
      run_child(to_parent.get(), work);
  }
  Fd from_child(ends[0]);
  Child child(pid);

  std::string message;
  if (!read_until_closed(from_child.get(), deadline, message)) {
    child.kill();
    child.wait();
    throw H5CrashError(
        fmt::format("{}: libhdf5 did not finish reading this file within {:g} s; the "
                    "file is probably corrupt (set {} to allow more time)",
                    name, static_cast<double>(timeout.count()) / 1000, kTimeoutVariable),
        0);
  }
  const int status = child.wait();
  if (WIFSIGNALED(status))
    throw H5CrashError(name + ": libhdf5 crashed reading this file (" +
                           signal_text(WTERMSIG(status)) + "); the file is corrupt",
                       WTERMSIG(status));
  switch (WEXITSTATUS(status)) {
  case 0:
    return;
  case kChildInputError:
    throw InputError(message);
  case kChildUnsupported:
    throw UnsupportedError(message);
  case kChildOtherError:
    throw std::runtime_error(message);
  default:
    throw std::runtime_error(name + ": the process checking this file ended with exit status " +
                             std::to_string(WEXITSTATUS(status)));
  }
}

milliseconds h5_check_timeout(const std::filesystem::path &file) {
  const char *text = std::getenv(kTimeoutVariable);
  if (text == nullptr || *text == '\0') {
    std::error_code ignored; // an unreadable file fails in the reader, with its own message
    const uintmax_t size = std::filesystem::file_size(file, ignored);
    const uintmax_t bytes = size == static_cast<uintmax_t>(-1) ? 0 : size;
    return milliseconds(60'000 + static_cast<int64_t>(bytes / (8 << 20)) * 1000);
  }
  double seconds = 0;
  auto [end, error] = std::from_chars(text, text + std::strlen(text), seconds);
  if (error != std::errc() || *end != '\0' || !(seconds > 0) || !std::isfinite(seconds))
    throw InputError(
        fmt::format("{}='{}': expected a positive number of seconds", kTimeoutVariable, text));
  // A year is as good as forever here, and keeps the deadline from overflowing.
  return milliseconds(static_cast<int64_t>(std::ceil(std::min(seconds, 365 * 86400.0) * 1000)));
}

} // namespace qgold::data
