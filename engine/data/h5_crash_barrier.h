#pragma once

// A crash barrier around libhdf5 (internal to qgold_data). libhdf5 1.10.8
// (Debian 12) segfaults on some corrupt files — a null dereference in
// H5F__accum_read under H5Gget_info, after its own failed allocation of a size
// read from the file — so a bad calibration file could kill qgold before it
// can say which file is bad. The HDF5 reader therefore first does all of its
// reads in a forked child process and reads in-process only after the child
// got through; a crash or a hang there becomes an InputError naming the file.

#include "ir/error.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

namespace qgold::data {

// The child crashed or ran out of time, as opposed to an error `work` reported.
class H5CrashError : public InputError {
public:
  H5CrashError(const std::string &message, int signal) : InputError(message), signal_(signal) {}
  // The signal that ended the child; 0 when it ran out of time.
  int signal() const { return signal_; }

private:
  int signal_;
};

// Runs `work` in a child process forked while the HDF5 library lock is held
// (so no other thread is inside libhdf5), waiting at most `timeout`. Returns
// when `work` returns; an InputError or UnsupportedError it throws is rethrown
// here with the same message. The child dying by a signal, or still running
// after `timeout` (it is killed), is an H5CrashError naming `file`. `work` runs
// on a copy of the process and must only read: nothing it changes survives.
void run_behind_crash_barrier(const std::filesystem::path &file, const std::function<void()> &work,
                              std::chrono::milliseconds timeout);

// How long reading `file` in the child may take: $QGOLD_H5_CHECK_TIMEOUT_SECONDS
// when set, else 60 s plus 1 s per 8 MiB of file (a slow disk still reads
// faster), far above what a healthy file needs.
std::chrono::milliseconds h5_check_timeout(const std::filesystem::path &file);

} // namespace qgold::data
