// tflite_oracle_io: qgold's side of the TFLite oracle (README.md).
//   inputs MODEL DATA... -o IN.json [--h5 ALL.h5]
//                                       qgold datasets (their records in order) as the
//                                       oracle's tensor file, and as one HDF5 dataset
//                    [--quantize-inputs] float data for a quantized model's inputs, as codes
//   compare MODEL OUT.json RUN.h5...    `qgold run` outputs vs the oracle's, within tolerance
//   codes MODEL IN.json ALL.json RUN.h5 a quantized model: `qgold run --all-tensors` and
//                                       qgold's kernels op by op vs an --all-tensors oracle
//                                       run, bit for bit (codes.h: the per-op rules)
//   diagnose MODEL ALL.json DATA...     qgold's interpreter vs an --all-tensors oracle run:
//                                       the first operator whose output differs
// Exit status: 0 agree, 1 a value differs beyond the tolerance, 2 bad input or usage,
// 3 internal error.

#include "tools/tflite_oracle/tensor_file.h"

#include "data/dataset.h"
#include "format/inspect.h"
#include "format/model_file.h"
#include "format/output_file.h"
#include "interp/interpreter.h"
#include "interp/quantized_io.h"
#include "ir/error.h"
#include "tools/tflite_oracle/codes.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <iostream>
#include <optional>
#include <span>

