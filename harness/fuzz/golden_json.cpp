// libFuzzer target: golden JSON -> parse_golden; a golden that parses must
// print and parse back to itself (golden_to_json is what regen writes).
#include "harness/fuzz/fuzz_util.h"
#include "harness/golden/golden.h"

#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace qgold::harness;
  std::string text(reinterpret_cast<const char *>(data), size);
  qgold::fuzz::accept_input_errors([&] {
    Golden golden = parse_golden(text, "fuzz.json");
    std::string printed = golden_to_json(golden);
    Golden reread = parse_golden(printed, "fuzz.json (printed)");
    // NaN never equals itself; compare the printed forms instead.
    if (golden_to_json(reread) != printed)
      std::abort();
  });
  return 0;
}
