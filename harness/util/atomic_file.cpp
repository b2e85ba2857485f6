#include "harness/util/atomic_file.h"

#include "format/output_file.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <cerrno>
#include <fstream>
#include <signal.h>
#include <sstream>
#include <unistd.h>

namespace qgold::harness {

namespace fs = std::filesystem;

void write_file_atomically(const fs::path &path, const std::string &text) {
  format::write_output_file(path, text);
}

size_t remove_stale_temporaries(const fs::path &dir) {
  size_t removed = 0;
  std::error_code error;
  for (const auto &entry : fs::directory_iterator(dir, error)) {
    std::optional<long> pid = format::temporary_owner(entry.path().filename().string());
    if (!pid || *pid <= 0 || *pid == ::getpid())
      continue;
    bool running = ::kill(static_cast<pid_t>(*pid), 0) == 0 || errno == EPERM;
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
