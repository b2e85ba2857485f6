#include "interp/quantized_io.h"

#include "interp/kernels/quantized/quantize.h"
#include "ir/error.h"

#include <fmt/format.h>

#include <cmath>

namespace qgold::interp {
namespace {

namespace q = kernels::quantized;

template <typename T>
std::vector<uint8_t> codes_of(const q::QuantInfo &quant, ir::DType dtype,
                              std::span<const float> values) {
  std::vector<uint8_t> bytes(values.size() * sizeof(T));
  q::quantize(quant, q::full_range(dtype), static_cast<int64_t>(values.size()), values.data(),
              reinterpret_cast<T *>(bytes.data()));
  return bytes;
}

} // namespace

bool is_per_tensor_quantized(const ir::Tensor &tensor) {
  return (tensor.dtype == ir::DType::UInt8 || tensor.dtype == ir::DType::Int8 ||
          tensor.dtype == ir::DType::Int16) &&
         tensor.quant && tensor.quant->scale.size() == 1 && tensor.quant->zero_point.size() == 1;
}

std::vector<uint8_t> quantize_values(const ir::Tensor &tensor, std::span<const float> values,
                                     const std::string &where) {
  if (!is_per_tensor_quantized(tensor))
    throw InputError(fmt::format("{}: tensor '{}' is {} without one scale and zero point; it has "
                                 "no codes to quantize to",
                                 where, tensor.name, ir::dtype_name(tensor.dtype)));
  for (size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i]))
      throw InputError(fmt::format("{}, index {}: {} has no code", where, i, values[i]));
  const q::QuantInfo quant{tensor.quant->scale[0],
                           static_cast<int32_t>(tensor.quant->zero_point[0])};
  switch (tensor.dtype) {
  case ir::DType::UInt8:
    return codes_of<uint8_t>(quant, tensor.dtype, values);
  case ir::DType::Int8:
    return codes_of<int8_t>(quant, tensor.dtype, values);
  default:
    return codes_of<int16_t>(quant, tensor.dtype, values);
  }
}

} // namespace qgold::interp
