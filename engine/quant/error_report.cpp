#include "quant/error_report.h"

#include "interp/interpreter.h"
#include "interp/quantized_io.h"
#include "ir/error.h"
#include "quant/quant.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <stdexcept>

namespace qgold::quant {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Elements per step of the channel index: the product of the dims after `axis`.
int64_t channel_stride(const Steps &steps) {
  if (steps.axis < 0 || static_cast<size_t>(steps.axis) >= steps.shape.size() ||
      steps.shape[static_cast<size_t>(steps.axis)] != static_cast<int32_t>(steps.scales.size()))
    throw std::invalid_argument(fmt::format(
        "{} scales along axis {} of a tensor of shape {}", steps.scales.size(), steps.axis,
        ir::shape_to_string(steps.shape)));
  int64_t inner = 1;
  for (size_t d = static_cast<size_t>(steps.axis) + 1; d < steps.shape.size(); ++d)
    inner *= steps.shape[d];
  return inner;
}

bool is_quantized_activation(const ir::Tensor &tensor) {
  return !tensor.is_constant() && tensor.dtype != ir::DType::Float32 && tensor.quant &&
         !tensor.quant->scale.empty();
}

// The real values of a quantized tensor's codes: float(double(s)·(q − z)), the
// Dequantize kernel's arithmetic, with each element's channel parameters.
template <typename T>
void dequantize_codes(const ir::Tensor &tensor, std::span<const uint8_t> bytes,
                      std::vector<float> &out) {
  const ir::QuantParams &q = *tensor.quant;
  const size_t count = bytes.size() / sizeof(T);
  out.resize(count);
  int64_t inner = 1;
  if (q.scale.size() > 1)
    inner = channel_stride({q.scale, q.quantized_dimension, tensor.shape});
  for (size_t i = 0; i < count; ++i) {
    T code;
    std::memcpy(&code, bytes.data() + i * sizeof(T), sizeof(T));
    const size_t c = q.scale.size() > 1 ? static_cast<size_t>(i / inner) % q.scale.size() : 0;
    const int64_t zero = c < q.zero_point.size() ? q.zero_point[c] : 0;
    out[i] = static_cast<float>(static_cast<double>(q.scale[c]) *
                                static_cast<double>(static_cast<int64_t>(code) - zero));
  }
}

void dequantize(const ir::Tensor &tensor, std::span<const uint8_t> bytes, std::vector<float> &out) {
  switch (tensor.dtype) {
  case ir::DType::UInt8: return dequantize_codes<uint8_t>(tensor, bytes, out);
  case ir::DType::Int8: return dequantize_codes<int8_t>(tensor, bytes, out);
  case ir::DType::Int16: return dequantize_codes<int16_t>(tensor, bytes, out);
  case ir::DType::Int32: return dequantize_codes<int32_t>(tensor, bytes, out);
  case ir::DType::Int64: return dequantize_codes<int64_t>(tensor, bytes, out);
  default:
    throw UnsupportedError(fmt::format("tensor '{}': no dequantization of {} codes", tensor.name,
                                       ir::dtype_name(tensor.dtype)));
  }
}

// A compared tensor: its index in each model and its running sums.
struct Pair {
  int32_t float_index, quantized_index;
  Steps steps;
  ErrorSums sums;
};

std::string producer_name(const ir::Model &model, int32_t index) {
  const int32_t op = model.producer(index);
  return op < 0 ? "a graph input"
                : fmt::format("the output of {}",
                              ir::op_name(model.operators[static_cast<size_t>(op)].code));
}

// The activations of `model` in graph order: inputs, then every operator output.
std::vector<int32_t> activations(const ir::Model &model) {
  std::vector<int32_t> order = model.inputs;
  for (const ir::Operator &op : model.operators)
    for (int32_t output : op.outputs)
      if (output >= 0 && std::find(order.begin(), order.end(), output) == order.end())
        order.push_back(output);
  return order;
}

// Runs `work`; an InputError from it (an op without an integer kernel, a kernel's domain
// error) is rethrown, of the same class, with `where` in front.
template <typename Work> auto naming(const std::string &where, Work &&work) {
  try {
    return work();
  } catch (const UnsupportedError &error) {
    throw UnsupportedError(fmt::format("{}: {}", where, error.what()));
  } catch (const InputError &error) {
    throw InputError(fmt::format("{}: {}", where, error.what()));
  }
}

} // namespace

Steps steps_of(const ir::Tensor &tensor) {
  if (!tensor.quant || tensor.quant->scale.empty())
    return {};
  return {tensor.quant->scale, tensor.quant->quantized_dimension, tensor.shape};
}

void ErrorSums::add(const ErrorSums &other) {
  elements += other.elements;
  nonfinite += other.nonfinite;
  signal += other.signal;
  noise += other.noise;
  cross += other.cross;
  quantized += other.quantized;
  max_abs_error = std::max(max_abs_error, other.max_abs_error);
  if (other.max_steps)
    max_steps = std::max(max_steps.value_or(0.0), *other.max_steps);
}

