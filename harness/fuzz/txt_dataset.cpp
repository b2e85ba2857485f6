// libFuzzer target: one .txt record -> open_dataset -> every record. The first
// bytes choose the model's input specs (fuzz_util.h), the rest is the file.
#include "harness/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  qgold::fuzz::set_fuzz_limits();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::span<const uint8_t> bytes(data, size);
  auto specs = qgold::fuzz::take_specs(bytes);
  qgold::fuzz::TempFile file(bytes, "0.txt");
  qgold::fuzz::accept_input_errors([&] {
    auto reader = qgold::data::open_dataset(file.path(), specs);
    qgold::fuzz::drain(*reader);
  });
  return 0;
}
