#pragma once

// qgold's own engine as the step backend: the post-training flow of
// engine/quant, in process.

#include "harness/suite/step_backend.h"

#include <functional>
#include <span>

namespace qgold::harness {

// Record-minmax runs the reference kernels for golden data: they sum in one
// fixed order on every x86-64 machine, whereas oneDNN (the CLI's default)
// picks its kernels, and so its summation order, by CPU, which would make
// goldens differ by machine in the last bits.
class EngineBackend : public StepBackend {
public:
  ir::Model run_step(Step step, const ir::Model &input, const CaseSettings &c) override;
  // The integer reference interpreter (engine/interp, Kernels::FloatAndInteger).
  InferenceOutput run_inference(const ir::Model &quantized, const CaseSettings &c) override;
};

// The integer tensors of `model` a run of it computes (graph inputs, then
// operator outputs in execution order; float tensors left out), each with
// the values of every record, appended by `add_record` from the bytes of
// each tensor (by index) in that record.
class InferenceRecorder {
public:
  explicit InferenceRecorder(const ir::Model &model);
  void add_record(const std::function<std::span<const uint8_t>(int32_t)> &bytes_of);
  InferenceOutput take() { return std::move(output_); }

private:
  std::vector<int32_t> tensors_;
  InferenceOutput output_;
};

} // namespace qgold::harness
