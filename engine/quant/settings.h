#pragma once

#include "ir/model.h"
#include "quant/quant.h"

#include <map>
#include <string>

namespace qgold::quant {

// The dtype and granularity a node is quantized with.
struct Settings {
  ir::DType dtype;
  Granularity granularity;
  bool operator==(const Settings &) const = default;
};

// Per-tensor settings: the defaults, overridden by a qconf. A qconf entry
// naming any output of a multi-output op (Split) applies to all its outputs.
class LayerSettings {
public:
  LayerSettings(const ir::Model &model, Settings defaults, const QConf *qconf);
  const Settings &defaults() const { return defaults_; }
  // The qconf's file (or recipe place), for messages; "qconf" when unnamed.
  const std::string &qconf_origin() const { return origin_; }
  Settings for_tensor(int32_t tensor_index) const;
  // An op is quantized with the settings of its (first) output.
  Settings for_op(const ir::Operator &op) const;

private:
  Settings defaults_;
  std::string origin_ = "qconf";
  std::map<int32_t, Settings> overrides_;
};

// Whether an op's weights are quantized per channel under `settings`: channel
// granularity, except FullyConnected in int8, whose weights TFLite's spec
// quantizes per tensor.
bool weights_per_channel(ir::OpCode code, const Settings &settings);

} // namespace qgold::quant
