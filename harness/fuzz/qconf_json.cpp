// libFuzzer target: qconf JSON (circle-quantizer --config) -> parse_qconf.
#include "harness/fuzz/fuzz_util.h"
#include "quant/quant.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  qgold::fuzz::accept_input_errors([&] { qgold::quant::parse_qconf(text, "fuzz.qconf.json"); });
  return 0;
}
