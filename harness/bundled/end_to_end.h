#pragma once

// What a regenerated case's change does end to end: the SQNR of each graph
// output against the float model, before and after, from the goldens alone
// (inference codes dequantized with the quantization goldens' scale and zero
// point), so that regen can say "ofm SQNR 41.2 -> 39.8 dB".

#include "harness/golden/golden.h"
#include "ir/model.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace qgold::harness {

// The float model's graph outputs on the case's records (the float values of
// `inputs_dir`), stacked [records, ...shape], by golden file stem.
std::map<std::string, std::vector<float>> float_outputs(const ir::Model &float_model,
                                                        const std::filesystem::path &inputs_dir);

// SQNR (dB) of `codes` (an inference golden) dequantized with `quantization`
// (the tensor's quantization golden: one scale and zero point) against
// `reference`; nullopt when the goldens do not describe a per-tensor
// quantized tensor of the reference's size.
std::optional<double> golden_sqnr_db(const std::vector<float> &reference, const Golden &codes,
                                     const Golden &quantization);

struct OutputEffect {
  std::string case_id, tensor;
  double before_db = 0, after_db = 0;
};

} // namespace qgold::harness
