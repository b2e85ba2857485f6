#pragma once

// What runs the steps of a case: qgold's engine or another toolchain
// (harness/backend/). Every suite layout runs its cases through this interface.

#include "harness/suite/step.h"
#include "ir/error.h"
#include "ir/model.h"
#include "quant/quant.h"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace qgold::harness {

// What a backend is told of the case whose step it runs.
struct CaseSettings {
  std::string id;                    // "Conv2D_001/channel/uint8"
  std::string granularity;           // layer | channel
  std::string dtype;                 // uint8 | int16 | int8
  std::optional<quant::QConf> qconf; // mixed precision ("_config" cases)
  std::string qconf_json;            // the same as circle-quantizer --config text
  // The calibration records (<n>.txt); a case without calibration has none
  // (the folder does not exist).
  std::filesystem::path inputs_dir;

  ir::DType quantized_dtype() const;
  quant::Granularity quantized_granularity() const;
};

// What a quantized model computed for a case's test inputs (the inference
// step): every integer activation, graph inputs and outputs included, in
// graph order, each the values of every record stacked [records, ...shape].
struct TensorRecords {
  std::string name;
  ir::DType dtype;
  ir::Shape shape; // one record's
  std::vector<int64_t> values;
};
using InferenceOutput = std::vector<TensorRecords>;

// Produces the model after one step from the model before it: the float model
// for fake_quantization and wo_quantization, the previous step's model otherwise.
class StepBackend {
public:
  virtual ~StepBackend() = default;
  virtual ir::Model run_step(Step step, const ir::Model &input, const CaseSettings &c) = 0;
  // The inference step: `quantized` (the quantization step's model) run on
  // the case's test inputs, each quantized with its input's parameters.
  virtual InferenceOutput run_inference(const ir::Model &quantized, const CaseSettings &c) = 0;
  // Why the goldens of `step` are not checked with this backend (it lets
  // qgold's engine stand in for a step it lacks); empty when it runs the step.
  virtual std::string skip_reason(Step) const { return {}; }
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

} // namespace qgold::harness
