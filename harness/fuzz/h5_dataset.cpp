// libFuzzer target: HDF5 dataset -> open_dataset -> every record. The first
// bytes choose the model's input specs (fuzz_util.h), the rest is the file.
#include "harness/fuzz/fuzz_util.h"

// libhdf5 mallocs sizes read from the file before validating them; it handles a
// failed malloc (qgold then reports the file), so ASan must return null rather
// than abort. Its free lists also confuse the per-input leak check (lsan.supp).
extern "C" const char *__asan_default_options() { return "allocator_may_return_null=1"; }
extern "C" const char *__lsan_default_suppressions() { return "leak:libhdf5_serial.so\n"; }

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  qgold::fuzz::set_fuzz_limits();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::span<const uint8_t> bytes(data, size);
  auto specs = qgold::fuzz::take_specs(bytes);
  qgold::fuzz::TempFile file(bytes, "data.h5");
  qgold::fuzz::accept_input_errors([&] {
    auto reader = qgold::data::open_dataset(file.path(), specs);
    qgold::fuzz::drain(*reader);
  });
  return 0;
}
