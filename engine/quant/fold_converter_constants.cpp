// Converter-made models store some constants in a compact form that a
// runtime expands: sparse constants (behind DENSIFY or read directly by a
// sparse kernel) and FLOAT16 or int8 weights behind DEQUANTIZE. ONE folds
// them before quantizing (FoldDensifyPass, FoldDequantizePass); qgold does
// it at the start of every step, so fake-quant, record-minmax and quantize
// see plain float32 constants.
//
// Unlike ONE, which adds a constant named <name>_DS / <name>_DQ, the folded
// op's output tensor becomes the constant: the names the graph uses stay.

#include "quant/fold_converter_constants.h"

#include "ir/error.h"
#include "ir/sparse.h"
#include "quant/graph_edit.h"

#include <fmt/format.h>

#include <cmath>
#include <cstring>

namespace qgold::quant {
namespace {

// IEEE 754 binary16 to binary32; exact for every value.
float half_to_float(uint16_t half) {
  const uint32_t sign = (half >> 15) & 1, exponent = (half >> 10) & 0x1f, mantissa = half & 0x3ff;
  float magnitude;
  if (exponent == 0)
    magnitude = std::ldexp(static_cast<float>(mantissa), -24); // subnormal
  else if (exponent == 31)
    magnitude = mantissa ? NAN : INFINITY;
  else
    magnitude = std::ldexp(static_cast<float>(mantissa | 0x400), static_cast<int>(exponent) - 25);
  return sign ? -magnitude : magnitude;
}

template <typename T> int64_t code_at(const std::vector<uint8_t> &data, int64_t i) {
  T value;
  std::memcpy(&value, data.data() + i * static_cast<int64_t>(sizeof(T)), sizeof(T));
  return static_cast<int64_t>(value);
}

// f32(q - zero_point) * scale per element, the channel taken along
// quantized_dimension (one zero point serves all channels when only one is given).
std::vector<float> dequantize_constant(const ir::Tensor &tensor) {
  if (!tensor.quant || tensor.quant->scale.empty())
    throw InputError(fmt::format("constant '{}' ({}) behind a Dequantize has no quantization scale", tensor.name,
                                 ir::dtype_name(tensor.dtype)));
  const ir::QuantParams &q = *tensor.quant;
  const int64_t count = tensor.num_elements();
  int64_t inner = 1, channels = 1;
  if (q.scale.size() > 1) {
    channels = tensor.shape.at(static_cast<size_t>(q.quantized_dimension));
    for (size_t d = static_cast<size_t>(q.quantized_dimension) + 1; d < tensor.shape.size(); ++d)
      inner *= tensor.shape[d];
  }
  std::vector<float> out(static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) {
    int64_t code = 0;
    switch (tensor.dtype) {
    case ir::DType::Int8:
      code = code_at<int8_t>(*tensor.data, i);
      break;
    case ir::DType::UInt8:
      code = code_at<uint8_t>(*tensor.data, i);
      break;
    case ir::DType::Int16:
      code = code_at<int16_t>(*tensor.data, i);
      break;
    case ir::DType::Int32:
      code = code_at<int32_t>(*tensor.data, i);
      break;
    case ir::DType::Int64:
      code = code_at<int64_t>(*tensor.data, i);
      break;
    default:
      throw UnsupportedError(fmt::format("constant '{}' behind a Dequantize is {}, which qgold cannot fold",
                                         tensor.name, ir::dtype_name(tensor.dtype)));
    }
    const size_t c = static_cast<size_t>(channels > 1 ? i / inner % channels : 0);
    const int64_t zero_point = q.zero_point.empty() ? 0 : q.zero_point[c < q.zero_point.size() ? c : 0];
    out[static_cast<size_t>(i)] = static_cast<float>(code - zero_point) * q.scale[c];
  }
  return out;
}

std::vector<float> float16_values(const std::vector<uint8_t> &data) {
  std::vector<float> out(data.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) {
    uint16_t half;
    std::memcpy(&half, data.data() + 2 * i, 2);
    out[i] = half_to_float(half);
  }
  return out;
}

// Whether op `op` turns a constant into one: Densify of a (now dense)
// constant, Dequantize of a FLOAT16 or quantized constant. Its output then
// takes the folded values and the op goes.
bool fold(ir::Model &model, const ir::Operator &op) {
  if (op.code != ir::OpCode::Densify && op.code != ir::OpCode::Dequantize)
    return false;
  const ir::Tensor &input = model.tensors[op.inputs.at(0)];
  if (!input.is_constant())
    return false;
  ir::Tensor &output = model.tensors[op.outputs.at(0)];
  if (op.code == ir::OpCode::Densify)
    output.data = input.data;
  else if (input.dtype == ir::DType::Float16)
    output.set_values<float>(float16_values(*input.data));
  else
    output.set_values<float>(dequantize_constant(input));
  output.quant.reset();
  return true;
}

} // namespace

bool fold_converter_constants(ir::Model &model) {
  bool changed = false;
  for (ir::Tensor &tensor : model.tensors)
    if (tensor.sparsity) {
      tensor.data = ir::densify(tensor);
      tensor.sparsity.reset();
      changed = true;
    }
  for (size_t i = 0; i < model.operators.size();) {
    if (fold(model, model.operators[i])) {
      model.operators.erase(model.operators.begin() + static_cast<std::ptrdiff_t>(i));
      changed = true;
    } else {
      ++i;
    }
  }
  if (changed)
    remove_unused_tensors(model);
  return changed;
}

} // namespace qgold::quant
