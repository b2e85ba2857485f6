// libFuzzer target: YAML recipe text -> parse_yaml_recipe -> build_model.
#include "harness/fuzz/fuzz_util.h"
#include "recipe/recipe.h"

#include <string>

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  qgold::fuzz::set_fuzz_limits();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  qgold::fuzz::accept_input_errors([&] {
    qgold::ir::Model model =
        qgold::recipe::build_model(qgold::recipe::parse_yaml_recipe(text, "fuzz.yaml"));
  });
  return 0;
}
