#pragma once

// Thin RAII and error-reporting layer over the HDF5 C API (internal to qgold_data).
// Every failure becomes a qgold::InputError whose message names the file and
// object, followed by HDF5's own innermost reason.

#include "ir/dtype.h"

#include <hdf5.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace qgold::data::h5 {

// HDF5 built without --enable-threadsafe (its default) must not be entered
// from two threads at once; every qgold entry point that calls HDF5 holds this
// lock, and handles take it to close. (Debian's build is thread-safe anyway.)
std::recursive_mutex &library_mutex();
using Lock = std::lock_guard<std::recursive_mutex>;

// For a child forked while holding library_mutex() (h5_crash_barrier.h): its
// copy of the mutex stays owned by the forking thread's id, which the child's
// one thread does not have, so the child replaces it with an unlocked one.
void reset_library_mutex_in_child();

// Turns off HDF5's automatic printing of its error stack (once per process);
// qgold reports errors itself.
void silence_errors();

// Owns one HDF5 identifier and releases it with the matching H5?close.
class Handle {
public:
  using Closer = herr_t (*)(hid_t);

  Handle() = default;
  Handle(hid_t id, Closer closer) : id_(id), closer_(closer) {}
  Handle(Handle &&other) noexcept
      : id_(std::exchange(other.id_, H5I_INVALID_HID)), closer_(other.closer_) {}
  Handle &operator=(Handle &&other) noexcept {
    if (this != &other) {
      release();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
      closer_ = other.closer_;
    }
    return *this;
  }
  Handle(const Handle &) = delete;
  Handle &operator=(const Handle &) = delete;
  ~Handle() { release(); }

  hid_t get() const { return id_; }
  // Closes now; false when HDF5 reports a failure (closing a file flushes it).
  bool close() {
    Lock lock(library_mutex());
    const herr_t status = id_ >= 0 ? closer_(id_) : 0;
    id_ = H5I_INVALID_HID;
    return status >= 0;
  }

private:
  void release() {
    if (id_ < 0)
      return;
    Lock lock(library_mutex());
    closer_(id_);
    id_ = H5I_INVALID_HID;
  }

  hid_t id_ = H5I_INVALID_HID;
  Closer closer_ = nullptr;
};

// File access properties for every file qgold opens or creates: without
// HDF5's flock() file locks. A crash-barrier child (h5_crash_barrier.h)
// inherits every open descriptor and with it such a lock, which would keep
// the file locked against other readers and writers until the child ends.
Handle file_access();

// Throws InputError "<what> (<HDF5 reason>)" and clears the HDF5 error stack.
[[noreturn]] void fail(const std::string &what);

// Wraps a fresh identifier; a negative one fails with `what`.
Handle check(hid_t id, Handle::Closer closer, const std::string &what);
// Fails with `what` when an HDF5 status is negative; returns the status otherwise.
herr_t check(herr_t status, const std::string &what);

// The numpy-style bool type h5py writes: enum over int8 with FALSE=0, TRUE=1.
Handle make_bool_enum(hid_t base);
bool is_bool_enum(hid_t type);

// "float32", "int16", "uint8", "bool", "string", ... for messages.
std::string describe_type(hid_t type);

// Whether a stored dataset type holds values of `dtype` exactly (any byte order).
bool type_matches(hid_t type, ir::DType dtype);

// In-memory and little-endian file types for a dtype; UnsupportedError for
// dtypes HDF5 cannot hold here (float16, string).
Handle memory_type(ir::DType dtype, const std::string &context);
Handle file_type(ir::DType dtype, const std::string &context);

// Current extent of a dataspace: dims, or empty for a scalar.
std::vector<hsize_t> extent(hid_t space, const std::string &what);
std::string extent_to_string(const std::vector<hsize_t> &dims);

// Writes a dataset of `dims` (empty = scalar), with a string attribute `name`
// holding `label` when it is non-empty; and a variable-length UTF-8 string attribute.
void write_dataset(hid_t parent, const std::string &name, hid_t file_type, hid_t memory_type,
                   const std::vector<hsize_t> &dims, const void *data, const std::string &what,
                   const std::string &label = "");
void write_string_attribute(hid_t object, const std::string &name, const std::string &value,
                            const std::string &what);

} // namespace qgold::data::h5
