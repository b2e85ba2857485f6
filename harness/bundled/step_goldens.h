#pragma once

// The goldens qgold writes for a step of a bundled case (regen), read off the
// step's output model.

#include "harness/golden/golden.h"
#include "harness/suite/step.h"
#include "harness/suite/step_backend.h"
#include "ir/model.h"

#include <map>
#include <string>

namespace qgold::harness {

// The goldens of one step's output model, by golden file stem:
//  - fake_quantization: `weights` of every float weight of Conv2D,
//    DepthwiseConv2D, TransposeConv and FullyConnected;
//  - record_minmax: `min`, `max` (scalars) of every recorded tensor;
//  - quantization, wo_quantization: every tensor with quantization
//    parameters: `weights` (constants), `scale`, `zero_point` (scalars when
//    there is one value, as in ONE's per-tensor goldens, else lists).
// Two tensors with the same file stem are an InputError (safe_name.h).
struct StepGoldens {
  std::map<std::string, Golden> goldens;
  // Per-channel axis and dtype of quantized tensors, for measuring changes in steps.
  std::map<std::string, int32_t> channel_axis;
  std::map<std::string, ir::DType> dtype;
};
StepGoldens step_goldens(Step step, const ir::Model &model);

// The inference goldens of a run (check.h inference_golden), by file stem.
StepGoldens inference_goldens(const InferenceOutput &output);

} // namespace qgold::harness
