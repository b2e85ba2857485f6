// libFuzzer target: Circle/TFLite bytes -> deserialize; a model that reads
// must also serialize and read back.
#include "format/model_file.h"
#include "harness/fuzz/fuzz_util.h"

#include <span>

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  qgold::fuzz::set_fuzz_limits();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace qgold::format;
  qgold::fuzz::accept_input_errors([&] {
    qgold::ir::Model model = deserialize(std::span<const uint8_t>(data, size), "fuzz.circle");
    std::vector<uint8_t> bytes = serialize(model, FileFormat::Circle);
    deserialize(bytes, "fuzz.circle (rewritten)");
  });
  return 0;
}
