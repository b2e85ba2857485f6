#include "harness/report/context.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <fcntl.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <thread>
#include <vector>

namespace qgold::harness::report {

namespace {

// Standard output of `git -C dir args...` (stderr discarded), nullopt when it fails.
std::optional<std::string> git_output(const std::filesystem::path &dir,
                                      std::vector<std::string> args) {
  // Everything the child needs is prepared before fork: it only calls async-signal-safe functions.
  std::vector<std::string> all = {"git", "-C", dir.string()};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char *> argv;
  for (std::string &arg : all)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0)
    return std::nullopt;
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return std::nullopt;
  }
  if (pid == 0) {
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    int null = ::open("/dev/null", O_WRONLY);
    if (null >= 0)
      ::dup2(null, STDERR_FILENO);
    ::execvp("git", argv.data());
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  std::string out;
  std::array<char, 4096> buffer;
  ssize_t n;
  while ((n = ::read(pipe_fds[0], buffer.data(), buffer.size())) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      out.append(buffer.data(), static_cast<size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return std::nullopt;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
    out.pop_back();
  return out;
}

} // namespace

std::string machine_description() {
  char host[256] = {};
  std::string name = ::gethostname(host, sizeof host - 1) == 0 ? host : "unknown host";
  struct utsname info {};
  std::string system = ::uname(&info) == 0
                           ? fmt::format("{} {} {}", info.sysname, info.release, info.machine)
                           : "unknown system";
  return fmt::format("{}, {}, {} cores", name, system, std::thread::hardware_concurrency());
}

std::string git_revision(const std::filesystem::path &dir) {
  auto head = git_output(dir, {"rev-parse", "--short=12", "HEAD"});
  if (!head || head->empty())
    return "unknown";
  auto status = git_output(dir, {"status", "--porcelain", "--untracked-files=no", "."});
  return *head + (status && !status->empty() ? "-dirty" : "");
}

ReportContext make_report_context(const std::string &qgold_version, const std::string &command,
                                  const std::filesystem::path &suite_dir) {
  ReportContext context;
  context.qgold_version = qgold_version;
  context.command = command;
  context.machine = machine_description();
  context.suite_revision = git_revision(suite_dir);
  context.generated =
      fmt::format("{:%Y-%m-%d %H:%M:%S} UTC",
                  std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  return context;
}

} // namespace qgold::harness::report