ErrorSums error_sums(std::span<const float> reference, std::span<const float> quantized,
                     const Steps &steps) {
  if (reference.size() != quantized.size())
    throw std::invalid_argument(fmt::format("error_sums: {} reference values, {} quantized",
                                            reference.size(), quantized.size()));
  const int64_t inner = steps.scales.size() > 1 ? channel_stride(steps) : 1;
  ErrorSums sums;
  if (!steps.scales.empty())
    sums.max_steps = 0.0;
  for (size_t i = 0; i < reference.size(); ++i) {
    const double f = reference[i], q = quantized[i];
    if (!std::isfinite(f)) {
      ++sums.nonfinite;
      continue;
    }
    const double error = f - q, abs_error = std::abs(error);
    ++sums.elements;
    sums.signal += f * f;
    sums.noise += error * error;
    sums.cross += f * q;
    sums.quantized += q * q;
    sums.max_abs_error = std::max(sums.max_abs_error, abs_error);
    if (sums.max_steps && abs_error > 0) {
      const size_t c =
          steps.scales.size() > 1 ? static_cast<size_t>(int64_t(i) / inner) % steps.scales.size() : 0;
      const double scale = steps.scales[c];
      sums.max_steps = std::max(*sums.max_steps, scale > 0 ? abs_error / scale : kInf);
    }
  }
  return sums;
}

ErrorStats error_stats(const ErrorSums &sums) {
  ErrorStats stats;
  stats.elements = sums.elements;
  stats.nonfinite = sums.nonfinite;
  stats.max_abs_error = sums.max_abs_error;
  stats.max_steps = sums.max_steps;
  stats.mse = sums.elements > 0 ? sums.noise / static_cast<double>(sums.elements) : 0.0;
  if (sums.noise == 0)
    stats.sqnr_db = kInf;
  else if (sums.signal == 0)
    stats.sqnr_db = -kInf;
  else
    stats.sqnr_db = 10.0 * std::log10(sums.signal / sums.noise);
  if (sums.signal == 0 && sums.quantized == 0)
    stats.cosine = 1.0;
  else if (sums.signal == 0 || sums.quantized == 0)
    stats.cosine = 0.0;
  else
    stats.cosine = std::clamp(sums.cross / std::sqrt(sums.signal * sums.quantized), -1.0, 1.0);
  return stats;
}

ErrorStats error_stats(std::span<const float> reference, std::span<const float> quantized,
                       const Steps &steps) {
  return error_stats(error_sums(reference, quantized, steps));
}

