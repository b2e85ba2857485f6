// libFuzzer targets tflchef_recipe and yaml_recipe: recipe text -> the
// tflchef reader (QGOLD_FUZZ_TFLCHEF) or the YAML reader -> build_model.
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
#ifdef QGOLD_FUZZ_TFLCHEF
    qgold::recipe::Recipe recipe = qgold::recipe::parse_tflchef_recipe(text, "fuzz.recipe");
#else
    qgold::recipe::Recipe recipe = qgold::recipe::parse_yaml_recipe(text, "fuzz.yaml");
#endif
    qgold::ir::Model model = qgold::recipe::build_model(recipe);
  });
  return 0;
}
