#include "harness/backend/engine_backend.h"

#include "data/dataset.h"

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
  }
  return model;
}

} // namespace qgold::harness
