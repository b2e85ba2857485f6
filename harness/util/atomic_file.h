#pragma once

// Crash-safe file replacement for goldens, inputs and reports: a killed run leaves every
// file either old or new, never partial.

#include <filesystem>
#include <string>

namespace qgold::harness {

// Writes `text` under qgold's output policy (format/output_file.h): a regular file is
// replaced through a temporary ".<name>.tmp-<pid>-<n>" in its folder (fsync, rename, fsync
// of the folder), a symlink's target is replaced, a device or FIFO is written in place.
// Errors are InputErrors naming the file; the temporary file is removed on failure.
void write_file_atomically(const std::filesystem::path &path, const std::string &text);

// Removes the temporaries of every qgold writer (format::temporary_owner) left in `dir` by
// processes that no longer run (killed runs). Returns how many were removed.
size_t remove_stale_temporaries(const std::filesystem::path &dir);

// The file's bytes, or nullopt-like empty result with `exists` false.
struct FileText {
  bool exists = false;
  std::string text;
};
FileText read_file_text(const std::filesystem::path &path);

} // namespace qgold::harness
