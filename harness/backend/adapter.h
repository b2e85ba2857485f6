#pragma once

// Backend adapters: another toolchain runs the steps of a suite's cases
// through command templates from a YAML file (docs/harness.md):
//
//   format: circle            # or tflite: the model files exchanged
//   steps:
//     quantization:
//       - [my-quantizer, "{input_model}", "{output_model}", --dtype, "{dtype}",
//          [--config, "{config}"]]
//
// A step is a list of commands run in order, each an argv list run without a
// shell; a nested list is an optional group, dropped when one of its
// placeholders has no value (e.g. {config} outside qconf cases).

#include "format/model_file.h"
#include "harness/backend/engine_backend.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace qgold::harness {

struct AdapterArg {
  std::vector<std::string> parts; // one part, or several for an optional group
  bool optional_group = false;
};
using AdapterCommand = std::vector<AdapterArg>;

struct Adapter {
  std::string origin; // the file
  format::FileFormat format = format::FileFormat::Circle;
  std::map<Step, std::vector<AdapterCommand>> steps;
};

// Placeholders a template may use.
inline constexpr const char *kAdapterPlaceholders[] = {
    "input_model", "output_model", "dtype",   "granularity", "data",  "config",
    "case",        "step",         "workdir", "qgold",       "output"};

// Errors (unknown keys, steps or placeholders, malformed templates) are
// InputErrors "file:line:column: message".
Adapter parse_adapter(const std::string &text, const std::string &origin);
Adapter load_adapter(const std::filesystem::path &path);

// The argv of one command: "{name}" replaced by values.at(name), "{{" and "}}"
// by braces. A placeholder without a value drops its optional group, or is an
// InputError naming `where` when outside one.
std::vector<std::string> expand_command(const AdapterCommand &command,
                                        const std::map<std::string, std::string> &values,
                                        const std::string &where);

// Runs the adapter's commands for each step in a private work folder: writes
// the input model, the calibration data as ONE's .h5 ({data}) and the qconf
// ({config}), then reads {output_model}. A command that exits non-zero or an
// unreadable output model is an InputError naming the step and the command (a
// failure of the case); a command that cannot be executed at all (no such
// program, no permission) is a BackendConfigError naming the adapter file, the
// step and the command. qgold's engine runs the steps the adapter has no
// command for, so that the following steps get their input; their goldens are
// skipped (skip_reason).
//
// The inference step: {input_model} is the case's quantized model, {data}
// its test inputs as codes (ONE's .h5 layout, each input in its dtype), and
// the commands write {output}: an .h5 of the same layout holding, per record,
// the tensors `qgold run --all-tensors` writes, in its order (graph outputs,
// then every other operator output in execution order). Its integer tensors
// are compared with the inference goldens.
class AdapterBackend : public StepBackend {
public:
  // `qgold` is the value of {qgold} (this executable).
  AdapterBackend(const Adapter &adapter, std::string qgold);
  ~AdapterBackend() override;
  ir::Model run_step(Step step, const ir::Model &input, const CaseSettings &c) override;
  InferenceOutput run_inference(const ir::Model &quantized, const CaseSettings &c) override;
  std::string skip_reason(Step step) const override;

private:
  std::map<std::string, std::string> placeholder_values(const CaseSettings &c, Step step);
  void run_commands(Step step, const std::map<std::string, std::string> &values);
  const std::filesystem::path &workdir();
  std::string data_file(const ir::Model &input, const std::filesystem::path &inputs_dir);

  const Adapter &adapter_;
  EngineBackend engine_; // stands in for the steps the adapter lacks
  std::string qgold_;
  std::filesystem::path workdir_;
  std::string data_;
};

// Runs argv (no shell) with stdout and stderr appended to `log`; returns the
// exit status (128 + signal when killed). A program that cannot be executed is
// a BackendConfigError.
int run_command(const std::vector<std::string> &argv, const std::filesystem::path &log);

} // namespace qgold::harness
