#pragma once

// Runs the steps of a bundled case through a backend (qgold's engine or an
// external toolchain) and extracts the goldens each step determines.

#include "harness/bundled_suite.h"
#include "harness/golden.h"
#include "ir/error.h"
#include "ir/model.h"

#include <filesystem>
#include <functional>
#include <map>
#include <string>

namespace qgold::harness {

// Produces the model after one step from the model before it: the float model
// for fake_quantization and wo_quantization, the previous step's model otherwise.
class StepBackend {
public:
  virtual ~StepBackend() = default;
  // `inputs_dir` holds the case's calibration records (<n>.txt).
  virtual ir::Model run_step(Step step, const ir::Model &input, const BundledCase &c,
                             const std::filesystem::path &inputs_dir) = 0;
  // Why the goldens of `step` are not checked with this backend (it lets
  // qgold's engine stand in for a step it lacks); empty when it runs the step.
  virtual std::string skip_reason(Step) const { return {}; }
};

// qgold's own engine, in process.
class EngineBackend : public StepBackend {
public:
  ir::Model run_step(Step step, const ir::Model &input, const BundledCase &c,
                     const std::filesystem::path &inputs_dir) override;
};

// A backend that cannot work at all (an adapter command that cannot be
// executed): not a failure of one case, so the whole run stops with it.
struct BackendConfigError : InputError {
  using InputError::InputError;
};

// An error of one step of a case (the message of the underlying error).
struct StepFailure : std::runtime_error {
  StepFailure(std::string step, const std::string &message)
      : std::runtime_error(message), step(std::move(step)) {}
  std::string step; // "recipe" or a step name
};

// Builds the case's float model and runs its steps in order (c.steps()),
// calling `after_step` with each step's output model. Any error but a
// BackendConfigError is rethrown as a StepFailure naming the step.
void run_case_steps(const BundledCase &c, const std::filesystem::path &inputs_dir,
                    StepBackend &backend,
                    const std::function<void(Step, const ir::Model &)> &after_step);

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
  // Per-channel axis of quantized tensors, for measuring changes in steps.
  std::map<std::string, int32_t> channel_axis;
};
StepGoldens step_goldens(Step step, const ir::Model &model);

} // namespace qgold::harness