namespace qgold::oracle {
namespace {

constexpr int kExitOk = 0, kExitMismatch = 1, kExitBadInput = 2, kExitInternal = 3;

struct Tolerance {
  double atol = 1e-4, rtol = 1e-4;
};

// "Add #0 (fused_activation_function=TANH)": the operator that writes `tensor`, for reports.
std::string producer_text(const ir::Model &model, int32_t tensor) {
  int32_t op = model.producer(tensor);
  if (op < 0)
    return "no operator (a graph input)";
  nlohmann::json options = format::inspect_json(model)["operators"][op]["options"];
  std::string text = fmt::format("{} #{}", ir::op_name(model.operators[op].code), op);
  std::vector<std::string> fields;
  for (const auto &[key, value] : options.items())
    fields.push_back(fmt::format("{}={}", key, value.is_string() ? value.get<std::string>() : value.dump()));
  return fields.empty() ? text : fmt::format("{} ({})", text, fmt::join(fields, ", "));
}

// The largest deviation of one tensor: |actual - expected| and by how much it exceeds the
// tolerance |diff| <= atol + rtol*|expected| (NaN against NaN and equal infinities agree).
struct Deviation {
  double max_diff = 0, excess = -INFINITY;
  size_t index = 0;
  float expected = 0, actual = 0;
  bool ok() const { return excess <= 0; }
};

Deviation deviation(std::span<const float> expected, std::span<const float> actual,
                    const Tolerance &tolerance) {
  Deviation worst;
  for (size_t i = 0; i < expected.size(); ++i) {
    float e = expected[i], a = actual[i];
    if ((std::isnan(e) && std::isnan(a)) || (std::isinf(e) && e == a))
      continue;
    double diff = std::isnan(e) || std::isnan(a) ? INFINITY : std::fabs(double(a) - double(e));
    double excess = diff - (tolerance.atol + tolerance.rtol * std::fabs(double(e)));
    if (excess > worst.excess)
      worst = {std::max(worst.max_diff, diff), excess, i, e, a};
    worst.max_diff = std::max(worst.max_diff, diff);
  }
  return worst;
}

// The elements of a float32, int32, int64 or bool tensor as floats (indices and
// flags are exact in float up to 2^24).
template <typename T> std::vector<float> converted(std::span<const uint8_t> bytes) {
  std::vector<float> values(bytes.size() / sizeof(T));
  for (size_t i = 0; i < values.size(); ++i) {
    T value;
    std::memcpy(&value, bytes.data() + i * sizeof(T), sizeof(T));
    values[i] = static_cast<float>(value);
  }
  return values;
}

std::vector<float> floats_of(std::span<const uint8_t> bytes, ir::DType dtype,
                             const std::string &what) {
  switch (dtype) {
  case ir::DType::Float32:
    return converted<float>(bytes);
  case ir::DType::Int32:
    return converted<int32_t>(bytes);
  case ir::DType::Int64:
    return converted<int64_t>(bytes);
  case ir::DType::Bool:
    return converted<uint8_t>(bytes);
  default:
    throw InputError(fmt::format("{} is {}, compare reads float32, int32, int64 or bool tensors",
                                 what, ir::dtype_name(dtype)));
  }
}

std::vector<float> floats_of(const OracleTensor &tensor, const std::string &where) {
  return floats_of(tensor.bytes, tensor.dtype, fmt::format("{}: tensor '{}'", where, tensor.name));
}

// With `h5`, the same records also go to one HDF5 dataset, so that one `qgold run` covers them.
// With `quantize`, the datasets hold float values for the quantized inputs, written as their
// codes (interp::quantize_values, as `qgold run --quantize-inputs`).
int run_inputs(const std::string &model_path, const std::vector<std::string> &datasets,
               const std::string &output, const std::string &h5, bool quantize) {
  ir::Model model = format::read_model_file(model_path);
  auto specs = data::input_specs(model);
  auto read_specs = specs;
  std::vector<const ir::Tensor *> quantized(specs.size(), nullptr);
  for (size_t i = 0; quantize && i < specs.size(); ++i) {
    const ir::Tensor &tensor = model.tensors[static_cast<size_t>(model.inputs[i])];
    if (interp::is_per_tensor_quantized(tensor)) {
      quantized[i] = &tensor;
      read_specs[i].dtype = ir::DType::Float32;
    }
  }
  std::vector<OracleRecord> records;
  std::optional<format::StagedOutput> staged;
  std::optional<data::H5DatasetWriter> writer;
  if (!h5.empty()) {
    staged.emplace(h5);
    writer.emplace(staged->path(), specs);
  }
  for (const std::string &data : datasets) {
    auto dataset = data::open_dataset(data, read_specs);
    data::Record record;
    while (dataset->next(record)) {
      record.id = fmt::format("{}: {}", data, record.id);
      for (size_t i = 0; i < specs.size(); ++i) {
        if (!quantized[i])
          continue;
        std::vector<float> values(record.inputs[i].size() / sizeof(float));
        std::memcpy(values.data(), record.inputs[i].data(), record.inputs[i].size());
        record.inputs[i] = interp::quantize_values(
            *quantized[i], values, fmt::format("{}, input {}", record.id, i));
      }
      if (writer)
        writer->append(record);
      OracleRecord out{record.id, {}};
      for (size_t i = 0; i < specs.size(); ++i)
        out.tensors.push_back({specs[i].name, "", specs[i].dtype, specs[i].shape, record.inputs[i]});
      records.push_back(std::move(out));
    }
  }
  write_tensor_file(output, records);
  if (writer) {
    writer->close();
    staged->commit();
  }
  std::cout << fmt::format("wrote {} records to {}\n", records.size(), output);
  return kExitOk;
}

// Reads the records of several datasets in order, as one stream.
class Records {
public:
  Records(std::vector<std::string> paths, std::vector<data::InputSpec> specs)
      : paths_(std::move(paths)), specs_(std::move(specs)) {}
  // The next record and the dataset it comes from; false after the last dataset.
  bool next(data::Record &record) {
    while (true) {
      if (!reader_) {
        if (next_path_ == paths_.size())
          return false;
        current_ = paths_[next_path_++];
        reader_ = data::open_dataset(current_, specs_);
      }
      if (reader_->next(record))
        return true;
      reader_.reset();
    }
  }
  const std::string &current() const { return current_; }
  std::string all() const { return fmt::format("{}", fmt::join(paths_, ", ")); }

private:
  std::vector<std::string> paths_;
  std::vector<data::InputSpec> specs_;
  size_t next_path_ = 0;
  std::string current_;
  std::unique_ptr<data::DatasetReader> reader_;
};

int run_compare(const std::string &model_path, const std::string &actual_path,
                const std::vector<std::string> &expected_paths, const Tolerance &tolerance) {
  ir::Model model = format::read_model_file(model_path);
  std::vector<data::InputSpec> specs;
  for (int32_t index : model.outputs)
    specs.push_back(
        {model.tensors[index].name, model.tensors[index].dtype, model.tensors[index].shape});
  Records expected(expected_paths, specs);
  std::vector<OracleRecord> actual = read_tensor_file(actual_path);

  int status = kExitOk;
  double overall = 0;
  size_t r = 0;
  data::Record record;
  for (; expected.next(record); ++r) {
    if (r >= actual.size())
      throw InputError(fmt::format("{}: holds {} records; {} hold more", actual_path,
                                   actual.size(), expected.all()));
    auto outputs = graph_outputs(actual[r]);
    if (outputs.size() != specs.size())
      throw InputError(fmt::format("{}: record {} has {} outputs; the model has {}", actual_path,
                                   r, outputs.size(), specs.size()));
    for (size_t o = 0; o < specs.size(); ++o) {
      const OracleTensor &tensor = *outputs[o];
      std::string where = fmt::format("{}: record {}, output {}", actual_path, r, o);
      if (tensor.name != specs[o].name || tensor.shape != specs[o].shape ||
          tensor.dtype != specs[o].dtype)
        throw InputError(fmt::format("{}: '{}' {} {} is not model output '{}' {} {}", where,
                                     tensor.name, ir::dtype_name(tensor.dtype),
                                     ir::shape_to_string(tensor.shape), specs[o].name,
                                     ir::dtype_name(specs[o].dtype),
                                     ir::shape_to_string(specs[o].shape)));
      const std::vector<float> want = floats_of(
          record.inputs[o], specs[o].dtype, fmt::format("{}: output {}", expected.current(), o));
      Deviation d = deviation(want, floats_of(tensor, where), tolerance);
      overall = std::max(overall, d.max_diff);
      if (!d.ok()) {
        std::cout << fmt::format(
            "MISMATCH {}, output '{}' element {}: qgold {} tflite {} |diff| {:.6g} > {:g} + "
            "{:g}*|expected|; written by {}\n",
            actual[r].id.empty() ? expected.current() + " " + record.id : actual[r].id, tensor.name, d.index, d.expected, d.actual,
            std::fabs(double(d.actual) - d.expected), tolerance.atol, tolerance.rtol,
            producer_text(model, model.outputs[o]));
        status = kExitMismatch;
      }
    }
  }
  if (r != actual.size())
    throw InputError(fmt::format("{}: holds {} records; {} hold {}", actual_path, actual.size(),
                                 expected.all(), r));
  std::cout << fmt::format("{} {} records, max |diff| {:.3g}\n",
                           status == kExitOk ? "agree" : "DIFFER", r, overall);
  return status;
}

int run_diagnose(const std::string &model_path, const std::string &actual_path,
                 const std::vector<std::string> &datasets, const Tolerance &tolerance) {
  ir::Model model = format::read_model_file(model_path);
  auto specs = data::input_specs(model);
  for (const auto &spec : specs)
    if (spec.dtype != ir::DType::Float32)
      throw UnsupportedError(fmt::format("{}: input '{}' is {}; diagnose feeds float32 inputs only",
                                         model_path, spec.name, ir::dtype_name(spec.dtype)));
  Records dataset(datasets, specs);
  std::vector<OracleRecord> actual = read_tensor_file(actual_path);
  interp::Interpreter interpreter(model);
  data::Record record;
  for (size_t r = 0; dataset.next(record); ++r) {
    if (r >= actual.size())
      throw InputError(fmt::format("{}: holds {} records; {} hold more", actual_path,
                                   actual.size(), dataset.all()));
    for (size_t i = 0; i < record.inputs.size(); ++i) {
      std::vector<float> values(record.inputs[i].size() / sizeof(float));
      std::memcpy(values.data(), record.inputs[i].data(), record.inputs[i].size());
      interpreter.set_input(i, values);
    }
    interpreter.run();
    // Operators in execution order: the first one whose output moved is the culprit.
    for (size_t op = 0; op < model.operators.size(); ++op)
      for (int32_t index : model.operators[op].outputs) {
        const ir::Tensor &tensor = model.tensors[index];
        const OracleTensor *theirs = find_tensor(actual[r], tensor.name);
        if (!theirs)
          throw InputError(fmt::format("{}: record {} has no tensor '{}' (run the oracle with "
                                       "--all-tensors)", actual_path, r, tensor.name));
        std::string where = fmt::format("{}: record {}", actual_path, r);
        if (theirs->shape != tensor.shape)
          throw InputError(fmt::format("{}: tensor '{}' is {}; the model says {}", where,
                                       tensor.name, ir::shape_to_string(theirs->shape),
                                       ir::shape_to_string(tensor.shape)));
        Deviation d = deviation(interpreter.tensor(index), floats_of(*theirs, where), tolerance);
        if (!d.ok()) {
          std::cout << fmt::format(
              "first difference: {}, tensor '{}' written by {}: element {} qgold {} "
              "tflite {} (max |diff| {:.6g})\n",
              actual[r].id.empty() ? dataset.current() + " " + record.id : actual[r].id, tensor.name, producer_text(model, index), d.index, d.expected, d.actual,
              d.max_diff);
          return kExitMismatch;
        }
      }
  }
  std::cout << "every operator output agrees\n";
  return kExitOk;
}

} // namespace
} // namespace qgold::oracle

