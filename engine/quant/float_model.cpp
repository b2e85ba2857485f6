// ONE's post-training tools take a float32 model. Re-running a step on a model
// that is already quantized would strip or rewrite its parameters without a
// word, so every entry point refuses it up front.

#include "ir/error.h"
#include "quant/quant.h"

#include <fmt/format.h>

namespace qgold::quant {
namespace {

// What keeps `tensor` out of a float model, or "" when nothing does.
std::string problem(const ir::Tensor &tensor) {
  // Float tensors may carry parameters: fake-quant's weight scales, recorded ranges.
  if (tensor.dtype == ir::DType::Float32)
    return "";
  const std::string_view dtype = ir::dtype_name(tensor.dtype);
  if (tensor.quant && !tensor.quant->scale.empty())
    return fmt::format("is already quantized ({})", dtype);
  // Shapes, axes, paddings, indices, and what comparisons produce.
  if (tensor.dtype == ir::DType::Int32 || tensor.dtype == ir::DType::Int64 ||
      tensor.dtype == ir::DType::Bool)
    return "";
  return fmt::format("is {} (besides float32 only int32/int64/bool shapes, axes, indices and "
                     "conditions)",
                     dtype);
}

} // namespace

void check_float_model(const ir::Model &model, const std::string &origin) {
  for (const ir::Tensor &tensor : model.tensors)
    if (const std::string why = problem(tensor); !why.empty())
      throw InputError(fmt::format("{}{}tensor '{}' {}; expected a float32 model", origin,
                                   origin.empty() ? "" : ": ", tensor.name, why));
}

} // namespace qgold::quant
