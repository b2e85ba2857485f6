#include "harness/backend/engine_backend.h"

#include "data/dataset.h"
#include "interp/dataset_run.h"
#include "interp/interpreter.h"

#include <fmt/format.h>

#include <cstring>
#include <set>
#include <stdexcept>

namespace qgold::harness {

ir::Model EngineBackend::run_step(Step step, const ir::Model &input, const CaseSettings &c) {
  ir::Model model = input;
  const quant::QConf *qconf = c.qconf ? &*c.qconf : nullptr;
  switch (step) {
  case Step::FakeQuantization:
    quant::fake_quantize(model, c.quantized_dtype(), c.quantized_granularity(), qconf);
    break;
  case Step::RecordMinMax: {
    quant::RecordMinMaxOptions options;
    options.backend = quant::RecordMinMaxOptions::Backend::Reference;
    auto dataset = data::open_dataset(c.inputs_dir, data::input_specs(model));
    quant::record_minmax(model, *dataset, options);
    break;
  }
  case Step::Quantization: {
    quant::QuantizeOptions options;
    options.dtype = c.quantized_dtype();
    options.granularity = c.quantized_granularity();
    options.qconf = qconf;
    quant::quantize_with_minmax(model, options);
    break;
  }
  case Step::WoQuantization:
    quant::quantize_weights(model, c.quantized_dtype(), c.quantized_granularity());
    break;
  case Step::Inference: // run_case_steps calls run_inference for it
    throw std::logic_error("the inference step produces no model");
  }
  return model;
}

InferenceOutput EngineBackend::run_inference(const ir::Model &quantized, const CaseSettings &c) {
  const interp::DatasetFeed feed = interp::dataset_feed(quantized, true, c.id);
  auto dataset = data::open_dataset(c.inputs_dir, feed.specs);
  interp::Interpreter interpreter(quantized, interp::Kernels::FloatAndInteger);
  InferenceRecorder recorder(quantized);
  interp::run_dataset(quantized, interpreter, *dataset, feed,
                      [&](const data::Record &, const interp::Interpreter &run) {
                        recorder.add_record(
                            [&](int32_t index) { return run.tensor_bytes(index); });
                      });
  return recorder.take();
}

namespace {

bool is_integer(ir::DType dtype) {
  switch (dtype) {
  case ir::DType::UInt8:
  case ir::DType::Int8:
  case ir::DType::Int16:
  case ir::DType::Int32:
  case ir::DType::Int64:
  case ir::DType::Bool:
    return true;
  default:
    return false;
  }
}

template <typename T>
void append_values(std::span<const uint8_t> bytes, std::vector<int64_t> &values) {
  const size_t count = bytes.size() / sizeof(T);
  for (size_t i = 0; i < count; ++i) {
    T value;
    std::memcpy(&value, bytes.data() + i * sizeof(T), sizeof(T));
    values.push_back(static_cast<int64_t>(value));
  }
}

} // namespace

InferenceRecorder::InferenceRecorder(const ir::Model &model) {
  std::set<int32_t> seen;
  std::vector<int32_t> order = model.inputs;
  for (int32_t index : interp::reported_tensors(model, true))
    order.push_back(index);
  for (int32_t index : order) {
    const ir::Tensor &tensor = model.tensors[static_cast<size_t>(index)];
    if (seen.insert(index).second && is_integer(tensor.dtype)) {
      tensors_.push_back(index);
      output_.push_back({tensor.name, tensor.dtype, tensor.shape, {}});
    }
  }
}

void InferenceRecorder::add_record(
    const std::function<std::span<const uint8_t>(int32_t)> &bytes_of) {
  for (size_t i = 0; i < tensors_.size(); ++i) {
    const std::span<const uint8_t> bytes = bytes_of(tensors_[i]);
    std::vector<int64_t> &values = output_[i].values;
    switch (output_[i].dtype) {
    case ir::DType::UInt8:
    case ir::DType::Bool:
      append_values<uint8_t>(bytes, values);
      break;
    case ir::DType::Int8:
      append_values<int8_t>(bytes, values);
      break;
    case ir::DType::Int16:
      append_values<int16_t>(bytes, values);
      break;
    case ir::DType::Int32:
      append_values<int32_t>(bytes, values);
      break;
    case ir::DType::Int64:
      append_values<int64_t>(bytes, values);
      break;
    default:
      throw std::logic_error(fmt::format("tensor '{}' is not an integer", output_[i].name));
    }
  }
}

} // namespace qgold::harness
