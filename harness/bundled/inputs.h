#pragma once

// Calibration inputs of a bundled case, generated from the recipe's
// `calibration:` and stored as test_inputs/<case>/<granularity>/<dtype>/<n>.txt.

#include "ir/model.h"
#include "recipe/recipe.h"

#include <filesystem>
#include <string>
#include <vector>

namespace qgold::harness {

// The text of every record (record n = "<n>.txt"): one line per model input,
// its elements separated by ',' in shortest round-trip form. Element k of
// input i in record n is min + (max - min) * u, u the k-th unit_uniform draw of
// filler_engine(seed, "<input name>#<n>"), rounded to float: the same bytes on
// every platform. Only float32 inputs can be generated (InputError otherwise).
std::vector<std::string> generate_input_records(const ir::Model &model,
                                                const recipe::Calibration &calibration);

struct InputWriteResult {
  size_t written = 0, kept = 0;
};

// Writes the records into `dir` atomically. Existing records are kept unless
// `overwrite`; files of other names are left alone.
InputWriteResult write_input_records(const std::vector<std::string> &records,
                                     const std::filesystem::path &dir, bool overwrite);

} // namespace qgold::harness
