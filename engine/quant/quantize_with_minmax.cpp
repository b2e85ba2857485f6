// Stage C (circle-quantizer --quantize_with_minmax, quantization.md §7): the
// passes in ONE's order. Each pass lives in its own file.

#include "ir/error.h"
#include "quant/fold_converter_constants.h"
#include "quant/quantize_passes.h"

#include <fmt/format.h>

namespace qgold::quant {

void quantize_with_minmax(ir::Model &model, const QuantizeOptions &options) {
  if (options.dtype != ir::DType::UInt8 && options.dtype != ir::DType::Int16 &&
      options.dtype != ir::DType::Int8)
    throw InputError(fmt::format("quantize: dtype must be uint8, int16 or int8, got {}",
                                 ir::dtype_name(options.dtype)));
  if (options.granularity == Granularity::Layer && options.dtype != ir::DType::UInt8)
    throw InputError("quantize: layer granularity requires uint8");
  fold_converter_constants(model);
  check_float_model(model);
  const LayerSettings settings(model, Settings{options.dtype, options.granularity}, options.qconf);
  QuantizeContext context{model, settings, options};

  quantize_activations(context);
  insert_mixed_precision_quantize(context);
  remove_redundant_quantize(model);
  propagate_qparams_backward(context);
  quantize_const_inputs(context);
  set_fixed_activation_qparams(context);
  propagate_qparams_forward(model);
  apply_int8_same_params(context);
  quantize_layer_weights(context);
  quantize_biases(context);
  convert_io_types(context);
  remove_redundant_quantize(model);
  if (!options.save_min_max)
    for (auto &tensor : model.tensors)
      if (tensor.quant) {
        tensor.quant->min.clear();
        tensor.quant->max.clear();
      }
}

} // namespace qgold::quant
