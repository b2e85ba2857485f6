#pragma once

// The one policy for every file qgold writes (models, HDF5, goldens, reports):
//  - a new or regular file is replaced atomically: the bytes go to a temporary
//    ".<name>.tmp-<pid>-<n>" in the same folder, are fsynced, and the temporary is renamed over
//    the file, then the folder is fsynced; a killed run leaves the file old or new;
//  - a symlink is followed (even a dangling one) and its final target replaced, so the link
//    survives;
//  - an existing file that is not regular (character device, FIFO, socket) is written in place,
//    without a temporary: a rename would turn /dev/null or a FIFO into a regular file;
//  - /dev/stdout and /dev/stderr are written through qgold's own descriptors, so a redirected
//    output keeps its offset instead of being replaced.
// Errors are InputErrors naming the file.

#include <filesystem>
#include <optional>
#include <string_view>

namespace qgold::format {

// Where the bytes of an output finally go.
struct OutputTarget {
  enum class Kind { Replace, InPlace, Descriptor };
  Kind kind = Kind::Replace;
  std::filesystem::path path; // Replace: the end of any symlink chain; else as given
  int descriptor = -1;        // Descriptor only
};
OutputTarget resolve_output(const std::filesystem::path &path);

void write_output_file(const std::filesystem::path &path, std::string_view bytes);

// For writers that create the file by name (HDF5): they write path(), then commit() puts it
// in place under the policy above. Destroyed uncommitted, it removes the temporary, so a
// failed run leaves the target as it was. The temporary of a non-regular target lives in
// the system's temporary folder (/dev is no place for one) and is copied in on commit.
class StagedOutput {
public:
  explicit StagedOutput(const std::filesystem::path &target);
  ~StagedOutput();
  StagedOutput(const StagedOutput &) = delete;
  StagedOutput &operator=(const StagedOutput &) = delete;

  const std::filesystem::path &path() const { return temporary_; }
  void commit();

private:
  OutputTarget target_;
  std::filesystem::path temporary_;
  bool renamed_ = false; // the temporary became the target, or replace() removed it
};

// The pid in the name of one of the temporaries above (".<name>.tmp-<pid>-<n>", also the
// older ".<name>.tmp-<pid>", either with the ".partial" that data::dump_tensors_h5 appends
// while it writes), or nullopt when `name` is not one.
std::optional<long> temporary_owner(std::string_view name);

// "<path>: folder <dir> does not exist" (or "is not a folder") as an InputError, so that a
// command fails before its work rather than when it writes.
void check_output_folder(const std::filesystem::path &path);

} // namespace qgold::format
