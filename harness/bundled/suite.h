#pragma once

// qgold's own golden suite: recipes/*.yaml with a `tests:` list, their
// generated inputs in test_inputs/ and goldens in expected_outputs/, laid out
// like ONE's (test_inputs/<case>/<granularity>/<dtype>/<n>.txt,
// expected_outputs/<case>/<granularity>/<dtype>/<step>/<tensor>.json).

#include "harness/suite/step.h"
#include "quant/quant.h"
#include "recipe/recipe.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace qgold::harness {

// One (case, granularity, dtype) of the bundled suite. A recipe's plain tests
// are cases named after the recipe; its qconf tests are cases "<recipe>_config".
// A full test and a weights-only test of the same granularity and dtype share
// one case (different step folders), as in ONE's suite.
struct BundledCase {
  std::string name;        // "Conv2D_001" or "Conv2D_001_config"
  std::string granularity; // layer | channel
  std::string dtype;       // uint8 | int8 | int16
  std::filesystem::path recipe_file;
  bool full = false;         // fake_quantization -> record_minmax -> quantization
  bool weights_only = false; // wo_quantization
  std::string qconf_json;    // non-empty for "_config" cases (circle-quantizer --config text)
  recipe::Calibration calibration; // seed resolved
  std::optional<quant::QConf> qconf;

  std::string id() const; // "Conv2D_001/channel/uint8"
  std::vector<Step> steps() const;
};

struct BundledSuite {
  std::filesystem::path root; // repository root (holds recipes/)
  std::vector<BundledCase> cases; // sorted by id
  std::filesystem::path inputs_dir(const BundledCase &c) const;  // test_inputs/<id>
  std::filesystem::path goldens_dir(const BundledCase &c) const; // expected_outputs/<id>
  std::filesystem::path step_dir(const BundledCase &c, Step step) const;
};

// Reads every recipes/*.yaml under `root` (not subfolders) that has tests.
// Recipe errors are InputErrors with the recipe location.
BundledSuite load_bundled_suite(const std::filesystem::path &root);

// Cases whose id or name matches one of the glob `patterns` (`*`, `?`, `[..]`
// as in fnmatch; "Conv2D_*", "*/channel/int16"); all cases when `patterns` is
// empty. A pattern matching no case is an InputError.
std::vector<BundledCase> select_cases(const BundledSuite &suite,
                                      const std::vector<std::string> &patterns);

} // namespace qgold::harness
