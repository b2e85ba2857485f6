// libFuzzer target: HDF5 dataset -> open_dataset -> every record. The first
// bytes choose the model's input specs (fuzz_util.h), the rest is the file.
#include "data/h5_crash_barrier.h"
#include "data/readers.h"
#include "harness/fuzz/fuzz_util.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>

// libhdf5 mallocs sizes read from the file before validating them; it handles a
// failed malloc (qgold then reports the file), so ASan must return null rather
// than abort. Its free lists also confuse the per-input leak check (lsan.supp).
extern "C" const char *__asan_default_options() { return "allocator_may_return_null=1"; }
extern "C" const char *__lsan_default_suppressions() { return "leak:libhdf5_serial.so\n"; }

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  qgold::fuzz::set_fuzz_limits();
  // A file libhdf5 hangs on must end as an InputError before libFuzzer's -timeout (20 s in CI).
  setenv("QGOLD_H5_CHECK_TIMEOUT_SECONDS", "10", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::span<const uint8_t> bytes(data, size);
  auto specs = qgold::fuzz::take_specs(bytes);
  qgold::fuzz::TempFile file(bytes, "data.h5");
  try {
    auto reader = qgold::data::open_dataset(file.path(), specs);
    qgold::fuzz::drain(*reader);
  } catch (const qgold::data::H5CrashError &crash) {
    // libhdf5 itself crashed or hung on the file, in the crash barrier's child.
    // SIGABRT there is a sanitizer's report (abort_on_error=1): a finding.
    if (crash.signal() == SIGABRT) {
      std::fprintf(stderr, "%s\n", crash.what());
      std::abort();
    }
  } catch (const qgold::InputError &error) {
    // The child rejected the file and its coverage died with it: repeat the
    // reads it survived in-process, so that libFuzzer sees the error paths too.
    // They must end in the same error, or the barrier checked something else.
    std::string again = "no error";
    try {
      auto reader = qgold::data::open_h5_dataset_in_process(file.path(), specs);
      qgold::fuzz::drain(*reader);
    } catch (const qgold::InputError &in_process) {
      again = in_process.what();
    }
    if (again != error.what()) {
      std::fprintf(stderr, "crash barrier: '%s'\nin-process: '%s'\n", error.what(), again.c_str());
      std::abort();
    }
  }
  return 0;
}