int main(int argc, char **argv) {
  using namespace qgold::oracle;
  CLI::App app{"qgold's side of the TFLite oracle (tools/tflite_oracle/README.md)"};
  app.require_subcommand(1);
  std::string model, actual, output, h5, given;
  std::vector<std::string> datasets;
  bool quantize_inputs = false;
  Tolerance tolerance;
  std::function<int()> action;

  CLI::App *inputs = app.add_subcommand("inputs", "write qgold datasets as an oracle tensor file");
  inputs->add_option("model", model, "model (.circle or .tflite)")->required();
  inputs->add_option("data", datasets, "datasets: .h5, folder of .txt or .npy, or one .txt")
      ->required();
  inputs->add_option("-o,--output", output, "tensor file to write")->required();
  inputs->add_option("--h5", h5, "also write the records as one HDF5 dataset (ONE's layout)");
  inputs->add_flag("--quantize-inputs", quantize_inputs,
                   "the datasets hold float values for the quantized inputs: write their codes");
  inputs->callback(
      [&] { action = [&] { return run_inputs(model, datasets, output, h5, quantize_inputs); }; });

  CLI::App *codes = app.add_subcommand(
      "codes", "a quantized model's `qgold run --all-tensors` output vs an --all-tensors oracle run");
  codes->add_option("model", model, "the quantized model both ran")->required();
  codes->add_option("inputs", given, "the oracle's input tensor file (.json)")->required();
  codes->add_option("actual", actual, "oracle output with --all-tensors (.json)")->required();
  codes->add_option("expected", output, "`qgold run --all-tensors` output (.h5)")->required();
  codes->callback([&] { action = [&] { return compare_codes(model, given, actual, output); }; });

  CLI::App *compare = app.add_subcommand("compare", "oracle outputs vs qgold run's HDF5 outputs");
  compare->add_option("model", model, "the float model both ran")->required();
  compare->add_option("actual", actual, "oracle output (.json)")->required();
  compare->add_option("expected", datasets, "`qgold run` outputs (.h5), in record order")
      ->required();

  CLI::App *diagnose = app.add_subcommand("diagnose", "first operator whose output differs");
  diagnose->add_option("model", model, "the float model both ran")->required();
  diagnose->add_option("actual", actual, "oracle output with --all-tensors (.json)")->required();
  diagnose->add_option("data", datasets, "the datasets both ran, in record order")->required();
  for (CLI::App *command : {compare, diagnose}) {
    command->add_option("--atol", tolerance.atol, "absolute tolerance")->capture_default_str();
    command->add_option("--rtol", tolerance.rtol, "relative tolerance")->capture_default_str();
  }
  compare->callback([&] { action = [&] { return run_compare(model, actual, datasets, tolerance); }; });
  diagnose->callback(
      [&] { action = [&] { return run_diagnose(model, actual, datasets, tolerance); }; });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &error) {
    return error.get_exit_code() == 0 ? app.exit(error) : (app.exit(error), kExitBadInput);
  }
  try {
    return action();
  } catch (const qgold::InputError &error) {
    std::cerr << "tflite_oracle_io: error: " << error.what() << '\n';
    return kExitBadInput;
  } catch (const std::exception &error) {
    std::cerr << "tflite_oracle_io: internal error: " << error.what() << '\n';
    return kExitInternal;
  }
}