ErrorReport error_report(const ir::Model &float_model, const ir::Model &quantized_model,
                         data::DatasetReader &records, const ErrorReportSources &sources) {
  const std::string &fname = sources.float_model, &qname = sources.quantized_model;
  check_float_model(float_model, fname);
  if (std::none_of(quantized_model.tensors.begin(), quantized_model.tensors.end(),
                   is_quantized_activation))
    throw InputError(fmt::format("{}: no activation is quantized (an integer tensor with a "
                                 "scale); expected the quantized model of {}",
                                 qname, fname));

  // Inputs: the same names and shapes; a float input is fed to a quantized one through its
  // parameters, any other input must keep its dtype.
  if (float_model.inputs.size() != quantized_model.inputs.size())
    throw InputError(fmt::format("{} has {} input(s), {} has {}; expected the same model",
                                 fname, float_model.inputs.size(), qname,
                                 quantized_model.inputs.size()));
  std::vector<bool> quantize_input(float_model.inputs.size(), false);
  for (size_t i = 0; i < float_model.inputs.size(); ++i) {
    const ir::Tensor &f = float_model.tensors[static_cast<size_t>(float_model.inputs[i])];
    const ir::Tensor &q = quantized_model.tensors[static_cast<size_t>(quantized_model.inputs[i])];
    if (f.name != q.name || f.shape != q.shape)
      throw InputError(fmt::format("input {}: '{}' {} in {}, '{}' {} in {}; expected the same "
                                   "name and shape",
                                   i, f.name, ir::shape_to_string(f.shape), fname, q.name,
                                   ir::shape_to_string(q.shape), qname));
    quantize_input[i] = f.dtype == ir::DType::Float32 && interp::is_per_tensor_quantized(q);
    if (!quantize_input[i] && f.dtype != q.dtype)
      throw InputError(fmt::format("input {} ('{}'): {} in {}, {} in {}; expected a float32 input "
                                   "to be float32 or quantized with one scale and zero point, "
                                   "any other to keep its dtype",
                                   i, f.name, ir::dtype_name(f.dtype), fname,
                                   ir::dtype_name(q.dtype), qname));
  }

  ErrorReport report;
  std::vector<Pair> pairs;
  for (int32_t index : activations(float_model)) {
    const ir::Tensor &f = float_model.tensors[static_cast<size_t>(index)];
    const int32_t qi = quantized_model.find_tensor(f.name);
    if (qi < 0) {
      report.skipped.push_back({f.name, fmt::format("not in {}", qname)});
      continue;
    }
    const ir::Tensor &q = quantized_model.tensors[static_cast<size_t>(qi)];
    if (f.dtype != ir::DType::Float32) {
      report.skipped.push_back(
          {f.name, fmt::format("{} in {}: not a real-valued activation", ir::dtype_name(f.dtype),
                               fname)});
      continue;
    }
    if (q.is_constant()) {
      report.skipped.push_back({f.name, fmt::format("a constant in {}", qname)});
      continue;
    }
    if (q.shape != f.shape)
      throw InputError(fmt::format("tensor '{}': {} in {}, {} in {}; expected the same shape",
                                   f.name, ir::shape_to_string(f.shape), fname,
                                   ir::shape_to_string(q.shape), qname));
    if (q.dtype != ir::DType::Float32 && !is_quantized_activation(q))
      throw InputError(fmt::format("tensor '{}': {} without a scale in {}; expected float32 or "
                                   "a quantized integer, as float32 in {}",
                                   f.name, ir::dtype_name(q.dtype), qname, fname));
    if (is_quantized_activation(q) && q.quant->scale.size() > 1)
      channel_stride(steps_of(q)); // checked here, not in the middle of a record
    pairs.push_back({index, qi, steps_of(q), {}});
    report.tensors.push_back({f.name, q.dtype, f.shape,
                              is_quantized_activation(q) ? q.quant->scale.size() : 0,
                              float_model.is_graph_output(index), {}});
  }
  // What quantization added: Quantize/Dequantize outputs (mixed precision, input/output types).
  for (int32_t index : activations(quantized_model)) {
    const ir::Tensor &q = quantized_model.tensors[static_cast<size_t>(index)];
    if (float_model.find_tensor(q.name) < 0)
      report.skipped.push_back(
          {q.name, fmt::format("only in {} ({})", qname, producer_name(quantized_model, index))});
  }

  using interp::Interpreter;
  const auto float_run = naming(fname, [&] {
    return std::make_unique<Interpreter>(float_model, interp::Kernels::Float);
  });
  const auto quantized_run = naming(qname, [&] {
    return std::make_unique<Interpreter>(quantized_model, interp::Kernels::FloatAndInteger);
  });
  const std::vector<data::InputSpec> specs = data::input_specs(float_model);
  data::Record record;
  std::vector<float> values, dequantized;
  while (records.next(record)) {
    for (size_t i = 0; i < record.inputs.size(); ++i) {
      const std::string where = fmt::format("{}: record '{}', input {} ('{}')", sources.data,
                                            record.id, i, specs[i].name);
      if (specs[i].dtype == ir::DType::Float32) {
        values.resize(record.inputs[i].size() / sizeof(float));
        std::memcpy(values.data(), record.inputs[i].data(), record.inputs[i].size());
        for (size_t k = 0; k < values.size(); ++k)
          if (!std::isfinite(values[k]))
            throw InputError(
                fmt::format("{}, index {}: {}; expected a finite value", where, k, values[k]));
      }
      float_run->set_input_bytes(i, record.inputs[i]);
      if (quantize_input[i])
        quantized_run->set_input_bytes(
            i, interp::quantize_values(
                   quantized_model.tensors[static_cast<size_t>(quantized_model.inputs[i])], values,
                   where));
      else
        quantized_run->set_input_bytes(i, record.inputs[i]);
    }
    naming(fmt::format("{}: record '{}'", fname, record.id), [&] { float_run->run(); });
    naming(fmt::format("{}: record '{}'", qname, record.id), [&] { quantized_run->run(); });
    // Per record, then added in record order: the totals do not depend on how records
    // would be shared among threads.
    for (Pair &pair : pairs) {
      const ir::Tensor &q = quantized_model.tensors[static_cast<size_t>(pair.quantized_index)];
      std::span<const float> got;
      if (q.dtype == ir::DType::Float32) {
        got = quantized_run->tensor(pair.quantized_index);
      } else {
        dequantize(q, quantized_run->tensor_bytes(pair.quantized_index), dequantized);
        got = dequantized;
      }
      pair.sums.add(error_sums(float_run->tensor(pair.float_index), got, pair.steps));
    }
    ++report.records;
  }
  if (report.records == 0)
    throw InputError(fmt::format("{}: no records; expected at least one", sources.data));
  for (size_t i = 0; i < pairs.size(); ++i)
    report.tensors[i].stats = error_stats(pairs[i].sums);
  return report;
}

} // namespace qgold::quant
