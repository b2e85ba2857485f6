#pragma once

// Crash-safe file replacement for goldens and inputs: a killed run leaves every
// file either old or new, never partial.

#include <filesystem>
#include <string>

namespace qgold::harness {

// Writes `text` to ".<name>.tmp-<pid>" in the folder of `path`, fsyncs it and
// renames it over `path`, then fsyncs the folder. Errors are InputErrors
// naming the file; the temporary file is removed on failure.
void write_file_atomically(const std::filesystem::path &path, const std::string &text);

// Removes temporaries of write_file_atomically left in `dir` by processes that
// no longer run (killed runs). Returns how many were removed.
size_t remove_stale_temporaries(const std::filesystem::path &dir);

// The file's bytes, or nullopt-like empty result with `exists` false.
struct FileText {
  bool exists = false;
  std::string text;
};
FileText read_file_text(const std::filesystem::path &path);

} // namespace qgold::harness
