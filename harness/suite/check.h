#pragma once

// Goldens compared with the model a step produced.

#include "harness/suite/golden_files.h"
#include "harness/suite/result.h"
#include "harness/suite/step_backend.h"
#include "ir/model.h"

#include <vector>

namespace qgold::harness {

// Compares every golden of `step` with the tensor of `model` of the same file
// stem; a stem no tensor has is a failed check with an error. `quantization`
// (may be null): the case's quantization goldens, whose scales measure the
// min/max differences of record_minmax goldens in quantization steps.
// Goldens of quantized models (quantization, wo_quantization) are compared on
// weights, scale and zero_point only, as ONE does.
std::vector<GoldenCheck> check_goldens(Step step, const std::vector<GoldenFile> &goldens,
                                       const ir::Model &model, const Tolerances &tolerances,
                                       const std::vector<GoldenFile> *quantization = nullptr);

// Compares every inference golden with the codes of the tensor of `output`
// of the same file stem (compare_codes); a stem no tensor has is a failed
// check with an error.
std::vector<GoldenCheck> check_inference(const std::vector<GoldenFile> &goldens,
                                         const InferenceOutput &output,
                                         const Tolerances &tolerances);

// The golden of one tensor of an inference output: key codes, [records, ...shape].
Golden inference_golden(const TensorRecords &tensor);

// The step whose goldens a model quantized elsewhere is checked against:
// quantization, or wo_quantization when the case has no quantization goldens or
// when the model's inputs are still float and the case has weights-only goldens.
Step quantized_model_step(bool has_quantization, bool has_wo_quantization, const ir::Model &model);

// Whether `model` holds any quantized (integer) tensor.
bool has_quantized_tensor(const ir::Model &model);

} // namespace qgold::harness
